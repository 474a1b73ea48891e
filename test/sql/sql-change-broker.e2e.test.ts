import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { configFromEnv } from '../../src/config/server-config.js';
import { describeEachDialect } from '../helpers/server.js';
import { activeSignup, addStream, api, newSpace, runJobs, type Signup, type Space, type Updates, writeChange } from '../change-broker/support.js';
import { jsonOutput, ok, signups } from './cli-runner.js';

const PAGE = 3;
const base = configFromEnv({});

// Small pages of updates, so that reading them follows several bookmarks.
describeEachDialect(
  'SQL over the Change Broker end to end',
  (server) => {
    let space: Space;
    let where: string;
    const exec = (query: string, ...flags: string[]) => signups(['exec', query, '--server', server().url, '--token', space.token, '-o', 'json', ...flags]);

    before(async () => {
      space = await newSpace(server());
      where = `tenantId = '${space.tenant}' AND namespaceId = '${space.ns}'`;
      for (const id of ['pump-1', 'pump-2']) await addStream(server(), space, id);
    });

    test('INSERT a signup, SELECT it by id and as a list (paged by skip) as GET shows them; REPLACE renames; DELETE removes', async () => {
      const [created] = jsonOutput<Signup[]>(await exec(
        `INSERT INTO aveva.change_broker.signups (tenantId, namespaceId, Name, ResourceType, ResourceIds)
         VALUES ('${space.tenant}', '${space.ns}', 'pumps', 'Stream', '["pump-1", "pump-2"]') RETURNING id, name, signupState`,
      ));
      assert.equal(created?.name, 'pumps');
      assert.equal(created?.signupState, 'Activating');
      await runJobs(server());
      const overHttp = await api<Signup>(server(), space, 'GET', `/signups/${created?.id}`);
      const [overSql] = jsonOutput<Signup[]>(await exec(`SELECT * FROM aveva.change_broker.signups WHERE ${where} AND signupId = '${created?.id}'`));
      assert.equal(overSql?.signupState, 'Active');
      assert.deepEqual({ ...overSql, lastAccessedDate: null, bookmark: null }, { ...overHttp.body, lastAccessedDate: null, bookmark: null });

      for (let i = 0; i < 4; i++) {
        const more = await api(server(), space, 'POST', '/signups', { Name: `more-${i}`, ResourceType: 'Stream', ResourceIds: ['pump-1'] });
        assert.equal(more.status, 202, more.text);
      }
      const listed = await api<{ signups: Signup[] }>(server(), space, 'GET', '/signups?count=1000');
      const paged = jsonOutput<Array<{ id: string; name: string }>>(await exec(`SELECT id, name FROM aveva.change_broker.signups WHERE ${where} AND count = 2`));
      assert.deepEqual(paged, listed.body.signups.map((s) => ({ id: s.id, name: s.name })));
      assert.equal(paged.length, 5);

      const resources = jsonOutput(await exec(`SELECT resourceId, isAccessible FROM aveva.change_broker.signup_resources WHERE ${where} AND signupId = '${created?.id}' ORDER BY resourceId`));
      const resourcesHttp = await api<{ resources: unknown[] }>(server(), space, 'GET', `/signups/${created?.id}/resources`);
      assert.deepEqual(resources, resourcesHttp.body.resources);

      const owner = jsonOutput(await exec(`EXEC aveva.change_broker.signups.get_signup_owner @tenantId = '${space.tenant}', @namespaceId = '${space.ns}', @signupId = '${created?.id}'`));
      const ownerHttp = await api(server(), space, 'GET', `/signups/${created?.id}/owner`);
      assert.deepEqual(owner, [ownerHttp.body]);

      ok(await exec(`REPLACE aveva.change_broker.signups SET Name = 'renamed' WHERE ${where} AND signupId = '${created?.id}'`));
      assert.equal((await api<Signup>(server(), space, 'GET', `/signups/${created?.id}`)).body.name, 'renamed');
      assert.equal(ok(await exec(`DELETE FROM aveva.change_broker.signups WHERE ${where} AND signupId = '${created?.id}'`)), '{"message":"The operation was despatched successfully"}\n');
      assert.equal((await api(server(), space, 'GET', `/signups/${created?.id}`)).status, 404);
    });

    test('SELECT from updates follows the bookmarks to the present, like GET Updates page by page', async () => {
      const signup = await activeSignup(server(), space, ['pump-1', 'pump-2']);
      for (let i = 0; i < 8; i++) await writeChange(server(), space, i % 2 ? 'pump-2' : 'pump-1', 'Insert', [{ Timestamp: `t${i}`, Value: i }]);
      const overHttp: Updates['data'] = [];
      for (let bookmark = signup.bookmark; ;) {
        const page = await api<Updates>(server(), space, 'GET', `/signups/${signup.id}/updates?bookmark=${bookmark}`);
        assert.equal(page.status, 200, page.text);
        assert.ok(page.body.data.length <= PAGE);
        if (page.body.data.length === 0) break;
        overHttp.push(...page.body.data);
        bookmark = page.body.bookmark;
      }
      assert.equal(overHttp.length, 8);
      const overSql = jsonOutput(await exec(`SELECT resourceId, operation, events FROM aveva.change_broker.updates WHERE ${where} AND signupId = '${signup.id}' AND bookmark = '${signup.bookmark}'`));
      assert.deepEqual(overSql, overHttp);
      const counted = jsonOutput(await exec(`SELECT COUNT(*) AS n FROM aveva.change_broker.updates WHERE ${where} AND signupId = '${signup.id}' AND bookmark = '${signup.bookmark}' AND resourceId = 'pump-2'`));
      assert.deepEqual(counted, [{ n: 4 }]);
    });

    test('missing parameters are named; the AVEVA error body is shown', async () => {
      const missing = await exec(`SELECT * FROM aveva.change_broker.updates WHERE ${where}`);
      assert.equal(missing.stderr, 'signups: query cannot be executed, missing required parameters: { signupId, bookmark }\n');
      const signup = await activeSignup(server(), space, ['pump-1']);
      const forged = await exec(`SELECT * FROM aveva.change_broker.updates WHERE ${where} AND signupId = '${signup.id}' AND bookmark = 'forged'`);
      assert.notEqual(forged.code, 0);
      assert.match(forged.stderr, /^signups: GET \/api\/v1\/tenants\/.+\/updates\?bookmark=forged failed with 400: \{"OperationId":"[^"]+","Error":.*"Reason":/);
      assert.equal(forged.stderr.trimEnd().split('\n').length, 1);
    });
  },
  { changeBroker: { ...base.changeBroker, updatesPageSize: PAGE } },
);
