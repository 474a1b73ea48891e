import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { BIN, ensureBuilt, ROOT, shellEnv } from '../helpers/cli.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function signups(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: shellEnv(), timeout: 30_000 }, (error, stdout) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout });
    });
  });
}

before(ensureBuilt);

test('signups --version and -V print the package version and exit 0', async () => {
  for (const flag of ['--version', '-V']) {
    const run = await signups([flag]);
    assert.equal(run.code, 0, flag);
    assert.equal(run.stdout, `${version}\n`);
  }
});
