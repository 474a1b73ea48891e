import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexValue, parseTypeCode, TYPE_CODES } from '../../src/sds/index-key.js';

// Pure encoding rules; the data tests check the same orders through both databases.
const byKey = (values: unknown[], code: number) =>
  values.map((v) => indexValue(v, code, 'test')).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((i) => i.value);

test('Double keys: text order of the keys is numeric order, for negatives, fractions, zero and extremes', () => {
  const values = [0, -0, 1, -1, 0.5, -0.5, 1e-300, -1e-300, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, 123456.789, -123456.789];
  const unique = [...new Set(values.map((v) => (v === 0 ? 0 : v)))];
  assert.deepEqual(byKey(unique, TYPE_CODES.Double), [...unique].sort((a, b) => a - b));
  for (let i = 0; i < 2000; i++) {
    const a = (Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 20);
    const b = (Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 20);
    const [ka, kb] = [indexValue(a, TYPE_CODES.Double, 'a').key, indexValue(b, TYPE_CODES.Double, 'b').key];
    assert.equal(Math.sign(a - b), ka < kb ? -1 : ka > kb ? 1 : 0, `${a} vs ${b}`);
  }
  assert.equal(indexValue(-0, TYPE_CODES.Double, 'z').key, indexValue(0, TYPE_CODES.Double, 'z').key);
  assert.equal(indexValue('-2.5', TYPE_CODES.Double, 'q').value, -2.5);
});

test('integer keys keep their ranges; Int64 is limited to what JSON numbers carry exactly', () => {
  assert.deepEqual(byKey([3, -3, 0, 2147483647, -2147483648], TYPE_CODES.Int32), [-2147483648, -3, 0, 3, 2147483647]);
  for (const [value, code] of [[2147483648, TYPE_CODES.Int32], [-1, TYPE_CODES.UInt32], [1.5, TYPE_CODES.Int64], [2 ** 53, TYPE_CODES.Int64], [256, TYPE_CODES.Byte]] as const) {
    assert.throws(() => indexValue(value, code, 'x'), /not a valid/);
  }
});

test('DateTime keys: ISO 8601 UTC values, offsets applied, 100 ns precision kept, impossible dates refused', () => {
  assert.equal(indexValue('2026-03-07T01:30:00+01:30', TYPE_CODES.DateTime, 't').value, '2026-03-07T00:00:00Z');
  assert.equal(indexValue('2026-03-07T00:00:00.5000000Z', TYPE_CODES.DateTime, 't').value, '2026-03-07T00:00:00.5Z');
  assert.equal(indexValue('2026-03-07', TYPE_CODES.DateTime, 't').value, '2026-03-07T00:00:00Z');
  assert.equal(indexValue('2026-03-07T00:00:00', TYPE_CODES.DateTime, 't').value, '2026-03-07T00:00:00Z');
  const ordered = ['0001-01-01T00:00:00Z', '1999-12-31T23:59:59.9999999Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.0000001Z', '9999-12-31T23:59:59Z'];
  assert.deepEqual(byKey([...ordered].reverse(), TYPE_CODES.DateTime), ordered);
  for (const bad of ['2026-02-29T00:00:00Z', '2026-13-01', '2026-01-01T24:00:00Z', 'now', '', 1700000000]) {
    assert.throws(() => indexValue(bad, TYPE_CODES.DateTime, 'x'), /not a valid DateTime/);
  }
});

test('String keys order by code point; type codes read as numbers or names in any case', () => {
  assert.deepEqual(byKey(['b', 'B', 'a', '', 'ä', '😀', 'aa'], TYPE_CODES.String), ['', 'B', 'a', 'aa', 'b', 'ä', '😀']);
  assert.equal(parseTypeCode('datetime'), 16);
  assert.equal(parseTypeCode('NullableDouble'), 114);
  assert.equal(parseTypeCode('DoubleArray'), 214);
  assert.equal(parseTypeCode('18'), 18);
  assert.equal(parseTypeCode('Nope'), undefined);
  assert.equal(parseTypeCode(-1), undefined);
});
