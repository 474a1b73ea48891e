import { type Expression, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Db } from './database.js';

// Where change records get their position, and how far a reader may read, per dialect.
//
// SQLite runs one write transaction at a time: a per-namespace counter bumped in the writing transaction numbers
// changes in commit order, and every number handed out is committed by the time anyone reads it.
//
// PostgreSQL runs writers concurrently, so a counter row would make them queue (its lock is held to commit) and a
// sequence would let a reader skip a number that commits late. Instead a change's position is its transaction id
// and its ordinal in that transaction: `xid * 2048 + ordinal`, which orders like the pair (xid, ordinal) and fits a
// double below 2^53 for the first 2^42 transactions. Each writer first takes, before anything gives its
// transaction an id, a shared advisory lock on the namespace and an exclusive one on the stream. Then:
// - within a stream, writers take turns and get their xids in turn, so xid order is commit order;
// - a reader finds the namespace's horizon: the smallest xid among the transactions that hold the namespace lock
//   (one without an xid yet will get one above the current snapshot's xmax). Every change below the horizon has
//   committed or rolled back, so that prefix of the log is final, and a page read from it in a LATER statement
//   can never be overtaken by a late commit. Writers in other namespaces, or elsewhere on the server, do not
//   hold it back; an open write transaction in the namespace does, until it ends (short by construction, and
//   server connections end any transaction left idle: see openStore).
// A group-committed batch of data writes (sds_write_batch, src/store/sds-writes.ts) is one such writer for all of
// its streams: it takes every lock of the batch first, in key order, then records its changes at ordinals 0, 1, ...

/** Changes one transaction may record on PostgreSQL (each data write records one). */
export const CHANGES_PER_TRANSACTION = 2048;

export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const namespaceKey = (tenantId: string, namespaceId: string) => `change-log\u001f${tenantId}\u001f${namespaceId}`;

/**
 * PostgreSQL: announces a writer of the namespace to readers and makes the stream's writers take turns, until
 * commit. Call it first in the transaction, before anything gives the transaction an id.
 */
export async function lockStreamChanges(db: Db, tenantId: string, namespaceId: string, streamId: string): Promise<void> {
  if (!isPostgres(db)) return;
  const stream = `${namespaceKey(tenantId, namespaceId)}\u001f${streamId}`;
  await sql`SELECT pg_advisory_xact_lock_shared(hashtextextended(${namespaceKey(tenantId, namespaceId)}, 0)),
    pg_advisory_xact_lock(hashtextextended(${stream}, 0))`.execute(db);
}

/**
 * The namespace's horizon as an xid8 (bigint): below it, no transaction can still record a change. One scan of the
 * lock table: the holders of the namespace lock, and the xids they hold (32-bit there, widened with the snapshot's
 * epoch). The tenant and namespace are SQL expressions, so a statement can find the horizon of a row it reads.
 */
function postgresHorizonSql(tenantId: Expression<string>, namespaceId: Expression<string>): RawBuilder<string> {
  return sql<string>`(
    WITH k AS (SELECT hashtextextended(CAST(${'change-log\u001f'} AS text) || CAST(${tenantId} AS text) || CAST(${'\u001f'} AS text) || CAST(${namespaceId} AS text), 0) AS key),
    s AS (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax),
    l AS (
      SELECT pid, locktype, transactionid, classid, objid, objsubid, granted FROM pg_locks
      WHERE locktype = 'transactionid' OR (locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
    ),
    holders AS (
      SELECT DISTINCT l.pid FROM l, k
      WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted
        AND l.classid::text::bigint = ((k.key >> 32) & 4294967295) AND l.objid::text::bigint = (k.key & 4294967295)
    ),
    xids AS (
      SELECT l.transactionid::text::bigint AS xid FROM l JOIN holders USING (pid)
      WHERE l.locktype = 'transactionid' AND l.granted AND l.pid <> pg_backend_pid()
    )
    SELECT least(s.xmax, min(s.xmax - (((s.xmax % 4294967296) - xids.xid + 4294967296) % 4294967296)))
    FROM s LEFT JOIN xids ON true GROUP BY s.xmax)`;
}

async function postgresHorizon(db: Db, tenantId: string, namespaceId: string): Promise<bigint> {
  const result = await sql<{ horizon: string }>`SELECT ${postgresHorizonSql(sql.val(tenantId), sql.val(namespaceId))}::text AS horizon`.execute(db);
  return BigInt(result.rows[0]?.horizon ?? '0');
}

/**
 * As an SQL expression, for a statement that also reads the namespace's row or signups: finalChangeSeq of the
 * namespace the expressions name. On PostgreSQL the horizon comes from the lock table read during the statement,
 * after its snapshot: a writer that commits in between is then under the horizon but not in the snapshot, so the
 * position may come out lower than it could be, never higher; everything up to it is final either way.
 */
export function finalChangeSeqSql(db: Db, tenantId: Expression<string>, namespaceId: Expression<string>): RawBuilder<number> {
  if (isPostgres(db)) {
    return sql<number>`(SELECT coalesce(max(seq), 0) FROM change_log
      WHERE tenant_id = ${tenantId} AND namespace_id = ${namespaceId} AND seq < ${postgresHorizonSql(tenantId, namespaceId)} * ${CHANGES_PER_TRANSACTION})`;
  }
  return sql<number>`(SELECT last_change_seq FROM namespaces WHERE tenant_id = ${tenantId} AND id = ${namespaceId})`;
}

export interface ChangeRow {
  tenantId: string;
  namespaceId: string;
  streamId: string;
  operation: string;
  /** JSON array. */
  events: string;
  createdAt: string;
}

/** Records one change inside the writer's transaction; returns its position, or undefined for an unknown namespace. */
export async function insertChangeRow(db: Db, c: ChangeRow): Promise<number | undefined> {
  if (isPostgres(db)) {
    const result = await sql<{ seq: string | number }>`
      INSERT INTO change_log (tenant_id, namespace_id, seq, stream_id, operation, events, created_at)
      SELECT ${c.tenantId}, ${c.namespaceId}, coalesce(max(l.seq) + 1, x.base), ${c.streamId}, ${c.operation}, ${c.events}, ${c.createdAt}
      FROM (SELECT pg_current_xact_id()::text::bigint * ${CHANGES_PER_TRANSACTION} AS base) x
      LEFT JOIN change_log l
        ON l.tenant_id = ${c.tenantId} AND l.namespace_id = ${c.namespaceId} AND l.seq >= x.base AND l.seq < x.base + ${CHANGES_PER_TRANSACTION}
      WHERE EXISTS (SELECT 1 FROM namespaces WHERE tenant_id = ${c.tenantId} AND id = ${c.namespaceId})
      GROUP BY x.base
      RETURNING seq`.execute(db);
    const row = result.rows[0];
    if (!row) return undefined;
    const seq = Number(row.seq);
    if (seq % CHANGES_PER_TRANSACTION === CHANGES_PER_TRANSACTION - 1) {
      throw new Error(`a transaction may record at most ${CHANGES_PER_TRANSACTION - 1} changes`);
    }
    return seq;
  }
  const bumped = await db
    .updateTable('namespaces')
    .set((eb) => ({ last_change_seq: eb('last_change_seq', '+', 1) }))
    .where('tenant_id', '=', c.tenantId)
    .where('id', '=', c.namespaceId)
    .returning('last_change_seq')
    .executeTakeFirst();
  if (!bumped) return undefined;
  const seq = Number(bumped.last_change_seq);
  await db
    .insertInto('change_log')
    .values({
      tenant_id: c.tenantId,
      namespace_id: c.namespaceId,
      seq,
      stream_id: c.streamId,
      operation: c.operation as 'Insert',
      events: c.events,
      created_at: c.createdAt,
    })
    .execute();
  return seq;
}

/**
 * A position up to which the namespace's change log is final (nothing can still commit at or under it) that moves
 * only when the namespace changes: its last final change, or 0.
 */
export async function finalChangeSeq(db: Db, tenantId: string, namespaceId: string): Promise<number> {
  if (isPostgres(db)) {
    // The last change below the horizon, not the horizon itself: the horizon moves with every transaction on the
    // server, and a position should move only when the namespace changes.
    const horizon = Number((await postgresHorizon(db, tenantId, namespaceId)) * BigInt(CHANGES_PER_TRANSACTION));
    const row = await db
      .selectFrom('change_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('tenant_id', '=', tenantId)
      .where('namespace_id', '=', namespaceId)
      .where('seq', '<', horizon)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }
  const row = await db
    .selectFrom('namespaces')
    .select('last_change_seq')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', namespaceId)
    .executeTakeFirst();
  return row ? Number(row.last_change_seq) : 0;
}

/**
 * The bound under which a read issued AFTER this call finds the namespace's log final (no bound on SQLite, where
 * every change handed out has committed). It must come from an earlier statement than the read.
 */
export async function finalBoundForNextRead(db: Db, tenantId: string, namespaceId: string): Promise<number> {
  return isPostgres(db) ? Number((await postgresHorizon(db, tenantId, namespaceId)) * BigInt(CHANGES_PER_TRANSACTION)) : Number.MAX_SAFE_INTEGER;
}
