// Server processes for multi-process tests: each is `signups serve` from the compiled dist/ on one shared database,
// so that writes commit from separate processes (and connection pools) as they would in a deployment. Compiled,
// a process starts in about two thirds of the CPU time it takes to compile the sources on the fly with tsx.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { BIN, ensureBuilt, ROOT } from './cli.js';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
}

/**
 * Starts a server process on the database, with `env` over this process's environment; resolves with its address
 * (see listeningUrl).
 */
export async function startServerProcess(databaseUrl: string, env: Record<string, string>): Promise<ServerProcess> {
  await ensureBuilt();
  const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--database', databaseUrl], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, SIGNUPS_LOG_LEVEL: 'silent', ...env },
  });
  return { url: await listeningUrl(child), child };
}

/**
 * The address a `serve` process says it listens on, on stderr ("Signups is listening on http://…"). What it writes
 * before that is kept for the error if it exits first; what it writes after goes to this process's stderr.
 */
export function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let early = '';
    let listening = false;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (listening) {
        process.stderr.write(chunk);
        return;
      }
      early += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(early);
      if (match?.[1]) {
        listening = true;
        resolve(match[1]);
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (!listening) reject(new Error(`server process exited with ${String(code ?? signal)} before listening:\n${early}`));
    });
  });
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
