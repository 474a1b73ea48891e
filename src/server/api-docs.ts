import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Errors } from './api-error.js';
import { openApiText } from '../openapi/documents.js';
import type { OpenApiDocument } from './spec.js';

/** An OpenAPI document that drives routes of this server, by the name it is served under. */
export interface ServedDocument {
  /** The file name without `.yaml`, e.g. `partner-v2`. */
  name: string;
  file: string;
  document: OpenApiDocument;
}

export interface ApiDocsOptions {
  documents: readonly ServedDocument[];
  /** This server's base URL as its clients reach it. */
  baseUrl(request: FastifyRequest): string;
}

const SERVERS_BLOCK = /^servers:\n(?:[ -].*\n)*/m;

/**
 * A served document names this server in `servers`, so that generated clients and the reference's "try it" (and its
 * relative token URLs) reach the server that served it. Everything else is the file that drives the routes, byte
 * for byte in YAML.
 */
function withServer(yamlText: string, baseUrl: string): string {
  const servers = `servers:\n  - url: ${JSON.stringify(baseUrl)}\n`;
  return SERVERS_BLOCK.test(yamlText) ? yamlText.replace(SERVERS_BLOCK, servers) : `${servers}${yamlText}`;
}

/**
 * `GET /openapi/{name}.yaml|json` for every document the server serves, and `GET /docs`: Swagger UI over all of
 * them, with a document picker, "try it" and the client-credentials Authorize dialog.
 */
export async function registerApiDocs(app: FastifyInstance, options: ApiDocsOptions): Promise<void> {
  const byName = new Map(options.documents.map((d) => [d.name, { ...d, text: openApiText(d.file) }]));

  app.get<{ Params: { file: string } }>('/openapi/:file', { config: { rateLimit: false } }, async (request, reply) => {
    const match = /^(?<name>[a-z0-9-]+)\.(?<ext>yaml|yml|json)$/.exec(request.params.file);
    const served = match?.groups ? byName.get(match.groups.name ?? '') : undefined;
    if (!match?.groups || !served) {
      throw Errors.notFound(`No OpenAPI document '${request.params.file}'; served: ${[...byName.keys()].map((n) => `${n}.yaml`).join(', ')}`);
    }
    const base = options.baseUrl(request);
    reply.header('cache-control', 'no-cache');
    if (match.groups.ext === 'json') {
      return reply.type('application/json; charset=utf-8').send(JSON.stringify({ ...served.document, servers: [{ url: base }] }));
    }
    return reply.type('application/yaml; charset=utf-8').send(withServer(served.text, base));
  });

  const [first] = options.documents;
  if (!first) return;
  await app.register(async (docs) => {
    // Swagger UI's plugin needs @fastify/swagger; in static mode it only holds a document and watches no routes.
    await docs.register(fastifySwagger, { mode: 'static', specification: { document: first.document as never } });
    await docs.register(fastifySwaggerUi, {
      routePrefix: '/docs',
      uiConfig: {
        // Swagger UI's top bar picks among these; relative URLs, so the page works behind any host name.
        urls: options.documents.map((d) => ({ url: `/openapi/${d.name}.json`, name: d.name })),
        deepLinking: true,
        displayOperationId: true,
        tryItOutEnabled: true,
        persistAuthorization: true,
        defaultModelsExpandDepth: 0,
      },
      theme: { title: 'Signups API reference' },
      uiHooks: {},
    });
  });
}
