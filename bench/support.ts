// What the benchmarks need around the measurement: env knobs, a throwaway database, the server in its own process,
// a client-credentials token and percentiles. One copy, so that the benchmarks set up their targets the same way
// and their figures stay comparable.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createClient } from '../src/identity/clients.js';
import { systemClock } from '../src/store/clock.js';
import { openStore } from '../src/store/database.js';
import { BIN, ensureBuilt } from '../test/helpers/cli.js';
import { listeningUrl } from '../test/helpers/server-process.js';

const ECHO_SERVER = join(dirname(fileURLToPath(import.meta.url)), 'echo-server.mjs');
const REPLAY_SERVER = join(dirname(fileURLToPath(import.meta.url)), 'replay-server.mjs');
const HOST = '127.0.0.1';
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
  // BENCH_POSTGRES_SETTINGS="name=value;...": settings of the throwaway database for every connection to it, e.g. to
  // have auto_explain log the plans of slow statements, nested ones included, into the server's log.
  for (const setting of (process.env.BENCH_POSTGRES_SETTINGS ?? '').split(';').filter((s) => s.trim() !== '')) {
    await run(`ALTER DATABASE ${name} SET ${setting}`);
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface ReadyMessage {
  url: string;
  /** Credentials of a partner client with every partner scope (signups only). */
  client?: { id: string; secret: string };
}

export interface ServerChild {
  ready: ReadyMessage;
  /** The server process's id (its memory can be read from /proc). */
  pid: number;
  /** Its resident memory now and at its peak so far, while it runs (see processMemory). */
  memory(): ProcessMemory | undefined;
  stop(): Promise<void>;
}

/**
 * The environment of a server process: the benchmark's own, without its SIGNUPS_* settings (the server runs on
 * defaults), but for the webhook allow list (a benchmark's receiver listens on loopback).
 */
function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('SIGNUPS_') || key === 'SIGNUPS_WEBHOOK_ALLOW') env[key] = value;
  return { ...env, ...settings };
}

/**
 * Starts a server in a process of its own, so that it does not share its event loop with the load generated here:
 * `['signups', <database url>]` (add `'--no-metrics'` to turn the metrics off) is `signups serve` as users run it,
 * from the compiled code in dist/ (built first when older than src/), without logs and with a rate limit far above
 * what a run sends (it counts but never refuses), plus a partner client with every partner scope;
 * `['baseline']` is a plain node:http server (bench/echo-server.mjs); `['replay', <pages file>]` answers recorded
 * bodies by path and nothing else (bench/replay-server.mjs). `nodeOptions` go before the script (e.g. --cpu-prof);
 * `label` names it in errors.
 */
export async function startServer(args: string[], label: string, nodeOptions: string[] = []): Promise<ServerChild> {
  const [kind, databaseUrl, flag] = args;
  if (kind === 'baseline') return startChild(label, spawn(process.execPath, [...nodeOptions, ECHO_SERVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }), ipcReady);
  if (kind === 'replay' && databaseUrl) {
    return startChild(label, spawn(process.execPath, [...nodeOptions, REPLAY_SERVER, databaseUrl], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }), ipcReady);
  }
  if (kind !== 'signups' || !databaseUrl || (flag !== undefined && flag !== '--no-metrics')) {
    throw new Error(`${label}: usage: baseline | replay <pages file> | signups <database url> [--no-metrics] (got '${args.join(' ')}')`);
  }
  await ensureBuilt();
  const env = serverEnv({ SIGNUPS_LOG_LEVEL: 'silent', SIGNUPS_RATE_LIMIT_MAX: '1000000000', ...(flag === '--no-metrics' ? { SIGNUPS_METRICS: 'off' } : {}) });
  const child = spawn(process.execPath, [...nodeOptions, BIN, 'serve', '--host', HOST, '--port', '0', '--database', databaseUrl], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
  });
  const server = await startChild(label, child, listening);
  try {
    const store = openStore(databaseUrl, { poolSize: 1 });
    try {
      const client = await createClient(store.db, systemClock, { name: 'bench', scopes: ['partner:create', 'partner:describe'] });
      server.ready.client = { id: client.id, secret: client.secret };
    } finally {
      await store.close();
    }
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
  return server;
}

/** The echo server reports its address over IPC. */
function ipcReady(child: ChildProcess): Promise<ReadyMessage> {
  return new Promise((done) => child.once('message', (message: ReadyMessage) => done(message)));
}

/** `serve`'s address as it announces it (test/helpers/server-process.ts). */
const listening = async (child: ChildProcess): Promise<ReadyMessage> => ({ url: await listeningUrl(child) });

/** Start-up waits long: a busy shared machine has taken over 20 s to start a server. */
async function startChild(label: string, child: ChildProcess, readiness: (child: ChildProcess) => Promise<ReadyMessage>): Promise<ServerChild> {
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  // A benchmark that ends without stopping its servers (an uncaught error) must not leave them running.
  const orphaned = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', orphaned);
  const ready = await new Promise<ReadyMessage>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`${label}: server did not start within 120 s`)), 120_000);
    readiness(child).then(
      (message) => {
        clearTimeout(timer);
        done(message);
      },
      (error: unknown) => {
        clearTimeout(timer);
        fail(new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`));
      },
    );
    // A turn later: a readiness that sees the exit itself fails first, with what the server wrote.
    void exited.then((code) =>
      setImmediate(() => {
        clearTimeout(timer);
        fail(new Error(`${label}: server exited with code ${code} before listening`));
      }),
    );
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const pid = child.pid ?? 0;
  return {
    ready,
    pid,
    memory: () => processMemory(pid),
    async stop() {
      process.off('exit', orphaned);
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      if (code !== 0) throw new Error(`${label}: server exited with code ${code}`);
    },
  };
}

/**
 * The benchmarks' HTTP client for the load itself: node:http over kept-alive sockets. fetch costs several times more
 * CPU per request, and the load generator shares the machine's cores with the server it measures: with fetch it,
 * not the server, was the busiest process at 10 writers.
 */
export class HttpClient {
  private readonly agent: Agent;

  constructor(maxSockets: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const sent = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
      const req = request(url, { method, headers: sent, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
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

/**
 * Runs `targets` one after another, in the reverse order in odd rounds, so that no target always runs right after
 * the same other one (what runs before it warms or cools the caches and cores it finds).
 */
export async function inTurns(round: number, targets: ReadonlyArray<() => Promise<void>>): Promise<void> {
  for (const target of round % 2 === 0 ? targets : [...targets].reverse()) await target();
}

/** The middle value of a measurement's rounds (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

/** A figure with `digits` decimals, or '-' when it could not be measured. */
export const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** A figure for the JSON line: three decimals are all the noise allows. */
export const round3 = (value: number): number => Number(value.toFixed(3));

/** A plain-text table on stdout: the first column left-aligned, the figures right-aligned. */
export function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
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

/** The product's bound on the server's resident memory under any load the benchmarks apply. */
export const RSS_BOUND_MB = 200;

export interface ProcessMemory {
  /** Resident set size now (VmRSS), MB. */
  rssMb: number;
  /** The most it has been since the process started (VmHWM), MB: the peak whatever the sampling missed. */
  peakMb: number;
}

/** A process's resident memory from /proc/<pid>/status (undefined elsewhere than Linux, or once it has exited). */
export function processMemory(pid: number): ProcessMemory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const mb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
  const memory = { rssMb: mb('VmRSS'), peakMb: mb('VmHWM') };
  return Number.isFinite(memory.rssMb) && Number.isFinite(memory.peakMb) ? memory : undefined;
}

/**
 * One line of peak resident memory per server process, next to the bound, and the baseline's for scale, e.g.
 * `peak RSS (VmHWM): signups (sqlite) 171 MB, signups (postgres) 160 MB ≤ 200 MB; baseline node:http 48 MB`.
 */
export function peakMemoryLine(servers: Array<{ name: string; peakMb: number | undefined }>, baseline?: { name: string; peakMb: number | undefined }): string {
  const mb = (v: number | undefined) => (v === undefined ? 'unknown (no /proc)' : `${v.toFixed(0)} MB`);
  const over = servers.filter((s) => s.peakMb !== undefined && s.peakMb > RSS_BOUND_MB);
  const verdict = over.length === 0 ? `≤ ${RSS_BOUND_MB} MB` : `OVER the ${RSS_BOUND_MB} MB bound: ${over.map((s) => s.name).join(', ')}`;
  const reference = baseline ? `; ${baseline.name} ${mb(baseline.peakMb)} (reference)` : '';
  return `peak RSS (VmHWM): ${servers.map((s) => `${s.name} ${mb(s.peakMb)}`).join(', ')} ${verdict}${reference}`;
}
