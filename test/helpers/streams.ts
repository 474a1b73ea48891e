import type { AccessControlList, Trustee } from '../../src/sds/access.js';
import type { TestServer } from './server.js';

export interface StreamRowFields {
  tenantId: string;
  namespaceId: string;
  id: string;
  typeId: string;
  /** The stored definition, as JSON text. */
  definition: string;
  owner: Trustee;
  acl: AccessControlList;
}

/**
 * A stream row written straight to the store, stamped with the test clock: for tests that need streams with given
 * owners and ACLs without going through the SDS routes.
 */
export async function insertStreamRow(s: TestServer, stream: StreamRowFields): Promise<void> {
  const now = s.clock.now().toISOString();
  await s.store.db
    .insertInto('sds_streams')
    .values({
      tenant_id: stream.tenantId,
      namespace_id: stream.namespaceId,
      id: stream.id,
      type_id: stream.typeId,
      definition: stream.definition,
      owner_type: stream.owner.Type,
      owner_object_id: stream.owner.ObjectId,
      owner_tenant_id: stream.owner.TenantId,
      acl: JSON.stringify(stream.acl),
      created_at: now,
      modified_at: now,
    })
    .execute();
}
