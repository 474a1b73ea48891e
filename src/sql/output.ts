import type { Rows } from './evaluate.js';
import type { OutputFormat } from './options.js';
import type { Result } from './session.js';

export { OUTPUT_FORMATS, type OutputFormat } from './options.js';

export interface OutputOptions {
  format: OutputFormat;
  /** -H: no header line (csv and text, as in StackQL). */
  hideHeaders?: boolean;
  /** -d: the csv delimiter. */
  delimiter?: string;
}

/** A cell as text: objects and arrays as JSON, null as empty. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function csvField(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** StackQL's table: `|---|` rules around the header and after the last row. */
function table(result: Rows): string {
  const grid = result.rows.map((row) => result.columns.map((c) => cell(row[c]).replace(/\s*\n\s*/g, ' ')));
  const widths = result.columns.map((c, i) => Math.max(c.length, ...grid.map((r) => (r[i] as string).length)));
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const line = (cells: string[]) => `|${cells.map((c, i) => ` ${c.padEnd(widths[i] as number)} `).join('|')}|`;
  const header = line(result.columns.map((c, i) => {
    const pad = (widths[i] as number) - c.length;
    return ' '.repeat(Math.floor(pad / 2)) + c + ' '.repeat(pad - Math.floor(pad / 2));
  }));
  return [rule, header, rule, ...grid.map(line), ...(grid.length > 0 ? [rule] : [])].join('\n') + '\n';
}

/** Renders a statement's result in the chosen output mode. */
export function format(result: Result, options: OutputOptions): string {
  if ('message' in result) {
    return options.format === 'json' || options.format === 'jsonl' ? `${JSON.stringify({ message: result.message })}\n` : `${result.message}\n`;
  }
  const objects = () => result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c, row[c] ?? null])));
  switch (options.format) {
    case 'json':
      return `${JSON.stringify(objects(), null, 2)}\n`;
    case 'jsonl':
      // One object per line, so that a stream of rows can be read line by line (jq -c, log shippers).
      return objects().map((o) => `${JSON.stringify(o)}\n`).join('');
    case 'csv': {
      const d = options.delimiter ?? ',';
      const lines = result.rows.map((row) => result.columns.map((c) => csvField(cell(row[c]), d)).join(d));
      if (!options.hideHeaders) lines.unshift(result.columns.map((c) => csvField(c, d)).join(d));
      return lines.length > 0 ? `${lines.join('\n')}\n` : '';
    }
    case 'text': {
      const lines = result.rows.map((row) => result.columns.map((c) => cell(row[c])).join(','));
      if (!options.hideHeaders) lines.unshift(result.columns.join(','));
      return lines.length > 0 ? `${lines.join('\n')}\n` : '';
    }
    default:
      return table(result);
  }
}
