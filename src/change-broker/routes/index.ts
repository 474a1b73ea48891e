import type { RouteModule } from '../../server/route-module.js';
import { createSignup } from './create-signup.js';
import { createWebhook } from './create-webhook.js';
import { deleteSignup } from './delete-signup.js';
import { deleteWebhook } from './delete-webhook.js';
import { getAllSignups } from './get-all-signups.js';
import { getSignupById } from './get-signup-by-id.js';
import { getSignupOwner } from './get-signup-owner.js';
import { getSignupResources } from './get-signup-resources.js';
import { getUpdates } from './get-updates.js';
import { getWebhookDeliveries } from './get-webhook-deliveries.js';
import { getWebhooks } from './get-webhooks.js';
import { streamUpdates } from './stream-updates.js';
import { updateSignup } from './update-signup.js';
import { updateSignupResources } from './update-signup-resources.js';

export const changeBrokerRoutes: readonly RouteModule[] = [
  getAllSignups,
  createSignup,
  getSignupById,
  updateSignup,
  deleteSignup,
  getSignupOwner,
  getSignupResources,
  updateSignupResources,
  getUpdates,
  createWebhook,
  getWebhooks,
  deleteWebhook,
  getWebhookDeliveries,
  streamUpdates,
];
