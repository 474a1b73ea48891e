import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';

export interface PartnerContext {
  db: Db;
  clock: Clock;
  /** The partner acting: the OAuth client id of the caller. */
  partnerId: string;
}

export interface SsoConfig {
  kind: 'AzureSSOConfig';
  tenant_id: string;
}

export interface OrganizationInput {
  name?: string;
  sso_config: SsoConfig;
}

export interface UserInput {
  given_name: string;
  family_name: string;
  email: string;
}

export interface EntitlementDetailsInput {
  external_id: string;
  name: string;
  plan_id: string;
  product_id: string;
  usage_reporting_id?: string;
  resource_id?: string;
  organization?: { related: string };
}

export interface EntitlementReferenceInput {
  related: string;
}

export type EntitlementInput = EntitlementDetailsInput | EntitlementReferenceInput;

export const isReference = (e: EntitlementInput): e is EntitlementReferenceInput => !('external_id' in e);
