import { OPENAPI_DIR } from '../openapi/documents.js';
import { ApiClient, type Credentials } from './api-client.js';
import { format, type OutputOptions } from './output.js';
import type { Statement } from './ast.js';
import { parseStatement, splitStatements } from './parser.js';
import { Registry } from './registry.js';
import { loadStackqlRegistry } from './stackql-registry.js';
import { type Result, Session } from './session.js';
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

export { DEFAULT_SERVER } from './options.js';

export interface RunnerOptions extends Credentials {
  output: OutputOptions;
  vars: Record<string, string>;
  /** The folder of OpenAPI documents to read resources from (the project's openapi/ by default). */
  openapiDir?: string;
  /** A registry in StackQL's layout (`--registry`), instead of the project's own documents. */
  registryRoot?: string;
}

/** What `exec`, the shell and the wire server share: one registry, one token, templates and output formatting. */
export class Runner {
  #session: Session | undefined;

  constructor(readonly options: RunnerOptions) {}

  /** Made on first use: a dry run never reads a document. */
  get session(): Session {
    if (!this.#session) {
      const { registryRoot, openapiDir } = this.options;
      const registry = registryRoot ? loadStackqlRegistry(registryRoot) : Registry.load(openapiDir ?? OPENAPI_DIR);
      this.#session = new Session(registry, new ApiClient(this.options), this.options.server);
    }
    return this.#session;
  }

  /** `--dryrun`: the query with its templates filled, nothing sent. */
  render(text: string): string {
    return renderTemplate(text, this.options.vars);
  }

  /** Parses every statement first (a syntax error anywhere means nothing is sent), then runs them in order. */
  async execute(text: string, write: (chunk: string) => void): Promise<void> {
    await this.results(text, (result) => write(format(result, this.options.output)));
  }

  /** Parses every statement, then runs them in order, each result as it comes. */
  async results(text: string, each?: (result: Result, statement: Statement) => void): Promise<Result[]> {
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
    const out: Result[] = [];
    for (const statement of statements) {
      const result = await this.session.run(statement);
      each?.(result, statement);
      out.push(result);
    }
    return out;
  }
}
