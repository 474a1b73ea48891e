import { Command, CommanderError } from 'commander';
import { addConnectionOptions, addSqlOptions } from './sql-options.js';
import { addAdminCommands } from './admin-commands.js';
import { VERSION } from '../version.js';

/** Where a run of the command line reads and writes: the process's own streams, or a caller's. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

// Each subcommand's module is imported when it runs, so that `exec` and `sql` never load the server stack.
function createProgram(io: CliIo, status: { code: number }): Command {
  const program = new Command();
  program.exitOverride().configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) });
  program.name('signups').description('Signups: partner/v2 signups, Change Broker signups, and SQL over both').showHelpAfterError();
  program.version(VERSION, '-V, --version', 'print the version');

  program
    .command('serve')
    .description('run the HTTP server (migrations run at start)')
    .option('--host <host>', 'address to listen on (env SIGNUPS_HOST, default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (env SIGNUPS_PORT, default 8080)')
    .option('--database <url>', 'sqlite:PATH or postgres://... (env SIGNUPS_DATABASE_URL, default sqlite:./data/signups.db)')
    .option('--public-url <url>', 'base of absolute URLs in answers (env SIGNUPS_PUBLIC_URL)')
    .option('--sandbox', 'serve the sandbox controls under /_signups/v1/: clock, reset, snapshots, journal, faults (env SIGNUPS_SANDBOX=1)')
    .option('--seed <file>', 'replace the database\'s state with a snapshot file before serving')
    .option('--journal-size <n>', 'requests the sandbox journal keeps (env SIGNUPS_JOURNAL_SIZE, default 1000)')
    .action(async (flags) => (await import('./serve.js')).serve(flags));

  const clients = program.command('clients').description('OAuth2 clients (partners and tenant applications)');
  clients
    .command('create')
    .description('create a client and print its id and secret (the secret is shown once)')
    .option('--database <url>', 'database URL (env SIGNUPS_DATABASE_URL)')
    .requiredOption('--name <name>', 'a name to recognise the client by')
    .option('--scopes <scopes>', 'space-separated scopes, e.g. "partner:create partner:describe"', '')
    .option('--tenant <tenantId>', 'the tenant the client acts in')
    .option('--json', 'print {"client_id","client_secret"}')
    .action(async (flags) => (await import('./clients.js')).createClientCommand(flags));

  const namespaces = program.command('namespaces').description('SDS namespaces (where streams and signups live)');
  namespaces
    .command('create')
    .description('create a namespace in a tenant (no-op if it exists)')
    .option('--database <url>', 'database URL (env SIGNUPS_DATABASE_URL)')
    .requiredOption('--tenant <tenantId>', 'the tenant')
    .requiredOption('--namespace <namespaceId>', 'the namespace id')
    .action(async (flags) => (await import('./namespaces.js')).createNamespaceCommand(flags));

  const communities = program.command('communities').description('Change Broker communities: tenants that share streams with each other');
  communities
    .command('create')
    .description('create a community (or add members to it) of the given tenants')
    .option('--database <url>', 'database URL (env SIGNUPS_DATABASE_URL)')
    .requiredOption('--id <communityId>', 'the community id (sent by clients as the Community-Id header)')
    .requiredOption('--tenant <tenantId>', 'a member tenant (repeat for each)', (value: string, previous: string[] = []) => [...previous, value])
    .action(async (flags) => (await import('./communities.js')).createCommunityCommand(flags));
  for (const [name, description, action] of [
    ['share', 'share a stream of a member tenant into the community', 'shareCommand'],
    ['unshare', 'stop sharing a stream: community signups lose access to it', 'unshareCommand'],
  ] as const) {
    communities
      .command(name)
      .description(description)
      .option('--database <url>', 'database URL (env SIGNUPS_DATABASE_URL)')
      .requiredOption('--community <communityId>', 'the community')
      .requiredOption('--tenant <tenantId>', 'the tenant that owns the stream (a member of the community)')
      .requiredOption('--namespace <namespaceId>', "the stream's namespace")
      .requiredOption('--stream <streamId>', 'the stream id')
      .action(async (flags) => (await import('./communities.js'))[action](flags));
  }

  program
    .command('link-token')
    .description('print a link token for POST /partner/v2/signup/link')
    .option('--database <url>', 'database URL (env SIGNUPS_DATABASE_URL)')
    .requiredOption('--organization <id>', 'the existing organization to link to')
    .option('--ttl <duration>', 'how long the token is valid (90s, 15m, 1h, 7d)', '1h')
    .option('--partner <clientId>', 'only this partner (client id) may use the token')
    .action(async (flags) => (await import('./link-token.js')).linkTokenCommand(flags));

  addSqlOptions(
    program
      .command('exec')
      .description('run StackQL-dialect statements against a Signups server, e.g. "SHOW METHODS IN confluent.partner.signups"')
      .argument('[query]', 'one or more statements separated by ";"')
      .option('-i, --infile <file>', 'read the statements from a file (.iql)'),
  ).action(async (query, flags) => (await import('./exec.js')).execCommand(query, flags, (chunk) => void io.stdout.write(chunk)));

  addSqlOptions(program.command('sql').description('interactive SQL shell (history; statements end with ";")')).action(async (flags) => {
    if (await (await import('./sql-shell.js')).sqlShell(flags, { input: io.stdin, output: io.stdout, error: io.stderr })) status.code = 1;
  });

  addConnectionOptions(
    program
      .command('srv')
      .description('serve the same SQL over the PostgreSQL wire protocol (psql, BI tools, any PostgreSQL driver)')
      .option('--host <host>', 'address to listen on', '127.0.0.1')
      .option('--port <port>', 'port to listen on', '5444'),
  ).action(async (flags) => (await import('./srv.js')).srvCommand(flags));

  addAdminCommands(program);
  return program;
}

/**
 * Runs `signups ARGS` and resolves with its exit status: 0, or 1 after one line on stderr. Commands that keep
 * running (serve, srv) resolve once started. The SQL commands (exec, sql) read and write through `io`.
 */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const status = { code: 0 };
  try {
    await createProgram(io, status).parseAsync(args, { from: 'user' });
  } catch (error) {
    // Commander has already printed its own errors (and help or the version, which end with 0).
    if (error instanceof CommanderError) return error.exitCode;
    io.stderr.write(`signups: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  }
  return status.code;
}
