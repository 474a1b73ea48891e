import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readChanges } from '../../src/sds/changes.js';
import { call } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';
import { assertSdsError, sdsTenant, typeAndStream } from './sds-fixtures.js';

// Data writes that arrive together are committed together. Writes refused among them (an index taken further on
// in the request, a stream the client may not write to, a stream that does not exist) write nothing and fail none
// of the others; on SQLite the changes that were written are numbered one after another, with no gap where a
// refused write was.

const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();

describeEachDialect('SDS data writes refused in a batch', (server) => {
  test('leave the other writes of the batch written, each recorded once, and nothing of their own', async () => {
    const s = server();
    const t = await sdsTenant(s);
    const streams = ['b0', 'b1', 'b2', 'b3'];
    for (const id of streams) await typeAndStream(t, id);
    for (const id of streams) assert.equal((await t.call('POST', `/Streams/${id}/Data`, { json: [{ Timestamp: at(0), Value: 0 }] })).status, 204);
    // A client of the tenant that the streams' access lists leave out.
    const { token: colleague } = await s.tenantToken(t.tenantId);

    // 40 writes at once: per stream, fresh ones and ones whose second event is at the taken index 0; and writes
    // by that client and to a missing stream. Each is checked inside the batch.
    const writes = Array.from({ length: 40 }, (_, i) => {
      // Values from 1: the events already there have 0.
      const v = i + 1;
      const stream = streams[i % streams.length] ?? 'b0';
      if (i % 10 === 3) return { kind: 'taken', res: t.call('POST', `/Streams/${stream}/Data`, { json: [{ Timestamp: at(1000 + i), Value: v }, { Timestamp: at(0), Value: v }] }) };
      if (i % 10 === 7) return { kind: 'forbidden', res: call(s, 'POST', t.path(`/Streams/${stream}/Data`), { token: colleague, json: [{ Timestamp: at(2000 + i), Value: v }] }) };
      if (i % 10 === 9) return { kind: 'missing', res: t.call('POST', '/Streams/nowhere/Data', { json: [{ Timestamp: at(3000 + i), Value: v }] }) };
      return { kind: 'fresh', res: t.call('POST', `/Streams/${stream}/Data`, { json: [{ Timestamp: at(1 + i), Value: v }, { Timestamp: at(100 + i), Value: v }] }) };
    });
    const answers = await Promise.all(writes.map(async (w) => ({ kind: w.kind, res: await w.res })));
    const fresh = answers.flatMap((a, i) => (a.kind === 'fresh' ? [i + 1] : []));
    for (const a of answers) {
      if (a.kind === 'fresh') assert.equal(a.res.status, 204, a.res.text);
      else assertSdsError(a.res, a.kind === 'taken' ? 409 : a.kind === 'forbidden' ? 403 : 404);
    }

    // Every fresh write's two events and nothing of the refused ones.
    const values = new Map<number, number>();
    for (const id of streams) {
      const res = await t.call<Array<{ Value: number }>>('GET', `/Streams/${id}/Data`);
      for (const e of res.body) values.set(e.Value, (values.get(e.Value) ?? 0) + 1);
    }
    values.delete(0);
    assert.deepEqual([...values.keys()].sort((a, b) => a - b), fresh);
    assert.ok([...values.values()].every((n) => n === 2));

    // One change per written write, each once.
    const changes = await readChanges(s.store.db, { tenantId: t.tenantId, namespaceId: t.namespaceId, afterSeq: 0, streamIds: streams, limit: 1000 });
    assert.equal(changes.length, streams.length + fresh.length);
    assert.equal(new Set(changes.map((c) => c.seq)).size, changes.length);
    if (s.dialect === 'sqlite') {
      // SQLite numbers a namespace's changes with its counter: one after another, and the counter at the last.
      assert.deepEqual(changes.map((c) => Number(c.seq)), changes.map((_, i) => i + 1));
      const counter = await s.store.db.selectFrom('namespaces').select('last_change_seq').where('tenant_id', '=', t.tenantId).where('id', '=', t.namespaceId).executeTakeFirstOrThrow();
      assert.equal(Number(counter.last_change_seq), changes.length);
    }
  });
});
