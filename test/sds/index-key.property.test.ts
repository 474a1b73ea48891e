import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { indexValue, TYPE_CODES } from '../../src/sds/index-key.js';

// A DateTime index written in UTC is checked and spelled without Date arithmetic; one written with an offset goes
// through Date. The two must agree: "…Z" and "…+00:00" are the same instant, valid or not.

const digits = (n: number, width: number) => String(n).padStart(width, '0');

const outcome = (raw: string): { value: string | number; key: string } | string => {
  try {
    return indexValue(raw, TYPE_CODES.DateTime, 'x');
  } catch (error) {
    return error instanceof Error ? error.name : 'thrown';
  }
};

test('a UTC DateTime index reads as the same instant written with +00:00, including impossible dates and times', () => {
  fc.assert(
    fc.property(
      fc.record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        time: fc.option(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: 0, max: 60 })))),
        fraction: fc.option(fc.stringMatching(/^\d{1,7}$/)),
        separator: fc.constantFrom('T', 't', ' '),
        zulu: fc.constantFrom('Z', 'z'),
      }),
      ({ year, month, day, time, fraction, separator, zulu }) => {
        let text = `${digits(year, 4)}-${digits(month, 2)}-${digits(day, 2)}`;
        if (time) {
          const [h, mi, sec] = time;
          text += `${separator}${digits(h, 2)}:${digits(mi, 2)}`;
          if (sec !== null) text += `:${digits(sec, 2)}${fraction === null ? '' : `.${fraction}`}`;
        }
        assert.deepEqual(outcome(`${text}${zulu}`), outcome(`${text}+00:00`), text);
        // No zone at all is UTC too.
        assert.deepEqual(outcome(text), outcome(`${text}+00:00`), text);
      },
    ),
    { numRuns: 3000 },
  );
});

test('leap days exist in leap years only, as the Gregorian calendar counts them', () => {
  for (const [year, valid] of [[2024, true], [2023, false], [2000, true], [1900, false], [4, true], [100, false], [400, true]] as const) {
    const raw = `${digits(year, 4)}-02-29T00:00:00Z`;
    if (valid) assert.equal(indexValue(raw, TYPE_CODES.DateTime, 'x').value, raw);
    else assert.throws(() => indexValue(raw, TYPE_CODES.DateTime, 'x'), /not a valid DateTime/);
  }
});
