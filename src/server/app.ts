import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { PageReadAhead } from '../change-broker/read-ahead.js';
import type { JoinedRows } from '../store/dialects/dialect-ops.js';
import type { ServerConfig } from '../config/server-config.js';
import { AccessTokens } from '../identity/access-tokens.js';
import { LinkTokens } from '../identity/link-tokens.js';
import { type Clock, systemClock } from '../store/clock.js';
import type { Store } from '../store/database.js';
import { getOrCreateSecret } from '../store/settings.js';
import type { AppContext } from './app-context.js';
import { sendError } from './error-handler.js';
import { clientErrorHandler } from './framing-errors.js';
import { LiveStreams } from './live-streams.js';
import { backgroundWorker } from './plugins/background-worker.js';
import { contentTypes } from './plugins/content-types.js';
import { errors, partnerLinks } from './plugins/errors.js';
import { identity } from './plugins/identity.js';
import { liveStreams } from './plugins/live-streams.js';
import { metrics } from './plugins/metrics.js';
import { openapiRoutes } from './plugins/openapi-routes.js';
import { pages } from './plugins/pages.js';
import type { AppPlugin, Setup } from './plugins/plugin.js';
import { requestChecks } from './plugins/request-checks.js';
import { routePolicies } from './plugins/route-policies.js';
import { sandboxClock, sandboxFaults } from './plugins/sandbox.js';
import { requestIdFor } from './request-id.js';
import { createSandbox, type Sandbox } from './sandbox.js';
import { buildValidator } from './validators.js';

export interface BuildOptions {
  store: Store;
  config: ServerConfig;
  /** The clock every rule reads; a sandbox server (`config.sandbox.enabled`) always uses its own, movable one. */
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The services the handlers use, for code that runs the server in-process (startSignups). */
    signups: AppContext;
  }
}

/**
 * The plugins that make the server, in order: the order of their hooks is behaviour (the sandbox clock is brought
 * up to date before tokens are checked; faults know the client; rate limits count before scopes are checked).
 */
const PLUGINS: readonly AppPlugin[] = [
  contentTypes,
  requestChecks,
  sandboxClock,
  identity,
  sandboxFaults,
  errors,
  metrics,
  backgroundWorker,
  liveStreams,
  routePolicies,
  openapiRoutes,
  pages,
];

/** The services the handlers use; a sandbox server's clock is the sandbox's own. */
async function createContext(options: BuildOptions): Promise<AppContext> {
  const { store, config } = options;
  const sandbox: Sandbox | undefined = config.sandbox.enabled ? await createSandbox(store, config) : undefined;
  const clock = sandbox?.clock ?? options.clock ?? systemClock;
  const linkKey = await getOrCreateSecret(store.db, 'link_token_key');
  return {
    store,
    clock,
    config,
    accessTokens: await AccessTokens.open(store.db, clock, config.accessTokenTtlSeconds),
    linkTokens: new LinkTokens(linkKey, clock),
    baseUrl: (request) => config.publicUrl ?? `${request.protocol}://${request.host}`,
    liveStreams: new LiveStreams(),
    ...(config.changeBroker.updatesReadAhead ? { readAhead: new PageReadAhead<JoinedRows>() } : {}),
    ...(sandbox ? { sandbox } : {}),
  };
}

/** Builds the HTTP server: routes, validation and serialization come from the OpenAPI documents. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const context = await createContext(options);
  const { config } = context;
  const links = partnerLinks(context);
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    // Answered by clientErrorHandler with the API's own 400 instead of Node's empty one.
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
  const setup: Setup = { context, served: [] };
  for (const plugin of PLUGINS) await plugin(app, setup);
  return app;
}
