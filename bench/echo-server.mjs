// The benchmarks' baseline: the least a server can do for a request (read and parse the JSON body, answer 201 with
// a signup's answer shape), on plain node:http. Plain JavaScript run by plain node, as the real server runs from
// dist/ (bench/support.ts), so that the two processes' CPU time and memory compare like for like.
// It runs as a benchmark's child: it reports its address and stops as bench/child-server.mjs says.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { serveAsChild } from './child-server.mjs';

const SSO_BASE_URL = 'https://confluent.cloud/login/sso';
const DISPLAY_MESSAGE = 'Your organization has been created. Sign in with your single sign-on account to get started.';

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
serveAsChild(server, 'echo-server');
