import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { restoreSnapshot as restore } from '../state.js';
import { sandboxOf } from './sandbox-of.js';

/** PUT /_signups/v1/snapshot: restores a snapshot, its clock included; pages read ahead were of the state replaced. */
export const restoreSnapshot = operationOf<operations>()('restoreSnapshot', [], async (request, _reply, app) => {
  const restored = await restore(app.store.db, app.store.dialectOps, sandboxOf(app).clock, request.body);
  app.readAhead?.clear();
  return restored;
});
