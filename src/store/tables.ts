import type { Kysely } from 'kysely';
import type { Db } from './database.js';
import type { DialectOps } from './dialects/dialect-ops.js';

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

/** Bookkeeping of the database and the migrator, not state. */
export const INTERNAL_TABLES = /^(kysely_|sqlite_)/;

/** Every table of the schema, parents before the tables that refer to them (so rows can be inserted in this order). */
export async function listTables(db: Db, dialect: DialectOps): Promise<TableInfo[]> {
  const tables = await dialect.tables(db);
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
