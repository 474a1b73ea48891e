import type { operations } from '../../openapi-types/partner-v2.js';
import { operationOf } from '../../server/route-module.js';
import { entitlementInput, organizationInput } from '../input.js';
import { toSignupAnswer } from '../representation.js';
import { signup as signUp } from '../signup.js';
import { partnerContext } from './context.js';

/** POST /partner/v2/signup: organization, entitlement and optionally the first user, in one transaction. */
export const signup = operationOf<operations>()('signup', [], async (request, reply, app) => {
  const { organization, entitlement, user } = request.body;
  const input = { organization: organizationInput(organization), entitlement: entitlementInput(entitlement), ...(user ? { user } : {}) };
  const outcome = await signUp(partnerContext(app, request), input, { dryRun: request.query.dry_run ?? false });
  return reply.code(201).send(toSignupAnswer(outcome, app.config.ssoBaseUrl));
});
