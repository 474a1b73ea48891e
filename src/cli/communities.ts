import { createCommunity, shareStream, unshareStream } from '../change-broker/communities.js';
import { systemClock } from '../store/clock.js';
import { withStore } from './with-store.js';

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

export async function createCommunityCommand(flags: CommunitiesCreateFlags): Promise<void> {
  await withStore(flags, async (store) => {
    const outcome = await createCommunity(store.db, systemClock, flags.id, flags.tenant);
    const members = outcome.added.length > 0 ? `; members added: ${outcome.added.join(', ')}` : '; no new members';
    process.stdout.write(`community ${flags.id} ${outcome.created ? 'created' : 'already exists'}${members}\n`);
  });
}

export async function shareCommand(flags: CommunitiesShareFlags): Promise<void> {
  await withStore(flags, async (store) => {
    const shared = await shareStream(store.db, systemClock, { communityId: flags.community, tenantId: flags.tenant, namespaceId: flags.namespace, streamId: flags.stream });
    process.stdout.write(`stream ${flags.stream} of ${flags.tenant}/${flags.namespace} ${shared ? 'shared into' : 'was already shared into'} community ${flags.community}\n`);
  });
}

export async function unshareCommand(flags: CommunitiesShareFlags): Promise<void> {
  await withStore(flags, async (store) => {
    const removed = await unshareStream(store.db, { communityId: flags.community, tenantId: flags.tenant, namespaceId: flags.namespace, streamId: flags.stream });
    process.stdout.write(`stream ${flags.stream} of ${flags.tenant}/${flags.namespace} ${removed ? 'no longer shared into' : 'was not shared into'} community ${flags.community}\n`);
  });
}
