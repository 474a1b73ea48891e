import type { operations } from '../../openapi-types/identity-v1.js';
import { operationOf } from '../../server/route-module.js';
import { providerMetadata } from '../discovery.js';

/** GET /.well-known/openid-configuration: OpenID Provider metadata of the root issuer. */
export const getOpenIdConfiguration = operationOf<operations>()('getOpenIdConfiguration', [], async (request, reply, app) => {
  reply.header('cache-control', 'public, max-age=300');
  return providerMetadata(app.baseUrl(request), 'root');
});
