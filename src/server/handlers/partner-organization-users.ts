import type { FastifyRequest } from 'fastify';
import { listOrganizationUsers } from '../../partner/organization-users.js';
import type { PartnerContext } from '../../partner/types.js';
import type { AppContext } from '../app-context.js';

/** `GET /_signups/v1/partner/organizations/{id}/users` (openapi/partner-extensions-v1.yaml). */
export function listPartnerOrganizationUsersHandler(app: AppContext) {
  return async function listPartnerOrganizationUsers(request: FastifyRequest) {
    const { id } = request.params as { id: string };
    // authorize() ran before the handler, so a principal is present.
    const ctx: PartnerContext = { db: app.store.db, clock: app.clock, partnerId: request.principal?.clientId ?? '' };
    const { organization, users, signupComplete } = await listOrganizationUsers(ctx, id);
    return {
      kind: 'OrganizationUserList',
      organization_id: organization.id,
      signup_complete: signupComplete,
      completed_at: organization.activated_at,
      data: users.map((user) => ({ id: user.id, given_name: user.given_name, family_name: user.family_name, email: user.email, created_at: user.created_at })),
    };
  };
}
