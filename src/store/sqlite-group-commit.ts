import type SQLite from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { type Db, nativeOf } from './database.js';
import type { TransactionTiming } from './transaction-timing.js';

// Group commit on SQLite: writes that arrive together (partner signups, SDS data writes) run one after another in
// ONE transaction on the one connection, and each is settled only after the shared commit. A write is a synchronous
// job on the driver, so a batch never waits on I/O while it holds the connection.
//
// A job that fails must leave nothing of its own behind and fail no other. Most batches have no such job, so a
// batch first runs without a savepoint per job (two statements fewer per write: 4-7 us of the server's CPU per
// data write). When a job throws or undoes what it wrote, that transaction is rolled back and the batch runs again,
// each job in a savepoint that is rolled back if it fails. Jobs must therefore be safe to run twice: what they
// decide comes from the database they see and from inputs made before the batch.

/** What a job may do besides writing: discard its own writes and still succeed, leave work for the commit. */
export interface SqliteJob {
  readonly sqlite: SQLite.Database;
  /**
   * The batch's number in this process, new for each run of a batch: jobs of one run share a transaction, so what
   * one checked holds for the rest.
   */
  readonly batch: number;
  /**
   * Rolls back everything this job wrote so far; the job goes on (or returns) with nothing written. In a run without
   * savepoints it throws instead, to have the batch run again with them: let it propagate.
   */
  undo(): void;
  /** Runs `finish` after the batch's last job, before the commit; once per key and run. A throw fails the batch. */
  beforeCommit(key: string, finish: () => void): void;
}

/** What undo() throws in a run without savepoints. */
class SavepointsNeeded extends Error {}

interface Pending {
  run(job: SqliteJob): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Most writes in one batch: bounds the time a batch holds the event loop. */
const MAX_BATCH = 64;

const committers = new WeakMap<Db, SqliteGroupCommit>();

/** The store's group committer, or undefined when `db` is not a SQLite store's own database (a transaction, PostgreSQL). */
export function sqliteGroupCommit(db: Db): SqliteGroupCommit | undefined {
  let committer = committers.get(db);
  if (committer) return committer;
  const native = nativeOf(db);
  if (native?.dialect !== 'sqlite') return undefined;
  committer = new SqliteGroupCommit(db, native.database, native.transactions);
  committers.set(db, committer);
  return committer;
}

export class SqliteGroupCommit {
  private pending: Pending[] = [];
  private scheduled = false;
  private statements: ReturnType<typeof prepare> | undefined;
  private batches = 0;

  constructor(
    private readonly db: Db,
    private readonly sqlite: SQLite.Database,
    private readonly timing: TransactionTiming,
  ) {}

  /** Runs `job` in the next shared transaction; resolves with its result once that transaction has committed. */
  run<T>(job: (context: SqliteJob) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run: job, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After this turn's I/O callbacks, so that every request parsed in it joins the batch.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    let batch: Pending[] = [];
    try {
      // Kysely's connection lock: no Kysely transaction of another request is open on the connection meanwhile.
      await this.db.connection().execute(async () => {
        this.scheduled = false;
        batch = this.pending.splice(0, MAX_BATCH);
        if (this.pending.length > 0) this.schedule();
        this.commit(batch);
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  /** Runs the batch in one transaction; settles each job only after the commit. */
  private commit(batch: Pending[]): void {
    const outcomes = this.runOnce(batch, false) ?? this.runOnce(batch, true);
    batch.forEach((p, i) => {
      const outcome = outcomes?.[i];
      if (outcome && 'ok' in outcome) p.resolve(outcome.ok);
      else p.reject(outcome?.error);
    });
  }

  /**
   * One run of the batch, committed. Without savepoints, undefined (and nothing written) when a job threw or undid its
   * writes; with them, a failed job's writes are rolled back and its error is its outcome.
   */
  private runOnce(batch: Pending[], savepoints: boolean): Array<{ ok: unknown } | { error: unknown }> | undefined {
    const s = (this.statements ??= prepare(this.sqlite));
    const outcomes: Array<{ ok: unknown } | { error: unknown }> = [];
    const finishers = new Map<string, () => void>();
    const context: SqliteJob = {
      sqlite: this.sqlite,
      batch: this.batches++,
      undo: () => {
        if (!savepoints) throw new SavepointsNeeded('a job undid its writes');
        s.rollbackToSavepoint.run();
      },
      beforeCommit: (key, finish) => {
        if (!finishers.has(key)) finishers.set(key, finish);
      },
    };
    const started = performance.now();
    s.begin.run();
    try {
      for (const p of batch) {
        if (!savepoints) {
          try {
            outcomes.push({ ok: p.run(context) });
          } catch {
            // Some errors (a full disk, I/O) have rolled the transaction back already.
            if (this.sqlite.inTransaction) s.rollback.run();
            this.timing.emit((performance.now() - started) / 1000, 'rollback');
            return undefined;
          }
          continue;
        }
        s.savepoint.run();
        try {
          outcomes.push({ ok: p.run(context) });
        } catch (error) {
          s.rollbackToSavepoint.run();
          outcomes.push({ error });
        }
        s.releaseSavepoint.run();
      }
      for (const finish of finishers.values()) finish();
      s.commit.run();
      this.timing.emit((performance.now() - started) / 1000, 'commit');
      return outcomes;
    } catch (error) {
      if (this.sqlite.inTransaction) s.rollback.run();
      this.timing.emit((performance.now() - started) / 1000, 'rollback');
      throw error;
    }
  }
}

function prepare(sqlite: SQLite.Database) {
  return {
    begin: sqlite.prepare('BEGIN IMMEDIATE'),
    commit: sqlite.prepare('COMMIT'),
    rollback: sqlite.prepare('ROLLBACK'),
    savepoint: sqlite.prepare('SAVEPOINT write'),
    rollbackToSavepoint: sqlite.prepare('ROLLBACK TO write'),
    releaseSavepoint: sqlite.prepare('RELEASE write'),
  };
}
