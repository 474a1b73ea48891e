import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Bookmarks } from '../../src/change-broker/bookmarks.js';
import { decodePageToken, encodePageToken } from '../../src/partner/paging.js';
import { PartnerError } from '../../src/partner/errors.js';
import { requireValidId } from '../../src/sds/ids.js';
import { AvevaError } from '../../src/errors/aveva.js';
import { nestsDeeperThan } from '../../src/server/json-depth.js';
import { pointerToNul } from '../../src/server/nul-bytes.js';
import { ManualClock } from '../../src/store/clock.js';
import { describeEachDialect } from '../helpers/server.js';
import { sdsTenant } from '../sds/sds-fixtures.js';

const RETENTION_SECONDS = 3600;
const position = fc.record({ seq: fc.maxSafeNat(), ageMs: fc.integer({ min: 0, max: RETENTION_SECONDS * 1000 }) });

function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (typeof value === 'object' && value !== null) return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

describe('bookmark codec (properties)', () => {
  const clock = new ManualClock('2026-06-01T00:00:00Z');
  const bookmarks = new Bookmarks(randomBytes(32), clock, RETENTION_SECONDS);

  test('a bookmark reads back as the position it was issued for, and is URL-safe', () => {
    fc.assert(
      fc.property(fc.uuid(), position, (signupId, { seq, ageMs }) => {
        const validFrom = new Date(clock.now().getTime() - ageMs);
        const token = bookmarks.issue(signupId, { seq, validFrom });
        assert.match(token, /^[A-Za-z0-9_-]+$/);
        assert.deepEqual(bookmarks.read(token, signupId), { seq, validFrom });
      }),
    );
  });

  test('any change to a bookmark, or another signup, is refused with the API\'s 400', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), position, fc.nat(), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), (signupId, other, { seq }, at, replacement) => {
        const token = bookmarks.issue(signupId, { seq, validFrom: clock.now() });
        const i = at % token.length;
        const altered = `${token.slice(0, i)}${replacement}${token.slice(i + 1)}`;
        // Base64url's last character carries padding bits; a change there may decode to the same bytes.
        fc.pre(altered !== token && Buffer.from(altered, 'base64url').compare(Buffer.from(token, 'base64url')) !== 0);
        assert.throws(() => bookmarks.read(altered, signupId), AvevaError);
        fc.pre(other !== signupId);
        assert.throws(() => bookmarks.read(token, other), (e: unknown) => e instanceof AvevaError && /another signup/.test(e.message));
      }),
    );
  });

  test('any string is either a bookmark or a 400, never another error', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.oneof(fc.string(), fc.base64String(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[A-Za-z0-9_-]{40,70}$/)), (signupId, text) => {
        try {
          bookmarks.read(text, signupId);
        } catch (error) {
          assert.ok(error instanceof AvevaError, String(error));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('page token codec (properties)', () => {
  test('a page token decodes to the position it encodes', () => {
    fc.assert(fc.property(fc.maxSafeNat(), (after) => assert.equal(decodePageToken(encodePageToken(after)), after)));
  });

  test('any string decodes to a non-negative safe integer or is refused naming page_token', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), fc.json().map((j) => Buffer.from(j).toString('base64url'))), (text) => {
        try {
          const after = decodePageToken(text);
          assert.ok(Number.isSafeInteger(after) && after >= 0);
        } catch (error) {
          assert.ok(error instanceof PartnerError && error.details.parameter === 'page_token', String(error));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('input validators (properties)', () => {
  test('an SDS id is accepted exactly when it follows the identifier rules', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 120 }), fc.constantFrom('__x', '.x', 'x.', 'a/b', '')), (id) => {
        const valid = id.length > 0 && id.length <= 100 && !/[\u0000-\u001f\u007f]/.test(id) && !id.startsWith('__') && !id.startsWith('.') && !id.endsWith('.') && !id.includes('/');
        if (valid) assert.equal(requireValidId('stream', id), id);
        else assert.throws(() => requireValidId('stream', id), AvevaError);
      }),
      { numRuns: 500 },
    );
  });

  test('the nesting check agrees with the depth of the parsed value, whatever the strings hold', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, limit) => {
        assert.equal(nestsDeeperThan(JSON.stringify(value), limit), depthOf(value) > limit);
      }),
      { numRuns: 500 },
    );
  });

  test('a NUL anywhere in a value is found, and the pointer names the string or key that holds it', () => {
    const withNul = fc.string().map((s) => `${s}\u0000${s}`);
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.string(), withNul, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.string(), withNul), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const pointer = pointerToNul(v);
        const hasNul = JSON.stringify(v).includes('\\u0000');
        assert.equal(pointer !== null, hasNul);
        if (pointer === null) return;
        const parent = valueAt(v, pointer.split('/').slice(0, -1).join('/'));
        const key = (pointer.split('/').at(-1) ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
        const target = valueAt(v, pointer);
        assert.ok((typeof target === 'string' && target.includes('\u0000')) || (key.includes('\u0000') && typeof parent === 'object'), pointer);
      }),
      { numRuns: 500 },
    );
  });
});

describeEachDialect(
  'request validation over HTTP (properties)',
  (server) => {
    test('any JSON body on a write route is answered below 500 in the route\'s error format', async () => {
      const s = server();
      const t = await sdsTenant(s);
      const partner = await s.mintToken();
      const routes = [
        { method: 'POST', path: '/partner/v2/signup', token: partner, aveva: false },
        { method: 'POST', path: '/partner/v2/entitlements', token: partner, aveva: false },
        { method: 'POST', path: t.path('/Types/T'), token: t.token, aveva: true },
        { method: 'POST', path: t.path('/Streams/S'), token: t.token, aveva: true },
        { method: 'POST', path: t.path('/Streams/S/Data'), token: t.token, aveva: true },
        { method: 'PUT', path: t.path('/Streams/S/AccessControl'), token: t.token, aveva: true },
        { method: 'POST', path: t.path('/signups'), token: t.token, aveva: true },
      ];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), fc.jsonValue({ maxDepth: 5 }), async (route, body) => {
          const res = await s.app.inject({ method: route.method as 'POST', url: route.path, headers: { authorization: `Bearer ${route.token}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
          assert.ok(res.statusCode < 500, `${route.path} ${JSON.stringify(body).slice(0, 200)}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 400) {
            const answer = JSON.parse(res.body) as Record<string, unknown>;
            assert.ok(route.aveva ? 'OperationId' in answer : Array.isArray(answer.errors), res.body);
          }
        }),
        { numRuns: 300 },
      );
    });
  },
  { rateLimit: { max: 1_000_000, windowMs: 60_000 } },
);
