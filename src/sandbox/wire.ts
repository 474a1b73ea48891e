// The sandbox's journal entries and faults as they go over the wire; Node-free, so the console shares them.
import type { components } from '../openapi-types/sandbox-v1.js';

/** As the sandbox document declares it. */
export type JournalEntry = components['schemas']['JournalEntry'];

export interface FaultInput {
  operationId?: string;
  method?: string;
  pathPattern?: string;
  clientId?: string;
  status?: number;
  delayMs?: number;
  probability?: number;
  seed?: number;
  times?: number;
}

export interface Fault extends FaultInput {
  id: string;
  probability: number;
  applied: number;
  remaining: number | null;
  createdAt: string;
}
