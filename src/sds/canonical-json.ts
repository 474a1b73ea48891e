/** JSON with object keys sorted, so that two equal values compare equal as text whatever order they were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    // A field written as null and one left out mean the same.
    if (v !== undefined && v !== null) out[key] = sortKeys(v);
  }
  return out;
}
