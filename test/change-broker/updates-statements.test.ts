import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { activeSignup, addStream, changeBrokerConfig, newSpace, otherClient, type Space, updates, writeChange } from './support.js';

/** GET .../updates while the server's statements are recorded: the answer and what the database ran for it. */
async function recordedPoll(s: TestServer, space: Space, signupId: string, bookmark: string) {
  const stop = s.recordStatements();
  const res = await updates(s, space, signupId, bookmark);
  return { res, statements: stop() };
}

describeEachDialect(
  'Change Broker updates: statements per poll',
  (server) => {
    test('a poll runs at most two statements, whether it delivers a page, the rest, or nothing', async () => {
      const s = server();
      const space = await newSpace(s);
      const other = await otherClient(s, space);
      await addStream(s, space, 'a');
      await addStream(s, space, 'b');
      await addStream(s, space, 'theirs', other.trustee);
      const signup = await activeSignup(s, space, ['a', 'b', 'theirs']);
      for (let i = 0; i < 5; i += 1) {
        await writeChange(s, space, i % 2 === 0 ? 'a' : 'b', 'Insert', [{ Timestamp: `t${i}`, Value: i }]);
        await writeChange(s, space, 'theirs', 'Insert', [{ Timestamp: `t${i}`, Value: -i }]);
      }

      const seen: number[] = [];
      let bookmark = signup.bookmark;
      for (let polls = 0; polls < 10; polls += 1) {
        const { res, statements } = await recordedPoll(s, space, signup.id, bookmark);
        assert.equal(res.status, 200, res.text);
        assert.ok(statements.length <= 2, `poll ${polls + 1} ran ${statements.length} statements:\n${statements.join('\n')}`);
        for (const u of res.body.data) seen.push((u.events[0] as { Value: number }).Value);
        bookmark = res.body.bookmark;
        if (res.body.data.length === 0) break;
      }
      // Every change of the readable streams once, in order; none of the stream the owner may not read.
      assert.deepEqual(seen, [0, 1, 2, 3, 4]);
    });

    test('a poll that records the acknowledged bookmark and postpones expiry still runs at most two statements', async () => {
      const s = server();
      const space = await newSpace(s);
      await addStream(s, space, 'a');
      const signup = await activeSignup(s, space, ['a']);
      await writeChange(s, space, 'a', 'Insert', [{ Timestamp: 't', Value: 1 }]);
      const first = await updates(s, space, signup.id, signup.bookmark);
      const before = await s.store.db.selectFrom('cb_signups').select(['expires_at', 'read_seq']).where('id', '=', signup.id).executeTakeFirstOrThrow();
      s.clock.advance(60_000);
      const { res, statements } = await recordedPoll(s, space, signup.id, first.body.bookmark);
      assert.equal(res.status, 200, res.text);
      assert.ok(statements.length <= 2, `ran ${statements.length} statements:\n${statements.join('\n')}`);
      const after = await s.store.db.selectFrom('cb_signups').select(['expires_at', 'read_seq']).where('id', '=', signup.id).executeTakeFirstOrThrow();
      assert.ok(after.expires_at > before.expires_at, 'the poll postponed expiry');
      assert.ok(Number(after.read_seq) > Number(before.read_seq ?? 0), 'the poll recorded the acknowledged position');
    });
  },
  // No background worker, and no pages read ahead: their statements would be recorded with the poll's (reading
  // ahead is tested in updates-read-ahead.test.ts).
  changeBrokerConfig({ updatesPageSize: 2, backgroundWorker: false, updatesReadAhead: false }),
);
