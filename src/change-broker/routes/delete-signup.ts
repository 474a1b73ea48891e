import type { operations } from '../../openapi-types/change-broker-v1.js';
import { operationOf } from '../../server/route-module.js';
import { deleteCallersSignup } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** DELETE …/signups/{signupId}. */
export const deleteSignup = operationOf<operations>()('deleteSignup', [], async (request, reply, app) => {
  await deleteCallersSignup(changeBrokerContext(app), callerRef(request), request.params.signupId);
  return reply.code(204).send();
});
