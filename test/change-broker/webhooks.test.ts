import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import { retryDelayMs, signedHeaders } from '../../src/change-broker/webhook-delivery.js';
import { kickBackgroundWork } from '../../src/change-broker/worker.js';
import { configFromEnv } from '../../src/config/server-config.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { activeSignup, type AvevaError, addStream, api, newSpace, otherClient, type Space, updates, writeChange } from './support.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A webhook receiver on 127.0.0.1 that answers with the statuses queued (then 204), and records every request. */
class Receiver {
  readonly received: Received[] = [];
  readonly statuses: number[] = [];
  readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = this.statuses.shift() ?? 204;
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        res.writeHead(status).end();
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Delivery {
  signupId: string;
  updates: Array<{ resourceId: string; operation: string; events: unknown[] }>;
  bookmark: string;
}

interface CreatedWebhook {
  id: string;
  url: string;
  description: string | null;
  secret: string;
  state: string;
  disabledReason: string | null;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Once the failed attempt `attempt` is recorded and its retry scheduled, moves the clock past it and wakes the worker. */
async function retryNow(s: TestServer, webhookId: string, attempt: number): Promise<void> {
  // This webhook's own attempt: the database holds the other tests' webhooks too.
  await until(`attempt ${attempt} to be recorded`, async () => {
    const recorded = await s.store.db.selectFrom('cb_webhook_attempts').select('id').where('webhook_id', '=', webhookId).where('attempt', '=', attempt).where('status_code', '>=', 500).execute();
    const leased = await s.store.db.selectFrom('cb_jobs').select('id').where('kind', '=', 'webhook').where('webhook_id', '=', webhookId).where('lease_owner', 'is not', null).execute();
    return recorded.length > 0 && leased.length === 0;
  });
  s.clock.advance(retryDelayMs(attempt, () => 1) + 10);
  kickBackgroundWork(s.store.db);
}

const receivers: Receiver[] = [];
async function receiver(): Promise<{ receiver: Receiver; url: string }> {
  const r = new Receiver();
  receivers.push(r);
  return { receiver: r, url: await r.listen() };
}
after(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

const base = configFromEnv({}).changeBroker;

test('a message signed as the clock passes a second still verifies: the timestamp sent is the one signed', () => {
  const secret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
  // 1 ms before a second ends, and later at every reading after that.
  let now = Math.floor(Date.now() / 1000) * 1000 + 999;
  const clock = () => new Date((now += 2) - 2);
  const payload = JSON.stringify({ signupId: 'x', updates: [], bookmark: 'b' });
  const headers = signedHeaders(secret, 'msg_1', payload, clock);
  assert.deepEqual(new Webhook(secret).verify(payload, headers), JSON.parse(payload));
});

describeEachDialect(
  'Change Broker webhooks',
  (server) => {
    let space: Space;
    before(async () => {
      space = await newSpace(server());
      for (const id of ['pump-1', 'pump-2', 'other']) await addStream(server(), space, id);
    });

    test('a receiver that fails twice, then succeeds, gets each update exactly once and in order, signed with its secret', async () => {
      const s = server();
      const signup = await activeSignup(s, space, ['pump-1', 'pump-2']);
      const { receiver: r, url } = await receiver();
      r.statuses.push(500, 503);
      const created = await api<CreatedWebhook>(s, space, 'POST', `/signups/${signup.id}/webhooks`, { URL: url, Description: 'pumps' });
      assert.equal(created.status, 201, created.text);
      assert.match(created.body.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      assert.equal(created.body.url, url);
      assert.equal(created.body.description, 'pumps');
      assert.equal(created.body.state, 'Enabled');

      // A commit wakes the delivery at once, so each write is made when what the next delivery carries is settled:
      // pump-1 alone; pump-2 (and the unshared write) while pump-1's delivery is being retried; the removal after.
      await writeChange(s, space, 'pump-1', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
      await until('the first attempt', () => r.received.length >= 1);
      await writeChange(s, space, 'other', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 9 }]);
      await writeChange(s, space, 'pump-2', 'Update', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 2 }]);
      await retryNow(s, created.body.id, 1);
      await until('the second attempt', () => r.received.length >= 2);
      await retryNow(s, created.body.id, 2);
      await until('the third attempt', () => r.received.length >= 3);
      await until('the next delivery', () => r.received.length >= 4);
      await writeChange(s, space, 'pump-1', 'Remove', [{ Timestamp: '2026-01-01T00:00:00Z' }]);
      await until('the delivery after it', () => r.received.length >= 5);
      await sleep(200);
      assert.equal(r.received.length, 5, 'nothing delivered twice once accepted');

      // The receiver's view: verify every request, keep the first accepted copy of each webhook-id.
      const verifier = new Webhook(created.body.secret);
      const accepted = new Map<string, Delivery>();
      for (const req of r.received) {
        const headers = { 'webhook-id': String(req.headers['webhook-id']), 'webhook-timestamp': String(req.headers['webhook-timestamp']), 'webhook-signature': String(req.headers['webhook-signature']) };
        assert.deepEqual(verifier.verify(req.body, headers), JSON.parse(req.body), 'the signature verifies with the secret');
        assert.equal(req.headers['content-type'], 'application/json');
        if (req.status < 300 && !accepted.has(headers['webhook-id'])) accepted.set(headers['webhook-id'], JSON.parse(req.body) as Delivery);
      }
      assert.throws(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(r.received[0]?.body ?? '', {
        'webhook-id': String(r.received[0]?.headers['webhook-id']),
        'webhook-timestamp': String(r.received[0]?.headers['webhook-timestamp']),
        'webhook-signature': String(r.received[0]?.headers['webhook-signature']),
      }));
      const [first, second, third] = r.received;
      assert.equal(first?.headers['webhook-id'], third?.headers['webhook-id'], 'a retry has the same webhook-id');
      assert.equal(first?.body, second?.body, 'and the same body');
      assert.notEqual(third?.headers['webhook-id'], r.received[3]?.headers['webhook-id']);

      const delivered = [...accepted.values()].flatMap((d) => d.updates);
      const polled = await updates(s, space, signup.id, signup.bookmark);
      assert.deepEqual(delivered, polled.body.data, 'every update once, in order, as Get Updates has them');
      assert.deepEqual(delivered.map((u) => u.resourceId), ['pump-1', 'pump-2', 'pump-1']);
      for (const d of accepted.values()) assert.equal(d.signupId, signup.id);
      // A delivery's bookmark is where Get Updates continues after it.
      const last = [...accepted.values()].at(-1);
      assert.deepEqual((await updates(s, space, signup.id, last?.bookmark ?? '')).body.data, []);

      const attempts = await api<{ deliveries: Array<{ messageId: string; attempt: number; statusCode: number | null; error: string | null; durationMs: number; updateCount: number }> }>(
        s, space, 'GET', `/signups/${signup.id}/webhooks/${created.body.id}/deliveries`,
      );
      assert.equal(attempts.status, 200, attempts.text);
      assert.deepEqual(attempts.body.deliveries.map((d) => [d.attempt, d.statusCode, d.error === null, d.updateCount]).reverse(), [
        [1, 500, false, 1],
        [2, 503, false, 1],
        [3, 204, true, 1],
        [1, 204, true, 1],
        [1, 204, true, 1],
      ]);
      assert.ok(attempts.body.deliveries.every((d) => d.durationMs >= 0));

      const listed = await api<{ webhooks: Array<Record<string, unknown>> }>(s, space, 'GET', `/signups/${signup.id}/webhooks`);
      assert.deepEqual(listed.body.webhooks.map((w) => [w.id, w.state, 'secret' in w]), [[created.body.id, 'Enabled', false]]);
      assert.equal((await api(s, space, 'DELETE', `/signups/${signup.id}/webhooks/${created.body.id}`)).status, 204);
      await writeChange(s, space, 'pump-1', 'Insert', [{ Timestamp: '2026-01-02T00:00:00Z', Value: 3 }]);
      await sleep(300);
      assert.equal(r.received.length, 5, 'a deleted webhook gets nothing');
    });

    test('410 Gone disables the webhook at once; later writes are not sent', async () => {
      const s = server();
      const signup = await activeSignup(s, space, ['pump-1']);
      const { receiver: r, url } = await receiver();
      r.statuses.push(410);
      const created = await api<CreatedWebhook>(s, space, 'POST', `/signups/${signup.id}/webhooks`, { url });
      await writeChange(s, space, 'pump-1', 'Insert', [{ Timestamp: '2026-02-01T00:00:00Z', Value: 1 }]);
      await until('the attempt', () => r.received.length >= 1);
      await until('the webhook to be disabled', async () => {
        const listed = await api<{ webhooks: CreatedWebhook[] }>(s, space, 'GET', `/signups/${signup.id}/webhooks`);
        return listed.body.webhooks[0]?.state === 'Disabled';
      });
      const listed = await api<{ webhooks: CreatedWebhook[] }>(s, space, 'GET', `/signups/${signup.id}/webhooks`);
      assert.match(listed.body.webhooks[0]?.disabledReason ?? '', /410/);
      await writeChange(s, space, 'pump-1', 'Insert', [{ Timestamp: '2026-02-01T00:01:00Z', Value: 2 }]);
      s.clock.advance(60_000);
      kickBackgroundWork(s.store.db);
      await sleep(300);
      assert.equal(r.received.length, 1);
      assert.equal(created.status, 201);
    });

    test('a webhook that keeps failing is disabled once the retry window is over', async () => {
      const s = server();
      const signup = await activeSignup(s, space, ['pump-2']);
      const { receiver: r, url } = await receiver();
      r.statuses.push(...Array.from({ length: 20 }, () => 500));
      const created = await api<CreatedWebhook>(s, space, 'POST', `/signups/${signup.id}/webhooks`, { url });
      await writeChange(s, space, 'pump-2', 'Insert', [{ Timestamp: '2026-03-01T00:00:00Z', Value: 1 }]);
      await retryNow(s, created.body.id, 1);
      s.clock.advance(120_000);
      kickBackgroundWork(s.store.db);
      await until('the second attempt', () => r.received.length >= 2);
      await until('the webhook to be disabled', async () => {
        const listed = await api<{ webhooks: CreatedWebhook[] }>(s, space, 'GET', `/signups/${signup.id}/webhooks`);
        return listed.body.webhooks[0]?.state === 'Disabled';
      });
      const listed = await api<{ webhooks: CreatedWebhook[] }>(s, space, 'GET', `/signups/${signup.id}/webhooks`);
      assert.match(listed.body.webhooks.find((w) => w.id === created.body.id)?.disabledReason ?? '', /kept failing for 60 seconds/);
    });

    test('webhook routes follow the signup: only its owner, 404 for an unknown webhook, 409 unless Active, 400 for a bad body', async () => {
      const s = server();
      const signup = await activeSignup(s, space, ['pump-1']);
      const { url } = await receiver();
      const stranger = await otherClient(s, space);
      assert.equal((await api<AvevaError>(s, stranger, 'POST', `/signups/${signup.id}/webhooks`, { url })).status, 403);
      assert.equal((await api<AvevaError>(s, stranger, 'GET', `/signups/${signup.id}/webhooks`)).status, 403);
      assert.equal((await api(s, space, 'DELETE', `/signups/${signup.id}/webhooks/nope`)).status, 404);
      assert.equal((await api(s, space, 'GET', `/signups/${signup.id}/webhooks/nope/deliveries`)).status, 404);
      const bad = await api<AvevaError>(s, space, 'POST', `/signups/${signup.id}/webhooks`, { description: 'no url' });
      assert.equal(bad.status, 400, bad.text);
      const failed = await activeSignup(s, space, ['no-such-stream']);
      assert.equal((await api(s, space, 'POST', `/signups/${failed.id}/webhooks`, { url })).status, 409);
    });
  },
  { changeBroker: { ...base, webhooks: { allow: ['127.0.0.0/8'], timeoutMs: 2000, retryWindowSeconds: 60 } }, rateLimit: { max: 100_000, windowMs: 60_000 } },
);

describeEachDialect('Change Broker webhooks: target addresses', (server) => {
  test('loopback, private, link-local and cloud metadata targets are refused by default, at creation and at delivery', async () => {
    const s = server();
    const space = await newSpace(s);
    await addStream(s, space, 'x');
    const signup = await activeSignup(s, space, ['x']);
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00:ec2::254]/latest/meta-data/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://100.100.100.200/latest/meta-data/',
      'http://127.0.0.1:8080/hooks',
      'http://[::1]/hooks',
      'http://[::ffff:127.0.0.1]/hooks',
      'http://localhost/hooks',
      'http://10.0.0.8/hooks',
      'http://192.168.1.10/hooks',
      'ftp://example.com/hooks',
      'not a url',
      'http://user:secret@example.com/hooks',
    ]) {
      const res = await api<AvevaError>(s, space, 'POST', `/signups/${signup.id}/webhooks`, { url });
      assert.equal(res.status, 400, `${url}: ${res.text}`);
      assert.equal(res.body.Reason, 'Webhook URL refused', url);
    }
    assert.equal((await s.store.db.selectFrom('cb_webhooks').select('id').execute()).length, 0);

    // A webhook whose target became refused (policy tightened, or its name now resolves inside): nothing is sent.
    const { receiver: r, url } = await receiver();
    const created = await api<CreatedWebhook>(s, space, 'POST', `/signups/${signup.id}/webhooks`, { url: 'https://example.com/hooks' });
    assert.equal(created.status, 201, created.text);
    await s.store.db.updateTable('cb_webhooks').set({ url }).where('id', '=', created.body.id).execute();
    await writeChange(s, space, 'x', 'Insert', [{ Timestamp: '2026-01-01T00:00:00Z', Value: 1 }]);
    kickBackgroundWork(s.store.db);
    let deliveries: Array<{ error: string | null; statusCode: number | null }> = [];
    await until('the refused attempt', async () => {
      deliveries = (await api<{ deliveries: typeof deliveries }>(s, space, 'GET', `/signups/${signup.id}/webhooks/${created.body.id}/deliveries`)).body.deliveries;
      return deliveries.length > 0;
    });
    assert.equal(deliveries[0]?.statusCode, null);
    assert.match(deliveries[0]?.error ?? '', /refused/);
    assert.equal(r.received.length, 0);
  });
});
