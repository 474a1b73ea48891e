import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createCommunity, shareStream, unshareStream } from '../../src/change-broker/communities.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { type AvevaError, addStream, api, newSpace, otherClient, runJobs, type Signup, type Space, type Updates, writeChange } from './support.js';

interface Resources {
  resources: Array<{ resourceId: string; isAccessible: boolean }>;
}

/** Tenant A shares two of its three streams into a community with tenant B; tenant C stays outside. */
async function world(s: TestServer) {
  const a = await newSpace(s);
  const b = await newSpace(s);
  const c = await newSpace(s);
  for (const id of ['shared-1', 'shared-2', 'private']) await addStream(s, a, id);
  const community = `c-${randomUUID()}`;
  await createCommunity(s.store.db, s.clock, community, [a.tenant, b.tenant]);
  for (const streamId of ['shared-1', 'shared-2']) await shareStream(s.store.db, s.clock, { communityId: community, tenantId: a.tenant, namespaceId: a.ns, streamId });
  // B's client calls A's namespace.
  const member: Space = { ...b, base: a.base };
  const outsider: Space = { ...c, base: a.base };
  return { a, b, member, outsider, community };
}

const inCommunity = (community: string) => ({ 'Community-id': community });

async function memberSignup(s: TestServer, member: Space, community: string, resourceIds: string[]): Promise<Signup & { bookmark: string }> {
  const created = await api<Signup>(s, member, 'POST', '/signups', { Name: 'shared', ResourceType: 'Stream', ResourceIds: resourceIds }, inCommunity(community));
  assert.equal(created.status, 202, created.text);
  assert.equal(created.body.communityId, community);
  await runJobs(s);
  const got = await api<Signup & { bookmark: string }>(s, member, 'GET', `/signups/${created.body.id}`, undefined, inCommunity(community));
  assert.equal(got.status, 200, got.text);
  return got.body;
}

describeEachDialect('Change Broker communities', (server) => {
  test("a member tenant's client signs up for streams shared into the community in the sharing tenant's namespace", async () => {
    const s = server();
    const { a, member, b, community } = await world(s);
    const signup = await memberSignup(s, member, community, ['shared-1', 'private']);
    assert.equal(signup.signupState, 'Active');
    assert.equal(signup.communityId, community);
    assert.deepEqual(signup.owner, { type: 'Client', objectId: b.clientId, tenantId: b.tenant });
    assert.ok(signup.bookmark);

    const resources = await api<Resources>(s, member, 'GET', `/signups/${signup.id}/resources`, undefined, inCommunity(community));
    assert.equal(resources.status, 200, resources.text);
    assert.deepEqual(resources.body.resources, [
      { resourceId: 'private', isAccessible: false },
      { resourceId: 'shared-1', isAccessible: true },
    ]);

    await writeChange(s, a, 'shared-1', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
    await writeChange(s, a, 'private', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 2 }]);
    await writeChange(s, a, 'shared-2', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 3 }]);
    const page = await api<Updates>(s, member, 'GET', `/signups/${signup.id}/updates?bookmark=${signup.bookmark}`, undefined, inCommunity(community));
    assert.equal(page.status, 200, page.text);
    assert.deepEqual(page.body.data, [{ resourceId: 'shared-1', operation: 'Insert', events: [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }] }]);

    // The community's signups are listed with the header; the owner, as for any signup.
    const list = await api<{ signups: Signup[] }>(s, member, 'GET', '/signups', undefined, inCommunity(community.toUpperCase()));
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(list.body.signups.map((x) => x.id), [signup.id]);
    const owner = await api<{ Type: string; ObjectId: string; TenantId: string }>(s, member, 'GET', `/signups/${signup.id}/owner`, undefined, { 'COMMUNITY-ID': community });
    assert.equal(owner.status, 200, owner.text);
    assert.equal(owner.body.TenantId, b.tenant);
  });

  test('unsharing a stream makes it inaccessible and stops its updates; sharing it again resumes them from then', async () => {
    const s = server();
    const { a, member, community } = await world(s);
    const signup = await memberSignup(s, member, community, ['shared-1', 'shared-2']);
    const get = (path: string) => api<Updates & Resources>(s, member, 'GET', `/signups/${signup.id}${path}`, undefined, inCommunity(community));

    await writeChange(s, a, 'shared-1', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
    let page = await get(`/updates?bookmark=${signup.bookmark}`);
    assert.deepEqual(page.body.data.map((u) => u.resourceId), ['shared-1']);

    assert.equal(await unshareStream(s.store.db, { communityId: community, tenantId: a.tenant, namespaceId: a.ns, streamId: 'shared-1' }), true);
    const resources = await get('/resources?resourceFilter=Inaccessible');
    assert.deepEqual(resources.body.resources, [{ resourceId: 'shared-1', isAccessible: false }]);
    await writeChange(s, a, 'shared-1', 'Insert', [{ Timestamp: '2026-01-02T00:00:00Z', Value: 2 }]);
    await writeChange(s, a, 'shared-2', 'Insert', [{ Timestamp: '2026-01-02T00:00:00Z', Value: 3 }]);
    page = await get(`/updates?bookmark=${page.body.bookmark}`);
    assert.equal(page.status, 200, page.text);
    assert.deepEqual(page.body.data.map((u) => [u.resourceId, u.events]), [['shared-2', [{ Timestamp: '2026-01-02T00:00:00Z', Value: 3 }]]]);

    assert.equal(await shareStream(s.store.db, s.clock, { communityId: community, tenantId: a.tenant, namespaceId: a.ns, streamId: 'shared-1' }), true);
    await writeChange(s, a, 'shared-1', 'Insert', [{ Timestamp: '2026-01-03T00:00:00Z', Value: 4 }]);
    page = await get(`/updates?bookmark=${page.body.bookmark}`);
    assert.deepEqual(page.body.data.map((u) => [u.resourceId, u.events]), [['shared-1', [{ Timestamp: '2026-01-03T00:00:00Z', Value: 4 }]]], 'the write made while unshared stays unseen');
    assert.deepEqual((await get('/resources')).body.resources.map((r) => r.isAccessible), [true, true]);
  });

  test('a community signup over streams none of which is shared fails', async () => {
    const s = server();
    const { member, community } = await world(s);
    const signup = await memberSignup(s, member, community, ['private', 'no-such-stream']);
    assert.equal(signup.signupState, 'Failed');
  });

  test('without the header, from a tenant outside the community, or with another community, a cross-tenant call is 403', async () => {
    const s = server();
    const { a, member, outsider, community } = await world(s);
    const body = { ResourceType: 'Stream', ResourceIds: ['shared-1'] };
    const refusals = [
      await api<AvevaError>(s, member, 'POST', '/signups', body),
      await api<AvevaError>(s, member, 'GET', '/signups'),
      await api<AvevaError>(s, outsider, 'POST', '/signups', body, inCommunity(community)),
      await api<AvevaError>(s, outsider, 'GET', '/signups', undefined, inCommunity(community)),
      await api<AvevaError>(s, member, 'POST', '/signups', body, inCommunity(`c-${randomUUID()}`)),
    ];
    for (const res of refusals) {
      assert.equal(res.status, 403, res.text);
      assert.ok(res.body.OperationId && res.body.Error && res.body.Reason, res.text);
    }
    // The SDS routes take no Community-Id: a member may not read the sharing tenant's streams directly.
    const sds = await api<AvevaError>(s, member, 'GET', '/Streams/shared-1', undefined, inCommunity(community));
    assert.equal(sds.status, 403, sds.text);
    const none = await s.store.db.selectFrom('cb_signups').select('id').where('tenant_id', '=', a.tenant).execute();
    assert.deepEqual(none, [], 'refused calls created nothing');
  });

  test("every call on a community signup must carry its Community-Id; other signups refuse one", async () => {
    const s = server();
    const { a, member, community } = await world(s);
    const signup = await memberSignup(s, member, community, ['shared-1']);
    const other = `c-${randomUUID()}`;
    await createCommunity(s.store.db, s.clock, other, [a.tenant, member.tenant]);
    for (const headers of [undefined, inCommunity(other)]) {
      for (const [method, path, json] of [
        ['GET', '', undefined],
        ['PUT', '', { Name: 'renamed' }],
        ['GET', '/owner', undefined],
        ['GET', '/resources', undefined],
        ['POST', '/resources', { ResourcesToAdd: ['shared-2'] }],
        ['GET', `/updates?bookmark=${signup.bookmark}`, undefined],
        ['DELETE', '', undefined],
      ] as const) {
        const res = await api<AvevaError>(s, { ...member, base: a.base }, method, `/signups/${signup.id}${path}`, json, headers);
        assert.equal(res.status, 403, `${method} ${path} with ${JSON.stringify(headers)}: ${res.text}`);
      }
    }
    // The sharing tenant's own clients are not the owner, header or not.
    const notOwner = await api(s, a, 'GET', `/signups/${signup.id}`, undefined, inCommunity(community));
    assert.equal(notOwner.status, 403, notOwner.text);

    // A signup made without a community refuses calls that name one.
    const plain = await api<Signup>(s, a, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: ['private'] });
    assert.equal(plain.status, 202, plain.text);
    const withHeader = await api<AvevaError>(s, a, 'GET', `/signups/${plain.body.id}`, undefined, inCommunity(community));
    assert.equal(withHeader.status, 403, withHeader.text);
    assert.equal(withHeader.body.Reason, 'Community-Id does not match the signup');
    const still = await api<Signup>(s, { ...member, base: a.base }, 'GET', `/signups/${signup.id}`, undefined, inCommunity(community));
    assert.equal(still.status, 200, still.text);
    assert.equal(still.body.name, 'shared', 'refused calls changed nothing');
  });

  test('a Community-Id naming no community the tenant belongs to is 403 on create, even in its own tenant', async () => {
    const s = server();
    const space = await newSpace(s);
    await addStream(s, space, 'x');
    const res = await api<AvevaError>(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: ['x'] }, inCommunity('no-such-community'));
    assert.equal(res.status, 403, res.text);
    assert.equal(res.body.Reason, 'Not a community member');
    const second = await otherClient(s, space);
    assert.equal((await api(s, second, 'GET', '/signups', undefined, inCommunity('no-such-community'))).status, 200, 'a list names no community to check');
  });
});
