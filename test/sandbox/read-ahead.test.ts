import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activeSignup, describeEachSandbox, newStream, newTenant, type Updates } from './support.js';

describeEachSandbox(
  'sandbox reset and restore, with pages read ahead',
  (server) => {
    test('a reset and a restore forget the pages read ahead for pollers', async () => {
      const s = server();
      const pages = s.app.signups.readAhead;
      assert.ok(pages);
      const t = await newTenant(s);
      await newStream(t, 'tank-1');
      const signup = await activeSignup(s, t, ['tank-1']);
      for (let i = 0; i < 4; i += 1) {
        const written = await t.call('POST', '/Streams/tank-1/Data', [{ Timestamp: `2026-01-01T00:00:0${i}Z`, Value: i }]);
        assert.equal(written.status, 204, written.text);
      }
      const snapshot = await s.admin.snapshot();
      const poll = async () => {
        const page = await t.call<Updates>('GET', `/signups/${signup.id}/updates?bookmark=${signup.bookmark}`);
        assert.equal(page.status, 200, page.text);
        assert.equal(page.body.data.length, 2);
        assert.equal(pages.size, 1, 'the page after a full one is read ahead');
      };
      await poll();
      await s.admin.reset();
      assert.equal(pages.size, 0, 'forgotten at the reset');
      await s.admin.restore(snapshot);
      await poll();
      await s.admin.restore(snapshot);
      assert.equal(pages.size, 0, 'forgotten at the restore');
    });
  },
  { env: { SIGNUPS_UPDATES_PAGE_SIZE: '2' } },
);
