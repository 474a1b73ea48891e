import { randomBytes } from 'node:crypto';
import type { Db } from './database.js';

/**
 * Returns the named secret, creating it on first use. Every process sharing the database reads the same value:
 * the first writer wins and the others read what it wrote.
 */
export async function getOrCreateSecret(db: Db, key: string, bytes = 32): Promise<Uint8Array> {
  const existing = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (existing) return Buffer.from(existing.value, 'base64url');
  await db
    .insertInto('settings')
    .values({ key, value: randomBytes(bytes).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64url');
}
