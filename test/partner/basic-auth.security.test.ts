import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { mock, test } from 'node:test';
import { entitlementDetails, signupBody } from '../helpers/fixtures.js';
import { type Answer, call, type FailureBody } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';

/** `Authorization: Basic` for a client id and secret, as a Confluent Cloud API key and secret are sent. */
function basic(id: string, secret: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` };
}

function assertUnauthenticated(res: Answer<unknown>): void {
  assert.equal(res.status, 401, res.text);
  const body = res.body as FailureBody;
  assert.equal(body.errors[0]?.code, 'user_unauthenticated');
  assert.equal(body.errors[0]?.id, res.headers.get('x-request-id'));
  // The challenge every refused credential gets on this API, then Basic's own.
  assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer realm="signups", error="invalid_token", error_description="[^"]+", Basic realm="signups", charset="UTF-8"$/);
}

describeEachDialect('partner/v2 security: a client id and secret as HTTP Basic', (server) => {
  test("Basic credentials act with the client's scopes: signup, then read back what it created", async () => {
    const s = server();
    const client = await s.client();
    const body = signupBody();
    const created = await call<{ organization_id: string }>(s, 'POST', '/partner/v2/signup', { json: body, headers: basic(client.id, client.secret) });
    assert.equal(created.status, 201, created.text);
    const list = await call<{ data: Array<{ external_id: string }> }>(s, 'GET', `/partner/v2/entitlements?organization.id=${created.body.organization_id}`, {
      headers: basic(client.id, client.secret),
    });
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(list.body.data.map((e) => e.external_id), [body.entitlement.external_id]);
  });

  test('a wrong secret, an unknown id or a malformed Basic header is 401 with a Basic challenge, and changes nothing', async () => {
    const s = server();
    const client = await s.client();
    const details = entitlementDetails();
    for (const headers of [
      basic(client.id, `${client.secret}x`),
      basic(client.id, ''),
      basic(crypto.randomUUID(), client.secret),
      { authorization: `Basic ${Buffer.from(client.id).toString('base64')}` },
      { authorization: 'Basic %%%' },
    ]) {
      assertUnauthenticated(await call(s, 'POST', '/partner/v2/entitlements', { json: details, headers }));
    }
    const list = await call<{ data: unknown[] }>(s, 'GET', '/partner/v2/entitlements', { headers: basic(client.id, client.secret) });
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(list.body.data, []);
  });

  test('scopes apply as to tokens: a describe-only client reads but may not create (403)', async () => {
    const s = server();
    const reader = await s.client(['partner:describe']);
    const res = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { json: signupBody(), headers: basic(reader.id, reader.secret) });
    assert.equal(res.status, 403, res.text);
    assert.equal(res.body.errors[0]?.code, 'user_unauthorized');
    assert.equal((await call(s, 'GET', '/partner/v2/organizations', { headers: basic(reader.id, reader.secret) })).status, 200);
  });

  test("isolation: a partner signed in with Basic sees none of another partner's entitlements", async () => {
    const s = server();
    const a = await s.client();
    const b = await s.client();
    const created = await call<{ id: string }>(s, 'POST', '/partner/v2/entitlements', { json: entitlementDetails(), headers: basic(a.id, a.secret) });
    assert.equal(created.status, 201, created.text);
    assert.equal((await call(s, 'GET', `/partner/v2/entitlements/${created.body.id}`, { headers: basic(b.id, b.secret) })).status, 404);
    const list = await call<{ data: unknown[] }>(s, 'GET', '/partner/v2/entitlements', { headers: basic(b.id, b.secret) });
    assert.deepEqual(list.body.data, []);
    assert.equal((await call(s, 'GET', `/partner/v2/entitlements/${created.body.id}`, { headers: basic(a.id, a.secret) })).status, 200);
  });

  test("one rate limit per client, whether it sends a token or its id and secret", async () => {
    const s = server();
    const client = await s.client();
    const issued = await call<{ access_token: string }>(s, 'POST', '/oauth2/token', {
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...basic(client.id, client.secret) },
    });
    const first = await call(s, 'GET', '/partner/v2/organizations', { token: issued.body.access_token });
    const second = await call(s, 'GET', '/partner/v2/organizations', { headers: basic(client.id, client.secret) });
    const remaining = (res: Answer<unknown>) => Number(res.headers.get('x-ratelimit-remaining'));
    assert.equal(second.headers.get('x-ratelimit-limit'), first.headers.get('x-ratelimit-limit'));
    assert.equal(remaining(second), remaining(first) - 1);
  });

  test('the secret is compared in constant time with its stored scrypt hash', async () => {
    const s = server();
    const client = await s.client();
    const row = await s.store.db.selectFrom('clients').select('secret_hash').where('id', '=', client.id).executeTakeFirstOrThrow();
    const stored = Buffer.from(row.secret_hash.split('$').at(-1) ?? '', 'base64url');
    const compare = mock.method(crypto, 'timingSafeEqual');
    syncBuiltinESMExports();
    try {
      assertUnauthenticated(await call(s, 'GET', '/partner/v2/organizations', { headers: basic(client.id, 'not-the-secret') }));
      const wrong = compare.mock.calls.map((c) => c.arguments);
      assert.equal((await call(s, 'GET', '/partner/v2/organizations', { headers: basic(client.id, client.secret) })).status, 200);
      const all = compare.mock.calls.map((c) => c.arguments);
      // Each check hashed the presented secret and compared it, whole, with the stored hash: no early exit.
      assert.equal(wrong.length, 1);
      assert.equal(all.length, 2);
      for (const [actual, expected] of all) {
        assert.ok(Buffer.isBuffer(actual) && Buffer.isBuffer(expected));
        assert.equal(actual.length, stored.length);
        assert.deepEqual(expected, stored);
      }
      assert.notDeepEqual(all[0]?.[0], stored);
      assert.deepEqual(all[1]?.[0], stored);
    } finally {
      compare.mock.restore();
      syncBuiltinESMExports();
    }
  });

  test('Basic is for the partner API only: the Change Broker still wants a bearer token', async () => {
    const s = server();
    const client = await s.client([], '8d1b7d2c-0000-4000-8000-0000000000b1');
    const res = await call(s, 'GET', '/api/v1/Tenants/8d1b7d2c-0000-4000-8000-0000000000b1/Namespaces/ns/signups', { headers: basic(client.id, client.secret) });
    assert.equal(res.status, 401, res.text);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer /);
  });
});
