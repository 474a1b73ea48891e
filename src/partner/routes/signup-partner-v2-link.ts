import type { operations } from '../../openapi-types/partner-v2.js';
import { operationOf } from '../../server/route-module.js';
import { entitlementInput, organizationInput } from '../input.js';
import { toSignupAnswer } from '../representation.js';
import { linkSignup } from '../signup.js';
import { partnerContext } from './context.js';

/** POST /partner/v2/signup/link: a new purchase linked to an existing organization with a link token. */
export const signupPartnerV2Link = operationOf<operations>()('signupPartnerV2Link', [], async (request, reply, app) => {
  const { token, organization, entitlement } = request.body;
  const input = { token, organization: organizationInput(organization), entitlement: entitlementInput(entitlement) };
  const outcome = await linkSignup(partnerContext(app, request), app.linkTokens, input, { dryRun: request.query.dry_run ?? false });
  return reply.code(201).send(toSignupAnswer(outcome, app.config.ssoBaseUrl));
});
