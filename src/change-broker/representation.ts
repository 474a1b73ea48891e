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

/**
 * Get Updates' answer, as the bytes sent. Each update's events are spliced in as the change log holds them: that text
 * is JSON.stringify's, so the answer is byte for byte what serializing the parsed events would give (the document's
 * `items: {}` serializes each event with JSON.stringify), without parsing and re-serializing every event. Bytes, not
 * a string, so that the length and the encoding are worked out once.
 */
export function toUpdatesAnswer(data: ReadonlyArray<{ resourceId: string; operation: string; eventsJson: string }>, bookmark: string): Buffer {
  // Encoded update by update and joined as bytes: encoding one long string built by concatenation costs several
  // times more (it is flattened first), about 4 ms against 1 ms for a page of 1,000 updates.
  const parts: Buffer[] = [Buffer.from('{"data":[')];
  for (let i = 0; i < data.length; i++) {
    const u = data[i];
    if (!u) continue;
    parts.push(Buffer.from(`${i === 0 ? '' : ','}{"resourceId":${JSON.stringify(u.resourceId)},"operation":${JSON.stringify(u.operation)},"events":${u.eventsJson}}`, 'utf8'));
  }
  parts.push(Buffer.from(`],"bookmark":${JSON.stringify(bookmark)}}`, 'utf8'));
  return Buffer.concat(parts);
}
