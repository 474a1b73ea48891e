import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { removeEvents } from '../remove-events.js';
import { scopeOf } from './scope.js';

/** DELETE …/Streams/{streamId}/Data: removes events by index or by window. */
export const removeValues = operationOf<operations>()('removeValues', [], async (request, reply, app) => {
  const { scope, who } = await scopeOf(app, request);
  await removeEvents(app.store.db, app.clock, scope, request.params.streamId, who, request.query);
  return reply.code(204).send();
});
