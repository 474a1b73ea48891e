import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startSignups, type StartedSignups } from '../../src/index.js';
import { BIN, ensureBuilt, ROOT, type Run, shellEnv } from '../helpers/cli.js';
import { call } from '../helpers/http.js';
import { PARTNER_SCOPES, partnerSignup, startInProcess } from './support.js';

function signups(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...shellEnv(), ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

// The command talks HTTP to a sandbox server; its database dialect does not matter here, so this runs on SQLite.
// The server is the public `startSignups`, listening, and the test's own calls, its admin client and its clients'
// tokens go over HTTP too: this is where the library is used end to end as an integration's suite uses it.
describe('signups admin', () => {
  let s: StartedSignups;
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    await ensureBuilt();
    s = await startSignups();
    dir = mkdtempSync(join(tmpdir(), 'signups-admin-'));
    const admin = await s.createClient({ name: 'ops', scopes: ['signups:admin'] });
    env = { SIGNUPS_SERVER: s.url, SIGNUPS_CLIENT_ID: admin.clientId, SIGNUPS_CLIENT_SECRET: admin.clientSecret };
  });
  after(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('clock: read, freeze, advance by a duration, resume', async () => {
    const frozen = await signups(['admin', 'clock', '--freeze', '-o', 'json'], env);
    assert.equal(frozen.code, 0, frozen.stderr);
    const state = JSON.parse(frozen.stdout) as { now: string; frozen: boolean };
    assert.equal(state.frozen, true);
    const advanced = await signups(['admin', 'clock', '--advance', '25h'], env);
    assert.equal(advanced.code, 0, advanced.stderr);
    assert.match(advanced.stdout, new RegExp(`^${new Date(Date.parse(state.now) + 25 * 3600_000).toISOString()} \\(frozen\\)`));
    assert.match(advanced.stdout, /background work run/);
    const resumed = await signups(['admin', 'clock', '--resume'], env);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.doesNotMatch(resumed.stdout, /frozen/);
    const backwards = await signups(['admin', 'clock', '--set', '2001-01-01T00:00:00Z'], env);
    assert.equal(backwards.code, 1);
    assert.match(backwards.stderr, /400.*never moves backwards/);
  });

  test('faults add, list, remove; requests with a filter; reset; snapshot out and restore', async () => {
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    const added = await signups(['admin', 'faults', 'add', '--operation', 'signup', '--status', '503', '--times', '1'], env);
    assert.equal(added.code, 0, added.stderr);
    const id = added.stdout.trim();
    const listed = await signups(['admin', 'faults', 'list'], env);
    assert.match(listed.stdout, new RegExp(`${id}\\s+signup`));
    assert.equal((await call(s.url, 'POST', '/partner/v2/signup', { token, json: partnerSignup() })).status, 503);
    assert.equal((await call(s.url, 'POST', '/partner/v2/signup', { token, json: partnerSignup() })).status, 201);
    const requests = await signups(['admin', 'requests', '--operation', 'signup', '-o', 'json'], env);
    assert.equal(requests.code, 0, requests.stderr);
    assert.deepEqual((JSON.parse(requests.stdout) as Array<{ status: number; injectedFault: string | null }>).map((e) => [e.status, e.injectedFault]), [
      [201, null],
      [503, id],
    ]);
    const table = await signups(['admin', 'requests', '--status', '503'], env);
    assert.match(table.stdout.split('\n')[0] ?? '', /^time\s+method\s+path\s+operation\s+status/);
    assert.match(table.stdout, /POST\s+\/partner\/v2\/signup\s+signup\s+503/);

    const added2 = await signups(['admin', 'faults', 'add', '--path', '^/healthz', '--delay', '10'], env);
    assert.equal((await signups(['admin', 'faults', 'remove', added2.stdout.trim()], env)).code, 0);
    const missing = await signups(['admin', 'faults', 'remove', 'nope'], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /404/);

    const file = join(dir, 'snap.json');
    const out = await signups(['admin', 'snapshot', '--out', file], env);
    assert.equal(out.code, 0, out.stderr);
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { tables: { entitlements: unknown[] } }).tables.entitlements.length, 1);
    const reset = await signups(['admin', 'reset'], env);
    assert.match(reset.stdout, /removed .*1 entitlements/);
    assert.deepEqual((await call<{ data: unknown[] }>(s.url, 'GET', '/partner/v2/entitlements', { token })).body.data, []);
    const restored = await signups(['admin', 'snapshot', '--restore', file], env);
    assert.equal(restored.code, 0, restored.stderr);
    assert.equal((await call<{ data: unknown[] }>(s.url, 'GET', '/partner/v2/entitlements', { token })).body.data.length, 1);
  });

  test('without admin credentials it says what to give', async () => {
    const run = await signups(['admin', 'clock'], { SIGNUPS_SERVER: s.url });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /signups:admin/);
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const forbidden = await signups(['admin', 'clock', '--client-id', partner.clientId, '--client-secret', partner.clientSecret, '--server', s.url]);
    assert.equal(forbidden.code, 1);
    assert.match(forbidden.stderr, /403/);
  });
});

describe('signups serve --sandbox --seed FILE', () => {
  let child: ChildProcess | undefined;
  let dir: string;
  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('starts from a snapshot file: its data, its clients and its clock', async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'signups-seed-'));
    // Only the snapshot it makes matters here: in process. The seeded server, a command of its own, is over HTTP.
    const source = await startInProcess();
    const admin = await source.createClient({ name: 'ops', scopes: ['signups:admin'] });
    const partner = await source.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    assert.equal((await call(source, 'POST', '/partner/v2/signup', { token: await partner.token(), json: partnerSignup() })).status, 201);
    const moved = await source.clock.advance('10d');
    await source.clock.freeze();
    const file = join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify(await source.admin.snapshot()));
    await source.close();

    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--database', `sqlite:${join(dir, 'seeded.db')}`, '--seed', file], {
      cwd: ROOT,
      env: { ...shellEnv(), SIGNUPS_SANDBOX: '1', SIGNUPS_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child?.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child?.once('exit', (code) => reject(new Error(`serve exited with ${String(code)}: ${stderr}`)));
    });
    assert.match(stderr, /sandbox controls at \/_signups\/v1\//);
    const env = { SIGNUPS_SERVER: url, SIGNUPS_CLIENT_ID: admin.clientId, SIGNUPS_CLIENT_SECRET: admin.clientSecret };
    const clock = await signups(['admin', 'clock', '-o', 'json'], env);
    assert.equal(clock.code, 0, clock.stderr);
    assert.deepEqual(JSON.parse(clock.stdout), { now: (JSON.parse(readFileSync(file, 'utf8')) as { clock: { now: string } }).clock.now, frozen: true });
    assert.ok(Date.parse((JSON.parse(clock.stdout) as { now: string }).now) >= Date.parse(moved.now));
    const token = await fetch(`${url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: partner.clientId, client_secret: partner.clientSecret }),
    });
    const access = ((await token.json()) as { access_token: string }).access_token;
    const seeded = await call<{ data: unknown[] }>(url, 'GET', '/partner/v2/entitlements', { token: access });
    assert.equal(seeded.body.data.length, 1);
  });
});
