import { writeSync } from 'node:fs';

/** How long a write may wait for a full pipe before the line is dropped. */
const FULL_PIPE_WAIT_MS = 100;

/**
 * Where the server's JSON log lines go: written synchronously to a file descriptor (stdout by default), so that
 * nothing is left to flush at exit. When the reader is gone (EPIPE, or any other write error) logging stops
 * instead of failing or spinning: pino's own destination retries such a write forever in its exit flush.
 */
export class LogDestination {
  #broken = false;

  constructor(private readonly fd = 1) {}

  get broken(): boolean {
    return this.#broken;
  }

  write(line: string): void {
    if (this.#broken) return;
    let rest = Buffer.from(line, 'utf8');
    const deadline = Date.now() + FULL_PIPE_WAIT_MS;
    while (rest.length > 0) {
      try {
        rest = rest.subarray(writeSync(this.fd, rest));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A non-blocking pipe that is full: wait a little for the reader, then drop the line rather than block.
        if ((code === 'EAGAIN' || code === 'EBUSY') && Date.now() < deadline) continue;
        if (code !== 'EAGAIN' && code !== 'EBUSY') this.#broken = true;
        return;
      }
    }
  }
}
