import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LinkTokens } from '../../src/identity/link-tokens.js';
import { storedClock } from '../../src/sandbox/sandbox-clock.js';
import { openStore } from '../../src/store/database.js';
import { getOrCreateSecret } from '../../src/store/settings.js';
import { call, type FailureBody } from '../helpers/http.js';
import { describeEachSandbox, PARTNER_SCOPES, partnerSignup } from './support.js';

describeEachSandbox('sandbox request journal', (server) => {
  test('newest first, with operation, status, client, duration and bodies; filters; no secret or token stored', async () => {
    const s = server();
    await s.admin.clearRequests();
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const secrets = [partner.clientSecret];
    // Client credentials in a form body and as HTTP Basic, and a token in the answer.
    const form = await call<{ access_token: string }>(s, 'POST', '/oauth2/token', {
      form: { grant_type: 'client_credentials', client_id: partner.clientId, client_secret: partner.clientSecret },
    });
    const token = form.body.access_token;
    const basic = await call<{ access_token: string }>(s, 'POST', '/identity/connect/token', {
      form: { grant_type: 'client_credentials' },
      headers: { authorization: `Basic ${Buffer.from(`${partner.clientId}:${partner.clientSecret}`).toString('base64')}` },
    });
    secrets.push(token, basic.body.access_token);
    const created = await call<{ organization_id: string }>(s, 'POST', '/partner/v2/signup', { token, json: partnerSignup() });
    assert.equal(created.status, 201);
    const store = openStore(s.databaseUrl);
    const link = await new LinkTokens(await getOrCreateSecret(store.db, 'link_token_key'), await storedClock(store.db)).issue({ organizationId: created.body.organization_id, partnerId: null }, 600);
    await store.close();
    secrets.push(link);
    const { organization, entitlement } = partnerSignup();
    assert.equal((await call(s, 'POST', '/partner/v2/signup/link', { token, json: { token: link, organization, entitlement } })).status, 201);
    const refused = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { token, json: { organization: {} } });
    assert.equal(refused.status, 400);
    assert.equal((await call(s, 'GET', `/partner/v2/organizations/${created.body.organization_id}?password=hunter2`, { token })).status, 200);
    secrets.push('hunter2');

    const entries = await s.admin.requests();
    assert.deepEqual(
      entries.map((e) => [e.method, e.operationId, e.status]),
      [
        ['GET', 'getPartnerV2Organization', 200],
        ['POST', 'signup', 400],
        ['POST', 'signupPartnerV2Link', 201],
        ['POST', 'signup', 201],
        ['POST', 'issueIdentityToken', 200],
        ['POST', 'issueToken', 200],
      ],
    );
    const signup = entries[3];
    assert.ok(signup);
    assert.equal(signup.clientId, partner.clientId);
    assert.equal(signup.path, '/partner/v2/signup');
    assert.ok(signup.durationMs > 0);
    assert.ok(!Number.isNaN(Date.parse(signup.time)));
    assert.equal((signup.requestBody as { entitlement: { plan_id: string } }).entitlement.plan_id, 'confluent-cloud-payg-prod');
    assert.equal((signup.responseBody as { organization_id: string }).organization_id, created.body.organization_id);
    assert.equal((entries[1]?.responseBody as FailureBody).errors[0]?.status, '400');
    assert.equal((entries[5]?.requestBody as { client_secret: string }).client_secret, '[redacted]');
    assert.equal((entries[5]?.responseBody as { access_token: string }).access_token, '[redacted]');
    assert.match(entries[0]?.path ?? '', /password=%5Bredacted%5D/);

    const stored = JSON.stringify(entries);
    for (const secret of secrets) assert.ok(!stored.includes(secret), `a secret or token is in the journal: ${secret.slice(0, 12)}…`);

    assert.deepEqual((await s.admin.requests({ operationId: 'signup' })).map((e) => e.status), [400, 201]);
    assert.deepEqual((await s.admin.requests({ status: 400 })).map((e) => e.operationId), ['signup']);
    assert.equal((await s.admin.requests({ clientId: partner.clientId })).length, 4);
    assert.equal((await s.admin.requests({ limit: 2 })).length, 2);
    assert.ok(!(await s.admin.requests()).some((e) => e.path.startsWith('/_signups/')), 'sandbox calls are not journaled');

    await s.admin.clearRequests();
    assert.deepEqual(await s.admin.requests(), []);
  });
});

describeEachSandbox(
  'sandbox request journal bound',
  (server) => {
    test('keeps only the last N requests', async () => {
      const s = server();
      for (let i = 0; i < 8; i += 1) await call(s, 'GET', `/healthz?n=${i}`);
      const res = await call<{ requests: Array<{ path: string }>; size: number; capacity: number }>(s, 'GET', '/_signups/v1/requests', {
        token: await (await s.createClient({ name: 'ops', scopes: ['signups:admin'] })).token(),
      });
      assert.equal(res.body.capacity, 5);
      assert.equal(res.body.size, 5);
      assert.deepEqual(
        res.body.requests.map((e) => e.path),
        ['/oauth2/token', '/healthz?n=7', '/healthz?n=6', '/healthz?n=5', '/healthz?n=4'],
      );
    });
  },
  { env: { SIGNUPS_JOURNAL_SIZE: '5' } },
);
