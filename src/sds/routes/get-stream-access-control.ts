import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { getStreamAccessControl as readAcl } from '../streams.js';
import { scopeOf } from './scope.js';

/** GET …/Streams/{streamId}/AccessControl. */
export const getStreamAccessControl = operationOf<operations>()('getStreamAccessControl', [], async (request, _reply, app) => {
  const { scope, who } = await scopeOf(app, request);
  return readAcl(app.store.db, scope, request.params.streamId, who);
});
