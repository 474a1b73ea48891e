import { type CreateTableBuilder, type Expression, type RawBuilder, sql } from 'kysely';
import type { Db } from '../database.js';
import { executePrepared } from '../prepared-statements.js';
import { joinUtf8 } from '../utf8-join.js';
import { cachedStreamWithKey, forgetStreamWithKey, postgresSdsWrite, postgresStreamWithKey } from '../sds-writes.js';
import { INTERNAL_TABLES, type TableInfo } from '../tables.js';
import type { DialectOps } from './dialect-ops.js';

async function tables(db: Db): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const columns = await sql<{ table: string; name: string }>`
    select table_name as table, column_name as name from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const keys = await sql<{ table: string; name: string }>`
    select c.relname as table, a.attname as name
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where i.indisprimary order by c.relname, k.position`.execute(db);
  const references = await sql<{ table: string; parent: string }>`
    select child.relname as table, parent.relname as parent
    from pg_constraint f
    join pg_class child on child.oid = f.conrelid
    join pg_class parent on parent.oid = f.confrelid
    join pg_namespace n on n.oid = child.relnamespace and n.nspname = current_schema()
    where f.contype = 'f'`.execute(db);
  return tables.rows
    .filter((t) => !INTERNAL_TABLES.test(t.name))
    .map(({ name }) => ({
      name,
      columns: columns.rows.filter((c) => c.table === name).map((c) => c.name),
      primaryKey: keys.rows.filter((k) => k.table === name).map((k) => k.name),
      references: [...new Set(references.rows.filter((r) => r.table === name).map((r) => r.parent))],
    }));
}

async function resyncSequences(db: Db): Promise<void> {
  const serials = await sql<{ table: string; column: string; sequence: string }>`
    select table_name as table, column_name as column, pg_get_serial_sequence(quote_ident(table_name), column_name) as sequence
    from information_schema.columns
    where table_schema = current_schema() and (column_default like 'nextval(%' or is_identity = 'YES')`.execute(db);
  for (const { table, column, sequence } of serials.rows) {
    if (!sequence) continue;
    await sql`select setval(${sequence}, coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}

export const postgresDialect: DialectOps = {
  name: 'postgres',

  async serializeWriters(trx, key) {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  },
  async withoutWaitingForDisk(db, work) {
    if (db.isTransaction) return work(db);
    return db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      return work(trx);
    });
  },
  lockRows: (query) => query.forUpdate(),
  claimRows: (db, pick, take) =>
    db.transaction().execute(async (trx) => {
      const ids = await pick(trx, (query) => query.forUpdate().skipLocked());
      return ids.length === 0 ? [] : take(trx, ids);
    }),

  async groupCommitSdsWrite(db, w) {
    const { tenantId, namespaceId, streamId } = w;
    let checked = cachedStreamWithKey(db, tenantId, namespaceId, streamId);
    let keyed;
    if (checked) {
      try {
        keyed = w.check(checked);
      } catch {
        // A refusal is answered only from fresh data: read the stream again below.
      }
    }
    if (!keyed) {
      checked = await postgresStreamWithKey(db, tenantId, namespaceId, streamId);
      keyed = w.check(checked);
    }
    if (keyed.length === 0 || !checked) return true;
    const outcome = await postgresSdsWrite(db, w.write(checked, keyed));
    if (outcome?.outcome === 'stale') forgetStreamWithKey(db, tenantId, namespaceId, streamId);
    return outcome ? w.settle(outcome, keyed) : false;
  },

  plusSeconds: (iso: string, seconds: Expression<number>) =>
    sql<string>`to_char((CAST(${iso} AS timestamptz) + ${seconds} * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  cutUnionPart: (part, column, limit) => sql`(${part} ORDER BY ${sql.ref(column)} LIMIT ${limit})`,
  readAfterMerge: <R>(_table: string, columns: readonly string[], runs: (carried: RawBuilder<unknown>) => RawBuilder<unknown>) =>
    sql<R>`${runs(sql.join(columns.map((c) => sql.ref(c))))}`,
  async joinRows(db, rows, item, frame) {
    const result = await executePrepared(db, rows);
    const last = result.rows.at(-1);
    return {
      count: result.rows.length,
      last: last && { seq: Number(last.seq), createdAt: last.created_at },
      ...joinUtf8(result.rows.map((r) => item.of(r)), ',', frame),
    };
  },
  jsonArrays: (values) => sql<string>`coalesce(json_agg(json_build_array(${sql.join(values)})), '[]')::text`,
  updateReturningLazily: <R>(update: RawBuilder<unknown>, _table: string, returning: (row: string) => RawBuilder<unknown>) =>
    sql<R>`WITH quiet AS (SELECT set_config('synchronous_commit', 'off', true) AS off),
        touched AS (${update} RETURNING *)
        SELECT t.*, ${returning('t')}
        FROM touched t, quiet`,

  withSeq: <T extends string>(table: CreateTableBuilder<T, never>) => table.addColumn('seq', 'serial', (c) => c.primaryKey()),
  tables,
  resyncSequences,
  // Writers record changes without a namespace counter.
  resyncChangeCounters: async () => undefined,
  storedValue: (value) => value,
};
