// One test process of `npm test`: it takes the next test file from the run's queue, runs it as one suite named
// after the file, and takes the next when that suite has ended, until the queue is empty. Test files share the
// process's loaded modules (the server stack, compiled schemas, a migrated template database), which a process per
// file loaded anew each time: most of the suite's CPU time went there. A file's own `before`/`after` hooks belong
// to its suite, so they run around its tests only.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, describe } from 'node:test';
import { pathToFileURL } from 'node:url';

const queueDir = process.env.SIGNUPS_TEST_QUEUE;
if (!queueDir) throw new Error('SIGNUPS_TEST_QUEUE is not set: run the tests with npm test (scripts/run-tests.mjs)');
const root = process.cwd();
/** @type {string[]} */
const queue = JSON.parse(readFileSync(join(queueDir, 'queue.json'), 'utf8'));

/** The next file nobody has taken: a claim is a directory, which only one process can create. */
function claim() {
  for (let i = 0; i < queue.length; i++) {
    try {
      mkdirSync(join(queueDir, `claim-${i}`));
      return queue[i];
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  }
  return undefined;
}

// The loop waits on a promise made here, outside any test, so that the next suite is a top-level one, not a child
// of the file that has just ended.
for (let file = claim(); file !== undefined; file = claim()) {
  const name = relative(root, file);
  await new Promise((ended) => {
    describe(name, async () => {
      const started = performance.now();
      after(() => {
        appendFileSync(join(queueDir, 'durations.jsonl'), `${JSON.stringify({ file: name, seconds: (performance.now() - started) / 1000 })}\n`);
        ended(undefined);
      });
      await import(pathToFileURL(file).href);
    });
  });
}
