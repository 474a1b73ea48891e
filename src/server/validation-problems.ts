import { type Problem, problemOf } from './api-error.js';
import { escapePointerSegment, pointerSegments, unescapePointerSegment } from './json-pointer.js';

/** The subset of an Ajv error that we read. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}


function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointerSegments(pointer)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** The pointer to the field the error is about: a missing or unexpected property is named, not its parent. */
function pointerOf(error: SchemaError): string {
  const child = error.params.missingProperty ?? error.params.additionalProperty ?? (error.keyword === 'discriminator' ? error.params.tag : undefined);
  return typeof child === 'string' ? `${error.instancePath}/${escapePointerSegment(child)}` : error.instancePath;
}

function messageOf(error: SchemaError): string {
  if (error.keyword === 'additionalProperties') return `unknown property '${String(error.params.additionalProperty)}'`;
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'discriminator') {
    return error.params.error === 'tag' ? 'is required and must be a string' : 'is not a supported kind';
  }
  if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
    return `must be one of: ${error.params.allowedValues.map(String).join(', ')}`;
  }
  return error.message ?? 'is invalid';
}

/** An answer names at most this many violations and says how many more there were. */
export const MAX_REPORTED = 50;

/**
 * Every violation of a request (up to MAX_REPORTED), each pointing at its field. Where a value may take one of several shapes
 * (an entitlement as details or as a reference) only the errors of the shape it is trying to be are kept:
 * a body with `related` is a reference, anything else is details.
 */
export function problemsFromValidation(errors: readonly SchemaError[], context: string, data: unknown): Problem[] {
  const chosenBranch = new Map<string, string>();
  for (const e of errors) {
    if (e.keyword !== 'oneOf') continue;
    const value = valueAt(data, e.instancePath);
    const isReference = typeof value === 'object' && value !== null && 'related' in value;
    chosenBranch.set(e.schemaPath, `${e.schemaPath.replace(/\/oneOf$/, '')}/oneOf/${isReference ? 1 : 0}/`);
  }
  const kept = errors.filter((e) => {
    if (e.keyword === 'oneOf' && chosenBranch.has(e.schemaPath)) return false;
    for (const [oneOfPath, branch] of chosenBranch) {
      const prefix = oneOfPath.replace(/\/oneOf$/, '/oneOf/');
      if (e.schemaPath.startsWith(prefix) && !e.schemaPath.startsWith(branch)) return false;
    }
    return true;
  });
  const seen = new Set<string>();
  const problems: Problem[] = [];
  let leftOut = 0;
  for (const e of kept) {
    const pointer = pointerOf(e);
    const detail = messageOf(e);
    const key = `${pointer} ${detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (problems.length >= MAX_REPORTED) {
      leftOut += 1;
      continue;
    }
    if (context === 'body') {
      problems.push(problemOf('invalid_input', `${pointer || '/'} ${detail}`, { pointer }));
    } else {
      const parameter = unescapePointerSegment(pointer.split('/')[1] ?? '');
      problems.push(problemOf('invalid_parameter', `${context === 'params' ? 'path' : 'query'} parameter '${parameter}' ${detail}`, { parameter }));
    }
  }
  if (leftOut > 0) {
    problems.push(
      problemOf(context === 'body' ? 'invalid_input' : 'invalid_parameter', `${leftOut} more violation${leftOut === 1 ? '' : 's'} not reported; correct the ones above and send the request again`),
    );
  }
  return problems;
}
