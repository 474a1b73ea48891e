import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { configFromEnv } from '../../src/config/server-config.js';
import { SseClient } from '../helpers/sse.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { activeSignup, type AvevaError, addStream, api, newSpace, otherClient, runJobs, type Signup, type Space, updates, writeChange } from './support.js';

interface ConsumerLag {
  pendingChanges: number;
  oldestPendingDate: string | null;
  lagSeconds: number;
}

type SignupWithLag = Signup & { bookmark: string; consumerLag?: ConsumerLag | null };

async function lagOf(s: TestServer, space: Space, signupId: string): Promise<ConsumerLag | null | undefined> {
  const got = await api<SignupWithLag>(s, space, 'GET', `/signups/${signupId}`);
  assert.equal(got.status, 200, got.text);
  return got.body.consumerLag;
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last ${JSON.stringify(value)}`);
    await sleep(20);
  }
}

/** A webhook receiver on 127.0.0.1 that answers each request with the next queued status (then 204). */
const receivers: Server[] = [];
async function receiver(statuses: number[]): Promise<{ url: string; received: () => number }> {
  let count = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count += 1;
      res.writeHead(statuses.shift() ?? 204).end();
    });
  });
  receivers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received: () => count };
}
after(async () => {
  await Promise.all(receivers.map((r) => new Promise((resolve) => r.close(resolve))));
});

const base = configFromEnv({}).changeBroker;

describeEachDialect(
  'Change Broker consumer lag in Get Signup By Id',
  (server) => {
    test('an Active signup shows the changes its consumer has not read and the age of the oldest; reading them clears it', async () => {
      const s = server();
      const space = await newSpace(s);
      await addStream(s, space, 'pump-1');
      await addStream(s, space, 'pump-2');
      await addStream(s, space, 'elsewhere');
      const signup = await activeSignup(s, space, ['pump-1', 'pump-2']);
      assert.deepEqual(await lagOf(s, space, signup.id), { pendingChanges: 0, oldestPendingDate: null, lagSeconds: 0 });

      const firstWrite = s.clock.now().toISOString();
      await writeChange(s, space, 'pump-1', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
      s.clock.advance(30_000);
      await writeChange(s, space, 'pump-2', 'Update', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 2 }]);
      // A stream the signup does not name is not its consumer's business.
      await writeChange(s, space, 'elsewhere', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 3 }]);
      s.clock.advance(12_000);
      assert.deepEqual(await lagOf(s, space, signup.id), { pendingChanges: 2, oldestPendingDate: firstWrite, lagSeconds: 42 });

      // A page read is acknowledged when the consumer comes back with its bookmark, as with the metrics.
      const page = await updates(s, space, signup.id, signup.bookmark);
      assert.equal(page.body.data.length, 2);
      assert.equal((await lagOf(s, space, signup.id))?.pendingChanges, 2);
      await updates(s, space, signup.id, page.body.bookmark);
      assert.deepEqual(await lagOf(s, space, signup.id), { pendingChanges: 0, oldestPendingDate: null, lagSeconds: 0 });
    });

    test('changes pushed over the live updates stream count as delivered', async () => {
      const s = server();
      const space = await newSpace(s);
      await addStream(s, space, 'pump-3');
      const signup = await activeSignup(s, space, ['pump-3']);
      const stream = await SseClient.open(`${s.url}${space.base}/signups/${signup.id}/updates/stream?bookmark=${signup.bookmark}`, {
        headers: { authorization: `Bearer ${space.token}` },
      });
      assert.equal(stream.status, 200);
      try {
        await writeChange(s, space, 'pump-3', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
        await writeChange(s, space, 'pump-3', 'Insert', [{ Timestamp: '2026-01-01T00:00:01Z', Value: 2 }]);
        await stream.waitFor((events) => events.filter((e) => e.event === 'update').length === 2);
        s.clock.advance(5_000);
        const lag = await until('the delivery to be recorded', () => lagOf(s, space, signup.id), (l) => l?.pendingChanges === 0);
        assert.deepEqual(lag, { pendingChanges: 0, oldestPendingDate: null, lagSeconds: 0 });
      } finally {
        await stream.close();
      }
    });

    test('a webhook delivery counts once the receiver accepts it; while it keeps failing the changes stay pending', async () => {
      const s = server();
      const space = await newSpace(s);
      await addStream(s, space, 'pump-4');
      const signup = await activeSignup(s, space, ['pump-4']);
      const hook = await receiver([500]);
      const created = await api(s, space, 'POST', `/signups/${signup.id}/webhooks`, { url: hook.url });
      assert.equal(created.status, 201, created.text);

      const written = s.clock.now().toISOString();
      await writeChange(s, space, 'pump-4', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
      await until('the failed attempt', async () => hook.received(), (n) => n >= 1);
      // The receiver answered 500: nothing was delivered.
      s.clock.advance(2_000);
      assert.deepEqual(await lagOf(s, space, signup.id), { pendingChanges: 1, oldestPendingDate: written, lagSeconds: 2 });

      // The retry comes within 5 s; the receiver accepts it.
      s.clock.advance(5_000);
      await runJobs(s);
      await until('the accepted retry', async () => hook.received(), (n) => n >= 2);
      const lag = await until('the delivery to be recorded', () => lagOf(s, space, signup.id), (l) => l?.pendingChanges === 0);
      assert.deepEqual(lag, { pendingChanges: 0, oldestPendingDate: null, lagSeconds: 0 });
    });

    test('a signup that is not Active has no consumer lag (null)', async () => {
      const s = server();
      const space = await newSpace(s);
      const created = await api<Signup>(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: ['no-such-stream'] });
      assert.equal(created.status, 202);
      await runJobs(s);
      const got = await api<SignupWithLag>(s, space, 'GET', `/signups/${created.body.id}`);
      assert.equal(got.body.signupState, 'Failed');
      assert.equal(got.body.consumerLag, null);
    });

    test("the answer keeps every field the official clients read, with their types; the extension is one more key they skip", async () => {
      const s = server();
      const space = await newSpace(s);
      await addStream(s, space, 'pump-5');
      const signup = await activeSignup(s, space, ['pump-5']);
      await writeChange(s, space, 'pump-5', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
      const got = await api<Record<string, unknown>>(s, space, 'GET', `/signups/${signup.id}`);
      assert.equal(got.status, 200);
      // The keys adh_sample_library_preview's Signup.fromJson and the .NET sample read, camelCase.
      const known = ['id', 'bookmark', 'name', 'owner', 'communityId', 'type', 'createdDate', 'lastAccessedDate', 'modifiedDate', 'expiredDate', 'signupState'];
      assert.deepEqual(Object.keys(got.body).filter((k) => !known.includes(k)), ['consumerLag'], 'only the extension is new');
      assert.equal(typeof got.body.id, 'string');
      assert.equal(typeof got.body.bookmark, 'string');
      assert.equal(got.body.type, 'Stream');
      assert.equal(got.body.signupState, 'Active');
      assert.deepEqual(got.body.owner, { type: 'Client', objectId: space.clientId, tenantId: space.tenant });
      // The bookmark still works with Get Updates: the extension changed nothing a client depends on.
      const page = await updates(s, space, signup.id, String(got.body.bookmark));
      assert.equal(page.status, 200);
      // The list does not carry it: it is a figure of one signup, computed on request.
      const list = await api<{ signups: Array<Record<string, unknown>> }>(s, space, 'GET', '/signups');
      assert.ok(list.body.signups.every((item) => !('consumerLag' in item)));
    });

    // Who sees what, on the same server: its webhook and rate-limit settings play no part in it.
    test('changes to a stream the owner may not read do not count, and only the owner sees the lag', async () => {
      const s = server();
      const space = await newSpace(s);
      const stranger = await otherClient(s, space);
      await addStream(s, space, 'pump-6');
      await addStream(s, space, 'locked', stranger.trustee);
      const signup = await activeSignup(s, space, ['pump-6', 'locked']);
      await writeChange(s, space, 'locked', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
      await writeChange(s, space, 'locked', 'Insert', [{ Timestamp: '2026-01-01T00:00:01Z', Value: 2 }]);
      s.clock.advance(10_000);
      // The lag must not reveal that an inaccessible stream is being written to.
      assert.deepEqual(await lagOf(s, space, signup.id), { pendingChanges: 0, oldestPendingDate: null, lagSeconds: 0 });

      const foreign = await api<AvevaError>(s, stranger, 'GET', `/signups/${signup.id}`);
      assert.equal(foreign.status, 403);
      assert.ok(!foreign.text.includes('consumerLag'));
      assert.ok(!foreign.text.includes('pendingChanges'));
    });
  },
  { changeBroker: { ...base, webhooks: { allow: ['127.0.0.0/8'], timeoutMs: 2000, retryWindowSeconds: 600 } }, rateLimit: { max: 100_000, windowMs: 60_000 } },
);
