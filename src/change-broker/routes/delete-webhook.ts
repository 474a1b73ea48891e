import type { operations } from '../../openapi-types/change-broker-push-v1.js';
import { operationOf } from '../../server/route-module.js';
import { removeWebhook } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** DELETE …/signups/{signupId}/webhooks/{webhookId}. */
export const deleteWebhook = operationOf<operations>()('deleteWebhook', [], async (request, reply, app) => {
  await removeWebhook(changeBrokerContext(app), callerRef(request), request.params.signupId, request.params.webhookId);
  return reply.code(204).send();
});
