import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { PostgresGroupCommit } from '../../src/store/postgres-group-commit.js';
import { TransactionTiming } from '../../src/store/transaction-timing.js';

/** A commit that records its batches and finishes each when told to. */
function controlledCommit() {
  const batches: number[][] = [];
  const finish: Array<() => void> = [];
  const commit = (writes: number[]) =>
    new Promise<string[]>((resolve) => {
      batches.push(writes);
      finish.push(() => resolve(writes.map((w) => `done ${w}`)));
    });
  return { batches, finish, commit };
}

test('writes that arrive while a batch is in flight go together in the next batch, after it', async () => {
  const c = controlledCommit();
  const group = new PostgresGroupCommit(c.commit, new TransactionTiming());
  const first = group.write(0);
  await sleep(1);
  assert.deepEqual(c.batches, [[0]]);
  const later = [1, 2, 3, 4, 5].map((w) => group.write(w));
  await sleep(1);
  assert.deepEqual(c.batches, [[0]], 'no second small batch beside the first');
  c.finish[0]?.();
  assert.equal(await first, 'done 0');
  await sleep(1);
  assert.deepEqual(c.batches, [[0], [1, 2, 3, 4, 5]]);
  c.finish[1]?.();
  assert.deepEqual(await Promise.all(later), ['done 1', 'done 2', 'done 3', 'done 4', 'done 5']);
});

test('a batch that does not return does not hold up the writes behind it for long', { timeout: 5000 }, async () => {
  const c = controlledCommit();
  const group = new PostgresGroupCommit(c.commit, new TransactionTiming());
  void group.write(0);
  await sleep(1);
  const behind = group.write(1);
  // The first batch never finishes here (a lock wait): the second goes out beside it after a short wait.
  await sleep(50);
  assert.deepEqual(c.batches, [[0], [1]]);
  c.finish[1]?.();
  assert.equal(await behind, 'done 1');
  c.finish[0]?.();
});

test('a full batch waiting goes out at once beside the one in flight', async () => {
  const c = controlledCommit();
  const group = new PostgresGroupCommit(c.commit, new TransactionTiming());
  void group.write(-1);
  await sleep(1);
  const many = Array.from({ length: 64 }, (_, i) => group.write(i));
  await sleep(1);
  assert.equal(c.batches.length, 2);
  assert.equal(c.batches[1]?.length, 64);
  c.finish[1]?.();
  assert.equal((await Promise.all(many)).length, 64);
  c.finish[0]?.();
});
