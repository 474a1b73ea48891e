import type { FastifyInstance } from 'fastify';
import { VERSION } from '../version.js';

export interface LandingOptions {
  /** Served documents, linked by name. */
  documentNames: readonly string[];
  consoleAvailable: boolean;
  metrics: 'open' | 'protected' | 'off';
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(options: LandingOptions): string {
  const documents = options.documentNames
    .map((name) => `<li><code>${escapeHtml(name)}</code> — <a href="/openapi/${name}.yaml">YAML</a> · <a href="/openapi/${name}.json">JSON</a></li>`)
    .join('\n        ');
  const consoleLink = options.consoleAvailable
    ? '<a href="/console/">Console</a> — sign in with a client id and secret to see what your integration created'
    : 'Console — not built in this installation (run <code>npm ci</code>)';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Signups</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 44rem; padding: 1.5rem; color: #1d2330; }
      h1 { margin-bottom: 0; } .version { color: #5b6475; margin-top: .25rem; }
      a { color: #1f5fbf; } li { margin: .35rem 0; } code { background: #f1f3f7; padding: 0 .25rem; border-radius: 3px; }
    </style>
  </head>
  <body>
    <h1>Signups</h1>
    <p class="version">version ${escapeHtml(VERSION)}</p>
    <p>Partner signups (Confluent Cloud <code>partner/v2</code>), AVEVA CONNECT Change Broker signups with an SDS subset, wire-compatible.</p>
    <ul>
      <li>${consoleLink}</li>
      <li><a href="/docs">API reference</a> — every OpenAPI document, with "try it" against this server</li>
      <li><a href="/healthz">Health</a> · <a href="/readyz">Readiness</a></li>
      ${options.metrics === 'off' ? '<li>Metrics are turned off (SIGNUPS_METRICS=off)</li>' : `<li><a href="/metrics">Metrics</a> (Prometheus text format${options.metrics === 'protected' ? '; needs the metrics bearer token' : ''})</li>`}
    </ul>
    <h2>OpenAPI documents</h2>
    <ul>
        ${documents}
    </ul>
  </body>
</html>
`;
}

/** `GET /`: a small page that links what a person would look for first. */
export function registerLandingPage(app: FastifyInstance, options: LandingOptions): void {
  const html = page(options);
  app.get('/', { config: { rateLimit: false } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
}
