import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createCommunity, shareStream } from '../../src/change-broker/communities.js';
import { describeEachDialect, type TestServer } from '../helpers/server.js';
import { type SseClient as Client, SseClient } from '../helpers/sse.js';
import { simpleType } from '../sds/sds-fixtures.js';
import { activeSignup, type AvevaError, api, changeBrokerConfig, newSpace, otherClient, runJobs, type Space, type Signup, updates, writeChange } from './support.js';

interface Update {
  resourceId: string;
  operation: string;
  events: Array<{ Timestamp: string; Value?: number }>;
}

const streamPath = (space: Space, signupId: string) => `${space.base}/signups/${signupId}/updates/stream`;

function open(s: TestServer, space: Space, signupId: string, options: { bookmark?: string; lastEventId?: string; headers?: Record<string, string> } = {}): Promise<Client> {
  const query = options.bookmark !== undefined ? `?bookmark=${options.bookmark}` : '';
  return SseClient.open(`${s.url}${streamPath(space, signupId)}${query}`, {
    headers: { authorization: `Bearer ${space.token}`, ...(options.lastEventId ? { 'last-event-id': options.lastEventId } : {}), ...options.headers },
  });
}

const updatesOf = (client: Client): Update[] => client.events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data) as Update);

/** A type and streams created over the SDS API, so that writes go through the real write path. */
async function sdsStreams(s: TestServer, space: Space, ids: string[]): Promise<void> {
  assert.equal((await api(s, space, 'POST', '/Types/SimpleType', simpleType())).status, 201);
  for (const id of ids) assert.equal((await api(s, space, 'POST', `/Streams/${id}`, { Id: id, TypeId: 'SimpleType' })).status, 201);
}

const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString().replace('.000Z', 'Z');

describeEachDialect(
  'Change Broker live updates over Server-Sent Events',
  (server) => {
    test('the backlog after the bookmark, then each write as it commits, as Get Updates shows them; each id is the bookmark after its update', async () => {
      const s = server();
      const space = await newSpace(s);
      await sdsStreams(s, space, ['pump-1', 'pump-2']);
      const signup = await activeSignup(s, space, ['pump-1', 'pump-2']);
      assert.equal((await api(s, space, 'POST', '/Streams/pump-1/Data', [{ Timestamp: at(0), Value: 1 }, { Timestamp: at(1), Value: 2 }])).status, 204);

      const client = await open(s, space, signup.id, { bookmark: signup.bookmark });
      assert.equal(client.status, 200);
      assert.match(client.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(client.headers.get('cache-control'), 'no-cache, no-transform');
      assert.ok(client.headers.get('operation-id'));
      await client.waitFor((e) => e.length === 1, 5000, 'the backlog');

      assert.equal((await api(s, space, 'PUT', '/Streams/pump-2/Data', [{ Timestamp: at(0), Value: 3 }])).status, 204);
      assert.equal((await api(s, space, 'DELETE', `/Streams/pump-1/Data?index=${at(0)}`)).status, 204);
      await client.waitFor((e) => e.length === 3, 5000, 'the live writes');
      await client.close();

      const polled = await updates(s, space, signup.id, signup.bookmark);
      assert.deepEqual(updatesOf(client), polled.body.data);
      assert.deepEqual(client.events.map((e) => e.event), ['update', 'update', 'update']);
      assert.deepEqual(JSON.parse(client.events[0]?.data ?? '').events, [{ Timestamp: at(0), Value: 1 }, { Timestamp: at(1), Value: 2 }]);
      assert.deepEqual(Object.keys(JSON.parse(client.events[0]?.data ?? '')), ['resourceId', 'operation', 'events']);
      // An event's id is a bookmark: polling from it gives exactly the updates after that event.
      for (const [i, e] of client.events.entries()) {
        const rest = await updates(s, space, signup.id, e.id);
        assert.equal(rest.status, 200, rest.text);
        assert.deepEqual(rest.body.data, polled.body.data.slice(i + 1));
      }
    });

    test('a client that reconnects with Last-Event-ID after every few events sees every write exactly once, in order', async () => {
      const s = server();
      const space = await newSpace(s);
      const streams = ['a', 'b', 'c'];
      await sdsStreams(s, space, streams);
      const signup = await activeSignup(s, space, streams);
      const WRITES = 60;
      const writing = (async () => {
        for (let n = 0; n < WRITES; n++) {
          const res = await api(s, space, 'POST', `/Streams/${streams[n % streams.length]}/Data`, [{ Timestamp: at(n), Value: n }]);
          assert.equal(res.status, 204, res.text);
        }
      })();
      const seen: Update[] = [];
      let lastEventId = '';
      let reconnects = 0;
      const deadline = Date.now() + 20_000;
      while (seen.length < WRITES) {
        assert.ok(Date.now() < deadline, `only ${seen.length} of ${WRITES} updates within 20 s`);
        // Like EventSource: the same URL (with its first bookmark), plus Last-Event-ID once there is one.
        const client = await open(s, space, signup.id, { bookmark: signup.bookmark, ...(lastEventId ? { lastEventId } : {}) });
        assert.equal(client.status, 200, await client.text());
        const want = Math.min(WRITES - seen.length, 1 + (reconnects % 7));
        await client.waitFor((e) => e.filter((x) => x.event === 'update').length >= want, 10_000);
        await client.close();
        seen.push(...updatesOf(client));
        lastEventId = client.lastEventId;
        reconnects += 1;
      }
      await writing;
      assert.ok(reconnects >= 10, `${reconnects} reconnects`);
      assert.deepEqual(
        seen.map((u) => u.events[0]?.Value),
        Array.from({ length: WRITES }, (_, n) => n),
      );
      assert.deepEqual(seen.map((u) => u.resourceId), Array.from({ length: WRITES }, (_, n) => streams[n % streams.length]));
    });

    test('writes reach the stream when they commit, not at the next heartbeat', async () => {
      const s = server();
      const space = await newSpace(s);
      await sdsStreams(s, space, ['x']);
      const signup = await activeSignup(s, space, ['x']);
      const client = await open(s, space, signup.id, { bookmark: signup.bookmark });
      for (let n = 0; n < 5; n++) {
        assert.equal((await api(s, space, 'POST', '/Streams/x/Data', [{ Timestamp: at(n), Value: n }])).status, 204);
        // The heartbeat of this suite is a minute away: only the commit's signal can bring it this soon.
        await client.waitFor((e) => e.length === n + 1, 3000, `update ${n}`);
      }
      assert.equal(client.comments.filter((c) => c === 'heartbeat').length, 0);
      await client.close();
    });

    test('refusals come before the stream, in the AVEVA error format; Last-Event-ID wins over the bookmark', async () => {
      const s = server();
      const space = await newSpace(s);
      await sdsStreams(s, space, ['x']);
      const signup = await activeSignup(s, space, ['x']);
      const other = await activeSignup(s, space, ['x']);
      const expect = async (client: Client, status: number, reason?: string) => {
        assert.equal(client.status, status, await client.text());
        const body = JSON.parse(await client.text()) as AvevaError;
        assert.ok(body.OperationId && body.Error);
        if (reason) assert.equal(body.Reason, reason);
      };
      await expect(await open(s, space, signup.id), 400, 'Bookmark is not valid');
      await expect(await open(s, space, signup.id, { bookmark: 'forged' }), 400, 'Bookmark is not valid');
      await expect(await open(s, space, signup.id, { bookmark: other.bookmark }), 400, 'Bookmark belongs to another signup');
      await expect(await open(s, space, signup.id, { bookmark: signup.bookmark, lastEventId: other.bookmark }), 400, 'Bookmark belongs to another signup');
      await expect(await open(s, await otherClient(s, space), signup.id, { bookmark: signup.bookmark }), 403);
      await expect(await open(s, space, signup.id, { bookmark: signup.bookmark, headers: { 'community-id': 'c' } }), 403);
      await expect(await open(s, space, randomUUID(), { bookmark: signup.bookmark }), 404);
      await expect(await SseClient.open(`${s.url}${streamPath(space, signup.id)}?bookmark=${signup.bookmark}`), 401);

      const failed = await api<Signup>(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: ['no-such-stream'] });
      await runJobs(s);
      await expect(await open(s, space, failed.body.id, { bookmark: signup.bookmark }), 409, 'Signup not active');

      const resumed = await open(s, space, signup.id, { bookmark: other.bookmark, lastEventId: signup.bookmark });
      assert.equal(resumed.status, 200);
      await writeChange(s, space, 'x', 'Insert', [{ Timestamp: at(0), Value: 1 }]);
      await resumed.waitFor((e) => e.length === 1);
      await resumed.close();
    });

    test('a community signup streams with its Community-Id, and only with it', async () => {
      const s = server();
      const owner = await newSpace(s);
      const memberSpace = await newSpace(s);
      await sdsStreams(s, owner, ['shared', 'private']);
      const community = `c-${randomUUID()}`;
      await createCommunity(s.store.db, s.clock, community, [owner.tenant, memberSpace.tenant]);
      await shareStream(s.store.db, s.clock, { communityId: community, tenantId: owner.tenant, namespaceId: owner.ns, streamId: 'shared' });
      const member: Space = { ...memberSpace, base: owner.base };
      const header = { 'Community-Id': community };
      const created = await api<Signup>(s, member, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: ['shared', 'private'] }, header);
      await runJobs(s);
      const signup = (await api<Signup & { bookmark: string }>(s, member, 'GET', `/signups/${created.body.id}`, undefined, header)).body;
      assert.equal((await open(s, member, signup.id, { bookmark: signup.bookmark })).status, 403);
      const client = await open(s, member, signup.id, { bookmark: signup.bookmark, headers: { 'community-id': community } });
      assert.equal(client.status, 200, await client.text());
      await writeChange(s, owner, 'private', 'Insert', [{ Timestamp: at(0), Value: 0 }]);
      await writeChange(s, owner, 'shared', 'Insert', [{ Timestamp: at(1), Value: 1 }]);
      await client.waitFor((e) => e.length === 1);
      await client.close();
      assert.deepEqual(updatesOf(client).map((u) => u.resourceId), ['shared']);
    });
  },
  { ...changeBrokerConfig({ liveHeartbeatMs: 60_000 }), rateLimit: { max: 100_000, windowMs: 60_000 } },
);

describeEachDialect(
  'Change Broker live updates: heartbeats, activity and expiry',
  (server) => {
    test('heartbeats are comments with the current position as id; an open stream keeps its signup from expiring', async () => {
      const s = server();
      const space = await newSpace(s);
      await sdsStreams(s, space, ['x']);
      const signup = await activeSignup(s, space, ['x'], { InactivityPeriodSeconds: 60 });
      const client = await open(s, space, signup.id, { bookmark: signup.bookmark });
      // Steps of a third of the inactivity period, two heartbeats each: a heartbeat already on its way when the clock
      // moved renewed the signup before the move, but the one after it cannot be that late by three steps.
      for (let i = 0; i < 8; i++) {
        s.clock.advance(20_000);
        const beats = client.comments.filter((c) => c === 'heartbeat').length;
        await client.waitFor(() => client.comments.filter((c) => c === 'heartbeat').length > beats + 1, 20_000, 'two heartbeats');
      }
      await writeChange(s, space, 'x', 'Insert', [{ Timestamp: at(0), Value: 1 }]);
      await client.waitFor((e) => e.length === 1);
      assert.equal(client.events[0]?.event, 'update');
      // 160 s after creation with a 60 s inactivity period, and still Active: the stream counted as activity.
      const got = await api<Signup>(s, space, 'GET', `/signups/${signup.id}`);
      assert.equal(got.body.signupState, 'Active');
      // The id a heartbeat carried is a fresh bookmark: resuming from it after a quiet spell is not refused.
      const beforeWrite = client.lastEventId;
      await client.close();
      assert.equal((await updates(s, space, signup.id, beforeWrite)).status, 200);
    });

    test('a position that falls out of the retention window ends the stream with event: error and the AVEVA body', async () => {
      const s = server();
      const space = await newSpace(s);
      await sdsStreams(s, space, ['x']);
      const signup = await activeSignup(s, space, ['x']);
      const client = await open(s, space, signup.id, { bookmark: signup.bookmark });
      await client.waitFor(() => client.comments.includes('connected'));
      s.clock.advance((s.config.changeBroker.retentionSeconds + 60) * 1000);
      await writeChange(s, space, 'x', 'Insert', [{ Timestamp: at(0), Value: 1 }]);
      await client.waitFor((e) => e.some((x) => x.event === 'error'), 20_000, 'the error event');
      await client.done;
      const error = JSON.parse(client.events.at(-1)?.data ?? '{}') as AvevaError;
      assert.equal(error.Reason, 'Bookmark expired');
      assert.ok(error.OperationId && error.Resolution);
    });
  },
  changeBrokerConfig({ liveHeartbeatMs: 100 }),
);
