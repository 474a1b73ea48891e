// Benchmark of Change Broker updates: how fast one poller reads a backlog through GET .../updates, and how soon a
// single-event SDS write becomes visible to a poller. The real server runs in a child process
// (bench/server-process.ts) on a durable database; the load and the baselines run here. Run with
// `npm run bench:updates`.
//
//   BENCH_EVENTS=20000             events pre-written for the read measurement
//   BENCH_STREAMS=10               streams in the signup
//   BENCH_READ_PASSES=5            measured read passes over the backlog (after one warm-up pass)
//   BENCH_LATENCY_SECONDS=8        seconds of paced single-event writes, per target
//   BENCH_WRITE_RATE=100           single-event writes per second during the latency measurement
//   SIGNUPS_BENCH_POSTGRES_URL=…   also measure on PostgreSQL (a throwaway database on that server)
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { createClient } from '../src/identity/clients.js';
import { seededRandom } from '../src/sandbox/faults.js';
import { createNamespace } from '../src/sds/namespaces.js';
import { systemClock } from '../src/store/clock.js';
import { openStore, type Store } from '../src/store/database.js';
import { clientCredentialsToken, type Database, percentile, positiveInt, postgresDatabase, sqliteDatabase, startServer } from './support.js';

/** The server's default SIGNUPS_UPDATES_PAGE_SIZE: bench/server-process.ts builds its config from defaults only. */
const PAGE_SIZE = 1000;
const TENANT = 'bench-tenant';
const NAMESPACE = 'bench';

const EVENTS = positiveInt('BENCH_EVENTS', 20_000);
const STREAMS = positiveInt('BENCH_STREAMS', 10);
const READ_PASSES = positiveInt('BENCH_READ_PASSES', 5);
const LATENCY_SECONDS = positiveInt('BENCH_LATENCY_SECONDS', 8);
const WRITE_RATE = positiveInt('BENCH_WRITE_RATE', 100);
const POSTGRES_URL = process.env.SIGNUPS_BENCH_POSTGRES_URL || undefined;

// ---------------------------------------------------------------------------------------------------------------
// HTTP

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
  ) {}

  get base(): string {
    return `${this.url}/api/v1/tenants/${TENANT}/namespaces/${NAMESPACE}`;
  }

  async call(method: string, path: string, json?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, { method, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
    return { status: res.status, text: await res.text() };
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
}

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
  return results.reduce((a, r) => ({ events: a.events + r.events, updates: a.updates + r.updates, pages: a.pages + r.pages, seconds: a.seconds + r.seconds }), {
    events: 0,
    updates: 0,
    pages: 0,
    seconds: 0,
  });
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
    const res = await fetch(`${url}/healthz`);
    await res.text();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------------
// One dialect

interface DialectResult {
  dialect: string;
  backlog: { events: number; writes: number; writeSeconds: number };
  server: ReadResult;
  sql: ReadResult;
  latencyServer: LatencyResult;
  latencyDatabase: LatencyResult;
  healthRtt: number[];
}

async function measureDialect(dialect: string, database: Database, problems: string[]): Promise<DialectResult> {
  const log = (text: string) => process.stdout.write(text);
  log(`${dialect}: starting server… `);
  // The real server in its own process, so that its event loop is not shared with the pollers and writers here.
  const server = await startServer(['signups', database.url], dialect);
  // Its own connection to the shared database: setup (namespace, client) and the SQL baseline.
  const store = openStore(database.url, { poolSize: 2 });
  try {
    const api = await tenantApi(store, server.ready.url);
    const { signupId, bookmark: start } = await setUp(api);
    log(`writing ${EVENTS} events… `);
    const backlog = await writeBacklog(api);

    log(`reading ${READ_PASSES + 1}× … `);
    await readPass(api, signupId, start, problems, `${dialect} warm-up`);
    const passes: ReadResult[] = [];
    let caughtUp = start;
    for (let i = 0; i < READ_PASSES; i += 1) {
      const pass = await readPass(api, signupId, start, problems, `${dialect} pass ${i + 1}`);
      if (pass.events !== EVENTS || pass.updates !== backlog.writes) {
        problems.push(`${dialect} pass ${i + 1}: read ${pass.updates} updates with ${pass.events} events; wrote ${backlog.writes} with ${EVENTS}`);
      }
      passes.push(pass);
      caughtUp = pass.bookmark;
    }
    log('SQL baseline… ');
    await sqlPass(store);
    const sqlPasses: ReadResult[] = [];
    for (let i = 0; i < READ_PASSES; i += 1) sqlPasses.push(await sqlPass(store));

    log(`latency ${LATENCY_SECONDS} s… `);
    const healthRtt = await healthRoundTrip(server.ready.url);
    const latencyServer = await serverLatency(api, signupId, caughtUp, problems, `${dialect} server latency`);
    log(`database baseline ${LATENCY_SECONDS} s… `);
    const latencyDatabase = await databaseLatency(database.url, problems, `${dialect} database latency`);
    log('done\n');
    return {
      dialect,
      backlog: { events: EVENTS, writes: backlog.writes, writeSeconds: backlog.seconds },
      server: sum(passes),
      sql: sum(sqlPasses),
      latencyServer,
      latencyDatabase,
      healthRtt,
    };
  } finally {
    await store.close();
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const round3 = (value: number) => Number(value.toFixed(3));

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function printResults(results: DialectResult[]): void {
  console.log('');
  console.log(`1. One poller reading a backlog of ${EVENTS} events (pages of up to ${PAGE_SIZE} updates; ${READ_PASSES} passes summed)`);
  const readRows: string[][] = [];
  for (const r of results) {
    const s = rate(r.server);
    const b = rate(r.sql);
    readRows.push([`GET updates (${r.dialect})`, fixed(s.eventsPerS, 0), fixed(s.updatesPerS, 0), fixed(s.pagesPerS, 1), String(r.server.pages), fixed(s.eventsPerS / b.eventsPerS, 3)]);
    readRows.push([`  baseline: SQL paging (${r.dialect})`, fixed(b.eventsPerS, 0), fixed(b.updatesPerS, 0), fixed(b.pagesPerS, 1), String(r.sql.pages), '1']);
  }
  table(['target', 'events/s', 'updates/s', 'pages/s', 'pages', 'x baseline'], readRows);

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
  console.log('x baseline = server rate / baseline rate (higher is better); x p50, x p99 = server latency / baseline latency (lower is better).');
  console.log('The machine is shared and noisy: absolute figures vary from run to run.');
}

function figures(results: DialectResult[], ok: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { events: EVENTS, streams: STREAMS, read_passes: READ_PASSES, page_size: PAGE_SIZE, latency_s: LATENCY_SECONDS, write_rate: WRITE_RATE };
  for (const r of results) {
    const s = rate(r.server);
    const b = rate(r.sql);
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
        events_per_s: Math.round(s.eventsPerS),
        updates_per_s: Math.round(s.updatesPerS),
        pages_per_s: round3(s.pagesPerS),
        baseline_sql_events_per_s: Math.round(b.eventsPerS),
        baseline_sql_updates_per_s: Math.round(b.updatesPerS),
        ratio: round3(s.eventsPerS / b.eventsPerS),
      },
      latency: {
        server: lat(r.latencyServer),
        baseline_database: lat(r.latencyDatabase),
        p50_ratio: round3(percentile(r.latencyServer.fromAnswered, 0.5) / percentile(r.latencyDatabase.fromAnswered, 0.5)),
        p99_ratio: round3(percentile(r.latencyServer.fromAnswered, 0.99) / percentile(r.latencyDatabase.fromAnswered, 0.99)),
        health_rtt_p50_ms: round3(percentile(r.healthRtt, 0.5)),
      },
    };
  }
  out.ok = ok;
  return out;
}

async function main(): Promise<void> {
  console.log(
    `Change Broker updates: ${EVENTS} events over ${STREAMS} streams; ${WRITE_RATE} writes/s for ${LATENCY_SECONDS} s; server in a child process on 127.0.0.1`,
  );
  const targets: Array<{ dialect: string; open: () => Promise<Database> }> = [{ dialect: 'sqlite', open: async () => sqliteDatabase('signups-bench-updates-') }];
  if (POSTGRES_URL) targets.push({ dialect: 'postgres', open: () => postgresDatabase(POSTGRES_URL) });
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

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
