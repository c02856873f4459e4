/**
 * The journal as a live feed of server-sent events (the admin route
 * `GET /__mock/events`, which the console's request view reads).
 *
 * Clients must cost the API little, however many are open and however slow:
 * - the hub subscribes to the journal once, whatever the number of clients:
 *   a request's only cost is one push onto the hub's list;
 * - every `tickMs` the hub turns what was journaled since into one event, made
 *   once (its JSON and its wire text) and shared by every client with the same
 *   filter: the newest `maxPerEvent` entries, and how many older ones were
 *   left out (`skipped`; the journal has them), so a busy API costs each
 *   client one write a tick;
 * - those writes go out `perTurn` clients at a time, one group per turn of
 *   the event loop, so requests are answered between them rather than after
 *   a hundred writes in a row;
 * - each client's buffer is bounded twice: the events queued for it
 *   (`maxQueued`) and the bytes its socket has not taken yet
 *   (`maxBufferedBytes`). A client over either bound is told so with an
 *   `overflow` event when it can still be written, and its connection is
 *   closed; it can reconnect and read what it missed from `GET /__mock/journal`.
 * A client that goes away is let go at once.
 */
import type { components } from '../generated/admin.js';
import type { ServerResponse } from 'node:http';
import type { Journal, JournalEntry } from './journal.js';
import type { SseEvent } from './sse.js';

export interface EventFeedOptions {
  /** How often what was journaled is sent, in ms of real time (default 250). */
  tickMs?: number;
  /** Entries in one event at most: the newest; older ones are counted as skipped (default 20: with 100 consoles open, 50 cost the API a quarter of its p99). */
  maxPerEvent?: number;
  /** Events waiting for one client before it is dropped (default 50). */
  maxQueued?: number;
  /** Bytes written to one client and not yet taken by its socket before it is dropped (default 1 MiB). */
  maxBufferedBytes?: number;
  /** Clients given a tick's event in one turn of the event loop; the rest in the turns after (default 4). */
  perTurn?: number;
}

export interface FeedFilter {
  provider?: string;
}

/** The journal entry as the admin API shows it (no exchange: that is `GET /__mock/journal/{id}`). */
export function publicEntry(e: JournalEntry): components['schemas']['JournalEntry'] {
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
    ...(e.fault !== undefined ? { fault: e.fault as components['schemas']['JournalFault'] } : {}),
    ...(e.events !== undefined ? { events: e.events } : {}),
    ...(e.selfCheck ? { selfCheck: e.selfCheck } : {}),
  };
}

export const OVERFLOW_MESSAGE = 'This client fell behind the journal and is disconnected; reconnect, and read what was missed from GET /__mock/journal.';

/** One tick's event, shared by the clients it goes to: frozen, so its wire text is made once (sse.ts). */
interface Batch {
  readonly event: SseEvent;
}

/** One open feed: a bounded queue of batches that its stream drains. */
class Feed implements AsyncIterator<SseEvent> {
  private queue: Batch[] = [];
  private wake: (() => void) | undefined;
  private done = false;
  private overflowed = false;
  private ended = false;
  res: ServerResponse | undefined;

  constructor(
    readonly filter: FeedFilter,
    private readonly maxQueued: number,
    private readonly maxBufferedBytes: number,
    private readonly onEnd: (feed: Feed) => void,
  ) {}

  /** The response the stream is written to: its close ends the feed, its unsent bytes count against the bound. */
  attach(res: ServerResponse): void {
    this.res = res;
    if (res.destroyed) return void this.end();
    res.once('close', () => this.end());
  }

  deliver(batch: Batch): void {
    if (this.done || this.overflowed) return;
    const res = this.res;
    if (this.queue.length >= this.maxQueued || (res !== undefined && res.writableLength > this.maxBufferedBytes)) {
      this.overflow();
      return;
    }
    this.queue.push(batch);
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** The client fell behind: nothing more for it; an `overflow` event if its socket still takes one, then the connection closes. */
  private overflow(): void {
    this.overflowed = true;
    this.queue.length = 0;
    this.onEnd(this);
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
      if (this.overflowed) {
        this.done = true;
        return { done: false, value: { event: 'overflow', data: { message: OVERFLOW_MESSAGE } } };
      }
      const batch = this.queue.shift();
      if (batch) return { done: false, value: batch.event };
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
  /** Sends what was journaled since the last tick now (the timer does it every `tickMs`). */
  flush(): void;
  /** Ends every feed (shutdown). */
  close(): void;
}

export function createEventHub(journal: Journal, options: EventFeedOptions = {}): EventHub {
  const tickMs = options.tickMs ?? 250;
  const maxPerEvent = options.maxPerEvent ?? 20;
  const maxQueued = options.maxQueued ?? 50;
  const maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024;
  const perTurn = Math.max(1, options.perTurn ?? 4);
  const feeds = new Set<Feed>();
  const unattached: Feed[] = [];
  /** What was journaled since the last tick: at most the newest 5 × maxPerEvent (a filter still finds its own), the rest counted. */
  let pending: JournalEntry[] = [];
  let dropped = 0;
  let unsubscribe: (() => void) | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const onEntry = (entry: JournalEntry): void => {
    pending.push(entry);
    if (pending.length > 10 * maxPerEvent) {
      dropped += pending.length - 5 * maxPerEvent;
      pending = pending.slice(-5 * maxPerEvent);
    }
  };

  /** The tick being handed out: each feed with its event, from `next` on, a group per turn. */
  let handing: { feeds: Feed[]; batches: Batch[]; next: number } | undefined;
  let groupScheduled = false;
  const handOut = (all: boolean): void => {
    const h = handing;
    if (!h) return;
    const end = all ? h.feeds.length : Math.min(h.feeds.length, h.next + perTurn);
    for (; h.next < end; h.next++) h.feeds[h.next]!.deliver(h.batches[h.next]!);
    if (h.next >= h.feeds.length) handing = undefined;
    else if (!groupScheduled) {
      groupScheduled = true;
      setImmediate(handOutGroup);
    }
  };
  const handOutGroup = (): void => {
    groupScheduled = false;
    handOut(false);
  };

  const flush = (): void => {
    // A tick still being handed out goes first, whole: every client gets its events in order.
    handOut(true);
    if (!pending.length) return;
    const entries = pending;
    const before = dropped;
    pending = [];
    dropped = 0;
    const byFilter = new Map<string, Batch | null>();
    const to: Feed[] = [];
    const batches: Batch[] = [];
    for (const feed of feeds) {
      const provider = feed.filter.provider;
      const key = provider ?? '';
      let batch = byFilter.get(key);
      if (batch === undefined) {
        const mine = provider === undefined ? entries : entries.filter((e) => e.provider === provider);
        const kept = mine.slice(-maxPerEvent);
        batch = kept.length
          ? {
              event: Object.freeze({
                event: 'requests',
                id: String(kept[kept.length - 1]!.id),
                data: `{"entries":[${kept.map((e) => JSON.stringify(publicEntry(e))).join(',')}],"skipped":${mine.length - kept.length + (provider === undefined ? before : 0)}}`,
              }),
            }
          : null;
        byFilter.set(key, batch);
      }
      if (batch) {
        to.push(feed);
        batches.push(batch);
      }
    }
    if (!to.length) return;
    handing = { feeds: to, batches, next: 0 };
    handOut(false);
  };

  const onEnd = (feed: Feed): void => {
    feeds.delete(feed);
    const i = unattached.indexOf(feed);
    if (i >= 0) unattached.splice(i, 1);
    if (feeds.size === 0) {
      unsubscribe?.();
      unsubscribe = undefined;
      if (timer) clearInterval(timer);
      timer = undefined;
      pending = [];
      dropped = 0;
      handing = undefined;
    }
  };

  return {
    open(filter = {}) {
      const feed = new Feed(filter, maxQueued, maxBufferedBytes, onEnd);
      feeds.add(feed);
      unattached.push(feed);
      unsubscribe ??= journal.subscribe(onEntry);
      if (!timer) {
        timer = setInterval(flush, tickMs);
        timer.unref();
      }
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
    flush,
    close() {
      for (const feed of [...feeds]) {
        feed.end();
        feed.res?.end();
      }
    },
  };
}
