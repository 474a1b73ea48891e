// The server under load, in its own process so the load generator does not share its event loop.
// Usage: node --import tsx bench/server-process.ts baseline
//        node --import tsx bench/server-process.ts signups <database url> [--no-metrics]
// Reports { url, client? } to the parent over IPC once listening; stops cleanly on SIGTERM
// (a clean exit is what lets --cpu-prof write its profile).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { configFromEnv, type ServerConfig } from '../src/config/server-config.js';
import { createClient } from '../src/identity/clients.js';
import { ssoUrl } from '../src/partner/representation.js';
import { startServer } from '../src/server/start-server.js';
import { systemClock } from '../src/store/clock.js';

export interface ReadyMessage {
  url: string;
  /** Credentials of a partner client with every partner scope (signups only). */
  client?: { id: string; secret: string };
}

const HOST = '127.0.0.1';
const SSO_BASE_URL = 'https://confluent.cloud/login/sso';
const DISPLAY_MESSAGE = 'Your organization has been created. Sign in with your single sign-on account to get started.';

/** The least a server can do for this request: read and parse the body, answer 201 with the same shape. */
async function startBaseline(): Promise<{ ready: ReadyMessage; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      if (req.method !== 'POST' || typeof body !== 'object' || body === null) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad request"}');
        return;
      }
      const organizationId = randomUUID();
      const answer = JSON.stringify({
        organization_id: organizationId,
        sso_url: ssoUrl(SSO_BASE_URL, organizationId),
        display_message: DISPLAY_MESSAGE,
      });
      res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) }).end(answer);
    });
  });
  // Idle sockets kept as long as the real server keeps them (Fastify's default), so a client that pauses between
  // rounds does not reuse a socket this end is closing.
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    ready: { url: `http://${HOST}:${port}` },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The real server, built the way the tests build it, on the given durable database. */
async function startSignups(databaseUrl: string, metrics = true): Promise<{ ready: ReadyMessage; close: () => Promise<void> }> {
  const config: ServerConfig = {
    // Defaults only, but for the webhook allow list: a benchmark's receiver listens on loopback.
    ...configFromEnv({ SIGNUPS_WEBHOOK_ALLOW: process.env.SIGNUPS_WEBHOOK_ALLOW }),
    databaseUrl,
    host: HOST,
    port: 0,
    ssoBaseUrl: SSO_BASE_URL,
    logLevel: 'silent',
    // Far above what a run can send, so the limiter counts but never refuses.
    rateLimit: { max: 1_000_000_000, windowMs: 60_000 },
    metrics,
  };
  const server = await startServer({ config });
  const client = await createClient(server.store.db, systemClock, { name: 'bench', scopes: ['partner:create', 'partner:describe'] });
  return { ready: { url: server.url, client: { id: client.id, secret: client.secret } }, close: () => server.close() };
}

async function main(): Promise<void> {
  const [kind, databaseUrl, flag] = process.argv.slice(2);
  if (!process.send) throw new Error('server-process must be spawned with an IPC channel');
  let target: Awaited<ReturnType<typeof startBaseline>>;
  if (kind === 'baseline') target = await startBaseline();
  else if (kind === 'signups' && databaseUrl) target = await startSignups(databaseUrl, flag !== '--no-metrics');
  else throw new Error(`usage: server-process.ts baseline | signups <database url> (got '${process.argv.slice(2).join(' ')}')`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    target
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  // If the parent dies, do not linger as an orphan holding the port and the database.
  process.on('disconnect', stop);
  process.send(target.ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
