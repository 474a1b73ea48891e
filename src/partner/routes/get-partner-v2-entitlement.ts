import type { operations } from '../../openapi-types/partner-v2.js';
import { operationOf } from '../../server/route-module.js';
import { getEntitlement } from '../entitlements.js';
import { toEntitlement } from '../representation.js';
import { partnerContext } from './context.js';

/** GET /partner/v2/entitlements/{id}: one of the partner's entitlements, optionally only in an organization. */
export const getPartnerV2Entitlement = operationOf<operations>()('getPartnerV2Entitlement', [], async (request, _reply, app) =>
  toEntitlement(await getEntitlement(partnerContext(app, request), request.params.id, request.query['organization.id']), app.baseUrl(request)),
);
