import type { operations } from '../../openapi-types/sds-v1.js';
import { operationOf } from '../../server/route-module.js';
import { writeValues } from '../data.js';
import { callOf } from './scope.js';

/** PUT …/Streams/{streamId}/Data: upserts events, or replaces existing ones only (`allowCreate=false`). */
export const updateValues = operationOf<operations>()('updateValues', ['allowCreate'], async (request, reply, app) => {
  await writeValues(app.store.db, app.clock, callOf(request), request.params.streamId, request.query.allowCreate ? 'Update' : 'Replace', request.body);
  return reply.code(204).send();
});
