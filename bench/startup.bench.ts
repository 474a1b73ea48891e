// Start-up of the `signups` command against bare Node in the same run: `node -e 0` is the baseline, and each
// target's wall and CPU time (user + system, read by a preload inside the child) is printed as a ratio of it.
// Runs alternate, so that the machine's noise falls on both sides. STARTUP_RUNS (default 5) runs each; medians.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, positiveInt } from './support.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'signups.js');
const RUNS = positiveInt('STARTUP_RUNS', 5);

const dir = mkdtempSync(join(tmpdir(), 'signups-startup-'));
const PRELOAD = join(dir, 'cpu.cjs');
// Reports the process's own CPU time on fd 3 as it exits.
writeFileSync(PRELOAD, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(3, String((u.user + u.system) / 1000)); });\n");

interface Sample {
  wallMs: number;
  cpuMs: number;
}

function run(args: string[], input = ''): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', PRELOAD, ...args], { cwd: ROOT, stdio: ['pipe', 'ignore', 'pipe', 'pipe'] });
    let cpu = '';
    let stderr = '';
    child.stdio[3]?.on('data', (c: Buffer) => (cpu += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ wallMs, cpuMs: Number(cpu) });
    });
    child.stdin?.end(input);
  });
}

const targets: Array<{ name: string; args: string[]; input?: string }> = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'signups exec --dryrun "SHOW PROVIDERS"', args: [BIN, 'exec', '--dryrun', 'SHOW PROVIDERS'] },
  { name: 'signups exec "SHOW PROVIDERS"', args: [BIN, 'exec', 'SHOW PROVIDERS'] },
  { name: 'signups sql (start, then exit)', args: [BIN, 'sql'], input: 'exit\n' },
  { name: 'signups --help', args: [BIN, '--help'] },
];

try {
  // One run of each first, so that the compile cache (Node 22+) and the OS file cache are warm for every target.
  for (const t of targets) await run(t.args, t.input);
  const samples = targets.map(() => [] as Sample[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, t] of targets.entries()) samples[k]?.push(await run(t.args, t.input));
  }
  const base = samples[0] as Sample[];
  const baseWall = median(base.map((s) => s.wallMs));
  const baseCpu = median(base.map((s) => s.cpuMs));
  console.log(`start-up, medians of ${RUNS} (Node ${process.version}); ratios against node -e 0 in this run`);
  for (const [k, t] of targets.entries()) {
    const wall = median((samples[k] as Sample[]).map((s) => s.wallMs));
    const cpu = median((samples[k] as Sample[]).map((s) => s.cpuMs));
    console.log(
      `${t.name.padEnd(42)} wall ${wall.toFixed(0).padStart(5)} ms (${(wall / baseWall).toFixed(2)}×)   cpu ${cpu.toFixed(0).padStart(5)} ms (${(cpu / baseCpu).toFixed(2)}×)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
