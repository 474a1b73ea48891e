import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { claimDueJobs } from '../../src/change-broker/jobs.js';
import { buildApp } from '../../src/server/app.js';
import { systemClock } from '../../src/store/clock.js';
import { call } from '../helpers/http.js';
import { describeEachDialect } from '../helpers/server.js';
import { addStream, api, cbContext, changeBrokerConfig, newSpace, type Signup } from './support.js';

// The suite's server runs no worker: the signup's job waits until the "crashed" process claims it.
describeEachDialect(
  'Change Broker activation after a crash',
  (server) => {
    test('a signup whose job a killed process held activates within 3 s of the restart', async () => {
      const s = server();
      const space = await newSpace(s);
      await addStream(s, space, 'pump-1');
      const created = await api<Signup>(s, space, 'POST', '/signups', { ResourceType: 'Stream', ResourceIds: ['pump-1'] });
      assert.equal(created.status, 202, created.text);
      assert.equal(created.body.signupState, 'Activating');
      // What a worker does just before it is killed: claim the job, on the real clock, and never finish it.
      const claimed = await claimDueJobs({ ...cbContext(s), clock: systemClock }, 'worker-of-the-killed-process');
      assert.equal(claimed.length, 1);

      // The restarted process: same database, its own background worker, the real clock.
      const config = { ...s.config, changeBroker: { ...s.config.changeBroker, backgroundWorker: true, backgroundPollMs: 100 } };
      const restarted = await buildApp({ store: s.store, config, clock: systemClock, logger: false });
      await restarted.ready();
      const started = performance.now();
      try {
        let state = '';
        while (performance.now() - started < 10_000) {
          const res = await call<Signup>({ app: restarted }, 'GET', `${space.base}/signups/${created.body.id}`, { token: space.token });
          state = res.body.signupState;
          if (state === 'Active') break;
          await sleep(50);
        }
        const took = performance.now() - started;
        assert.equal(state, 'Active');
        assert.ok(took < 3_000, `activated ${Math.round(took)} ms after the restart`);
      } finally {
        await restarted.close();
      }
    });
  },
  changeBrokerConfig({ backgroundWorker: false }),
);
