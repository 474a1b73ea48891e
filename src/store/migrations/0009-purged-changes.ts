import type { Kysely } from 'kysely';

/**
 * How many changes of each namespace the retention purge has removed: with the retained rows, the count of changes
 * ever written, which no longer comes from a counter that every writer would have to lock.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('namespaces').addColumn('purged_changes', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('namespaces').dropColumn('purged_changes').execute();
}
