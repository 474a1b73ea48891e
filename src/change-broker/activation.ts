import { currentChangeSeq } from '../sds/changes.js';
import type { ChangeBrokerContext } from './context.js';
import { readableResources } from './resource-access.js';

const CHECK_CHUNK = 500;

/**
 * The work behind a signup's job, run in the job's transaction: checks the owner's read access to every resource
 * not checked yet, records from which change number each counts, and finishes an Activating signup. It becomes
 * Active, starting after the namespace's current change, unless it names resources and none is accessible: then
 * it could never deliver an update, and it is Failed.
 */
export async function validateSignup(ctx: ChangeBrokerContext, signupId: string): Promise<void> {
  const signup = await ctx.db.selectFrom('cb_signups').selectAll().where('id', '=', signupId).executeTakeFirst();
  if (!signup || (signup.state !== 'Activating' && signup.state !== 'Active')) return;
  const now = ctx.clock.now().toISOString();
  const current = await currentChangeSeq(ctx.db, signup.tenant_id, signup.namespace_id);
  const unchecked = await ctx.db
    .selectFrom('cb_signup_resources')
    .select('resource_id')
    .where('signup_id', '=', signupId)
    .where('checked', '=', 0)
    .execute();
  const ids = unchecked.map((r) => r.resource_id);
  for (let i = 0; i < ids.length; i += CHECK_CHUNK) {
    const chunk = ids.slice(i, i + CHECK_CHUNK);
    const readable = await readableResources(ctx, signup, chunk);
    const [yes, no] = [chunk.filter((id) => readable.has(id)), chunk.filter((id) => !readable.has(id))];
    for (const [list, accessible] of [
      [yes, 1],
      [no, 0],
    ] as const) {
      if (list.length === 0) continue;
      await ctx.db
        .updateTable('cb_signup_resources')
        .set({ is_accessible: accessible, checked: 1, from_seq: current })
        .where('signup_id', '=', signupId)
        .where('resource_id', 'in', list)
        .execute();
    }
  }
  if (signup.state !== 'Activating') return;
  const counts = await ctx.db
    .selectFrom('cb_signup_resources')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>('is_accessible').as('accessible')])
    .where('signup_id', '=', signupId)
    .executeTakeFirstOrThrow();
  const failed = Number(counts.total) > 0 && Number(counts.accessible ?? 0) === 0;
  await ctx.db
    .updateTable('cb_signups')
    .set(failed ? { state: 'Failed', modified_at: now } : { state: 'Active', start_seq: current, activated_at: now, modified_at: now })
    .where('id', '=', signupId)
    .where('state', '=', 'Activating')
    .execute();
}

/** After too many failed attempts an Activating signup cannot activate: it is Failed. */
export async function failActivation(ctx: ChangeBrokerContext, signupId: string): Promise<void> {
  await ctx.db
    .updateTable('cb_signups')
    .set({ state: 'Failed', modified_at: ctx.clock.now().toISOString() })
    .where('id', '=', signupId)
    .where('state', '=', 'Activating')
    .execute();
}
