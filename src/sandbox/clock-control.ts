import type { ChangeBrokerContext } from '../change-broker/context.js';
import { runDueJobs } from '../change-broker/jobs.js';
import { jobsInFlight, maintain, nextDueAt } from '../change-broker/maintenance.js';
import { SandboxError } from './errors.js';
import { ClockBackwardsError, type ClockView, type SandboxClock } from './sandbox-clock.js';

export interface ClockMove {
  advanceSeconds?: number;
  set?: string;
  frozen?: boolean;
}

export interface WorkDone {
  jobs: number;
  expired: number;
  removed: number;
  purged: number;
}

/** Stops along the way at most this many times; a clock moved past more due moments jumps the rest at once. */
const MAX_STOPS = 10_000;
/** How long to wait for due work that another process is running. */
const IN_FLIGHT_WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function targetOf(move: ClockMove, nowMs: number): number | undefined {
  if (move.advanceSeconds !== undefined && move.set !== undefined) {
    throw new SandboxError('invalid_input', 'Give either advanceSeconds or set, not both', { pointer: '/set' });
  }
  if (move.advanceSeconds !== undefined) return nowMs + Math.round(move.advanceSeconds * 1000);
  if (move.set !== undefined) {
    const at = Date.parse(move.set);
    if (Number.isNaN(at)) throw new SandboxError('invalid_input', `'${move.set}' is not an ISO 8601 date-time`, { pointer: '/set' });
    if (at < nowMs) {
      throw new SandboxError('clock_backwards', new ClockBackwardsError(at, nowMs).message, { pointer: '/set' });
    }
    return at;
  }
  return undefined;
}

/**
 * Moves the sandbox clock and runs the background work that became due on the way, in order: the clock stops at
 * each moment a job falls due, runs what is due (expiry, removal and purge included), and goes on. Answers once nothing due is left
 * running, in this process or (up to a bound) in another one sharing the database.
 */
export class ClockControl {
  // One move at a time in this process; moves from other processes are ordered by the database row.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clock: SandboxClock,
    private readonly ctx: ChangeBrokerContext,
  ) {}

  move(move: ClockMove): Promise<ClockView & { work: WorkDone }> {
    const run = this.#queue.then(() => this.#move(move));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #move(move: ClockMove): Promise<ClockView & { work: WorkDone }> {
    await this.clock.refresh();
    const frozen = move.frozen ?? this.clock.frozen;
    const target = targetOf(move, this.clock.now().getTime());
    const work: WorkDone = { jobs: 0, expired: 0, removed: 0, purged: 0 };
    if (target === undefined) {
      const view = await this.clock.moveTo(this.clock.now().getTime(), frozen, { keepLater: true });
      return { ...view, work };
    }
    await this.#runDue(work);
    for (let stops = 0; stops < MAX_STOPS; stops += 1) {
      const next = await nextDueAt(this.ctx, this.clock.now().toISOString());
      if (next === null || Date.parse(next) >= target) break;
      // Frozen at each stop, so that the work sees the moment it became due, not a clock running on.
      await this.clock.moveTo(Date.parse(next), true, { keepLater: true });
      await this.#runDue(work);
    }
    await this.clock.moveTo(target, frozen, { keepLater: true });
    await this.#runDue(work);
    await this.#awaitInFlight(work);
    return { ...this.clock.view(), work };
  }

  async #runDue(work: WorkDone): Promise<void> {
    work.jobs += await runDueJobs(this.ctx);
    const done = await maintain(this.ctx);
    work.expired += done.expired;
    work.removed += done.removed;
    work.purged += done.purged;
  }

  /** Jobs that another worker claimed before the move: wait for them, running again what falls free. */
  async #awaitInFlight(work: WorkDone): Promise<void> {
    const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
    while ((await jobsInFlight(this.ctx)) > 0 && Date.now() < deadline) {
      await sleep(20);
      await this.#runDue(work);
    }
  }
}
