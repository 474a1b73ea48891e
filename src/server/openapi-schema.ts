import { Validator } from '@seriousme/openapi-schema-validator';

declare module '@seriousme/openapi-schema-validator' {
  interface Validator {
    getAjvValidator(version: string): (specification: unknown) => boolean;
  }
}

// fastify-openapi-glue checks each document with a new Validator, and each compiles the OpenAPI schema anew: a
// quarter of a second of CPU per document, several per server start. The compiled check keeps no state between
// calls that matters (its `errors` are read right after the call), so one per OpenAPI version serves them all.
const compiled = new Map<string, (specification: unknown) => boolean>();
const compile = Validator.prototype.getAjvValidator;
Validator.prototype.getAjvValidator = function getAjvValidator(this: Validator, version: string) {
  let check = compiled.get(version);
  if (!check) {
    check = compile.call(this, version);
    compiled.set(version, check);
  }
  return check;
};
