import type { Kysely } from 'kysely';

/** Namespaces, the SDS subset (types, streams, events) and the change log that Change Broker signups read. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('namespaces')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // The last change number handed out in this namespace. Writers bump it with an UPDATE, which holds the row
    // lock until commit: numbers are therefore committed in order, and a reader paging by number skips nothing.
    .addColumn('last_change_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('namespaces_pk', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('sds_types')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('namespace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('key_property', 'text', (c) => c.notNull())
    .addColumn('key_type_code', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sds_types_pk', ['tenant_id', 'namespace_id', 'id'])
    .execute();

  await db.schema
    .createTable('sds_streams')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('namespace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_object_id', 'text', (c) => c.notNull())
    .addColumn('owner_tenant_id', 'text')
    .addColumn('acl', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sds_streams_pk', ['tenant_id', 'namespace_id', 'id'])
    .execute();

  await db.schema
    .createTable('sds_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('namespace_id', 'text', (c) => c.notNull())
    .addColumn('stream_id', 'text', (c) => c.notNull())
    // The index value in an encoding whose text order is the index order (see src/sds/index-key.ts).
    .addColumn('index_key', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sds_events_pk', ['tenant_id', 'namespace_id', 'stream_id', 'index_key'])
    .execute();

  await db.schema
    .createTable('change_log')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('namespace_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_log_pk', ['tenant_id', 'namespace_id', 'seq'])
    .execute();
  await db.schema.createIndex('change_log_created').on('change_log').columns(['created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['change_log', 'sds_events', 'sds_streams', 'sds_types', 'namespaces']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
