import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getOrCreateStream as getOrCreate } from '../streams.js';
import { found, callOf } from './scope.js';

/** POST …/Streams/{streamId}: creates the stream, or finds an identical one (302). */
export const getOrCreateStream = operationOf<operations>()('getOrCreateStream', [], async (request, reply, app) => {
  const { stream, created } = await getOrCreate(app.store.db, app.clock, callOf(request), request.params.streamId, request.body);
  return created ? reply.code(201).send(stream) : found(app, request, reply, stream);
});
