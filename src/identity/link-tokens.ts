import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../store/clock.js';
import { TOKEN_ISSUER } from './access-tokens.js';

const LINK_TOKEN_TYPE = 'link+jwt';
const LINK_AUDIENCE = 'partner/v2/signup/link';

export interface LinkClaims {
  organizationId: string;
  /** When set, only this partner (client id) may use the token. */
  partnerId: string | null;
}

export type LinkTokenProblem = 'forged' | 'expired' | 'foreign';

export class LinkTokenError extends Error {
  constructor(readonly problem: LinkTokenProblem, message: string) {
    super(message);
  }
}

/** Signed, expiring tokens that let a partner link an entitlement to an existing organization. */
export class LinkTokens {
  constructor(
    private readonly key: Uint8Array,
    private readonly clock: Clock,
  ) {}

  async issue(claims: LinkClaims, ttlSeconds: number): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const payload: Record<string, unknown> = { org: claims.organizationId };
    if (claims.partnerId) payload.partner = claims.partnerId;
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: LINK_TOKEN_TYPE })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(LINK_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .setJti(randomUUID())
      .sign(this.key);
  }

  /** The claims of a token that this server issued, is still valid, and may be used by `partnerId`. */
  async verify(token: string, partnerId: string): Promise<LinkClaims> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        issuer: TOKEN_ISSUER,
        audience: LINK_AUDIENCE,
        algorithms: ['HS256'],
        typ: LINK_TOKEN_TYPE,
        currentDate: this.clock.now(),
        requiredClaims: ['exp', 'org'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new LinkTokenError('expired', 'The link token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed) {
        throw new LinkTokenError('foreign', 'The token is not a link token');
      }
      throw new LinkTokenError('forged', 'The link token was not issued by this server or was altered');
    }
    if (typeof payload.org !== 'string') throw new LinkTokenError('foreign', 'The token is not a link token');
    const partner = typeof payload.partner === 'string' ? payload.partner : null;
    if (partner !== null && partner !== partnerId) {
      throw new LinkTokenError('foreign', 'The link token was issued for another partner');
    }
    return { organizationId: payload.org, partnerId: partner };
  }
}
