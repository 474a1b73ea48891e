import type { AccessTokens } from './access-tokens.js';
import { KNOWN_SCOPES } from './scopes.js';

/** The two issuers: AVEVA CONNECT's layout under `/identity`, and the server root for OAuth2 clients. */
const ISSUERS = {
  identity: { path: '/identity', tokenPath: '/identity/connect/token' },
  root: { path: '', tokenPath: '/oauth2/token' },
} as const;

export type IssuerName = keyof typeof ISSUERS;

/** The issuer URL of tokens from a token endpoint, the same as its discovery document's `issuer`. */
export const issuerUrl = (baseUrl: string, issuer: IssuerName): string => `${baseUrl}${ISSUERS[issuer].path}`;

/** OpenID Provider metadata of an issuer, for a server reached at `baseUrl`. */
export function providerMetadata(baseUrl: string, issuer: IssuerName) {
  const iss = issuerUrl(baseUrl, issuer);
  return {
    issuer: iss,
    token_endpoint: `${baseUrl}${ISSUERS[issuer].tokenPath}`,
    jwks_uri: `${iss}/.well-known/openid-configuration/jwks`,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: [...KNOWN_SCOPES],
    claims_supported: ['iss', 'sub', 'client_id', 'scope', 'tenant_id', 'iat', 'exp', 'jti'],
  };
}

/** The JSON Web Key Set: the public keys of every signing key still in use, from the database all processes share. */
export async function jsonWebKeySet(tokens: AccessTokens) {
  return { keys: await tokens.publicKeys() };
}
