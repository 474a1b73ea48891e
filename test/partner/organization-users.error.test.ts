// Bad requests for an organization's users: the partner Failure envelope, never a 500.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, type FailureBody } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';

describeEachDialect('partner extensions errors: an organization’s users', (server) => {
  test('an organization that does not exist is 404 naming it', async () => {
    const s = server();
    const token = await s.token();
    const res = await call<FailureBody>(s, 'GET', '/_signups/v1/partner/organizations/org-nope/users', { token });
    assert.equal(res.status, 404, res.text);
    assert.equal(res.body.errors[0]?.status, '404');
    assert.equal(res.body.errors[0]?.detail, "The organization 'org-nope' was not found");
    assert.equal(res.body.errors[0]?.id, res.headers.get('x-request-id'));
  });

  test('an id longer than the document allows is 400 on the path parameter', async () => {
    const s = server();
    const token = await s.token();
    const res = await call<FailureBody>(s, 'GET', `/_signups/v1/partner/organizations/${'o'.repeat(256)}/users`, { token });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.errors[0]?.status, '400');
    assert.ok(res.body.errors[0]?.detail);
  });

  test('a method the document does not declare is 404 in the Failure envelope', async () => {
    const s = server();
    const token = await s.token();
    const res = await call<FailureBody>(s, 'POST', '/_signups/v1/partner/organizations/org-x/users', { token, json: {} });
    assert.equal(res.status, 404, res.text);
    assert.equal(res.body.errors[0]?.status, '404');
  });
});
