import type { operations } from '../../openapi-types/partner-v2.js';
import { operationOf } from '../../server/route-module.js';
import { toActivationAnswer } from '../representation.js';
import { activateSignup as activate } from '../signup.js';
import { partnerContext } from './context.js';

/** POST /partner/v2/signup/activate: completes an incomplete signup with its first user. */
export const activateSignup = operationOf<operations>()('activateSignup', [], async (request, reply, app) => {
  const organization = await activate(partnerContext(app, request), { organizationId: request.body.organization_id, user: request.body.user });
  return reply.code(201).send(toActivationAnswer(organization, app.config.ssoBaseUrl));
});
