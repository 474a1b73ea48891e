import type { ChangeSpelling } from '../sds/changes.js';
import type { FramedText, TextFrame } from '../store/dialects/dialect-ops.js';
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
 * Each update of Get Updates' answer as JSON.stringify writes it ({resourceId, operation, events}, in the Updates
 * schema's order), with its events spliced in as the change log holds them: that text is JSON.stringify's, so the
 * answer is byte for byte what serializing the parsed events would give (the document's `items: {}` serializes each
 * event with JSON.stringify), without parsing and re-serializing every event. The database may spell a page itself
 * (sds/changes.ts): the operation is one of a few plain names, and the id is spelled here, once per stream.
 */
export const updateSpelling: ChangeSpelling = {
  before: (resourceId) => `{"resourceId":${JSON.stringify(resourceId)},"operation":"`,
  between: '","events":',
  after: '}',
};

/** Where Get Updates' answer puts its updates, and room after them for the bookmark (a fixed-length token). */
export const updatesFrame: TextFrame = { open: '{"data":[', room: 128 };

/**
 * Get Updates' answer, as the bytes sent: `updates` are the page's updates spelled (updateSpelling) and joined by
 * commas in updatesFrame; the bookmark is written into its room, so the page is not copied again.
 */
export function toUpdatesAnswer(updates: FramedText, bookmark: string): Buffer {
  const close = `],"bookmark":${JSON.stringify(bookmark)}}`;
  const { text, used } = updates;
  const size = Buffer.byteLength(close);
  if (text.length - used < size) return Buffer.concat([text.subarray(0, used), Buffer.from(close)]);
  text.write(close, used);
  return text.subarray(0, used + size);
}
