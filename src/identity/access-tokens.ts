import { randomUUID, webcrypto } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../store/clock.js';
import type { Client } from './clients.js';

export const TOKEN_ISSUER = 'signups';
const ACCESS_TOKEN_TYPE = 'at+jwt';

export interface Principal {
  clientId: string;
  scopes: string[];
  tenantId: string | null;
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  scopes: string[];
}

export class TokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid', message: string) {
    super(message);
  }
}

const VERIFIED_CACHE_SIZE = 10_000;

export class AccessTokens {
  // Imported once: jose would otherwise import raw key bytes into WebCrypto on every call.
  readonly #key: Promise<webcrypto.CryptoKey>;
  // Clients reuse a token for its whole life; a verified token need not be checked cryptographically again.
  readonly #verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(
    key: Uint8Array,
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {
    this.#key = webcrypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async issue(client: Client, scopes: readonly string[]): Promise<IssuedToken> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const claims: Record<string, unknown> = { scope: scopes.join(' '), client_id: client.id };
    if (client.tenantId) claims.tenant_id = client.tenantId;
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: ACCESS_TOKEN_TYPE })
      .setIssuer(TOKEN_ISSUER)
      .setSubject(client.id)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .setJti(randomUUID())
      .sign(await this.#key);
    return { accessToken, expiresIn: this.ttlSeconds, scopes: [...scopes] };
  }

  async verify(token: string): Promise<Principal> {
    const known = this.#verified.get(token);
    if (known) {
      if (this.clock.now().getTime() < known.expiresAtMs) return known.principal;
      this.#verified.delete(token);
      throw new TokenError('expired', 'The access token expired');
    }
    const principal = await this.#verifySignature(token);
    return principal;
  }

  async #verifySignature(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, await this.#key, {
        issuer: TOKEN_ISSUER,
        algorithms: ['HS256'],
        typ: ACCESS_TOKEN_TYPE,
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp'],
      });
      const scope = typeof payload.scope === 'string' ? payload.scope : '';
      const principal: Principal = {
        clientId: payload.sub as string,
        scopes: scope.split(' ').filter((s) => s.length > 0),
        tenantId: typeof payload.tenant_id === 'string' ? payload.tenant_id : null,
      };
      if (this.#verified.size >= VERIFIED_CACHE_SIZE) this.#verified.clear();
      this.#verified.set(token, { principal, expiresAtMs: (payload.exp as number) * 1000 });
      return principal;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new TokenError('expired', 'The access token expired');
      throw new TokenError('invalid', 'The access token is invalid');
    }
  }
}
