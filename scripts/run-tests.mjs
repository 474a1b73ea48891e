#!/usr/bin/env node
// Runs every test file on SQLite, and on PostgreSQL too when one is reachable; says which. In CI a missing
// PostgreSQL is an error.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { once } from 'node:events';
import { distIsStale } from './dist-freshness.mjs';

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

function answers(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

const env = { ...process.env };
const argv = process.argv.slice(2);
// In CI (CI=true, as CI services set it) or with --require-postgres, a missing PostgreSQL fails the run: the
// PostgreSQL matrix and the multi-process proofs must not be skipped quietly.
const requirePostgres = argv.includes('--require-postgres') || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0');
let postgres = env.SIGNUPS_TEST_POSTGRES_URL;
if (!postgres && (await answers('127.0.0.1', 5432))) {
  postgres = 'postgres://postgres@127.0.0.1:5432/postgres';
}
const dialects = ['sqlite'];
if (env.SIGNUPS_TEST_DIALECTS === 'sqlite') {
  console.log('store tests run on: sqlite only (SIGNUPS_TEST_DIALECTS=sqlite)');
} else if (postgres) {
  const url = new URL(postgres);
  if (!(await answers(url.hostname, Number(url.port || 5432)))) {
    console.error(`PostgreSQL does not answer at ${url.host} (SIGNUPS_TEST_POSTGRES_URL)`);
    process.exit(1);
  }
  dialects.push('postgres');
  env.SIGNUPS_TEST_POSTGRES_URL = postgres;
  console.log(`store tests run on: sqlite, postgres (${postgres.replace(/\/\/[^@/]*@/, '//***@')})`);
} else if (requirePostgres) {
  console.error('no PostgreSQL: CI runs every store test on PostgreSQL too. Set SIGNUPS_TEST_POSTGRES_URL or run one on 127.0.0.1:5432 (SIGNUPS_TEST_DIALECTS=sqlite runs SQLite only on purpose).');
  process.exit(1);
} else {
  console.log('store tests run on: sqlite only (no PostgreSQL: set SIGNUPS_TEST_POSTGRES_URL or run one on 127.0.0.1:5432)');
}
env.SIGNUPS_TEST_DIALECTS = dialects.join(',');

const paths = argv.filter((arg) => arg !== '--require-postgres');
const args = paths.length > 0 ? paths : ['test'];
const files = args.flatMap((arg) => (statSync(arg).isDirectory() ? findTests(arg) : [arg]));
// Files that run the compiled command, or start server processes from it (test/helpers/server-process.ts), compile
// it first when dist/ is older than src/ (test/helpers/cli.ts). Left to them, each would run its own build while
// another test process runs the command from the dist/ being rewritten: build once here instead.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (files.some((file) => /ensureBuilt|startServerProcess/.test(readFileSync(file, 'utf8'))) && distIsStale()) {
  console.log('dist/ is older than src/: npm run build, once, for the command-line tests');
  const build = spawn('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const [code] = await once(build, 'exit');
  if (code !== 0) process.exit(1);
}

// `npx signups` in this folder installs it into npm's npx cache as a file: dependency the first time, which runs its
// `prepare` script: a rebuild of dist/ while the other test file runs the command from it. Do that install here,
// once, before the tests (later runs of npx find it installed and build nothing).
if (files.some((file) => readFileSync(file, 'utf8').includes('npx signups'))) {
  const warm = spawn('npx', ['--yes', 'signups', '--version'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const [code] = await once(warm, 'exit');
  if (code !== 0) process.exit(1);
}

// A few test processes take the files from one queue, each running file after file in the same process (see
// scripts/test-worker.mjs): loading the server stack once per process instead of once per file. The longest files
// of the last recorded run go first, so that no long file starts last.
const workers = Math.max(1, Number(env.SIGNUPS_TEST_WORKERS) || availableParallelism() + 1);
let recorded = {};
try {
  recorded = JSON.parse(readFileSync(join(root, 'test', 'durations.json'), 'utf8'));
} catch {
  // No record: the queue keeps the files' order.
}
const weight = (file) => recorded[relative(root, file)] ?? 0;
const queue = files.map((file) => resolve(file)).sort((a, b) => weight(b) - weight(a));
const queueDir = mkdtempSync(join(tmpdir(), 'signups-tests-'));
writeFileSync(join(queueDir, 'queue.json'), JSON.stringify(queue));
const entries = Array.from({ length: Math.min(workers, queue.length) }, (_, i) => {
  const entry = join(queueDir, `worker-${i + 1}.test.mjs`);
  writeFileSync(entry, `import ${JSON.stringify(join(root, 'scripts', 'test-worker.mjs'))};\n`);
  return entry;
});
env.SIGNUPS_TEST_QUEUE = queueDir;

const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${entries.length}`, ...entries], { stdio: 'inherit', env, cwd: root });
const [code, signal] = await once(child, 'exit');
// Each file's time in this run, for the next run's order (copy it over test/durations.json when files change).
try {
  const durations = Object.fromEntries(
    readFileSync(join(queueDir, 'durations.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .sort((a, b) => b.seconds - a.seconds)
      .map(({ file, seconds }) => [file, Math.round(seconds * 10) / 10]),
  );
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(join(root, 'test-results', 'test-durations.json'), `${JSON.stringify(durations, null, 1)}\n`);
} catch {
  // No file ended: nothing to record.
}
rmSync(queueDir, { recursive: true, force: true });
process.exit(signal ? 1 : (code ?? 1));
