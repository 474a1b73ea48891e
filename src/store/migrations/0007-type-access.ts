import type { Kysely } from 'kysely';

/**
 * Types carry an owner and an access control list, as streams do. Types created before have neither: every client
 * of their tenant keeps every right on them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sds_types').addColumn('owner_type', 'text').execute();
  await db.schema.alterTable('sds_types').addColumn('owner_object_id', 'text').execute();
  await db.schema.alterTable('sds_types').addColumn('owner_tenant_id', 'text').execute();
  await db.schema.alterTable('sds_types').addColumn('acl', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['acl', 'owner_tenant_id', 'owner_object_id', 'owner_type']) await db.schema.alterTable('sds_types').dropColumn(column).execute();
}
