// The sandbox's journal entries and faults as they go over the wire; Node-free, so the console shares them.

export interface JournalEntry {
  requestId: string;
  time: string;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  durationMs: number;
  clientId: string | null;
  requestBody: unknown;
  responseBody: unknown;
  injectedFault: string | null;
}

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
