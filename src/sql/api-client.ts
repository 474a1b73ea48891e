import { SqlError } from './sql-error.js';

export interface Credentials {
  server: string;
  token?: string;
  clientId?: string;
  clientSecret?: string;
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

/** HTTP to a Signups server (or any server speaking its APIs), with a client-credentials token fetched once. */
export class ApiClient {
  private token: string | undefined;
  readonly base: string;

  constructor(private readonly credentials: Credentials) {
    this.base = credentials.server.replace(/\/+$/, '');
    this.token = credentials.token;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new SqlError(`cannot reach ${this.base}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, 'api');
    }
  }

  /** A bearer token: the one given, or one exchanged for the client id and secret at `/oauth2/token`. */
  private async bearer(): Promise<string | undefined> {
    if (this.token) return this.token;
    const { clientId, clientSecret } = this.credentials;
    if (!clientId && !clientSecret) return undefined;
    if (!clientId || !clientSecret) throw new SqlError('both --client-id and --client-secret are needed (or --token)', 'auth');
    const res = await this.fetch(`${this.base}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new SqlError(`token request to ${this.base}/oauth2/token failed with ${res.status}: ${compact(text)}`, 'auth');
    const token = (JSON.parse(text) as { access_token?: unknown }).access_token;
    if (typeof token !== 'string') throw new SqlError(`token endpoint answered without an access_token: ${compact(text)}`, 'auth');
    this.token = token;
    return token;
  }

  /** Sends one request; a non-2xx answer becomes an error carrying the API's own body on one line. */
  async send(request: ApiRequest): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...request.headers, accept: 'application/json' };
    const token = await this.bearer();
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['content-type'] = request.mediaType ?? 'application/json';
      body = JSON.stringify(request.body);
    }
    const url = /^https?:\/\//.test(request.url) ? request.url : `${this.base}${request.url}`;
    const res = await this.fetch(url, { method: request.method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    const shown = `${request.method} ${url.startsWith(this.base) ? url.slice(this.base.length) : url}`;
    if (res.status < 200 || res.status >= 300) {
      throw new SqlError(`${shown} failed with ${res.status}${text ? `: ${compact(text)}` : ''}`, 'api');
    }
    let parsed: unknown = text.length > 0 ? text : undefined;
    if (text.length > 0 && (res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: res.status, body: parsed, headers: res.headers };
  }
}
