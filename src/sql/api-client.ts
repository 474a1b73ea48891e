import { type AuthConfig, authConfig, authorizationFor, basicHeader, hasCredentials } from './provider-auth.js';
import { SqlError } from './sql-error.js';

export interface Credentials {
  /** --server (or SIGNUPS_SERVER): where every request goes, over the documents' own servers. */
  server?: string;
  token?: string;
  clientId?: string;
  clientSecret?: string;
  /** --auth: credentials per provider, in StackQL's form. */
  auth?: Record<string, AuthConfig>;
}

/** Where one statement's requests go and whose credentials they carry. */
export interface Target {
  base: string;
  provider: string;
  /** The provider's own `config.auth`, used when nothing more explicit is given and its variables are set. */
  defaultAuth?: unknown;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface ApiRequest {
  method: string;
  /** Path and query, relative to the server, or an absolute URL (a `next` link). */
  url: string;
  body?: unknown;
  mediaType?: string;
  /** Header parameters the operation declares. */
  headers?: Record<string, string>;
}

function compact(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text.replace(/\s+/g, ' ').trim();
  }
}

/**
 * HTTP to a Signups server or a provider's own endpoints. Credentials, most explicit first: --token; the provider's
 * --auth entry; --client-id and --client-secret (exchanged once per server at `/oauth2/token`); the provider's own
 * `config.auth` when its variables are set; otherwise nothing.
 */
export class ApiClient {
  private readonly headers = new Map<string, Promise<string | undefined>>();

  constructor(private readonly credentials: Credentials) {}

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new SqlError(`cannot reach ${new URL(url).origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, 'api');
    }
  }

  /** OAuth2 client credentials at `tokenUrl`; the client authenticates with HTTP Basic (RFC 6749 §2.3.1). */
  private readonly fetchToken = async (tokenUrl: string, clientId: string, clientSecret: string, scopes: string | undefined): Promise<string> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scopes) form.set('scope', scopes);
    const res = await this.fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: basicHeader(encodeURIComponent(clientId), encodeURIComponent(clientSecret)) },
      body: form,
    });
    const text = await res.text();
    if (res.status !== 200) throw new SqlError(`token request to ${tokenUrl} failed with ${res.status}: ${compact(text)}`, 'auth', res.status);
    let token: unknown;
    try {
      token = (JSON.parse(text) as { access_token?: unknown }).access_token;
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string') throw new SqlError(`token endpoint answered without an access_token: ${compact(text)}`, 'auth');
    return token;
  };

  private async resolveAuthorization(target: Target): Promise<string | undefined> {
    const { token, clientId, clientSecret, auth } = this.credentials;
    if (token) return `Bearer ${token}`;
    const own = auth?.[target.provider];
    if (own) return authorizationFor(own, target.provider, target.base, this.fetchToken);
    if (clientId || clientSecret) {
      if (!clientId || !clientSecret) throw new SqlError('both --client-id and --client-secret are needed (or --token)', 'auth');
      return `Bearer ${await this.fetchToken(`${target.base}/oauth2/token`, clientId, clientSecret, undefined)}`;
    }
    if (target.defaultAuth !== undefined) {
      const fallback = authConfig(target.defaultAuth, `config.auth of provider ${target.provider}`);
      if (hasCredentials(fallback)) return authorizationFor(fallback, target.provider, target.base, this.fetchToken);
    }
    return undefined;
  }

  /** One Authorization value per provider and server, fetched once (a failed fetch is retried next time). */
  private authorization(target: Target): Promise<string | undefined> {
    const key = `${target.provider} ${target.base}`;
    let found = this.headers.get(key);
    if (!found) {
      found = this.resolveAuthorization(target);
      found.catch(() => this.headers.delete(key));
      this.headers.set(key, found);
    }
    return found;
  }

  /** Sends one request; a non-2xx answer becomes an error carrying the API's own body on one line. */
  async send(request: ApiRequest, target: Target): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...request.headers, accept: 'application/json' };
    const authorization = await this.authorization(target);
    if (authorization) headers.authorization = authorization;
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['content-type'] = request.mediaType ?? 'application/json';
      body = JSON.stringify(request.body);
    }
    const url = /^https?:\/\//.test(request.url) ? request.url : `${target.base}${request.url}`;
    const res = await this.fetch(url, { method: request.method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    const shown = `${request.method} ${url.startsWith(target.base) ? url.slice(target.base.length) : url}`;
    if (res.status < 200 || res.status >= 300) {
      throw new SqlError(`${shown} failed with ${res.status}${text ? `: ${compact(text)}` : ''}`, 'api', res.status);
    }
    let parsed: unknown = text.length > 0 ? text : undefined;
    if (text.length > 0 && (res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: res.status, body: parsed, headers: res.headers };
  }
}
