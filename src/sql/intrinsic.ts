import type { DescribeStatement, ShowStatement } from './ast.js';
import { evaluate, like, type Row, type Rows } from './evaluate.js';
import type { MethodInfo, Registry, ResourceInfo } from './registry.js';
import { deref, flatten, type JsonSchema, shapeOf, typeName } from './schema.js';
import { SqlError } from './sql-error.js';

/** StackQL's message for DESCRIBE or SELECT on a resource that has no SELECT method. */
export const SELECT_NOT_SUPPORTED =
  'SELECT not supported for this resource, use SHOW METHODS to view available operations for the resource and then invoke a supported method using the EXEC command';

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** SHOW PROVIDERS | SERVICES | RESOURCES | METHODS, with StackQL's columns. */
export function show(registry: Registry, statement: ShowStatement): Rows {
  const scope = statement.in?.parts ?? [];
  const { extended } = statement;
  let result: Rows;
  let nameColumn = 'name';
  switch (statement.what) {
    case 'PROVIDERS':
      result = {
        columns: extended ? ['name', 'version', 'description'] : ['name', 'version'],
        rows: registry.providers.map((p) => ({ name: p.name, version: p.version, description: oneLine(p.description) })),
      };
      break;
    case 'SERVICES': {
      if (scope.length !== 1) throw new SqlError('SHOW SERVICES needs IN provider, e.g. SHOW SERVICES IN confluent');
      const provider = registry.provider(scope[0] as string);
      result = {
        columns: extended ? ['id', 'name', 'title', 'description', 'version'] : ['id', 'name', 'title'],
        rows: provider.services.map((s) => ({ id: `${s.name}:${s.version}`, name: s.name, title: s.title, description: oneLine(s.description), version: s.version })),
      };
      break;
    }
    case 'RESOURCES': {
      if (scope.length !== 2) throw new SqlError('SHOW RESOURCES needs IN provider.service, e.g. SHOW RESOURCES IN confluent.partner');
      const service = registry.service(scope[0] as string, scope[1] as string);
      result = {
        columns: extended ? ['name', 'id', 'description'] : ['name', 'id'],
        rows: service.resources.map((r) => ({ name: r.name, id: r.id, description: oneLine(r.description || r.title) })),
      };
      break;
    }
    case 'METHODS': {
      if (scope.length !== 3) throw new SqlError('SHOW METHODS needs IN provider.service.resource, e.g. SHOW METHODS IN confluent.partner.signups');
      const resource = registry.resource(scope);
      nameColumn = 'MethodName';
      result = {
        columns: extended ? ['MethodName', 'RequiredParams', 'SQLVerb', 'description'] : ['MethodName', 'RequiredParams', 'SQLVerb'],
        rows: orderedMethods(resource).map((m) => ({
          MethodName: m.name,
          RequiredParams: m.requiredParams.join(', '),
          SQLVerb: m.sqlVerb,
          description: oneLine(m.description),
        })),
      };
      break;
    }
  }
  let rows = result.rows;
  if (statement.like !== undefined) rows = rows.filter((r) => like(r[nameColumn], statement.like as string));
  if (statement.where) rows = rows.filter((r) => evaluate(statement.where as NonNullable<ShowStatement['where']>, r) === true);
  return { columns: result.columns, rows: rows.map((r) => Object.fromEntries(result.columns.map((c) => [c, r[c]]))) };
}

/** SELECT methods first, then the other verbs, then EXEC, as StackQL lists them. */
function orderedMethods(resource: ResourceInfo): MethodInfo[] {
  const order = ['SELECT', 'INSERT', 'UPDATE', 'REPLACE', 'DELETE', 'EXEC'];
  return [...resource.methods].sort((a, b) => order.indexOf(a.sqlVerb) - order.indexOf(b.sqlVerb));
}

/** The schema of one row of a method's answer: the items under `objectKey`, or the whole body. */
export function rowSchema(method: MethodInfo): JsonSchema | undefined {
  const doc = method.resource.doc;
  let schema = method.response.schema ? flatten(doc, method.response.schema) : undefined;
  const key = method.response.objectKey?.replace(/^\$\.?/, '');
  if (schema && key) {
    for (const part of key.split('.').filter(Boolean)) schema = flatten(doc, schema?.properties?.[part]);
  }
  if (schema?.type === 'array' || schema?.items) schema = flatten(doc, schema.items);
  return schema;
}

/** The columns a resource's rows have, in schema order (for `*` and DESCRIBE). */
export function rowColumns(method: MethodInfo): string[] {
  return Object.keys(rowSchema(method)?.properties ?? {});
}

/** DESCRIBE [EXTENDED] p.s.r and DESCRIBE METHOD [EXTENDED] p.s.r.m. */
export function describe(registry: Registry, statement: DescribeStatement): Rows {
  if (statement.method) return describeMethod(registry.method(statement.name.parts), statement.extended);
  const resource = registry.resource(statement.name.parts);
  const method = resource.verbs.select[0];
  if (!method) throw new SqlError(SELECT_NOT_SUPPORTED);
  const doc = resource.doc;
  const properties = rowSchema(method)?.properties ?? {};
  const rows: Row[] = Object.entries(properties).map(([name, schema]) => ({
    name,
    type: typeName(doc, schema),
    description: oneLine(deref(doc, schema)?.description ?? flatten(doc, schema).description ?? ''),
  }));
  const columns = statement.extended ? ['name', 'type', 'description'] : ['name', 'type'];
  return { columns, rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]]))) };
}

function describeMethod(method: MethodInfo, extended: boolean): Rows {
  const doc = method.resource.doc;
  const rows: Row[] = [];
  for (const p of method.params) {
    rows.push({
      name: p.name,
      type: typeName(doc, p.schema),
      param_type: p.required ? 'input_required' : 'input_optional',
      shape: JSON.stringify(shapeOf(doc, p.schema)),
      description: oneLine(p.description),
    });
  }
  if (method.body) {
    for (const [name, schema] of Object.entries(method.body.schema.properties ?? {})) {
      if (flatten(doc, schema).readOnly) continue;
      rows.push({
        name: `${method.body.prefix}${name}`,
        type: typeName(doc, schema),
        param_type: method.body.required.includes(name) ? 'input_required' : 'input_optional',
        shape: JSON.stringify(shapeOf(doc, schema)),
        description: oneLine(flatten(doc, schema).description ?? ''),
      });
    }
  }
  for (const [name, schema] of Object.entries(rowSchema(method)?.properties ?? {})) {
    rows.push({
      name,
      type: typeName(doc, schema),
      param_type: 'output',
      shape: JSON.stringify(shapeOf(doc, schema)),
      description: oneLine(flatten(doc, schema).description ?? ''),
    });
  }
  const columns = extended ? ['name', 'type', 'param_type', 'shape', 'description'] : ['name', 'type', 'param_type'];
  return { columns, rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]]))) };
}
