import type { operations } from '../../openapi-types/change-broker-v1.js';
import { operationOf } from '../../server/route-module.js';
import { toSignup } from '../representation.js';
import { startSignup } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** POST …/signups: 202 and an Activating signup while background work checks access to each resource. */
export const createSignup = operationOf<operations>()('createSignup', [], async (request, reply, app) => {
  const { Name, ResourceIds, InactivityPeriodSeconds } = request.body;
  const row = await startSignup(changeBrokerContext(app), callerRef(request), {
    name: Name ?? null,
    resourceIds: ResourceIds,
    ...(InactivityPeriodSeconds !== undefined ? { inactivitySeconds: InactivityPeriodSeconds } : {}),
  });
  return reply.code(202).send(toSignup(row));
});
