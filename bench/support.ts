// What both benchmarks need around the measurement: env knobs, a throwaway database, the server in its own
// process (bench/server-process.ts), a client-credentials token and percentiles. One copy, so the two benchmarks
// set up their targets the same way and their figures stay comparable.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { ReadyMessage } from './server-process.js';

const SERVER_PROCESS = join(dirname(fileURLToPath(import.meta.url)), 'server-process.ts');

export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not '${raw}'`);
  return n;
}

export interface Database {
  url: string;
  drop(): Promise<void>;
}

/** A database file in a fresh temporary folder whose name starts with `prefix`; dropping removes the folder. */
export function sqliteDatabase(prefix: string): Database {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { url: `sqlite:${join(dir, 'bench.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh database on the PostgreSQL server, dropped afterwards; the admin URL's own database is untouched. */
export async function postgresDatabase(admin: string): Promise<Database> {
  const name = `signups_bench_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface ServerChild {
  ready: ReadyMessage;
  /** The server process's id (its memory can be read from /proc). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts bench/server-process.ts with `args` in a process of its own, so the server does not share its event loop
 * with the load generated here. `nodeOptions` go before the script (e.g. --cpu-prof); `label` names it in errors.
 * Start-up compiles the sources with tsx, which has taken over 20 s on a busy shared machine: hence the long wait.
 */
export async function startServer(args: string[], label: string, nodeOptions: string[] = []): Promise<ServerChild> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...nodeOptions, SERVER_PROCESS, ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const ready = await new Promise<ReadyMessage>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`${label}: server did not start within 120 s`)), 120_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      done(message as ReadyMessage);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`${label}: server exited with code ${code} before listening`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    ready,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      if (code !== 0) throw new Error(`${label}: server exited with code ${code}`);
    },
  };
}

/** A client-credentials grant at `tokenUrl` (the partner and the AVEVA identity paths answer alike). */
export async function clientCredentialsToken(tokenUrl: string, client: { id: string; secret: string }): Promise<string> {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }),
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Linux's clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) a process has used so far, from /proc (undefined elsewhere). The difference across a
 * measurement is the server's CPU time for it, which other load on the machine does not inflate as it does wall time.
 */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3: utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
