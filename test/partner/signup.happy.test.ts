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
    const res = await call<SignupAnswer>(s.url, 'POST', '/partner/v2/signup', { token, json: body });
    assert.equal(res.status, 201, res.text);
    vendor('signup', 'PartnerSignupResponse', res.body);
    assert.match(res.body.organization_id, /^[0-9a-f-]{36}$/);
    assert.ok(res.body.sso_url.startsWith('https://confluent.cloud/login/sso/'));
    assert.ok(res.headers.get('x-request-id'));

    const org = await call<Record<string, unknown>>(s.url, 'GET', `/partner/v2/organizations/${res.body.organization_id}`, { token });
    assert.equal(org.status, 200, org.text);
    vendor('organizations', 'partner.v2.Organization', org.body);
    assert.equal(org.body.name, 'Acme Organization');
    assert.deepEqual(org.body.sso_config, ssoConfig());

    const list = await call<EntitlementList>(s.url, 'GET', `/partner/v2/entitlements?organization.id=${res.body.organization_id}`, { token });
    assert.equal(list.status, 200);
    vendor('entitlements', 'partner.v2.EntitlementList', list.body);
    assert.equal(list.body.data.length, 1);
    assert.equal(list.body.data[0]?.external_id, body.entitlement.external_id);

    // Complete already: activation is a conflict.
    const again = await call<FailureBody>(s.url, 'POST', '/partner/v2/signup/activate', {
      token,
      json: { organization_id: res.body.organization_id, user: user() },
    });
    assert.equal(again.status, 409);
  });

  test('a signup without a user is incomplete until activate', async () => {
    const s = server();
    const token = await s.token();
    const res = await call<SignupAnswer>(s.url, 'POST', '/partner/v2/signup', { token, json: signupBody({ withUser: false }) });
    assert.equal(res.status, 201, res.text);
    const activated = await call<SignupAnswer>(s.url, 'POST', '/partner/v2/signup/activate', {
      token,
      json: { organization_id: res.body.organization_id, user: user() },
    });
    assert.equal(activated.status, 201, activated.text);
    vendor('signup', 'PartnerSignupResponse', activated.body);
    assert.equal(activated.body.organization_id, res.body.organization_id);
  });
});
