import { type SdsCall, scopeOfCall } from './call.js';
import { lockStreamChanges } from '../store/change-log.js';
import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';
import type { SdsStreamsTable } from '../store/schema.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import { type AccessControlList, type AccessControlListInput, AccessRights, emptyAcl, hasRights, normalizeAcl, streamAccess, type Trustee } from './access.js';
import { canonicalJson } from './canonical-json.js';
import { AvevaError } from '../errors/aveva.js';
import { requireSameId, requireValidId } from './ids.js';
import { lockType } from './types.js';

/** An SDS stream as answered: PascalCase, with the fields a client wrote kept as written. */
export type SdsStream = {
  Id: string;
  Name: string | null;
  Description: string | null;
  TypeId: string;
  CreatedDate: string;
  ModifiedDate: string;
} & Record<string, unknown>;

export type StreamRow = SdsStreamsTable;

/** Where a stream lives. */
export interface StreamScope {
  tenantId: string;
  /** The namespace id as stored (what requireNamespace returns). */
  namespaceId: string;
}

const INTERPOLATION_MODES: Record<string, number> = {
  continuous: 0,
  stepwisecontinuousleading: 1,
  stepwisecontinuoustrailing: 2,
  discrete: 3,
  continuousnullableleading: 4,
  continuousnullabletrailing: 5,
};
const EXTRAPOLATION_MODES: Record<string, number> = { all: 0, none: 1, forward: 2, backward: 3 };

/** SDS answers modes as numbers (what clients read); a name is accepted on the way in. */
function modeNumber(raw: unknown, names: Record<string, number>, field: 'InterpolationMode' | 'ExtrapolationMode'): number | null | undefined {
  if (raw === undefined || raw === null || typeof raw === 'number') return raw;
  const n = typeof raw === 'string' ? names[raw.toLowerCase()] : undefined;
  if (n === undefined) {
    throw new AvevaError(field === 'InterpolationMode' ? 'invalid_interpolation_mode' : 'invalid_extrapolation_mode', `The ${field} ${JSON.stringify(raw)} is not known.`, {
      resolution: `Use one of ${Object.keys(names).join(', ')} or its number.`,
      parameters: { [field]: String(raw) },
    });
  }
  return n;
}

/** The stored part of a stream body: everything but the id, type and dates. */
function normalizeStream(streamId: string, body: Record<string, unknown>): { typeId: string; definition: Record<string, unknown> } {
  requireValidId('stream', streamId);
  requireSameId('stream', streamId, body.Id);
  const { Id: _id, TypeId, CreatedDate: _created, ModifiedDate: _modified, ...rest } = body;
  const definition: Record<string, unknown> = {
    ...rest,
    Name: typeof rest.Name === 'string' ? rest.Name : streamId,
    Description: typeof rest.Description === 'string' ? rest.Description : null,
  };
  const interpolation = modeNumber(rest.InterpolationMode, INTERPOLATION_MODES, 'InterpolationMode');
  const extrapolation = modeNumber(rest.ExtrapolationMode, EXTRAPOLATION_MODES, 'ExtrapolationMode');
  if (interpolation !== undefined) definition.InterpolationMode = interpolation;
  if (extrapolation !== undefined) definition.ExtrapolationMode = extrapolation;
  return { typeId: String(TypeId), definition };
}

export function toStream(row: StreamRow): SdsStream {
  const definition = JSON.parse(row.definition) as Record<string, unknown>;
  return {
    Id: row.id,
    Name: (definition.Name as string | null | undefined) ?? null,
    Description: (definition.Description as string | null | undefined) ?? null,
    ...definition,
    TypeId: row.type_id,
    CreatedDate: row.created_at,
    ModifiedDate: row.modified_at,
  };
}

export const streamNotFound = (streamId: string): AvevaError =>
  new AvevaError('stream_not_found', `The stream '${streamId}' was not found.`, {
    resolution: 'Create the stream first, or check the stream id.',
    parameters: { StreamId: streamId },
  });

const RIGHT_NAMES: Record<number, string> = {
  [AccessRights.Read]: 'Read',
  [AccessRights.Write]: 'Write',
  [AccessRights.Delete]: 'Delete',
  [AccessRights.ManageAccessControl]: 'ManageAccessControl',
};

/** Refuses (403) a trustee that lacks `right` on the stream. */
export function requireRight(row: StreamRow, who: Trustee, right: number): void {
  const { owner, acl } = streamAccess(row);
  if (hasRights(owner, acl, who, right)) return;
  const name = RIGHT_NAMES[right] ?? String(right);
  throw new AvevaError('stream_access_denied', `The client does not have ${name} access to the stream '${row.id}'.`, {
    resolution: `Ask the stream's owner to allow ${name} to this client in the stream's access control list.`,
    parameters: { StreamId: row.id, AccessRight: name },
  });
}

export async function findStream(db: Db, scope: StreamScope, streamId: string): Promise<StreamRow | undefined> {
  return db
    .selectFrom('sds_streams')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('namespace_id', '=', scope.namespaceId)
    .where('id', '=', streamId)
    .executeTakeFirst();
}

/**
 * The stream row, locked until the transaction ends (a no-op UPDATE: the one row lock both dialects take the same
 * way). Writers of a stream therefore take turns, and a stream deleted meanwhile is seen as gone rather than
 * receiving events after its deletion removed the others.
 */
async function lockStream(db: Db, scope: StreamScope, streamId: string): Promise<StreamRow | undefined> {
  // First, before the row lock gives the transaction an id: the order of change positions within the stream.
  await lockStreamChanges(db, scope.tenantId, scope.namespaceId, streamId);
  return db
    .updateTable('sds_streams')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('tenant_id', '=', scope.tenantId)
    .where('namespace_id', '=', scope.namespaceId)
    .where('id', '=', streamId)
    .returningAll()
    .executeTakeFirst();
}

/**
 * The stream, if the trustee holds `right` on it: 404 when it does not exist, 403 without the right. Inside a write
 * transaction pass `lock`, so the row stays as checked until commit.
 */
export async function streamWithRight(
  db: Db,
  scope: StreamScope,
  streamId: string,
  who: Trustee,
  right: number,
  options: { lock?: boolean } = {},
): Promise<StreamRow> {
  const row = options.lock ? await lockStream(db, scope, streamId) : await findStream(db, scope, streamId);
  if (!row) throw streamNotFound(streamId);
  requireRight(row, who, right);
  return row;
}

/** The type must exist; its row stays locked until commit, so Delete Type cannot remove it under a new stream. */
async function requireTypeExists(db: Db, scope: StreamScope, typeId: string): Promise<void> {
  if (await lockType(db, scope.tenantId, scope.namespaceId, typeId)) return;
  throw new AvevaError('stream_type_not_found', `The stream's type '${typeId}' was not found.`, {
    resolution: 'Create the type first, or correct the TypeId.',
    parameters: { TypeId: typeId },
  });
}

/**
 * Two requests creating one stream meet at the primary key; the loser's transaction is spoilt (PostgreSQL aborts it),
 * so it runs once more from the start and now finds the winner's stream.
 */
async function retryCreationRace<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}

const sameStream = (row: StreamRow, typeId: string, definition: Record<string, unknown>): boolean =>
  row.type_id === typeId && canonicalJson(JSON.parse(row.definition)) === canonicalJson(definition);

async function insertStream(db: Db, clock: Clock, scope: StreamScope, streamId: string, typeId: string, definition: Record<string, unknown>, owner: Trustee): Promise<StreamRow> {
  const now = clock.now().toISOString();
  const row: StreamRow = {
    tenant_id: scope.tenantId,
    namespace_id: scope.namespaceId,
    id: streamId,
    type_id: typeId,
    definition: JSON.stringify(definition),
    owner_type: owner.Type,
    owner_object_id: owner.ObjectId,
    owner_tenant_id: owner.TenantId,
    acl: JSON.stringify(emptyAcl()),
    created_at: now,
    modified_at: now,
  };
  await db.insertInto('sds_streams').values(row).execute();
  return row;
}

/**
 * Get Or Create Stream: the caller becomes the owner of a new stream. An existing stream is returned (to a caller
 * that may read it) when it is identical to the body, else it is a conflict.
 */
export async function getOrCreateStream(db: Db, clock: Clock, call: SdsCall, streamId: string, body: Record<string, unknown>): Promise<{ stream: SdsStream; created: boolean }> {
  const { scope, who } = await scopeOfCall(db, call);
  const { typeId, definition } = normalizeStream(streamId, body);
  return retryCreationRace(() => db.transaction().execute(async (tx) => {
    const existing = await lockStream(tx, scope, streamId);
    if (existing) {
      requireRight(existing, who, AccessRights.Read);
      if (!sameStream(existing, typeId, definition)) {
        throw new AvevaError('stream_already_exists', `A different stream with the id '${streamId}' already exists.`, {
          resolution: 'Use another stream id, or change the stream with PUT.',
          parameters: { StreamId: streamId },
        });
      }
      return { stream: toStream(existing), created: false };
    }
    await requireTypeExists(tx, scope, typeId);
    return { stream: toStream(await insertStream(tx, clock, scope, streamId, typeId, definition, who)), created: true };
  }));
}

/** Create Or Update Stream: creates it (the caller owns it) or, with Write, replaces its fields. */
export async function createOrUpdateStream(db: Db, clock: Clock, call: SdsCall, streamId: string, body: Record<string, unknown>): Promise<{ stream: SdsStream; created: boolean }> {
  const { scope, who } = await scopeOfCall(db, call);
  const { typeId, definition } = normalizeStream(streamId, body);
  return retryCreationRace(() => db.transaction().execute(async (tx) => {
    const existing = await lockStream(tx, scope, streamId);
    await requireTypeExists(tx, scope, typeId);
    if (!existing) return { stream: toStream(await insertStream(tx, clock, scope, streamId, typeId, definition, who)), created: true };
    requireRight(existing, who, AccessRights.Write);
    if (existing.type_id !== typeId) {
      const event = await tx
        .selectFrom('sds_events')
        .select('index_key')
        .where('tenant_id', '=', scope.tenantId)
        .where('namespace_id', '=', scope.namespaceId)
        .where('stream_id', '=', streamId)
        .limit(1)
        .executeTakeFirst();
      if (event) {
        throw new AvevaError('stream_type_change_refused', `The stream '${streamId}' holds events, so its type cannot change from '${existing.type_id}' to '${typeId}'.`, {
          resolution: 'Remove the stream’s events first, or create a new stream.',
          parameters: { StreamId: streamId, TypeId: typeId },
        });
      }
    }
    const modified = clock.now().toISOString();
    await tx
      .updateTable('sds_streams')
      .set({ type_id: typeId, definition: JSON.stringify(definition), modified_at: modified })
      .where('tenant_id', '=', scope.tenantId)
      .where('namespace_id', '=', scope.namespaceId)
      .where('id', '=', streamId)
      .execute();
    return { stream: toStream({ ...existing, type_id: typeId, definition: JSON.stringify(definition), modified_at: modified }), created: false };
  }));
}

/** The streams the trustee may read, ordered by id. */
export async function listStreams(db: Db, call: SdsCall, page: { skip: number; count: number }): Promise<SdsStream[]> {
  const { scope, who } = await scopeOfCall(db, call);
  const rows = await db
    .selectFrom('sds_streams')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('namespace_id', '=', scope.namespaceId)
    .orderBy('id')
    .execute();
  const readable = rows.filter((row) => {
    const { owner, acl } = streamAccess(row);
    return hasRights(owner, acl, who, AccessRights.Read);
  });
  return readable.slice(page.skip, page.skip + page.count).map(toStream);
}

/** Deletes the stream and its events (needs Delete); the change log keeps what was already recorded. */
export async function deleteStream(db: Db, call: SdsCall, streamId: string): Promise<void> {
  const { scope, who } = await scopeOfCall(db, call);
  await db.transaction().execute(async (tx) => {
    await streamWithRight(tx, scope, streamId, who, AccessRights.Delete, { lock: true });
    await tx
      .deleteFrom('sds_events')
      .where('tenant_id', '=', scope.tenantId)
      .where('namespace_id', '=', scope.namespaceId)
      .where('stream_id', '=', streamId)
      .execute();
    await tx
      .deleteFrom('sds_streams')
      .where('tenant_id', '=', scope.tenantId)
      .where('namespace_id', '=', scope.namespaceId)
      .where('id', '=', streamId)
      .execute();
  });
}

export async function getStreamAccessControl(db: Db, call: SdsCall, streamId: string): Promise<AccessControlList> {
  const { scope, who } = await scopeOfCall(db, call);
  return streamAccess(await streamWithRight(db, scope, streamId, who, AccessRights.Read)).acl;
}

export async function getStreamOwner(db: Db, call: SdsCall, streamId: string): Promise<Trustee> {
  const { scope, who } = await scopeOfCall(db, call);
  return streamAccess(await streamWithRight(db, scope, streamId, who, AccessRights.Read)).owner;
}

export type { AccessControlListInput } from './access.js';

/** Replaces the stream's access control list; only the owner or a trustee with ManageAccessControl may. */
export async function setStreamAccessControl(db: Db, call: SdsCall, streamId: string, acl: AccessControlListInput): Promise<void> {
  const { scope, who } = await scopeOfCall(db, call);
  const list = normalizeAcl(acl);
  await db.transaction().execute(async (tx) => {
    await streamWithRight(tx, scope, streamId, who, AccessRights.ManageAccessControl, { lock: true });
    await tx
      .updateTable('sds_streams')
      .set({ acl: JSON.stringify(list) })
      .where('tenant_id', '=', scope.tenantId)
      .where('namespace_id', '=', scope.namespaceId)
      .where('id', '=', streamId)
      .execute();
  });
}

/** A stream the caller may read. */
export async function readStream(db: Db, call: SdsCall, streamId: string): Promise<SdsStream> {
  const { scope, who } = await scopeOfCall(db, call);
  return toStream(await streamWithRight(db, scope, streamId, who, AccessRights.Read));
}
