#!/usr/bin/env node
// Runs the README's shell examples in order, in one bash, as a reader pasting them would, against a server started
// the README's way, and fails when one of them fails. A command may fail only where the README shows its error
// (the comment after it starts with "# signups:"), and a `curl --max-time` that reads a stream ends by its timeout; an
// API error body in any answer fails the run. Blocks marked
// `<!-- readme-examples: skip (why) -->` on the line before their fence are left out (they need the internet).
//
//   node scripts/readme-examples.mjs          (npm run check:readme; ports 8080, 8081, 8082, 8090 and 5444 must be free)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'test-results', 'readme-examples');
const readme = readFileSync(join(root, 'README.md'), 'utf8').split('\n');

/** The runnable blocks: [{ start: README line of the first command (1-based), lines }]. */
function blocks() {
  const out = [];
  for (let i = 0; i < readme.length; i++) {
    if (!/^```(sh|bash)\s*$/.test(readme[i] ?? '')) continue;
    const skipped = /<!-- readme-examples: skip/.test(readme[i - 1] ?? '');
    const start = i + 2;
    const lines = [];
    for (i++; i < readme.length && !/^```\s*$/.test(readme[i] ?? ''); i++) lines.push(readme[i] ?? '');
    // The two commands that install and start everything are what this script itself does.
    if (!skipped && !lines.some((line) => line.startsWith('npm ci'))) out.push({ start, lines });
  }
  return out;
}

/** Whether the README shows this command's error: the first comment within its next lines quotes `signups:`. */
function errorShown(readmeLine) {
  for (let i = readmeLine; i < Math.min(readme.length, readmeLine + 4); i++) {
    const line = (readme[i] ?? '').trim();
    if (line === '') return false;
    if (line.startsWith('#')) return line.startsWith('# signups:');
  }
  return false;
}

function waitFor(url, seconds) {
  const end = Date.now() + seconds * 1000;
  return new Promise((resolve, reject) => {
    const attempt = () =>
      fetch(url)
        .then((res) => (res.ok ? resolve() : Promise.reject(new Error(String(res.status)))))
        .catch((error) => (Date.now() > end ? reject(new Error(`${url} did not answer: ${error.message}`)) : setTimeout(attempt, 300)));
    attempt();
  });
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-qc', 'DROP DATABASE IF EXISTS signups WITH (FORCE)'], { stdio: 'ignore' });

// A line map from the generated script back to the README, for the failures the ERR trap reports.
const script = ['set -E', "trap 'echo \"$LINENO\" >> failures' ERR"];
const origin = [0, 0];
for (const block of blocks()) {
  block.lines.forEach((line, k) => {
    script.push(line);
    origin.push(block.start + k);
  });
}
writeFileSync(join(work, 'examples.sh'), `${script.join('\n')}\n`);

const server = spawn('npx', ['signups', 'serve'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
let failed = false;
try {
  await waitFor('http://127.0.0.1:8080/readyz', 60);
  // Through a shell pipe: Node's own pipes are sockets, which `tee /dev/stderr` cannot open.
  const run = spawnSync('bash', ['-c', 'bash examples.sh 2>&1 | cat'], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 15 * 60_000 });
  const output = run.stdout;
  writeFileSync(join(work, 'output.txt'), output);
  let failures = [];
  try {
    failures = readFileSync(join(work, 'failures'), 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    // No command failed.
  }
  for (const line of new Set(failures)) {
    const at = origin[line - 1] ?? 0;
    if (!errorShown(at) && !readme[at - 1]?.includes('--max-time')) {
      failed = true;
      console.error(`README.md:${at}: failed: ${readme[at - 1]?.trim()}`);
    }
  }
  for (const line of output.split('\n')) {
    if (/^\{"errors":\[|^\{"OperationId":/.test(line)) {
      failed = true;
      console.error(`an API error in an answer: ${line.slice(0, 300)}`);
    }
  }
  if (run.status === null) {
    failed = true;
    console.error('the examples did not finish in 15 minutes');
  }
  console.log(failed ? `README examples: FAILED (output in ${work}/output.txt)` : `README examples: every command ran as written (output in ${work}/output.txt)`);
} finally {
  try {
    process.kill(-(server.pid ?? 0), 'SIGTERM');
  } catch {
    // Already gone.
  }
}
process.exit(failed ? 1 : 0);
