/** The library entry point: a Signups sandbox server started from a test suite. */
export { type SignupsClient, type SignupsClock, type StartedSignups, type StartSignupsOptions, startSignups } from './sandbox/start-signups.js';
export {
  type ClockMoved,
  type ClockView,
  type Fault,
  type FaultInput,
  type JournalEntry,
  type JournalFilter,
  SandboxAdmin,
  SandboxAdminError,
  type Snapshot,
} from './sandbox/admin-client.js';
