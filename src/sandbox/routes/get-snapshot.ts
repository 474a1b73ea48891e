import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { takeSnapshot } from '../state.js';
import { sandboxOf } from './sandbox-of.js';

/** GET /_signups/v1/snapshot: the whole state as JSON, to restore later. */
export const getSnapshot = operationOf<operations>()('getSnapshot', [], async (_request, reply, app) => {
  const snapshot = await takeSnapshot(app.store.db, app.store.dialectOps, sandboxOf(app).clock.view());
  return reply.header('content-disposition', 'attachment; filename="signups-snapshot.json"').send(snapshot);
});
