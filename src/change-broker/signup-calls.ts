import type { Trustee } from '../sds/access.js';
import type { FramedText } from '../store/dialects/dialect-ops.js';
import type { CbSignupRow } from '../store/schema.js';
import { AvevaError } from '../errors/aveva.js';
import type { BookmarkPosition, Bookmarks } from './bookmarks.js';
import { bookmarkService } from './bookmark-service.js';
import { type ConsumerLagView, signupLag } from './consumer-lag.js';
import type { ChangeBrokerContext } from './context.js';
import { listResources, type ResourceFilter, type ResourceView, type ResourcesOutcome, updateResources } from './resources.js';
import { type CreateSignupInput, callerIn, createSignup, deleteSignup, listSignups, ownSignup, renameSignup } from './signups.js';
import { pollUpdates, readSpelledUpdates, requireActive, startingPosition } from './updates.js';
import { webhookTargets } from './webhook-delivery.js';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, type WebhookDeliveryView, type WebhookView } from './webhooks.js';
import { kickBackgroundWork } from './worker.js';

/**
 * The Change Broker's operations as a client calls them: each resolves who calls where (the path's tenant and
 * namespace, the caller's trustee, the Community-Id header) and then does one thing with the caller's signup.
 */
export interface CallerRef {
  tenantId: string;
  namespaceId: string;
  trustee: Trustee;
  communityId: string | null;
}

const callerOf = (ctx: ChangeBrokerContext, ref: CallerRef) => callerIn(ctx, ref.tenantId, ref.namespaceId, ref.trustee, ref.communityId);

/** The caller's signup of a path; a query (`touch`) postpones its expiry. */
export async function callersSignup(ctx: ChangeBrokerContext, ref: CallerRef, signupId: string, options: { touch: boolean }): Promise<CbSignupRow> {
  return ownSignup(ctx, await callerOf(ctx, ref), signupId, options);
}

export async function signupsOf(ctx: ChangeBrokerContext, ref: CallerRef, page: { skip: number; count: number }): Promise<{ items: CbSignupRow[]; total: number }> {
  return listSignups(ctx, await callerOf(ctx, ref), page);
}

/** A new signup, Activating: background work checks access to each resource. */
export async function startSignup(ctx: ChangeBrokerContext, ref: CallerRef, input: CreateSignupInput): Promise<CbSignupRow> {
  const row = await createSignup(ctx, await callerOf(ctx, ref), input);
  kickBackgroundWork(ctx.db);
  return row;
}

/** The signup, with the bookmark its updates start from (none until it is Active) and its consumer lag. */
export async function signupWithBookmark(
  ctx: ChangeBrokerContext,
  ref: CallerRef,
  signupId: string,
): Promise<{ signup: CbSignupRow; bookmark: string; consumerLag: ConsumerLagView | null }> {
  const row = await callersSignup(ctx, ref, signupId, { touch: true });
  const position = await startingPosition(ctx, row);
  const bookmark = position ? (await bookmarkService(ctx)).issue(row.id, position) : '';
  return { signup: row, bookmark, consumerLag: await signupLag(ctx.db, ctx.clock.now(), row.id) };
}

export async function renameCallersSignup(ctx: ChangeBrokerContext, ref: CallerRef, signupId: string, name: string): Promise<CbSignupRow> {
  return renameSignup(ctx, await callerOf(ctx, ref), signupId, name);
}

export async function deleteCallersSignup(ctx: ChangeBrokerContext, ref: CallerRef, signupId: string): Promise<void> {
  return deleteSignup(ctx, await callerOf(ctx, ref), signupId);
}

export async function signupResources(
  ctx: ChangeBrokerContext,
  ref: CallerRef,
  signupId: string,
  query: { skip: number; count: number; filter: ResourceFilter },
): Promise<{ items: ResourceView[]; total: number }> {
  return listResources(ctx, await callersSignup(ctx, ref, signupId, { touch: true }), query);
}

/** Adds and removes resources; added ones are checked by background work. */
export async function changeSignupResources(
  ctx: ChangeBrokerContext,
  ref: CallerRef,
  signupId: string,
  change: { add: readonly string[]; remove: readonly string[] },
): Promise<ResourcesOutcome> {
  const outcome = await updateResources(ctx, await callersSignup(ctx, ref, signupId, { touch: false }), change);
  if (outcome.added > 0) kickBackgroundWork(ctx.db);
  return outcome;
}

function presentedPosition(service: Bookmarks, bookmark: string, signupId: string): number | undefined {
  try {
    return service.read(bookmark, signupId.toLowerCase()).seq;
  } catch {
    return undefined;
  }
}

/**
 * The updates after a bookmark and the bookmark to come back with. The bookmark a consumer comes back with
 * acknowledges what came before it (its consumer lag is measured from there); it is checked for real only after the
 * checks that take precedence over a bad bookmark (the signup exists, is the caller's and is Active).
 */
export async function updatesAfter(ctx: ChangeBrokerContext, ref: CallerRef, signupId: string, bookmark: string): Promise<{ updates: FramedText; bookmark: string }> {
  const service = await bookmarkService(ctx);
  const acknowledged = presentedPosition(service, bookmark, signupId);
  // The common poll in two statements; anything it does not cover (community signups, every error) takes the general path.
  const quick =
    ref.communityId === null || ref.communityId.trim() === ''
      ? await pollUpdates(ctx, { tenantId: ref.tenantId, namespaceId: ref.namespaceId, trustee: ref.trustee }, signupId, {
          readSeq: acknowledged,
          position: (id) => service.read(bookmark, id),
        })
      : undefined;
  if (quick) return { updates: quick.updates, bookmark: service.issue(quick.signupId, quick.next) };
  const row = await ownSignup(ctx, await callerOf(ctx, ref), signupId, { touch: true, ...(acknowledged === undefined ? {} : { readSeq: acknowledged }) });
  const page = await readSpelledUpdates(ctx, row, () => service.read(bookmark, row.id));
  return { updates: page.updates, bookmark: service.issue(row.id, page.next) };
}

/** A webhook for the caller's Active signup, with its secret (shown once); its deliveries start at once. */
export async function addWebhook(
  ctx: ChangeBrokerContext,
  ref: CallerRef,
  signupId: string,
  input: { url: string; description: string | null },
): Promise<WebhookView & { secret: string }> {
  const created = await createWebhook(ctx, webhookTargets(ctx.config), await callersSignup(ctx, ref, signupId, { touch: false }), input);
  kickBackgroundWork(ctx.db);
  return created;
}

export async function webhooksOf(ctx: ChangeBrokerContext, ref: CallerRef, signupId: string): Promise<WebhookView[]> {
  return listWebhooks(ctx, await callersSignup(ctx, ref, signupId, { touch: false }));
}

export async function removeWebhook(ctx: ChangeBrokerContext, ref: CallerRef, signupId: string, webhookId: string): Promise<void> {
  return deleteWebhook(ctx, await callersSignup(ctx, ref, signupId, { touch: false }), webhookId);
}

export async function webhookDeliveries(
  ctx: ChangeBrokerContext,
  ref: CallerRef,
  signupId: string,
  webhookId: string,
  page: { skip: number; count: number },
): Promise<WebhookDeliveryView[]> {
  return listDeliveries(ctx, await callersSignup(ctx, ref, signupId, { touch: false }), webhookId, page);
}

const missingBookmark = (): AvevaError =>
  new AvevaError('bookmark_required', 'A bookmark is required: pass ?bookmark= or the Last-Event-ID header.', {
    resolution: 'Start from the bookmark of Get Signup By Id, or resume with the id of the last event received.',
    parameters: { bookmark: 'missing' },
  });

/**
 * Where a live stream of the caller's signup starts: everything is checked before the stream opens (the signup is
 * the caller's and Active, then the bookmark), so that refusals are ordinary answers.
 */
export async function liveUpdatesStart(
  ctx: ChangeBrokerContext,
  ref: CallerRef,
  signupId: string,
  bookmark: string | undefined,
): Promise<{ signup: CbSignupRow; bookmarks: Bookmarks; start: BookmarkPosition }> {
  const row = await callersSignup(ctx, ref, signupId, { touch: true });
  requireActive(row);
  if (!bookmark) throw missingBookmark();
  const bookmarks = await bookmarkService(ctx);
  return { signup: row, bookmarks, start: bookmarks.read(bookmark, row.id) };
}
