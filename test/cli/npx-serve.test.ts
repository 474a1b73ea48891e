import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureBuilt, ROOT, shellEnv } from '../helpers/cli.js';

/** True while something accepts connections at the address. */
function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('README "Several processes": servers started with npx & are stopped with kill', () => {
  let dir = '';
  before(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'signups-npx-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('npx signups serve & … kill $SERVERS leaves no server running', { timeout: 300_000 }, async () => {
    // The README's lines, on SQLite and free ports so that the test can run anywhere.
    const script = `
      set -u
      export SIGNUPS_DATABASE_URL=sqlite:${dir}/signups.db
      npx signups serve --port 0 2>${dir}/a.log & SERVERS="$!"
      npx signups serve --port 0 2>${dir}/b.log & SERVERS="$SERVERS $!"
      for i in $(seq 1 400); do
        grep -q 'listening on' ${dir}/a.log 2>/dev/null && grep -q 'listening on' ${dir}/b.log 2>/dev/null && break
        sleep 0.5
      done
      grep -ho 'listening on http://[0-9.:]*' ${dir}/a.log ${dir}/b.log
      kill $SERVERS
    `;
    const output = await new Promise<string>((resolve, reject) => {
      execFile('bash', ['-c', script], { cwd: ROOT, env: { ...shellEnv(), SIGNUPS_LOG_LEVEL: 'warn' }, timeout: 240_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stdout}${stderr}`));
        else resolve(stdout);
      });
    });
    const urls = [...output.matchAll(/listening on (http:\/\/[0-9.:]+)/g)].map((m) => m[1] ?? '');
    const logs = ['a.log', 'b.log'].map((name) => `${name}:\n${existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '(none)'}`);
    assert.equal(urls.length, 2, `${output}\n${logs.join('\n')}`);
    const deadline = Date.now() + 15_000;
    let running = urls;
    while (Date.now() < deadline) {
      running = (await Promise.all(urls.map(async (url) => ((await answers(url)) ? url : null)))).filter((u): u is string => u !== null);
      if (running.length === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.deepEqual(running, [], 'servers still listening after kill');
  });

  test('npx signups srv & … kill $SRV leaves no SQL wire server running', { timeout: 300_000 }, async () => {
    // The README's srv lines; no API needs to answer for the listener to open and close.
    const script = `
      set -u
      npx signups srv --port 0 --server http://127.0.0.1:9 >${dir}/srv.log 2>&1 & SRV=$!
      for i in $(seq 1 400); do grep -q 'listening on' ${dir}/srv.log 2>/dev/null && break; sleep 0.5; done
      grep -ho 'listening on postgres://[0-9.:]*' ${dir}/srv.log
      kill $SRV
    `;
    const output = await new Promise<string>((resolve, reject) => {
      execFile('bash', ['-c', script], { cwd: ROOT, env: shellEnv(), timeout: 240_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stdout}${stderr}`));
        else resolve(stdout);
      });
    });
    const address = /listening on postgres:\/\/([0-9.:]+)/.exec(output)?.[1];
    assert.ok(address, output);
    const url = `http://${address}`;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && (await answers(url))) await new Promise((r) => setTimeout(r, 250));
    assert.equal(await answers(url), false, 'srv still listening after kill');
  });
});
