import { timeOrderedKey, uuidV7 } from '../store/time-ordered-ids.js';

// Time-ordered, so that a new row's index entries land next to the last ones written.
export const newOrganizationId = (): string => uuidV7();
export const newEntitlementId = (): string => `ent-${timeOrderedKey(16)}`;
export const newUserId = (): string => `u-${timeOrderedKey(16)}`;
