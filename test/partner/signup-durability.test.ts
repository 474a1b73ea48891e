import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient } from '../../src/identity/clients.js';
import { systemClock } from '../../src/store/clock.js';
import { openStore, type Store } from '../../src/store/database.js';
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase, testDialects } from '../helpers/dialects.js';
import { signupBody } from '../helpers/fixtures.js';
import { type Answer, call, type FailureBody } from '../helpers/http.js';
import { type ServerProcess, startServerProcess, stopServerProcesses } from '../helpers/server-process.js';

// Signups are group-committed: many requests share one transaction and each is answered after its commit. These
// tests hold the guarantees that must survive it, against real server processes: racing processes still give one
// 201 per external_id, and a crash loses no acknowledged signup and leaves no partial one. The two processes of the
// race are started once; the crash is then that of one of them (each test signs up as a partner of its own).

const SERVER_ENV = { SIGNUPS_RATE_LIMIT_MAX: '1000000' };

interface SignupAnswer {
  organization_id: string;
}

async function partnerToken(store: Store, url: string): Promise<{ token: string; partnerId: string }> {
  const client = await createClient(store.db, systemClock, { name: 'partner', scopes: ['partner:create', 'partner:describe'] });
  const res = await call<{ access_token: string }>(url, 'POST', '/oauth2/token', {
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.status, 200, res.text);
  return { token: res.body.access_token, partnerId: client.id };
}

/** Every organization the partner created has all of its rows: no signup is half written. */
async function assertNoPartialSignup(store: Store, partnerId: string): Promise<number> {
  const orgs = await store.db.selectFrom('organizations').select('id').where('created_by', '=', partnerId).execute();
  const ents = await store.db.selectFrom('entitlements').select('organization_id').where('partner_id', '=', partnerId).execute();
  const links = await store.db.selectFrom('partner_organizations').select('organization_id').where('partner_id', '=', partnerId).execute();
  const users = await store.db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select('users.organization_id')
    .where('organizations.created_by', '=', partnerId)
    .execute();
  const ids = orgs.map((o) => o.id).sort();
  assert.deepEqual(ents.map((e) => e.organization_id).sort(), ids, 'one entitlement per organization');
  assert.deepEqual(links.map((l) => l.organization_id).sort(), ids, 'one partner link per organization');
  assert.deepEqual(users.map((u) => u.organization_id).sort(), ids, 'one user per organization');
  return ids.length;
}

for (const dialect of testDialects()) {
  describe(`partner signups under group commit, across processes [${dialect}]`, () => {
    let database: TestDatabase;
    let store: Store;
    const servers: ServerProcess[] = [];

    before(async () => {
      database = dialect === 'sqlite' ? await createSqliteDatabase() : await createPostgresDatabase({ migrated: true });
      store = openStore(database.url);
      servers.push(...(await Promise.all([startServerProcess(database.url, SERVER_ENV), startServerProcess(database.url, SERVER_ENV)])));
    });

    after(async () => {
      await stopServerProcesses(servers);
      await store?.close();
      await database?.drop();
    });

    test('two processes racing on the same external_ids give exactly one 201 for each, and batches keep their other signups', async () => {
      const pair = servers;
      const [first] = pair;
      assert.ok(first && pair.length === 2);
      const { token, partnerId } = await partnerToken(store, first.url);
      const contested = Array.from({ length: 20 }, (_, i) => `contested-${i}`);
      // Each contested id is sent 3 times to each process, in among signups that conflict with nothing.
      const requests = [...contested, ...contested, ...contested].flatMap((externalId, i) =>
        pair.map((s, p) => ({ url: s.url, externalId, free: `free-${p}-${i}` })),
      );
      const answers = await Promise.all(
        requests.flatMap(({ url, externalId, free }) => [
          call<FailureBody>(url, 'POST', '/partner/v2/signup', { token, json: signupBody({ externalId }) }).then((r) => ({ externalId, r })),
          call<FailureBody>(url, 'POST', '/partner/v2/signup', { token, json: signupBody({ externalId: free }) }).then((r) => ({ externalId: free, r })),
        ]),
      );
      for (const externalId of contested) {
        const statuses = answers.filter((a) => a.externalId === externalId).map((a) => a.r.status).sort();
        assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409], `answers for ${externalId}`);
        for (const a of answers.filter((x) => x.externalId === externalId && x.r.status === 409)) {
          assert.equal(a.r.body.errors[0]?.code, 'resource_already_exists');
        }
      }
      for (const a of answers.filter((x) => x.externalId.startsWith('free-'))) assert.equal(a.r.status, 201, a.r.text);
      const total = await assertNoPartialSignup(store, partnerId);
      assert.equal(total, contested.length + requests.length);
    });

    test('a server killed (SIGKILL) while committing signups lost none it acknowledged, and left none half written', async () => {
      const [server] = servers;
      assert.ok(server);
      const { token, partnerId } = await partnerToken(store, server.url);
      const acknowledged: string[] = [];
      let killed = false;
      let sent = 0;
      // 24 requests in flight at all times, so that the kill lands while batches are being written and committed.
      const lane = async (): Promise<void> => {
        while (!killed) {
          sent++;
          try {
            const res: Answer<SignupAnswer> = await call<SignupAnswer>(server.url, 'POST', '/partner/v2/signup', { token, json: signupBody() });
            if (res.status === 201) acknowledged.push(res.body.organization_id);
            else assert.fail(`signup answered ${res.status}: ${res.text}`);
          } catch (error) {
            if (!killed) throw error;
          }
        }
      };
      const lanes = Array.from({ length: 24 }, () => lane());
      while (acknowledged.length < 300) await new Promise((done) => setTimeout(done, 5));
      // Listen before the kill: the exit may come while the lanes are still settling.
      const exited = new Promise((done) => server.child.once('exit', done));
      server.child.kill('SIGKILL');
      killed = true;
      await Promise.all(lanes);
      await exited;

      const present = new Set(
        (await store.db.selectFrom('organizations').select('id').where('created_by', '=', partnerId).execute()).map((o) => o.id),
      );
      const lost = acknowledged.filter((id) => !present.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged signups are missing after the kill`);
      const total = await assertNoPartialSignup(store, partnerId);
      assert.ok(total >= acknowledged.length && total <= sent, `${total} signups stored for ${acknowledged.length} acknowledged, ${sent} sent`);
    });
  });
}
