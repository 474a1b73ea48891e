// A server process for multi-process tests: builds the app on the database URL given as the only argument and
// prints its address as the first line of stdout. Stops on SIGTERM.
import { configFromEnv } from '../../src/config/server-config.js';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: serve-app.ts DATABASE_URL');
const store = openStore(databaseUrl, { backgroundCheckpoints: true });
await migrateToLatest(store);
const config = { ...configFromEnv(process.env), databaseUrl, host: '127.0.0.1', port: 0, logLevel: 'silent' };
const app = await buildApp({ store, config, logger: false });
const address = await app.listen({ host: config.host, port: 0 });
process.stdout.write(`${address}\n`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
