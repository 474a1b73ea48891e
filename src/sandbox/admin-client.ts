import { durationSeconds } from './duration.js';
import type { Fault, FaultInput } from './faults.js';
import type { JournalEntry, JournalFilter } from './journal.js';
import type { ClockView } from './sandbox-clock.js';
import type { Snapshot } from './state.js';

export type { ClockView, Fault, FaultInput, JournalEntry, JournalFilter, Snapshot };

export interface ClockMoved extends ClockView {
  /** The background work that ran because it became due. */
  work: { jobs: number; expired: number; removed: number; purged: number };
}

/** A sandbox control answered with an error: its status and the partner `Failure` body. */
export class SandboxAdminError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxAdminError';
  }
}

/** Where the admin client gets its bearer token: a fixed one, or a function asked again after a 401. */
export type TokenSource = () => Promise<string>;

/**
 * How the admin client and the token source send a request: the global `fetch` (over HTTP) by default, or another
 * function of the same shape, such as one that serves the request in process.
 */
export type Fetch = (url: string, init: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; headers: Record<string, string>; body?: string }) => Promise<Response>;

/** The sandbox controls (`/_signups/v1/`) over HTTP, for test suites and the `signups admin` command. */
export class SandboxAdmin {
  readonly #base: string;
  readonly #fetch: Fetch;
  #token: string | undefined;

  constructor(
    baseUrl: string,
    private readonly tokenSource: TokenSource,
    send: Fetch = fetch,
  ) {
    this.#base = baseUrl.replace(/\/+$/, '');
    this.#fetch = send;
  }

  async #send<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      this.#token ??= await this.tokenSource();
      const headers: Record<string, string> = { authorization: `Bearer ${this.#token}`, accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await this.#fetch(`${this.#base}/_signups/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await res.text();
      // A token expires by the server clock, which these very calls move: fetch a new one once.
      if (res.status === 401 && attempt === 0) {
        this.#token = undefined;
        continue;
      }
      const parsed: unknown = text.length > 0 && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
      if (res.status >= 400) {
        const detail = (parsed as { errors?: Array<{ detail?: string }> } | undefined)?.errors?.[0]?.detail ?? text;
        throw new SandboxAdminError(res.status, parsed, `${method} /_signups/v1${path} failed with ${res.status}: ${detail}`);
      }
      return parsed as T;
    }
  }

  /** The server clock. */
  clock(): Promise<ClockView> {
    return this.#send('GET', '/clock');
  }

  /** Moves the clock forward by a duration (`'25h'`, `'90m'`, `3600`); answers after the work that became due has run. */
  advance(duration: string | number): Promise<ClockMoved> {
    return this.#send('POST', '/clock', { advanceSeconds: durationSeconds(duration) });
  }

  /** Moves the clock to a time, not earlier than now. */
  setClock(at: Date | string): Promise<ClockMoved> {
    return this.#send('POST', '/clock', { set: new Date(at).toISOString() });
  }

  freeze(): Promise<ClockMoved> {
    return this.#send('POST', '/clock', { frozen: true });
  }

  resume(): Promise<ClockMoved> {
    return this.#send('POST', '/clock', { frozen: false });
  }

  /** Empties the partner, SDS and Change Broker data; clients and namespaces too when asked. */
  reset(options: { clients?: boolean; namespaces?: boolean } = {}): Promise<{ removed: Record<string, number> }> {
    return this.#send('POST', '/reset', options);
  }

  snapshot(): Promise<Snapshot> {
    return this.#send('GET', '/snapshot');
  }

  restore(snapshot: Snapshot): Promise<{ restored: Record<string, number>; clock: ClockView }> {
    return this.#send('PUT', '/snapshot', snapshot);
  }

  /** The request journal, newest first. */
  async requests(filter: JournalFilter = {}): Promise<JournalEntry[]> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value !== undefined) query.set(key, String(value));
    const page = await this.#send<{ requests: JournalEntry[] }>('GET', `/requests${query.size > 0 ? `?${query}` : ''}`);
    return page.requests;
  }

  async clearRequests(): Promise<void> {
    await this.#send('DELETE', '/requests');
  }

  addFault(fault: FaultInput): Promise<Fault> {
    return this.#send('POST', '/faults', fault);
  }

  async faults(): Promise<Fault[]> {
    return (await this.#send<{ faults: Fault[] }>('GET', '/faults')).faults;
  }

  async removeFault(id: string): Promise<void> {
    await this.#send('DELETE', `/faults/${encodeURIComponent(id)}`);
  }

  async clearFaults(): Promise<void> {
    await this.#send('DELETE', '/faults');
  }
}

/** A token source that exchanges a client id and secret at the server's token endpoint. */
export function clientCredentials(baseUrl: string, clientId: string, clientSecret: string, send: Fetch = fetch): TokenSource {
  return async () => {
    const res = await send(`${baseUrl.replace(/\/+$/, '')}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
    });
    const text = await res.text();
    if (res.status !== 200) throw new SandboxAdminError(res.status, text, `the token request failed with ${res.status}: ${text}`);
    return (JSON.parse(text) as { access_token: string }).access_token;
  };
}
