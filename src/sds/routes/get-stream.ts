import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { readStream } from '../streams.js';
import { scopeOf } from './scope.js';

/** GET …/Streams/{streamId}. */
export const getStream = operationOf<operations>()('getStream', [], async (request, _reply, app) => {
  const { scope, who } = await scopeOf(app, request);
  return readStream(app.store.db, scope, request.params.streamId, who);
});
