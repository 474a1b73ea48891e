import type { Principal } from '../identity/access-tokens.js';
import type { Db } from '../store/database.js';

/** An identity that access control entries name, as SDS writes it. */
export interface Trustee {
  Type: 'User' | 'Client' | 'Role';
  ObjectId: string;
  TenantId: string | null;
}

/** SDS `CommonAccessRights` flags. */
export const AccessRights = { None: 0, Read: 1, Write: 2, Delete: 4, ManageAccessControl: 8, Share: 16, All: 31 } as const;

export interface AccessControlEntry {
  Trustee: Trustee;
  AccessType: 'Allowed' | 'Denied';
  AccessRights: number;
}

export interface AccessControlList {
  RoleTrusteeAccessControlEntries: AccessControlEntry[];
}

export const emptyAcl = (): AccessControlList => ({ RoleTrusteeAccessControlEntries: [] });

/** An access control list as clients write it: trustee types and access types as names or SDS's numbers. */
export interface AccessControlListInput {
  RoleTrusteeAccessControlEntries: Array<{
    Trustee: { Type: Trustee['Type'] | 1 | 2 | 3; ObjectId: string; TenantId?: string | null };
    AccessType: 'Allowed' | 'Denied' | 0 | 1;
    AccessRights: number;
  }>;
}

const TRUSTEE_TYPES = { 1: 'User', 2: 'Client', 3: 'Role' } as const;

/** The list as stored and answered: names, not numbers. */
export function normalizeAcl(input: AccessControlListInput): AccessControlList {
  return {
    RoleTrusteeAccessControlEntries: input.RoleTrusteeAccessControlEntries.map((e) => ({
      Trustee: { Type: typeof e.Trustee.Type === 'number' ? TRUSTEE_TYPES[e.Trustee.Type] : e.Trustee.Type, ObjectId: e.Trustee.ObjectId, TenantId: e.Trustee.TenantId ?? null },
      AccessType: e.AccessType === 1 || e.AccessType === 'Denied' ? 'Denied' : 'Allowed',
      AccessRights: e.AccessRights,
    })),
  };
}

/** The access columns of a row: owner and list, or nulls for objects created before they had access control. */
export interface AccessColumns {
  owner_type: string | null;
  owner_object_id: string | null;
  owner_tenant_id: string | null;
  acl: string | null;
}

/** Owner and list of a row whose access columns may be null (then anyone in the tenant holds every right). */
export function rowAccess(row: AccessColumns): { owner: Trustee; acl: AccessControlList } | null {
  if (row.owner_type === null || row.owner_object_id === null) return null;
  return {
    owner: { Type: row.owner_type as Trustee['Type'], ObjectId: row.owner_object_id, TenantId: row.owner_tenant_id },
    acl: row.acl === null ? emptyAcl() : (JSON.parse(row.acl) as AccessControlList),
  };
}

/** A client acting with a token is a Client trustee in its tenant. */
export function trusteeOf(principal: Principal): Trustee {
  return { Type: 'Client', ObjectId: principal.clientId, TenantId: principal.tenantId };
}

/** Ids compare case-insensitively; an entry without a tenant matches any tenant. */
export function sameTrustee(entry: Trustee, who: Trustee): boolean {
  if (entry.Type !== who.Type) return false;
  if (entry.ObjectId.toLowerCase() !== who.ObjectId.toLowerCase()) return false;
  return entry.TenantId === null || who.TenantId === null || entry.TenantId.toLowerCase() === who.TenantId.toLowerCase();
}

/**
 * True when `who` holds every right in `needed`: the owner holds all of them; otherwise each right must be allowed
 * by some entry for the trustee and denied by none (Denied wins over Allowed).
 */
export function hasRights(owner: Trustee, acl: AccessControlList, who: Trustee, needed: number): boolean {
  if (sameTrustee(owner, who)) return true;
  let allowed = 0;
  let denied = 0;
  for (const entry of acl.RoleTrusteeAccessControlEntries) {
    if (!sameTrustee(entry.Trustee, who)) continue;
    if (entry.AccessType === 'Denied') denied |= entry.AccessRights;
    else allowed |= entry.AccessRights;
  }
  return (allowed & ~denied & needed) === needed;
}

/** The owner and ACL columns of a stream row, as trustee and list. */
export function streamAccess(row: { owner_type: string; owner_object_id: string; owner_tenant_id: string | null; acl: string }): {
  owner: Trustee;
  acl: AccessControlList;
} {
  return {
    owner: { Type: row.owner_type as Trustee['Type'], ObjectId: row.owner_object_id, TenantId: row.owner_tenant_id },
    acl: JSON.parse(row.acl) as AccessControlList,
  };
}

/** The subset of `streamIds` that exist in the namespace (its stored id) and that the trustee may read. */
export async function accessibleStreams(
  db: Db,
  tenantId: string,
  namespaceId: string,
  trustee: Trustee,
  streamIds: readonly string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  if (streamIds.length === 0) return out;
  const rows = await db
    .selectFrom('sds_streams')
    .select(['id', 'owner_type', 'owner_object_id', 'owner_tenant_id', 'acl'])
    .where('tenant_id', '=', tenantId)
    .where('namespace_id', '=', namespaceId)
    .where('id', 'in', [...new Set(streamIds)])
    .execute();
  for (const row of rows) {
    const { owner, acl } = streamAccess(row);
    if (hasRights(owner, acl, trustee, AccessRights.Read)) out.add(row.id);
  }
  return out;
}
