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

/**
 * Namespace ids as last found, per store: the SDS write path uses them instead of a query of its own per write (on
 * PostgreSQL a round trip). Only a sandbox reset removes a namespace, and with it its streams, so a write through an
 * id gone stale finds no stream and is made again through requireNamespace (see writeValues).
 */
const found = new WeakMap<Db, Map<string, string>>();
const FOUND_MAX = 10_000;
const foundKey = (tenantId: string, namespaceId: string) => `${tenantId}\u001f${namespaceId.toLowerCase()}`;

/** The namespace's stored id as last found in this process, if any; it may be gone since (see `found`). */
export function namespaceAsLastFound(db: Db, tenantId: string, namespaceId: string): string | undefined {
  return found.get(db)?.get(foundKey(tenantId, namespaceId));
}

function remember(db: Db, tenantId: string, namespaceId: string, id: string): void {
  let ids = found.get(db);
  if (!ids) found.set(db, (ids = new Map()));
  const key = foundKey(tenantId, namespaceId);
  if (ids.has(key)) return;
  if (ids.size >= FOUND_MAX) ids.delete(ids.keys().next().value ?? '');
  ids.set(key, id);
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
  remember(db, tenantId, namespaceId, row.id);
  return row.id;
}
