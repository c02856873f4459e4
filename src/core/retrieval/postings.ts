/**
 * An inverted index on typed arrays: for each term, the chunks (by ordinal)
 * that hold it and how often. It is the keyword half of a collection's index.
 *
 * Why not one JavaScript array or Map per term: a collection of 100,000
 * chunks has some 60,000 distinct terms and 5 million postings; an object per
 * term and per posting costs several times the postings' own bytes, and the
 * garbage collector walks every one of them. Here every term's postings live
 * in a few shared pages of typed arrays (5 bytes a posting), as a chain of
 * blocks that double in size (4 entries, then 8, 16, then 32 at a time), so a rare
 * term wastes little and a common one is read in long runs.
 *
 * Chunks are numbered in the order they were added and a number is not
 * reused, so a removed chunk's postings stay where they are, skipped by the
 * reader, until `compact` rewrites the lists without them. The live counts
 * (`df`, a term's document frequency) are kept exact at every removal, which
 * is what BM25 reads.
 */

const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;
const FIRST_BLOCK = 4;
const MAX_BLOCK = 32;
/** A term frequency is kept up to this: BM25 has saturated long before (at 255 its factor is within 0.5% of its limit). */
const MAX_TF = 0xff;

type BlockVisitor = (ordinals: Uint32Array, freqs: Uint8Array, start: number, end: number) => void;

/**
 * Each block of one term's list, in the order they were added: from its
 * first block at `off` to its last, at `last`, which holds `lastFill` entries
 * (the others are full). `visit` gets entries `start` to `end - 1`.
 */
function eachBlock(
  off: number,
  last: number,
  lastFill: number,
  ordinalPages: readonly Uint32Array[],
  freqPages: readonly Uint8Array[],
  visit: BlockVisitor,
): void {
  while (off !== 0) {
    const page = off >>> PAGE_BITS;
    const at = off & PAGE_MASK;
    const freqs = freqPages[page]!;
    const ordinals = ordinalPages[page]!;
    const n = off === last ? lastFill : freqs[at]!;
    visit(ordinals, freqs, at + 1, at + 1 + n);
    off = off === last ? 0 : ordinals[at]!;
  }
}

export class Postings {
  /** Term → id; ids index the arrays below. */
  readonly terms = new Map<string, number>();
  private head = new Int32Array(1024);
  private tail = new Int32Array(1024);
  private tailFill = new Int32Array(1024);
  /** Live postings: the number of live chunks holding the term. */
  df = new Int32Array(1024);

  /** Block layout: ordinals[off] = the next block's offset (0: none), freqs[off] = the block's capacity; the entries follow. */
  private ordinalPages: Uint32Array[] = [new Uint32Array(PAGE_SIZE)];
  private freqPages: Uint8Array[] = [new Uint8Array(PAGE_SIZE)];
  /** Offset 0 means "no block", so allocation starts at 1. */
  private next = 1;
  /** Entries written, live or not; for deciding when to compact and for memory figures. */
  entries = 0;

  /** The id of `term`, or -1. */
  id(term: string): number {
    return this.terms.get(term) ?? -1;
  }

  /** Adds a chunk's postings: each distinct term with its count. */
  add(ordinal: number, counts: Map<string, number>): void {
    for (const [term, tf] of counts) {
      let id = this.terms.get(term);
      if (id === undefined) id = this.newTerm(term);
      this.append(id, ordinal, Math.min(tf, MAX_TF));
      this.df[id]!++;
    }
  }

  /** A chunk holding these terms was removed: its postings stay until compaction, but no longer count. */
  removed(terms: Iterable<string>): void {
    for (const term of terms) {
      const id = this.terms.get(term);
      if (id !== undefined) this.df[id]!--;
    }
  }

  /**
   * Calls `visit` for each block of term `id`'s postings, live or not, in the
   * order they were added: entries `start` to `end - 1` of `ordinals` and
   * `freqs`. One call a block, not a posting, keeps the reader's loop tight;
   * the reader checks liveness, having the chunk's owner at hand anyway.
   */
  blocks(id: number, visit: BlockVisitor): void {
    eachBlock(this.head[id]!, this.tail[id]!, this.tailFill[id]!, this.ordinalPages, this.freqPages, visit);
  }

  /**
   * Rewrites every list without removed chunks and renumbers the rest:
   * `remap[old]` is the new ordinal, or -1 for a removed chunk. Terms left
   * with no posting are dropped.
   */
  compact(remap: Int32Array): void {
    const old = { ordinalPages: this.ordinalPages, freqPages: this.freqPages, head: this.head, tail: this.tail, tailFill: this.tailFill };
    const oldTerms = [...this.terms];
    this.terms.clear();
    const size = Math.max(1024, oldTerms.length);
    this.head = new Int32Array(size);
    this.tail = new Int32Array(size);
    this.tailFill = new Int32Array(size);
    this.df = new Int32Array(size);
    this.ordinalPages = [new Uint32Array(PAGE_SIZE)];
    this.freqPages = [new Uint8Array(PAGE_SIZE)];
    this.next = 1;
    this.entries = 0;
    for (const [term, oldId] of oldTerms) {
      let id = -1;
      eachBlock(old.head[oldId]!, old.tail[oldId]!, old.tailFill[oldId]!, old.ordinalPages, old.freqPages, (ordinals, freqs, start, end) => {
        for (let i = start; i < end; i++) {
          const o = remap[ordinals[i]!]!;
          if (o < 0) continue;
          if (id < 0) id = this.newTerm(term);
          this.append(id, o, freqs[i]!);
          this.df[id]!++;
        }
      });
    }
  }

  /** Bytes held by the typed arrays (the Map of terms and the term strings come on top). */
  get bytes(): number {
    return this.ordinalPages.length * PAGE_SIZE * 5 + this.head.length * 4 * 4;
  }

  private newTerm(term: string): number {
    const id = this.terms.size;
    if (id >= this.head.length) this.growTerms();
    this.terms.set(term, id);
    return id;
  }

  private growTerms(): void {
    const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.head = grow(this.head);
    this.tail = grow(this.tail);
    this.tailFill = grow(this.tailFill);
    this.df = grow(this.df);
  }

  private allocate(capacity: number): number {
    // A block never straddles two pages: the rest of this page is left unused.
    if ((this.next & PAGE_MASK) + capacity + 1 > PAGE_SIZE) this.next = ((this.next >>> PAGE_BITS) + 1) * PAGE_SIZE;
    if (this.next >>> PAGE_BITS >= this.ordinalPages.length) {
      this.ordinalPages.push(new Uint32Array(PAGE_SIZE));
      this.freqPages.push(new Uint8Array(PAGE_SIZE));
    }
    const off = this.next;
    this.next += capacity + 1;
    const at = off & PAGE_MASK;
    this.ordinalPages[off >>> PAGE_BITS]![at] = 0;
    this.freqPages[off >>> PAGE_BITS]![at] = capacity;
    return off;
  }

  private append(id: number, ordinal: number, tf: number): void {
    let off = this.tail[id]!;
    if (off === 0) {
      off = this.allocate(FIRST_BLOCK);
      this.head[id] = off;
      this.tail[id] = off;
      this.tailFill[id] = 0;
    } else {
      const capacity = this.freqPages[off >>> PAGE_BITS]![off & PAGE_MASK]!;
      if (this.tailFill[id] === capacity) {
        const block = this.allocate(Math.min(capacity * 2, MAX_BLOCK));
        this.ordinalPages[off >>> PAGE_BITS]![off & PAGE_MASK] = block;
        off = block;
        this.tail[id] = off;
        this.tailFill[id] = 0;
      }
    }
    const at = (off & PAGE_MASK) + 1 + this.tailFill[id]!;
    this.ordinalPages[off >>> PAGE_BITS]![at] = ordinal;
    this.freqPages[off >>> PAGE_BITS]![at] = tf;
    this.tailFill[id]!++;
    this.entries++;
  }
}
