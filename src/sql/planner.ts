import type { Expr, Literal } from './ast.js';
import type { ApiRequest } from './api-client.js';
import { SELECT_NOT_SUPPORTED } from './intrinsic.js';
import type { MethodInfo, ResourceInfo, VerbKey } from './registry.js';
import { flatten, typeName } from './schema.js';
import { SqlError } from './sql-error.js';

/** Which method serves a statement, and how its values become a path, a query and a body. */

export function noMethodMessage(resource: ResourceInfo, verb: VerbKey): string {
  return (
    'cannot find matching operation, possible causes include missing required parameters or an unsupported method for the resource, ' +
    `to find required parameters for supported methods run SHOW METHODS IN ${resource.id}: no appropriate method = '${verb}' for resource = '${resource.name}'`
  );
}

export function missingParamsMessage(names: readonly string[]): string {
  return `query cannot be executed, missing required parameters: { ${names.join(', ')} }`;
}

/** Required names of a method; body fields count only where the statement can carry a body. */
function requiredOf(method: MethodInfo, withBody: boolean): string[] {
  const params = method.params.filter((p) => p.required).map((p) => p.name);
  return withBody && method.body ? [...params, ...method.body.required.map((r) => `${method.body?.prefix ?? ''}${r}`)] : params;
}

/**
 * StackQL's rule: the first method listed for the verb whose required parameters are all supplied.
 * When none is, the error names what the closest method still misses.
 */
export function chooseMethod(resource: ResourceInfo, verb: VerbKey, supplied: ReadonlySet<string>, withBody: boolean): MethodInfo {
  const candidates = resource.verbs[verb];
  if (candidates.length === 0) throw new SqlError(verb === 'select' ? SELECT_NOT_SUPPORTED : noMethodMessage(resource, verb));
  let closest: string[] | undefined;
  for (const method of candidates) {
    const missing = requiredOf(method, withBody).filter((name) => !supplied.has(name));
    if (missing.length === 0) return method;
    if (!closest || missing.length < closest.length) closest = missing;
  }
  throw new SqlError(missingParamsMessage(closest ?? []));
}

/** Parameter names any method of the verb takes (so WHERE knows which equalities are parameters). */
export function parameterNames(resource: ResourceInfo, verb: VerbKey): Set<string> {
  return new Set(resource.verbs[verb].flatMap((m) => m.params.map((p) => p.name)));
}

export interface Equality {
  name: string;
  value: Literal;
  /** The conjunct itself, so the local filter can drop it once the API has applied it. */
  expr: Expr;
}

/** `a = 'x' AND b = 1 AND ...`: the equalities between a column and a literal at the top of WHERE. */
export function topLevelEqualities(where: Expr | undefined, alias?: string): Equality[] {
  if (!where) return [];
  if (where.kind === 'binary' && where.op === 'AND') return [...topLevelEqualities(where.left, alias), ...topLevelEqualities(where.right, alias)];
  if (where.kind !== 'binary' || where.op !== '=') return [];
  const [column, literal] =
    where.left.kind === 'column' && where.right.kind === 'literal'
      ? [where.left, where.right]
      : where.right.kind === 'column' && where.left.kind === 'literal'
        ? [where.right, where.left]
        : [undefined, undefined];
  if (!column || !literal) return [];
  const path = alias && column.path.length > 1 && column.path[0] === alias ? column.path.slice(1) : column.path;
  return [{ name: path.join('.'), value: literal.value, expr: where }];
}

/** Replaces the given conjuncts with TRUE, leaving the rest of WHERE for local filtering. */
export function without(where: Expr | undefined, used: ReadonlySet<Expr>): Expr | undefined {
  if (!where) return undefined;
  if (used.has(where)) return undefined;
  if (where.kind === 'binary' && where.op === 'AND') {
    const left = without(where.left, used);
    const right = without(where.right, used);
    if (!left) return right;
    if (!right) return left;
    return { ...where, left, right };
  }
  return where;
}

/** A value as the schema wants it: JSON text for objects and arrays, numbers and booleans from text. */
function convert(doc: unknown, schema: Parameters<typeof typeName>[1], value: unknown, name: string): unknown {
  const type = typeName(doc, schema);
  if (typeof value === 'string') {
    if (type === 'object' || type === 'array') {
      try {
        return JSON.parse(value);
      } catch {
        throw new SqlError(`the value of '${name}' must be JSON (an ${type}), got: ${value.slice(0, 60)}`);
      }
    }
    if ((type === 'integer' || type === 'number') && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
    if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  }
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}

/** Checks a JSON payload against the request-body schema the way StackQL does, with its messages. */
export function checkPayload(method: MethodInfo, payload: Record<string, unknown>): void {
  const body = method.body;
  if (!body) return;
  const properties = body.schema.properties;
  if (properties && body.schema.additionalProperties === false) {
    for (const key of Object.keys(payload)) {
      if (!(key in properties)) throw new SqlError(`schema does not possess payload key '${key}'`);
    }
  }
  const missing = body.required.filter((k) => payload[k] === undefined);
  if (missing.length > 0) {
    throw new SqlError(`required elements not included in suplied object; the following keys are missing: ${missing.join(', ')}.`);
  }
}

/**
 * The HTTP request for a method: path parameters into the path, query parameters into the query, and any
 * other value (named as SHOW METHODS names body fields) into the JSON body, merged over `payload`. When the body
 * is an array (SDS events), the values make one item of it.
 */
export function buildRequest(method: MethodInfo, values: ReadonlyMap<string, unknown>, payload?: unknown): ApiRequest {
  const doc = method.resource.doc;
  let path = method.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  const arrayBody = method.body?.schema.type === 'array';
  const target = arrayBody ? flatten(doc, method.body?.schema.items) : method.body?.schema;
  const fields: Record<string, unknown> = {};
  for (const [name, raw] of values) {
    const param = method.params.find((p) => p.name === name);
    if (param) {
      if (raw === null || raw === undefined) continue;
      const text = typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
      if (param.in === 'path') path = path.replace(`{${name}}`, encodeURIComponent(text));
      else if (param.in === 'query') query.set(name, text);
      else if (param.in === 'header') headers[name] = text;
      continue;
    }
    const prefix = method.body?.prefix ?? '';
    const field = prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name;
    const schema = target?.properties?.[field];
    const open = target !== undefined && target.additionalProperties !== undefined && target.additionalProperties !== false;
    if (!method.body || (!schema && !open) || (prefix && !name.startsWith(prefix))) {
      throw new SqlError(`'${name}' is not a parameter of ${method.resource.id}.${method.name} (DESCRIBE METHOD ${method.resource.id}.${method.name} lists them)`);
    }
    fields[field] = schema ? convert(doc, flatten(doc, schema), raw, name) : raw;
  }
  const missingPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  if (missingPath.length > 0) throw new SqlError(`required param not supplied for exec: could not find variable '${missingPath[0]}'`);
  const qs = query.toString();
  const request: ApiRequest = { method: method.httpMethod, url: qs ? `${path}?${qs}` : path };
  if (Object.keys(headers).length > 0) request.headers = headers;
  const hasFields = Object.keys(fields).length > 0;
  if (!method.body || (!hasFields && payload === undefined && method.body.required.length === 0 && !arrayBody)) return request;
  if (arrayBody) {
    if (payload !== undefined && !Array.isArray(payload)) throw new SqlError(`the body of ${method.resource.id}.${method.name} is a JSON array`);
    request.body = [...((payload as unknown[] | undefined) ?? []), ...(hasFields ? [fields] : [])];
  } else {
    if (payload !== undefined && (payload === null || typeof payload !== 'object' || Array.isArray(payload))) {
      throw new SqlError(`the body of ${method.resource.id}.${method.name} is a JSON object`);
    }
    const body = { ...(payload as Record<string, unknown> | undefined), ...fields };
    checkPayload(method, body);
    request.body = body;
  }
  request.mediaType = method.body.mediaType;
  return request;
}
