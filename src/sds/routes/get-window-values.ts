import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { readWindow } from '../data.js';
import { callOf } from './scope.js';

/** GET …/Streams/{streamId}/Data: the events in a window of the index. */
export const getWindowValues = operationOf<operations>()('getWindowValues', [], async (request, _reply, app) => {
  const { startIndex, endIndex, count } = request.query;
  return readWindow(app.store.db, callOf(request), request.params.streamId, {
    ...(startIndex !== undefined ? { start: startIndex } : {}),
    ...(endIndex !== undefined ? { end: endIndex } : {}),
    ...(count !== undefined ? { count } : {}),
  });
});
