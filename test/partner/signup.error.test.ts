import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LinkTokens } from '../../src/identity/link-tokens.js';
import { getOrCreateSecret } from '../../src/store/settings.js';
import { entitlementDetails, signupBody, ssoConfig, user } from '../helpers/fixtures.js';
import { call, type FailureBody } from '../helpers/http.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';

interface SignupAnswer {
  organization_id: string;
}

const pointers = (body: FailureBody): string[] => body.errors.map((e) => e.source?.pointer ?? '').sort();

async function counts(s: TestServer): Promise<{ orgs: number; ents: number; users: number }> {
  const n = async (table: 'organizations' | 'entitlements' | 'users') =>
    Number((await s.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { orgs: await n('organizations'), ents: await n('entitlements'), users: await n('users') };
}

function assertFailure(res: { status: number; body: unknown; headers: Headers }, status: number): FailureBody {
  assert.equal(res.status, status, JSON.stringify(res.body));
  const body = res.body as FailureBody;
  assert.ok(Array.isArray(body.errors) && body.errors.length > 0, 'Failure envelope');
  for (const e of body.errors) {
    assert.equal(e.status, String(status));
    assert.equal(e.id, res.headers.get('x-request-id'));
    assert.ok(e.detail && !/\n\s+at /.test(e.detail), 'no stack trace');
  }
  return body;
}

describeEachDialect('partner/v2 signup, bad input', (server) => {
  test('every schema violation is reported, each pointing at its field, and nothing is written', async () => {
    const s = server();
    const token = await s.token();
    const before = await counts(s);
    const res = await call<FailureBody>(s, 'POST', '/partner/v2/signup', {
      token,
      json: {
        organization: { name: 'Bad<Name', sso_config: { kind: 'AzureSSOConfig' }, colour: 'red' },
        entitlement: { external_id: 'x', name: 'n', plan_id: 'no-such-plan' },
        user: { given_name: 'A', family_name: 'B', email: 'not-an-address' },
        extra: true,
      },
    });
    const body = assertFailure(res, 400);
    assert.deepEqual(pointers(body), [
      '/entitlement/plan_id',
      '/entitlement/product_id',
      '/extra',
      '/organization/colour',
      '/organization/name',
      '/organization/sso_config/tenant_id',
      '/user/email',
    ]);
    assert.ok(body.errors.every((e) => e.code === 'invalid_input'));
    assert.deepEqual(await counts(s), before);
  });

  test('required parts are named when missing', async () => {
    const s = server();
    const token = await s.token();
    const res = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { token, json: { organization: { sso_config: ssoConfig() } } });
    assert.deepEqual(pointers(assertFailure(res, 400)), ['/entitlement', '/organization/name']);
    const activate = await call<FailureBody>(s, 'POST', '/partner/v2/signup/activate', { token, json: { organization_id: 'x' } });
    assert.deepEqual(pointers(assertFailure(activate, 400)), ['/user']);
    const link = await call<FailureBody>(s, 'POST', '/partner/v2/signup/link', { token, json: {} });
    assert.deepEqual(pointers(assertFailure(link, 400)), ['/entitlement', '/organization', '/token']);
  });

  test('an organization name longer than 31 characters or with a forbidden character is refused', async () => {
    const s = server();
    const token = await s.token();
    for (const name of ['x'.repeat(32), '', 'a#b', 'quote"d', 'back`tick']) {
      const res = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { token, json: signupBody({ name }) });
      assert.deepEqual(pointers(assertFailure(res, 400)), ['/organization/name'], name);
    }
    const ok = await call(s, 'POST', '/partner/v2/signup', { token, json: signupBody({ name: 'x'.repeat(31) }) });
    assert.equal(ok.status, 201);
  });

  test('sso_config is discriminated by kind', async () => {
    const s = server();
    const token = await s.token();
    const body = signupBody();
    const res = await call<FailureBody>(s, 'POST', '/partner/v2/signup', {
      token,
      json: { ...body, organization: { name: 'Acme', sso_config: { kind: 'GcpSSOConfig', tenant_id: 't' } } },
    });
    assert.deepEqual(pointers(assertFailure(res, 400)), ['/organization/sso_config/kind']);
    const noKind = await call<FailureBody>(s, 'POST', '/partner/v2/signup', {
      token,
      json: { ...body, organization: { name: 'Acme', sso_config: { tenant_id: 't' } } },
    });
    assert.deepEqual(pointers(assertFailure(noKind, 400)), ['/organization/sso_config/kind']);
  });

  test('an entitlement reference is judged as a reference, details as details', async () => {
    const s = server();
    const token = await s.token();
    const org = { name: 'Acme', sso_config: ssoConfig() };
    const mixed = await call<FailureBody>(s, 'POST', '/partner/v2/signup', {
      token,
      json: { organization: org, entitlement: { related: 'https://example.com/partner/v2/entitlements/ent-1', external_id: 'x' } },
    });
    assert.deepEqual(pointers(assertFailure(mixed, 400)), ['/entitlement/external_id']);
    const notUrl = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { token, json: { organization: org, entitlement: { related: 'not a url' } } });
    assert.deepEqual(pointers(assertFailure(notUrl, 400)), ['/entitlement/related']);
    const wrongPath = await call<FailureBody>(s, 'POST', '/partner/v2/signup', {
      token,
      json: { organization: org, entitlement: { related: 'https://example.com/somewhere/else' } },
    });
    assert.deepEqual(pointers(assertFailure(wrongPath, 400)), ['/entitlement/related']);
    const unknown = await call<FailureBody>(s, 'POST', '/partner/v2/signup', {
      token,
      json: { organization: org, entitlement: { related: `${s.url}/partner/v2/entitlements/ent-missing` } },
    });
    assert.deepEqual(pointers(assertFailure(unknown, 404)), ['/entitlement/related']);
  });

  test('malformed JSON, a wrong content type, an empty and an oversized body are clear 4xx in the envelope', async () => {
    const s = server();
    const token = await s.token();
    const malformed = await call<FailureBody>(s, 'POST', '/partner/v2/signup', {
      token,
      body: '{"organization": ',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(assertFailure(malformed, 400).errors[0]?.code, 'malformed_json');
    const wrongType = await call<FailureBody>(s, 'POST', '/partner/v2/signup', {
      token,
      body: 'organization=x',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(assertFailure(wrongType, 415).errors[0]?.code, 'unsupported_media_type');
    const empty = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { token, body: '', headers: { 'content-type': 'application/json' } });
    assert.equal(assertFailure(empty, 400).errors[0]?.code, 'malformed_json');
    const huge = await call<FailureBody>(s, 'POST', '/partner/v2/signup', {
      token,
      json: { ...signupBody(), padding: 'x'.repeat(s.config.bodyLimitBytes) },
    });
    assert.equal(assertFailure(huge, 413).errors[0]?.code, 'payload_too_large');
    const array = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { token, json: [1, 2] });
    assertFailure(array, 400);
  });

  test('bad query parameters name the parameter', async () => {
    const s = server();
    const token = await s.token();
    for (const query of ['page_size=0', 'page_size=101', 'page_size=ten']) {
      const res = await call<FailureBody>(s, 'GET', `/partner/v2/entitlements?${query}`, { token });
      assert.equal(assertFailure(res, 400).errors[0]?.source?.parameter, 'page_size', query);
    }
    for (const tokenValue of ['garbage!', Buffer.from('{"a":-1}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      const res = await call<FailureBody>(s, 'GET', `/partner/v2/organizations?page_token=${encodeURIComponent(tokenValue)}`, { token });
      const error = assertFailure(res, 400).errors[0];
      assert.equal(error?.source?.parameter, 'page_token');
      assert.equal(error?.code, 'invalid_page_token');
    }
    const dryRun = await call<FailureBody>(s, 'POST', '/partner/v2/signup?dry_run=maybe', { token, json: signupBody() });
    assert.equal(assertFailure(dryRun, 400).errors[0]?.source?.parameter, 'dry_run');
  });

  test('unknown ids are 404 in the envelope', async () => {
    const s = server();
    const token = await s.token();
    assertFailure(await call(s, 'GET', '/partner/v2/entitlements/ent-nothing', { token }), 404);
    assertFailure(await call(s, 'GET', '/partner/v2/organizations/00000000-0000-0000-0000-000000000000', { token }), 404);
    const activate = await call<FailureBody>(s, 'POST', '/partner/v2/signup/activate', {
      token,
      json: { organization_id: '00000000-0000-0000-0000-000000000000', user: user() },
    });
    assert.deepEqual(pointers(assertFailure(activate, 404)), ['/organization_id']);
  });
});

describeEachDialect('partner/v2 signup, conflicts', (server) => {
  test('a second signup with the same external_id is 409 naming the existing entitlement', async () => {
    const s = server();
    const token = await s.token();
    const body = signupBody();
    const first = await call(s, 'POST', '/partner/v2/signup', { token, json: body });
    assert.equal(first.status, 201);
    const before = await counts(s);
    const again = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { token, json: signupBody({ externalId: body.entitlement.external_id }) });
    const error = assertFailure(again, 409).errors[0];
    assert.equal(error?.code, 'resource_already_exists');
    const location = again.headers.get('location');
    assert.ok(location);
    const existing = await call<{ external_id: string }>(s, 'GET', new URL(location).pathname, { token });
    assert.equal(existing.body.external_id, body.entitlement.external_id);
    assert.deepEqual(await counts(s), before, 'the failed signup left nothing behind');
    const direct = await call<FailureBody>(s, 'POST', '/partner/v2/entitlements', { token, json: entitlementDetails(body.entitlement.external_id) });
    assert.equal(assertFailure(direct, 409).errors[0]?.code, 'resource_already_exists');
    assert.equal(direct.headers.get('location'), location);
  });

  test('the same external_id may be used by two partners', async () => {
    const s = server();
    const [a, b] = [await s.token(), await s.token()];
    const body = signupBody();
    assert.equal((await call(s, 'POST', '/partner/v2/signup', { token: a, json: body })).status, 201);
    assert.equal((await call(s, 'POST', '/partner/v2/signup', { token: b, json: body })).status, 201);
  });

  test('racing signups for one external_id give exactly one 201 and the rest 409', async () => {
    const s = server();
    const token = await s.token();
    const externalId = `race-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call<FailureBody>(s, 'POST', '/partner/v2/signup', { token, json: signupBody({ externalId }) })),
    );
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) {
      assert.equal(r.body.errors[0]?.code, 'resource_already_exists');
      assert.ok(r.headers.get('location'));
    }
    const orgs = await s.store.db.selectFrom('organizations').select('id').execute();
    const ents = await s.store.db.selectFrom('entitlements').select(['organization_id']).where('external_id', '=', externalId).execute();
    assert.equal(ents.length, 1);
    assert.ok(orgs.some((o) => o.id === ents[0]?.organization_id));
  });

  test('racing activations of one organization give one 201 and one 409', async () => {
    const s = server();
    const token = await s.token();
    const signup = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup', { token, json: signupBody({ withUser: false }) });
    const [x, y] = await Promise.all(
      [user(), user()].map((u) =>
        call(s, 'POST', '/partner/v2/signup/activate', { token, json: { organization_id: signup.body.organization_id, user: u } }),
      ),
    );
    assert.deepEqual([x?.status, y?.status].sort(), [201, 409]);
    const users = await s.store.db.selectFrom('users').select('id').where('organization_id', '=', signup.body.organization_id).execute();
    assert.equal(users.length, 1);
  });

  test('an entitlement already linked cannot be referenced again, and the failed signup leaves nothing', async () => {
    const s = server();
    const token = await s.token();
    const created = await call<{ metadata: { self: string } }>(s, 'POST', '/partner/v2/entitlements', { token, json: entitlementDetails() });
    const body = { organization: { name: 'One', sso_config: ssoConfig() }, entitlement: { related: created.body.metadata.self } };
    assert.equal((await call(s, 'POST', '/partner/v2/signup', { token, json: body })).status, 201);
    const before = await counts(s);
    const again = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { token, json: body });
    const error = assertFailure(again, 409).errors[0];
    assert.equal(error?.code, 'entitlement_already_linked');
    assert.equal(again.headers.get('location'), created.body.metadata.self);
    assert.deepEqual(await counts(s), before);
  });
});

describeEachDialect('partner/v2 link tokens', (server) => {
  async function setup(s: TestServer) {
    const token = await s.token();
    const signup = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup', { token, json: signupBody({ tenant: 'tenant-x' }) });
    const tokens = new LinkTokens(await getOrCreateSecret(s.store.db, 'link_token_key'), s.clock);
    const body = (linkToken: string) => ({ token: linkToken, organization: { sso_config: ssoConfig('tenant-x') }, entitlement: entitlementDetails() });
    return { token, orgId: signup.body.organization_id, tokens, body };
  }

  test('a forged token is refused and says so', async () => {
    const s = server();
    const { token, orgId, body } = await setup(s);
    const forged = await new LinkTokens(new Uint8Array(32).fill(7), s.clock).issue({ organizationId: orgId, partnerId: null }, 3600);
    const res = await call<FailureBody>(s, 'POST', '/partner/v2/signup/link', { token, json: body(forged) });
    const error = assertFailure(res, 400).errors[0];
    assert.equal(error?.code, 'link_token_forged');
    assert.equal(error?.source?.pointer, '/token');
    const tampered = (await (await setup(s)).tokens.issue({ organizationId: orgId, partnerId: null }, 3600)).slice(0, -2) + 'xx';
    assert.equal(assertFailure(await call(s, 'POST', '/partner/v2/signup/link', { token, json: body(tampered) }), 400).errors[0]?.code, 'link_token_forged');
    // An access token is not a link token.
    assert.equal(assertFailure(await call(s, 'POST', '/partner/v2/signup/link', { token, json: body(token) }), 400).errors[0]?.code, 'link_token_forged');
  });

  test('an expired token is refused and says so', async () => {
    const s = server();
    const { token, orgId, tokens, body } = await setup(s);
    const linkToken = await tokens.issue({ organizationId: orgId, partnerId: null }, 60);
    s.clock.advance(61_000);
    const fresh = await s.token();
    const res = await call<FailureBody>(s, 'POST', '/partner/v2/signup/link', { token: fresh, json: body(linkToken) });
    assert.equal(assertFailure(res, 400).errors[0]?.code, 'link_token_expired');
    void token;
  });

  test("a token for another partner is refused as foreign", async () => {
    const s = server();
    const { token, orgId, tokens, body } = await setup(s);
    const other = await s.client();
    const linkToken = await tokens.issue({ organizationId: orgId, partnerId: other.id }, 3600);
    const res = await call<FailureBody>(s, 'POST', '/partner/v2/signup/link', { token, json: body(linkToken) });
    assert.equal(assertFailure(res, 400).errors[0]?.code, 'link_token_foreign');
  });

  test('the organization sso_config must match the linked organization', async () => {
    const s = server();
    const { token, orgId, tokens } = await setup(s);
    const linkToken = await tokens.issue({ organizationId: orgId, partnerId: null }, 3600);
    const res = await call<FailureBody>(s, 'POST', '/partner/v2/signup/link', {
      token,
      json: { token: linkToken, organization: { sso_config: ssoConfig('another-tenant') }, entitlement: entitlementDetails() },
    });
    assert.deepEqual(pointers(assertFailure(res, 400)), ['/organization/sso_config']);
  });
});
