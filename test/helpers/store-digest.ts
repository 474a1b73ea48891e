import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../../src/store/database.js';

/**
 * Tables whose rows change without any request: leases that background work renews, and server secrets created
 * on first use. Everything else a client can reach is compared.
 */
const HOUSEKEEPING = ['cb_leases', 'settings', 'kysely_migration', 'kysely_migration_lock'];

/** A digest of every row of every table, to show that a refused request changed nothing. */
export async function storeDigest(store: Store, options: { ignore?: readonly string[] } = {}): Promise<string> {
  const ignored = new Set([...HOUSEKEEPING, ...(options.ignore ?? [])]);
  const tables = (await store.db.introspection.getTables()).map((t) => t.name).filter((name) => !ignored.has(name)).sort();
  const hash = createHash('sha256');
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(store.db);
    const lines = rows.rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).sort();
    hash.update(`${table}\n${lines.join('\n')}\n`);
    if (process.env.STORE_DIGEST_DEBUG) console.error(table, lines.join('\n').slice(0, 2000));
  }
  return hash.digest('hex');
}
