import { AjvCompiler } from '@fastify/ajv-compiler';

type BuildValidator = ReturnType<typeof AjvCompiler>;
type Compile = ReturnType<BuildValidator>;
interface RouteDefinition {
  httpPart?: string;
}

/**
 * Fastify's validator factory, with one difference: paths and query strings are text and are read as their declared
 * types (`?skip=5`), while bodies are validated as written, so `"external_id": 12345` is refused, not stored as text.
 */
export function buildValidator(): BuildValidator {
  const pool = AjvCompiler();
  return (externalSchemas, options) => {
    const coercing = pool(externalSchemas, options);
    const exact = pool(externalSchemas, { ...options, mode: undefined, customOptions: { ...options?.customOptions, coerceTypes: false } });
    // Fastify calls the compiler with the route's definition ({ schema, method, url, httpPart }); the library's types
    // describe Ajv's compile instead, hence the conversions at this seam.
    const compile = (definition: RouteDefinition) => (definition.httpPart === 'body' ? exact : coercing)(definition as Parameters<Compile>[0]);
    return compile as unknown as Compile;
  };
}
