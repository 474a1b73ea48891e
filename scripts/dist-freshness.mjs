// Whether dist/ (the compiled command) is older than src/: shared by the test runner, which builds once before the
// files that run the command, and by those files themselves when run alone.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtEntry = join(root, 'dist', 'cli', 'index.js');

function newest(dir) {
  let time = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    time = Math.max(time, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }
  return time;
}

/** True when dist/cli/index.js is missing or older than the newest file under src/. */
export function distIsStale() {
  return !existsSync(builtEntry) || statSync(builtEntry).mtimeMs < newest(join(root, 'src'));
}
