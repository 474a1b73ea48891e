import { configFromEnv, type ServerConfig } from '../config/server-config.js';
import { buildApp } from '../server/app.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

export interface ServeFlags {
  host?: string;
  port?: string;
  database?: string;
  publicUrl?: string;
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

  const store = openStore(config.databaseUrl);
  await migrateToLatest(store);
  const app = await buildApp({ store, config });
  const address = await app.listen({ host: config.host, port: config.port });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'draining');
    app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const database = config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl : config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@');
  process.stderr.write(
    [
      `Signups is listening on ${address} (database ${database})`,
      'Create a first partner client with:',
      `  npx signups clients create --database ${database} --name my-partner --scopes "partner:create partner:describe"`,
      '',
    ].join('\n'),
  );
}
