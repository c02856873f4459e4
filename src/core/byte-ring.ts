/**
 * Bytes kept off the JavaScript heap, newest over oldest: the journal's
 * exchanges. A record is written once, in one piece, at a position that only
 * grows (its "virtual" start); it can be read back until the ring has gone
 * round past it. The ring starts small and doubles, up to its bound, rather
 * than overwrite a record its owner still wants.
 *
 * Why off the heap: an object that lives for the journal's thousand requests
 * outlives two young-generation collections, so V8 copies it twice and then
 * leaves it as garbage in the old generation, which a full collection must
 * clear. Bytes in one Buffer cost none of that.
 */

export const RING_INITIAL_BYTES = 1024 * 1024;
export const RING_MAX_BYTES = 16 * 1024 * 1024;

export class ByteRing {
  private bytes: Buffer;
  /** Virtual position of the next record. */
  private end = 0;
  /** Virtual position at physical 0 (moves when the ring grows). */
  private base = 0;

  constructor(
    initialBytes = RING_INITIAL_BYTES,
    readonly maxBytes = RING_MAX_BYTES,
  ) {
    this.bytes = Buffer.allocUnsafe(Math.min(initialBytes, maxBytes));
  }

  /** The ring's size now. */
  get size(): number {
    return this.bytes.length;
  }

  /**
   * Room for a record of at most `bound` bytes: its virtual start, the
   * Buffer and the offset to write at; undefined when it could never fit. `wanted` is the virtual start of the oldest record still wanted: the
   * ring grows (up to its bound) rather than overwrite it. Call `commit` with
   * the bytes actually written.
   */
  reserve(bound: number, wanted: number): { at: number; buffer: Buffer; offset: number } | undefined {
    if (bound > this.maxBytes) return undefined;
    for (;;) {
      const size = this.bytes.length;
      let at = this.end;
      let offset = (at - this.base) % size;
      // A record never wraps: one that would is written from the start of the next lap.
      if (offset + bound > size) {
        at += size - offset;
        offset = 0;
      }
      if ((at + bound - size > wanted || bound > size) && size < this.maxBytes) {
        this.grow(Math.min(size * 2, this.maxBytes), wanted);
        continue;
      }
      this.end = at;
      return { at, buffer: this.bytes, offset };
    }
  }

  /** Ends the record reserved at `at`: it took `length` bytes. */
  commit(at: number, length: number): void {
    this.end = at + length;
  }

  /** Whether the record at virtual `at` is still held. */
  holds(at: number): boolean {
    return at >= this.base && at >= this.end - this.bytes.length;
  }

  /** The record at virtual `at`, `length` bytes long, while the ring still holds it. */
  read(at: number, length: number): Buffer | undefined {
    if (!this.holds(at) || at + length > this.end) return undefined;
    const offset = (at - this.base) % this.bytes.length;
    return this.bytes.subarray(offset, offset + length);
  }

  /** A larger ring holding what this one held from `wanted` on, laid out from its start. */
  private grow(size: number, wanted: number): void {
    const old = this.bytes;
    const next = Buffer.allocUnsafe(size);
    const from = Math.min(this.end, Math.max(wanted, this.end - old.length, this.base));
    let copied = 0;
    // What is kept is at most one lap of the old ring: at most two pieces, each contiguous.
    for (let v = from; v < this.end;) {
      const offset = (v - this.base) % old.length;
      const n = Math.min(this.end - v, old.length - offset);
      old.copy(next, copied, offset, offset + n);
      copied += n;
      v += n;
    }
    this.bytes = next;
    this.base = from;
  }

  /** Drops every record. */
  clear(): void {
    this.base = this.end;
  }
}
