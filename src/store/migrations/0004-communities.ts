import type { Kysely } from 'kysely';

/** Change Broker communities: which tenants belong to each, and which streams each tenant shares into it. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cb_communities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cb_community_members')
    .addColumn('community_id', 'text', (c) => c.notNull().references('cb_communities.id').onDelete('cascade'))
    // Lower-cased: tenant ids compare case-insensitively, as the token check compares them.
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cb_community_members_pk', ['community_id', 'tenant_id'])
    .execute();

  await db.schema
    .createTable('cb_community_shares')
    .addColumn('community_id', 'text', (c) => c.notNull().references('cb_communities.id').onDelete('cascade'))
    // The tenant and namespace as stored in `namespaces`, and the stream's stored id.
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('namespace_id', 'text', (c) => c.notNull())
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cb_community_shares_pk', ['community_id', 'tenant_id', 'namespace_id', 'stream_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['cb_community_shares', 'cb_community_members', 'cb_communities']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
