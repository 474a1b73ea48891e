import type { Db } from './database.js';
import type { OrganizationRow, UserRow } from './schema.js';

export interface OrganizationWithUsers {
  organization: OrganizationRow;
  /** Oldest first. */
  users: UserRow[];
}

/**
 * An organization that the partner signed up or linked, with its users, read in one statement so that the users
 * and the organization's completion (`activated_at`) are one state: an activation commits both at once.
 * Undefined when the partner has no such organization.
 */
export async function readOrganizationWithUsers(db: Db, partnerId: string, organizationId: string): Promise<OrganizationWithUsers | undefined> {
  const rows = await db
    .selectFrom('partner_organizations as po')
    .innerJoin('organizations', 'organizations.id', 'po.organization_id')
    .leftJoin('users', 'users.organization_id', 'organizations.id')
    .selectAll('organizations')
    .select([
      'users.id as user_id',
      'users.given_name as user_given_name',
      'users.family_name as user_family_name',
      'users.email as user_email',
      'users.created_at as user_created_at',
    ])
    .where('po.partner_id', '=', partnerId)
    .where('organizations.id', '=', organizationId)
    .orderBy('users.created_at')
    .orderBy('users.id')
    .execute();
  const [first] = rows;
  if (!first) return undefined;
  const { user_id: _id, user_given_name: _given, user_family_name: _family, user_email: _email, user_created_at: _created, ...organization } = first;
  const users: UserRow[] = [];
  for (const row of rows) {
    if (row.user_id === null || row.user_given_name === null || row.user_family_name === null || row.user_email === null || row.user_created_at === null) continue;
    users.push({
      id: row.user_id,
      organization_id: organization.id,
      given_name: row.user_given_name,
      family_name: row.user_family_name,
      email: row.user_email,
      created_at: row.user_created_at,
    });
  }
  return { organization, users };
}
