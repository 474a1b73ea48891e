import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { call } from '../helpers/http.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { api, newSpace, otherClient, type Signup, type Space, updates } from './support.js';

/** SDS calls as the official samples make them: capitalised segments, PascalCase bodies. */
function sds(s: TestServer, space: Space, method: string, rest: string, json?: unknown) {
  return call(s, method, `/api/v1/Tenants/${space.tenant}/Namespaces/${space.ns}${rest}`, { token: space.token, ...(json !== undefined ? { json } : {}) });
}

const simpleType = {
  Id: 'SimpleType',
  SdsTypeCode: 'Object',
  Properties: [
    { Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } },
    { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } },
  ],
};

async function stream(s: TestServer, space: Space, id: string): Promise<void> {
  const type = await sds(s, space, 'POST', '/Types/SimpleType', simpleType);
  assert.ok([200, 201, 302].includes(type.status), type.text);
  const created = await sds(s, space, 'POST', `/Streams/${id}`, { Id: id, TypeId: 'SimpleType' });
  assert.equal(created.status, 201, created.text);
}

describeEachDialect('Change Broker over SDS writes made through the API', (server) => {
  test('the sample flow: streams, a signup active within a second, every write mode as updates, resources, paging', async () => {
    const s = server();
    const space = await newSpace(s);
    await stream(s, space, 'stream-1');
    await stream(s, space, 'stream-2');
    const created = await api<Signup>(s, space, 'POST', '/signups', { Name: 'sample', ResourceType: 'Stream', ResourceIds: ['stream-1', 'stream-2'] });
    assert.equal(created.status, 202, created.text);
    await sleep(1000);
    const got = await api<Signup & { bookmark: string }>(s, space, 'GET', `/signups/${created.body.id}`);
    assert.equal(got.body.signupState, 'Active', 'active one second after create, as the sample expects');

    const t = (day: number) => `2026-03-0${day}T00:00:00Z`;
    const writes: Array<[string, string, unknown?]> = [
      ['POST', '/Streams/stream-1/Data', [{ Timestamp: t(1), Value: 1 }, { Timestamp: t(2), Value: 2 }, { Timestamp: t(3), Value: 3 }]],
      ['PUT', '/Streams/stream-2/Data', [{ Timestamp: t(1), Value: 10 }]],
      ['PUT', '/Streams/stream-1/Data?allowCreate=false', [{ Timestamp: t(2), Value: 20 }]],
      ['DELETE', `/Streams/stream-1/Data?index=${t(1)}`],
      ['DELETE', `/Streams/stream-1/Data?startIndex=${t(2)}&endIndex=${t(3)}`],
    ];
    for (const [method, rest, json] of writes) {
      const res = await sds(s, space, method, rest, json);
      assert.equal(res.status, 204, `${method} ${rest}: ${res.text}`);
    }
    const page = await updates(s, space, created.body.id, got.body.bookmark);
    assert.equal(page.status, 200, page.text);
    assert.deepEqual(
      page.body.data.map((u) => [u.resourceId, u.operation, u.events.length]),
      [
        ['stream-1', 'Insert', 3],
        ['stream-2', 'Update', 1],
        ['stream-1', 'Replace', 1],
        ['stream-1', 'Remove', 1],
        ['stream-1', 'RemoveWindow', 2],
      ],
    );
    const first = page.body.data[0]?.events[0] as Record<string, unknown>;
    assert.deepEqual(Object.keys(first).sort(), ['Timestamp', 'Value']);
    assert.equal(new Date(String(first.Timestamp)).toISOString(), '2026-03-01T00:00:00.000Z');

    // Removing a resource stops its updates; the .NET sample sends both lists.
    const changed = await api(s, space, 'POST', `/signups/${created.body.id}/resources`, { ResourcesToAdd: [], ResourcesToRemove: ['stream-2'] });
    assert.equal(changed.status, 202, changed.text);
    assert.equal((await sds(s, space, 'PUT', '/Streams/stream-2/Data', [{ Timestamp: t(4), Value: 4 }])).status, 204);
    assert.equal((await sds(s, space, 'PUT', '/Streams/stream-1/Data', [{ Timestamp: t(4), Value: 5 }])).status, 204);
    const next = await updates(s, space, created.body.id, page.body.bookmark);
    assert.deepEqual(next.body.data.map((u) => [u.resourceId, u.operation]), [['stream-1', 'Update']]);

    const list = await api<{ signups: Signup[] }>(s, space, 'GET', '/signups?skip=0&count=10');
    assert.deepEqual(list.body.signups.map((x) => x.id), [created.body.id]);
    assert.equal((await api(s, space, 'DELETE', `/signups/${created.body.id}`)).status, 204);
  });

  test("a stream another client owns is accessible only once its access control lets the owner read", async () => {
    const s = server();
    const space = await newSpace(s);
    const other = await otherClient(s, space);
    await stream(s, other, 'theirs');
    await stream(s, other, 'lent');
    const acl = await sds(s, other, 'PUT', '/Streams/lent/AccessControl', {
      RoleTrusteeAccessControlEntries: [{ Trustee: { Type: 'Client', ObjectId: space.clientId, TenantId: space.tenant }, AccessType: 'Allowed', AccessRights: 1 }],
    });
    assert.ok([200, 204].includes(acl.status), acl.text);
    const created = await api<Signup>(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: ['theirs', 'lent'] });
    let signup: (Signup & { bookmark: string }) | undefined;
    for (let i = 0; i < 40 && signup?.signupState !== 'Active'; i += 1) {
      await sleep(25);
      signup = (await api<Signup & { bookmark: string }>(s, space, 'GET', `/signups/${created.body.id}`)).body;
    }
    assert.equal(signup?.signupState, 'Active');
    const resources = await api<{ resources: Array<{ resourceId: string; isAccessible: boolean }> }>(s, space, 'GET', `/signups/${created.body.id}/resources`);
    assert.deepEqual(resources.body.resources, [
      { resourceId: 'lent', isAccessible: true },
      { resourceId: 'theirs', isAccessible: false },
    ]);
    for (const id of ['theirs', 'lent']) {
      assert.equal((await sds(s, other, 'POST', `/Streams/${id}/Data`, [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }])).status, 204);
    }
    const res = await updates(s, space, created.body.id, signup?.bookmark ?? '');
    assert.deepEqual(res.body.data.map((u) => u.resourceId), ['lent']);
  });
});
