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

test('SIGNUPS_SQLITE_CACHE_MB: 8 by default, or a positive integer', () => {
  assert.equal(configFromEnv({}).sqliteCacheMb, 8);
  assert.equal(configFromEnv({ SIGNUPS_SQLITE_CACHE_MB: '64' }).sqliteCacheMb, 64);
  for (const bad of ['0', '-1', '2.5', 'lots']) {
    assert.throws(() => configFromEnv({ SIGNUPS_SQLITE_CACHE_MB: bad }), { message: `SIGNUPS_SQLITE_CACHE_MB must be a positive integer, not '${bad}'` });
  }
});

test('SIGNUPS_UPDATES_READ_AHEAD: on by default, off with 0, false, no or off', () => {
  assert.equal(configFromEnv({}).changeBroker.updatesReadAhead, true);
  for (const off of ['0', 'false', 'no', 'off', 'OFF']) assert.equal(configFromEnv({ SIGNUPS_UPDATES_READ_AHEAD: off }).changeBroker.updatesReadAhead, false, off);
});
