import { OPENAPI_DIR } from '../server/spec.js';
import { ApiClient, type Credentials } from './api-client.js';
import { format, type OutputOptions } from './output.js';
import { parseStatement, splitStatements } from './parser.js';
import { Registry } from './registry.js';
import { type Result, Session } from './session.js';
import { renderTemplate } from './template.js';

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

  /** Runs every statement of a text in order; stops at the first failure (which is thrown). */
  async results(text: string): Promise<Result[]> {
    const out: Result[] = [];
    for (const statement of splitStatements(this.render(text))) out.push(await this.session.run(parseStatement(statement)));
    return out;
  }

  async execute(text: string, write: (chunk: string) => void): Promise<void> {
    for (const statement of splitStatements(this.render(text))) {
      write(format(await this.session.run(parseStatement(statement)), this.options.output));
    }
  }
}
