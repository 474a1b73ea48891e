import type { operations } from '../../openapi-types/change-broker-v1.js';
import { operationOf } from '../../server/route-module.js';
import { toUpdatesAnswer } from '../representation.js';
import { updatesAfter } from '../signup-calls.js';
import { callerRef, changeBrokerContext } from './caller.js';

/** GET …/signups/{signupId}/updates: the changes after a bookmark, and the bookmark to come back with. */
export const getUpdates = operationOf<operations>()('getUpdates', [], async (request, reply, app) => {
  const page = await updatesAfter(changeBrokerContext(app), callerRef(request), request.params.signupId, request.query.bookmark);
  return reply.type('application/json; charset=utf-8').send(toUpdatesAnswer(page.updates, page.bookmark));
});
