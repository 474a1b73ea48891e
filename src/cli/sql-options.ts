import { type Command, Option } from 'commander';
import { OUTPUT_FORMATS, type OutputFormat } from '../sql/output.js';
import { DEFAULT_SERVER, type RunnerOptions } from '../sql/runner.js';
import { parseVars } from '../sql/template.js';

export interface SqlFlags {
  server?: string;
  clientId?: string;
  clientSecret?: string;
  token?: string;
  output: string;
  hideheaders?: boolean;
  delimiter?: string;
  outfile?: string;
  infile?: string;
  var: string[];
  dryrun?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The flags `exec` and `sql` share (StackQL's names where it has them). */
export function addSqlOptions(command: Command): Command {
  return command
    .option('--server <url>', `the Signups server (env SIGNUPS_SERVER, default ${DEFAULT_SERVER})`)
    .option('--client-id <id>', 'OAuth2 client id, exchanged for a token (env SIGNUPS_CLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth2 client secret (env SIGNUPS_CLIENT_SECRET)')
    .option('--token <token>', 'a ready access token (instead of a client id and secret)')
    .addOption(new Option('-o, --output <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table'))
    .option('-H, --hideheaders', 'no header line (csv and text output)')
    .option('-d, --delimiter <char>', 'csv delimiter', ',')
    .option('-f, --outfile <file>', 'write the output to a file')
    .option('--var <name=value>', 'fill {{ name }} in the query (repeatable)', collect, [])
    .option('--dryrun', 'print the query with its templates filled and send nothing');
}

export function runnerOptions(flags: SqlFlags): RunnerOptions {
  const env = process.env;
  const options: RunnerOptions = {
    server: flags.server ?? env.SIGNUPS_SERVER ?? DEFAULT_SERVER,
    output: { format: flags.output as OutputFormat, hideHeaders: flags.hideheaders === true, delimiter: flags.delimiter ?? ',' },
    vars: parseVars(flags.var),
  };
  if (flags.token) options.token = flags.token;
  const clientId = flags.clientId ?? env.SIGNUPS_CLIENT_ID;
  const clientSecret = flags.clientSecret ?? env.SIGNUPS_CLIENT_SECRET;
  if (!flags.token && clientId) options.clientId = clientId;
  if (!flags.token && clientSecret) options.clientSecret = clientSecret;
  return options;
}
