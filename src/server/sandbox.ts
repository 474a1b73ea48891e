import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ChangeBrokerContext } from '../change-broker/context.js';
import type { ServerConfig } from '../config/server-config.js';
import { ClockControl } from '../sandbox/clock-control.js';
import { FaultRegistry } from '../sandbox/faults.js';
import { RequestJournal } from '../sandbox/journal.js';
import { clockRow, SandboxClock } from '../sandbox/sandbox-clock.js';
import type { Store } from '../store/database.js';
import type { FailureCode } from '../errors/partner-failure.js';
import type { OAuth2Code } from '../errors/oauth2.js';
import { type ApiError, Errors } from './api-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request arrived, by the server clock (journaled). */
    arrivedAt: string | null;
    /** The fault that delayed or answered this request. */
    injectedFault: string | null;
    /** The body as sent, kept for the journal. */
    sentPayload: unknown;
  }
}

/** What a sandbox server adds: a clock that can be moved, the request journal and the faults. */
export interface Sandbox {
  clock: SandboxClock;
  control: ClockControl;
  journal: RequestJournal;
  faults: FaultRegistry;
}

/** Starts the sandbox's clock from the state in the database (other processes may have moved it already). */
export async function createSandbox(store: Store, config: ServerConfig): Promise<Sandbox> {
  const clock = new SandboxClock(clockRow(store.db, store.dialectOps));
  await clock.refresh();
  const ctx: ChangeBrokerContext = { db: store.db, dialect: store.dialectOps, clock, config: config.changeBroker };
  return { clock, control: new ClockControl(clock, ctx), journal: new RequestJournal(config.sandbox.journalSize), faults: new FaultRegistry() };
}

/**
 * The sandbox's own routes are never journaled or faulted: a fault must not lock its remover out. Other routes of
 * ours under `/_signups/` (the partner extensions) are API calls like any other.
 */
const isSandboxRoute = (request: FastifyRequest): boolean => /^\/_signups\/v1\/(?:clock|reset|snapshot|requests|faults)(?:[/?]|$)/i.test(request.url);

/** The code (from the `Failure` catalogue) and OAuth2 code a fault answers with, by its status. */
const FAULT_CODES: Record<number, { code: FailureCode; oauth: OAuth2Code }> = {
  400: { code: 'bad_request', oauth: 'invalid_request' },
  401: { code: 'user_unauthenticated', oauth: 'invalid_client' },
  403: { code: 'user_unauthorized', oauth: 'unauthorized_client' },
  404: { code: 'not_found', oauth: 'invalid_request' },
  409: { code: 'conflict', oauth: 'invalid_request' },
  429: { code: 'rate_limit_exceeded', oauth: 'temporarily_unavailable' },
  500: { code: 'internal_error', oauth: 'server_error' },
  502: { code: 'bad_gateway', oauth: 'temporarily_unavailable' },
  503: { code: 'service_unavailable', oauth: 'temporarily_unavailable' },
  504: { code: 'gateway_timeout', oauth: 'temporarily_unavailable' },
};

/** The error a fault answers with; the error handler renders it in the route's own format. */
function faultError(status: number, faultId: string, config: ServerConfig): ApiError {
  const known = FAULT_CODES[status] ?? (status >= 500 ? { code: 'server_error', oauth: 'server_error' } : { code: 'client_error', oauth: 'invalid_request' });
  const headers: Record<string, string> = {};
  if (status === 429) {
    const resetSeconds = String(Math.ceil(config.rateLimit.windowMs / 1000));
    Object.assign(headers, { 'x-ratelimit-limit': String(config.rateLimit.max), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': resetSeconds, 'retry-after': resetSeconds });
  }
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="signups"';
  return Errors.fault(status, known.code, known.oauth, `Injected by sandbox fault ${faultId}`, headers);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Brings the shared clock up to date before anything in the request reads it; must run before tokens are checked. */
export function addClockHook(app: FastifyInstance, sandbox: Sandbox): void {
  app.decorateRequest('arrivedAt', null);
  app.decorateRequest('injectedFault', null);
  app.decorateRequest('sentPayload', null);
  app.addHook('onRequest', async (request) => {
    await sandbox.clock.refresh();
    request.arrivedAt = sandbox.clock.now().toISOString();
  });
}

/** Faults and the journal; after the caller is identified, so that both know the client. */
export function addSandboxHooks(app: FastifyInstance, sandbox: Sandbox, config: ServerConfig): void {
  app.addHook('onRequest', async (request) => {
    if (isSandboxRoute(request)) return;
    const operationId = (request.routeOptions.config as { operationId?: string } | undefined)?.operationId ?? null;
    const fault = sandbox.faults.take({ operationId, method: request.method, path: request.url.split('?')[0] ?? '', clientId: request.principal?.clientId ?? null });
    if (!fault) return;
    request.injectedFault = fault.id;
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.status !== undefined) throw faultError(fault.status, fault.id, config);
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!isSandboxRoute(request)) request.sentPayload = payload;
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    if (isSandboxRoute(request)) return;
    sandbox.journal.record({
      requestId: request.id,
      time: request.arrivedAt ?? sandbox.clock.now().toISOString(),
      method: request.method,
      path: request.url,
      operationId: (request.routeOptions.config as { operationId?: string } | undefined)?.operationId ?? null,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 1000) / 1000,
      clientId: request.principal?.clientId ?? null,
      requestBody: request.body,
      responseBody: typeof request.sentPayload === 'string' || Buffer.isBuffer(request.sentPayload) ? request.sentPayload : null,
      injectedFault: request.injectedFault,
    });
  });
}
