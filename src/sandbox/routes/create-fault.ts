import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { sandboxOf } from './sandbox-of.js';

/** POST /_signups/v1/faults: a fault that delays or answers matching requests. */
export const createFault = operationOf<operations>()('createFault', [], async (request, reply, app) => {
  const sandbox = sandboxOf(app);
  const fault = sandbox.faults.add(request.body, sandbox.clock.now().toISOString());
  return reply.code(201).header('location', `/_signups/v1/faults/${fault.id}`).send(fault);
});
