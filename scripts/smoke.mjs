#!/usr/bin/env node
// A smoke run of the built server under whichever Node runs this file: start, a partner signup, a Change Broker flow
// over the SDS API, one SQL statement through the CLI, and a clean SIGTERM. It uses only the build and Node's own
// modules, so that it runs on a runtime the project was not installed with (scripts/smoke-node-lines.sh).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'signups.js');
const dir = mkdtempSync(join(tmpdir(), 'signups-smoke-'));
const database = `sqlite:${join(dir, 'smoke.db')}`;
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SIGNUPS_')));
let passed = 0;

function check(condition, what) {
  if (!condition) throw new Error(`smoke: ${what}`);
  passed += 1;
}

function cli(...args) {
  return execFileSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8' });
}

function startServer() {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--database', database], {
    cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`smoke: no address in 60 s:\n${stderr}`)); }, 60_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match) { clearTimeout(timer); resolve({ child, url: match[1] }); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`smoke: serve exited with ${code}:\n${stderr}`)); });
  });
}

async function token(url, credentials) {
  const response = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', ...credentials }),
  });
  check(response.status === 200, `token answered ${response.status}`);
  return (await response.json()).access_token;
}

async function call(method, url, bearer, body) {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

const tenant = '8d1b7d2c-0000-4000-8000-0000000000aa';
const partner = JSON.parse(cli('clients', 'create', '--database', database, '--name', 'smoke-partner',
  '--scopes', 'partner:create partner:describe', '--json'));
cli('namespaces', 'create', '--database', database, '--tenant', tenant, '--namespace', 'plant');
const reader = JSON.parse(cli('clients', 'create', '--database', database, '--name', 'smoke-tenant', '--tenant', tenant, '--json'));

const { child, url } = await startServer();
try {
  // Where Node can replace the process (22.15+, 24), serve restarts itself with two C library heaps, as the same process.
  if (process.platform === 'linux' && typeof process.execve === 'function') {
    const environment = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
    check(environment.includes('MALLOC_ARENA_MAX=2'), 'serve runs with MALLOC_ARENA_MAX=2');
  }
  const partnerToken = await token(url, partner);
  const signup = await call('POST', `${url}/partner/v2/signup`, partnerToken, {
    organization: { name: 'Smoke Organization', sso_config: { kind: 'AzureSSOConfig', tenant_id: 'b3a17773-05cc-4431-9560-433fb4613da8' } },
    entitlement: { external_id: 'smoke-1', name: 'Smoke', plan_id: 'confluent-cloud-payg-prod', product_id: 'confluent-cloud-kafka-service-azure' },
    user: { given_name: 'Ada', family_name: 'Lovelace', email: 'ada@smoke.example' },
  });
  check(signup.status === 201 && typeof signup.body.organization_id === 'string', `partner signup answered ${signup.status}`);

  const tenantToken = await token(url, reader);
  const ns = `${url}/api/v1/Tenants/${tenant}/Namespaces/plant`;
  const type = await call('POST', `${ns}/Types/TimeValue`, tenantToken, {
    Id: 'TimeValue', SdsTypeCode: 'Object', Properties: [
      { Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } },
      { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } },
    ],
  });
  check(type.status === 201, `type answered ${type.status}`);
  check((await call('POST', `${ns}/Streams/pump-1`, tenantToken, { Id: 'pump-1', TypeId: 'TimeValue' })).status === 201, 'stream');
  const created = await call('POST', `${ns}/signups`, tenantToken, { name: 'pumps', resourceType: 'Stream', resourceIds: ['pump-1'] });
  check(created.status === 202, `Change Broker signup answered ${created.status}`);
  let active;
  for (let attempt = 0; attempt < 100 && !active; attempt += 1) {
    const got = await call('GET', `${ns}/signups/${created.body.id}`, tenantToken);
    if (got.body.signupState === 'Active') active = got.body;
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  check(active && typeof active.bookmark === 'string', 'signup became Active with a bookmark');
  const write = await call('POST', `${ns}/Streams/pump-1/Data`, tenantToken, [{ Timestamp: '2026-11-23T10:00:00Z', Value: 12.5 }]);
  check(write.status < 300, `data write answered ${write.status}`);
  const updates = await call('GET', `${ns}/signups/${created.body.id}/updates?bookmark=${encodeURIComponent(active.bookmark)}`, tenantToken);
  check(updates.status === 200 && updates.body.data.length === 1 && updates.body.data[0].operation === 'Insert',
    `updates answered ${updates.status} ${JSON.stringify(updates.body)}`);

  const sql = cli('exec', 'SELECT id FROM confluent.partner.organizations', '--server', url,
    '--client-id', partner.client_id, '--client-secret', partner.client_secret, '-o', 'json');
  check(sql.includes(signup.body.organization_id), `SQL SELECT printed ${sql}`);
} finally {
  child.kill('SIGTERM');
}
const exit = await new Promise((resolve) => child.once('exit', (code) => resolve(code)));
check(exit === 0, `serve exited with ${exit} on SIGTERM`);
rmSync(dir, { recursive: true, force: true });
console.log(`smoke on Node ${process.version}: ${passed} checks passed`);
