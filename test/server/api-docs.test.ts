import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { OPENAPI_DIR } from '../../src/server/spec.js';
import { call, type FailureBody } from '../helpers/http.js';
import { describeServer } from '../helpers/server.js';

const documentFiles = readdirSync(OPENAPI_DIR).filter((f) => f.endsWith('.yaml'));

describeServer('API documentation, OpenAPI documents and the landing page', (server) => {
  test('GET /openapi/{name}.yaml serves each document file as it drives the routes, naming this server', async () => {
    const s = server();
    assert.ok(documentFiles.length >= 3);
    for (const file of documentFiles) {
      const res = await call<string>(s, 'GET', `/openapi/${file}`);
      assert.equal(res.status, 200, `${file}: ${res.text.slice(0, 200)}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/yaml/);
      const original = readFileSync(join(OPENAPI_DIR, file), 'utf8');
      const served = parse(res.text) as Record<string, unknown>;
      assert.deepEqual(served.servers, [{ url: s.url }]);
      assert.deepEqual({ ...served, servers: null }, { ...(parse(original) as object), servers: null });
      // Apart from the servers block the text is the file's, comments and all.
      const strip = (text: string) => text.replace(/^servers:\n(?:[ -].*\n)*/m, '');
      assert.equal(strip(res.text), strip(original));
    }
  });

  test('GET /openapi/{name}.json serves the same document as JSON', async () => {
    const s = server();
    for (const file of documentFiles) {
      const name = file.replace(/\.yaml$/, '');
      const res = await call<Record<string, unknown>>(s, 'GET', `/openapi/${name}.json`);
      assert.equal(res.status, 200, name);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      const original = parse(readFileSync(join(OPENAPI_DIR, file), 'utf8')) as Record<string, unknown>;
      assert.deepEqual(res.body, { ...original, servers: [{ url: s.url }] });
    }
  });

  test('the served servers entry names the host the client reached', async () => {
    const s = server();
    const res = await call<{ servers: unknown }>(s, 'GET', '/openapi/partner-v2.json', { headers: { host: 'signups.example:9443' } });
    assert.deepEqual(res.body.servers, [{ url: 'http://signups.example:9443' }]);
  });

  test('an unknown document is a 404 in the API error format that names the served ones', async () => {
    const s = server();
    for (const path of ['/openapi/nope.yaml', '/openapi/partner-v2.xml', '/openapi/..%2Fpackage.json', '/openapi/partner-v2']) {
      const res = await call<FailureBody>(s, 'GET', path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.errors[0]?.status, '404');
    }
    const res = await call<FailureBody>(s, 'GET', '/openapi/nope.json');
    assert.match(res.body.errors[0]?.detail ?? '', /partner-v2\.yaml/);
  });

  test('GET /docs is Swagger UI over every served document', async () => {
    const s = server();
    const page = await call<string>(s, 'GET', '/docs');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.text, /swagger-ui-bundle\.js/);
    const init = await call<string>(s, 'GET', '/docs/static/swagger-initializer.js');
    assert.equal(init.status, 200);
    for (const file of documentFiles) assert.ok(init.text.includes(`/openapi/${file.replace(/\.yaml$/, '')}.json`), file);
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
      const res = await call(s, 'GET', `/docs/static/${asset}`);
      assert.equal(res.status, 200, asset);
    }
  });

  test('GET / is a landing page linking the console, the docs, health and metrics', async () => {
    const s = server();
    const res = await call<string>(s, 'GET', '/');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    for (const link of ['/docs', '/healthz', '/metrics', '/openapi/partner-v2.yaml']) assert.ok(res.text.includes(`href="${link}"`), link);
  });
});
