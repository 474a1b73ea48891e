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
  // Written piece by piece into one buffer: encoding one long string built by concatenation costs several times
  // more (it is flattened first), and a buffer per update then joined costs an allocation and a copy each.
  let size = 64 + bookmark.length;
  for (const u of data) size += 48 + u.resourceId.length + u.operation.length + u.eventsJson.length;
  const out = new ByteWriter(size);
  out.put('{"data":[');
  for (let i = 0; i < data.length; i++) {
    const u = data[i];
    if (!u) continue;
    out.put(`${i === 0 ? '' : ','}{"resourceId":${JSON.stringify(u.resourceId)},"operation":${JSON.stringify(u.operation)},"events":`);
    out.put(u.eventsJson);
    out.put('}');
  }
  out.put(`],"bookmark":${JSON.stringify(bookmark)}}`);
  return out.bytes();
}

/** UTF-8 text appended to a buffer that grows when a piece would not fit (the size given is a guess for ASCII). */
class ByteWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  put(text: string): void {
    const room = this.buffer.length - this.length;
    // A UTF-16 unit takes at most 3 bytes; only text that might not fit is measured.
    if (room < text.length * 3) {
      const needed = Buffer.byteLength(text);
      if (room < needed) {
        const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + needed));
        this.buffer.copy(grown, 0, 0, this.length);
        this.buffer = grown;
      }
    }
    this.length += this.buffer.write(text, this.length);
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
