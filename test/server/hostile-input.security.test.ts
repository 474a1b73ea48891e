import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignJWT } from 'jose';
import { currentSigningKey } from '../../src/identity/signing-keys.js';
import { loadDocument, type OpenApiDocument } from '../../src/server/spec.js';
import { addStream, api, changeBrokerConfig, newSpace, runJobs, type Signup, type Space } from '../change-broker/support.js';
import { call } from '../helpers/http.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { storeDigest } from '../helpers/store-digest.js';

// Every route of the documents a default server serves (the sandbox routes exist only with --sandbox).
const DOCUMENTS = [
  ['partner-v2.yaml', 'partner'],
  ['partner-extensions-v1.yaml', 'partner'],
  ['sds-v1.yaml', 'aveva'],
  ['change-broker-v1.yaml', 'aveva'],
  ['change-broker-push-v1.yaml', 'aveva'],
  ['identity-v1.yaml', 'oauth2'],
] as const;
type Format = (typeof DOCUMENTS)[number][1];

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; oneOf?: Schema[]; anyOf?: Schema[] };

interface Operation {
  method: string;
  path: string;
  format: Format;
  pathParams: string[];
  queryParams: string[];
  body: Schema | undefined;
  contentType: string | undefined;
  /** Its answer is a live update stream (text/event-stream), which stays open. */
  streams: boolean;
}

function resolve(doc: OpenApiDocument, schema: Schema | undefined, depth = 0): Schema | undefined {
  if (!schema || depth > 8) return schema;
  if (schema.$ref) {
    const target = schema.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc) as Schema;
    return resolve(doc, target, depth + 1);
  }
  return schema;
}

function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [file, format] of DOCUMENTS) {
    const doc = loadDocument(file);
    for (const [path, item] of Object.entries(doc.paths)) {
      const shared = (item.parameters ?? []) as unknown as Schema[];
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
        const params = [...shared, ...((op.parameters ?? []) as Schema[])].map((p) => resolve(doc, p) as { name: string; in: string });
        const content = (resolve(doc, op.requestBody as Schema) as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
        const contentType = content ? Object.keys(content)[0] : undefined;
        const answers = Object.values((op.responses ?? {}) as Record<string, { content?: Record<string, unknown> }>);
        out.push({
          method: method.toUpperCase(),
          path,
          format,
          pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
          body: contentType ? resolve(doc, content?.[contentType]?.schema) : undefined,
          contentType,
          streams: answers.some((answer) => answer.content !== undefined && 'text/event-stream' in answer.content),
        });
      }
    }
  }
  return out;
}

const HOSTILE_STRINGS = [
  "'; DROP TABLE clients; --",
  "' OR '1'='1",
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  'a\u0000b',
  '\u202e\u{1F4A5}\uFFFF',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  'x'.repeat(2_000),
  ' ',
];
/** Already percent-encoded: invalid UTF-8, overlong and encoded traversal sequences. */
const PRE_ENCODED = ['%ED%A0%80', '%C0%AF', '%FF%FE', '%252e%252e%252f', '%2e%2e%2f%2e%2e%2f'];
const encodedHostile = (): string[] => [...HOSTILE_STRINGS.map(encodeURIComponent), ...PRE_ENCODED];
const HOSTILE_NUMBERS = ['1e300', '-1', 'Infinity', 'NaN', '9007199254740993', '0x10', '[]', '{}', 'true'];
const WRONG_TYPES: unknown[] = [null, true, 12345, -1e308, 'text', [], {}, ['x'], { a: 1 }];

/** Bodies that no schema accepts: every property at each level set to each wrong type, and whole-body shapes. */
function hostileBodies(doc: OpenApiDocument | undefined, schema: Schema | undefined): unknown[] {
  const bodies: unknown[] = [...WRONG_TYPES.filter((v) => !Array.isArray(v) && (typeof v !== 'object' || v === null))];
  bodies.push(`${'['.repeat(5_000)}${']'.repeat(5_000)}`, { '\u0000': 1 }, { a: 'x'.repeat(60_000) });
  const walk = (s: Schema | undefined, build: (value: unknown) => unknown, depth: number) => {
    const resolved = doc ? resolve(doc, s) : s;
    if (!resolved || depth > 3) return;
    const branches = [...(resolved.allOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])];
    for (const b of branches) walk(b, build, depth);
    for (const [name, property] of Object.entries(resolved.properties ?? {})) {
      for (const wrong of WRONG_TYPES) bodies.push(build({ [name]: wrong }));
      bodies.push(build({ [name]: 'bad\u0000value' }));
      walk(property, (inner) => build({ [name]: inner }), depth + 1);
    }
    if (resolved.items) {
      for (const wrong of WRONG_TYPES) bodies.push(build([wrong]));
      walk(resolved.items, (inner) => build([inner]), depth + 1);
    }
  };
  walk(schema, (v) => v, 0);
  return bodies;
}

const INTERNALS = /\n\s+at |node_modules|SQLITE_|syntax error at|relation "|violates |kysely|TypeError|ReferenceError|RangeError|\/work\/|\.ts:\d+|stack/i;

function assertEnvelope(format: Format, status: number, text: string, where: string): void {
  assert.ok(status < 500, `${where}: ${status} ${text.slice(0, 300)}`);
  if (status < 400) return;
  assert.ok(!INTERNALS.test(text), `${where}: internals in ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as Record<string, unknown>;
  const path = where.split(' ')[1] ?? '';
  // Routes answer in their document's format; unknown paths in the format their prefix belongs to.
  if (format === 'oauth2' || /^\/(oauth2|identity)\//.test(path)) {
    if ('error' in body) assert.equal(typeof body.error, 'string', where);
    else assert.ok(Array.isArray(body.errors) || 'OperationId' in body, `${where}: ${text}`);
  } else if (format === 'aveva') {
    for (const field of ['OperationId', 'Error', 'Reason', 'Resolution', 'Parameters']) assert.ok(field in body, `${where}: ${field} in ${text.slice(0, 300)}`);
  } else {
    const errors = body.errors as Array<Record<string, unknown>>;
    assert.ok(Array.isArray(errors) && errors.length > 0, `${where}: ${text.slice(0, 300)}`);
    for (const e of errors) assert.ok(typeof e.id === 'string' && typeof e.status === 'string' && typeof e.detail === 'string', `${where}: ${text.slice(0, 300)}`);
  }
}

interface Fixture {
  space: Space;
  partnerToken: string;
  signupId: string;
  values: Record<string, string>;
}

async function send(s: TestServer, f: Fixture, op: Operation, path: string, options: { query?: string; body?: unknown; token?: string; rawBody?: string } = {}) {
  const headers: Record<string, string> = {};
  const token = options.token ?? (op.format === 'aveva' ? f.space.token : f.partnerToken);
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined || options.body !== undefined) {
    headers['content-type'] = op.contentType ?? 'application/json';
    body =
      options.rawBody ??
      (headers['content-type'] === 'application/x-www-form-urlencoded'
        ? typeof options.body === 'object' && options.body !== null && !Array.isArray(options.body)
          ? new URLSearchParams(Object.entries(options.body).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()
          : JSON.stringify(options.body)
        : JSON.stringify(options.body));
  }
  // As fetch would send it: the URL parsed, so the request target is the one a client of the server's URL sends.
  const url = new URL(`${s.url}${path}${options.query ? `?${options.query}` : ''}`);
  if (!op.streams) {
    const res = await call(s, op.method, `${url.pathname}${url.search}`, { headers, ...(body !== undefined ? { body } : {}) });
    return { status: res.status, text: res.text };
  }
  // Over HTTP: a stream that opened would hold an in-process call until it ended. It is not read to its end.
  const res = await fetch(url, { method: op.method, headers, ...(body !== undefined ? { body } : {}), signal: AbortSignal.timeout(20_000) });
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, text: '' };
  }
  return { status: res.status, text: await res.text() };
}

function fill(path: string, values: Record<string, string>, replace?: { name: string; value: string }): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => (replace?.name === name ? replace.value : encodeURIComponent(values[name] ?? 'x')));
}

describeEachDialect(
  'hostile input on every route: never a 5xx, never internals, the API\'s own envelope, nothing changed',
  (server) => {
    let fixture: Fixture | undefined;
    const setup = async (s: TestServer): Promise<Fixture> => {
      if (fixture) return fixture;
      const space = await newSpace(s);
      await addStream(s, space, 'pump-1');
      const created = await api<Signup>(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: ['pump-1'] });
      await runJobs(s);
      const partnerToken = await s.mintToken();
      fixture = {
        space,
        partnerToken,
        signupId: created.body.id,
        values: { tenantId: space.tenant, namespaceId: space.ns, signupId: created.body.id, streamId: 'pump-1', typeId: 'NoSuchType', id: 'ent-nosuchone', faultId: 'x' },
      };
      return fixture;
    };

    /**
     * Batches of requests, run one after another on one store: when every answer of a batch refused (4xx), the store
     * must be as it was. The digest taken after a batch is the one before the next, as nothing runs between them.
     */
    function batches(s: TestServer) {
      let unchanged: string | undefined;
      return async (name: string, run: (check: (where: string, format: Format, r: { status: number; text: string }) => void) => Promise<void>): Promise<number> => {
        const before = unchanged ?? (await storeDigest(s.store));
        unchanged = undefined;
        let allRefused = true;
        let count = 0;
        await run((where, format, r) => {
          count += 1;
          assertEnvelope(format, r.status, r.text, where);
          if (r.status < 400) allRefused = false;
        });
        if (count === 0) {
          unchanged = before;
          return 0;
        }
        if (allRefused) {
          const after = await storeDigest(s.store);
          assert.equal(after, before, `${name}: a refused request changed the store`);
          unchanged = after;
        }
        return count;
      };
    }

    test('hostile path and query parameters, bodies of wrong types at every level, deep and huge values', async () => {
      const s = server();
      const f = await setup(s);
      const batch = batches(s);
      let total = 0;
      for (const op of operations()) {
        const doc = loadDocument(DOCUMENTS.find(([, format]) => format === op.format)?.[0] ?? 'partner-v2.yaml');
        total += await batch(`${op.method} ${op.path} path`, async (check) => {
          for (const name of op.pathParams) {
            for (const value of encodedHostile()) {
              const path = fill(op.path, f.values, { name, value });
              const body = op.body ? {} : undefined;
              check(`${op.method} ${path}`, op.format, await send(s, f, op, path, body !== undefined ? { body } : {}));
            }
          }
        });
        total += await batch(`${op.method} ${op.path} query`, async (check) => {
          const path = fill(op.path, f.values);
          for (const name of op.queryParams) {
            for (const value of [...encodedHostile(), ...HOSTILE_NUMBERS.map(encodeURIComponent)]) {
              const query = `${encodeURIComponent(name)}=${value}`;
              check(`${op.method} ${path}?${query}`, op.format, await send(s, f, op, path, { query, ...(op.body ? { body: {} } : {}) }));
            }
          }
          if (op.queryParams.length === 0 && !op.body) check(`${op.method} ${path}`, op.format, await send(s, f, op, path, { query: 'unknown=%00' }));
        });
        if (op.body) {
          total += await batch(`${op.method} ${op.path} body`, async (check) => {
            const path = fill(op.path, f.values);
            for (const body of hostileBodies(doc, op.body)) {
              const options = typeof body === 'string' && body.startsWith('[') ? { rawBody: body } : { body };
              check(`${op.method} ${path} ${JSON.stringify(body).slice(0, 80)}`, op.format, await send(s, f, op, path, options));
            }
            check(`${op.method} ${path} malformed`, op.format, await send(s, f, op, path, { rawBody: '{"a":' }));
          });
        }
      }
      assert.ok(total > 1000, `${total} hostile requests`);
    });

    test('forged, expired, unsigned and foreign tokens on every route that needs one', async () => {
      const s = server();
      const f = await setup(s);
      const batch = batches(s);
      const own = await currentSigningKey(s.store.db);
      const now = Math.floor(s.clock.now().getTime() / 1000);
      const claims = { scope: 'partner:create partner:describe', client_id: 'x', tenant_id: f.space.tenant };
      const expired = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: own.kid }).setIssuer('signups').setSubject('x').setIssuedAt(now - 7200).setExpirationTime(now - 3600).sign(own.privateKey);
      const encode = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const tokens = [
        'not-a-jwt',
        `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode({ ...claims, sub: 'x', exp: now + 3600, iss: 'signups' })}.`,
        `${encode({ alg: 'ES256', typ: 'at+jwt', kid: '../../etc/passwd' })}.${encode({ sub: 'x' })}.AAAA`,
        expired,
        'a'.repeat(8_000),
      ];
      await batch('tokens', async (check) => {
        for (const op of operations()) {
          if (op.path.includes('well-known') || op.path.includes('token') || op.path.includes('healthz') || op.path.includes('readyz')) continue;
          const path = fill(op.path, f.values);
          for (const token of tokens) {
            const r = await send(s, f, op, path, { token, ...(op.body ? { body: {} } : {}) });
            assert.equal(r.status, 401, `${op.method} ${path}: ${r.text.slice(0, 200)}`);
            check(`${op.method} ${path} token`, op.format, r);
          }
        }
      });
    });

    test('forged, foreign and garbage bookmarks and page tokens are 400 in the API\'s format', async () => {
      const s = server();
      const f = await setup(s);
      const batch = batches(s);
      const got = await api<Signup>(s, f.space, 'GET', `/signups/${f.signupId}`);
      const bookmark = got.body.bookmark ?? '';
      assert.ok(bookmark.length > 0);
      const flipped = `${bookmark.slice(0, 10)}${bookmark[10] === 'A' ? 'B' : 'A'}${bookmark.slice(11)}`;
      const op: Operation = { method: 'GET', path: '', format: 'aveva', pathParams: [], queryParams: [], body: undefined, contentType: undefined, streams: false };
      await batch('bookmarks', async (check) => {
        for (const value of [...[flipped, bookmark.slice(0, -2), `${bookmark}AA`, '', 'x', '====', 'A'.repeat(5_000)].map(encodeURIComponent), ...encodedHostile()]) {
          const path = `${f.space.base}/signups/${f.signupId}/updates`;
          const r = await send(s, f, op, path, { query: `bookmark=${value}` });
          assert.equal(r.status, 400, `${value.slice(0, 40)}: ${r.text.slice(0, 200)}`);
          check(`GET ${path}?bookmark=…`, 'aveva', r);
        }
      });
      const partnerOp: Operation = { ...op, format: 'partner' };
      await batch('page tokens', async (check) => {
        for (const value of [...['x', 'eyJ9', 'A'.repeat(5_000)].map(encodeURIComponent), ...encodedHostile()]) {
          for (const path of ['/partner/v2/entitlements', '/partner/v2/organizations']) {
            const r = await send(s, f, partnerOp, path, { query: `page_token=${value}` });
            assert.equal(r.status, 400, `${path} ${value.slice(0, 40)}: ${r.text.slice(0, 200)}`);
            check(`GET ${path}?page_token=…`, 'partner', r);
          }
        }
      });
    });
  },
  { rateLimit: { max: 1_000_000, windowMs: 60_000 }, ...changeBrokerConfig({ backgroundWorker: false }) },
);
