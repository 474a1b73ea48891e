// A server process for multi-process tests: starts the server on the database URL given as the only argument and
// prints its address as the first line of stdout. Stops on SIGTERM.
import { configFromEnv } from '../../src/config/server-config.js';
import { startServer } from '../../src/server/start-server.js';

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: serve-app.ts DATABASE_URL');
const config = { ...configFromEnv(process.env), databaseUrl, host: '127.0.0.1', port: 0, logLevel: 'silent' };
const server = await startServer({ config });
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
