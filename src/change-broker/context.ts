import type { ChangeBrokerConfig } from '../config/server-config.js';
import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';
import type { DialectOps } from '../store/dialects/dialect-ops.js';

/** What Change Broker domain functions need: the database (or a transaction), what differs on it, the clock and settings. */
export interface ChangeBrokerContext {
  db: Db;
  dialect: DialectOps;
  clock: Clock;
  config: ChangeBrokerConfig;
}

export const addSeconds = (at: Date, seconds: number): string => new Date(at.getTime() + seconds * 1000).toISOString();
