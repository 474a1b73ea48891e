import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageReadAhead } from '../../src/change-broker/read-ahead.js';
import type { JoinedRows } from '../../src/store/dialects/dialect-ops.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { activeSignup, addStream, api, changeBrokerConfig, newSpace, otherClient, revokeAccess, type Space, updates, writeChange } from './support.js';

const readAheadOf = (s: TestServer): PageReadAhead<JoinedRows> => {
  const pages = s.app.signups.readAhead;
  assert.ok(pages, 'the server reads ahead by default');
  return pages;
};

/** Polls from `bookmark` until a page comes back empty, calling `between` after each page; answers the values seen per stream. */
async function pollToTheEnd(s: TestServer, space: Space, signupId: string, bookmark: string, between: (page: number) => Promise<void> = async () => undefined) {
  const seen = new Map<string, number[]>();
  for (let page = 0; page < 100; page += 1) {
    const res = await updates(s, space, signupId, bookmark);
    assert.equal(res.status, 200, res.text);
    bookmark = res.body.bookmark;
    if (res.body.data.length === 0) return { seen, bookmark };
    for (const u of res.body.data) for (const e of u.events as Array<{ Value: number }>) seen.set(u.resourceId, [...(seen.get(u.resourceId) ?? []), e.Value]);
    await between(page);
  }
  throw new Error('the poller never caught up');
}

describeEachDialect(
  'Change Broker updates: pages read ahead',
  (server) => {
    test('a poller catching up while changes keep coming gets each once, in order, and takes pages read ahead', async () => {
      const s = server();
      const space = await newSpace(s);
      const other = await otherClient(s, space);
      await addStream(s, space, 'a');
      await addStream(s, space, 'b');
      await addStream(s, space, 'theirs', other.trustee);
      const signup = await activeSignup(s, space, ['a', 'b', 'theirs']);
      const next = { a: 0, b: 0 };
      const write = async (stream: 'a' | 'b') => {
        await writeChange(s, space, stream, 'Insert', [{ Timestamp: `t${next[stream]}`, Value: next[stream] }]);
        next[stream] += 1;
      };
      for (let i = 0; i < 12; i += 1) {
        await write(i % 3 === 0 ? 'b' : 'a');
        await writeChange(s, space, 'theirs', 'Insert', [{ Timestamp: `t${i}`, Value: -1 }]);
      }
      const pages = readAheadOf(s);
      const usedBefore = pages.used;
      // Every other page, more changes become final while the page read ahead waits: short pages read ahead go stale.
      const { seen } = await pollToTheEnd(s, space, signup.id, signup.bookmark, async (page) => {
        if (page % 2 === 1 && page < 8) await write(page % 4 === 1 ? 'a' : 'b');
      });
      assert.deepEqual(seen.get('a'), Array.from({ length: next.a }, (_, i) => i));
      assert.deepEqual(seen.get('b'), Array.from({ length: next.b }, (_, i) => i));
      assert.equal(seen.has('theirs'), false);
      assert.ok(pages.used > usedBefore, 'some polls took the page read ahead for them');
    });

    test('a short page read ahead is not taken once a later change has become final', async () => {
      const s = server();
      const space = await newSpace(s);
      await addStream(s, space, 'a');
      const signup = await activeSignup(s, space, ['a']);
      for (let i = 0; i < 5; i += 1) await writeChange(s, space, 'a', 'Insert', [{ Timestamp: `t${i}`, Value: i }]);
      const pages = readAheadOf(s);
      const usedBefore = pages.used;
      const values = (res: Awaited<ReturnType<typeof updates>>) => res.body.data.flatMap((u) => (u.events as Array<{ Value: number }>).map((e) => e.Value));
      const first = await updates(s, space, signup.id, signup.bookmark);
      assert.deepEqual(values(first), [0, 1]);
      const second = await updates(s, space, signup.id, first.body.bookmark);
      assert.deepEqual(values(second), [2, 3]);
      assert.equal(pages.used, usedBefore + 1, 'the second page was the one read ahead');
      // The page read ahead now holds [4] alone; 5 becomes final before the next poll, which must read [4, 5].
      await writeChange(s, space, 'a', 'Insert', [{ Timestamp: 't5', Value: 5 }]);
      const third = await updates(s, space, signup.id, second.body.bookmark);
      assert.deepEqual(values(third), [4, 5]);
      const last = await updates(s, space, signup.id, third.body.bookmark);
      assert.deepEqual(values(last), []);
    });

    test('a stream removed from the signup after a full page is not in the next page', async () => {
      const s = server();
      const space = await newSpace(s);
      await addStream(s, space, 'a');
      await addStream(s, space, 'b');
      const signup = await activeSignup(s, space, ['a', 'b']);
      for (let i = 0; i < 8; i += 1) await writeChange(s, space, i % 2 === 0 ? 'a' : 'b', 'Insert', [{ Timestamp: `t${i}`, Value: i }]);
      const first = await updates(s, space, signup.id, signup.bookmark);
      assert.deepEqual(first.body.data.map((u) => u.resourceId), ['a', 'b']);
      const removed = await api(s, space, 'POST', `/signups/${signup.id}/resources`, { ResourcesToAdd: [], ResourcesToRemove: ['b'] });
      assert.equal(removed.status, 202, removed.text);
      const { seen } = await pollToTheEnd(s, space, signup.id, first.body.bookmark);
      assert.deepEqual(seen.get('a'), [2, 4, 6]);
      assert.equal(seen.has('b'), false);
    });

    test("revoking the owner's read access after a full page stops that stream in the next page", async () => {
      const s = server();
      const space = await newSpace(s);
      const other = await otherClient(s, space);
      const acl = { RoleTrusteeAccessControlEntries: [{ Trustee: space.trustee, AccessType: 'Allowed' as const, AccessRights: 1 }] };
      await addStream(s, space, 'mine');
      await addStream(s, space, 'lent', other.trustee, acl);
      const signup = await activeSignup(s, space, ['mine', 'lent']);
      for (let i = 0; i < 8; i += 1) await writeChange(s, space, i % 2 === 0 ? 'mine' : 'lent', 'Insert', [{ Timestamp: `t${i}`, Value: i }]);
      const first = await updates(s, space, signup.id, signup.bookmark);
      assert.deepEqual(first.body.data.map((u) => u.resourceId), ['mine', 'lent']);
      await revokeAccess(s, space, 'lent');
      const { seen } = await pollToTheEnd(s, space, signup.id, first.body.bookmark);
      assert.deepEqual(seen.get('mine'), [2, 4, 6]);
      assert.equal(seen.has('lent'), false);
    });
  },
  changeBrokerConfig({ updatesPageSize: 2 }),
);
