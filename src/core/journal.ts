/**
 * The request journal: the last N requests the mock answered (or dropped),
 * with what matched them, for the admin API and for tests.
 */

import type { Wire } from './capture.js';

export type { Exchange } from './capture.js';

export interface JournalEntry {
  id: number;
  /** ISO 8601 time the request arrived, on the mock's clock. */
  at: string;
  atMs: number;
  provider: string;
  operationId: string | null;
  method: string;
  url: string;
  /** The status sent; 0 when the connection was dropped or never answered (faults). */
  status: number;
  tenant: string | null;
  durationMs: number;
  /** The scenario rule that answered, when one did. */
  scenario?: { name: string; rule: number; activation: string };
  /** A Prism-style `Prefer` header that decided the reply. */
  prefer?: string;
  fault?: string;
  /** For a reply of server-sent events: how many events were sent. */
  events?: number;
  /** The reply broke the spec (the response self-check): what was found. */
  selfCheck?: { issues: { location: string; pointer: string; rule: string; message: string }[] };
  /** What was sent and answered, when the server watches exchanges (the console's request view): read with `wire.read`. */
  wire?: Wire;
}

/**
 * An entry as the pipeline opens it: its time as text is made when read (most
 * entries are never read). The journal keeps a thousand of them, which every
 * young-generation collection copies: the fields most requests leave unset
 * are declared, not given a slot, so an entry that has none is smaller.
 */
export class OpenedEntry implements JournalEntry {
  operationId: string | null = null;
  status = 0;
  tenant: string | null = null;
  durationMs = 0;
  wire?: Wire = undefined;
  declare scenario?: JournalEntry['scenario'];
  declare prefer?: string;
  declare fault?: string;
  declare events?: number;
  declare selfCheck?: JournalEntry['selfCheck'];

  constructor(
    readonly id: number,
    readonly atMs: number,
    readonly provider: string,
    readonly method: string,
    readonly url: string,
  ) {}

  get at(): string {
    return new Date(this.atMs).toISOString();
  }
}

/** Called with each entry as it is recorded; must not throw or block. */
export type JournalListener = (entry: JournalEntry) => void;

const ENTRY = Symbol('collections-mock.journalEntry');

/** Makes the entry findable from the response (the request log reads the provider, operation and scenario from it). */
export function attachEntry(res: object, entry: JournalEntry): void {
  (res as { [ENTRY]?: JournalEntry })[ENTRY] = entry;
}

/** The entry attached to a response, when its request reached a provider (or the admin API). */
export function entryOf(res: object): JournalEntry | undefined {
  return (res as { [ENTRY]?: JournalEntry })[ENTRY];
}

export interface JournalFilter {
  provider?: string;
  operationId?: string;
  status?: number;
  /** Epoch ms: entries at or after it. */
  sinceMs?: number;
  /** Newest entries first, at most this many. */
  limit?: number;
}

/** A ring of the last `capacity` entries: recording is O(1) whatever the capacity. */
export class Journal {
  private ring: (JournalEntry | undefined)[] = [];
  /** Index of the oldest entry in the ring. */
  private head = 0;
  private count = 0;
  private seq = 0;

  private listeners = new Set<JournalListener>();

  constructor(readonly capacity: number) {}

  /** Calls `listener` with every entry recorded from now on; returns the unsubscribe. */
  subscribe(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** The entry with this id, while the ring still holds it. */
  get(id: number): JournalEntry | undefined {
    for (let i = this.count - 1; i >= 0; i--) {
      const e = this.ring[(this.head + i) % this.capacity]!;
      if (e.id === id) return e;
    }
    return undefined;
  }

  nextId(): number {
    return ++this.seq;
  }

  record(entry: JournalEntry): void {
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // A listener's failure is its own; recording goes on.
      }
    }
    if (this.capacity <= 0) return;
    if (this.count < this.capacity) {
      this.ring[(this.head + this.count) % this.capacity] = entry;
      this.count++;
    } else {
      this.ring[this.head] = entry;
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** Matching entries, newest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = this.count - 1; i >= 0; i--) {
      const e = this.ring[(this.head + i) % this.capacity]!;
      if (filter.provider !== undefined && e.provider !== filter.provider) continue;
      if (filter.operationId !== undefined && e.operationId !== filter.operationId) continue;
      if (filter.status !== undefined && e.status !== filter.status) continue;
      if (filter.sinceMs !== undefined && e.atMs < filter.sinceMs) continue;
      out.push(e);
      if (filter.limit !== undefined && out.length >= filter.limit) break;
    }
    return out;
  }

  get size(): number {
    return this.count;
  }

  clear(provider?: string): void {
    const kept =
      provider === undefined
        ? []
        : this.list()
            .filter((e) => e.provider !== provider)
            .reverse();
    this.ring = kept;
    this.head = 0;
    this.count = kept.length;
  }
}
