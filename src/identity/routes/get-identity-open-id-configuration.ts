import type { operations } from '../../openapi-types/identity-v1.js';
import { operationOf } from '../../server/route-module.js';
import { providerMetadata } from '../discovery.js';

/** GET /identity/.well-known/openid-configuration: OpenID Provider metadata of the identity issuer. */
export const getIdentityOpenIdConfiguration = operationOf<operations>()('getIdentityOpenIdConfiguration', [], async (request, reply, app) => {
  reply.header('cache-control', 'public, max-age=300');
  return providerMetadata(app.baseUrl(request), 'identity');
});
