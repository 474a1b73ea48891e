import type { operations } from '../../openapi-types/partner-v2.js';
import { operationOf } from '../route-module.js';

/** GET /healthz: the process answers. */
export const healthz = operationOf<operations>()('healthz', [], async () => ({ status: 'ok' }));
