import { randomUUID } from 'node:crypto';

export const ssoConfig = (tenant = 'b3a17773-05cc-4431-9560-433fb4613da8') => ({ kind: 'AzureSSOConfig', tenant_id: tenant });

export const entitlementDetails = (externalId = `ext-${randomUUID()}`) => ({
  external_id: externalId,
  name: 'Acme Prod Entitlement',
  plan_id: 'confluent-cloud-payg-prod',
  product_id: 'confluent-cloud-kafka-service-azure',
});

export const user = (email = `ada-${randomUUID().slice(0, 8)}@example.com`) => ({ given_name: 'Ada', family_name: 'Lovelace', email });

/** A complete signup request body as the documentation shows it. */
export function signupBody(options: { externalId?: string; withUser?: boolean; name?: string; tenant?: string } = {}) {
  return {
    organization: { name: options.name ?? 'Acme Organization', sso_config: ssoConfig(options.tenant) },
    entitlement: entitlementDetails(options.externalId),
    ...(options.withUser === false ? {} : { user: user() }),
  };
}
