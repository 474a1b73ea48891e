import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ClockRow, SandboxClock, stateAt } from '../../src/sandbox/sandbox-clock.js';

/** The clock's row in memory, whose reads answer only when the test says so, with what the row held when they started. */
function heldRow() {
  let text: string | undefined;
  const reads: Array<() => void> = [];
  const row: ClockRow = {
    read: () => {
      const seen = text;
      return new Promise((resolve) => reads.push(() => resolve(seen)));
    },
    update: async (change) => (text = change(text)),
  };
  return {
    row,
    /** Answers the read started `index`-th among those still waiting. */
    answer: async (index = 0) => {
      reads.splice(index, 1)[0]?.();
      await new Promise((resolve) => setImmediate(resolve));
    },
    /** Another process moves the clock. */
    store: (atMs: number) => (text = JSON.stringify(stateAt(atMs, true))),
  };
}

const DAY = 86_400_000;
const START = Date.parse('2030-01-01T00:00:00Z');

/** A clock on a held row, frozen at START. */
async function frozenClock() {
  const held = heldRow();
  const clock = new SandboxClock(held.row);
  await clock.moveTo(START, true);
  return { held, clock };
}

describe('SandboxClock', () => {
  test('a refresh that read the row before a move, and answers after it, does not take the clock back', async () => {
    const { held, clock } = await frozenClock();
    const refresh = clock.refresh();
    const moved = await clock.moveTo(START + 10 * DAY, true);
    await held.answer();
    await refresh;
    assert.equal(clock.view().now, moved.now);
    assert.equal(moved.now, new Date(START + 10 * DAY).toISOString());
  });

  test('of two refreshes, the later one wins even when it answers first; a refresh after a move keeps what it read', async () => {
    const { held, clock } = await frozenClock();
    const first = clock.refresh();
    held.store(START + DAY);
    const second = clock.refresh();
    await held.answer(1);
    await held.answer(0);
    await Promise.all([first, second]);
    assert.equal(clock.view().now, new Date(START + DAY).toISOString());

    held.store(START + 2 * DAY);
    const after = clock.refresh();
    await held.answer();
    await after;
    assert.equal(clock.view().now, new Date(START + 2 * DAY).toISOString(), 'another process moved it further');
  });
});
