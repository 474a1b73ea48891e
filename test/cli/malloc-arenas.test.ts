import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Restartable, withTwoMallocArenas } from '../../src/cli/malloc-arenas.js';

/** A process as bin/signups.js sees it, recording the one restart it may make. */
function processOf(changes: Partial<Restartable> = {}) {
  const restarts: Array<{ file: string; args: string[] | undefined; env: Record<string, string | undefined> | undefined }> = [];
  const proc: Restartable = {
    platform: 'linux',
    argv: ['/usr/bin/node', '/srv/signups/bin/signups.js', 'serve', '--port', '0'],
    execArgv: ['--max-old-space-size=256'],
    execPath: '/usr/bin/node',
    env: { PATH: '/usr/bin', SIGNUPS_DATABASE_URL: 'sqlite:x.db' },
    execve: (file, args, env) => {
      restarts.push({ file, args, env });
      throw new Error('replaced');
    },
    ...changes,
  };
  return { proc, restarts };
}

describe('withTwoMallocArenas', () => {
  test('`serve` on Linux restarts as the same command, with the same Node options and environment, plus MALLOC_ARENA_MAX=2', () => {
    const { proc, restarts } = processOf();
    assert.throws(() => withTwoMallocArenas(proc), /replaced/);
    assert.deepEqual(restarts, [
      {
        file: '/usr/bin/node',
        args: ['/usr/bin/node', '--max-old-space-size=256', '/srv/signups/bin/signups.js', 'serve', '--port', '0'],
        env: { PATH: '/usr/bin', SIGNUPS_DATABASE_URL: 'sqlite:x.db', MALLOC_ARENA_MAX: '2' },
      },
    ]);
  });

  test('no restart when the setting is there (any value, the restarted process included), for other commands, elsewhere than Linux, or without process.execve (Node 20)', () => {
    const cases: Array<Partial<Restartable>> = [
      { env: { MALLOC_ARENA_MAX: '2' } },
      { env: { MALLOC_ARENA_MAX: '8' } },
      { env: { MALLOC_ARENA_MAX: '' } },
      { argv: ['/usr/bin/node', 'bin/signups.js', 'sql', 'SELECT 1'] },
      { argv: ['/usr/bin/node', 'bin/signups.js'] },
      { platform: 'darwin' },
      { execve: undefined },
    ];
    for (const changes of cases) {
      const { proc, restarts } = processOf(changes);
      withTwoMallocArenas(proc);
      assert.deepEqual(restarts, [], JSON.stringify(changes));
    }
  });
});
