import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getStreamOwner as readOwner } from '../streams.js';
import { callOf } from './scope.js';

/** GET …/Streams/{streamId}/AccessControl/Owner. */
export const getStreamOwner = operationOf<operations>()('getStreamOwner', [], async (request, _reply, app) => {
  return readOwner(app.store.db, callOf(request), request.params.streamId);
});
