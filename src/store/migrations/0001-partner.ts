import type { Kysely } from 'kysely';
import type { DialectOps } from '../dialects/dialect-ops.js';

// Migrations see an untyped database: the schema they build is what the typed one describes.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectOps): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Organizations and users are never paged by their own order, so their id is their key: one index fewer to write.
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('sso_kind', 'text', (c) => c.notNull())
    .addColumn('sso_tenant_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('activated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await dialect
    .withSeq(db.schema.createTable('partner_organizations'))
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('partner_organizations_partner_org', ['partner_id', 'organization_id'])
    .execute();

  await dialect
    .withSeq(db.schema.createTable('entitlements'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('usage_reporting_id', 'text')
    .addColumn('resource_id', 'text')
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // The uniqueness that makes two racing signups for one external_id give one 201 and one 409.
    .addUniqueConstraint('entitlements_partner_external_id', ['partner_id', 'external_id'])
    .execute();
  await db.schema.createIndex('entitlements_partner_org').on('entitlements').columns(['partner_id', 'organization_id', 'seq']).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('users_org_email', ['organization_id', 'email'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['users', 'entitlements', 'partner_organizations', 'organizations', 'clients', 'settings']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
