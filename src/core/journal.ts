/**
 * The request journal: the last N requests the mock answered (or dropped),
 * with what matched them, for the admin API and for tests.
 */

import { ByteRing } from './byte-ring.js';
import { Wire, readExchange, type Exchange, type ExchangeReader } from './capture.js';

export type { Exchange, ExchangeReader } from './capture.js';

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
  /**
   * What was sent and answered, when the server watches exchanges (the
   * console's request view): read with `wire.read`, which gives null once
   * the journal no longer holds the exchange's bytes.
   */
  wire?: ExchangeReader;
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
  wire?: ExchangeReader = undefined;
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

/** The fields an entry seldom has, kept only for those that have one. */
type Extras = Pick<JournalEntry, 'scenario' | 'prefer' | 'fault' | 'events' | 'selfCheck'>;

function extrasOf(e: JournalEntry): Extras | undefined {
  if (e.scenario === undefined && e.prefer === undefined && e.fault === undefined && e.events === undefined && e.selfCheck === undefined) return undefined;
  const x: Extras = {};
  if (e.scenario !== undefined) x.scenario = e.scenario;
  if (e.prefer !== undefined) x.prefer = e.prefer;
  if (e.fault !== undefined) x.fault = e.fault;
  if (e.events !== undefined) x.events = e.events;
  if (e.selfCheck !== undefined) x.selfCheck = e.selfCheck;
  return x;
}

/** An exchange the journal keeps as bytes in its ring. */
class KeptWire implements ExchangeReader {
  constructor(
    private readonly ring: ByteRing,
    private readonly at: number,
    private readonly length: number,
  ) {}

  read(selfCheck: Exchange['selfCheck']): Exchange | null {
    const bytes = this.ring.read(this.at, this.length);
    return bytes ? readExchange(bytes, selfCheck) : null;
  }
}

/** An entry as the journal gives it back, made from what it keeps. */
class KeptEntry implements JournalEntry {
  declare scenario?: JournalEntry['scenario'];
  declare prefer?: string;
  declare fault?: string;
  declare events?: number;
  declare selfCheck?: JournalEntry['selfCheck'];
  declare wire?: ExchangeReader;

  constructor(
    readonly id: number,
    readonly atMs: number,
    readonly provider: string,
    readonly operationId: string | null,
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly tenant: string | null,
    readonly durationMs: number,
  ) {}

  get at(): string {
    return new Date(this.atMs).toISOString();
  }
}

/** Columns of the journal, one slot per entry: numbers in typed arrays, texts shared with the requests that made them. */
class Columns {
  readonly id: Float64Array;
  readonly atMs: Float64Array;
  readonly durationMs: Float64Array;
  readonly status: Uint16Array;
  /** Where the slot's exchange starts in the ring; -1 when it has none. */
  readonly wireAt: Float64Array;
  readonly wireLength: Uint32Array;
  /** Provider, operation, method and tenant of each slot, four to a slot. */
  readonly texts: (string | null)[];
  readonly url: string[];
  readonly extras: (Extras | undefined)[];

  constructor(readonly length: number) {
    this.id = new Float64Array(length);
    this.atMs = new Float64Array(length);
    this.durationMs = new Float64Array(length);
    this.status = new Uint16Array(length);
    this.wireAt = new Float64Array(length).fill(-1);
    this.wireLength = new Uint32Array(length);
    this.texts = new Array<string | null>(length * 4).fill(null);
    this.url = new Array<string>(length).fill('');
    this.extras = new Array<Extras | undefined>(length).fill(undefined);
  }

  /** Copies slot `from` of `source` into slot `to`. */
  copy(source: Columns, from: number, to: number): void {
    this.id[to] = source.id[from]!;
    this.atMs[to] = source.atMs[from]!;
    this.durationMs[to] = source.durationMs[from]!;
    this.status[to] = source.status[from]!;
    this.wireAt[to] = source.wireAt[from]!;
    this.wireLength[to] = source.wireLength[from]!;
    for (let k = 0; k < 4; k++) this.texts[to * 4 + k] = source.texts[from * 4 + k]!;
    this.url[to] = source.url[from]!;
    this.extras[to] = source.extras[from];
  }
}

/** Slots made at first; the columns double from there up to the capacity. */
const FIRST_SLOTS = 1024;

/**
 * A ring of the last `capacity` entries: recording is O(1) whatever the
 * capacity. An entry is kept as columns and its exchange as bytes in a
 * ByteRing, not as the objects the request made: those would outlive two
 * young-generation collections and be copied by both (see byte-ring.ts).
 * Reading makes the entries again.
 */
export class Journal {
  private slots: Columns;
  /** Index of the oldest entry in the ring. */
  private head = 0;
  private count = 0;
  private seq = 0;
  /** Entries recorded since the last clear; the head entry is number `recorded - count`. */
  private recorded = 0;
  /** The number of the entry from which to look for the oldest exchange held (those before it have none, or lost it). */
  private keptFrom = 0;
  /** Made with the first exchange kept (none without the console). */
  private bytes: ByteRing | undefined = undefined;

  private listeners = new Set<JournalListener>();

  constructor(readonly capacity: number) {
    this.slots = new Columns(Math.max(0, Math.min(capacity, FIRST_SLOTS)));
  }

  /** Calls `listener` with every entry recorded from now on; returns the unsubscribe. */
  subscribe(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** The slot of the i-th entry, oldest first. */
  private slot(i: number): number {
    return (this.head + i) % this.capacity;
  }

  private find(id: number): number {
    for (let i = this.count - 1; i >= 0; i--) {
      const slot = this.slot(i);
      if (this.slots.id[slot] === id) return slot;
    }
    return -1;
  }

  /** The entry with this id, while the ring still holds it. */
  get(id: number): JournalEntry | undefined {
    const slot = this.find(id);
    return slot < 0 ? undefined : this.entry(slot);
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
    let slot: number;
    this.recorded++;
    if (this.count < this.capacity) {
      // Until the ring is full its head is slot 0 and it fills in order.
      if (this.count === this.slots.length) this.grow();
      slot = this.count++;
    } else {
      slot = this.head;
      this.head = (this.head + 1) % this.capacity;
    }
    const c = this.slots;
    c.id[slot] = entry.id;
    c.atMs[slot] = entry.atMs;
    c.durationMs[slot] = entry.durationMs;
    c.status[slot] = entry.status;
    c.texts[slot * 4] = entry.provider;
    c.texts[slot * 4 + 1] = entry.operationId;
    c.texts[slot * 4 + 2] = entry.method;
    c.texts[slot * 4 + 3] = entry.tenant;
    c.url[slot] = entry.url;
    c.extras[slot] = extrasOf(entry);
    c.wireAt[slot] = -1;
    if (entry.wire instanceof Wire) this.keep(slot, entry.wire);
  }

  /** Notes what was found about an entry after it was recorded (a self-check runs once its reply has gone). */
  amend(entry: JournalEntry): void {
    const slot = this.find(entry.id);
    if (slot >= 0) this.slots.extras[slot] = extrasOf(entry);
  }

  /** Writes the slot's exchange into the ring, which grows rather than drop an exchange the journal still holds. */
  private keep(slot: number, wire: Wire): void {
    const bytes = (this.bytes ??= new ByteRing());
    const room = bytes.reserve(wire.bound(), this.oldestKept(bytes));
    if (!room) return;
    const length = wire.writeTo(room.buffer, room.offset) - room.offset;
    bytes.commit(room.at, length);
    this.slots.wireAt[slot] = room.at;
    this.slots.wireLength[slot] = length;
  }

  /**
   * Where the oldest exchange the ring still holds starts (Infinity when it
   * holds none). An entry passed over has no exchange or has lost it for
   * good, so the next look starts after it.
   */
  private oldestKept(bytes: ByteRing): number {
    const at = this.slots.wireAt;
    const first = this.recorded - this.count;
    for (let n = Math.max(this.keptFrom, first); n < this.recorded; n++) {
      const v = at[this.slot(n - first)]!;
      if (v >= 0 && bytes.holds(v)) {
        this.keptFrom = n;
        return v;
      }
    }
    // The newest entry is the one whose exchange is being kept.
    this.keptFrom = this.recorded - 1;
    return Infinity;
  }

  /** More slots, up to the capacity (only while the ring is not yet full, when its entries are in slots 0..count-1). */
  private grow(): void {
    const next = new Columns(Math.min(this.capacity, this.slots.length * 2));
    for (let i = 0; i < this.count; i++) next.copy(this.slots, i, i);
    this.slots = next;
  }

  private entry(slot: number): JournalEntry {
    const c = this.slots;
    const e = new KeptEntry(
      c.id[slot]!,
      c.atMs[slot]!,
      c.texts[slot * 4]!,
      c.texts[slot * 4 + 1]!,
      c.texts[slot * 4 + 2]!,
      c.url[slot]!,
      c.status[slot]!,
      c.texts[slot * 4 + 3]!,
      c.durationMs[slot]!,
    );
    const extras = c.extras[slot];
    if (extras) Object.assign(e, extras);
    if (this.bytes && c.wireAt[slot]! >= 0) e.wire = new KeptWire(this.bytes, c.wireAt[slot]!, c.wireLength[slot]!);
    return e;
  }

  /** Matching entries, newest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const c = this.slots;
    for (let i = this.count - 1; i >= 0; i--) {
      const slot = this.slot(i);
      if (filter.provider !== undefined && c.texts[slot * 4] !== filter.provider) continue;
      if (filter.operationId !== undefined && c.texts[slot * 4 + 1] !== filter.operationId) continue;
      if (filter.status !== undefined && c.status[slot] !== filter.status) continue;
      if (filter.sinceMs !== undefined && c.atMs[slot]! < filter.sinceMs) continue;
      out.push(this.entry(slot));
      if (filter.limit !== undefined && out.length >= filter.limit) break;
    }
    return out;
  }

  get size(): number {
    return this.count;
  }

  /** Drops every entry, or those of one provider (the others keep their order and their exchanges). */
  clear(provider?: string): void {
    const old = this.slots;
    const kept: number[] = [];
    if (provider !== undefined) for (let i = 0; i < this.count; i++) if (old.texts[this.slot(i) * 4] !== provider) kept.push(this.slot(i));
    const next = new Columns(Math.max(0, Math.min(this.capacity, Math.max(kept.length, FIRST_SLOTS))));
    kept.forEach((from, to) => next.copy(old, from, to));
    this.slots = next;
    this.head = 0;
    this.count = kept.length;
    this.recorded = kept.length;
    this.keptFrom = 0;
    if (!kept.length) this.bytes?.clear();
  }
}
