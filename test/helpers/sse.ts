// A Server-Sent Events client that parses the stream as a browser's EventSource does (event, data, id, comments),
// for tests and benchmarks of the live updates stream.

export interface SseEvent {
  event: string;
  /** The last event id in effect when the event was dispatched. */
  id: string;
  data: string;
}

export interface SseOpenOptions {
  headers?: Record<string, string>;
  /** Called as each event is dispatched (a benchmark times arrivals with it). */
  onEvent?: (event: SseEvent) => void;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  /** The id a reconnecting EventSource would send as Last-Event-ID. */
  lastEventId = '';
  readonly done: Promise<void>;
  #waiters: Array<() => void> = [];
  #abort = new AbortController();

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    body: ReadableStream<Uint8Array> | null,
    readonly text: () => Promise<string>,
    private readonly onEvent?: (event: SseEvent) => void,
  ) {
    this.done = body ? this.#read(body) : Promise.resolve();
  }

  /** Connects; resolves once the answer's headers arrived. A non-200 answer's body is left in `text()`. */
  static async open(url: string, options: SseOpenOptions = {}): Promise<SseClient> {
    const abort = new AbortController();
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...options.headers }, signal: abort.signal });
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      const body = await res.text();
      return new SseClient(res.status, res.headers, null, async () => body);
    }
    const client = new SseClient(res.status, res.headers, res.body, async () => '', options.onEvent);
    client.#abort = abort;
    return client;
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    let event = '';
    let data: string[] = [];
    let idBuffer = this.lastEventId;
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let nl = buffer.search(/\r\n|\r|\n/); nl >= 0; nl = buffer.search(/\r\n|\r|\n/)) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
          if (line === '') {
            this.lastEventId = idBuffer;
            if (data.length > 0) {
              const dispatched = { event: event || 'message', id: idBuffer, data: data.join('\n') };
              this.events.push(dispatched);
              this.onEvent?.(dispatched);
            }
            event = '';
            data = [];
            this.#notify();
            continue;
          }
          if (line.startsWith(':')) {
            this.comments.push(line.slice(1).trim());
            continue;
          }
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
          else if (field === 'id' && !value.includes('\0')) idBuffer = value;
        }
      }
    } catch {
      // Aborted by close(), or the server ended the connection.
    } finally {
      this.#notify();
    }
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  /** Waits until `predicate` holds over the events so far (checked after each dispatch), or fails after `timeoutMs`. */
  async waitFor(predicate: (events: readonly SseEvent[]) => boolean, timeoutMs = 10_000, what = 'events'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let ended = false;
    void this.done.then(() => {
      ended = true;
    });
    while (!predicate(this.events)) {
      if (ended) throw new Error(`the stream ended before ${what} arrived (${this.events.length} events)`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what} (${this.events.length} events)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    this.#abort.abort();
    return this.done;
  }
}
