import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { StartedSignups, StartSignupsOptions } from '../../src/index.js';
import { startSandboxServer } from '../../src/sandbox/start-signups.js';
import type { DialectName } from '../../src/store/database.js';
import { call, type Answer } from '../helpers/http.js';
import { createPostgresDatabase, testDialects } from '../helpers/dialects.js';
import { describeWith } from '../helpers/suite.js';

/** What `startSignups` answers, and the app, so that `call(server, ...)` reaches it in process. */
export interface InProcessSignups extends StartedSignups {
  app: FastifyInstance;
}

/**
 * A sandbox server as `startSignups` starts one, but not listening: its tests, its admin client and its clients'
 * token requests reach it through `app.inject`. The public `startSignups` over HTTP is tested where the network is
 * the subject (`admin-cli.test.ts`).
 */
export async function startInProcess(options: StartSignupsOptions = {}): Promise<InProcessSignups> {
  const { signups, app } = await startSandboxServer(options, { listen: false });
  return Object.assign(signups, { app });
}

export interface SandboxServer extends InProcessSignups {
  dialect: DialectName;
}

/** A sandbox server in process on a fresh database of the dialect. */
export async function startSandbox(dialect: DialectName, options: StartSignupsOptions = {}): Promise<SandboxServer & { drop(): Promise<void> }> {
  const database = dialect === 'postgres' ? await createPostgresDatabase({ migrated: true }) : undefined;
  const started = await startInProcess({ ...options, ...(database ? { databaseUrl: database.url } : {}) });
  return Object.assign(started, {
    dialect,
    async drop() {
      await started.close();
      await database?.drop();
    },
  });
}

/** The suite once per dialect under test, each with its own sandbox server and database. */
export function describeEachSandbox(name: string, body: (server: () => SandboxServer) => void, options: StartSignupsOptions = {}): void {
  for (const dialect of testDialects()) describeWith(`${name} [${dialect}]`, () => startSandbox(dialect, options), (server) => server.drop(), body);
}

export const PARTNER_SCOPES = ['partner:create', 'partner:describe'];

/** A tenant with a namespace and an application client acting in it, as a Change Broker user sets one up. */
export interface Tenant {
  tenant: string;
  ns: string;
  clientId: string;
  token(): Promise<string>;
  /** A call under `/api/v1/Tenants/{tenant}/Namespaces/{ns}` with a fresh token. */
  call<T = unknown>(method: string, rest: string, json?: unknown): Promise<Answer<T>>;
}

export async function newTenant(s: SandboxServer): Promise<Tenant> {
  const tenant = `tenant-${randomUUID().slice(0, 8)}`;
  const ns = 'plant';
  await s.createNamespace(tenant, ns);
  const client = await s.createClient({ name: 'tenant-app', tenant });
  return {
    tenant,
    ns,
    clientId: client.clientId,
    token: client.token,
    call: async <T>(method: string, rest: string, json?: unknown) =>
      call<T>(s, method, `/api/v1/Tenants/${tenant}/Namespaces/${ns}${rest}`, { token: await client.token(), ...(json !== undefined ? { json } : {}) }),
  };
}

const simpleType = {
  Id: 'SimpleType',
  SdsTypeCode: 'Object',
  Properties: [
    { Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } },
    { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } },
  ],
};

/** A stream of the simple type, created through the SDS API. */
export async function newStream(t: Tenant, id: string): Promise<void> {
  const type = await t.call('POST', '/Types/SimpleType', simpleType);
  assert.ok([200, 201, 302].includes(type.status), type.text);
  const stream = await t.call('POST', `/Streams/${id}`, { Id: id, TypeId: 'SimpleType' });
  assert.equal(stream.status, 201, stream.text);
}

export interface Signup {
  id: string;
  signupState: string;
  createdDate: string;
  lastAccessedDate: string;
  modifiedDate: string;
  expiredDate: string | null;
  bookmark?: string;
}

export interface Updates {
  data: Array<{ resourceId: string; operation: string; events: unknown[] }>;
  bookmark: string;
}

/** A Change Broker signup over the streams, activated (the clock moved by nothing runs the work that is due). */
export async function activeSignup(s: SandboxServer, t: Tenant, streams: string[]): Promise<Signup & { bookmark: string }> {
  const created = await t.call<Signup>('POST', '/signups', { Name: 'watch', ResourceType: 'Stream', ResourceIds: streams });
  assert.equal(created.status, 202, created.text);
  await s.clock.advance(0);
  const got = await t.call<Signup & { bookmark: string }>('GET', `/signups/${created.body.id}`);
  assert.equal(got.body.signupState, 'Active', got.text);
  return got.body;
}

/** A complete partner signup body. */
export const partnerSignup = (externalId = `ext-${randomUUID()}`) => ({
  organization: { name: 'Acme Organization', sso_config: { kind: 'AzureSSOConfig', tenant_id: 'b3a17773-05cc-4431-9560-433fb4613da8' } },
  entitlement: { external_id: externalId, name: 'Acme Prod Entitlement', plan_id: 'confluent-cloud-payg-prod', product_id: 'confluent-cloud-kafka-service-azure' },
  user: { given_name: 'Ada', family_name: 'Lovelace', email: `ada-${randomUUID().slice(0, 8)}@example.com` },
});
