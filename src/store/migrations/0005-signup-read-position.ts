import type { Kysely } from 'kysely';

/** Where each Change Broker signup's consumer stands, for its consumer lag. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cb_signups').addColumn('read_seq', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cb_signups').dropColumn('read_seq').execute();
}
