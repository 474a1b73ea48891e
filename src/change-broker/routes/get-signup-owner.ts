import type { operations } from '../../openapi-types/change-broker-v1.js';
import { operationOf } from '../../server/route-module.js';
import { ownerOf } from '../owner.js';
import { callersSignup } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** GET …/signups/{signupId}/owner: the trustee that owns the signup. */
export const getSignupOwner = operationOf<operations>()('getSignupOwner', [], async (request, _reply, app) => ownerOf(await callersSignup(changeBrokerContext(app), callerRef(request), request.params.signupId, { touch: false })));
