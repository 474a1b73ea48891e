import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import type { SqlFlags } from './sql-options.js';

/** Where results go: `stdout`, or the -f file (started empty, written as each statement finishes). */
export function outputSink(outfile: string | undefined, stdout: (chunk: string) => void): (chunk: string) => void {
  if (!outfile) return stdout;
  writeFileSync(outfile, '');
  return (chunk) => appendFileSync(outfile, chunk);
}

/** `signups exec "QUERY"` (or `-i FILE.iql`): runs the statements and prints their results. */
export async function execCommand(query: string | undefined, flags: SqlFlags, stdout: (chunk: string) => void): Promise<void> {
  if (query === undefined && !flags.infile) throw new Error('give a query, e.g. signups exec "SHOW PROVIDERS", or -i FILE.iql');
  if (query !== undefined && flags.infile) throw new Error('give either a query or -i FILE, not both');
  const text = flags.infile ? readFileSync(flags.infile, 'utf8') : (query as string);
  const write = outputSink(flags.outfile, stdout);
  if (flags.dryrun) {
    // A dry run only fills templates: nothing else is loaded.
    const { parseVars, renderTemplate } = await import('../sql/template.js');
    write(`${renderTemplate(text, parseVars(flags.var)).trimEnd()}\n`);
    return;
  }
  const [{ Runner }, { runnerOptions }] = await Promise.all([import('../sql/runner.js'), import('./sql-options.js')]);
  const runner = new Runner(await runnerOptions(flags));
  await runner.execute(text, write);
}
