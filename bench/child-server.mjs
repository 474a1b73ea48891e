// What the benchmarks' plain node:http servers (echo-server.mjs, replay-server.mjs) share as children of a benchmark:
// they report { url } to the parent over IPC once listening, and stop cleanly on SIGTERM (which lets --cpu-prof
// write) or when the parent goes away.

const HOST = '127.0.0.1';

/** Listens on a free loopback port and reports it to the parent; `name` says which server in errors. */
export function serveAsChild(server, name) {
  if (!process.send) throw new Error(`${name} must be spawned with an IPC channel`);
  // Idle sockets kept as long as the real server keeps them (Fastify's default), so a client that pauses between
  // rounds does not reuse a socket this end is closing.
  server.keepAliveTimeout = 72_000;

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  // If the parent dies, do not linger as an orphan holding the port.
  process.on('disconnect', stop);

  server.listen(0, HOST, () => {
    const address = server.address();
    process.send?.({ url: `http://${HOST}:${typeof address === 'object' && address ? address.port : 0}` });
  });
}
