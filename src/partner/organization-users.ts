import { readOrganizationWithUsers } from '../store/organization-users.js';
import type { OrganizationRow, UserRow } from '../store/schema.js';
import { notFound } from './errors.js';
import type { PartnerContext } from './types.js';

export interface OrganizationUsers {
  organization: OrganizationRow;
  users: UserRow[];
  /** The signup has its first user: given with the signup, or added by its activation. */
  signupComplete: boolean;
}

/** The users of one of the partner's organizations and whether its signup is complete; others' organizations do not exist for it. */
export async function listOrganizationUsers(ctx: PartnerContext, organizationId: string): Promise<OrganizationUsers> {
  const found = await readOrganizationWithUsers(ctx.db, ctx.partnerId, organizationId);
  if (!found) throw notFound('organization', organizationId);
  return { ...found, signupComplete: found.organization.activated_at !== null };
}
