import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getTypeAccessControl as readAcl } from '../types.js';
import { callOf } from './scope.js';

/** GET …/Types/{typeId}/AccessControl. */
export const getTypeAccessControl = operationOf<operations>()('getTypeAccessControl', [], async (request, _reply, app) => {
  return readAcl(app.store.db, callOf(request), request.params.typeId);
});
