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
