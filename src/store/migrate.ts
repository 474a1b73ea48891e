import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { DialectName, Store } from './database.js';
import * as partner from './migrations/0001-partner.js';
import * as sds from './migrations/0002-sds.js';
import * as changeBroker from './migrations/0003-change-broker.js';
import * as communities from './migrations/0004-communities.js';
import * as readPosition from './migrations/0005-signup-read-position.js';
import * as changeSignals from './migrations/0006-change-signals.js';
import * as typeAccess from './migrations/0007-type-access.js';
import * as webhooks from './migrations/0008-webhooks.js';
import * as purgedChanges from './migrations/0009-purged-changes.js';
import * as changeLogByStream from './migrations/0010-change-log-by-stream.js';
import * as sdsWriteBatch from './migrations/0011-sds-write-batch.js';
import * as changeSignalAfterCommit from './migrations/0012-change-signal-after-commit.js';
import * as sdsWriteBatchBoundedChecks from './migrations/0013-sds-write-batch-bounded-checks.js';

/** What a migration that the other database needs does here: nothing, recorded as done all the same. */
const NOTHING: Migration = { up: async () => undefined, down: async () => undefined };

/**
 * Migrations are listed here, not read from a folder, so they run the same from sources and from dist/. One that
 * only one database needs is listed per dialect.
 */
function provider(store: Store): MigrationProvider {
  const only = (dialect: DialectName, migration: Migration): Migration => ({ sqlite: NOTHING, postgres: NOTHING, [dialect]: migration })[store.dialect];
  const migrations: Record<string, Migration> = {
    '0001-partner': {
      up: (db) => partner.up(db, store.dialectOps),
      down: (db) => partner.down(db),
    },
    '0002-sds': { up: (db) => sds.up(db), down: (db) => sds.down(db) },
    '0003-change-broker': { up: (db) => changeBroker.up(db), down: (db) => changeBroker.down(db) },
    '0004-communities': { up: (db) => communities.up(db), down: (db) => communities.down(db) },
    '0005-signup-read-position': { up: (db) => readPosition.up(db), down: (db) => readPosition.down(db) },
    '0006-change-signals': only('postgres', changeSignals),
    '0007-type-access': { up: (db) => typeAccess.up(db), down: (db) => typeAccess.down(db) },
    '0008-webhooks': { up: (db) => webhooks.up(db), down: (db) => webhooks.down(db) },
    '0009-purged-changes': { up: (db) => purgedChanges.up(db), down: (db) => purgedChanges.down(db) },
    '0010-change-log-by-stream': { up: (db) => changeLogByStream.up(db), down: (db) => changeLogByStream.down(db) },
    '0011-sds-write-batch': only('postgres', sdsWriteBatch),
    '0012-change-signal-after-commit': only('postgres', changeSignalAfterCommit),
    '0013-sds-write-batch-bounded-checks': only('postgres', sdsWriteBatchBoundedChecks),
  };
  return { getMigrations: async () => migrations };
}

/** How long a start waits for other processes migrating the same SQLite file. */
const MIGRATION_WAIT_MS = 120_000;

function isSqliteBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_BUSY_SNAPSHOT');
}

/** Brings the schema up to date; safe to call from several processes at once (the migrator takes a lock). */
export async function migrateToLatest(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: provider(store) });
  let { error, results } = await migrator.migrateToLatest();
  // SQLite: processes started together on one file migrate one after the other, each holding the write lock for
  // the whole run; on a busy machine that can outlast one busy timeout. Wait for the other process's turn to end.
  const deadline = Date.now() + MIGRATION_WAIT_MS;
  while (error && isSqliteBusy(error) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export async function pingDatabase(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
}

/** Whether the database answers, for readiness checks: never throws. */
export async function readiness(store: Store): Promise<{ status: 'ok' | 'unavailable'; database: Store['dialect'] }> {
  try {
    await pingDatabase(store);
    return { status: 'ok', database: store.dialect };
  } catch {
    return { status: 'unavailable', database: store.dialect };
  }
}
