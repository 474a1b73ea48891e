import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SelectStatement } from '../../src/sql/ast.js';
import { runQuery } from '../../src/sql/evaluate.js';
import { describe as describeResource, SELECT_NOT_SUPPORTED, show } from '../../src/sql/intrinsic.js';
import { format } from '../../src/sql/output.js';
import { parseStatement } from '../../src/sql/parser.js';
import { buildRequest, chooseMethod, topLevelEqualities, without } from '../../src/sql/planner.js';
import { Registry } from '../../src/sql/registry.js';
import { Runner } from '../../src/sql/runner.js';
import { renderTemplate, parseVars } from '../../src/sql/template.js';
import { OPENAPI_DIR } from '../../src/server/spec.js';

const registry = Registry.load(OPENAPI_DIR);

function rowsOf(sql: string) {
  const statement = parseStatement(sql);
  if (statement.type === 'show') return show(registry, statement);
  if (statement.type === 'describe') return describeResource(registry, statement);
  throw new Error('not an intrinsic statement');
}

describe('registry: resources come from x-stackQL-resources', () => {
  test('confluent.partner has signups, entitlements and organizations', () => {
    const partner = registry.service('confluent', 'partner');
    assert.deepEqual(partner.resources.map((r) => r.id), ['confluent.partner.signups', 'confluent.partner.entitlements', 'confluent.partner.organizations']);
  });

  test('SHOW METHODS has StackQL columns; signups is EXEC only with naive body names', () => {
    assert.deepEqual(rowsOf('SHOW METHODS IN confluent.partner.signups'), {
      columns: ['MethodName', 'RequiredParams', 'SQLVerb'],
      rows: [
        { MethodName: 'signup', RequiredParams: 'organization, entitlement', SQLVerb: 'EXEC' },
        { MethodName: 'activate_signup', RequiredParams: 'user, organization_id', SQLVerb: 'EXEC' },
        { MethodName: 'signup_partner_v2_link', RequiredParams: 'token, organization, entitlement', SQLVerb: 'EXEC' },
      ],
    });
  });

  test('entitlements: SELECT get and list, INSERT create; EXTENDED adds description; LIKE filters names', () => {
    const methods = rowsOf('SHOW EXTENDED METHODS IN confluent.partner.entitlements');
    assert.deepEqual(methods.columns, ['MethodName', 'RequiredParams', 'SQLVerb', 'description']);
    assert.deepEqual(
      methods.rows.map((r) => [r.MethodName, r.RequiredParams, r.SQLVerb]),
      [
        ['list_partner_v2_entitlements', '', 'SELECT'],
        ['get_partner_v2_entitlement', 'id', 'SELECT'],
        ['create_partner_v2_entitlement', 'external_id, name, plan_id, product_id', 'INSERT'],
      ],
    );
    assert.deepEqual(rowsOf("SHOW METHODS IN confluent.partner.organizations LIKE 'get%'").rows.map((r) => r.MethodName), ['get_partner_v2_organization']);
  });

  test('SHOW PROVIDERS / SERVICES / RESOURCES', () => {
    assert.ok(rowsOf('SHOW PROVIDERS').rows.some((r) => r.name === 'confluent'));
    assert.deepEqual(rowsOf('SHOW SERVICES IN confluent').rows.map((r) => r.name), ['partner']);
    assert.deepEqual(rowsOf("SHOW RESOURCES IN confluent.partner WHERE name = 'organizations'").rows, [
      { name: 'organizations', id: 'confluent.partner.organizations' },
    ]);
  });

  test('DESCRIBE gives the row columns; EXEC-only resources fail with StackQL\'s message', () => {
    const described = rowsOf('DESCRIBE EXTENDED confluent.partner.organizations');
    assert.deepEqual(described.columns, ['name', 'type', 'description']);
    assert.deepEqual(described.rows.map((r) => r.name), ['api_version', 'kind', 'id', 'metadata', 'name', 'sso_url', 'sso_config']);
    assert.throws(() => rowsOf('DESCRIBE confluent.partner.signups'), { message: SELECT_NOT_SUPPORTED });
  });

  test('DESCRIBE METHOD lists inputs (required and optional) and outputs', () => {
    const rows = rowsOf('DESCRIBE METHOD confluent.partner.entitlements.list_partner_v2_entitlements').rows;
    assert.deepEqual(rows.filter((r) => r.param_type !== 'output').map((r) => [r.name, r.param_type]), [
      ['organization.id', 'input_optional'],
      ['page_size', 'input_optional'],
      ['page_token', 'input_optional'],
    ]);
    assert.ok(rows.some((r) => r.name === 'external_id' && r.param_type === 'output'));
  });

  test('a document without naive translation names body fields data__<field> (nothing is per resource)', () => {
    const own = new Registry();
    own.add({
      info: { 'x-stackQL-provider': { name: 'acme' }, 'x-stackQL-service': { name: 'things' } },
      paths: {
        '/things/{id}': {
          post: {
            operationId: 'poke',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['size'], properties: { size: { type: 'integer' } } } } } },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
      components: {
        'x-stackQL-resources': {
          things: { id: 'acme.things.things', methods: { poke: { operation: { $ref: '#/paths/~1things~1{id}/post' }, response: { openAPIDocKey: '200' } } }, sqlVerbs: {} },
        },
      },
    } as Parameters<Registry['add']>[0]);
    const method = own.method(['acme', 'things', 'things', 'poke']);
    assert.deepEqual(method.requiredParams, ['id', 'data__size']);
    assert.equal(method.sqlVerb, 'EXEC');
    assert.deepEqual(buildRequest(method, new Map<string, unknown>([['id', 'a b'], ['data__size', '3']])), {
      method: 'POST',
      url: '/things/a%20b',
      body: { size: 3 },
      mediaType: 'application/json',
    });
  });
});

describe('planner: method selection and requests', () => {
  const entitlements = registry.resource(['confluent', 'partner', 'entitlements']);

  test('the first select method whose required parameters are supplied', () => {
    assert.equal(chooseMethod(entitlements, 'select', new Set(['id']), false).name, 'get_partner_v2_entitlement');
    assert.equal(chooseMethod(entitlements, 'select', new Set(['organization.id']), false).name, 'list_partner_v2_entitlements');
    assert.equal(chooseMethod(entitlements, 'select', new Set(), false).name, 'list_partner_v2_entitlements');
  });

  test('missing required parameters are named; EXEC-only and verb-less resources say so', () => {
    assert.throws(() => chooseMethod(entitlements, 'insert', new Set(['name']), true), {
      message: 'query cannot be executed, missing required parameters: { external_id, plan_id, product_id }',
    });
    const signups = registry.resource(['confluent', 'partner', 'signups']);
    assert.throws(() => chooseMethod(signups, 'select', new Set(), false), { message: SELECT_NOT_SUPPORTED });
    assert.throws(() => chooseMethod(entitlements, 'delete', new Set(['id']), false), /no appropriate method = 'delete' for resource = 'entitlements'$/);
  });

  test('WHERE equalities become parameters; the rest stays a local filter', () => {
    const select = parseStatement("SELECT * FROM confluent.partner.entitlements WHERE organization.id = 'o1' AND name LIKE 'A%' AND 'x' = kind") as SelectStatement;
    const equalities = topLevelEqualities(select.where);
    assert.deepEqual(equalities.map((e) => [e.name, e.value]), [['organization.id', 'o1'], ['kind', 'x']]);
    const rest = without(select.where, new Set([equalities[0]?.expr].filter((e) => e !== undefined)));
    assert.deepEqual(rest && rest.kind === 'binary' ? rest.op : undefined, 'AND');
    const method = chooseMethod(entitlements, 'select', new Set(['organization.id']), false);
    assert.deepEqual(buildRequest(method, new Map([['organization.id', 'o1']])), { method: 'GET', url: '/partner/v2/entitlements?organization.id=o1' });
  });

  test('INSERT values: JSON text for object fields, unknown names refused', () => {
    const create = registry.method(['confluent', 'partner', 'entitlements', 'create_partner_v2_entitlement']);
    const values = new Map<string, unknown>([
      ['external_id', 'e1'], ['name', 'n'], ['plan_id', 'p'], ['product_id', 'q'],
      ['organization', '{"related": "https://x/partner/v2/organizations/o"}'],
    ]);
    assert.deepEqual(buildRequest(create, values).body, {
      external_id: 'e1', name: 'n', plan_id: 'p', product_id: 'q', organization: { related: 'https://x/partner/v2/organizations/o' },
    });
    assert.throws(() => buildRequest(create, new Map([...values, ['colour', 'red']])), /'colour' is not a parameter of confluent\.partner\.entitlements\.create_partner_v2_entitlement/);
  });

  test('@@json is checked like StackQL: unknown keys and missing required keys', () => {
    const signup = registry.method(['confluent', 'partner', 'signups', 'signup']);
    assert.throws(() => buildRequest(signup, new Map(), { organization: {}, entitlement: {}, extra: 1 }), { message: "schema does not possess payload key 'extra'" });
    assert.throws(() => buildRequest(signup, new Map(), { organization: {} }), {
      message: 'required elements not included in suplied object; the following keys are missing: entitlement.',
    });
    assert.deepEqual(buildRequest(signup, new Map([['dry_run', true]]), { organization: {}, entitlement: {} }).url, '/partner/v2/signup?dry_run=true');
  });
});

describe('templates', () => {
  test('"{{ x }}" with a JSON object value becomes the object; quotes are doubled inside a SQL string', () => {
    const text = "EXEC a.b.c.d @dry_run={{ dry_run }} @@json='{\"organization\": \"{{ organization }}\", \"note\": \"{{ note }}\"}'";
    const vars = parseVars(['dry_run=true', 'organization={"name": "O\'Brien"}', 'note=say "hi"']);
    assert.equal(
      renderTemplate(text, vars),
      "EXEC a.b.c.d @dry_run=true @@json='{\"organization\": {\"name\": \"O''Brien\"}, \"note\": \"say \\\"hi\\\"\"}'",
    );
    const exec = parseStatement(renderTemplate(text, vars));
    assert.ok(exec.type === 'exec');
    assert.deepEqual(JSON.parse(exec.payload?.value ?? ''), { organization: { name: "O'Brien" }, note: 'say "hi"' });
  });

  test('missing variables are named; --var needs NAME=VALUE', () => {
    assert.throws(() => renderTemplate('SELECT {{ a }}, {{ .values.b }}', {}), { message: 'template variables not supplied: a, b (pass --var a=VALUE)' });
    assert.throws(() => parseVars(['novalue']), /--var expects NAME=VALUE/);
  });
});

describe('local evaluation and output', () => {
  const rows = [
    { id: 'a', n: 3, tags: { x: 1 } },
    { id: 'b', n: 1, tags: null },
    { id: 'c', n: 2, tags: { x: 2 } },
  ];
  const query = (sql: string) => {
    const s = parseStatement(sql) as SelectStatement;
    return runQuery(rows, { items: s.items, orderBy: s.orderBy, ...(s.where ? { where: s.where } : {}), ...(s.limit !== undefined ? { limit: s.limit } : {}) }, ['id', 'n', 'tags']);
  };

  test('WHERE, ORDER BY, LIMIT, COUNT(*), json_extract', () => {
    assert.deepEqual(query('SELECT id FROM a.b.c WHERE n >= 2 ORDER BY n DESC').rows, [{ id: 'a' }, { id: 'c' }]);
    assert.deepEqual(query('SELECT id FROM a.b.c ORDER BY id DESC LIMIT 1').rows, [{ id: 'c' }]);
    assert.deepEqual(query('SELECT COUNT(*) FROM a.b.c WHERE tags IS NOT NULL').rows, [{ 'count(*)': 2 }]);
    assert.deepEqual(query("SELECT json_extract(tags, '$.x') AS x FROM a.b.c WHERE tags.x = 2").rows, [{ x: 2 }]);
    assert.deepEqual(query('SELECT * FROM a.b.c LIMIT 1').columns, ['id', 'n', 'tags']);
  });

  test('table, json, csv and text output; -H hides the header', () => {
    const result = { columns: ['id', 'tags'], rows: [{ id: 'a', tags: { x: 1 } }, { id: 'b,c', tags: null }] };
    assert.equal(format(result, { format: 'csv' }), 'id,tags\na,"{""x"":1}"\n"b,c",\n');
    assert.equal(format(result, { format: 'csv', hideHeaders: true }), 'a,"{""x"":1}"\n"b,c",\n');
    assert.equal(format(result, { format: 'text', hideHeaders: true }), 'a,{"x":1}\nb,c,\n');
    assert.deepEqual(JSON.parse(format(result, { format: 'json' })), [{ id: 'a', tags: { x: 1 } }, { id: 'b,c', tags: null }]);
    assert.equal(format(result, { format: 'table' }), [
      '|-----|---------|',
      '| id  |  tags   |',
      '|-----|---------|',
      '| a   | {"x":1} |',
      '| b,c |         |',
      '|-----|---------|',
      '',
    ].join('\n'));
  });
});

describe('every document', () => {
  test('the AVEVA resources load from their documents, and each method names a real operation', () => {
    assert.deepEqual(registry.service('aveva', 'change_broker').resources.map((r) => r.name), ['signups', 'signup_resources', 'updates']);
    assert.deepEqual(registry.service('aveva', 'sds').resources.map((r) => r.name), ['types', 'streams', 'stream_access_control', 'stream_data']);
    for (const provider of registry.providers) {
      for (const service of provider.services) {
        for (const resource of service.resources) {
          assert.equal(resource.id, `${provider.name}.${service.name}.${resource.name}`);
          for (const method of resource.methods) {
            assert.match(method.operationId, /^[a-z][A-Za-z0-9]+$/, `${resource.id}.${method.name}`);
            assert.match(method.name, /^[a-z][a-z0-9_]*$/, 'method names are snake_case like the confluent provider');
          }
        }
      }
    }
    const updates = registry.method(['aveva', 'change_broker', 'updates', 'get_updates']);
    assert.deepEqual(updates.requiredParams, ['tenantId', 'namespaceId', 'signupId', 'bookmark']);
    assert.deepEqual(updates.pagination?.responseToken, { key: '$.bookmark', location: 'body' });
  });

  test('an array request body takes one item per row', () => {
    const insert = registry.method(['aveva', 'sds', 'stream_data', 'insert_values']);
    const request = buildRequest(insert, new Map<string, unknown>([['tenantId', 't'], ['namespaceId', 'n'], ['streamId', 's 1'], ['Timestamp', '2026-01-01T00:00:00Z'], ['Value', 2]]));
    assert.deepEqual(request, {
      method: 'POST',
      url: '/api/v1/tenants/t/namespaces/n/streams/s%201/data',
      body: [{ Timestamp: '2026-01-01T00:00:00Z', Value: 2 }],
      mediaType: 'application/json',
    });
  });

  test('a script is parsed whole before anything is sent; positions count in the script', async () => {
    const runner = new Runner({ server: 'http://127.0.0.1:9', output: { format: 'csv' }, vars: {} });
    const written: string[] = [];
    await assert.rejects(
      runner.execute('SHOW PROVIDERS;\n\nSELECT id\n  FROM confluent.partner.entitlements WHERE = 1;', (chunk) => written.push(chunk)),
      { message: "syntax error at line 4, column 45 near '=': expected an expression" },
    );
    assert.deepEqual(written, []);
  });
});
