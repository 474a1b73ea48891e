import type { operations } from '../../openapi-types/change-broker-v1.js';
import { operationOf } from '../../server/route-module.js';
import { changeSignupResources } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** POST …/signups/{signupId}/resources: 202, or 207 naming what could not be applied. */
export const updateSignupResources = operationOf<operations>()('updateSignupResources', [], async (request, reply, app) => {
  const { ResourcesToAdd, ResourcesToRemove } = request.body;
  const outcome = await changeSignupResources(changeBrokerContext(app), callerRef(request), request.params.signupId, { add: ResourcesToAdd ?? [], remove: ResourcesToRemove ?? [] });
  if (outcome.invalidToRemove.length > 0 || outcome.failed.length > 0) {
    return reply.code(207).send({ invalidResourcesToRemove: outcome.invalidToRemove, failedResourceIds: outcome.failed });
  }
  return reply.code(202).send();
});
