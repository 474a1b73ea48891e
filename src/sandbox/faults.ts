import { randomUUID } from 'node:crypto';
import { SandboxError } from './errors.js';
import type { Fault, FaultInput } from './wire.js';

export type { Fault, FaultInput } from './wire.js';

export interface FaultTarget {
  operationId: string | null;
  method: string;
  path: string;
  clientId: string | null;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Mulberry32: a small, fast generator whose sequence a seed fixes, so that `probability` repeats run to run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ActiveFault {
  fault: Fault;
  pattern: RegExp | null;
  random: () => number;
}

/** The faults of this process, oldest first; the first that matches a request and draws true applies. */
export class FaultRegistry {
  #faults: ActiveFault[] = [];

  add(input: FaultInput, createdAt: string): Fault {
    if (input.status === undefined && input.delayMs === undefined) {
      throw new SandboxError('invalid_input', 'A fault needs a status to answer with, a delayMs, or both', { pointer: '/status' });
    }
    if (input.method !== undefined && !METHODS.has(input.method.toUpperCase())) {
      throw new SandboxError('invalid_input', `'${input.method}' is not an HTTP method the server answers`, { pointer: '/method' });
    }
    let pattern: RegExp | null = null;
    if (input.pathPattern !== undefined) {
      try {
        pattern = new RegExp(input.pathPattern);
      } catch (error) {
        throw new SandboxError('invalid_input', `pathPattern is not a regular expression: ${error instanceof Error ? error.message : String(error)}`, { pointer: '/pathPattern' });
      }
    }
    const fault: Fault = {
      ...input,
      ...(input.method ? { method: input.method.toUpperCase() } : {}),
      id: randomUUID(),
      probability: input.probability ?? 1,
      applied: 0,
      remaining: input.times ?? null,
      createdAt,
    };
    this.#faults.push({ fault, pattern, random: input.seed === undefined ? Math.random : seededRandom(input.seed) });
    return { ...fault };
  }

  list(): Fault[] {
    return this.#faults.map((f) => ({ ...f.fault }));
  }

  remove(id: string): void {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter((f) => f.fault.id !== id);
    if (this.#faults.length === before) throw new SandboxError('fault_not_found', `No fault has the id '${id}'`);
  }

  clear(): void {
    this.#faults = [];
  }

  /** The fault to apply to this request, if any; counts it as applied and drops it once used up. */
  take(target: FaultTarget): Fault | undefined {
    for (const active of this.#faults) {
      const { fault } = active;
      if (fault.operationId !== undefined && fault.operationId !== target.operationId) continue;
      if (fault.method !== undefined && fault.method !== target.method.toUpperCase()) continue;
      if (fault.clientId !== undefined && fault.clientId !== target.clientId) continue;
      if (active.pattern && !active.pattern.test(target.path)) continue;
      // Drawn for every matching request, so a seed gives the same choice for the n-th match every run.
      if (active.random() >= fault.probability) continue;
      fault.applied += 1;
      if (fault.remaining !== null) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) this.#faults = this.#faults.filter((f) => f !== active);
      }
      return { ...fault };
    }
    return undefined;
  }
}
