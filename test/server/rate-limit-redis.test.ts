import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { signupBody } from '../helpers/fixtures.js';
import { call } from '../helpers/http.js';
import { testDialects } from '../helpers/dialects.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { REDIS_URL, redisAnswers } from '../helpers/redis.js';

const available = await redisAnswers();
if (!available) console.log(`# Redis does not answer at ${REDIS_URL}: shared rate-limit tests are skipped`);

for (const dialect of testDialects()) {
  describe(`rate limits shared through Redis by two server processes [${dialect}]`, { skip: !available && 'Redis is not reachable' }, () => {
    let first: TestServer;
    let second: FastifyInstance;
    let secondUrl: string;
    const rateLimit = { max: 3, windowMs: 60_000, redisUrl: REDIS_URL };

    before(async () => {
      first = await startServer(dialect, { rateLimit });
      // A second server on the same database and the same Redis, as a second process would be.
      second = await buildApp({ store: first.store, config: first.config, clock: first.clock, logger: false });
      secondUrl = await second.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await second?.close();
      await first?.close();
    });

    test('a client’s calls count once across both servers', async () => {
      const token = await first.mintToken();
      const statuses: number[] = [];
      for (const url of [first.url, secondUrl, first.url]) {
        statuses.push((await call(url, 'GET', '/partner/v2/organizations', { token })).status);
      }
      const limited = await call(secondUrl, 'POST', '/partner/v2/signup', { token, json: signupBody() });
      assert.deepEqual(statuses, [200, 200, 200]);
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('x-ratelimit-limit'), '3');
      assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      // Another client has its own budget.
      const other = await first.mintToken();
      assert.equal((await call(secondUrl, 'GET', '/partner/v2/organizations', { token: other })).status, 200);
    });
  });
}
