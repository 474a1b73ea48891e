import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getType as readType } from '../types.js';
import { scopeOf } from './scope.js';

/** GET …/Types/{typeId}. */
export const getType = operationOf<operations>()('getType', [], async (request, _reply, app) => {
  const { scope, who } = await scopeOf(app, request);
  return readType(app.store.db, scope.tenantId, scope.namespaceId, request.params.typeId, who);
});
