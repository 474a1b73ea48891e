import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { documentFiles, renderTypes, typesFileOf } from '../../scripts/generate-openapi-types.js';
import { ROUTE_MODULES, routeModulesById } from '../../src/server/route-registry.js';
import { loadDocument, OPENAPI_DIR, operationsOf } from '../../src/server/spec.js';

const documents = readdirSync(OPENAPI_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .map((file) => ({ file, document: loadDocument(file), operations: operationsOf(loadDocument(file), 'partner') }));

test('every operationId of a document has exactly one route module', () => {
  for (const { file, operations } of documents) {
    for (const operationId of operations.keys()) {
      const modules = ROUTE_MODULES.filter((m) => m.operationId === operationId);
      assert.equal(modules.length, 1, `${file} ${operationId}: ${modules.length} route modules`);
    }
  }
});

test('two modules for one operation are refused', () => {
  const [first] = ROUTE_MODULES;
  assert.ok(first);
  assert.throws(() => routeModulesById([first, { ...first }]), new RegExp(`two route modules for operation ${first.operationId}`));
});

test('every route module names an operation of some document', () => {
  const known = new Set(documents.flatMap(({ operations }) => [...operations.keys()]));
  for (const module of ROUTE_MODULES) assert.ok(known.has(module.operationId), `${module.operationId} is in no OpenAPI document`);
});

test('the query parameters a module relies on have a default in its document', () => {
  for (const module of ROUTE_MODULES) {
    for (const name of module.defaulted) {
      const declared = documents.flatMap(({ document, operations }) => {
        const info = operations.get(module.operationId);
        if (!info) return [];
        const item = document.paths[info.path] ?? {};
        const op = item[info.method.toLowerCase()] ?? {};
        return [...asParameters(document, item.parameters), ...asParameters(document, op.parameters)].filter((p) => p.in === 'query' && p.name === name);
      });
      assert.ok(declared.length > 0 && declared.every((p) => p.schema?.default !== undefined), `${module.operationId}: query ${name} has no default`);
    }
  }
});

interface Parameter {
  name?: string;
  in?: string;
  schema?: { default?: unknown };
}

function asParameters(document: ReturnType<typeof loadDocument>, list: unknown): Parameter[] {
  if (!Array.isArray(list)) return [];
  const components = document.components;
  const shared: Record<string, Parameter> =
    typeof components === 'object' && components !== null && 'parameters' in components && typeof components.parameters === 'object' && components.parameters !== null
      ? Object.fromEntries(Object.entries(components.parameters))
      : {};
  return list.map((p: Parameter & { $ref?: string }) => (p.$ref ? (shared[p.$ref.split('/').pop() ?? ''] ?? {}) : p));
}

test('the committed request types are those the OpenAPI documents generate (npm run generate:types)', async () => {
  for (const file of documentFiles()) {
    assert.equal(readFileSync(typesFileOf(file), 'utf8'), await renderTypes(file), `src/openapi-types for ${file} is stale: run npm run generate:types`);
  }
});
