import { PartnerError } from './errors.js';
import type { EntitlementDetailsInput, EntitlementInput, OrganizationInput, SsoConfig } from './types.js';

// The documents require these fields through `allOf` (a shared schema plus `required`), which the generated request
// types cannot express; the router's schema check has refused a request without them before these run.

const missing = (pointer: string): PartnerError =>
  new PartnerError('invalid_input', `${pointer} must have required property '${pointer.split('/').pop() ?? ''}'`, { pointer });

/** A signup's or link's organization: its single sign-on configuration is required. */
export function organizationInput(organization: { name?: string; sso_config?: SsoConfig }, pointer = '/organization'): OrganizationInput {
  const { name, sso_config: sso } = organization;
  if (!sso) throw missing(`${pointer}/sso_config`);
  return name === undefined ? { sso_config: sso } : { name, sso_config: sso };
}

interface EntitlementWire {
  external_id?: string;
  name?: string;
  plan_id?: string;
  product_id?: string;
  usage_reporting_id?: string;
  resource_id?: string;
  organization?: { related: string };
}

/** A new entitlement's details: external id, name, plan and product are required. */
export function entitlementDetails(entitlement: EntitlementWire, pointer = ''): EntitlementDetailsInput {
  const { external_id, name, plan_id, product_id, usage_reporting_id, resource_id, organization } = entitlement;
  if (external_id === undefined) throw missing(`${pointer}/external_id`);
  if (name === undefined) throw missing(`${pointer}/name`);
  if (plan_id === undefined) throw missing(`${pointer}/plan_id`);
  if (product_id === undefined) throw missing(`${pointer}/product_id`);
  return {
    external_id,
    name,
    plan_id,
    product_id,
    ...(usage_reporting_id !== undefined ? { usage_reporting_id } : {}),
    ...(resource_id !== undefined ? { resource_id } : {}),
    ...(organization !== undefined ? { organization } : {}),
  };
}

const isReferenceWire = (entitlement: EntitlementWire | { related: string }): entitlement is { related: string } => !('external_id' in entitlement);

/** A signup's entitlement: new details, or a reference (`related`) to one created before. */
export function entitlementInput(entitlement: EntitlementWire | { related: string }, pointer = '/entitlement'): EntitlementInput {
  return isReferenceWire(entitlement) ? { related: entitlement.related } : entitlementDetails(entitlement, pointer);
}
