import { type SdsCall, scopeOfCall } from './call.js';
import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import { type AccessColumns, type AccessControlList, type AccessControlListInput, AccessRights, emptyAcl, hasRights, normalizeAcl, rowAccess, type Trustee } from './access.js';
import { canonicalJson } from './canonical-json.js';
import { AvevaError } from '../errors/aveva.js';
import { requireSameId, requireValidId } from './ids.js';
import { KEY_TYPE_CODES, parseTypeCode, TYPE_CODES, typeCodeName } from './index-key.js';

/** An SDS type as stored and answered: PascalCase, SdsTypeCode as numbers, other fields kept as written. */
export type SdsType = {
  Id: string;
  Name: string | null;
  Description: string | null;
  SdsTypeCode: number;
  Properties: SdsTypeProperty[];
} & Record<string, unknown>;

export type SdsTypeProperty = {
  Id: string;
  Name: string | null;
  Description: string | null;
  Order: number;
  IsKey: boolean;
  SdsType: { SdsTypeCode: number } & Record<string, unknown>;
} & Record<string, unknown>;

/** What data writes need to know about a stream's type. */
export interface TypeKey {
  typeId: string;
  keyProperty: string;
  keyTypeCode: number;
}

const invalidType = (message: string, parameters: Record<string, string> = {}): AvevaError =>
  new AvevaError('invalid_type', message, { resolution: 'Correct the type definition and send it again.', parameters });

function typeCodeOf(raw: unknown, where: string, fallback?: number): number {
  if ((raw === undefined || raw === null) && fallback !== undefined) return fallback;
  const code = parseTypeCode(raw);
  if (code === undefined) throw invalidType(`${where} has an unknown SdsTypeCode ${JSON.stringify(raw) ?? 'nothing'}.`, { SdsTypeCode: String(raw) });
  return code;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function normalizeProperty(raw: Record<string, unknown>, position: number): SdsTypeProperty {
  const id = requireValidId('property', String(raw.Id));
  const nested = (raw.SdsType ?? {}) as Record<string, unknown>;
  return {
    ...raw,
    Id: id,
    Name: textOrNull(raw.Name),
    Description: textOrNull(raw.Description),
    Order: typeof raw.Order === 'number' ? raw.Order : 0,
    IsKey: raw.IsKey === true,
    SdsType: { ...nested, SdsTypeCode: typeCodeOf(nested.SdsTypeCode, `Property '${id}' (#${position + 1})`) },
  };
}

/** Validates a type body (already checked against the document's schema) and normalizes it for storage. */
export function normalizeType(typeId: string, body: Record<string, unknown>): { type: SdsType; key: TypeKey } {
  requireValidId('type', typeId);
  requireSameId('type', typeId, body.Id);
  const properties = (body.Properties as Array<Record<string, unknown>>).map(normalizeProperty);
  const seen = new Set<string>();
  for (const p of properties) {
    if (seen.has(p.Id.toLowerCase())) throw invalidType(`The property id '${p.Id}' appears more than once.`, { PropertyId: p.Id });
    seen.add(p.Id.toLowerCase());
  }
  const keys = properties.filter((p) => p.IsKey);
  if (keys.length === 0) {
    throw invalidType(`The type '${typeId}' has no key property; mark exactly one property with "IsKey": true.`, { TypeId: typeId });
  }
  if (keys.length > 1) {
    throw invalidType(`The type '${typeId}' has a compound key (${keys.map((k) => k.Id).join(', ')}); only single-property keys are supported here.`, {
      TypeId: typeId,
    });
  }
  const [key] = keys as [SdsTypeProperty];
  if (!KEY_TYPE_CODES.has(key.SdsType.SdsTypeCode)) {
    throw invalidType(
      `The key property '${key.Id}' has SdsTypeCode ${typeCodeName(key.SdsType.SdsTypeCode)}; a key must be DateTime, String or a number type.`,
      { PropertyId: key.Id },
    );
  }
  const type: SdsType = {
    ...body,
    Id: typeId,
    Name: textOrNull(body.Name) ?? typeId,
    Description: textOrNull(body.Description),
    SdsTypeCode: typeCodeOf(body.SdsTypeCode, `The type '${typeId}'`, TYPE_CODES.Object),
    Properties: properties,
  };
  return { type, key: { typeId, keyProperty: key.Id, keyTypeCode: key.SdsType.SdsTypeCode } };
}

export const typeNotFound = (typeId: string): AvevaError =>
  new AvevaError('type_not_found', `The type '${typeId}' was not found.`, {
    resolution: 'Create the type first, or check the type id.',
    parameters: { TypeId: typeId },
  });

export async function findType(db: Db, tenantId: string, namespaceId: string, typeId: string): Promise<SdsType | undefined> {
  const row = await findTypeRow(db, tenantId, namespaceId, typeId);
  return row ? (JSON.parse(row.definition) as SdsType) : undefined;
}

async function findTypeRow(db: Db, tenantId: string, namespaceId: string, typeId: string) {
  return db
    .selectFrom('sds_types')
    .select(['id', 'definition', 'owner_type', 'owner_object_id', 'owner_tenant_id', 'acl'])
    .where('tenant_id', '=', tenantId)
    .where('namespace_id', '=', namespaceId)
    .where('id', '=', typeId)
    .executeTakeFirst();
}

const RIGHT_NAMES: Record<number, string> = {
  [AccessRights.Read]: 'Read',
  [AccessRights.Write]: 'Write',
  [AccessRights.Delete]: 'Delete',
  [AccessRights.ManageAccessControl]: 'ManageAccessControl',
};

/** True when `who` holds `right` on the type (types created before access control are open to the tenant). */
function mayOnType(row: AccessColumns, who: Trustee, right: number): boolean {
  const access = rowAccess(row);
  return access === null || hasRights(access.owner, access.acl, who, right);
}

/** Refuses (403) a trustee that lacks `right` on the type. */
function requireTypeRight(row: AccessColumns & { id: string }, who: Trustee, right: number): void {
  if (mayOnType(row, who, right)) return;
  const name = RIGHT_NAMES[right] ?? String(right);
  throw new AvevaError('type_access_denied', `The client does not have ${name} access to the type '${row.id}'.`, {
    resolution: `Ask the type's owner to allow ${name} to this client in the type's access control list.`,
    parameters: { TypeId: row.id, AccessRight: name },
  });
}

/** The type's row, if the trustee holds `right` on it: 404 when it does not exist, 403 without the right. */
async function typeWithRight(db: Db, tenantId: string, namespaceId: string, typeId: string, who: Trustee, right: number) {
  const row = await findTypeRow(db, tenantId, namespaceId, typeId);
  if (!row) throw typeNotFound(typeId);
  requireTypeRight(row, who, right);
  return row;
}

/** Locks the type row until the transaction ends (a no-op UPDATE); undefined when there is no such type. */
export async function lockType(db: Db, tenantId: string, namespaceId: string, typeId: string): Promise<{ id: string } | undefined> {
  return db
    .updateTable('sds_types')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('tenant_id', '=', tenantId)
    .where('namespace_id', '=', namespaceId)
    .where('id', '=', typeId)
    .returning('id')
    .executeTakeFirst();
}

export async function getType(db: Db, call: SdsCall, typeId: string): Promise<SdsType> {
  const { scope: { tenantId, namespaceId }, who } = await scopeOfCall(db, call);
  return JSON.parse((await typeWithRight(db, tenantId, namespaceId, typeId, who, AccessRights.Read)).definition) as SdsType;
}

/** The type's owner; a type created before access control has none and answers 404 here. */
export async function getTypeOwner(db: Db, call: SdsCall, typeId: string): Promise<Trustee> {
  const { scope: { tenantId, namespaceId }, who } = await scopeOfCall(db, call);
  const access = rowAccess(await typeWithRight(db, tenantId, namespaceId, typeId, who, AccessRights.Read));
  if (!access) {
    throw new AvevaError('type_owner_not_found', `The type '${typeId}' has no recorded owner.`, {
      resolution: 'The type was created before types had owners; every client of the tenant may use it.',
      parameters: { TypeId: typeId },
    });
  }
  return access.owner;
}

export async function getTypeAccessControl(db: Db, call: SdsCall, typeId: string): Promise<AccessControlList> {
  const { scope: { tenantId, namespaceId }, who } = await scopeOfCall(db, call);
  return rowAccess(await typeWithRight(db, tenantId, namespaceId, typeId, who, AccessRights.Read))?.acl ?? emptyAcl();
}

/** Replaces the type's access control list; only the owner or a trustee with ManageAccessControl may. */
export async function setTypeAccessControl(db: Db, call: SdsCall, typeId: string, input: AccessControlListInput): Promise<void> {
  const { scope: { tenantId, namespaceId }, who } = await scopeOfCall(db, call);
  const list = normalizeAcl(input);
  await db.transaction().execute(async (tx) => {
    if (!(await lockType(tx, tenantId, namespaceId, typeId))) throw typeNotFound(typeId);
    const row = await typeWithRight(tx, tenantId, namespaceId, typeId, who, AccessRights.ManageAccessControl);
    // A type without a recorded owner becomes the caller's when it first gets a list.
    const owner = rowAccess(row)?.owner ?? who;
    await tx
      .updateTable('sds_types')
      .set({ acl: JSON.stringify(list), owner_type: owner.Type, owner_object_id: owner.ObjectId, owner_tenant_id: owner.TenantId })
      .where('tenant_id', '=', tenantId)
      .where('namespace_id', '=', namespaceId)
      .where('id', '=', typeId)
      .execute();
  });
}

/** The key of a type, for data writes; a type that is gone answers 404. */
export async function typeKey(db: Db, tenantId: string, namespaceId: string, typeId: string): Promise<TypeKey> {
  const row = await db
    .selectFrom('sds_types')
    .select(['key_property', 'key_type_code'])
    .where('tenant_id', '=', tenantId)
    .where('namespace_id', '=', namespaceId)
    .where('id', '=', typeId)
    .executeTakeFirst();
  if (!row) throw typeNotFound(typeId);
  return { typeId, keyProperty: row.key_property, keyTypeCode: Number(row.key_type_code) };
}

/** The types the trustee may read, paged over that list. */
export async function listTypes(db: Db, call: SdsCall, page: { skip: number; count: number }): Promise<SdsType[]> {
  const { scope: { tenantId, namespaceId }, who } = await scopeOfCall(db, call);
  const rows = await db
    .selectFrom('sds_types')
    .select(['definition', 'owner_type', 'owner_object_id', 'owner_tenant_id', 'acl'])
    .where('tenant_id', '=', tenantId)
    .where('namespace_id', '=', namespaceId)
    .orderBy('id')
    .execute();
  return rows
    .filter((r) => mayOnType(r, who, AccessRights.Read))
    .slice(page.skip, page.skip + page.count)
    .map((r) => JSON.parse(r.definition) as SdsType);
}

const typeConflict = (typeId: string): AvevaError =>
  new AvevaError('type_already_exists', `A different type with the id '${typeId}' already exists.`, {
    resolution: 'Use another type id, or delete the existing type first (no stream may use it).',
    parameters: { TypeId: typeId },
  });

/**
 * Get Or Create Type: creates it, or returns the existing one when it is identical; a different type under the same
 * id is a conflict. Two racing creators meet at the primary key, and the loser compares against the winner.
 */
export async function getOrCreateType(db: Db, clock: Clock, call: SdsCall, typeId: string, body: Record<string, unknown>): Promise<{ type: SdsType; created: boolean }> {
  const { scope: { tenantId, namespaceId }, who } = await scopeOfCall(db, call);
  const { type, key } = normalizeType(typeId, body);
  const compare = async (): Promise<{ type: SdsType; created: boolean } | undefined> => {
    const row = await findTypeRow(db, tenantId, namespaceId, typeId);
    if (!row) return undefined;
    requireTypeRight(row, who, AccessRights.Read);
    const existing = JSON.parse(row.definition) as SdsType;
    if (canonicalJson(existing) !== canonicalJson(type)) throw typeConflict(typeId);
    return { type: existing, created: false };
  };
  const found = await compare();
  if (found) return found;
  try {
    await db
      .insertInto('sds_types')
      .values({
        tenant_id: tenantId,
        namespace_id: namespaceId,
        id: typeId,
        definition: JSON.stringify(type),
        key_property: key.keyProperty,
        key_type_code: key.keyTypeCode,
        created_at: clock.now().toISOString(),
        owner_type: who.Type,
        owner_object_id: who.ObjectId,
        owner_tenant_id: who.TenantId,
        acl: JSON.stringify(emptyAcl()),
      })
      .execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await compare();
    if (raced) return raced;
    throw error;
  }
  return { type, created: true };
}

/**
 * Deletes a type that no stream uses, for a trustee with Delete on it; the type row is locked first, so no stream of
 * it can be created meanwhile.
 */
export async function deleteType(db: Db, call: SdsCall, typeId: string): Promise<void> {
  const { scope: { tenantId, namespaceId }, who } = await scopeOfCall(db, call);
  await db.transaction().execute(async (tx) => {
    if (!(await lockType(tx, tenantId, namespaceId, typeId))) throw typeNotFound(typeId);
    await typeWithRight(tx, tenantId, namespaceId, typeId, who, AccessRights.Delete);
    const user = await tx
      .selectFrom('sds_streams')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('namespace_id', '=', namespaceId)
      .where('type_id', '=', typeId)
      .limit(1)
      .executeTakeFirst();
    if (user) {
      throw new AvevaError('type_in_use', `The type '${typeId}' is used by the stream '${user.id}' and cannot be deleted.`, {
        resolution: 'Delete the streams of this type first.',
        parameters: { TypeId: typeId, StreamId: user.id },
      });
    }
    await tx.deleteFrom('sds_types').where('tenant_id', '=', tenantId).where('namespace_id', '=', namespaceId).where('id', '=', typeId).execute();
  });
}
