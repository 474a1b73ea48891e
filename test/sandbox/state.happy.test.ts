import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Snapshot } from '../../src/index.js';
import { call, type FailureBody } from '../helpers/http.js';
import { activeSignup, describeEachSandbox, newStream, startInProcess, newTenant, PARTNER_SCOPES, partnerSignup, type SandboxServer, type Tenant } from './support.js';

/** Every listing a user could compare, as raw answer text. */
async function listings(s: SandboxServer, token: string, t: Tenant, signupId: string, bookmark: string): Promise<string[]> {
  const texts: string[] = [];
  for (const path of ['/partner/v2/entitlements?page_size=100', '/partner/v2/organizations?page_size=100']) {
    const res = await call(s, 'GET', path, { token });
    assert.equal(res.status, 200, res.text);
    texts.push(res.text);
  }
  for (const rest of ['/signups', `/signups/${signupId}/resources`, '/Streams', '/Types', '/Streams/tank-1/Data?startIndex=2026-01-01T00:00:00Z&endIndex=2027-01-01T00:00:00Z', `/signups/${signupId}/updates?bookmark=${bookmark}`]) {
    const res = await t.call('GET', rest);
    assert.equal(res.status, 200, `${rest}: ${res.text}`);
    texts.push(res.text);
  }
  return texts;
}

describeEachSandbox('sandbox reset and snapshots', (server) => {
  test('snapshot, reset, restore: byte-identical listings, and a bookmark taken before still works', async () => {
    const s = server();
    await s.clock.freeze();
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    for (let i = 0; i < 3; i += 1) assert.equal((await call(s, 'POST', '/partner/v2/signup', { token, json: partnerSignup() })).status, 201);
    const t = await newTenant(s);
    await newStream(t, 'tank-1');
    const signup = await activeSignup(s, t, ['tank-1']);
    for (let day = 1; day <= 3; day += 1) {
      assert.equal((await t.call('POST', '/Streams/tank-1/Data', [{ Timestamp: `2026-02-0${day}T00:00:00Z`, Value: day }])).status, 204);
    }
    // Reading the signup counts as access: read everything once so that the snapshot holds the same access time.
    const before = await listings(s, token, t, signup.id, signup.bookmark);
    const snapshot = await s.admin.snapshot();
    assert.equal(snapshot.format, 'signups-snapshot');
    assert.equal(snapshot.tables.entitlements?.length, 3);
    assert.equal(snapshot.tables.change_log?.length, 3);

    const reset = await s.admin.reset();
    assert.equal(reset.removed.entitlements, 3);
    assert.equal(reset.removed.cb_signups, 1);
    const emptied = await call<{ data: unknown[] }>(s, 'GET', '/partner/v2/entitlements', { token });
    assert.deepEqual(emptied.body.data, []);
    assert.deepEqual((await t.call<{ signups: unknown[] }>('GET', '/signups')).body.signups, [], 'namespaces stay, emptied');
    assert.equal((await t.call('GET', '/Streams/tank-1')).status, 404);

    const restored = await s.admin.restore(snapshot);
    assert.equal(restored.restored.entitlements, 3);
    assert.deepEqual(restored.clock, snapshot.clock);
    const after = await listings(s, token, t, signup.id, signup.bookmark);
    assert.deepEqual(after, before);
    const again = await s.admin.snapshot();
    assert.deepEqual(again.tables, snapshot.tables, 'a snapshot of the restored state is the snapshot');

    // New rows continue after the restored ones.
    assert.equal((await call(s, 'POST', '/partner/v2/signup', { token, json: partnerSignup() })).status, 201);
    const list = await call<{ data: unknown[] }>(s, 'GET', '/partner/v2/entitlements?page_size=100', { token });
    assert.equal(list.body.data.length, 4);
    await s.admin.resume();
  });

  test('reset with clients and namespaces removes them too; the admin keeps working', async () => {
    const s = server();
    const t = await newTenant(s);
    await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const reset = await s.admin.reset({ clients: true, namespaces: true });
    assert.ok((reset.removed.clients ?? 0) >= 2);
    assert.ok((reset.removed.namespaces ?? 0) >= 1);
    const snapshot = await s.admin.snapshot();
    assert.deepEqual(snapshot.tables.clients, []);
    assert.deepEqual(snapshot.tables.namespaces, []);
    assert.ok((snapshot.tables.settings ?? []).length > 0, 'the keys stay');
    const token = await t.token().catch((error: Error) => error);
    assert.ok(token instanceof Error, 'a removed client gets no token');
  });

  test("a restored change record's events are answered as the server writes JSON, however the snapshot spelled them", async () => {
    const s = server();
    const t = await newTenant(s);
    await newStream(t, 'tank-1');
    const signup = await activeSignup(s, t, ['tank-1']);
    assert.equal((await t.call('POST', '/Streams/tank-1/Data', [{ Timestamp: '2026-02-01T00:00:00Z', Value: 1.5 }])).status, 204);
    const snapshot: Snapshot = await s.admin.snapshot();
    const changes = snapshot.tables.change_log ?? [];
    assert.equal(changes.length, 1);
    // The same events as another JSON writer might spell them: spaces, an escaped letter, an exponent.
    const respelled = { ...snapshot, tables: { ...snapshot.tables, change_log: changes.map((c) => ({ ...c, events: '[ { "Timestamp" : "2026-02-01T00:00:00Z", "V\\u0061lue" : 15E-1 } ]' })) } };
    await s.admin.restore(respelled);
    const page = await t.call<{ data: unknown[]; bookmark: string }>('GET', `/signups/${signup.id}/updates?bookmark=${signup.bookmark}`);
    assert.equal(page.status, 200, page.text);
    assert.equal(page.text, JSON.stringify({ data: [{ resourceId: 'tank-1', operation: 'Insert', events: [{ Timestamp: '2026-02-01T00:00:00Z', Value: 1.5 }] }], bookmark: page.body.bookmark }));
  });

  test('a server started from a snapshot (seed) serves the same state, and tokens and bookmarks from before', async () => {
    const s = server();
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    assert.equal((await call(s, 'POST', '/partner/v2/signup', { token, json: partnerSignup() })).status, 201);
    const t = await newTenant(s);
    await newStream(t, 'tank-1');
    const signup = await activeSignup(s, t, ['tank-1']);
    assert.equal((await t.call('POST', '/Streams/tank-1/Data', [{ Timestamp: '2026-02-01T00:00:00Z', Value: 1 }])).status, 204);
    const tenantToken = await t.token();
    const snapshot: Snapshot = await s.admin.snapshot();

    const seeded = await startInProcess({ seed: snapshot });
    try {
      const entitlements = await call<{ data: unknown[] }>(seeded, 'GET', '/partner/v2/entitlements', { token });
      assert.equal(entitlements.status, 200, entitlements.text);
      assert.equal(entitlements.body.data.length, 1);
      const page = await call<{ data: unknown[] }>(seeded, 'GET', `/api/v1/Tenants/${t.tenant}/Namespaces/${t.ns}/signups/${signup.id}/updates?bookmark=${signup.bookmark}`, { token: tenantToken });
      assert.equal(page.status, 200, page.text);
      assert.equal(page.body.data.length, 1);
      // The client's secret came along (hashed): it gets tokens from the seeded server too.
      const fresh = await call(seeded, 'POST', '/oauth2/token', {
        form: { grant_type: 'client_credentials', client_id: partner.clientId, client_secret: partner.clientSecret },
      });
      assert.equal(fresh.status, 200);
    } finally {
      await seeded.close();
    }
  });
});

describeEachSandbox('sandbox snapshot refusals', (server) => {
  test('a snapshot that does not fit is 400 and changes nothing', async () => {
    const s = server();
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    assert.equal((await call(s, 'POST', '/partner/v2/signup', { token, json: partnerSignup() })).status, 201);
    const adminToken = await (await s.createClient({ name: 'ops', scopes: ['signups:admin'] })).token();
    const snapshot = await s.admin.snapshot();
    const entitlement = snapshot.tables.entitlements?.[0] ?? {};
    const bad: Array<[string, unknown]> = [
      ['not a snapshot', { hello: 'world' }],
      ['another format', { ...snapshot, format: 'other' }],
      ['a future version', { ...snapshot, version: 2 }],
      ['an unknown table', { ...snapshot, tables: { ...snapshot.tables, mystery: [] } }],
      ['an unknown column', { ...snapshot, tables: { ...snapshot.tables, entitlements: [{ ...entitlement, colour: 'red' }] } }],
      ['an object in a column', { ...snapshot, tables: { ...snapshot.tables, entitlements: [{ ...entitlement, name: { x: 1 } }] } }],
      ['a missing required column', { ...snapshot, tables: { ...snapshot.tables, entitlements: [{ id: 'e1' }] } }],
      ['a duplicate key', { ...snapshot, tables: { ...snapshot.tables, entitlements: [entitlement, entitlement] } }],
      ['a bad clock', { ...snapshot, clock: { now: 'soon', frozen: false } }],
      ['change events that are not JSON', { ...snapshot, tables: { ...snapshot.tables, change_log: [{ events: '[{"Value":1}' }] } }],
      ['change events that are not an array', { ...snapshot, tables: { ...snapshot.tables, change_log: [{ events: '{"Value":1}' }] } }],
    ];
    for (const [what, json] of bad) {
      const res = await call<FailureBody>(s, 'PUT', '/_signups/v1/snapshot', { token: adminToken, json });
      assert.equal(res.status, 400, `${what}: ${res.text}`);
      assert.equal(res.body.errors[0]?.status, '400', what);
    }
    const after = await s.admin.snapshot();
    assert.deepEqual(after.tables, snapshot.tables, 'nothing changed');
  });
});
