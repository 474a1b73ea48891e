import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';
import type { DialectOps } from '../store/dialects/dialect-ops.js';
import { readSetting, updateSetting } from '../store/settings.js';

/** The settings row that holds the sandbox clock, shared by every process on the database. */
export const CLOCK_SETTING = 'sandbox_clock';

/**
 * Where the clock stands: a running clock is real time shifted by `offsetMs`; a frozen one reads `frozenAtMs`.
 * Stored as an offset, not a time, so that every process reads the same moving clock from one row.
 */
export interface ClockState {
  offsetMs: number;
  frozenAtMs: number | null;
}

export interface ClockView {
  now: string;
  frozen: boolean;
}

const RUNNING: ClockState = { offsetMs: 0, frozenAtMs: null };

function parseState(text: string | undefined): ClockState | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<ClockState>;
    const offsetMs = typeof value.offsetMs === 'number' && Number.isFinite(value.offsetMs) ? value.offsetMs : 0;
    const frozenAtMs = typeof value.frozenAtMs === 'number' && Number.isFinite(value.frozenAtMs) ? value.frozenAtMs : null;
    return { offsetMs, frozenAtMs };
  } catch {
    return undefined;
  }
}

const timeOf = (state: ClockState, realMs: number): number => state.frozenAtMs ?? realMs + state.offsetMs;

/** The state in which the clock reads `atMs` now, frozen there or running on from there. */
export function stateAt(atMs: number, frozen: boolean, realMs = Date.now()): ClockState {
  return frozen ? { offsetMs: 0, frozenAtMs: atMs } : { offsetMs: atMs - realMs, frozenAtMs: null };
}

export class ClockBackwardsError extends Error {
  constructor(
    readonly requestedMs: number,
    readonly currentMs: number,
  ) {
    super(`The clock never moves backwards: it is ${new Date(currentMs).toISOString()}, later than ${new Date(requestedMs).toISOString()}`);
  }
}

/** The stored state's row: read it, or change it under the row's lock and answer what was stored. */
export interface ClockRow {
  read(): Promise<string | undefined>;
  update(change: (text: string | undefined) => string): Promise<string>;
}

/** The settings row every process on the database shares. */
export const clockRow = (db: Db, dialect: DialectOps): ClockRow => ({
  read: () => readSetting(db, CLOCK_SETTING),
  update: (change) => updateSetting(db, dialect, CLOCK_SETTING, change),
});

/**
 * The server clock of a sandbox: it reads real time until moved, then runs on from where it was put, or stands
 * still while frozen. Its state lives in the database; `refresh` reads it (before each request and each round of
 * background work) so that every process sharing the database keeps the same time.
 *
 * Reads and moves overlap (a request's refresh, the background worker's, a move), and a read that started before a
 * move committed can come back after it with the state from before. So each one takes a ticket, a refresh when it
 * starts and a move when its change has committed, and a state is kept only if nothing with a later ticket has been
 * kept already: otherwise the clock could jump back to where it stood before a move, until the next refresh.
 */
export class SandboxClock implements Clock {
  #state: ClockState = RUNNING;
  #tickets = 0;
  #kept = 0;

  constructor(private readonly row: ClockRow) {}

  now(): Date {
    return new Date(timeOf(this.#state, Date.now()));
  }

  get frozen(): boolean {
    return this.#state.frozenAtMs !== null;
  }

  view(): ClockView {
    return { now: this.now().toISOString(), frozen: this.frozen };
  }

  async refresh(): Promise<void> {
    const ticket = ++this.#tickets;
    const state = parseState(await this.row.read()) ?? RUNNING;
    this.#keep(ticket, state);
  }

  /**
   * Moves the clock to `atMs` (never backwards: a time earlier than now is an error, unless `allowBackwards`), frozen
   * there or running on. Another process that moved it further meanwhile wins when `keepLater` is set.
   */
  async moveTo(atMs: number, frozen: boolean, options: { keepLater?: boolean; allowBackwards?: boolean } = {}): Promise<ClockView> {
    const stored = await this.row.update((text) => {
      const realMs = Date.now();
      const currentMs = timeOf(parseState(text) ?? RUNNING, realMs);
      let target = atMs;
      if (target < currentMs && !options.allowBackwards) {
        if (!options.keepLater) throw new ClockBackwardsError(atMs, currentMs);
        target = currentMs;
      }
      return JSON.stringify(stateAt(target, frozen, realMs));
    });
    this.#keep(++this.#tickets, parseState(stored) ?? RUNNING);
    return this.view();
  }

  #keep(ticket: number, state: ClockState): void {
    if (ticket < this.#kept) return;
    this.#kept = ticket;
    this.#state = state;
  }
}

/**
 * The clock as a server on this database would read it: for commands that issue tokens or write dates next to a
 * sandbox server. Real time when no sandbox clock was ever moved.
 */
export async function storedClock(db: Db): Promise<Clock> {
  const state = parseState(await readSetting(db, CLOCK_SETTING));
  if (!state) return { now: () => new Date() };
  return { now: () => new Date(timeOf(state, Date.now())) };
}
