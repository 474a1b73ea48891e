import type { FastifyRequest } from 'fastify';
import { entitlementUrl } from '../../partner/representation.js';
import { Errors } from '../api-error.js';
import type { AppContext } from '../app-context.js';
import { type PartnerLinks, sendError } from '../error-handler.js';
import { drainBody } from '../oversized-body.js';
import type { AppPlugin } from './plugin.js';

/** The links a partner error body may carry (a conflict's Location). */
export const partnerLinks = (context: AppContext): PartnerLinks => ({
  entitlementUrl: (request: FastifyRequest, id: string) => entitlementUrl(context.baseUrl(request), id),
});

/** Every error, and every request no route serves, answered in the error format of its API. */
export const errors: AppPlugin = (app, { context }) => {
  const links = partnerLinks(context);
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
};
