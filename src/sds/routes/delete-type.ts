import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { deleteType as removeType } from '../types.js';
import { callOf } from './scope.js';

/** DELETE …/Types/{typeId}: refused while a stream uses it. */
export const deleteType = operationOf<operations>()('deleteType', [], async (request, reply, app) => {
  await removeType(app.store.db, callOf(request), request.params.typeId);
  return reply.code(204).send();
});
