import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { Errors } from './api-error.js';

/** Where `npm run build:console` (run by `npm ci`) puts the console: dist/console, from src/server or dist/server. */
export const CONSOLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'console');

export const consoleBuilt = (dir: string = CONSOLE_DIR): boolean => existsSync(join(dir, 'index.html'));

/**
 * The web console at /console/: a single-page application that talks to this server's APIs from the browser.
 * Its asset names carry a content hash, so they may be cached for good; index.html is checked every time.
 */
export async function registerConsole(app: FastifyInstance, dir: string = CONSOLE_DIR): Promise<void> {
  app.get('/console', { config: { rateLimit: false } }, async (_request, reply) => reply.redirect('/console/', 301));
  if (!consoleBuilt(dir)) {
    app.get('/console/*', { config: { rateLimit: false } }, async () => {
      throw Errors.notFound('The console is not built in this installation: run `npm ci` (or `npm run build:console`)');
    });
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    decorateReply: false,
    index: ['index.html'],
    redirect: false,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
