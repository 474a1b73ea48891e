import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { deleteType as removeType } from '../types.js';
import { scopeOf } from './scope.js';

/** DELETE …/Types/{typeId}: refused while a stream uses it. */
export const deleteType = operationOf<operations>()('deleteType', [], async (request, reply, app) => {
  const { scope, who } = await scopeOf(app, request);
  await removeType(app.store.db, scope.tenantId, scope.namespaceId, request.params.typeId, who);
  return reply.code(204).send();
});
