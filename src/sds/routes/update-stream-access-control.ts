import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { setStreamAccessControl } from '../streams.js';
import { callOf } from './scope.js';

/** PUT …/Streams/{streamId}/AccessControl. */
export const updateStreamAccessControl = operationOf<operations>()('updateStreamAccessControl', [], async (request, reply, app) => {
  await setStreamAccessControl(app.store.db, callOf(request), request.params.streamId, request.body);
  return reply.code(204).send();
});
