// Soak benchmark: the server as users run it (`node bin/signups.js serve`, from dist/, built first when older than
// src/) under a steady mixed load — partner signups, SDS writes and a poller of Change Broker updates — for a while,
// with its resident memory sampled from /proc every few seconds. Prints start, peak and end RSS, each minute's peak,
// and the slopes of least-squares lines through the samples after the warm-up and through their second half. With
// each sample it reads V8's heap from the server's /metrics, so that RSS that grows can be told apart: V8 sizing its
// heap (committed heap up, old space in use flat), live data that grows (old space in use up), or memory outside
// V8's heap. Run with `npm run bench:soak` (Linux: it reads /proc/<pid>/status).
//
//   BENCH_SOAK_SECONDS=600          how long the load runs, per database
//   BENCH_SOAK_SAMPLE_SECONDS=5     seconds between RSS samples
//   BENCH_SOAK_WARMUP_SECONDS=60    samples before this are left out of the slope
//   BENCH_SOAK_SIGNUP_WORKERS=4     concurrent partner signup loops
//   BENCH_SOAK_WRITERS=4            concurrent SDS writers (one stream each)
//   BENCH_SOAK_DIALECTS=sqlite      databases to soak: sqlite, postgres or both (postgres needs the URL below)
//   SIGNUPS_BENCH_POSTGRES_URL=…    the PostgreSQL server for a throwaway database
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from '../src/identity/clients.js';
import { createNamespace } from '../src/sds/namespaces.js';
import { systemClock } from '../src/store/clock.js';
import { openStore } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { BIN, ensureBuilt } from '../test/helpers/cli.js';
import { signupBody } from '../test/helpers/fixtures.js';
import { clientCredentialsToken, type Database, positiveInt, postgresDatabase, processMemory, RSS_BOUND_MB, sqliteDatabase } from './support.js';

const SECONDS = positiveInt('BENCH_SOAK_SECONDS', 600);
const SAMPLE_SECONDS = positiveInt('BENCH_SOAK_SAMPLE_SECONDS', 5);
const WARMUP_SECONDS = Math.min(positiveInt('BENCH_SOAK_WARMUP_SECONDS', 60), Math.floor(SECONDS / 2));
const SIGNUP_WORKERS = positiveInt('BENCH_SOAK_SIGNUP_WORKERS', 4);
const WRITERS = positiveInt('BENCH_SOAK_WRITERS', 4);
const POSTGRES_URL = process.env.SIGNUPS_BENCH_POSTGRES_URL || undefined;
const DIALECTS = (process.env.BENCH_SOAK_DIALECTS || 'sqlite').split(',').flatMap((d) => (d === 'both' ? ['sqlite', 'postgres'] : [d.trim()]));
const TENANT = 'soak-tenant';
const NAMESPACE = 'soak';

/** Resident and peak resident memory of a running process, in MB, from /proc. */
function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const memory = processMemory(pid);
  if (!memory) throw new Error(`no memory figures for process ${pid} (this benchmark reads /proc: Linux only)`);
  return { rssMb: memory.rssMb, hwmMb: memory.peakMb };
}

/** V8's heap as the server's /metrics reports it (prom-client's default metrics), MB. */
interface HeapSample {
  /** Committed heap, all spaces (nodejs_heap_size_total_bytes). */
  committedMb: number;
  /** Old space in use, live or not yet collected (nodejs_heap_space_size_used_bytes, space "old"). */
  oldUsedMb: number;
}

async function heapOf(url: string): Promise<HeapSample | undefined> {
  const res = await fetch(`${url}/metrics`).catch(() => undefined);
  if (res?.status !== 200) return undefined;
  const text = await res.text();
  const mb = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN) / 1024 / 1024;
  const heap = { committedMb: mb(/^nodejs_heap_size_total_bytes (\S+)$/m), oldUsedMb: mb(/^nodejs_heap_space_size_used_bytes\{space="old"\} (\S+)$/m) };
  return Number.isFinite(heap.committedMb) && Number.isFinite(heap.oldUsedMb) ? heap : undefined;
}

/** Each minute's largest value of `y` over the samples, by the sample's time `t` in seconds. */
function minutePeaksOf<S extends { t: number }>(samples: readonly S[], y: (s: S) => number | undefined): number[] {
  const peaks: number[] = [];
  for (const s of samples) {
    const v = y(s);
    if (v === undefined) continue;
    const minute = Math.floor(s.t / 60);
    peaks[minute] = Math.max(peaks[minute] ?? Number.NEGATIVE_INFINITY, v);
  }
  return Array.from(peaks, (p) => p ?? Number.NaN);
}

/** Slope of the least-squares line through (t, y), in y per minute. */
function slopePerMinute(points: Array<{ t: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const num = points.reduce((a, p) => a + (p.t - mt) * (p.y - my), 0);
  const den = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return (num / den) * 60;
}

interface Counts {
  signups: number;
  writes: number;
  polls: number;
  updates: number;
  errors: number;
}

async function expectStatus(res: Response, status: number[], what: string): Promise<string> {
  const text = await res.text();
  if (!status.includes(res.status)) throw new Error(`${what}: ${res.status} ${text}`);
  return text;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise<void>((done) => probe.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** `signups serve` on the database, its logs discarded; stops with SIGTERM as a deployment would stop it. */
async function serve(databaseUrl: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  await ensureBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    // The rate limit far above what the load sends: it counts but never refuses.
    env: { ...process.env, SIGNUPS_DATABASE_URL: databaseUrl, SIGNUPS_PORT: String(port), SIGNUPS_RATE_LIMIT_MAX: '1000000000' },
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 30_000; ; await sleep(100)) {
    if (child.exitCode !== null) throw new Error(`signups serve exited with ${child.exitCode}`);
    if ((await fetch(`${url}/healthz`).catch(() => undefined))?.status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('signups serve did not answer within 30 s');
    }
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function soak(dialect: string, database: Database): Promise<{ ok: boolean; figures: Record<string, unknown> }> {
  const store = openStore(database.url, { poolSize: 2 });
  await migrateToLatest(store);
  const partnerClient = await createClient(store.db, systemClock, { name: 'soak-partner', scopes: ['partner:create', 'partner:describe'] });
  const server = await serve(database.url);
  const counts: Counts = { signups: 0, writes: 0, polls: 0, updates: 0, errors: 0 };
  const errors: string[] = [];
  const fail = (error: unknown) => {
    counts.errors += 1;
    if (errors.length < 10) errors.push(error instanceof Error ? error.message : String(error));
  };
  try {
    const url = server.url;
    const partnerToken = await clientCredentialsToken(`${url}/oauth2/token`, { id: partnerClient.id, secret: partnerClient.secret });
    await createNamespace(store.db, systemClock, TENANT, NAMESPACE);
    const tenantClient = await createClient(store.db, systemClock, { name: 'soak', scopes: [], tenantId: TENANT });
    const token = await clientCredentialsToken(`${url}/identity/connect/token`, tenantClient);
    const base = `${url}/api/v1/tenants/${TENANT}/namespaces/${NAMESPACE}`;
    const call = (method: string, path: string, json?: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    await expectStatus(
      await call('POST', '/types/SoakType', {
        Id: 'SoakType',
        SdsTypeCode: 'Object',
        Properties: [
          { Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } },
          { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } },
        ],
      }),
      [200, 201, 302],
      'type',
    );
    const streams = Array.from({ length: WRITERS }, (_, i) => `soak-${i}`);
    for (const id of streams) await expectStatus(await call('POST', `/streams/${id}`, { Id: id, TypeId: 'SoakType' }), [201], 'stream');
    const created = JSON.parse(await expectStatus(await call('POST', '/signups', { Name: 'soak', ResourceType: 'Stream', ResourceIds: streams }), [202], 'signup')) as { id: string };
    let bookmark = '';
    for (const deadline = Date.now() + 10_000; !bookmark; await sleep(50)) {
      const got = JSON.parse(await expectStatus(await call('GET', `/signups/${created.id}`), [200], 'get signup')) as { signupState: string; bookmark: string };
      if (got.signupState === 'Active') bookmark = got.bookmark;
      else if (Date.now() > deadline) throw new Error('the signup did not become Active');
    }

    const started = performance.now();
    const until = started + SECONDS * 1000;
    const running = () => performance.now() < until;
    const runId = Date.now().toString(36);
    let n = 0;
    const signupLoop = async () => {
      while (running()) {
        try {
          const res = await fetch(`${url}/partner/v2/signup`, {
            method: 'POST',
            headers: { authorization: `Bearer ${partnerToken}`, 'content-type': 'application/json' },
            body: JSON.stringify(signupBody({ externalId: `soak-${runId}-${n++}` })),
          });
          await expectStatus(res, [201], 'partner signup');
          counts.signups += 1;
        } catch (error) {
          fail(error);
        }
      }
    };
    const writeLoop = async (stream: string) => {
      for (let i = 0; running(); i += 1) {
        try {
          const events = Array.from({ length: 1 + (i % 10) }, (_, k) => ({ Timestamp: new Date(Date.UTC(2020, 0, 1) + (i * 10 + k) * 1000).toISOString(), Value: k }));
          await expectStatus(await call('POST', `/streams/${stream}/data`, events), [204], 'SDS write');
          counts.writes += 1;
        } catch (error) {
          fail(error);
        }
      }
    };
    const pollLoop = async () => {
      while (running()) {
        try {
          const page = JSON.parse(await expectStatus(await call('GET', `/signups/${created.id}/updates?bookmark=${bookmark}`), [200], 'updates')) as {
            data: unknown[];
            bookmark: string;
          };
          bookmark = page.bookmark;
          counts.polls += 1;
          counts.updates += page.data.length;
          if (page.data.length === 0) await sleep(100);
        } catch (error) {
          fail(error);
        }
      }
    };
    const samples: Array<{ t: number; rssMb: number; heap?: HeapSample }> = [];
    const sampler = (async () => {
      while (running()) {
        const t = (performance.now() - started) / 1000;
        const rssMb = memoryOf(server.pid).rssMb;
        samples.push({ t, rssMb, heap: await heapOf(url) });
        process.stdout.write(`\r${dialect}: ${Math.round(t)} s, RSS ${rssMb.toFixed(1)} MB   `);
        await sleep(SAMPLE_SECONDS * 1000);
      }
    })();
    await Promise.all([...Array.from({ length: SIGNUP_WORKERS }, signupLoop), ...streams.map(writeLoop), pollLoop(), sampler]);
    const end = memoryOf(server.pid);
    samples.push({ t: (performance.now() - started) / 1000, rssMb: end.rssMb });
    process.stdout.write('\n');

    const steady = samples.filter((s) => s.t >= WARMUP_SECONDS);
    const slope = slopePerMinute(steady.map((s) => ({ t: s.t, y: s.rssMb })));
    const peak = Math.max(end.hwmMb, ...samples.map((s) => s.rssMb));
    const half = Math.floor(steady.length / 2);
    /** The mean of `y` over the samples that have it. */
    const mean = (xs: typeof steady, y: (s: (typeof steady)[number]) => number | undefined) => {
      const values = xs.flatMap((s) => y(s) ?? []);
      return values.reduce((a, v) => a + v, 0) / Math.max(1, values.length);
    };
    const firstHalf = mean(steady.slice(0, half), (s) => s.rssMb);
    const secondHalf = mean(steady.slice(half), (s) => s.rssMb);
    // Caches fill for a few minutes (SQLite's page cache as the database grows, V8's code and heap): the slope after
    // the warm-up includes that fill, the second half's does not. A leak raises both, and every minute's peak.
    const secondHalfSlope = slopePerMinute(steady.slice(half).map((s) => ({ t: s.t, y: s.rssMb })));
    const minutePeaks = minutePeaksOf(samples, (s) => s.rssMb);
    const committedPeaks = minutePeaksOf(samples, (s) => s.heap?.committedMb);
    const outsidePeaks = minutePeaksOf(samples, (s) => (s.heap ? s.rssMb - s.heap.committedMb : undefined));
    const oldUsedHalves = [mean(steady.slice(0, half), (s) => s.heap?.oldUsedMb), mean(steady.slice(half), (s) => s.heap?.oldUsedMb)] as const;
    const fixed = (v: number, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '-');
    console.log(
      `${dialect}: ${SECONDS} s; ${counts.signups} signups, ${counts.writes} SDS writes, ${counts.polls} polls (${counts.updates} updates), ${counts.errors} errors`,
    );
    console.log(
      `${dialect}: RSS start ${fixed(samples[0]?.rssMb ?? Number.NaN)} MB, after warm-up ${fixed(steady[0]?.rssMb ?? Number.NaN)} MB, peak ${fixed(peak)} MB, end ${fixed(end.rssMb)} MB; ` +
        `slope after ${WARMUP_SECONDS} s ${fixed(slope, 2)} MB/min; mean of the first / second half ${fixed(firstHalf)} / ${fixed(secondHalf)} MB; ` +
        `slope of the second half ${fixed(secondHalfSlope, 2)} MB/min`,
    );
    console.log(`${dialect}: peak RSS of each minute: ${minutePeaks.map((p) => fixed(p)).join(', ')} MB`);
    console.log(
      `${dialect}: V8's committed heap, peak of each minute: ${committedPeaks.map((p) => fixed(p)).join(', ')} MB; ` +
        `old space in use, mean of the first / second half after the warm-up: ${fixed(oldUsedHalves[0])} / ${fixed(oldUsedHalves[1])} MB; ` +
        `RSS outside V8's heap, peak of each minute: ${outsidePeaks.map((p) => fixed(p)).join(', ')} MB`,
    );
    for (const error of errors) console.error(`${dialect}: ERROR ${error}`);
    // "No growth": the second half's mean within 5 % of the first's (a leak grows steadily; the heap's sawtooth does not).
    const ok = counts.errors === 0 && peak <= RSS_BOUND_MB && secondHalf <= firstHalf * 1.05;
    return {
      ok,
      figures: {
        seconds: SECONDS,
        ...counts,
        rss_start_mb: Number(fixed(samples[0]?.rssMb ?? Number.NaN)),
        rss_peak_mb: Number(fixed(peak)),
        rss_end_mb: Number(fixed(end.rssMb)),
        slope_mb_per_min: Number(fixed(slope, 3)),
        first_half_mean_mb: Number(fixed(firstHalf)),
        second_half_mean_mb: Number(fixed(secondHalf)),
        second_half_slope_mb_per_min: Number(fixed(secondHalfSlope, 3)),
        minute_peaks_mb: minutePeaks.map((p) => Number(fixed(p))),
        heap_committed_minute_peaks_mb: committedPeaks.map((p) => Number(fixed(p))),
        old_space_used_half_means_mb: oldUsedHalves.map((p) => Number(fixed(p))),
        outside_heap_minute_peaks_mb: outsidePeaks.map((p) => Number(fixed(p))),
        limit_mb: RSS_BOUND_MB,
        ok,
      },
    };
  } finally {
    await store.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  console.log(`Soak: ${SECONDS} s per database, ${SIGNUP_WORKERS} signup loops, ${WRITERS} SDS writers, 1 poller; RSS every ${SAMPLE_SECONDS} s`);
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const dialect of DIALECTS) {
    if (dialect === 'postgres' && !POSTGRES_URL) throw new Error('BENCH_SOAK_DIALECTS names postgres: set SIGNUPS_BENCH_POSTGRES_URL');
    if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error(`unknown dialect '${dialect}'`);
    const database = dialect === 'sqlite' ? sqliteDatabase('signups-bench-soak-') : await postgresDatabase(POSTGRES_URL ?? '');
    try {
      const result = await soak(dialect, database);
      out[dialect] = result.figures;
      ok &&= result.ok;
    } finally {
      await database.drop();
    }
  }
  out.ok = ok;
  console.log(JSON.stringify(out));
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
