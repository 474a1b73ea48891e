import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { sandboxOf } from './sandbox-of.js';

/** GET /_signups/v1/faults. */
export const listFaults = operationOf<operations>()('listFaults', [], async (_request, _reply, app) => ({ faults: sandboxOf(app).faults.list() }));
