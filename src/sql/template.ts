import { SqlError } from './sql-error.js';

/** `--var k=v` flags, collected into a map (the last of a repeated name wins). */
export function parseVars(flags: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new SqlError(`--var expects NAME=VALUE, got '${flag}'`, 'template');
    vars[flag.slice(0, eq).trim()] = flag.slice(eq + 1);
  }
  return vars;
}

const PLACEHOLDER = /\{\{\s*\.?(?:values\.)?([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function isJsonContainer(value: string): boolean {
  const t = value.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/** Whether `offset` lies inside a single-quoted SQL string of `text`. */
function insideSqlString(text: string, offset: number): boolean {
  let inside = false;
  for (let i = 0; i < offset; i++) {
    if (text[i] === "'") inside = !inside; // '' toggles twice, which keeps the state right
  }
  return inside;
}

/**
 * Fills `{{ name }}` (also StackQL's `{{ .values.name }}`) from `--var`. A placeholder written as a JSON string,
 * `"{{ organization }}"`, whose value is a JSON object or array becomes that JSON itself (the documented EXEC
 * form writes the payload's objects that way). Inside a '...' literal, quotes in values are doubled so the
 * statement still parses.
 */
export function renderTemplate(text: string, vars: Readonly<Record<string, string>>): string {
  const missing = new Set<string>();
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] as string;
    const index = match.index;
    const value = vars[name];
    if (value === undefined) {
      missing.add(name);
      continue;
    }
    let start = index;
    let end = index + match[0].length;
    let replacement = value;
    if (text[start - 1] === '"' && text[end] === '"' && isJsonContainer(value)) {
      start--;
      end++;
      replacement = value.trim();
    } else if (text[start - 1] === '"' && text[end] === '"') {
      // A plain value inside a JSON string: keep it a valid JSON string.
      replacement = JSON.stringify(value).slice(1, -1);
    }
    if (insideSqlString(text, start)) replacement = replacement.replace(/'/g, "''");
    out += text.slice(last, start) + replacement;
    last = end;
  }
  if (missing.size > 0) {
    const names = [...missing];
    throw new SqlError(`template variable${names.length > 1 ? 's' : ''} not supplied: ${names.join(', ')} (pass --var ${names[0]}=VALUE)`, 'template');
  }
  return out + text.slice(last);
}
