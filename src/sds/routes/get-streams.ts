import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { listStreams } from '../streams.js';
import { callOf } from './scope.js';

/** GET …/Streams: the streams the caller may read, `skip` and `count` at a time. */
export const getStreams = operationOf<operations>()('getStreams', ['skip', 'count'], async (request, _reply, app) => {
  return listStreams(app.store.db, callOf(request), request.query);
});
