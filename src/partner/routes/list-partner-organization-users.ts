import type { operations } from '../../openapi-types/partner-extensions-v1.js';
import { operationOf } from '../../server/route-module.js';
import { listOrganizationUsers } from '../organization-users.js';
import { toOrganizationUserList } from '../representation.js';
import { partnerContext } from './context.js';

/** GET /_signups/v1/partner/organizations/{id}/users: an organization's users and whether its signup is complete. */
export const listPartnerOrganizationUsers = operationOf<operations>()('listPartnerOrganizationUsers', [], async (request, _reply, app) =>
  toOrganizationUserList(await listOrganizationUsers(partnerContext(app, request), request.params.id)),
);
