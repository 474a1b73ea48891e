import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient } from '../../src/identity/clients.js';
import { createNamespace } from '../../src/sds/namespaces.js';
import { systemClock } from '../../src/store/clock.js';
import { openStore, type Store } from '../../src/store/database.js';
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase, testDialects } from '../helpers/dialects.js';
import { type Answer, call } from '../helpers/http.js';
import { type ServerProcess, startServerProcess, stopServerProcesses } from '../helpers/server-process.js';
import { simpleType } from './sds-fixtures.js';

// SDS data writes are group-committed: writes that arrive together share one commit and each is answered after it.
// A server killed in the middle must have kept every write it acknowledged, each with its change record, and no
// write without its change record or the other way round.

const TENANT = 'tenant-durability';
const NAMESPACE = 'plant';
const STREAMS = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'];
/** Requests in flight at all times (several per stream, so that batches hold more than one write of a stream). */
const LANES = 24;
const SERVER_ENV = { SIGNUPS_RATE_LIMIT_MAX: '1000000' };

interface Event {
  Timestamp: string;
  Value: number;
}

for (const dialect of testDialects()) {
  describe(`SDS data writes under group commit, server killed [${dialect}]`, () => {
    let database: TestDatabase;
    let store: Store;
    const servers: ServerProcess[] = [];

    before(async () => {
      database = dialect === 'sqlite' ? await createSqliteDatabase() : await createPostgresDatabase({ migrated: true });
      store = openStore(database.url);
      await createNamespace(store.db, systemClock, TENANT, NAMESPACE);
    });

    after(async () => {
      await stopServerProcesses(servers);
      await store?.close();
      await database?.drop();
    });

    test('a server killed (SIGKILL) while committing writes lost none it acknowledged, and left no event without its change record', async () => {
      const server = await startServerProcess(database.url, SERVER_ENV);
      servers.push(server);
      const client = await createClient(store.db, systemClock, { name: 'writer', scopes: [], tenantId: TENANT });
      const tokenRes = await call<{ access_token: string }>(server.url, 'POST', '/identity/connect/token', {
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(tokenRes.status, 200, tokenRes.text);
      const token = tokenRes.body.access_token;
      const api = (method: string, rest: string, json: unknown): Promise<Answer<unknown>> =>
        call(server.url, method, `/api/v1/Tenants/${TENANT}/Namespaces/${NAMESPACE}${rest}`, { token, json });
      assert.equal((await api('POST', '/Types/SimpleType', simpleType())).status, 201);
      for (const id of STREAMS) assert.equal((await api('POST', `/Streams/${id}`, { Id: id, TypeId: 'SimpleType' })).status, 201);

      // Each write inserts one or two events whose Value is unique to the write.
      const acknowledged: number[] = [];
      let killed = false;
      let sent = 0;
      const lane = async (l: number): Promise<void> => {
        const streamId = STREAMS[l % STREAMS.length] ?? 'd0';
        while (!killed) {
          const id = ++sent;
          const at = (j: number) => new Date(Date.UTC(2026, 0, 1) + (id * 2 + j) * 1000).toISOString();
          const events: Event[] = [{ Timestamp: at(0), Value: id }];
          if (id % 3 === 0) events.push({ Timestamp: at(1), Value: id });
          try {
            const res = await api('POST', `/Streams/${streamId}/Data`, events);
            if (res.status === 204) acknowledged.push(id);
            else assert.fail(`write answered ${res.status}: ${res.text}`);
          } catch (error) {
            if (!killed) throw error;
          }
        }
      };
      const lanes = Array.from({ length: LANES }, (_, l) => lane(l));
      while (acknowledged.length < 400) await new Promise((done) => setTimeout(done, 5));
      // Listen before the kill: the exit may come while the lanes are still settling.
      const exited = new Promise((done) => server.child.once('exit', done));
      server.child.kill('SIGKILL');
      killed = true;
      await Promise.all(lanes);
      await exited;

      const stored = await store.db.selectFrom('sds_events').select(['stream_id', 'event']).where('tenant_id', '=', TENANT).execute();
      const changes = await store.db
        .selectFrom('change_log')
        .select(['seq', 'stream_id', 'operation', 'events'])
        .where('tenant_id', '=', TENANT)
        .where('namespace_id', '=', NAMESPACE)
        .execute();
      const eventsOf = new Map<number, string[]>();
      for (const row of stored) {
        const e = JSON.parse(row.event) as Event;
        eventsOf.set(e.Value, [...(eventsOf.get(e.Value) ?? []), `${row.stream_id}@${e.Timestamp}`]);
      }
      const changeOf = new Map<number, string[]>();
      for (const c of changes) {
        assert.equal(c.operation, 'Insert');
        const events = JSON.parse(c.events) as Event[];
        const value = events[0]?.Value ?? -1;
        assert.ok(!changeOf.has(value), `write ${value} has more than one change record`);
        changeOf.set(
          value,
          events.map((e) => `${c.stream_id}@${e.Timestamp}`),
        );
      }

      const lost = acknowledged.filter((id) => !eventsOf.has(id) || !changeOf.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged writes are missing after the kill`);
      // Whatever was written (acknowledged or not) was written whole: its events and its change record, both.
      assert.deepEqual([...eventsOf.keys()].sort((a, b) => a - b), [...changeOf.keys()].sort((a, b) => a - b), 'events and change records name the same writes');
      for (const [id, events] of eventsOf) {
        assert.deepEqual([...events].sort(), [...(changeOf.get(id) ?? [])].sort(), `write ${id}: its events and its change record`);
        assert.equal(events.length, id % 3 === 0 ? 2 : 1, `write ${id}: every event of the write`);
      }
      assert.ok(eventsOf.size >= acknowledged.length && eventsOf.size <= sent, `${eventsOf.size} writes stored for ${acknowledged.length} acknowledged, ${sent} sent`);
      // Every change record has a position of its own.
      assert.equal(new Set(changes.map((c) => Number(c.seq))).size, changes.length);
    });
  });
}
