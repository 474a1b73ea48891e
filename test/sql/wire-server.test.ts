import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { startWireServer, type WireServer } from '../../src/sql/wire-server.js';
import { BIN, ensureBuilt, ROOT, shellEnv } from '../helpers/cli.js';
import { entitlementDetails, signupBody } from '../helpers/fixtures.js';
import { describeEachDialect } from '../helpers/server.js';

const PSQL = '/usr/bin/psql';

interface PgError extends Error {
  code?: string;
  severity?: string;
}

async function pgError(promise: Promise<unknown>): Promise<PgError> {
  try {
    await promise;
  } catch (error) {
    return error as PgError;
  }
  assert.fail('expected a PostgreSQL error');
}

function psql(port: number, user: string, password: string, command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(PSQL, ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'signups', '-X', '-c', command], { env: { ...shellEnv(), PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describeEachDialect('signups srv: the SQL front end over the PostgreSQL wire protocol', (server) => {
  let wire: WireServer;
  let login: WireServer;
  let client: { id: string; secret: string };
  let db: pg.Client;

  before(async () => {
    client = await server().client();
    // Credentials from the flags, as `srv --client-id --client-secret` has them; and one that asks for a login.
    wire = await startWireServer({ host: '127.0.0.1', port: 0, runner: { server: server().url, clientId: client.id, clientSecret: client.secret, vars: {} } });
    login = await startWireServer({ host: '127.0.0.1', port: 0, runner: { server: server().url, vars: {} } });
    db = new pg.Client({ host: '127.0.0.1', port: wire.port, user: 'anyone', database: 'signups' });
    await db.connect();
  });
  after(async () => {
    await db?.end();
    await wire?.close();
    await login?.close();
  });

  test('SELECT, SHOW and DESCRIBE over the simple query protocol, with typed columns', async () => {
    const body = signupBody();
    const signed = await db.query(`EXEC confluent.partner.signups.signup @@json='${JSON.stringify(body)}'`);
    const organizationId = signed.rows[0]?.organization_id as string;
    assert.ok(organizationId);
    const listed = await db.query(`SELECT id, external_id, organization FROM confluent.partner.entitlements WHERE organization.id = '${organizationId}'`);
    assert.deepEqual(listed.fields.map((f) => [f.name, f.dataTypeID]), [['id', 25], ['external_id', 25], ['organization', 114]]);
    assert.equal(listed.rows.length, 1);
    assert.equal(listed.rows[0]?.external_id, body.entitlement.external_id);
    // json columns arrive as JSON and the driver parses them.
    assert.equal((listed.rows[0]?.organization as { id: string }).id, organizationId);
    const count = await db.query('SELECT COUNT(*) AS n FROM confluent.partner.entitlements');
    assert.equal(count.fields[0]?.dataTypeID, 20);
    assert.ok(Number(count.rows[0]?.n) >= 1);
    const services = await db.query('SHOW SERVICES IN confluent');
    assert.deepEqual(services.rows.map((r) => r.name), ['partner']);
    const described = await db.query('DESCRIBE confluent.partner.entitlements');
    assert.ok(described.rows.some((r) => r.name === 'external_id' && r.type === 'string'));
  });

  test('the extended protocol: parameters bound as $1, a prepared statement run twice, INSERT', async () => {
    const details = entitlementDetails();
    const inserted = await db.query({
      text: 'INSERT INTO confluent.partner.entitlements (external_id, name, plan_id, product_id) SELECT $1, $2, $3, $4',
      values: [details.external_id, details.name, details.plan_id, details.product_id],
    });
    assert.deepEqual(inserted.rows, [{ message: 'The operation was despatched successfully' }]);
    const [created] = (await db.query({ text: 'SELECT id FROM confluent.partner.entitlements WHERE external_id = $1', values: [details.external_id] })).rows;
    assert.ok(created?.id);
    for (let i = 0; i < 2; i++) {
      const got = await db.query({ name: 'by-id', text: 'SELECT external_id, name FROM confluent.partner.entitlements WHERE id = $1', values: [created.id] });
      assert.deepEqual(got.rows, [{ external_id: details.external_id, name: details.name }]);
    }
    const dryRun = await db.query({ text: 'EXEC confluent.partner.signups.signup @dry_run=$1 @@json=$2', values: ['true', JSON.stringify(signupBody())] });
    assert.ok(dryRun.rows[0]?.organization_id);
  });

  test('syntax and API errors come back as PostgreSQL errors with a SQLSTATE and the message exec prints; the connection goes on', async () => {
    const syntax = await pgError(db.query('SELECT id FROM confluent.partner.entitlements WHERE = 1'));
    assert.equal(syntax.code, '42601');
    assert.equal(syntax.message, "syntax error at line 1, column 53 near '=': expected an expression");
    const missing = await pgError(db.query('SELECT * FROM confluent.partner.nothing'));
    assert.equal(missing.code, '42P01');
    const body = signupBody();
    await db.query(`EXEC confluent.partner.signups.signup @@json='${JSON.stringify(body)}'`);
    const conflict = await pgError(db.query({ text: 'EXEC confluent.partner.signups.signup @@json=$1', values: [JSON.stringify(body)] }));
    assert.equal(conflict.code, '23505');
    assert.match(conflict.message, /^POST \/partner\/v2\/signup failed with 409: \{"errors":\[\{.*"resource_already_exists"/);
    assert.equal((await db.query('SHOW PROVIDERS')).rows.length, 2);
  });

  test("the login's user name and password are a client id and secret", async () => {
    const own = new pg.Client({ host: '127.0.0.1', port: login.port, user: client.id, password: client.secret, database: 'signups' });
    await own.connect();
    try {
      assert.equal((await own.query('SELECT id FROM confluent.partner.organizations')).fields[0]?.name, 'id');
    } finally {
      await own.end();
    }
    const wrong = new pg.Client({ host: '127.0.0.1', port: login.port, user: client.id, password: 'wrong', database: 'signups' });
    await wrong.connect();
    try {
      const refused = await pgError(wrong.query('SELECT id FROM confluent.partner.organizations'));
      assert.equal(refused.code, '28P01');
      assert.match(refused.message, /token request to .*\/oauth2\/token failed with 401/);
    } finally {
      await wrong.end();
    }
  });

  test('psql runs a query and prints the table; an error is psql\'s ERROR line and exit status', { skip: !existsSync(PSQL) && 'no /usr/bin/psql' }, async () => {
    const d = entitlementDetails(`psql-${server().dialect}`);
    const created = await db.query(`INSERT INTO confluent.partner.entitlements (external_id, name, plan_id, product_id) SELECT '${d.external_id}', '${d.name}', '${d.plan_id}', '${d.product_id}'`);
    assert.equal(created.rows.length, 1);
    const run = await psql(login.port, client.id, client.secret, 'SELECT id, external_id FROM confluent.partner.entitlements');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^\s+id\s+\|\s+external_id\s*\n-+\+-+\n/);
    assert.match(run.stdout, new RegExp(`\\| psql-${server().dialect}\\n`));
    assert.match(run.stdout, /\(\d+ rows?\)\n+$/);
    const bad = await psql(login.port, client.id, client.secret, 'SELEC 1');
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /ERROR: {2}syntax error at line 1, column 1/);
  });

  test('the real CLI: signups srv --port 0 prints where it listens and serves until SIGTERM', async () => {
    await ensureBuilt();
    const child = spawn(process.execPath, [BIN, 'srv', '--port', '0', '--server', server().url, '--client-id', client.id, '--client-secret', client.secret], {
      cwd: ROOT,
      env: shellEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          out += c;
          const m = /listening on postgres:\/\/127\.0\.0\.1:(\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        child.once('exit', (code) => reject(new Error(`srv exited ${code}: ${out}`)));
      });
      const viaCli = new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'signups' });
      await viaCli.connect();
      assert.ok((await viaCli.query('SHOW METHODS IN confluent.partner.signups')).rows.some((r) => r.MethodName === 'signup'));
      await viaCli.end();
    } finally {
      const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });
});
