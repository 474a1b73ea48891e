import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const VENDOR_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'reference', 'vendor-openapi');
const FILES = {
  signup: 'confluent-the-data-streaming-platform-signup-partner-v2-api-openapi.yml',
  entitlements: 'confluent-the-data-streaming-platform-entitlements-partner-v2-api-openapi.yml',
  organizations: 'confluent-the-data-streaming-platform-organizations-partner-v2-api-openapi.yml',
} as const;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let ajv: Ajv | undefined;

/** True when the vendor's documents are beside the project (they are in its shared/ folder). */
export function vendorSchemasAvailable(): boolean {
  try {
    readFileSync(join(VENDOR_DIR, FILES.signup));
    return true;
  } catch {
    return false;
  }
}

function instance(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const [key, file] of Object.entries(FILES)) {
    // The vendor's name pattern escapes a quote, which a Unicode-mode RegExp rejects; unescape it (see the README there).
    const text = readFileSync(join(VENDOR_DIR, file), 'utf8').replace(/\{\|\}~\\"\]/g, '{|}~"]');
    const doc = parse(text) as Record<string, unknown>;
    ajv.addSchema({ $id: `vendor-${key}`, components: doc.components }, `vendor-${key}`);
  }
  return ajv;
}

/** A validator for a vendor schema, e.g. `vendorSchema('entitlements', 'partner.v2.EntitlementList')`. */
export function vendorSchema(doc: keyof typeof FILES, name: string): ValidateFunction {
  const a = instance();
  const ref = `vendor-${doc}#/components/schemas/${name}`;
  return a.getSchema(ref) ?? a.compile({ $ref: ref });
}

export function assertVendorValid(doc: keyof typeof FILES, name: string, value: unknown): void {
  const validate = vendorSchema(doc, name);
  if (!validate(value)) {
    throw new Error(`response does not match vendor schema ${name}: ${JSON.stringify(validate.errors, null, 2)}`);
  }
}
