import type { ChangeBrokerConfig } from '../config/server-config.js';
import type { Clock } from '../store/clock.js';
import type { Db, DialectName } from '../store/database.js';

/** What Change Broker domain functions need: the database (or a transaction), its dialect, the clock and settings. */
export interface ChangeBrokerContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  config: ChangeBrokerConfig;
}

export const addSeconds = (at: Date, seconds: number): string => new Date(at.getTime() + seconds * 1000).toISOString();
