import type { operations } from '../../openapi-types/change-broker-v1.js';
import { operationOf } from '../../server/route-module.js';
import { toSignup } from '../representation.js';
import { signupWithBookmark } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** GET …/signups/{signupId}: the signup, the bookmark its updates start from and its consumer lag. */
export const getSignupById = operationOf<operations>()('getSignupById', [], async (request, _reply, app) => {
  const { signup, bookmark, consumerLag } = await signupWithBookmark(changeBrokerContext(app), callerRef(request), request.params.signupId);
  return { ...toSignup(signup), bookmark, consumerLag };
});
