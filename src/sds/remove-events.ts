import { type SdsCall, scopeOfCall } from './call.js';
import type { Clock } from '../store/clock.js';
import type { Db } from '../store/database.js';
import type { Trustee } from './access.js';
import { removeValues, removeWindow } from './data.js';
import { AvevaError } from '../errors/aveva.js';
import type { StreamScope } from './streams.js';

/** Which events a Remove Values call names: one or more indexes, or a window with both ends, never both. */
export interface Removal {
  index?: string[];
  startIndex?: string;
  endIndex?: string;
}

/** Removes the events a Remove Values call names, as one change; a call that names them ambiguously is refused. */
export async function removeEvents(db: Db, clock: Clock, call: SdsCall, streamId: string, removal: Removal): Promise<void> {
  const { scope, who } = await scopeOfCall(db, call);
  const { index, startIndex, endIndex } = removal;
  const window = startIndex !== undefined || endIndex !== undefined;
  if (index !== undefined && index.length > 0 && !window) return removeValues(db, clock, scope, streamId, who, index);
  if (index === undefined && startIndex !== undefined && endIndex !== undefined) return removeWindow(db, clock, scope, streamId, who, startIndex, endIndex);
  throw new AvevaError('invalid_removal', 'Name the events to remove with index (one or more), or a window with both startIndex and endIndex.', {
    resolution: 'Send ?index=... (repeatable) or ?startIndex=...&endIndex=..., not both.',
  });
}
