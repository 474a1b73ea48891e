import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ChangeBrokerConfig, configFromEnv } from '../../src/config/server-config.js';
import { AccessTokens } from '../../src/identity/access-tokens.js';
import { getOrCreateSecret } from '../../src/store/settings.js';
import type { ChangeBrokerContext } from '../../src/change-broker/context.js';
import { runDueJobs } from '../../src/change-broker/jobs.js';
import { maintain } from '../../src/change-broker/maintenance.js';
import { type AccessControlList, emptyAcl, type Trustee } from '../../src/sds/access.js';
import { appendChange, type ChangeOperation } from '../../src/sds/changes.js';
import { createNamespace } from '../../src/sds/namespaces.js';
import { call, type Answer } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';
import { insertStreamRow } from '../helpers/streams.js';

export interface AvevaError {
  OperationId: string;
  Error: string;
  Reason: string;
  Resolution: string;
  Parameters: Record<string, string>;
}

export interface Signup {
  id: string;
  name: string | null;
  owner: { type: string; objectId: string; tenantId: string | null };
  communityId: string | null;
  type: string;
  createdDate: string;
  lastAccessedDate: string;
  modifiedDate: string;
  expiredDate: string | null;
  signupState: string;
  bookmark?: string;
}

export interface Updates {
  data: Array<{ resourceId: string; operation: string; events: unknown[] }>;
  bookmark: string;
}

/** A tenant with a namespace and a client acting in it. */
export interface Space {
  tenant: string;
  ns: string;
  token: string;
  clientId: string;
  trustee: Trustee;
  /** `/api/v1/tenants/{tenant}/namespaces/{ns}` */
  base: string;
}

export async function newSpace(s: TestServer, options: { tenant?: string; ns?: string } = {}): Promise<Space> {
  const tenant = options.tenant ?? `tenant-${randomUUID().slice(0, 8)}`;
  const ns = options.ns ?? 'plant';
  await createNamespace(s.store.db, s.clock, tenant, ns);
  const { token, clientId } = await s.tenantToken(tenant);
  return { tenant, ns, token, clientId, trustee: { Type: 'Client', ObjectId: clientId, TenantId: tenant }, base: `/api/v1/tenants/${tenant}/namespaces/${ns}` };
}

/** Another client of the same tenant. */
export async function otherClient(s: TestServer, space: Space): Promise<Space> {
  const { token, clientId } = await s.tenantToken(space.tenant);
  return { ...space, token, clientId, trustee: { Type: 'Client', ObjectId: clientId, TenantId: space.tenant } };
}

/** A stream row owned by `owner` (the SDS routes may not exist yet; the store is what they would write). */
export async function addStream(s: TestServer, space: Space, id: string, owner: Trustee = space.trustee, acl: AccessControlList = emptyAcl()): Promise<void> {
  const definition = JSON.stringify({ Id: id, TypeId: 'SimpleType' });
  await insertStreamRow(s, { tenantId: space.tenant, namespaceId: space.ns, id, typeId: 'SimpleType', definition, owner, acl });
}

/** Takes every access right on the stream away from everyone but its owner (as an ACL change through SDS would). */
export async function revokeAccess(s: TestServer, space: Space, streamId: string): Promise<void> {
  await s.store.db
    .updateTable('sds_streams')
    .set({ acl: JSON.stringify({ RoleTrusteeAccessControlEntries: [] }) })
    .where('tenant_id', '=', space.tenant)
    .where('id', '=', streamId)
    .execute();
}

/** One SDS write's change record, committed as a data write would commit it. */
export async function writeChange(s: TestServer, space: Space, streamId: string, operation: ChangeOperation, events: unknown[]): Promise<number> {
  return s.store.db
    .transaction()
    .execute((tx) => appendChange(tx, s.clock, { tenantId: space.tenant, namespaceId: space.ns, streamId, operation, events }));
}

export const cbContext = (s: TestServer): ChangeBrokerContext => ({ db: s.store.db, dialect: s.store.dialectOps, clock: s.clock, config: s.config.changeBroker });

/**
 * Runs due background jobs now and waits until none is left, including any that the server's own worker loop
 * claimed first (it runs too, so that the loop is tested as well).
 */
export async function runJobs(s: TestServer): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    await runDueJobs(cbContext(s));
    const left = await s.store.db.selectFrom('cb_jobs').select('id').where('due_at', '<=', s.clock.now().toISOString()).executeTakeFirst();
    if (!left) return;
    if (Date.now() > deadline) throw new Error('background jobs did not finish');
    await sleep(10);
  }
}
export const runMaintenance = (s: TestServer) => maintain(cbContext(s));

export function api<T = unknown>(s: TestServer, space: Space, method: string, path: string, json?: unknown, headers?: Record<string, string>): Promise<Answer<T>> {
  return call<T>(s, method, `${space.base}${path}`, { token: space.token, ...(json !== undefined ? { json } : {}), ...(headers ? { headers } : {}) });
}

/** Creates a signup over the resources, runs its activation and answers it with its starting bookmark. */
export async function activeSignup(s: TestServer, space: Space, resourceIds: string[], extra: Record<string, unknown> = {}): Promise<Signup & { bookmark: string }> {
  const created = await api<Signup>(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: resourceIds, ...extra });
  if (created.status !== 202) throw new Error(`create failed: ${created.status} ${created.text}`);
  await runJobs(s);
  const got = await api<Signup & { bookmark: string }>(s, space, 'GET', `/signups/${created.body.id}`);
  if (got.status !== 200) throw new Error(`get failed: ${got.status} ${got.text}`);
  return got.body;
}

export async function updates(s: TestServer, space: Space, signupId: string, bookmark: string): Promise<Answer<Updates>> {
  return api<Updates>(s, space, 'GET', `/signups/${signupId}/updates?bookmark=${bookmark}`);
}

/** A fresh token for the same client (after the clock moved past the old one's expiry). */
export async function refreshToken(s: TestServer, space: Space): Promise<Space> {
  const tokens = await AccessTokens.open(s.store.db, s.clock, s.config.accessTokenTtlSeconds);
  const issued = await tokens.issue({ id: space.clientId, name: 'tenant-app', scopes: [], tenantId: space.tenant }, []);
  return { ...space, token: issued.accessToken };
}

/** The server's Change Broker settings with some changed. */
export const changeBrokerConfig = (changes: Partial<ChangeBrokerConfig>): { changeBroker: ChangeBrokerConfig } => ({
  changeBroker: { ...configFromEnv({}).changeBroker, ...changes },
});
