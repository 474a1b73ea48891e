import { type SdsCall, scopeOfCall } from './call.js';
import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';
import { type BatchedOutcome, type CheckedStream, sdsGroupCommit } from '../store/sds-writes.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import { AccessRights, type Trustee } from './access.js';
import { appendChange, type ChangeOperation } from './changes.js';
import { namespaceAsLastFound } from './namespaces.js';
import { type AvevaCode, AvevaError } from '../errors/aveva.js';
import { type IndexValue, indexValue } from './index-key.js';
import { requireRight, type StreamScope, streamNotFound, streamWithRight } from './streams.js';
import { type TypeKey, typeKey, typeNotFound } from './types.js';

export type WriteMode = Extract<ChangeOperation, 'Insert' | 'Update' | 'Replace'>;

type Event = Record<string, unknown>;

interface KeyedEvent {
  index: IndexValue;
  event: Event;
}

/** Rows per statement: well under the bound-parameter limits of SQLite (32766) and PostgreSQL (65535). */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The event with its key property under the type's spelling and in normal form (ISO 8601 UTC for DateTime); the
 * other properties are kept as written.
 */
function keyedEvent(raw: Event, key: TypeKey, position: number): KeyedEvent {
  const name = key.keyProperty in raw ? key.keyProperty : Object.keys(raw).find((k) => k.toLowerCase() === key.keyProperty.toLowerCase());
  const value = name === undefined ? undefined : raw[name];
  if (value === undefined || value === null) {
    throw new AvevaError('missing_index', `Event #${position + 1} has no value for the key property '${key.keyProperty}'.`, {
      resolution: `Give every event its '${key.keyProperty}'.`,
      parameters: { KeyProperty: key.keyProperty, Event: String(position + 1) },
    });
  }
  const index = indexValue(value, key.keyTypeCode, `of event #${position + 1}`);
  const event: Event = {};
  for (const [k, v] of Object.entries(raw)) event[k === name ? key.keyProperty : k] = k === name ? index.value : v;
  return { index, event };
}

function keyedEvents(events: readonly Event[], key: TypeKey): KeyedEvent[] {
  const keyed = events.map((e, i) => keyedEvent(e, key, i));
  const seen = new Set<string>();
  for (const { index } of keyed) {
    if (seen.has(index.key)) {
      throw new AvevaError('duplicate_index', `The request carries more than one event at the index '${String(index.value)}'.`, {
        resolution: 'Send at most one event per index in one request.',
        parameters: { Index: String(index.value) },
      });
    }
    seen.add(index.key);
  }
  return keyed;
}

async function existingKeys(db: Db, scope: StreamScope, streamId: string, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(keys)) {
    const rows = await db
      .selectFrom('sds_events')
      .select('index_key')
      .where('tenant_id', '=', scope.tenantId)
      .where('namespace_id', '=', scope.namespaceId)
      .where('stream_id', '=', streamId)
      .where('index_key', 'in', part)
      .execute();
    for (const r of rows) found.add(r.index_key);
  }
  return found;
}

/** A removal's event as Change Broker reports it: the index alone, under the key property's name. */
const indexOnly = (key: TypeKey, index: IndexValue): Event => ({ [key.keyProperty]: index.value });

const indexExists = (streamId: string, value: IndexValue['value']): AvevaError =>
  new AvevaError('event_already_exists', `The stream '${streamId}' already has an event at the index '${String(value)}'; nothing was written.`, {
    resolution: 'Use Update Values (PUT) to overwrite events, or leave out the existing indexes.',
    parameters: { StreamId: streamId, Index: String(value) },
  });

/**
 * Insert, Update (upsert) or Replace (existing indexes only) in one transaction with the change record: either every
 * event is written and recorded, or nothing is. An empty list writes and records nothing.
 */
export async function writeValues(db: Db, clock: Clock, call: SdsCall, streamId: string, mode: WriteMode, events: readonly Event[]): Promise<void> {
  const known = namespaceAsLastFound(db, call.tenantId, call.namespace);
  if (known !== undefined) {
    try {
      if (await writeValuesGroupCommitted(db, clock, { tenantId: call.tenantId, namespaceId: known }, streamId, call.who, mode, events)) return;
    } catch (error) {
      // Not found through an id that may have gone stale: answered only after the namespace is looked up anew.
      if (!(error instanceof AvevaError && NOT_FOUND_THROUGH_NAMESPACE.has(error.code))) throw error;
    }
  }
  const { scope, who } = await scopeOfCall(db, call);
  if (await writeValuesGroupCommitted(db, clock, scope, streamId, who, mode, events)) return;
  await writeValuesInTransaction(db, clock, scope, streamId, who, mode, events);
}

/** What a write through a namespace id that is gone would answer (its streams and types went with it). */
const NOT_FOUND_THROUGH_NAMESPACE = new Set<AvevaCode>(['stream_not_found', 'type_not_found', 'namespace_gone']);

const replaceMissing = (streamId: string, value: IndexValue['value']): AvevaError =>
  new AvevaError('event_to_replace_not_found', `The stream '${streamId}' has no event at the index '${String(value)}' to replace; nothing was written.`, {
    resolution: 'Replace only existing events, or write with allowCreate=true.',
    parameters: { StreamId: streamId, Index: String(value) },
  });

/** The stream as checked: it exists, the trustee may write to it, and its type (with its key) exists. */
function checkedKey(checked: CheckedStream | undefined, streamId: string, who: Trustee): TypeKey {
  if (!checked) throw streamNotFound(streamId);
  requireRight(checked.row, who, AccessRights.Write);
  if (checked.keyTypeCode < 0) throw typeNotFound(checked.row.type_id);
  return { typeId: checked.row.type_id, keyProperty: checked.keyProperty, keyTypeCode: checked.keyTypeCode };
}

/** Answers a batched write's outcome: true when written, false when it must be written the ordinary way. */
function settled(outcome: BatchedOutcome, streamId: string, keyed: readonly KeyedEvent[]): boolean {
  if (outcome.outcome === 'written') return true;
  if (outcome.outcome === 'stale') return false;
  const value = keyed[outcome.position]?.index.value ?? '';
  throw outcome.outcome === 'exists' ? indexExists(streamId, value) : replaceMissing(streamId, value);
}

/**
 * The same write, group-committed with others that arrive together (src/store/sds-writes.ts) and answered after
 * the shared commit. False when it was not written: `db` is a transaction, or (PostgreSQL) the stream changed
 * between the check and the batch; then the caller writes it the ordinary way.
 */
async function writeValuesGroupCommitted(
  db: Db,
  clock: Clock,
  scope: StreamScope,
  streamId: string,
  who: Trustee,
  mode: WriteMode,
  events: readonly Event[],
): Promise<boolean> {
  const dialect = sdsGroupCommit(db);
  if (dialect === undefined) return false;
  return dialect.groupCommitSdsWrite<KeyedEvent>(db, {
    tenantId: scope.tenantId,
    namespaceId: scope.namespaceId,
    streamId,
    check: (checked) => keyedEvents(events, checkedKey(checked, streamId, who)),
    write: (checked, keyed) => {
      const spelled = keyed.map((k) => JSON.stringify(k.event));
      return {
        tenantId: scope.tenantId,
        namespaceId: scope.namespaceId,
        streamId,
        mode,
        checked,
        keys: keyed.map((k) => k.index.key),
        events: spelled,
        // JSON.stringify of the array, without spelling each event again.
        changes: `[${spelled.join(',')}]`,
        createdAt: clock.now().toISOString(),
      };
    },
    settle: (outcome, keyed) => settled(outcome, streamId, keyed),
    gone: () => new AvevaError('namespace_gone', `The namespace '${scope.namespaceId}' was not found.`, { parameters: { NamespaceId: scope.namespaceId } }),
  });
}

/** The ordinary way: one transaction of the write's own, the stream locked from the start. */
async function writeValuesInTransaction(
  db: Db,
  clock: Clock,
  scope: StreamScope,
  streamId: string,
  who: Trustee,
  mode: WriteMode,
  events: readonly Event[],
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const stream = await streamWithRight(tx, scope, streamId, who, AccessRights.Write, { lock: true });
    const keyed = keyedEvents(events, await typeKey(tx, scope.tenantId, scope.namespaceId, stream.type_id));
    if (keyed.length === 0) return;
    const existing = await existingKeys(tx, scope, streamId, keyed.map((k) => k.index.key));
    if (mode === 'Insert') {
      const taken = keyed.find((k) => existing.has(k.index.key));
      if (taken) throw indexExists(streamId, taken.index.value);
    }
    if (mode === 'Replace') {
      const missing = keyed.find((k) => !existing.has(k.index.key));
      if (missing) throw replaceMissing(streamId, missing.index.value);
    }
    for (const part of chunks(keyed)) {
      const rows = part.map((k) => ({
        tenant_id: scope.tenantId,
        namespace_id: scope.namespaceId,
        stream_id: streamId,
        index_key: k.index.key,
        event: JSON.stringify(k.event),
      }));
      try {
        const insert = tx.insertInto('sds_events').values(rows);
        if (mode === 'Insert') await insert.execute();
        else {
          await insert
            .onConflict((oc) =>
              oc.columns(['tenant_id', 'namespace_id', 'stream_id', 'index_key']).doUpdateSet((eb) => ({ event: eb.ref('excluded.event') })),
            )
            .execute();
        }
      } catch (error) {
        // A concurrent insert committed the same index after our check.
        if (mode === 'Insert' && isUniqueViolation(error)) throw indexExists(streamId, part[0]?.index.value ?? '');
        throw error;
      }
    }
    await appendChange(tx, clock, { ...scope, streamId, operation: mode, events: keyed.map((k) => k.event) });
  });
}

/** Removes the events at these indexes; if any has none, nothing is removed (404). Recorded as index-only events. */
export async function removeValues(db: Db, clock: Clock, scope: StreamScope, streamId: string, who: Trustee, indexes: readonly string[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const stream = await streamWithRight(tx, scope, streamId, who, AccessRights.Delete, { lock: true });
    const key = await typeKey(tx, scope.tenantId, scope.namespaceId, stream.type_id);
    const unique = new Map<string, IndexValue>();
    for (const raw of indexes) {
      const index = indexValue(raw, key.keyTypeCode, 'to remove');
      unique.set(index.key, index);
    }
    const values = [...unique.values()];
    const existing = await existingKeys(tx, scope, streamId, values.map((v) => v.key));
    const missing = values.find((v) => !existing.has(v.key));
    if (missing) {
      throw new AvevaError('event_to_remove_not_found', `The stream '${streamId}' has no event at the index '${String(missing.value)}'; nothing was removed.`, {
        resolution: 'Remove only existing events, or remove a window with startIndex and endIndex.',
        parameters: { StreamId: streamId, Index: String(missing.value) },
      });
    }
    for (const part of chunks(values)) {
      await tx
        .deleteFrom('sds_events')
        .where('tenant_id', '=', scope.tenantId)
        .where('namespace_id', '=', scope.namespaceId)
        .where('stream_id', '=', streamId)
        .where('index_key', 'in', part.map((v) => v.key))
        .execute();
    }
    await appendChange(tx, clock, { ...scope, streamId, operation: 'Remove', events: values.map((v) => indexOnly(key, v)) });
  });
}

/**
 * Removes every event from `start` to `end`, both included; an empty window is no error. The change record carries
 * the two bounds only, as Change Broker reports a RemoveWindow.
 */
export async function removeWindow(db: Db, clock: Clock, scope: StreamScope, streamId: string, who: Trustee, start: string, end: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const stream = await streamWithRight(tx, scope, streamId, who, AccessRights.Delete, { lock: true });
    const key = await typeKey(tx, scope.tenantId, scope.namespaceId, stream.type_id);
    const from = indexValue(start, key.keyTypeCode, 'startIndex');
    const to = indexValue(end, key.keyTypeCode, 'endIndex');
    if (from.key > to.key) {
      throw new AvevaError('invalid_window', `The startIndex '${String(from.value)}' is after the endIndex '${String(to.value)}'.`, {
        resolution: 'Send a startIndex at or before the endIndex.',
        parameters: { StartIndex: start, EndIndex: end },
      });
    }
    await tx
      .deleteFrom('sds_events')
      .where('tenant_id', '=', scope.tenantId)
      .where('namespace_id', '=', scope.namespaceId)
      .where('stream_id', '=', streamId)
      .where('index_key', '>=', from.key)
      .where('index_key', '<=', to.key)
      .execute();
    await appendChange(tx, clock, { ...scope, streamId, operation: 'RemoveWindow', events: [indexOnly(key, from), indexOnly(key, to)] });
  });
}

/**
 * Events from `start` to `end` (both included, either may be left out), ordered by index; a start after the end
 * reads the window backwards, as SDS does.
 */
export async function readWindow(db: Db, call: SdsCall, streamId: string, q: { start?: string; end?: string; count?: number }): Promise<Event[]> {
  const { scope, who } = await scopeOfCall(db, call);
  const stream = await streamWithRight(db, scope, streamId, who, AccessRights.Read);
  const key = await typeKey(db, scope.tenantId, scope.namespaceId, stream.type_id);
  let from = q.start === undefined ? undefined : indexValue(q.start, key.keyTypeCode, 'startIndex').key;
  let to = q.end === undefined ? undefined : indexValue(q.end, key.keyTypeCode, 'endIndex').key;
  const backwards = from !== undefined && to !== undefined && from > to;
  if (backwards) [from, to] = [to, from];
  let query = db
    .selectFrom('sds_events')
    .select('event')
    .where('tenant_id', '=', scope.tenantId)
    .where('namespace_id', '=', scope.namespaceId)
    .where('stream_id', '=', streamId)
    .orderBy('index_key', backwards ? 'desc' : 'asc');
  if (from !== undefined) query = query.where('index_key', '>=', from);
  if (to !== undefined) query = query.where('index_key', '<=', to);
  if (q.count !== undefined) query = query.limit(q.count);
  return (await query.execute()).map((r) => JSON.parse(r.event) as Event);
}
