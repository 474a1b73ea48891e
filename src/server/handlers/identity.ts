import type { FastifyReply, FastifyRequest } from 'fastify';
import { KNOWN_SCOPES } from '../../identity/scopes.js';
import type { AppContext } from '../app-context.js';

/** The two issuers: AVEVA CONNECT's layout under `/identity`, and the server root for OAuth2 clients. */
const ISSUERS = {
  identity: { path: '/identity', tokenPath: '/identity/connect/token' },
  root: { path: '', tokenPath: '/oauth2/token' },
} as const;

export type IssuerName = keyof typeof ISSUERS;

/** The issuer URL of tokens from a token endpoint, the same as its discovery document's `issuer`. */
export function issuerUrl(app: AppContext, request: FastifyRequest, issuer: IssuerName): string {
  return `${app.baseUrl(request)}${ISSUERS[issuer].path}`;
}

/** OpenID Provider metadata and the JWKS, per issuer; keys come from the database every process shares. */
export function identityHandlers(app: AppContext) {
  const metadata = (issuer: IssuerName) => async (request: FastifyRequest, reply: FastifyReply) => {
    const base = app.baseUrl(request);
    const iss = issuerUrl(app, request, issuer);
    reply.header('cache-control', 'public, max-age=300');
    return {
      issuer: iss,
      token_endpoint: `${base}${ISSUERS[issuer].tokenPath}`,
      jwks_uri: `${iss}/.well-known/openid-configuration/jwks`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: [...KNOWN_SCOPES],
      claims_supported: ['iss', 'sub', 'client_id', 'scope', 'tenant_id', 'iat', 'exp', 'jti'],
    };
  };
  const jwks = async (_request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'public, max-age=300');
    return { keys: await app.accessTokens.publicKeys() };
  };
  return {
    getIdentityOpenIdConfiguration: metadata('identity'),
    getOpenIdConfiguration: metadata('root'),
    getIdentityJwks: jwks,
    getJwks: jwks,
  };
}
