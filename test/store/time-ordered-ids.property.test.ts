import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { timeOrderedKey, uuidV7 } from '../../src/store/time-ordered-ids.js';

// Ids of new rows: well formed, ordered by their time, and random enough that ids of one millisecond differ.

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CROCKFORD = /^[0-9abcdefghjkmnpqrstvwxyz]+$/;
/** Milliseconds from 1970 to the year 3058, the range both spellings keep in order. */
const milliseconds = fc.integer({ min: 0, max: 32 ** 9 - 1 });

describe('time-ordered ids', () => {
  test('a UUIDv7 has the version, the variant and its milliseconds in its first 48 bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (now) => {
        const id = uuidV7(now);
        assert.match(id, UUID_V7);
        assert.equal(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16), now);
      }),
    );
  });

  test('UUIDv7s and keys sort as their milliseconds do', () => {
    fc.assert(
      fc.property(milliseconds, milliseconds, fc.integer({ min: 12, max: 21 }), (a, b, length) => {
        fc.pre(a !== b);
        const [early, late] = a < b ? [a, b] : [b, a];
        assert.ok(uuidV7(early) < uuidV7(late));
        assert.ok(timeOrderedKey(length, early) < timeOrderedKey(length, late));
      }),
    );
  });

  test('a key has the length asked for, in Crockford base32', () => {
    fc.assert(
      fc.property(milliseconds, fc.integer({ min: 12, max: 21 }), (now, length) => {
        const key = timeOrderedKey(length, now);
        assert.equal(key.length, length);
        assert.match(key, CROCKFORD);
      }),
    );
  });

  test('ids made in one millisecond differ, and their random characters use the whole alphabet', () => {
    const now = Date.now();
    const keys = Array.from({ length: 20_000 }, () => timeOrderedKey(16, now));
    const uuids = Array.from({ length: 20_000 }, () => uuidV7(now));
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(new Set(uuids).size, uuids.length);
    const randomChars = new Set(keys.flatMap((k) => [...k.slice(9)]));
    assert.equal(randomChars.size, 32);
  });

  test('keys of one millisecond count up from a random start, so that none is alike (16 characters: 35 random bits)', () => {
    fc.assert(
      fc.property(milliseconds, fc.integer({ min: 12, max: 21 }), (now, length) => {
        const first = timeOrderedKey(length, now);
        const keys = [first, ...Array.from({ length: 999 }, () => timeOrderedKey(length, now))];
        // Each sorts after the one before, except at most once: where the count ran out (all digits 31) and drew anew.
        const steps = keys.slice(1).filter((k, i) => k <= (keys[i] ?? '')).length;
        assert.ok(steps <= 1, `${steps} keys did not follow the one before`);
        if (steps === 0) assert.equal(new Set(keys).size, keys.length);
        assert.ok(keys.every((k) => k.startsWith(first.slice(0, 9))));
      }),
      { numRuns: 50 },
    );
    // The next millisecond draws anew.
    const a = timeOrderedKey(16, 1_000);
    const b = timeOrderedKey(16, 1_001);
    assert.notEqual(a.slice(9), b.slice(9));
  });

  test('a key length outside 12..21 is refused', () => {
    for (const length of [11, 22, 12.5, Number.NaN]) assert.throws(() => timeOrderedKey(length), RangeError);
  });
});
