import type { Kysely } from 'kysely';

/**
 * Change records by stream, in position order: a signup's page of updates merges its streams' runs from this index,
 * so its cost does not depend on how many changes other streams of the namespace have.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('change_log_stream').on('change_log').columns(['tenant_id', 'namespace_id', 'stream_id', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('change_log_stream').execute();
}
