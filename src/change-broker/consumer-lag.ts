import { sql } from 'kysely';
import type { Executor } from '../store/database.js';

/** How far an Active signup's consumer is behind the changes to its accessible streams. */
export interface SignupLag {
  signupId: string;
  tenantId: string;
  namespaceId: string;
  name: string | null;
  /** Changes committed after the position the consumer acknowledged (the last bookmark it came back with). */
  pendingChanges: number;
  /** When the oldest of them was written; null when the consumer is up to date. */
  oldestPendingAt: string | null;
  /** Age of the oldest pending change at `now`; 0 when the consumer is up to date. */
  lagSeconds: number;
}

/**
 * Consumer lag of every Active signup (or of the given ones), in one query. A consumer acknowledges the changes
 * before a bookmark by coming back with it, as a Kafka consumer commits an offset; before its first poll it stands
 * where the signup became Active. Changes older than the retention window are purged and no longer count.
 */
export async function consumerLag(db: Executor, now: Date, filter: { signupIds?: readonly string[] } = {}): Promise<SignupLag[]> {
  if (filter.signupIds && filter.signupIds.length === 0) return [];
  let query = db
    .selectFrom('cb_signups as s')
    .leftJoin('cb_signup_resources as r', (join) => join.onRef('r.signup_id', '=', 's.id').on('r.is_accessible', '=', 1))
    .leftJoin('change_log as c', (join) =>
      join
        .onRef('c.tenant_id', '=', 's.tenant_id')
        .onRef('c.namespace_id', '=', 's.namespace_id')
        .onRef('c.stream_id', '=', 'r.resource_id')
        .on(sql<boolean>`c.seq > coalesce(s.read_seq, s.start_seq, 0)`)
        .on(sql<boolean>`c.seq > coalesce(r.from_seq, 0)`),
    )
    .select((eb) => [
      's.id',
      's.tenant_id',
      's.namespace_id',
      's.name',
      eb.fn.count<number | string>('c.seq').as('pending'),
      eb.fn.min<string | null>('c.created_at').as('oldest'),
    ])
    .where('s.state', '=', 'Active')
    .groupBy(['s.id', 's.tenant_id', 's.namespace_id', 's.name'])
    .orderBy('s.id');
  if (filter.signupIds) query = query.where('s.id', 'in', [...filter.signupIds]);
  const rows = await query.execute();
  return rows.map((row) => {
    const oldest = row.oldest ?? null;
    return {
      signupId: row.id,
      tenantId: row.tenant_id,
      namespaceId: row.namespace_id,
      name: row.name,
      pendingChanges: Number(row.pending),
      oldestPendingAt: oldest,
      lagSeconds: oldest === null ? 0 : Math.max(0, (now.getTime() - new Date(oldest).getTime()) / 1000),
    };
  });
}

/** A signup's consumer lag as Get Signup By Id shows it (`consumerLag`, an extension of this server). */
export interface ConsumerLagView {
  pendingChanges: number;
  oldestPendingDate: string | null;
  lagSeconds: number;
}

/** The consumer lag of one signup, or null when it is not Active (only an Active signup has a consumer). */
export async function signupLag(db: Executor, now: Date, signupId: string): Promise<ConsumerLagView | null> {
  const [lag] = await consumerLag(db, now, { signupIds: [signupId] });
  return lag ? { pendingChanges: lag.pendingChanges, oldestPendingDate: lag.oldestPendingAt, lagSeconds: lag.lagSeconds } : null;
}

/**
 * Records that a signup's changes up to `seq` were delivered to its consumer by a push (the live updates stream or
 * a webhook): pushed changes count as read. Never moves the position back, so that a slower push channel of the
 * same signup does not count changes another one already delivered as pending again.
 */
export async function recordDelivered(db: Executor, signupId: string, seq: number): Promise<void> {
  await db
    .updateTable('cb_signups')
    .set({ read_seq: seq })
    .where('id', '=', signupId)
    .where((eb) => eb.or([eb('read_seq', 'is', null), eb('read_seq', '<', seq)]))
    .execute();
}

/**
 * Records a live stream's delivered positions without holding the stream up: the write happens beside it, one at a
 * time, and while one is under way only the newest position waits (positions only grow, so the ones in between
 * need no write of their own).
 */
export class DeliveryRecorder {
  #pending: number | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly db: Executor,
    private readonly signupId: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  record(seq: number): void {
    this.#pending = Math.max(seq, this.#pending ?? seq);
    this.#running ??= this.#drain();
  }

  async #drain(): Promise<void> {
    while (this.#pending !== undefined) {
      const seq = this.#pending;
      this.#pending = undefined;
      try {
        await recordDelivered(this.db, this.signupId, seq);
      } catch (error) {
        this.onError(error);
      }
    }
    this.#running = undefined;
  }

  /** Resolves once every position recorded so far is written. */
  flush(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }
}
