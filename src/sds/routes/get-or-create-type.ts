import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getOrCreateType as getOrCreate } from '../types.js';
import { found, callOf } from './scope.js';

/** POST …/Types/{typeId}: creates the type, or finds an identical one (302). */
export const getOrCreateType = operationOf<operations>()('getOrCreateType', [], async (request, reply, app) => {
  const { type, created } = await getOrCreate(app.store.db, app.clock, callOf(request), request.params.typeId, request.body);
  return created ? reply.code(201).send(type) : found(app, request, reply, type);
});
