// Load benchmark of POST /partner/v2/signup: the real server on a durable database against a plain
// node:http server that only parses the body and answers the same shape. Run with `npm run bench`.
//
//   BENCH_DURATION=5               seconds of each measured round, per target
//   BENCH_WARMUP=3                 seconds of the warm-up round, per target
//   BENCH_CONNECTIONS=32           concurrent keep-alive connections
//   BENCH_ROUNDS=3                 measured rounds per target, alternating targets; figures are medians
//   SIGNUPS_BENCH_POSTGRES_URL=…   also measure on PostgreSQL (a throwaway database on that server)
//   BENCH_CPU_PROF=dir             write a CPU profile of each server process there (slows the servers)
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { openStore } from '../src/store/database.js';
import { signupBody } from '../test/helpers/fixtures.js';
import {
  clientCredentialsToken,
  type Database,
  fixed,
  peakMemoryLine,
  percentile,
  positiveInt,
  postgresDatabase,
  processCpuSeconds,
  RSS_BOUND_MB,
  sqliteDatabase,
  startServer,
  table,
} from './support.js';

const PATH = '/partner/v2/signup';
/** Below this share of 201 answers the figures describe errors, not signups, and the run fails. */
const MIN_CREATED_SHARE = 0.99;

const DURATION = positiveInt('BENCH_DURATION', 5);
const WARMUP = positiveInt('BENCH_WARMUP', 3);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 32);
const ROUNDS = positiveInt('BENCH_ROUNDS', 3);
const POSTGRES_URL = process.env.SIGNUPS_BENCH_POSTGRES_URL || undefined;
const PROFILE_DIR = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined;

interface Round {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  created: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** The server process's CPU time per answered request (user + system), when /proc tells it. */
  cpuUsPerRequest: number | undefined;
}

interface TargetResult {
  name: string;
  /** Key in the final JSON line. */
  key: string;
  measured: Round;
  /** 201 answers over both rounds, and the entitlements the database holds afterwards (signups only). */
  createdTotal: number;
  rowsInDatabase?: number;
  /** The server process's peak resident memory over its whole run (warm-up and rounds), MB. */
  peakRssMb: number | undefined;
}

/** Every target's server in its own process; with BENCH_CPU_PROF, profiled into a folder per target. */
function startTargetServer(args: string[], label: string) {
  // One folder per target, named after it.
  const profileDir = PROFILE_DIR ? join(PROFILE_DIR, label) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  return startServer(args, label, profile);
}

/** One round of load; every request carries a new external_id (a repeated one is a 409). */
async function round(url: string, token: string | undefined, seconds: number, serverPid: number): Promise<Round> {
  const runId = randomBytes(4).toString('hex');
  let n = 0;
  // autocannon's own latency histogram has 1 ms steps, too coarse next to a sub-millisecond baseline.
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    requests: [
      {
        method: 'POST',
        path: PATH,
        setupRequest: (request) => ({ ...request, body: JSON.stringify(signupBody({ externalId: `bench-${runId}-${n++}` })) }),
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const cpuBefore = processCpuSeconds(serverPid);
  const result = await instance;
  const cpuAfter = processCpuSeconds(serverPid);
  latencies.sort((a, b) => a - b);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]));
  return {
    rps: result.requests.average,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    total: result.requests.total,
    created: statusCodes['201'] ?? 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    cpuUsPerRequest: cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0 ? undefined : ((cpuAfter - cpuBefore) * 1e6) / result.requests.total,
  };
}

async function countEntitlements(databaseUrl: string): Promise<number> {
  const store = openStore(databaseUrl);
  try {
    const row = await store.db
      .selectFrom('entitlements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await store.close();
  }
}

interface Target {
  name: string;
  key: string;
  database: Database | undefined;
  server: Awaited<ReturnType<typeof startTargetServer>>;
  token: string | undefined;
  rounds: Round[];
  created: number;
}

async function startTarget(name: string, key: string, database: Database | undefined): Promise<Target> {
  process.stdout.write(`${name}: starting server… `);
  const server = await startTargetServer(database ? ['signups', database.url] : ['baseline'], key);
  const { url, client } = server.ready;
  const token = client ? await clientCredentialsToken(`${url}/oauth2/token`, client) : undefined;
  process.stdout.write(`warm-up ${WARMUP} s… `);
  const warm = await round(url, token, WARMUP, server.pid);
  process.stdout.write('ready\n');
  return { name, key, database, server, token, rounds: [], created: warm.created };
}

/** The round whose throughput is the median of the target's rounds (its p99 goes with it). */
function medianRound(rounds: Round[]): Round {
  const sorted = [...rounds].sort((a, b) => a.rps - b.rps);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no rounds');
  const medianOf = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const cpu = rounds.flatMap((r) => (r.cpuUsPerRequest === undefined ? [] : [r.cpuUsPerRequest]));
  return { ...middle, p99Ms: medianOf(rounds.map((r) => r.p99Ms)) ?? middle.p99Ms, cpuUsPerRequest: medianOf(cpu) };
}

async function finish(target: Target): Promise<TargetResult> {
  const peakRssMb = target.server.memory()?.peakMb;
  await target.server.stop();
  const result: TargetResult = { name: target.name, key: target.key, measured: medianRound(target.rounds), createdTotal: target.created, peakRssMb };
  // Counted after the server closed its store: the answers were backed by rows on disk.
  if (target.database) result.rowsInDatabase = await countEntitlements(target.database.url);
  return result;
}

function printTable(results: TargetResult[], baseline: TargetResult): void {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'requests', '201', 'non-2xx', 'errors', 'x req/s', 'x p99', 'CPU µs/req', 'x CPU'];
  const cpuRatio = (r: TargetResult) =>
    r.measured.cpuUsPerRequest === undefined || baseline.measured.cpuUsPerRequest === undefined ? '-' : fixed(baseline.measured.cpuUsPerRequest / r.measured.cpuUsPerRequest, 2);
  const rows = results.map((r) => {
    const m = r.measured;
    return [
      r.name,
      fixed(m.rps, 0),
      fixed(m.p50Ms, 2),
      fixed(m.p99Ms, 2),
      String(m.total),
      String(m.created),
      String(m.non2xx),
      String(m.errors),
      fixed(m.rps / baseline.measured.rps, 2),
      fixed(m.p99Ms / baseline.measured.p99Ms, 2),
      m.cpuUsPerRequest === undefined ? '-' : fixed(m.cpuUsPerRequest, 0),
      cpuRatio(r),
    ];
  });
  console.log('');
  table(header, rows);
  console.log('');
  console.log('x req/s = throughput / baseline throughput (higher is better); x p99 = p99 / baseline p99 (lower is better).');
  console.log(
    'CPU µs/req = the server process\'s CPU time (user + system) per answered request; x CPU = baseline CPU per request / this one (higher is better):',
  );
  console.log('  the throughput each server would reach with a core to itself, relative to the baseline, whatever else loads the machine.');
  console.log('The machine is shared and noisy: absolute req/s and latencies vary from run to run; only the ratios are meaningful.');
  const [reference, ...servers] = results;
  console.log(peakMemoryLine(servers.map((r) => ({ name: r.name, peakMb: r.peakRssMb })), reference && { name: reference.name, peakMb: reference.peakRssMb }));
}

async function main(): Promise<void> {
  console.log(
    `POST ${PATH}: ${CONNECTIONS} connections, ${WARMUP} s warm-up, then ${ROUNDS} rounds of ${DURATION} s per target (medians); servers in child processes on 127.0.0.1`,
  );
  if (PROFILE_DIR) console.log(`CPU profiles go to ${PROFILE_DIR} (profiling slows the servers; do not compare these figures)`);
  const targets: Target[] = [];
  const databases: Database[] = [];
  const results: TargetResult[] = [];
  try {
    targets.push(await startTarget('baseline (node:http)', 'baseline', undefined));
    const sqlite = sqliteDatabase('signups-bench-');
    databases.push(sqlite);
    targets.push(await startTarget('signups (sqlite file)', 'signups_sqlite', sqlite));
    if (POSTGRES_URL) {
      const postgres = await postgresDatabase(POSTGRES_URL);
      databases.push(postgres);
      targets.push(await startTarget('signups (postgres)', 'signups_postgres', postgres));
    }
    // Rounds alternate the targets, so that a noisy stretch of the shared machine hits them all alike.
    for (let r = 0; r < ROUNDS; r++) {
      process.stdout.write(`round ${r + 1}/${ROUNDS}: `);
      for (const t of targets) {
        const measured = await round(t.server.ready.url, t.token, DURATION, t.server.pid);
        t.rounds.push(measured);
        t.created += measured.created;
        process.stdout.write(`${t.key} ${measured.rps.toFixed(0)} req/s  `);
      }
      process.stdout.write('\n');
    }
    for (const t of targets) results.push(await finish(t));
  } finally {
    for (const t of targets) if (!results.some((r) => r.key === t.key)) await t.server.stop().catch(() => undefined);
    for (const d of databases) await d.drop();
  }

  const [baseline] = results;
  if (!baseline) throw new Error('no baseline result');
  printTable(results, baseline);

  const problems: string[] = [];
  for (const r of results) {
    const m = r.measured;
    if (m.total === 0 || m.created / m.total < MIN_CREATED_SHARE) {
      problems.push(`${r.name}: only ${m.created} of ${m.total} answers were 201 (status codes ${JSON.stringify(m.statusCodes)})`);
    }
    if (m.errors > 0) problems.push(`${r.name}: ${m.errors} connection errors (${m.timeouts} timeouts)`);
    if (r.key !== 'baseline' && r.peakRssMb !== undefined && r.peakRssMb > RSS_BOUND_MB) {
      problems.push(`${r.name}: peak resident memory ${r.peakRssMb.toFixed(0)} MB is over the ${RSS_BOUND_MB} MB bound`);
    }
    // A round ends with up to one request per connection in flight: written, but its answer not counted.
    const inFlight = (ROUNDS + 1) * CONNECTIONS;
    if (r.rowsInDatabase !== undefined && (r.rowsInDatabase < r.createdTotal || r.rowsInDatabase > r.createdTotal + inFlight)) {
      problems.push(`${r.name}: ${r.createdTotal} signups answered 201 but the database holds ${r.rowsInDatabase} entitlements`);
    }
  }
  for (const r of results) {
    if (r.rowsInDatabase !== undefined) {
      const extra = r.rowsInDatabase - r.createdTotal;
      const note = extra > 0 ? ` (${extra} more were in flight when a round stopped)` : '';
      console.log(`${r.name}: ${r.createdTotal} answers were 201; the database holds ${r.rowsInDatabase} entitlements${note}`);
    }
  }
  for (const problem of problems) console.error(`PROBLEM ${problem}`);

  const figures: Record<string, unknown> = { path: PATH, duration_s: DURATION, warmup_s: WARMUP, connections: CONNECTIONS };
  results.forEach((r, i) => {
    const m = r.measured;
    figures[r.key] = {
      rps: Math.round(m.rps),
      p50_ms: Number(m.p50Ms.toFixed(3)),
      p99_ms: Number(m.p99Ms.toFixed(3)),
      requests: m.total,
      non2xx: m.non2xx,
      errors: m.errors,
      ...(m.cpuUsPerRequest === undefined ? {} : { cpu_us_per_request: Number(m.cpuUsPerRequest.toFixed(1)) }),
      ...(r.peakRssMb === undefined ? {} : { peak_rss_mb: Number(r.peakRssMb.toFixed(1)) }),
      ...(i === 0
        ? {}
        : {
            throughput_ratio: Number((m.rps / baseline.measured.rps).toFixed(3)),
            p99_ratio: Number((m.p99Ms / baseline.measured.p99Ms).toFixed(3)),
            ...(m.cpuUsPerRequest === undefined || baseline.measured.cpuUsPerRequest === undefined
              ? {}
              : { cpu_ratio: Number((baseline.measured.cpuUsPerRequest / m.cpuUsPerRequest).toFixed(3)) }),
          }),
    };
  });
  figures.ok = problems.length === 0;
  console.log(JSON.stringify(figures));
  if (problems.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
