import { AvevaError } from '../errors/aveva.js';
import type { ChangeSignals } from '../store/change-signals.js';
import type { CbSignupRow } from '../store/schema.js';
import type { BookmarkPosition, Bookmarks } from './bookmarks.js';
import type { ChangeBrokerContext } from './context.js';
import { signupNotActive, signupNotFound } from './errors.js';
import { touchSignup } from './signups.js';
import { readUpdates, type UpdateView } from './updates.js';

export type LiveEvent =
  /** Updates in order, each with the position right after it. */
  | { kind: 'updates'; updates: UpdateView[]; positions: BookmarkPosition[] }
  /** Time for a heartbeat; `position` is where the stream stands now. */
  | { kind: 'heartbeat'; position: BookmarkPosition }
  /** The stream cannot go on (position expired, signup gone or no longer Active). */
  | { kind: 'end'; error: AvevaError };

export interface FollowOptions {
  heartbeatMs: number;
  signal: AbortSignal;
}

/**
 * A signup's updates from `start` on, as they commit: reads with the same reader as Get Updates (so the same order
 * and exactly-once guarantees hold) whenever the store signals a commit in the signup's namespace, and once per
 * heartbeat besides, which also keeps the signup from expiring while someone follows it. No timer runs between
 * signals other than the heartbeat's.
 */
export async function* followUpdates(
  ctx: ChangeBrokerContext,
  signals: ChangeSignals,
  bookmarks: Bookmarks,
  signup: CbSignupRow,
  start: BookmarkPosition,
  options: FollowOptions,
): AsyncGenerator<LiveEvent> {
  let position = start;
  let dirty = true;
  let beat = false;
  let wake: (() => void) | undefined;
  const unsubscribe = await signals.subscribe({ tenantId: signup.tenant_id, namespaceId: signup.namespace_id }, () => {
    dirty = true;
    wake?.();
  });
  const onAbort = () => wake?.();
  options.signal.addEventListener('abort', onAbort);
  let nextBeat = Date.now() + options.heartbeatMs;
  try {
    while (!options.signal.aborted) {
      if (dirty) {
        dirty = false;
        const row = await ctx.db.selectFrom('cb_signups').selectAll().where('id', '=', signup.id).executeTakeFirst();
        if (!row) return yield { kind: 'end', error: signupNotFound(signup.id) };
        if (row.state !== 'Active' || row.expires_at <= ctx.clock.now().toISOString()) {
          return yield { kind: 'end', error: signupNotActive(row.id, row.state === 'Active' ? 'Expired' : row.state) };
        }
        // The clock may move while this read is under way: what it returns is valid from the check, not from later.
        const checkedAt = ctx.clock.now();
        try {
          bookmarks.requireFresh(position);
        } catch (error) {
          if (error instanceof AvevaError) return yield { kind: 'end', error };
          throw error;
        }
        // What the stream sent is read: the consumer lag counts from there.
        if (beat) await touchSignup(ctx, row.id, ctx.clock.now(), row.inactivity_seconds, position.seq);
        const page = await readUpdates(ctx, row, position, checkedAt);
        if (page.data.length > 0) yield { kind: 'updates', updates: page.data, positions: page.positions };
        // The position moved: a full page may have more behind it; read again until nothing is new.
        if (page.next.seq > position.seq) dirty = true;
        position = page.next;
        continue;
      }
      if (beat) {
        beat = false;
        yield { kind: 'heartbeat', position };
        continue;
      }
      const waitMs = nextBeat - Date.now();
      if (waitMs > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, waitMs);
          if (dirty || options.signal.aborted) resolve();
        });
        wake = undefined;
        clearTimeout(timer);
      }
      if (Date.now() >= nextBeat) {
        nextBeat = Date.now() + options.heartbeatMs;
        // A read per heartbeat: refreshes the position's age, keeps the signup alive, and catches writes that no
        // signal announced (another process's writes on SQLite).
        beat = true;
        dirty = true;
      }
    }
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}
