import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configFromEnv } from '../../src/config/server-config.js';

test('SIGNUPS_HEAP_GROWTH_PERCENT: 30 by default, a positive integer, or off for V8 own factor', () => {
  assert.equal(configFromEnv({}).heapGrowthPercent, 30);
  assert.equal(configFromEnv({ SIGNUPS_HEAP_GROWTH_PERCENT: '' }).heapGrowthPercent, 30);
  assert.equal(configFromEnv({ SIGNUPS_HEAP_GROWTH_PERCENT: '100' }).heapGrowthPercent, 100);
  assert.equal(configFromEnv({ SIGNUPS_HEAP_GROWTH_PERCENT: 'off' }).heapGrowthPercent, undefined);
  assert.equal(configFromEnv({ SIGNUPS_HEAP_GROWTH_PERCENT: 'OFF' }).heapGrowthPercent, undefined);
  for (const bad of ['0', '-5', '1.5', 'thirty']) {
    assert.throws(() => configFromEnv({ SIGNUPS_HEAP_GROWTH_PERCENT: bad }), { message: `SIGNUPS_HEAP_GROWTH_PERCENT must be a positive integer, not '${bad}'` });
  }
});
