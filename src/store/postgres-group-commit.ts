import { performance } from 'node:perf_hooks';
import type { TransactionTiming } from './transaction-timing.js';

// Group commit on PostgreSQL, for any kind of write: writes that arrive together go to the database as ONE batch
// (one statement in autocommit: one round trip, one commit), and each is answered only after that commit. Writes
// that arrive while a batch is in flight form the next batch, sent when it returns: every batch costs a round trip,
// a commit and socket writes that cost this process more CPU than the rest of a signup, so small batches side by
// side cost more than one larger batch after the other (PostgreSQL signups at 32 connections, four batches at once
// against one: 0.18 against 0.23 x the echo baseline, CPU per signup 0.21 against 0.30 x the baseline's, medians).
// More batches go out at once only when a full batch waits, or when writes have waited MAX_WAIT_MS behind a batch
// that takes long (a lock wait behind another transaction), so that one slow batch cannot hold up every writer.

/** Most writes in one batch: bounds the statement's size and the locks it holds. */
const MAX_BATCH = 64;
/** Batches in flight at once at most, leaving the rest of the pool to other requests. */
const IN_FLIGHT = 4;
/** How long writes wait behind batches in flight before another batch goes out beside them. */
const MAX_WAIT_MS = 10;

interface Pending<Write, Result> {
  write: Write;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export class PostgresGroupCommit<Write, Result> {
  private pending: Array<Pending<Write, Result>> = [];
  private inFlight = 0;
  private scheduled = false;
  private waiting: NodeJS.Timeout | undefined;

  /**
   * `commit` writes a batch and commits it, answering one result per write in the batch's order; if it throws,
   * every write of the batch fails with that error.
   */
  constructor(
    private readonly commit: (writes: Write[]) => Promise<Result[]>,
    private readonly timing: TransactionTiming,
  ) {}

  write(write: Write): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // Writes that arrive in the same turn of the event loop share the batch.
        setImmediate(() => {
          this.scheduled = false;
          this.drain();
        });
      }
    });
  }

  private drain(waitedLong = false): void {
    while (this.inFlight < IN_FLIGHT && this.pending.length > 0) {
      if (this.inFlight > 0 && this.pending.length < MAX_BATCH && !waitedLong) {
        this.waiting ??= setTimeout(() => {
          this.waiting = undefined;
          this.drain(true);
        }, MAX_WAIT_MS);
        return;
      }
      clearTimeout(this.waiting);
      this.waiting = undefined;
      const batch = this.pending.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  private async send(batch: Array<Pending<Write, Result>>): Promise<void> {
    const started = performance.now();
    let results: Result[];
    try {
      results = await this.commit(batch.map((p) => p.write));
    } catch (error) {
      this.timing.emit((performance.now() - started) / 1000, 'rollback');
      for (const p of batch) p.reject(error);
      return;
    }
    this.timing.emit((performance.now() - started) / 1000, 'commit');
    if (results.length !== batch.length) {
      const error = new Error(`a batch of ${batch.length} writes answered ${results.length} results`);
      for (const p of batch) p.reject(error);
      return;
    }
    results.forEach((result, i) => batch[i]?.resolve(result));
  }
}
