import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getStreamOwner as readOwner } from '../streams.js';
import { scopeOf } from './scope.js';

/** GET …/Streams/{streamId}/AccessControl/Owner. */
export const getStreamOwner = operationOf<operations>()('getStreamOwner', [], async (request, _reply, app) => {
  const { scope, who } = await scopeOf(app, request);
  return readOwner(app.store.db, scope, request.params.streamId, who);
});
