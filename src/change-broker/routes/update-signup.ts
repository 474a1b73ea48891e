import type { operations } from '../../openapi-types/change-broker-v1.js';
import { operationOf } from '../../server/route-module.js';
import { toSignup } from '../representation.js';
import { renameCallersSignup } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** PUT …/signups/{signupId}: renames the signup. */
export const updateSignup = operationOf<operations>()('updateSignup', [], async (request, _reply, app) => toSignup(await renameCallersSignup(changeBrokerContext(app), callerRef(request), request.params.signupId, request.body.Name)));
