import type { Generated, Insertable, Selectable } from 'kysely';

// Timestamps are ISO 8601 UTC strings on both dialects: they sort as text and read back the same everywhere.

export interface SettingsTable {
  key: string;
  value: string;
}

export interface ClientsTable {
  id: string;
  name: string;
  secret_hash: string;
  scopes: string;
  tenant_id: string | null;
  created_at: string;
}

export interface OrganizationsTable {
  id: string;
  name: string | null;
  sso_kind: string;
  sso_tenant_id: string;
  created_by: string;
  activated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PartnerOrganizationsTable {
  seq: Generated<number>;
  partner_id: string;
  organization_id: string;
  created_at: string;
}

export interface EntitlementsTable {
  seq: Generated<number>;
  id: string;
  partner_id: string;
  external_id: string;
  name: string;
  plan_id: string;
  product_id: string;
  usage_reporting_id: string | null;
  resource_id: string | null;
  organization_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  organization_id: string;
  given_name: string;
  family_name: string;
  email: string;
  created_at: string;
}

export interface NamespacesTable {
  tenant_id: string;
  id: string;
  last_change_seq: Generated<number>;
  purged_changes: Generated<number>;
  created_at: string;
}

export interface SdsTypesTable {
  tenant_id: string;
  namespace_id: string;
  id: string;
  /** The type as stored, PascalCase JSON. */
  definition: string;
  key_property: string;
  key_type_code: number;
  created_at: string;
  /** The creator; null for types created before types had access control (every client of the tenant may). */
  owner_type: string | null;
  owner_object_id: string | null;
  owner_tenant_id: string | null;
  /** AccessControlList JSON; null with the owner. */
  acl: string | null;
}

export interface SdsStreamsTable {
  tenant_id: string;
  namespace_id: string;
  id: string;
  type_id: string;
  /** Name, Description and the other stream fields, PascalCase JSON. */
  definition: string;
  owner_type: string;
  owner_object_id: string;
  owner_tenant_id: string | null;
  /** The stream's access control list, PascalCase JSON. */
  acl: string;
  created_at: string;
  modified_at: string;
}

export interface SdsEventsTable {
  tenant_id: string;
  namespace_id: string;
  stream_id: string;
  index_key: string;
  event: string;
}

export interface ChangeLogTable {
  tenant_id: string;
  namespace_id: string;
  seq: number;
  stream_id: string;
  operation: 'Insert' | 'Update' | 'Replace' | 'Remove' | 'RemoveWindow';
  /** The events as written (index-only for removals), JSON array. */
  events: string;
  created_at: string;
}

export interface CbSignupsTable {
  id: string;
  tenant_id: string;
  namespace_id: string;
  name: string | null;
  owner_type: 'User' | 'Client' | 'Role';
  owner_object_id: string;
  owner_tenant_id: string | null;
  community_id: string | null;
  resource_type: 'Stream';
  state: 'Activating' | 'Active' | 'Expired' | 'Failed';
  start_seq: number | null;
  /** The change number of the last bookmark the consumer came back with: what it has acknowledged. */
  read_seq: number | null;
  activated_at: string | null;
  inactivity_seconds: number;
  created_at: string;
  modified_at: string;
  last_accessed_at: string;
  expires_at: string;
  expired_at: string | null;
}

export interface CbSignupResourcesTable {
  signup_id: string;
  resource_id: string;
  /** 0 or 1 (booleans stored the same way on both dialects). */
  is_accessible: Generated<number>;
  checked: Generated<number>;
  from_seq: number | null;
  added_at: string;
}

export interface CbJobsTable {
  id: string;
  signup_id: string;
  /** `validate` checks a signup's resources (and activates it); `webhook` delivers to the webhook `webhook_id`. */
  kind: Generated<'validate' | 'webhook'>;
  webhook_id: string | null;
  due_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  attempts: Generated<number>;
  created_at: string;
}

export interface CbLeasesTable {
  name: string;
  holder: string;
  until: string;
}

export interface CbCommunitiesTable {
  id: string;
  created_at: string;
}

export interface CbCommunityMembersTable {
  community_id: string;
  /** Lower-cased. */
  tenant_id: string;
  added_at: string;
}

export interface CbCommunitySharesTable {
  community_id: string;
  tenant_id: string;
  namespace_id: string;
  stream_id: string;
  shared_at: string;
}

export interface CbWebhooksTable {
  id: string;
  signup_id: string;
  url: string;
  description: string | null;
  secret: string;
  state: 'Enabled' | 'Disabled';
  disabled_reason: string | null;
  after_seq: number;
  after_valid_from: string;
  pending_message_id: string | null;
  pending_payload: string | null;
  pending_next_seq: number | null;
  pending_next_valid_from: string | null;
  pending_count: number | null;
  attempts: Generated<number>;
  failing_since: string | null;
  created_at: string;
}

export interface CbWebhookAttemptsTable {
  id: string;
  webhook_id: string;
  seq: number;
  message_id: string;
  attempt: number;
  attempted_at: string;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  update_count: number;
}

export interface Database {
  cb_webhooks: CbWebhooksTable;
  cb_webhook_attempts: CbWebhookAttemptsTable;
  cb_communities: CbCommunitiesTable;
  cb_community_members: CbCommunityMembersTable;
  cb_community_shares: CbCommunitySharesTable;
  cb_signups: CbSignupsTable;
  cb_signup_resources: CbSignupResourcesTable;
  cb_jobs: CbJobsTable;
  cb_leases: CbLeasesTable;
  namespaces: NamespacesTable;
  sds_types: SdsTypesTable;
  sds_streams: SdsStreamsTable;
  sds_events: SdsEventsTable;
  change_log: ChangeLogTable;
  settings: SettingsTable;
  clients: ClientsTable;
  organizations: OrganizationsTable;
  partner_organizations: PartnerOrganizationsTable;
  entitlements: EntitlementsTable;
  users: UsersTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type EntitlementRow = Selectable<EntitlementsTable>;
export type CbSignupRow = Selectable<CbSignupsTable>;
