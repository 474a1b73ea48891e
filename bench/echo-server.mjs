// The benchmarks' baseline: the least a server can do for a request (read and parse the JSON body, answer 201 with
// a signup's answer shape), on plain node:http. Plain JavaScript run by plain node, as the real server runs from
// dist/ (bench/support.ts), so that the two processes' CPU time and memory compare like for like.
// Reports { url } to the parent over IPC once listening; stops cleanly on SIGTERM (which lets --cpu-prof write).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const HOST = '127.0.0.1';
const SSO_BASE_URL = 'https://confluent.cloud/login/sso';
const DISPLAY_MESSAGE = 'Your organization has been created. Sign in with your single sign-on account to get started.';

if (!process.send) throw new Error('echo-server must be spawned with an IPC channel');

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let body;
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
      sso_url: `${SSO_BASE_URL}/AzureAD-OIDC-${organizationId}`,
      display_message: DISPLAY_MESSAGE,
    });
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) }).end(answer);
  });
});
// Idle sockets kept as long as the real server keeps them (Fastify's default), so a client that pauses between
// rounds does not reuse a socket this end is closing.
server.keepAliveTimeout = 72_000;

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
// If the parent dies, do not linger as an orphan holding the port.
process.on('disconnect', stop);

server.listen(0, HOST, () => {
  const address = server.address();
  process.send?.({ url: `http://${HOST}:${typeof address === 'object' && address ? address.port : 0}` });
});
