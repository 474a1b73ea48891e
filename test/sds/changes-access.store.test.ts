import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessibleStreams, type AccessControlList, type Trustee } from '../../src/sds/access.js';
import { appendChange, currentChangeSeq, purgeChangesBefore, readChanges, readSpelledChanges } from '../../src/sds/changes.js';
import { createNamespace } from '../../src/sds/namespaces.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { insertStreamRow } from '../helpers/streams.js';

const TENANT = 'tenant-store';

async function addStream(s: TestServer, ns: string, id: string, owner: Trustee, acl: AccessControlList): Promise<void> {
  await insertStreamRow(s, { tenantId: TENANT, namespaceId: ns, id, typeId: 't', definition: '{}', owner, acl });
}

describeEachDialect('SDS change log and stream access (store)', (server) => {
  test('appendChange gives each change a greater position in its namespace; readChanges pages by position and filters streams', async () => {
    const s = server();
    await createNamespace(s.store.db, s.clock, TENANT, 'ns-a');
    await createNamespace(s.store.db, s.clock, TENANT, 'ns-b');
    assert.equal(await currentChangeSeq(s.store.db, TENANT, 'ns-a'), 0);
    const seqs: number[] = [];
    for (const [streamId, value] of [['s1', 1], ['s2', 2], ['s1', 3]] as const) {
      seqs.push(
        await s.store.db
          .transaction()
          .execute((tx) => appendChange(tx, s.clock, { tenantId: TENANT, namespaceId: 'ns-a', streamId, operation: 'Insert', events: [{ Timestamp: '2026-01-01T00:00:00Z', Value: value }] })),
      );
    }
    const [first = 0, second = 0, third = 0] = seqs;
    assert.ok(first > 0 && first < second && second < third, `positions ${seqs.join(', ')} grow`);
    assert.ok((await appendChange(s.store.db, s.clock, { tenantId: TENANT, namespaceId: 'ns-b', streamId: 's1', operation: 'Remove', events: [] })) > 0);
    assert.equal(await currentChangeSeq(s.store.db, TENANT, 'ns-a'), third);
    assert.equal(await currentChangeSeq(s.store.db, TENANT, 'missing'), 0);

    const s1 = await readChanges(s.store.db, { tenantId: TENANT, namespaceId: 'ns-a', afterSeq: 0, streamIds: ['s1'], limit: 10 });
    assert.deepEqual(s1.map((c) => [c.seq, c.streamId, c.operation]), [[first, 's1', 'Insert'], [third, 's1', 'Insert']]);
    assert.deepEqual(s1[1]?.events, [{ Timestamp: '2026-01-01T00:00:00Z', Value: 3 }]);
    assert.equal(s1[0]?.createdAt, s.clock.now().toISOString());
    const page = await readChanges(s.store.db, { tenantId: TENANT, namespaceId: 'ns-a', afterSeq: first, streamIds: ['s1', 's2'], limit: 1 });
    assert.deepEqual(page.map((c) => c.seq), [second]);
    assert.deepEqual(await readChanges(s.store.db, { tenantId: TENANT, namespaceId: 'ns-a', afterSeq: 0, streamIds: [], limit: 10 }), []);
  });

  test('pages come in position order, cut at the limit, when the records were stored in another order', async () => {
    const s = server();
    await createNamespace(s.store.db, s.clock, TENANT, 'ns-order');
    // Stored newest first, round robin over three streams: storage order is the reverse of position order.
    const positions = Array.from({ length: 30 }, (_, i) => 30 - i);
    const streamOf = (seq: number) => `s${seq % 3}`;
    for (const seq of positions) {
      await s.store.db
        .insertInto('change_log')
        .values({ tenant_id: TENANT, namespace_id: 'ns-order', seq, stream_id: streamOf(seq), operation: 'Insert', events: `[${seq}]`, created_at: `2026-01-01T00:00:${String(seq).padStart(2, '0')}.000Z` })
        .execute();
    }
    const q = { tenantId: TENANT, namespaceId: 'ns-order', afterSeq: 4, streamIds: ['s0', 's1', 's2'], limit: 10, below: 31 };
    const rows = await readChanges(s.store.db, q);
    assert.deepEqual(rows.map((c) => [c.seq, c.streamId, c.events]), Array.from({ length: 10 }, (_, i) => [5 + i, streamOf(5 + i), [5 + i]]));
    const spelled = await readSpelledChanges(s.store.db, {
      tenantId: TENANT,
      namespaceId: 'ns-order',
      streams: [{ id: 's0', afterSeq: 4 }, { id: 's1', afterSeq: 4 }, { id: 's2', afterSeq: 12 }],
      limit: 6,
      below: 31,
      spelling: { before: (id) => `${id}:`, between: '=', after: '' },
      frame: { open: '<', room: 4 },
    });
    // s2 is read after 12 (from 14), so the page of 6 is s0's and s1's 6, 7, 9, 10, 12 and 13.
    assert.equal(spelled.text.subarray(0, spelled.used).toString(), '<s0:Insert=[6],s1:Insert=[7],s0:Insert=[9],s1:Insert=[10],s0:Insert=[12],s1:Insert=[13]');
    assert.deepEqual([spelled.count, spelled.last], [6, { seq: 13, createdAt: '2026-01-01T00:00:13.000Z' }]);
  });

  test('appendChange in a transaction that rolls back leaves neither the record nor the number', async () => {
    const s = server();
    await createNamespace(s.store.db, s.clock, TENANT, 'ns-rollback');
    await assert.rejects(
      s.store.db.transaction().execute(async (tx) => {
        await appendChange(tx, s.clock, { tenantId: TENANT, namespaceId: 'ns-rollback', streamId: 's', operation: 'Update', events: [] });
        throw new Error('abort');
      }),
      /abort/,
    );
    assert.equal(await currentChangeSeq(s.store.db, TENANT, 'ns-rollback'), 0);
    assert.deepEqual(await readChanges(s.store.db, { tenantId: TENANT, namespaceId: 'ns-rollback', afterSeq: 0, streamIds: ['s'], limit: 10 }), []);
  });

  test('purgeChangesBefore deletes records older than the cutoff only', async () => {
    const s = server();
    await createNamespace(s.store.db, s.clock, TENANT, 'ns-purge');
    const change = { tenantId: TENANT, namespaceId: 'ns-purge', streamId: 's', operation: 'Insert' as const, events: [] };
    await appendChange(s.store.db, s.clock, change);
    s.clock.advance(60_000);
    const cutoff = s.clock.now().toISOString();
    const kept = await appendChange(s.store.db, s.clock, change);
    // Earlier tests' records are older too: the purge spans every namespace.
    assert.ok((await purgeChangesBefore(s.store.db, cutoff)) >= 1);
    const left = await readChanges(s.store.db, { tenantId: TENANT, namespaceId: 'ns-purge', afterSeq: 0, streamIds: ['s'], limit: 10 });
    assert.deepEqual(left.map((c) => c.seq), [kept]);
  });

  test('accessibleStreams: owner reads, ACL Read allows, Denied wins, unknown streams are left out', async () => {
    const s = server();
    await createNamespace(s.store.db, s.clock, TENANT, 'ns-acl');
    const owner: Trustee = { Type: 'Client', ObjectId: 'owner', TenantId: TENANT };
    const reader: Trustee = { Type: 'Client', ObjectId: 'reader', TenantId: TENANT };
    const allowRead = { Trustee: reader, AccessType: 'Allowed' as const, AccessRights: 1 };
    await addStream(s, 'ns-acl', 'private', owner, { RoleTrusteeAccessControlEntries: [] });
    await addStream(s, 'ns-acl', 'shared', owner, { RoleTrusteeAccessControlEntries: [allowRead] });
    await addStream(s, 'ns-acl', 'denied', owner, {
      RoleTrusteeAccessControlEntries: [allowRead, { Trustee: reader, AccessType: 'Denied', AccessRights: 31 }],
    });
    const ids = ['private', 'shared', 'denied', 'missing'];
    assert.deepEqual([...(await accessibleStreams(s.store.db, TENANT, 'ns-acl', owner, ids))].sort(), ['denied', 'private', 'shared']);
    assert.deepEqual([...(await accessibleStreams(s.store.db, TENANT, 'ns-acl', reader, ids))], ['shared']);
    assert.deepEqual([...(await accessibleStreams(s.store.db, 'other-tenant', 'ns-acl', owner, ids))], []);
  });
});
