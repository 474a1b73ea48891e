// What the metrics cost a request: the same server with and without them (SIGNUPS_METRICS=off), on the same SQLite
// database, alternating rounds so that both see the same machine: CPU time per request in process (app.inject), then
// throughput and latency over HTTP from separate server processes. Run with `npm run bench:metrics`.
//
//   BENCH_DURATION=5      seconds of each measured round
//   BENCH_ROUNDS=3        rounds per target (the medians are reported)
//   BENCH_CONNECTIONS=10  concurrent keep-alive connections
//   BENCH_INJECTED=4000   requests per in-process round
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { configFromEnv } from '../src/config/server-config.js';
import { createClient } from '../src/identity/clients.js';
import { buildApp } from '../src/server/app.js';
import { systemClock } from '../src/store/clock.js';
import { openStore } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { clientCredentialsToken, median, positiveInt, type ServerChild, sqliteDatabase, startServer } from './support.js';

const INJECTED = positiveInt('BENCH_INJECTED', 4000);

/**
 * CPU time per request of the same two servers in this process, driven by app.inject: no sockets, and CPU time
 * rather than wall time, so that a busy machine disturbs the ratio less than it disturbs throughput.
 */
async function cpuPerRequest(databaseUrl: string): Promise<void> {
  const store = openStore(databaseUrl);
  await migrateToLatest(store);
  const base = { ...configFromEnv({}), databaseUrl, logLevel: 'silent', rateLimit: { max: 1_000_000_000, windowMs: 60_000 } };
  const apps: Record<'with' | 'without', FastifyInstance> = {
    with: await buildApp({ store, config: { ...base, metrics: true, changeBroker: { ...base.changeBroker, backgroundWorker: false } }, logger: false }),
    without: await buildApp({ store, config: { ...base, metrics: false, changeBroker: { ...base.changeBroker, backgroundWorker: false } }, logger: false }),
  };
  const client = await createClient(store.db, systemClock, { name: 'bench-inject', scopes: ['partner:describe'] });
  const tokenAnswer = await apps.with.inject({
    method: 'POST',
    url: '/oauth2/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }).toString(),
  });
  if (tokenAnswer.statusCode !== 200) throw new Error(`token: ${tokenAnswer.statusCode} ${tokenAnswer.body}`);
  const token = (tokenAnswer.json() as { access_token: string }).access_token;
  const paths = [
    { name: 'GET /healthz', url: '/healthz', headers: {} },
    { name: 'GET /partner/v2/organizations', url: '/partner/v2/organizations?page_size=1', headers: { authorization: `Bearer ${token}` } },
  ];
  console.log(`CPU time per request, in process (app.inject), ${INJECTED} requests per round, ${ROUNDS} alternating rounds; medians`);
  for (const { name, url, headers } of paths) {
    const micros: Record<'with' | 'without', number[]> = { with: [], without: [] };
    const run = async (target: 'with' | 'without', n: number) => {
      const start = process.cpuUsage();
      for (let i = 0; i < n; i++) {
        const res = await apps[target].inject({ method: 'GET', url, headers });
        if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode}`);
      }
      const used = process.cpuUsage(start);
      return (used.user + used.system) / n;
    };
    await run('with', 500);
    await run('without', 500);
    for (let i = 0; i < ROUNDS; i++) {
      for (const target of i % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const)) micros[target].push(await run(target, INJECTED));
    }
    const w = median(micros.with);
    const wo = median(micros.without);
    console.log(`${name}: without ${wo.toFixed(1)} µs, with ${w.toFixed(1)} µs of CPU per request; with/without ${(w / wo).toFixed(3)} (+${(w - wo).toFixed(1)} µs)`);
  }
  await apps.with.close();
  await apps.without.close();
  await store.close();
}

const DURATION = positiveInt('BENCH_DURATION', 5);
const ROUNDS = positiveInt('BENCH_ROUNDS', 3);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 10);

interface Round {
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

async function round(url: string, path: string, token: string | undefined, duration: number): Promise<Round> {
  const result = await autocannon({
    url: `${url}${path}`,
    connections: CONNECTIONS,
    duration,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { rps: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}

async function main(): Promise<void> {
  const inProcess = sqliteDatabase('signups-bench-metrics-inject-');
  try {
    await cpuPerRequest(inProcess.url);
  } finally {
    await inProcess.drop();
  }
  const database = sqliteDatabase('signups-bench-metrics-');
  const servers: Record<'with' | 'without', ServerChild> = {
    with: await startServer(['signups', database.url], 'with metrics'),
    without: await startServer(['signups', database.url, '--no-metrics'], 'without metrics'),
  };
  try {
    const client = servers.with.ready.client;
    if (!client) throw new Error('no bench client');
    const token = await clientCredentialsToken(`${servers.with.ready.url}/oauth2/token`, client);
    const scrape = await fetch(`${servers.without.ready.url}/metrics`);
    if (scrape.status !== 404) throw new Error(`the server without metrics answered /metrics with ${scrape.status}`);
    await scrape.arrayBuffer();

    const paths = [
      { name: 'GET /healthz', path: '/healthz', token: undefined },
      { name: 'GET /partner/v2/organizations', path: '/partner/v2/organizations?page_size=1', token },
    ];
    console.log(`metrics overhead: ${ROUNDS} alternating rounds of ${DURATION} s, ${CONNECTIONS} connections, SQLite; medians`);
    for (const { name, path, token: bearer } of paths) {
      const results: Record<'with' | 'without', Round[]> = { with: [], without: [] };
      for (const target of ['with', 'without'] as const) await round(servers[target].ready.url, path, bearer, 1);
      for (let i = 0; i < ROUNDS; i++) {
        for (const target of i % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
          results[target].push(await round(servers[target].ready.url, path, bearer, DURATION));
        }
      }
      const m = (target: 'with' | 'without', key: keyof Round) => median(results[target].map((r) => r[key]));
      console.log(
        `${name}: without ${m('without', 'rps').toFixed(0)} req/s (p50 ${m('without', 'p50Ms')} ms, p99 ${m('without', 'p99Ms')} ms); ` +
          `with ${m('with', 'rps').toFixed(0)} req/s (p50 ${m('with', 'p50Ms')} ms, p99 ${m('with', 'p99Ms')} ms); ` +
          `throughput with/without ${(m('with', 'rps') / m('without', 'rps')).toFixed(3)}`,
      );
    }
  } finally {
    await servers.with.stop();
    await servers.without.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
