import type { FastifyReply } from 'fastify';
import { pingDatabase } from '../../store/migrate.js';
import type { AppContext } from '../app-context.js';

export function healthHandlers(app: AppContext) {
  return {
    async healthz() {
      return { status: 'ok' };
    },
    async readyz(_request: unknown, reply: FastifyReply) {
      try {
        await pingDatabase(app.store);
        return { status: 'ok', database: app.store.dialect };
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: app.store.dialect });
      }
    },
  };
}
