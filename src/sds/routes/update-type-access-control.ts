import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { setTypeAccessControl } from '../types.js';
import { callOf } from './scope.js';

/** PUT …/Types/{typeId}/AccessControl. */
export const updateTypeAccessControl = operationOf<operations>()('updateTypeAccessControl', [], async (request, reply, app) => {
  await setTypeAccessControl(app.store.db, callOf(request), request.params.typeId, request.body);
  return reply.code(204).send();
});
