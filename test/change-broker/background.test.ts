import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { claimDueJobs, enqueueJob, runDueJobs } from '../../src/change-broker/jobs.js';
import { claimLease } from '../../src/change-broker/leases.js';
import { buildApp } from '../../src/server/app.js';
import { describeEachDialect } from '../helpers/server.js';
import { addStream, api, cbContext, changeBrokerConfig, newSpace, type Signup } from './support.js';

// The suite's own server runs no worker, so that the claims below are the only ones; the last test starts two.
describeEachDialect('Change Broker background work and leases', (server) => {
  test('concurrent workers claim disjoint sets of due jobs, and together all of them', async () => {
    const s = server();
    const ctx = cbContext(s);
    const ids = Array.from({ length: 60 }, () => randomUUID());
    for (const id of ids) await enqueueJob(ctx, id);
    const owners = ['w1', 'w2', 'w3', 'w4'];
    const claimed = await Promise.all(
      owners.map(async (owner) => {
        const mine: string[] = [];
        for (;;) {
          const jobs = await claimDueJobs(ctx, owner, 7);
          if (jobs.length === 0) return mine;
          mine.push(...jobs.map((j) => j.signup_id));
        }
      }),
    );
    const all = claimed.flat();
    assert.equal(new Set(all).size, all.length, 'no job claimed twice');
    for (const id of ids) assert.ok(all.includes(id), 'every job claimed');
    // Claimed jobs are not offered again while their lease holds.
    assert.deepEqual(await claimDueJobs(ctx, 'w5'), []);
    // A lapsed lease is taken over; the jobs (for signups that no longer exist) then run and are removed.
    s.clock.advance(31_000);
    assert.equal(await runDueJobs(ctx, { owner: 'w5' }), 60);
    assert.equal(await runDueJobs(ctx), 0);
  });

  test('a named lease has one holder until it lapses', async () => {
    const s = server();
    const ctx = cbContext(s);
    const name = `lease-${randomUUID()}`;
    assert.equal(await claimLease(ctx, name, 'a', 5), true);
    assert.equal(await claimLease(ctx, name, 'b', 5), false);
    assert.equal(await claimLease(ctx, name, 'a', 5), true, 'the holder renews');
    s.clock.advance(6000);
    assert.equal(await claimLease(ctx, name, 'b', 5), true);
    assert.equal(await claimLease(ctx, name, 'a', 5), false);
  });

  test('two server processes on one database activate every signup once, each within a second', async () => {
    const s = server();
    const config = { ...s.config, changeBroker: { ...s.config.changeBroker, backgroundWorker: true } };
    const [first, second] = [await buildApp({ store: s.store, config, clock: s.clock, logger: false }), await buildApp({ store: s.store, config, clock: s.clock, logger: false })];
    const firstUrl = await first.listen({ host: '127.0.0.1', port: 0 });
    const secondUrl = await second.listen({ host: '127.0.0.1', port: 0 });
    try {
      const space = await newSpace(s);
      await addStream(s, space, 'a');
      const created: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const target = { ...s, url: i % 2 === 0 ? firstUrl : secondUrl };
        const res = await api<Signup>(target, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: ['a'] });
        assert.equal(res.status, 202, res.text);
        created.push(res.body.id);
      }
      const deadline = Date.now() + 1500;
      let states: string[] = [];
      while (Date.now() < deadline) {
        const rows = await s.store.db.selectFrom('cb_signups').select('state').where('id', 'in', created).execute();
        states = rows.map((r) => r.state);
        if (states.every((x) => x === 'Active')) break;
        await sleep(25);
      }
      assert.deepEqual(states, created.map(() => 'Active'));
      const jobs = await s.store.db.selectFrom('cb_jobs').select('id').where('signup_id', 'in', created).execute();
      assert.deepEqual(jobs, []);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
}, changeBrokerConfig({ backgroundWorker: false }));
