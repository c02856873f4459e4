/**
 * The journal as a live feed of server-sent events (the admin route
 * `GET /__mock/events`, which the console's request view reads).
 *
 * A slow client must never slow the API: the journal hands each entry to
 * every feed with an O(1) push onto the feed's own queue, and the feed writes
 * it out when the stream asks for the next event. Each client's buffer is
 * bounded twice: the events queued for it (`maxQueued`) and the bytes its
 * socket has not taken yet (`maxBufferedBytes`). A client over either bound is
 * told so with an `overflow` event when it can still be written, and its
 * connection is closed; it can reconnect and read what it missed from
 * `GET /__mock/journal`. A client that goes away is unsubscribed at once.
 */
import type { ServerResponse } from 'node:http';
import type { Journal, JournalEntry } from './journal.js';
import type { SseEvent } from './sse.js';

export interface EventFeedOptions {
  /** Events waiting for one client before it is dropped (default 1000). */
  maxQueued?: number;
  /** Bytes written to one client and not yet taken by its socket before it is dropped (default 1 MiB). */
  maxBufferedBytes?: number;
}

export interface FeedFilter {
  provider?: string;
}

/** The journal entry as the admin API shows it (no exchange: that is `GET /__mock/journal/{id}`). */
export function publicEntry(e: JournalEntry): Record<string, unknown> {
  return {
    id: e.id,
    at: e.at,
    atMs: e.atMs,
    provider: e.provider,
    operationId: e.operationId,
    method: e.method,
    url: e.url,
    status: e.status,
    tenant: e.tenant,
    durationMs: e.durationMs,
    ...(e.scenario ? { scenario: { name: e.scenario.name, rule: e.scenario.rule, activation: e.scenario.activation } } : {}),
    ...(e.prefer !== undefined ? { prefer: e.prefer } : {}),
    ...(e.fault !== undefined ? { fault: e.fault } : {}),
    ...(e.events !== undefined ? { events: e.events } : {}),
    ...(e.exchange?.selfCheck.length ? { selfCheckIssues: e.exchange.selfCheck.length } : {}),
  };
}

/** One open feed: a bounded queue of entries that the stream drains. */
class Feed implements AsyncIterator<SseEvent> {
  private queue: JournalEntry[] = [];
  private wake: (() => void) | undefined;
  private done = false;
  private overflowed = false;
  private ended = false;
  private unsubscribe: () => void;
  res: ServerResponse | undefined;

  constructor(
    journal: Journal,
    private readonly filter: FeedFilter,
    private readonly maxQueued: number,
    private readonly maxBufferedBytes: number,
    private readonly onEnd: (feed: Feed) => void,
  ) {
    this.unsubscribe = journal.subscribe((entry) => this.push(entry));
  }

  /** The response the stream is written to: its close ends the feed, its unsent bytes count against the bound. */
  attach(res: ServerResponse): void {
    this.res = res;
    if (res.destroyed) return void this.end();
    res.once('close', () => this.end());
  }

  private push(entry: JournalEntry): void {
    if (this.done || this.overflowed) return;
    if (this.filter.provider !== undefined && entry.provider !== this.filter.provider) return;
    const res = this.res;
    if (this.queue.length >= this.maxQueued || (res !== undefined && res.writableLength > this.maxBufferedBytes)) {
      this.overflow();
      return;
    }
    this.queue.push(entry);
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** The client fell behind: no more entries; an `overflow` event if its socket still takes one, then the connection closes. */
  private overflow(): void {
    this.overflowed = true;
    this.queue.length = 0;
    this.unsubscribe();
    const res = this.res;
    if (res && (res.destroyed || res.writableLength > this.maxBufferedBytes)) {
      res.destroy();
      this.end();
      return;
    }
    this.wakeUp();
  }

  async next(): Promise<IteratorResult<SseEvent>> {
    for (;;) {
      if (this.done) return { done: true, value: undefined };
      const entry = this.queue.shift();
      if (entry) return { done: false, value: { event: 'request', id: String(entry.id), data: publicEntry(entry) } };
      if (this.overflowed) {
        this.done = true;
        this.onEnd(this);
        return {
          done: false,
          value: { event: 'overflow', data: { message: 'This client fell behind the journal and is disconnected; reconnect, and read what was missed from GET /__mock/journal.' } },
        };
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async return(): Promise<IteratorResult<SseEvent>> {
    this.end();
    return { done: true, value: undefined };
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.done = true;
    this.queue.length = 0;
    this.unsubscribe();
    this.onEnd(this);
    this.wakeUp();
  }
}

export interface EventHub {
  /**
   * A feed of the journal's entries from now on, as the events of a stream.
   * The response it is written to is handed over with `attach` (the server
   * does, when it holds the stream open); until then only the queue bounds it.
   */
  open(filter?: FeedFilter): AsyncIterable<SseEvent>;
  /** Gives the response of the stream that just started to the oldest feed without one. */
  attach(res: ServerResponse): void;
  /** Feeds open now. */
  readonly size: number;
  /** Ends every feed (shutdown). */
  close(): void;
}

export function createEventHub(journal: Journal, options: EventFeedOptions = {}): EventHub {
  const maxQueued = options.maxQueued ?? 1000;
  const maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024;
  const feeds = new Set<Feed>();
  const unattached: Feed[] = [];
  const onEnd = (feed: Feed) => {
    feeds.delete(feed);
    const i = unattached.indexOf(feed);
    if (i >= 0) unattached.splice(i, 1);
  };
  return {
    open(filter = {}) {
      const feed = new Feed(journal, filter, maxQueued, maxBufferedBytes, onEnd);
      feeds.add(feed);
      unattached.push(feed);
      return { [Symbol.asyncIterator]: () => feed };
    },
    attach(res) {
      // Streams start in the order their handlers ran (the same steps between the handler and the head), so the oldest feed is this one.
      const feed = unattached.shift();
      if (feed) feed.attach(res);
    },
    get size() {
      return feeds.size;
    },
    close() {
      for (const feed of [...feeds]) {
        feed.end();
        feed.res?.end();
      }
    },
  };
}
