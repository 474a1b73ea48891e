import net from 'node:net';

/** The Redis the shared rate-limit tests use. */
export const REDIS_URL = process.env.SIGNUPS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether something accepts connections at REDIS_URL (the tests that need Redis are skipped otherwise). */
export async function redisAnswers(url = REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
