// Rate-limit windows shared through Redis by two sandbox servers on one database count by the sandbox clock:
// moving the clock through either server opens a new window in both, and real time alone does not end a window
// of a frozen clock.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SignupsClient } from '../../src/index.js';
import { createPostgresDatabase, type TestDatabase, testDialects } from '../helpers/dialects.js';
import { call } from '../helpers/http.js';
import { REDIS_URL, redisAnswers } from '../helpers/redis.js';
import { type InProcessSignups, PARTNER_SCOPES, startInProcess } from './support.js';

const available = await redisAnswers();
if (!available) console.log(`# Redis does not answer at ${REDIS_URL}: shared rate-limit tests are skipped`);

const WINDOW_MS = 2_000;
const MAX = 3;

/** Basic credentials, so that no token request spends the address's budget (shared with anything else on 127.0.0.1). */
const asPartner = (client: SignupsClient) => ({ authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}` });

for (const dialect of testDialects()) {
  describe(`rate-limit windows in Redis follow the sandbox clock [${dialect}]`, { skip: !available && 'Redis is not reachable' }, () => {
    let first: InProcessSignups;
    let second: InProcessSignups;
    let database: TestDatabase | undefined;
    const env = { SIGNUPS_REDIS_URL: REDIS_URL, SIGNUPS_RATE_LIMIT_MAX: String(MAX), SIGNUPS_RATE_LIMIT_WINDOW_MS: String(WINDOW_MS) };

    before(async () => {
      database = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
      first = await startInProcess({ ...(database ? { databaseUrl: database.url } : {}), env });
      // A second server on the same database and the same Redis, as a second process would be.
      second = await startInProcess({ databaseUrl: first.databaseUrl, env });
    });
    after(async () => {
      await second?.close();
      await first?.close();
      await database?.drop();
    });

    const organizations = async (server: InProcessSignups, client: SignupsClient) =>
      (await call(server, 'GET', '/partner/v2/organizations', { headers: asPartner(client) })).status;

    test('advancing the clock through one server opens a new window in both', async () => {
      await first.clock.freeze();
      const partner = await first.createClient({ name: 'partner', scopes: PARTNER_SCOPES });
      const spent = [await organizations(first, partner), await organizations(second, partner), await organizations(first, partner)];
      assert.deepEqual(spent, [200, 200, 200]);
      const limited = await call(second, 'GET', '/partner/v2/organizations', { headers: asPartner(partner) });
      assert.equal(limited.status, 429, 'the calls through both servers count in one window');
      assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
      assert.equal(limited.headers.get('retry-after'), String(WINDOW_MS / 1000), 'the window of a frozen clock does not run down');
      assert.equal(await organizations(first, partner), 429);

      await first.clock.advance(WINDOW_MS / 1000);
      assert.equal(await organizations(second, partner), 200, 'the other server counts in the new window');
      const next = await call(first, 'GET', '/partner/v2/organizations', { headers: asPartner(partner) });
      assert.equal(next.status, 200);
      assert.equal(next.headers.get('x-ratelimit-remaining'), String(MAX - 2), 'one window, counted by both servers');
      await first.clock.resume();
    });

    test('real time alone does not end the window of a frozen clock', async () => {
      await second.clock.freeze();
      const partner = await first.createClient({ name: 'patient-partner', scopes: PARTNER_SCOPES });
      for (let i = 0; i < MAX; i += 1) assert.equal(await organizations(i % 2 === 0 ? first : second, partner), 200);
      await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 300));
      assert.equal(await organizations(first, partner), 429, 'a window of real time passed, none of the server clock');
      assert.equal(await organizations(second, partner), 429);
      await second.clock.advance(WINDOW_MS / 1000);
      assert.equal(await organizations(first, partner), 200);
      await second.clock.resume();
    });
  });
}
