import type { RouteModule } from '../../server/route-module.js';
import { clearFaults } from './clear-faults.js';
import { clearRequests } from './clear-requests.js';
import { createFault } from './create-fault.js';
import { deleteFault } from './delete-fault.js';
import { getClock } from './get-clock.js';
import { getSnapshot } from './get-snapshot.js';
import { listFaults } from './list-faults.js';
import { listRequests } from './list-requests.js';
import { moveClock } from './move-clock.js';
import { resetState } from './reset-state.js';
import { restoreSnapshot } from './restore-snapshot.js';

export const sandboxRoutes: readonly RouteModule[] = [
  getClock,
  moveClock,
  resetState,
  getSnapshot,
  restoreSnapshot,
  listRequests,
  clearRequests,
  createFault,
  listFaults,
  clearFaults,
  deleteFault,
];
