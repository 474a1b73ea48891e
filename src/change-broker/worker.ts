import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database.js';
import type { ChangeBrokerContext } from './context.js';
import { runDueJobs } from './jobs.js';
import { anyWebhookEnabled, scheduleWebhookJobs } from './webhook-delivery.js';
import type { ChangeSignals } from '../store/change-signals.js';
import { claimLease } from './leases.js';
import { maintain } from './maintenance.js';

export interface WorkerLog {
  error(object: object, message: string): void;
}

/** Told how background work went, for metrics. */
export interface WorkerEvents {
  jobsCompleted(count: number): void;
  jobFailed(): void;
}

/** How often (real time) a process tries to take the maintenance lease; it holds it for as long by the clock. */
const MAINTENANCE_EVERY_MS = 5_000;

// The workers running in this process, by database, so that a request can wake them right after creating a job.
const running = new WeakMap<Db, Set<BackgroundWorker>>();

/** Wakes this process's workers on the database, if any run; background work then starts at once. */
export function kickBackgroundWork(db: Db): void {
  for (const worker of running.get(db) ?? []) worker.kick();
}

/**
 * A small loop in each server process: it polls for due jobs every `backgroundPollMs` (and at once when kicked)
 * and, while it holds the maintenance lease, expires, removes and purges. Leases in the database make each job run
 * exactly once across processes; timers only decide when a process looks.
 */
export class BackgroundWorker {
  readonly id = `worker-${randomUUID()}`;
  #timer: NodeJS.Timeout | undefined;
  #tick: Promise<void> | undefined;
  #again = false;
  #stopped = true;
  #lastMaintenance = 0;
  /** Webhook deliveries run beside the other work, so that a slow receiver never holds up activations. */
  #deliveries: Promise<unknown> | undefined;
  #webhooksEnabled = false;
  #deliverAgain = false;
  #unsubscribe: Promise<() => void> | undefined;

  constructor(
    private readonly ctx: ChangeBrokerContext,
    private readonly log: WorkerLog,
    private readonly events?: WorkerEvents,
    private readonly signals?: ChangeSignals,
  ) {}

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    let set = running.get(this.ctx.db);
    if (!set) running.set(this.ctx.db, (set = new Set()));
    set.add(this);
    // Commits wake the worker while webhooks wait for them, instead of the next poll.
    this.#unsubscribe = this.signals?.subscribe(null, () => {
      if (this.#webhooksEnabled) this.kick();
    });
    this.#unsubscribe?.catch((error: unknown) => this.log.error({ err: error }, 'cannot listen for commits; webhooks deliver at the next poll'));
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    running.get(this.ctx.db)?.delete(this);
    clearTimeout(this.#timer);
    await this.#tick;
    await this.#deliveries;
    (await this.#unsubscribe?.catch(() => undefined))?.();
  }

  kick(): void {
    if (this.#stopped) return;
    if (this.#tick) {
      this.#again = true;
      return;
    }
    this.#schedule(0);
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#tick = this.#runOnce().finally(() => {
        this.#tick = undefined;
        const again = this.#again;
        this.#again = false;
        this.#schedule(again ? 0 : this.ctx.config.backgroundPollMs);
      });
    }, delayMs);
    this.#timer.unref();
  }

  async #runOnce(): Promise<void> {
    const onError = (error: unknown) => {
      this.events?.jobFailed();
      this.log.error({ err: error }, 'background job failed');
    };
    try {
      // A clock shared through the database (a sandbox's) may have been moved by another process.
      await this.ctx.clock.refresh?.();
      const ran = await runDueJobs(this.ctx, { owner: this.id, onError, kind: 'validate' });
      if (ran > 0) this.events?.jobsCompleted(ran);
      this.#webhooksEnabled = await anyWebhookEnabled(this.ctx.db);
      if (this.#webhooksEnabled && this.#deliveries) this.#deliverAgain = true;
      if (this.#webhooksEnabled && !this.#deliveries) {
        this.#deliverAgain = false;
        this.#deliveries = (async () => {
          await scheduleWebhookJobs(this.ctx);
          const delivered = await runDueJobs(this.ctx, { owner: this.id, onError, kind: 'webhook' });
          if (delivered > 0) this.events?.jobsCompleted(delivered);
        })()
          .catch(onError)
          .finally(() => {
            this.#deliveries = undefined;
            // Commits that came in meanwhile found the deliveries busy: look again now rather than at the next poll.
            if (this.#deliverAgain) this.kick();
          });
      }
      if (Date.now() - this.#lastMaintenance >= MAINTENANCE_EVERY_MS) {
        this.#lastMaintenance = Date.now();
        if (await claimLease(this.ctx, 'change-broker-maintenance', this.id, MAINTENANCE_EVERY_MS / 1000)) await maintain(this.ctx);
      }
    } catch (error) {
      if (!this.#stopped) onError(error);
    }
  }
}
