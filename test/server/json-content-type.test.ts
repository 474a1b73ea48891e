import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createNamespace } from '../../src/sds/namespaces.js';
import { call, type FailureBody } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';

const TENANT = 'tenant-json-header';

describeEachDialect('Content-Type: application/json on calls without a body', (server) => {
  test('a bodiless DELETE or GET that names JSON is served, as AVEVA clients send it', async () => {
    const s = server();
    await createNamespace(s.store.db, s.clock, TENANT, 'ns');
    const { token } = await s.tenantToken(TENANT);
    const json = { 'content-type': 'application/json' };
    const ns = `/api/v1/Tenants/${TENANT}/Namespaces/ns`;
    const type = {
      Id: 'tv',
      SdsTypeCode: 'Object',
      Properties: [
        { Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } },
        { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } },
      ],
    };
    assert.equal((await call(s, 'POST', `${ns}/Types/tv`, { token, json: type })).status, 201);
    assert.equal((await call(s, 'POST', `${ns}/Streams/s1`, { token, json: { Id: 's1', TypeId: 'tv' } })).status, 201);
    const write = await call(s, 'POST', `${ns}/Streams/s1/Data`, { token, json: [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }] });
    assert.equal(write.status, 204, write.text);

    const read = await call(s, 'GET', `${ns}/Streams/s1`, { token, headers: json });
    assert.equal(read.status, 200, read.text);
    const removed = await call(s, 'DELETE', `${ns}/Streams/s1/Data?index=2026-01-01T00:00:00Z`, { token, headers: json, body: '' });
    assert.equal(removed.status, 204, removed.text);
  });

  test('an operation that takes a body still refuses an empty one', async () => {
    const s = server();
    const token = await s.token();
    const res = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { token, headers: { 'content-type': 'application/json' }, body: '' });
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0]?.code, 'malformed_json');
  });
});
