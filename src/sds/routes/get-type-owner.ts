import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getTypeOwner as readOwner } from '../types.js';
import { callOf } from './scope.js';

/** GET …/Types/{typeId}/AccessControl/Owner. */
export const getTypeOwner = operationOf<operations>()('getTypeOwner', [], async (request, _reply, app) => {
  return readOwner(app.store.db, callOf(request), request.params.typeId);
});
