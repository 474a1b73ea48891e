import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Db } from '../store/database.js';

/** Access tokens are signed with ECDSA P-256 (ES256): clients verify them with the published public keys. */
export const SIGNING_ALGORITHM = 'ES256';

/** The settings row of the key that signs new tokens; keys it replaced stay, as `<name>:<kid>`, to verify older tokens. */
const CURRENT = 'access_token_signing_key';
const RETIRED_PREFIX = `${CURRENT}:`;

/** A key as jose imports it. */
export type Key = Awaited<ReturnType<typeof importJWK>>;

export interface SigningKey {
  kid: string;
  privateKey: Key;
}

export interface VerificationKey {
  kid: string;
  publicKey: Key;
  /** The public key as a JWK with its `kid`, `alg` and `use`, as JWKS lists it. */
  jwk: JWK;
}

interface StoredKey {
  kid: string;
  /** The private key as a JWK (the public part is derived from it). */
  jwk: JWK;
  created_at: string;
}

async function newStoredKey(now: Date): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } as JWK);
  return { kid, jwk, created_at: now.toISOString() };
}

const publicPart = (stored: StoredKey): JWK => ({ kty: stored.jwk.kty, crv: stored.jwk.crv, x: stored.jwk.x, y: stored.jwk.y, kid: stored.kid, alg: SIGNING_ALGORITHM, use: 'sig' });

function parseStored(value: string): StoredKey {
  return JSON.parse(value) as StoredKey;
}

/**
 * The key that signs new tokens, created on first use. Every process sharing the database signs with the same key:
 * the first writer wins and the others read what it wrote.
 */
export async function currentSigningKey(db: Db, now = new Date()): Promise<SigningKey> {
  let row = await db.selectFrom('settings').select('value').where('key', '=', CURRENT).executeTakeFirst();
  if (!row) {
    const fresh = await newStoredKey(now);
    await db.insertInto('settings').values({ key: CURRENT, value: JSON.stringify(fresh) }).onConflict((oc) => oc.column('key').doNothing()).execute();
    row = await db.selectFrom('settings').select('value').where('key', '=', CURRENT).executeTakeFirstOrThrow();
  }
  const stored = parseStored(row.value);
  return { kid: stored.kid, privateKey: await importJWK(stored.jwk, SIGNING_ALGORITHM) };
}

/** Every key that may have signed a token still in use: the current one and those it replaced. */
export async function verificationKeys(db: Db): Promise<VerificationKey[]> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where((eb) => eb.or([eb('key', '=', CURRENT), eb('key', 'like', `${RETIRED_PREFIX}%`)]))
    .execute();
  const keys: VerificationKey[] = [];
  for (const row of rows.sort((a, b) => (a.key === CURRENT ? -1 : b.key === CURRENT ? 1 : a.key.localeCompare(b.key)))) {
    const stored = parseStored(row.value);
    const jwk = publicPart(stored);
    keys.push({ kid: stored.kid, jwk, publicKey: await importJWK(jwk, SIGNING_ALGORITHM) });
  }
  return keys;
}

/**
 * Replaces the signing key with a new one; the old one keeps verifying the tokens it signed. Processes pick the new
 * key up when they next refresh their keys (a token with an unknown `kid` makes them look at once).
 */
export async function rotateSigningKey(db: Db, now = new Date()): Promise<string> {
  const fresh = await newStoredKey(now);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('settings').select('value').where('key', '=', CURRENT).executeTakeFirst();
    if (row) {
      const old = parseStored(row.value);
      await trx.insertInto('settings').values({ key: `${RETIRED_PREFIX}${old.kid}`, value: row.value }).onConflict((oc) => oc.column('key').doNothing()).execute();
      await trx.updateTable('settings').set({ value: JSON.stringify(fresh) }).where('key', '=', CURRENT).execute();
    } else {
      await trx.insertInto('settings').values({ key: CURRENT, value: JSON.stringify(fresh) }).execute();
    }
  });
  return fresh.kid;
}
