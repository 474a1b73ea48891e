// The one run of the real `signups exec` binary against a server: the SQL suites run the same command line
// in-process (test/sql/cli-runner.ts), so this is what proves the installed command wires it up the same way.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { signupBody } from '../helpers/fixtures.js';
import { BIN, ensureBuilt, ROOT, type Run, shellEnv } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

function signups(args: string[]): Promise<Run> {
  const env = { ...shellEnv(), SIGNUPS_SQL_HISTORY: join(tmpdir(), `signups-sql-history-${process.pid}`) };
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

let server: TestServer;
before(async () => {
  await ensureBuilt();
  server = await startServer('sqlite');
});
after(() => server.close());

test('signups exec: EXEC signs up, SELECT reads it back as CSV, a bad statement exits 1 with one line', async () => {
  const client = await server.client();
  const auth = ['--server', server.url, '--client-id', client.id, '--client-secret', client.secret];
  const body = signupBody({ name: 'Smoke Org' });
  const created = await signups(['exec', `EXEC confluent.partner.signups.signup @@json='${JSON.stringify(body)}'`, ...auth, '-o', 'json']);
  assert.equal(created.code, 0, created.stderr);
  const [answer] = JSON.parse(created.stdout) as Array<{ organization_id: string }>;
  assert.ok(answer?.organization_id);

  const listed = await signups(['exec', 'SELECT external_id FROM confluent.partner.entitlements', ...auth, '-o', 'csv']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.equal(listed.stdout, `external_id\n${body.entitlement.external_id}\n`);

  const broken = await signups(['exec', 'SELECT id FROM', ...auth]);
  assert.equal(broken.code, 1);
  assert.equal(broken.stdout, '');
  assert.match(broken.stderr, /^signups: syntax error at line 1, column 15[^\n]*\n$/);
});
