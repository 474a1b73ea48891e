import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Trustee } from '../../src/sds/access.js';
import { createOrUpdateStream, deleteStream, setStreamAccessControl } from '../../src/sds/streams.js';
import { openStore, type Store } from '../../src/store/database.js';
import { call } from '../helpers/http.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { assertSdsError, keyedType, type SdsTenant, sdsTenant, typeAndStream } from './sds-fixtures.js';

// Data writes keep the streams they checked for the next write to the same stream (on both databases). Whatever
// changes a stream's access or type between two writes, in this process or in another one on the same database,
// the second write is checked against the change.

const at = (n: number) => ({ Timestamp: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(), Value: n });

async function colleague(s: TestServer, t: SdsTenant): Promise<SdsTenant> {
  const { token, clientId } = await s.tenantToken(t.tenantId);
  return { ...t, token, clientId, call: (method, rest, options = {}) => call(s, method, t.path(rest), { token, ...options }) };
}

const trustee = (t: SdsTenant): Trustee => ({ Type: 'Client', ObjectId: t.clientId, TenantId: t.tenantId });
const allowWrite = (t: SdsTenant) => ({ RoleTrusteeAccessControlEntries: [{ Trustee: trustee(t), AccessType: 'Allowed' as const, AccessRights: 3 }] });
const noOne = { RoleTrusteeAccessControlEntries: [] };

/** Two writes to stream `id` (values 1 and 2): the second finds the checks the first kept. */
async function writeTwice(who: SdsTenant, id: string): Promise<void> {
  for (const n of [1, 2]) assert.equal((await who.call('POST', `/Streams/${id}/Data`, { json: [at(n)] })).status, 204);
}

/** A writer the owner allowed to write to stream `id`, which has written to it twice. */
async function writerOf(s: TestServer, owner: SdsTenant, id: string): Promise<SdsTenant> {
  await typeAndStream(owner, id);
  const writer = await colleague(s, owner);
  assert.equal((await owner.call('PUT', `/Streams/${id}/AccessControl`, { json: allowWrite(writer) })).status, 204);
  await writeTwice(writer, id);
  return writer;
}

/** Stream `id`, written twice by its owner, and a second type `Keyed` whose key is an Int32 `Key`. */
async function streamAndKeyedType(owner: SdsTenant, id: string): Promise<void> {
  await typeAndStream(owner, id);
  await writeTwice(owner, id);
  assert.equal((await owner.call('POST', '/Types/Keyed', { json: keyedType('Keyed', 'Int32') })).status, 201);
}

async function values(owner: SdsTenant, id: string): Promise<number[]> {
  const res = await owner.call<Array<{ Value: number }>>('GET', `/Streams/${id}/Data`);
  assert.equal(res.status, 200, res.text);
  return res.body.map((e) => e.Value);
}

/** Another connection to the server's database: what another server process or a command-line tool would use. */
async function elsewhere<T>(s: TestServer, work: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(s.config.databaseUrl);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

describeEachDialect('SDS data writes are checked against the stream as it is now', (server) => {
  test('access taken away through the API: the next write is refused (403) and writes nothing', async () => {
    const s = server();
    const owner = await sdsTenant(s);
    const writer = await writerOf(s, owner, 'acl-api');
    assert.equal((await owner.call('PUT', '/Streams/acl-api/AccessControl', { json: noOne })).status, 204);
    assertSdsError(await writer.call('POST', '/Streams/acl-api/Data', { json: [at(3)] }), 403);
    assert.deepEqual(await values(owner, 'acl-api'), [1, 2]);
    // Given back, it writes again.
    assert.equal((await owner.call('PUT', '/Streams/acl-api/AccessControl', { json: allowWrite(writer) })).status, 204);
    assert.equal((await writer.call('POST', '/Streams/acl-api/Data', { json: [at(4)] })).status, 204);
    assert.deepEqual(await values(owner, 'acl-api'), [1, 2, 4]);
  });

  test('access taken away by another connection to the database: the next write is refused (403) and writes nothing', async () => {
    const s = server();
    const owner = await sdsTenant(s);
    const writer = await writerOf(s, owner, 'acl-elsewhere');
    await elsewhere(s, (store) =>
      setStreamAccessControl(store.db, { tenantId: owner.tenantId, namespace: owner.namespaceId, who: trustee(owner) }, 'acl-elsewhere', noOne),
    );
    assertSdsError(await writer.call('POST', '/Streams/acl-elsewhere/Data', { json: [at(3)] }), 403);
    assert.deepEqual(await values(owner, 'acl-elsewhere'), [1, 2]);
  });

  test('a stream deleted and made again with a type of another key: the next write is checked against the new key', async () => {
    const s = server();
    const owner = await sdsTenant(s);
    await streamAndKeyedType(owner, 'retyped');
    assert.equal((await owner.call('DELETE', '/Streams/retyped')).status, 204);
    assert.equal((await owner.call('POST', '/Streams/retyped', { json: { Id: 'retyped', TypeId: 'Keyed' } })).status, 201);
    // The old type's key is no key of the new type.
    assertSdsError(await owner.call('POST', '/Streams/retyped/Data', { json: [at(3)] }), 400);
    assert.equal((await owner.call('POST', '/Streams/retyped/Data', { json: [{ Key: 7, Value: 1 }] })).status, 204);
    assert.deepEqual(await owner.call('GET', '/Streams/retyped/Data').then((r) => r.body), [{ Key: 7, Value: 1 }]);
  });

  test('a stream deleted by another connection: the next write answers 404; made again there with another type, writes follow its key', async () => {
    const s = server();
    const owner = await sdsTenant(s);
    await streamAndKeyedType(owner, 'gone');
    const call = { tenantId: owner.tenantId, namespace: owner.namespaceId, who: trustee(owner) };
    await elsewhere(s, (store) => deleteStream(store.db, call, 'gone'));
    assertSdsError(await owner.call('POST', '/Streams/gone/Data', { json: [at(3)] }), 404);
    await elsewhere(s, (store) => createOrUpdateStream(store.db, s.clock, call, 'gone', { Id: 'gone', TypeId: 'Keyed' }));
    assertSdsError(await owner.call('POST', '/Streams/gone/Data', { json: [at(4)] }), 400);
    assert.equal((await owner.call('POST', '/Streams/gone/Data', { json: [{ Key: 7, Value: 1 }] })).status, 204);
  });
});
