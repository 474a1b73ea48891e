import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { toUpdatesAnswer } from '../../src/change-broker/representation.js';
import { describeEachDialect } from '../helpers/server.js';
import { activeSignup, addStream, newSpace, updates, writeChange } from './support.js';

// Events whose JSON text is easy to get wrong: escapes, non-ASCII and lone surrogates, numbers JSON writes in
// exponent form, nesting, empty containers, a key that is an object's prototype elsewhere.
const TRICKY_EVENTS: unknown[][] = [
  [{ Timestamp: '2026-03-01T00:00:00Z', Value: 1.5, Note: 'quote " backslash \\ tab \t newline \n nul \u0000 del \u007f' }],
  [{ Timestamp: '2026-03-01T00:01:00Z', Value: -0, Big: 1e21, Small: 5e-7, Max: Number.MAX_SAFE_INTEGER, Text: 'Grüße 温度 🌡 \ud800 \udfff \u2028' }],
  [{ Timestamp: '2026-03-01T00:02:00Z', Nested: { List: [1, [2, { Deep: null }]], Empty: {}, None: [] }, ['__proto__']: { x: true } }],
  [{ Timestamp: '2026-03-01T00:03:00Z' }, { Timestamp: '2026-03-01T00:04:00Z', Value: 0 }],
];

describeEachDialect('Change Broker updates: the answer as sent', (server) => {
  test('the answer is byte for byte the documented shape serialized, with each stored event as it was written', async () => {
    const s = server();
    const space = await newSpace(s);
    const streams = ['plain', 'with "quotes" and \\', 'Grüße-温度'];
    for (const id of streams) await addStream(s, space, id);
    const signup = await activeSignup(s, space, streams);
    const written: Array<{ resourceId: string; operation: string; events: unknown[] }> = [];
    for (const [i, events] of TRICKY_EVENTS.entries()) {
      const resourceId = streams[i % streams.length] ?? 'plain';
      const operation = i === 3 ? 'Remove' : 'Insert';
      await writeChange(s, space, resourceId, operation, events);
      written.push({ resourceId, operation, events });
    }

    const res = await updates(s, space, signup.id, signup.bookmark);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(res.headers.get('content-length'), String(Buffer.byteLength(res.text)));
    // The Updates schema's order (data, bookmark; resourceId, operation, events), each event as JSON.stringify writes it.
    const expected = JSON.stringify({ data: JSON.parse(JSON.stringify(written)) as unknown, bookmark: res.body.bookmark });
    assert.equal(res.text, expected);

    const empty = await updates(s, space, signup.id, res.body.bookmark);
    assert.equal(empty.status, 200, empty.text);
    assert.equal(empty.text, JSON.stringify({ data: [], bookmark: empty.body.bookmark }));
  });
});

test('the answer builder writes what JSON.stringify writes, for any ids, events and bookmark', () => {
  const update = fc.record({
    resourceId: fc.string({ unit: 'binary' }),
    operation: fc.constantFrom('Insert', 'Update', 'Replace', 'Remove', 'RemoveWindow'),
    events: fc.array(fc.jsonValue()),
  });
  fc.assert(
    fc.property(fc.array(update, { maxLength: 40 }), fc.string({ unit: 'binary' }), (data, bookmark) => {
      const stored = data.map((u) => ({ resourceId: u.resourceId, operation: u.operation, eventsJson: JSON.stringify(u.events) }));
      const bytes = toUpdatesAnswer(stored, bookmark);
      assert.equal(bytes.toString('utf8'), JSON.stringify({ data, bookmark }));
    }),
    { numRuns: 300 },
  );
});
