import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/database.js';
import { call, type Target } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';
import { activeSignup, changeBrokerConfig, newSpace, updates } from './support.js';

const STREAMS = ['c0', 'c1', 'c2'];
const WRITES_PER_STREAM = 40;

describeEachDialect(
  'Change Broker updates under concurrent writers on two servers',
  (server) => {
    test('a reader paging while writers commit sees every change exactly once, in write order per stream', async () => {
      const s = server();
      // A second server with its own connection pool on the same database: writes really overlap on PostgreSQL.
      const secondStore = openStore(s.store.url);
      const second = await buildApp({ store: secondStore, config: s.config, clock: s.clock, logger: false });
      const apps = [s.app, second];
      try {
        const space = await newSpace(s);
        const sds = (target: Target, method: string, rest: string, json: unknown) =>
          call(target, method, `/api/v1/Tenants/${space.tenant}/Namespaces/${space.ns}${rest}`, { token: space.token, json });
        const type = { Id: 'T', SdsTypeCode: 'Object', Properties: [{ Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } }, { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } }] };
        assert.ok([200, 201].includes((await sds(s, 'POST', '/Types/T', type)).status));
        for (const id of [...STREAMS, 'noise']) assert.equal((await sds(s, 'POST', `/Streams/${id}`, { Id: id, TypeId: 'T' })).status, 201);
        const signup = await activeSignup(s, space, STREAMS);

        let writing = true;
        const writers = Promise.all(
          [...STREAMS, 'noise'].map(async (stream, w) => {
            for (let i = 0; i < WRITES_PER_STREAM; i += 1) {
              const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
              const res = await sds({ app: apps[(i + w) % 2] ?? s.app }, 'POST', `/Streams/${stream}/Data`, [{ Timestamp: at, Value: i }]);
              assert.equal(res.status, 204, res.text);
            }
          }),
        ).finally(() => {
          writing = false;
        });

        const seen = new Map<string, number[]>(STREAMS.map((id) => [id, []]));
        let bookmark = signup.bookmark;
        let reader = 0;
        for (;;) {
          const wasWriting = writing;
          const res = await updates({ ...s, app: apps[reader++ % 2] ?? s.app }, space, signup.id, bookmark);
          assert.equal(res.status, 200, res.text);
          assert.ok(res.body.data.length <= 7);
          for (const u of res.body.data) seen.get(u.resourceId)?.push((u.events[0] as { Value: number }).Value);
          bookmark = res.body.bookmark;
          if (!wasWriting && res.body.data.length === 0) break;
          if (res.body.data.length === 0) await sleep(5);
        }
        await writers;
        const expected = Array.from({ length: WRITES_PER_STREAM }, (_, i) => i);
        for (const id of STREAMS) assert.deepEqual(seen.get(id), expected, `stream ${id}`);
      } finally {
        await second.close();
        await secondStore.close();
      }
    });
  },
  { ...changeBrokerConfig({ updatesPageSize: 7 }), rateLimit: { max: 100_000, windowMs: 60_000 } },
);
