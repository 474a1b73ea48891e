import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Tells this process when changes were committed in a namespace, so that live consumers read at once instead of
 * polling. A signal may come more often than needed (a rolled-back write on SQLite, a reconnection): listeners
 * re-read and find nothing new (a batch's own process hears it twice: at once, and by its NOTIFY). It comes no
 * less often, except when a process stops between a batch's commit and its signal (see notifyCommitted): live
 * streams then find the change at their next heartbeat read.
 *
 * - PostgreSQL: a trigger on change_log NOTIFYs `signups_changes` (migration 0006), or for a batch of SDS data
 *   writes the process that sent it, after the commit (notifyCommitted: its own listeners at once, the others
 *   within a few milliseconds); one LISTEN connection per process hears the writes of every process.
 * - SQLite: a temporary trigger on this process's connection calls a function of ours during the write; the
 *   listeners' reads queue behind the write's transaction on that one connection, so they see it committed.
 *   Writes of other processes are not heard (SQLite serves one process; see the README).
 */
export interface ChangeSignals {
  /** Calls `listener` when changes in the namespace commit; `null` hears every namespace. Resolves once listening. */
  subscribe(namespace: { tenantId: string; namespaceId: string } | null, listener: () => void): Promise<() => void>;
  close(): Promise<void>;
}

const CHANNEL = 'signups_changes';
const SEPARATOR = '\u001f';
const ALL = '*';

const keyOf = (tenantId: string, namespaceId: string): string => `${tenantId}${SEPARATOR}${namespaceId}`;

/** Listener bookkeeping shared by both dialects. */
class Listeners {
  readonly #byKey = new Map<string, Set<() => void>>();

  add(key: string, listener: () => void): () => void {
    let set = this.#byKey.get(key);
    if (!set) this.#byKey.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#byKey.delete(key);
    };
  }

  emit(key: string): void {
    for (const k of [key, ALL]) for (const listener of this.#byKey.get(k) ?? []) listener();
  }

  emitAll(): void {
    for (const set of this.#byKey.values()) for (const listener of set) listener();
  }

  get size(): number {
    return this.#byKey.size;
  }
}

/** The function the SQLite trigger calls; registered on the connection when the store opens. */
export const SQLITE_SIGNAL_FUNCTION = 'signups_change_signal';

export class SqliteChangeSignals implements ChangeSignals {
  readonly #listeners = new Listeners();
  #trigger: Promise<void> | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  /** Called by the trigger, inside the writing transaction. */
  signal(tenantId: string, namespaceId: string): void {
    this.#listeners.emit(keyOf(tenantId, namespaceId));
  }

  async subscribe(namespace: { tenantId: string; namespaceId: string } | null, listener: () => void): Promise<() => void> {
    // Temporary triggers live on the connection only, so nothing outside this process depends on our function.
    this.#trigger ??= sql`create temp trigger if not exists change_log_signal after insert on main.change_log
        begin select ${sql.raw(SQLITE_SIGNAL_FUNCTION)}(new.tenant_id, new.namespace_id); end`
      .execute(this.db)
      .then(() => undefined)
      .catch((error: unknown) => {
        this.#trigger = undefined;
        throw error;
      });
    await this.#trigger;
    return this.#listeners.add(namespace ? keyOf(namespace.tenantId, namespace.namespaceId) : ALL, listener);
  }

  async close(): Promise<void> {}
}

const NOTIFY_SQL = `SELECT set_config('synchronous_commit', 'off', true), pg_notify('${CHANNEL}', k) FROM unnest($1::text[]) AS k`;

/**
 * PostgreSQL: signals the namespaces of changes that committed without the trigger's notification (a batch of SDS
 * data writes: migration 0012 says why), once each, after that commit. This process's own listeners hear it at once
 * (see hearCommitsOf); the other processes through a NOTIFY statement, which does not wait for the disk: a signal is
 * not data, and its commit then holds the server-wide notification lock only for a moment.
 *
 * One statement at a time per pool, and at most one every NOTIFY_GAP_MS: namespaces whose batches commit meanwhile
 * go together in the next. A statement per batch was a transaction and a round trip more for each batch of writes;
 * one per statement's round trip was still nearly one per batch at 10 writers (at 380 batches a second the gap
 * leaves 177 statements). In 8 alternating rounds against the build before, at 10 writers, the server wrote about
 * 10 % more at the same CPU per write: PostgreSQL does less.
 */
export function notifyCommitted(pool: pg.Pool, namespaces: ReadonlyArray<{ tenantId: string; namespaceId: string }>): void {
  if (namespaces.length === 0) return;
  const local = localSignals.get(pool);
  if (local) {
    // A listener's trouble is not the writers': their batch has committed.
    for (const n of namespaces) {
      try {
        local.heard(keyOf(n.tenantId, n.namespaceId));
      } catch {
        // The listener's own read finds the change later (heartbeat).
      }
    }
  }
  let notifier = notifiers.get(pool);
  if (!notifier) notifiers.set(pool, (notifier = new CoalescedNotifier(pool)));
  notifier.add(namespaces);
}

/** The signals of this process for a pool's writes (openStore), which then hear their own batches at once. */
export function hearCommitsOf(pool: pg.Pool, signals: PostgresChangeSignals): void {
  localSignals.set(pool, signals);
}

const localSignals = new WeakMap<pg.Pool, PostgresChangeSignals>();
const notifiers = new WeakMap<pg.Pool, CoalescedNotifier>();

/** The least time between two NOTIFY statements of a pool: what another process's live readers may wait more. */
const NOTIFY_GAP_MS = 5;

class CoalescedNotifier {
  #waiting = new Set<string>();
  #sending = false;
  #lastSent = Number.NEGATIVE_INFINITY;

  constructor(private readonly pool: pg.Pool) {}

  add(namespaces: ReadonlyArray<{ tenantId: string; namespaceId: string }>): void {
    for (const n of namespaces) this.#waiting.add(keyOf(n.tenantId, n.namespaceId));
    if (!this.#sending) void this.#send();
  }

  async #send(): Promise<void> {
    this.#sending = true;
    while (this.#waiting.size > 0) {
      const wait = this.#lastSent + NOTIFY_GAP_MS - performance.now();
      if (wait > 0) await sleep(wait);
      const keys = [...this.#waiting];
      this.#waiting.clear();
      this.#lastSent = performance.now();
      // A signal lost here (the database gone) is caught by the live streams' next heartbeat read.
      await this.pool.query({ name: 'signups_change_signal', text: NOTIFY_SQL, values: [keys] }).catch(() => undefined);
    }
    this.#sending = false;
  }
}

const RECONNECT_MS = 500;

export class PostgresChangeSignals implements ChangeSignals {
  readonly #listeners = new Listeners();

  /** A change committed by this process (notifyCommitted): its listeners hear it without waiting for the NOTIFY. */
  heard(key: string): void {
    this.#listeners.emit(key);
  }
  #client: pg.Client | undefined;
  #connecting: Promise<void> | undefined;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;

  constructor(private readonly connectionString: string) {}

  async subscribe(namespace: { tenantId: string; namespaceId: string } | null, listener: () => void): Promise<() => void> {
    const remove = this.#listeners.add(namespace ? keyOf(namespace.tenantId, namespace.namespaceId) : ALL, listener);
    try {
      await this.#listen();
    } catch (error) {
      remove();
      throw error;
    }
    return remove;
  }

  #listen(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('change signals are closed'));
    this.#connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString });
      client.on('notification', (message) => {
        if (message.channel === CHANNEL && message.payload) this.#listeners.emit(message.payload);
      });
      // A lost connection may have missed notifications: reconnect, then wake everyone to re-read.
      const lost = () => {
        if (this.#client !== client) return;
        this.#client = undefined;
        this.#connecting = undefined;
        client.removeAllListeners('error');
        client.on('error', () => undefined);
        void client.end().catch(() => undefined);
        if (this.#closed || this.#listeners.size === 0) return;
        this.#retry = setTimeout(() => {
          this.#listen().then(
            () => this.#listeners.emitAll(),
            () => undefined,
          );
        }, RECONNECT_MS);
        this.#retry.unref();
      };
      client.on('error', lost);
      client.on('end', lost);
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
      } catch (error) {
        this.#connecting = undefined;
        client.removeAllListeners('end');
        await client.end().catch(() => undefined);
        throw error;
      }
      this.#client = client;
    })();
    return this.#connecting;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    await this.#connecting?.catch(() => undefined);
    const client = this.#client;
    this.#client = undefined;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}
