// `signups exec` and `signups sql` run in this process, through the same command line a user types (src/cli/program.ts),
// so that each statement costs a parse and its HTTP calls instead of a Node start; test/cli/sql-smoke.e2e.test.ts
// runs the real command once.
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { runCli } from '../../src/cli/program.js';
import type { Run } from '../helpers/cli.js';

export type { Run } from '../helpers/cli.js';

/** The variables a user's shell would have: none of the machine's own SIGNUPS_* settings, a history of this run's own. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('SIGNUPS_') || key.startsWith('SIGNUPS_TEST_')) env[key] = value;
  env.SIGNUPS_SQL_HISTORY = join(tmpdir(), `signups-sql-history-${process.pid}`);
  return { ...env, ...extra };
}

/** Runs `signups ARGS` as a user would, optionally feeding stdin; the environment is the user's for the run only. */
export async function signups(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  let out = '';
  let err = '';
  const stdout = new Writable({ decodeStrings: false, write: (chunk: string | Buffer, _encoding, done) => ((out += chunk.toString()), done()) });
  const stderr = new Writable({ decodeStrings: false, write: (chunk: string | Buffer, _encoding, done) => ((err += chunk.toString()), done()) });
  // The SQL front end reads credentials from the environment as the process would; runs in a file are sequential.
  const saved = process.env;
  process.env = userEnv(options.env ?? {});
  try {
    const code = await runCli(args, { stdin, stdout, stderr });
    return { code, stdout: out, stderr: err };
  } finally {
    process.env = saved;
  }
}

/** A run's output, after checking it succeeded (exit code 0; a failure shows what it wrote to stderr). */
export function ok(run: Run): string {
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

/** A run's JSON output (`-o json`), after checking it succeeded; a failure shows everything the run printed. */
export function jsonOutput<T>(run: Run): T {
  const stdout = ok(run);
  try {
    return JSON.parse(stdout) as T;
  } catch (error) {
    assert.fail(`the output is not one JSON document (${(error as Error).message}):\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
  }
}
