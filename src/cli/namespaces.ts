import { DEFAULT_DATABASE_URL } from '../config/server-config.js';
import { createNamespace } from '../sds/namespaces.js';
import { storedClock } from '../sandbox/sandbox-clock.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

export interface NamespacesCreateFlags {
  database?: string;
  tenant: string;
  namespace: string;
}

export async function createNamespaceCommand(flags: NamespacesCreateFlags): Promise<void> {
  const store = openStore(flags.database ?? process.env.SIGNUPS_DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    await migrateToLatest(store);
    const created = await createNamespace(store.db, await storedClock(store.db), flags.tenant, flags.namespace);
    process.stdout.write(`namespace ${flags.namespace} in tenant ${flags.tenant} ${created ? 'created' : 'already exists'}\n`);
  } finally {
    await store.close();
  }
}
