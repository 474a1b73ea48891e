import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { restoreSnapshot as restore } from '../state.js';
import { sandboxOf } from './sandbox-of.js';

/** PUT /_signups/v1/snapshot: restores a snapshot, its clock included. */
export const restoreSnapshot = operationOf<operations>()('restoreSnapshot', [], async (request, _reply, app) => restore(app.store.db, app.store.dialectOps, sandboxOf(app).clock, request.body));
