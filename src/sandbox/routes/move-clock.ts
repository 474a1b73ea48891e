import type { operations } from '../../openapi-types/sandbox-v1.js';
import { operationOf } from '../../server/route-module.js';
import { sandboxOf } from './sandbox-of.js';

/** POST /_signups/v1/clock: moves, freezes or resumes the clock; due background work runs. */
export const moveClock = operationOf<operations>()('moveClock', [], async (request, _reply, app) => sandboxOf(app).control.move(request.body));
