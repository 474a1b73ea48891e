import { runCli } from './program.js';

const code = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
if (code !== 0) process.exit(code);
