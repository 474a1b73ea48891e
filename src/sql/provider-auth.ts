import { SqlError } from './sql-error.js';

/**
 * Provider credentials in StackQL's `--auth` form, one entry per provider:
 *   basic   username_var + password_var, or credentialsenvvar (base64 of user:secret as StackQL writes it, or user:secret)
 *   bearer  credentialsenvvar holding the token
 *   api_key credentialsenvvar, sent as `Authorization: <valuePrefix><value>`
 *   oauth2  client credentials: client_id_env_var, client_secret_env_var, token_url, scopes
 *   null_auth  nothing is sent
 * Values are read from the environment when a request is made, never from the flag itself.
 */
export interface AuthConfig {
  type?: string;
  username_var?: string;
  password_var?: string;
  credentialsenvvar?: string;
  valuePrefix?: string;
  grant_type?: string;
  client_id_env_var?: string;
  client_secret_env_var?: string;
  token_url?: string;
  scopes?: string[] | string;
}

const TYPES = new Set(['basic', 'bearer', 'api_key', 'oauth2', 'null_auth']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Checks one provider's entry; `where` names it in messages. */
export function authConfig(value: unknown, where: string): AuthConfig {
  if (!isRecord(value)) throw new SqlError(`${where} must be a JSON object such as {"type": "basic", "username_var": "...", "password_var": "..."}`, 'auth');
  const type = value.type;
  if (typeof type !== 'string' || !TYPES.has(type)) {
    throw new SqlError(`${where}: "type" must be one of ${[...TYPES].join(', ')}, got ${JSON.stringify(type)}`, 'auth');
  }
  for (const [key, field] of Object.entries(value)) {
    if (key === 'scopes') {
      if (typeof field !== 'string' && !(Array.isArray(field) && field.every((s) => typeof s === 'string'))) {
        throw new SqlError(`${where}: "scopes" must be a list of strings`, 'auth');
      }
    } else if (typeof field !== 'string') throw new SqlError(`${where}: "${key}" must be a string`, 'auth');
  }
  return value as AuthConfig;
}

/** Parses `--auth '{"confluent": {...}, ...}'`. */
export function parseAuthFlag(text: string): Record<string, AuthConfig> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    throw new SqlError(`--auth must be JSON, e.g. '{"confluent": {"type": "basic", "username_var": "CONFLUENT_CLOUD_API_KEY", "password_var": "CONFLUENT_CLOUD_API_SECRET"}}': ${(error as Error).message}`, 'auth');
  }
  if (!isRecord(parsed)) throw new SqlError('--auth must be a JSON object keyed by provider name', 'auth');
  return Object.fromEntries(Object.entries(parsed).map(([provider, entry]) => [provider, authConfig(entry, `--auth.${provider}`)]));
}

function envValue(name: string | undefined, field: string, provider: string): string {
  if (!name) throw new SqlError(`auth for ${provider}: "${field}" is not given`, 'auth');
  const value = process.env[name];
  if (value === undefined || value === '') throw new SqlError(`auth for ${provider}: the environment variable ${name} (${field}) is not set`, 'auth');
  return value;
}

/** `user:secret` from a credentialsenvvar: StackQL's base64 form, or the pair as it is. */
function basicPair(value: string): string {
  if (value.includes(':')) return value;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  if (!decoded.includes(':')) throw new SqlError('a basic credentialsenvvar must hold base64 of user:secret (or user:secret)', 'auth');
  return decoded;
}

export function basicHeader(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;
}

/** The values an auth entry needs, read now: whether they are all present decides if a default applies. */
export function hasCredentials(config: AuthConfig): boolean {
  const vars = [config.username_var, config.password_var, config.credentialsenvvar, config.client_id_env_var, config.client_secret_env_var].filter(
    (v): v is string => typeof v === 'string',
  );
  return config.type === 'null_auth' || (vars.length > 0 && vars.every((v) => (process.env[v] ?? '') !== ''));
}

export type TokenFetcher = (tokenUrl: string, clientId: string, clientSecret: string, scopes: string | undefined) => Promise<string>;

/** The Authorization header value for an entry, or undefined for null_auth. */
export async function authorizationFor(config: AuthConfig, provider: string, base: string, fetchToken: TokenFetcher): Promise<string | undefined> {
  switch (config.type) {
    case 'basic': {
      if (config.credentialsenvvar && !config.username_var) return `Basic ${Buffer.from(basicPair(envValue(config.credentialsenvvar, 'credentialsenvvar', provider))).toString('base64')}`;
      return basicHeader(envValue(config.username_var, 'username_var', provider), envValue(config.password_var, 'password_var', provider));
    }
    case 'bearer':
      return `Bearer ${envValue(config.credentialsenvvar, 'credentialsenvvar', provider)}`;
    case 'api_key':
      return `${config.valuePrefix ?? ''}${envValue(config.credentialsenvvar, 'credentialsenvvar', provider)}`;
    case 'oauth2': {
      if (config.grant_type !== undefined && config.grant_type !== 'client_credentials') {
        throw new SqlError(`auth for ${provider}: only the client_credentials grant is supported, not '${config.grant_type}'`, 'auth');
      }
      const clientId = envValue(config.client_id_env_var, 'client_id_env_var', provider);
      const clientSecret = envValue(config.client_secret_env_var, 'client_secret_env_var', provider);
      if (!config.token_url) throw new SqlError(`auth for ${provider}: oauth2 needs "token_url"`, 'auth');
      const tokenUrl = new URL(config.token_url, `${base}/`).toString();
      const scopes = Array.isArray(config.scopes) ? config.scopes.join(' ') : config.scopes;
      return `Bearer ${await fetchToken(tokenUrl, clientId, clientSecret, scopes)}`;
    }
    default:
      return undefined;
  }
}
