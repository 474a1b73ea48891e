// Writes src/openapi-types/<document>.ts from each OpenAPI document in openapi/: the request, parameter and answer
// types the route modules are written against. The output is committed (the build and `npm ci` need no generator,
// and a change of a document's types shows in review); `npm run generate:types` after changing a document's shapes,
// and test/server/route-modules.test.ts fails while the committed types differ from what the documents say.
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OPENAPI_DIR = join(ROOT, 'openapi');
export const TYPES_DIR = join(ROOT, 'src', 'openapi-types');

const HEADER = '// Generated from openapi/%s by scripts/generate-openapi-types.ts (npm run generate:types). Do not edit.\n\n';

/** The documents whose types are generated: every OpenAPI document the server serves. */
export const documentFiles = (): string[] => readdirSync(OPENAPI_DIR).filter((name) => name.endsWith('.yaml')).sort();

export async function renderTypes(file: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(join(OPENAPI_DIR, file)), { silent: true });
  // Types only: the documents' descriptions stay in the documents, so editing prose does not make these stale.
  return HEADER.replace('%s', file) + astToString(ast, { formatOptions: { removeComments: true } });
}

export const typesFileOf = (file: string): string => join(TYPES_DIR, file.replace(/\.yaml$/, '.ts'));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of documentFiles()) {
    writeFileSync(typesFileOf(file), await renderTypes(file));
    console.log(`${file} -> ${typesFileOf(file)}`);
  }
}
