/** The JSON Schema shapes the normalizer walks; everything else is left as it is. */
interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
}

function propertiesOf(schema: SchemaNode): Record<string, SchemaNode> {
  const out: Record<string, SchemaNode> = { ...schema.properties };
  for (const sub of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) Object.assign(out, propertiesOf(sub));
  return out;
}

/**
 * Renames keys written in another letter case (`resourceIds`, `ResourceIds`, `RESOURCEIDS`) to the name the
 * schema declares, so that clients in any casing convention are understood. Keys the schema does not know are kept.
 */
export function normalizeLetterCase(value: unknown, schema: SchemaNode | undefined): unknown {
  if (!schema || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return schema.items ? value.map((v) => normalizeLetterCase(v, schema.items)) : value;
  const properties = propertiesOf(schema);
  const byLower = new Map(Object.keys(properties).map((k) => [k.toLowerCase(), k]));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const declared = key in properties ? key : (byLower.get(key.toLowerCase()) ?? key);
    // An exact match wins over a case-insensitive one if a body carries both.
    if (declared in out && declared !== key) continue;
    out[declared] = normalizeLetterCase(v, properties[declared]);
  }
  return out;
}
