import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { deleteStream as removeStream } from '../streams.js';
import { scopeOf } from './scope.js';

/** DELETE …/Streams/{streamId}. */
export const deleteStream = operationOf<operations>()('deleteStream', [], async (request, reply, app) => {
  const { scope, who } = await scopeOf(app, request);
  await removeStream(app.store.db, scope, request.params.streamId, who);
  return reply.code(204).send();
});
