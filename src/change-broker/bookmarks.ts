import { createHmac, timingSafeEqual } from 'node:crypto';
import { AVEVA_CODES, AvevaError } from '../errors/aveva.js';
import type { Clock } from '../store/clock.js';

/**
 * Bookmarks are `version | signup id (16 bytes) | change number (8) | valid-from time in ms (8) | HMAC tag (16)`,
 * base64url without padding: opaque, safe in a query string unencoded, bound to one signup and tamper-evident.
 *
 * "Valid from" is the time from which every change after the bookmark's number is known to be retained: the
 * issue time when the bookmark covers everything committed, or the time of the last change returned when a full
 * page stopped early. A bookmark expires once that time is older than the retention window, which is exactly when
 * change data it still needs may have been purged.
 */
const VERSION = 1;
const BODY_LENGTH = 1 + 16 + 8 + 8;
const TAG_LENGTH = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface BookmarkPosition {
  seq: number;
  validFrom: Date;
}

function invalid(code: 'bookmark_invalid' | 'bookmark_expired' | 'bookmark_foreign', message: string, resolution: string): AvevaError {
  return new AvevaError(code, message, { resolution, parameters: { bookmark: AVEVA_CODES[code].reason } });
}

const REFRESH = 'call Get Signup By Id for a fresh bookmark.';

export class Bookmarks {
  constructor(
    private readonly key: Uint8Array,
    private readonly clock: Clock,
    private readonly retentionSeconds: number,
  ) {}

  private tag(body: Buffer): Buffer {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, TAG_LENGTH);
  }

  issue(signupId: string, position: BookmarkPosition): string {
    if (!UUID.test(signupId)) throw new Error(`signup id '${signupId}' is not a GUID`);
    const body = Buffer.alloc(BODY_LENGTH);
    body.writeUInt8(VERSION, 0);
    Buffer.from(signupId.replaceAll('-', ''), 'hex').copy(body, 1);
    body.writeBigUInt64BE(BigInt(position.seq), 17);
    body.writeBigUInt64BE(BigInt(position.validFrom.getTime()), 25);
    return Buffer.concat([body, this.tag(body)]).toString('base64url');
  }

  /** The position a bookmark names, if it is genuine, issued for this signup and not expired; else a 400. */
  read(token: string, signupId: string): BookmarkPosition {
    const raw = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url') : Buffer.alloc(0);
    if (raw.length !== BODY_LENGTH + TAG_LENGTH || raw.readUInt8(0) !== VERSION) {
      throw invalid('bookmark_invalid', 'The bookmark is not one this server issued.', `Use a bookmark exactly as returned, or ${REFRESH}`);
    }
    const body = raw.subarray(0, BODY_LENGTH);
    if (!timingSafeEqual(this.tag(body), raw.subarray(BODY_LENGTH))) {
      throw invalid('bookmark_invalid', 'The bookmark has been altered or was not issued by this server.', `Use a bookmark exactly as returned, or ${REFRESH}`);
    }
    const owner = body.subarray(1, 17).toString('hex');
    if (owner !== signupId.replaceAll('-', '')) {
      throw invalid('bookmark_foreign', 'The bookmark was issued for another signup.', `Use the bookmarks of this signup, or ${REFRESH}`);
    }
    const position = { seq: Number(body.readBigUInt64BE(17)), validFrom: new Date(Number(body.readBigUInt64BE(25))) };
    this.requireFresh(position);
    return position;
  }

  /** A 400 once the position is older than the retention window: change data it still needs may be purged. */
  requireFresh(position: BookmarkPosition): void {
    if (position.validFrom.getTime() < this.clock.now().getTime() - this.retentionSeconds * 1000) {
      throw invalid('bookmark_expired', `The bookmark expired: bookmarks are valid for ${this.retentionSeconds} seconds.`, `Poll more often, or ${REFRESH}`);
    }
  }
}
