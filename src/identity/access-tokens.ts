import { randomUUID } from 'node:crypto';
import { errors as joseErrors, type JWK, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';
import type { Client } from './clients.js';
import { currentSigningKey, type Key, SIGNING_ALGORITHM, type SigningKey, type VerificationKey, verificationKeys } from './signing-keys.js';

/** The issuer of tokens made without a request (tests, tools); the token endpoints name their own URL. */
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

/**
 * Tokens name the issuer URL they were requested under (`{base}` or `{base}/identity`, whatever host the client
 * used), or TOKEN_ISSUER when made without a request; the signature is what proves they are ours.
 */
function isOwnIssuer(iss: unknown): boolean {
  if (iss === TOKEN_ISSUER) return true;
  if (typeof iss !== 'string' || !URL.canParse(iss)) return false;
  const url = new URL(iss);
  return (url.protocol === 'http:' || url.protocol === 'https:') && /^(\/[^/]+)*?(\/identity)?\/?$/.test(url.pathname);
}

const VERIFIED_CACHE_SIZE = 10_000;
/** A token naming a key this process does not know makes it re-read the keys; a key id found unknown is not looked up again this soon. */
const UNKNOWN_KID_MS = 1_000;
const UNKNOWN_KID_CACHE_SIZE = 1_000;

export class AccessTokens {
  // Clients reuse a token for its whole life; a verified token need not be checked cryptographically again.
  readonly #verified = new Map<string, { principal: Principal; expiresAtMs: number }>();
  #signing: SigningKey;
  #keys = new Map<string, VerificationKey>();
  readonly #unknownKids = new Map<string, number>();
  #refreshing: Promise<void> | undefined;

  private constructor(
    private readonly db: Db,
    signing: SigningKey,
    keys: readonly VerificationKey[],
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {
    this.#signing = signing;
    this.#setKeys(keys);
  }

  /** Access tokens signed with the database's current key (created on first use), verified with any of its keys. */
  static async open(db: Db, clock: Clock, ttlSeconds: number): Promise<AccessTokens> {
    const signing = await currentSigningKey(db);
    return new AccessTokens(db, signing, await verificationKeys(db), clock, ttlSeconds);
  }

  /** The public keys, as the JWKS document lists them. */
  async publicKeys(): Promise<JWK[]> {
    await this.#refresh();
    return [...this.#keys.values()].map((k) => k.jwk);
  }

  async issue(client: Client, scopes: readonly string[], issuer: string = TOKEN_ISSUER): Promise<IssuedToken> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const claims: Record<string, unknown> = { scope: scopes.join(' '), client_id: client.id };
    if (client.tenantId) claims.tenant_id = client.tenantId;
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid: this.#signing.kid })
      .setIssuer(issuer)
      .setSubject(client.id)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .setJti(randomUUID())
      .sign(this.#signing.privateKey);
    return { accessToken, expiresIn: this.ttlSeconds, scopes: [...scopes] };
  }

  async verify(token: string): Promise<Principal> {
    const known = this.#verified.get(token);
    if (known) {
      if (this.clock.now().getTime() < known.expiresAtMs) return known.principal;
      this.#verified.delete(token);
      throw new TokenError('expired', 'The access token expired');
    }
    return this.#verifySignature(token);
  }

  #setKeys(keys: readonly VerificationKey[]): void {
    this.#keys = new Map(keys.map((k) => [k.kid, k]));
  }

  /** Re-reads the keys (another process may have rotated them); callers arriving meanwhile share the one read. */
  async #refresh(): Promise<void> {
    this.#refreshing ??= (async () => {
      try {
        this.#setKeys(await verificationKeys(this.db));
        this.#signing = await currentSigningKey(this.db);
      } finally {
        this.#refreshing = undefined;
      }
    })();
    await this.#refreshing;
  }

  async #keyFor(header: { kid?: string | undefined }): Promise<Key> {
    const kid = header.kid;
    if (typeof kid !== 'string') throw new TokenError('invalid', 'The access token names no signing key');
    if (!this.#keys.has(kid) && Date.now() - (this.#unknownKids.get(kid) ?? 0) > UNKNOWN_KID_MS) await this.#refresh();
    const key = this.#keys.get(kid);
    if (!key) {
      if (this.#unknownKids.size >= UNKNOWN_KID_CACHE_SIZE) this.#unknownKids.clear();
      this.#unknownKids.set(kid, Date.now());
      throw new TokenError('invalid', 'The access token was not signed by this server');
    }
    return key.publicKey;
  }

  async #verifySignature(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, (header) => this.#keyFor(header), {
        algorithms: [SIGNING_ALGORITHM],
        typ: ACCESS_TOKEN_TYPE,
        currentDate: this.clock.now(),
        requiredClaims: ['iss', 'sub', 'exp'],
      });
      if (!isOwnIssuer(payload.iss)) throw new TokenError('invalid', 'The access token names another issuer');
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
