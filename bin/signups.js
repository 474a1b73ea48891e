#!/usr/bin/env node
import module from 'node:module';
import { withTwoMallocArenas } from '../dist/cli/malloc-arenas.js';

// `serve` starts again with two C library heaps where Node can (see src/cli/malloc-arenas.ts).
withTwoMallocArenas(process);
// Node 22+ keeps compiled code between runs, which makes every start after the first faster; Node 20 has no cache.
module.enableCompileCache?.();
await import('../dist/cli/index.js');
