import type { Db } from '../store/database.js';
import type { AccessTokens, IssuedToken } from './access-tokens.js';
import { authenticateClient } from './clients.js';
import { OAuthError } from './errors.js';
import { parseScopes } from './scopes.js';

/** A client credentials token request: the token endpoint's form and its Authorization header. */
export interface TokenRequest {
  form: { grant_type: string; client_id?: string; client_secret?: string; scope?: string };
  authorization: string | undefined;
  /** The issuer URL the token names: that of the endpoint it was requested at. */
  issuer: string;
}

function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Client id and secret from HTTP Basic (RFC 6749 §2.3.1: each form-encoded) or from the form. */
function credentialsOf(authorization: string | undefined, form: TokenRequest['form']): { id: string; secret: string; basic: boolean } {
  if (authorization) {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
    const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const id = colon > 0 ? decodeComponent(decoded.slice(0, colon)) : null;
    const secret = colon > 0 ? decodeComponent(decoded.slice(colon + 1)) : null;
    if (id === null || secret === null) throw new OAuthError('invalid_client', 'The Authorization header must be HTTP Basic with the client id and secret', true);
    if (id.includes('\u0000')) throw new OAuthError('invalid_request', 'client_id must not contain a NUL character');
    if (secret.includes('\u0000')) throw new OAuthError('invalid_request', 'client_secret must not contain a NUL character');
    if (form.client_id !== undefined && form.client_id !== id) {
      throw new OAuthError('invalid_request', 'client_id in the form differs from the client authenticated by the Authorization header');
    }
    if (form.client_secret !== undefined) {
      throw new OAuthError('invalid_request', 'Send the client credentials either in the Authorization header or in the form, not both');
    }
    return { id, secret, basic: true };
  }
  if (!form.client_id || !form.client_secret) {
    throw new OAuthError('invalid_client', 'Client authentication is required (HTTP Basic, or client_id and client_secret)', true);
  }
  return { id: form.client_id, secret: form.client_secret, basic: false };
}

/**
 * OAuth2 client credentials (RFC 6749 §4.4): authenticates the client and grants the scopes it asks for, which must
 * be among its registered ones; no scope, or an empty one, asks for all of them.
 */
export async function grantClientToken(db: Db, tokens: AccessTokens, request: TokenRequest): Promise<IssuedToken> {
  const { form } = request;
  if (form.grant_type !== 'client_credentials') {
    throw new OAuthError('unsupported_grant_type', `grant_type '${form.grant_type}' is not supported; use client_credentials`);
  }
  const credentials = credentialsOf(request.authorization, form);
  const client = await authenticateClient(db, credentials.id, credentials.secret);
  if (!client) throw new OAuthError('invalid_client', 'Unknown client or wrong secret', credentials.basic);
  const requested = form.scope !== undefined && form.scope.trim() !== '' ? parseScopes(form.scope) : client.scopes;
  const notGranted = requested.filter((s) => !client.scopes.includes(s));
  if (notGranted.length > 0) throw new OAuthError('invalid_scope', `The client may not request: ${notGranted.join(' ')}`);
  return tokens.issue(client, requested, request.issuer);
}
