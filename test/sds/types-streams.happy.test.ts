import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDialect } from '../helpers/server.js';
import { keyedType, sdsTenant, simpleType } from './sds-fixtures.js';

interface SdsType {
  Id: string;
  Name: string;
  SdsTypeCode: number;
  Properties: Array<{ Id: string; IsKey: boolean; SdsType: { SdsTypeCode: number } }>;
}
interface SdsStream {
  Id: string;
  Name: string;
  Description: string | null;
  TypeId: string;
  InterpolationMode?: number;
  CreatedDate: string;
  ModifiedDate: string;
}

describeEachDialect('SDS types and streams: happy paths', (server) => {
  test('Get Or Create Type creates (201), answers the type with numeric SdsTypeCodes, and GET reads it back', async () => {
    const s = server();
    const t = await sdsTenant(s);
    const created = await t.call<SdsType>('POST', '/Types/SimpleType', { json: simpleType() });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.Id, 'SimpleType');
    assert.equal(created.body.SdsTypeCode, 1);
    assert.deepEqual(
      created.body.Properties.map((p) => [p.Id, p.IsKey, p.SdsType.SdsTypeCode]),
      [['Timestamp', true, 16], ['Value', false, 14]],
    );
    const read = await t.call<SdsType>('GET', '/Types/SimpleType');
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, created.body);
  });

  test('Get Or Create Type of an identical type answers 302 with Location and the type; a following client reads 200', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await t.call('POST', '/Types/SimpleType', { json: simpleType() });
    // Same type in camelCase and with codes as numbers: it is the same type.
    const again = {
      id: 'SimpleType',
      name: 'SimpleType',
      sdsTypeCode: 1,
      properties: [
        { id: 'Timestamp', name: 'Timestamp', isKey: true, sdsType: { id: 'DateTime', sdsTypeCode: 16 } },
        { id: 'Value', name: 'Value', sdsType: { id: 'Double', sdsTypeCode: 'Double' } },
      ],
    };
    const res = await t.call<SdsType>('POST', '/Types/SimpleType', { json: again, redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `${s.url}${t.path('/Types/SimpleType')}`);
    assert.equal(res.body.Id, 'SimpleType');
    const followed = await t.call<SdsType>('POST', '/Types/SimpleType', { json: again });
    assert.equal(followed.status, 200);
    assert.equal(followed.body.Id, 'SimpleType');
  });

  test('key types: String, Int32, Int64 and Double keys are accepted; GET /Types lists them by id with skip and count', async () => {
    const s = server();
    const t = await sdsTenant(s);
    for (const [id, code] of [['ByString', 'String'], ['ByInt32', 9], ['ByInt64', 'Int64'], ['ByDouble', 14]] as const) {
      const res = await t.call('POST', `/Types/${id}`, { json: keyedType(id, code) });
      assert.equal(res.status, 201, res.text);
    }
    const all = await t.call<SdsType[]>('GET', '/Types');
    assert.deepEqual(all.body.map((x) => x.Id), ['ByDouble', 'ByInt32', 'ByInt64', 'ByString']);
    const page = await t.call<SdsType[]>('GET', '/Types?skip=1&count=2');
    assert.deepEqual(page.body.map((x) => x.Id), ['ByInt32', 'ByInt64']);
  });

  test('Delete Type answers 204 and the type is gone', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await t.call('POST', '/Types/Gone', { json: simpleType('Gone') });
    assert.equal((await t.call('DELETE', '/Types/Gone')).status, 204);
    assert.equal((await t.call('GET', '/Types/Gone')).status, 404);
  });

  test('Get Or Create Stream creates (201) with dates, owned by the caller; an identical one answers 302, then 200', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await t.call('POST', '/Types/SimpleType', { json: simpleType() });
    const body = { Id: 's1', Name: 'Stream one', Description: 'first', TypeId: 'SimpleType', InterpolationMode: 'Discrete' };
    const created = await t.call<SdsStream>('POST', '/Streams/s1', { json: body });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.Id, 's1');
    assert.equal(created.body.Name, 'Stream one');
    assert.equal(created.body.Description, 'first');
    assert.equal(created.body.TypeId, 'SimpleType');
    assert.equal(created.body.InterpolationMode, 3);
    assert.equal(created.body.CreatedDate, s.clock.now().toISOString());
    assert.equal(created.body.ModifiedDate, created.body.CreatedDate);

    const res = await t.call('POST', '/Streams/s1', { json: { ...body, InterpolationMode: 3 }, redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `${s.url}${t.path('/Streams/s1')}`);
    const followed = await t.call<SdsStream>('POST', '/Streams/s1', { json: body });
    assert.equal(followed.status, 200);
    assert.deepEqual(followed.body, created.body);

    const owner = await t.call('GET', '/Streams/s1/Owner');
    assert.deepEqual(owner.body, { Type: 'Client', ObjectId: t.clientId, TenantId: t.tenantId });
    const acl = await t.call('GET', '/Streams/s1/AccessControl');
    assert.deepEqual(acl.body, { RoleTrusteeAccessControlEntries: [] });
  });

  test('Create Or Update Stream: 201 when new, 204 when updated; the update moves ModifiedDate only', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await t.call('POST', '/Types/SimpleType', { json: simpleType() });
    await t.call('POST', '/Types/Other', { json: simpleType('Other') });
    const created = await t.call<SdsStream>('PUT', '/Streams/p1', { json: { TypeId: 'SimpleType', Name: 'before' } });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.Name, 'before');
    s.clock.advance(5_000);
    const updated = await t.call('PUT', '/Streams/p1', { json: { Id: 'p1', TypeId: 'Other', Name: 'after' } });
    assert.equal(updated.status, 204, updated.text);
    const read = await t.call<SdsStream>('GET', '/Streams/p1');
    assert.equal(read.body.Name, 'after');
    assert.equal(read.body.TypeId, 'Other');
    assert.equal(read.body.CreatedDate, created.body.CreatedDate);
    assert.equal(read.body.ModifiedDate, s.clock.now().toISOString());
  });

  test('GET /Streams lists the streams by id with skip and count; paths and bodies match in any letter case', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await t.call('POST', '/Types/SimpleType', { json: simpleType() });
    for (const id of ['c', 'a', 'b']) {
      const res = await s.app.inject({
        method: 'POST',
        url: `/api/v1/tenants/${t.tenantId}/namespaces/${t.namespaceId}/streams/${id}`,
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
        payload: { typeid: 'SimpleType' },
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const all = await t.call<SdsStream[]>('GET', '/Streams');
    assert.deepEqual(all.body.map((x) => x.Id), ['a', 'b', 'c']);
    const page = await t.call<SdsStream[]>('GET', '/Streams?skip=1&count=1');
    assert.deepEqual(page.body.map((x) => x.Id), ['b']);
  });

  test('Delete Stream answers 204, removes its events, and keeps the change records already written', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await t.call('POST', '/Types/SimpleType', { json: simpleType() });
    await t.call('POST', '/Streams/d1', { json: { TypeId: 'SimpleType' } });
    assert.equal((await t.call('POST', '/Streams/d1/Data', { json: [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }] })).status, 204);
    assert.equal((await t.call('DELETE', '/Streams/d1')).status, 204);
    assert.equal((await t.call('GET', '/Streams/d1')).status, 404);
    const events = await s.store.db.selectFrom('sds_events').select('index_key').where('tenant_id', '=', t.tenantId).execute();
    assert.deepEqual(events, []);
    const changes = await s.store.db.selectFrom('change_log').select('operation').where('tenant_id', '=', t.tenantId).execute();
    assert.deepEqual(changes, [{ operation: 'Insert' }]);
    // The type is free again once its last stream is gone.
    assert.equal((await t.call('DELETE', '/Types/SimpleType')).status, 204);
  });
});
