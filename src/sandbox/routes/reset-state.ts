import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { resetState as reset } from '../state.js';
import { sandboxOf } from './sandbox-of.js';

/** POST /_signups/v1/reset: removes the state (optionally keeping clients); pages read ahead went with it. */
export const resetState = operationOf<operations>()('resetState', [], async (request, _reply, app) => {
  const removed = await reset(app.store.db, app.store.dialectOps, request.body ?? {});
  app.readAhead?.clear();
  return { removed };
});
