import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../../src/store/database.js';
import { sqliteGroupCommit, type SqliteJob } from '../../src/store/sqlite-group-commit.js';

// SQLite's group commit runs a batch without a savepoint per job, and again with them when a job fails or undoes
// its writes (the behaviour through the API, on both databases, is in the signup and SDS write tests).

function setUp() {
  const store = openStore('sqlite::memory:');
  const sqlite = store.native.dialect === 'sqlite' ? store.native.database : assert.fail('a SQLite store');
  sqlite.exec('CREATE TABLE rows (v TEXT PRIMARY KEY)');
  const committer = sqliteGroupCommit(store.db) ?? assert.fail('a group committer');
  const insert = (job: SqliteJob, v: string) => job.sqlite.prepare('INSERT INTO rows (v) VALUES (?)').run(v);
  const rows = () => sqlite.prepare<[], { v: string }>('SELECT v FROM rows ORDER BY v').all().map((r) => r.v);
  return { store, committer, insert, rows };
}

test('a batch where no job fails runs each job once, and its jobs share one batch number', async () => {
  const { store, committer, insert, rows } = setUp();
  const seen: number[] = [];
  const job = (v: string) => (context: SqliteJob) => {
    seen.push(context.batch);
    insert(context, v);
    return v;
  };
  assert.deepEqual(await Promise.all([committer.run(job('a')), committer.run(job('b')), committer.run(job('c'))]), ['a', 'b', 'c']);
  assert.equal(seen.length, 3);
  assert.equal(new Set(seen).size, 1);
  assert.deepEqual(rows(), ['a', 'b', 'c']);
  await store.close();
});

test('a job that throws after writing fails alone: the batch runs again with savepoints, the others are written once', async () => {
  const { store, committer, insert, rows } = setUp();
  const runs = new Map<string, number[]>();
  const job = (v: string, fail = false) => (context: SqliteJob) => {
    runs.set(v, [...(runs.get(v) ?? []), context.batch]);
    insert(context, v);
    context.beforeCommit('total', () => insert(context, `total-${context.batch}`));
    if (fail) throw new Error(`${v} failed`);
    return v;
  };
  const settled = await Promise.allSettled([committer.run(job('a')), committer.run(job('b', true)), committer.run(job('c'))]);
  assert.deepEqual(
    settled.map((s) => (s.status === 'fulfilled' ? s.value : String(s.reason))),
    ['a', 'Error: b failed', 'c'],
  );
  // The first run stopped at b; the second ran every job, in a batch of its own number.
  assert.deepEqual(runs.get('a')?.length, 2);
  assert.deepEqual(runs.get('c')?.length, 1);
  const [first, second] = runs.get('a') ?? [];
  assert.notEqual(first, second);
  // The before-commit work ran once, in the run that committed.
  assert.deepEqual(rows(), ['a', 'c', `total-${second}`]);
  await store.close();
});

test('undo() throws in the run without savepoints and, in the run with them, rolls back the job alone', async () => {
  const { store, committer, insert, rows } = setUp();
  const undone = (context: SqliteJob) => {
    insert(context, 'undone');
    context.undo();
    insert(context, 'after-undo');
    return 'kept going';
  };
  const plain = (context: SqliteJob) => {
    insert(context, 'plain');
    return 'plain';
  };
  assert.deepEqual(await Promise.all([committer.run(plain), committer.run(undone)]), ['plain', 'kept going']);
  assert.deepEqual(rows(), ['after-undo', 'plain']);
  await store.close();
});
