import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExecStatement, InsertStatement, SelectStatement, ShowStatement, Statement } from '../../src/sql/ast.js';
import { hasCode, parseStatement, scanStatements, splitStatements } from '../../src/sql/parser.js';
import { SqlError } from '../../src/sql/sql-error.js';

/**
 * Statement forms from StackQL's documentation and test corpus (stackql.io language spec, the stackql robot and
 * python test queries, stackql-parser's DESCRIBE METHOD cases), used as data: each must parse, with the AST checked.
 */
const CORPUS: Array<[string, (s: Statement) => void]> = [
  ['SHOW PROVIDERS;', (s) => assert.deepEqual(s, { type: 'show', what: 'PROVIDERS', extended: false })],
  ['SHOW EXTENDED SERVICES IN confluent;', (s) => {
    const show = s as ShowStatement;
    assert.equal(show.what, 'SERVICES');
    assert.equal(show.extended, true);
    assert.deepEqual(show.in?.parts, ['confluent']);
  }],
  ["SHOW RESOURCES IN google.compute LIKE '%instances%';", (s) => {
    const show = s as ShowStatement;
    assert.deepEqual(show.in?.parts, ['google', 'compute']);
    assert.equal(show.like, '%instances%');
  }],
  ['SHOW METHODS FROM google.storage.buckets;', (s) => assert.deepEqual((s as ShowStatement).in?.parts, ['google', 'storage', 'buckets'])],
  ['SHOW EXTENDED METHODS IN confluent.partner.signups;', (s) => {
    assert.equal((s as ShowStatement).what, 'METHODS');
    assert.equal((s as ShowStatement).extended, true);
  }],
  ["show services in google where name = 'compute'", (s) => assert.equal((s as ShowStatement).where?.kind, 'binary')],
  ['DESCRIBE google.compute.instances;', (s) => assert.deepEqual(s, { type: 'describe', extended: false, method: false, name: { parts: ['google', 'compute', 'instances'], start: 9 } })],
  ['DESCRIBE EXTENDED confluent.partner.entitlements', (s) => assert.equal((s as { extended: boolean }).extended, true)],
  ['desc okta.application.apps', (s) => assert.equal(s.type, 'describe')],
  ['DESCRIBE METHOD confluent.partner.signups.signup', (s) => {
    assert.equal(s.type, 'describe');
    assert.equal((s as { method: boolean }).method, true);
  }],
  ['DESCRIBE METHOD EXTENDED google.compute.instances.insert', (s) => assert.equal((s as { extended: boolean }).extended, true)],
  ["SELECT id, name FROM google.compute.instances WHERE project = 'testing-project' AND zone = 'australia-southeast1-b';", (s) => {
    const select = s as SelectStatement;
    assert.deepEqual(select.items.map((i) => i.expr), [{ kind: 'column', path: ['id'] }, { kind: 'column', path: ['name'] }]);
    assert.deepEqual(select.from?.parts, ['google', 'compute', 'instances']);
    assert.deepEqual(select.where, {
      kind: 'binary',
      op: 'AND',
      left: { kind: 'binary', op: '=', left: { kind: 'column', path: ['project'] }, right: { kind: 'literal', value: 'testing-project' } },
      right: { kind: 'binary', op: '=', left: { kind: 'column', path: ['zone'] }, right: { kind: 'literal', value: 'australia-southeast1-b' } },
    });
  }],
  ["select count(*) as instance_count from google.compute.instances where project = 'p' and zone = 'z';", (s) => {
    const select = s as SelectStatement;
    assert.deepEqual(select.items, [{ expr: { kind: 'call', name: 'count', args: [{ kind: 'star' }] }, alias: 'instance_count' }]);
  }],
  ["SELECT * FROM confluent.partner.entitlements WHERE id = 'ent-1' AND organization.id = 'org-1';", (s) => {
    const select = s as SelectStatement;
    assert.deepEqual(select.items, [{ expr: { kind: 'star' } }]);
    const where = select.where as Extract<SelectStatement['where'], { kind: 'binary' }>;
    assert.deepEqual((where.right as { left: unknown }).left, { kind: 'column', path: ['organization', 'id'] });
  }],
  ["SELECT name, json_extract(sso_config, '$.tenant_id') AS tenant FROM confluent.partner.organizations ORDER BY name DESC, id LIMIT 10", (s) => {
    const select = s as SelectStatement;
    assert.equal(select.items[1]?.alias, 'tenant');
    assert.deepEqual(select.orderBy.map((o) => o.descending), [true, false]);
    assert.equal(select.limit, 10);
  }],
  ["SELECT e.id FROM confluent.partner.entitlements e WHERE e.name = 'x' LIMIT 5 OFFSET 2", (s) => {
    const select = s as SelectStatement;
    assert.equal(select.alias, 'e');
    assert.equal(select.offset, 2);
  }],
  ["SELECT name FROM a.b.c WHERE kind IN ('a', 'b') AND sso_url IS NOT NULL AND NOT (name LIKE 'x%') OR id <> 3", (s) => {
    const select = s as SelectStatement;
    assert.equal(select.where?.kind, 'binary');
    assert.equal((select.where as { op: string }).op, 'OR');
  }],
  ["INSERT INTO google.compute.disks (project, zone, data__name, data__sizeGb) SELECT 'testing-project', 'australia-southeast1-b', 'demo-disk1', 10;", (s) => {
    const insert = s as InsertStatement;
    assert.deepEqual(insert.columns, ['project', 'zone', 'data__name', 'data__sizeGb']);
    assert.equal(insert.source.kind, 'select');
  }],
  ["INSERT /*+ AWAIT */ INTO confluent.partner.entitlements (external_id, name, plan_id, product_id) VALUES ('a', 'b', 'c', 'd'), ('e', 'f', 'g', 'h') RETURNING id, name;", (s) => {
    const insert = s as InsertStatement;
    assert.deepEqual(insert.hints, ['AWAIT']);
    assert.equal(insert.source.kind === 'values' && insert.source.rows.length, 2);
    assert.equal(insert.returning.length, 2);
  }],
  [`INSERT INTO confluent.partner.entitlements (
  external_id, name, plan_id, product_id, usage_reporting_id, resource_id, organization
)
SELECT
'{{ external_id }}',
'{{ name }}',
'{{ plan_id }}',
'{{ product_id }}',
'{{ usage_reporting_id }}',
'{{ resource_id }}',
'{{ organization }}'
RETURNING
api_version, kind, id, metadata, external_id, name, plan_id, product_id, usage_reporting_id, resource_id, organization;`.replace(/\{\{ (\w+) \}\}/g, '$1'), (s) => {
    const insert = s as InsertStatement;
    assert.equal(insert.columns.length, 7);
    assert.equal(insert.returning.length, 11);
  }],
  ["UPDATE /*+ AWAIT */ google.compute.networks SET data__description = 'updated' WHERE network = 'n' AND project = 'p';", (s) => {
    assert.equal(s.type, 'update');
    assert.equal((s as { verb: string }).verb, 'update');
  }],
  ["REPLACE aws.s3.buckets SET data__tags = '[]' WHERE bucket = 'b' RETURNING *", (s) => assert.equal((s as { verb: string }).verb, 'replace')],
  ["DELETE /*+ AWAIT */ FROM google.compute.instances WHERE project = 'p' AND zone = 'z' AND instance = 'i';", (s) => {
    assert.equal(s.type, 'delete');
    assert.deepEqual((s as { hints: string[] }).hints, ['AWAIT']);
  }],
  ["EXEC /*+ SHOWRESULTS */ google.compute.instances.stop @instance = 'demo-instance-1', @project = 'testing-project', @zone = 'australia-southeast1-a';", (s) => {
    const exec = s as ExecStatement;
    assert.deepEqual(exec.hints, ['SHOWRESULTS']);
    assert.deepEqual(exec.name.parts, ['google', 'compute', 'instances', 'stop']);
    assert.deepEqual(exec.params, [
      { name: 'instance', value: 'demo-instance-1' },
      { name: 'project', value: 'testing-project' },
      { name: 'zone', value: 'australia-southeast1-a' },
    ]);
  }],
  [`EXEC google.compute.instances.setLabels @instance = 'i', @project = 'p', @zone = 'z' @@json = '{ "labels": { "env": "dev" }, "labelFingerprint": "4h1s" }';`, (s) => {
    const exec = s as ExecStatement;
    assert.equal(exec.params.length, 3);
    assert.deepEqual(JSON.parse(exec.payload?.value ?? ''), { labels: { env: 'dev' }, labelFingerprint: '4h1s' });
  }],
  [`EXEC confluent.partner.signups.signup
@dry_run=true
@@json=
'{
"organization": {"name": "Acme"},
"user": {"given_name": "Ada"},
"entitlement": {"external_id": "x"}
}'
;`, (s) => {
    const exec = s as ExecStatement;
    assert.deepEqual(exec.params, [{ name: 'dry_run', value: true }]);
    assert.equal(exec.payload?.name, 'json');
    assert.equal((JSON.parse(exec.payload?.value ?? '{}') as { organization: { name: string } }).organization.name, 'Acme');
  }],
  ["EXEC confluent.partner.signups.activate_signup @@json = '{\"user\": {}, \"organization_id\": \"o''s\"}'", (s) => {
    assert.equal((JSON.parse((s as ExecStatement).payload?.value ?? '') as { organization_id: string }).organization_id, "o's");
  }],
  ['EXEC aveva.sds.streams.get_stream @tenantId = t1, @count = -5, @flag = false, @none = null', (s) => {
    assert.deepEqual((s as ExecStatement).params.map((p) => p.value), ['t1', -5, false, null]);
  }],
  ['-- a comment\nSELECT 1 AS one, \'a\' || \'b\' AS ab /* inline */', (s) => {
    const select = s as SelectStatement;
    assert.equal(select.from, undefined);
    assert.equal(select.items[1]?.alias, 'ab');
  }],
];

function syntaxError(text: string): string {
  try {
    parseStatement(text);
  } catch (error) {
    assert.ok(error instanceof SqlError);
    assert.equal(error.kind, 'syntax');
    assert.ok(!error.message.includes('\n'), 'one line');
    return error.message;
  }
  assert.fail(`expected a syntax error for: ${text}`);
}

describe('SQL parser: StackQL statement corpus', () => {
  for (const [text, check] of CORPUS) {
    test(text.split('\n')[0] as string, () => check(parseStatement(text)));
  }
});

describe('SQL parser: errors point at the position', () => {
  test('an unknown statement word', () => {
    assert.equal(syntaxError('SELEC id FROM a.b.c'), "syntax error at line 1, column 1 near 'SELEC': expected a statement (SELECT, SHOW, DESCRIBE, EXEC, INSERT, UPDATE, REPLACE, DELETE)");
  });
  test('a missing expression at the end', () => {
    assert.equal(syntaxError('SELECT id FROM a.b.c WHERE'), 'syntax error at line 1, column 27 at end of input: expected an expression');
  });
  test('line and column on a later line', () => {
    assert.match(syntaxError('SELECT id\nFROM a.b.c\nWHERE id = = 3'), /^syntax error at line 3, column 12 near '=': expected an expression$/);
  });
  test('LIKE needs a quoted pattern', () => {
    assert.match(syntaxError('SHOW METHODS IN a.b.c LIKE 5'), /line 1, column 28 near '5': expected a quoted pattern/);
  });
  test('EXEC needs provider.service.resource.method', () => {
    assert.match(syntaxError('EXEC confluent.partner.signups @x = 1'), /column 6: expected provider\.service\.resource\.method, got 'confluent\.partner\.signups'/);
  });
  test('DESCRIBE METHOD needs exactly four segments (as stackql-parser checks)', () => {
    assert.match(syntaxError('DESCRIBE METHOD a.b.c'), /expected provider\.service\.resource\.method/);
    assert.match(syntaxError('DESCRIBE METHOD a.b.c.d.e'), /expected provider\.service\.resource\.method/);
    assert.match(syntaxError('DESCRIBE a.b'), /expected provider\.service\.resource, got 'a\.b'/);
  });
  test('an unterminated string points at its opening quote', () => {
    assert.equal(syntaxError("SELECT * FROM a.b.c WHERE id = 'x"), 'syntax error at line 1, column 32: unterminated string');
  });
  test('an unfilled template variable', () => {
    assert.match(syntaxError('EXEC a.b.c.d @dry_run={{ dry_run }}'), /column 23: unfilled template variable/);
  });
  test('@@json must be a string and only one payload is allowed', () => {
    assert.match(syntaxError('EXEC a.b.c.d @@json = 5'), /expected a quoted JSON string for @@json/);
    assert.match(syntaxError("EXEC a.b.c.d @@json = '{}' @@json = '{}'"), /only one @@ payload/);
  });
  test('unsupported clauses are named', () => {
    assert.match(syntaxError('SELECT id FROM a.b.c GROUP BY id'), /GROUP is not supported/);
    assert.match(syntaxError('SELECT 1 2'), /expected end of statement/);
  });
});

describe('SQL scripts', () => {
  test('statements split at ; outside strings and comments', () => {
    const script = "SHOW PROVIDERS; -- a; comment\nEXEC a.b.c.d @@json='{\"a\": \"x;y\"}';\n/* ; */ SELECT 'it''s;' AS s;;";
    assert.deepEqual(splitStatements(script), [
      'SHOW PROVIDERS',
      "-- a; comment\nEXEC a.b.c.d @@json='{\"a\": \"x;y\"}'",
      "/* ; */ SELECT 'it''s;' AS s",
    ]);
  });
  test('a shell buffer is complete only when a ; ends it outside a string', () => {
    // What the shell reads from each buffer: the statements ended so far, and code left waiting for its ;.
    const complete = (buffer: string) => {
      const { statements, rest } = scanStatements(buffer);
      return statements.length > 0 && !hasCode(rest);
    };
    assert.equal(complete('SELECT 1'), false);
    assert.equal(complete('SELECT 1;'), true);
    assert.equal(complete("EXEC a.b.c.d @@json='{\n\"a\": 1;"), false);
    assert.equal(complete("EXEC a.b.c.d @@json='{\n\"a\": 1}';"), true);
  });
});
