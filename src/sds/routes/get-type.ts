import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getType as readType } from '../types.js';
import { callOf } from './scope.js';

/** GET …/Types/{typeId}. */
export const getType = operationOf<operations>()('getType', [], async (request, _reply, app) => {
  return readType(app.store.db, callOf(request), request.params.typeId);
});
