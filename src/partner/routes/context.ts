import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../server/app-context.js';
import type { PartnerContext } from '../types.js';

/** The partner acting on a request: authorize() ran before every partner route, so a principal is present. */
export const partnerContext = (app: AppContext, request: FastifyRequest): PartnerContext => ({
  db: app.store.db,
  clock: app.clock,
  partnerId: request.principal?.clientId ?? '',
});
