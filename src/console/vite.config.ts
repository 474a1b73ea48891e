import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is served by the server at /console/ from dist/console; `npm ci` builds it (the prepare script).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
  },
  logLevel: 'warn',
});
