import type { ChangeBrokerContext } from './context.js';

/**
 * Takes the named lease for `seconds` if it is free, lapsed or already ours; true when we hold it. Periodic work
 * that should run in one process at a time (expiry, removal, purge) runs only while holding its lease.
 */
export async function claimLease(ctx: ChangeBrokerContext, name: string, holder: string, seconds: number): Promise<boolean> {
  const now = ctx.clock.now();
  const until = new Date(now.getTime() + seconds * 1000).toISOString();
  const inserted = await ctx.db
    .insertInto('cb_leases')
    .values({ name, holder, until })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
  const taken = await ctx.db
    .updateTable('cb_leases')
    .set({ holder, until })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('until', '<', now.toISOString()), eb('holder', '=', holder)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) > 0;
}
