import type { operations } from '../../openapi-types/partner-v2.js';
import { operationOf } from '../../server/route-module.js';
import { createEntitlement } from '../entitlements.js';
import { entitlementDetails } from '../input.js';
import { entitlementUrl, toEntitlement } from '../representation.js';
import { partnerContext } from './context.js';

/** POST /partner/v2/entitlements: an entitlement that a later signup can reference. */
export const createPartnerV2Entitlement = operationOf<operations>()('createPartnerV2Entitlement', [], async (request, reply, app) => {
  const row = await createEntitlement(partnerContext(app, request), entitlementDetails(request.body));
  const base = app.baseUrl(request);
  return reply.code(201).header('location', entitlementUrl(base, row.id)).send(toEntitlement(row, base));
});
