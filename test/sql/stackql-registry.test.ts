import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Rows } from '../../src/sql/evaluate.js';
import { format } from '../../src/sql/output.js';
import { parseAuthFlag } from '../../src/sql/provider-auth.js';
import { Runner, type RunnerOptions } from '../../src/sql/runner.js';
import type { Result } from '../../src/sql/session.js';
import { parseRegistryFlag } from '../../src/sql/registry-flag.js';
import { renderTemplate } from '../../src/sql/template.js';
import { entitlementDetails, signupBody, user } from '../helpers/fixtures.js';
import { describeEachDialect } from '../helpers/server.js';
import { signups } from './cli-runner.js';
import { registryFlag, writeStackqlRegistry } from './stackql-registry-fixture.js';

const AUTH_VARS = ['CONFLUENT_CLOUD_API_KEY', 'CONFLUENT_CLOUD_API_SECRET', 'MY_KEY', 'MY_SECRET', 'MY_CREDS', 'MY_TOKEN'];

let dir: string;
let root: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'signups-stackql-'));
  root = join(dir, 'registry');
  writeStackqlRegistry(root);
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const name of AUTH_VARS) delete process.env[name];
});

/** Sets these variables (and clears the others of AUTH_VARS) for one block. */
function withEnv(vars: Record<string, string>): void {
  for (const name of AUTH_VARS) delete process.env[name];
  Object.assign(process.env, vars);
}

function rows(result: Result | undefined): Rows {
  assert.ok(result && 'rows' in result, JSON.stringify(result));
  return result;
}

async function run(options: Partial<RunnerOptions>, text: string): Promise<Result[]> {
  const runner = new Runner({ output: { format: 'json' }, vars: {}, registryRoot: root, ...options });
  return runner.results(text);
}

async function one(options: Partial<RunnerOptions>, text: string): Promise<Rows> {
  const [result] = await run(options, text);
  return rows(result);
}

describe("a registry in StackQL's layout", () => {
  test('--registry takes StackQL\'s JSON: localDocRoot, or the path of a file:// url', () => {
    assert.equal(parseRegistryFlag(registryFlag(root)), root);
    assert.equal(parseRegistryFlag(JSON.stringify({ url: `file://${root}` })), root);
    assert.throws(() => parseRegistryFlag('{"url": "https://registry.stackql.app/providers"}'), /only a local registry/);
    assert.throws(() => parseRegistryFlag('{url:'), /--registry must be JSON/);
  });

  test('SHOW and DESCRIBE read only the documents they need: an unreadable service is never read until named', async () => {
    const options = { server: 'http://127.0.0.1:9' };
    assert.deepEqual((await one(options, 'SHOW PROVIDERS')).rows, [{ name: 'confluent', version: 'v00.00.00000' }]);
    assert.deepEqual((await one(options, 'SHOW SERVICES IN confluent')).rows, [
      { id: 'billing:v00.00.00000', name: 'billing', title: 'billing API' },
      { id: 'partner:v00.00.00000', name: 'partner', title: 'partner API' },
    ]);
    assert.deepEqual((await one(options, 'SHOW RESOURCES IN confluent.partner')).rows.map((r) => r.name), ['entitlements', 'organizations', 'signups']);
    assert.deepEqual((await one(options, 'SHOW METHODS IN confluent.partner.entitlements')).rows, [
      { MethodName: 'list_partner_v2_entitlements', RequiredParams: '', SQLVerb: 'SELECT' },
      { MethodName: 'get_partner_v2_entitlement', RequiredParams: 'id', SQLVerb: 'SELECT' },
      { MethodName: 'create_partner_v2_entitlement', RequiredParams: 'external_id, name, plan_id, product_id', SQLVerb: 'INSERT' },
    ].sort((a, b) => ['SELECT', 'INSERT'].indexOf(a.SQLVerb) - ['SELECT', 'INSERT'].indexOf(b.SQLVerb)));
    const methods = (await one(options, 'SHOW METHODS IN confluent.partner.signups')).rows;
    assert.deepEqual(methods.map((m) => [m.MethodName, m.SQLVerb]), [['signup', 'EXEC'], ['activate_signup', 'EXEC'], ['signup_partner_v2_link', 'EXEC']]);
    const columns = (await one(options, 'DESCRIBE confluent.partner.entitlements')).rows.map((r) => r.name);
    for (const name of ['id', 'external_id', 'name', 'plan_id', 'product_id', 'organization']) assert.ok(columns.includes(name), name);
    await assert.rejects(run(options, 'SHOW RESOURCES IN confluent.billing'), /billing\.yaml/);
  });
});

describeEachDialect("StackQL's Confluent provider layout driving a Signups server", (server) => {
  test('--server, and the provider\'s own config.auth (basic from CONFLUENT_CLOUD_API_KEY/SECRET): EXEC, INSERT, SELECT', async () => {
    const s = server();
    const client = await s.client();
    withEnv({ CONFLUENT_CLOUD_API_KEY: client.id, CONFLUENT_CLOUD_API_SECRET: client.secret });
    const options = { server: s.url };
    const body = signupBody({ withUser: false });
    const [signed] = (await one(options, `EXEC confluent.partner.signups.signup @@json='${JSON.stringify(body).replace(/'/g, "''")}'`)).rows;
    const organizationId = String(signed?.organization_id);
    assert.ok(organizationId);
    const activated = (await one(options, `EXEC confluent.partner.signups.activate_signup @@json='${JSON.stringify({ organization_id: organizationId, user: user() })}'`)).rows;
    assert.equal(activated.length, 1);
    const listed = (await one(options, `SELECT id, external_id FROM confluent.partner.entitlements WHERE organization.id = '${organizationId}'`)).rows;
    assert.deepEqual(listed.map((r) => r.external_id), [body.entitlement.external_id]);
    const byId = (await one(options, `SELECT external_id, organization FROM confluent.partner.entitlements WHERE id = '${String(listed[0]?.id)}'`)).rows;
    assert.deepEqual(byId.map((r) => r.external_id), [body.entitlement.external_id]);
    const details = entitlementDetails();
    const inserted = await run(options, `INSERT INTO confluent.partner.entitlements (external_id, name, plan_id, product_id) SELECT '${details.external_id}', '${details.name}', '${details.plan_id}', '${details.product_id}'`);
    assert.deepEqual(inserted, [{ message: 'The operation was despatched successfully' }]);
    const all = (await one(options, 'SELECT external_id FROM confluent.partner.entitlements')).rows.map((r) => r.external_id);
    assert.ok(all.includes(details.external_id));
    const organizations = (await one(options, `SELECT id FROM confluent.partner.organizations WHERE id = '${organizationId}'`)).rows;
    assert.deepEqual(organizations, [{ id: organizationId }]);
  });

  test("without --server the documents' own servers are used", async () => {
    const s = server();
    const client = await s.client();
    const local = join(dir, `local-${s.dialect}`);
    writeStackqlRegistry(local, s.url);
    withEnv({ CONFLUENT_CLOUD_API_KEY: client.id, CONFLUENT_CLOUD_API_SECRET: client.secret });
    assert.deepEqual((await one({ registryRoot: local }, 'SELECT id FROM confluent.partner.organizations')).rows, []);
    // The document as StackQL ships it names the vendor; --server points the same provider at us.
    assert.equal((await one({ server: s.url }, 'SELECT id FROM confluent.partner.organizations')).rows.length, 0);
  });

  test("--auth in StackQL's forms: basic (two variables, or one credentialsenvvar), bearer, oauth2 client credentials", async () => {
    const s = server();
    const client = await s.client();
    const token = await s.token();
    const options = (auth: string) => ({ server: s.url, auth: parseAuthFlag(auth) });
    const select = 'SELECT id FROM confluent.partner.organizations';
    withEnv({ MY_KEY: client.id, MY_SECRET: client.secret });
    assert.deepEqual((await one(options('{"confluent": {"type": "basic", "username_var": "MY_KEY", "password_var": "MY_SECRET"}}'), select)).rows, []);
    withEnv({ MY_CREDS: Buffer.from(`${client.id}:${client.secret}`).toString('base64') });
    assert.deepEqual((await one(options('{"confluent": {"type": "basic", "credentialsenvvar": "MY_CREDS"}}'), select)).rows, []);
    withEnv({ MY_CREDS: `${client.id}:${client.secret}` });
    assert.deepEqual((await one(options('{"confluent": {"type": "basic", "credentialsenvvar": "MY_CREDS"}}'), select)).rows, []);
    withEnv({ MY_TOKEN: token });
    assert.deepEqual((await one(options('{"confluent": {"type": "bearer", "credentialsenvvar": "MY_TOKEN"}}'), select)).rows, []);
    withEnv({ MY_KEY: client.id, MY_SECRET: client.secret });
    const oauth2 = options(JSON.stringify({
      confluent: { type: 'oauth2', grant_type: 'client_credentials', client_id_env_var: 'MY_KEY', client_secret_env_var: 'MY_SECRET', token_url: `${s.url}/oauth2/token`, scopes: ['partner:describe'] },
    }));
    assert.deepEqual((await one(oauth2, select)).rows, []);
    // The token carries only the scope asked for: a write is refused.
    const details = entitlementDetails();
    await assert.rejects(
      run(oauth2, `INSERT INTO confluent.partner.entitlements (external_id, name, plan_id, product_id) SELECT '${details.external_id}', 'n', 'p', 'q'`),
      /POST \/partner\/v2\/entitlements failed with 403: .*user_unauthorized/,
    );
  });

  test('missing or wrong credentials: one clear error, and the API\'s 401', async () => {
    const s = server();
    const client = await s.client();
    const select = 'SELECT id FROM confluent.partner.organizations';
    withEnv({});
    await assert.rejects(run({ server: s.url }, select), /GET \/partner\/v2\/organizations failed with 401: .*user_unauthenticated/);
    await assert.rejects(
      run({ server: s.url, auth: parseAuthFlag('{"confluent": {"type": "basic", "username_var": "MY_KEY", "password_var": "MY_SECRET"}}') }, select),
      { message: 'auth for confluent: the environment variable MY_KEY (username_var) is not set' },
    );
    withEnv({ MY_KEY: client.id, MY_SECRET: 'wrong' });
    await assert.rejects(
      run({ server: s.url, auth: parseAuthFlag('{"confluent": {"type": "basic", "username_var": "MY_KEY", "password_var": "MY_SECRET"}}') }, select),
      /failed with 401/,
    );
    assert.throws(() => parseAuthFlag('{"confluent": {"type": "kerberos"}}'), /"type" must be one of basic, bearer, api_key, oauth2, null_auth/);
    assert.throws(() => parseAuthFlag('not json'), /--auth must be JSON/);
  });

  test('the command line: exec --registry --auth --server with -o jsonl', async () => {
    const s = server();
    const client = await s.client();
    const auth = JSON.stringify({ confluent: { type: 'basic', username_var: 'MY_KEY', password_var: 'MY_SECRET' } });
    const body = signupBody();
    const created = await signups(
      ['exec', '--registry', registryFlag(root), '--auth', auth, '--server', s.url, '-o', 'jsonl',
        `EXEC confluent.partner.signups.signup @@json='${JSON.stringify(body)}'; SELECT external_id FROM confluent.partner.entitlements`],
      { env: { MY_KEY: client.id, MY_SECRET: client.secret } },
    );
    assert.equal(created.code, 0, created.stderr);
    const lines = created.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 2);
    assert.ok(lines[0]?.organization_id);
    assert.deepEqual(lines[1], { external_id: body.entitlement.external_id });
  });
});

describe('output and templates', () => {
  test('-o jsonl prints one object per row; a message as an object too', () => {
    const result = { columns: ['id', 'tags'], rows: [{ id: 'a', tags: { x: 1 } }, { id: 'b' }] };
    assert.equal(format(result, { format: 'jsonl' }), '{"id":"a","tags":{"x":1}}\n{"id":"b","tags":null}\n');
    assert.equal(format({ columns: ['id'], rows: [] }, { format: 'jsonl' }), '');
    assert.equal(format({ message: 'done' }, { format: 'jsonl' }), '{"message":"done"}\n');
  });

  test('{{ .name }} is filled as {{ name }} is', () => {
    assert.equal(renderTemplate("SELECT * FROM t WHERE a = '{{ .org }}' AND b = '{{org}}'", { org: 'x' }), "SELECT * FROM t WHERE a = 'x' AND b = 'x'");
  });
});
