import type { FastifyReply, FastifyRequest } from 'fastify';
import { ownSignup } from '../../change-broker/signups.js';
import { webhookTargets } from '../../change-broker/webhook-delivery.js';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from '../../change-broker/webhooks.js';
import { kickBackgroundWork } from '../../change-broker/worker.js';
import type { AppContext } from '../app-context.js';
import { callerOf, changeBrokerContext, signupIdOf } from './change-broker.js';

/** Webhooks of a signup: the owner's, under the same tenant and community rules as the signup's other routes. */
export function webhookHandlers(app: AppContext) {
  const ctx = changeBrokerContext(app);
  const signupOf = async (request: FastifyRequest) => ownSignup(ctx, await callerOf(ctx, request), signupIdOf(request), { touch: false });
  const webhookIdOf = (request: FastifyRequest) => (request.params as { webhookId: string }).webhookId;

  return {
    async createWebhook(request: FastifyRequest, reply: FastifyReply) {
      const body = request.body as { url: string; description?: string | null };
      const created = await createWebhook(ctx, webhookTargets(ctx.config), await signupOf(request), { url: body.url, description: body.description ?? null });
      kickBackgroundWork(ctx.db);
      return reply.code(201).send(created);
    },

    async getWebhooks(request: FastifyRequest) {
      return { webhooks: await listWebhooks(ctx, await signupOf(request)) };
    },

    async deleteWebhook(request: FastifyRequest, reply: FastifyReply) {
      await deleteWebhook(ctx, await signupOf(request), webhookIdOf(request));
      return reply.code(204).send();
    },

    async getWebhookDeliveries(request: FastifyRequest) {
      const { skip, count } = request.query as { skip: number; count: number };
      return { deliveries: await listDeliveries(ctx, await signupOf(request), webhookIdOf(request), { skip, count }) };
    },
  };
}
