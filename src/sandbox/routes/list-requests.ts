import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { sandboxOf } from './sandbox-of.js';

/** GET /_signups/v1/requests: the request journal, newest first, filtered. */
export const listRequests = operationOf<operations>()('listRequests', ['limit'], async (request, _reply, app) => {
  const { journal } = sandboxOf(app);
  return { requests: journal.list(request.query), size: journal.size, capacity: journal.capacity };
});
