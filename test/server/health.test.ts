import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, type Answer, type FailureBody } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';

function assertFailure(res: Answer<unknown>, statuses: readonly number[]): void {
  assert.ok(statuses.includes(res.status), `status ${res.status}: ${res.text}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = res.body as FailureBody;
  assert.deepEqual(Object.keys(body), ['errors'], res.text);
  assert.equal(body.errors.length, 1);
  const [error] = body.errors;
  assert.ok(error);
  assert.equal(error.status, String(res.status));
  assert.equal(error.id, res.headers.get('x-request-id'));
  assert.ok(error.title && error.title.length > 0);
  assert.ok(error.detail && error.detail.length > 0);
}

describeEachDialect('health and unknown routes', (server) => {
  test('GET /healthz is 200 {status:"ok"} without a token', async () => {
    const s = server();
    const res = await call(s, 'GET', '/healthz');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { status: 'ok' });
    assert.ok(res.headers.get('x-request-id'));
  });

  test('GET /readyz is 200 and names the database dialect', async () => {
    const s = server();
    const res = await call(s, 'GET', '/readyz');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { status: 'ok', database: s.dialect });
  });

  test('health checks are not rate limited', async () => {
    const s = server();
    const res = await call(s, 'GET', '/healthz');
    assert.equal(res.headers.get('x-ratelimit-limit'), null);
  });

  test('an unknown route is a 404 Failure', async () => {
    const s = server();
    for (const path of ['/nope', '/partner/v2/nothing-here', '/partner/v3/signup?x=1']) {
      const res = await call<FailureBody>(s, 'GET', path);
      assertFailure(res, [404]);
      assert.equal(res.body.errors[0]?.title, 'Not Found');
      assert.doesNotMatch(res.body.errors[0]?.detail ?? '', /\?x=1/, 'the query is not echoed');
    }
  });

  test('a known path with the wrong method is 404 or 405 in the Failure envelope, never 500', async () => {
    const s = server();
    const token = await s.token();
    for (const [method, path] of [
      ['GET', '/partner/v2/signup'],
      ['DELETE', '/partner/v2/entitlements'],
      ['PUT', '/partner/v2/organizations'],
      ['POST', '/healthz'],
    ] as const) {
      const res = await call(s, method, path, { token });
      assertFailure(res, [404, 405]);
    }
  });

  test('the token path with the wrong method answers in the OAuth2 error format', async () => {
    const s = server();
    const res = await call<{ error?: string; error_description?: string }>(s, 'GET', '/oauth2/token');
    assert.ok([404, 405].includes(res.status), `status ${res.status}: ${res.text}`);
    assert.equal(res.body.error, 'invalid_request');
    assert.equal(typeof res.body.error_description, 'string');
  });
});

describeEachDialect('readiness without a database', (server) => {
  test('GET /readyz is 503 {status:"unavailable"} once the database is gone, while /healthz stays 200', async () => {
    const s = server();
    await s.store.db.destroy();
    const ready = await call(s, 'GET', '/readyz');
    assert.equal(ready.status, 503, ready.text);
    assert.deepEqual(ready.body, { status: 'unavailable', database: s.dialect });
    const live = await call(s, 'GET', '/healthz');
    assert.equal(live.status, 200, live.text);
    assert.deepEqual(live.body, { status: 'ok' });
  });
});
