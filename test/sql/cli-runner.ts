import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, type Run, shellEnv } from '../helpers/cli.js';

export { ensureBuilt, type Run } from '../helpers/cli.js';

/** The user's shell environment, with a command history of this test run's own. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = shellEnv();
  env.SIGNUPS_SQL_HISTORY = join(tmpdir(), `signups-sql-history-${process.pid}`);
  return { ...env, ...extra };
}

/** Runs `signups ARGS` as a user would, optionally feeding stdin. */
export function signups(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(options.env ?? {}), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
