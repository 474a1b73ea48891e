import { configFromEnv, type ServerConfig } from '../config/server-config.js';
import { LogDestination } from '../server/log-destination.js';
import { limitHeapGrowth } from '../server/heap-growth.js';
import { handleShutdown } from '../server/shutdown.js';
import { startServer } from '../server/start-server.js';
import { followLauncher } from './launcher.js';

export interface ServeFlags {
  host?: string;
  port?: string;
  database?: string;
  publicUrl?: string;
  sandbox?: boolean;
  seed?: string;
  journalSize?: string;
}

export async function serve(flags: ServeFlags): Promise<void> {
  const config: ServerConfig = configFromEnv();
  if (flags.host) config.host = flags.host;
  if (flags.port) {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not '${flags.port}'`);
    config.port = port;
  }
  if (flags.database) config.databaseUrl = flags.database;
  if (flags.publicUrl) config.publicUrl = flags.publicUrl.replace(/\/+$/, '');
  if (flags.sandbox) config.sandbox.enabled = true;
  if (flags.journalSize) {
    const size = Number(flags.journalSize);
    if (!Number.isSafeInteger(size) || size <= 0) throw new Error(`--journal-size must be a positive integer, not '${flags.journalSize}'`);
    config.sandbox.journalSize = size;
  }

  limitHeapGrowth(config.heapGrowthPercent);
  // A reader of stdout or stderr that goes away must not stop the server, nor its shutdown.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  const server = await startServer({
    config,
    logger: { level: config.logLevel, stream: new LogDestination(1) },
    prepare: async (store) => {
      if (!flags.seed) return;
      const { seedFromFile } = await import('../sandbox/seed.js');
      await seedFromFile(store, flags.seed, { sandbox: config.sandbox.enabled });
    },
  });
  const shutdown = handleShutdown(server.app, { timeoutMs: config.shutdownTimeoutMs, cleanup: () => server.store.close() });
  followLauncher(() => shutdown('launcher exited'));
  const address = server.url;

  const database = config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl : config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@');
  process.stderr.write(
    [
      `Signups is listening on ${address} (database ${database})${config.sandbox.enabled ? ', sandbox controls at /_signups/v1/' : ''}`,
      'Create a first partner client with:',
      `  npx signups clients create --database ${database} --name my-partner --scopes "partner:create partner:describe"`,
      ...(config.sandbox.enabled
        ? ['and an administrator of the sandbox with:', `  npx signups clients create --database ${database} --name admin --scopes signups:admin`]
        : []),
      '',
    ].join('\n'),
  );
}
