import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessibleStreams, trusteeOf } from '../../src/sds/access.js';
import { call } from '../helpers/http.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { assertSdsError, type SdsTenant, sdsTenant, typeAndStream } from './sds-fixtures.js';

const EVENT = { Timestamp: '2026-01-01T00:00:00Z', Value: 1 };

/** A second client acting in the same tenant as `t`. */
async function colleague(s: TestServer, t: SdsTenant): Promise<SdsTenant> {
  const { token, clientId } = await s.tenantToken(t.tenantId);
  return { ...t, token, clientId, call: (method, rest, options = {}) => call(s, method, t.path(rest), { token, ...options }) };
}

const trustee = (t: SdsTenant) => ({ Type: 'Client', ObjectId: t.clientId, TenantId: t.tenantId });

async function readable(s: TestServer, t: SdsTenant, who: SdsTenant, ids: string[]): Promise<string[]> {
  const set = await accessibleStreams(s.store.db, t.tenantId, t.namespaceId, { Type: 'Client', ObjectId: who.clientId, TenantId: who.tenantId }, ids);
  return [...set].sort();
}

describeEachDialect('SDS security: tokens, tenants and stream access control', (server) => {
  test('no token or a bad token: 401 with the AVEVA body on every operation', async () => {
    const s = server();
    const t = await sdsTenant(s);
    const operations = [
      ['GET', '/Types'],
      ['POST', '/Types/T'],
      ['GET', '/Streams'],
      ['PUT', '/Streams/s'],
      ['GET', '/Streams/s/Data'],
      ['POST', '/Streams/s/Data'],
      ['DELETE', '/Streams/s/Data?index=x'],
      ['PUT', '/Streams/s/AccessControl'],
    ] as const;
    for (const [method, rest] of operations) {
      const json = method === 'POST' || method === 'PUT' ? {} : undefined;
      assertSdsError(await call(s, method, t.path(rest), json === undefined ? {} : { json }), 401);
      assertSdsError(await call(s, method, t.path(rest), { token: 'not-a-token', ...(json === undefined ? {} : { json }) }), 401);
    }
  });

  test("a client of another tenant is refused (403), whether or not the namespace exists there", async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 's');
    const other = await sdsTenant(s);
    assertSdsError(await call(s, 'GET', t.path('/Streams/s'), { token: other.token }), 403);
    assertSdsError(await call(s, 'GET', t.path('/Streams/s/Data'), { token: other.token }), 403);
    assertSdsError(await call(s, 'POST', t.path('/Streams/s/Data'), { token: other.token, json: [EVENT] }), 403);
    assertSdsError(await call(s, 'GET', `/api/v1/Tenants/${t.tenantId}/Namespaces/missing/Streams`, { token: other.token }), 403);
    // A partner client (no tenant) is refused too.
    assertSdsError(await call(s, 'GET', t.path('/Types'), { token: await s.mintToken() }), 403);
  });

  test('a second client of the tenant without an ACL entry cannot read, write, delete or manage the stream (403)', async () => {
    const s = server();
    const owner = await sdsTenant(s);
    await typeAndStream(owner, 'private');
    await owner.call('POST', '/Streams/private/Data', { json: [EVENT] });
    const other = await colleague(s, owner);
    assertSdsError(await other.call('GET', '/Streams/private'), 403);
    assertSdsError(await other.call('GET', '/Streams/private/Data'), 403);
    assertSdsError(await other.call('GET', '/Streams/private/AccessControl'), 403);
    assertSdsError(await other.call('GET', '/Streams/private/Owner'), 403);
    assertSdsError(await other.call('POST', '/Streams/private/Data', { json: [{ ...EVENT, Timestamp: '2026-01-02T00:00:00Z' }] }), 403);
    assertSdsError(await other.call('PUT', '/Streams/private/Data', { json: [EVENT] }), 403);
    assertSdsError(await other.call('DELETE', `/Streams/private/Data?index=${EVENT.Timestamp}`), 403);
    assertSdsError(await other.call('DELETE', '/Streams/private'), 403);
    assertSdsError(await other.call('PUT', '/Streams/private', { json: { TypeId: 'SimpleType', Name: 'mine' } }), 403);
    assertSdsError(await other.call('POST', '/Streams/private', { json: { TypeId: 'SimpleType' } }), 403);
    const grant = { RoleTrusteeAccessControlEntries: [{ Trustee: trustee(other), AccessType: 'Allowed', AccessRights: 31 }] };
    assertSdsError(await other.call('PUT', '/Streams/private/AccessControl', { json: grant }), 403);
    assert.deepEqual((await other.call('GET', '/Streams')).body, []);
    assert.deepEqual(await readable(s, owner, other, ['private']), []);
    assert.deepEqual(await readable(s, owner, owner, ['private', 'missing']), ['private']);
    // Nothing changed.
    assert.deepEqual((await owner.call('GET', '/Streams/private/Data')).body, [EVENT]);
  });

  test('after the owner allows Read, the client reads the stream and its data but still cannot write', async () => {
    const s = server();
    const owner = await sdsTenant(s);
    await typeAndStream(owner, 'shared');
    await owner.call('POST', '/Streams/shared/Data', { json: [EVENT] });
    const reader = await colleague(s, owner);
    const acl = { RoleTrusteeAccessControlEntries: [{ Trustee: trustee(reader), AccessType: 'Allowed', AccessRights: 1 }] };
    assert.equal((await owner.call('PUT', '/Streams/shared/AccessControl', { json: acl })).status, 204);
    assert.deepEqual((await owner.call('GET', '/Streams/shared/AccessControl')).body, acl);
    assert.equal((await reader.call('GET', '/Streams/shared')).status, 200);
    assert.deepEqual((await reader.call('GET', '/Streams/shared/Data')).body, [EVENT]);
    assert.deepEqual(((await reader.call('GET', '/Streams')).body as Array<{ Id: string }>).map((x) => x.Id), ['shared']);
    assert.deepEqual(await readable(s, owner, reader, ['shared']), ['shared']);
    assertSdsError(await reader.call('PUT', '/Streams/shared/Data', { json: [EVENT] }), 403);
    assertSdsError(await reader.call('DELETE', '/Streams/shared'), 403);
  });

  test('Write, Delete and ManageAccessControl each allow their own operations; numbers for trustee and access types are accepted', async () => {
    const s = server();
    const owner = await sdsTenant(s);
    await typeAndStream(owner, 'rights');
    const writer = await colleague(s, owner);
    const manager = await colleague(s, owner);
    const acl = {
      RoleTrusteeAccessControlEntries: [
        { Trustee: { Type: 2, ObjectId: writer.clientId, TenantId: owner.tenantId }, AccessType: 0, AccessRights: 2 | 4 },
        { Trustee: trustee(manager), AccessType: 'Allowed', AccessRights: 8 },
      ],
    };
    assert.equal((await owner.call('PUT', '/Streams/rights/AccessControl', { json: acl })).status, 204);
    const stored = (await owner.call('GET', '/Streams/rights/AccessControl')).body as { RoleTrusteeAccessControlEntries: Array<{ Trustee: { Type: string }; AccessType: string }> };
    assert.equal(stored.RoleTrusteeAccessControlEntries[0]?.Trustee.Type, 'Client');
    assert.equal(stored.RoleTrusteeAccessControlEntries[0]?.AccessType, 'Allowed');
    assert.equal((await writer.call('POST', '/Streams/rights/Data', { json: [EVENT] })).status, 204);
    assert.equal((await writer.call('DELETE', `/Streams/rights/Data?index=${EVENT.Timestamp}`)).status, 204);
    assertSdsError(await writer.call('GET', '/Streams/rights/Data'), 403);
    assertSdsError(await manager.call('POST', '/Streams/rights/Data', { json: [EVENT] }), 403);
    // The manager may rewrite the list, here to give itself Read.
    const self = { RoleTrusteeAccessControlEntries: [{ Trustee: trustee(manager), AccessType: 'Allowed', AccessRights: 9 }] };
    assert.equal((await manager.call('PUT', '/Streams/rights/AccessControl', { json: self })).status, 204);
    assert.equal((await manager.call('GET', '/Streams/rights')).status, 200);
  });

  test('Denied overrides Allowed, and the owner keeps every right whatever the list says', async () => {
    const s = server();
    const owner = await sdsTenant(s);
    await typeAndStream(owner, 'deny');
    const other = await colleague(s, owner);
    const acl = {
      RoleTrusteeAccessControlEntries: [
        { Trustee: trustee(other), AccessType: 'Allowed', AccessRights: 31 },
        { Trustee: trustee(other), AccessType: 'Denied', AccessRights: 1 },
        { Trustee: trustee(owner), AccessType: 'Denied', AccessRights: 31 },
      ],
    };
    assert.equal((await owner.call('PUT', '/Streams/deny/AccessControl', { json: acl })).status, 204);
    assertSdsError(await other.call('GET', '/Streams/deny/Data'), 403);
    assert.deepEqual(await readable(s, owner, other, ['deny']), []);
    // Write was allowed and not denied.
    assert.equal((await other.call('POST', '/Streams/deny/Data', { json: [EVENT] })).status, 204);
    assert.equal((await owner.call('GET', '/Streams/deny/Data')).status, 200);
    assert.deepEqual(await readable(s, owner, owner, ['deny']), ['deny']);
    assert.deepEqual(trusteeOf({ clientId: owner.clientId, scopes: [], tenantId: owner.tenantId }), trustee(owner));
  });
});
