import type { ChangeBrokerConfig } from '../config/server-config.js';
import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';
import type { DialectOps, JoinedRows } from '../store/dialects/dialect-ops.js';
import type { PageReadAhead } from './read-ahead.js';

/** What Change Broker domain functions need: the database (or a transaction), what differs on it, the clock and settings. */
export interface ChangeBrokerContext {
  db: Db;
  dialect: DialectOps;
  clock: Clock;
  config: ChangeBrokerConfig;
  /** Where polls find the next page of a poller catching up, read ahead (the server's; none elsewhere). */
  readAhead?: PageReadAhead<JoinedRows>;
}

export const addSeconds = (at: Date, seconds: number): string => new Date(at.getTime() + seconds * 1000).toISOString();
