import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { notifyCommitted, PostgresChangeSignals } from '../../src/store/change-signals.js';
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
});
