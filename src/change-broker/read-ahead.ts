/** What a page of changes was read for: the signup, where it starts, which streams, how many, and below what. */
export interface PageQuery {
  signupId: string;
  afterSeq: number;
  /** The streams read, in any order, each with the position its changes count from (they are read after the later of that and afterSeq). */
  streams: ReadonlyArray<{ id: string; fromSeq: number }>;
  limit: number;
  /** Only changes below this position were read: the namespace's final position then, + 1. */
  below: number;
}

/** A page as read: how many changes it read (`limit` of them: it was cut there). */
export interface ReadPage {
  readonly count: number;
}

interface Pending<P extends ReadPage> {
  signupId: string;
  afterSeq: number;
  streams: string;
  limit: number;
  below: number;
  startedAt: number;
  /** Undefined when the read failed: the next poll then reads for itself. */
  page: Promise<P | undefined>;
}

const streamsKey = (streams: PageQuery['streams']) => streams.map((s) => JSON.stringify([s.id, s.fromSeq])).sort().join();

/**
 * The next page of a poller catching up, read while the poller takes in the page it got, so that its next poll
 * finds the page read and the database's time overlaps the client's.
 *
 * Only after a full page: a client that gets one asks for the next at once, and one that got a short page has caught
 * up (reading ahead for it would be waste). Changes at or below a namespace's final position never change, so a page
 * read ahead is exactly the page the next poll would read when it came back full (the first `limit` changes up to one
 * final position are the first `limit` up to any later one) or when the final position has not moved since.
 * The next poll still makes every check of its own (the signup, its owner, its resources and their access), and
 * a page is used only for what those checks give (the same position, streams and their positions) and the same
 * size, once, and within `maxAgeMs`. Nothing is shared between processes: a poll that reaches another one reads for itself.
 */
export class PageReadAhead<P extends ReadPage> {
  private readonly pages = new Map<string, Pending<P>>();
  /** Pages a poll took instead of reading. */
  used = 0;

  constructor(private readonly options: { maxPages: number; maxAgeMs: number; now?: () => number } = { maxPages: 32, maxAgeMs: 2000 }) {}

  /** Reads the page `read` gives after this turn of the event loop, so that the answer in hand is sent first. */
  start(query: PageQuery, read: () => Promise<P>): void {
    const page = new Promise<P | undefined>((resolve) => {
      setImmediate(() => {
        read().then(resolve, () => resolve(undefined));
      });
    });
    this.pages.delete(query.signupId);
    // Oldest first, as a Map iterates: a poller that went away leaves its page to be dropped here or by age.
    for (const signupId of this.pages.keys()) {
      if (this.pages.size < this.options.maxPages) break;
      this.pages.delete(signupId);
    }
    this.pages.set(query.signupId, {
      signupId: query.signupId,
      afterSeq: query.afterSeq,
      streams: streamsKey(query.streams),
      limit: query.limit,
      below: query.below,
      startedAt: this.now(),
      page,
    });
  }

  /** The page read ahead for exactly this query, if it is still the page the query would read; each is handed out once. */
  async take(query: PageQuery): Promise<P | undefined> {
    const pending = this.pages.get(query.signupId);
    if (!pending) return undefined;
    this.pages.delete(query.signupId);
    const matches =
      pending.afterSeq === query.afterSeq &&
      pending.limit === query.limit &&
      pending.below <= query.below &&
      this.now() - pending.startedAt <= this.options.maxAgeMs &&
      pending.streams === streamsKey(query.streams);
    if (!matches) return undefined;
    const page = await pending.page;
    // A short page holds every change up to the final position it was read to: still the page while that is final.
    const usable = page !== undefined && (page.count === query.limit || pending.below === query.below);
    if (usable) this.used += 1;
    return usable ? page : undefined;
  }

  /** Forgets every page, for when the data underneath was replaced (a sandbox reset or restore). */
  clear(): void {
    this.pages.clear();
  }

  /** Pages held or being read. */
  get size(): number {
    return this.pages.size;
  }

  private now(): number {
    return this.options.now ? this.options.now() : performance.now();
  }
}
