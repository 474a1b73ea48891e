#!/usr/bin/env node
import module from 'node:module';

// Node 22+ keeps compiled code between runs, which makes every start after the first faster; Node 20 has no cache.
module.enableCompileCache?.();
await import('../dist/cli/index.js');
