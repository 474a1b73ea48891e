import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { deleteStream as removeStream } from '../streams.js';
import { callOf } from './scope.js';

/** DELETE …/Streams/{streamId}. */
export const deleteStream = operationOf<operations>()('deleteStream', [], async (request, reply, app) => {
  await removeStream(app.store.db, callOf(request), request.params.streamId);
  return reply.code(204).send();
});
