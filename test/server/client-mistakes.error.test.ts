import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { signupBody } from '../helpers/fixtures.js';
import { call, type Answer, type FailureBody } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';
import { storeDigest } from '../helpers/store-digest.js';
import { assertSdsError, type SdsTenant, sdsTenant, simpleType, typeAndStream } from '../sds/sds-fixtures.js';

function assertFailure(res: Answer, status: number): FailureBody {
  assert.equal(res.status, status, res.text);
  const body = res.body as FailureBody;
  assert.ok(Array.isArray(body.errors) && body.errors.length > 0, `Failure envelope: ${res.text}`);
  for (const e of body.errors) assert.equal(e.status, String(status));
  return body;
}

/** Raw bytes on a fresh connection; resolves with everything the server wrote before closing. */
function raw(url: string, bytes: string | Buffer, options: { endAfterMs?: number } = {}): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(bytes);
    setTimeout(() => socket.end(), options.endAfterMs ?? 300).unref();
  });
}

/** Polls the signup until background work has activated it (each poll records a query, so poll before a snapshot). */
async function waitForActive(t: SdsTenant, id: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const res = await t.call<{ signupState: string }>('GET', `/signups/${id}`);
    if (res.body.signupState === 'Active') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('signup did not activate');
}

const statusOf = (response: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
const bodyOf = (response: string): string => response.slice(response.indexOf('\r\n\r\n') + 4);

describeEachDialect(
  'a client\'s mistakes are 4xx in the API\'s own format and change nothing',
  (server) => {
    test('a NUL byte is refused with 400 naming the field, on the token endpoint, in ids, queries and bodies', async () => {
      const s = server();
      const before = await storeDigest(s.store);
      const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
        call(s, 'POST', '/oauth2/token', {
          body: new URLSearchParams(fields).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        });
      const byForm = await form({ grant_type: 'client_credentials', client_id: 'a\u0000b', client_secret: 'x' });
      assert.equal(byForm.status, 400, byForm.text);
      assert.equal((byForm.body as { error: string }).error, 'invalid_request');
      assert.match((byForm.body as { error_description: string }).error_description, /client_id/);
      const basic = Buffer.from('a%00b:x').toString('base64');
      const byBasic = await form({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
      assert.equal(byBasic.status, 400, byBasic.text);
      assert.match((byBasic.body as { error_description: string }).error_description, /client_id/);

      const token = await s.mintToken();
      const org = assertFailure(await call(s, 'GET', '/partner/v2/organizations/a%00b', { token }), 400);
      assert.equal(org.errors[0]?.source?.parameter, 'id');
      const filter = assertFailure(await call(s, 'GET', '/partner/v2/entitlements?organization.id=%00', { token }), 400);
      assert.equal(filter.errors[0]?.source?.parameter, 'organization.id');
      const body = signupBody();
      body.entitlement.external_id = 'ext-\u0000';
      const signup = assertFailure(await call(s, 'POST', '/partner/v2/signup', { token, json: body }), 400);
      assert.deepEqual(
        signup.errors.map((e) => e.source?.pointer),
        ['/entitlement/external_id'],
      );

      const t = await sdsTenant(s);
      const sdsBefore = await storeDigest(s.store);
      for (const path of ['/Types/a%00b', '/Streams/a%00b', '/Streams/a%00b/Data', '/signups/a%00b']) {
        const res = await t.call('GET', path);
        const error = assertSdsError(res, 400);
        assert.ok(Object.keys(error.Parameters).some((k) => /Id$/i.test(k)), res.text);
      }
      const type = assertSdsError(await t.call('POST', '/Types/T1', { json: { ...simpleType('T1'), Name: 'a\u0000' } }), 400);
      assert.ok('/Name' in type.Parameters, JSON.stringify(type));
      assertSdsError(await t.call('POST', '/signups', { json: { Name: 'n', ResourceType: 'Stream', ResourceIds: ['s\u0000'] } }), 400);
      assertSdsError(await call(s, 'GET', `/api/v1/Tenants/${t.tenantId}%00/Namespaces/${t.namespaceId}/Types`, { token: t.token }), 400);
      assert.equal(await storeDigest(s.store), sdsBefore);
      assert.ok(before !== sdsBefore); // the tenant's namespace was created in between
    });

    test('sso_config that is not an object is a 400 at /organization/sso_config, on signup and link', async () => {
      const s = server();
      const token = await s.mintToken();
      const before = await storeDigest(s.store);
      for (const value of [[], 'x', 1, null, true]) {
        const body = { ...signupBody(), organization: { name: 'Acme', sso_config: value } };
        const res = assertFailure(await call(s, 'POST', '/partner/v2/signup', { token, json: body }), 400);
        assert.ok(res.errors.some((e) => e.source?.pointer === '/organization/sso_config'), JSON.stringify(res));
        const link = { token: 'x', organization: { sso_config: value }, entitlement: signupBody().entitlement };
        const linked = assertFailure(await call(s, 'POST', '/partner/v2/signup/link', { token, json: link }), 400);
        assert.ok(linked.errors.some((e) => e.source?.pointer === '/organization/sso_config'), JSON.stringify(linked));
      }
      assert.equal(await storeDigest(s.store), before);
    });

    test('bodies are validated as written: no number, boolean, null or scalar is coerced into another type', async () => {
      const s = server();
      const token = await s.mintToken();
      const before = await storeDigest(s.store);
      const numeric = signupBody() as unknown as { entitlement: Record<string, unknown>; organization: Record<string, unknown> };
      numeric.entitlement.external_id = 12345;
      numeric.organization.name = true;
      const res = assertFailure(await call(s, 'POST', '/partner/v2/signup', { token, json: numeric }), 400);
      assert.deepEqual(res.errors.map((e) => e.source?.pointer).sort(), ['/entitlement/external_id', '/organization/name']);

      const t = await sdsTenant(s);
      await typeAndStream(t, 's1');
      const created = await t.call<{ id: string }>('POST', '/signups', { json: { Name: 'n', ResourceType: 'Stream', ResourceIds: ['s1'] } });
      assert.equal(created.status, 202, created.text);
      await waitForActive(t, created.body.id);
      const sdsBefore = await storeDigest(s.store);
      assertSdsError(await t.call('POST', '/signups', { json: { Name: 'n', ResourceType: 'Stream', ResourceIds: 's1' } }), 400);
      assertSdsError(await t.call('PUT', `/signups/${created.body.id}`, { json: { Name: null } }), 400);
      assertSdsError(await t.call('PUT', `/signups/${created.body.id}`, { json: { Name: 7 } }), 400);
      assert.equal(await storeDigest(s.store), sdsBefore);
      // Query strings are still read as their declared types.
      const page = await t.call('GET', '/signups?skip=0&count=5');
      assert.equal(page.status, 200, page.text);
      assert.ok(before.length > 0);
    });

    test('skip and count out of range are 400, never an overflow', async () => {
      const s = server();
      const t = await sdsTenant(s);
      await typeAndStream(t, 's1');
      const created = await t.call<{ id: string }>('POST', '/signups', { json: { Name: 'n', ResourceType: 'Stream', ResourceIds: ['s1'] } });
      for (const value of ['1e300', '1e20', 'Infinity', '-1', '9007199254740993', '2147483648', 'NaN']) {
        for (const path of ['/signups', `/signups/${created.body.id}/resources`, '/Types', '/Streams']) {
          const res = await t.call('GET', `${path}?skip=${value}`);
          const error = assertSdsError(res, 400);
          assert.ok('skip' in error.Parameters, res.text);
        }
      }
      const ok = await t.call('GET', '/Types?skip=2147483647');
      assert.equal(ok.status, 200, ok.text);
    });

    test('a deeply nested body is a 400 before anything recurses over it', async () => {
      const s = server();
      const t = await sdsTenant(s);
      await typeAndStream(t, 'deep');
      const token = await s.mintToken();
      const before = await storeDigest(s.store);
      const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
      for (const [method, path, body] of [
        ['POST', '/Streams/deep/Data', `[{"Timestamp":"2026-01-01T00:00:00Z","Value":${deep}}]`],
        ['POST', '/Types/Deep', `{"Id":"Deep","Properties":${deep}}`],
        ['POST', '/Streams/deep2', `{"Id":"deep2","TypeId":"SimpleType","Description":${deep}}`],
        ['POST', '/signups', `{"Name":${deep}}`],
      ] as const) {
        const error = assertSdsError(await t.call(method, path, { body, headers: { 'content-type': 'application/json' } }), 400);
        assert.match(error.Error, /nest/i);
      }
      const partner = assertFailure(
        await call(s, 'POST', '/partner/v2/signup', { token, body: `{"organization":${deep}}`, headers: { 'content-type': 'application/json' } }),
        400,
      );
      assert.match(partner.errors[0]?.detail ?? '', /nest/i);
      assert.equal(await storeDigest(s.store), before);
    });

    test('a body with thousands of violations gets a short answer that says how many were left out', async () => {
      const s = server();
      const t = await sdsTenant(s);
      const items = Array.from({ length: 20_000 }, () => 1);
      const started = performance.now();
      const res = await t.call('PUT', '/Streams/s1/AccessControl', { json: { RoleTrusteeAccessControlEntries: items } });
      const elapsed = performance.now() - started;
      const error = assertSdsError(res, 400);
      assert.ok(res.text.length < 20_000, `answer of ${res.text.length} bytes`);
      assert.match(error.Reason, /more/);
      assert.ok(elapsed < 2000, `${elapsed} ms`);
      const token = await s.mintToken();
      const body = { ...signupBody(), extra: items };
      const partner = assertFailure(await call(s, 'POST', '/partner/v2/signup', { token, json: body }), 400);
      assert.ok(partner.errors.length <= 51);
    });

    test('framing errors answer in the API\'s envelope: huge headers, many headers, bad framing, no Host', async () => {
      const s = server();
      const big = await raw(s.url, `GET /partner/v2/organizations HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      assert.equal(statusOf(big), 431, big.slice(0, 200));
      assert.ok(Array.isArray((JSON.parse(bodyOf(big)) as FailureBody).errors), big);
      const many = Array.from({ length: 3000 }, (_, i) => `X-H${i}: v\r\n`).join('');
      const lots = await raw(s.url, `GET /api/v1/Tenants/t/Namespaces/n/Types HTTP/1.1\r\nHost: x\r\n${many}\r\n`);
      assert.equal(statusOf(lots), 431, lots.slice(0, 200));
      assert.ok('OperationId' in (JSON.parse(bodyOf(lots)) as object), lots);
      const framing = await raw(s.url, 'GET /partner/v2/organizations HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n');
      assert.equal(statusOf(framing), 400, framing);
      assert.ok(Array.isArray((JSON.parse(bodyOf(framing)) as FailureBody).errors), framing);
      const hostless = await raw(s.url, 'GET /partner/v2/organizations HTTP/1.1\r\n\r\n');
      assert.equal(statusOf(hostless), 400, hostless);
      const failure = JSON.parse(bodyOf(hostless)) as FailureBody;
      assert.match(failure.errors[0]?.detail ?? '', /Host/);
    });

    test('an oversized body is read and answered with 413, which fetch receives', async () => {
      const s = server();
      const token = await s.mintToken();
      const t = await sdsTenant(s);
      const before = await storeDigest(s.store);
      const huge = JSON.stringify({ ...signupBody(), pad: 'x'.repeat(2_000_000) });
      const res = await call(s.url, 'POST', '/partner/v2/signup', { token, body: huge, headers: { 'content-type': 'application/json' } });
      assertFailure(res, 413);
      const chunked = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 40; i += 1) controller.enqueue(new Uint8Array(50_000).fill(32));
          controller.close();
        },
      });
      const streamed = await fetch(`${s.url}${t.path('/Streams/s/Data')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
        body: chunked,
        duplex: 'half',
      } as RequestInit);
      assert.equal(streamed.status, 413);
      assert.ok('OperationId' in ((await streamed.json()) as object));
      assert.equal(await storeDigest(s.store), before);
    });
  },
  { rateLimit: { max: 100_000, windowMs: 60_000 } },
);
