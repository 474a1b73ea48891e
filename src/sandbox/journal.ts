import { redact, redactUrl } from './redact.js';
import type { JournalEntry } from './wire.js';

export type { JournalEntry } from './wire.js';

export interface JournalFilter {
  operationId?: string;
  status?: number;
  clientId?: string;
  limit?: number;
}

/** Bodies larger than this are kept as a note of their size, not their content. */
const MAX_BODY_CHARS = 64 * 1024;

/** A body as journaled: JSON parsed when it is JSON, redacted, and bounded in size. */
export function journalBody(body: unknown): unknown {
  if (body === undefined || body === null || body === '') return null;
  let value = body;
  if (Buffer.isBuffer(value)) value = value.toString('utf8');
  if (typeof value === 'string') {
    if (value.length > MAX_BODY_CHARS) return `[${value.length} characters not kept]`;
    try {
      value = JSON.parse(value);
    } catch {
      return redact(value);
    }
  } else if (typeof value !== 'object') {
    return value;
  } else if (JSON.stringify(value).length > MAX_BODY_CHARS) {
    return '[body too large to keep]';
  }
  return redact(value);
}

/**
 * The last requests this process answered, newest last in a ring of fixed size: recording is O(1) and memory is
 * bounded by the capacity (and the body bound), whatever the traffic.
 */
export class RequestJournal {
  #entries: JournalEntry[] = [];
  #next = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.#entries.length;
  }

  /** Keeps the entry with its path and bodies redacted; the raw bodies are not kept. */
  record(entry: JournalEntry): void {
    const kept: JournalEntry = { ...entry, path: redactUrl(entry.path), requestBody: journalBody(entry.requestBody), responseBody: journalBody(entry.responseBody) };
    if (this.#entries.length < this.capacity) {
      this.#entries.push(kept);
    } else {
      this.#entries[this.#next] = kept;
      this.#next = (this.#next + 1) % this.capacity;
    }
  }

  /** Matching entries, newest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const limit = filter.limit ?? this.capacity;
    const n = this.#entries.length;
    for (let i = 0; i < n && out.length < limit; i += 1) {
      // The newest entry sits just before #next once the ring is full; at the end of the array before that.
      const entry = this.#entries[(this.#next - 1 - i + 2 * n) % n];
      if (!entry) continue;
      if (filter.operationId !== undefined && entry.operationId !== filter.operationId) continue;
      if (filter.status !== undefined && entry.status !== filter.status) continue;
      if (filter.clientId !== undefined && entry.clientId !== filter.clientId) continue;
      out.push(entry);
    }
    return out;
  }

  clear(): void {
    this.#entries = [];
    this.#next = 0;
  }
}
