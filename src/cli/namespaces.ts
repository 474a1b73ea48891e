import { createNamespace } from '../sds/namespaces.js';
import { storedClock } from '../sandbox/sandbox-clock.js';
import { withStore } from './with-store.js';

export interface NamespacesCreateFlags {
  database?: string;
  tenant: string;
  namespace: string;
}

export async function createNamespaceCommand(flags: NamespacesCreateFlags): Promise<void> {
  await withStore(flags, async (store) => {
    const created = await createNamespace(store.db, await storedClock(store.db), flags.tenant, flags.namespace);
    process.stdout.write(`namespace ${flags.namespace} in tenant ${flags.tenant} ${created ? 'created' : 'already exists'}\n`);
  });
}
