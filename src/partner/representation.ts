import type { EntitlementRow, OrganizationRow } from '../store/schema.js';
import type { Page } from './paging.js';
import { encodePageToken } from './paging.js';
import type { OrganizationUsers } from './organization-users.js';
import { ACTIVATED_MESSAGE, displayMessage, type SignupOutcome } from './signup.js';

export const entitlementUrl = (base: string, id: string): string => `${base}/partner/v2/entitlements/${encodeURIComponent(id)}`;
export const organizationUrl = (base: string, id: string): string => `${base}/partner/v2/organizations/${encodeURIComponent(id)}`;
/** The id in a partner/v2 resource URL (`…/partner/v2/{collection}/{id}`, any host), or null if it is not one. */
export function idFromUrl(url: string, collection: 'entitlements' | 'organizations'): string | null {
  try {
    const match = new RegExp(`/partner/v2/${collection}/([^/]+)/?$`).exec(new URL(url).pathname);
    return match?.[1] ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

const organizationCrn = (id: string): string => `crn://confluent.cloud/organization=${id}`;

export function ssoUrl(ssoBaseUrl: string, organizationId: string): string {
  return `${ssoBaseUrl.replace(/\/+$/, '')}/AzureAD-OIDC-${organizationId}`;
}

export function toEntitlement(row: EntitlementRow, base: string): Record<string, unknown> {
  return {
    api_version: 'partner/v2',
    kind: 'Entitlement',
    id: row.id,
    metadata: {
      self: entitlementUrl(base, row.id),
      resource_name: row.organization_id
        ? `${organizationCrn(row.organization_id)}/entitlement=${row.id}`
        : `crn://confluent.cloud/entitlement=${row.id}`,
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
    external_id: row.external_id,
    name: row.name,
    plan_id: row.plan_id,
    product_id: row.product_id,
    usage_reporting_id: row.usage_reporting_id ?? row.external_id,
    ...(row.resource_id ? { resource_id: row.resource_id } : {}),
    ...(row.organization_id
      ? {
          organization: {
            id: row.organization_id,
            related: organizationUrl(base, row.organization_id),
            resource_name: organizationCrn(row.organization_id),
          },
        }
      : {}),
  };
}

export function toOrganization(row: OrganizationRow, base: string, ssoBaseUrl: string): Record<string, unknown> {
  return {
    api_version: 'partner/v2',
    kind: 'Organization',
    id: row.id,
    metadata: {
      self: organizationUrl(base, row.id),
      resource_name: organizationCrn(row.id),
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
    ...(row.name !== null ? { name: row.name } : {}),
    sso_url: ssoUrl(ssoBaseUrl, row.id),
    sso_config: { kind: row.sso_kind, tenant_id: row.sso_tenant_id },
  };
}

/** `ListMeta` with absolute links that repeat the caller's filters and page size. */
export function listMeta(
  collectionUrl: string,
  query: Record<string, string | number | undefined>,
  page: Page<unknown>,
): Record<string, unknown> {
  const link = (pageToken?: string): string => {
    const url = new URL(collectionUrl);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    if (pageToken) url.searchParams.set('page_token', pageToken);
    return url.toString();
  };
  return {
    first: link(),
    ...(page.nextAfter !== null ? { next: link(encodePageToken(page.nextAfter)) } : {}),
    total_size: page.totalSize,
  };
}

/** The answer to a signup or link: the organization, where its users sign in, and what to tell them. */
export const toSignupAnswer = (outcome: SignupOutcome, ssoBaseUrl: string) => ({
  organization_id: outcome.organization.id,
  sso_url: ssoUrl(ssoBaseUrl, outcome.organization.id),
  display_message: displayMessage(outcome),
});

export const toActivationAnswer = (organization: OrganizationRow, ssoBaseUrl: string) => ({
  organization_id: organization.id,
  sso_url: ssoUrl(ssoBaseUrl, organization.id),
  display_message: ACTIVATED_MESSAGE,
});

/** An `EntitlementList` page whose links repeat the caller's filter and page size. */
export const toEntitlementList = (page: Page<EntitlementRow>, base: string, query: { 'organization.id'?: string | undefined; page_size: number }) => ({
  api_version: 'partner/v2',
  kind: 'EntitlementList',
  metadata: listMeta(`${base}/partner/v2/entitlements`, { 'organization.id': query['organization.id'], page_size: query.page_size }, page),
  data: page.items.map((row) => toEntitlement(row, base)),
});

export const toOrganizationList = (page: Page<OrganizationRow>, base: string, ssoBaseUrl: string, pageSize: number) => ({
  api_version: 'partner/v2',
  kind: 'OrganizationList',
  metadata: listMeta(`${base}/partner/v2/organizations`, { page_size: pageSize }, page),
  data: page.items.map((row) => toOrganization(row, base, ssoBaseUrl)),
});

/** An `OrganizationUserList` (partner-extensions-v1.yaml): the users and whether the signup is complete. */
export const toOrganizationUserList = ({ organization, users, signupComplete }: OrganizationUsers) => ({
  kind: 'OrganizationUserList',
  organization_id: organization.id,
  signup_complete: signupComplete,
  completed_at: organization.activated_at,
  data: users.map((user) => ({ id: user.id, given_name: user.given_name, family_name: user.family_name, email: user.email, created_at: user.created_at })),
});
