import type { Db } from '../store/database.js';
import type { Trustee } from './access.js';
import { requireNamespace } from './namespaces.js';
import type { StreamScope } from './streams.js';

/** An SDS call as its path and credentials state it: the caller's tenant, the namespace the path names, the caller. */
export interface SdsCall {
  tenantId: string;
  namespace: string;
  who: Trustee;
}

/** The call's namespace, which must exist (matched case-insensitively, as AVEVA's are), as the store's scope. */
export async function scopeOfCall(db: Db, call: SdsCall): Promise<{ scope: StreamScope; who: Trustee }> {
  return { scope: { tenantId: call.tenantId, namespaceId: await requireNamespace(db, call.tenantId, call.namespace) }, who: call.who };
}
