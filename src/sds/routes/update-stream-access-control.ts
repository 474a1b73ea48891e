import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { setStreamAccessControl } from '../streams.js';
import { scopeOf } from './scope.js';

/** PUT …/Streams/{streamId}/AccessControl. */
export const updateStreamAccessControl = operationOf<operations>()('updateStreamAccessControl', [], async (request, reply, app) => {
  const { scope, who } = await scopeOf(app, request);
  await setStreamAccessControl(app.store.db, scope, request.params.streamId, request.body, who);
  return reply.code(204).send();
});
