import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/store/database.js';
import { executePrepared } from '../../src/store/prepared-statements.js';
import { createPostgresDatabase, type TestDatabase, testDialects } from '../helpers/dialects.js';

const postgres = testDialects().includes('postgres');

describe('prepared hot statements [postgres]', { skip: !postgres && 'needs PostgreSQL' }, () => {
  let database: TestDatabase;
  let store: Store;

  before(async () => {
    database = await createPostgresDatabase({ migrated: false });
    // One connection: what it has prepared is what the pool has.
    store = openStore(database.url, { poolSize: 1 });
    await sql`CREATE TABLE prepared_probe (id integer PRIMARY KEY, note text NOT NULL)`.execute(store.db);
  });

  after(async () => {
    await store?.close();
    await database?.drop();
  });

  const prepared = async () =>
    (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements WHERE NOT from_sql ORDER BY prepare_time`.execute(store.db)).rows.map(
      (r) => r.statement,
    );

  test('a statement run through executePrepared is prepared once on its connection and answers as through Kysely', async () => {
    const insert = (id: number, note: string) => sql`INSERT INTO prepared_probe (id, note) VALUES (${id}, ${note})`;
    const first = await executePrepared(store.db, insert(1, 'one'));
    const second = await executePrepared(store.db, insert(2, 'two'));
    assert.equal(first.numAffectedRows, 1n);
    assert.equal(second.numAffectedRows, 1n);

    const select = (id: number) => sql<{ id: number; note: string }>`SELECT id, note FROM prepared_probe WHERE id >= ${id} ORDER BY id`;
    const viaKysely = await select(1).execute(store.db);
    const viaPrepared = await executePrepared(store.db, select(1));
    assert.deepEqual(viaPrepared.rows, viaKysely.rows);
    assert.deepEqual((await executePrepared(store.db, select(2))).rows, [{ id: 2, note: 'two' }]);

    const update = await executePrepared(store.db, sql`UPDATE prepared_probe SET note = ${'changed'} WHERE id = ${1}`);
    assert.equal(update.numAffectedRows, 1n);

    // Each text once, however often it ran; the plain Kysely statements are not prepared.
    const statements = await prepared();
    assert.deepEqual(
      statements.map((s) => s.split(' ')[0]),
      ['INSERT', 'SELECT', 'UPDATE'],
      statements.join('\n'),
    );
  });

  test('a failing prepared statement fails as through Kysely, and the connection goes on', async () => {
    const duplicate = sql`INSERT INTO prepared_probe (id, note) VALUES (${1}, ${'again'})`;
    await assert.rejects(executePrepared(store.db, duplicate), (error: unknown) => error instanceof Error && 'code' in error && error.code === '23505');
    const count = () => sql<{ n: number }>`SELECT count(*) AS n FROM prepared_probe WHERE id > ${0}`;
    const rows = await executePrepared(store.db, count());
    assert.deepEqual(rows.rows, (await count().execute(store.db)).rows);
    assert.equal(Number(rows.rows[0]?.n), 2);
  });
});
