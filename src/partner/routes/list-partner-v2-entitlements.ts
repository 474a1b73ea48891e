import type { operations } from '../../openapi-types/partner-v2.js';
import { operationOf } from '../../server/route-module.js';
import { listEntitlements } from '../entitlements.js';
import { toEntitlementList } from '../representation.js';
import { partnerContext } from './context.js';

/** GET /partner/v2/entitlements: the partner's entitlements, optionally of one organization, a page at a time. */
export const listPartnerV2Entitlements = operationOf<operations>()('listPartnerV2Entitlements', ['page_size'], async (request, _reply, app) => {
  const { query } = request;
  const page = await listEntitlements(partnerContext(app, request), {
    pageSize: query.page_size,
    ...(query['organization.id'] !== undefined ? { organizationId: query['organization.id'] } : {}),
    ...(query.page_token !== undefined ? { pageToken: query.page_token } : {}),
  });
  return toEntitlementList(page, app.baseUrl(request), query);
});
