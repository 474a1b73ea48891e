import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SandboxAdminError } from '../../src/index.js';
import { call, type FailureBody } from '../helpers/http.js';
import { activeSignup, describeEachSandbox, newStream, newTenant, PARTNER_SCOPES, partnerSignup } from './support.js';

describeEachSandbox('sandbox faults', (server) => {
  test('by operationId: the partner Failure envelope, the operation does not run, the journal marks it', async () => {
    const s = server();
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    const fault = await s.admin.addFault({ operationId: 'signup', status: 503 });
    assert.equal(fault.probability, 1);
    assert.equal(fault.remaining, null);
    const body = partnerSignup();
    const res = await call<FailureBody>(s, 'POST', '/partner/v2/signup', { token, json: body });
    assert.equal(res.status, 503);
    assert.equal(res.body.errors[0]?.status, '503');
    assert.equal(res.body.errors[0]?.id, res.headers.get('x-request-id'));
    await s.admin.removeFault(fault.id);
    const list = await call<{ data: unknown[] }>(s, 'GET', '/partner/v2/entitlements', { token });
    assert.deepEqual(list.body.data, [], 'the faulted signup created nothing');
    const [entry] = await s.admin.requests({ operationId: 'signup' });
    assert.equal(entry?.injectedFault, fault.id);
    assert.equal(entry?.status, 503);
    assert.equal((await call(s, 'POST', '/partner/v2/signup', { token, json: body })).status, 201, 'removed: the operation runs');
  });

  test('by client: only that client is faulted; times: used up after N, then removed', async () => {
    const s = server();
    const a = await s.createClient({ name: 'a', scopes: PARTNER_SCOPES });
    const b = await s.createClient({ name: 'b', scopes: PARTNER_SCOPES });
    const [ta, tb] = [await a.token(), await b.token()];
    const fault = await s.admin.addFault({ clientId: a.clientId, method: 'get', pathPattern: '^/partner/v2/entitlements$', status: 500, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await call(s, 'GET', '/partner/v2/entitlements', { token: ta })).status);
      assert.equal((await call(s, 'GET', '/partner/v2/entitlements', { token: tb })).status, 200);
    }
    assert.deepEqual(statuses, [500, 500, 200]);
    assert.equal((await call(s, 'GET', '/partner/v2/organizations', { token: ta })).status, 200, 'another path is not faulted');
    assert.deepEqual(await s.admin.faults(), [], 'a used-up fault is gone');
    const removed = await s.admin.removeFault(fault.id).catch((error: SandboxAdminError) => error);
    assert.equal((removed as SandboxAdminError).status, 404);
  });

  test('probability with a seed picks the same requests every run', async () => {
    const s = server();
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    const pattern = async () => {
      const fault = await s.admin.addFault({ operationId: 'listPartnerV2Entitlements', status: 502, probability: 0.5, seed: 42 });
      const out: number[] = [];
      for (let i = 0; i < 24; i += 1) out.push((await call(s, 'GET', '/partner/v2/entitlements', { token })).status);
      await s.admin.removeFault(fault.id);
      return out;
    };
    const first = await pattern();
    const second = await pattern();
    assert.deepEqual(second, first);
    const faulted = first.filter((x) => x === 502).length;
    assert.ok(faulted > 3 && faulted < 21, `about half faulted: ${first.join(',')}`);
    const never = await s.admin.addFault({ operationId: 'listPartnerV2Entitlements', status: 502, probability: 0 });
    for (let i = 0; i < 5; i += 1) assert.equal((await call(s, 'GET', '/partner/v2/entitlements', { token })).status, 200);
    await s.admin.removeFault(never.id);
  });

  test('a delay holds the answer, then the operation runs', async () => {
    const s = server();
    const partner = await s.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
    const token = await partner.token();
    await s.admin.addFault({ operationId: 'listPartnerV2Organizations', delayMs: 400, times: 1 });
    const started = performance.now();
    const slow = await call(s, 'GET', '/partner/v2/organizations', { token });
    assert.equal(slow.status, 200);
    assert.ok(performance.now() - started >= 390, 'delayed');
    const [entry] = await s.admin.requests({ operationId: 'listPartnerV2Organizations' });
    assert.ok((entry?.durationMs ?? 0) >= 390);
    assert.ok(entry?.injectedFault);
  });

  test('in the AVEVA error body with Operation-Id, and a 429 with the rate-limit headers, on every API', async () => {
    const s = server();
    const t = await newTenant(s);
    await newStream(t, 'valve-1');
    const signup = await activeSignup(s, t, ['valve-1']);
    await s.admin.addFault({ operationId: 'getUpdates', status: 429, times: 1 });
    const limited = await t.call<{ OperationId: string; Error: string }>('GET', `/signups/${signup.id}/updates?bookmark=${signup.bookmark}`);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('operation-id'), limited.body.OperationId);
    assert.ok(limited.body.Error);
    for (const header of ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) assert.ok(limited.headers.get(header), header);
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    assert.equal((await t.call('GET', `/signups/${signup.id}/updates?bookmark=${signup.bookmark}`)).status, 200);

    await s.admin.addFault({ operationId: 'issueToken', status: 503, times: 1 });
    const token = await call<object>(s, 'POST', '/oauth2/token', { form: { grant_type: 'client_credentials' } });
    assert.equal(token.status, 503);
    assert.match(token.headers.get('content-type') ?? '', /json/);
    assert.deepEqual(Object.keys(token.body).sort(), ['error', 'error_description']);
  });
});

describeEachSandbox('sandbox fault refusals', (server) => {
  test('bad faults are 400 and add nothing', async () => {
    const s = server();
    const token = await (await s.createClient({ name: 'ops', scopes: ['signups:admin'] })).token();
    const bad = [{}, { operationId: 'signup' }, { status: 200 }, { status: 600 }, { delayMs: -1 }, { status: 500, probability: 2 }, { status: 500, pathPattern: '(' }, { status: 500, times: 0 }, { status: 500, method: 'BREW' }, { status: 500, extra: 1 }];
    for (const json of bad) {
      const res = await call<FailureBody>(s, 'POST', '/_signups/v1/faults', { token, json });
      assert.equal(res.status, 400, `${JSON.stringify(json)}: ${res.text}`);
      assert.equal(res.body.errors[0]?.status, '400');
    }
    assert.deepEqual(await s.admin.faults(), []);
    const unknown = await call<FailureBody>(s, 'DELETE', '/_signups/v1/faults/nope', { token });
    assert.equal(unknown.status, 404);
  });

  test('a fault never touches the sandbox routes', async () => {
    const s = server();
    await s.admin.addFault({ pathPattern: '.*', status: 503 });
    assert.equal((await s.admin.faults()).length, 1);
    await s.admin.clearFaults();
    assert.deepEqual(await s.admin.faults(), []);
  });
});
