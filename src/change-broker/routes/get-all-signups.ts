import type { operations } from '../../openapi-types/change-broker-v1.js';
import { operationOf } from '../../server/route-module.js';
import { toSignup } from '../representation.js';
import { signupsOf } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** GET …/signups: the caller's signups in the namespace; Total-Count tells how many. */
export const getAllSignups = operationOf<operations>()('getAllSignups', ['skip', 'count'], async (request, reply, app) => {
  const page = await signupsOf(changeBrokerContext(app), callerRef(request), request.query);
  return reply.header('total-count', String(page.total)).send({ signups: page.items.map(toSignup) });
});
