import type { Kysely } from 'kysely';

/** Change Broker signups, their resources, and the background jobs and leases that activate and expire them. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cb_signups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('namespace_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_object_id', 'text', (c) => c.notNull())
    .addColumn('owner_tenant_id', 'text')
    .addColumn('community_id', 'text')
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    // The namespace's change number when the signup became Active: its updates start after it.
    .addColumn('start_seq', 'bigint')
    .addColumn('activated_at', 'text')
    .addColumn('inactivity_seconds', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .addColumn('last_accessed_at', 'text', (c) => c.notNull())
    // last_accessed_at + inactivity_seconds, kept with it so that background work finds due signups by index.
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('expired_at', 'text')
    .execute();
  await db.schema.createIndex('cb_signups_owner').on('cb_signups').columns(['tenant_id', 'namespace_id', 'owner_object_id', 'created_at']).execute();
  await db.schema.createIndex('cb_signups_expiry').on('cb_signups').columns(['state', 'expires_at']).execute();

  await db.schema
    .createTable('cb_signup_resources')
    .addColumn('signup_id', 'text', (c) => c.notNull().references('cb_signups.id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('is_accessible', 'integer', (c) => c.notNull().defaultTo(0))
    // 0 until background work has checked the owner's access to the resource.
    .addColumn('checked', 'integer', (c) => c.notNull().defaultTo(0))
    // Changes to this resource count from after this number (set by the check), so that a resource added
    // later does not bring changes written before it was subscribed.
    .addColumn('from_seq', 'bigint')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cb_signup_resources_pk', ['signup_id', 'resource_id'])
    .execute();

  await db.schema
    .createTable('cb_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('signup_id', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cb_jobs_due').on('cb_jobs').columns(['due_at']).execute();

  await db.schema
    .createTable('cb_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['cb_leases', 'cb_jobs', 'cb_signup_resources', 'cb_signups']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
