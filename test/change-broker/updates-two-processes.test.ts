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
import { simpleType } from '../sds/sds-fixtures.js';
import type { Signup, Updates } from './support.js';

const TENANT = 'tenant-updates-2p';
const NAMESPACE = 'plant';
const STREAMS = ['s0', 's1', 's2', 's3'];
/** Written to as well, but not in the signup: its changes must never reach the reader. */
const NOISE = 'noise';
const WRITERS = 2;
const WRITES_PER_WRITER = 150;
/** Requests each writer keeps in flight, so writes within one process overlap too. */
const LANES = 4;
/** Small, so that most polls end on a full page and the next one starts from a page boundary. */
const PAGE_SIZE = 5;

/** Over this process's environment, for each server process. */
const SERVER_ENV = {
  SIGNUPS_RATE_LIMIT_MAX: '100000',
  SIGNUPS_UPDATES_PAGE_SIZE: String(PAGE_SIZE),
  // Both processes run the background worker, as a deployment would; activation is claimed under a lease.
  SIGNUPS_BACKGROUND_WORKER: 'true',
  SIGNUPS_BACKGROUND_POLL_MS: '50',
};

const postgres = testDialects().includes('postgres');
if (!postgres) console.log('Updates two-process test skipped: it needs PostgreSQL (SQLite serializes every write transaction)');

interface SdsEvent {
  Timestamp: string;
  Value?: number;
}

/** One write's identity, the same whether built from the request or from the update it produced. */
const writeKey = (streamId: string, operation: string, events: readonly unknown[]): string =>
  `${streamId}|${operation}|${(events as SdsEvent[]).map((e) => `${Date.parse(e.Timestamp)}:${e.Value ?? ''}`).join(',')}`;

interface Written {
  key: string;
  streamId: string;
  /** Writer and lane: the writes of one lane are sent one after another, each after the previous answered. */
  lane: string;
}

describe('Change Broker updates while two server processes commit writes [postgres]', { skip: !postgres && 'needs PostgreSQL' }, () => {
  let database: TestDatabase;
  let store: Store;
  const servers: ServerProcess[] = [];

  before(async () => {
    database = await createPostgresDatabase({ migrated: true });
    store = openStore(database.url);
    await createNamespace(store.db, systemClock, TENANT, NAMESPACE);
    servers.push(...(await Promise.all(Array.from({ length: WRITERS }, () => startServerProcess(database.url, SERVER_ENV)))));
  });

  after(async () => {
    await stopServerProcesses(servers);
    await store?.close();
    await database?.drop();
  });

  test(`${WRITERS} processes × ${WRITES_PER_WRITER} writes, updates paged ${PAGE_SIZE} at a time: every change once, in commit order`, async () => {
    const urls = servers.map((s) => s.url);
    const [first] = urls;
    assert.ok(first);

    // A tenant client gets its token from the token endpoint, as AVEVA clients do.
    const client = await createClient(store.db, systemClock, { name: 'plant-app', scopes: [], tenantId: TENANT });
    const tokenRes = await call<{ access_token: string }>(first, 'POST', '/identity/connect/token', {
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(tokenRes.status, 200, tokenRes.text);
    const token = tokenRes.body.access_token;
    const api = <T = unknown>(url: string, method: string, rest: string, json?: unknown): Promise<Answer<T>> =>
      call<T>(url, method, `/api/v1/Tenants/${TENANT}/Namespaces/${NAMESPACE}${rest}`, { token, ...(json !== undefined ? { json } : {}) });

    assert.equal((await api(first, 'POST', '/Types/SimpleType', simpleType())).status, 201);
    for (const id of [...STREAMS, NOISE]) assert.equal((await api(first, 'POST', `/Streams/${id}`, { Id: id, TypeId: 'SimpleType' })).status, 201);

    const created = await api<Signup>(first, 'POST', '/signups', { Name: 'two-processes', ResourceType: 'Stream', ResourceIds: STREAMS });
    assert.equal(created.status, 202, created.text);
    let signup: Signup | undefined;
    for (const deadline = Date.now() + 10_000; signup?.signupState !== 'Active'; await sleep(25)) {
      assert.ok(Date.now() < deadline, `signup still ${signup?.signupState ?? 'unknown'} after 10 s`);
      const got: Answer<Signup> = await api<Signup>(urls[1] ?? first, 'GET', `/signups/${created.body.id}`);
      assert.equal(got.status, 200, got.text);
      signup = got.body;
    }
    assert.ok(signup.bookmark);

    // Every write carries events at indexes no other write uses (or, for overwrites and removes, an index its own
    // lane inserted earlier), so each change is recognisable by its stream, operation and events.
    const written: Written[] = [];
    const write = async (writer: number, lane: number, n: number, mine: Array<{ streamId: string; at: string }>): Promise<void> => {
      const url = urls[writer] ?? first;
      const k = Math.floor(n / LANES);
      const id = writer * 1000 + n;
      const fresh = (j: number) => new Date(Date.UTC(2026, 0, 1) + ((writer * WRITES_PER_WRITER + n) * 4 + j) * 1000).toISOString();
      let streamId = STREAMS[(k + lane + writer) % STREAMS.length] ?? 's0';
      let method = 'POST';
      let rest = `/Streams/${streamId}/Data`;
      let events: SdsEvent[] = [{ Timestamp: fresh(0), Value: id }];
      let operation = 'Insert';
      const kind = n % 10;
      if (kind === 1 || kind === 6) events.push({ Timestamp: fresh(1), Value: id + 0.5 });
      if (kind === 4) {
        // Upsert: over an event this lane wrote earlier, or at a new index.
        const earlier = k % 2 === 0 ? mine.at(-1) : undefined;
        if (earlier) streamId = earlier.streamId;
        method = 'PUT';
        rest = `/Streams/${streamId}/Data`;
        events = [{ Timestamp: earlier?.at ?? fresh(0), Value: id }];
        operation = 'Update';
      } else if (kind === 7 && mine.length > 0) {
        const removed = mine.splice(0, 1)[0];
        assert.ok(removed);
        streamId = removed.streamId;
        method = 'DELETE';
        rest = `/Streams/${streamId}/Data?index=${removed.at}`;
        events = [{ Timestamp: removed.at }];
        operation = 'Remove';
      } else if (kind === 9) {
        streamId = NOISE;
        rest = `/Streams/${NOISE}/Data`;
      }
      const res = await api(url, method, rest, method === 'DELETE' ? undefined : events);
      assert.equal(res.status, 204, `${method} ${rest}: ${res.text}`);
      if (operation === 'Insert' && streamId !== NOISE) mine.push(...events.map((e) => ({ streamId, at: e.Timestamp })));
      written.push({ key: writeKey(streamId, operation, events), streamId, lane: `${writer}.${lane}` });
    };

    let writing = true;
    const writers = Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        Array.from({ length: LANES }, async (_, lane) => {
          const mine: Array<{ streamId: string; at: string }> = [];
          for (let n = lane; n < WRITES_PER_WRITER; n += LANES) await write(writer, lane, n, mine);
        }),
      ).flat(),
    ).finally(() => {
      writing = false;
    });

    // The reader alternates between the two processes, following each answer's bookmark.
    const seen: Array<{ resourceId: string; operation: string; events: unknown[] }> = [];
    let fullPages = 0;
    const reader = (async () => {
      let bookmark = signup.bookmark ?? '';
      const deadline = Date.now() + 25_000;
      for (let poll = 0; ; poll += 1) {
        assert.ok(Date.now() < deadline, 'the reader did not catch up within 25 s');
        const wasWriting = writing;
        const res: Answer<Updates> = await api<Updates>(urls[poll % urls.length] ?? first, 'GET', `/signups/${created.body.id}/updates?bookmark=${bookmark}`);
        assert.equal(res.status, 200, res.text);
        assert.ok(res.body.data.length <= PAGE_SIZE, `a page of ${res.body.data.length}`);
        if (res.body.data.length === PAGE_SIZE) fullPages += 1;
        seen.push(...res.body.data);
        bookmark = res.body.bookmark;
        // Only a poll started after the last write answered, and coming back empty, proves the reader caught up.
        if (!wasWriting && res.body.data.length === 0) return;
        if (res.body.data.length === 0) await sleep(2);
      }
    })();
    const [w, r] = await Promise.allSettled([writers, reader]);
    if (w.status === 'rejected') throw w.reason;
    if (r.status === 'rejected') throw r.reason;

    const inSignup = written.filter((x) => x.streamId !== NOISE);
    assert.equal(written.length, WRITERS * WRITES_PER_WRITER);
    assert.ok(fullPages >= 10, `only ${fullPages} full pages: page boundaries were hardly crossed`);

    // Exactly the successful writes to the signup's streams, each once.
    const seenKeys = seen.map((u) => writeKey(u.resourceId, u.operation, u.events));
    const repeated = seenKeys.filter((key, i) => seenKeys.indexOf(key) !== i);
    assert.deepEqual(repeated, [], 'changes the reader saw more than once');
    const writtenKeys = new Set(inSignup.map((x) => x.key));
    assert.deepEqual(seenKeys.filter((key) => !writtenKeys.has(key)), [], 'changes the reader saw that no write made');
    const seenSet = new Set(seenKeys);
    assert.deepEqual(inSignup.filter((x) => !seenSet.has(x.key)).map((x) => x.key), [], 'writes the reader never saw');
    assert.equal(seen.length, inSignup.length);
    assert.deepEqual(
      [...new Set(seen.map((u) => u.operation))].sort(),
      ['Insert', 'Remove', 'Update'],
      'every kind of write was exercised',
    );

    // In change number order: the order in which the namespace's changes committed, and so per stream too.
    const table = await store.db
      .selectFrom('change_log')
      .select(['seq', 'stream_id', 'operation', 'events'])
      .where('tenant_id', '=', TENANT)
      .where('namespace_id', '=', NAMESPACE)
      .orderBy('seq')
      .execute();
    assert.equal(table.length, written.length, 'one change record per successful write');
    const logged = table.filter((row) => row.stream_id !== NOISE).map((row) => ({ resourceId: row.stream_id, operation: row.operation, events: JSON.parse(row.events) as unknown[] }));
    for (const id of STREAMS) {
      assert.deepEqual(
        seen.filter((u) => u.resourceId === id),
        logged.filter((u) => u.resourceId === id),
        `stream ${id}: the reader's updates against the change log in seq order`,
      );
    }
    assert.deepEqual(seen, logged, 'the reader saw the change log in seq order');

    // A write answered before its lane sent the next one committed first, so the reader saw it first.
    const position = new Map(seenKeys.map((key, i) => [key, i]));
    for (const lane of new Set(inSignup.map((x) => x.lane))) {
      const order = inSignup.filter((x) => x.lane === lane).map((x) => position.get(x.key) ?? -1);
      assert.deepEqual(order, [...order].sort((a, b) => a - b), `lane ${lane}: updates in the order its writes were answered`);
    }
  });
});
