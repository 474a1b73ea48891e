import { randomBytes, randomUUID } from 'node:crypto';
import { AvevaError } from '../errors/aveva.js';
import type { components } from '../openapi-types/change-broker-push-v1.js';
import type { CbSignupRow } from '../store/schema.js';
import type { ChangeBrokerContext } from './context.js';
import { requireActive } from './updates.js';
import { currentChangeSeq } from '../sds/changes.js';
import type { WebhookTargets } from './webhook-targets.js';

// The shapes the push document declares for a webhook and a delivery attempt.
export type WebhookView = components['schemas']['Webhook'];
export type WebhookDeliveryView = components['schemas']['WebhookDelivery'];

const toView = (row: { id: string; url: string; description: string | null; state: 'Enabled' | 'Disabled'; disabled_reason: string | null; created_at: string }): WebhookView => ({
  id: row.id,
  url: row.url,
  description: row.description,
  state: row.state,
  disabledReason: row.disabled_reason,
  createdDate: row.created_at,
});

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** Registers a webhook for an Active signup; it receives the updates committed from now on. */
export async function createWebhook(
  ctx: ChangeBrokerContext,
  targets: WebhookTargets,
  signup: CbSignupRow,
  input: { url: string; description: string | null },
): Promise<WebhookView & { secret: string }> {
  requireActive(signup);
  const url = targets.checkUrl(input.url).toString();
  const now = ctx.clock.now().toISOString();
  const row = {
    id: randomUUID(),
    signup_id: signup.id,
    url,
    description: input.description,
    secret: newSecret(),
    state: 'Enabled' as const,
    disabled_reason: null,
    after_seq: await currentChangeSeq(ctx.db, signup.tenant_id, signup.namespace_id),
    after_valid_from: now,
    pending_message_id: null,
    pending_payload: null,
    pending_next_seq: null,
    pending_next_valid_from: null,
    pending_count: null,
    failing_since: null,
    created_at: now,
  };
  await ctx.db.insertInto('cb_webhooks').values(row).execute();
  return { ...toView(row), secret: row.secret };
}

export async function listWebhooks(ctx: ChangeBrokerContext, signup: CbSignupRow): Promise<WebhookView[]> {
  const rows = await ctx.db.selectFrom('cb_webhooks').selectAll().where('signup_id', '=', signup.id).orderBy('created_at').orderBy('id').execute();
  return rows.map(toView);
}

const webhookNotFound = (webhookId: string): AvevaError =>
  new AvevaError('webhook_not_found', `The webhook '${webhookId}' was not found on this signup.`, {
    resolution: 'List the signup webhooks for their ids.',
    parameters: { WebhookId: webhookId },
  });

async function requireWebhook(ctx: ChangeBrokerContext, signup: CbSignupRow, webhookId: string): Promise<string> {
  const row = await ctx.db.selectFrom('cb_webhooks').select('id').where('id', '=', webhookId.toLowerCase()).where('signup_id', '=', signup.id).executeTakeFirst();
  if (!row) throw webhookNotFound(webhookId);
  return row.id;
}

export async function deleteWebhook(ctx: ChangeBrokerContext, signup: CbSignupRow, webhookId: string): Promise<void> {
  const id = await requireWebhook(ctx, signup, webhookId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('cb_jobs').where('webhook_id', '=', id).execute();
    await trx.deleteFrom('cb_webhook_attempts').where('webhook_id', '=', id).execute();
    await trx.deleteFrom('cb_webhooks').where('id', '=', id).execute();
  });
}

export async function listDeliveries(ctx: ChangeBrokerContext, signup: CbSignupRow, webhookId: string, page: { skip: number; count: number }): Promise<WebhookDeliveryView[]> {
  const id = await requireWebhook(ctx, signup, webhookId);
  const rows = await ctx.db
    .selectFrom('cb_webhook_attempts')
    .selectAll()
    .where('webhook_id', '=', id)
    .orderBy('seq', 'desc')
    .offset(page.skip)
    .limit(page.count)
    .execute();
  return rows.map((r) => ({
    messageId: r.message_id,
    attempt: r.attempt,
    attemptedDate: r.attempted_at,
    statusCode: r.status_code,
    durationMs: r.duration_ms,
    error: r.error,
    updateCount: r.update_count,
  }));
}
