import type SQLite from 'better-sqlite3';
import type { CheckedStream } from './sds-writes.js';
import type { SqliteJob } from './sqlite-group-commit.js';

// SQLite: the streams (with their types' keys) that group-committed SDS writes checked, kept for the next write to
// the same stream. Reading the stream was the costliest statement of a write after the inserts themselves (5-7 % of
// the server's CPU per write at 10 writers, about 12 us). An entry is only ever used while it is what the database
// holds:
// - this connection's own changes to a stream drop its entry, and any change to a type drops them all, through
//   temporary triggers that call back into this process during the changing statement (a change that is then
//   rolled back drops entries for nothing, which costs a read);
// - another connection's commits (another process on the file, a command-line tool) drop everything: once per
//   batch, under the batch's write lock, `PRAGMA data_version` tells whether anyone else committed since.
// The triggers live on the connection only (nothing outside this process depends on the callback). Made inside a
// batch, they would vanish with it if it rolled back, so each batch checks they are there until one has found them.

/** The function the temporary triggers call with a changed stream's key, or with nulls for "every stream". */
export const SQLITE_STREAM_CHANGED_FUNCTION = 'signups_stream_changed';

const TRIGGER_PREFIX = 'signups_stream_cache_';
/** Streams kept (about 1.2 KB each with their definitions and access lists, 5 MB at most): the oldest goes first. */
const MOST_ENTRIES = 4096;

const TRIGGERS: ReadonlyArray<[name: string, event: string, table: string, key: string]> = [
  // A stream is not kept while it is missing, but an insert that replaces a row must still drop the old one.
  ['stream_insert', 'INSERT', 'sds_streams', 'new.tenant_id, new.namespace_id, new.id'],
  ['stream_update', 'UPDATE', 'sds_streams', 'old.tenant_id, old.namespace_id, old.id'],
  ['stream_delete', 'DELETE', 'sds_streams', 'old.tenant_id, old.namespace_id, old.id'],
  ['type_insert', 'INSERT', 'sds_types', 'NULL, NULL, NULL'],
  ['type_update', 'UPDATE', 'sds_types', 'NULL, NULL, NULL'],
  ['type_delete', 'DELETE', 'sds_types', 'NULL, NULL, NULL'],
];

/** A stream's key in the checks either store keeps (here, and PostgreSQL's in src/store/sds-writes.ts). */
export const streamKey = (tenantId: string, namespaceId: string, streamId: string): string => `${tenantId}\u001f${namespaceId}\u001f${streamId}`;

export class SqliteStreamCache {
  readonly #entries = new Map<string, CheckedStream>();
  /** The batch whose checks were made: entries are checked once per batch, before its first use of them. */
  #checkedBatch = -1;
  #dataVersion: unknown;
  #triggersFound = false;
  #statements: { dataVersion: SQLite.Statement; triggers: SQLite.Statement } | undefined;

  constructor(private readonly sqlite: SQLite.Database) {}

  /** Called by the triggers (see SQLITE_STREAM_CHANGED_FUNCTION). */
  changed(tenantId: unknown, namespaceId: unknown, streamId: unknown): void {
    if (typeof tenantId === 'string' && typeof namespaceId === 'string' && typeof streamId === 'string') this.#entries.delete(streamKey(tenantId, namespaceId, streamId));
    else this.#entries.clear();
  }

  /** The stream as the database holds it in `job`'s transaction, read there unless an entry still holds. */
  get(job: SqliteJob, tenantId: string, namespaceId: string, streamId: string, read: () => CheckedStream | undefined): CheckedStream | undefined {
    if (job.batch !== this.#checkedBatch) this.#check(job.batch);
    const key = streamKey(tenantId, namespaceId, streamId);
    const entry = this.#entries.get(key);
    if (entry) return entry;
    const checked = read();
    // A stream that is not there is not kept: its creation fires no trigger.
    if (checked && this.#triggersFound) {
      if (this.#entries.size >= MOST_ENTRIES) this.#entries.delete(this.#entries.keys().next().value ?? '');
      this.#entries.set(key, checked);
    }
    return checked;
  }

  #check(batch: number): void {
    const s = (this.#statements ??= {
      dataVersion: this.sqlite.prepare('PRAGMA data_version').pluck(),
      triggers: this.sqlite.prepare(`SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE '${TRIGGER_PREFIX}%'`).pluck(),
    });
    this.#checkedBatch = batch;
    const version = s.dataVersion.get();
    if (version !== this.#dataVersion) {
      this.#entries.clear();
      this.#dataVersion = version;
    }
    if (this.#triggersFound) return;
    if (s.triggers.get() === TRIGGERS.length) {
      this.#triggersFound = true;
      return;
    }
    // Not there (never made, or made in a batch that rolled back): nothing kept can be trusted.
    this.#entries.clear();
    for (const [name, event, table, key] of TRIGGERS) {
      this.sqlite.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS ${TRIGGER_PREFIX}${name} AFTER ${event} ON main.${table} BEGIN SELECT ${SQLITE_STREAM_CHANGED_FUNCTION}(${key}); END`,
      );
    }
  }
}
