import type { FastifyRequest } from 'fastify';
import { trusteeOf } from '../../sds/access.js';
import { Errors } from '../../server/api-error.js';
import type { AppContext } from '../../server/app-context.js';
import type { ChangeBrokerContext } from '../context.js';
import type { CallerRef } from '../signup-calls.js';

export const changeBrokerContext = (app: AppContext): ChangeBrokerContext => ({
  db: app.store.db,
  dialect: app.store.dialectOps,
  clock: app.clock,
  config: app.config.changeBroker,
  ...(app.readAhead ? { readAhead: app.readAhead } : {}),
});

/** Who calls which namespace, and with which Community-Id; authorizeTenant() ran, so a principal is present. */
export function callerRef(request: FastifyRequest<{ Params: { tenantId: string; namespaceId: string } }>): CallerRef {
  const principal = request.principal;
  if (!principal) throw Errors.forbidden('No principal');
  const community = request.headers['community-id'];
  return {
    tenantId: request.params.tenantId,
    namespaceId: request.params.namespaceId,
    trustee: trusteeOf(principal),
    communityId: typeof community === 'string' ? community : null,
  };
}
