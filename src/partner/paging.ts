import { PartnerError } from './errors.js';

/** Page tokens carry the last `seq` seen; opaque to clients, checked on the way back in. */
export function encodePageToken(afterSeq: number): string {
  return Buffer.from(JSON.stringify({ a: afterSeq })).toString('base64url');
}

export function decodePageToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('not base64url');
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const after = (parsed as { a?: unknown }).a;
    if (typeof after === 'number' && Number.isSafeInteger(after) && after >= 0) return after;
  } catch {
    // fall through to the error below
  }
  throw new PartnerError('invalid_page_token', 'The page_token is not valid; use the links in metadata.next', {
    parameter: 'page_token',
  });
}

export interface Page<T> {
  items: T[];
  nextAfter: number | null;
  totalSize: number;
}

/** Splits a fetch of `pageSize + 1` rows into a page and whether another follows. */
export function toPage<T extends { seq: number }>(rows: T[], pageSize: number, totalSize: number): Page<T> {
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  return { items, nextAfter: rows.length > pageSize && last ? last.seq : null, totalSize };
}
