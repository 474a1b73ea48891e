import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createCommunity, shareStream } from '../../src/change-broker/communities.js';
import { describeEachDialect } from '../helpers/server.js';
import { addStream, newSpace, runJobs, type Signup, writeChange } from '../change-broker/support.js';
import { jsonOutput, signups } from './cli-runner.js';

describeEachDialect('SQL over Change Broker signups of a community', (server) => {
  test('the Community-Id header is a column of the Change Broker resources: a member tenant signs up for shared streams with SQL', async () => {
    const s = server();
    const owner = await newSpace(s);
    const member = await newSpace(s);
    for (const id of ['shared', 'private']) await addStream(s, owner, id);
    const community = `c-${randomUUID()}`;
    await createCommunity(s.store.db, s.clock, community, [owner.tenant, member.tenant]);
    await shareStream(s.store.db, s.clock, { communityId: community, tenantId: owner.tenant, namespaceId: owner.ns, streamId: 'shared' });
    const exec = (query: string) => signups(['exec', query, '--server', s.url, '--token', member.token, '-o', 'json']);
    const where = `tenantId = '${owner.tenant}' AND namespaceId = '${owner.ns}' AND "Community-Id" = '${community}'`;

    const [created] = jsonOutput<Signup[]>(await exec(
      `INSERT INTO aveva.change_broker.signups (tenantId, namespaceId, "Community-Id", Name, ResourceType, ResourceIds)
       VALUES ('${owner.tenant}', '${owner.ns}', '${community}', 'shared', 'Stream', '["shared", "private"]') RETURNING id, communityId`,
    ));
    assert.equal(created?.communityId, community);
    await runJobs(s);
    const [signup] = jsonOutput<Array<Signup & { bookmark: string }>>(await exec(`SELECT id, signupState, bookmark FROM aveva.change_broker.signups WHERE ${where} AND signupId = '${created?.id}'`));
    assert.equal(signup?.signupState, 'Active');
    const resources = jsonOutput(await exec(`SELECT resourceId, isAccessible FROM aveva.change_broker.signup_resources WHERE ${where} AND signupId = '${created?.id}' ORDER BY resourceId`));
    assert.deepEqual(resources, [
      { resourceId: 'private', isAccessible: false },
      { resourceId: 'shared', isAccessible: true },
    ]);
    await writeChange(s, owner, 'shared', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
    await writeChange(s, owner, 'private', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 2 }]);
    const seen = jsonOutput(await exec(`SELECT resourceId, operation FROM aveva.change_broker.updates WHERE ${where} AND signupId = '${created?.id}' AND bookmark = '${signup?.bookmark}'`));
    assert.deepEqual(seen, [{ resourceId: 'shared', operation: 'Insert' }]);

    // Without the column the call goes out without the header, and the API's 403 is shown.
    const refused = await exec(`SELECT id FROM aveva.change_broker.signups WHERE tenantId = '${owner.tenant}' AND namespaceId = '${owner.ns}'`);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /failed with 403/);
  });
});
