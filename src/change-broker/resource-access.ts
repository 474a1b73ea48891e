import { accessibleStreams } from '../sds/access.js';
import type { CbSignupRow } from '../store/schema.js';
import { sharedStreams } from './communities.js';
import type { ChangeBrokerContext } from './context.js';
import { ownerOf } from './owner.js';

/**
 * The subset of `streamIds` the signup may deliver: for a signup of a community, the streams shared into it (while
 * its owner's tenant is a member); otherwise the streams its owner may read under the streams' access control.
 */
export async function readableResources(ctx: ChangeBrokerContext, signup: CbSignupRow, streamIds: readonly string[]): Promise<Set<string>> {
  if (signup.community_id === null) return accessibleStreams(ctx.db, signup.tenant_id, signup.namespace_id, ownerOf(signup), streamIds);
  return sharedStreams(ctx.db, {
    communityId: signup.community_id,
    readerTenantId: signup.owner_tenant_id,
    tenantId: signup.tenant_id,
    namespaceId: signup.namespace_id,
    streamIds,
  });
}
