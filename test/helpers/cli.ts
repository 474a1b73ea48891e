// Running the `signups` command as a user would: bin/signups.js on the compiled code, from the project root, in an
// environment free of the test machine's own SIGNUPS_* settings. Shared by the CLI and the SQL front-end tests.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsStale } from '../../scripts/dist-freshness.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'signups.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a user's shell would have, minus any SIGNUPS_* settings of the machine running the tests. */
export function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('SIGNUPS_')) env[key] = value;
  return env;
}

/** bin/signups.js runs the compiled code; compile when it is missing or older than the sources. */
export async function ensureBuilt(): Promise<void> {
  if (!distIsStale()) return;
  await new Promise<void>((resolve, reject) => {
    execFile('npm', ['run', 'build'], { cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`npm run build failed:\n${stdout}${stderr}`));
      else resolve();
    });
  });
}
