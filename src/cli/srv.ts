import { followLauncher } from './launcher.js';
import { runnerOptions, type SqlFlags } from './sql-options.js';

export type SrvFlags = Omit<SqlFlags, 'output' | 'var'> & { host: string; port: string };

/** `signups srv`: the SQL front end over the PostgreSQL wire protocol, until SIGINT or SIGTERM. */
export async function srvCommand(flags: SrvFlags): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not '${flags.port}'`);
  const { output: _output, ...runner } = await runnerOptions(flags);
  const { startWireServer } = await import('../sql/wire-server.js');
  const server = await startWireServer({ host: flags.host, port, runner, log: (line) => process.stderr.write(`${line}\n`) });
  const login = runner.token || (runner.clientId && runner.clientSecret) || runner.auth ? 'credentials from the flags' : 'log in with a client id as user name and its secret as password';
  process.stdout.write(`signups srv listening on postgres://${server.host}:${server.port} (${login})\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Like `serve`: started through npx, `kill $!` reaches npm, not this process.
  followLauncher(stop);
}
