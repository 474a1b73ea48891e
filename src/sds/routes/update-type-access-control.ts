import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { setTypeAccessControl } from '../types.js';
import { scopeOf } from './scope.js';

/** PUT …/Types/{typeId}/AccessControl. */
export const updateTypeAccessControl = operationOf<operations>()('updateTypeAccessControl', [], async (request, reply, app) => {
  const { scope, who } = await scopeOf(app, request);
  await setTypeAccessControl(app.store.db, scope.tenantId, scope.namespaceId, request.params.typeId, request.body, who);
  return reply.code(204).send();
});
