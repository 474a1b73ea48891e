import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { writeValues } from '../data.js';
import { callOf } from './scope.js';

/** POST …/Streams/{streamId}/Data: inserts events; an index already taken refuses the whole call. */
export const insertValues = operationOf<operations>()('insertValues', [], async (request, reply, app) => {
  await writeValues(app.store.db, app.clock, callOf(request), request.params.streamId, 'Insert', request.body);
  return reply.code(204).send();
});
