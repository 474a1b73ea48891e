import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { toUpdatesAnswer, updateSpelling, updatesFrame } from '../../src/change-broker/representation.js';
import { joinUtf8 } from '../../src/store/utf8-join.js';
import { describeEachDialect } from '../helpers/server.js';
import { activeSignup, addStream, changeBrokerConfig, newSpace, updates, writeChange } from './support.js';

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

describeEachDialect(
  'Change Broker updates: pages of few and of many streams',
  (server) => {
    // Up to 100 streams a page merges one run per stream; more are read in one scan of the namespace's log. Either
    // way each stream counts from its own position, other streams' changes are left out, and pages are cut at 5.
    for (const streamCount of [3, 101]) {
      test(`${streamCount} streams: every change once, in order, each stream from its own position, byte for byte`, async () => {
        const s = server();
        const space = await newSpace(s);
        const streams = Array.from({ length: streamCount }, (_, i) => `stream "${i}"`);
        for (const id of [...streams, 'not signed up']) await addStream(s, space, id);
        const signup = await activeSignup(s, space, streams);
        const late = streams[1] ?? '';
        const expected: Array<{ resourceId: string; operation: string; events: unknown[] }> = [];
        let lateFrom = 0;
        for (let i = 0; i < 23; i += 1) {
          const resourceId = i % 4 === 3 ? 'not signed up' : i % 3 === 1 ? late : (streams[(i * 7) % streamCount] ?? '');
          const events = [{ Timestamp: `2026-03-01T00:00:${String(i).padStart(2, '0')}Z`, Value: i }];
          const seq = await writeChange(s, space, resourceId, 'Insert', events);
          // The late stream counts only from its 4th change on, as if it had been checked then.
          if (resourceId === late && ++lateFrom === 3) {
            await s.store.db.updateTable('cb_signup_resources').set({ from_seq: seq }).where('signup_id', '=', signup.id).where('resource_id', '=', late).execute();
          }
          if (resourceId !== 'not signed up' && !(resourceId === late && lateFrom <= 3)) expected.push({ resourceId, operation: 'Insert', events });
        }

        const seen: unknown[] = [];
        let bookmark = signup.bookmark;
        for (let page = 0; page < 20; page += 1) {
          const res = await updates(s, space, signup.id, bookmark);
          assert.equal(res.status, 200, res.text);
          assert.equal(res.text, JSON.stringify({ data: res.body.data, bookmark: res.body.bookmark }));
          assert.ok(res.body.data.length <= 5, `page of ${res.body.data.length}`);
          bookmark = res.body.bookmark;
          if (res.body.data.length === 0) break;
          seen.push(...res.body.data);
        }
        assert.deepEqual(seen, expected);
      });
    }
  },
  changeBrokerConfig({ updatesPageSize: 5 }),
);

test('updates spelled and joined make what JSON.stringify writes, for any ids, events and bookmark', () => {
  const update = fc.record({
    resourceId: fc.string({ unit: 'binary' }),
    operation: fc.constantFrom('Insert', 'Update', 'Replace', 'Remove', 'RemoveWindow'),
    events: fc.array(fc.jsonValue()),
  });
  fc.assert(
    // Bookmarks longer than the frame's room too: the answer is then put together in a buffer of its own.
    fc.property(fc.array(update, { maxLength: 40 }), fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', minLength: 100, maxLength: 200 })), (data, bookmark) => {
      const { before, between, after } = updateSpelling;
      const spelled = data.map((u) => `${before(u.resourceId)}${u.operation}${between}${JSON.stringify(u.events)}${after}`);
      const bytes = toUpdatesAnswer(joinUtf8(spelled, ',', updatesFrame), bookmark);
      assert.equal(bytes.toString('utf8'), JSON.stringify({ data, bookmark }));
    }),
    { numRuns: 300 },
  );
});
