import { type Command, Option } from 'commander';
import type { RunnerOptions } from '../sql/runner.js';
import { DEFAULT_SERVER, OUTPUT_FORMATS, type OutputFormat } from '../sql/options.js';

export interface SqlFlags {
  server?: string;
  clientId?: string;
  clientSecret?: string;
  token?: string;
  registry?: string;
  auth?: string;
  output: string;
  hideheaders?: boolean;
  delimiter?: string;
  outfile?: string;
  infile?: string;
  var: string[];
  dryrun?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The connection flags `exec`, `sql` and `srv` share (StackQL's names where it has them). */
export function addConnectionOptions(command: Command): Command {
  return command
    .option('--server <url>', `the server every request goes to (env SIGNUPS_SERVER; default: the documents' own servers with --registry, else ${DEFAULT_SERVER})`)
    .option('--client-id <id>', 'OAuth2 client id, exchanged for a token (env SIGNUPS_CLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth2 client secret (env SIGNUPS_CLIENT_SECRET)')
    .option('--token <token>', 'a ready access token (instead of a client id and secret)')
    .option('--registry <json>', `a provider registry in StackQL's layout, e.g. '{"url": "file:///path/to/registry", "localDocRoot": "/path/to/registry", "verifyConfig": {"nopVerify": true}}'`)
    .option('--auth <json>', `credentials per provider in StackQL's form, e.g. '{"confluent": {"type": "basic", "username_var": "CONFLUENT_CLOUD_API_KEY", "password_var": "CONFLUENT_CLOUD_API_SECRET"}}'`);
}

/** The flags `exec` and `sql` share. */
export function addSqlOptions(command: Command): Command {
  return addConnectionOptions(command)
    .addOption(new Option('-o, --output <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table'))
    .option('-H, --hideheaders', 'no header line (csv and text output)')
    .option('-d, --delimiter <char>', 'csv delimiter', ',')
    .option('-f, --outfile <file>', 'write the output to a file')
    .option('--var <name=value>', 'fill {{ name }} in the query (repeatable)', collect, [])
    .option('--dryrun', 'print the query with its templates filled and send nothing');
}

/** Runner options from the flags and the environment (the SQL modules are loaded only here, after parsing). */
export async function runnerOptions(flags: Omit<SqlFlags, 'output' | 'var'> & { output?: string; var?: string[] }): Promise<RunnerOptions> {
  const [{ parseVars }, { parseAuthFlag }, { parseRegistryFlag }] = await Promise.all([
    import('../sql/template.js'),
    import('../sql/provider-auth.js'),
    import('../sql/registry-flag.js'),
  ]);
  const env = process.env;
  const options: RunnerOptions = {
    output: { format: (flags.output ?? 'table') as OutputFormat, hideHeaders: flags.hideheaders === true, delimiter: flags.delimiter ?? ',' },
    vars: parseVars(flags.var ?? []),
  };
  const server = flags.server ?? env.SIGNUPS_SERVER;
  if (server) options.server = server;
  if (flags.registry) options.registryRoot = parseRegistryFlag(flags.registry);
  if (flags.auth) options.auth = parseAuthFlag(flags.auth);
  if (flags.token) options.token = flags.token;
  const clientId = flags.clientId ?? env.SIGNUPS_CLIENT_ID;
  const clientSecret = flags.clientSecret ?? env.SIGNUPS_CLIENT_SECRET;
  if (!flags.token && clientId) options.clientId = clientId;
  if (!flags.token && clientSecret) options.clientSecret = clientSecret;
  return options;
}
