import type {
  DeleteStatement,
  DescribeStatement,
  ExecStatement,
  Expr,
  InsertStatement,
  Literal,
  OrderItem,
  QualifiedName,
  SelectItem,
  SelectStatement,
  ShowStatement,
  ShowWhat,
  Statement,
  UpdateStatement,
} from './ast.js';
import { type Token, tokenize } from './lexer.js';
import { lineAndColumn, SqlError } from './sql-error.js';

/** Words that end an expression or a select item, so they cannot be bare aliases. */
const RESERVED = new Set([
  'SELECT', 'FROM', 'WHERE', 'ORDER', 'BY', 'LIMIT', 'OFFSET', 'AND', 'OR', 'NOT', 'AS', 'IN', 'IS', 'NULL', 'LIKE',
  'VALUES', 'RETURNING', 'SET', 'INTO', 'ASC', 'DESC', 'TRUE', 'FALSE', 'ON', 'GROUP', 'HAVING', 'UNION', 'JOIN',
]);

const SHOW_WHAT = new Set<string>(['PROVIDERS', 'SERVICES', 'RESOURCES', 'METHODS']);

class Parser {
  private pos = 0;
  private readonly tokens: Token[];

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  private get token(): Token {
    return this.tokens[this.pos] as Token;
  }

  private peek(n = 1): Token {
    return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)] as Token;
  }

  private fail(expected: string, token: Token = this.token): never {
    const { line, column } = lineAndColumn(this.text, token.start);
    const near = token.type === 'eof' ? 'at end of input' : `near '${this.text.slice(token.start, token.start + 20).split(/\s/)[0]}'`;
    throw new SqlError(`syntax error at line ${line}, column ${column} ${near}: expected ${expected}`, 'syntax');
  }

  private isKeyword(word: string, token: Token = this.token): boolean {
    return token.type === 'ident' && !token.quoted && token.value.toUpperCase() === word;
  }

  private acceptKeyword(...words: string[]): boolean {
    if (!words.every((w, i) => this.isKeyword(w, this.peek(i)))) return false;
    this.pos += words.length;
    return true;
  }

  private expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) this.fail(word);
  }

  private isOp(op: string, token: Token = this.token): boolean {
    return token.type === 'op' && token.value === op;
  }

  private acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.pos++;
    return true;
  }

  private expectOp(op: string): void {
    if (!this.acceptOp(op)) this.fail(`'${op}'`);
  }

  private identifier(what = 'an identifier'): string {
    const t = this.token;
    if (t.type !== 'ident') this.fail(what);
    this.pos++;
    return t.value;
  }

  private hints(): string[] {
    const out: string[] = [];
    while (this.token.type === 'hint') {
      out.push(...this.token.value.split(/\s+/).filter(Boolean).map((h) => h.toUpperCase()));
      this.pos++;
    }
    return out;
  }

  private qualifiedName(what = 'a name such as provider.service.resource'): QualifiedName {
    const start = this.token.start;
    const parts = [this.identifier(what)];
    while (this.isOp('.') && this.peek().type === 'ident') {
      this.pos++;
      parts.push(this.identifier());
    }
    return { parts, start };
  }

  private resourceName(): QualifiedName {
    const name = this.qualifiedName('a resource name provider.service.resource');
    if (name.parts.length !== 3) {
      const { line, column } = lineAndColumn(this.text, name.start);
      throw new SqlError(
        `syntax error at line ${line}, column ${column}: expected provider.service.resource, got '${name.parts.join('.')}'`,
        'syntax',
      );
    }
    return name;
  }

  parseStatement(): Statement {
    const hints = this.hints();
    const t = this.token;
    if (t.type !== 'ident') this.fail('a statement (SELECT, SHOW, DESCRIBE, EXEC, INSERT, UPDATE, REPLACE, DELETE)');
    let statement: Statement;
    switch (t.value.toUpperCase()) {
      case 'SELECT':
        statement = this.select();
        break;
      case 'SHOW':
        statement = this.show();
        break;
      case 'DESCRIBE':
      case 'DESC':
        statement = this.describe();
        break;
      case 'EXEC':
        statement = this.exec(hints);
        break;
      case 'INSERT':
        statement = this.insert(hints);
        break;
      case 'UPDATE':
      case 'REPLACE':
        statement = this.update(hints);
        break;
      case 'DELETE':
        statement = this.delete(hints);
        break;
      default:
        this.fail('a statement (SELECT, SHOW, DESCRIBE, EXEC, INSERT, UPDATE, REPLACE, DELETE)');
    }
    this.acceptOp(';');
    if (this.token.type !== 'eof') this.fail('end of statement');
    return statement;
  }

  private show(): ShowStatement {
    this.expectKeyword('SHOW');
    const extended = this.acceptKeyword('EXTENDED');
    const word = this.token.type === 'ident' ? this.token.value.toUpperCase() : '';
    if (!SHOW_WHAT.has(word)) this.fail('PROVIDERS, SERVICES, RESOURCES or METHODS');
    this.pos++;
    const statement: ShowStatement = { type: 'show', what: word as ShowWhat, extended };
    if (this.acceptKeyword('IN') || this.acceptKeyword('FROM')) statement.in = this.qualifiedName();
    if (this.acceptKeyword('LIKE')) {
      if (this.token.type !== 'string') this.fail("a quoted pattern such as '%signup%'");
      statement.like = this.token.value;
      this.pos++;
    } else if (this.acceptKeyword('WHERE')) {
      statement.where = this.expression();
    }
    return statement;
  }

  private describe(): DescribeStatement {
    this.pos++;
    let extended = this.acceptKeyword('EXTENDED');
    const method = this.acceptKeyword('METHOD');
    if (method) extended = this.acceptKeyword('EXTENDED') || extended;
    const name = this.qualifiedName();
    const expected = method ? 4 : 3;
    if (name.parts.length !== expected) {
      const { line, column } = lineAndColumn(this.text, name.start);
      const shape = method ? 'provider.service.resource.method' : 'provider.service.resource';
      throw new SqlError(`syntax error at line ${line}, column ${column}: expected ${shape}, got '${name.parts.join('.')}'`, 'syntax');
    }
    return { type: 'describe', extended, method, name };
  }

  private execValue(): Literal {
    const t = this.token;
    if (t.type === 'string') {
      this.pos++;
      return t.value;
    }
    if (t.type === 'number') {
      this.pos++;
      return Number(t.value);
    }
    if (this.isOp('-') && this.peek().type === 'number') {
      this.pos += 2;
      return -Number(this.tokens[this.pos - 1]?.value);
    }
    if (t.type === 'ident') {
      this.pos++;
      const upper = t.value.toUpperCase();
      if (!t.quoted && upper === 'TRUE') return true;
      if (!t.quoted && upper === 'FALSE') return false;
      if (!t.quoted && upper === 'NULL') return null;
      return t.value;
    }
    this.fail('a value (a quoted string, a number, true, false or null)');
  }

  private exec(leading: string[]): ExecStatement {
    this.expectKeyword('EXEC');
    const hints = [...leading, ...this.hints()];
    const start = this.token.start;
    const name = this.qualifiedName('provider.service.resource.method');
    if (name.parts.length !== 4) {
      const { line, column } = lineAndColumn(this.text, start);
      throw new SqlError(`syntax error at line ${line}, column ${column}: expected provider.service.resource.method, got '${name.parts.join('.')}'`, 'syntax');
    }
    const statement: ExecStatement = { type: 'exec', hints, name, params: [] };
    // StackQL separates @params with commas; a comma before a parameter is accepted and not required.
    for (;;) {
      if (this.isOp(',') && (this.peek().type === 'at' || this.peek().type === 'atat')) this.pos++;
      const t = this.token;
      if (t.type === 'at') {
        this.pos++;
        this.expectOp('=');
        statement.params.push({ name: t.value, value: this.execValue() });
        continue;
      }
      if (t.type === 'atat') {
        if (statement.payload) this.fail('end of statement (only one @@ payload is allowed)');
        this.pos++;
        this.expectOp('=');
        if (this.token.type !== 'string') this.fail(`a quoted JSON string for @@${t.value}`);
        statement.payload = { name: t.value, value: this.token.value };
        this.pos++;
        continue;
      }
      break;
    }
    return statement;
  }

  private returning(): SelectItem[] {
    return this.acceptKeyword('RETURNING') ? this.selectItems() : [];
  }

  private insert(leading: string[]): InsertStatement {
    this.expectKeyword('INSERT');
    const hints = [...leading, ...this.hints()];
    this.acceptKeyword('IGNORE');
    this.acceptKeyword('INTO');
    const name = this.resourceName();
    const columns: string[] = [];
    if (this.acceptOp('(')) {
      do columns.push(this.identifier('a column name'));
      while (this.acceptOp(','));
      this.expectOp(')');
    }
    let source: InsertStatement['source'];
    if (this.acceptKeyword('VALUES')) {
      const rows: Expr[][] = [];
      do {
        this.expectOp('(');
        const row: Expr[] = [];
        do row.push(this.expression());
        while (this.acceptOp(','));
        this.expectOp(')');
        rows.push(row);
      } while (this.acceptOp(','));
      source = { kind: 'values', rows };
    } else if (this.isKeyword('SELECT')) {
      source = { kind: 'select', select: this.select() };
    } else {
      this.fail('VALUES or SELECT');
    }
    return { type: 'insert', hints, name, columns, source, returning: this.returning() };
  }

  private update(leading: string[]): UpdateStatement {
    const verb = this.identifier().toUpperCase() === 'REPLACE' ? 'replace' : 'update';
    const hints = [...leading, ...this.hints()];
    const name = this.resourceName();
    this.expectKeyword('SET');
    const set: UpdateStatement['set'] = [];
    do {
      const column = this.identifier('a column name');
      this.expectOp('=');
      set.push({ column, value: this.expression() });
    } while (this.acceptOp(','));
    const statement: UpdateStatement = { type: 'update', verb, hints, name, set, returning: [] };
    if (this.acceptKeyword('WHERE')) statement.where = this.expression();
    statement.returning = this.returning();
    return statement;
  }

  private delete(leading: string[]): DeleteStatement {
    this.expectKeyword('DELETE');
    const hints = [...leading, ...this.hints()];
    this.expectKeyword('FROM');
    const statement: DeleteStatement = { type: 'delete', hints, name: this.resourceName() };
    if (this.acceptKeyword('WHERE')) statement.where = this.expression();
    return statement;
  }

  private select(): SelectStatement {
    this.expectKeyword('SELECT');
    const statement: SelectStatement = { type: 'select', items: this.selectItems(), orderBy: [] };
    if (this.acceptKeyword('FROM')) {
      statement.from = this.resourceName();
      if (this.acceptKeyword('AS')) statement.alias = this.identifier('an alias');
      else if (this.token.type === 'ident' && !RESERVED.has(this.token.value.toUpperCase())) statement.alias = this.identifier();
    }
    if (this.acceptKeyword('WHERE')) statement.where = this.expression();
    if (this.acceptKeyword('ORDER', 'BY')) {
      do {
        const item: OrderItem = { expr: this.expression(), descending: false };
        if (this.acceptKeyword('DESC')) item.descending = true;
        else this.acceptKeyword('ASC');
        statement.orderBy.push(item);
      } while (this.acceptOp(','));
    }
    if (this.acceptKeyword('LIMIT')) {
      const first = this.integer();
      if (this.acceptOp(',')) {
        statement.offset = first;
        statement.limit = this.integer();
      } else {
        statement.limit = first;
        if (this.acceptKeyword('OFFSET')) statement.offset = this.integer();
      }
    }
    for (const word of ['GROUP', 'HAVING', 'UNION', 'JOIN']) {
      if (this.isKeyword(word)) this.fail(`end of statement (${word} is not supported)`);
    }
    return statement;
  }

  private integer(): number {
    if (this.token.type !== 'number' || !/^[0-9]+$/.test(this.token.value)) this.fail('a whole number');
    return Number(this.tokens[this.pos++]?.value);
  }

  private selectItems(): SelectItem[] {
    const items: SelectItem[] = [];
    do {
      const item: SelectItem = { expr: this.isOp('*') ? (this.pos++, { kind: 'star' }) : this.expression() };
      if (this.acceptKeyword('AS')) item.alias = this.identifier('an alias');
      else if (this.token.type === 'ident' && !RESERVED.has(this.token.value.toUpperCase())) item.alias = this.identifier();
      else if (this.token.type === 'string') item.alias = this.tokens[this.pos++]?.value;
      items.push(item);
    } while (this.acceptOp(','));
    return items;
  }

  expression(): Expr {
    return this.or();
  }

  private or(): Expr {
    let left = this.and();
    while (this.acceptKeyword('OR')) left = { kind: 'binary', op: 'OR', left, right: this.and() };
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.acceptKeyword('AND')) left = { kind: 'binary', op: 'AND', left, right: this.not() };
    return left;
  }

  private not(): Expr {
    if (this.acceptKeyword('NOT')) return { kind: 'unary', op: 'NOT', operand: this.not() };
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.additive();
    const t = this.token;
    if (t.type === 'op' && ['=', '!=', '<>', '<', '<=', '>', '>='].includes(t.value)) {
      this.pos++;
      const op = (t.value === '<>' ? '!=' : t.value) as '=' | '!=' | '<' | '<=' | '>' | '>=';
      return { kind: 'binary', op, left, right: this.additive() };
    }
    if (this.acceptKeyword('IS')) {
      const negated = this.acceptKeyword('NOT');
      this.expectKeyword('NULL');
      return { kind: 'isNull', operand: left, negated };
    }
    const negated = this.acceptKeyword('NOT');
    if (this.acceptKeyword('LIKE')) return { kind: 'like', operand: left, pattern: this.additive(), negated };
    if (this.acceptKeyword('IN')) {
      this.expectOp('(');
      const list: Expr[] = [];
      do list.push(this.expression());
      while (this.acceptOp(','));
      this.expectOp(')');
      return { kind: 'in', operand: left, list, negated };
    }
    if (negated) this.fail('LIKE or IN after NOT');
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (;;) {
      const t = this.token;
      if (t.type === 'op' && (t.value === '+' || t.value === '-' || t.value === '||')) {
        this.pos++;
        left = { kind: 'binary', op: t.value, left, right: this.multiplicative() };
      } else return left;
    }
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.token;
      if (t.type === 'op' && (t.value === '*' || t.value === '/' || t.value === '%')) {
        this.pos++;
        left = { kind: 'binary', op: t.value, left, right: this.unary() };
      } else return left;
    }
  }

  private unary(): Expr {
    if (this.acceptOp('-')) return { kind: 'unary', op: '-', operand: this.unary() };
    return this.primary();
  }

  private primary(): Expr {
    const t = this.token;
    if (t.type === 'string') {
      this.pos++;
      return { kind: 'literal', value: t.value };
    }
    if (t.type === 'number') {
      this.pos++;
      return { kind: 'literal', value: Number(t.value) };
    }
    if (this.acceptOp('(')) {
      const inner = this.expression();
      this.expectOp(')');
      return inner;
    }
    if (t.type === 'ident') {
      const upper = t.value.toUpperCase();
      if (!t.quoted && (upper === 'TRUE' || upper === 'FALSE' || upper === 'NULL')) {
        this.pos++;
        return { kind: 'literal', value: upper === 'NULL' ? null : upper === 'TRUE' };
      }
      if (!t.quoted && RESERVED.has(upper)) this.fail('an expression');
      this.pos++;
      if (this.acceptOp('(')) {
        const args: Expr[] = [];
        if (this.acceptOp('*')) args.push({ kind: 'star' });
        else if (!this.isOp(')')) {
          do args.push(this.expression());
          while (this.acceptOp(','));
        }
        this.expectOp(')');
        return { kind: 'call', name: t.value.toLowerCase(), args };
      }
      const path = [t.value];
      while (this.isOp('.') && this.peek().type === 'ident') {
        this.pos++;
        path.push(this.identifier());
      }
      return { kind: 'column', path };
    }
    this.fail('an expression');
  }
}

/** Parses one statement (a trailing `;` is allowed). */
export function parseStatement(text: string): Statement {
  return new Parser(text).parseStatement();
}

/** Statements ended by `;` (outside strings, quotes and comments) and the text after the last one. */
export function scanStatements(text: string): { statements: string[]; rest: string } {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === c) {
          if (c === "'" && text[j + 1] === "'") {
            j += 2;
            continue;
          }
          break;
        }
        if (c === "'" && text[j] === '\\') j++;
        j++;
      }
      current += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      current += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      current += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === ';') {
      if (hasCode(current)) statements.push(current.trim());
      current = '';
      i++;
      continue;
    }
    current += c;
    i++;
  }
  return { statements, rest: current };
}

/** Splits a script (an .iql file, a shell buffer) into statements; the last one needs no `;`. */
export function splitStatements(text: string): string[] {
  const { statements, rest } = scanStatements(text);
  return hasCode(rest) ? [...statements, rest.trim()] : statements;
}

/** True when the text holds more than whitespace and comments. */
export function hasCode(text: string): boolean {
  return text.replace(/--[^\n]*/g, '').replace(/\/\*(?!\+)[\s\S]*?\*\//g, '').trim().length > 0;
}
