import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, type FailureBody } from '../helpers/http.js';
import { describeEachSandbox } from './support.js';

describeEachSandbox('sandbox clock refusals', (server) => {
  test('bad moves are 400 in the Failure envelope and leave the clock where it was', async () => {
    const s = server();
    const admin = await s.createClient({ name: 'ops', scopes: ['signups:admin'] });
    const token = await admin.token();
    const start = await s.admin.freeze();
    const bad: Array<[unknown, string | undefined]> = [
      [{ set: new Date(Date.parse(start.now) - 1).toISOString() }, 'clock_backwards'],
      [{ advanceSeconds: -1 }, 'invalid_input'],
      [{ advanceSeconds: 10, set: new Date(Date.parse(start.now) + 1000).toISOString() }, 'invalid_input'],
      [{ set: 'tomorrow' }, 'invalid_input'],
      [{ advanceSeconds: '1h' }, 'invalid_input'],
      [{}, 'invalid_input'],
      [{ frozen: 'yes' }, 'invalid_input'],
      [{ rewind: true }, 'invalid_input'],
      [[1], undefined],
    ];
    for (const [json, code] of bad) {
      const res = await call<FailureBody>(s, 'POST', '/_signups/v1/clock', { token, json });
      assert.equal(res.status, 400, `${JSON.stringify(json)}: ${res.text}`);
      assert.equal(res.body.errors[0]?.status, '400');
      if (code) assert.equal(res.body.errors[0]?.code, code, JSON.stringify(json));
    }
    const backwards = await call<FailureBody>(s, 'POST', '/_signups/v1/clock', { token, json: { set: '2000-01-01T00:00:00Z' } });
    assert.match(backwards.body.errors[0]?.detail ?? '', /never moves backwards/);
    assert.equal(backwards.body.errors[0]?.source?.pointer, '/set');
    const text = await call(s, 'POST', '/_signups/v1/clock', { token, body: 'advance', headers: { 'content-type': 'text/plain' } });
    assert.equal(text.status, 415);
    assert.deepEqual(await s.admin.clock(), { now: start.now, frozen: true });
    await s.admin.resume();
  });
});
