import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { hearCommitsOf, notifyCommitted, PostgresChangeSignals } from '../../src/store/change-signals.js';
import { createPostgresDatabase, type TestDatabase, testDialects } from '../helpers/dialects.js';

const postgres = testDialects().includes('postgres');

describe('signals after a batch commits [postgres]', { skip: !postgres && 'needs PostgreSQL' }, () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let signals: PostgresChangeSignals;

  before(async () => {
    database = await createPostgresDatabase({ migrated: false });
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    signals = new PostgresChangeSignals(database.url);
  });

  after(async () => {
    await signals?.close();
    await pool?.end();
    await database?.drop();
  });

  test('batches that commit while a signal is under way are signalled together in the next one, every namespace heard', async () => {
    const heard = new Map<string, number>();
    for (const namespaceId of ['a', 'b', 'c']) {
      await signals.subscribe({ tenantId: 't', namespaceId }, () => heard.set(namespaceId, (heard.get(namespaceId) ?? 0) + 1));
    }
    // The first batch's signal leaves at once; the next ten arrive while it is under way.
    notifyCommitted(pool, [{ tenantId: 't', namespaceId: 'b' }]);
    for (let i = 0; i < 10; i++) notifyCommitted(pool, [{ tenantId: 't', namespaceId: i % 2 === 0 ? 'a' : 'b' }]);
    notifyCommitted(pool, [{ tenantId: 't', namespaceId: 'c' }]);
    for (let waited = 0; heard.size < 3 && waited < 5000; waited += 10) await sleep(10);
    // Room for any signal that would come late.
    await sleep(200);
    // One signal per statement and namespace: b in both statements, a and c in the second only.
    assert.deepEqual(Object.fromEntries([...heard].sort()), { a: 1, b: 2, c: 1 });
  });

  test('a batch that commits after the signals went quiet is signalled at once', async () => {
    const heard: string[] = [];
    await signals.subscribe({ tenantId: 't', namespaceId: 'later' }, () => heard.push('later'));
    await sleep(50);
    notifyCommitted(pool, [{ tenantId: 't', namespaceId: 'later' }]);
    for (let waited = 0; heard.length === 0 && waited < 5000; waited += 10) await sleep(10);
    assert.deepEqual(heard, ['later']);
  });

  test('batches committing all the time make a few statements, not one each, and the last batch is still signalled', async () => {
    let heard = 0;
    await signals.subscribe({ tenantId: 't', namespaceId: 'busy' }, () => (heard += 1));
    await sleep(50);
    // 100 batches over about 100 ms: a statement at most every few milliseconds (a slow machine only makes fewer).
    for (let i = 0; i < 100; i++) {
      notifyCommitted(pool, [{ tenantId: 't', namespaceId: 'busy' }]);
      await sleep(1);
    }
    const beforeLast = heard;
    notifyCommitted(pool, [{ tenantId: 't', namespaceId: 'busy' }]);
    for (let waited = 0; heard === beforeLast && waited < 5000; waited += 5) await sleep(5);
    await sleep(100);
    assert.ok(heard > beforeLast, 'the last batch was signalled');
    assert.ok(heard <= 40, `${heard} statements for 101 batches`);
  });

  test("this process's own listeners hear its batches at once, before any NOTIFY could arrive", async () => {
    const ownPool = new pg.Pool({ connectionString: database.url, max: 2 });
    const own = new PostgresChangeSignals(database.url);
    hearCommitsOf(ownPool, own);
    try {
      const heard: string[] = [];
      await own.subscribe({ tenantId: 't', namespaceId: 'own' }, () => heard.push('own'));
      notifyCommitted(ownPool, [{ tenantId: 't', namespaceId: 'own' }]);
      // Synchronously, in the same turn.
      assert.deepEqual(heard, ['own']);
      // And again by its NOTIFY, like every other process.
      for (let waited = 0; heard.length < 2 && waited < 5000; waited += 10) await sleep(10);
      assert.deepEqual(heard, ['own', 'own']);
    } finally {
      await own.close();
      await ownPool.end();
    }
  });
});
