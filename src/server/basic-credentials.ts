import { createHash } from 'node:crypto';
import type { Principal } from '../identity/access-tokens.js';
import { authenticateClient } from '../identity/clients.js';
import type { Db } from '../store/database.js';

const CACHE_SIZE = 10_000;
const CACHE_MS = 60_000;

/** `Authorization: Basic` as a client id and secret; undefined when the header is not Basic at all. */
export function parseBasic(header: string): { clientId: string; secret: string } | null | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]*)\s*$/i.exec(header);
  if (!match) return /^Basic(\s|$)/i.test(header) ? null : undefined;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * A client's id and secret checked against its stored hash (scrypt, compared in constant time), as the token
 * endpoint checks them. A client sends the same pair on every call; a pair verified in the last minute is not
 * hashed again, keyed by a SHA-256 of the pair so that no secret is kept.
 */
export class BasicCredentials {
  readonly #verified = new Map<string, { principal: Principal; untilMs: number }>();

  constructor(private readonly db: Db) {}

  async verify(clientId: string, secret: string): Promise<Principal | null> {
    const key = createHash('sha256').update(clientId).update('\0').update(secret).digest('base64url');
    const now = Date.now();
    const cached = this.#verified.get(key);
    if (cached && cached.untilMs > now) return cached.principal;
    const client = await authenticateClient(this.db, clientId, secret);
    if (!client) return null;
    const principal: Principal = { clientId: client.id, scopes: client.scopes, tenantId: client.tenantId };
    if (this.#verified.size >= CACHE_SIZE) this.#verified.clear();
    this.#verified.set(key, { principal, untilMs: now + CACHE_MS });
    return principal;
  }
}
