import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, preValidationHookHandler, RouteOptions } from 'fastify';
import { areMembers } from '../../change-broker/communities.js';
import { Errors } from '../api-error.js';
import { authorize, authorizeTenant } from '../auth.js';
import { normalizeLetterCase } from '../letter-case.js';
import { registerRateLimit } from '../rate-limit.js';
import { bodyContentTypes, bodySchema } from '../route-body.js';
import type { RouteConfig } from './openapi-routes.js';
import type { AppPlugin } from './plugin.js';

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * A body may only come in a media type the document declares for the operation: fastify would otherwise parse
 * any type it knows (text, forms) and hand the handler a body that no schema checked.
 */
function requireContentType(accepted: readonly string[]): preValidationHookHandler {
  // A callback hook, not an async one: no promise per request (as the other per-request checks).
  return (request, _reply, done) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    done(accepted.includes(type) ? undefined : Errors.unsupportedMediaType(type, accepted));
  };
}

/** What each route requires, from its document: rate limits, scopes or tenant (and community) scoping, media types. */
export const routePolicies: AppPlugin = async (app, { context, metrics }) => {
  const { store, clock, config } = context;
  const communityMembership = (communityId: string, tenantIds: readonly string[]) => areMembers(store.db, communityId, tenantIds);
  await registerRateLimit(app, config.rateLimit, clock, metrics?.rateLimited);
  // Added after the rate limiter's own onRoute hook, so limits are counted before tokens are checked.
  app.addHook('onRoute', (route: RouteOptions) => {
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
        (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
          request.body = normalizeLetterCase(request.body, jsonBody);
          done();
        },
      ];
    }
  });
};
