import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult, QueryResult, RawBuilder } from 'kysely';
import type pg from 'pg';
import type { Executor } from './database.js';

// Hot statements with a fixed text run as prepared statements of their PostgreSQL connection: parsed and planned
// once per connection, not on every call. A poll's statement with the namespace's horizon took about 1.4 ms of
// parsing and planning for 0.5 ms of execution. SQLite's statements are cached by the store already (database.ts).

/** Prepared statement names by text; bounded, so that texts built from input can never grow it without limit. */
const names = new Map<string, string>();
const MOST_NAMES = 256;

/** Runs `query` through Kysely, as a prepared statement of its connection on PostgreSQL (see PreparingPool). */
export function executePrepared<R>(db: Executor, query: RawBuilder<R>): Promise<QueryResult<R>> {
  const compiled = query.compile(db);
  if (!names.has(compiled.sql) && names.size < MOST_NAMES) names.set(compiled.sql, `signups_prepared_${names.size}`);
  return db.executeQuery(compiled);
}

const COMMANDS: ReadonlyArray<PostgresQueryResult<unknown>['command']> = ['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE'];
const commandOf = (command: string) => COMMANDS.find((c) => c === command) ?? 'SELECT';

/** A pg client as Kysely uses it, running the texts executePrepared named as named statements. */
class PreparingClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sql: string | PostgresCursor<R>, parameters: ReadonlyArray<unknown> = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sql !== 'string') throw new Error('the store configures no cursors');
    return this.run<R>(sql, parameters);
  }

  private async run<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    const name = names.get(sql);
    const values = [...parameters];
    // The callback form, not the promise pg returns: with that promise, about two thirds of the young generation
    // survived each scavenge while pages of rows were read (5 % this way), so rows were promoted and left to full
    // collections; a page of 1,000 updates cost 3.2-3.9 ms of CPU instead of 2.0-2.4.
    const result = await new Promise<pg.QueryResult>((resolve, reject) =>
      this.client.query(name ? { name, text: sql, values } : { text: sql, values }, (error: Error | null, res: pg.QueryResult) => (error ? reject(error) : resolve(res))),
    );
    return { command: commandOf(result.command), rowCount: result.rowCount ?? 0, rows: result.rows };
  }

  release(): void {
    this.client.release();
  }
}

/** The pool as Kysely's PostgreSQL dialect takes it. */
export class PreparingPool implements PostgresPool {
  constructor(private readonly pool: pg.Pool) {}

  async connect(): Promise<PostgresPoolClient> {
    return new PreparingClient(await this.pool.connect());
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}
