import type { AppContext } from '../app-context.js';

/** Handlers of the Change Broker signups and updates, bound by operationId. */
export function changeBrokerHandlers(_app: AppContext) {
  return {};
}
