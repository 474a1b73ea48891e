// Benchmark of Change Broker push: how soon an SDS write reaches an open live updates stream (Server-Sent Events),
// within one server process and, on PostgreSQL, when the write lands on a second server process; and how fast
// webhook deliveries carry a burst of writes compared with a poller of Get Updates following the same writes.
// The servers run in child processes (`signups serve` from dist/, bench/support.ts) on a durable database; the writers, the stream
// client, the webhook receiver and the poller run here, so their times share one clock. Every figure is the
// median of the rounds. Run with `npm run bench:push`.
//
//   BENCH_ROUNDS=3                 rounds per measurement (figures are medians over them)
//   BENCH_LATENCY_SECONDS=5        seconds of paced single-event writes per latency round
//   BENCH_WRITE_RATE=20            single-event writes per second during a latency round (below what the server
//                                  can take, so that the latency is the push's, not a queue of writes)
//   BENCH_BURST_WRITES=1000        single-event writes per throughput round
//   BENCH_WRITERS=8                concurrent writers (each waits for its answer) during a throughput round
//   BENCH_STREAMS=4                streams in the signup (writes go round robin)
//   SIGNUPS_BENCH_POSTGRES_URL=…   also measure on PostgreSQL, in one process and across two (throwaway database)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from '../src/identity/clients.js';
import { createNamespace } from '../src/sds/namespaces.js';
import { systemClock } from '../src/store/clock.js';
import { openStore } from '../src/store/database.js';
import { SseClient } from '../test/helpers/sse.js';
import {
  clientCredentialsToken,
  type Database,
  fixed,
  median,
  peakMemoryLine,
  percentile,
  positiveInt,
  postgresDatabase,
  round3,
  RSS_BOUND_MB,
  type ServerChild,
  sqliteDatabase,
  startServer,
  table,
} from './support.js';

const TENANT = 'bench-tenant';
const NAMESPACE = 'bench';
const TARGET_P99_MS = 50;

const ROUNDS = positiveInt('BENCH_ROUNDS', 3);
const LATENCY_SECONDS = positiveInt('BENCH_LATENCY_SECONDS', 5);
const WRITE_RATE = positiveInt('BENCH_WRITE_RATE', 20);
const BURST_WRITES = positiveInt('BENCH_BURST_WRITES', 1000);
const WRITERS = positiveInt('BENCH_WRITERS', 8);
const STREAMS = positiveInt('BENCH_STREAMS', 4);
const POSTGRES_URL = process.env.SIGNUPS_BENCH_POSTGRES_URL || undefined;

// The receiver listens on loopback, which webhooks refuse by default; the servers inherit this.
process.env.SIGNUPS_WEBHOOK_ALLOW = '127.0.0.0/8';

// ---------------------------------------------------------------------------------------------------------------
// HTTP

interface Update {
  resourceId: string;
  operation: string;
  events: Array<{ Timestamp: string; Value: number }>;
}

class Api {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  get base(): string {
    return `${this.url}/api/v1/tenants/${TENANT}/namespaces/${NAMESPACE}`;
  }

  async expect(status: number[], method: string, path: string, json?: unknown): Promise<string> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, { method, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
    const text = await res.text();
    if (!status.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text;
  }
}

const streamId = (i: number) => `bench-stream-${i}`;
const EPOCH = Date.UTC(2030, 0, 1);

/** Every write in the run carries its own value (and timestamp), so each arrival names its write. */
let nextValue = 0;
const writeOne = (api: Api, value: number): Promise<string> =>
  api.expect([204], 'POST', `/streams/${streamId(value % STREAMS)}/data`, [{ Timestamp: new Date(EPOCH + value * 1000).toISOString(), Value: value }]);

const valuesOf = (updates: Update[]): number[] => updates.flatMap((u) => u.events.map((e) => e.Value));

/** The type, the streams and an Active signup over them, made through `api`; answers the signup and its bookmark. */
async function setUp(api: Api): Promise<{ signupId: string; bookmark: string }> {
  await api.expect([200, 201, 302], 'POST', '/types/BenchType', {
    Id: 'BenchType',
    SdsTypeCode: 'Object',
    Properties: [
      { Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } },
      { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } },
    ],
  });
  for (let i = 0; i < STREAMS; i += 1) await api.expect([201, 302], 'POST', `/streams/${streamId(i)}`, { Id: streamId(i), TypeId: 'BenchType' });
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
// 1. Write-to-stream latency

interface LatencyRound {
  /** Arrival on the stream − the write's request sent, ms, sorted. */
  fromSent: number[];
  /** Arrival − the write's answer, ms, sorted; an arrival before the answer counts as 0. What push adds to a write. */
  fromAnswered: number[];
  /** The write's own round trip (answer − request), ms, sorted. */
  writeRtt: number[];
  seen: number;
  writes: number;
}

/**
 * Paced single-event writes through `writer` (open loop: a slow answer does not delay the next write) while one
 * live updates stream of `reader` is open; times each value's arrival. Answers the round and the stream's last id.
 */
async function latencyRound(writer: Api, reader: Api, signupId: string, bookmark: string, problems: string[], label: string): Promise<{ round: LatencyRound; bookmark: string }> {
  const total = LATENCY_SECONDS * WRITE_RATE;
  const first = nextValue;
  nextValue += total;
  const sent = new Float64Array(total).fill(Number.NaN);
  const answered = new Float64Array(total).fill(Number.NaN);
  const seen = new Float64Array(total).fill(Number.NaN);
  let duplicates = 0;
  let unseen = total;
  let allSeen: () => void = () => undefined;
  const everything = new Promise<void>((resolve) => (allSeen = resolve));
  const stream = await SseClient.open(`${reader.base}/signups/${signupId}/updates/stream?bookmark=${bookmark}`, {
    headers: { authorization: `Bearer ${reader.token}` },
    onEvent: (event) => {
      if (event.event !== 'update') return;
      const now = performance.now();
      for (const value of valuesOf([JSON.parse(event.data) as Update])) {
        const i = value - first;
        if (!(i >= 0 && i < total)) continue;
        if (Number.isNaN(seen[i])) {
          seen[i] = now;
          unseen -= 1;
        } else duplicates += 1;
      }
      if (unseen === 0) allSeen();
    },
  });
  if (stream.status !== 200) throw new Error(`${label}: the stream answered ${stream.status} ${await stream.text()}`);
  try {
    // The stream reads its backlog first; let it settle so that the round measures live arrivals only.
    await stream.waitFor((events) => events.length > 0 || stream.comments.length > 0, 5000, 'the connected comment');
    await sleep(200);
    const started = performance.now();
    const inFlight: Array<Promise<void>> = [];
    for (let i = 0; i < total; i += 1) {
      const wait = started + (i * 1000) / WRITE_RATE - performance.now();
      if (wait > 1) await sleep(wait);
      sent[i] = performance.now();
      inFlight.push(
        writeOne(writer, first + i).then(() => {
          answered[i] = performance.now();
        }),
      );
    }
    await Promise.all(inFlight);
    await Promise.race([everything, sleep(10_000)]);
  } finally {
    await stream.close();
  }
  if (unseen > 0) problems.push(`${label}: ${unseen} of ${total} writes never reached the stream`);
  if (duplicates > 0) problems.push(`${label}: ${duplicates} writes reached the stream more than once`);
  const fromSent: number[] = [];
  const fromAnswered: number[] = [];
  const writeRtt: number[] = [];
  for (let i = 0; i < total; i += 1) {
    const s = seen[i] ?? Number.NaN;
    if (!Number.isNaN(s)) {
      fromSent.push(s - (sent[i] ?? Number.NaN));
      fromAnswered.push(Math.max(0, s - (answered[i] ?? Number.NaN)));
    }
    writeRtt.push((answered[i] ?? Number.NaN) - (sent[i] ?? Number.NaN));
  }
  for (const list of [fromSent, fromAnswered, writeRtt]) list.sort((a, b) => a - b);
  return { round: { fromSent, fromAnswered, writeRtt, seen: total - unseen, writes: total }, bookmark: stream.lastEventId || bookmark };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Webhook deliveries against polling, for the same burst of writes

/** A webhook receiver on loopback that answers 204 and times each value's arrival. */
class Receiver {
  readonly server: Server;
  deliveries = 0;
  onValues: (values: number[], at: number) => void = () => undefined;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const at = performance.now();
        this.deliveries += 1;
        res.writeHead(204).end();
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { updates: Update[] };
        this.onValues(valuesOf(body.updates), at);
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface ConsumerRound {
  /** Values received per second, from the first write sent to the last value received. */
  updatesPerS: number;
  /** Requests per second over the same span (deliveries received, or polls made). */
  requestsPerS: number;
  requests: number;
  /** Arrival − the write's request sent, ms, sorted. */
  fromSent: number[];
}

interface ThroughputRound {
  webhook: ConsumerRound;
  polling: ConsumerRound;
  /** Writes answered per second (the rate the consumers are fed at). */
  writesPerS: number;
}

/** Times arrivals of this round's values for one consumer. */
class Arrivals {
  readonly seen: Float64Array;
  unseen: number;
  duplicates = 0;
  last = 0;
  #done: () => void = () => undefined;
  readonly done = new Promise<void>((resolve) => (this.#done = resolve));

  constructor(
    readonly first: number,
    readonly total: number,
  ) {
    this.seen = new Float64Array(total).fill(Number.NaN);
    this.unseen = total;
  }

  record(values: number[], at: number): void {
    for (const value of values) {
      const i = value - this.first;
      if (!(i >= 0 && i < this.total)) continue;
      if (Number.isNaN(this.seen[i])) {
        this.seen[i] = at;
        this.unseen -= 1;
        this.last = at;
      } else this.duplicates += 1;
    }
    if (this.unseen === 0) this.#done();
  }

  result(sent: Float64Array, started: number, requests: number): ConsumerRound {
    const fromSent: number[] = [];
    for (let i = 0; i < this.total; i += 1) {
      const s = this.seen[i] ?? Number.NaN;
      if (!Number.isNaN(s)) fromSent.push(s - (sent[i] ?? Number.NaN));
    }
    fromSent.sort((a, b) => a - b);
    const seconds = (this.last - started) / 1000;
    return { updatesPerS: (this.total - this.unseen) / seconds, requestsPerS: requests / seconds, requests, fromSent };
  }
}

/**
 * A burst of single-event writes from `WRITERS` closed-loop writers; a webhook (to `receiver`) and a poller of Get
 * Updates (back to back, from `pollBookmark`) follow the same signup, so both see exactly the same writes.
 */
async function throughputRound(
  api: Api,
  signupId: string,
  receiver: Receiver,
  pollBookmark: string,
  problems: string[],
  label: string,
): Promise<{ round: ThroughputRound; bookmark: string }> {
  const total = BURST_WRITES;
  const first = nextValue;
  nextValue += total;
  const sent = new Float64Array(total).fill(Number.NaN);
  const hook = new Arrivals(first, total);
  const poll = new Arrivals(first, total);
  receiver.onValues = (values, at) => hook.record(values, at);
  const deliveriesBefore = receiver.deliveries;
  let polls = 0;
  let bookmark = pollBookmark;
  let writing = true;
  let lastAnswer = performance.now();

  const poller = (async () => {
    while (poll.unseen > 0) {
      const page = JSON.parse(await api.expect([200], 'GET', `/signups/${signupId}/updates?bookmark=${bookmark}`)) as { data: Update[]; bookmark: string };
      polls += 1;
      bookmark = page.bookmark;
      poll.record(valuesOf(page.data), performance.now());
      if (!writing && performance.now() - lastAnswer > 10_000) return;
    }
  })();

  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      for (let i = next++; i < total; i = next++) {
        sent[i] = performance.now();
        await writeOne(api, first + i);
        lastAnswer = performance.now();
      }
    }),
  );
  const writesPerS = total / ((lastAnswer - started) / 1000);
  writing = false;
  await Promise.race([hook.done, sleep(10_000)]);
  await poller;
  for (const [name, arrivals] of [['webhook', hook], ['poller', poll]] as const) {
    if (arrivals.unseen > 0) problems.push(`${label}: the ${name} never received ${arrivals.unseen} of ${total} writes`);
    if (arrivals.duplicates > 0) problems.push(`${label}: the ${name} received ${arrivals.duplicates} writes more than once`);
  }
  return {
    round: { webhook: hook.result(sent, started, receiver.deliveries - deliveriesBefore), polling: poll.result(sent, started, polls), writesPerS },
    bookmark,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Targets

interface LatencyResult {
  target: string;
  rounds: LatencyRound[];
}

interface ThroughputResult {
  dialect: string;
  rounds: ThroughputRound[];
}

/** A tenant client in the shared database and its tokens from each server's AVEVA identity path. */
async function tenantApis(databaseUrl: string, urls: string[]): Promise<Api[]> {
  const store = openStore(databaseUrl, { poolSize: 1 });
  try {
    await createNamespace(store.db, systemClock, TENANT, NAMESPACE);
    const client = await createClient(store.db, systemClock, { name: 'bench-push', scopes: [], tenantId: TENANT });
    return await Promise.all(urls.map(async (url) => new Api(url, await clientCredentialsToken(`${url}/identity/connect/token`, client))));
  } finally {
    await store.close();
  }
}

/** A server process's peak resident memory over its whole run, MB. */
interface PeakMemory {
  name: string;
  peakMb: number | undefined;
}

async function measureDialect(
  dialect: string,
  database: Database,
  twoProcesses: boolean,
  problems: string[],
  memory: PeakMemory[],
): Promise<{ latency: LatencyResult[]; throughput: ThroughputResult }> {
  const log = (text: string) => process.stdout.write(text);
  log(`${dialect}: starting server${twoProcesses ? 's' : ''}… `);
  const servers: ServerChild[] = [await startServer(['signups', database.url], `${dialect} server A`)];
  try {
    if (twoProcesses) servers.push(await startServer(['signups', database.url], `${dialect} server B`));
    const [a, b] = await tenantApis(
      database.url,
      servers.map((s) => s.ready.url),
    );
    if (!a) throw new Error('no server');
    const { signupId, bookmark: start } = await setUp(a);

    const latency: LatencyResult[] = [{ target: `${dialect}, one process`, rounds: [] }];
    if (b) latency.push({ target: `${dialect}, write on a second process`, rounds: [] });
    let bookmark = start;
    for (let r = 0; r < ROUNDS; r += 1) {
      for (const result of latency) {
        log(`latency ${result.target} round ${r + 1}… `);
        const writer = result === latency[1] && b ? b : a;
        const outcome = await latencyRound(writer, a, signupId, bookmark, problems, `${result.target} round ${r + 1}`);
        bookmark = outcome.bookmark;
        result.rounds.push(outcome.round);
      }
    }

    const receiver = new Receiver();
    const url = await receiver.listen();
    try {
      await a.expect([201], 'POST', `/signups/${signupId}/webhooks`, { url, description: 'bench' });
      // The poller starts where the webhook does: after everything written so far.
      let pollFrom = bookmark;
      for (;;) {
        const page = JSON.parse(await a.expect([200], 'GET', `/signups/${signupId}/updates?bookmark=${pollFrom}`)) as { data: Update[]; bookmark: string };
        pollFrom = page.bookmark;
        if (page.data.length === 0) break;
      }
      const throughput: ThroughputResult = { dialect, rounds: [] };
      for (let r = 0; r < ROUNDS; r += 1) {
        log(`webhook vs polling round ${r + 1}… `);
        const outcome = await throughputRound(a, signupId, receiver, pollFrom, problems, `${dialect} webhook vs polling round ${r + 1}`);
        pollFrom = outcome.bookmark;
        throughput.rounds.push(outcome.round);
      }
      log('done\n');
      return { latency, throughput };
    } finally {
      await receiver.close();
    }
  } finally {
    servers.forEach((server, i) => memory.push({ name: `${dialect} server ${i === 0 ? 'A' : 'B'}`, peakMb: server.memory()?.peakMb }));
    for (const server of servers.reverse()) await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const latencyFigures = (r: LatencyResult) => {
  const p50 = median(r.rounds.map((x) => percentile(x.fromSent, 0.5)));
  const p99 = median(r.rounds.map((x) => percentile(x.fromSent, 0.99)));
  const max = median(r.rounds.map((x) => x.fromSent.at(-1) ?? Number.NaN));
  const rttP50 = median(r.rounds.map((x) => percentile(x.writeRtt, 0.5)));
  const rttP99 = median(r.rounds.map((x) => percentile(x.writeRtt, 0.99)));
  const afterP50 = median(r.rounds.map((x) => percentile(x.fromAnswered, 0.5)));
  const afterP99 = median(r.rounds.map((x) => percentile(x.fromAnswered, 0.99)));
  return { p50, p99, max, rttP50, rttP99, afterP50, afterP99, met: p99 <= TARGET_P99_MS };
};

const consumerFigures = (rounds: ConsumerRound[]) => ({
  updatesPerS: median(rounds.map((x) => x.updatesPerS)),
  requestsPerS: median(rounds.map((x) => x.requestsPerS)),
  requests: median(rounds.map((x) => x.requests)),
  p50: median(rounds.map((x) => percentile(x.fromSent, 0.5))),
  p99: median(rounds.map((x) => percentile(x.fromSent, 0.99))),
});

function printResults(latency: LatencyResult[], throughput: ThroughputResult[]): void {
  console.log('');
  console.log(`1. Write-to-stream latency: ${WRITE_RATE} single-event SDS writes/s for ${LATENCY_SECONDS} s, one live updates stream open; medians of ${ROUNDS} rounds`);
  console.log('   latency = when the event arrives on the stream − when the write request was sent; after answer = arrival − the write\'s answer (0 if before)');
  console.log('   baseline = the write\'s own round trip (request sent → answer), measured on the same writes');
  table(
    ['target', 'p50 ms', 'p99 ms', 'max ms', 'after answer p50', 'after answer p99', 'write rtt p50', 'write rtt p99', 'x p99', `p99 ≤ ${TARGET_P99_MS} ms`],
    latency.map((r) => {
      const f = latencyFigures(r);
      return [
        r.target,
        fixed(f.p50, 2),
        fixed(f.p99, 2),
        fixed(f.max, 2),
        fixed(f.afterP50, 2),
        fixed(f.afterP99, 2),
        fixed(f.rttP50, 2),
        fixed(f.rttP99, 2),
        fixed(f.p99 / f.rttP99, 2),
        f.met ? 'met' : 'NOT met',
      ];
    }),
  );
  console.log('');
  console.log(`2. Webhook deliveries against polling: bursts of ${BURST_WRITES} single-event writes from ${WRITERS} writers, a webhook and a poller following the same signup; medians of ${ROUNDS} rounds`);
  console.log('   updates/s = writes received / (last received − first write sent); latency from the write request sent');
  const rows: string[][] = [];
  for (const r of throughput) {
    const hook = consumerFigures(r.rounds.map((x) => x.webhook));
    const poll = consumerFigures(r.rounds.map((x) => x.polling));
    rows.push([`webhook (${r.dialect})`, fixed(hook.updatesPerS, 0), fixed(hook.requestsPerS, 1), fixed(hook.requests, 0), fixed(hook.p50, 1), fixed(hook.p99, 1), fixed(hook.updatesPerS / poll.updatesPerS, 3)]);
    rows.push([`  baseline: polling Get Updates (${r.dialect})`, fixed(poll.updatesPerS, 0), fixed(poll.requestsPerS, 1), fixed(poll.requests, 0), fixed(poll.p50, 1), fixed(poll.p99, 1), '1']);
    rows.push([`  writes answered (${r.dialect})`, fixed(median(r.rounds.map((x) => x.writesPerS)), 0), '', '', '', '', '']);
  }
  table(['consumer', 'updates/s', 'requests/s', 'requests', 'p50 ms', 'p99 ms', 'x polling'], rows);
  console.log('');
  console.log('x p99 = stream p99 / write round trip p99; x polling = webhook updates/s / polling updates/s (higher is better).');
  console.log('The machine is shared and noisy: absolute figures vary from run to run.');
}

function figures(latency: LatencyResult[], throughput: ThroughputResult[], ok: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { rounds: ROUNDS, latency_s: LATENCY_SECONDS, write_rate: WRITE_RATE, burst_writes: BURST_WRITES, writers: WRITERS, streams: STREAMS };
  out.latency = latency.map((r) => {
    const f = latencyFigures(r);
    return { target: r.target, p50_ms: round3(f.p50), p99_ms: round3(f.p99), max_ms: round3(f.max), after_answer_p50_ms: round3(f.afterP50), after_answer_p99_ms: round3(f.afterP99), write_rtt_p50_ms: round3(f.rttP50), write_rtt_p99_ms: round3(f.rttP99), target_p99_met: f.met };
  });
  out.webhooks = throughput.map((r) => {
    const hook = consumerFigures(r.rounds.map((x) => x.webhook));
    const poll = consumerFigures(r.rounds.map((x) => x.polling));
    const shape = (c: typeof hook) => ({ updates_per_s: round3(c.updatesPerS), requests_per_s: round3(c.requestsPerS), p50_ms: round3(c.p50), p99_ms: round3(c.p99) });
    return { dialect: r.dialect, webhook: shape(hook), polling: shape(poll), ratio: round3(hook.updatesPerS / poll.updatesPerS), writes_per_s: round3(median(r.rounds.map((x) => x.writesPerS))) };
  });
  out.ok = ok;
  return out;
}

async function main(): Promise<void> {
  console.log(`Change Broker push: ${STREAMS} streams; servers in child processes on 127.0.0.1; ${ROUNDS} rounds each`);
  const targets: Array<{ dialect: string; twoProcesses: boolean; open: () => Promise<Database> }> = [
    { dialect: 'sqlite', twoProcesses: false, open: async () => sqliteDatabase('signups-bench-push-') },
  ];
  if (POSTGRES_URL) targets.push({ dialect: 'postgres', twoProcesses: true, open: () => postgresDatabase(POSTGRES_URL) });
  const problems: string[] = [];
  const latency: LatencyResult[] = [];
  const throughput: ThroughputResult[] = [];
  const memory: PeakMemory[] = [];
  for (const target of targets) {
    const database = await target.open();
    try {
      const result = await measureDialect(target.dialect, database, target.twoProcesses, problems, memory);
      latency.push(...result.latency);
      throughput.push(result.throughput);
    } finally {
      await database.drop();
    }
  }
  printResults(latency, throughput);
  console.log(peakMemoryLine(memory));
  for (const m of memory) if (m.peakMb !== undefined && m.peakMb > RSS_BOUND_MB) problems.push(`${m.name}: peak resident memory ${m.peakMb.toFixed(0)} MB is over the ${RSS_BOUND_MB} MB bound`);
  for (const problem of problems) console.error(`PROBLEM ${problem}`);
  console.log(JSON.stringify({ ...figures(latency, throughput, problems.length === 0), peak_rss_mb: Object.fromEntries(memory.map((m) => [m.name.replaceAll(' ', '_'), m.peakMb === undefined ? null : Number(m.peakMb.toFixed(1))])) }));
  if (problems.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
