import type { operations } from '../../openapi-types/change-broker-push-v1.js';
import { operationOf } from '../../server/route-module.js';
import { webhooksOf } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** GET …/signups/{signupId}/webhooks. */
export const getWebhooks = operationOf<operations>()('getWebhooks', [], async (request, _reply, app) => ({ webhooks: await webhooksOf(changeBrokerContext(app), callerRef(request), request.params.signupId) }));
