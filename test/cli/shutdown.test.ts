import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BIN, ensureBuilt, ROOT, shellEnv } from '../helpers/cli.js';

interface Served {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
  /** Resolves once the server's log (stdout) has a line matching `pattern`. */
  logged(pattern: RegExp): Promise<void>;
}

/** `signups serve` with its log on a pipe (stdout) at info level, as an operator would run it under a supervisor. */
async function serve(database: string, env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--database', database], {
    cwd: ROOT,
    env: { ...shellEnv(), SIGNUPS_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, atMs: performance.now() }));
  });
  let stdout = '';
  const waiters: Array<{ pattern: RegExp; resolve(): void }> = [];
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    stdout += chunk;
    for (const w of waiters.splice(0)) {
      if (w.pattern.test(stdout)) w.resolve();
      else waiters.push(w);
    }
  });
  const logged = (pattern: RegExp): Promise<void> =>
    new Promise((resolve) => {
      if (pattern.test(stdout)) resolve();
      else waiters.push({ pattern, resolve });
    });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not announce its address:\n${stderr}`)), 60_000);
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
  return { child, url, exited, logged };
}

/** The server's log line for a request to the token endpoint whose handling has begun. */
const INCOMING_TOKEN_REQUEST = /^(?=.*"msg":"incoming request")(?=.*"url":"\/oauth2\/token").*$/m;

const get = (url: string, agent?: Agent): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });

describe('signups serve: shutdown completes within its bound', () => {
  let dir = '';
  before(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'signups-shutdown-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('SIGTERM with the log pipe already closed exits 0 promptly, without spinning on EPIPE', async () => {
    const s = await serve(`sqlite:${join(dir, 'a.db')}`);
    assert.equal(await get(`${s.url}/healthz`), 200);
    // The log reader goes away; the server keeps serving and logging into the broken pipe.
    s.child.stdout?.destroy();
    for (let i = 0; i < 5; i += 1) assert.equal(await get(`${s.url}/healthz`), 200);
    const sent = performance.now();
    s.child.kill('SIGTERM');
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 8_000).unref());
    const exit = await Promise.race([s.exited, timeout]);
    if (exit === null) s.child.kill('SIGKILL');
    assert.ok(exit, 'the server exited');
    assert.equal(exit.code, 0);
    assert.ok(exit.atMs - sent < 5_000, `exited ${Math.round(exit.atMs - sent)} ms after SIGTERM`);
  });

  test('a request in flight at SIGTERM is answered, its keep-alive connection does not hold the process, exit 0', async () => {
    const s = await serve(`sqlite:${join(dir, 'b.db')}`);
    const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    assert.equal(await get(`${s.url}/healthz`, agent), 200); // an idle keep-alive connection
    // A request whose body is still arriving when SIGTERM comes.
    const { hostname, port } = new URL(s.url);
    const socket = connect({ host: hostname, port: Number(port) });
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (c: Buffer) => (answer += c.toString('latin1')));
    const body = 'grant_type=client_credentials&client_id=x&client_secret=y';
    socket.write(`POST /oauth2/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    // The request is in flight in the server when the signal comes, and the rest of its body arrives while it drains.
    await s.logged(INCOMING_TOKEN_REQUEST);
    const sent = performance.now();
    s.child.kill('SIGTERM');
    await s.logged(/"msg":"draining"/);
    socket.write(body.slice(10));
    const exit = await s.exited;
    agent.destroy();
    assert.match(answer, /^HTTP\/1\.1 401 /, 'the in-flight request was answered');
    assert.match(answer, /connection: close/i);
    assert.equal(exit.code, 0);
    assert.ok(exit.atMs - sent < 5_000, `exited ${Math.round(exit.atMs - sent)} ms after SIGTERM`);
  });

  test('a request that never completes is cut off at the configured deadline and the process still exits 0', async () => {
    const s = await serve(`sqlite:${join(dir, 'c.db')}`, { SIGNUPS_SHUTDOWN_TIMEOUT_MS: '1500' });
    const { hostname, port } = new URL(s.url);
    const socket = connect({ host: hostname, port: Number(port) });
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /oauth2/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nabc');
    // The request must be in flight in the server, not still in a socket buffer, when the signal comes.
    await s.logged(INCOMING_TOKEN_REQUEST);
    const sent = performance.now();
    s.child.kill('SIGINT');
    const exit = await s.exited;
    socket.destroy();
    assert.equal(exit.code, 0);
    const took = exit.atMs - sent;
    assert.ok(took >= 1_400 && took < 4_500, `exited ${Math.round(took)} ms after SIGINT`);
  });
});
