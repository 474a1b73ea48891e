import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { configFromEnv } from '../config/server-config.js';
import { createClient as createStoredClient } from '../identity/clients.js';
import { parseScopes, unknownScopes } from '../identity/scopes.js';
import { createNamespace as createStoredNamespace } from '../sds/namespaces.js';
import { type RunningServer, startServer } from '../server/start-server.js';
import { type ClockMoved, clientCredentials, type Fetch, SandboxAdmin } from './admin-client.js';
import { injectFetch } from './inject-fetch.js';
import { clockRow, type ClockView, SandboxClock } from './sandbox-clock.js';
import { seedFromFile } from './seed.js';
import { restoreState, type Snapshot } from './state.js';

export interface StartSignupsOptions {
  /** `sqlite:PATH`, `sqlite::memory:` or `postgres://...`; default: a temporary SQLite file removed by `close()`. */
  databaseUrl?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port chosen by the system. */
  port?: number;
  /** Start from this snapshot (or the snapshot file at this path), keys and clock included. */
  seed?: Snapshot | string;
  /** `SIGNUPS_*` settings (token lifetime, retention, rate limits, ...); the process environment is not read. */
  env?: Record<string, string>;
  /** The server's log level; default `silent`. */
  logLevel?: string;
}

export interface SignupsClient {
  clientId: string;
  clientSecret: string;
  scopes: string[];
  tenant: string | null;
  /** An access token from the server's token endpoint (client credentials), as an integration would get one. */
  token(): Promise<string>;
}

export interface SignupsClock {
  now(): Promise<Date>;
  advance(duration: string | number): Promise<ClockMoved>;
  set(at: Date | string): Promise<ClockMoved>;
  freeze(): Promise<ClockMoved>;
  resume(): Promise<ClockMoved>;
}

export interface StartedSignups {
  /** The server's base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  databaseUrl: string;
  /** The sandbox controls: clock, reset, snapshots, request journal, faults. */
  admin: SandboxAdmin;
  /** The server clock (a shortcut to the admin's clock controls). */
  clock: SignupsClock;
  /** A new OAuth2 client; give `tenant` for the Change Broker and SDS API, `scopes` for the partner API. */
  createClient(options: { name: string; scopes?: string[] | string; tenant?: string }): Promise<SignupsClient>;
  /** A namespace in a tenant (no-op if it exists). */
  createNamespace(tenant: string, namespace: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a Signups sandbox server in this process, on a free port, with its own database: for test suites.
 * Every sandbox control is on; `admin` holds a token of its own that follows the server clock.
 */
export async function startSignups(options: StartSignupsOptions = {}): Promise<StartedSignups> {
  return (await startSandboxServer(options, { listen: true })).signups;
}

/** A sandbox server and its app: the app serves `app.inject` whether or not the server listens. */
export interface SandboxServerStarted {
  signups: StartedSignups;
  app: FastifyInstance;
}

/**
 * The start of `startSignups`, with the choice of listening. Without, nothing goes over a socket: the admin client
 * and the clients' token requests are served by `app.inject`, and `url` is the address they name in Host.
 */
export async function startSandboxServer(options: StartSignupsOptions, { listen }: { listen: boolean }): Promise<SandboxServerStarted> {
  let databaseUrl = options.databaseUrl;
  let temporary: string | undefined;
  if (!databaseUrl) {
    temporary = mkdtempSync(join(tmpdir(), 'signups-'));
    databaseUrl = `sqlite:${join(temporary, 'signups.db')}`;
  }
  const config = configFromEnv({ ...options.env, SIGNUPS_SANDBOX: '1' });
  Object.assign(config, { databaseUrl, host: options.host ?? '127.0.0.1', port: options.port ?? 0, logLevel: options.logLevel ?? 'silent' });
  const removeTemporary = () => {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  };
  let server: RunningServer;
  try {
    server = await startServer({
      config,
      store: { backgroundCheckpoints: false },
      listen,
      logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
      prepare: async (store) => {
        if (typeof options.seed === 'string') await seedFromFile(store, options.seed, { sandbox: true });
        else if (options.seed) {
          await restoreState(store.db, store.dialectOps, options.seed, { keys: 'replace' });
          await new SandboxClock(clockRow(store.db, store.dialectOps)).moveTo(Date.parse(options.seed.clock.now), options.seed.clock.frozen, { allowBackwards: true });
        }
      },
    });
  } catch (error) {
    removeTemporary();
    throw error;
  }
  const { app, store, url } = server;
  const context = app.signups;
  const send: Fetch = listen ? fetch : injectFetch(app);

  const created = async (name: string, scopes: string[], tenant: string | null): Promise<SignupsClient> => {
    const client = await createStoredClient(store.db, context.clock, { name, scopes, tenantId: tenant });
    const token = clientCredentials(url, client.id, client.secret, send);
    return { clientId: client.id, clientSecret: client.secret, scopes, tenant, token };
  };
  const adminClient = await created('signups-admin', ['signups:admin'], null);
  // Minted in-process, so that the admin keeps working after a reset that removes the clients.
  const admin = new SandboxAdmin(
    url,
    async () => (await context.accessTokens.issue({ id: adminClient.clientId, name: 'signups-admin', scopes: ['signups:admin'], tenantId: null }, ['signups:admin'])).accessToken,
    send,
  );

  let closed = false;
  const signups: StartedSignups = {
    url,
    databaseUrl,
    admin,
    clock: {
      now: async () => new Date((await admin.clock()).now),
      advance: (duration) => admin.advance(duration),
      set: (at) => admin.setClock(at),
      freeze: () => admin.freeze(),
      resume: () => admin.resume(),
    },
    async createClient({ name, scopes = [], tenant }) {
      const list = typeof scopes === 'string' ? parseScopes(scopes) : [...scopes];
      const unknown = unknownScopes(list);
      if (unknown.length > 0) throw new Error(`unknown scope(s): ${unknown.join(', ')}`);
      return created(name, list, tenant ?? null);
    },
    async createNamespace(tenant, namespace) {
      await createStoredNamespace(store.db, context.clock, tenant, namespace);
    },
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      removeTemporary();
    },
  };
  return { signups, app };
}

export type { ClockView };
