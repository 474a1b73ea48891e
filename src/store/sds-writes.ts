import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import type { SdsStreamsTable } from './schema.js';
import { notifyCommitted } from './change-signals.js';
import { isUniqueViolation } from './unique-violation.js';
import { type Db, nativeOf } from './database.js';
import type { DialectOps } from './dialects/dialect-ops.js';
import { PostgresGroupCommit } from './postgres-group-commit.js';
import { sqliteGroupCommit, type SqliteJob } from './sqlite-group-commit.js';
import { type SqliteStreamCache, streamKey } from './sqlite-stream-cache.js';

// The store side of group-committed SDS data writes (src/sds/data.ts decides what is written and answers).
//
// SQLite: each write is a synchronous job of the store's group commit (src/store/sqlite-group-commit.ts), made of
// prepared statements on the driver: many writes, one transaction, one commit, a failed write rolled back alone.
// PostgreSQL: writes that arrive together are sent as ONE call of sds_write_batch (migrations 0011, 0012) by the
// store's group commit (src/store/postgres-group-commit.ts): one round trip and one commit for the batch, each
// answered after it; the batch's namespaces are signalled to live readers after that commit.

/** What a write checked about its stream outside the batch: the batch writes only if these are still so. */
export interface CheckedStream {
  row: SdsStreamsTable;
  keyProperty: string;
  keyTypeCode: number;
}

export interface BatchedWrite {
  tenantId: string;
  namespaceId: string;
  streamId: string;
  mode: 'Insert' | 'Update' | 'Replace';
  checked: CheckedStream;
  /** Index keys and event JSON, in request order. */
  keys: string[];
  events: string[];
  /** The change record's events (JSON array) and time. */
  changes: string;
  createdAt: string;
}

/**
 * written: committed at position `seq`; exists / missing: refused (nothing written) at the 0-based `position` of the
 * first event whose index exists (Insert) or does not (Replace); stale: the stream changed since it was checked.
 */
export type BatchedOutcome =
  | { outcome: 'written'; seq: number }
  | { outcome: 'exists' | 'missing'; position: number }
  | { outcome: 'stale' };

/** The stream with its type's key, as one row; SQLite, inside a job. */
export function sqliteStreamWithKey(sqlite: SQLite.Database, tenantId: string, namespaceId: string, streamId: string): CheckedStream | undefined {
  const row = sqlite
    .prepare<[string, string, string], SdsStreamsTable & { key_property: string | null; key_type_code: number | null }>(
      `SELECT st.*, ty.key_property, ty.key_type_code FROM sds_streams st
       LEFT JOIN sds_types ty ON ty.tenant_id = st.tenant_id AND ty.namespace_id = st.namespace_id AND ty.id = st.type_id
       WHERE st.tenant_id = ? AND st.namespace_id = ? AND st.id = ?`,
    )
    .get(tenantId, namespaceId, streamId);
  if (!row) return undefined;
  const { key_property, key_type_code, ...stream } = row;
  return { row: stream, keyProperty: key_property ?? '', keyTypeCode: key_type_code ?? -1 };
}

/**
 * Streams as last read for a PostgreSQL batched write, per store. The batch writes only if the stream is still as
 * read, so an entry gone stale costs a retry the ordinary way, never a wrong write; it saves a round trip per write.
 */
const checkedStreams = new WeakMap<Db, Map<string, CheckedStream>>();
const CHECKED_STREAMS_MAX = 10_000;

/** The stream as last read in this process, if any (see checkedStreams). */
export function cachedStreamWithKey(db: Db, tenantId: string, namespaceId: string, streamId: string): CheckedStream | undefined {
  return checkedStreams.get(db)?.get(streamKey(tenantId, namespaceId, streamId));
}

/** Forgets the stream as last read: it changed, or a check against it failed and must be made on fresh data. */
export function forgetStreamWithKey(db: Db, tenantId: string, namespaceId: string, streamId: string): void {
  checkedStreams.get(db)?.delete(streamKey(tenantId, namespaceId, streamId));
}

/** The stream with its type's key (no lock), read now and kept as the stream last read. */
export async function postgresStreamWithKey(db: Db, tenantId: string, namespaceId: string, streamId: string): Promise<CheckedStream | undefined> {
  const checked = await readStreamWithKey(db, tenantId, namespaceId, streamId);
  let cache = checkedStreams.get(db);
  if (!cache) checkedStreams.set(db, (cache = new Map()));
  const key = streamKey(tenantId, namespaceId, streamId);
  cache.delete(key);
  if (!checked) return undefined;
  // Oldest first out: a Map iterates in insertion order.
  if (cache.size >= CHECKED_STREAMS_MAX) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, checked);
  return checked;
}

async function readStreamWithKey(db: Db, tenantId: string, namespaceId: string, streamId: string): Promise<CheckedStream | undefined> {
  const row = await db
    .selectFrom('sds_streams as st')
    .leftJoin('sds_types as ty', (join) =>
      join.onRef('ty.tenant_id', '=', 'st.tenant_id').onRef('ty.namespace_id', '=', 'st.namespace_id').onRef('ty.id', '=', 'st.type_id'),
    )
    .selectAll('st')
    .select(['ty.key_property', 'ty.key_type_code'])
    .where('st.tenant_id', '=', tenantId)
    .where('st.namespace_id', '=', namespaceId)
    .where('st.id', '=', streamId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { key_property, key_type_code, ...stream } = row;
  return { row: stream, keyProperty: key_property ?? '', keyTypeCode: key_type_code === null ? -1 : Number(key_type_code) };
}

/** SQLite: each namespace's change counter as the current run of a batch has moved it (see namespaceCounter). */
const batchCounters = new WeakMap<SQLite.Database, { batch: number; counters: Map<string, { last: number }> }>();

/**
 * The namespace's change counter for this run of the batch, or undefined when the namespace is gone. SQLite numbers
 * changes with it (src/store/change-log.ts). It is read once per run and written back once before the commit,
 * instead of an UPDATE per write; the run holds the write lock throughout, and nothing else writes on the
 * connection meanwhile.
 */
function namespaceCounter(job: SqliteJob, tenantId: string, namespaceId: string): { last: number } | undefined {
  let run = batchCounters.get(job.sqlite);
  if (run?.batch !== job.batch) batchCounters.set(job.sqlite, (run = { batch: job.batch, counters: new Map() }));
  const key = `${tenantId}\u001f${namespaceId}`;
  const known = run.counters.get(key);
  if (known) return known;
  const { sqlite } = job;
  const row = sqlite
    .prepare<[string, string], { last_change_seq: number }>('SELECT last_change_seq FROM namespaces WHERE tenant_id = ? AND id = ?')
    .get(tenantId, namespaceId);
  if (!row) return undefined;
  const counter = { last: Number(row.last_change_seq) };
  run.counters.set(key, counter);
  job.beforeCommit(`change counter\u001f${key}`, () => {
    sqlite.prepare('UPDATE namespaces SET last_change_seq = ? WHERE tenant_id = ? AND id = ?').run(counter.last, tenantId, namespaceId);
  });
  return counter;
}

/**
 * SQLite, inside a job (the stream checked in the same transaction): writes the events and the change record, or
 * refuses as the batch function does on PostgreSQL.
 */
export function sqliteWrite(job: SqliteJob, w: Omit<BatchedWrite, 'checked'>): BatchedOutcome {
  const { sqlite } = job;
  const counter = namespaceCounter(job, w.tenantId, w.namespaceId);
  if (!counter) return { outcome: 'stale' };
  if (w.mode === 'Replace') {
    const exists = sqlite.prepare<[string, string, string, string]>(
      'SELECT 1 FROM sds_events WHERE tenant_id = ? AND namespace_id = ? AND stream_id = ? AND index_key = ?',
    );
    for (let i = 0; i < w.keys.length; i++) {
      if (exists.get(w.tenantId, w.namespaceId, w.streamId, w.keys[i] ?? '') === undefined) return { outcome: 'missing', position: i };
    }
  }
  const insert = sqlite.prepare<[string, string, string, string, string]>(
    w.mode === 'Insert'
      ? 'INSERT INTO sds_events (tenant_id, namespace_id, stream_id, index_key, event) VALUES (?, ?, ?, ?, ?)'
      : `INSERT INTO sds_events (tenant_id, namespace_id, stream_id, index_key, event) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, namespace_id, stream_id, index_key) DO UPDATE SET event = excluded.event`,
  );
  for (let i = 0; i < w.keys.length; i++) {
    try {
      insert.run(w.tenantId, w.namespaceId, w.streamId, w.keys[i] ?? '', w.events[i] ?? '');
    } catch (error) {
      // An Insert at an index that has an event fails that statement alone (instead of a look before each insert);
      // the events written before it are undone.
      if (w.mode !== 'Insert' || !isUniqueViolation(error)) throw error;
      if (i > 0) job.undo();
      return { outcome: 'exists', position: i };
    }
  }
  const seq = ++counter.last;
  try {
    sqlite
      .prepare('INSERT INTO change_log (tenant_id, namespace_id, seq, stream_id, operation, events, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(w.tenantId, w.namespaceId, seq, w.streamId, w.mode, w.changes, w.createdAt);
  } catch (error) {
    // The job fails and its savepoint is rolled back: the next write takes this number. Nothing after this may fail.
    counter.last--;
    throw error;
  }
  return { outcome: 'written', seq };
}

/** How `db` group-commits SDS writes: by dialect for a store's own database, not at all for a transaction. */
export function sdsGroupCommit(db: Db): DialectOps | undefined {
  return nativeOf(db)?.dialectOps;
}

/**
 * Runs `job` in the SQLite store's group commit, with the streams its writes checked before
 * (src/store/sqlite-stream-cache.ts); undefined when `db` is not a SQLite store's own database.
 */
export function sqliteSdsJob<T>(db: Db, job: (context: SqliteJob, streams: SqliteStreamCache) => T): Promise<T> | undefined {
  const native = nativeOf(db);
  if (native?.dialect !== 'sqlite') return undefined;
  const { streams } = native;
  return sqliteGroupCommit(db)?.run((context) => job(context, streams));
}

const BATCH_SQL = `SELECT outcome, detail FROM sds_write_batch(${Array.from({ length: 17 }, (_, i) => `$${i + 1}`).join(', ')})`;

/** Writes a batch with one call of sds_write_batch; its commit is the batch's, durable before the answer. */
async function commitBatch(pool: pg.Pool, writes: BatchedWrite[]): Promise<BatchedOutcome[]> {
  const first: number[] = [];
  let next = 1;
  for (const w of writes) {
    first.push(next);
    next += w.keys.length;
  }
  const values = [
    writes.map((w) => w.tenantId),
    writes.map((w) => w.namespaceId),
    writes.map((w) => w.streamId),
    writes.map((w) => w.mode),
    writes.map((w) => w.checked.row.type_id),
    writes.map((w) => w.checked.row.owner_type),
    writes.map((w) => w.checked.row.owner_object_id),
    writes.map((w) => w.checked.row.owner_tenant_id),
    writes.map((w) => w.checked.row.acl),
    writes.map((w) => w.checked.keyProperty),
    writes.map((w) => w.checked.keyTypeCode),
    writes.map((w) => w.changes),
    writes.map((w) => w.createdAt),
    first,
    writes.map((w) => w.keys.length),
    writes.flatMap((w) => w.keys),
    writes.flatMap((w) => w.events),
  ];
  const result = await pool.query<{ outcome: string; detail: string | null }>({ name: 'sds_write_batch', text: BATCH_SQL, values });
  // The batch's own transaction does not NOTIFY (migration 0012): signalled after its commit, without holding up
  // the answers.
  notifyCommitted(pool, writes.filter((_, i) => result.rows[i]?.outcome === 'written'));
  return writes.map((_, i): BatchedOutcome => {
    const row = result.rows[i];
    const detail = Number(row?.detail ?? Number.NaN);
    if (row?.outcome === 'written') return { outcome: 'written', seq: detail };
    if (row?.outcome === 'exists' || row?.outcome === 'missing') return { outcome: row.outcome, position: detail - 1 };
    return { outcome: 'stale' };
  });
}

const batchers = new WeakMap<Db, PostgresGroupCommit<BatchedWrite, BatchedOutcome>>();

/** Writes `write` in the next PostgreSQL batch; undefined when `db` is not a PostgreSQL store's own database. */
export function postgresSdsWrite(db: Db, write: BatchedWrite): Promise<BatchedOutcome> | undefined {
  let batcher = batchers.get(db);
  if (!batcher) {
    const native = nativeOf(db);
    if (native?.dialect !== 'postgres') return undefined;
    const { pool } = native;
    batcher = new PostgresGroupCommit((writes) => commitBatch(pool, writes), native.transactions);
    batchers.set(db, batcher);
  }
  // Nothing of a failed batch was written (e.g. a deadlock with a writer of another kind): each of its writes goes
  // again on its own, the ordinary way, where its own error (if any) is answered.
  return batcher.write(write).catch((): BatchedOutcome => ({ outcome: 'stale' }));
}
