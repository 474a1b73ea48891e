import type { Expr, OrderItem, SelectItem } from './ast.js';
import { SqlError } from './sql-error.js';
import { jsonPath } from './json-path.js';

/** A result row: column name to value (objects stay objects until output). */
export type Row = Record<string, unknown>;

export interface Rows {
  columns: string[];
  rows: Row[];
}

const AGGREGATES = new Set(['count', 'sum', 'min', 'max', 'avg']);

/** `organization.id` reads row["organization.id"] if present, else row.organization.id; the table alias is skipped. */
function columnValue(row: Row, path: string[], alias?: string): unknown {
  const parts = alias && path.length > 1 && path[0] === alias ? path.slice(1) : path;
  const joined = parts.join('.');
  if (joined in row) return row[joined];
  let value: unknown = row;
  for (const part of parts) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined ? null : value;
}

function truthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value !== '' && value !== '0' && value.toLowerCase() !== 'false';
  return Boolean(value);
}

function comparable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** SQLite-like ordering: NULL first, numbers before text, a numeric string equals its number. */
export function compare(a: unknown, b: unknown): number {
  let x = comparable(a);
  let y = comparable(b);
  if (x === null || x === undefined) return y === null || y === undefined ? 0 : -1;
  if (y === null || y === undefined) return 1;
  if (typeof x === 'number' && typeof y === 'string' && y.trim() !== '' && !Number.isNaN(Number(y))) y = Number(y);
  if (typeof y === 'number' && typeof x === 'string' && x.trim() !== '' && !Number.isNaN(Number(x))) x = Number(x);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number') return -1;
  if (typeof y === 'number') return 1;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

function likeToRegExp(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'is');
}

export function like(value: unknown, pattern: string): boolean {
  return likeToRegExp(pattern).test(typeof value === 'string' ? value : JSON.stringify(value));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function evaluate(expr: Expr, row: Row, alias?: string): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'column':
      return columnValue(row, expr.path, alias);
    case 'star':
      return null;
    case 'unary': {
      const v = evaluate(expr.operand, row, alias);
      return expr.op === 'NOT' ? !truthy(v) : v === null ? null : -Number(v);
    }
    case 'isNull': {
      const v = evaluate(expr.operand, row, alias);
      return (v === null || v === undefined) !== expr.negated;
    }
    case 'like': {
      const v = evaluate(expr.operand, row, alias);
      if (v === null || v === undefined) return false;
      return like(v, String(evaluate(expr.pattern, row, alias))) !== expr.negated;
    }
    case 'in': {
      const v = evaluate(expr.operand, row, alias);
      const found = expr.list.some((item) => compare(v, evaluate(item, row, alias)) === 0);
      return found !== expr.negated;
    }
    case 'binary':
      return binary(expr.op, expr.left, expr.right, row, alias);
    case 'call':
      return call(expr.name, expr.args, row, alias);
  }
}

function binary(op: Extract<Expr, { kind: 'binary' }>['op'], leftExpr: Expr, rightExpr: Expr, row: Row, alias?: string): unknown {
  if (op === 'AND') return truthy(evaluate(leftExpr, row, alias)) && truthy(evaluate(rightExpr, row, alias));
  if (op === 'OR') return truthy(evaluate(leftExpr, row, alias)) || truthy(evaluate(rightExpr, row, alias));
  const left = evaluate(leftExpr, row, alias);
  const right = evaluate(rightExpr, row, alias);
  if (op === '||') return left === null || right === null ? null : `${text(left)}${text(right)}`;
  if (left === null || left === undefined || right === null || right === undefined) return null;
  switch (op) {
    case '=':
      return compare(left, right) === 0;
    case '!=':
      return compare(left, right) !== 0;
    case '<':
      return compare(left, right) < 0;
    case '<=':
      return compare(left, right) <= 0;
    case '>':
      return compare(left, right) > 0;
    case '>=':
      return compare(left, right) >= 0;
    case '+':
      return Number(left) + Number(right);
    case '-':
      return Number(left) - Number(right);
    case '*':
      return Number(left) * Number(right);
    case '/':
      return Number(right) === 0 ? null : Number(left) / Number(right);
    case '%':
      return Number(right) === 0 ? null : Number(left) % Number(right);
  }
}

function text(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function call(name: string, args: Expr[], row: Row, alias?: string): unknown {
  const values = args.map((a) => evaluate(a, row, alias));
  switch (name) {
    case 'json_extract': {
      // A JSON column arrives as its text.
      const json = typeof values[0] === 'string' ? safeParse(values[0]) : values[0];
      return jsonPath(json, String(values[1] ?? '$')) ?? null;
    }
    case 'lower':
      return values[0] === null ? null : text(values[0]).toLowerCase();
    case 'upper':
      return values[0] === null ? null : text(values[0]).toUpperCase();
    case 'length':
      return values[0] === null ? null : text(values[0]).length;
    case 'coalesce':
    case 'ifnull':
      return values.find((v) => v !== null && v !== undefined) ?? null;
    case 'substr':
      return values[0] === null ? null : text(values[0]).substr(Number(values[1]) - 1, values[2] === undefined ? undefined : Number(values[2]));
    default:
      throw new SqlError(`unknown function ${name}()`);
  }
}

/** A readable column name for an expression without an alias. */
export function exprName(expr: Expr): string {
  switch (expr.kind) {
    case 'column':
      return expr.path.join('.');
    case 'literal':
      return expr.value === null ? 'NULL' : typeof expr.value === 'string' ? `'${expr.value}'` : String(expr.value);
    case 'star':
      return '*';
    case 'call':
      return `${expr.name}(${expr.args.map(exprName).join(', ')})`;
    default:
      return 'expr';
  }
}

function isAggregate(expr: Expr): boolean {
  return expr.kind === 'call' && AGGREGATES.has(expr.name);
}

function aggregate(expr: Extract<Expr, { kind: 'call' }>, rows: Row[], alias?: string): unknown {
  const arg = expr.args[0];
  if (expr.name === 'count') {
    if (!arg || arg.kind === 'star') return rows.length;
    return rows.filter((r) => evaluate(arg, r, alias) !== null).length;
  }
  if (!arg) throw new SqlError(`${expr.name}() needs an argument`);
  const values = rows.map((r) => evaluate(arg, r, alias)).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) return null;
  switch (expr.name) {
    case 'sum':
      return values.reduce((s: number, v) => s + Number(v), 0);
    case 'avg':
      return values.reduce((s: number, v) => s + Number(v), 0) / values.length;
    case 'min':
      return values.reduce((m, v) => (compare(v, m) < 0 ? v : m));
    default:
      return values.reduce((m, v) => (compare(v, m) > 0 ? v : m));
  }
}

export interface Query {
  items: SelectItem[];
  where?: Expr;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
  alias?: string;
}

/** WHERE, ORDER BY, LIMIT/OFFSET and the select list over rows the API answered; `*` expands to `starColumns`. */
export function runQuery(input: Row[], query: Query, starColumns: string[]): Rows {
  const { alias } = query;
  let rows = query.where ? input.filter((r) => truthy(evaluate(query.where as Expr, r, alias))) : [...input];
  if (query.items.some((i) => isAggregate(i.expr))) {
    if (query.items.some((i) => !isAggregate(i.expr) && i.expr.kind !== 'literal')) {
      throw new SqlError('aggregate functions cannot be mixed with plain columns (GROUP BY is not supported)');
    }
    const row: Row = {};
    const columns = query.items.map((i) => i.alias ?? exprName(i.expr));
    query.items.forEach((item, n) => {
      row[columns[n] as string] = item.expr.kind === 'call' ? aggregate(item.expr, rows, alias) : evaluate(item.expr, {}, alias);
    });
    return { columns, rows: [row] };
  }
  if (query.orderBy.length > 0) {
    rows = rows
      .map((r) => ({ r, keys: query.orderBy.map((o) => evaluate(o.expr, r, alias)) }))
      .sort((a, b) => {
        for (let i = 0; i < query.orderBy.length; i++) {
          const c = compare(a.keys[i], b.keys[i]);
          if (c !== 0) return query.orderBy[i]?.descending ? -c : c;
        }
        return 0;
      })
      .map((x) => x.r);
  }
  const offset = query.offset ?? 0;
  rows = rows.slice(offset, query.limit === undefined ? undefined : offset + query.limit);
  const columns: string[] = [];
  const getters: Array<(r: Row) => unknown> = [];
  for (const item of query.items) {
    if (item.expr.kind === 'star') {
      for (const c of starColumns) {
        columns.push(c);
        getters.push((r) => (c in r ? r[c] : null));
      }
    } else {
      const expr = item.expr;
      columns.push(item.alias ?? exprName(expr));
      getters.push((r) => evaluate(expr, r, alias) ?? null);
    }
  }
  return { columns, rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, (getters[i] as (r: Row) => unknown)(r)]))) };
}
