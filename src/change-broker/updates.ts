import { sql } from 'kysely';
import { AccessRights, hasRights, streamAccess, type Trustee } from '../sds/access.js';
import { type ChangeOperation, currentChangeSeq, readSpelledChanges, readStoredChanges } from '../sds/changes.js';
import { finalChangeSeqSql } from '../store/change-log.js';
import type { FramedText } from '../store/dialects/dialect-ops.js';
import { executePrepared } from '../store/prepared-statements.js';
import { joinUtf8 } from '../store/utf8-join.js';
import type { CbSignupRow } from '../store/schema.js';
import type { BookmarkPosition } from './bookmarks.js';
import type { ChangeBrokerContext } from './context.js';
import { signupNotActive } from './errors.js';
import { ownerOf } from './owner.js';
import type { PageQuery } from './read-ahead.js';
import { updateSpelling, updatesFrame } from './representation.js';
import { readableResources } from './resource-access.js';

export interface UpdateView {
  resourceId: string;
  operation: ChangeOperation;
  events: unknown[];
}

/** An update with its events as the change log holds them (JSON text), for answers that splice them in unparsed. */
export interface StoredUpdate {
  resourceId: string;
  operation: ChangeOperation;
  eventsJson: string;
}

export interface UpdatesPage<U = UpdateView> {
  data: U[];
  /** Where the next page starts. */
  next: BookmarkPosition;
  /** For each update of `data`, the position right after it (the last one's is `next`): live streams resume there. */
  positions: BookmarkPosition[];
}

/** A page with its updates' events as stored; the positions after each update are worked out only when asked for. */
export interface StoredUpdatesPage extends Omit<UpdatesPage<StoredUpdate>, 'positions'> {
  positions(): BookmarkPosition[];
}

/** A page as Get Updates answers it: its updates spelled as JSON and joined by commas in updatesFrame (representation.ts). */
export interface SpelledUpdatesPage {
  updates: FramedText;
  /** Where the next page starts. */
  next: BookmarkPosition;
}

/**
 * Where an Active signup's updates start when a client asks Get Signup By Id: the activation point while it is
 * within the retention window (nothing after it has been purged), otherwise the present, since older change data
 * is gone anyway.
 */
export async function startingPosition(ctx: ChangeBrokerContext, signup: CbSignupRow): Promise<BookmarkPosition | null> {
  if (signup.state !== 'Active' || signup.start_seq === null || signup.activated_at === null) return null;
  const now = ctx.clock.now();
  const activated = new Date(signup.activated_at);
  if (activated.getTime() >= now.getTime() - ctx.config.retentionSeconds * 1000) return { seq: Number(signup.start_seq), validFrom: activated };
  return { seq: await currentChangeSeq(ctx.db, signup.tenant_id, signup.namespace_id), validFrom: now };
}

/** Only an Active signup has updates; checked before its bookmark, since that is the real reason. */
export function requireActive(signup: CbSignupRow): void {
  if (signup.state !== 'Active') throw signupNotActive(signup.id, signup.state);
}

/**
 * The changes after `after` to the signup's accessible resources, oldest first, at most one page.
 *
 * The namespace's current change number is read first: every change up to it has committed, so the page is taken
 * from (after, current]. If the page is not full it holds every such change, and the next bookmark is `current`:
 * polls with nothing new still move forward. If it is full, the next bookmark is its last change. Changes are
 * filtered per resource afterwards (a resource counts from when it was checked), which can make a full page
 * shorter but never skips or repeats a change. Access is checked again at read time, so revoking the owner's read
 * access stops the stream's updates.
 */
export async function readUpdates(
  ctx: ChangeBrokerContext,
  signup: CbSignupRow,
  from: BookmarkPosition | (() => BookmarkPosition),
  /** When the caller found `from` fresh: the positions it gets back are valid from no later than that. */
  checkedAt?: Date,
): Promise<UpdatesPage> {
  const page = await readStoredUpdates(ctx, signup, from, checkedAt);
  return {
    data: page.data.map((u) => ({ resourceId: u.resourceId, operation: u.operation, events: JSON.parse(u.eventsJson) as unknown[] })),
    next: page.next,
    positions: page.positions(),
  };
}

/** readUpdates with each update's events left as the stored JSON text. */
async function readStoredUpdates(
  ctx: ChangeBrokerContext,
  signup: CbSignupRow,
  from: BookmarkPosition | (() => BookmarkPosition),
  checkedAt?: Date,
): Promise<StoredUpdatesPage> {
  const { after, current, fromSeq } = await readableFrom(ctx, signup, from);
  return pageAfter(ctx, signup, after, current, fromSeq, checkedAt);
}

/** readUpdates as Get Updates answers it (the general path: pollUpdates covers the common poll). */
export async function readSpelledUpdates(ctx: ChangeBrokerContext, signup: CbSignupRow, from: () => BookmarkPosition): Promise<SpelledUpdatesPage> {
  const { after, current, fromSeq } = await readableFrom(ctx, signup, from);
  return spelledPageAfter(ctx, signup, after, current, fromSeq);
}

/** Where an Active signup's page starts, the namespace's final position, and each readable resource's own position. */
async function readableFrom(
  ctx: ChangeBrokerContext,
  signup: CbSignupRow,
  from: BookmarkPosition | (() => BookmarkPosition),
): Promise<{ after: BookmarkPosition; current: number; fromSeq: Map<string, number> }> {
  requireActive(signup);
  // A bookmark given as a reader is read only now: that the signup is not Active is the better answer than a bad bookmark.
  const after = typeof from === 'function' ? from() : from;
  const current = await currentChangeSeq(ctx.db, signup.tenant_id, signup.namespace_id);
  const resources = await ctx.db
    .selectFrom('cb_signup_resources')
    .select(['resource_id', 'from_seq'])
    .where('signup_id', '=', signup.id)
    .where('is_accessible', '=', 1)
    .execute();
  const readable = await readableResources(ctx, signup, resources.map((r) => r.resource_id));
  const fromSeq = new Map(resources.filter((r) => readable.has(r.resource_id)).map((r) => [r.resource_id, Number(r.from_seq ?? 0)]));
  return { after, current, fromSeq };
}

/** The page after `after` from (after, current] of the readable resources, each counted from its own position. */
async function pageAfter(
  ctx: ChangeBrokerContext,
  signup: CbSignupRow,
  after: BookmarkPosition,
  current: number,
  fromSeq: Map<string, number>,
  checkedAt: Date | undefined,
): Promise<StoredUpdatesPage> {
  const now = checkedAt ?? ctx.clock.now();
  const everything: StoredUpdatesPage = { data: [], next: { seq: Math.max(after.seq, current), validFrom: now }, positions: () => [] };
  if (fromSeq.size === 0 || after.seq >= current) return everything;
  const pageSize = ctx.config.updatesPageSize;
  const changes = await readStoredChanges(ctx.db, {
    tenantId: signup.tenant_id,
    namespaceId: signup.namespace_id,
    afterSeq: after.seq,
    streamIds: [...fromSeq.keys()],
    limit: pageSize,
    below: current + 1,
  });
  const delivered = changes.filter((c) => c.seq > (fromSeq.get(c.streamId) ?? Number.MAX_SAFE_INTEGER));
  const data = delivered.map((c) => ({ resourceId: c.streamId, operation: c.operation, eventsJson: c.eventsJson }));
  const last = changes.at(-1);
  const next = changes.length < pageSize || !last ? everything.next : positionAfter(last, now);
  return { data, next, positions: () => delivered.map((c, i) => (i === delivered.length - 1 ? next : positionAfter(c, now))) };
}

/** Where a page that ends with change `c` continues: valid from when `c` was written, or `now` if that is later. */
function positionAfter(c: { seq: number; createdAt: string }, now: Date): BookmarkPosition {
  const at = new Date(c.createdAt);
  return { seq: c.seq, validFrom: at < now ? at : now };
}

/**
 * pageAfter as Get Updates answers it. Each resource is read after its own position, so the page is cut at
 * `limit` changes it delivers. After a full page the next one is read ahead (read-ahead.ts), as its poller asks for
 * it at once.
 */
async function spelledPageAfter(
  ctx: ChangeBrokerContext,
  signup: CbSignupRow,
  after: BookmarkPosition,
  current: number,
  fromSeq: Map<string, number>,
): Promise<SpelledUpdatesPage> {
  const now = ctx.clock.now();
  // Every change up to `current` when the page is not full: the next page starts there.
  const everything = { seq: Math.max(after.seq, current), validFrom: now };
  if (fromSeq.size === 0 || after.seq >= current) return { updates: joinUtf8([], ',', updatesFrame), next: everything };
  const limit = ctx.config.updatesPageSize;
  const streams = [...fromSeq].map(([id, from]) => ({ id, fromSeq: from }));
  const query: PageQuery = { signupId: signup.id, afterSeq: after.seq, streams, limit, below: current + 1 };
  const read = (q: PageQuery) =>
    readSpelledChanges(ctx.db, {
      tenantId: signup.tenant_id,
      namespaceId: signup.namespace_id,
      streams: q.streams.map((s) => ({ id: s.id, afterSeq: Math.max(q.afterSeq, s.fromSeq) })),
      limit: q.limit,
      below: q.below,
      spelling: updateSpelling,
      frame: updatesFrame,
    });
  const page = (await ctx.readAhead?.take(query)) ?? (await read(query));
  if (page.count < limit || !page.last) return { updates: page, next: everything };
  const following = { ...query, afterSeq: page.last.seq };
  ctx.readAhead?.start(following, () => read(following));
  return { updates: page, next: positionAfter(page.last, now) };
}

/** Who polls: the path's tenant and namespace (as spelled there) and the token's trustee. */
export interface Poller {
  tenantId: string;
  namespaceId: string;
  trustee: Trustee;
}

interface PollRow extends CbSignupRow {
  current_seq: number | string;
  /** JSON: [resource id, from_seq, stream owner type, owner object id, owner tenant id, acl] per accessible resource. */
  resources: string;
}

type ResourceEntry = [string, number | null, string | null, string | null, string | null, string | null];
const RESOURCE_ENTRY = ['r.resource_id', 'r.from_seq', 'st.owner_type', 'st.owner_object_id', 'st.owner_tenant_id', 'st.acl'].map((column) => sql.ref(column));

/**
 * A poll of an Active signup the poller owns, in two statements: the first postpones the signup's expiry (and
 * records the acknowledged position) only if every check a poll makes holds, and returns the signup, its readable
 * resources and the namespace's final position; the second reads the page. Answers undefined when the checks do not
 * all hold (unknown or foreign signup, not Active, due to expire, a community signup, another spelling of the
 * owner): the caller then takes the general path, which says why. `position` reads the bookmark once the signup is
 * known, so that the checks before it take precedence, as on the general path.
 */
export async function pollUpdates(
  ctx: ChangeBrokerContext,
  poller: Poller,
  signupId: string,
  options: { readSeq: number | undefined; position: (signupId: string) => BookmarkPosition },
): Promise<(SpelledUpdatesPage & { signupId: string }) | undefined> {
  const id = signupId.toLowerCase();
  if (!GUID.test(id)) return undefined;
  const now = ctx.clock.now().toISOString();
  const dialect = ctx.dialect;
  const expires = dialect.plusSeconds(now, sql.ref('inactivity_seconds'));
  const ownerTenant = poller.trustee.TenantId?.toLowerCase() ?? null;
  const update = sql`UPDATE cb_signups
    SET last_accessed_at = ${now}, expires_at = ${expires}, read_seq = coalesce(CAST(${options.readSeq ?? null} AS bigint), read_seq)
    WHERE id = ${id} AND tenant_id = ${poller.tenantId}
      AND namespace_id IN (SELECT n.id FROM namespaces n WHERE n.tenant_id = ${poller.tenantId} AND lower(n.id) = ${poller.namespaceId.toLowerCase()})
      AND state = 'Active' AND expires_at > ${now} AND community_id IS NULL
      AND owner_type = ${poller.trustee.Type} AND lower(owner_object_id) = ${poller.trustee.ObjectId.toLowerCase()}
      AND (owner_tenant_id IS NULL OR CAST(${ownerTenant} AS text) IS NULL OR lower(owner_tenant_id) = CAST(${ownerTenant} AS text))`;
  const resources = (signup: string) => sql`FROM cb_signup_resources r
    LEFT JOIN sds_streams st ON st.tenant_id = ${sql.ref(`${signup}.tenant_id`)} AND st.namespace_id = ${sql.ref(`${signup}.namespace_id`)} AND st.id = r.resource_id
    WHERE r.signup_id = ${sql.ref(`${signup}.id`)} AND r.is_accessible = 1`;
  const current = (signup: string) => finalChangeSeqSql(ctx.db, sql.ref(`${signup}.tenant_id`), sql.ref(`${signup}.namespace_id`));
  // The touch need not wait for the disk: one lost in a crash only lets the signup expire a little earlier (as the
  // general path's touch).
  const statement = dialect.updateReturningLazily<PollRow>(
    update,
    'cb_signups',
    (signup) => sql`CAST(${current(signup)} AS text) AS current_seq, (SELECT ${dialect.jsonArrays(RESOURCE_ENTRY)} ${resources(signup)}) AS resources`,
  );
  const row = (await executePrepared(ctx.db, statement)).rows[0];
  if (!row) return undefined;
  const { current_seq: currentSeq, resources: resourcesJson, ...signup } = row;
  const owner = ownerOf(signup);
  const fromSeq = new Map<string, number>();
  for (const [resourceId, from, ownerType, ownerObjectId, ownerTenantId, acl] of JSON.parse(resourcesJson) as ResourceEntry[]) {
    if (ownerType === null || ownerObjectId === null || acl === null) continue;
    const stream = streamAccess({ owner_type: ownerType, owner_object_id: ownerObjectId, owner_tenant_id: ownerTenantId, acl });
    if (hasRights(stream.owner, stream.acl, owner, AccessRights.Read)) fromSeq.set(resourceId, Number(from ?? 0));
  }
  const page = await spelledPageAfter(ctx, signup, options.position(signup.id), Number(currentSeq), fromSeq);
  return { ...page, signupId: signup.id };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
