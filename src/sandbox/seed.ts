import { readFile } from 'node:fs/promises';
import type { Store } from '../store/database.js';
import { SandboxError } from './errors.js';
import { clockRow, SandboxClock } from './sandbox-clock.js';
import { restoreState, type Snapshot } from './state.js';

/**
 * Replaces the database's state with a snapshot file, keys included, so that tokens and bookmarks issued by the
 * server it was taken from keep verifying. A sandbox server also takes the snapshot's clock.
 */
export async function seedFromFile(store: Store, file: string, options: { sandbox: boolean }): Promise<void> {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  } catch (error) {
    throw new Error(`cannot read the seed file ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (typeof snapshot !== 'object' || snapshot === null || typeof snapshot.tables !== 'object' || typeof snapshot.clock !== 'object') {
    throw new Error(`${file} is not a Signups snapshot (GET /_signups/v1/snapshot or signups admin snapshot)`);
  }
  try {
    await restoreState(store.db, store.dialectOps, snapshot, { keys: 'replace' });
  } catch (error) {
    if (error instanceof SandboxError) throw new Error(`${file}: ${error.message}`, { cause: error });
    throw error;
  }
  if (options.sandbox) {
    await new SandboxClock(clockRow(store.db, store.dialectOps)).moveTo(Date.parse(snapshot.clock.now), snapshot.clock.frozen, { allowBackwards: true });
  }
}
