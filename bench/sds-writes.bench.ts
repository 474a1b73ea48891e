// Benchmark of SDS data writes into one namespace with 1, 10 and 50 concurrent writers (each on a stream of its
// own, single-event inserts over HTTP), against a bare driver INSERT of the same rows (the event and its change
// record, one transaction per write, no HTTP) with as many connections, measured in the same run, and a do-nothing
// HTTP server answering the same requests (the ceiling for any server over HTTP). On PostgreSQL also two server
// processes against one. Rounds alternate server and baseline; each figure is the median of BENCH_ROUNDS. The
// writers are autocannon's connections, one writer each: through node:http (HttpClient in bench/support.ts) this
// process took a core of its own at 10 writers and capped the do-nothing echo at 0.71-0.85 x the bare INSERT, and
// with fetch it was worse still; autocannon drives the same echo at 1.5-2.5 x.
// On PostgreSQL the bare INSERT of a change record fires the change log's NOTIFY trigger like any single writer of
// the change log, so its commits take turns on the server-wide notification lock; the server's batches notify after
// their commit instead (migration 0012), which is why the server can pass it with many writers.
//
//   BENCH_SECONDS=3                seconds per measured round
//   BENCH_WARMUP=3                 seconds of the warm-up round of each target (not measured)
//   BENCH_ROUNDS=3                 rounds per figure (median)
//   BENCH_WRITERS=1,10,50          concurrent writers
//   SIGNUPS_BENCH_POSTGRES_URL=…   also measure on PostgreSQL (a throwaway database on that server)
//   BENCH_DIALECTS=sqlite,postgres which databases to measure (PostgreSQL only with the URL above)
//   BENCH_CPU_PROF=dir             write a CPU profile of each server process there (slows the servers)
//   BENCH_CLIENT=node-http         send the writes through node:http instead of autocannon
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createClient } from '../src/identity/clients.js';
import { createNamespace } from '../src/sds/namespaces.js';
import { systemClock } from '../src/store/clock.js';
import { openStore } from '../src/store/database.js';
import {
  clientCredentialsToken,
  type Database,
  HttpClient,
  median,
  peakMemoryLine,
  positiveInt,
  processCpuSeconds,
  postgresDatabase,
  RSS_BOUND_MB,
  type ServerChild,
  sqliteDatabase,
  startServer,
} from './support.js';

const TENANT = 'bench-tenant';
const NAMESPACE = 'bench';
const PATH = `/api/v1/Tenants/${TENANT}/Namespaces/${NAMESPACE}`;
const SECONDS = positiveInt('BENCH_SECONDS', 3);
const WARMUP = positiveInt('BENCH_WARMUP', 3);
const ROUNDS = positiveInt('BENCH_ROUNDS', 3);
const WRITERS = (process.env.BENCH_WRITERS ?? '1,10,50').split(',').map((w) => Number(w));
const POSTGRES_URL = process.env.SIGNUPS_BENCH_POSTGRES_URL || undefined;
const DIALECTS = new Set((process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(','));
const MAX_WRITERS = Math.max(...WRITERS);
const PROFILE_DIR = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined;
/** The writers' token, made once per database, so that every server target writes as the streams' owner. */
let sharedToken: string | undefined;

const streamId = (i: number) => `w-${i}`;
/** A new index for every write of the run, so that every write inserts. */
let clock = Date.UTC(2020, 0, 1);
const nextTimestamp = () => new Date((clock += 1000)).toISOString();

/** Runs `writers` loops of `write` for `seconds`; answers writes per second. */
async function drive(writers: number, seconds: number, write: (writer: number) => Promise<void>): Promise<number> {
  let count = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (performance.now() < end) {
        await write(w);
        count++;
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/**
 * `writers` connections, each a writer on a stream of its own posting single-event writes one after another for
 * `seconds`, spread over the `origins` (writer w on origin w % origins.length), each answered `status`; writes per
 * second. autocannon sends them: it builds requests and parses answers with a fraction of node:http's CPU, which on
 * 2 cores is CPU taken from the server.
 */
async function driveWrites(writers: number, seconds: number, origins: string[], path: (writer: number) => string, token: string, status: number, label: string): Promise<number> {
  if (process.env.BENCH_CLIENT === 'node-http') return driveWritesHttp(writers, seconds, (w) => `${origins[w % origins.length]}${path(w)}`, token, status, label);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const started = performance.now();
  const runs = origins.flatMap((origin, o) => {
    const mine = Array.from({ length: writers }, (_, w) => w).filter((w) => w % origins.length === o);
    if (mine.length === 0) return [];
    let next = 0;
    return autocannon({
      url: origin,
      connections: mine.length,
      duration: seconds,
      headers,
      requests: [
        {
          method: 'POST',
          // Each connection is one writer: it takes the next of this origin's writers once, and keeps its stream.
          setupRequest: (request, context) => {
            if (typeof context.writer !== 'number') context.writer = mine[next++ % mine.length] ?? 0;
            const w = Number(context.writer);
            return { ...request, path: path(w), body: JSON.stringify([{ Timestamp: nextTimestamp(), Value: w }]) };
          },
        },
      ],
    });
  });
  const results = await Promise.all(runs);
  const elapsed = (performance.now() - started) / 1000;
  let total = 0;
  for (const r of results) {
    const other = Object.entries(r.statusCodeStats).filter(([code]) => Number(code) !== status);
    if (r.errors > 0 || r.timeouts > 0 || other.length > 0) {
      throw new Error(`${label}: ${r.errors} errors, ${r.timeouts} timeouts, answers ${JSON.stringify(r.statusCodeStats)} (expected only ${status})`);
    }
    total += r.requests.total;
  }
  return total / elapsed;
}

/** The same through node:http (BENCH_CLIENT=node-http), `writers` loops of writes POSTed to `url(writer)`. */
async function driveWritesHttp(writers: number, seconds: number, url: (writer: number) => string, token: string, status: number, label: string): Promise<number> {
  const http = new HttpClient(writers);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  try {
    return await drive(writers, seconds, async (w) => {
      const res = await http.send('POST', url(w), headers, JSON.stringify([{ Timestamp: nextTimestamp(), Value: w }]));
      if (res.status !== status) throw new Error(`${label} answered ${res.status} ${res.text}`);
    });
  } finally {
    http.close();
  }
}

interface Target {
  setUp(): Promise<void>;
  /** Writes per second of `writers` writers for `seconds`. */
  round(writers: number, seconds: number): Promise<number>;
  close(): Promise<void>;
}

/** The server(s) over HTTP: POST .../Streams/{id}/Data with one event. */
function serverTarget(
  database: Database,
  processes: number,
  label: string,
): Target & { createStreams(n: number): Promise<void>; peakMb(): number | undefined; cpuPerWriteUs(): number | undefined } {
  const servers: ServerChild[] = [];
  let token = '';
  let cpuPerWrite: number | undefined;
  return {
    async createStreams(n) {
      for (let i = 0; i < n; i++) {
        const res = await fetch(`${servers[0]?.ready.url ?? ''}${PATH}/Streams/${streamId(i)}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ Id: streamId(i), TypeId: 'BenchType' }),
        });
        await res.arrayBuffer();
        if (res.status !== 201) throw new Error(`${label}: creating stream ${streamId(i)} answered ${res.status}`);
      }
    },
    async setUp() {
      for (let i = 0; i < processes; i++) {
        const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', join(PROFILE_DIR, label.replaceAll(' ', '-'))] : [];
        servers.push(await startServer(['signups', database.url], `${label} ${i + 1}`, profile));
      }
      if (sharedToken) {
        token = sharedToken;
        return;
      }
      const store = openStore(database.url, { poolSize: 1 });
      try {
        const client = await createClient(store.db, systemClock, { name: 'bench-writer', scopes: [], tenantId: TENANT });
        token = sharedToken = await clientCredentialsToken(`${servers[0]?.ready.url}/identity/connect/token`, client);
      } finally {
        await store.close();
      }
    },
    async round(writers, seconds) {
      const cpu = () => servers.reduce((sum, s) => sum + (processCpuSeconds(s.pid) ?? Number.NaN), 0);
      const before = cpu();
      const started = performance.now();
      const rps = await driveWrites(writers, seconds, servers.map((s) => s.ready.url), (w) => `${PATH}/Streams/${streamId(w)}/Data`, token, 204, `${label}: write`);
      cpuPerWrite = ((cpu() - before) / (rps * ((performance.now() - started) / 1000))) * 1e6;
      return rps;
    },
    /** The server processes' CPU time (user + system) per write in the last round, µs. */
    cpuPerWriteUs: () => (cpuPerWrite !== undefined && Number.isFinite(cpuPerWrite) ? cpuPerWrite : undefined),
    /** The highest peak resident memory of its server processes so far (the larger of two). */
    peakMb: () => maxPeak(servers),
    async close() {
      for (const s of servers) await s.stop();
    },
  };
}

function maxPeak(servers: ServerChild[]): number | undefined {
  const peaks = servers.flatMap((s) => s.memory()?.peakMb ?? []);
  return peaks.length === 0 ? undefined : Math.max(...peaks);
}

/**
 * A plain node:http server answering the same requests from the same client without doing anything: no server
 * that writes over HTTP can go faster, so echo / bare is the ceiling of the ratio on this machine.
 */
function echoTarget(): Target & { peakMb(): number | undefined } {
  let server: ServerChild | undefined;
  return {
    peakMb: () => maxPeak(server ? [server] : []),
    async setUp() {
      server = await startServer(['baseline'], 'echo');
    },
    round: (writers, seconds) =>
      driveWrites(writers, seconds, [server?.ready.url ?? ''], (w) => `${PATH}/Streams/${streamId(w)}/Data`, 'echo', 201, 'echo'),
    close: async () => server?.stop(),
  };
}

/** The same two rows (event, change record) per write straight through the driver: the floor of the work. */
function bareTarget(database: Database): Target {
  const eventJson = (w: number, ts: string) => JSON.stringify({ Timestamp: ts, Value: w });
  if (database.url.startsWith('sqlite:')) {
    const sqlite = new SQLite(database.url.slice('sqlite:'.length));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    let seq = 1e9;
    const insertEvent = sqlite.prepare('INSERT INTO sds_events (tenant_id, namespace_id, stream_id, index_key, event) VALUES (?, ?, ?, ?, ?)');
    const insertChange = sqlite.prepare(
      'INSERT INTO change_log (tenant_id, namespace_id, seq, stream_id, operation, events, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const write = sqlite.transaction((w: number) => {
      const ts = `bare-${nextTimestamp()}`;
      insertEvent.run(TENANT, NAMESPACE, streamId(w), ts, eventJson(w, ts));
      insertChange.run(TENANT, NAMESPACE, seq++, streamId(w), 'Insert', `[${eventJson(w, ts)}]`, new Date().toISOString());
    });
    return {
      setUp: async () => undefined,
      // One connection: concurrent writers would only queue on it; yield now and then like a server would.
      round: (writers, seconds) => drive(writers, seconds, async (w) => {
        write(w);
        if (w === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }),
      close: async () => void sqlite.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: database.url, max: MAX_WRITERS });
  let seq = 1e12;
  const text = `WITH e AS (INSERT INTO sds_events (tenant_id, namespace_id, stream_id, index_key, event) VALUES ($1, $2, $3, $4, $5))
    INSERT INTO change_log (tenant_id, namespace_id, seq, stream_id, operation, events, created_at) VALUES ($1, $2, $6, $3, 'Insert', $7, $8)`;
  return {
    setUp: async () => undefined,
    round: (writers, seconds) =>
      drive(writers, seconds, async (w) => {
        const ts = `bare-${nextTimestamp()}`;
        await pool.query({ name: 'bare', text, values: [TENANT, NAMESPACE, streamId(w), ts, eventJson(w, ts), seq++, `[${eventJson(w, ts)}]`, new Date().toISOString()] });
      }),
    close: () => pool.end(),
  };
}

async function prepare(database: Database): Promise<void> {
  const store = openStore(database.url, { poolSize: 1 });
  try {
    const { migrateToLatest } = await import('../src/store/migrate.js');
    await migrateToLatest(store);
    await createNamespace(store.db, systemClock, TENANT, NAMESPACE);
    const now = new Date().toISOString();
    await store.db
      .insertInto('sds_types')
      .values({
        tenant_id: TENANT,
        namespace_id: NAMESPACE,
        id: 'BenchType',
        definition: JSON.stringify({
          Id: 'BenchType',
          SdsTypeCode: 'Object',
          Properties: [
            { Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } },
            { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } },
          ],
        }),
        key_property: 'Timestamp',
        key_type_code: 16,
        created_at: now,
      })
      .execute();
  } finally {
    await store.close();
  }
}

interface Row {
  dialect: string;
  writers: number;
  target: string;
  rps: number;
  baseline: number;
  echo: number;
  /** The server's CPU time per write (all its processes), median over the rounds, µs. */
  cpuUs: number | undefined;
}

/** Peak resident memory of each server target and of the echo, per dialect, read before they stop. */
interface Memory {
  dialect: string;
  servers: Array<{ name: string; peakMb: number | undefined }>;
  echo: number | undefined;
}

async function measure(dialect: string, database: Database, rows: Row[], memory: Memory[]): Promise<void> {
  sharedToken = undefined;
  await prepare(database);
  const one = serverTarget(database, 1, `${dialect} server`);
  const bare = bareTarget(database);
  const echo = echoTarget();
  await one.setUp();
  await echo.setUp();
  const targets: Array<{ name: string; target: ReturnType<typeof serverTarget> }> = [{ name: 'server', target: one }];
  let two: ReturnType<typeof serverTarget> | undefined;
  try {
    // Streams made over HTTP, as a client would; one per writer.
    await one.createStreams(MAX_WRITERS);
    if (dialect === 'postgres') {
      two = serverTarget(database, 2, `${dialect} two servers`);
      await two.setUp();
      targets.push({ name: 'two servers', target: two });
    }
    // One round of each target first, not measured: a server's first seconds of load run before the JIT has compiled
    // its hot paths (at 10 SQLite writers the first round took 1.5-2 x the CPU per write of the later ones), and the
    // signup benchmark leaves the same out.
    process.stdout.write(`${dialect}: warm-up ${WARMUP} s per target… `);
    for (const t of [bare, echo, ...targets.map((x) => x.target)]) await t.round(MAX_WRITERS, WARMUP);
    process.stdout.write('\n');
    for (const writers of WRITERS) {
      const cpu = new Map<string, number[]>(targets.map((t): [string, number[]] => [t.name, []]));
      const runs = new Map<string, number[]>([['bare', []], ['echo', []], ...targets.map((t): [string, number[]] => [t.name, []])]);
      process.stdout.write(`${dialect}, ${writers} writer(s): `);
      for (let r = 0; r < ROUNDS; r++) {
        runs.get('bare')?.push(await bare.round(writers, SECONDS));
        runs.get('echo')?.push(await echo.round(writers, SECONDS));
        for (const t of targets) {
          runs.get(t.name)?.push(await t.target.round(writers, SECONDS));
          const us = t.target.cpuPerWriteUs();
          if (us !== undefined) cpu.get(t.name)?.push(us);
        }
        process.stdout.write(`${r + 1} `);
      }
      process.stdout.write('\n');
      const baseline = median(runs.get('bare') ?? []);
      const echoRps = median(runs.get('echo') ?? []);
      for (const t of targets) {
        if (t.name === 'two servers' && writers === 1) continue;
        const us = cpu.get(t.name) ?? [];
        rows.push({ dialect, writers, target: t.name, rps: median(runs.get(t.name) ?? []), baseline, echo: echoRps, cpuUs: us.length === 0 ? undefined : median(us) });
      }
    }
    memory.push({
      dialect,
      servers: [{ name: `${dialect} server`, peakMb: one.peakMb() }, ...(two ? [{ name: `${dialect} two servers`, peakMb: two.peakMb() }] : [])],
      echo: echo.peakMb(),
    });
  } finally {
    await one.close();
    await two?.close();
    await bare.close();
    await echo.close();
  }
}

async function main(): Promise<void> {
  console.log(`SDS writes into one namespace: ${WRITERS.join(' / ')} writers, ${WARMUP} s warm-up per target, then ${SECONDS} s per round, median of ${ROUNDS} rounds`);
  const rows: Row[] = [];
  const memory: Memory[] = [];
  if (DIALECTS.has('sqlite')) {
    const sqlite = sqliteDatabase('signups-bench-sds-');
    try {
      await measure('sqlite', sqlite, rows, memory);
    } finally {
      await sqlite.drop();
    }
  }
  if (POSTGRES_URL && DIALECTS.has('postgres')) {
    const database = await postgresDatabase(POSTGRES_URL);
    try {
      await measure('postgres', database, rows, memory);
    } finally {
      await database.drop();
    }
  }
  console.log('');
  console.log('dialect   writers  target        writes/s  bare INSERT/s  x bare  HTTP echo/s  echo x bare  server CPU/write');
  for (const r of rows) {
    console.log(
      `${r.dialect.padEnd(8)}  ${String(r.writers).padStart(7)}  ${r.target.padEnd(12)}  ${r.rps.toFixed(0).padStart(8)}  ${r.baseline.toFixed(0).padStart(13)}  ${(r.rps / r.baseline).toFixed(2).padStart(6)}  ${r.echo.toFixed(0).padStart(11)}  ${(r.echo / r.baseline).toFixed(2).padStart(11)}  ${r.cpuUs === undefined ? '-' : `${r.cpuUs.toFixed(0)} µs`}`,
    );
  }
  console.log('x bare = server writes/s / bare driver INSERTs/s of the same rows with as many connections, same run (higher is better).');
  console.log('echo x bare = a do-nothing HTTP server answering the same requests / bare INSERTs: the most any HTTP server can reach.');
  console.log('server CPU/write = CPU time (user + system) of the server process(es) per write over the round, median.');
  for (const m of memory) console.log(peakMemoryLine(m.servers, { name: `${m.dialect} HTTP echo`, peakMb: m.echo }));
  const over = memory.flatMap((m) => m.servers).filter((s) => s.peakMb !== undefined && s.peakMb > RSS_BOUND_MB);
  for (const s of over) console.error(`PROBLEM ${s.name}: peak resident memory ${s.peakMb?.toFixed(0)} MB is over the ${RSS_BOUND_MB} MB bound`);
  const peakRss: Record<string, number | null> = {};
  const mb = (value: number | undefined) => (value === undefined ? null : Number(value.toFixed(1)));
  for (const m of memory) {
    for (const s of m.servers) peakRss[s.name.replaceAll(' ', '_')] = mb(s.peakMb);
    peakRss[`${m.dialect}_echo`] = mb(m.echo);
  }
  console.log(
    JSON.stringify({
      sds_writes: rows.map((r) => ({ ...r, rps: Math.round(r.rps), baseline: Math.round(r.baseline), ratio: Number((r.rps / r.baseline).toFixed(3)), echo: Math.round(r.echo), cpuUs: r.cpuUs === undefined ? null : Math.round(r.cpuUs) })),
      peak_rss_mb: peakRss,
      ok: over.length === 0,
    }),
  );
  if (over.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
