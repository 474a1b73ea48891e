import { createCommunity, shareStream, unshareStream } from '../change-broker/communities.js';
import { DEFAULT_DATABASE_URL } from '../config/server-config.js';
import { SdsError } from '../sds/errors.js';
import { systemClock } from '../store/clock.js';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

export interface CommunitiesCreateFlags {
  database?: string;
  id: string;
  tenant: string[];
}

export interface CommunitiesShareFlags {
  database?: string;
  community: string;
  tenant: string;
  namespace: string;
  stream: string;
}

async function withStore<T>(database: string | undefined, run: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(database ?? process.env.SIGNUPS_DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    await migrateToLatest(store);
    return await run(store);
  } catch (error) {
    // A refusal of the domain is the user's to fix: say it in one line, as other command errors are said.
    if (error instanceof SdsError) throw new Error(error.message);
    throw error;
  } finally {
    await store.close();
  }
}

export async function createCommunityCommand(flags: CommunitiesCreateFlags): Promise<void> {
  await withStore(flags.database, async (store) => {
    const outcome = await createCommunity(store.db, systemClock, flags.id, flags.tenant);
    const members = outcome.added.length > 0 ? `; members added: ${outcome.added.join(', ')}` : '; no new members';
    process.stdout.write(`community ${flags.id} ${outcome.created ? 'created' : 'already exists'}${members}\n`);
  });
}

export async function shareCommand(flags: CommunitiesShareFlags): Promise<void> {
  await withStore(flags.database, async (store) => {
    const shared = await shareStream(store.db, systemClock, { communityId: flags.community, tenantId: flags.tenant, namespaceId: flags.namespace, streamId: flags.stream });
    process.stdout.write(`stream ${flags.stream} of ${flags.tenant}/${flags.namespace} ${shared ? 'shared into' : 'was already shared into'} community ${flags.community}\n`);
  });
}

export async function unshareCommand(flags: CommunitiesShareFlags): Promise<void> {
  await withStore(flags.database, async (store) => {
    const removed = await unshareStream(store.db, { communityId: flags.community, tenantId: flags.tenant, namespaceId: flags.namespace, streamId: flags.stream });
    process.stdout.write(`stream ${flags.stream} of ${flags.tenant}/${flags.namespace} ${removed ? 'no longer shared into' : 'was not shared into'} community ${flags.community}\n`);
  });
}
