import type { FastifyInstance } from 'fastify';

export interface ShutdownOptions {
  /** The most time draining may take; then open connections are cut and the process exits anyway. */
  timeoutMs: number;
  /** Runs after the server closed (or the time ran out): close the store. */
  cleanup(): Promise<void>;
  exit?(code: number): void;
}

/**
 * SIGTERM and SIGINT stop accepting connections, let in-flight requests finish (answers then close their
 * connection; idle keep-alive connections close at once) and exit 0 within `timeoutMs` whatever happens: a
 * request that does not finish in time is cut off. Returns the function that starts the same shutdown.
 */
export function handleShutdown(app: FastifyInstance, options: ShutdownOptions): (reason: string) => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = false;
  const shutdown = (reason: string) => {
    if (started) return;
    started = true;
    app.log.info({ reason, timeoutMs: options.timeoutMs }, 'draining');
    const deadline = setTimeout(() => {
      app.log.warn({ timeoutMs: options.timeoutMs }, 'requests still open at the shutdown deadline; closing their connections');
      app.server.closeAllConnections();
      void options.cleanup().finally(() => exit(0));
      // If even closing the store hangs, leave anyway.
      setTimeout(() => exit(0), 1_000).unref();
    }, options.timeoutMs);
    app
      .close()
      .then(() => options.cleanup())
      .then(() => {
        clearTimeout(deadline);
        exit(0);
      })
      .catch((err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        clearTimeout(deadline);
        exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  return shutdown;
}
