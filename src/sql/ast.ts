/** The statements of the StackQL dialect that Signups understands. */

export type Literal = string | number | boolean | null;

export type Expr =
  | { kind: 'literal'; value: Literal }
  /** A column, possibly dotted (`organization.id`, `metadata.created_at`). */
  | { kind: 'column'; path: string[] }
  | { kind: 'star' }
  | { kind: 'unary'; op: 'NOT' | '-'; operand: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'in'; operand: Expr; list: Expr[]; negated: boolean }
  | { kind: 'isNull'; operand: Expr; negated: boolean }
  | { kind: 'like'; operand: Expr; pattern: Expr; negated: boolean }
  | { kind: 'call'; name: string; args: Expr[] };

export type BinaryOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR' | '||' | '+' | '-' | '*' | '/' | '%';

/** `provider.service.resource` (or fewer segments for SHOW ... IN). */
export interface QualifiedName {
  parts: string[];
  start: number;
}

export interface SelectItem {
  expr: Expr;
  alias?: string;
}

export interface OrderItem {
  expr: Expr;
  descending: boolean;
}

export interface SelectStatement {
  type: 'select';
  items: SelectItem[];
  /** Undefined for `SELECT 'a', 1` (a row of literals, as in INSERT ... SELECT). */
  from?: QualifiedName;
  alias?: string;
  where?: Expr;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}

export type ShowWhat = 'PROVIDERS' | 'SERVICES' | 'RESOURCES' | 'METHODS';

export interface ShowStatement {
  type: 'show';
  what: ShowWhat;
  extended: boolean;
  in?: QualifiedName;
  like?: string;
  where?: Expr;
}

export interface DescribeStatement {
  type: 'describe';
  extended: boolean;
  /** DESCRIBE METHOD p.s.r.m */
  method: boolean;
  name: QualifiedName;
}

export interface ExecStatement {
  type: 'exec';
  hints: string[];
  name: QualifiedName;
  params: Array<{ name: string; value: Literal }>;
  /** The single `@@name = '...'` payload (StackQL accepts only `@@json`). */
  payload?: { name: string; value: string };
}

export interface InsertStatement {
  type: 'insert';
  hints: string[];
  name: QualifiedName;
  columns: string[];
  /** VALUES rows, or a SELECT whose rows are inserted one by one. */
  source: { kind: 'values'; rows: Expr[][] } | { kind: 'select'; select: SelectStatement };
  returning: SelectItem[];
}

export interface UpdateStatement {
  type: 'update';
  /** UPDATE (PATCH) or REPLACE (PUT). */
  verb: 'update' | 'replace';
  hints: string[];
  name: QualifiedName;
  set: Array<{ column: string; value: Expr }>;
  where?: Expr;
  returning: SelectItem[];
}

export interface DeleteStatement {
  type: 'delete';
  hints: string[];
  name: QualifiedName;
  where?: Expr;
}

export type Statement =
  | SelectStatement
  | ShowStatement
  | DescribeStatement
  | ExecStatement
  | InsertStatement
  | UpdateStatement
  | DeleteStatement;
