import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateClient } from '../../identity/clients.js';
import { parseScopes } from '../../identity/scopes.js';
import { Errors } from '../api-error.js';
import type { AppContext } from '../app-context.js';
import { type IssuerName, issuerUrl } from './identity.js';

interface TokenForm {
  grant_type: string;
  client_id?: string;
  client_secret?: string;
  scope?: string;
}

function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Client id and secret from HTTP Basic (RFC 6749 §2.3.1: each form-encoded) or from the form. */
function credentialsOf(request: FastifyRequest, form: TokenForm): { id: string; secret: string; basic: boolean } {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const id = colon > 0 ? decodeComponent(decoded.slice(0, colon)) : null;
    const secret = colon > 0 ? decodeComponent(decoded.slice(colon + 1)) : null;
    if (id === null || secret === null) {
      throw Errors.oauth(401, 'invalid_client', 'The Authorization header must be HTTP Basic with the client id and secret', {
        'www-authenticate': 'Basic realm="signups"',
      });
    }
    if (id.includes('\u0000')) throw Errors.oauth(400, 'invalid_request', 'client_id must not contain a NUL character');
    if (secret.includes('\u0000')) throw Errors.oauth(400, 'invalid_request', 'client_secret must not contain a NUL character');
    if (form.client_id !== undefined && form.client_id !== id) {
      throw Errors.oauth(400, 'invalid_request', 'client_id in the form differs from the client authenticated by the Authorization header');
    }
    if (form.client_secret !== undefined) {
      throw Errors.oauth(400, 'invalid_request', 'Send the client credentials either in the Authorization header or in the form, not both');
    }
    return { id, secret, basic: true };
  }
  if (!form.client_id || !form.client_secret) {
    throw Errors.oauth(401, 'invalid_client', 'Client authentication is required (HTTP Basic, or client_id and client_secret)', {
      'www-authenticate': 'Basic realm="signups"',
    });
  }
  return { id: form.client_id, secret: form.client_secret, basic: false };
}

export function oauthHandlers(app: AppContext) {
  const issueAs = (issuer: IssuerName) => async (request: FastifyRequest, reply: FastifyReply) => {
    const form = request.body as TokenForm;
    if (form.grant_type !== 'client_credentials') {
      throw Errors.oauth(400, 'unsupported_grant_type', `grant_type '${form.grant_type}' is not supported; use client_credentials`);
    }
    const credentials = credentialsOf(request, form);
    const client = await authenticateClient(app.store.db, credentials.id, credentials.secret);
    if (!client) {
      throw Errors.oauth(401, 'invalid_client', 'Unknown client or wrong secret', credentials.basic ? { 'www-authenticate': 'Basic realm="signups"' } : {});
    }
    // An empty scope is treated like an omitted one: the client's registered scopes.
    const requested = form.scope !== undefined && form.scope.trim() !== '' ? parseScopes(form.scope) : client.scopes;
    const notGranted = requested.filter((s) => !client.scopes.includes(s));
    if (notGranted.length > 0) {
      throw Errors.oauth(400, 'invalid_scope', `The client may not request: ${notGranted.join(' ')}`);
    }
    const token = await app.accessTokens.issue(client, requested, issuerUrl(app, request, issuer));
    return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send({
      access_token: token.accessToken,
      token_type: 'Bearer',
      expires_in: token.expiresIn,
      scope: token.scopes.join(' '),
    });
  };
  return { issueToken: issueAs('root'), issueIdentityToken: issueAs('identity') };
}
