import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LinkTokens } from '../../src/identity/link-tokens.js';
import { getOrCreateSecret } from '../../src/store/settings.js';
import { entitlementDetails, signupBody, ssoConfig, user } from '../helpers/fixtures.js';
import { call } from '../helpers/http.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { jsonOutput, ok, type Run, signups } from './cli-runner.js';

/** The EXEC statement of confluent.partner.signups' documentation, templates and all. */
const SEED_SIGNUP = `EXEC confluent.partner.signups.signup
@dry_run={{ dry_run }}
@@json=
'{
"organization": "{{ organization }}",
"user": "{{ user }}",
"entitlement": "{{ entitlement }}"
}'
;
`;

interface ListBody<T> {
  data: T[];
  metadata: { next?: string | null; total_size?: number };
}

interface Entitlement {
  id: string;
  external_id: string;
  name: string;
  organization?: { id: string };
  [key: string]: unknown;
}

let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'signups-sql-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function oneLineError(run: Run): string {
  assert.notEqual(run.code, 0, `expected a failure, got: ${run.stdout}`);
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, `one line: ${run.stderr}`);
  return run.stderr.trim();
}

/** GET a partner list through the API, following metadata.next to the end. */
async function listAll<T>(s: TestServer, token: string, path: string): Promise<T[]> {
  const out: T[] = [];
  let next: string | null | undefined = path;
  while (next) {
    const url: URL = new URL(next, s.url);
    const answer: Awaited<ReturnType<typeof call<ListBody<T>>>> = await call<ListBody<T>>(s, 'GET', `${url.pathname}${url.search}`, { token });
    assert.equal(answer.status, 200, answer.text);
    out.push(...answer.body.data);
    next = answer.body.metadata.next;
  }
  return out;
}

describeEachDialect('SQL front end end to end', (server) => {
  let auth: string[];
  let token: string;

  before(async () => {
    const client = await server().client();
    auth = ['--server', server().url, '--client-id', client.id, '--client-secret', client.secret];
    // The same partner through the API: partners see only what they signed up.
    const issued = await call<{ access_token: string }>(server(), 'POST', '/oauth2/token', {
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(issued.status, 200, issued.text);
    token = issued.body.access_token;
  });

  const exec = (query: string, ...flags: string[]) => signups(['exec', query, ...auth, ...flags]);

  test('the documented EXEC signup runs as written once its templates are filled; GET shows the organization', async () => {
    const file = join(dir, `signup-${server().dialect}.iql`);
    writeFileSync(file, SEED_SIGNUP);
    const body = signupBody({ name: 'Seeded Org' });
    const vars = [
      '--var', 'dry_run=false',
      '--var', `organization=${JSON.stringify(body.organization)}`,
      '--var', `user=${JSON.stringify(body.user)}`,
      '--var', `entitlement=${JSON.stringify(body.entitlement)}`,
    ];
    const [answer] = jsonOutput<Array<{ organization_id: string; sso_url: string }>>(await signups(['exec', '-i', file, ...auth, ...vars, '-o', 'json']));
    assert.ok(answer?.organization_id);
    const org = await call<{ id: string; name: string; sso_url: string }>(server(), 'GET', `/partner/v2/organizations/${answer.organization_id}`, { token });
    assert.equal(org.status, 200, org.text);
    assert.equal(org.body.name, 'Seeded Org');
    assert.equal(org.body.sso_url, answer.sso_url);
    // With dry_run=true every check runs and nothing is written: the same external_id is refused only for real.
    const again = await signups(['exec', '-i', file, ...auth, ...vars.map((v) => (v === 'dry_run=false' ? 'dry_run=true' : v))]);
    assert.match(oneLineError(again), /POST \/partner\/v2\/signup\?dry_run=true failed with 409: \{"errors":\[\{.*"resource_already_exists"/);
  });

  test('--dryrun prints the rendered query and sends nothing (the server need not exist)', async () => {
    const run = await signups(['exec', SEED_SIGNUP, '--server', 'http://127.0.0.1:9', '--dryrun',
      '--var', 'dry_run=true', '--var', 'organization={"name":"O\'Neil"}', '--var', 'user={}', '--var', 'entitlement=[]']);
    assert.equal(ok(run), `${SEED_SIGNUP.replace('{{ dry_run }}', 'true').replace('"{{ organization }}"', '{"name":"O\'\'Neil"}').replace('"{{ user }}"', '{}').replace('"{{ entitlement }}"', '[]').trimEnd()}\n`);
  });

  test('SELECT from entitlements equals GET /partner/v2/entitlements followed to the end', async () => {
    for (let i = 0; i < 23; i++) {
      const created = await call(server(), 'POST', '/partner/v2/entitlements', { token, json: entitlementDetails(`sel-${i}-${server().dialect}`) });
      assert.equal(created.status, 201, created.text);
    }
    const overHttp = await listAll<Entitlement>(server(), token, '/partner/v2/entitlements');
    assert.ok(overHttp.length >= 23);
    const overSql = jsonOutput<Entitlement[]>(await exec('SELECT id, external_id, name FROM confluent.partner.entitlements', '-o', 'json'));
    assert.deepEqual(overSql, overHttp.map((e) => ({ id: e.id, external_id: e.external_id, name: e.name })));
    const count = ok(await exec('SELECT COUNT(*) AS n FROM confluent.partner.entitlements', '-o', 'csv', '-H'));
    assert.equal(count, `${overHttp.length}\n`);
    const filtered = ok(await exec("SELECT external_id FROM confluent.partner.entitlements WHERE external_id LIKE 'sel-1%' ORDER BY external_id DESC LIMIT 3", '-o', 'text', '-H'));
    const expected = overHttp.map((e) => e.external_id).filter((x) => x.startsWith('sel-1')).sort().reverse().slice(0, 3);
    assert.equal(filtered, `${expected.join('\n')}\n`);
  });

  test('SELECT ... WHERE id = and organization.id = use the get and list operations', async () => {
    const signup = await call<{ organization_id: string }>(server(), 'POST', '/partner/v2/signup', { token, json: signupBody() });
    assert.equal(signup.status, 201, signup.text);
    const org = signup.body.organization_id;
    const [fromList] = await listAll<Entitlement>(server(), token, `/partner/v2/entitlements?organization.id=${org}`);
    assert.ok(fromList);
    const byOrg = jsonOutput<Entitlement[]>(await exec(`SELECT * FROM confluent.partner.entitlements WHERE organization.id = '${org}'`, '-o', 'json'));
    assert.equal(byOrg.length, 1);
    const got = await call<Entitlement>(server(), 'GET', `/partner/v2/entitlements/${fromList.id}`, { token });
    for (const [key, value] of Object.entries(got.body)) assert.deepEqual(byOrg[0]?.[key], value, key);
    const byId = jsonOutput<unknown>(await exec(`SELECT id, organization FROM confluent.partner.entitlements WHERE id = '${fromList.id}'`, '-o', 'json'));
    assert.deepEqual(byId, [{ id: got.body.id, organization: got.body.organization }]);
    const orgRows = jsonOutput<unknown>(await exec(`SELECT id, name, sso_config FROM confluent.partner.organizations WHERE id = '${org}'`, '-o', 'json'));
    const orgHttp = await call<{ id: string; name: string; sso_config: unknown }>(server(), 'GET', `/partner/v2/organizations/${org}`, { token });
    assert.deepEqual(orgRows, [{ id: orgHttp.body.id, name: orgHttp.body.name, sso_config: orgHttp.body.sso_config }]);
    const missing = await exec("SELECT * FROM confluent.partner.entitlements WHERE id = 'ent-missing'");
    assert.match(oneLineError(missing), /GET \/partner\/v2\/entitlements\/ent-missing failed with 404: .*"The entitlement 'ent-missing' was not found"/);
  });

  test('INSERT ... VALUES ... RETURNING creates what GET then reads', async () => {
    const ext = `ins-${server().dialect}`;
    const run = await exec(
      `INSERT INTO confluent.partner.entitlements (external_id, name, plan_id, product_id, usage_reporting_id)
       VALUES ('${ext}', 'Inserted', 'confluent-cloud-payg-prod', 'confluent-cloud-kafka-service-azure', 'usage-1')
       RETURNING id, external_id, usage_reporting_id`,
      '-o', 'json',
    );
    const [row] = jsonOutput<Entitlement[]>(run);
    assert.equal(row?.external_id, ext);
    const got = await call<Entitlement>(server(), 'GET', `/partner/v2/entitlements/${row?.id}`, { token });
    assert.equal(got.status, 200);
    assert.deepEqual({ id: got.body.id, external_id: got.body.external_id, usage_reporting_id: got.body.usage_reporting_id }, row);
    const plain = await exec(`INSERT INTO confluent.partner.entitlements (external_id, name, plan_id, product_id) SELECT '${ext}-2', 'Second', 'confluent-cloud-payg-prod', 'confluent-cloud-kafka-service-azure'`);
    assert.equal(ok(plain), 'The operation was despatched successfully\n');
    const duplicate = await exec(`INSERT INTO confluent.partner.entitlements (external_id, name, plan_id, product_id) VALUES ('${ext}', 'Again', 'confluent-cloud-payg-prod', 'confluent-cloud-kafka-service-azure')`);
    assert.match(oneLineError(duplicate), /failed with 409: .*already exists/);
  });

  test('EXEC activate_signup and signup_partner_v2_link with @@json', async () => {
    const incomplete = await call<{ organization_id: string }>(server(), 'POST', '/partner/v2/signup', { token, json: signupBody({ withUser: false }) });
    assert.equal(incomplete.status, 201, incomplete.text);
    const org = incomplete.body.organization_id;
    const activate = `EXEC confluent.partner.signups.activate_signup @@json = '${JSON.stringify({ user: user(), organization_id: org })}'`;
    const [activated] = jsonOutput<Array<{ organization_id: string }>>(await exec(activate, '-o', 'json'));
    assert.equal(activated?.organization_id, org);
    assert.match(oneLineError(await exec(activate)), /POST \/partner\/v2\/signup\/activate failed with 409: \{"errors":/);

    const key = await getOrCreateSecret(server().store.db, 'link_token_key');
    const linkToken = await new LinkTokens(key, server().clock).issue({ organizationId: org, partnerId: null }, 3600);
    const payload = JSON.stringify({ token: linkToken, organization: { sso_config: ssoConfig() }, entitlement: entitlementDetails() });
    const [linked] = jsonOutput<Array<{ organization_id: string }>>(await exec(`EXEC confluent.partner.signups.signup_partner_v2_link @dry_run = false @@json = '${payload}'`, '-o', 'json'));
    assert.equal(linked?.organization_id, org);
    const entitlements = await listAll<Entitlement>(server(), token, `/partner/v2/entitlements?organization.id=${org}`);
    assert.equal(entitlements.length, 2);
  });

  test('errors are one line with a non-zero exit: positions, missing parameters, StackQL messages, the API\'s own body', async () => {
    assert.equal(oneLineError(await exec('SELECT id FROM confluent.partner.entitlements WHERE')), 'signups: syntax error at line 1, column 52 at end of input: expected an expression');
    assert.equal(
      oneLineError(await exec('SELECT * FROM confluent.partner.signups')),
      'signups: SELECT not supported for this resource, use SHOW METHODS to view available operations for the resource and then invoke a supported method using the EXEC command',
    );
    assert.equal(oneLineError(await exec('EXEC confluent.partner.entitlements.get_partner_v2_entitlement')), "signups: required param not supplied for exec: could not find variable 'id'");
    assert.equal(
      oneLineError(await exec("INSERT INTO confluent.partner.entitlements (name, plan_id) VALUES ('a', 'b')")),
      'signups: query cannot be executed, missing required parameters: { external_id, product_id }',
    );
    assert.equal(
      oneLineError(await exec(`EXEC confluent.partner.signups.signup @@json = '{"organization": {}}'`)),
      'signups: required elements not included in suplied object; the following keys are missing: entitlement.',
    );
    const invalid = await exec(`EXEC confluent.partner.signups.signup @@json = '${JSON.stringify(signupBody({ name: 'bad<name' }))}'`);
    assert.match(oneLineError(invalid), /failed with 400: \{"errors":\[\{.*"pointer":"\/organization\/name"/);
    const badSecret = await signups(['exec', 'SELECT id FROM confluent.partner.organizations', '--server', server().url, '--client-id', 'nobody', '--client-secret', 'wrong']);
    assert.match(oneLineError(badSecret), /token request to .*\/oauth2\/token failed with 401: \{"error":"invalid_client"/);
    const noToken = await signups(['exec', 'SELECT id FROM confluent.partner.organizations', '--server', server().url]);
    assert.match(oneLineError(noToken), /GET \/partner\/v2\/organizations failed with 401: \{"errors":/);
  });

  test('--token, SIGNUPS_* variables, -f FILE and csv output', async () => {
    const viaToken = await signups(['exec', 'SELECT COUNT(*) AS n FROM confluent.partner.organizations', '--server', server().url, '--token', token, '-o', 'csv']);
    const client = await server().client();
    const viaEnv = await signups(['exec', 'SELECT COUNT(*) AS n FROM confluent.partner.organizations', '-o', 'csv'], {
      env: { SIGNUPS_SERVER: server().url, SIGNUPS_CLIENT_ID: client.id, SIGNUPS_CLIENT_SECRET: client.secret },
    });
    // Each client sees only the organizations it signed up: the fresh client sees none.
    assert.match(ok(viaToken), /^n\n\d+\n$/);
    assert.equal(ok(viaEnv), 'n\n0\n');
    const out = join(dir, `methods-${server().dialect}.csv`);
    assert.equal(ok(await exec('SHOW METHODS IN confluent.partner.entitlements', '-o', 'csv', '-f', out)), '');
    assert.equal(readFileSync(out, 'utf8'), [
      'MethodName,RequiredParams,SQLVerb',
      'list_partner_v2_entitlements,,SELECT',
      'get_partner_v2_entitlement,id,SELECT',
      'create_partner_v2_entitlement,"external_id, name, plan_id, product_id",INSERT',
      '',
    ].join('\n'));
  });

  test('the interactive shell runs multi-line statements ended by ;', async () => {
    const input = [
      'SHOW SERVICES',
      '  IN confluent;',
      "SELECT COUNT(*) AS n FROM confluent.partner.entitlements WHERE name = 'no such';",
      'SELEC 1;',
      'SHOW RESOURCES IN confluent.partner',
      "LIKE 'sign%'; exit",
      'exit',
    ].join('\n');
    const run = await signups(['sql', ...auth, '-o', 'csv'], { input: `${input}\n` });
    assert.equal(run.stdout, 'id,name,title\npartner:2.0.0,partner,Partner API (partner/v2)\nn\n0\nname,id\nsignups,confluent.partner.signups\n');
    assert.equal(run.stderr, "error: syntax error at line 1, column 1 near 'SELEC': expected a statement (SELECT, SHOW, DESCRIBE, EXEC, INSERT, UPDATE, REPLACE, DELETE)\n");
    assert.equal(run.code, 1, 'a failed statement makes a piped session exit non-zero');
  });
});
