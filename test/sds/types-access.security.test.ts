import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call } from '../helpers/http.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { storeDigest } from '../helpers/store-digest.js';
import { assertSdsError, type SdsTenant, sdsTenant, simpleType } from './sds-fixtures.js';

/** A second client acting in the same tenant as `t`. */
async function colleague(s: TestServer, t: SdsTenant): Promise<SdsTenant> {
  const { token, clientId } = await s.tenantToken(t.tenantId);
  return { ...t, token, clientId, call: (method, rest, options = {}) => call(s, method, t.path(rest), { token, ...options }) };
}

const trustee = (t: SdsTenant) => ({ Type: 'Client', ObjectId: t.clientId, TenantId: t.tenantId });

describeEachDialect('SDS security: type access control', (server) => {
  test('another client of the tenant can neither delete, read nor list the owner\'s type without rights', async () => {
    const s = server();
    const owner = await sdsTenant(s);
    const other = await colleague(s, owner);
    assert.equal((await owner.call('POST', '/Types/SimpleType', { json: simpleType() })).status, 201);
    const before = await storeDigest(s.store);
    assertSdsError(await other.call('DELETE', '/Types/SimpleType'), 403);
    assertSdsError(await other.call('GET', '/Types/SimpleType'), 403);
    assertSdsError(await other.call('GET', '/Types/SimpleType/AccessControl'), 403);
    assertSdsError(await other.call('PUT', '/Types/SimpleType/AccessControl', { json: { RoleTrusteeAccessControlEntries: [] } }), 403);
    assertSdsError(await other.call('POST', '/Types/SimpleType', { json: simpleType() }), 403);
    const listed = await other.call<unknown[]>('GET', '/Types');
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body, []);
    assert.equal(await storeDigest(s.store), before, 'nothing changed');
    const ownerOf = await owner.call<{ Type: string; ObjectId: string }>('GET', '/Types/SimpleType/Owner');
    assert.equal(ownerOf.status, 200, ownerOf.text);
    assert.deepEqual(ownerOf.body, trustee(owner));
  });

  test('the owner grants Read, then Delete; Denied wins; the owner keeps every right', async () => {
    const s = server();
    const owner = await sdsTenant(s);
    const other = await colleague(s, owner);
    assert.equal((await owner.call('POST', '/Types/T2', { json: simpleType('T2') })).status, 201);
    const grant = (rights: number, type = 'Allowed') =>
      owner.call('PUT', '/Types/T2/AccessControl', { json: { RoleTrusteeAccessControlEntries: [{ Trustee: trustee(other), AccessType: type, AccessRights: rights }] } });
    assert.equal((await grant(1)).status, 204);
    assert.equal((await other.call('GET', '/Types/T2')).status, 200);
    assert.equal((await other.call<unknown[]>('GET', '/Types')).body.length, 1);
    // Get-or-create of the existing type answers 302 to it (the call follows it to the type, as fetch does).
    assert.equal((await other.call('POST', '/Types/T2', { json: simpleType('T2') })).status, 200);
    assertSdsError(await other.call('DELETE', '/Types/T2'), 403);
    const acl = await owner.call<{ RoleTrusteeAccessControlEntries: unknown[] }>('GET', '/Types/T2/AccessControl');
    assert.deepEqual(acl.body, { RoleTrusteeAccessControlEntries: [{ Trustee: trustee(other), AccessType: 'Allowed', AccessRights: 1 }] });
    assert.equal((await grant(1, 'Denied')).status, 204);
    assertSdsError(await other.call('GET', '/Types/T2'), 403);
    assert.equal((await grant(1 | 4)).status, 204);
    assert.equal((await other.call('DELETE', '/Types/T2')).status, 204);
    assertSdsError(await owner.call('GET', '/Types/T2'), 404);
  });
});
