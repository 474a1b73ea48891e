import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../helpers/server.js';

// SQLite only: PostgreSQL's memory is its own server's.
test("the server's SQLite connection keeps a page cache of SIGNUPS_SQLITE_CACHE_MB", async () => {
  const s = await startServer('sqlite', { sqliteCacheMb: 3 });
  try {
    const native = s.store.native;
    assert.equal(native.dialect, 'sqlite');
    if (native.dialect === 'sqlite') assert.deepEqual(native.database.pragma('cache_size'), [{ cache_size: -3 * 1024 }]);
  } finally {
    await s.close();
  }
});
