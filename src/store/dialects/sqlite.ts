import { CompiledQuery, type CreateTableBuilder, type DatabaseConnection, type DialectAdapter, type Driver, type Expression, type RawBuilder, sql, SqliteAdapter, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely';
import type { Db } from '../database.js';
import { executePrepared } from '../prepared-statements.js';
import { sqliteSdsJob, sqliteStreamWithKey, sqliteWrite } from '../sds-writes.js';
import { INTERNAL_TABLES, type TableInfo } from '../tables.js';
import type { DialectOps } from './dialect-ops.js';

/**
 * Transactions start with BEGIN IMMEDIATE: they all write, and taking the write lock up front lets a second process
 * wait (busy_timeout) instead of failing when a read lock cannot be upgraded.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite's DDL is transactional, but Kysely's adapter says otherwise and takes no migration lock, so processes
 * starting together on one file ran the same migrations at once ("table already exists"). Said true, the migrator
 * runs them in one transaction, which begins immediate: one process migrates, the others wait for it.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** Kysely's SQLite dialect, with transactions that take the write lock when they begin. */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

async function tables(db: Db): Promise<TableInfo[]> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
  const out: TableInfo[] = [];
  for (const { name } of rows.filter((r) => !INTERNAL_TABLES.test(r.name))) {
    const columns = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name}) order by cid`.execute(db);
    const keys = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db);
    out.push({
      name,
      columns: columns.rows.map((c) => c.name),
      primaryKey: columns.rows
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      references: [...new Set(keys.rows.map((k) => k.table))],
    });
  }
  return out;
}

export const sqliteDialect: DialectOps = {
  name: 'sqlite',

  // Every transaction already holds the database's write lock.
  serializeWriters: async () => undefined,
  withoutWaitingForDisk: (db, work) => work(db),
  lockRows: (query) => query,
  async claimRows(db, pick, take) {
    const claimed = [];
    for (const id of await pick(db, (query) => query)) claimed.push(...(await take(db, [id])));
    return claimed;
  },

  async groupCommitSdsWrite(db, w) {
    // Checked and written in the same transaction. A refusal is the job's result, not a throw: a job that throws has
    // its batch run again with a savepoint per job (src/store/sqlite-group-commit.ts), and refusing a client's
    // request must not cost the other writes of its batch that.
    const done = sqliteSdsJob(db, (job, streams): { written: boolean } | { refused: unknown } => {
      const checked = streams.get(job, w.tenantId, w.namespaceId, w.streamId, () => sqliteStreamWithKey(job.sqlite, w.tenantId, w.namespaceId, w.streamId));
      let keyed: ReturnType<typeof w.check>;
      try {
        keyed = w.check(checked);
      } catch (error) {
        return { refused: error };
      }
      if (keyed.length === 0 || !checked) return { written: true };
      const outcome = sqliteWrite(job, w.write(checked, keyed));
      // A refused write left nothing written (sqliteWrite undoes its own).
      if (outcome.outcome === 'stale') return { refused: w.gone() };
      try {
        return { written: w.settle(outcome, keyed) };
      } catch (error) {
        return { refused: error };
      }
    });
    if (!done) return false;
    const result = await done;
    if ('refused' in result) throw result.refused;
    return result.written;
  },

  plusSeconds: (iso: string, seconds: Expression<number>) => sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', ${iso}, '+' || ${seconds} || ' seconds')`,
  cutUnionPart: (part) => part,
  // CROSS JOIN keeps the merge the outer loop, so the rows come in its order.
  readAfterMerge: <R>(table: string, columns: readonly string[], runs: (carried: RawBuilder<unknown>) => RawBuilder<unknown>) =>
    sql<R>`SELECT merged.*, ${sql.join(columns.map((c) => sql.ref(`late.${c}`)))}
      FROM (${runs(sql`rowid AS merged_rowid`)}) AS merged CROSS JOIN ${sql.table(table)} AS late ON late.rowid = merged.merged_rowid`,
  async joinRows(db, rows, item, frame) {
    // group_concat joins in the order the ordered subquery hands rows over (an ORDER BY of its own would sort the
    // page again, about 60 % more time); max() makes the bare created_at the last row's. The room is spaces,
    // overwritten or cut off by the caller.
    const result = await executePrepared(
      db,
      sql<{ n: number; last_seq: number | null; created_at: string | null; text: Buffer }>`SELECT count(*) AS n, max(seq) AS last_seq, created_at,
        CAST(${frame.open} || coalesce(group_concat(${item.sql}, ','), '') || ${' '.repeat(frame.room)} AS BLOB) AS text FROM (${rows}) AS r`,
    );
    const row = result.rows[0];
    const text = row?.text ?? Buffer.from(frame.open + ' '.repeat(frame.room));
    const last = row?.last_seq == null || row.created_at === null ? undefined : { seq: Number(row.last_seq), createdAt: row.created_at };
    return { count: Number(row?.n ?? 0), last, text, used: text.length - frame.room };
  },
  jsonArrays: (values) => sql<string>`json_group_array(json_array(${sql.join(values)}))`,
  updateReturningLazily: <R>(update: RawBuilder<unknown>, table: string, returning: (row: string) => RawBuilder<unknown>) => sql<R>`${update} RETURNING *, ${returning(table)}`,

  withSeq: <T extends string>(table: CreateTableBuilder<T, never>) => table.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement()),
  tables,
  // AUTOINCREMENT counters move on their own.
  resyncSequences: async () => undefined,
  // A snapshot taken on PostgreSQL carries no namespace counters (its writers record changes without one): number
  // the next change after the newest restored one.
  async resyncChangeCounters(trx) {
    await sql`UPDATE namespaces SET last_change_seq = CASE
          WHEN (SELECT max(l.seq) FROM change_log l WHERE l.tenant_id = namespaces.tenant_id AND l.namespace_id = namespaces.id) > last_change_seq
          THEN (SELECT max(l.seq) FROM change_log l WHERE l.tenant_id = namespaces.tenant_id AND l.namespace_id = namespaces.id)
          ELSE last_change_seq END`.execute(trx);
  },
  storedValue: (value) => (typeof value === 'boolean' ? Number(value) : value),
};
