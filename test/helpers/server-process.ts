// Server processes for multi-process tests: each runs test/helpers/serve-app.ts on one shared database, so that
// writes commit from separate processes (and connection pools) as they would in a deployment.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SERVE = join(dirname(fileURLToPath(import.meta.url)), 'serve-app.ts');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
}

/** Starts a server process on the database, with `env` over this process's environment; resolves with its address. */
export async function startServerProcess(databaseUrl: string, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE, databaseUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`server process exited with ${String(code)} before listening`);
    }),
  ])) as [string];
  return { url: line.trim(), child };
}

/** Stops the processes one after another, each with SIGTERM, waiting for its exit. */
export async function stopServerProcesses(servers: readonly ServerProcess[]): Promise<void> {
  for (const { child } of servers) {
    // A process killed by a signal has a signalCode and no exitCode; it will not exit again.
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
}
