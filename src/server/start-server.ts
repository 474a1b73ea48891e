import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config/server-config.js';
import type { Clock } from '../store/clock.js';
import { openStore, type Store, type StoreOptions } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { type BuildOptions, buildApp } from './app.js';

export interface StartOptions {
  /** Where to listen (`host`, `port`: 0 picks a free one) and on which database (`databaseUrl`). */
  config: ServerConfig;
  clock?: Clock;
  logger?: BuildOptions['logger'];
  /** How the store is opened; by default with SQLite checkpoints in the background, as a long-running server wants. */
  store?: StoreOptions;
  /** Runs on the migrated store before the app is built: a seed, a first client. */
  prepare?(store: Store): Promise<void>;
  /** Default true. False makes the app ready without a socket: it is reached through `app.inject` only. */
  listen?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  /**
   * The address it listens on, e.g. http://127.0.0.1:8080. Not listening: the configured address (no port when it
   * is 0), which requests through `app.inject` name in Host as a client of a listening server would.
   */
  url: string;
  /** Stops listening, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

/**
 * The one way a server starts (the `serve` command, the tests, the benchmarks): open the store, migrate it, build
 * the app, listen (or only make it ready); and stop in the reverse order. A failure on the way closes what was
 * already open.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const store = openStore(config.databaseUrl, { backgroundCheckpoints: true, sqliteCacheKib: config.sqliteCacheMb * 1024, ...options.store });
  let app: FastifyInstance | undefined;
  try {
    await migrateToLatest(store);
    await options.prepare?.(store);
    app = await buildApp({ store, config, ...(options.clock ? { clock: options.clock } : {}), logger: options.logger ?? false });
    let url: string;
    if (options.listen === false) {
      // ready() is what listen() would run first: the plugins' onReady hooks start the background work.
      await app.ready();
      url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}${config.port === 0 ? '' : `:${config.port}`}`;
    } else {
      url = await app.listen({ host: config.host, port: config.port });
    }
    const running = app;
    return {
      app: running,
      store,
      url,
      async close() {
        await running.close();
        await store.close();
      },
    };
  } catch (error) {
    await app?.close();
    await store.close();
    throw error;
  }
}
