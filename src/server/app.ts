import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions, type RouteOptions } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import './openapi-schema.js';
import { areMembers } from '../change-broker/communities.js';
import { BackgroundWorker } from '../change-broker/worker.js';
import type { ServerConfig } from '../config/server-config.js';
import { AccessTokens } from '../identity/access-tokens.js';
import { LinkTokens } from '../identity/link-tokens.js';
import { entitlementUrl } from '../partner/representation.js';
import { type Clock, systemClock } from '../store/clock.js';
import type { Store } from '../store/database.js';
import { getOrCreateSecret } from '../store/settings.js';
import { Errors } from './api-error.js';
import type { AppContext } from './app-context.js';
import { registerApiDocs, type ServedDocument } from './api-docs.js';
import { authorize, authorizeTenant, identify } from './auth.js';
import { BasicCredentials } from './basic-credentials.js';
import { sendError } from './error-handler.js';
import { clientErrorHandler } from './framing-errors.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import { parameterWithNul, pointerToNul } from './nul-bytes.js';
import { drainBody } from './oversized-body.js';
import { buildValidator } from './validators.js';
import { consoleBuilt, registerConsole } from './console.js';
import { registerLandingPage } from './landing-page.js';
import { registerMetrics } from './metrics.js';
import { registerRateLimit } from './rate-limit.js';
import { addClockHook, addSandboxHooks, createSandbox, type Sandbox } from './sandbox.js';
import { LiveStreams } from './live-streams.js';
import { requestIdFor } from './request-id.js';
import { routeModulesById } from './route-registry.js';
import { DOCUMENTS } from './documents.js';
import { loadDocument, type OperationInfo, operationsOf } from './spec.js';
import { normalizeLetterCase } from './letter-case.js';

export interface BuildOptions {
  store: Store;
  config: ServerConfig;
  /** The clock every rule reads; a sandbox server (`config.sandbox.enabled`) always uses its own, movable one. */
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
}

type Handler = RouteOptions['handler'];

declare module 'fastify' {
  interface FastifyInstance {
    /** The services the handlers use, for code that runs the server in-process (startSignups). */
    signups: AppContext;
  }
}

interface RouteConfig {
  operationId: string;
  scopes?: string[];
  errorFormat: OperationInfo['errorFormat'];
  tenantScoped: boolean;
  communityScoped: boolean;
  rateLimit?: false;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function bodyContentTypes(schema: RouteOptions['schema']): string[] | undefined {
  const content = (schema?.body as { content?: Record<string, unknown> } | undefined)?.content;
  return content ? Object.keys(content) : undefined;
}

function bodySchema(schema: RouteOptions['schema'], contentType: string): Parameters<typeof normalizeLetterCase>[1] {
  const content = (schema?.body as { content?: Record<string, { schema?: object }> } | undefined)?.content;
  return content?.[contentType]?.schema;
}

/**
 * A body may only come in a media type the document declares for the operation: fastify would otherwise parse
 * any type it knows (text, forms) and hand the handler a body that no schema checked.
 */
function requireContentType(accepted: readonly string[]) {
  return async (request: FastifyRequest): Promise<void> => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!accepted.includes(type)) throw Errors.unsupportedMediaType(type, accepted);
  };
}

/** Builds the HTTP server: routes, validation and serialization come from the OpenAPI documents. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { store, config } = options;
  const sandbox: Sandbox | undefined = config.sandbox.enabled ? await createSandbox(store, config) : undefined;
  const clock = sandbox?.clock ?? options.clock ?? systemClock;
  const linkKey = await getOrCreateSecret(store.db, 'link_token_key');
  const context: AppContext = {
    store,
    clock,
    config,
    accessTokens: await AccessTokens.open(store.db, clock, config.accessTokenTtlSeconds),
    linkTokens: new LinkTokens(linkKey, clock),
    baseUrl: (request) => config.publicUrl ?? `${request.protocol}://${request.host}`,
    liveStreams: new LiveStreams(),
    ...(sandbox ? { sandbox } : {}),
  };

  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    // Answered below with the API's own 400 instead of Node's empty one.
    http: { requireHostHeader: false },
    clientErrorHandler,
    schemaController: { compilersFactory: { buildValidator: buildValidator() } },
    genReqId: requestIdFor,
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    return503OnClosing: true,
    // AVEVA clients write `Tenants`/`Namespaces` capitalised and the docs lower-case; parameter values keep their case.
    // SDS ids may be long; the domain checks them (400 with a reason) instead of the router refusing with 414.
    routerOptions: { caseSensitive: false, maxParamLength: 1000 },
    // Errors the router raises before any route is chosen (bad URL encoding, over-long ids) get the API's error body too.
    frameworkErrors: (error, request, reply) => sendError(error, request, reply, links),
    ajv: {
      customOptions: {
        allErrors: true,
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        discriminator: true,
        strict: false,
      },
    },
  });

  app.decorate('signups', context);
  app.decorateRequest('principal', null);
  app.decorateRequest('tokenProblem', null);
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // AVEVA's clients send Content-Type: application/json on every call, bodiless DELETEs and GETs included.
    if (body === '' && !request.routeOptions.schema?.body) return done(null, undefined);
    if (nestsDeeperThan(body as string, MAX_JSON_DEPTH)) return done(Errors.tooDeep(MAX_JSON_DEPTH), undefined);
    parseJson(request, body as string, done);
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const form: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(body as string)) {
      // RFC 6749 §3.2: request parameters must not be included more than once.
      if (key in form) return done(Errors.oauth('invalid_request', `The parameter '${key}' appears more than once`), undefined);
      form[key] = value;
    }
    done(null, form);
  });
  // The live updates stream answers in text/event-stream; no operation takes a body in it. A parser that refuses one
  // keeps that true and tells the OpenAPI routes that the type is known, so they start without a warning.
  app.addContentTypeParser('text/event-stream', (request, _payload, done) => {
    done(Errors.unsupportedMediaType('text/event-stream', bodyContentTypes(request.routeOptions.schema) ?? []), undefined);
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // While the server drains, each answer closes its connection, so keep-alive clients cannot hold the process open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) throw Errors.hostRequired();
    const inPath = parameterWithNul(request.params);
    if (inPath !== null) throw Errors.nulInParameter('path', inPath);
    const inQuery = parameterWithNul(request.query);
    if (inQuery !== null) throw Errors.nulInParameter('query', inQuery);
  });
  if (sandbox) addClockHook(app, sandbox);
  const basic = new BasicCredentials(store.db);
  app.addHook(
    'onRequest',
    identify(context.accessTokens, {
      credentials: basic,
      accepts: (request) => {
        // The partner API's operations that need credentials (its documents list Basic beside the token).
        const route: object = request.routeOptions.config;
        return 'errorFormat' in route && route.errorFormat === 'partner' && 'scopes' in route && route.scopes !== undefined;
      },
    }),
  );
  if (sandbox) addSandboxHooks(app, sandbox, config);
  // Runs before the routes' own preValidation hooks, so the pointer names the field as the client wrote it.
  app.addHook('preValidation', async (request) => {
    const pointer = pointerToNul(request.body);
    if (pointer !== null) throw Errors.nulInBody(pointer);
  });

  const links = { entitlementUrl: (request: Parameters<AppContext['baseUrl']>[0], id: string) => entitlementUrl(context.baseUrl(request), id) };
  app.setErrorHandler(async (error, request, reply) => {
    if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      await drainBody(request.raw);
      reply.header('connection', 'close');
    }
    return sendError(error, request, reply, links);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(Errors.notFound(`No route for ${request.method} ${request.url.split('?')[0]}`), request, reply, links),
  );

  const metrics = config.metrics ? registerMetrics(app, { store, clock, log: app.log, ...(config.metricsToken ? { token: config.metricsToken } : {}) }) : undefined;

  if (config.changeBroker.backgroundWorker) {
    // Change Broker background work (activation, expiry, purge) runs in every process; leases keep it single.
    const worker = new BackgroundWorker({ db: store.db, dialect: store.dialectOps, clock, config: config.changeBroker }, app.log, metrics, store.signals);
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
  }

  // Live streams never finish on their own: end them when the server closes, so that it can drain.
  app.addHook('preClose', async () => context.liveStreams.closeAll());
  const communityMembership = (communityId: string, tenantIds: readonly string[]) => areMembers(store.db, communityId, tenantIds);
  await registerRateLimit(app, config.rateLimit, clock, metrics?.rateLimited);
  // Added after the rate limiter's own onRoute hook, so limits are counted before tokens are checked.
  app.addHook('onRoute', (route) => {
    const config = route.config as RouteConfig | undefined;
    if (config?.tenantScoped) route.onRequest = [...asArray(route.onRequest), authorizeTenant(config.communityScoped ? communityMembership : undefined)];
    else if (config?.scopes) route.onRequest = [...asArray(route.onRequest), authorize(config.scopes)];
    const declared = bodyContentTypes(route.schema);
    if (declared) route.preValidation = [...asArray(route.preValidation), requireContentType(declared)];
    const jsonBody = bodySchema(route.schema, 'application/json');
    // AVEVA clients write bodies in PascalCase or camelCase; the documents name one spelling.
    if (config?.errorFormat === 'aveva' && jsonBody) {
      route.preValidation = [
        ...asArray(route.preValidation),
        async (request: FastifyRequest) => {
          request.body = normalizeLetterCase(request.body, jsonBody);
        },
      ];
    }
  });

  const modules = routeModulesById();
  const served: ServedDocument[] = [];
  // Route options beyond what the documents say: a snapshot may be far larger than any API body.
  const routeOverrides: Record<string, Partial<RouteOptions>> = { restoreSnapshot: { bodyLimit: config.sandbox.snapshotBodyLimitBytes } };
  for (const { file, format, sandboxOnly } of DOCUMENTS) {
    const document = loadDocument(file);
    // The sandbox document is served everywhere (it says how to turn the controls on); its routes only in a sandbox.
    served.push({ name: file.replace(/\.yaml$/, ''), file, document });
    if (sandboxOnly && !sandbox) continue;
    const operations = operationsOf(document, format);
    await app.register(openapiGlue, {
      specification: document,
      operationResolver: (operationId: string) => {
        const module = modules.get(operationId);
        const info = operations.get(operationId);
        if (!module || !info) throw new Error(`no route module for operation ${operationId} in ${file}`);
        const handler: Handler = (request, reply) => module.handle(request, reply, context);
        const routeConfig: RouteConfig = { operationId, errorFormat: info.errorFormat, tenantScoped: info.tenantScoped, communityScoped: info.communityScoped };
        if (info.scopes) routeConfig.scopes = info.scopes;
        if (!info.rateLimited) routeConfig.rateLimit = false;
        return { ...routeOverrides[operationId], handler, config: routeConfig } as unknown as RouteOptions;
      },
    });
  }
  await registerApiDocs(app, { documents: served, baseUrl: context.baseUrl });
  await registerConsole(app);
  registerLandingPage(app, { documentNames: served.map((d) => d.name), consoleAvailable: consoleBuilt(), metrics: !config.metrics ? 'off' : config.metricsToken !== undefined ? 'protected' : 'open' });
  return app;
}
