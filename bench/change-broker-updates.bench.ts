// Benchmark of Change Broker updates: how fast one poller reads a backlog through GET .../updates, and how soon a
// single-event SDS write becomes visible to a poller. The real server runs in a child process (`signups serve`
// from dist/, bench/support.ts) on a durable database; the load and the baselines run here, and the same poller reads the
// server's recorded pages from a server that only replays them (the ceiling of any HTTP server). Run with
// `npm run bench:updates`.
//
//   BENCH_EVENTS=20000             events pre-written for the read measurement
//   BENCH_STREAMS=10               streams in the signup
//   BENCH_READ_ROUNDS=15           alternating rounds of the read measurement (server, replay, SQL paging); medians
//   BENCH_READ_PASSES=5            read passes over the backlog per target and round (after one warm-up pass each)
//   BENCH_LATENCY_SECONDS=8        seconds of paced single-event writes, per target
//   BENCH_WRITE_RATE=100           single-event writes per second during the latency measurement
//   BENCH_OTHER_EVENTS=1000000     change records of other streams interleaved with the backlog in a second namespace
//   BENCH_INTERLEAVED_ROUNDS=9     alternating passes over the backlog alone and with them interleaved; medians
//   BENCH_LATENCY_WRITERS=10       concurrent writers for the write-to-visible measurement under contention
//   SIGNUPS_BENCH_POSTGRES_URL=…   also measure on PostgreSQL (a throwaway database on that server)
//   BENCH_DIALECTS=sqlite,postgres which databases to measure (PostgreSQL only with the URL above)
//   BENCH_CPU_PROF=dir             write a CPU profile of each server process there (slows the servers)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { createClient } from '../src/identity/clients.js';
import { seededRandom } from '../src/sandbox/faults.js';
import { createNamespace } from '../src/sds/namespaces.js';
import { systemClock } from '../src/store/clock.js';
import { openStore, type Store } from '../src/store/database.js';
import {
  clientCredentialsToken,
  type Database,
  fixed,
  HttpClient,
  inTurns,
  median,
  peakMemoryLine,
  percentile,
  positiveInt,
  postgresDatabase,
  processCpuSeconds,
  round3,
  RSS_BOUND_MB,
  type ServerChild,
  sqliteDatabase,
  startServer,
  table,
} from './support.js';

/** The server's default SIGNUPS_UPDATES_PAGE_SIZE: the benchmark's server runs on defaults (bench/support.ts). */
const PAGE_SIZE = 1000;
const TENANT = 'bench-tenant';
const NAMESPACE = 'bench';

const EVENTS = positiveInt('BENCH_EVENTS', 20_000);
const STREAMS = positiveInt('BENCH_STREAMS', 10);
const READ_PASSES = positiveInt('BENCH_READ_PASSES', 5);
const INTERLEAVED_ROUNDS = positiveInt('BENCH_INTERLEAVED_ROUNDS', 9);
const READ_ROUNDS = positiveInt('BENCH_READ_ROUNDS', 15);
const LATENCY_SECONDS = positiveInt('BENCH_LATENCY_SECONDS', 8);
const WRITE_RATE = positiveInt('BENCH_WRITE_RATE', 100);
const OTHER_EVENTS = positiveInt('BENCH_OTHER_EVENTS', 1_000_000);
const LATENCY_WRITERS = positiveInt('BENCH_LATENCY_WRITERS', 10);
const BUSY_NAMESPACE = 'bench-busy';
const POSTGRES_URL = process.env.SIGNUPS_BENCH_POSTGRES_URL || undefined;
const DIALECTS = new Set((process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(','));
const PROFILE_DIR = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined;

// ---------------------------------------------------------------------------------------------------------------
// HTTP

/** Every request of the run, the poller's included, goes through one lean client (see HttpClient). */
const http = new HttpClient(64);

interface Update {
  resourceId: string;
  operation: string;
  events: Array<{ Timestamp: string; Value: number }>;
}

interface UpdatesPage {
  data: Update[];
  bookmark: string;
}

class Api {
  constructor(
    readonly url: string,
    private readonly token: string,
    readonly namespace = NAMESPACE,
    /** Every answer's body by the path and query asked, when recording. */
    private readonly recorder?: Map<string, string>,
  ) {}

  get base(): string {
    return `${this.url}/api/v1/tenants/${TENANT}/namespaces/${this.namespace}`;
  }

  /** The same client in another namespace of the tenant. */
  in(namespace: string): Api {
    return new Api(this.url, this.token, namespace);
  }

  /** The same client, recording every answer into `pages`. */
  recording(pages: Map<string, string>): Api {
    return new Api(this.url, this.token, this.namespace, pages);
  }

  /** The same client asking another server the same paths. */
  at(url: string): Api {
    return new Api(url, this.token, this.namespace);
  }

  async call(method: string, path: string, json?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (json !== undefined) headers['content-type'] = 'application/json';
    const res = await http.send(method, `${this.base}${path}`, headers, json === undefined ? undefined : JSON.stringify(json));
    const text = res.text;
    if (this.recorder) {
      const asked = new URL(`${this.base}${path}`);
      this.recorder.set(`${asked.pathname}${asked.search}`, text);
    }
    return { status: res.status, text };
  }

  async expect(status: number[], method: string, path: string, json?: unknown): Promise<string> {
    const res = await this.call(method, path, json);
    if (!status.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.text;
  }

  async updates(signupId: string, bookmark: string): Promise<UpdatesPage> {
    return JSON.parse(await this.expect([200], 'GET', `/signups/${signupId}/updates?bookmark=${bookmark}`)) as UpdatesPage;
  }
}

/** A tenant client made in the shared database, and its token from the AVEVA identity path. */
async function tenantApi(store: Store, url: string): Promise<Api> {
  await createNamespace(store.db, systemClock, TENANT, NAMESPACE);
  const client = await createClient(store.db, systemClock, { name: 'bench-poller', scopes: [], tenantId: TENANT });
  return new Api(url, await clientCredentialsToken(`${url}/identity/connect/token`, client));
}

const streamId = (i: number) => `bench-stream-${i}`;

/** The type, the streams and an Active signup over them; answers the signup's id and starting bookmark. */
async function setUp(api: Api): Promise<{ signupId: string; bookmark: string }> {
  await api.expect([200, 201, 302], 'POST', '/types/BenchType', {
    Id: 'BenchType',
    SdsTypeCode: 'Object',
    Properties: [
      { Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } },
      { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } },
    ],
  });
  for (let i = 0; i < STREAMS; i += 1) await api.expect([201], 'POST', `/streams/${streamId(i)}`, { Id: streamId(i), TypeId: 'BenchType' });
  const ids = Array.from({ length: STREAMS }, (_, i) => streamId(i));
  const created = JSON.parse(await api.expect([202], 'POST', '/signups', { Name: 'bench', ResourceType: 'Stream', ResourceIds: ids })) as { id: string };
  const deadline = Date.now() + 10_000;
  for (;;) {
    const got = JSON.parse(await api.expect([200], 'GET', `/signups/${created.id}`)) as { signupState: string; bookmark: string };
    if (got.signupState === 'Active') return { signupId: created.id, bookmark: got.bookmark };
    if (Date.now() > deadline) throw new Error(`signup still ${got.signupState} after 10 s`);
    await sleep(20);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Reading a backlog

/** Mostly small writes with a tail of large ones, as telemetry tends to arrive: mean about 6.5 events. */
function writeSizes(total: number): number[] {
  // Seeded, so every run and every dialect writes the same backlog.
  const random = seededRandom(42);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
    const r = random();
    const size = Math.min(left, r < 0.5 ? 1 : r < 0.8 ? between(2, 5) : r < 0.95 ? between(6, 20) : between(21, 100));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

const BACKLOG_EPOCH = Date.UTC(2020, 0, 1);
const LIVE_EPOCH = Date.UTC(2030, 0, 1);
const at = (epoch: number, n: number) => new Date(epoch + n * 1000).toISOString();

/** Writes the backlog through POST .../Data, one writer per stream (each stream's writes in order). */
async function writeBacklog(api: Api): Promise<{ writes: number; seconds: number }> {
  const sizes = writeSizes(EVENTS);
  const perStream: number[][] = Array.from({ length: STREAMS }, () => []);
  sizes.forEach((size, i) => perStream[i % STREAMS]?.push(size));
  const started = performance.now();
  await Promise.all(
    perStream.map(async (list, s) => {
      let next = 0;
      for (const size of list) {
        const events = Array.from({ length: size }, (_, k) => ({ Timestamp: at(BACKLOG_EPOCH, next + k), Value: next + k }));
        await api.expect([204], 'POST', `/streams/${streamId(s)}/data`, events);
        next += size;
      }
    }),
  );
  return { writes: sizes.length, seconds: (performance.now() - started) / 1000 };
}

interface ReadResult {
  events: number;
  updates: number;
  pages: number;
  seconds: number;
  /** CPU time of the process that served the reads (the server; this process for the SQL baseline), when known. */
  cpuSeconds?: number;
}

/** `pass` with the CPU time that `cpuSeconds` counted while it ran. */
async function withCpu<R extends ReadResult>(cpuSeconds: () => number | undefined, pass: () => Promise<R>): Promise<R> {
  const before = cpuSeconds();
  const result = await pass();
  const after = cpuSeconds();
  return before === undefined || after === undefined ? result : { ...result, cpuSeconds: after - before };
}
const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

const rate = (r: ReadResult) => ({ eventsPerS: r.events / r.seconds, updatesPerS: r.updates / r.seconds, pagesPerS: r.pages / r.seconds });

/**
 * One poller follows bookmarks until a page comes back empty, as a client does to know it has caught up (that
 * last request counts as a page). Checks that each stream's values arrive once, in write order.
 */
async function readPass(api: Api, signupId: string, start: string, problems: string[], label: string): Promise<ReadResult & { bookmark: string }> {
  const nextValue = new Map<string, number>();
  let bookmark = start;
  let events = 0;
  let updates = 0;
  let pages = 0;
  const started = performance.now();
  for (;;) {
    const page = await api.updates(signupId, bookmark);
    pages += 1;
    bookmark = page.bookmark;
    if (page.data.length === 0) break;
    for (const update of page.data) {
      updates += 1;
      for (const event of update.events) {
        const expected = nextValue.get(update.resourceId) ?? 0;
        if (event.Value !== expected && problems.length < 20) problems.push(`${label}: ${update.resourceId} gave value ${event.Value}, expected ${expected}`);
        nextValue.set(update.resourceId, event.Value + 1);
        events += 1;
      }
    }
  }
  return { events, updates, pages, seconds: (performance.now() - started) / 1000, bookmark };
}

/**
 * Baseline: the same change records paged straight out of the same database through the same store, with the
 * query the server's own read starts from (`seq > ? ORDER BY seq LIMIT ?`) and the events JSON parsed. It is the
 * floor for serving updates from this table; what the server adds on top is HTTP, authentication, the signup
 * lookup and touch, access checks, bookmarks and serialization. It runs in this process on its own connection.
 */
async function sqlPass(store: Store): Promise<ReadResult> {
  let after = 0;
  let events = 0;
  let updates = 0;
  let pages = 0;
  const started = performance.now();
  for (;;) {
    const rows = await store.db
      .selectFrom('change_log')
      .select(['seq', 'stream_id', 'operation', 'events', 'created_at'])
      .where('tenant_id', '=', TENANT)
      .where('namespace_id', '=', NAMESPACE)
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(PAGE_SIZE)
      .execute();
    pages += 1;
    if (rows.length === 0) break;
    for (const row of rows) {
      updates += 1;
      events += (JSON.parse(row.events) as unknown[]).length;
    }
    after = Number(rows.at(-1)?.seq ?? after);
  }
  return { events, updates, pages, seconds: (performance.now() - started) / 1000 };
}

function sum(results: ReadResult[]): ReadResult {
  const total = results.reduce((a, r) => ({ events: a.events + r.events, updates: a.updates + r.updates, pages: a.pages + r.pages, seconds: a.seconds + r.seconds }), {
    events: 0,
    updates: 0,
    pages: 0,
    seconds: 0,
  });
  const cpu = results.map((r) => r.cpuSeconds);
  return cpu.every((c) => c !== undefined) ? { ...total, cpuSeconds: cpu.reduce((a, c) => a + c, 0) } : total;
}

/** CPU microseconds per event read, when the CPU time is known. */
const cpuPerEvent = (r: ReadResult) => (r.cpuSeconds === undefined || r.events === 0 ? undefined : (r.cpuSeconds * 1e6) / r.events);

interface ReadFigures {
  eventsPerS: number;
  updatesPerS: number;
  pagesPerS: number;
  cpuPerEvent: number | undefined;
}

/** Each target's median rate and CPU per event over the rounds, and the medians of each round's ratios to the SQL paging. */
function readMedians(rounds: readonly ReadRound[]): {
  server: ReadFigures;
  replay: ReadFigures;
  sql: ReadFigures;
  /** Each round's ratio of the server to the SQL paging of the same round. */
  serverRatios: number[];
  serverRatio: number;
  replayRatio: number;
  /** The median of each round's ratio of the server to the replaying server (its ceiling) of the same round. */
  ceilingRatio: number;
} {
  const figures = (results: ReadResult[]): ReadFigures => {
    const cpu = results.map(cpuPerEvent);
    return {
      eventsPerS: median(results.map((r) => rate(r).eventsPerS)),
      updatesPerS: median(results.map((r) => rate(r).updatesPerS)),
      pagesPerS: median(results.map((r) => rate(r).pagesPerS)),
      cpuPerEvent: cpu.every((c) => c !== undefined) && cpu.length > 0 ? median(cpu) : undefined,
    };
  };
  const ratio = (a: ReadResult, b: ReadResult) => rate(a).eventsPerS / rate(b).eventsPerS;
  const serverRatios = rounds.map((r) => ratio(r.server, r.sql));
  return {
    server: figures(rounds.map((r) => r.server)),
    replay: figures(rounds.map((r) => r.replay)),
    sql: figures(rounds.map((r) => r.sql)),
    serverRatios,
    serverRatio: median(serverRatios),
    replayRatio: median(rounds.map((r) => ratio(r.replay, r.sql))),
    ceilingRatio: median(rounds.map((r) => ratio(r.server, r.replay))),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Write-to-visible latency

interface LatencyResult {
  /** Seen − answered, in ms, sorted; an event seen before its write's answer arrived here counts as 0. */
  fromAnswered: number[];
  /** Seen − sent, in ms, sorted. */
  fromSent: number[];
  seenBeforeAnswer: number;
  writes: number;
  polls: number;
}

/**
 * Drives `write(id)` at a steady pace (open loop: a slow answer does not delay the next write) while `poll()` runs
 * back to back, and times when each id is first seen. Both run in this process, so their times share one clock.
 */
async function paced(
  label: string,
  write: (id: number) => Promise<void>,
  poll: () => Promise<number[]>,
  problems: string[],
): Promise<LatencyResult> {
  const total = LATENCY_SECONDS * WRITE_RATE;
  const sent = new Float64Array(total);
  const answered = new Float64Array(total).fill(Number.NaN);
  const seen = new Float64Array(total).fill(Number.NaN);
  let duplicates = 0;
  let polls = 0;
  let writing = true;
  let lastAnswer = performance.now();

  const poller = (async () => {
    let unseen = total;
    while (unseen > 0) {
      const ids = await poll();
      const now = performance.now();
      polls += 1;
      for (const id of ids) {
        if (!(id >= 0 && id < total)) continue;
        if (Number.isNaN(seen[id])) {
          seen[id] = now;
          unseen -= 1;
        } else duplicates += 1;
      }
      if (!writing && now - lastAnswer > 10_000) {
        problems.push(`${label}: ${unseen} of ${total} writes were still not visible 10 s after the last answer`);
        return;
      }
      // Lets the writer's timers run when the poll is synchronous underneath (better-sqlite3).
      await yieldToLoop();
    }
  })();

  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let id = 0; id < total; id += 1) {
    const due = started + (id * 1000) / WRITE_RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    sent[id] = performance.now();
    inFlight.push(
      write(id).then(() => {
        answered[id] = lastAnswer = performance.now();
      }),
    );
  }
  try {
    await Promise.all(inFlight);
  } finally {
    // The poller gives up 10 s after the last answer, so a failed write cannot leave it polling forever.
    writing = false;
    await poller;
  }
  if (duplicates > 0) problems.push(`${label}: ${duplicates} events were seen more than once`);

  const fromAnswered: number[] = [];
  const fromSent: number[] = [];
  let seenBeforeAnswer = 0;
  for (let id = 0; id < total; id += 1) {
    const s = seen[id] ?? Number.NaN;
    if (Number.isNaN(s)) continue;
    const d = s - (answered[id] ?? Number.NaN);
    if (d < 0) seenBeforeAnswer += 1;
    fromAnswered.push(Math.max(0, d));
    fromSent.push(s - (sent[id] ?? 0));
  }
  fromAnswered.sort((a, b) => a - b);
  fromSent.sort((a, b) => a - b);
  return { fromAnswered, fromSent, seenBeforeAnswer, writes: total, polls };
}

/** Single-event SDS writes, round robin over the signup's streams, against a poller of GET .../updates. */
function serverLatency(api: Api, signupId: string, start: string, problems: string[], label: string): Promise<LatencyResult> {
  let bookmark = start;
  return paced(
    label,
    (id) => api.expect([204], 'POST', `/streams/${streamId(id % STREAMS)}/data`, [{ Timestamp: at(LIVE_EPOCH, id), Value: id }]).then(() => undefined),
    async () => {
      const page = await api.updates(signupId, bookmark);
      bookmark = page.bookmark;
      return page.data.flatMap((u) => u.events.map((e) => e.Value));
    },
    problems,
  );
}

/**
 * Baseline: the same paced writes and back-to-back polls against the bare database, one connection (pool) writing
 * a row and another polling `SELECT ... WHERE id > ? ORDER BY id LIMIT ?`. It is the floor that the database sets
 * for making a committed row visible to a poller; the server adds an HTTP round trip each way and its per-request
 * work. The rows go to a scratch table of the throwaway database.
 */
async function databaseLatency(url: string, problems: string[], label: string): Promise<LatencyResult> {
  // One writer connection: rows commit in id order, as the server's namespace lock makes change numbers commit in
  // order. With several, a larger id could commit first and the `id > ?` poller would skip the smaller one.
  const writer = openStore(url, { poolSize: 1 });
  const reader = openStore(url, { poolSize: 1 });
  try {
    await sql`create table bench_visibility (id integer primary key, value double precision not null)`.execute(writer.db);
    let after = -1;
    return await paced(
      label,
      async (id) => {
        await sql`insert into bench_visibility (id, value) values (${id}, ${id})`.execute(writer.db);
      },
      async () => {
        const { rows } = await sql<{ id: number }>`select id from bench_visibility where id > ${after} order by id limit ${PAGE_SIZE}`.execute(reader.db);
        const ids = rows.map((r) => Number(r.id));
        after = ids.at(-1) ?? after;
        return ids;
      },
      problems,
    );
  } finally {
    await reader.close();
    await writer.close();
  }
}

/** Round trip of the cheapest request the server answers, for scale. */
async function healthRoundTrip(url: string, n = 300): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await http.send('GET', `${url}/healthz`, {});
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------------
// 3. A page's cost with other streams' traffic interleaved

/**
 * A second namespace holding the same backlog (the same streams, records and order, copied from the first) with
 * OTHER_EVENTS change records of 100 other streams interleaved between its records, evenly, as a busy namespace
 * would hold them. Records are copied with SQL, in positions below anything a writer hands out.
 */
async function interleaveBacklog(store: Store): Promise<void> {
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM change_log WHERE tenant_id = ${TENANT} AND namespace_id = ${NAMESPACE}`.execute(
    store.db,
  );
  const backlog = Number(rows[0]?.n ?? 0);
  const step = Math.ceil(OTHER_EVENTS / backlog) + 1;
  const last = backlog * step;
  await store.db.transaction().execute(async (tx) => {
    await sql`INSERT INTO change_log (tenant_id, namespace_id, seq, stream_id, operation, events, created_at)
      SELECT tenant_id, ${BUSY_NAMESPACE}, row_number() OVER (ORDER BY seq) * ${step}, stream_id, operation, events, created_at
      FROM change_log WHERE tenant_id = ${TENANT} AND namespace_id = ${NAMESPACE}`.execute(tx);
    const now = new Date().toISOString();
    const event = JSON.stringify([{ Timestamp: at(BACKLOG_EPOCH, 0), Value: 0 }]);
    const others =
      store.dialect === 'postgres'
        ? sql`SELECT x FROM generate_series(1, ${last}::bigint) AS g(x)`
        : sql`WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < ${last}) SELECT x FROM g`;
    await sql`INSERT INTO change_log (tenant_id, namespace_id, seq, stream_id, operation, events, created_at)
      SELECT ${TENANT}, ${BUSY_NAMESPACE}, x, 'busy-' || CAST(x % 100 AS text), 'Insert', ${event}, ${now} FROM (${others}) o WHERE x % ${step} <> 0`.execute(tx);
    // SQLite hands out positions from the namespace's counter: past the copied ones.
    if (store.dialect === 'sqlite') await tx.updateTable('namespaces').set({ last_change_seq: last }).where('tenant_id', '=', TENANT).where('id', '=', BUSY_NAMESPACE).execute();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Write-to-visible with concurrent writers

/** Polls until a page comes back empty; answers the bookmark there. */
async function catchUp(api: Api, signupId: string, bookmark: string): Promise<string> {
  for (;;) {
    const page = await api.updates(signupId, bookmark);
    if (page.data.length === 0) return page.bookmark;
    bookmark = page.bookmark;
  }
}

interface WritersResult {
  /** Seen − answered, in ms, sorted (0 if seen before the answer). */
  latencies: number[];
  writes: number;
  seen: number;
  seconds: number;
}

/**
 * `writers` closed loops of single-event SDS writes (each on its own stream, as fast as answers come) while one
 * poller polls back to back; times when each write is first seen after its answer.
 */
async function writersLatency(api: Api, signupId: string, start: string, writers: number, problems: string[], label: string): Promise<WritersResult> {
  const answered = new Map<number, number>();
  const seen = new Map<number, number>();
  let duplicates = 0;
  let writing = true;
  let next = 0;
  const started = performance.now();
  const until = started + LATENCY_SECONDS * 1000;
  const writer = async (w: number) => {
    while (performance.now() < until) {
      const id = next++;
      await api.expect([204], 'POST', `/streams/${streamId(w % STREAMS)}/data`, [{ Timestamp: at(LIVE_EPOCH + 10 ** 9, id), Value: id }]);
      answered.set(id, performance.now());
    }
  };
  const poller = (async () => {
    let bookmark = start;
    let lastProgress = performance.now();
    while (writing || seen.size < answered.size) {
      const page = await api.updates(signupId, bookmark);
      bookmark = page.bookmark;
      const now = performance.now();
      for (const update of page.data) {
        for (const event of update.events) {
          if (seen.has(event.Value)) duplicates += 1;
          else seen.set(event.Value, now);
          lastProgress = now;
        }
      }
      if (!writing && now - lastProgress > 10_000) {
        problems.push(`${label}: ${answered.size - seen.size} writes were still not visible 10 s after the last one`);
        return;
      }
      await yieldToLoop();
    }
  })();
  try {
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  } finally {
    writing = false;
    await poller;
  }
  if (duplicates > 0) problems.push(`${label}: ${duplicates} events were seen more than once`);
  const latencies: number[] = [];
  for (const [id, answer] of answered) {
    const s = seen.get(id);
    if (s !== undefined) latencies.push(Math.max(0, s - answer));
  }
  latencies.sort((a, b) => a - b);
  return { latencies, writes: answered.size, seen: latencies.length, seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------------------------
// One dialect

interface DialectResult {
  dialect: string;
  backlog: { events: number; writes: number; writeSeconds: number };
  /** Each round's passes, summed, per target: the server, the SQL paging, and bench/replay-server.mjs answering the server's recorded pages. */
  reads: ReadRound[];
  latencyServer: LatencyResult;
  latencyDatabase: LatencyResult;
  healthRtt: number[];
  /** Seconds per page over the backlog alone and with other streams interleaved, per round (alternating). */
  pageSeconds: { alone: number[]; interleaved: number[]; pages: number };
  writers: WritersResult;
  /** The server process's peak resident memory over the whole dialect's run, MB. */
  peakRssMb: number | undefined;
}

interface ReadRound {
  server: ReadResult;
  replay: ReadResult;
  sql: ReadResult;
}

/**
 * The reads, in rounds that take turns between the targets (the order reversed every other round), so that the
 * machine's drift from second to second reaches them alike: the server, the ceiling for any HTTP server, and the
 * SQL paging. For the ceiling, one pass over the real server is recorded and the same poller reads the same pages
 * from a server that only looks up the recorded answer (bench/replay-server.mjs), in a process of its own.
 */
async function readRounds(api: Api, server: ServerChild, store: Store, signupId: string, start: string, writes: number, problems: string[], dialect: string): Promise<{ rounds: ReadRound[]; caughtUp: string }> {
  const recorded = new Map<string, string>();
  await readPass(api.recording(recorded), signupId, start, problems, `${dialect} recording`);
  const dir = mkdtempSync(join(tmpdir(), 'signups-bench-replay-'));
  try {
    const file = join(dir, 'pages.json');
    writeFileSync(file, JSON.stringify([...recorded]));
    const replay = await startServer(['replay', file], `${dialect} replay`);
    try {
      const replayApi = api.at(replay.ready.url);
      await readPass(api, signupId, start, problems, `${dialect} warm-up`);
      await readPass(replayApi, signupId, start, problems, `${dialect} replay warm-up`);
      await sqlPass(store);
      const passes = async (cpuSeconds: () => number | undefined, pass: () => Promise<ReadResult>) => {
        const results: ReadResult[] = [];
        for (let i = 0; i < READ_PASSES; i += 1) results.push(await withCpu(cpuSeconds, pass));
        return sum(results);
      };
      const rounds: ReadRound[] = [];
      // Where every pass over the server ends: the bookmark that has read the whole backlog.
      let caughtUp = start;
      for (let round = 0; round < READ_ROUNDS; round += 1) {
        const measured: Partial<ReadRound> = {};
        const targets: Array<() => Promise<void>> = [
          async () => {
            measured.server = await passes(
              () => processCpuSeconds(server.pid),
              async () => {
                const pass = await readPass(api, signupId, start, problems, `${dialect} round ${round + 1}`);
                caughtUp = pass.bookmark;
                if (pass.events !== EVENTS || pass.updates !== writes) {
                  problems.push(`${dialect} round ${round + 1}: read ${pass.updates} updates with ${pass.events} events; wrote ${writes} with ${EVENTS}`);
                }
                return pass;
              },
            );
          },
          async () => {
            measured.replay = await passes(() => processCpuSeconds(replay.pid), () => readPass(replayApi, signupId, start, problems, `${dialect} replay ${round + 1}`));
          },
          async () => {
            measured.sql = await passes(ownCpuSeconds, () => sqlPass(store));
          },
        ];
        await inTurns(round, targets);
        const { server: s, replay: r, sql: q } = measured;
        if (s && r && q) rounds.push({ server: s, replay: r, sql: q });
      }
      return { rounds, caughtUp };
    } finally {
      await replay.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureDialect(dialect: string, database: Database, problems: string[]): Promise<DialectResult> {
  const log = (text: string) => process.stdout.write(text);
  log(`${dialect}: starting server… `);
  // The real server in its own process, so that its event loop is not shared with the pollers and writers here.
  // One folder per dialect.
  const profileDir = PROFILE_DIR ? join(PROFILE_DIR, dialect) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const server = await startServer(['signups', database.url], dialect, profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []);
  // Its own connection to the shared database: setup (namespace, client) and the SQL baseline.
  const store = openStore(database.url, { poolSize: 2 });
  try {
    const api = await tenantApi(store, server.ready.url);
    const { signupId, bookmark: start } = await setUp(api);
    log(`writing ${EVENTS} events… `);
    const backlog = await writeBacklog(api);

    log(`reading ${READ_ROUNDS} rounds… `);
    const { rounds: reads, caughtUp } = await readRounds(api, server, store, signupId, start, backlog.writes, problems, dialect);

    log(`interleaving ${OTHER_EVENTS} other records… `);
    const busy = api.in(BUSY_NAMESPACE);
    await createNamespace(store.db, systemClock, TENANT, BUSY_NAMESPACE);
    const busySignup = await setUp(busy);
    await interleaveBacklog(store);
    await readPass(busy, busySignup.signupId, busySignup.bookmark, problems, `${dialect} interleaved warm-up`);
    const pageSeconds = { alone: [] as number[], interleaved: [] as number[], pages: 0 };
    for (let round = 0; round < INTERLEAVED_ROUNDS; round += 1) {
      const measured: { alone?: ReadResult; interleaved?: ReadResult } = {};
      await inTurns(round, [
        async () => {
          measured.alone = await readPass(api, signupId, start, problems, `${dialect} alone ${round + 1}`);
        },
        async () => {
          measured.interleaved = await readPass(busy, busySignup.signupId, busySignup.bookmark, problems, `${dialect} interleaved ${round + 1}`);
        },
      ]);
      const { alone, interleaved } = measured;
      if (!alone || !interleaved) continue;
      if (interleaved.events !== EVENTS) problems.push(`${dialect} interleaved ${round + 1}: read ${interleaved.events} events; wrote ${EVENTS}`);
      pageSeconds.alone.push(alone.seconds / alone.pages);
      pageSeconds.interleaved.push(interleaved.seconds / interleaved.pages);
      pageSeconds.pages = interleaved.pages;
    }
    // The bulk load above filled the write-ahead log: flush it now, so that its checkpoint does not run during the
    // latency measurements below (on PostgreSQL it spread over about 30 s and slowed the server's commits, measured
    // first, more than the baseline's, measured last).
    await (store.dialect === 'postgres' ? sql`CHECKPOINT` : sql`PRAGMA wal_checkpoint(TRUNCATE)`).execute(store.db);

    log(`latency ${LATENCY_SECONDS} s… `);
    const healthRtt = await healthRoundTrip(server.ready.url);
    const latencyServer = await serverLatency(api, signupId, caughtUp, problems, `${dialect} server latency`);
    log(`${LATENCY_WRITERS} writers ${LATENCY_SECONDS} s… `);
    const writers = await writersLatency(api, signupId, await catchUp(api, signupId, caughtUp), LATENCY_WRITERS, problems, `${dialect} ${LATENCY_WRITERS} writers`);
    log(`database baseline ${LATENCY_SECONDS} s… `);
    const latencyDatabase = await databaseLatency(database.url, problems, `${dialect} database latency`);
    const peakRssMb = server.memory()?.peakMb;
    if (peakRssMb !== undefined && peakRssMb > RSS_BOUND_MB) problems.push(`${dialect}: the server's peak resident memory ${peakRssMb.toFixed(0)} MB is over the ${RSS_BOUND_MB} MB bound`);
    log('done\n');
    return {
      dialect,
      backlog: { events: EVENTS, writes: backlog.writes, writeSeconds: backlog.seconds },
      reads,
      latencyServer,
      latencyDatabase,
      healthRtt,
      pageSeconds,
      writers,
      peakRssMb,
    };
  } finally {
    await store.close();
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Output

function printResults(results: DialectResult[]): void {
  console.log('');
  console.log(
    `1. One poller reading a backlog of ${EVENTS} events (pages of up to ${PAGE_SIZE} updates): ${READ_ROUNDS} alternating rounds of ${READ_PASSES} passes per target; medians of the rounds`,
  );
  const readRows: string[][] = [];
  const ceilings: string[] = [];
  for (const r of results) {
    const m = readMedians(r.reads);
    ceilings.push(`${fixed(m.ceilingRatio, 3)} (${r.dialect})`);
    const cpu = (v: number | undefined) => (v === undefined ? '-' : fixed(v, 2));
    const cpuRatio = (v: number | undefined) => (v === undefined || m.sql.cpuPerEvent === undefined ? '-' : fixed(m.sql.cpuPerEvent / v, 3));
    const pages = (t: keyof ReadRound) => String(r.reads.reduce((n, round) => n + round[t].pages, 0));
    readRows.push([`GET updates (${r.dialect})`, fixed(m.server.eventsPerS, 0), fixed(m.server.updatesPerS, 0), fixed(m.server.pagesPerS, 1), pages('server'), fixed(m.serverRatio, 3), cpu(m.server.cpuPerEvent), cpuRatio(m.server.cpuPerEvent)]);
    readRows.push([`  baseline: SQL paging (${r.dialect})`, fixed(m.sql.eventsPerS, 0), fixed(m.sql.updatesPerS, 0), fixed(m.sql.pagesPerS, 1), pages('sql'), '1', cpu(m.sql.cpuPerEvent), '1']);
    readRows.push([`  ceiling: its pages replayed (${r.dialect})`, fixed(m.replay.eventsPerS, 0), fixed(m.replay.updatesPerS, 0), fixed(m.replay.pagesPerS, 1), pages('replay'), fixed(m.replayRatio, 3), cpu(m.replay.cpuPerEvent), cpuRatio(m.replay.cpuPerEvent)]);
  }
  table(['target', 'events/s', 'updates/s', 'pages/s', 'pages', 'x baseline', 'CPU µs/event', 'x CPU'], readRows);
  console.log('   CPU µs/event: CPU time of the process serving the reads (the server process; this one for the SQL baseline);');
  console.log('   x CPU = baseline CPU per event / the server\'s. PostgreSQL\'s own CPU is in neither.');
  console.log('   x baseline: the median of each round\'s ratio to the SQL paging of the same round.');
  console.log('   ceiling: the same poller reading the same pages from a node:http server that only replays them as the server');
  console.log('   answered (bench/replay-server.mjs): no HTTP server can serve this poller faster on this machine.');
  console.log(`   the server against that ceiling, median of each round's ratio: ${ceilings.join(', ')}`);

  console.log('');
  console.log(`2. Write-to-visible latency: ${WRITE_RATE} single-event writes/s for ${LATENCY_SECONDS} s, poller polling back to back`);
  console.log('   latency = when the poller first sees the event − when the write was answered (0 if seen before the answer arrived)');
  const latencyRows: string[][] = [];
  for (const r of results) {
    const s = r.latencyServer;
    const d = r.latencyDatabase;
    const row = (name: string, l: LatencyResult, ratios: boolean) => [
      name,
      fixed(percentile(l.fromAnswered, 0.5), 2),
      fixed(percentile(l.fromAnswered, 0.99), 2),
      fixed(l.fromAnswered.at(-1) ?? Number.NaN, 2),
      fixed(percentile(l.fromSent, 0.5), 2),
      `${l.fromAnswered.length}/${l.writes}`,
      String(l.polls),
      ratios ? fixed(percentile(l.fromAnswered, 0.5) / percentile(d.fromAnswered, 0.5), 1) : '1',
      ratios ? fixed(percentile(l.fromAnswered, 0.99) / percentile(d.fromAnswered, 0.99), 1) : '1',
    ];
    latencyRows.push(row(`SDS write → GET updates (${r.dialect})`, s, true));
    latencyRows.push(row(`  baseline: INSERT → SELECT (${r.dialect})`, d, false));
  }
  table(['target', 'p50 ms', 'p99 ms', 'max ms', 'p50 from sent', 'seen', 'polls', 'x p50', 'x p99'], latencyRows);
  for (const r of results) {
    console.log(
      `   ${r.dialect}: GET /healthz round trip p50 ${fixed(percentile(r.healthRtt, 0.5), 3)} ms (for scale); ` +
        `${r.latencyServer.seenBeforeAnswer} events were seen before their write's answer; backlog written in ${fixed(r.backlog.writeSeconds, 1)} s ` +
        `(${r.backlog.writes} writes, ${fixed(r.backlog.writes / r.backlog.writeSeconds, 0)} writes/s over ${STREAMS} concurrent writers)`,
    );
  }

  console.log('');
  console.log(`3. One page of updates with ${OTHER_EVENTS} change records of other streams interleaved (the same backlog; medians of ${INTERLEAVED_ROUNDS} alternating passes)`);
  table(
    ['target', 'ms/page', 'pages', 'x baseline'],
    results.flatMap((r) => [
      [`with ${OTHER_EVENTS} interleaved (${r.dialect})`, fixed(median(r.pageSeconds.interleaved) * 1000, 2), String(r.pageSeconds.pages), fixed(median(r.pageSeconds.interleaved) / median(r.pageSeconds.alone), 2)],
      [`  baseline: the backlog alone (${r.dialect})`, fixed(median(r.pageSeconds.alone) * 1000, 2), String(r.pageSeconds.pages), '1'],
    ]),
  );

  console.log('');
  console.log(`4. Write-to-visible with ${LATENCY_WRITERS} concurrent writers (closed loops, single-event writes) for ${LATENCY_SECONDS} s, one poller`);
  table(
    ['target', 'p50 ms', 'p99 ms', 'max ms', 'writes/s', 'seen', 'x p99'],
    results.flatMap((r) => [
      [
        `${LATENCY_WRITERS} writers → GET updates (${r.dialect})`,
        fixed(percentile(r.writers.latencies, 0.5), 2),
        fixed(percentile(r.writers.latencies, 0.99), 2),
        fixed(r.writers.latencies.at(-1) ?? Number.NaN, 2),
        fixed(r.writers.writes / r.writers.seconds, 0),
        `${r.writers.seen}/${r.writers.writes}`,
        fixed(percentile(r.writers.latencies, 0.99) / percentile(r.latencyDatabase.fromAnswered, 0.99), 1),
      ],
      [
        `  baseline: INSERT → SELECT, 1 writer (${r.dialect})`,
        fixed(percentile(r.latencyDatabase.fromAnswered, 0.5), 2),
        fixed(percentile(r.latencyDatabase.fromAnswered, 0.99), 2),
        fixed(r.latencyDatabase.fromAnswered.at(-1) ?? Number.NaN, 2),
        '',
        '',
        '1',
      ],
    ]),
  );

  console.log('');
  console.log('x baseline = server rate / baseline rate (higher is better); x p50, x p99 = server latency / baseline latency (lower is better).');
  console.log('The machine is shared and noisy: absolute figures vary from run to run.');
  // The baselines run in this process, beside the load generator: no baseline process to compare memory with.
  console.log(peakMemoryLine(results.map((r) => ({ name: `server (${r.dialect}, all of the above)`, peakMb: r.peakRssMb }))));
}

function figures(results: DialectResult[], ok: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { events: EVENTS, streams: STREAMS, read_rounds: READ_ROUNDS, read_passes: READ_PASSES, page_size: PAGE_SIZE, latency_s: LATENCY_SECONDS, write_rate: WRITE_RATE };
  for (const r of results) {
    const m = readMedians(r.reads);
    const lat = (l: LatencyResult) => ({
      p50_ms: round3(percentile(l.fromAnswered, 0.5)),
      p99_ms: round3(percentile(l.fromAnswered, 0.99)),
      max_ms: round3(l.fromAnswered.at(-1) ?? Number.NaN),
      p50_from_sent_ms: round3(percentile(l.fromSent, 0.5)),
      seen: l.fromAnswered.length,
      writes: l.writes,
      polls: l.polls,
    });
    out[r.dialect] = {
      backlog_writes: r.backlog.writes,
      backlog_write_s: round3(r.backlog.writeSeconds),
      read: {
        rounds: r.reads.length,
        events_per_s: Math.round(m.server.eventsPerS),
        updates_per_s: Math.round(m.server.updatesPerS),
        pages_per_s: round3(m.server.pagesPerS),
        baseline_sql_events_per_s: Math.round(m.sql.eventsPerS),
        baseline_sql_updates_per_s: Math.round(m.sql.updatesPerS),
        ratio: round3(m.serverRatio),
        round_ratios: m.serverRatios.map(round3),
        replay_ceiling_events_per_s: Math.round(m.replay.eventsPerS),
        replay_ceiling_ratio: round3(m.replayRatio),
        server_to_ceiling_ratio: round3(m.ceilingRatio),
        ...(m.server.cpuPerEvent === undefined ? {} : { server_cpu_us_per_event: round3(m.server.cpuPerEvent) }),
        ...(m.sql.cpuPerEvent === undefined ? {} : { baseline_cpu_us_per_event: round3(m.sql.cpuPerEvent) }),
      },
      latency: {
        server: lat(r.latencyServer),
        baseline_database: lat(r.latencyDatabase),
        p50_ratio: round3(percentile(r.latencyServer.fromAnswered, 0.5) / percentile(r.latencyDatabase.fromAnswered, 0.5)),
        p99_ratio: round3(percentile(r.latencyServer.fromAnswered, 0.99) / percentile(r.latencyDatabase.fromAnswered, 0.99)),
        health_rtt_p50_ms: round3(percentile(r.healthRtt, 0.5)),
      },
      interleaved: {
        other_events: OTHER_EVENTS,
        ms_per_page: round3(median(r.pageSeconds.interleaved) * 1000),
        baseline_alone_ms_per_page: round3(median(r.pageSeconds.alone) * 1000),
        ratio: round3(median(r.pageSeconds.interleaved) / median(r.pageSeconds.alone)),
      },
      writers: {
        writers: LATENCY_WRITERS,
        p50_ms: round3(percentile(r.writers.latencies, 0.5)),
        p99_ms: round3(percentile(r.writers.latencies, 0.99)),
        max_ms: round3(r.writers.latencies.at(-1) ?? Number.NaN),
        writes_per_s: Math.round(r.writers.writes / r.writers.seconds),
        seen: r.writers.seen,
        writes: r.writers.writes,
      },
      ...(r.peakRssMb === undefined ? {} : { peak_rss_mb: Number(r.peakRssMb.toFixed(1)) }),
    };
  }
  out.ok = ok;
  return out;
}

async function main(): Promise<void> {
  console.log(
    `Change Broker updates: ${EVENTS} events over ${STREAMS} streams; ${WRITE_RATE} writes/s for ${LATENCY_SECONDS} s; server in a child process on 127.0.0.1`,
  );
  const targets: Array<{ dialect: string; open: () => Promise<Database> }> = [];
  if (DIALECTS.has('sqlite')) targets.push({ dialect: 'sqlite', open: async () => sqliteDatabase('signups-bench-updates-') });
  if (POSTGRES_URL && DIALECTS.has('postgres')) targets.push({ dialect: 'postgres', open: () => postgresDatabase(POSTGRES_URL) });
  const problems: string[] = [];
  const results: DialectResult[] = [];
  for (const target of targets) {
    const database = await target.open();
    try {
      results.push(await measureDialect(target.dialect, database, problems));
    } finally {
      await database.drop();
    }
  }
  printResults(results);
  for (const problem of problems) console.error(`PROBLEM ${problem}`);
  console.log(JSON.stringify(figures(results, problems.length === 0)));
  if (problems.length > 0) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => http.close());
