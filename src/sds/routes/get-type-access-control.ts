import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getTypeAccessControl as readAcl } from '../types.js';
import { scopeOf } from './scope.js';

/** GET …/Types/{typeId}/AccessControl. */
export const getTypeAccessControl = operationOf<operations>()('getTypeAccessControl', [], async (request, _reply, app) => {
  const { scope, who } = await scopeOf(app, request);
  return readAcl(app.store.db, scope.tenantId, scope.namespaceId, request.params.typeId, who);
});
