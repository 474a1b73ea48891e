import type { operations } from '../../openapi-types/change-broker-push-v1.js';
import { operationOf } from '../../server/route-module.js';
import { addWebhook } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** POST …/signups/{signupId}/webhooks: signed deliveries of the signup's updates to a URL. */
export const createWebhook = operationOf<operations>()('createWebhook', [], async (request, reply, app) => {
  const { url, description } = request.body;
  const created = await addWebhook(changeBrokerContext(app), callerRef(request), request.params.signupId, { url, description: description ?? null });
  return reply.code(201).send(created);
});
