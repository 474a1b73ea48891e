import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { listTypes } from '../types.js';
import { callOf } from './scope.js';

/** GET …/Types: the types the caller may read, `skip` and `count` at a time. */
export const getTypes = operationOf<operations>()('getTypes', ['skip', 'count'], async (request, _reply, app) => {
  return listTypes(app.store.db, callOf(request), request.query);
});
