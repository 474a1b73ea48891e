import { lineAndColumn, SqlError } from './sql-error.js';

export type TokenType =
  | 'ident' // a bare or quoted identifier (keywords are idents; the parser decides)
  | 'string' // '...' with '' as an escaped quote
  | 'number'
  | 'at' // @name (EXEC parameter)
  | 'atat' // @@name (EXEC payload)
  | 'hint' // /*+ SHOWRESULTS */
  | 'op' // punctuation and operators
  | 'eof';

export interface Token {
  type: TokenType;
  value: string;
  /** Offset of the first character in the statement text. */
  start: number;
  /** A quoted identifier is never a keyword. */
  quoted?: boolean;
}

const OPERATORS = ['<>', '!=', '<=', '>=', '||', '=', '<', '>', '(', ')', ',', '.', ';', '*', '+', '-', '/', '%'];

function syntaxError(text: string, offset: number, message: string): SqlError {
  const { line, column } = lineAndColumn(text, offset);
  return new SqlError(`syntax error at line ${line}, column ${column}: ${message}`, 'syntax');
}

const isIdentStart = (c: string): boolean => /[A-Za-z_]/.test(c);
const isIdentPart = (c: string): boolean => /[A-Za-z0-9_$]/.test(c);

/** Splits a statement into tokens; comments vanish except optimizer-style hints (`/*+ ... *\/`). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw syntaxError(text, i, 'unterminated comment');
      if (text[i + 2] === '+') tokens.push({ type: 'hint', value: text.slice(i + 3, end).trim(), start: i });
      i = end + 2;
      continue;
    }
    if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw syntaxError(text, i, 'unterminated string');
        const d = text[j] as string;
        if (d === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        if (d === '\\' && (text[j + 1] === "'" || text[j + 1] === '\\')) {
          // MySQL-style escapes, which the StackQL parser (a vitess fork) accepts.
          value += text[j + 1];
          j += 2;
          continue;
        }
        value += d;
        j++;
      }
      tokens.push({ type: 'string', value, start: i });
      i = j + 1;
      continue;
    }
    if (c === '`' || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw syntaxError(text, i, 'unterminated quoted identifier');
      tokens.push({ type: 'ident', value: text.slice(i + 1, end), start: i, quoted: true });
      i = end + 1;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i));
      const value = match?.[0] ?? c;
      tokens.push({ type: 'number', value, start: i });
      i += value.length;
      continue;
    }
    if (c === '@') {
      const atat = text[i + 1] === '@';
      let j = i + (atat ? 2 : 1);
      const nameStart = j;
      while (j < text.length && (isIdentPart(text[j] as string) || text[j] === '.')) j++;
      if (j === nameStart) throw syntaxError(text, i, `expected a parameter name after '${atat ? '@@' : '@'}'`);
      tokens.push({ type: atat ? 'atat' : 'at', value: text.slice(nameStart, j), start: i });
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < text.length && isIdentPart(text[j] as string)) j++;
      tokens.push({ type: 'ident', value: text.slice(i, j), start: i });
      i = j;
      continue;
    }
    if (c === '{' && text[i + 1] === '{') throw syntaxError(text, i, 'unfilled template variable (pass it with --var NAME=VALUE)');
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw syntaxError(text, i, `unexpected character '${c}'`);
    tokens.push({ type: 'op', value: op, start: i });
    i += op.length;
  }
  tokens.push({ type: 'eof', value: '', start: text.length });
  return tokens;
}
