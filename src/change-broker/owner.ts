import type { Trustee } from '../sds/access.js';
import type { CbSignupRow } from '../store/schema.js';

/** The signup's owner as an SDS trustee: for access checks, and as Get Signup Owner answers it (PascalCase keys). */
export function ownerOf(row: CbSignupRow): Trustee {
  return { Type: row.owner_type, ObjectId: row.owner_object_id, TenantId: row.owner_tenant_id };
}
