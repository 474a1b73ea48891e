import { type ChangeOperation, currentChangeSeq, readChanges } from '../sds/changes.js';
import type { CbSignupRow } from '../store/schema.js';
import type { BookmarkPosition } from './bookmarks.js';
import type { ChangeBrokerContext } from './context.js';
import { signupNotActive } from './errors.js';
import { readableResources } from './resource-access.js';

export interface UpdateView {
  resourceId: string;
  operation: ChangeOperation;
  events: unknown[];
}

export interface UpdatesPage {
  data: UpdateView[];
  /** Where the next page starts. */
  next: BookmarkPosition;
  /** For each update of `data`, the position right after it (the last one's is `next`): live streams resume there. */
  positions: BookmarkPosition[];
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
export async function readUpdates(ctx: ChangeBrokerContext, signup: CbSignupRow, after: BookmarkPosition): Promise<UpdatesPage> {
  requireActive(signup);
  const now = ctx.clock.now();
  const current = await currentChangeSeq(ctx.db, signup.tenant_id, signup.namespace_id);
  const resources = await ctx.db
    .selectFrom('cb_signup_resources')
    .select(['resource_id', 'from_seq'])
    .where('signup_id', '=', signup.id)
    .where('is_accessible', '=', 1)
    .execute();
  const readable = await readableResources(ctx, signup, resources.map((r) => r.resource_id));
  const fromSeq = new Map(resources.filter((r) => readable.has(r.resource_id)).map((r) => [r.resource_id, Number(r.from_seq ?? 0)]));
  const everything: UpdatesPage = { data: [], next: { seq: Math.max(after.seq, current), validFrom: now }, positions: [] };
  if (fromSeq.size === 0 || after.seq >= current) return everything;

  const pageSize = ctx.config.updatesPageSize;
  const changes = (
    await readChanges(ctx.db, {
      tenantId: signup.tenant_id,
      namespaceId: signup.namespace_id,
      afterSeq: after.seq,
      streamIds: [...fromSeq.keys()],
      limit: pageSize,
      below: current + 1,
    })
  ).filter((c) => c.seq <= current);
  const delivered = changes.filter((c) => c.seq > (fromSeq.get(c.streamId) ?? Number.MAX_SAFE_INTEGER));
  const data = delivered.map((c) => ({ resourceId: c.streamId, operation: c.operation, events: c.events }));
  const positionAfter = (c: { seq: number; createdAt: string }): BookmarkPosition => {
    const at = new Date(c.createdAt);
    return { seq: c.seq, validFrom: at < now ? at : now };
  };
  const last = changes.at(-1);
  const next = changes.length < pageSize || !last ? everything.next : positionAfter(last);
  return { data, next, positions: delivered.map((c, i) => (i === delivered.length - 1 ? next : positionAfter(c))) };
}
