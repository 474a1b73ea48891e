import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { type ChangeSignals, PostgresChangeSignals, SQLITE_SIGNAL_FUNCTION, SqliteChangeSignals } from './change-signals.js';
import type { Database } from './schema.js';
import { timeTransactions, TransactionTiming } from './transaction-timing.js';

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
  readonly dialect: DialectName;
  readonly url: string;
  /** How long each transaction took, for whoever subscribes (metrics). */
  readonly transactions: TransactionTiming;
  poolUse(): PoolUse | undefined;
  /** When changes commit, for live consumers in this process. */
  readonly signals: ChangeSignals;
  close(): Promise<void>;
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
 * recent ones. Transactions start with BEGIN IMMEDIATE: they all write, and taking the write lock up front lets a
 * second process wait (busy_timeout) instead of failing when a read lock cannot be upgraded.
 */
function cacheStatements(sqlite: SQLite.Database, capacity = 256): SQLite.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  const cached = (source: string): SQLite.Statement => {
    const sql = source === 'begin' ? 'begin immediate' : source;
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

export function openStore(url: string, options: { poolSize?: number } = {}): Store {
  const { dialect, target } = parseDatabaseUrl(url);
  if (dialect === 'sqlite') {
    if (target !== ':memory:') mkdirSync(dirname(resolve(target)), { recursive: true });
    const sqlite = new SQLite(target === ':memory:' ? ':memory:' : resolve(target));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // Several processes may share one file; wait for the writer instead of failing at once.
    sqlite.pragma('busy_timeout = 5000');
    const transactions = new TransactionTiming();
    const db = new Kysely<Database>({ dialect: timeTransactions(new SqliteDialect({ database: cacheStatements(sqlite) }), transactions) });
    const signals = new SqliteChangeSignals(db);
    sqlite.function(SQLITE_SIGNAL_FUNCTION, { deterministic: false, varargs: false }, (tenantId: unknown, namespaceId: unknown) => {
      signals.signal(String(tenantId), String(namespaceId));
      return null;
    });
    return { db, dialect, url, transactions, poolUse: () => undefined, signals, close: () => db.destroy() };
  }
  const max = options.poolSize ?? 10;
  const pool = new pg.Pool({ connectionString: target, max });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const transactions = new TransactionTiming();
  const db = new Kysely<Database>({ dialect: timeTransactions(new PostgresDialect({ pool }), transactions) });
  const poolUse = (): PoolUse => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max });
  const signals = new PostgresChangeSignals(target);
  return {
    db,
    dialect,
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
