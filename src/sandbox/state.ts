import type { Kysely } from 'kysely';
import type { Db } from '../store/database.js';
import type { DialectOps } from '../store/dialects/dialect-ops.js';
import { type CatalogTables, type CatalogValue, catalogView, listTables, type TableInfo } from '../store/tables.js';
import { SandboxError } from './errors.js';
import { CLOCK_SETTING, type ClockView, type SandboxClock } from './sandbox-clock.js';
import { kickBackgroundWork } from '../change-broker/worker.js';

/** Holds the server's keys and the clock: kept by a reset, and by a restore into a running server. */
const SETTINGS = 'settings';
/** Which process runs periodic work: bookkeeping of the running processes, not data; never reset, saved or restored. */
const LEASES = 'cb_leases';
/** Provisioning that a reset keeps unless asked: who may call, and where tenants write and share (as the CLI sets up). */
const CLIENTS = new Set(['clients']);
const NAMESPACES = new Set(['namespaces', 'cb_communities', 'cb_community_members', 'cb_community_shares']);

export type Row = Record<string, CatalogValue>;

export interface Snapshot {
  format: 'signups-snapshot';
  version: 1;
  takenAt: string;
  clock: ClockView;
  tables: Record<string, Row[]>;
}

/** A snapshot to restore: when it was taken is for people, and the document lets it out. */
export type SnapshotInput = Omit<Snapshot, 'takenAt' | 'tables'> & { takenAt?: string; tables: Record<string, Record<string, unknown>[]> };

export interface ResetOptions {
  clients?: boolean;
  namespaces?: boolean;
}

/** Rows per INSERT: below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters for any table we have. */
const MAX_PARAMETERS = 30_000;

type Catalog = Kysely<CatalogTables>;

/** Deletes every row of the tables, children before parents. Returns the rows removed per table. */
async function emptyTables(trx: Catalog, tables: readonly TableInfo[]): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const table of [...tables].reverse()) {
    // Table names come from the database's own catalogue, never from a request.
    const result = await trx.deleteFrom(table.name).executeTakeFirst();
    removed[table.name] = Number(result.numDeletedRows);
  }
  return removed;
}

/**
 * Empties the partner, SDS and Change Broker data in one transaction. The server's keys and clock always stay
 * (tokens and bookmarks issued before keep verifying); clients and namespaces stay unless asked.
 */
export async function resetState(db: Db, dialect: DialectOps, options: ResetOptions = {}): Promise<Record<string, number>> {
  const tables = (await listTables(db, dialect)).filter(
    (t) => t.name !== SETTINGS && t.name !== LEASES && (options.clients || !CLIENTS.has(t.name)) && (options.namespaces || !NAMESPACES.has(t.name)),
  );
  return catalogView(db)
    .transaction()
    .execute((trx) => emptyTables(trx, tables));
}

function orderKey(table: TableInfo): string[] {
  return table.primaryKey.length > 0 ? table.primaryKey : table.columns;
}

/** All state in one document, read in one transaction so that it is consistent. */
export async function takeSnapshot(db: Db, dialect: DialectOps, clock: ClockView): Promise<Snapshot> {
  const tables = (await listTables(db, dialect)).filter((t) => t.name !== LEASES);
  const rows = await catalogView(db)
    .transaction()
    .execute(async (trx) => {
    const out: Record<string, Row[]> = {};
    for (const table of tables) {
      let query = trx.selectFrom(table.name).selectAll();
      for (const column of orderKey(table)) query = query.orderBy(column);
      let found: Row[] = await query.execute();
      if (table.name === SETTINGS) found = found.filter((r) => r.key !== CLOCK_SETTING);
      out[table.name] = found;
    }
    return out;
  });
  return { format: 'signups-snapshot', version: 1, takenAt: clock.now, clock, tables: rows };
}

/** The snapshot's rows, once each table and column is known here and each value one a column holds. */
function checkSnapshot(snapshot: SnapshotInput, tables: readonly TableInfo[]): Record<string, Row[]> {
  if (snapshot.format !== 'signups-snapshot' || snapshot.version !== 1) {
    throw new SandboxError('invalid_snapshot', 'This is not a version 1 Signups snapshot', { pointer: '/format' });
  }
  if (Number.isNaN(Date.parse(snapshot.clock.now))) {
    throw new SandboxError('invalid_snapshot', `'${snapshot.clock.now}' is not an ISO 8601 date-time`, { pointer: '/clock/now' });
  }
  const known = new Map(tables.map((t) => [t.name, new Set(t.columns)]));
  const checked: Record<string, Row[]> = {};
  for (const [name, rows] of Object.entries(snapshot.tables)) {
    const columns = known.get(name);
    if (!columns) throw new SandboxError('invalid_snapshot', `The snapshot has a table '${name}' that this server does not`, { pointer: `/tables/${name}` });
    checked[name] = rows.map((row, i) => {
      const out: Row = {};
      for (const [column, value] of Object.entries(row)) {
        const pointer = `/tables/${name}/${i}/${column}`;
        if (!columns.has(column)) throw new SandboxError('invalid_snapshot', `Table '${name}' has no column '${column}'`, { pointer });
        if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
          throw new SandboxError('invalid_snapshot', `Column '${column}' of table '${name}' holds an ${Array.isArray(value) ? 'array' : 'object'}; columns hold strings, numbers, booleans or null`, { pointer });
        }
        out[column] = name === 'change_log' && column === 'events' ? storedEvents(value, pointer) : value;
      }
      return out;
    });
  }
  return checked;
}

/**
 * A change record's events as every writer stores them, JSON.stringify's text of an array: Get Updates splices the
 * stored text into its answers unparsed, so a snapshot's text (written by hand, or by another JSON writer) is
 * stored the same way, and one that is not a JSON array is refused here rather than answered wrongly later.
 */
function storedEvents(value: string | number | boolean | null, pointer: string): string {
  let events: unknown;
  try {
    events = typeof value === 'string' ? JSON.parse(value) : undefined;
  } catch {
    events = undefined;
  }
  if (!Array.isArray(events)) throw new SandboxError('invalid_snapshot', 'A change record\'s events are the text of a JSON array', { pointer });
  return JSON.stringify(events);
}

/**
 * Replaces all state with the snapshot's, exactly, in one transaction: a snapshot that does not fit changes
 * nothing. With `keys: 'keep'` the settings (the server's keys) stay as they are, so that what this server issued
 * keeps verifying; with 'replace' they are the snapshot's too (a server starting from a seed file).
 */
export async function restoreState(db: Db, dialect: DialectOps, snapshot: SnapshotInput, options: { keys: 'keep' | 'replace' }): Promise<Record<string, number>> {
  const tables = await listTables(db, dialect);
  const rowsOf = checkSnapshot(snapshot, tables);
  const targets = tables.filter((t) => t.name !== LEASES && (t.name !== SETTINGS || options.keys === 'replace'));
  const restored: Record<string, number> = {};
  try {
    await catalogView(db)
      .transaction()
      .execute(async (trx) => {
      const settings = targets.find((t) => t.name === SETTINGS);
      await emptyTables(
        trx,
        targets.filter((t) => t.name !== SETTINGS),
      );
      if (settings) await trx.deleteFrom(SETTINGS).where('key', '<>', CLOCK_SETTING).execute();
      for (const table of targets) {
        const rows = (rowsOf[table.name] ?? []).filter((r) => table.name !== SETTINGS || r.key !== CLOCK_SETTING);
        restored[table.name] = rows.length;
        const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, table.columns.length)));
        for (let i = 0; i < rows.length; i += chunk) {
          const values = rows.slice(i, i + chunk).map((row) => normalizeRow(row, dialect));
          await trx.insertInto(table.name).values(values).execute();
        }
      }
      // A snapshot taken on the other database may carry no namespace counters.
      await dialect.resyncChangeCounters(trx);
    });
  } catch (error) {
    if (error instanceof SandboxError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SandboxError('invalid_snapshot', `The snapshot does not fit this server's data: ${reason}`);
  }
  await dialect.resyncSequences(db);
  return restored;
}

function normalizeRow(row: Row, dialect: DialectOps): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = dialect.storedValue(value);
  return out;
}

/** Restores a snapshot with the clock it was taken at (keeping this server's keys); due background work then runs. */
export async function restoreSnapshot(db: Db, dialect: DialectOps, clock: SandboxClock, snapshot: SnapshotInput): Promise<{ restored: Record<string, number>; clock: ClockView }> {
  const restored = await restoreState(db, dialect, snapshot, { keys: 'keep' });
  const view = await clock.moveTo(Date.parse(snapshot.clock.now), snapshot.clock.frozen, { allowBackwards: true });
  kickBackgroundWork(db);
  return { restored, clock: view };
}
