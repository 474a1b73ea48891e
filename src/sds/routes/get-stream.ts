import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { readStream } from '../streams.js';
import { callOf } from './scope.js';

/** GET …/Streams/{streamId}. */
export const getStream = operationOf<operations>()('getStream', [], async (request, _reply, app) => {
  return readStream(app.store.db, callOf(request), request.params.streamId);
});
