import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BIN, ensureBuilt, ROOT, type Run, shellEnv } from '../helpers/cli.js';
import { call } from '../helpers/http.js';
import { entitlementDetails, signupBody, ssoConfig } from '../helpers/fixtures.js';

/** The user's shell environment, with the server's log quieted to warnings. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = shellEnv();
  env.SIGNUPS_LOG_LEVEL = 'warn';
  return env;
}

function signups(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(), timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

interface Served {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `signups serve` on a free port and reads the address it announces on stderr. */
async function serve(database: string): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--database', database], {
    cwd: ROOT,
    env: cleanEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    // A server that never announces must not outlive the test: it would hold the test file open forever.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not announce its address:\n${stderr}`));
    }, 60_000);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      const match = /listening on (http:\/\/[^\s]+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening:\n${stderr}`));
    });
  });
  return { child, url, exited };
}

async function tokenFor(url: string, client: { client_id: string; client_secret: string }): Promise<string> {
  const res = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('signups command line (SQLite)', () => {
  let dir: string;
  let database: string;
  let served: Served | undefined;

  before(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'signups-cli-'));
    database = `sqlite:${join(dir, 'x.db')}`;
  });

  after(async () => {
    if (served && served.child.exitCode === null && served.child.signalCode === null) {
      served.child.kill('SIGKILL');
      await served.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('clients create --json prints exactly client_id and client_secret', async () => {
    const run = await signups(['clients', 'create', '--database', database, '--name', 'p', '--scopes', 'partner:create partner:describe', '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.split('\n').filter((l) => l.length > 0).length, 1, run.stdout);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(printed).sort(), ['client_id', 'client_secret']);
    assert.equal(typeof printed.client_id, 'string');
    assert.equal(typeof printed.client_secret, 'string');
    assert.ok((printed.client_secret as string).length >= 20, 'a secret of some length');
    assert.equal(run.stderr, '');
  });

  test('clients create with an unknown scope fails with a one-line message before opening the database', async () => {
    const untouched = join(dir, 'untouched-clients.db');
    const run = await signups(['clients', 'create', '--database', `sqlite:${untouched}`, '--name', 'p', '--scopes', 'partner:create partner:admin', '--json']);
    assert.notEqual(run.code, 0);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const lines = run.stderr.split('\n').filter((l) => l.length > 0);
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0] ?? '', /^signups: .*unknown scope.*partner:admin/);
    assert.doesNotMatch(run.stderr, /\bat .*\.js:\d+/, 'no stack trace');
    assert.equal(existsSync(untouched), false, 'the scopes are checked before the database is opened');
  });

  test('serve, sign up with a created client, link with a link-token, and stop on SIGTERM', async () => {
    const created = await signups(['clients', 'create', '--database', database, '--name', 'p', '--scopes', 'partner:create partner:describe', '--json']);
    assert.equal(created.code, 0, created.stderr);
    const client = JSON.parse(created.stdout) as { client_id: string; client_secret: string };

    served = await serve(database);
    const { url } = served;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await call(url, 'GET', '/readyz');
    assert.equal(health.status, 200, health.text);
    assert.deepEqual(health.body, { status: 'ok', database: 'sqlite' });

    const token = await tokenFor(url, client);
    const body = signupBody();
    const signedUp = await call<{ organization_id: string }>(url, 'POST', '/partner/v2/signup', { token, json: body });
    assert.equal(signedUp.status, 201, signedUp.text);
    const orgId = signedUp.body.organization_id;

    // The CLI writes to the database the server is using; the server reads the same signing key.
    const issued = await signups(['link-token', '--database', database, '--organization', orgId, '--ttl', '1h']);
    assert.equal(issued.code, 0, issued.stderr);
    const linkToken = issued.stdout.trim();
    assert.equal(issued.stdout, `${linkToken}\n`);
    assert.match(linkToken, /^[\w-]+\.[\w-]+\.[\w-]+$/);

    const entitlement = entitlementDetails();
    const linked = await call<{ organization_id: string }>(url, 'POST', '/partner/v2/signup/link', {
      token,
      json: { token: linkToken, organization: { sso_config: body.organization.sso_config }, entitlement },
    });
    assert.equal(linked.status, 201, linked.text);
    assert.equal(linked.body.organization_id, orgId);
    const list = await call<{ data: Array<{ external_id: string }> }>(url, 'GET', `/partner/v2/entitlements?organization.id=${orgId}`, { token });
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(list.body.data.map((e) => e.external_id).sort(), [body.entitlement.external_id, entitlement.external_id].sort());

    // The same token with a different single sign-on is refused.
    const mismatch = await call(url, 'POST', '/partner/v2/signup/link', {
      token,
      json: { token: linkToken, organization: { sso_config: ssoConfig('00000000-0000-4000-8000-000000000000') }, entitlement: entitlementDetails() },
    });
    assert.equal(mismatch.status, 400, mismatch.text);

    served.child.kill('SIGTERM');
    const exit = await served.exited;
    assert.deepEqual(exit, { code: 0, signal: null });
    await assert.rejects(fetch(`${url}/healthz`), 'the server no longer answers');
  });

  test('link-token for an unknown organization fails with a one-line message', async () => {
    const run = await signups(['link-token', '--database', database, '--organization', 'org-does-not-exist', '--ttl', '1h']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, "signups: no organization 'org-does-not-exist' in this database\n");
  });

  test('link-token with a malformed --ttl fails without touching the database', async () => {
    const untouched = join(dir, 'untouched-link.db');
    const run = await signups(['link-token', '--database', `sqlite:${untouched}`, '--organization', 'org-x', '--ttl', 'soon']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^signups: 'soon' is not a duration/);
    assert.equal(existsSync(untouched), false);
  });
});
