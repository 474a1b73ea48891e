import type { IncomingMessage } from 'node:http';

/** How much of an oversized body is read and thrown away so that the client, still sending, can read the 413. */
const DRAIN_BYTES = 16 * 1024 * 1024;
const DRAIN_MS = 5_000;

/**
 * Reads and discards the rest of a request body, up to a bound in bytes and time, as nginx's lingering close does:
 * a client that is still sending when the server answers would otherwise see the connection reset, not the answer.
 */
export function drainBody(request: IncomingMessage): Promise<void> {
  if (request.readableEnded || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let received = 0;
    const finish = () => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', finish);
      request.off('error', finish);
      request.off('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > DRAIN_BYTES) finish();
    };
    const timer = setTimeout(finish, DRAIN_MS);
    request.on('data', onData);
    request.once('end', finish);
    request.once('error', finish);
    request.once('close', finish);
    request.resume();
  });
}
