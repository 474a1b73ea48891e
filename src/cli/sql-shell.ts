import { appendFileSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { hasCode, scanStatements } from '../sql/parser.js';
import type { Runner } from '../sql/runner.js';
import { outputSink } from './exec.js';
import { runnerOptions, type SqlFlags } from './sql-options.js';

const PROMPT = 'signups>> ';
const CONTINUE = '       -> ';
const HISTORY_SIZE = 1000;
const EXIT = /^\s*(exit|quit|\\q)\s*;?\s*$/i;

function historyFile(): string {
  return process.env.SIGNUPS_SQL_HISTORY ?? join(homedir(), '.signups_sql_history');
}

/** Earlier statements, newest first (readline's order), one per line with newlines folded. */
function loadHistory(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

/**
 * `signups sql`: an interactive shell. Lines gather until a `;` ends a statement; up and down arrows recall
 * earlier statements (kept in ~/.signups_sql_history, or SIGNUPS_SQL_HISTORY). Piped input works the same way,
 * without prompts, and resolves with true (a non-zero exit) if a statement failed.
 */
export interface ShellIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  error: NodeJS.WritableStream;
}

export async function sqlShell(flags: SqlFlags, io: ShellIo = { input: process.stdin, output: process.stdout, error: process.stderr }): Promise<boolean> {
  const options = await runnerOptions(flags);
  // The SQL engine loads while the prompt waits for the first statement.
  let runner: Promise<Runner> | undefined;
  const engine = () => (runner ??= import('../sql/runner.js').then(({ Runner }) => new Runner(options)));
  const write = outputSink(flags.outfile, (chunk) => void io.output.write(chunk));
  const interactive = io.input.isTTY === true;
  const file = historyFile();
  const rl = createInterface({
    input: io.input,
    output: interactive ? io.output : undefined,
    terminal: interactive,
    history: interactive ? loadHistory(file) : [],
    historySize: HISTORY_SIZE,
    prompt: PROMPT,
  });
  const prompt = (text: string) => {
    if (!interactive) return;
    rl.setPrompt(text);
    rl.prompt();
  };
  if (interactive) io.output.write('Signups SQL shell. End statements with ";". Ctrl-C cancels a statement; Ctrl-D or "exit" leaves.\n');
  // readline keeps each line; a statement typed over several lines is recalled whole instead.
  const history = (rl as unknown as { history?: string[] }).history ?? [];
  let historyMark = history.length;
  let buffer = '';
  let failed = false;
  let leaving = false;
  // Ctrl-C drops the statement being typed; on an empty prompt it asks for a second Ctrl-C (or Ctrl-D) to leave.
  let exitArmed = false;
  rl.on('SIGINT', () => {
    if (rl.line !== '' || buffer !== '') {
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
      buffer = '';
      historyMark = history.length;
      exitArmed = false;
      io.output.write('^C\n');
      prompt(PROMPT);
      return;
    }
    if (exitArmed) {
      io.output.write('\n');
      rl.close();
      return;
    }
    exitArmed = true;
    io.output.write('\n(press Ctrl-C again, or Ctrl-D, to leave)\n');
    prompt(PROMPT);
  });
  prompt(PROMPT);
  setImmediate(() => void engine().catch(() => undefined));
  for await (const line of rl) {
    exitArmed = false;
    if (!hasCode(buffer) && EXIT.test(line)) break;
    buffer = buffer === '' ? line : `${buffer}\n${line}`;
    const { statements, rest } = scanStatements(buffer);
    buffer = hasCode(rest) ? rest.replace(/^\s*\n/, '') : '';
    if (interactive && statements.length > 0) {
      history.splice(0, Math.max(0, history.length - historyMark), ...statements.map((st) => `${st.replace(/\s*\n\s*/g, ' ')};`).reverse());
    }
    if (buffer === '') historyMark = history.length;
    if (EXIT.test(buffer)) {
      buffer = '';
      leaving = true;
    }
    for (const statement of statements) {
      if (interactive) {
        try {
          appendFileSync(file, `${statement.replace(/\s*\n\s*/g, ' ')};\n`);
        } catch {
          // history is a convenience; an unwritable home must not stop the shell
        }
      }
      try {
        if (flags.dryrun) write(`${(await engine()).render(statement)};\n`);
        else await (await engine()).execute(statement, write);
      } catch (error) {
        failed = true;
        io.error.write(`error: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n`);
      }
    }
    if (leaving) break;
    prompt(buffer === '' ? PROMPT : CONTINUE);
  }
  rl.close();
  if (hasCode(buffer)) {
    failed = true;
    io.error.write('error: the last statement was not ended with ";"\n');
  }
  return failed && !interactive;
}
