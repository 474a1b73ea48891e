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
  seq: Generated<number>;
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
  seq: Generated<number>;
  id: string;
  organization_id: string;
  given_name: string;
  family_name: string;
  email: string;
  created_at: string;
}

export interface Database {
  settings: SettingsTable;
  clients: ClientsTable;
  organizations: OrganizationsTable;
  partner_organizations: PartnerOrganizationsTable;
  entitlements: EntitlementsTable;
  users: UsersTable;
}

export type ClientRow = Selectable<ClientsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type EntitlementRow = Selectable<EntitlementsTable>;
export type NewEntitlement = Insertable<EntitlementsTable>;
