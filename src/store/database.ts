import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { type ChangeSignals, hearCommitsOf, PostgresChangeSignals, SQLITE_SIGNAL_FUNCTION, SqliteChangeSignals } from './change-signals.js';
import type { DialectOps } from './dialects/dialect-ops.js';
import { postgresDialect } from './dialects/postgres.js';
import { ImmediateSqliteDialect, sqliteDialect } from './dialects/sqlite.js';
import type { Database } from './schema.js';
import { timeTransactions, TransactionTiming } from './transaction-timing.js';
import { checkpointInBackground } from './sqlite-checkpoints.js';
import { SQLITE_STREAM_CHANGED_FUNCTION, SqliteStreamCache } from './sqlite-stream-cache.js';
import { PreparingPool } from './prepared-statements.js';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: domain functions accept both. */
export type Executor = Kysely<Database>;

/** A connection pool's use at one moment (PostgreSQL; SQLite has one connection and no pool). */
export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface Store {
  readonly db: Db;
  /** The driver under Kysely, for the few hot paths that run prepared statements of their own. */
  readonly native: NativeDatabase;
  readonly dialect: DialectName;
  /** What differs between the databases, for the code that runs on the store (src/store/dialects/). */
  readonly dialectOps: DialectOps;
  readonly url: string;
  /** How long each transaction took, for whoever subscribes (metrics). */
  readonly transactions: TransactionTiming;
  poolUse(): PoolUse | undefined;
  /** When changes commit, for live consumers in this process. */
  readonly signals: ChangeSignals;
  close(): Promise<void>;
}

/** The driver under Kysely, and the timing that transactions run past Kysely report to. */
export type NativeDatabase = ({ dialect: 'sqlite'; database: SQLite.Database; streams: SqliteStreamCache } | { dialect: 'postgres'; pool: pg.Pool }) & {
  transactions: TransactionTiming;
  dialectOps: DialectOps;
};

const natives = new WeakMap<Db, NativeDatabase>();

/** The driver under a store's Kysely instance; undefined for a transaction or a Kysely made elsewhere. */
export function nativeOf(db: Db): NativeDatabase | undefined {
  return natives.get(db);
}

/** What differs on the database that `db` (a store's, or a transaction on it) runs on, for code given only `db`. */
export function dialectOf(db: Executor): DialectOps {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}

export class DatabaseUrlError extends Error {}

export function parseDatabaseUrl(url: string): { dialect: DialectName; target: string } {
  if (url.startsWith('sqlite:')) {
    const target = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (target.length === 0) throw new DatabaseUrlError(`database URL '${url}' names no file`);
    return { dialect: 'sqlite', target };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', target: url };
  throw new DatabaseUrlError(`database URL '${url}' must start with sqlite: or postgres://`);
}

// pg returns int8 and numeric as strings by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

/**
 * Kysely's SQLite driver prepares every statement anew, which costs more than running most of ours; keep the
 * recent ones.
 */
function cacheStatements(sqlite: SQLite.Database, capacity = 256): SQLite.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  const cached = (sql: string): SQLite.Statement => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, statement);
    return statement;
  };
  sqlite.prepare = cached as typeof sqlite.prepare;
  return sqlite;
}

export interface StoreOptions {
  poolSize?: number;
  /** SQLite: checkpoint the WAL from a worker thread instead of inside commits (for servers; off for short-lived commands). */
  backgroundCheckpoints?: boolean;
  /** SQLite: the connection's page cache, in KiB (SQLite's default otherwise). */
  sqliteCacheKib?: number;
  /** Called with every statement run through the store's query builder (tests count a request's statements). */
  onStatement?: (sql: string) => void;
}

export function openStore(url: string, options: StoreOptions = {}): Store {
  const { dialect, target } = parseDatabaseUrl(url);
  if (dialect === 'sqlite') {
    if (target !== ':memory:') mkdirSync(dirname(resolve(target)), { recursive: true });
    const sqlite = new SQLite(target === ':memory:' ? ':memory:' : resolve(target));
    // Several processes may share one file; wait for the writer instead of failing at once. First, since switching
    // a new file to WAL takes a lock that another process starting on it may hold.
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // The statements of a group-committed batch (and the savepoints of a batch run again) keep a statement journal
    // that, once a transaction's outgrows 64 KiB, spills to a temporary file created and deleted per commit: a dozen
    // extra file writes per write, most of the write path's system time. In memory it stays a copy of the pages the
    // write touches. Temporary tables and sorts that no index serves are kept in memory too; the server's queries
    // page by index and sort little.
    sqlite.pragma('temp_store = MEMORY');
    if (options.sqliteCacheKib !== undefined) sqlite.pragma(`cache_size = -${Math.max(1, Math.floor(options.sqliteCacheKib))}`);
    const transactions = new TransactionTiming();
    const db = new Kysely<Database>({ dialect: timeTransactions(new ImmediateSqliteDialect({ database: cacheStatements(sqlite) }), transactions, options.onStatement) });
    const signals = new SqliteChangeSignals(db);
    sqlite.function(SQLITE_SIGNAL_FUNCTION, { deterministic: false, varargs: false }, (tenantId: unknown, namespaceId: unknown) => {
      signals.signal(String(tenantId), String(namespaceId));
      return null;
    });
    const streams = new SqliteStreamCache(sqlite);
    sqlite.function(SQLITE_STREAM_CHANGED_FUNCTION, { deterministic: false, varargs: false }, (tenantId: unknown, namespaceId: unknown, streamId: unknown) => {
      streams.changed(tenantId, namespaceId, streamId);
      return null;
    });
    const native: NativeDatabase = { dialect, database: sqlite, streams, transactions, dialectOps: sqliteDialect };
    natives.set(db, native);
    const checkpoints = target === ':memory:' || !options.backgroundCheckpoints ? undefined : checkpointInBackground(sqlite, resolve(target));
    return {
      db,
      native,
      dialect,
      dialectOps: sqliteDialect,
      url,
      transactions,
      poolUse: () => undefined,
      signals,
      close: async () => {
        await checkpoints?.stop();
        await db.destroy();
      },
    };
  }
  const max = options.poolSize ?? 10;
  // A transaction left open holds back the readable end of the change log (src/store/change-log.ts): end it.
  const pool = new pg.Pool({ connectionString: target, max, idle_in_transaction_session_timeout: 10_000 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const transactions = new TransactionTiming();
  const db = new Kysely<Database>({ dialect: timeTransactions(new PostgresDialect({ pool: new PreparingPool(pool) }), transactions, options.onStatement) });
  const poolUse = (): PoolUse => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max });
  const signals = new PostgresChangeSignals(target);
  hearCommitsOf(pool, signals);
  const native: NativeDatabase = { dialect, pool, transactions, dialectOps: postgresDialect };
  natives.set(db, native);
  return {
    db,
    native,
    dialect,
    dialectOps: postgresDialect,
    url,
    transactions,
    poolUse,
    signals,
    close: async () => {
      await signals.close();
      await db.destroy();
    },
  };
}
