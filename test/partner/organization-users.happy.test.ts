// GET /_signups/v1/partner/organizations/{id}/users (openapi/partner-extensions-v1.yaml): an organization's users
// and whether its signup is complete, before and after activation, through a partner's eyes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LinkTokens } from '../../src/identity/link-tokens.js';
import { getOrCreateSecret } from '../../src/store/settings.js';
import { entitlementDetails, signupBody, ssoConfig, user } from '../helpers/fixtures.js';
import { call } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';

interface OrganizationUserList {
  kind: string;
  organization_id: string;
  signup_complete: boolean;
  completed_at: string | null;
  data: Array<{ id: string; given_name: string; family_name: string; email: string; created_at: string }>;
}

const usersPath = (organizationId: string) => `/_signups/v1/partner/organizations/${organizationId}/users`;

describeEachDialect('partner extensions: an organization’s users and signup completion', (server) => {
  test('a signup with its first user is complete and lists that user', async () => {
    const s = server();
    const token = await s.token();
    const body = { ...signupBody({ withUser: false }), user: user('Ada.Lovelace@Example.com') };
    const created = await call<{ organization_id: string }>(s, 'POST', '/partner/v2/signup', { token, json: body });
    assert.equal(created.status, 201, created.text);

    const res = await call<OrganizationUserList>(s, 'GET', usersPath(created.body.organization_id), { token });
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.ok(res.headers.get('x-request-id'));
    assert.ok(res.headers.get('x-ratelimit-limit'), 'rate limited like the partner API');
    assert.equal(res.body.kind, 'OrganizationUserList');
    assert.equal(res.body.organization_id, created.body.organization_id);
    assert.equal(res.body.signup_complete, true);
    assert.equal(res.body.completed_at, s.clock.now().toISOString());
    assert.equal(res.body.data.length, 1);
    const [only] = res.body.data;
    assert.deepEqual({ ...only, id: undefined }, { id: undefined, given_name: 'Ada', family_name: 'Lovelace', email: 'ada.lovelace@example.com', created_at: s.clock.now().toISOString() });
    assert.match(only?.id ?? '', /^u-/);
  });

  test('a signup without a user is incomplete with no users until its activation adds the first one', async () => {
    const s = server();
    const token = await s.token();
    const created = await call<{ organization_id: string }>(s, 'POST', '/partner/v2/signup', { token, json: signupBody({ withUser: false }) });
    assert.equal(created.status, 201, created.text);
    const id = created.body.organization_id;

    const before = await call<OrganizationUserList>(s, 'GET', usersPath(id), { token });
    assert.equal(before.status, 200, before.text);
    assert.deepEqual(before.body, { kind: 'OrganizationUserList', organization_id: id, signup_complete: false, completed_at: null, data: [] });

    s.clock.advance(60_000);
    const grace = user('grace@example.com');
    const activated = await call(s, 'POST', '/partner/v2/signup/activate', { token, json: { organization_id: id, user: { ...grace, given_name: 'Grace', family_name: 'Hopper' } } });
    assert.equal(activated.status, 201, activated.text);

    const after = await call<OrganizationUserList>(s, 'GET', usersPath(id), { token });
    assert.equal(after.status, 200, after.text);
    assert.equal(after.body.signup_complete, true);
    assert.equal(after.body.completed_at, s.clock.now().toISOString());
    assert.deepEqual(
      after.body.data.map((u) => [u.given_name, u.family_name, u.email, u.created_at]),
      [['Grace', 'Hopper', 'grace@example.com', s.clock.now().toISOString()]],
    );
  });

  test('HTTP Basic credentials read it as a token does', async () => {
    const s = server();
    const partner = await s.client();
    const basic = { authorization: `Basic ${Buffer.from(`${partner.id}:${partner.secret}`).toString('base64')}` };
    const created = await call<{ organization_id: string }>(s, 'POST', '/partner/v2/signup', { headers: basic, json: signupBody() });
    assert.equal(created.status, 201, created.text);
    const res = await call<OrganizationUserList>(s, 'GET', usersPath(created.body.organization_id), { headers: basic });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.data.length, 1);
  });

  test('a partner that linked another partner’s organization sees its users', async () => {
    const s = server();
    const first = await s.token();
    const created = await call<{ organization_id: string }>(s, 'POST', '/partner/v2/signup', { token: first, json: signupBody({ tenant: 'tenant-linked' }) });
    assert.equal(created.status, 201, created.text);
    const id = created.body.organization_id;
    const second = await s.token();
    assert.equal((await call(s, 'GET', usersPath(id), { token: second })).status, 404, 'not yet its organization');

    const linkToken = await new LinkTokens(await getOrCreateSecret(s.store.db, 'link_token_key'), s.clock).issue({ organizationId: id, partnerId: null }, 3600);
    const linked = await call(s, 'POST', '/partner/v2/signup/link', {
      token: second,
      json: { token: linkToken, organization: { sso_config: ssoConfig('tenant-linked') }, entitlement: entitlementDetails() },
    });
    assert.equal(linked.status, 201, linked.text);
    const res = await call<OrganizationUserList>(s, 'GET', usersPath(id), { token: second });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.signup_complete, true);
    assert.equal(res.body.data.length, 1);
  });
});
