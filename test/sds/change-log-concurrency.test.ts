import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AccessTokens } from '../../src/identity/access-tokens.js';
import { createClient } from '../../src/identity/clients.js';
import { type ChangeRecord, readChanges } from '../../src/sds/changes.js';
import { createNamespace } from '../../src/sds/namespaces.js';
import { systemClock } from '../../src/store/clock.js';
import { openStore, type Store } from '../../src/store/database.js';
import { getOrCreateSecret } from '../../src/store/settings.js';
import { createPostgresDatabase, type TestDatabase, testDialects } from '../helpers/dialects.js';
import { call } from '../helpers/http.js';
import { type ServerProcess, startServerProcess, stopServerProcesses } from '../helpers/server-process.js';
import { simpleType } from './sds-fixtures.js';

const TENANT = 'tenant-concurrency';
const NAMESPACE = 'ns';
const STREAMS = ['s0', 's1', 's2', 's3'];
const WRITERS = 2;
const WRITES_PER_WRITER = 200;
/** Requests each writer keeps in flight, so writes in one process overlap too. */
const LANES = 4;

/** Over this process's environment, for each server process. */
const SERVER_ENV = { SIGNUPS_RATE_LIMIT_MAX: '100000', SIGNUPS_BACKGROUND_WORKER: 'false' };

const postgres = testDialects().includes('postgres');
if (!postgres) console.log('change-log concurrency test skipped: it needs PostgreSQL (SQLite serializes every write transaction)');

describe('change log under concurrent writers in two server processes [postgres]', { skip: !postgres && 'needs PostgreSQL' }, () => {
  let database: TestDatabase;
  let store: Store;
  const servers: ServerProcess[] = [];
  const tokens: string[] = [];
  const writerIds: string[] = [];

  before(async () => {
    database = await createPostgresDatabase({ migrated: true });
    store = openStore(database.url);
    await createNamespace(store.db, systemClock, TENANT, NAMESPACE);
    const issuer = await AccessTokens.open(store.db, systemClock, 3600);
    // One owner creates the streams; the writers are other clients of the tenant that the ACL allows to write.
    for (let i = 0; i <= WRITERS; i++) {
      const client = await createClient(store.db, systemClock, { name: `writer-${i}`, scopes: [], tenantId: TENANT });
      tokens.push((await issuer.issue({ id: client.id, name: client.name, scopes: [], tenantId: TENANT }, [])).accessToken);
      if (i < WRITERS) writerIds.push(client.id);
    }
    servers.push(...(await Promise.all(Array.from({ length: WRITERS }, () => startServerProcess(database.url, SERVER_ENV)))));
  });

  after(async () => {
    await stopServerProcesses(servers);
    await store?.close();
    await database?.drop();
  });

  test(`${WRITERS} processes × ${WRITES_PER_WRITER} writes: a reader paging by position sees every change once, each lane's in write order`, async () => {
    const [first] = servers;
    assert.ok(first);
    const path = (rest: string) => `/api/v1/Tenants/${TENANT}/Namespaces/${NAMESPACE}${rest}`;
    const ownerToken = tokens[WRITERS] ?? '';
    assert.equal((await call(first.url, 'POST', path('/Types/SimpleType'), { token: ownerToken, json: simpleType() })).status, 201);
    for (const id of STREAMS) {
      assert.equal((await call(first.url, 'POST', path(`/Streams/${id}`), { token: ownerToken, json: { TypeId: 'SimpleType' } })).status, 201);
    }

    // Each write: one event at an index no other write uses, alternating Insert and Update, over all the streams.
    const write = async (writer: number, n: number): Promise<void> => {
      const server = servers[writer];
      assert.ok(server);
      const streamId = STREAMS[(n + writer) % STREAMS.length] ?? 's0';
      const timestamp = new Date(Date.UTC(2026, 0, 1) + (writer * WRITES_PER_WRITER + n) * 1000).toISOString();
      const res = await call(server.url, n % 2 === 0 ? 'POST' : 'PUT', path(`/Streams/${streamId}/Data`), {
        token: tokens[writer] ?? '',
        json: [{ Timestamp: timestamp, Value: writer * 1000 + n }],
      });
      assert.equal(res.status, 204, res.text);
    };
    // The writers are not owners: the owner grants them Write on every stream first.
    const acl = {
      RoleTrusteeAccessControlEntries: writerIds.map((id) => ({ Trustee: { Type: 'Client', ObjectId: id, TenantId: TENANT }, AccessType: 'Allowed', AccessRights: 2 })),
    };
    for (const id of STREAMS) {
      assert.equal((await call(first.url, 'PUT', path(`/Streams/${id}/AccessControl`), { token: ownerToken, json: acl })).status, 204);
    }

    let writing = true;
    const seen: ChangeRecord[] = [];
    const reader = (async () => {
      let last = 0;
      for (;;) {
        const done = !writing;
        const page = await readChanges(store.db, { tenantId: TENANT, namespaceId: NAMESPACE, afterSeq: last, streamIds: STREAMS, limit: 37 });
        for (const change of page) {
          assert.ok(change.seq > last, `seq ${change.seq} after ${last}`);
          last = change.seq;
          seen.push(change);
        }
        // One more full pass after the writers finished drains whatever committed last.
        if (done && page.length === 0) return;
        if (page.length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();

    const lanes = Array.from({ length: WRITERS }, (_, writer) =>
      Array.from({ length: LANES }, async (_, lane) => {
        for (let n = lane; n < WRITES_PER_WRITER; n += LANES) await write(writer, n);
      }),
    ).flat();
    try {
      await Promise.all(lanes);
    } finally {
      writing = false;
    }
    await reader;

    const total = WRITERS * WRITES_PER_WRITER;
    const table = await store.db.selectFrom('change_log').select(['seq', 'stream_id', 'operation', 'events']).where('tenant_id', '=', TENANT).orderBy('seq').execute();
    assert.equal(table.length, total);
    const positions = table.map((r) => Number(r.seq));
    assert.equal(new Set(positions).size, total, 'every change has a position of its own');
    // A lane sends its writes one after another (its n goes up by LANES): its changes appear in that order.
    const written = seen.map((c) => (c.events[0] as { Value: number }).Value);
    for (let writer = 0; writer < WRITERS; writer++) {
      for (let lane = 0; lane < LANES; lane++) {
        const ns = written.map((v) => v - writer * 1000).filter((n) => n >= 0 && n < WRITES_PER_WRITER && n % LANES === lane);
        assert.deepEqual(ns, [...ns].sort((a, b) => a - b), `writer ${writer} lane ${lane} in write order`);
      }
    }
    assert.deepEqual(seen.map((c) => c.seq), table.map((r) => Number(r.seq)), 'the reader saw every change exactly once, in order');
    assert.deepEqual(
      seen.map((c) => [c.streamId, c.operation, c.events]),
      table.map((r) => [r.stream_id, r.operation, JSON.parse(r.events)]),
    );
    const events = await store.db.selectFrom('sds_events').select('index_key').where('tenant_id', '=', TENANT).execute();
    assert.equal(events.length, total);
  });

  test('racing creators and a deletion during writes: one stream, no 500, and no events left behind by the deleted stream', async () => {
    const path = (rest: string) => `/api/v1/Tenants/${TENANT}/Namespaces/${NAMESPACE}${rest}`;
    const ownerToken = tokens[WRITERS] ?? '';
    // Both processes create the same stream at once: one creates it, the other finds it (302, followed to 200).
    const created = await Promise.all(
      servers.flatMap(({ url }) => [0, 1].map(() => call(url, 'POST', path('/Streams/doomed'), { token: ownerToken, json: { TypeId: 'SimpleType' } }))),
    );
    assert.deepEqual(created.map((r) => r.status).sort(), [200, 200, 200, 201]);

    let deleted = false;
    const writes = servers.map(async ({ url }, writer) => {
      const statuses: number[] = [];
      for (let n = 0; n < 60; n++) {
        const timestamp = new Date(Date.UTC(2027, 0, 1) + (writer * 100 + n) * 1000).toISOString();
        const res = await call(url, 'POST', path('/Streams/doomed/Data'), { token: ownerToken, json: [{ Timestamp: timestamp, Value: n }] });
        statuses.push(res.status);
        if (deleted && res.status === 404) break;
      }
      return statuses;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const first = servers[0];
    assert.ok(first);
    assert.equal((await call(first.url, 'DELETE', path('/Streams/doomed'), { token: ownerToken })).status, 204);
    deleted = true;
    const statuses = (await Promise.all(writes)).flat();
    assert.ok(statuses.every((status) => status === 204 || status === 404), statuses.join(','));
    const left = await store.db.selectFrom('sds_events').select('index_key').where('tenant_id', '=', TENANT).where('stream_id', '=', 'doomed').execute();
    assert.deepEqual(left, []);
  });
});
