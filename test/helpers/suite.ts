import { after, before, describe } from 'node:test';

/**
 * A suite around one server: started before its first test, stopped after its last, read by the tests through the
 * getter (which throws if the start failed, rather than each test failing on an undefined server).
 */
export function describeWith<S>(name: string, start: () => Promise<S>, stop: (server: S) => Promise<void>, body: (server: () => S) => void): void {
  describe(name, () => {
    let server: S | undefined;
    before(async () => {
      server = await start();
    });
    after(async () => {
      if (server !== undefined) await stop(server);
    });
    body(() => {
      if (server === undefined) throw new Error(`${name}: server not started`);
      return server;
    });
  });
}
