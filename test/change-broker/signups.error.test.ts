import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, type Answer } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';
import {
  activeSignup,
  addStream,
  api,
  type AvevaError,
  changeBrokerConfig,
  newSpace,
  refreshToken,
  runJobs,
  runMaintenance,
  type Signup,
  updates,
  writeChange,
} from './support.js';

const HOUR = 3600_000;

function assertAveva(res: Answer<unknown>, status: number, reason?: string | RegExp): AvevaError {
  assert.equal(res.status, status, res.text);
  const body = res.body as AvevaError;
  assert.ok(res.headers.get('operation-id'), 'Operation-Id header');
  assert.equal(body.OperationId, res.headers.get('operation-id'));
  for (const key of ['Error', 'Reason', 'Resolution'] as const) assert.equal(typeof body[key], 'string', key);
  if (typeof reason === 'string') assert.equal(body.Reason, reason);
  else if (reason) assert.match(body.Reason, reason);
  return body;
}

describeEachDialect('Change Broker signups, errors', (server) => {
  test('bad create bodies answer 400 saying what is wrong', async () => {
    const s = server();
    const space = await newSpace(s);
    const cases: Array<[unknown, RegExp]> = [
      [{ ResourceType: 'Stream' }, /ResourceIds is required/],
      [{ ResourceIds: ['a'] }, /ResourceType is required/],
      [{ ResourceType: 'Asset', ResourceIds: ['a'] }, /ResourceType must be one of: Stream/],
      [{ ResourceType: 'Stream', ResourceIds: { a: 1 } }, /ResourceIds must be array/],
      [{ ResourceType: 'Stream', ResourceIds: [''] }, /ResourceIds\/0/],
      [{ ResourceType: 'Stream', ResourceIds: [{ id: 'a' }] }, /ResourceIds\/0 must be string/],
      [{ ResourceType: 'Stream', ResourceIds: [], InactivityPeriodSeconds: 5 }, /InactivityPeriodSeconds must be >= 60/],
      [[], /must be object/],
    ];
    for (const [body, message] of cases) {
      const res = await api(s, space, 'POST', '/signups', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      const error = assertAveva(res, 400);
      assert.match(`${error.Error} ${JSON.stringify(error.Parameters)}`, message, JSON.stringify(body));
    }
    const malformed = await api(s, space, 'POST', '/signups', undefined, { 'content-type': 'application/json' });
    assertAveva(malformed, 400);
    const notJson = await call(s, 'POST', `${space.base}/signups`, { token: space.token, headers: { 'content-type': 'application/json' }, body: '{"ResourceType":' });
    assert.equal(notJson.status, 400);
    const text = await call(s, 'POST', `${space.base}/signups`, { token: space.token, headers: { 'content-type': 'text/plain' }, body: 'hello' });
    assert.equal(text.status, 415);
    assert.ok(text.headers.get('operation-id'));

    const signup = await activeSignup(s, space, []);
    assertAveva(await api(s, space, 'PUT', `/signups/${signup.id}`, {}), 400);
    assertAveva(await api(s, space, 'PUT', `/signups/${signup.id}`, { Name: { first: 'x' } }), 400);
    assertAveva(await api(s, space, 'POST', `/signups/${signup.id}/resources`, { ResourcesToAdd: { a: 1 } }), 400);
  });

  test('bad skip, count and resourceFilter answer 400', async () => {
    const s = server();
    const space = await newSpace(s);
    const signup = await activeSignup(s, space, []);
    for (const query of ['count=0', 'count=1001', 'skip=-1', 'count=abc', 'skip=1.5']) {
      assertAveva(await api(s, space, 'GET', `/signups?${query}`), 400);
    }
    for (const query of ['count=10001', 'count=0', 'skip=-1', 'resourceFilter=Some', 'resourceFilter=']) {
      assertAveva(await api(s, space, 'GET', `/signups/${signup.id}/resources?${query}`), 400);
    }
    assert.equal((await api(s, space, 'GET', `/signups?count=1000`)).status, 200);
    assert.equal((await api(s, space, 'GET', `/signups/${signup.id}/resources?count=10000`)).status, 200);
  });

  test('unknown namespace and unknown or malformed signup ids answer 404', async () => {
    const s = server();
    const space = await newSpace(s);
    const missing = { ...space, base: `/api/v1/tenants/${space.tenant}/namespaces/nowhere` };
    assertAveva(await api(s, missing, 'GET', '/signups'), 404, 'Namespace not found');
    assertAveva(await api(s, missing, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: [] }), 404);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-guid']) {
      assertAveva(await api(s, space, 'GET', `/signups/${id}`), 404, 'Signup not found');
      assertAveva(await api(s, space, 'PUT', `/signups/${id}`, { Name: 'x' }), 404);
      assertAveva(await api(s, space, 'DELETE', `/signups/${id}`), 404);
      assertAveva(await api(s, space, 'GET', `/signups/${id}/owner`), 404);
      assertAveva(await api(s, space, 'GET', `/signups/${id}/resources`), 404);
      assertAveva(await api(s, space, 'POST', `/signups/${id}/resources`, { ResourcesToAdd: [] }), 404);
      assertAveva(await api(s, space, 'GET', `/signups/${id}/updates?bookmark=abc`), 404);
    }
    // Ids are GUIDs: their letter case does not matter.
    const signup = await activeSignup(s, space, []);
    assert.equal((await api(s, space, 'GET', `/signups/${signup.id.toUpperCase()}`)).status, 200);
  });

  test('forged, garbled, missing and foreign bookmarks answer 400 saying which', async () => {
    const s = server();
    const space = await newSpace(s);
    await addStream(s, space, 'a');
    const first = await activeSignup(s, space, ['a']);
    const second = await activeSignup(s, space, ['a']);
    await writeChange(s, space, 'a', 'Insert', [{ Timestamp: 't', Value: 1 }]);

    const flipped = first.bookmark.slice(0, 30) + (first.bookmark[30] === 'A' ? 'B' : 'A') + first.bookmark.slice(31);
    for (const bad of [flipped, 'abc', `${first.bookmark}AA`, '%25%25%25', encodeURIComponent('a+b/c==')]) {
      const error = assertAveva(await updates(s, space, first.id, bad), 400, 'Bookmark is not valid');
      assert.match(error.Resolution, /Get Signup By Id/);
    }
    assertAveva(await api(s, space, 'GET', `/signups/${first.id}/updates`), 400);
    assertAveva(await api(s, space, 'GET', `/signups/${first.id}/updates?bookmark=`), 400);
    assertAveva(await updates(s, space, first.id, second.bookmark), 400, 'Bookmark belongs to another signup');
    // The genuine one still works.
    const ok = await updates(s, space, first.id, first.bookmark);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.data.length, 1);
  });

  test('a bookmark expires with the retention window; Get Signup By Id gives a fresh one', async () => {
    const s = server();
    let space = await newSpace(s);
    await addStream(s, space, 'a');
    const signup = await activeSignup(s, space, ['a']);
    await writeChange(s, space, 'a', 'Insert', [{ Timestamp: 't', Value: 1 }]);
    const page = await updates(s, space, signup.id, signup.bookmark);
    s.clock.advance(HOUR - 1000);
    assert.equal((await updates(s, space, signup.id, page.body.bookmark)).status, 200, 'valid just under an hour');
    s.clock.advance(2000);
    space = await refreshToken(s, space);
    assertAveva(await updates(s, space, signup.id, page.body.bookmark), 400, 'Bookmark expired');
    const fresh = await api<Signup>(s, space, 'GET', `/signups/${signup.id}`);
    assert.equal(fresh.body.signupState, 'Active');
    await writeChange(s, space, 'a', 'Update', [{ Timestamp: 't', Value: 2 }]);
    const resumed = await updates(s, space, signup.id, fresh.body.bookmark ?? '');
    assert.equal(resumed.status, 200, resumed.text);
    assert.deepEqual(resumed.body.data.map((u) => u.operation), ['Update']);
  });

  test('background work purges change data older than the retention window', async () => {
    const s = server();
    let space = await newSpace(s);
    await addStream(s, space, 'a');
    const signup = await activeSignup(s, space, ['a']);
    await writeChange(s, space, 'a', 'Insert', [{ Timestamp: 'old' }]);
    s.clock.advance(2 * HOUR);
    space = await refreshToken(s, space);
    await writeChange(s, space, 'a', 'Insert', [{ Timestamp: 'new' }]);
    const result = await runMaintenance(s);
    assert.ok(result.purged >= 1);
    const left = await s.store.db.selectFrom('change_log').select('events').where('tenant_id', '=', space.tenant).execute();
    assert.deepEqual(left.map((r) => JSON.parse(r.events)), [[{ Timestamp: 'new' }]]);
    // The old bookmark could need purged data: it is expired rather than silently incomplete.
    assertAveva(await updates(s, space, signup.id, signup.bookmark), 400, 'Bookmark expired');
  });

  test('a signup not queried for its inactivity period expires; then it is removed', async () => {
    const s = server();
    let space = await newSpace(s);
    await addStream(s, space, 'a');
    const signup = await activeSignup(s, space, ['a']);
    // Queries keep it alive.
    for (let i = 0; i < 3; i += 1) {
      s.clock.advance(23 * HOUR);
      space = await refreshToken(s, space);
      const res = await api<Signup>(s, space, 'GET', `/signups/${signup.id}`);
      assert.equal(res.body.signupState, 'Active');
    }
    const lastAccess = s.clock.now().getTime();
    s.clock.advance(24 * HOUR + 1000);
    space = await refreshToken(s, space);
    const expired = await api<Signup>(s, space, 'GET', `/signups/${signup.id}`);
    assert.equal(expired.status, 200);
    assert.equal(expired.body.signupState, 'Expired');
    assert.equal(expired.body.bookmark, '');
    assert.equal(expired.body.expiredDate, new Date(lastAccess + 24 * HOUR).toISOString());
    assertAveva(await updates(s, space, signup.id, signup.bookmark), 409, 'Signup expired');
    assertAveva(await api(s, space, 'POST', `/signups/${signup.id}/resources`, { ResourcesToAdd: ['b'] }), 409, 'Signup expired');
    // Expired is final: queries do not bring it back.
    assert.equal((await api<Signup>(s, space, 'GET', `/signups/${signup.id}`)).body.signupState, 'Expired');
    const list = await api<{ signups: Signup[] }>(s, space, 'GET', '/signups');
    assert.equal(list.body.signups.find((x) => x.id === signup.id)?.signupState, 'Expired');

    s.clock.advance(24 * HOUR + 1000);
    space = await refreshToken(s, space);
    const result = await runMaintenance(s);
    assert.ok(result.removed >= 1);
    assertAveva(await api(s, space, 'GET', `/signups/${signup.id}`), 404);
  });

  test('the inactivity period set at creation applies, and background work expires signups nobody asks about', async () => {
    const s = server();
    let space = await newSpace(s);
    const res = await api<Signup>(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: [], inactivityPeriodSeconds: 600 });
    assert.equal(res.status, 202);
    await runJobs(s);
    s.clock.advance(601_000);
    const result = await runMaintenance(s);
    assert.ok(result.expired >= 1);
    space = await refreshToken(s, space);
    const row = await s.store.db.selectFrom('cb_signups').select(['state', 'expired_at']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
    assert.equal(row.state, 'Expired');
    const got = await api<Signup>(s, space, 'GET', `/signups/${res.body.id}`);
    assert.equal(got.body.signupState, 'Expired');
    assert.equal(got.body.expiredDate, row.expired_at);
  });

  test('a signup whose resources are all inaccessible fails; updates of a signup that is not Active answer 409', async () => {
    const s = server();
    const space = await newSpace(s);
    const failed = await activeSignup(s, space, ['missing-1', 'missing-2']);
    assert.equal(failed.signupState, 'Failed');
    assert.equal(failed.bookmark, '');
    assertAveva(await updates(s, space, failed.id, 'abc'), 409, 'Signup not active');
    assertAveva(await api(s, space, 'POST', `/signups/${failed.id}/resources`, { ResourcesToAdd: ['a'] }), 409);
  });
});

describeEachDialect(
  'Change Broker signup limit and activation without the worker',
  (server) => {
    test('beyond the signup limit of the namespace, create answers 409', async () => {
      const s = server();
      const space = await newSpace(s);
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const res = await api<Signup>(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: [] });
        assert.equal(res.status, 202, res.text);
        ids.push(res.body.id);
      }
      const error = assertAveva(await api(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: [] }), 409, 'Signup limit reached');
      assert.equal(error.Error, 'The signup limit of 3 has been reached.');
      // Another namespace has its own count.
      const other = await newSpace(s, { tenant: space.tenant, ns: 'other' });
      assert.equal((await api(s, other, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: [] })).status, 202);
      assert.equal((await api(s, space, 'DELETE', `/signups/${ids[0]}`)).status, 204);
      assert.equal((await api(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: [] })).status, 202);
      const list = await api<{ signups: Signup[] }>(s, space, 'GET', '/signups');
      assert.equal(list.headers.get('total-count'), '3');
    });

    test('concurrent creations cannot overshoot the limit', async () => {
      const s = server();
      const space = await newSpace(s);
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => api(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: [] })),
      );
      assert.deepEqual(answers.map((a) => a.status).sort(), [202, 202, 202, 409, 409, 409, 409, 409]);
    });

    test('without background work a signup stays Activating: empty bookmark, updates 409', async () => {
      const s = server();
      const space = await newSpace(s);
      await addStream(s, space, 'a');
      const res = await api<Signup>(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: ['a'] });
      const got = await api<Signup>(s, space, 'GET', `/signups/${res.body.id}`);
      assert.equal(got.body.signupState, 'Activating');
      assert.equal(got.body.bookmark, '');
      assertAveva(await updates(s, space, res.body.id, 'abc'), 409, 'Signup not active');
      await runJobs(s);
      const active = await api<Signup>(s, space, 'GET', `/signups/${res.body.id}`);
      assert.equal(active.body.signupState, 'Active');
      assert.notEqual(active.body.bookmark, '');
    });
  },
  changeBrokerConfig({ signupLimit: 3, backgroundWorker: false }),
);
