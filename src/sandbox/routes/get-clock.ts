import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { sandboxOf } from './sandbox-of.js';

/** GET /_signups/v1/clock: the server clock. */
export const getClock = operationOf<operations>()('getClock', [], async (_request, _reply, app) => sandboxOf(app).clock.view());
