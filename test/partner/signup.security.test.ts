import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { generateKeyPair, SignJWT } from 'jose';
import { currentSigningKey } from '../../src/identity/signing-keys.js';
import { call, type Answer, type FailureBody } from '../helpers/http.js';
import { entitlementDetails, signupBody, ssoConfig, user } from '../helpers/fixtures.js';
import { describeEachDialect } from '../helpers/server.js';
import { getOrCreateSecret } from '../../src/store/settings.js';

interface SignupAnswer {
  organization_id: string;
}
interface Entitlement {
  id: string;
  metadata: { self: string };
}
interface List {
  data: unknown[];
  metadata: { total_size: number };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A single-problem Failure envelope with this status and code, whose id is the request id. */
function assertFailure(res: Answer<unknown>, status: number, code: string | undefined): FailureBody['errors'][number] {
  assert.equal(res.status, status, res.text);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = res.body as FailureBody;
  assert.ok(Array.isArray(body.errors), res.text);
  assert.equal(body.errors.length, 1, res.text);
  const [error] = body.errors;
  assert.ok(error);
  assert.equal(error.status, String(status));
  assert.equal(error.code, code);
  assert.ok(typeof error.title === 'string' && error.title.length > 0, res.text);
  assert.ok(typeof error.detail === 'string' && error.detail.length > 0, res.text);
  const requestId = res.headers.get('x-request-id');
  assert.ok(requestId, 'X-Request-Id header');
  assert.equal(error.id, requestId);
  return error;
}

function assertInvalidToken(res: Answer<unknown>): void {
  assertFailure(res, 401, 'user_unauthenticated');
  const challenge = res.headers.get('www-authenticate') ?? '';
  assert.match(challenge, /^Bearer realm="signups"/);
  assert.match(challenge, /error="invalid_token"/);
}

/** Every operation that needs a token, with its scope and a body that passes validation. */
const CREATE_OPERATIONS = [
  { method: 'POST', path: '/partner/v2/signup', json: signupBody() },
  { method: 'POST', path: '/partner/v2/signup/activate', json: { organization_id: 'org-x', user: user() } },
  { method: 'POST', path: '/partner/v2/signup/link', json: { token: 'x', organization: { sso_config: ssoConfig() }, entitlement: entitlementDetails() } },
  { method: 'POST', path: '/partner/v2/entitlements', json: entitlementDetails() },
] as const;
const DESCRIBE_OPERATIONS = [
  { method: 'GET', path: '/partner/v2/entitlements' },
  { method: 'GET', path: '/partner/v2/entitlements/ent-x' },
  { method: 'GET', path: '/partner/v2/organizations' },
  { method: 'GET', path: '/partner/v2/organizations/org-x' },
] as const;

// One server per database for the suites below: each makes clients of its own and reads only what they made, so
// none sees another's data. The last two change the server for whatever would run after them: expired tokens moves
// its clock two hours on, unexpected faults destroys its database.
describeEachDialect('partner/v2 security', (server) => {
  describe('authentication and scopes', () => {
    test('no Authorization header: 401 Failure with a Bearer challenge and the request id', async () => {
      const s = server();
      const res = await call(s, 'POST', '/partner/v2/signup', { json: signupBody() });
      const error = assertFailure(res, 401, 'user_unauthenticated');
      assert.equal(error.title, 'Authentication Required');
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="signups"');
      assert.match(res.headers.get('x-request-id') ?? '', UUID);
    });

    test('every operation that needs a token refuses a call without one', async () => {
      const s = server();
      for (const op of [...CREATE_OPERATIONS, ...DESCRIBE_OPERATIONS]) {
        const res = await call(s, op.method, op.path, 'json' in op ? { json: op.json } : {});
        assertFailure(res, 401, 'user_unauthenticated');
        assert.ok(res.headers.get('www-authenticate'), `${op.method} ${op.path}`);
      }
    });

    test('a garbage token is invalid_token', async () => {
      const s = server();
      const res = await call(s, 'GET', '/partner/v2/organizations', { token: 'not-a-jwt' });
      assertInvalidToken(res);
    });

    test('an Authorization header that is not Bearer is invalid_token', async () => {
      const s = server();
      const res = await call(s, 'GET', '/partner/v2/organizations', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
      assertInvalidToken(res);
    });

    test('a token signed with another key is invalid_token', async () => {
      const s = server();
      const client = await s.client();
      const now = Math.floor(s.clock.now().getTime() / 1000);
      // Everything right except the key: same issuer, type, claims and lifetime.
      const own = await currentSigningKey(s.store.db);
      const { privateKey: otherKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT({ scope: 'partner:create partner:describe', client_id: client.id })
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: own.kid })
        .setIssuer('signups')
        .setSubject(client.id)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .setJti(randomUUID())
        .sign(otherKey);
      const res = await call(s, 'GET', '/partner/v2/organizations', { token: forged });
      assertInvalidToken(res);
    });

    test("a token signed with the server's own key is refused unless it is a well-formed access token", async () => {
      const s = server();
      const client = await s.client();
      const own = await currentSigningKey(s.store.db);
      const linkKey = await getOrCreateSecret(s.store.db, 'link_token_key');
      const now = Math.floor(s.clock.now().getTime() / 1000);
      const sign = (options: { typ?: string; iss?: string; exp?: boolean; sub?: boolean; signingKey?: Uint8Array; kid?: string | null }) => {
        const kid = options.kid === undefined ? own.kid : options.kid;
        let jwt = new SignJWT({ scope: 'partner:create partner:describe', client_id: client.id })
          .setProtectedHeader({ alg: options.signingKey ? 'HS256' : 'ES256', typ: options.typ ?? 'at+jwt', ...(kid !== null ? { kid } : {}) })
          .setIssuer(options.iss ?? 'signups')
          .setIssuedAt(now);
        if (options.sub !== false) jwt = jwt.setSubject(client.id);
        if (options.exp !== false) jwt = jwt.setExpirationTime(now + 3600);
        return jwt.sign(options.signingKey ?? own.privateKey);
      };
      // The control: with everything right the server accepts it, so each refusal below is about one flaw.
      const good = await call(s, 'GET', '/partner/v2/organizations', { token: await sign({}) });
      assert.equal(good.status, 200, good.text);
      const flawed = {
        'a link token type': await sign({ typ: 'link+jwt' }),
        'another issuer': await sign({ iss: 'elsewhere' }),
        'no expiry': await sign({ exp: false }),
        'no subject': await sign({ sub: false }),
        'the link-token key': await sign({ signingKey: linkKey }),
        'no key id': await sign({ kid: null }),
        'an unknown key id': await sign({ kid: 'no-such-key' }),
      };
      for (const [flaw, token] of Object.entries(flawed)) {
        const res = await call(s, 'GET', '/partner/v2/organizations', { token });
        assert.equal(res.status, 401, `${flaw}: ${res.text}`);
        assertInvalidToken(res);
      }
      // An unsigned token ("alg": "none") with the right claims.
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode({ iss: 'signups', sub: client.id, exp: now + 3600, scope: 'partner:create' })}.`;
      assertInvalidToken(await call(s, 'GET', '/partner/v2/organizations', { token: unsigned }));
    });

    test('a partner:describe token is refused (403) by every create operation', async () => {
      const s = server();
      const token = await s.token(['partner:describe']);
      for (const op of CREATE_OPERATIONS) {
        const res = await call(s, op.method, op.path, { token, json: op.json });
        const error = assertFailure(res, 403, 'user_unauthorized');
        assert.equal(error.title, 'User Access Unauthorized', `${op.method} ${op.path}`);
        assert.match(error.detail ?? '', /partner:create/);
      }
    });

    test('a partner:create token is refused (403) by every describe operation', async () => {
      const s = server();
      const token = await s.token(['partner:create']);
      for (const op of DESCRIBE_OPERATIONS) {
        const res = await call(s, op.method, op.path, { token });
        const error = assertFailure(res, 403, 'user_unauthorized');
        assert.match(error.detail ?? '', /partner:describe/, `${op.method} ${op.path}`);
      }
    });

    test('authentication and scopes are checked before the body is validated', async () => {
      const s = server();
      const invalid = { organization: { name: 'x' }, surprise: true };
      const anonymous = await call(s, 'POST', '/partner/v2/signup', { json: invalid });
      assertFailure(anonymous, 401, 'user_unauthenticated');
      const garbage = await call(s, 'POST', '/partner/v2/signup', { token: 'garbage', json: invalid });
      assertInvalidToken(garbage);
      const describeOnly = await s.token(['partner:describe']);
      const forbidden = await call(s, 'POST', '/partner/v2/signup', { token: describeOnly, json: invalid });
      assertFailure(forbidden, 403, 'user_unauthorized');
      // With the right scope the same body is a validation error, so the checks above were not luck.
      const allowed = await s.token();
      const validated = await call(s, 'POST', '/partner/v2/signup', { token: allowed, json: invalid });
      assert.equal(validated.status, 400, validated.text);
    });
  });

  describe('partner isolation', () => {
    test("a partner cannot see or use another partner's entitlements and organizations", async () => {
      const s = server();
      const tokenA = await s.token();
      const tokenB = await s.token();
      const signedUp = await call<SignupAnswer>(s, 'POST', '/partner/v2/signup', { token: tokenA, json: signupBody({ withUser: false }) });
      assert.equal(signedUp.status, 201, signedUp.text);
      const orgId = signedUp.body.organization_id;
      const listA = await call<{ data: Entitlement[] }>(s, 'GET', `/partner/v2/entitlements?organization.id=${orgId}`, { token: tokenA });
      assert.equal(listA.status, 200, listA.text);
      const entitlement = listA.body.data[0];
      assert.ok(entitlement, listA.text);

      // A sees its own; B sees nothing of A's.
      assert.equal((await call(s, 'GET', `/partner/v2/entitlements/${entitlement.id}`, { token: tokenA })).status, 200);
      assert.equal((await call(s, 'GET', `/partner/v2/organizations/${orgId}`, { token: tokenA })).status, 200);
      assertFailure(await call(s, 'GET', `/partner/v2/entitlements/${entitlement.id}`, { token: tokenB }), 404, undefined);
      assertFailure(await call(s, 'GET', `/partner/v2/organizations/${orgId}`, { token: tokenB }), 404, undefined);

      for (const path of ['/partner/v2/entitlements', `/partner/v2/entitlements?organization.id=${orgId}`, '/partner/v2/organizations']) {
        const list = await call<List>(s, 'GET', path, { token: tokenB });
        assert.equal(list.status, 200, list.text);
        assert.deepEqual(list.body.data, [], path);
        assert.equal(list.body.metadata.total_size, 0, path);
      }

      // B cannot take A's entitlement into a signup of its own by URL; nothing is created for B.
      const byReference = await call(s, 'POST', '/partner/v2/signup', {
        token: tokenB,
        json: { organization: { name: 'Other Org', sso_config: ssoConfig() }, entitlement: { related: entitlement.metadata.self } },
      });
      const error = assertFailure(byReference, 404, undefined);
      assert.equal(error.source?.pointer, '/entitlement/related');
      const orgsB = await call<List>(s, 'GET', '/partner/v2/organizations', { token: tokenB });
      assert.equal(orgsB.body.metadata.total_size, 0, orgsB.text);

      // B cannot activate A's incomplete signup; A still can.
      const activateB = await call(s, 'POST', '/partner/v2/signup/activate', { token: tokenB, json: { organization_id: orgId, user: user() } });
      assertFailure(activateB, 404, undefined);
      const activateA = await call(s, 'POST', '/partner/v2/signup/activate', { token: tokenA, json: { organization_id: orgId, user: user() } });
      assert.equal(activateA.status, 201, activateA.text);
    });
  });

  describe('request ids', () => {
    test('a well-formed X-Request-Id is echoed in the header and in errors', async () => {
      const s = server();
      const id = 'abc-123_x=';
      const res = await call(s, 'GET', '/partner/v2/organizations', { headers: { 'x-request-id': id } });
      assert.equal(res.headers.get('x-request-id'), id);
      assert.equal(assertFailure(res, 401, 'user_unauthenticated').id, id);
      const ok = await call(s, 'GET', '/healthz', { headers: { 'x-request-id': id } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('x-request-id'), id);
    });

    test('a malformed X-Request-Id is replaced by a new UUID', async () => {
      const s = server();
      for (const bad of ['a'.repeat(300), 'has spaces in it', 'quote"d', "it's", '<script>']) {
        const res = await call(s, 'GET', '/partner/v2/organizations', { headers: { 'x-request-id': bad } });
        const header = res.headers.get('x-request-id') ?? '';
        assert.match(header, UUID, `for ${JSON.stringify(bad.slice(0, 20))}`);
        assert.equal(assertFailure(res, 401, 'user_unauthenticated').id, header);
      }
    });

    test('each request without an id gets a different one', async () => {
      const s = server();
      const a = await call(s, 'GET', '/healthz');
      const b = await call(s, 'GET', '/healthz');
      assert.match(a.headers.get('x-request-id') ?? '', UUID);
      assert.match(b.headers.get('x-request-id') ?? '', UUID);
      assert.notEqual(a.headers.get('x-request-id'), b.headers.get('x-request-id'));
    });
  });

  describe('expired tokens', () => {
    test('a token past its lifetime is invalid_token and says it expired', async () => {
      const s = server();
      const token = await s.token();
      const before = await call(s, 'GET', '/partner/v2/organizations', { token });
      assert.equal(before.status, 200, before.text);
      s.clock.advance(2 * 3600_000);
      const res = await call(s, 'GET', '/partner/v2/organizations', { token });
      assertInvalidToken(res);
      assert.match(res.headers.get('www-authenticate') ?? '', /error_description="[^"]*expired[^"]*"/);
      // A token issued after the clock moved is accepted again.
      const fresh = await s.token();
      const after = await call(s, 'GET', '/partner/v2/organizations', { token: fresh });
      assert.equal(after.status, 200, after.text);
    });
  });

  describe('unexpected faults', () => {
    test('a failing database is a 500 internal_error that reveals nothing internal', async () => {
      const s = server();
      const token = await s.token();
      await s.store.db.destroy();
      const requestId = 'fault-probe-1';
      const res = await call(s, 'GET', '/partner/v2/organizations', { token, headers: { 'x-request-id': requestId } });
      const error = assertFailure(res, 500, 'internal_error');
      assert.equal(error.title, 'Internal Server Error');
      assert.equal(error.id, requestId);
      assert.ok(error.detail?.includes(requestId), error.detail);
      assert.doesNotMatch(res.text, /\bat [^\s]+ \(|\bat file:|node:internal/, 'no stack frames');
      assert.doesNotMatch(res.text, /kysely|sqlite|postgres|driver|destroyed|select|stack/i, 'no internal messages');
      assert.deepEqual(Object.keys(res.body as object), ['errors']);
    });
  });
});

describeEachDialect(
  'partner/v2 security: rate limits',
  (server) => {
    test('the fourth call in a window is 429 with rate-limit headers; another client is not affected', async () => {
      const s = server();
      // Token requests are limited per address (no token yet): two of the three allowed here.
      const tokenA = await s.token();
      const tokenB = await s.token();
      for (let i = 1; i <= 3; i++) {
        const res = await call(s, 'GET', '/partner/v2/organizations', { token: tokenA });
        assert.equal(res.status, 200, res.text);
        assert.equal(res.headers.get('x-ratelimit-limit'), '3');
        assert.equal(res.headers.get('x-ratelimit-remaining'), String(3 - i));
      }
      const limited = await call(s, 'GET', '/partner/v2/organizations', { token: tokenA });
      const error = assertFailure(limited, 429, 'rate_limit_exceeded');
      assert.equal(error.title, 'Too Many Requests');
      assert.equal(limited.headers.get('x-ratelimit-limit'), '3');
      assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
      // Relative seconds until the window resets, not an epoch time.
      const reset = Number(limited.headers.get('x-ratelimit-reset'));
      assert.ok(Number.isInteger(reset) && reset >= 0 && reset <= 60, `X-RateLimit-Reset: ${limited.headers.get('x-ratelimit-reset')}`);
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${limited.headers.get('retry-after')}`);

      // The limit is per client: B has its own window.
      const other = await call(s, 'GET', '/partner/v2/organizations', { token: tokenB });
      assert.equal(other.status, 200, other.text);
      assert.equal(other.headers.get('x-ratelimit-remaining'), '2');
    });
  },
  { rateLimit: { max: 3, windowMs: 60_000 } },
);
