import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call } from '../helpers/http.js';
import { createPostgresDatabase, type TestDatabase, testDialects } from '../helpers/dialects.js';
import { type InProcessSignups, PARTNER_SCOPES, startInProcess } from './support.js';

// Two server processes share one clock through their PostgreSQL database; two servers in one process show it as well.
describe('the sandbox clock shared by two servers on one PostgreSQL database', { skip: !testDialects().includes('postgres') && 'needs PostgreSQL' }, () => {
  let database: TestDatabase;
  let a: InProcessSignups;
  let b: InProcessSignups;
  before(async () => {
    database = await createPostgresDatabase();
    a = await startInProcess({ databaseUrl: database.url });
    b = await startInProcess({ databaseUrl: database.url });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  test('a move through one server is the time of the other, for its tokens as well', async () => {
    const partner = await a.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    assert.equal((await call(b, 'GET', '/partner/v2/entitlements', { token })).status, 200);

    const moved = await a.clock.advance('2h');
    const seen = await b.admin.clock();
    assert.ok(Math.abs(Date.parse(seen.now) - Date.parse(moved.now)) < 2000, `${seen.now} vs ${moved.now}`);
    assert.equal((await call(b, 'GET', '/partner/v2/entitlements', { token })).status, 401, 'the token expired on the other server too');

    const frozen = await b.clock.freeze();
    assert.deepEqual(await a.admin.clock(), { now: frozen.now, frozen: true });
    const backwards = await a.admin.setClock(new Date(Date.parse(frozen.now) - 1000)).catch((error: { status: number }) => error);
    assert.equal((backwards as { status: number }).status, 400, 'never backwards, whichever server is asked');
    await a.clock.resume();
  });
});
