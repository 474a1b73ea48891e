import { type Kysely, sql } from 'kysely';
import type { Db, DialectName } from './database.js';

export type CatalogValue = string | number | boolean | null;
/** The schema as the catalogue lists it: tables by name, rows as plain values. */
export type CatalogTables = Record<string, Record<string, CatalogValue>>;

/**
 * The database seen through its catalogue, for code that copies whole tables whose names and columns it read from
 * the database itself (snapshots, reset); everything else uses the typed schema.
 */
export const catalogView = (db: Db): Kysely<CatalogTables> => db as unknown as Kysely<CatalogTables>;

/** A table as the database describes it: enough to copy its rows out and back in, whatever the migrations made. */
export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Tables this one refers to by foreign key. */
  references: string[];
}

/** Bookkeeping of the migrator, not state. */
const INTERNAL = /^(kysely_|sqlite_)/;

async function sqliteTables(db: Db): Promise<TableInfo[]> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
  const out: TableInfo[] = [];
  for (const { name } of rows.filter((r) => !INTERNAL.test(r.name))) {
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

async function postgresTables(db: Db): Promise<TableInfo[]> {
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
    .filter((t) => !INTERNAL.test(t.name))
    .map(({ name }) => ({
      name,
      columns: columns.rows.filter((c) => c.table === name).map((c) => c.name),
      primaryKey: keys.rows.filter((k) => k.table === name).map((k) => k.name),
      references: [...new Set(references.rows.filter((r) => r.table === name).map((r) => r.parent))],
    }));
}

/** Every table of the schema, parents before the tables that refer to them (so rows can be inserted in this order). */
export async function listTables(db: Db, dialect: DialectName): Promise<TableInfo[]> {
  const tables = dialect === 'postgres' ? await postgresTables(db) : await sqliteTables(db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (table: TableInfo) => {
    if (placed.has(table.name) || visiting.has(table.name)) return;
    visiting.add(table.name);
    for (const parent of table.references) {
      const info = byName.get(parent);
      if (info && parent !== table.name) place(info);
    }
    visiting.delete(table.name);
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of tables) place(table);
  return ordered;
}

/**
 * After rows were copied in with their own numbers, PostgreSQL's sequences must continue after the largest; SQLite
 * moves its AUTOINCREMENT counters on its own.
 */
export async function resyncSequences(db: Db, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  const serials = await sql<{ table: string; column: string; sequence: string }>`
    select table_name as table, column_name as column, pg_get_serial_sequence(quote_ident(table_name), column_name) as sequence
    from information_schema.columns
    where table_schema = current_schema() and (column_default like 'nextval(%' or is_identity = 'YES')`.execute(db);
  for (const { table, column, sequence } of serials.rows) {
    if (!sequence) continue;
    await sql`select setval(${sequence}, coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}
