import type { operations } from '../../openapi-types/change-broker-push-v1.js';
import { operationOf } from '../../server/route-module.js';
import { webhookDeliveries } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** GET …/signups/{signupId}/webhooks/{webhookId}/deliveries: the latest delivery attempts. */
export const getWebhookDeliveries = operationOf<operations>()('getWebhookDeliveries', ['skip', 'count'], async (request, _reply, app) => {
  const { skip, count } = request.query;
  return { deliveries: await webhookDeliveries(changeBrokerContext(app), callerRef(request), request.params.signupId, request.params.webhookId, { skip, count }) };
});
