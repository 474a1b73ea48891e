import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { configFromEnv } from '../../src/config/server-config.js';
import { buildApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createPostgresDatabase, type TestDatabase, testDialects } from '../helpers/dialects.js';
import { call, type FailureBody } from '../helpers/http.js';
import { describeEachSandbox, PARTNER_SCOPES } from './support.js';

const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/_signups/v1/clock'],
  ['POST', '/_signups/v1/clock', { advanceSeconds: 3600 }],
  ['POST', '/_signups/v1/reset', {}],
  ['GET', '/_signups/v1/snapshot'],
  ['GET', '/_signups/v1/requests'],
  ['DELETE', '/_signups/v1/requests'],
  ['POST', '/_signups/v1/faults', { status: 503 }],
  ['GET', '/_signups/v1/faults'],
  ['DELETE', '/_signups/v1/faults/some-id'],
];

for (const dialect of testDialects()) {
  describe(`sandbox routes without --sandbox [${dialect}]`, () => {
    let app: FastifyInstance;
    let store: Store;
    let database: TestDatabase | undefined;
    before(async () => {
      database = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
      store = openStore(database?.url ?? 'sqlite::memory:');
      await migrateToLatest(store);
      app = await buildApp({ store, config: { ...configFromEnv({}), logLevel: 'silent' }, logger: false });
    });
    after(async () => {
      await app?.close();
      await store?.close();
      await database?.drop();
    });

    test('are 404 in the partner Failure envelope', async () => {
      for (const [method, path, json] of ROUTES) {
        const res = await call<FailureBody>({ app }, method, path, json === undefined ? {} : { json });
        assert.equal(res.status, 404, `${method} ${path}`);
        assert.equal(res.body.errors[0]?.status, '404');
      }
    });

    test('the partner extensions beside them are there: they ask for credentials', async () => {
      const res = await call<FailureBody>({ app }, 'GET', '/_signups/v1/partner/organizations/org-x/users');
      assert.equal(res.status, 401, res.text);
      assert.equal(res.body.errors[0]?.code, 'user_unauthenticated');
    });
  });
}

describeEachSandbox('sandbox routes need the signups:admin scope', (server) => {
  test('401 without a token, 403 with a token lacking the scope; nothing moves', async () => {
    const s = server();
    const before = await s.admin.freeze();
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    for (const [method, path, json] of ROUTES) {
      const anonymous = await call<FailureBody>(s, method, path, json === undefined ? {} : { json });
      assert.equal(anonymous.status, 401, `${method} ${path}`);
      assert.equal(anonymous.body.errors[0]?.code, 'user_unauthenticated');
      const forbidden = await call<FailureBody>(s, method, path, { token, ...(json === undefined ? {} : { json }) });
      assert.equal(forbidden.status, 403, `${method} ${path}`);
      assert.equal(forbidden.body.errors[0]?.code, 'user_unauthorized');
      assert.match(forbidden.body.errors[0]?.detail ?? '', /signups:admin/);
    }
    assert.deepEqual(await s.admin.clock(), { now: before.now, frozen: true });
    assert.deepEqual(await s.admin.faults(), []);
    await s.admin.resume();
  });

  test('a client may be given the scope from the command line and the library', async () => {
    const s = server();
    const admin = await s.createClient({ name: 'ops', scopes: 'signups:admin' });
    const res = await call<{ now: string; frozen: boolean }>(s, 'GET', '/_signups/v1/clock', { token: await admin.token() });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body).sort(), ['frozen', 'now']);
  });
});
