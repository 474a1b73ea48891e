import type { OAuth2Code } from '../errors/oauth2.js';

/** An OAuth2 token request refused, with its RFC 6749 §5.2 error code (the catalogue gives the status). */
export class OAuthError extends Error {
  constructor(
    readonly error: Extract<OAuth2Code, 'invalid_request' | 'invalid_client' | 'invalid_scope' | 'unsupported_grant_type'>,
    description: string,
    /** Answer with a `WWW-Authenticate: Basic` challenge (the client tried, or must try, HTTP Basic). */
    readonly challenge = false,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}
