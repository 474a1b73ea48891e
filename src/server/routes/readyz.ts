import type { operations } from '../../openapi-types/partner-v2.js';
import { readiness } from '../../store/migrate.js';
import { operationOf } from '../route-module.js';

/** GET /readyz: 200 while the database answers, 503 otherwise. */
export const readyz = operationOf<operations>()('readyz', [], async (_request, reply, app) => {
  const ready = await readiness(app.store);
  return reply.code(ready.status === 'ok' ? 200 : 503).send(ready);
});
