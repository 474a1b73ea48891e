import type { FastifyInstance } from 'fastify';
import { configFromEnv, type ServerConfig } from '../../src/config/server-config.js';
import { AccessTokens } from '../../src/identity/access-tokens.js';
import { createClient } from '../../src/identity/clients.js';
import { startServer as startSignups } from '../../src/server/start-server.js';
import { ManualClock } from '../../src/store/clock.js';
import type { DialectName, Store } from '../../src/store/database.js';
import { getOrCreateSecret } from '../../src/store/settings.js';
import { createPostgresDatabase, createSqliteDatabase, testDialects } from './dialects.js';
import { call } from './http.js';
import { describeWith } from './suite.js';

export interface TestServer {
  dialect: DialectName;
  url: string;
  store: Store;
  clock: ManualClock;
  app: FastifyInstance;
  config: ServerConfig;
  /** A new client (a partner, for the partner API) with these scopes. */
  client(scopes?: string[], tenantId?: string): Promise<{ id: string; secret: string }>;
  /** An access token for a new client with these scopes, from the token endpoint (in process, through app.inject). */
  token(scopes?: string[]): Promise<string>;
  /** A token for a new client acting in `tenantId` (Change Broker and SDS routes), and that client's id. */
  tenantToken(tenantId: string): Promise<{ token: string; clientId: string }>;
  /** An access token for a new client, signed directly (no HTTP call, so it spends no rate-limit budget). */
  mintToken(scopes?: string[]): Promise<string>;
  /** Records the statements the server's store runs until the returned function is called, which answers them. */
  recordStatements(): () => string[];
  close(): Promise<void>;
}

export const ALL_PARTNER_SCOPES = ['partner:create', 'partner:describe'];

/** Starts the real server on a loopback port with a fresh database of the given dialect (a copy of a migrated one). */
export async function startServer(dialect: DialectName, overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const database = dialect === 'sqlite' ? await createSqliteDatabase() : await createPostgresDatabase({ migrated: true });
  const config: ServerConfig = { ...configFromEnv({}), databaseUrl: database.url, host: '127.0.0.1', port: 0, logLevel: 'silent', ...overrides };
  const recorders = new Set<string[]>();
  const onStatement = (statement: string) => {
    for (const recorded of recorders) recorded.push(statement);
  };
  const clock = new ManualClock(new Date());
  const running = await startSignups({ config, clock, store: { onStatement } });
  const { app, store, url: address } = running;
  const server: TestServer = {
    dialect,
    url: address,
    store,
    clock,
    app,
    config,
    async client(scopes = ALL_PARTNER_SCOPES, tenantId) {
      const c = await createClient(store.db, clock, { name: 'test', scopes, tenantId: tenantId ?? null });
      return { id: c.id, secret: c.secret };
    },
    async token(scopes = ALL_PARTNER_SCOPES) {
      const c = await server.client(scopes);
      const res = await call<{ access_token: string }>(server, 'POST', '/oauth2/token', {
        form: { grant_type: 'client_credentials', client_id: c.id, client_secret: c.secret },
      });
      if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${res.text}`);
      return res.body.access_token;
    },
    async tenantToken(tenantId: string) {
      const c = await createClient(store.db, clock, { name: 'tenant-app', scopes: [], tenantId });
      const tokens = await AccessTokens.open(store.db, clock, config.accessTokenTtlSeconds);
      const issued = await tokens.issue({ id: c.id, name: c.name, scopes: [], tenantId }, []);
      return { token: issued.accessToken, clientId: c.id };
    },
    async mintToken(scopes = ALL_PARTNER_SCOPES) {
      const c = await createClient(store.db, clock, { name: 'test', scopes });
      const tokens = await AccessTokens.open(store.db, clock, config.accessTokenTtlSeconds);
      return (await tokens.issue({ id: c.id, name: c.name, scopes: c.scopes, tenantId: null }, scopes)).accessToken;
    },
    recordStatements() {
      const recorded: string[] = [];
      recorders.add(recorded);
      return () => {
        recorders.delete(recorded);
        return recorded;
      };
    },
    async close() {
      await running.close();
      await database.drop();
    },
  };
  return server;
}

/**
 * Runs the same suite once per dialect under test, each against its own server and database
 * (the kysely way: one test body, every dialect).
 */
export function describeEachDialect(
  name: string,
  body: (server: () => TestServer) => void,
  overrides: Partial<ServerConfig> = {},
): void {
  for (const dialect of testDialects()) describeOn(dialect, `${name} [${dialect}]`, body, overrides);
}

/**
 * Runs a suite once, against a server on SQLite: for behaviour that neither reads nor writes the store (documents
 * served, request ids, metrics, limits kept in memory), which a second database would not test any further.
 */
export function describeServer(name: string, body: (server: () => TestServer) => void, overrides: Partial<ServerConfig> = {}): void {
  describeOn('sqlite', name, body, overrides);
}

function describeOn(dialect: DialectName, name: string, body: (server: () => TestServer) => void, overrides: Partial<ServerConfig>): void {
  describeWith(name, () => startServer(dialect, overrides), (server) => server.close(), body);
}
