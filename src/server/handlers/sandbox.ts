import type { FastifyReply, FastifyRequest } from 'fastify';
import { kickBackgroundWork } from '../../change-broker/worker.js';
import type { ClockMove } from '../../sandbox/clock-control.js';
import type { FaultInput } from '../../sandbox/faults.js';
import type { JournalFilter } from '../../sandbox/journal.js';
import { type ResetOptions, resetState, restoreState, type Snapshot, takeSnapshot } from '../../sandbox/state.js';
import type { AppContext } from '../app-context.js';
import type { Sandbox } from '../sandbox.js';

type Req = FastifyRequest;

/** Thin translations between HTTP and the sandbox controls in src/sandbox. */
export function sandboxHandlers(app: AppContext, sandbox: Sandbox) {
  const { store } = app;
  return {
    async getClock() {
      return sandbox.clock.view();
    },

    async moveClock(request: Req) {
      return sandbox.control.move(request.body as ClockMove);
    },

    async resetState(request: Req) {
      const removed = await resetState(store.db, store.dialect, (request.body ?? {}) as ResetOptions);
      return { removed };
    },

    async getSnapshot(_request: Req, reply: FastifyReply) {
      const snapshot = await takeSnapshot(store.db, store.dialect, sandbox.clock.view());
      return reply.header('content-disposition', 'attachment; filename="signups-snapshot.json"').send(snapshot);
    },

    async restoreSnapshot(request: Req) {
      const snapshot = request.body as Snapshot;
      const restored = await restoreState(store.db, store.dialect, snapshot, { keys: 'keep' });
      const clock = await sandbox.clock.moveTo(Date.parse(snapshot.clock.now), snapshot.clock.frozen, { allowBackwards: true });
      kickBackgroundWork(store.db);
      return { restored, clock };
    },

    async listRequests(request: Req) {
      const filter = request.query as JournalFilter;
      return { requests: sandbox.journal.list({ ...filter, limit: filter.limit ?? 100 }), size: sandbox.journal.size, capacity: sandbox.journal.capacity };
    },

    async clearRequests(_request: Req, reply: FastifyReply) {
      sandbox.journal.clear();
      return reply.code(204).send();
    },

    async createFault(request: Req, reply: FastifyReply) {
      const fault = sandbox.faults.add(request.body as FaultInput, sandbox.clock.now().toISOString());
      return reply.code(201).header('location', `/_signups/v1/faults/${fault.id}`).send(fault);
    },

    async listFaults() {
      return { faults: sandbox.faults.list() };
    },

    async clearFaults(_request: Req, reply: FastifyReply) {
      sandbox.faults.clear();
      return reply.code(204).send();
    },

    async deleteFault(request: Req, reply: FastifyReply) {
      sandbox.faults.remove((request.params as { faultId: string }).faultId);
      return reply.code(204).send();
    },
  };
}
