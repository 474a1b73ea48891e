// A provider registry in StackQL's own layout (stackql/stackql-provider-registry): src/confluent/v00.00.00000/
// provider.yaml naming its services by `$ref` relative to src/, and services/partner.yaml with the resources and
// method names of StackQL's Confluent provider. The partner document's paths come from our own contract; its
// `x-stackQL-resources`, servers and provider manifest are shaped as StackQL's files are.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from '../helpers/cli.js';

const VERSION = 'v00.00.00000';

const method = (ref: string, status: string, extra: Record<string, unknown> = {}) => ({
  operation: { $ref: ref },
  response: { mediaType: 'application/json', openAPIDocKey: status, ...extra },
});
const naive = { config: { requestBodyTranslate: { algorithm: 'naive' } } };
const verbRef = (resource: string, name: string) => ({ $ref: `#/components/x-stackQL-resources/${resource}/methods/${name}` });
const noVerbs = { insert: [], update: [], delete: [], replace: [] };

/** StackQL's x-stackQL-resources for confluent.partner, as its provider declares them. */
const RESOURCES = {
  entitlements: {
    id: 'confluent.partner.entitlements',
    name: 'entitlements',
    title: 'Entitlements',
    methods: {
      list_partner_v2_entitlements: method('#/paths/~1partner~1v2~1entitlements/get', '200', { objectKey: '$.data' }),
      create_partner_v2_entitlement: { ...naive, ...method('#/paths/~1partner~1v2~1entitlements/post', '201') },
      get_partner_v2_entitlement: method('#/paths/~1partner~1v2~1entitlements~1{id}/get', '200'),
    },
    sqlVerbs: {
      ...noVerbs,
      select: [verbRef('entitlements', 'get_partner_v2_entitlement'), verbRef('entitlements', 'list_partner_v2_entitlements')],
      insert: [verbRef('entitlements', 'create_partner_v2_entitlement')],
    },
  },
  organizations: {
    id: 'confluent.partner.organizations',
    name: 'organizations',
    title: 'Organizations',
    methods: {
      get_partner_v2_organization: method('#/paths/~1partner~1v2~1organizations~1{id}/get', '200'),
      list_partner_v2_organizations: method('#/paths/~1partner~1v2~1organizations/get', '200', { objectKey: '$.data' }),
    },
    sqlVerbs: {
      ...noVerbs,
      select: [verbRef('organizations', 'get_partner_v2_organization'), verbRef('organizations', 'list_partner_v2_organizations')],
    },
  },
  signups: {
    id: 'confluent.partner.signups',
    name: 'signups',
    title: 'Signups',
    methods: {
      signup: { ...naive, ...method('#/paths/~1partner~1v2~1signup/post', '201') },
      activate_signup: { ...naive, ...method('#/paths/~1partner~1v2~1signup~1activate/post', '201') },
      signup_partner_v2_link: { ...naive, ...method('#/paths/~1partner~1v2~1signup~1link/post', '201') },
    },
    sqlVerbs: { ...noVerbs, select: [] },
  },
};

/**
 * Writes the registry under `root` (what `localDocRoot` names). `server` becomes the partner document's
 * `servers` (StackQL's file says https://api.confluent.cloud). The billing service's document is deliberately not
 * YAML: reading it fails, so a statement that succeeds proves it was never read.
 */
export function writeStackqlRegistry(root: string, server = 'https://api.confluent.cloud'): void {
  const providerDir = join(root, 'src', 'confluent', VERSION);
  mkdirSync(join(providerDir, 'services'), { recursive: true });
  const service = (name: string) => ({
    id: `${name}:${VERSION}`,
    name,
    preferred: true,
    service: { $ref: `confluent/${VERSION}/services/${name}.yaml` },
    title: `${name} API`,
    version: VERSION,
    description: `confluent ${name} API`,
  });
  const provider = {
    id: 'confluent',
    name: 'confluent',
    version: VERSION,
    providerServices: { billing: service('billing'), partner: service('partner') },
    config: { auth: { type: 'basic', username_var: 'CONFLUENT_CLOUD_API_KEY', password_var: 'CONFLUENT_CLOUD_API_SECRET' } },
  };
  writeFileSync(join(providerDir, 'provider.yaml'), stringify(provider));
  const ours = parse(readFileSync(join(ROOT, 'openapi', 'partner-v2.yaml'), 'utf8')) as {
    info: Record<string, unknown>;
    paths: Record<string, unknown>;
    components: Record<string, unknown>;
  };
  const partner = {
    openapi: '3.0.0',
    info: { title: 'partner API', description: 'confluent partner API', version: '1.0.0' },
    paths: Object.fromEntries(Object.entries(ours.paths).filter(([path]) => path.startsWith('/partner/v2/'))),
    components: { ...ours.components, 'x-stackQL-resources': RESOURCES },
    servers: [{ url: server }],
  };
  writeFileSync(join(providerDir, 'services', 'partner.yaml'), stringify(partner));
  writeFileSync(join(providerDir, 'services', 'billing.yaml'), 'openapi: [this is: not {yaml\n');
}

export function registryFlag(root: string): string {
  return JSON.stringify({ url: `file://${root}`, localDocRoot: root, verifyConfig: { nopVerify: true } });
}
