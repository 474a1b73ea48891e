import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../server/app-context.js';
import { trusteeOf } from '../access.js';
import type { SdsCall } from '../call.js';

/** The call as the path and the credentials state it (authorizeTenant ran: the caller acts in the path's tenant). */
export function callOf(request: FastifyRequest<{ Params: { namespaceId: string } }>): SdsCall {
  const principal = request.principal;
  if (!principal?.tenantId) throw new Error('tenant route without a tenant principal');
  return { tenantId: principal.tenantId, namespace: request.params.namespaceId, who: trusteeOf(principal) };
}

/** Get-or-create of an existing identical object: 302 to it, with the object too for clients that do not follow. */
export const found = (app: AppContext, request: FastifyRequest, reply: FastifyReply, body: object) =>
  reply.code(302).header('location', `${app.baseUrl(request)}${request.url.split('?')[0]}`).send(body);
