import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AVEVA_CODES } from '../../src/errors/aveva.js';
import { OAUTH2_CODES } from '../../src/errors/oauth2.js';
import { FAILURE_CODES } from '../../src/errors/partner-failure.js';
import { DOCUMENTS } from '../../src/server/documents.js';
import { type ErrorFormat, loadDocument, type OpenApiDocument } from '../../src/server/spec.js';

// Each wire format's codes are declared once in src/errors/; these tests keep the code that throws them, the
// catalogues and the OpenAPI documents in step (after fastify's test/internals/errors.test.js).

const SOURCE_DIRS = ['src/server', 'src/partner', 'src/sds', 'src/change-broker', 'src/sandbox', 'src/identity'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const sources = SOURCE_DIRS.flatMap(sourceFiles).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** The first argument of each call or field that `opener` starts, as written (to the first comma, semicolon or line end outside brackets). */
function firstArguments(text: string, opener: RegExp): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(opener)) {
    let depth = 0;
    let end = match.index + match[0].length;
    for (; end < text.length; end += 1) {
      const c = text[end];
      if (c === '(' || c === '[' || c === '{') depth += 1;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth -= 1;
      } else if ((c === ',' || c === ';' || c === '\n') && depth === 0) break;
    }
    out.push(text.slice(match.index + match[0].length, end));
  }
  return out;
}

/** The string literals an argument can evaluate to: those not compared against (`x === 'body' ? 'a' : 'b'` gives a, b). */
const literalsOf = (argument: string): string[] =>
  [...argument.matchAll(/([=!]==\s*)?'([^']*)'/g)].filter((m) => m[1] === undefined).map((m) => m[2] ?? '');

/** Where each wire format's codes are written in the code, by the call or field (in the edge's tables) that carries them. */
const CODE_SITES: ReadonlyArray<{ format: ErrorFormat; opener: RegExp; under?: string }> = [
  { format: 'partner', opener: /new (?:PartnerError|SandboxError)\(\s*/g },
  { format: 'partner', opener: /\bproblemOf\(\s*/g },
  { format: 'partner', opener: /\bfailure\(\s*/g },
  { format: 'partner', opener: /\bcode: /g, under: 'src/server/' },
  { format: 'aveva', opener: /new AvevaError\(\s*/g },
  { format: 'oauth2', opener: /new OAuthError\(\s*/g },
  { format: 'oauth2', opener: /\bErrors\.oauth\(\s*/g },
  { format: 'oauth2', opener: /\boauth: /g, under: 'src/server/' },
];

const CATALOGUES: Record<ErrorFormat, ReadonlySet<string>> = {
  partner: new Set(Object.keys(FAILURE_CODES)),
  aveva: new Set(Object.keys(AVEVA_CODES)),
  oauth2: new Set(Object.keys(OAUTH2_CODES)),
};

test('every code the code throws is in the catalogue of its wire format, written as a literal', () => {
  let seen = 0;
  for (const { path, text } of sources) {
    for (const { format, opener, under } of CODE_SITES) {
      if (under && !path.startsWith(under)) continue;
      for (const argument of firstArguments(text, opener)) {
        assert.ok(!argument.trimStart().startsWith('`'), `${path}: a ${format} code built from a template (${argument.slice(0, 60)}); write each code as a literal`);
        for (const code of literalsOf(argument)) {
          seen += 1;
          assert.ok(CATALOGUES[format].has(code), `${path}: '${code}' is not in the ${format} error catalogue (src/errors/)`);
        }
      }
    }
  }
  // The scan found the codes (a scan that matches nothing would pass for any code).
  assert.ok(seen > 60, `only ${seen} codes found in the sources`);
});

test('the edge builds its errors from the catalogue, not inline', () => {
  for (const { path, text } of sources) {
    if (path.endsWith('api-error.ts')) continue;
    assert.doesNotMatch(text, /new ApiError\(/, `${path} builds an ApiError inline; add it to Errors in src/server/api-error.ts`);
  }
});

const documentsOf = (format: ErrorFormat): Array<{ file: string; document: OpenApiDocument }> =>
  DOCUMENTS.filter((d) => d.format === format).map(({ file }) => ({ file, document: loadDocument(file) }));

interface Schemas {
  components?: { schemas?: Record<string, { properties?: Record<string, Record<string, unknown>>; [key: string]: unknown }> };
}

test('the partner Failure codes: catalogued once, documented in the partner documents with the same status and title', () => {
  const documented = new Map<string, string>();
  for (const { file, document } of documentsOf('partner')) {
    const codes = (document as Schemas).components?.schemas?.Error?.properties?.code?.['x-signups-error-codes'] as Record<string, { status: number; title: string }> | undefined;
    assert.ok(codes, `${file}: Error.code has no x-signups-error-codes`);
    for (const [code, { status, title }] of Object.entries(codes)) {
      const entry = FAILURE_CODES[code as keyof typeof FAILURE_CODES] as { status: number; title: string } | undefined;
      assert.ok(entry, `${file} documents '${code}', which is not in src/errors/partner-failure.ts`);
      assert.deepEqual({ status, title }, { status: entry.status, title: entry.title }, `${file}: '${code}'`);
      documented.set(code, file);
    }
  }
  for (const code of Object.keys(FAILURE_CODES)) assert.ok(documented.has(code), `'${code}' is documented in no partner document's x-signups-error-codes`);
});

test('the AVEVA refusals: every status and Reason catalogued is documented in an AVEVA document, and only those', () => {
  const catalogued = new Set(Object.values(AVEVA_CODES).map(({ status, reason }) => `${status} ${reason}`));
  const documented = new Set<string>();
  for (const { file, document } of documentsOf('aveva')) {
    const reasons = (document as Schemas).components?.schemas?.ErrorResponseBody?.['x-signups-error-reasons'] as Array<{ status: number; reason: string }> | undefined;
    assert.ok(reasons, `${file}: ErrorResponseBody has no x-signups-error-reasons`);
    for (const { status, reason } of reasons) {
      assert.ok(catalogued.has(`${status} ${reason}`), `${file} documents ${status} '${reason}', which is not in src/errors/aveva.ts`);
      documented.add(`${status} ${reason}`);
    }
  }
  for (const pair of catalogued) assert.ok(documented.has(pair), `${pair} is documented in no AVEVA document's x-signups-error-reasons`);
});

test('the OAuth2 error codes: the catalogue is the enum of the documented OAuthError', () => {
  const enums = DOCUMENTS.map(({ file }) => ({ file, schema: (loadDocument(file) as Schemas).components?.schemas?.OAuthError })).filter((d) => d.schema);
  assert.ok(enums.length > 0, 'no document describes the OAuth2 error body');
  for (const { file, schema } of enums) {
    const documented = schema?.properties?.error?.enum as string[] | undefined;
    assert.deepEqual([...(documented ?? [])].sort(), Object.keys(OAUTH2_CODES).sort(), `${file}: OAuthError.error`);
  }
});
