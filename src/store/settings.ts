import { randomBytes } from 'node:crypto';
import type { Db } from './database.js';
import type { DialectOps } from './dialects/dialect-ops.js';

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

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/**
 * Replaces a setting with what `change` makes of its current value, in one transaction that holds the row: two
 * processes changing it at once take turns, and each sees the other's value.
 */
export async function updateSetting(
  db: Db,
  dialect: DialectOps,
  key: string,
  change: (current: string | undefined) => string,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const current = (await dialect.lockRows(trx.selectFrom('settings').select('value').where('key', '=', key)).executeTakeFirst())?.value;
    const next = change(current);
    if (current === undefined) {
      await trx
        .insertInto('settings')
        .values({ key, value: next })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: next }))
        .execute();
    } else {
      await trx.updateTable('settings').set({ value: next }).where('key', '=', key).execute();
    }
    return next;
  });
}
