import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { sandboxOf } from './sandbox-of.js';

/** DELETE /_signups/v1/requests: empties the request journal. */
export const clearRequests = operationOf<operations>()('clearRequests', [], async (_request, reply, app) => {
  sandboxOf(app).journal.clear();
  return reply.code(204).send();
});
