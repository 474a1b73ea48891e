import type { operations } from '../../openapi-types/change-broker-v1.js';
import { operationOf } from '../../server/route-module.js';
import { signupResources } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** GET …/signups/{signupId}/resources: the resources, optionally only the accessible or inaccessible ones. */
export const getSignupResources = operationOf<operations>()('getSignupResources', ['skip', 'count'], async (request, reply, app) => {
  const { skip, count, resourceFilter } = request.query;
  const page = await signupResources(changeBrokerContext(app), callerRef(request), request.params.signupId, { skip, count, filter: resourceFilter ?? 'All' });
  return reply.header('total-count', String(page.total)).send({ resources: page.items });
});
