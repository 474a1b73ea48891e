import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readChanges } from '../../src/sds/changes.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { keyedType, type SdsTenant, sdsTenant, typeAndStream } from './sds-fixtures.js';

type Event = Record<string, unknown>;

async function changesOf(s: TestServer, t: SdsTenant, streamId: string, afterSeq = 0) {
  return readChanges(s.store.db, { tenantId: t.tenantId, namespaceId: t.namespaceId, afterSeq, streamIds: [streamId], limit: 1000 });
}

async function read(t: SdsTenant, streamId: string, query = ''): Promise<Event[]> {
  const res = await t.call<Event[]>('GET', `/Streams/${streamId}/Data${query}`);
  assert.equal(res.status, 200, res.text);
  return res.body;
}

describeEachDialect('SDS stream data: writes and their change records', (server) => {
  test('Insert Values writes the events (204), reads them back by index, and records one Insert with the events', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'ins');
    const events = [
      { Timestamp: '2026-03-07T00:00:00Z', Value: 12 },
      { Timestamp: '2026-03-08T00:00:00Z', Value: 53 },
    ];
    const res = await t.call('POST', '/Streams/ins/Data', { json: events });
    assert.equal(res.status, 204, res.text);
    assert.deepEqual(await read(t, 'ins', '?startIndex=2026-03-01T00:00:00Z&endIndex=2026-03-31T00:00:00Z'), events);
    const changes = await changesOf(s, t, 'ins');
    assert.equal(changes.length, 1);
    assert.equal(changes[0]?.operation, 'Insert');
    assert.equal(changes[0]?.streamId, 'ins');
    assert.deepEqual(changes[0]?.events, events);
    assert.equal(changes[0]?.createdAt, s.clock.now().toISOString());
  });

  test('DateTime keys are stored and recorded in ISO 8601 UTC whatever offset or precision they were written with', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'tz');
    await t.call('POST', '/Streams/tz/Data', {
      json: [
        { Timestamp: '2026-03-07T01:00:00+01:00', Value: 1 },
        { timestamp: '2026-03-07T00:00:00.1234567Z', Value: 2 },
        { Timestamp: '2026-03-06', Value: 3 },
      ],
    });
    const expected = [
      { Timestamp: '2026-03-06T00:00:00Z', Value: 3 },
      { Timestamp: '2026-03-07T00:00:00Z', Value: 1 },
      { Timestamp: '2026-03-07T00:00:00.1234567Z', Value: 2 },
    ];
    assert.deepEqual(await read(t, 'tz'), expected);
    const [change] = await changesOf(s, t, 'tz');
    assert.deepEqual(change?.events, [expected[1], expected[2], expected[0]]);
  });

  test('Update Values upserts (204): overwrites existing events and creates the others, recorded as one Update', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'upd');
    await t.call('POST', '/Streams/upd/Data', { json: [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }] });
    const events = [
      { Timestamp: '2026-01-01T00:00:00Z', Value: 121 },
      { Timestamp: '2026-01-02T00:00:00Z', Value: 2 },
    ];
    assert.equal((await t.call('PUT', '/Streams/upd/Data', { json: events })).status, 204);
    assert.deepEqual(await read(t, 'upd'), events);
    const changes = await changesOf(s, t, 'upd');
    assert.deepEqual(changes.map((c) => c.operation), ['Insert', 'Update']);
    assert.deepEqual(changes[1]?.events, events);
    assert.ok((changes[1]?.seq ?? 0) > (changes[0]?.seq ?? 0));
  });

  test('Replace Values (allowCreate=false) overwrites existing events, recorded as Replace', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'rep');
    await t.call('POST', '/Streams/rep/Data', { json: [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }] });
    const events = [{ Timestamp: '2026-01-01T00:00:00Z', Value: 99 }];
    assert.equal((await t.call('PUT', '/Streams/rep/Data?allowCreate=false', { json: events })).status, 204);
    assert.deepEqual(await read(t, 'rep'), events);
    const changes = await changesOf(s, t, 'rep');
    assert.deepEqual(changes.map((c) => [c.operation, c.events]), [
      ['Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]],
      ['Replace', events],
    ]);
  });

  test('Remove Values by index (repeated) removes those events, recorded as Remove with index-only events', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'rem');
    const days = ['2026-01-01', '2026-01-02', '2026-01-03'].map((d) => `${d}T00:00:00Z`);
    await t.call('POST', '/Streams/rem/Data', { json: days.map((d, i) => ({ Timestamp: d, Value: i })) });
    const res = await t.call('DELETE', `/Streams/rem/Data?index=${days[0]}&index=${days[2]}`);
    assert.equal(res.status, 204, res.text);
    assert.deepEqual(await read(t, 'rem'), [{ Timestamp: days[1], Value: 1 }]);
    const changes = await changesOf(s, t, 'rem');
    assert.equal(changes[1]?.operation, 'Remove');
    assert.deepEqual(changes[1]?.events, [{ Timestamp: days[0] }, { Timestamp: days[2] }]);
  });

  test('Remove Window removes events from start to end, both included, recorded as RemoveWindow with the two bounds', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'win');
    const days = ['01', '02', '03', '04', '05'].map((d) => `2026-01-${d}T00:00:00Z`);
    await t.call('POST', '/Streams/win/Data', { json: days.map((d, i) => ({ Timestamp: d, Value: i })) });
    const res = await t.call('DELETE', `/Streams/win/Data?startIndex=${days[1]}&endIndex=${days[3]}`);
    assert.equal(res.status, 204, res.text);
    assert.deepEqual((await read(t, 'win')).map((e) => e.Timestamp), [days[0], days[4]]);
    const changes = await changesOf(s, t, 'win');
    assert.equal(changes[1]?.operation, 'RemoveWindow');
    assert.deepEqual(changes[1]?.events, [{ Timestamp: days[1] }, { Timestamp: days[3] }]);
    // An empty window is no error, and is still recorded: the record says which window was removed, not what.
    const empty = await t.call('DELETE', '/Streams/win/Data?startIndex=2030-01-01T00:00:00Z&endIndex=2030-02-01T00:00:00Z');
    assert.equal(empty.status, 204, empty.text);
    assert.equal((await changesOf(s, t, 'win')).length, 3);
  });

  test('Get Window Values: bounds are inclusive, either may be left out, count limits, a reversed window reads backwards', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'rd');
    const days = ['01', '02', '03', '04'].map((d) => `2026-02-${d}T00:00:00Z`);
    await t.call('POST', '/Streams/rd/Data', { json: [...days].reverse().map((d) => ({ Timestamp: d, Value: 1 })) });
    const ts = (events: Event[]) => events.map((e) => e.Timestamp);
    assert.deepEqual(ts(await read(t, 'rd', `?startIndex=${days[1]}&endIndex=${days[2]}`)), [days[1], days[2]]);
    assert.deepEqual(ts(await read(t, 'rd', `?startIndex=${days[2]}`)), [days[2], days[3]]);
    assert.deepEqual(ts(await read(t, 'rd', `?endIndex=${days[0]}`)), [days[0]]);
    assert.deepEqual(ts(await read(t, 'rd', '?count=3')), days.slice(0, 3));
    assert.deepEqual(ts(await read(t, 'rd', `?startIndex=${days[3]}&endIndex=${days[1]}`)), [days[3], days[2], days[1]]);
  });

  test('numeric keys order numerically, negatives and fractions included; string keys order by code point', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'num', keyedType('ByDouble', 'Double'));
    await typeAndStream(t, 'int', keyedType('ByInt64', 'Int64'));
    await typeAndStream(t, 'str', keyedType('ByString', 'String'));
    const doubles = [10, -1.5, 0, 2.25, -1000, 3e20, -3e-5];
    await t.call('POST', '/Streams/num/Data', { json: doubles.map((k) => ({ Key: k, Value: k })) });
    assert.deepEqual((await read(t, 'num')).map((e) => e.Key), [...doubles].sort((a, b) => a - b));
    assert.deepEqual((await read(t, 'num', '?startIndex=-2&endIndex=2.25')).map((e) => e.Key), [-1.5, -3e-5, 0, 2.25]);
    const ints = [9007199254740991, -9007199254740991, 7, -7, 0];
    await t.call('POST', '/Streams/int/Data', { json: ints.map((k) => ({ Key: k, Value: 1 })) });
    assert.deepEqual((await read(t, 'int')).map((e) => e.Key), [...ints].sort((a, b) => a - b));
    const strings = ['b', 'a', 'B', 'ab', 'é', '', 'a b'];
    await t.call('POST', '/Streams/str/Data', { json: strings.map((k) => ({ Key: k, Value: 1 })) });
    const codePointOrder = [...strings].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual((await read(t, 'str')).map((e) => e.Key), codePointOrder);
    await t.call('DELETE', '/Streams/str/Data?index=ab&index=a%20b');
    assert.deepEqual((await read(t, 'str', '?startIndex=a&endIndex=b')).map((e) => e.Key), ['a', 'b']);
  });

  test('each write is one change record per stream, positioned in the order of the writes across streams', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'x1');
    await typeAndStream(t, 'x2');
    await t.call('POST', '/Streams/x1/Data', { json: [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }] });
    await t.call('POST', '/Streams/x2/Data', { json: [{ Timestamp: '2026-01-01T00:00:00Z', Value: 2 }] });
    await t.call('PUT', '/Streams/x1/Data', { json: [{ Timestamp: '2026-01-01T00:00:00Z', Value: 3 }] });
    // An empty write changes nothing and records nothing.
    assert.equal((await t.call('PUT', '/Streams/x1/Data', { json: [] })).status, 204);
    const all = await readChanges(s.store.db, { tenantId: t.tenantId, namespaceId: t.namespaceId, afterSeq: 0, streamIds: ['x1', 'x2'], limit: 100 });
    assert.deepEqual(all.map((c) => [c.streamId, c.operation]), [
      ['x1', 'Insert'],
      ['x2', 'Insert'],
      ['x1', 'Update'],
    ]);
    assert.ok(all.every((c, i) => i === 0 || c.seq > (all[i - 1]?.seq ?? 0)), 'positions grow in the order of the writes');
  });
});
