import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { removeEvents } from '../remove-events.js';
import { callOf } from './scope.js';

/** DELETE …/Streams/{streamId}/Data: removes events by index or by window. */
export const removeValues = operationOf<operations>()('removeValues', [], async (request, reply, app) => {
  await removeEvents(app.store.db, app.clock, callOf(request), request.params.streamId, request.query);
  return reply.code(204).send();
});
