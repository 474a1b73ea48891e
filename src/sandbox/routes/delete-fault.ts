import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { sandboxOf } from './sandbox-of.js';

/** DELETE /_signups/v1/faults/{faultId}. */
export const deleteFault = operationOf<operations>()('deleteFault', [], async (request, reply, app) => {
  sandboxOf(app).faults.remove(request.params.faultId);
  return reply.code(204).send();
});
