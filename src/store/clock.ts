/** Every time-dependent rule reads this, so tests can move time instead of sleeping. */
export interface Clock {
  now(): Date;
  /** Brings a clock that several processes share up to date; work that reads the clock calls it first. */
  refresh?(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; for tests and tools. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date | string = '2026-01-01T00:00:00.000Z') {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
  set(at: Date | string): void {
    this.#ms = new Date(at).getTime();
  }
}
