import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { createOrUpdateStream as createOrUpdate } from '../streams.js';
import { callOf } from './scope.js';

/** PUT …/Streams/{streamId}: creates the stream (201) or updates it (204). */
export const createOrUpdateStream = operationOf<operations>()('createOrUpdateStream', [], async (request, reply, app) => {
  const { stream, created } = await createOrUpdate(app.store.db, app.clock, callOf(request), request.params.streamId, request.body);
  return created ? reply.code(201).send(stream) : reply.code(204).send();
});
