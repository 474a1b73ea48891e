import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { getOrCreateSecret } from '../store/settings.js';
import type { Db } from '../store/database.js';
import type { CbJobsTable } from '../store/schema.js';
import type { Selectable } from 'kysely';
import { Bookmarks } from './bookmarks.js';
import { recordDelivered } from './consumer-lag.js';
import { addSeconds, type ChangeBrokerContext } from './context.js';
import { touchSignup } from './signups.js';
import { readUpdates } from './updates.js';
import { hostOf, WebhookTargets } from './webhook-targets.js';

type JobRow = Selectable<CbJobsTable>;

/** Retries back off exponentially from this (so the first comes within 5 s), with jitter, up to an hour apart. */
const FIRST_RETRY_MS = 4_000;
const MAX_RETRY_MS = 3_600_000;

/** Delay before retry number `attempt` (1 = first retry): half of it fixed, half random, so retries spread out. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const bookmarkServices = new WeakMap<Db, Promise<Bookmarks>>();
const targetPolicies = new WeakMap<ChangeBrokerContext['config'], WebhookTargets>();

function bookmarksFor(ctx: ChangeBrokerContext): Promise<Bookmarks> {
  let service = bookmarkServices.get(ctx.db);
  if (!service) {
    service = getOrCreateSecret(ctx.db, 'bookmark_key').then((key) => new Bookmarks(key, ctx.clock, ctx.config.retentionSeconds));
    service.catch(() => bookmarkServices.delete(ctx.db));
    bookmarkServices.set(ctx.db, service);
  }
  return service;
}

/** The delivery policy of these settings (built once per configuration). */
export function webhookTargets(config: ChangeBrokerContext['config']): WebhookTargets {
  let targets = targetPolicies.get(config);
  if (!targets) targetPolicies.set(config, (targets = new WebhookTargets(config.webhooks.allow)));
  return targets;
}

interface Outcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * The Standard Webhooks headers of a message. Signatures carry wall-clock time, which receivers check against their
 * own clocks; the clock is read once, so that the timestamp sent is the one signed (read twice, it could pass a
 * second in between, and the receiver would find no matching signature).
 */
export function signedHeaders(secret: string, messageId: string, payload: string, wallClock: () => Date = () => new Date()): Record<string, string> {
  const signedAt = wallClock();
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, signedAt, payload),
  };
}

/** One signed POST; never throws: a refused address, a timeout or a broken connection is an outcome too. */
function post(targets: WebhookTargets, url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): Outcome => ({ statusCode, error, durationMs: Math.round(performance.now() - started) });
  const host = hostOf(url);
  if (isIP(host) !== 0 && !targets.hostAllowed(host)) {
    const refusal = targets.refusal(host);
    if (refusal) return Promise.resolve(done(null, `refused: ${refusal}`));
  }
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'signups-webhooks' },
      lookup: targets.lookup(host),
      timeout: timeoutMs,
    });
    req.on('response', (res: IncomingMessage) => {
      // The body is not needed; drain it so the connection is released.
      res.resume();
      res.on('end', () => resolve(done(res.statusCode ?? null, null)));
      res.on('error', (error) => resolve(done(res.statusCode ?? null, error.message)));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve(done(null, error.message)));
    req.end(body);
  });
}

/**
 * Runs a claimed webhook job: attempts the webhook's pending delivery, or makes the next one from the updates
 * after its position. Each step commits on its own, and only while this worker holds the job's lease; the HTTP
 * call happens outside any transaction. Success moves the position on; failure schedules a retry, or disables the
 * webhook after a 410 or once the retry window is over.
 */
export async function runWebhookJob(ctx: ChangeBrokerContext, job: JobRow, owner: string): Promise<void> {
  const finish = () => ctx.db.deleteFrom('cb_jobs').where('id', '=', job.id).where('lease_owner', '=', owner).execute();
  const webhookId = job.webhook_id ?? '';
  const hook = await ctx.db.selectFrom('cb_webhooks').selectAll().where('id', '=', webhookId).executeTakeFirst();
  const signup = hook ? await ctx.db.selectFrom('cb_signups').selectAll().where('id', '=', hook.signup_id).executeTakeFirst() : undefined;
  if (!hook || hook.state !== 'Enabled' || !signup || signup.state !== 'Active') {
    await finish();
    return;
  }
  const bookmarks = await bookmarksFor(ctx);

  let pending = hook.pending_message_id && hook.pending_payload !== null && hook.pending_next_seq !== null && hook.pending_next_valid_from !== null
    ? { id: hook.pending_message_id, payload: hook.pending_payload, nextSeq: Number(hook.pending_next_seq), nextValidFrom: hook.pending_next_valid_from, count: hook.pending_count ?? 0 }
    : null;
  if (!pending) {
    const page = await readUpdates(ctx, signup, { seq: Number(hook.after_seq), validFrom: new Date(hook.after_valid_from) });
    if (page.data.length === 0) {
      await ctx.db
        .updateTable('cb_webhooks')
        .set({ after_seq: page.next.seq, after_valid_from: page.next.validFrom.toISOString() })
        .where('id', '=', hook.id)
        .where('pending_message_id', 'is', null)
        .execute();
      await finish();
      return;
    }
    pending = {
      id: `msg_${randomUUID().replaceAll('-', '')}`,
      payload: JSON.stringify({ signupId: signup.id, updates: page.data, bookmark: bookmarks.issue(signup.id, page.next) }),
      nextSeq: page.next.seq,
      nextValidFrom: page.next.validFrom.toISOString(),
      count: page.data.length,
    };
    await ctx.db
      .updateTable('cb_webhooks')
      .set({ pending_message_id: pending.id, pending_payload: pending.payload, pending_next_seq: pending.nextSeq, pending_next_valid_from: pending.nextValidFrom, pending_count: pending.count, attempts: 0 })
      .where('id', '=', hook.id)
      .execute();
  }

  const headers = signedHeaders(hook.secret, pending.id, pending.payload);
  const outcome = await post(webhookTargets(ctx.config), new URL(hook.url), headers, pending.payload, ctx.config.webhooks.timeoutMs);
  const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const now = ctx.clock.now();
  const attempt = (hook.pending_message_id === pending.id ? hook.attempts : 0) + 1;
  const last = await ctx.db.selectFrom('cb_webhook_attempts').select((eb) => eb.fn.max('seq').as('seq')).where('webhook_id', '=', hook.id).executeTakeFirst();
  await ctx.db
    .insertInto('cb_webhook_attempts')
    .values({
      id: randomUUID(),
      webhook_id: hook.id,
      seq: Number(last?.seq ?? 0) + 1,
      message_id: pending.id,
      attempt,
      attempted_at: now.toISOString(),
      status_code: outcome.statusCode,
      duration_ms: outcome.durationMs,
      error: ok ? null : (outcome.error ?? `the receiver answered ${outcome.statusCode ?? 'nothing'}`),
      update_count: pending.count,
    })
    .execute();

  if (ok) {
    await ctx.db
      .updateTable('cb_webhooks')
      .set({
        after_seq: pending.nextSeq,
        after_valid_from: pending.nextValidFrom,
        pending_message_id: null,
        pending_payload: null,
        pending_next_seq: null,
        pending_next_valid_from: null,
        pending_count: null,
        attempts: 0,
        failing_since: null,
      })
      .where('id', '=', hook.id)
      .where('pending_message_id', '=', pending.id)
      .execute();
    // A delivered update is a read one: the signup stays alive and its consumer lag counts from here.
    await touchSignup(ctx, signup.id, now, signup.inactivity_seconds);
    await recordDelivered(ctx.db, signup.id, pending.nextSeq);
    // More may be waiting: look again at once.
    await ctx.db.updateTable('cb_jobs').set({ due_at: now.toISOString(), lease_owner: null, lease_until: null, attempts: 0 }).where('id', '=', job.id).where('lease_owner', '=', owner).execute();
    return;
  }
  const failingSince = hook.failing_since ?? now.toISOString();
  const windowOver = now.getTime() - new Date(failingSince).getTime() >= ctx.config.webhooks.retryWindowSeconds * 1000;
  if (outcome.statusCode === 410 || windowOver) {
    const reason = outcome.statusCode === 410 ? 'The receiver answered 410 Gone.' : `Deliveries kept failing for ${ctx.config.webhooks.retryWindowSeconds} seconds.`;
    await ctx.db.updateTable('cb_webhooks').set({ state: 'Disabled', disabled_reason: reason, attempts: attempt, failing_since: failingSince }).where('id', '=', hook.id).execute();
    await finish();
    return;
  }
  await ctx.db.updateTable('cb_webhooks').set({ attempts: attempt, failing_since: failingSince }).where('id', '=', hook.id).execute();
  await ctx.db
    .updateTable('cb_jobs')
    .set({ due_at: addSeconds(now, retryDelayMs(attempt) / 1000), lease_owner: null, lease_until: null })
    .where('id', '=', job.id)
    .where('lease_owner', '=', owner)
    .execute();
}

/**
 * Makes a job for every enabled webhook that has something to do (a pending delivery, or changes in its namespace
 * after its position) and has no job yet; the unique job per webhook keeps its deliveries in order.
 */
export async function scheduleWebhookJobs(ctx: ChangeBrokerContext): Promise<number> {
  const due = await ctx.db
    .selectFrom('cb_webhooks as w')
    .innerJoin('cb_signups as s', 's.id', 'w.signup_id')
    .innerJoin('namespaces as n', (join) => join.onRef('n.tenant_id', '=', 's.tenant_id').onRef('n.id', '=', 's.namespace_id'))
    .leftJoin('cb_jobs as j', 'j.webhook_id', 'w.id')
    .select(['w.id', 'w.signup_id'])
    .where('w.state', '=', 'Enabled')
    .where('s.state', '=', 'Active')
    .where('j.id', 'is', null)
    // The namespace's newest change, not a counter: on PostgreSQL writers record changes without one.
    .where((eb) =>
      eb.or([
        eb(
          eb.selectFrom('change_log as l').select((m) => m.fn.max('l.seq').as('last')).whereRef('l.tenant_id', '=', 'n.tenant_id').whereRef('l.namespace_id', '=', 'n.id'),
          '>',
          eb.ref('w.after_seq'),
        ),
        eb('w.pending_message_id', 'is not', null),
      ]),
    )
    .execute();
  if (due.length === 0) return 0;
  const now = ctx.clock.now().toISOString();
  const inserted = await ctx.db
    .insertInto('cb_jobs')
    .values(due.map((w) => ({ id: randomUUID(), signup_id: w.signup_id, kind: 'webhook' as const, webhook_id: w.id, due_at: now, lease_owner: null, lease_until: null, created_at: now })))
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0);
}

/** Whether any webhook is enabled: only then do commits need to wake the background worker. */
export async function anyWebhookEnabled(db: Db): Promise<boolean> {
  return (await db.selectFrom('cb_webhooks').select('id').where('state', '=', 'Enabled').limit(1).executeTakeFirst()) !== undefined;
}
