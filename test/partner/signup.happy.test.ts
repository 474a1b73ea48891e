import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, type FailureBody } from '../helpers/http.js';
import { entitlementDetails, signupBody, ssoConfig, user } from '../helpers/fixtures.js';
import { describeEachDialect } from '../helpers/server.js';
import { assertVendorValid, vendorSchemasAvailable } from '../helpers/vendor-schemas.js';

interface SignupAnswer {
  organization_id: string;
  sso_url: string;
  display_message?: string;
}
interface Entitlement {
  id: string;
  external_id: string;
  organization?: { id: string; related: string };
  metadata: { self: string };
}
interface EntitlementList {
  kind: string;
  data: Entitlement[];
  metadata: { first: string; next?: string; total_size: number };
}

const checkVendor = vendorSchemasAvailable();
if (!checkVendor) console.log('# vendor OpenAPI documents not found beside the project: answers are not checked against them');

function vendor(doc: 'signup' | 'entitlements' | 'organizations', name: string, value: unknown): void {
  if (checkVendor) assertVendorValid(doc, name, value);
}

describeEachDialect('partner/v2 signup, happy paths', (server) => {
  test('a signup with a user creates organization, entitlement and user and is complete', async () => {
    const s = server();
    const token = await s.token();
    const body = signupBody();
    const res = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup', { token, json: body });
    assert.equal(res.status, 201, res.text);
    vendor('signup', 'PartnerSignupResponse', res.body);
    assert.match(res.body.organization_id, /^[0-9a-f-]{36}$/);
    assert.ok(res.body.sso_url.startsWith('https://confluent.cloud/login/sso/'));
    assert.ok(res.headers.get('x-request-id'));

    const org = await call<Record<string, unknown>>(s, 'GET', `/partner/v2/organizations/${res.body.organization_id}`, { token });
    assert.equal(org.status, 200, org.text);
    vendor('organizations', 'partner.v2.Organization', org.body);
    assert.equal(org.body.name, 'Acme Organization');
    assert.deepEqual(org.body.sso_config, ssoConfig());

    const list = await call<EntitlementList>(s, 'GET', `/partner/v2/entitlements?organization.id=${res.body.organization_id}`, { token });
    assert.equal(list.status, 200);
    vendor('entitlements', 'partner.v2.EntitlementList', list.body);
    assert.equal(list.body.data.length, 1);
    assert.equal(list.body.data[0]?.external_id, body.entitlement.external_id);

    // Complete already: activation is a conflict.
    const again = await call<FailureBody>(s, 'POST', '/partner/v2/signup/activate', {
      token,
      json: { organization_id: res.body.organization_id, user: user() },
    });
    assert.equal(again.status, 409);
  });

  test('a signup without a user is incomplete until activate', async () => {
    const s = server();
    const token = await s.token();
    const res = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup', { token, json: signupBody({ withUser: false }) });
    assert.equal(res.status, 201, res.text);
    const activated = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup/activate', {
      token,
      json: { organization_id: res.body.organization_id, user: user() },
    });
    assert.equal(activated.status, 201, activated.text);
    vendor('signup', 'PartnerSignupResponse', activated.body);
    assert.equal(activated.body.organization_id, res.body.organization_id);
  });
});

describeEachDialect('partner/v2 entitlements, references, links and dry runs', (server) => {
  test('an entitlement created first is linked by reference in a signup', async () => {
    const s = server();
    const token = await s.token();
    const details = entitlementDetails();
    const created = await call<Entitlement>(s, 'POST', '/partner/v2/entitlements', { token, json: details });
    assert.equal(created.status, 201, created.text);
    vendor('entitlements', 'partner.v2.Entitlement', created.body);
    assert.equal(created.headers.get('location'), created.body.metadata.self);
    assert.equal(created.body.organization, undefined);

    const res = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup', {
      token,
      json: { organization: { name: 'Referenced', sso_config: ssoConfig() }, entitlement: { related: created.body.metadata.self } },
    });
    assert.equal(res.status, 201, res.text);
    const got = await call<Entitlement>(s, 'GET', `/partner/v2/entitlements/${created.body.id}`, { token });
    assert.equal(got.status, 200);
    vendor('entitlements', 'partner.v2.Entitlement', got.body);
    assert.equal(got.body.organization?.id, res.body.organization_id);
    const scoped = await call(s, 'GET', `/partner/v2/entitlements/${created.body.id}?organization.id=${res.body.organization_id}`, { token });
    assert.equal(scoped.status, 200);
    const otherScope = await call(s, 'GET', `/partner/v2/entitlements/${created.body.id}?organization.id=nope`, { token });
    assert.equal(otherScope.status, 404);
  });

  test('link attaches a new entitlement to an existing organization with a link token', async () => {
    const s = server();
    const token = await s.token();
    const firstBody = signupBody({ tenant: 'tenant-link' });
    const first = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup', { token, json: firstBody });
    assert.equal(first.status, 201);
    const { LinkTokens } = await import('../../src/identity/link-tokens.js');
    const { getOrCreateSecret } = await import('../../src/store/settings.js');
    const linkToken = await new LinkTokens(await getOrCreateSecret(s.store.db, 'link_token_key'), s.clock).issue(
      { organizationId: first.body.organization_id, partnerId: null },
      3600,
    );
    const details = entitlementDetails();
    const body = { token: linkToken, organization: { sso_config: ssoConfig('tenant-link') }, entitlement: details };

    const dry = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup/link?dry_run=true', { token, json: body });
    assert.equal(dry.status, 201, dry.text);
    const none = await call<EntitlementList>(s, 'GET', `/partner/v2/entitlements?organization.id=${first.body.organization_id}`, { token });
    assert.equal(none.body.metadata.total_size, 1, 'a dry run links nothing');

    const linked = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup/link', { token, json: body });
    assert.equal(linked.status, 201, linked.text);
    vendor('signup', 'PartnerSignupResponse', linked.body);
    assert.equal(linked.body.organization_id, first.body.organization_id);
    const both = await call<EntitlementList>(s, 'GET', `/partner/v2/entitlements?organization.id=${first.body.organization_id}`, { token });
    assert.deepEqual(both.body.data.map((e) => e.external_id).sort(), [firstBody.entitlement.external_id, details.external_id].sort());
    assert.equal(both.body.metadata.total_size, 2);
  });

  test('a dry run checks everything and writes nothing', async () => {
    const s = server();
    const token = await s.token();
    const body = signupBody();
    const dry = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup?dry_run=true', { token, json: body });
    assert.equal(dry.status, 201, dry.text);
    vendor('signup', 'PartnerSignupResponse', dry.body);
    const orgs = await call<{ metadata: { total_size: number } }>(s, 'GET', '/partner/v2/organizations', { token });
    assert.equal(orgs.body.metadata.total_size, 0);
    const ents = await call<EntitlementList>(s, 'GET', '/partner/v2/entitlements', { token });
    assert.equal(ents.body.metadata.total_size, 0);
    // The same body for real still succeeds: the dry run reserved nothing.
    const real = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup', { token, json: body });
    assert.equal(real.status, 201);
    // And now a dry run of it is a conflict, like the real call would be.
    const dryConflict = await call<FailureBody>(s, 'POST', '/partner/v2/signup?dry_run=true', { token, json: body });
    assert.equal(dryConflict.status, 409);
  });

  test('lists page through every item exactly once with opaque tokens', async () => {
    const s = server();
    const token = await s.token();
    const created: string[] = [];
    for (let i = 0; i < 23; i++) {
      const res = await call<Entitlement>(s, 'POST', '/partner/v2/entitlements', { token, json: entitlementDetails(`page-${i}`) });
      assert.equal(res.status, 201);
      created.push(res.body.id);
    }
    const seen: string[] = [];
    let next: string | undefined = '/partner/v2/entitlements?page_size=10';
    let pages = 0;
    while (next) {
      const url = new URL(next, s.url);
      const page: Awaited<ReturnType<typeof call<EntitlementList>>> = await call<EntitlementList>(s, 'GET', `${url.pathname}${url.search}`, { token });
      assert.equal(page.status, 200, page.text);
      vendor('entitlements', 'partner.v2.EntitlementList', page.body);
      assert.equal(page.body.metadata.total_size, 23);
      seen.push(...page.body.data.map((e) => e.id));
      next = page.body.metadata.next;
      pages++;
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, created);

    const defaults = await call<EntitlementList>(s, 'GET', '/partner/v2/entitlements', { token });
    assert.equal(defaults.body.data.length, 10, 'page_size defaults to 10');
    const big = await call<EntitlementList>(s, 'GET', '/partner/v2/entitlements?page_size=100', { token });
    assert.equal(big.body.data.length, 23);
    assert.equal(big.body.metadata.next, undefined);
  });

  test('organizations list pages too and shows only signed-up organizations', async () => {
    const s = server();
    const token = await s.token();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup', { token, json: signupBody({ name: `Org ${i}` }) });
      ids.push(res.body.organization_id);
    }
    const first = await call<{ data: Array<{ id: string }>; metadata: { next?: string; total_size: number } }>(
      s,
      'GET',
      '/partner/v2/organizations?page_size=2',
      { token },
    );
    assert.equal(first.status, 200);
    vendor('organizations', 'partner.v2.OrganizationList', first.body);
    assert.equal(first.body.metadata.total_size, 3);
    assert.ok(first.body.metadata.next);
    const url = new URL(first.body.metadata.next);
    const second = await call<{ data: Array<{ id: string }>; metadata: { next?: string } }>(s, 'GET', `${url.pathname}${url.search}`, { token });
    assert.deepEqual([...first.body.data, ...second.body.data].map((o) => o.id), ids);
    assert.equal(second.body.metadata.next, undefined);
  });
});
