import { performance } from 'node:perf_hooks';
import type { DatabaseConnection, Dialect, Driver, Kysely, TransactionSettings } from 'kysely';

export type TransactionOutcome = 'commit' | 'rollback';
export type TransactionListener = (seconds: number, outcome: TransactionOutcome) => void;

/** Who wants to hear how long each transaction took; metrics subscribe after the store is open. */
export class TransactionTiming {
  readonly #listeners = new Set<TransactionListener>();

  subscribe(listener: TransactionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get active(): boolean {
    return this.#listeners.size > 0;
  }

  emit(seconds: number, outcome: TransactionOutcome): void {
    for (const listener of this.#listeners) listener(seconds, outcome);
  }
}

/**
 * The dialect with a driver that times every transaction from BEGIN to COMMIT or ROLLBACK, on either database and
 * whoever opened it, so that domain code need not know it is measured. Nothing is timed while nobody listens.
 */
export function timeTransactions(dialect: Dialect, timing: TransactionTiming, onStatement?: (sql: string) => void): Dialect {
  return {
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db: Kysely<unknown>) => dialect.createIntrospector(db),
    createDriver(): Driver {
      const driver = dialect.createDriver();
      const started = new WeakMap<DatabaseConnection, number>();
      const finish = (connection: DatabaseConnection, outcome: TransactionOutcome) => {
        const start = started.get(connection);
        if (start === undefined) return;
        started.delete(connection);
        timing.emit((performance.now() - start) / 1000, outcome);
      };
      const timed: Driver = {
        init: () => driver.init(),
        acquireConnection: onStatement ? async () => countStatements(await driver.acquireConnection(), onStatement) : () => driver.acquireConnection(),
        releaseConnection: (connection) => driver.releaseConnection(connection),
        destroy: () => driver.destroy(),
        async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
          if (timing.active) started.set(connection, performance.now());
          await driver.beginTransaction(connection, settings);
        },
        async commitTransaction(connection) {
          try {
            await driver.commitTransaction(connection);
          } finally {
            finish(connection, 'commit');
          }
        },
        async rollbackTransaction(connection) {
          try {
            await driver.rollbackTransaction(connection);
          } finally {
            finish(connection, 'rollback');
          }
        },
      };
      if (driver.savepoint) timed.savepoint = driver.savepoint.bind(driver);
      if (driver.rollbackToSavepoint) timed.rollbackToSavepoint = driver.rollbackToSavepoint.bind(driver);
      if (driver.releaseSavepoint) timed.releaseSavepoint = driver.releaseSavepoint.bind(driver);
      return timed;
    },
  };
}

const counted = new WeakSet<DatabaseConnection>();

/** Reports every statement the connection runs, transaction control included (the driver runs that through it too). */
function countStatements(connection: DatabaseConnection, onStatement: (sql: string) => void): DatabaseConnection {
  if (counted.has(connection)) return connection;
  counted.add(connection);
  const execute = connection.executeQuery.bind(connection);
  const stream = connection.streamQuery.bind(connection);
  connection.executeQuery = (query) => {
    onStatement(query.sql);
    return execute(query);
  };
  connection.streamQuery = (query, chunkSize) => {
    onStatement(query.sql);
    return stream(query, chunkSize);
  };
  return connection;
}
