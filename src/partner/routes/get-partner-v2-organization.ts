import type { operations } from '../../openapi-types/partner-v2.js';
import { operationOf } from '../../server/route-module.js';
import { getOrganization } from '../organizations.js';
import { toOrganization } from '../representation.js';
import { partnerContext } from './context.js';

/** GET /partner/v2/organizations/{id}: an organization the partner signed up or linked. */
export const getPartnerV2Organization = operationOf<operations>()('getPartnerV2Organization', [], async (request, _reply, app) =>
  toOrganization(await getOrganization(partnerContext(app, request), request.params.id), app.baseUrl(request), app.config.ssoBaseUrl),
);
