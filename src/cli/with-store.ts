import { DEFAULT_DATABASE_URL } from '../config/server-config.js';
import { AvevaError } from '../errors/aveva.js';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

/**
 * What every command that works on the database directly does around its work: opens the store `--database` names
 * (else SIGNUPS_DATABASE_URL, else the default file), brings its schema up to date, runs `run`, and closes it.
 */
export async function withStore<T>(flags: { database?: string }, run: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(flags.database ?? process.env.SIGNUPS_DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    await migrateToLatest(store);
    return await run(store);
  } catch (error) {
    // A refusal of the domain is the user's to fix: say it in one line, as other command errors are said.
    if (error instanceof AvevaError) throw new Error(error.message);
    throw error;
  } finally {
    await store.close();
  }
}
