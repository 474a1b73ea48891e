import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The OpenAPI documents live at the repository root, two levels above both src/openapi and dist/openapi. */
export const OPENAPI_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'openapi');

interface Loaded {
  /** The file's modification time and size when it was read: a changed file is read again. */
  version: string;
  text: string;
  document: unknown;
}

const loaded = new Map<string, Loaded>();

function load(file: string): Loaded {
  const path = resolve(OPENAPI_DIR, file);
  const { mtimeMs, size } = statSync(path);
  const version = `${mtimeMs}:${size}`;
  const cached = loaded.get(path);
  if (cached?.version === version) return cached;
  const text = readFileSync(path, 'utf8');
  const entry: Loaded = { version, text, document: parse(text) };
  loaded.set(path, entry);
  return entry;
}

/**
 * An OpenAPI document (YAML or JSON), read and parsed once per process however many readers ask for it (the
 * server's routes and docs, the SQL front end's registry; several servers may start in one process), a copy each
 * call so that no reader sees another's changes. `file` is relative to OPENAPI_DIR, or absolute.
 */
export function openApiDocument<T>(file: string): T {
  return structuredClone(load(file).document) as T;
}

/** The document's text as the file holds it (served byte for byte). */
export function openApiText(file: string): string {
  return load(file).text;
}
