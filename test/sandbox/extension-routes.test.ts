// Our extensions under /_signups/ that are API operations (not sandbox controls) are journaled and can be faulted
// like any other call; the sandbox controls beside them still are neither.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, type FailureBody } from '../helpers/http.js';
import { describeEachSandbox, PARTNER_SCOPES, partnerSignup } from './support.js';

describeEachSandbox('sandbox journal and faults on the partner extensions', (server) => {
  test('a read of an organization’s users is journaled and can be faulted by its operationId', async () => {
    const s = server();
    await s.admin.clearRequests();
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    const created = await call<{ organization_id: string }>(s, 'POST', '/partner/v2/signup', { token, json: partnerSignup() });
    assert.equal(created.status, 201, created.text);
    const path = `/_signups/v1/partner/organizations/${created.body.organization_id}/users`;

    assert.equal((await call(s, 'GET', path, { token })).status, 200);
    const fault = await s.admin.addFault({ operationId: 'listPartnerOrganizationUsers', status: 503, times: 1 });
    const faulted = await call<FailureBody>(s, 'GET', path, { token });
    assert.equal(faulted.status, 503, faulted.text);
    assert.equal(faulted.body.errors[0]?.status, '503');
    assert.equal(faulted.body.errors[0]?.id, faulted.headers.get('x-request-id'));
    assert.equal((await call(s, 'GET', path, { token })).status, 200, 'used up: the operation runs again');

    const entries = await s.admin.requests({ operationId: 'listPartnerOrganizationUsers' });
    assert.deepEqual(
      entries.map((e) => [e.path, e.status, e.injectedFault, e.clientId]),
      [
        [path, 200, null, partner.clientId],
        [path, 503, fault.id, partner.clientId],
        [path, 200, null, partner.clientId],
      ],
    );
    assert.equal((entries[0]?.responseBody as { signup_complete: boolean }).signup_complete, true);
    const all = await s.admin.requests();
    assert.ok(!all.some((e) => /^\/_signups\/v1\/(clock|requests|faults)/.test(e.path)), 'the sandbox controls are not journaled');
  });
});
