import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';
import { activeSignup, addStream, api, type AvevaError, newSpace, otherClient, revokeAccess, type Signup, updates, writeChange } from './support.js';

describeEachDialect('Change Broker signups, security', (server) => {
  const routes = (id: string): Array<[string, string, unknown?]> => [
    ['GET', '/signups'],
    ['POST', '/signups', { ResourceType: 'Stream', ResourceIds: [] }],
    ['GET', `/signups/${id}`],
    ['PUT', `/signups/${id}`, { Name: 'x' }],
    ['DELETE', `/signups/${id}`],
    ['GET', `/signups/${id}/owner`],
    ['GET', `/signups/${id}/resources`],
    ['POST', `/signups/${id}/resources`, { ResourcesToAdd: ['x'] }],
    ['GET', `/signups/${id}/updates?bookmark=abc`],
  ];

  test('without a valid token every route answers 401 with the AVEVA error body', async () => {
    const s = server();
    const space = await newSpace(s);
    const signup = await activeSignup(s, space, []);
    for (const token of [undefined, 'not-a-jwt']) {
      for (const [method, path, json] of routes(signup.id)) {
        const res = await call<AvevaError>(s, method, `${space.base}${path}`, { ...(token ? { token } : {}), ...(json !== undefined ? { json } : {}) });
        assert.equal(res.status, 401, `${method} ${path}`);
        assert.ok(res.headers.get('operation-id'));
        assert.equal(res.body.OperationId, res.headers.get('operation-id'));
      }
    }
  });

  test('a client of another tenant, or of none, gets 403 and learns nothing', async () => {
    const s = server();
    const space = await newSpace(s);
    const signup = await activeSignup(s, space, []);
    const stranger = await newSpace(s);
    const partnerToken = await s.mintToken();
    for (const token of [stranger.token, partnerToken]) {
      for (const [method, path, json] of routes(signup.id)) {
        const res = await call<AvevaError>(s, method, `${space.base}${path}`, { token, ...(json !== undefined ? { json } : {}) });
        assert.equal(res.status, 403, `${method} ${path}`);
        assert.ok(res.body.Error);
      }
    }
    assert.equal((await api<Signup>(s, space, 'GET', `/signups/${signup.id}`)).body.name, null, 'untouched');
  });

  test("another client of the same tenant gets 403 on the owner's signup, which stays as it was", async () => {
    const s = server();
    const space = await newSpace(s);
    await addStream(s, space, 'a');
    const signup = await activeSignup(s, space, ['a'], { Name: 'mine' });
    await writeChange(s, space, 'a', 'Insert', [{ Timestamp: 't', Value: 1 }]);
    const colleague = await otherClient(s, space);
    for (const [method, path, json] of routes(signup.id).slice(2)) {
      const res = await api<AvevaError>(s, colleague, method, path, json);
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.body.Reason, 'Not the signup owner');
    }
    // Even with the owner's genuine bookmark.
    assert.equal((await updates(s, colleague, signup.id, signup.bookmark)).status, 403);
    const mine = await api<Signup>(s, space, 'GET', `/signups/${signup.id}`);
    assert.equal(mine.body.name, 'mine');
    const res = await updates(s, space, signup.id, signup.bookmark);
    assert.equal(res.body.data.length, 1);
  });

  test("lists show the caller's own signups only, isolated by tenant and namespace", async () => {
    const s = server();
    const space = await newSpace(s, { ns: 'shared-name' });
    const colleague = await otherClient(s, space);
    const otherTenant = await newSpace(s, { ns: 'shared-name' });
    const mine = await activeSignup(s, space, []);
    await activeSignup(s, colleague, []);
    await activeSignup(s, otherTenant, []);
    const list = await api<{ signups: Signup[] }>(s, space, 'GET', '/signups');
    assert.deepEqual(list.body.signups.map((x) => x.id), [mine.id]);
    assert.equal(list.headers.get('total-count'), '1');
    const theirs = await api<{ signups: Signup[] }>(s, otherTenant, 'GET', '/signups');
    assert.equal(theirs.body.signups.length, 1);
    assert.notEqual(theirs.body.signups[0]?.id, mine.id);
    // The other tenant's path with its own token does not reach this tenant's signup.
    assert.equal((await api(s, otherTenant, 'GET', `/signups/${mine.id}`)).status, 404);
    // Nor does another namespace of the same tenant.
    const sibling = await newSpace(s, { tenant: space.tenant, ns: 'sibling' });
    assert.equal((await api(s, { ...sibling, token: space.token }, 'GET', `/signups/${mine.id}`)).status, 404);
  });

  test("revoking the owner's read access stops that stream's updates", async () => {
    const s = server();
    const space = await newSpace(s);
    const other = await otherClient(s, space);
    const acl = { RoleTrusteeAccessControlEntries: [{ Trustee: space.trustee, AccessType: 'Allowed' as const, AccessRights: 1 }] };
    await addStream(s, space, 'lent', other.trustee, acl);
    const signup = await activeSignup(s, space, ['lent']);
    await writeChange(s, space, 'lent', 'Insert', [{ Timestamp: 't1' }]);
    const first = await updates(s, space, signup.id, signup.bookmark);
    assert.equal(first.body.data.length, 1);
    await revokeAccess(s, space, 'lent');
    await writeChange(s, space, 'lent', 'Insert', [{ Timestamp: 't2' }]);
    const second = await updates(s, space, signup.id, first.body.bookmark);
    assert.deepEqual(second.body.data, []);
  });
});
