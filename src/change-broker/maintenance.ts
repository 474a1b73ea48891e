import { purgeChangesBefore } from '../sds/changes.js';
import type { ChangeBrokerContext } from './context.js';
import { expireDueSignups } from './signups.js';

/** Change data is kept this much longer than the retention window, so a bookmark never outlives its data. */
const PURGE_GRACE_MS = 60_000;

export interface MaintenanceResult {
  expired: number;
  removed: number;
  purged: number;
}

/**
 * The periodic work, by the injected clock: signups not queried for their inactivity period expire; expired
 * signups are removed after `expiredRetentionSeconds`; change data older than the retention window is purged.
 * Each step is one idempotent statement, so running it twice does no harm.
 */
export async function maintain(ctx: ChangeBrokerContext): Promise<MaintenanceResult> {
  const now = ctx.clock.now().getTime();
  const expired = await expireDueSignups(ctx);
  const removeBefore = new Date(now - ctx.config.expiredRetentionSeconds * 1000).toISOString();
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const gone = trx.selectFrom('cb_signups').select('id').where('state', '=', 'Expired').where('expired_at', '<', removeBefore);
    await trx.deleteFrom('cb_signup_resources').where('signup_id', 'in', gone).execute();
    await trx.deleteFrom('cb_jobs').where('signup_id', 'in', gone).execute();
    const result = await trx.deleteFrom('cb_signups').where('state', '=', 'Expired').where('expired_at', '<', removeBefore).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
  const purged = await purgeChangesBefore(ctx.db, new Date(now - ctx.config.retentionSeconds * 1000 - PURGE_GRACE_MS).toISOString());
  return { expired, removed, purged };
}

/**
 * The earliest moment after `afterIso` at which a job (activation, resource checks, retries) falls due. A clock
 * moved far ahead stops at each, so that jobs run at the time they would have run; expiry and purge need no stops,
 * since they date what they do by the rows themselves (a signup expires at its `expires_at`).
 */
export async function nextDueAt(ctx: ChangeBrokerContext, afterIso: string): Promise<string | null> {
  const job = await ctx.db
    .selectFrom('cb_jobs')
    .select((eb) => eb.fn.min<string>('due_at').as('at'))
    .where('due_at', '>', afterIso)
    .executeTakeFirst();
  return job?.at ?? null;
}

/** Due jobs that another worker holds: work that became due but has not finished yet. */
export async function jobsInFlight(ctx: ChangeBrokerContext): Promise<number> {
  const nowIso = ctx.clock.now().toISOString();
  const row = await ctx.db
    .selectFrom('cb_jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('due_at', '<=', nowIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
