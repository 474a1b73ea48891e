import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { consumerLag, type SignupLag } from '../change-broker/consumer-lag.js';
import { changeCounts } from '../sds/changes.js';
import type { Clock } from '../store/clock.js';
import type { Store } from '../store/database.js';
import { VERSION } from '../version.js';
import { Errors } from './api-error.js';

export interface MetricsOptions {
  store: Store;
  clock: Clock;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  token?: string;
  log: { warn(object: object, message: string): void };
}

/** What other parts of the server report to the metrics. */
export interface MetricsRecorder {
  rateLimited(request: FastifyRequest): void;
  jobsCompleted(count: number): void;
  jobFailed(): void;
}

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The operationId of the route that answered, the route's own path when it has none, or `unmatched`. */
function operationOf(request: FastifyRequest): string {
  const config = request.routeOptions.config as { operationId?: string } | undefined;
  return config?.operationId ?? request.routeOptions.url ?? 'unmatched';
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics at GET /metrics: requests by operation, rate-limit rejections, the database pool and
 * transactions, background jobs, Change Broker change rates and consumer lag, and the process. Figures read from
 * the database (jobs due, change counts, lag) are the same whichever process is scraped.
 */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions): MetricsRecorder {
  const { store, clock } = options;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  new Gauge({ name: 'signups_build_info', help: 'Always 1; the version is a label.', labelNames: ['version'], registers: [registry] }).set({ version: VERSION }, 1);

  const labels = ['operation_id', 'method', 'status'] as const;
  const requests = new Counter({ name: 'signups_http_requests_total', help: 'HTTP requests answered, by operationId, method and status.', labelNames: labels, registers: [registry] });
  const latency = new Histogram({
    name: 'signups_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, by operationId, method and status.',
    labelNames: labels,
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  // Label lookups hash their values on every call; the few combinations a server sees are kept instead.
  const children = new Map<string, { count: { inc(): void }; time: { observe(seconds: number): void } }>();
  // A callback hook, not an async one: no promise per request.
  app.addHook('onResponse', (request, reply, done) => {
    const operation = operationOf(request);
    const key = `${operation} ${request.method} ${reply.statusCode}`;
    let child = children.get(key);
    if (!child) {
      const values = { operation_id: operation, method: request.method, status: String(reply.statusCode) };
      child = { count: requests.labels(values), time: latency.labels(values) };
      children.set(key, child);
    }
    child.count.inc();
    child.time.observe(reply.elapsedTime / 1000);
    done();
  });

  const rateLimited = new Counter({
    name: 'signups_rate_limit_rejections_total',
    help: 'Requests refused with 429 because their client (or address) was over its rate limit, by operationId.',
    labelNames: ['operation_id'],
    registers: [registry],
  });

  const transactions = new Histogram({
    name: 'signups_db_transaction_duration_seconds',
    help: 'Database transactions from BEGIN to COMMIT or ROLLBACK, by outcome.',
    labelNames: ['outcome'],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const unsubscribe = store.transactions.subscribe((seconds, outcome) => transactions.observe({ outcome }, seconds));
  app.addHook('onClose', async () => unsubscribe());

  if (store.poolUse()) {
    new Gauge({
      name: 'signups_db_pool_connections',
      help: 'PostgreSQL pool connections by state (in_use, idle), and the pool size (max).',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const use = store.poolUse();
        if (!use) return;
        this.set({ state: 'in_use' }, use.total - use.idle);
        this.set({ state: 'idle' }, use.idle);
        this.set({ state: 'max' }, use.max);
      },
    });
    new Gauge({
      name: 'signups_db_pool_waiting_requests',
      help: 'Queries waiting for a free PostgreSQL pool connection.',
      registers: [registry],
      collect() {
        this.set(store.poolUse()?.waiting ?? 0);
      },
    });
  }

  // Figures read from the database at scrape time; a failing read leaves them out of that scrape, not the rest.
  const fromDatabase = async (what: string, read: () => Promise<void>): Promise<void> => {
    try {
      await read();
    } catch (err) {
      options.log.warn({ err }, `metrics: could not read ${what}`);
    }
  };

  new Gauge({
    name: 'signups_background_jobs',
    help: 'Background jobs (signup activation checks) by state: due (waiting for a worker) and running (leased).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      await fromDatabase('background jobs', async () => {
        const now = clock.now().toISOString();
        const row = await store.db
          .selectFrom('cb_jobs')
          .select((eb) => [
            eb.fn.sum<number | string | null>(eb.case().when(eb.and([eb('due_at', '<=', now), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])])).then(1).else(0).end()).as('due'),
            eb.fn.sum<number | string | null>(eb.case().when('lease_until', '>=', now).then(1).else(0).end()).as('running'),
          ])
          .executeTakeFirstOrThrow();
        this.set({ state: 'due' }, Number(row.due ?? 0));
        this.set({ state: 'running' }, Number(row.running ?? 0));
      });
    },
  });
  const jobsFailed = new Counter({ name: 'signups_background_jobs_failed_total', help: 'Background job runs in this process that failed (each is retried with backoff).', registers: [registry] });
  const jobsCompleted = new Counter({ name: 'signups_background_jobs_completed_total', help: 'Background jobs this process ran to completion.', registers: [registry] });

  new Counter({
    name: 'signups_change_broker_changes_total',
    help: 'Changes written to the change log, by tenant and namespace (rate() of it is the change rate).',
    labelNames: ['tenant_id', 'namespace_id'],
    registers: [registry],
    async collect() {
      await fromDatabase('change counts', async () => {
        const rows = await changeCounts(store.db);
        this.reset();
        for (const row of rows) this.inc({ tenant_id: row.tenantId, namespace_id: row.namespaceId }, row.changes);
      });
    },
  });

  // Both lag gauges are collected at once in a scrape; they share one read of the database.
  let lagRead: Promise<SignupLag[]> | undefined;
  const readLag = (): Promise<SignupLag[]> =>
    (lagRead ??= consumerLag(store.db, clock.now()).finally(() => {
      lagRead = undefined;
    }));
  const lagLabels = ['signup_id', 'tenant_id', 'namespace_id'] as const;
  const lagGauge = (name: string, help: string, value: (lag: SignupLag) => number) =>
    new Gauge({
      name,
      help,
      labelNames: lagLabels,
      registers: [registry],
      async collect() {
        await fromDatabase('consumer lag', async () => {
          const lags = await readLag();
          this.reset();
          for (const lag of lags) this.set({ signup_id: lag.signupId, tenant_id: lag.tenantId, namespace_id: lag.namespaceId }, value(lag));
        });
      },
    });
  lagGauge(
    'signups_change_broker_signup_lag_seconds',
    'Consumer lag of an Active signup: the age of the oldest change its consumer has not acknowledged (0 when up to date).',
    (lag) => lag.lagSeconds,
  );
  lagGauge(
    'signups_change_broker_signup_pending_changes',
    "Changes to an Active signup's accessible streams after the last bookmark its consumer came back with.",
    (lag) => lag.pendingChanges,
  );

  app.get('/metrics', { config: { rateLimit: false } }, async (request, reply) => {
    if (options.token !== undefined) {
      const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!sameSecret(given, options.token)) {
        throw Errors.unauthenticated('GET /metrics needs the metrics bearer token (SIGNUPS_METRICS_TOKEN)', 'Bearer realm="metrics"');
      }
    }
    const text = await registry.metrics();
    return reply.type(registry.contentType).header('cache-control', 'no-store').send(text);
  });

  return {
    rateLimited: (request) => rateLimited.inc({ operation_id: operationOf(request) }),
    jobsCompleted: (count) => jobsCompleted.inc(count),
    jobFailed: () => jobsFailed.inc(),
  };
}
