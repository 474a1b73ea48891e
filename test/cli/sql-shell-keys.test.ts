import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { sqlShell } from '../../src/cli/sql-shell.js';

/** The interactive shell on a terminal-like stream: keys in, screen out (what a user at a terminal sees). */
function terminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true as const });
  const output = new PassThrough();
  const error = new PassThrough();
  let screen = '';
  output.setEncoding('utf8').on('data', (c: string) => (screen += c));
  let errors = '';
  error.setEncoding('utf8').on('data', (c: string) => (errors += c));
  const done = sqlShell({ output: 'table', var: [], dryrun: true, delimiter: ',' }, { input, output, error });
  let finished = false;
  void done.then(() => (finished = true));
  const type = async (keys: string) => {
    input.write(keys);
    await sleep(30);
  };
  // A user types once the prompt is there.
  const ready = async () => {
    for (let i = 0; i < 500 && !screen.includes('signups>> '); i++) await sleep(10);
    assert.match(screen, /signups>> /);
  };
  // What the shell prints after a key comes when the statement has run: wait for it, as a user would look.
  const shows = async (pattern: RegExp, what: string) => {
    for (let i = 0; i < 1000 && !pattern.test(screen); i++) await sleep(10);
    assert.match(screen, pattern, what);
  };
  return { type, ready, shows, screen: () => screen, errors: () => errors, finished: () => finished, done };
}

process.env.SIGNUPS_SQL_HISTORY = join(tmpdir(), `signups-sql-keys-${process.pid}`);

test('Ctrl-C cancels the statement being typed, on one line or several, and the shell goes on', async () => {
  const t = terminal();
  await t.ready();
  await t.type('SELECT 1 FROM');
  await t.type('\x03');
  assert.equal(t.finished(), false);
  await t.type('SHOW\r');
  await t.shows(/       -> \S*$/, 'a continuation prompt while a statement is open');
  await t.type('\x03');
  await t.type('SHOW PROVIDERS;\r');
  // The dry run echoes the statement: only what was typed after the Ctrl-C, not the cancelled parts.
  await t.shows(/\nSHOW PROVIDERS;\n/, 'the dry run of the statement typed after the Ctrl-C');
  assert.doesNotMatch(t.screen(), /SELECT 1 FROM\s*SHOW PROVIDERS/);
  assert.doesNotMatch(t.screen(), /SHOW\nSHOW PROVIDERS;/);
  assert.equal(t.finished(), false);
  await t.type('\x04');
  await t.done;
  assert.equal(t.errors(), '');
});

test('a Ctrl-C on an empty line asks for a second; the second leaves', async () => {
  const t = terminal();
  await t.ready();
  await t.type('\x03');
  assert.equal(t.finished(), false);
  assert.match(t.screen(), /press Ctrl-C again, or Ctrl-D, to leave/);
  await t.type('\x03');
  await t.done;
  assert.equal(t.finished(), true);
});

test('a line typed between two Ctrl-Cs disarms the exit', async () => {
  const t = terminal();
  await t.ready();
  await t.type('\x03');
  await t.type('SHOW PROVIDERS;\r');
  await t.type('\x03');
  assert.equal(t.finished(), false);
  await t.type('\x03');
  await t.done;
});

test('Ctrl-D on an empty line leaves at once', async () => {
  const t = terminal();
  await t.ready();
  await t.type('\x04');
  await t.done;
  assert.equal(t.finished(), true);
});
