/** A failure of a statement, shown to the user as one line; `position` is where the parser stopped. */
export class SqlError extends Error {
  constructor(
    message: string,
    readonly kind: 'syntax' | 'plan' | 'api' | 'template' | 'auth' = 'plan',
    /** The HTTP status of the API's refusal, for an `api` error. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SqlError';
  }
}

/** Line and column (both from 1) of an offset in a text, for error messages. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
