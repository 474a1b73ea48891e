import { pointerSegments } from '../server/json-pointer.js';

/** Just enough JSON Schema (as OpenAPI 3.0 writes it) for DESCRIBE, payload checks and value conversion. */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  readOnly?: boolean;
  nullable?: boolean;
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
}

/** Follows a local JSON pointer (`#/paths/~1partner~1v2~1signup/post`) inside a document. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`only local references are supported: ${ref}`);
  let node: unknown = doc;
  for (const key of pointerSegments(ref)) {
    if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`unresolvable reference ${ref}`);
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A schema with its `$ref`s followed (one level at a time, as callers walk deeper). */
export function deref(doc: unknown, schema: JsonSchema | undefined): JsonSchema | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 32; hops++) current = resolvePointer(doc, current.$ref) as JsonSchema;
  return current;
}

/** Merges `allOf` parts into one object schema: properties and required names of every part. */
export function flatten(doc: unknown, schema: JsonSchema | undefined): JsonSchema {
  const resolved = deref(doc, schema);
  if (!resolved) return {};
  if (!resolved.allOf) return resolved;
  const merged: JsonSchema = { ...resolved, properties: { ...resolved.properties }, required: [...(resolved.required ?? [])] };
  delete merged.allOf;
  for (const part of resolved.allOf) {
    const flat = flatten(doc, part);
    if (flat.type && !merged.type) merged.type = flat.type;
    if (flat.description && !merged.description) merged.description = flat.description;
    Object.assign(merged.properties as object, flat.properties);
    for (const name of flat.required ?? []) if (!merged.required?.includes(name)) merged.required?.push(name);
  }
  return merged;
}

/** The SQL-facing type name of a schema: its `type`, or `object` for composed schemas. */
export function typeName(doc: unknown, schema: JsonSchema | undefined): string {
  const flat = flatten(doc, schema);
  if (flat.type) return flat.type;
  if (flat.properties || flat.oneOf || flat.anyOf) return 'object';
  return 'string';
}

/** A compact shape of a schema (type, properties, items, required) for DESCRIBE METHOD. */
export function shapeOf(doc: unknown, schema: JsonSchema | undefined, depth = 0): unknown {
  const flat = flatten(doc, schema);
  if (depth > 4) return { type: typeName(doc, flat) };
  const out: Record<string, unknown> = { type: typeName(doc, flat) };
  if (flat.format) out.format = flat.format;
  if (flat.enum) out.enum = flat.enum;
  if (flat.properties) {
    out.properties = Object.fromEntries(Object.entries(flat.properties).map(([k, v]) => [k, shapeOf(doc, v, depth + 1)]));
  }
  if (flat.required?.length) out.required = flat.required;
  const choices = flat.oneOf ?? flat.anyOf;
  if (choices) out.oneOf = choices.map((c) => shapeOf(doc, c, depth + 1));
  if (flat.items) out.items = shapeOf(doc, flat.items, depth + 1);
  return out;
}
