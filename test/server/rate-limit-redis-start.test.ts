import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { buildApp } from '../../src/server/app.js';
import { call } from '../helpers/http.js';
import { testDialects } from '../helpers/dialects.js';
import { startServer } from '../helpers/server.js';
import { REDIS_URL, redisAnswers } from '../helpers/redis.js';

const available = await redisAnswers();

/** Blocks the event loop, as compiling a large set of schemas on a busy machine does. */
function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

for (const dialect of testDialects()) {
  describe(`starting with a Redis-shared rate limit [${dialect}]`, { skip: !available && 'Redis is not reachable' }, () => {
    test('a slow start logs no warning or stack trace when Redis answers, and limits are shared', async () => {
      const first = await startServer(dialect, { rateLimit: { max: 1000, windowMs: 60_000, redisUrl: REDIS_URL } });
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      });
      const app = await buildApp({ store: first.store, config: first.config, clock: first.clock, logger: { level: 'info', stream } });
      busy(1_500);
      try {
        const url = await app.listen({ host: '127.0.0.1', port: 0 });
        const res = await call(url, 'GET', '/partner/v2/organizations');
        assert.equal(res.status, 401);
        assert.ok(res.headers.get('x-ratelimit-limit'), 'rate limited');
        await new Promise((r) => setTimeout(r, 1_500));
        const warnings = lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 40);
        assert.deepEqual(warnings, []);
        assert.ok(!lines.some((l) => /ETIMEDOUT|"stack"/.test(l)), lines.join(''));
      } finally {
        await app.close();
        await first.close();
      }
    });
  });
}
