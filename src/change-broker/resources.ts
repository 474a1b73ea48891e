import type { CbSignupRow } from '../store/schema.js';
import type { ChangeBrokerContext } from './context.js';
import { signupNotActive } from './errors.js';
import { enqueueJob } from './jobs.js';
import { insertResources } from './signups.js';

export type ResourceFilter = 'Accessible' | 'Inaccessible' | 'All';

export interface ResourceView {
  resourceId: string;
  isAccessible: boolean;
}

const CHUNK = 500;

/** The signup's resources ordered by id, filtered by accessibility, and how many match the filter. */
export async function listResources(
  ctx: ChangeBrokerContext,
  signup: CbSignupRow,
  query: { skip: number; count: number; filter: ResourceFilter },
): Promise<{ items: ResourceView[]; total: number }> {
  let matching = ctx.db.selectFrom('cb_signup_resources').where('signup_id', '=', signup.id);
  if (query.filter !== 'All') matching = matching.where('is_accessible', '=', query.filter === 'Accessible' ? 1 : 0);
  const [rows, total] = await Promise.all([
    matching.select(['resource_id', 'is_accessible']).orderBy('resource_id').offset(query.skip).limit(query.count).execute(),
    matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ resourceId: r.resource_id, isAccessible: Number(r.is_accessible) === 1 })), total: Number(total.n) };
}

export interface ResourcesOutcome {
  /** Resources asked to be removed that the signup does not have. */
  invalidToRemove: string[];
  /** Resources named both to add and to remove: neither is done. */
  failed: string[];
}

/**
 * Subscribes and unsubscribes resources of an Activating or Active signup in one transaction; added resources
 * are checked for access by background work. Adding a resource the signup has already is not an error.
 */
export async function updateResources(
  ctx: ChangeBrokerContext,
  signup: CbSignupRow,
  input: { add: readonly string[]; remove: readonly string[] },
): Promise<ResourcesOutcome & { added: number }> {
  if (signup.state !== 'Active' && signup.state !== 'Activating') throw signupNotActive(signup.id, signup.state);
  const removing = new Set(input.remove);
  const failed = [...new Set(input.add.filter((id) => removing.has(id)))];
  const toAdd = [...new Set(input.add)].filter((id) => !removing.has(id));
  const toRemove = [...removing].filter((id) => !failed.includes(id));
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const present = new Set<string>();
    for (let i = 0; i < toRemove.length; i += CHUNK) {
      const chunk = toRemove.slice(i, i + CHUNK);
      const rows = await trx.selectFrom('cb_signup_resources').select('resource_id').where('signup_id', '=', signup.id).where('resource_id', 'in', chunk).execute();
      for (const r of rows) present.add(r.resource_id);
      if (rows.length > 0) {
        await trx.deleteFrom('cb_signup_resources').where('signup_id', '=', signup.id).where('resource_id', 'in', [...rows.map((r) => r.resource_id)]).execute();
      }
    }
    const added = await insertResources(tx, signup.id, toAdd);
    if (added > 0) await enqueueJob(tx, signup.id);
    if (added > 0 || present.size > 0) {
      await trx.updateTable('cb_signups').set({ modified_at: ctx.clock.now().toISOString() }).where('id', '=', signup.id).execute();
    }
    return { invalidToRemove: toRemove.filter((id) => !present.has(id)), failed, added };
  });
}
