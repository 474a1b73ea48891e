import type { operations } from '../../openapi-types/identity-v1.js';
import { operationOf } from '../../server/route-module.js';
import { jsonWebKeySet } from '../discovery.js';

/** GET /.well-known/openid-configuration/jwks: the keys that verify the access tokens. */
export const getJwks = operationOf<operations>()('getJwks', [], async (_request, reply, app) => {
  reply.header('cache-control', 'public, max-age=300');
  return jsonWebKeySet(app.accessTokens);
});
