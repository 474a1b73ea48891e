import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { call, type Answer, type FailureBody } from '../helpers/http.js';
import { signupBody } from '../helpers/fixtures.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';

interface TokenAnswer {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}
interface OAuthErrorBody {
  error: string;
  error_description?: string;
}

const TOKEN_PATHS = ['/oauth2/token', '/identity/connect/token'] as const;
const FORM = 'application/x-www-form-urlencoded';

/** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined for HTTP Basic. */
function basic(id: string, secret: string): string {
  const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}

function requestToken(s: TestServer, path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return call<TokenAnswer | OAuthErrorBody>(s, 'POST', path, {
    body: new URLSearchParams(form).toString(),
    headers: { 'content-type': FORM, ...headers },
  });
}

function assertToken(res: Answer<TokenAnswer | OAuthErrorBody>, scope: string): TokenAnswer {
  assert.equal(res.status, 200, res.text);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = res.body as TokenAnswer;
  assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'scope', 'token_type']);
  assert.equal(body.token_type, 'Bearer');
  assert.equal(body.expires_in, 3600);
  assert.equal(body.scope, scope);
  assert.match(body.access_token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  return body;
}

function assertOAuthError(res: Answer<TokenAnswer | OAuthErrorBody>, status: number, error: string): OAuthErrorBody {
  assert.equal(res.status, status, res.text);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = res.body as OAuthErrorBody & Partial<FailureBody>;
  assert.equal(body.errors, undefined, 'OAuth2 errors, not the partner Failure envelope');
  assert.equal(body.error, error, res.text);
  assert.equal(typeof body.error_description, 'string');
  assert.equal((res.body as Partial<TokenAnswer>).access_token, undefined);
  return body;
}

describeEachDialect('OAuth2 client-credentials token endpoint', (server) => {
  for (const path of TOKEN_PATHS) {
    test(`${path}: HTTP Basic client authentication issues a token`, async () => {
      const s = server();
      const client = await s.client(['partner:create', 'partner:describe']);
      const res = await requestToken(s, path, { grant_type: 'client_credentials' }, { authorization: basic(client.id, client.secret) });
      const token = assertToken(res, 'partner:create partner:describe');
      const claims = decodeJwt(token.access_token);
      assert.equal(claims.sub, client.id);
      assert.equal(claims.exp, Math.floor(s.clock.now().getTime() / 1000) + 3600);
      const use = await call(s, 'GET', '/partner/v2/organizations', { token: token.access_token });
      assert.equal(use.status, 200, use.text);
    });

    test(`${path}: client_id and client_secret form fields issue a token`, async () => {
      const s = server();
      const client = await s.client(['partner:describe']);
      const res = await requestToken(s, path, { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret });
      assertToken(res, 'partner:describe');
    });

    test(`${path}: a wrong secret is invalid_client with a Basic challenge`, async () => {
      const s = server();
      const client = await s.client();
      const viaForm = await requestToken(s, path, { grant_type: 'client_credentials', client_id: client.id, client_secret: `${client.secret}x` });
      assertOAuthError(viaForm, 401, 'invalid_client');
      assert.equal(viaForm.headers.get('www-authenticate'), 'Basic realm="signups"');
      const viaBasic = await requestToken(s, path, { grant_type: 'client_credentials' }, { authorization: basic(client.id, 'wrong') });
      assertOAuthError(viaBasic, 401, 'invalid_client');
      assert.equal(viaBasic.headers.get('www-authenticate'), 'Basic realm="signups"');
    });

    test(`${path}: an unknown client is invalid_client`, async () => {
      const s = server();
      const res = await requestToken(s, path, { grant_type: 'client_credentials', client_id: 'no-such-client', client_secret: 'secret' });
      const body = assertOAuthError(res, 401, 'invalid_client');
      assert.ok(res.headers.get('www-authenticate'));
      // The same answer as a wrong secret, so client ids cannot be probed.
      const known = await s.client();
      const wrong = await requestToken(s, path, { grant_type: 'client_credentials', client_id: known.id, client_secret: 'secret' });
      assert.deepEqual(wrong.body, body);
    });

    test(`${path}: no client authentication at all is invalid_client`, async () => {
      const s = server();
      const res = await requestToken(s, path, { grant_type: 'client_credentials' });
      assertOAuthError(res, 401, 'invalid_client');
      assert.equal(res.headers.get('www-authenticate'), 'Basic realm="signups"');
    });
  }

  test('a grant type other than client_credentials is unsupported_grant_type', async () => {
    const s = server();
    const client = await s.client();
    for (const grant of ['password', 'authorization_code', 'refresh_token']) {
      const res = await requestToken(s, '/oauth2/token', { grant_type: grant, client_id: client.id, client_secret: client.secret });
      assertOAuthError(res, 400, 'unsupported_grant_type');
    }
  });

  test('a missing grant_type is invalid_request', async () => {
    const s = server();
    const client = await s.client();
    for (const path of TOKEN_PATHS) {
      const res = await requestToken(s, path, { client_id: client.id, client_secret: client.secret });
      assertOAuthError(res, 400, 'invalid_request');
    }
  });

  test('a scope the client does not hold is invalid_scope', async () => {
    const s = server();
    const client = await s.client(['partner:describe']);
    const res = await requestToken(s, '/oauth2/token', {
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: client.secret,
      scope: 'partner:describe partner:create',
    });
    const body = assertOAuthError(res, 400, 'invalid_scope');
    assert.match(body.error_description ?? '', /partner:create/);
    assert.doesNotMatch(body.error_description ?? '', /partner:describe/);
  });

  test('asking for a subset of the scopes narrows the token', async () => {
    const s = server();
    const client = await s.client(['partner:create', 'partner:describe']);
    const res = await requestToken(s, '/oauth2/token', {
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: client.secret,
      scope: 'partner:describe',
    });
    const token = assertToken(res, 'partner:describe');
    assert.equal(decodeJwt(token.access_token).scope, 'partner:describe');
    const read = await call(s, 'GET', '/partner/v2/organizations', { token: token.access_token });
    assert.equal(read.status, 200, read.text);
    const write = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { token: token.access_token, json: signupBody() });
    assert.equal(write.status, 403, write.text);
    assert.equal(write.body.errors[0]?.code, 'user_unauthorized');
  });

  test('a JSON body is 415 with an OAuth2 error body', async () => {
    const s = server();
    const client = await s.client();
    for (const path of TOKEN_PATHS) {
      const res = await call<OAuthErrorBody>(s, 'POST', path, {
        json: { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret },
      });
      assertOAuthError(res, 415, 'invalid_request');
    }
  });

  test('credentials in both the Authorization header and the form are invalid_request', async () => {
    const s = server();
    const client = await s.client();
    const res = await requestToken(
      s,
      '/oauth2/token',
      { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret },
      { authorization: basic(client.id, client.secret) },
    );
    assertOAuthError(res, 400, 'invalid_request');
  });

  test('a repeated parameter is invalid_request (RFC 6749 §3.2)', async () => {
    const s = server();
    const client = await s.client();
    const res = await call<OAuthErrorBody>(s, 'POST', '/oauth2/token', {
      body: `grant_type=client_credentials&grant_type=password&client_id=${client.id}&client_secret=${client.secret}`,
      headers: { 'content-type': FORM },
    });
    assertOAuthError(res, 400, 'invalid_request');
  });

  test('a form client_id that differs from the Basic client is invalid_request', async () => {
    const s = server();
    const [client, other] = [await s.client(), await s.client()];
    const res = await requestToken(s, '/oauth2/token', { grant_type: 'client_credentials', client_id: other.id }, { authorization: basic(client.id, client.secret) });
    assertOAuthError(res, 400, 'invalid_request');
  });

  test('an empty scope asks for the client’s registered scopes', async () => {
    const s = server();
    const client = await s.client(['partner:describe']);
    assertToken(await requestToken(s, '/oauth2/token', { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret, scope: '' }), 'partner:describe');
  });

  test('a malformed Basic header is invalid_client', async () => {
    const s = server();
    const res = await requestToken(s, '/oauth2/token', { grant_type: 'client_credentials' }, { authorization: 'Basic !!!' });
    assertOAuthError(res, 401, 'invalid_client');
    assert.equal(res.headers.get('www-authenticate'), 'Basic realm="signups"');
  });

  // Last: it destroys the database of the suite's server.
  describe('unexpected faults', () => {
    test('a failing database is 500 server_error without internals', async () => {
      const s = server();
      const client = await s.client();
      await s.store.db.destroy();
      const res = await requestToken(s, '/oauth2/token', { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret });
      const body = assertOAuthError(res, 500, 'server_error');
      assert.deepEqual(Object.keys(body).sort(), ['error', 'error_description']);
      assert.doesNotMatch(res.text, /kysely|sqlite|postgres|driver|destroyed|\bat [^\s]+ \(/i);
    });
  });
});

describeEachDialect(
  'OAuth2 token endpoint: rate limits',
  (server) => {
    test('token requests beyond the limit are 429 temporarily_unavailable with Retry-After', async () => {
      const s = server();
      const client = await s.client();
      const form = { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret };
      for (let i = 0; i < 2; i++) assertToken(await requestToken(s, '/oauth2/token', form), 'partner:create partner:describe');
      const limited = await requestToken(s, '/oauth2/token', form);
      assertOAuthError(limited, 429, 'temporarily_unavailable');
      assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${limited.headers.get('retry-after')}`);
    });
  },
  { rateLimit: { max: 2, windowMs: 60_000 } },
);
