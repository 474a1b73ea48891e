import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getTypeOwner as readOwner } from '../types.js';
import { scopeOf } from './scope.js';

/** GET …/Types/{typeId}/AccessControl/Owner. */
export const getTypeOwner = operationOf<operations>()('getTypeOwner', [], async (request, _reply, app) => {
  const { scope, who } = await scopeOf(app, request);
  return readOwner(app.store.db, scope.tenantId, scope.namespaceId, request.params.typeId, who);
});
