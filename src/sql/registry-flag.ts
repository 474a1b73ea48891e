import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqlError } from './sql-error.js';

/** `--registry` in StackQL's JSON form. */
export interface RegistryConfig {
  url?: string;
  localDocRoot?: string;
  verifyConfig?: { nopVerify?: boolean };
  useEmbedded?: boolean;
}

/** Parses `--registry`; the folder is `localDocRoot`, else the path of a `file://` URL. */
export function parseRegistryFlag(text: string): string {
  let config: RegistryConfig;
  try {
    config = JSON.parse(text) as RegistryConfig;
  } catch (error) {
    throw new SqlError(`--registry must be JSON, e.g. '{"url": "file:///path/to/registry", "localDocRoot": "/path/to/registry", "verifyConfig": {"nopVerify": true}}': ${(error as Error).message}`, 'plan');
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new SqlError('--registry must be a JSON object', 'plan');
  let root = typeof config.localDocRoot === 'string' && config.localDocRoot !== '' ? config.localDocRoot : undefined;
  if (!root && typeof config.url === 'string') {
    if (!config.url.startsWith('file://')) {
      throw new SqlError(`--registry: only a local registry is supported (a file:// url or localDocRoot), not '${config.url}'`, 'plan');
    }
    root = fileURLToPath(config.url);
  }
  if (!root) throw new SqlError('--registry needs "localDocRoot" or a "file://" "url"', 'plan');
  return resolve(root);
}
