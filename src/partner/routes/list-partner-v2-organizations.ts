import type { operations } from '../../openapi-types/partner-v2.js';
import { operationOf } from '../../server/route-module.js';
import { listOrganizations } from '../organizations.js';
import { toOrganizationList } from '../representation.js';
import { partnerContext } from './context.js';

/** GET /partner/v2/organizations: the organizations the partner signed up or linked, a page at a time. */
export const listPartnerV2Organizations = operationOf<operations>()('listPartnerV2Organizations', ['page_size'], async (request, _reply, app) => {
  const { query } = request;
  const page = await listOrganizations(partnerContext(app, request), {
    pageSize: query.page_size,
    ...(query.page_token !== undefined ? { pageToken: query.page_token } : {}),
  });
  return toOrganizationList(page, app.baseUrl(request), app.config.ssoBaseUrl, query.page_size);
});
