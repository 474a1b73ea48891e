// The ceiling of the updates read benchmark: answers GET requests with bodies recorded from the real server, looked
// up by path and query, and does nothing else. What a poller reads from it is the most any HTTP server could give
// that poller for those pages on this machine. Plain JavaScript run by plain node, as bench/echo-server.mjs.
// Its argument is a JSON file of [path with query, body] pairs; it runs as a benchmark's child (child-server.mjs).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { serveAsChild } from './child-server.mjs';

const file = process.argv[2];
if (!file) throw new Error('usage: replay-server.mjs <pages.json>');
const pages = new Map(JSON.parse(readFileSync(file, 'utf8')).map(([path, body]) => [path, Buffer.from(body, 'utf8')]));

const server = createServer((req, res) => {
  const body = req.method === 'GET' ? pages.get(req.url ?? '') : undefined;
  if (!body) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not recorded"}');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }).end(body);
});
serveAsChild(server, 'replay-server');
