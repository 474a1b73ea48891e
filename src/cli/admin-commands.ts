import { type Command, Option } from 'commander';

/** The flags every `admin` subcommand takes: where the sandbox server is and the admin client's credentials. */
function withConnection(command: Command): Command {
  return command
    .option('--server <url>', 'the sandbox server (env SIGNUPS_SERVER, default http://127.0.0.1:8080)')
    .option('--client-id <id>', 'a client with the scope signups:admin (env SIGNUPS_CLIENT_ID)')
    .option('--client-secret <secret>', 'its secret (env SIGNUPS_CLIENT_SECRET)')
    .option('--token <token>', 'a ready access token with the scope signups:admin')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'));
}

// The actions load their module when run, so that the rest of the command line does not pay for it.
const admin = () => import('./admin.js');

/** `signups admin ...`: the sandbox controls of a server started with --sandbox, over HTTP. */
export function addAdminCommands(program: Command): void {
  const group = program.command('admin').description('control a sandbox server (serve --sandbox): clock, reset, snapshots, request journal, faults');

  withConnection(group.command('clock').description('read or move the server clock; background work that falls due runs before it answers'))
    .option('--advance <duration>', 'move forward by a duration: 90s, 15m, 25h, 7d, 1h30m')
    .option('--set <iso>', 'move to a time (never backwards)')
    .option('--freeze', 'stop the clock')
    .option('--resume', 'let a frozen clock run on')
    .action(async (flags) => (await admin()).adminClock(flags));

  withConnection(group.command('reset').description('empty the partner, SDS and Change Broker data (clients and namespaces stay)'))
    .option('--clients', 'remove the clients too')
    .option('--namespaces', 'remove the namespaces and communities too')
    .action(async (flags) => (await admin()).adminReset(flags));

  withConnection(group.command('snapshot').description('print all state as one JSON document, or restore one'))
    .option('--out <file>', 'write the snapshot to a file')
    .option('--restore <file>', 'replace all state with the snapshot in the file')
    .action(async (flags) => (await admin()).adminSnapshot(flags));

  withConnection(group.command('requests').description('the request journal, newest first'))
    .option('--operation <operationId>', 'only this operation')
    .option('--status <status>', 'only answers with this status')
    .option('--client <clientId>', 'only this client')
    .option('--limit <n>', 'at most this many')
    .option('--clear', 'empty the journal')
    .action(async (flags) => (await admin()).adminRequests(flags));

  const faults = group.command('faults').description('inject delays and errors into matching requests');
  withConnection(faults.command('add').description('add a fault; prints its id'))
    .option('--operation <operationId>', 'match this operation')
    .option('--method <method>', 'match this HTTP method')
    .option('--path <regex>', 'match paths by this regular expression')
    .option('--client <clientId>', 'match requests of this client')
    .option('--status <status>', 'answer with this status (400-599) in the API\'s own error format')
    .option('--delay <ms>', 'delay the request by this many milliseconds')
    .option('--probability <p>', 'apply to this share of matching requests (0-1, default 1)')
    .option('--seed <n>', 'seed the choice, so that it repeats run to run')
    .option('--times <n>', 'apply to at most this many requests')
    .action(async (flags) => (await admin()).adminFaultsAdd(flags));
  withConnection(faults.command('list').description('the active faults')).action(async (flags) => (await admin()).adminFaultsList(flags));
  withConnection(faults.command('remove').description('remove a fault by id, or all of them').argument('[id]', 'the fault id'))
    .option('--all', 'remove every fault')
    .action(async (id: string | undefined, flags) => (await admin()).adminFaultsRemove(id, flags));
}
