import type { CbSignupRow } from '../store/schema.js';

/** A signup as the Change Broker answers it: camelCase, enums as strings, ISO 8601 UTC dates. */
export interface SignupView {
  id: string;
  name: string | null;
  owner: { type: CbSignupRow['owner_type']; objectId: string; tenantId: string | null };
  communityId: string | null;
  type: CbSignupRow['resource_type'];
  createdDate: string;
  lastAccessedDate: string;
  modifiedDate: string;
  expiredDate: string | null;
  signupState: CbSignupRow['state'];
}

export function toSignup(row: CbSignupRow): SignupView {
  return {
    id: row.id,
    name: row.name,
    owner: { type: row.owner_type, objectId: row.owner_object_id, tenantId: row.owner_tenant_id },
    communityId: row.community_id,
    type: row.resource_type,
    createdDate: row.created_at,
    lastAccessedDate: row.last_accessed_at,
    modifiedDate: row.modified_at,
    expiredDate: row.state === 'Expired' ? row.expired_at : null,
    signupState: row.state,
  };
}
