export interface RateLimitConfig {
  /** Requests allowed per client (or per address, for calls without a token) in each window. */
  max: number;
  windowMs: number;
  /** When set, counters live in Redis and are shared by every server process. */
  redisUrl?: string;
}

export interface ChangeBrokerConfig {
  /** Signups that have not expired allowed per namespace; one more answers 409. */
  signupLimit: number;
  /** How long change data is kept, and how long a bookmark stays valid. */
  retentionSeconds: number;
  /** Most updates in one Get Updates answer. */
  updatesPageSize: number;
  /** After a full page of updates, read the poller's next page while it takes in this one. */
  updatesReadAhead: boolean;
  /** Default inactivity period after which a signup that is not queried expires. */
  inactivitySeconds: number;
  /** How long an expired signup is kept before it is removed. */
  expiredRetentionSeconds: number;
  /** Run background work (activation, expiry, purge) in this process. */
  backgroundWorker: boolean;
  /** How often the background worker looks for due jobs. */
  backgroundPollMs: number;
  /** How often an open live updates stream sends a heartbeat (and re-reads, and keeps its signup alive). */
  liveHeartbeatMs: number;
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** Networks (CIDR) and host names that webhooks may target although the default policy refuses them. */
  allow: string[];
  /** How long one delivery attempt may take. */
  timeoutMs: number;
  /** How long a failing webhook is retried before it is disabled. */
  retryWindowSeconds: number;
}

export interface SandboxConfig {
  /** Serve the sandbox controls under /_signups/v1/ (clock, reset and snapshots, journal, faults). */
  enabled: boolean;
  /** Requests the journal keeps; older ones are dropped. */
  journalSize: number;
  /** The largest snapshot PUT /_signups/v1/snapshot accepts. */
  snapshotBodyLimitBytes: number;
}

export interface ServerConfig {
  databaseUrl: string;
  host: string;
  port: number;
  /** Base of the absolute URLs in answers (`metadata.self`, `Location`); default: the request's own host. */
  publicUrl?: string;
  /** Base of `sso_url` in signup answers. */
  ssoBaseUrl: string;
  accessTokenTtlSeconds: number;
  bodyLimitBytes: number;
  rateLimit: RateLimitConfig;
  logLevel: string;
  /** The most time SIGTERM/SIGINT may spend draining requests before the process exits anyway. */
  shutdownTimeoutMs: number;
  /**
   * How far V8's old generation may grow past what survived its last full collection before it collects again, in
   * percent (`serve` only: a process setting); undefined leaves V8's own factor (up to 4 ×).
   */
  heapGrowthPercent?: number;
  changeBroker: ChangeBrokerConfig;
  sandbox: SandboxConfig;
  /** Serve GET /metrics and measure requests for it. */
  metrics: boolean;
  /** SQLite: the page cache of the server's connection, in MiB (SQLite's own default as built here is 16). */
  sqliteCacheMb: number;
  /** When set, GET /metrics needs `Authorization: Bearer <this>`. */
  metricsToken?: string;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/signups.db';

/**
 * Under a steady request load the old generation fills mostly with garbage that survived two scavenges; with V8's
 * own factor it grew to 90 MB over 40 MB live before each full collection, the server's peak memory to 230-250 MB.
 * 30 % kept it under 175 MB at the same throughput (CPU per request +3 %).
 */
const DEFAULT_HEAP_GROWTH_PERCENT = 30;
const DEFAULT_SQLITE_CACHE_MB = 8;

/** A setting that is on unless set to 0, false, no or off (in any case). */
const onUnlessOff = (env: NodeJS.ProcessEnv, name: string): boolean => !['0', 'false', 'no', 'off'].includes((env[name] ?? '').toLowerCase());

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not '${raw}'`);
  return n;
}

/** Configuration from the environment; command-line flags override it field by field. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const config: ServerConfig = {
    databaseUrl: env.SIGNUPS_DATABASE_URL || DEFAULT_DATABASE_URL,
    host: env.SIGNUPS_HOST || '127.0.0.1',
    port: intFrom(env, 'SIGNUPS_PORT', 8080),
    ssoBaseUrl: env.SIGNUPS_SSO_BASE_URL || 'https://confluent.cloud/login/sso',
    accessTokenTtlSeconds: intFrom(env, 'SIGNUPS_TOKEN_TTL_SECONDS', 3600),
    bodyLimitBytes: intFrom(env, 'SIGNUPS_BODY_LIMIT_BYTES', 65536),
    rateLimit: {
      max: intFrom(env, 'SIGNUPS_RATE_LIMIT_MAX', 1000),
      windowMs: intFrom(env, 'SIGNUPS_RATE_LIMIT_WINDOW_MS', 60_000),
    },
    logLevel: env.SIGNUPS_LOG_LEVEL || 'info',
    shutdownTimeoutMs: intFrom(env, 'SIGNUPS_SHUTDOWN_TIMEOUT_MS', 10_000),
    metrics: onUnlessOff(env, 'SIGNUPS_METRICS'),
    sqliteCacheMb: intFrom(env, 'SIGNUPS_SQLITE_CACHE_MB', DEFAULT_SQLITE_CACHE_MB),
    changeBroker: {
      signupLimit: intFrom(env, 'SIGNUPS_SIGNUP_LIMIT', 10_000),
      retentionSeconds: intFrom(env, 'SIGNUPS_RETENTION_SECONDS', 3600),
      updatesPageSize: intFrom(env, 'SIGNUPS_UPDATES_PAGE_SIZE', 1000),
      updatesReadAhead: onUnlessOff(env, 'SIGNUPS_UPDATES_READ_AHEAD'),
      inactivitySeconds: intFrom(env, 'SIGNUPS_SIGNUP_INACTIVITY_SECONDS', 86_400),
      expiredRetentionSeconds: intFrom(env, 'SIGNUPS_EXPIRED_SIGNUP_RETENTION_SECONDS', 86_400),
      backgroundWorker: onUnlessOff(env, 'SIGNUPS_BACKGROUND_WORKER'),
      backgroundPollMs: intFrom(env, 'SIGNUPS_BACKGROUND_POLL_MS', 150),
      liveHeartbeatMs: intFrom(env, 'SIGNUPS_LIVE_HEARTBEAT_MS', 15_000),
      webhooks: {
        allow: (env.SIGNUPS_WEBHOOK_ALLOW ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''),
        timeoutMs: intFrom(env, 'SIGNUPS_WEBHOOK_TIMEOUT_MS', 10_000),
        retryWindowSeconds: intFrom(env, 'SIGNUPS_WEBHOOK_RETRY_WINDOW_SECONDS', 86_400),
      },
    },
    sandbox: {
      enabled: ['1', 'true', 'yes', 'on'].includes((env.SIGNUPS_SANDBOX ?? '').toLowerCase()),
      journalSize: intFrom(env, 'SIGNUPS_JOURNAL_SIZE', 1000),
      snapshotBodyLimitBytes: intFrom(env, 'SIGNUPS_SNAPSHOT_BODY_LIMIT_BYTES', 256 * 1024 * 1024),
    },
  };
  const heapGrowth = (env.SIGNUPS_HEAP_GROWTH_PERCENT ?? '').toLowerCase();
  if (heapGrowth !== 'off') config.heapGrowthPercent = intFrom(env, 'SIGNUPS_HEAP_GROWTH_PERCENT', DEFAULT_HEAP_GROWTH_PERCENT);
  if (env.SIGNUPS_PUBLIC_URL) config.publicUrl = env.SIGNUPS_PUBLIC_URL.replace(/\/+$/, '');
  if (env.SIGNUPS_METRICS_TOKEN) config.metricsToken = env.SIGNUPS_METRICS_TOKEN;
  if (env.SIGNUPS_REDIS_URL) config.rateLimit.redisUrl = env.SIGNUPS_REDIS_URL;
  return config;
}
