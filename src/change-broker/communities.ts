import { currentChangeSeq } from '../sds/changes.js';
import { AvevaError } from '../errors/aveva.js';
import { requireNamespace } from '../sds/namespaces.js';
import { findStream } from '../sds/streams.js';
import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';

/**
 * Communities join tenants; a member tenant shares streams of its namespaces into a community, and clients of any
 * member tenant may then sign up for those streams in the sharing tenant's namespace, naming the community in the
 * `Community-Id` header. Community and tenant ids compare case-insensitively (they are GUIDs in AVEVA CONNECT).
 */

export const normalizeCommunityId = (id: string): string => id.trim().toLowerCase();

const lower = (s: string): string => s.toLowerCase();

export interface CommunityOutcome {
  created: boolean;
  /** Tenants that became members now (not counting those that already were). */
  added: string[];
}

/** Creates the community if needed and makes the tenants members of it. */
export async function createCommunity(db: Db, clock: Clock, communityId: string, tenantIds: readonly string[]): Promise<CommunityOutcome> {
  const id = normalizeCommunityId(communityId);
  if (id === '') throw new AvevaError('empty_community_id', 'A community id must not be empty.', { parameters: { CommunityId: communityId } });
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('cb_communities')
      .values({ id, created_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    const added: string[] = [];
    for (const tenant of new Set(tenantIds.map(lower))) {
      const row = await trx
        .insertInto('cb_community_members')
        .values({ community_id: id, tenant_id: tenant, added_at: now })
        .onConflict((oc) => oc.columns(['community_id', 'tenant_id']).doNothing())
        .executeTakeFirst();
      if (Number(row.numInsertedOrUpdatedRows ?? 0) > 0) added.push(tenant);
    }
    return { created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0, added };
  });
}

/** True when the community exists and every one of the tenants is a member of it. */
export async function areMembers(db: Db, communityId: string, tenantIds: readonly string[]): Promise<boolean> {
  const wanted = [...new Set(tenantIds.map(lower))];
  if (wanted.length === 0) return false;
  const rows = await db
    .selectFrom('cb_community_members')
    .select('tenant_id')
    .where('community_id', '=', normalizeCommunityId(communityId))
    .where('tenant_id', 'in', wanted)
    .execute();
  return rows.length === wanted.length;
}

export const notCommunityMember = (communityId: string, tenantIds: readonly string[]): AvevaError =>
  new AvevaError('not_community_member', `The tenants ${tenantIds.map((t) => `'${t}'`).join(' and ')} are not all members of the community '${communityId}'.`, {
    resolution: 'Check the Community-Id header; a tenant joins a community with `signups communities create`.',
    parameters: { CommunityId: communityId },
  });

export const communityMismatch = (signupId: string, expected: string | null, given: string | null): AvevaError =>
  new AvevaError(
    'community_mismatch',
    expected === null
      ? `The signup '${signupId}' does not belong to a community; call it without a Community-Id header.`
      : `The signup '${signupId}' belongs to the community '${expected}'; every call on it must carry the header Community-Id: ${expected}.`,
    {
      resolution: expected === null ? 'Remove the Community-Id header.' : `Send Community-Id: ${expected}.`,
      parameters: { SignupId: signupId, CommunityId: given ?? '' },
    },
  );

export interface ShareTarget {
  communityId: string;
  tenantId: string;
  namespaceId: string;
  streamId: string;
}

/** The share as stored: community id normalized, namespace id as stored, the stream's stored id. */
async function resolveShare(db: Db, target: ShareTarget): Promise<ShareTarget> {
  const communityId = normalizeCommunityId(target.communityId);
  const community = await db.selectFrom('cb_communities').select('id').where('id', '=', communityId).executeTakeFirst();
  if (!community) {
    throw new AvevaError('community_not_found', `The community '${target.communityId}' does not exist.`, {
      resolution: 'Create it first with `signups communities create`.',
      parameters: { CommunityId: target.communityId },
    });
  }
  if (!(await areMembers(db, communityId, [target.tenantId]))) throw notCommunityMember(target.communityId, [target.tenantId]);
  const namespaceId = await requireNamespace(db, target.tenantId, target.namespaceId);
  return { communityId, tenantId: target.tenantId, namespaceId, streamId: target.streamId };
}

/**
 * Shares a stream of a member tenant into the community (a no-op when it is shared already). Signups of the
 * community that name the stream find it accessible from now on; changes count from the share, not before it.
 */
export async function shareStream(db: Db, clock: Clock, target: ShareTarget): Promise<boolean> {
  const share = await resolveShare(db, target);
  const scope = { tenantId: share.tenantId, namespaceId: share.namespaceId };
  if (!(await findStream(db, scope, share.streamId))) {
    throw new AvevaError('shared_stream_not_found', `The stream '${share.streamId}' was not found in namespace '${share.namespaceId}'.`, {
      parameters: { StreamId: share.streamId, NamespaceId: share.namespaceId },
    });
  }
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('cb_community_shares')
      .values({ community_id: share.communityId, tenant_id: share.tenantId, namespace_id: share.namespaceId, stream_id: share.streamId, shared_at: clock.now().toISOString() })
      .onConflict((oc) => oc.columns(['community_id', 'tenant_id', 'namespace_id', 'stream_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const current = await currentChangeSeq(trx, share.tenantId, share.namespaceId);
    await trx
      .updateTable('cb_signup_resources')
      .set({ is_accessible: 1, checked: 1, from_seq: current })
      .where('resource_id', '=', share.streamId)
      .where('is_accessible', '=', 0)
      .where('checked', '=', 1)
      .where('signup_id', 'in', communitySignups(trx, share))
      .execute();
    return true;
  });
}

/** Stops sharing the stream: community signups that name it find it inaccessible and get no more of its updates. */
export async function unshareStream(db: Db, target: ShareTarget): Promise<boolean> {
  const share = await resolveShare(db, target);
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('cb_community_shares')
      .where('community_id', '=', share.communityId)
      .where('tenant_id', '=', share.tenantId)
      .where('namespace_id', '=', share.namespaceId)
      .where('stream_id', '=', share.streamId)
      .executeTakeFirst();
    await trx
      .updateTable('cb_signup_resources')
      .set({ is_accessible: 0 })
      .where('resource_id', '=', share.streamId)
      .where('signup_id', 'in', communitySignups(trx, share))
      .execute();
    return Number(deleted.numDeletedRows) > 0;
  });
}

/** Ids of the community's signups in the share's namespace. */
function communitySignups(db: Db, share: ShareTarget) {
  return db
    .selectFrom('cb_signups')
    .select('id')
    .where('community_id', '=', share.communityId)
    .where('tenant_id', '=', share.tenantId)
    .where('namespace_id', '=', share.namespaceId);
}

/**
 * The subset of `streamIds` of the namespace that are shared into the community, provided the reading tenant is
 * still a member of it: what a community signup's owner may read.
 */
export async function sharedStreams(
  db: Db,
  q: { communityId: string; readerTenantId: string | null; tenantId: string; namespaceId: string; streamIds: readonly string[] },
): Promise<Set<string>> {
  const out = new Set<string>();
  if (q.streamIds.length === 0 || q.readerTenantId === null) return out;
  if (!(await areMembers(db, q.communityId, [q.readerTenantId, q.tenantId]))) return out;
  const rows = await db
    .selectFrom('cb_community_shares')
    .select('stream_id')
    .where('community_id', '=', normalizeCommunityId(q.communityId))
    .where('tenant_id', '=', q.tenantId)
    .where('namespace_id', '=', q.namespaceId)
    .where('stream_id', 'in', [...new Set(q.streamIds)])
    .execute();
  for (const row of rows) out.add(row.stream_id);
  return out;
}
