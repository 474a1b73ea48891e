export interface RateLimitConfig {
  /** Requests allowed per client (or per address, for calls without a token) in each window. */
  max: number;
  windowMs: number;
  /** When set, counters live in Redis and are shared by every server process. */
  redisUrl?: string;
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
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/signups.db';

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
  };
  if (env.SIGNUPS_PUBLIC_URL) config.publicUrl = env.SIGNUPS_PUBLIC_URL.replace(/\/+$/, '');
  if (env.SIGNUPS_REDIS_URL) config.rateLimit.redisUrl = env.SIGNUPS_REDIS_URL;
  return config;
}
