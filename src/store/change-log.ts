import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './database.js';

// Where change records get their position, and how far a reader may read, per dialect.
//
// SQLite runs one write transaction at a time: a per-namespace counter bumped in the writing transaction numbers
// changes in commit order, and every number handed out is committed by the time anyone reads it.
//
// PostgreSQL runs writers concurrently, so a counter row would make them queue (its lock is held to commit) and a
// sequence would let a reader skip a number that commits late. Instead a change's position is its transaction id
// and its ordinal in that transaction: `xid * 2048 + ordinal`, which orders like the pair (xid, ordinal) and fits a
// double below 2^53 for the first 2^42 transactions. A reader reads only below the oldest transaction still running
// (pg_snapshot_xmin): everything there has committed or rolled back, so that prefix of the log is final, and a page
// read from it can never be overtaken by a late commit. Each stream's writers take a per-stream advisory lock
// before anything gives them an xid, so within a stream, xid order is commit order.
//
// The price: a change becomes readable once every transaction older than it has ended, anywhere on the server.
// Write transactions here are short, and server connections end any transaction left idle (see openStore).

/** Changes one transaction may record on PostgreSQL (each data write records one). */
export const CHANGES_PER_TRANSACTION = 2048;

export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** PostgreSQL: makes the stream's writers take turns, from before the transaction has an xid, until commit. */
export async function lockStreamChanges(db: Db, tenantId: string, namespaceId: string, streamId: string): Promise<void> {
  if (!isPostgres(db)) return;
  const key = `${tenantId}\u001f${namespaceId}\u001f${streamId}`;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
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

/** The highest position below which the namespace's change log is final: nothing can still commit at or under it. */
export async function finalChangeSeq(db: Db, tenantId: string, namespaceId: string): Promise<number> {
  if (isPostgres(db)) {
    const result = await sql<{ seq: string | number }>`
      SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint * ${CHANGES_PER_TRANSACTION} - 1 AS seq`.execute(db);
    return Number(result.rows[0]?.seq ?? 0);
  }
  const row = await db
    .selectFrom('namespaces')
    .select('last_change_seq')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', namespaceId)
    .executeTakeFirst();
  return row ? Number(row.last_change_seq) : 0;
}

/** A condition for a query over change_log `l`: the row lies in the final part of the log (always, on SQLite). */
export function finalPositionBound(db: Db) {
  return isPostgres(db)
    ? sql<boolean>`seq < pg_snapshot_xmin(pg_current_snapshot())::text::bigint * ${CHANGES_PER_TRANSACTION}`
    : sql<boolean>`1 = 1`;
}
