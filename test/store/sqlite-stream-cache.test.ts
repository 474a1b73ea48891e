import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import type { CheckedStream } from '../../src/store/sds-writes.js';
import { SQLITE_STREAM_CHANGED_FUNCTION, SqliteStreamCache } from '../../src/store/sqlite-stream-cache.js';
import type { SqliteJob } from '../../src/store/sqlite-group-commit.js';

// The SQLite-only part of the checks data writes keep (the behaviour on both databases is in
// test/sds/write-checks.security.test.ts): what the cache does with its triggers when a batch rolls back.

function database(): { sqlite: SQLite.Database; cache: SqliteStreamCache } {
  const sqlite = new SQLite(':memory:');
  sqlite.exec(`CREATE TABLE sds_streams (tenant_id TEXT, namespace_id TEXT, id TEXT, acl TEXT, PRIMARY KEY (tenant_id, namespace_id, id));
    CREATE TABLE sds_types (tenant_id TEXT, namespace_id TEXT, id TEXT, PRIMARY KEY (tenant_id, namespace_id, id));
    INSERT INTO sds_streams VALUES ('t', 'n', 's', 'first');`);
  const cache = new SqliteStreamCache(sqlite);
  sqlite.function(SQLITE_STREAM_CHANGED_FUNCTION, (tenantId: unknown, namespaceId: unknown, streamId: unknown) => {
    cache.changed(tenantId, namespaceId, streamId);
    return null;
  });
  return { sqlite, cache };
}

const stream = (acl: string): CheckedStream => ({
  row: { tenant_id: 't', namespace_id: 'n', id: 's', type_id: 'T', definition: '{}', owner_type: 'Client', owner_object_id: 'c', owner_tenant_id: 't', acl, created_at: '', modified_at: '' },
  keyProperty: 'Timestamp',
  keyTypeCode: 16,
});

/** Reads the stream in batch `batch` inside a transaction that commits or rolls back; answers the acl and whether the database was read. */
function inBatch(sqlite: SQLite.Database, cache: SqliteStreamCache, batch: number, end: 'COMMIT' | 'ROLLBACK'): { acl: string | undefined; read: boolean } {
  let read = false;
  const job: SqliteJob = { sqlite, batch, undo: () => undefined, beforeCommit: () => undefined };
  sqlite.exec('BEGIN IMMEDIATE');
  const checked = cache.get(job, 't', 'n', 's', () => {
    read = true;
    const row = sqlite.prepare<[], { acl: string }>("SELECT acl FROM sds_streams WHERE id = 's'").get();
    return row ? stream(row.acl) : undefined;
  });
  sqlite.exec(end);
  return { acl: checked?.row.acl, read };
}

test('nothing is kept until the triggers are found in a later batch: made in a batch that rolled back, they are made again', () => {
  const { sqlite, cache } = database();
  assert.deepEqual(inBatch(sqlite, cache, 0, 'ROLLBACK'), { acl: 'first', read: true });
  // The triggers went with the rollback: this batch makes them again and still keeps nothing.
  assert.deepEqual(inBatch(sqlite, cache, 1, 'COMMIT'), { acl: 'first', read: true });
  assert.deepEqual(inBatch(sqlite, cache, 2, 'COMMIT'), { acl: 'first', read: true });
  // Found in batch 2 and kept from there.
  assert.deepEqual(inBatch(sqlite, cache, 3, 'COMMIT'), { acl: 'first', read: false });
  sqlite.exec("UPDATE sds_streams SET acl = 'second'");
  assert.deepEqual(inBatch(sqlite, cache, 4, 'COMMIT'), { acl: 'second', read: true });
  assert.deepEqual(inBatch(sqlite, cache, 5, 'COMMIT'), { acl: 'second', read: false });
  // A change to any type drops every stream kept.
  sqlite.exec("INSERT INTO sds_types VALUES ('t', 'n', 'T')");
  assert.deepEqual(inBatch(sqlite, cache, 6, 'COMMIT'), { acl: 'second', read: true });
  sqlite.close();
});
