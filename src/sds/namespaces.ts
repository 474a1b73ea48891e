import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';
import { AvevaError } from '../errors/aveva.js';

/** Creates the namespace if it does not exist yet; true when it was created. */
export async function createNamespace(db: Db, clock: Clock, tenantId: string, namespaceId: string): Promise<boolean> {
  const result = await db
    .insertInto('namespaces')
    .values({ tenant_id: tenantId, id: namespaceId, created_at: clock.now().toISOString() })
    .onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Namespaces are matched case-insensitively, as AVEVA's are; returns the stored id. */
export async function requireNamespace(db: Db, tenantId: string, namespaceId: string): Promise<string> {
  const row = await db
    .selectFrom('namespaces')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb(eb.fn('lower', ['id']), '=', namespaceId.toLowerCase()))
    .executeTakeFirst();
  if (!row) {
    throw new AvevaError('namespace_not_found', `The namespace '${namespaceId}' was not found.`, {
      resolution: 'Create the namespace with `signups namespaces create`, or check the namespace id.',
      parameters: { NamespaceId: namespaceId },
    });
  }
  return row.id;
}
