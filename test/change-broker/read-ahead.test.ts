import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PageReadAhead, type PageQuery } from '../../src/change-broker/read-ahead.js';

/** A page of `count` changes from position `from` on, as a test reads it. */
const changes = (from: number, count: number) => ({ count, seqs: Array.from({ length: count }, (_, i) => from + i) });
const streams = (...ids: string[]) => ids.map((id) => ({ id, fromSeq: 0 }));
const query = (changes: Partial<PageQuery> = {}): PageQuery => ({ signupId: 'sig', afterSeq: 10, streams: streams('a', 'b'), limit: 3, below: 100, ...changes });

/** A read-ahead on a clock the test moves. */
function readAhead(options: { maxPages?: number; maxAgeMs?: number } = {}) {
  let now = 0;
  const pages = new PageReadAhead<ReturnType<typeof changes>>({ maxPages: options.maxPages ?? 8, maxAgeMs: options.maxAgeMs ?? 1000, now: () => now });
  return { pages, advance: (ms: number) => (now += ms) };
}

describe('PageReadAhead', () => {
  test('a full page is handed out once, for the same position, streams (in any order) and size', async () => {
    const { pages } = readAhead();
    pages.start(query(), async () => changes(11, 3));
    assert.deepEqual(
      (await pages.take(query({ streams: streams('b', 'a'), below: 120 })))?.seqs,
      [11, 12, 13],
    );
    assert.equal(await pages.take(query()), undefined, 'taken already');
    assert.equal(pages.used, 1);
  });

  test('a page read for another position, other streams (or stream positions) or another size is not handed out (and is dropped)', async () => {
    for (const other of [{ afterSeq: 11 }, { streams: streams('a') }, { streams: streams('a', 'b', 'c') }, { streams: [{ id: 'a', fromSeq: 0 }, { id: 'b', fromSeq: 12 }] }, { limit: 4 }, { signupId: 'other' }]) {
      const { pages } = readAhead();
      pages.start(query(), async () => changes(11, 3));
      assert.equal(await pages.take(query(other)), undefined, JSON.stringify(other));
      // A poll takes its signup's page whatever it holds: a page that did not match is gone, another signup's stays.
      assert.equal((await pages.take(query()))?.count, other.signupId ? 3 : undefined);
    }
  });

  test('a page read to a final position later than the poll reads to is not handed out', async () => {
    const { pages } = readAhead();
    pages.start(query({ below: 101 }), async () => changes(11, 3));
    assert.equal(await pages.take(query({ below: 100 })), undefined);
  });

  test('a short page only while the final position has not moved', async () => {
    const { pages } = readAhead();
    pages.start(query(), async () => changes(11, 2));
    assert.deepEqual((await pages.take(query()))?.seqs, [11, 12]);
    pages.start(query(), async () => changes(11, 2));
    assert.equal(await pages.take(query({ below: 101 })), undefined, 'a change may have become final since');
  });

  test('a page older than maxAgeMs is not handed out', async () => {
    const { pages, advance } = readAhead({ maxAgeMs: 50 });
    pages.start(query(), async () => changes(11, 3));
    advance(51);
    assert.equal(await pages.take(query()), undefined);
  });

  test('the read starts after the current turn of the event loop, and a failed read is no page (nor an unhandled rejection)', async () => {
    const { pages } = readAhead();
    let reads = 0;
    pages.start(query(), async () => {
      reads += 1;
      throw new Error('connection lost');
    });
    assert.equal(reads, 0, 'not read while the answer in hand is being sent');
    assert.equal(await pages.take(query()), undefined);
    assert.equal(reads, 1);
  });

  test('it holds at most maxPages, dropping the oldest; clear() drops them all', async () => {
    const { pages } = readAhead({ maxPages: 2 });
    for (const signupId of ['s1', 's2', 's3']) pages.start(query({ signupId }), async () => changes(11, 3));
    assert.equal(pages.size, 2);
    assert.equal(await pages.take(query({ signupId: 's1' })), undefined);
    assert.equal((await pages.take(query({ signupId: 's3' })))?.count, 3);
    pages.clear();
    assert.equal(pages.size, 0);
    assert.equal(await pages.take(query({ signupId: 's2' })), undefined);
  });

  test('a new page for a signup replaces the one it had', async () => {
    const { pages } = readAhead();
    pages.start(query(), async () => changes(11, 3));
    pages.start(query({ afterSeq: 13 }), async () => changes(14, 3));
    assert.equal(pages.size, 1);
    assert.deepEqual((await pages.take(query({ afterSeq: 13 })))?.seqs, [14, 15, 16]);
  });
});
