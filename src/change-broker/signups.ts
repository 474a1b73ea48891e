import { randomUUID } from 'node:crypto';
import { sameTrustee, type Trustee } from '../sds/access.js';
import { requireNamespace } from '../sds/namespaces.js';
import type { CbSignupRow } from '../store/schema.js';
import { areMembers, communityMismatch, normalizeCommunityId, notCommunityMember } from './communities.js';
import { addSeconds, type ChangeBrokerContext } from './context.js';
import { notSignupOwner, signupLimitReached, signupNotFound } from './errors.js';
import { enqueueJob } from './jobs.js';
import { ownerOf } from './owner.js';

/** Who calls, where: the tenant and namespace (as stored) of the path and the caller's trustee. */
export interface Caller {
  tenantId: string;
  namespaceId: string;
  trustee: Trustee;
  /** The community named by the call's `Community-Id` header (normalized), if any. */
  communityId: string | null;
}

export interface CreateSignupInput {
  name: string | null;
  resourceIds: readonly string[];
  inactivitySeconds?: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSERT_CHUNK = 500;

/** Resolves the namespace of the path (404 when it does not exist in the tenant). */
export async function callerIn(ctx: ChangeBrokerContext, tenantId: string, namespaceId: string, trustee: Trustee, communityId?: string | null): Promise<Caller> {
  const community = communityId ? normalizeCommunityId(communityId) : '';
  return { tenantId, namespaceId: await requireNamespace(ctx.db, tenantId, namespaceId), trustee, communityId: community === '' ? null : community };
}

/** A signup of a community is created by a member tenant in the namespace of a member tenant; else 403. */
async function requireCommunityMembers(ctx: ChangeBrokerContext, caller: Caller): Promise<void> {
  if (caller.communityId === null) return;
  const tenants = [caller.tenantId, ...(caller.trustee.TenantId ? [caller.trustee.TenantId] : [])];
  if (!(await areMembers(ctx.db, caller.communityId, tenants))) throw notCommunityMember(caller.communityId, [...new Set(tenants)]);
}

export async function insertResources(ctx: ChangeBrokerContext, signupId: string, resourceIds: readonly string[]): Promise<number> {
  let inserted = 0;
  const now = ctx.clock.now().toISOString();
  for (let i = 0; i < resourceIds.length; i += INSERT_CHUNK) {
    const chunk = resourceIds.slice(i, i + INSERT_CHUNK);
    const result = await ctx.db
      .insertInto('cb_signup_resources')
      .values(chunk.map((resource_id) => ({ signup_id: signupId, resource_id, from_seq: null, added_at: now })))
      .onConflict((oc) => oc.columns(['signup_id', 'resource_id']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/**
 * Creates an Activating signup and the job that activates it, in one transaction. The limit is checked after the
 * insert under a lock that serializes creations in the namespace, so concurrent creations cannot overshoot it.
 */
export async function createSignup(ctx: ChangeBrokerContext, caller: Caller, input: CreateSignupInput): Promise<CbSignupRow> {
  await requireCommunityMembers(ctx, caller);
  const now = ctx.clock.now();
  const inactivity = input.inactivitySeconds ?? ctx.config.inactivitySeconds;
  const row: CbSignupRow = {
    id: randomUUID(),
    tenant_id: caller.tenantId,
    namespace_id: caller.namespaceId,
    name: input.name,
    owner_type: caller.trustee.Type,
    owner_object_id: caller.trustee.ObjectId,
    owner_tenant_id: caller.trustee.TenantId,
    community_id: caller.communityId,
    resource_type: 'Stream',
    state: 'Activating',
    start_seq: null,
    read_seq: null,
    activated_at: null,
    inactivity_seconds: inactivity,
    created_at: now.toISOString(),
    modified_at: now.toISOString(),
    last_accessed_at: now.toISOString(),
    expires_at: addSeconds(now, inactivity),
    expired_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    // The count below must see every other creation in the namespace.
    await ctx.dialect.serializeWriters(trx, `cb_signups/${caller.tenantId}/${caller.namespaceId}`);
    await trx.insertInto('cb_signups').values(row).execute();
    await insertResources(tx, row.id, [...new Set(input.resourceIds)]);
    await enqueueJob(tx, row.id);
    const { n } = await trx
      .selectFrom('cb_signups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', caller.tenantId)
      .where('namespace_id', '=', caller.namespaceId)
      .where('state', '<>', 'Expired')
      .executeTakeFirstOrThrow();
    if (Number(n) > ctx.config.signupLimit) throw signupLimitReached(ctx.config.signupLimit);
  });
  return row;
}

/** Marks signups whose inactivity period has run out as Expired: all of them, one, or those in a namespace. */
export async function expireDueSignups(ctx: ChangeBrokerContext, scope: { signupId: string } | { tenantId: string; namespaceId: string } | 'all' = 'all'): Promise<number> {
  const now = ctx.clock.now().toISOString();
  let query = ctx.db
    .updateTable('cb_signups')
    .set((eb) => ({ state: 'Expired', expired_at: eb.ref('expires_at'), modified_at: now }))
    .where('state', '<>', 'Expired')
    .where('expires_at', '<=', now);
  if (scope !== 'all' && 'signupId' in scope) query = query.where('id', '=', scope.signupId);
  else if (scope !== 'all') query = query.where('tenant_id', '=', scope.tenantId).where('namespace_id', '=', scope.namespaceId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The caller's signup: 404 when it is not in the namespace, 403 when the caller does not own it. Its expiry is
 * applied first; a query (`touch`) of a signup that has not expired postpones its expiry.
 */
export async function ownSignup(
  ctx: ChangeBrokerContext,
  caller: Caller,
  signupId: string,
  options: { touch: boolean; /** The change number the consumer has acknowledged (its bookmark's). */ readSeq?: number },
): Promise<CbSignupRow> {
  const id = signupId.toLowerCase();
  if (!GUID.test(id)) throw signupNotFound(signupId);
  const find = () =>
    ctx.db
      .selectFrom('cb_signups')
      .selectAll()
      .where('id', '=', id)
      .where('tenant_id', '=', caller.tenantId)
      .where('namespace_id', '=', caller.namespaceId)
      .executeTakeFirst();
  const row = await find();
  if (!row) throw signupNotFound(signupId);
  if (!sameTrustee(ownerOf(row), caller.trustee)) throw notSignupOwner(signupId);
  if (row.community_id !== caller.communityId) throw communityMismatch(row.id, row.community_id, caller.communityId);
  const now = ctx.clock.now();
  if (row.state !== 'Expired' && row.expires_at <= now.toISOString()) {
    await expireDueSignups(ctx, { signupId: id });
  } else if (options.touch && row.state !== 'Expired') {
    const touched = await touchSignup(ctx, id, now, row.inactivity_seconds, options.readSeq);
    if (touched) return touched;
  } else {
    return row;
  }
  const fresh = await find();
  if (!fresh) throw signupNotFound(signupId);
  return fresh;
}

/**
 * Records a query of the signup, postponing its expiry. Every poll does this, so on PostgreSQL its commit does not
 * wait for the disk: a touch lost in a crash only lets the signup expire a little earlier than it might have.
 */
export async function touchSignup(ctx: ChangeBrokerContext, id: string, now: Date, inactivitySeconds: number, readSeq?: number): Promise<CbSignupRow | undefined> {
  const update = (db: ChangeBrokerContext['db']) =>
    db
      .updateTable('cb_signups')
      .set({ last_accessed_at: now.toISOString(), expires_at: addSeconds(now, inactivitySeconds), ...(readSeq === undefined ? {} : { read_seq: readSeq }) })
      .where('id', '=', id)
      .where('state', '<>', 'Expired')
      .returningAll()
      .executeTakeFirst();
  return ctx.dialect.withoutWaitingForDisk(ctx.db, update);
}

/** The caller's own signups in the namespace, oldest first, and how many there are. */
export async function listSignups(ctx: ChangeBrokerContext, caller: Caller, page: { skip: number; count: number }): Promise<{ items: CbSignupRow[]; total: number }> {
  await expireDueSignups(ctx, { tenantId: caller.tenantId, namespaceId: caller.namespaceId });
  const mine = ctx.db
    .selectFrom('cb_signups')
    .where('tenant_id', '=', caller.tenantId)
    .where('namespace_id', '=', caller.namespaceId)
    .where('owner_type', '=', caller.trustee.Type)
    .where('owner_object_id', '=', caller.trustee.ObjectId)
    .$if(caller.communityId !== null, (q) => q.where('community_id', '=', caller.communityId));
  const [items, total] = await Promise.all([
    mine.selectAll().orderBy('created_at').orderBy('id').offset(page.skip).limit(page.count).execute(),
    mine.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function renameSignup(ctx: ChangeBrokerContext, caller: Caller, signupId: string, name: string): Promise<CbSignupRow> {
  const row = await ownSignup(ctx, caller, signupId, { touch: false });
  const modified = ctx.clock.now().toISOString();
  await ctx.db.updateTable('cb_signups').set({ name, modified_at: modified }).where('id', '=', row.id).execute();
  return { ...row, name, modified_at: modified };
}

export async function deleteSignup(ctx: ChangeBrokerContext, caller: Caller, signupId: string): Promise<void> {
  const row = await ownSignup(ctx, caller, signupId, { touch: false });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('cb_signup_resources').where('signup_id', '=', row.id).execute();
    await trx.deleteFrom('cb_jobs').where('signup_id', '=', row.id).execute();
    await trx.deleteFrom('cb_signups').where('id', '=', row.id).execute();
  });
}
