import { randomUUID } from 'node:crypto';
import type { Executor } from '../store/database.js';
import type { CbJobsTable, Database } from '../store/schema.js';
import type { ExpressionBuilder, Selectable } from 'kysely';
import { failActivation, validateSignup } from './activation.js';
import { addSeconds, type ChangeBrokerContext } from './context.js';
import { runWebhookJob } from './webhook-delivery.js';

type JobRow = Selectable<CbJobsTable>;

/**
 * How long a claimed job is reserved for its worker; another process may take it over after that. Short, and renewed
 * while the worker runs its batch, so that a process that dies holding jobs delays them by at most this long.
 */
export const LEASE_SECONDS = 2;
const RENEW_EVERY_MS = (LEASE_SECONDS * 1000) / 4;
const MAX_ATTEMPTS = 5;
const CLAIM_BATCH = 20;

/** A job that lost its lease (it ran too long and another worker took it): its work is rolled back. */
class LeaseLost extends Error {}

/** Schedules background validation of a signup's unchecked resources (and its activation), due now. */
export async function enqueueJob(ctx: ChangeBrokerContext, signupId: string): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.db.insertInto('cb_jobs').values({ id: randomUUID(), signup_id: signupId, due_at: now, lease_owner: null, lease_until: null, created_at: now }).execute();
}

/** No worker holds the job: never leased, or its lease has lapsed. */
function leaseFree(nowIso: string) {
  return (eb: ExpressionBuilder<Database, 'cb_jobs'>) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)]);
}

export type JobKind = 'validate' | 'webhook';

/** Up to `limit` ids of due jobs with a free lease, oldest first: the candidates both dialects claim from. */
function dueJobs(db: Executor, nowIso: string, limit: number, kind?: JobKind) {
  return db
    .selectFrom('cb_jobs')
    .select('id')
    .where('due_at', '<=', nowIso)
    .where(leaseFree(nowIso))
    .$if(kind !== undefined, (q) => q.where('kind', '=', kind ?? 'validate'))
    .orderBy('due_at')
    .limit(limit);
}

/**
 * Claims up to `limit` due jobs whose lease is free or lapsed. Concurrent workers take disjoint sets: the claim
 * repeats the free-lease condition, and the dialect makes candidates another worker is claiming drop out.
 */
export async function claimDueJobs(ctx: ChangeBrokerContext, owner: string, limit = CLAIM_BATCH, kind?: JobKind): Promise<JobRow[]> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const until = addSeconds(now, LEASE_SECONDS);
  return ctx.dialect.claimRows(
    ctx.db,
    async (db, lock) => (await lock(dueJobs(db, nowIso, limit, kind)).execute()).map((j) => j.id),
    (db, ids) => db.updateTable('cb_jobs').set({ lease_owner: owner, lease_until: until }).where('id', 'in', ids).where(leaseFree(nowIso)).returningAll().execute(),
  );
}

/** Runs one claimed job: its work and its removal commit together, and only while this worker holds the lease. */
async function runJob(ctx: ChangeBrokerContext, job: JobRow, owner: string): Promise<void> {
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await validateSignup({ ...ctx, db: trx }, job.signup_id);
      const done = await trx.deleteFrom('cb_jobs').where('id', '=', job.id).where('lease_owner', '=', owner).executeTakeFirst();
      if (Number(done.numDeletedRows) !== 1) throw new LeaseLost();
    });
  } catch (error) {
    if (error instanceof LeaseLost) return;
    const attempts = job.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) {
      await failActivation(ctx, job.signup_id);
      await ctx.db.deleteFrom('cb_jobs').where('id', '=', job.id).where('lease_owner', '=', owner).execute();
    } else {
      // Retry later, backing off: 1 s, 2 s, 4 s, ...
      await ctx.db
        .updateTable('cb_jobs')
        .set({ attempts, lease_owner: null, lease_until: null, due_at: addSeconds(ctx.clock.now(), 2 ** (attempts - 1)) })
        .where('id', '=', job.id)
        .where('lease_owner', '=', owner)
        .execute();
    }
    throw error;
  }
}

/**
 * Runs every job that is due (of one kind, if given), each exactly once across the processes sharing the
 * database; returns how many ran. A job that fails is retried later; its error is passed to `onError`. Webhook
 * deliveries of a batch run side by side (each webhook has one job, so each still delivers in order).
 */
export async function runDueJobs(ctx: ChangeBrokerContext, options: { owner?: string; onError?: (error: unknown) => void; kind?: JobKind } = {}): Promise<number> {
  const owner = options.owner ?? `worker-${randomUUID()}`;
  let ran = 0;
  const attempt = async (job: JobRow, run: () => Promise<void>, pending: Set<string>) => {
    try {
      await run();
      ran += 1;
    } catch (error) {
      options.onError?.(error);
    } finally {
      pending.delete(job.id);
    }
  };
  for (;;) {
    const jobs = await claimDueJobs(ctx, owner, CLAIM_BATCH, options.kind);
    if (jobs.length === 0) return ran;
    const pending = new Set(jobs.map((j) => j.id));
    const renewal = renewLeases(ctx, owner, pending, options.onError);
    try {
      const deliveries = jobs.filter((job) => job.kind === 'webhook').map((job) => attempt(job, () => runWebhookJob(ctx, job, owner), pending));
      for (const job of jobs) if (job.kind !== 'webhook') await attempt(job, () => runJob(ctx, job, owner), pending);
      await Promise.all(deliveries);
    } finally {
      await renewal.stop();
    }
  }
}

/** Keeps extending the leases of the batch's jobs not yet run, until stopped. */
function renewLeases(ctx: ChangeBrokerContext, owner: string, pending: ReadonlySet<string>, onError?: (error: unknown) => void) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (pending.size === 0) return;
    running = ctx.db
      .updateTable('cb_jobs')
      .set({ lease_until: addSeconds(ctx.clock.now(), LEASE_SECONDS) })
      .where('id', 'in', [...pending])
      .where('lease_owner', '=', owner)
      .execute()
      .catch((error: unknown) => onError?.(error));
  }, RENEW_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
