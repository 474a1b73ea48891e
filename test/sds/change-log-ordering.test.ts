import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { appendChange, currentChangeSeq, readChanges } from '../../src/sds/changes.js';
import { createNamespace } from '../../src/sds/namespaces.js';
import { lockStreamChanges } from '../../src/store/change-log.js';
import { systemClock } from '../../src/store/clock.js';
import { openStore, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createPostgresDatabase, type TestDatabase, testDialects } from '../helpers/dialects.js';

// The interleaving that breaks a change log numbered by a plain sequence, played step by step with two open
// transactions: A takes a number, B takes the next and commits first, a reader pages past B, then A commits.

const TENANT = 'tenant-ordering';
const NAMESPACE = 'ns';
const postgres = testDialects().includes('postgres');

describe('change log positions under an out-of-order commit [postgres]', { skip: !postgres && 'needs PostgreSQL' }, () => {
  let database: TestDatabase;
  let store: Store;

  before(async () => {
    database = await createPostgresDatabase();
    store = openStore(database.url, { poolSize: 4 });
    await migrateToLatest(store);
    await createNamespace(store.db, systemClock, TENANT, NAMESPACE);
  });

  after(async () => {
    await store?.close();
    await database?.drop();
  });

  test('a naive sequence: the reader pages past a number that commits later, and never sees that change', async () => {
    await sql`CREATE TABLE naive_log (seq bigint PRIMARY KEY, stream_id text NOT NULL)`.execute(store.db);
    await sql`CREATE SEQUENCE naive_seq`.execute(store.db);
    const a = await store.db.startTransaction().execute();
    const b = await store.db.startTransaction().execute();
    await sql`INSERT INTO naive_log VALUES (nextval('naive_seq'), 'a')`.execute(a);
    await sql`INSERT INTO naive_log VALUES (nextval('naive_seq'), 'b')`.execute(b);
    await b.commit().execute();
    const page = async (after: number) =>
      (await sql<{ seq: string; stream_id: string }>`SELECT seq, stream_id FROM naive_log WHERE seq > ${after} ORDER BY seq`.execute(store.db)).rows;
    const first = await page(0);
    assert.deepEqual(first.map((r) => r.stream_id), ['b']);
    const bookmark = Number(first.at(-1)?.seq);
    await a.commit().execute();
    assert.deepEqual(await page(bookmark), [], 'the reader went past a, which committed afterwards with a smaller number');
    const all = (await sql<{ stream_id: string }>`SELECT stream_id FROM naive_log ORDER BY seq`.execute(store.db)).rows;
    assert.deepEqual(all.map((r) => r.stream_id), ['a', 'b'], 'a is in the log, but behind the bookmark: lost to this reader');
  });

  test('change positions: what the reader may read stops below a still-open writer, and nothing is skipped when it commits', async () => {
    const read = (afterSeq: number) => readChanges(store.db, { tenantId: TENANT, namespaceId: NAMESPACE, afterSeq, streamIds: ['a', 'b'], limit: 100 });
    const start = await currentChangeSeq(store.db, TENANT, NAMESPACE);
    const a = await store.db.startTransaction().execute();
    const b = await store.db.startTransaction().execute();
    await lockStreamChanges(a, TENANT, NAMESPACE, 'a');
    await appendChange(a, systemClock, { tenantId: TENANT, namespaceId: NAMESPACE, streamId: 'a', operation: 'Insert', events: [{ n: 1 }] });
    await lockStreamChanges(b, TENANT, NAMESPACE, 'b');
    await appendChange(b, systemClock, { tenantId: TENANT, namespaceId: NAMESPACE, streamId: 'b', operation: 'Insert', events: [{ n: 2 }] });
    await b.commit().execute();

    // b committed, but a (older) is still open: b's change is not final yet, so a reader sees nothing and its
    // bookmark does not move past a.
    assert.deepEqual(await read(start), []);
    const bookmark = await currentChangeSeq(store.db, TENANT, NAMESPACE);
    await a.commit().execute();

    const page = await read(bookmark);
    assert.deepEqual(page.map((c) => c.streamId), ['a', 'b'], 'both changes, a first');
    assert.ok((page[0]?.seq ?? 0) < (page[1]?.seq ?? 0));
    assert.ok(bookmark < (page[0]?.seq ?? 0));
    assert.ok((await currentChangeSeq(store.db, TENANT, NAMESPACE)) >= (page[1]?.seq ?? Number.POSITIVE_INFINITY));
  });

  test('writers of one stream take turns from before they have a transaction id: positions follow commit order', async () => {
    const read = (afterSeq: number) => readChanges(store.db, { tenantId: TENANT, namespaceId: NAMESPACE, afterSeq, streamIds: ['c'], limit: 100 });
    const start = await currentChangeSeq(store.db, TENANT, NAMESPACE);
    const first = await store.db.startTransaction().execute();
    const second = await store.db.startTransaction().execute();
    await lockStreamChanges(first, TENANT, NAMESPACE, 'c');
    await appendChange(first, systemClock, { tenantId: TENANT, namespaceId: NAMESPACE, streamId: 'c', operation: 'Insert', events: [{ n: 'first' }] });
    let secondLocked = false;
    const queued = lockStreamChanges(second, TENANT, NAMESPACE, 'c').then(() => {
      secondLocked = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(secondLocked, false, 'the second writer waits for the first to commit');
    await first.commit().execute();
    await queued;
    await appendChange(second, systemClock, { tenantId: TENANT, namespaceId: NAMESPACE, streamId: 'c', operation: 'Insert', events: [{ n: 'second' }] });
    await second.commit().execute();
    const page = await read(start);
    assert.deepEqual(page.map((c) => (c.events[0] as { n: string }).n), ['first', 'second']);
  });
});
