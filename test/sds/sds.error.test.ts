import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readChanges } from '../../src/sds/changes.js';
import { describeEachDialect } from '../helpers/server.js';
import { assertSdsError, keyedType, sdsTenant, simpleType, typeAndStream } from './sds-fixtures.js';

describeEachDialect('SDS errors: AVEVA error body, never a 500', (server) => {
  test('malformed ids answer 400 naming the id', async () => {
    const s = server();
    const t = await sdsTenant(s);
    // A path segment over 1000 characters is refused by the router itself (414), still with the AVEVA body.
    assertSdsError(await t.call('POST', `/Types/${'x'.repeat(1001)}`, { json: simpleType('x'.repeat(1001)) }), 414);
    assertSdsError(await t.call('GET', '/Types/bad%E0%A4%A'), 400);
    for (const id of ['__reserved', '.dot', 'dot.', 'x'.repeat(101), 'tab%09id']) {
      const res = await t.call('POST', `/Types/${id}`, { json: simpleType(decodeURIComponent(id)) });
      const body = assertSdsError(res, 400);
      assert.match(body.Error, /type id/, res.text);
    }
    await t.call('POST', '/Types/SimpleType', { json: simpleType() });
    assertSdsError(await t.call('POST', '/Streams/__s', { json: { TypeId: 'SimpleType' } }), 400);
    const mismatch = assertSdsError(await t.call('POST', '/Streams/s1', { json: { Id: 's2', TypeId: 'SimpleType' } }), 400);
    assert.match(mismatch.Error, /differs/);
  });

  test('malformed bodies answer 400: not JSON, wrong shapes, no key, compound key, unknown or unusable type codes', async () => {
    const s = server();
    const t = await sdsTenant(s);
    assertSdsError(await t.call('POST', '/Types/T', { body: '{"Id":', headers: { 'content-type': 'application/json' } }), 400);
    assertSdsError(await t.call('POST', '/Types/T', { json: [] }), 400);
    assertSdsError(await t.call('POST', '/Types/T', { json: { Id: 'T' } }), 400);
    assertSdsError(await t.call('POST', '/Types/T', { json: { Properties: [{ Id: 'a' }] } }), 400);
    const noKey = assertSdsError(await t.call('POST', '/Types/T', { json: { Properties: [{ Id: 'a', SdsType: { SdsTypeCode: 14 } }] } }), 400);
    assert.match(noKey.Error, /no key property/);
    const compound = {
      Properties: [
        { Id: 'a', IsKey: true, SdsType: { SdsTypeCode: 16 } },
        { Id: 'b', IsKey: true, SdsType: { SdsTypeCode: 18 } },
      ],
    };
    assert.match(assertSdsError(await t.call('POST', '/Types/T', { json: compound }), 400).Error, /compound key/);
    assert.match(assertSdsError(await t.call('POST', '/Types/T', { json: keyedType('T', 'NoSuchCode') }), 400).Error, /unknown SdsTypeCode/);
    assert.match(assertSdsError(await t.call('POST', '/Types/T', { json: keyedType('T', 'Boolean') }), 400).Error, /key must be/);
    const twice = { Properties: [{ Id: 'a', IsKey: true, SdsType: { SdsTypeCode: 16 } }, { Id: 'A', SdsType: { SdsTypeCode: 14 } }] };
    assertSdsError(await t.call('POST', '/Types/T', { json: twice }), 400);
    assert.equal((await t.call('GET', '/Types/T')).status, 404);
  });

  test('a body in another media type answers 415', async () => {
    const s = server();
    const t = await sdsTenant(s);
    const res = await t.call('POST', '/Types/T', { body: 'Id=T', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assertSdsError(res, 415);
    assertSdsError(await t.call('POST', '/Types/T', { body: JSON.stringify(simpleType('T')), headers: { 'content-type': 'text/plain' } }), 415);
  });

  test('type conflicts: a different type under an existing id is 409; a type in use cannot be deleted (409)', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 's1');
    const changed = { ...simpleType(), Description: 'another' };
    assertSdsError(await t.call('POST', '/Types/SimpleType', { json: changed }), 409);
    const inUse = assertSdsError(await t.call('DELETE', '/Types/SimpleType'), 409);
    assert.equal(inUse.Parameters.StreamId, 's1');
  });

  test('stream conflicts: a different stream under an existing id is 409; a stream with events keeps its type (409)', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 's1');
    await t.call('POST', '/Types/Other', { json: simpleType('Other') });
    assertSdsError(await t.call('POST', '/Streams/s1', { json: { TypeId: 'Other' } }), 409);
    await t.call('POST', '/Streams/s1/Data', { json: [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }] });
    assertSdsError(await t.call('PUT', '/Streams/s1', { json: { TypeId: 'Other' } }), 409);
  });

  test('unknown namespace, type, stream and event answer 404; a stream of an unknown type is 400', async () => {
    const s = server();
    const t = await sdsTenant(s);
    const ns = assertSdsError(await s.app.inject({ method: 'GET', url: `/api/v1/Tenants/${t.tenantId}/Namespaces/nope/Types`, headers: { authorization: `Bearer ${t.token}` } }).then((r) => ({
      status: r.statusCode,
      headers: new Headers(r.headers as Record<string, string>),
      body: r.json() as unknown,
      text: r.body,
    })), 404);
    assert.equal(ns.Parameters.NamespaceId, 'nope');
    assertSdsError(await t.call('GET', '/Types/nope'), 404);
    assertSdsError(await t.call('DELETE', '/Types/nope'), 404);
    assertSdsError(await t.call('GET', '/Streams/nope'), 404);
    assertSdsError(await t.call('DELETE', '/Streams/nope'), 404);
    assertSdsError(await t.call('GET', '/Streams/nope/Data'), 404);
    assertSdsError(await t.call('POST', '/Streams/nope/Data', { json: [] }), 404);
    assertSdsError(await t.call('GET', '/Streams/nope/AccessControl'), 404);
    const badType = assertSdsError(await t.call('POST', '/Streams/s9', { json: { TypeId: 'nope' } }), 400);
    assert.equal(badType.Parameters.TypeId, 'nope');
    assertSdsError(await t.call('GET', '/Nothing/Here'), 404);
  });

  test('a namespace removed with its streams answers 404 Namespace not found to a writer that wrote into it before', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 's1');
    assert.equal((await t.call('POST', '/Streams/s1/Data', { json: [{ Timestamp: '2024-01-01T00:00:00Z', Value: 1 }] })).status, 204);
    // As a sandbox reset in another process removes them: the streams, types and the namespace, nothing else.
    await s.store.db.transaction().execute(async (trx) => {
      for (const table of ['change_log', 'sds_events', 'sds_streams', 'sds_types'] as const) await trx.deleteFrom(table).where('tenant_id', '=', t.tenantId).execute();
      await trx.deleteFrom('namespaces').where('tenant_id', '=', t.tenantId).execute();
    });
    for (const mode of ['POST', 'PUT'] as const) {
      const gone = assertSdsError(await t.call(mode, '/Streams/s1/Data', { json: [{ Timestamp: '2024-01-01T00:00:01Z', Value: 2 }] }), 404);
      assert.equal(gone.Parameters.NamespaceId, t.namespaceId);
    }
    const left = await s.store.db.selectFrom('sds_events').select('index_key').where('tenant_id', '=', t.tenantId).execute();
    assert.deepEqual(left, []);
  });

  test('data errors: missing key, bad index values, duplicates in one request and non-arrays answer 400 and write nothing', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'd');
    const bad = [
      [{ Value: 1 }],
      [{ Timestamp: null, Value: 1 }],
      [{ Timestamp: 'yesterday', Value: 1 }],
      [{ Timestamp: '2026-02-30T00:00:00Z', Value: 1 }],
      [{ Timestamp: 20260101, Value: 1 }],
      [{ Timestamp: '2026-01-01T00:00:00Z' }, { Timestamp: '2026-01-01T00:00:00.000Z' }],
      [{ Timestamp: '2026-01-01T00:00:00Z' }, 'not an event'],
      { Timestamp: '2026-01-01T00:00:00Z' },
    ];
    for (const json of bad) {
      for (const [method, query] of [['POST', ''], ['PUT', ''], ['PUT', '?allowCreate=false']] as const) {
        assertSdsError(await t.call(method, `/Streams/d/Data${query}`, { json }), 400);
      }
    }
    const missing = assertSdsError(await t.call('POST', '/Streams/d/Data', { json: [{ Value: 1 }] }), 400);
    assert.equal(missing.Parameters.KeyProperty, 'Timestamp');
    await typeAndStream(t, 'i', keyedType('ByInt32', 'Int32'));
    for (const key of [1.5, 2147483648, '12abc']) assertSdsError(await t.call('POST', '/Streams/i/Data', { json: [{ Key: key }] }), 400);
    assertSdsError(await t.call('GET', '/Streams/i/Data?startIndex=abc'), 400);
    assertSdsError(await t.call('GET', '/Streams/d/Data?count=0'), 400);
    const changes = await readChanges(s.store.db, { tenantId: t.tenantId, namespaceId: t.namespaceId, afterSeq: 0, streamIds: ['d', 'i'], limit: 10 });
    assert.deepEqual(changes, []);
  });

  test('a duplicate insert is 409, names the first taken index in request order and writes nothing, not even the new events of the same request', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'dup');
    const existing = [
      { Timestamp: '2026-01-02T00:00:00Z', Value: 1 },
      { Timestamp: '2026-01-05T00:00:00Z', Value: 4 },
    ];
    await t.call('POST', '/Streams/dup/Data', { json: existing });
    const res = await t.call('POST', '/Streams/dup/Data', {
      json: [
        { Timestamp: '2026-01-01T00:00:00Z', Value: 2 },
        { Timestamp: '2026-01-05T00:00:00Z', Value: 3 },
        { Timestamp: '2026-01-02T00:00:00Z', Value: 5 },
      ],
    });
    const body = assertSdsError(res, 409);
    assert.equal(body.Parameters.Index, '2026-01-05T00:00:00Z');
    const data = await t.call('GET', '/Streams/dup/Data');
    assert.deepEqual(data.body, existing);
    const changes = await readChanges(s.store.db, { tenantId: t.tenantId, namespaceId: t.namespaceId, afterSeq: 0, streamIds: ['dup'], limit: 10 });
    assert.deepEqual(changes.map((c) => c.operation), ['Insert']);
  });

  test('replace of a missing index is 409, removal of a missing index is 404; both write nothing', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'm');
    await t.call('POST', '/Streams/m/Data', { json: [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }] });
    const replace = [
      { Timestamp: '2026-01-01T00:00:00Z', Value: 5 },
      { Timestamp: '2026-01-09T00:00:00Z', Value: 6 },
      { Timestamp: '2026-01-03T00:00:00Z', Value: 7 },
    ];
    // The first missing index in request order, not in index order.
    assert.equal(assertSdsError(await t.call('PUT', '/Streams/m/Data?allowCreate=false', { json: replace }), 409).Parameters.Index, '2026-01-09T00:00:00Z');
    assertSdsError(await t.call('DELETE', '/Streams/m/Data?index=2026-01-01T00:00:00Z&index=2026-01-09T00:00:00Z'), 404);
    assert.deepEqual((await t.call('GET', '/Streams/m/Data')).body, [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
    const changes = await readChanges(s.store.db, { tenantId: t.tenantId, namespaceId: t.namespaceId, afterSeq: 0, streamIds: ['m'], limit: 10 });
    assert.equal(changes.length, 1);
  });

  test('removal needs index or a whole window, not both; a window must not run backwards', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'r');
    assertSdsError(await t.call('DELETE', '/Streams/r/Data'), 400);
    assertSdsError(await t.call('DELETE', '/Streams/r/Data?startIndex=2026-01-01T00:00:00Z'), 400);
    assertSdsError(await t.call('DELETE', '/Streams/r/Data?index=2026-01-01T00:00:00Z&startIndex=2026-01-01T00:00:00Z&endIndex=2026-01-02T00:00:00Z'), 400);
    assertSdsError(await t.call('DELETE', '/Streams/r/Data?startIndex=2026-01-02T00:00:00Z&endIndex=2026-01-01T00:00:00Z'), 400);
  });

  test('malformed access control lists answer 400', async () => {
    const s = server();
    const t = await sdsTenant(s);
    await typeAndStream(t, 'a');
    const entry = { Trustee: { Type: 'Client', ObjectId: 'x', TenantId: t.tenantId }, AccessType: 'Allowed', AccessRights: 1 };
    for (const json of [
      {},
      { RoleTrusteeAccessControlEntries: [{ ...entry, AccessRights: 64 }] },
      { RoleTrusteeAccessControlEntries: [{ ...entry, AccessType: 'Maybe' }] },
      { RoleTrusteeAccessControlEntries: [{ ...entry, Trustee: { Type: 'Group', ObjectId: 'x' } }] },
      { RoleTrusteeAccessControlEntries: [{ ...entry, Trustee: { Type: 'Client' } }] },
    ]) {
      assertSdsError(await t.call('PUT', '/Streams/a/AccessControl', { json }), 400);
    }
  });
});
