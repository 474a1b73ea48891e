import type { Kysely } from 'kysely';

/**
 * Webhooks of Change Broker signups, their delivery attempts, and background jobs that name a webhook: one job
 * per webhook at most (unique), so that its deliveries go one at a time, in order, in one process.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cb_webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('signup_id', 'text', (c) => c.notNull().references('cb_signups.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('disabled_reason', 'text')
    // Everything up to this position (change number and bookmark validity) has been delivered.
    .addColumn('after_seq', 'bigint', (c) => c.notNull())
    .addColumn('after_valid_from', 'text', (c) => c.notNull())
    // The delivery being attempted, kept as sent so that retries repeat it exactly (same webhook-id and body).
    .addColumn('pending_message_id', 'text')
    .addColumn('pending_payload', 'text')
    .addColumn('pending_next_seq', 'bigint')
    .addColumn('pending_next_valid_from', 'text')
    .addColumn('pending_count', 'integer')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failing_since', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cb_webhooks_signup').on('cb_webhooks').columns(['signup_id', 'created_at']).execute();

  await db.schema
    .createTable('cb_webhook_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('cb_webhooks.id').onDelete('cascade'))
    // 1, 2, 3, ... per webhook: the order of its attempts (only one worker delivers for a webhook at a time).
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('update_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cb_webhook_attempts_webhook').on('cb_webhook_attempts').columns(['webhook_id', 'seq']).execute();

  await db.schema.alterTable('cb_jobs').addColumn('kind', 'text', (c) => c.notNull().defaultTo('validate')).execute();
  await db.schema.alterTable('cb_jobs').addColumn('webhook_id', 'text').execute();
  await db.schema.createIndex('cb_jobs_webhook').on('cb_jobs').column('webhook_id').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cb_jobs_webhook').ifExists().execute();
  await db.schema.alterTable('cb_jobs').dropColumn('webhook_id').execute();
  await db.schema.alterTable('cb_jobs').dropColumn('kind').execute();
  await db.schema.dropTable('cb_webhook_attempts').ifExists().execute();
  await db.schema.dropTable('cb_webhooks').ifExists().execute();
}
