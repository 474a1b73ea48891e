import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from '../../src/identity/clients.js';
import { createNamespace } from '../../src/sds/namespaces.js';
import { systemClock } from '../../src/store/clock.js';
import { openStore, type Store } from '../../src/store/database.js';
import { createPostgresDatabase, type TestDatabase, testDialects } from '../helpers/dialects.js';
import { type Answer, call } from '../helpers/http.js';
import { type ServerProcess, startServerProcess, stopServerProcesses } from '../helpers/server-process.js';
import { SseClient } from '../helpers/sse.js';
import { simpleType } from '../sds/sds-fixtures.js';
import type { Signup } from './support.js';

const TENANT = 'tenant-live-2p';
const NAMESPACE = 'plant';
const STREAMS = ['s0', 's1'];
const WRITES = 80;

const SERVER_ENV = {
  SIGNUPS_RATE_LIMIT_MAX: '100000',
  SIGNUPS_BACKGROUND_WORKER: 'true',
  SIGNUPS_BACKGROUND_POLL_MS: '50',
  // No heartbeat within the test: only the commit notifications can deliver the writes.
  SIGNUPS_LIVE_HEARTBEAT_MS: '600000',
};

const postgres = testDialects().includes('postgres');
if (!postgres) console.log('Live updates two-process test skipped: it needs PostgreSQL (SQLite signals within one process)');

describe('Change Broker live updates while another server process commits the writes [postgres]', { skip: !postgres && 'needs PostgreSQL' }, () => {
  let database: TestDatabase;
  let store: Store;
  const servers: ServerProcess[] = [];

  before(async () => {
    database = await createPostgresDatabase({ migrated: true });
    store = openStore(database.url);
    await createNamespace(store.db, systemClock, TENANT, NAMESPACE);
    servers.push(...(await Promise.all([0, 1].map(() => startServerProcess(database.url, SERVER_ENV)))));
  });

  after(async () => {
    await stopServerProcesses(servers);
    await store?.close();
    await database?.drop();
  });

  test(`${WRITES} writes through one process, read live through the other with forced reconnects: every write once, in order`, async () => {
    const [reader, writer] = servers.map((s) => s.url);
    assert.ok(reader && writer);
    const client = await createClient(store.db, systemClock, { name: 'plant-app', scopes: [], tenantId: TENANT });
    const tokenRes = await call<{ access_token: string }>(writer, 'POST', '/identity/connect/token', {
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const token = tokenRes.body.access_token;
    const base = `/api/v1/Tenants/${TENANT}/Namespaces/${NAMESPACE}`;
    const api = <T = unknown>(url: string, method: string, rest: string, json?: unknown): Promise<Answer<T>> =>
      call<T>(url, method, `${base}${rest}`, { token, ...(json !== undefined ? { json } : {}) });

    assert.equal((await api(writer, 'POST', '/Types/SimpleType', simpleType())).status, 201);
    for (const id of STREAMS) assert.equal((await api(writer, 'POST', `/Streams/${id}`, { Id: id, TypeId: 'SimpleType' })).status, 201);
    const created = await api<Signup>(writer, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: STREAMS });
    let signup: Signup | undefined;
    for (const deadline = Date.now() + 10_000; signup?.signupState !== 'Active'; await sleep(25)) {
      assert.ok(Date.now() < deadline, 'the signup did not activate');
      signup = (await api<Signup>(reader, 'GET', `/signups/${created.body.id}`)).body;
    }
    const bookmark = signup.bookmark ?? '';

    const written: number[] = [];
    const writing = (async () => {
      for (let n = 0; n < WRITES; n++) {
        const res: Answer = await api(writer, 'POST', `/Streams/${STREAMS[n % STREAMS.length]}/Data`, [{ Timestamp: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(), Value: n }]);
        assert.equal(res.status, 204, res.text);
        written.push(n);
        if (n % 10 === 9) await sleep(20);
      }
    })();

    const seen: number[] = [];
    let lastEventId = '';
    let connections = 0;
    const deadline = Date.now() + 30_000;
    while (seen.length < WRITES) {
      assert.ok(Date.now() < deadline, `only ${seen.length} of ${WRITES} updates within 30 s`);
      // Mostly the reading process; every third connection the writing one, as a load balancer might choose.
      const url = connections % 3 === 2 ? writer : reader;
      const sse = await SseClient.open(`${url}${base}/signups/${created.body.id}/updates/stream?bookmark=${bookmark}`, {
        headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      });
      assert.equal(sse.status, 200, await sse.text());
      const want = Math.min(WRITES - seen.length, 3 + (connections % 5));
      await sse.waitFor((events) => events.length >= want, 10_000, `${want} updates on connection ${connections}`);
      await sse.close();
      for (const e of sse.events) {
        assert.equal(e.event, 'update');
        seen.push((JSON.parse(e.data) as { events: Array<{ Value: number }> }).events[0]?.Value ?? -1);
      }
      lastEventId = sse.lastEventId;
      connections += 1;
    }
    await writing;
    assert.ok(connections >= 10, `${connections} connections`);
    assert.deepEqual(seen, written);
  });
});
