import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDialect } from '../helpers/server.js';
import { activeSignup, api, newSpace, type Space, type Updates } from '../change-broker/support.js';
import { jsonOutput, signups } from './cli-runner.js';

const READING = JSON.stringify([
  { Id: 'Timestamp', IsKey: true, SdsType: { SdsTypeCode: 'DateTime' } },
  { Id: 'Value', SdsType: { SdsTypeCode: 'Double' } },
]);

describeEachDialect('SQL over the SDS subset end to end', (server) => {
  let space: Space;
  let where: string;
  const exec = (query: string, ...flags: string[]) => signups(['exec', query, '--server', server().url, '--token', space.token, '-o', 'json', ...flags]);
  const t = () => `'${space.tenant}', '${space.ns}'`;

  before(async () => {
    space = await newSpace(server());
    where = `tenantId = '${space.tenant}' AND namespaceId = '${space.ns}'`;
  });

  test('types and streams: INSERT creates what GET reads; SELECT lists them page by page', async () => {
    const [type] = jsonOutput<Array<Record<string, unknown>>>(await exec(
      `INSERT INTO aveva.sds.types (tenantId, namespaceId, typeId, Id, Properties) VALUES (${t()}, 'Reading', 'Reading', '${READING}') RETURNING *`,
    ));
    const typeHttp = await api<Record<string, unknown>>(server(), space, 'GET', '/types/Reading');
    assert.equal(typeHttp.status, 200, typeHttp.text);
    // RETURNING * has every column of the type schema; those the answer leaves out are null.
    for (const [key, value] of Object.entries(type ?? {})) assert.deepEqual(value, typeHttp.body[key] ?? null, key);
    for (const id of ['pump-1', 'pump-2', 'pump-3']) {
      jsonOutput(await exec(`INSERT INTO aveva.sds.streams (tenantId, namespaceId, streamId, Id, TypeId) VALUES (${t()}, '${id}', '${id}', 'Reading')`));
    }
    const streamsHttp = await api<Array<{ Id: string; TypeId: string }>>(server(), space, 'GET', '/streams?count=1000');
    const streams = jsonOutput(await exec(`SELECT Id, TypeId FROM aveva.sds.streams WHERE ${where} AND count = 2`));
    assert.deepEqual(streams, streamsHttp.body.map((s) => ({ Id: s.Id, TypeId: s.TypeId })));
    assert.equal(streamsHttp.body.length, 3);
    const acl = jsonOutput(await exec(`SELECT * FROM aveva.sds.stream_access_control WHERE ${where} AND streamId = 'pump-1'`));
    const aclHttp = await api<{ RoleTrusteeAccessControlEntries: unknown[] }>(server(), space, 'GET', '/streams/pump-1/accesscontrol');
    assert.deepEqual(acl, aclHttp.body.RoleTrusteeAccessControlEntries);
  });

  test('stream data: one INSERT is one write per stream, seen as one update by a Change Broker signup', async () => {
    const signup = await activeSignup(server(), space, ['pump-1', 'pump-2']);
    jsonOutput(await exec(
      `INSERT INTO aveva.sds.stream_data (tenantId, namespaceId, streamId, Timestamp, Value) VALUES
       (${t()}, 'pump-1', '2026-01-01T00:00:00Z', 1.5), (${t()}, 'pump-1', '2026-01-01T00:01:00Z', 2.5), (${t()}, 'pump-2', '2026-01-01T00:00:00Z', 7)`,
    ));
    const dataHttp = await api(server(), space, 'GET', '/streams/pump-1/data');
    assert.deepEqual(jsonOutput(await exec(`SELECT * FROM aveva.sds.stream_data WHERE ${where} AND streamId = 'pump-1'`)), dataHttp.body);
    assert.deepEqual(jsonOutput(await exec(`SELECT Timestamp, Value FROM aveva.sds.stream_data WHERE ${where} AND streamId = 'pump-1' AND Value > 2`)), [
      { Timestamp: '2026-01-01T00:01:00Z', Value: 2.5 },
    ]);

    jsonOutput(await exec(`REPLACE aveva.sds.stream_data SET Timestamp = '2026-01-01T00:00:00Z', Value = 9 WHERE ${where} AND streamId = 'pump-1'`));
    jsonOutput(await exec(`DELETE FROM aveva.sds.stream_data WHERE ${where} AND streamId = 'pump-1' AND index = '2026-01-01T00:01:00Z'`));
    assert.deepEqual((await api(server(), space, 'GET', '/streams/pump-1/data')).body, [{ Timestamp: '2026-01-01T00:00:00Z', Value: 9 }]);

    const updatesHttp = await api<Updates>(server(), space, 'GET', `/signups/${signup.id}/updates?bookmark=${signup.bookmark}`);
    const updates = jsonOutput<Updates['data']>(await exec(`SELECT resourceId, operation, events FROM aveva.change_broker.updates WHERE ${where} AND signupId = '${signup.id}' AND bookmark = '${signup.bookmark}'`));
    assert.deepEqual(updates, updatesHttp.body.data);
    assert.deepEqual(updates.map((u) => [u.resourceId, u.operation, u.events.length]), [
      ['pump-1', 'Insert', 2],
      ['pump-2', 'Insert', 1],
      ['pump-1', 'Update', 1],
      ['pump-1', 'Remove', 1],
    ]);
  });

  test('EXEC with a JSON array payload; the AVEVA error body is shown', async () => {
    jsonOutput(await exec(`EXEC aveva.sds.stream_data.insert_values @tenantId = '${space.tenant}', @namespaceId = '${space.ns}', @streamId = 'pump-3' @@json = '[{"Timestamp": "2026-01-01T00:00:00Z", "Value": 3}]'`));
    assert.deepEqual((await api(server(), space, 'GET', '/streams/pump-3/data')).body, [{ Timestamp: '2026-01-01T00:00:00Z', Value: 3 }]);
    const again = await exec(`EXEC aveva.sds.stream_data.insert_values @tenantId = '${space.tenant}', @namespaceId = '${space.ns}', @streamId = 'pump-3' @@json = '[{"Timestamp": "2026-01-01T00:00:00Z", "Value": 4}]'`);
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /^signups: POST \/api\/v1\/tenants\/.+\/streams\/pump-3\/data failed with 409: \{"OperationId":"[^"]+",.*"Reason":/);
    assert.equal(again.stderr.trimEnd().split('\n').length, 1);
  });
});
