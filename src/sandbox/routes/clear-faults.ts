import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { sandboxOf } from './sandbox-of.js';

/** DELETE /_signups/v1/faults: removes every fault. */
export const clearFaults = operationOf<operations>()('clearFaults', [], async (_request, reply, app) => {
  sandboxOf(app).faults.clear();
  return reply.code(204).send();
});
