import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getStreamAccessControl as readAcl } from '../streams.js';
import { callOf } from './scope.js';

/** GET …/Streams/{streamId}/AccessControl. */
export const getStreamAccessControl = operationOf<operations>()('getStreamAccessControl', [], async (request, _reply, app) => {
  return readAcl(app.store.db, callOf(request), request.params.streamId);
});
