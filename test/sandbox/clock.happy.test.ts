import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LinkTokens } from '../../src/identity/link-tokens.js';
import { storedClock } from '../../src/sandbox/sandbox-clock.js';
import { openStore } from '../../src/store/database.js';
import { getOrCreateSecret } from '../../src/store/settings.js';
import { call, type FailureBody } from '../helpers/http.js';
import { activeSignup, describeEachSandbox, newStream, newTenant, PARTNER_SCOPES, partnerSignup, type Signup, type Updates } from './support.js';

const HOUR = 3600_000;

describeEachSandbox('sandbox clock', (server) => {
  test('GET /clock reads the server time; freeze stops it, resume runs it on from there', async () => {
    const s = server();
    const before = Date.now();
    const running = await s.admin.clock();
    assert.equal(running.frozen, false);
    assert.ok(Math.abs(Date.parse(running.now) - before) < 5000, running.now);

    const frozen = await s.admin.freeze();
    assert.equal(frozen.frozen, true);
    await new Promise((r) => setTimeout(r, 30));
    assert.equal((await s.admin.clock()).now, frozen.now, 'a frozen clock stands still');

    const moved = await s.admin.setClock(new Date(Date.parse(frozen.now) + 10 * 24 * HOUR));
    assert.equal(moved.now, new Date(Date.parse(frozen.now) + 10 * 24 * HOUR).toISOString());
    assert.equal(moved.frozen, true, 'moving a frozen clock keeps it frozen');

    const resumed = await s.admin.resume();
    assert.equal(resumed.frozen, false);
    await new Promise((r) => setTimeout(r, 30));
    const later = await s.admin.clock();
    assert.ok(Date.parse(later.now) > Date.parse(moved.now), 'a resumed clock runs on from where it stood');
    assert.ok(Date.parse(later.now) - Date.parse(moved.now) < 5000);
  });

  test('advancing 25 hours expires an idle Change Broker signup at its due time; then updates answer 409', async () => {
    const s = server();
    const t = await newTenant(s);
    await newStream(t, 'boiler-1');
    const signup = await activeSignup(s, t, ['boiler-1']);
    const moved = await s.clock.advance('25h');
    assert.ok(moved.work.expired >= 1, JSON.stringify(moved));

    const got = await t.call<Signup>('GET', `/signups/${signup.id}`);
    assert.equal(got.status, 200, got.text);
    assert.equal(got.body.signupState, 'Expired');
    assert.equal(got.body.expiredDate, new Date(Date.parse(signup.lastAccessedDate) + 24 * HOUR).toISOString(), 'expired when its 24 hours ran out, not when the clock stopped');
    const polled = await t.call('GET', `/signups/${signup.id}/updates?bookmark=${signup.bookmark}`);
    assert.equal(polled.status, 409, polled.text);

    const removed = await s.clock.advance('25h');
    assert.ok(removed.work.removed >= 1, 'an expired signup is removed after its retention');
    assert.equal((await t.call('GET', `/signups/${signup.id}`)).status, 404);
  });

  test('advancing past the retention window purges change data: a bookmark from before answers 400 expired', async () => {
    const s = server();
    const t = await newTenant(s);
    await newStream(t, 'pump-1');
    const signup = await activeSignup(s, t, ['pump-1']);
    const write = await t.call('POST', '/Streams/pump-1/Data', [{ Timestamp: '2026-03-01T00:00:00Z', Value: 1 }]);
    assert.equal(write.status, 204, write.text);
    const page = await t.call<Updates>('GET', `/signups/${signup.id}/updates?bookmark=${signup.bookmark}`);
    assert.equal(page.body.data.length, 1);

    const moved = await s.clock.advance('2h');
    assert.ok(moved.work.purged >= 1, JSON.stringify(moved));
    const old = await t.call<{ Error: string; Reason: string }>('GET', `/signups/${signup.id}/updates?bookmark=${signup.bookmark}`);
    assert.equal(old.status, 400, old.text);
    assert.match(old.body.Reason, /expired/i);
  });

  test('an access token expires by the server clock (401), and a new one works', async () => {
    const s = server();
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    assert.equal((await call(s, 'GET', '/partner/v2/entitlements', { token })).status, 200);
    await s.clock.advance(3601);
    const expired = await call<FailureBody>(s, 'GET', '/partner/v2/entitlements', { token });
    assert.equal(expired.status, 401);
    assert.match(expired.body.errors[0]?.detail ?? '', /expired/);
    assert.match(expired.headers.get('www-authenticate') ?? '', /invalid_token/);
    assert.equal((await call(s, 'GET', '/partner/v2/entitlements', { token: await partner.token() })).status, 200);
  });

  test('a link token issued next to the server expires by its clock', async () => {
    const s = server();
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const created = await call<{ organization_id: string }>(s, 'POST', '/partner/v2/signup', { token: await partner.token(), json: partnerSignup() });
    assert.equal(created.status, 201, created.text);
    // As `signups link-token --database` does: the key and the clock from the database the server uses.
    const store = openStore(s.databaseUrl);
    const link = await new LinkTokens(await getOrCreateSecret(store.db, 'link_token_key'), await storedClock(store.db)).issue(
      { organizationId: created.body.organization_id, partnerId: null },
      3600,
    );
    await store.close();
    const { organization, entitlement } = partnerSignup();
    const body = { token: link, organization, entitlement };
    const ok = await call(s, 'POST', '/partner/v2/signup/link?dry_run=true', { token: await partner.token(), json: body });
    assert.equal(ok.status, 201, ok.text);
    await s.clock.advance('61m');
    const late = await call<FailureBody>(s, 'POST', '/partner/v2/signup/link?dry_run=true', { token: await partner.token(), json: body });
    assert.equal(late.status, 400, late.text);
    assert.equal(late.body.errors[0]?.code, 'link_token_expired');
  });

  test('partner created_at and updated_at read the server clock', async () => {
    const s = server();
    const moved = await s.clock.advance('30d');
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    const created = await call<{ organization_id: string }>(s, 'POST', '/partner/v2/signup', { token, json: partnerSignup() });
    assert.equal(created.status, 201, created.text);
    const org = await call<{ metadata: { created_at: string; updated_at: string } }>(s, 'GET', `/partner/v2/organizations/${created.body.organization_id}`, { token });
    assert.equal(org.status, 200, org.text);
    for (const at of [org.body.metadata.created_at, org.body.metadata.updated_at]) {
      assert.ok(Math.abs(Date.parse(at) - Date.parse(moved.now)) < 60_000, `${at} is the server's time, not the wall clock's`);
    }
  });
});

describeEachSandbox(
  'sandbox clock and rate-limit windows',
  (server) => {
    test('a moved clock opens a new rate-limit window', async () => {
      const s = server();
      const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
      const token = await partner.token();
      for (let i = 0; i < 3; i += 1) assert.equal((await call(s, 'GET', '/partner/v2/entitlements', { token })).status, 200);
      const limited = await call(s, 'GET', '/partner/v2/entitlements', { token });
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      await s.clock.advance('61s');
      assert.equal((await call(s, 'GET', '/partner/v2/entitlements', { token })).status, 200);
    });
  },
  { env: { SIGNUPS_RATE_LIMIT_MAX: '3', SIGNUPS_RATE_LIMIT_WINDOW_MS: '60000' } },
);
