import { randomFillSync } from 'node:crypto';

// New rows land next to each other at the right edge of every index instead of on random pages: fewer pages
// touched per write, and on SQLite far less WAL per commit. Ids are made on every signup, three at a time: their
// randomness comes from a pool filled by the CSPRNG a few kilobytes at a time (as randomUUID caches its own), and
// they are spelled from lookup tables, not by slicing and re-parsing hex strings.

const pool = Buffer.alloc(4096);
/** Bytes of `pool` already handed out: all of them until the first refill. */
let used = pool.length;

/** The offset of `n` fresh random bytes in `pool`, refilled in place when it runs out. */
function take(n: number): number {
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const at = used;
  used += n;
  return at;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hexOf = (at: number, n: number): string => {
  let out = '';
  for (let i = 0; i < n; i++) out += HEX[pool[at + i] ?? 0];
  return out;
};

/** A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, the version, 74 random bits with the variant's two. */
export function uuidV7(now = Date.now()): string {
  const high = Math.floor(now / 0x1_0000_0000);
  const low = now >>> 0;
  const at = take(10);
  // 12 random bits after the version digit, then the variant (10xx) and 62 more.
  return (
    `${HEX[(high >>> 8) & 0xff]}${HEX[high & 0xff]}${HEX[low >>> 24]}${HEX[(low >>> 16) & 0xff]}-${HEX[(low >>> 8) & 0xff]}${HEX[low & 0xff]}` +
    `-7${((pool[at] ?? 0) & 0x0f).toString(16)}${hexOf(at + 1, 1)}-${HEX[((pool[at + 2] ?? 0) & 0x3f) | 0x80]}${hexOf(at + 3, 1)}-${hexOf(at + 4, 6)}`
  );
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** The last key's millisecond, length and random digits (0..31 each): the next key of that millisecond follows it. */
let lastMs = -1;
let lastLength = 0;
const lastDigits = new Uint8Array(12);

/**
 * `length` (12 to 21) characters of Crockford base32, lower case, that sort by creation time: 9 characters of
 * milliseconds (good until the year 3058), then random characters, 5 bits each (a random byte's low 5 bits: 256 is
 * a multiple of 32, so each character is uniform). Within one millisecond this process counts up from the first
 * key's random part instead of drawing anew: 16 characters carry 35 random bits, and a key alike to another of the
 * same millisecond would fail its insert.
 */
export function timeOrderedKey(length: number, now = Date.now()): string {
  if (!Number.isInteger(length) || length < 12 || length > 21) throw new RangeError('timeOrderedKey length must be 12..21');
  let time = '';
  let t = now;
  for (let i = 0; i < 9; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const n = length - 9;
  if (now !== lastMs || n !== lastLength || !countUp(n)) {
    const at = take(n);
    for (let i = 0; i < n; i++) lastDigits[i] = (pool[at + i] ?? 0) & 31;
  }
  lastMs = now;
  lastLength = n;
  let random = '';
  for (let i = 0; i < n; i++) random += ALPHABET[lastDigits[i] ?? 0];
  return time + random;
}

/** Adds one to the first `n` of lastDigits as a base-32 number; false when that wraps around (all were 31). */
function countUp(n: number): boolean {
  for (let i = n - 1; i >= 0; i--) {
    const d = lastDigits[i] ?? 0;
    if (d < 31) {
      lastDigits[i] = d + 1;
      return true;
    }
    lastDigits[i] = 0;
  }
  return false;
}
