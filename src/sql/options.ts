/** What the CLI needs to know about the SQL front end before loading it: kept free of imports so start-up stays fast. */

export type OutputFormat = 'table' | 'json' | 'jsonl' | 'csv' | 'text';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'jsonl', 'csv', 'text'];

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';
