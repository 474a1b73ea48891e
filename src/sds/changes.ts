import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';
import { SdsError } from './errors.js';

/** The SDS write modes a change record names, as Change Broker updates spell them. */
export type ChangeOperation = 'Insert' | 'Update' | 'Replace' | 'Remove' | 'RemoveWindow';

export interface NewChange {
  tenantId: string;
  /** The namespace id as stored (what requireNamespace returns). */
  namespaceId: string;
  streamId: string;
  operation: ChangeOperation;
  /** Full events for Insert/Update/Replace; index-only events for Remove; start and end for RemoveWindow. */
  events: unknown[];
}

export interface ChangeRecord {
  seq: number;
  streamId: string;
  operation: ChangeOperation;
  events: unknown[];
  createdAt: string;
}

/**
 * Appends one change record and returns its number; call it inside the write's transaction, as its last statement.
 *
 * The number comes from bumping the namespace row. That UPDATE holds the row lock until the transaction commits, so
 * a second writer in the namespace waits and takes the next number only after the first committed: numbers commit
 * in order, and a reader paging by seq can never skip a late commit with a smaller number. Taking the lock last
 * keeps it short and cannot deadlock with the row locks the data write took before. On SQLite transactions are
 * serialized anyway.
 */
export async function appendChange(db: Db, clock: Clock, c: NewChange): Promise<number> {
  const bumped = await db
    .updateTable('namespaces')
    .set((eb) => ({ last_change_seq: eb('last_change_seq', '+', 1) }))
    .where('tenant_id', '=', c.tenantId)
    .where('id', '=', c.namespaceId)
    .returning('last_change_seq')
    .executeTakeFirst();
  if (!bumped) {
    throw new SdsError('not_found', `The namespace '${c.namespaceId}' was not found.`, { parameters: { NamespaceId: c.namespaceId } });
  }
  const seq = Number(bumped.last_change_seq);
  await db
    .insertInto('change_log')
    .values({
      tenant_id: c.tenantId,
      namespace_id: c.namespaceId,
      seq,
      stream_id: c.streamId,
      operation: c.operation,
      events: JSON.stringify(c.events),
      created_at: clock.now().toISOString(),
    })
    .execute();
  return seq;
}

/** The last change number handed out in the namespace (0 before the first change, or for an unknown namespace). */
export async function currentChangeSeq(db: Db, tenantId: string, namespaceId: string): Promise<number> {
  const row = await db
    .selectFrom('namespaces')
    .select('last_change_seq')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', namespaceId)
    .executeTakeFirst();
  return row ? Number(row.last_change_seq) : 0;
}

/** Changes after `afterSeq` to any of `streamIds`, oldest first, at most `limit`. */
export async function readChanges(
  db: Db,
  q: { tenantId: string; namespaceId: string; afterSeq: number; streamIds: readonly string[]; limit: number },
): Promise<ChangeRecord[]> {
  if (q.streamIds.length === 0 || q.limit <= 0) return [];
  const rows = await db
    .selectFrom('change_log')
    .select(['seq', 'stream_id', 'operation', 'events', 'created_at'])
    .where('tenant_id', '=', q.tenantId)
    .where('namespace_id', '=', q.namespaceId)
    .where('seq', '>', q.afterSeq)
    .where('stream_id', 'in', [...q.streamIds])
    .orderBy('seq', 'asc')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    streamId: r.stream_id,
    operation: r.operation,
    events: JSON.parse(r.events) as unknown[],
    createdAt: r.created_at,
  }));
}

/** Deletes change records written before the cutoff (ISO 8601 UTC); returns how many. */
export async function purgeChangesBefore(db: Db, cutoffIso: string): Promise<number> {
  const result = await db.deleteFrom('change_log').where('created_at', '<', cutoffIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}
