import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChangeOperation } from '../../src/sds/changes.js';
import { call } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';
import {
  activeSignup,
  addStream,
  api,
  changeBrokerConfig,
  newSpace,
  otherClient,
  runJobs,
  type Signup,
  updates,
  writeChange,
} from './support.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describeEachDialect('Change Broker signups, happy paths', (server) => {
  test('create answers 202 Activating; the background worker activates it within a second, with a bookmark', async () => {
    const s = server();
    const space = await newSpace(s);
    await addStream(s, space, 'pump-1');
    await addStream(s, space, 'pump-2');
    const created = await api<Signup>(s, space, 'POST', '/signups', { Name: 'pumps', ResourceType: 'Stream', ResourceIds: ['pump-1', 'pump-2'] });
    assert.equal(created.status, 202, created.text);
    const signup = created.body;
    assert.match(signup.id, /^[0-9a-f-]{36}$/);
    assert.equal(signup.name, 'pumps');
    assert.equal(signup.signupState, 'Activating');
    assert.equal(signup.type, 'Stream');
    assert.equal(signup.communityId, null);
    assert.deepEqual(signup.owner, { type: 'Client', objectId: space.clientId, tenantId: space.tenant });
    assert.match(signup.createdDate, ISO);
    assert.match(signup.modifiedDate, ISO);
    assert.equal(signup.expiredDate, null);

    // No runDueJobs here: the worker loop of the server does it.
    const deadline = Date.now() + 1000;
    let got: Signup | undefined;
    while (Date.now() < deadline) {
      const res = await api<Signup>(s, space, 'GET', `/signups/${signup.id}`);
      assert.equal(res.status, 200, res.text);
      got = res.body;
      if (got.signupState === 'Active') break;
      await sleep(25);
    }
    assert.equal(got?.signupState, 'Active', 'activated within a second');
    assert.match(got?.bookmark ?? '', /^[A-Za-z0-9_-]{20,}$/);
    assert.equal(got?.communityId, null);
  });

  test('request bodies are accepted in any letter case; an Activating signup has an empty bookmark', async () => {
    const s = server();
    const space = await newSpace(s);
    await addStream(s, space, 'a');
    for (const body of [
      { name: 'camel', resourceType: 'Stream', resourceIds: ['a'] },
      { NAME: 'upper', RESOURCETYPE: 'Stream', RESOURCEIDS: ['a'] },
    ]) {
      const res = await api<Signup>(s, space, 'POST', '/signups', body);
      assert.equal(res.status, 202, res.text);
      assert.equal(res.body.name, body.name ?? body.NAME);
    }
    // Capitalised path segments, as AVEVA's clients write them.
    const path = `/api/v1/Tenants/${space.tenant}/Namespaces/${space.ns}/signups`;
    const res = await call<Signup>(s, 'POST', path, { token: space.token, json: { ResourceType: 'Stream', ResourceIds: [] } });
    assert.equal(res.status, 202);
    const empty = res.body;
    assert.equal(empty.name, null);
    await runJobs(s);
    const got = await api<Signup>(s, space, 'GET', `/signups/${empty.id}`);
    assert.equal(got.body.signupState, 'Active', 'a signup without resources activates; resources can be added');
  });

  test('list pages with skip and count and tells Total-Count', async () => {
    const s = server();
    const space = await newSpace(s);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await api<Signup>(s, space, 'POST', '/signups', { Name: `s${i}`, ResourceType: 'Stream', ResourceIds: [] });
      assert.equal(res.status, 202);
      ids.push(res.body.id);
      s.clock.advance(1000);
    }
    const all = await api<{ signups: Signup[] }>(s, space, 'GET', '/signups');
    assert.equal(all.status, 200, all.text);
    assert.equal(all.headers.get('total-count'), '5');
    assert.deepEqual(all.body.signups.map((x) => x.id), ids);
    const page = await api<{ signups: Signup[] }>(s, space, 'GET', '/signups?skip=1&count=2');
    assert.equal(page.headers.get('total-count'), '5');
    assert.deepEqual(page.body.signups.map((x) => x.name), ['s1', 's2']);
    const beyond = await api<{ signups: Signup[] }>(s, space, 'GET', '/signups?skip=10');
    assert.deepEqual(beyond.body.signups, []);
  });

  test('PUT renames and moves modifiedDate; owner answers the trustee in PascalCase; DELETE removes', async () => {
    const s = server();
    const space = await newSpace(s);
    const signup = await activeSignup(s, space, []);
    s.clock.advance(5000);
    const renamed = await api<Signup>(s, space, 'PUT', `/signups/${signup.id}`, { name: 'renamed' });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.body.name, 'renamed');
    assert.equal(renamed.body.signupState, 'Active');
    assert.ok(renamed.body.modifiedDate > signup.modifiedDate);
    assert.equal((await api<Signup>(s, space, 'GET', `/signups/${signup.id}`)).body.name, 'renamed');

    const owner = await api(s, space, 'GET', `/signups/${signup.id}/owner`);
    assert.equal(owner.status, 200);
    assert.deepEqual(owner.body, { Type: 'Client', ObjectId: space.clientId, TenantId: space.tenant });

    const deleted = await api(s, space, 'DELETE', `/signups/${signup.id}`);
    assert.equal(deleted.status, 204);
    assert.equal((await api(s, space, 'GET', `/signups/${signup.id}`)).status, 404);
    assert.equal((await api(s, space, 'DELETE', `/signups/${signup.id}`)).status, 404);
  });

  test('resources tell which are accessible to the owner; filters, paging and Total-Count', async () => {
    const s = server();
    const space = await newSpace(s);
    const other = await otherClient(s, space);
    await addStream(s, space, 'a');
    await addStream(s, space, 'b');
    await addStream(s, space, 'private', other.trustee);
    await addStream(s, space, 'shared', other.trustee, {
      RoleTrusteeAccessControlEntries: [{ Trustee: space.trustee, AccessType: 'Allowed', AccessRights: 1 }],
    });
    const signup = await activeSignup(s, space, ['shared', 'b', 'missing', 'a', 'private', 'a']);
    type Resources = { resources: Array<{ resourceId: string; isAccessible: boolean }> };
    const all = await api<Resources>(s, space, 'GET', `/signups/${signup.id}/resources`);
    assert.equal(all.status, 200, all.text);
    assert.equal(all.headers.get('total-count'), '5');
    assert.deepEqual(all.body.resources, [
      { resourceId: 'a', isAccessible: true },
      { resourceId: 'b', isAccessible: true },
      { resourceId: 'missing', isAccessible: false },
      { resourceId: 'private', isAccessible: false },
      { resourceId: 'shared', isAccessible: true },
    ]);
    const accessible = await api<Resources>(s, space, 'GET', `/signups/${signup.id}/resources?resourceFilter=Accessible`);
    assert.deepEqual(accessible.body.resources.map((r) => r.resourceId), ['a', 'b', 'shared']);
    assert.equal(accessible.headers.get('total-count'), '3');
    const inaccessible = await api<Resources>(s, space, 'GET', `/signups/${signup.id}/resources?resourceFilter=Inaccessible`);
    assert.deepEqual(inaccessible.body.resources.map((r) => r.resourceId), ['missing', 'private']);
    const page = await api<Resources>(s, space, 'GET', `/signups/${signup.id}/resources?resourceFilter=All&skip=1&count=2`);
    assert.deepEqual(page.body.resources.map((r) => r.resourceId), ['b', 'missing']);
    assert.equal(page.headers.get('total-count'), '5');
  });

  test('adding and removing resources answers 202, or 207 naming what could not be applied', async () => {
    const s = server();
    const space = await newSpace(s);
    for (const id of ['a', 'b', 'c']) await addStream(s, space, id);
    const signup = await activeSignup(s, space, ['a', 'b']);
    type Resources = { resources: Array<{ resourceId: string; isAccessible: boolean }> };

    const ok = await api(s, space, 'POST', `/signups/${signup.id}/resources`, { ResourcesToAdd: ['c', 'ghost'], ResourcesToRemove: ['a'] });
    assert.equal(ok.status, 202, ok.text);
    // Until background work checked them, added resources are not accessible.
    const before = await api<Resources>(s, space, 'GET', `/signups/${signup.id}/resources`);
    assert.deepEqual(before.body.resources.map((r) => r.resourceId), ['b', 'c', 'ghost']);
    await runJobs(s);
    const after = await api<Resources>(s, space, 'GET', `/signups/${signup.id}/resources`);
    assert.deepEqual(after.body.resources, [
      { resourceId: 'b', isAccessible: true },
      { resourceId: 'c', isAccessible: true },
      { resourceId: 'ghost', isAccessible: false },
    ]);

    const partial = await api(s, space, 'POST', `/signups/${signup.id}/resources`, { resourcesToAdd: ['x', 'a'], resourcesToRemove: ['nope', 'x', 'b'] });
    assert.equal(partial.status, 207, partial.text);
    assert.deepEqual(partial.body, { invalidResourcesToRemove: ['nope'], failedResourceIds: ['x'] });
    await runJobs(s);
    const final = await api<Resources>(s, space, 'GET', `/signups/${signup.id}/resources`);
    assert.deepEqual(final.body.resources.map((r) => r.resourceId), ['a', 'c', 'ghost']);
  });

  test('each SDS operation appears as an update, with its events, in write order', async () => {
    const s = server();
    const space = await newSpace(s);
    await addStream(s, space, 'tank');
    const signup = await activeSignup(s, space, ['tank']);
    const writes: Array<[ChangeOperation, unknown[]]> = [
      ['Insert', [{ Timestamp: '2026-03-07T00:00:00Z', Value: 12 }, { Timestamp: '2026-03-08T00:00:00Z', Value: 53 }]],
      ['Update', [{ Timestamp: '2026-03-07T00:00:00Z', Value: 121 }]],
      ['Replace', [{ Timestamp: '2026-03-08T00:00:00Z', Value: 54 }]],
      ['Remove', [{ Timestamp: '2026-03-07T00:00:00Z' }]],
      ['RemoveWindow', [{ Timestamp: '2026-03-01T00:00:00Z' }, { Timestamp: '2026-03-31T00:00:00Z' }]],
    ];
    for (const [operation, events] of writes) await writeChange(s, space, 'tank', operation, events);
    const res = await updates(s, space, signup.id, signup.bookmark);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.data,
      writes.map(([operation, events]) => ({ resourceId: 'tank', operation, events })),
    );
    assert.match(res.body.bookmark, /^[A-Za-z0-9_-]+$/);
    // Nothing new: data is an empty array, and the bookmark still works.
    const empty = await updates(s, space, signup.id, res.body.bookmark);
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.body.data, []);
    await writeChange(s, space, 'tank', 'Insert', [{ Timestamp: '2026-04-01T00:00:00Z', Value: 1 }]);
    const next = await updates(s, space, signup.id, empty.body.bookmark);
    assert.deepEqual(next.body.data.map((u) => u.operation), ['Insert']);
  });

  test('only changes to accessible resources of the signup after its activation appear', async () => {
    const s = server();
    const space = await newSpace(s);
    const other = await otherClient(s, space);
    await addStream(s, space, 'mine');
    await addStream(s, space, 'not-subscribed');
    await addStream(s, space, 'private', other.trustee);
    await writeChange(s, space, 'mine', 'Insert', [{ Timestamp: 't0', Value: 0 }]);
    const signup = await activeSignup(s, space, ['mine', 'private']);
    await writeChange(s, space, 'private', 'Insert', [{ Timestamp: 't1', Value: 1 }]);
    await writeChange(s, space, 'not-subscribed', 'Insert', [{ Timestamp: 't1', Value: 1 }]);
    await writeChange(s, space, 'mine', 'Insert', [{ Timestamp: 't1', Value: 2 }]);
    // The same stream id in another namespace of the tenant is another stream.
    const elsewhere = await newSpace(s, { tenant: space.tenant, ns: 'elsewhere' });
    await addStream(s, elsewhere, 'mine', space.trustee);
    await writeChange(s, elsewhere, 'mine', 'Insert', [{ Timestamp: 't1', Value: 99 }]);

    const res = await updates(s, space, signup.id, signup.bookmark);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.data, [{ resourceId: 'mine', operation: 'Insert', events: [{ Timestamp: 't1', Value: 2 }] }]);

    // A resource added later brings changes written after it was added, not before.
    await writeChange(s, space, 'not-subscribed', 'Insert', [{ Timestamp: 't2', Value: 'before' }]);
    assert.equal((await api(s, space, 'POST', `/signups/${signup.id}/resources`, { ResourcesToAdd: ['not-subscribed'], ResourcesToRemove: [] })).status, 202);
    await runJobs(s);
    await writeChange(s, space, 'not-subscribed', 'Insert', [{ Timestamp: 't3', Value: 'after' }]);
    const later = await updates(s, space, signup.id, res.body.bookmark);
    assert.deepEqual(later.body.data, [{ resourceId: 'not-subscribed', operation: 'Insert', events: [{ Timestamp: 't3', Value: 'after' }] }]);
  });
});

describeEachDialect(
  'Change Broker updates paging',
  (server) => {
    test('pages are bounded; every change appears exactly once across pages, in order', async () => {
      const s = server();
      const space = await newSpace(s);
      await addStream(s, space, 's1');
      await addStream(s, space, 's2');
      await addStream(s, space, 'other');
      const signup = await activeSignup(s, space, ['s1', 's2']);
      const written: string[] = [];
      for (let i = 0; i < 11; i += 1) {
        const stream = i % 2 === 0 ? 's1' : 's2';
        await writeChange(s, space, stream, 'Insert', [{ Timestamp: `t${i}`, Value: i }]);
        await writeChange(s, space, 'other', 'Insert', [{ Timestamp: `t${i}`, Value: -i }]);
        written.push(`${stream}:${i}`);
      }
      const seen: string[] = [];
      let bookmark = signup.bookmark;
      let pages = 0;
      for (;;) {
        const res = await updates(s, space, signup.id, bookmark);
        assert.equal(res.status, 200, res.text);
        assert.ok(res.body.data.length <= 3, 'at most a page');
        for (const u of res.body.data) seen.push(`${u.resourceId}:${(u.events[0] as { Value: number }).Value}`);
        bookmark = res.body.bookmark;
        pages += 1;
        if (res.body.data.length === 0) break;
        // Writes arriving while a client pages are picked up too, once.
        if (pages === 2) {
          await writeChange(s, space, 's2', 'Insert', [{ Timestamp: 'late', Value: 100 }]);
          written.push('s2:100');
        }
      }
      assert.deepEqual(seen, written);
      assert.ok(pages >= 5);
      const again = await updates(s, space, signup.id, bookmark);
      assert.deepEqual(again.body.data, []);
    });

    test('polls with nothing new move the bookmark past changes to other streams', async () => {
      const s = server();
      const space = await newSpace(s);
      await addStream(s, space, 'quiet');
      await addStream(s, space, 'busy');
      const signup = await activeSignup(s, space, ['quiet']);
      for (let i = 0; i < 20; i += 1) await writeChange(s, space, 'busy', 'Update', [{ Timestamp: `t${i}` }]);
      const first = await updates(s, space, signup.id, signup.bookmark);
      assert.deepEqual(first.body.data, []);
      await writeChange(s, space, 'quiet', 'Insert', [{ Timestamp: 'q' }]);
      const second = await updates(s, space, signup.id, first.body.bookmark);
      assert.deepEqual(second.body.data, [{ resourceId: 'quiet', operation: 'Insert', events: [{ Timestamp: 'q' }] }]);
    });
  },
  changeBrokerConfig({ updatesPageSize: 3 }),
);
