import type { Clock } from '../store/clock.js';
import { sql } from 'kysely';
import { finalBoundForNextRead, finalChangeSeq, insertChangeRow } from '../store/change-log.js';
import { type Db, dialectOf } from '../store/database.js';
import { executePrepared } from '../store/prepared-statements.js';
import { AvevaError } from '../errors/aveva.js';

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
 * Appends one change record and returns its position; call it inside the write's transaction, after
 * lockStreamChanges (which the stream lock of a data write takes first).
 *
 * Positions only grow in commit order within a stream, and a reader paging by position never skips one that commits
 * late: how each database guarantees it is described in src/store/change-log.ts.
 */
export async function appendChange(db: Db, clock: Clock, c: NewChange): Promise<number> {
  const seq = await insertChangeRow(db, {
    tenantId: c.tenantId,
    namespaceId: c.namespaceId,
    streamId: c.streamId,
    operation: c.operation,
    events: JSON.stringify(c.events),
    createdAt: clock.now().toISOString(),
  });
  if (seq === undefined) {
    throw new AvevaError('namespace_gone', `The namespace '${c.namespaceId}' was not found.`, { parameters: { NamespaceId: c.namespaceId } });
  }
  return seq;
}

/**
 * The position up to which the namespace's change log is final (0 before the first change): every change at or
 * below it has committed, and none can still appear there.
 */
export async function currentChangeSeq(db: Db, tenantId: string, namespaceId: string): Promise<number> {
  return finalChangeSeq(db, tenantId, namespaceId);
}

/** Streams read as separate index runs merged by position (SQLite allows 500 parts in a compound select). */
const MERGED_STREAMS = 100;

interface ChangeLogRow {
  seq: number | string;
  stream_id: string;
  operation: ChangeOperation;
  events: string;
  created_at: string;
}

interface ChangesQuery {
  tenantId: string;
  namespaceId: string;
  afterSeq: number;
  streamIds: readonly string[];
  limit: number;
}

/**
 * One position-ordered run per stream from the (stream, seq) index, merged and cut at the limit: SQLite merges the
 * parts of a compound select, PostgreSQL plans a Merge Append over the parts (each cut at the limit itself, which
 * keeps it from planning a sort of everything). A page reads about `limit` records however many changes other
 * streams of the namespace have.
 */
async function mergedStreams(db: Db, q: ChangesQuery, bound: number): Promise<ChangeLogRow[]> {
  const dialect = dialectOf(db);
  const parts = q.streamIds.map((id) => {
    const part = sql`SELECT seq, stream_id, operation, events, created_at FROM change_log
      WHERE tenant_id = ${q.tenantId} AND namespace_id = ${q.namespaceId} AND stream_id = ${id} AND seq > ${q.afterSeq} AND seq < ${bound}`;
    return q.streamIds.length > 1 ? dialect.cutUnionPart(part, 'seq', q.limit) : part;
  });
  // One text per number of streams: prepared once per connection on PostgreSQL.
  const result = await executePrepared(db, sql<ChangeLogRow>`${sql.join(parts, sql` UNION ALL `)} ORDER BY seq LIMIT ${q.limit}`);
  return result.rows;
}

/** Many streams: one scan of the namespace's log in position order, filtered by stream. */
function filteredScan(db: Db, q: ChangesQuery, bound: number): Promise<ChangeLogRow[]> {
  return db
    .selectFrom('change_log')
    .select(['seq', 'stream_id', 'operation', 'events', 'created_at'])
    .where('tenant_id', '=', q.tenantId)
    .where('namespace_id', '=', q.namespaceId)
    .where('stream_id', 'in', [...q.streamIds])
    .where('seq', '>', q.afterSeq)
    .where('seq', '<', bound)
    .orderBy('seq', 'asc')
    .limit(q.limit)
    .execute();
}

/** Final changes after `afterSeq` to any of `streamIds`, oldest first, at most `limit`. */
export async function readChanges(
  db: Db,
  q: {
    tenantId: string;
    namespaceId: string;
    afterSeq: number;
    streamIds: readonly string[];
    limit: number;
    /** Read only below this position, which currentChangeSeq gave in an earlier statement (+ 1); found here if absent. */
    below?: number;
  },
): Promise<ChangeRecord[]> {
  return (await readStoredChanges(db, q)).map(({ eventsJson, ...r }) => ({ ...r, events: JSON.parse(eventsJson) as unknown[] }));
}

/** A change record with its events as stored: JSON.stringify's text of the array (every writer of the log stores that). */
export interface StoredChangeRecord extends Omit<ChangeRecord, 'events'> {
  eventsJson: string;
}

/** readChanges with the events left as the stored JSON text, for answers that splice it in unparsed. */
export async function readStoredChanges(db: Db, q: Parameters<typeof readChanges>[1]): Promise<StoredChangeRecord[]> {
  if (q.streamIds.length === 0 || q.limit <= 0) return [];
  const bound = q.below ?? (await finalBoundForNextRead(db, q.tenantId, q.namespaceId));
  const streams = [...new Set(q.streamIds)];
  const rows = streams.length <= MERGED_STREAMS ? await mergedStreams(db, { ...q, streamIds: streams }, bound) : await filteredScan(db, { ...q, streamIds: streams }, bound);
  return rows.map((r) => ({
    seq: Number(r.seq),
    streamId: r.stream_id,
    operation: r.operation,
    eventsJson: r.events,
    createdAt: r.created_at,
  }));
}

/**
 * Deletes change records written before the cutoff (ISO 8601 UTC) and adds them to their namespaces' purged
 * counts, in one transaction; returns how many.
 */
export async function purgeChangesBefore(db: Db, cutoffIso: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const counts = await trx
      .selectFrom('change_log')
      .select(['tenant_id', 'namespace_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('created_at', '<', cutoffIso)
      .groupBy(['tenant_id', 'namespace_id'])
      .execute();
    if (counts.length === 0) return 0;
    for (const c of counts) {
      await trx
        .updateTable('namespaces')
        .set((eb) => ({ purged_changes: eb('purged_changes', '+', Number(c.n)) }))
        .where('tenant_id', '=', c.tenant_id)
        .where('id', '=', c.namespace_id)
        .execute();
    }
    const result = await trx.deleteFrom('change_log').where('created_at', '<', cutoffIso).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

/** Changes ever written per namespace: those purged plus those retained. */
export async function changeCounts(db: Db): Promise<Array<{ tenantId: string; namespaceId: string; changes: number }>> {
  const rows = await db
    .selectFrom('namespaces as n')
    .leftJoin('change_log as l', (join) => join.onRef('l.tenant_id', '=', 'n.tenant_id').onRef('l.namespace_id', '=', 'n.id'))
    .select(['n.tenant_id', 'n.id', 'n.purged_changes', (eb) => eb.fn.count<string | number>('l.seq').as('retained')])
    .groupBy(['n.tenant_id', 'n.id', 'n.purged_changes'])
    .execute();
  return rows.map((r) => ({ tenantId: r.tenant_id, namespaceId: r.id, changes: Number(r.purged_changes) + Number(r.retained) }));
}
