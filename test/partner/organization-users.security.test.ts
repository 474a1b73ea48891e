// Who may read an organization's users: a partner with partner:describe, for its own organizations only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signupBody } from '../helpers/fixtures.js';
import { call, type FailureBody } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';

const usersPath = (organizationId: string) => `/_signups/v1/partner/organizations/${encodeURIComponent(organizationId)}/users`;

/** A Failure envelope with one problem, its id the request id. */
function failure(res: { status: number; body: unknown; headers: Headers; text: string }, status: number) {
  assert.equal(res.status, status, res.text);
  const body = res.body as FailureBody;
  assert.equal(body.errors.length, 1, res.text);
  const [error] = body.errors;
  assert.equal(error?.status, String(status));
  assert.equal(error?.id, res.headers.get('x-request-id'));
  return error;
}

describeEachDialect('partner extensions security: an organization’s users', (server) => {
  test('another partner’s organization is 404, exactly as the partner API answers for it', async () => {
    const s = server();
    const owner = await s.token();
    const created = await call<{ organization_id: string }>(s, 'POST', '/partner/v2/signup', { token: owner, json: signupBody() });
    assert.equal(created.status, 201, created.text);
    const id = created.body.organization_id;
    const stranger = await s.token();

    const users = await call<FailureBody>(s, 'GET', usersPath(id), { token: stranger });
    const error = failure(users, 404);
    assert.match(error?.detail ?? '', new RegExp(id));
    assert.doesNotMatch(users.text, /Ada|Lovelace|@example\.com/, 'nothing of the users leaks');
    const organization = await call<FailureBody>(s, 'GET', `/partner/v2/organizations/${id}`, { token: stranger });
    const strip = (body: FailureBody) => body.errors.map(({ id: _id, ...rest }) => rest);
    assert.deepEqual(strip(users.body), strip(organization.body), 'the same answer as GET /partner/v2/organizations/{id}');
  });

  test('no credentials: 401 with the bearer challenge; wrong Basic credentials: 401', async () => {
    const s = server();
    const anonymous = await call(s, 'GET', usersPath('org-x'));
    assert.equal(failure(anonymous, 401)?.code, 'user_unauthenticated');
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer realm="signups"/);
    const partner = await s.client();
    const wrong = await call(s, 'GET', usersPath('org-x'), { headers: { authorization: `Basic ${Buffer.from(`${partner.id}:not-the-secret`).toString('base64')}` } });
    assert.equal(failure(wrong, 401)?.code, 'user_unauthenticated');
    const garbage = await call(s, 'GET', usersPath('org-x'), { token: 'not-a-jwt' });
    failure(garbage, 401);
  });

  test('a token without partner:describe is 403, even for the partner’s own organization', async () => {
    const s = server();
    const partner = await s.client(['partner:create']);
    const basic = { authorization: `Basic ${Buffer.from(`${partner.id}:${partner.secret}`).toString('base64')}` };
    const created = await call<{ organization_id: string }>(s, 'POST', '/partner/v2/signup', { headers: basic, json: signupBody() });
    assert.equal(created.status, 201, created.text);
    const forbidden = await call(s, 'GET', usersPath(created.body.organization_id), { headers: basic });
    const error = failure(forbidden, 403);
    assert.equal(error?.code, 'user_unauthorized');
    assert.match(error?.detail ?? '', /partner:describe/);
  });

  test('a tenant client (Change Broker) has no partner scope: 403', async () => {
    const s = server();
    const { token } = await s.tenantToken('tenant-users');
    failure(await call(s, 'GET', usersPath('org-x'), { token }), 403);
  });
});
