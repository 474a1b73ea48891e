import { OPENAPI_DIR } from '../server/spec.js';
import { ApiClient, type Credentials } from './api-client.js';
import { format, type OutputOptions } from './output.js';
import type { Statement } from './ast.js';
import { parseStatement, splitStatements } from './parser.js';
import { Registry } from './registry.js';
import { Session } from './session.js';
import { lineAndColumn, SqlError } from './sql-error.js';
import { renderTemplate } from './template.js';

/** A syntax error's line and column, counted in the whole script rather than in its statement. */
function inScript(error: SqlError, script: string, start: number): SqlError {
  if (error.kind !== 'syntax' || start <= 0) return error;
  const origin = lineAndColumn(script, start);
  const message = error.message.replace(/^syntax error at line (\d+), column (\d+)/, (_all, l: string, c: string) => {
    const line = Number(l);
    const column = line === 1 ? Number(c) + origin.column - 1 : Number(c);
    return `syntax error at line ${line + origin.line - 1}, column ${column}`;
  });
  return new SqlError(message, 'syntax');
}

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

export interface RunnerOptions extends Credentials {
  output: OutputOptions;
  vars: Record<string, string>;
  /** The folder of OpenAPI documents to read resources from (the project's openapi/ by default). */
  openapiDir?: string;
}

/** What `exec` and the shell share: one registry, one token, templates and output formatting. */
export class Runner {
  readonly session: Session;

  constructor(readonly options: RunnerOptions) {
    this.session = new Session(Registry.load(options.openapiDir ?? OPENAPI_DIR), new ApiClient(options));
  }

  /** `--dryrun`: the query with its templates filled, nothing sent. */
  render(text: string): string {
    return renderTemplate(text, this.options.vars);
  }

  /** Parses every statement first (a syntax error anywhere means nothing is sent), then runs them in order. */
  async execute(text: string, write: (chunk: string) => void): Promise<void> {
    const rendered = this.render(text);
    const statements: Statement[] = [];
    let cursor = 0;
    for (const statement of splitStatements(rendered)) {
      const start = rendered.indexOf(statement, cursor);
      cursor = start + statement.length;
      try {
        statements.push(parseStatement(statement));
      } catch (error) {
        throw error instanceof SqlError ? inScript(error, rendered, start) : error;
      }
    }
    for (const statement of statements) write(format(await this.session.run(statement), this.options.output));
  }
}
