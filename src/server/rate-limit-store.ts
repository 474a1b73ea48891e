import type { Redis } from 'ioredis';
import type { Clock } from '../store/clock.js';

interface Window {
  current: number;
  startMs: number;
}

type Callback = (error: Error | null, result: { current: number; ttl: number }) => void;

const CAPACITY = 5000;

/**
 * @fastify/rate-limit's in-memory store, reading the server clock instead of `Date.now()`: a sandbox clock moved
 * forward opens a new window at once. Fixed windows per key, started by the key's first request; least recently
 * used keys beyond the capacity are forgotten.
 */
export function clockedRateLimitStore(clock: Clock) {
  return class ClockedStore {
    readonly #windows = new Map<string, Window>();

    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = clock.now().getTime();
      let window = this.#windows.get(key);
      if (window) this.#windows.delete(key);
      if (!window || window.startMs + timeWindow <= now || window.startMs > now) window = { current: 0, startMs: now };
      window.current += 1;
      this.#windows.set(key, window);
      if (this.#windows.size > CAPACITY) this.#windows.delete(this.#windows.keys().next().value as string);
      callback(null, { current: window.current, ttl: window.startMs + timeWindow - now });
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      const now = clock.now().getTime();
      const window = this.#windows.get(key);
      if (!window || window.startMs + timeWindow <= now) callback(null, { current: 0, ttl: 0 });
      else callback(null, { current: window.current, ttl: window.startMs + timeWindow - now });
    }

    child(): ClockedStore {
      return new ClockedStore();
    }
  };
}

/**
 * One window per key in a Redis hash: when it started by the server clock (`start`, ms) and its count. A window
 * ends when the clock passes start + window, whatever Redis's own time says, so that a sandbox clock moved forward
 * opens a new window in every process that shares the Redis. A window that starts more than one window after the
 * clock's time belongs to a clock that was set back (a restored snapshot) and starts over too; a smaller lead is
 * the skew between processes' real clocks and counts on. Redis forgets a key one window (real time) after its
 * window would end, so idle keys do not pile up; a frozen clock's window lasts while requests keep coming.
 */
const INCREMENT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local start = tonumber(redis.call('HGET', key, 'start'))
local current
if start == nil or now >= start + window or start > now + window then
  start = now
  redis.call('HSET', key, 'start', ARGV[1], 'count', 1)
  current = 1
else
  current = redis.call('HINCRBY', key, 'count', 1)
end
local ttl = math.min(window, math.max(0, start + window - now))
redis.call('PEXPIRE', key, ttl + window)
return {current, ttl}
`;

const READ = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local start = tonumber(redis.call('HGET', key, 'start'))
if start == nil or now >= start + window or start > now + window then
  return {0, 0}
end
return {tonumber(redis.call('HGET', key, 'count')), math.min(window, math.max(0, start + window - now))}
`;

interface RouteNaming {
  method?: unknown;
  url?: unknown;
}

interface RateLimitCommands {
  signupsRateLimitIncr(key: string, nowMs: number, windowMs: number): Promise<[number, number]>;
  signupsRateLimitRead(key: string, nowMs: number, windowMs: number): Promise<[number, number]>;
}

/** Defines the scripts once per connection; ioredis sends them by hash and reloads them if Redis lost them. */
function commandsOf(redis: Redis): RateLimitCommands {
  const commands = redis as Redis & Partial<RateLimitCommands>;
  if (!commands.signupsRateLimitIncr) redis.defineCommand('signupsRateLimitIncr', { numberOfKeys: 1, lua: INCREMENT });
  if (!commands.signupsRateLimitRead) redis.defineCommand('signupsRateLimitRead', { numberOfKeys: 1, lua: READ });
  return redis as Redis & RateLimitCommands;
}

/**
 * @fastify/rate-limit's store shared through Redis, counting in windows of the server clock (see INCREMENT):
 * the same fixed windows as the in-memory store, one count per key across every process on the Redis.
 */
export function redisClockedRateLimitStore(redis: Redis, clock: Clock, nameSpace: string) {
  const commands = commandsOf(redis);
  const answer = (callback: Callback) => ({
    ok: ([current, ttl]: [number, number]) => callback(null, { current, ttl }),
    failed: (error: Error) => callback(error, { current: 0, ttl: 0 }),
  });
  return class RedisClockedStore {
    readonly prefix: string;

    /** The plugin constructs the store with its options; only `child` gives a prefix of its own. */
    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : nameSpace;
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const { ok, failed } = answer(callback);
      commands.signupsRateLimitIncr(this.prefix + key, clock.now().getTime(), timeWindow).then(ok, failed);
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      const { ok, failed } = answer(callback);
      commands.signupsRateLimitRead(this.prefix + key, clock.now().getTime(), timeWindow).then(ok, failed);
    }

    /** A route with limits of its own counts apart from the others (the plugin passes the route as `routeInfo`). */
    child(options: RouteNaming & { routeInfo?: RouteNaming }): RedisClockedStore {
      const route = options.routeInfo ?? options;
      return new RedisClockedStore(`${this.prefix}${String(route.method)}${String(route.url)}-`);
    }
  };
}
