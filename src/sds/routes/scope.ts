import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../server/app-context.js';
import { type Trustee, trusteeOf } from '../access.js';
import { requireNamespace } from '../namespaces.js';
import type { StreamScope } from '../streams.js';

/** The caller (authorizeTenant ran: it acts in the path's tenant) and the namespace, which must exist. */
export async function scopeOf(app: AppContext, request: FastifyRequest<{ Params: { namespaceId: string } }>): Promise<{ scope: StreamScope; who: Trustee }> {
  const principal = request.principal;
  if (!principal?.tenantId) throw new Error('tenant route without a tenant principal');
  const tenantId = principal.tenantId;
  return { scope: { tenantId, namespaceId: await requireNamespace(app.store.db, tenantId, request.params.namespaceId) }, who: trusteeOf(principal) };
}

/** Get-or-create of an existing identical object: 302 to it, with the object too for clients that do not follow. */
export const found = (app: AppContext, request: FastifyRequest, reply: FastifyReply, body: object) =>
  reply.code(302).header('location', `${app.baseUrl(request)}${request.url.split('?')[0]}`).send(body);
