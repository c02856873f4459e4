/**
 * A collection's chunk vectors, row by chunk ordinal, in blocks of 1,024 rows
 * of one Float32Array each: a search reads them front to back (an exact scan,
 * no approximate graph), and adding a row never copies the rows before it.
 * Rows are kept as given (float32): a hit hands back the vector it was given,
 * and a cosine is exact.
 */

const BLOCK_ROWS = 1024;

export class Vectors {
  private blocks: Float32Array[] = [];
  rows = 0;

  constructor(readonly dimension: number) {}

  /** Appends a row; its ordinal is the number of rows before it. */
  push(vector: Float32Array): void {
    const block = Math.floor(this.rows / BLOCK_ROWS);
    if (block >= this.blocks.length) this.blocks.push(new Float32Array(BLOCK_ROWS * this.dimension));
    this.blocks[block]!.set(vector, (this.rows % BLOCK_ROWS) * this.dimension);
    this.rows++;
  }

  /** A copy of row `ordinal`. */
  row(ordinal: number): Float32Array {
    const at = (ordinal % BLOCK_ROWS) * this.dimension;
    return this.blocks[Math.floor(ordinal / BLOCK_ROWS)]!.slice(at, at + this.dimension);
  }

  /**
   * The dot product of `query` with each row whose `include[ordinal]` is not
   * 0, offered to `consider(ordinal, dot)` when it is at least `floor`;
   * `consider` returns the new floor (the worst score a top-k list still
   * keeps). Rows left out cost a check, not a product; rows below the floor
   * cost no call.
   */
  scan(query: Float32Array, include: Uint8Array, consider: (ordinal: number, dot: number) => number): void {
    const d = this.dimension;
    const tail = d - (d % 4);
    let floor = -Infinity;
    for (let b = 0; b < this.blocks.length; b++) {
      const block = this.blocks[b]!;
      const first = b * BLOCK_ROWS;
      const rows = Math.min(BLOCK_ROWS, this.rows - first);
      for (let r = 0; r < rows; r++) {
        if (include[first + r] === 0) continue;
        const base = r * d;
        // Four running sums: independent additions the CPU can overlap.
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let j = 0;
        for (; j < tail; j += 4) {
          s0 += query[j]! * block[base + j]!;
          s1 += query[j + 1]! * block[base + j + 1]!;
          s2 += query[j + 2]! * block[base + j + 2]!;
          s3 += query[j + 3]! * block[base + j + 3]!;
        }
        for (; j < d; j++) s0 += query[j]! * block[base + j]!;
        const dot = s0 + s1 + s2 + s3;
        if (dot >= floor) floor = consider(first + r, dot);
      }
    }
  }

  /** Keeps the rows whose `remap` is not -1, in order, at their new ordinals. */
  compact(remap: Int32Array): void {
    const old = this.blocks;
    const oldRows = this.rows;
    const d = this.dimension;
    this.blocks = [];
    this.rows = 0;
    for (let o = 0; o < oldRows; o++) {
      if (remap[o]! < 0) continue;
      const at = (o % BLOCK_ROWS) * d;
      this.push(old[Math.floor(o / BLOCK_ROWS)]!.subarray(at, at + d));
    }
  }

  get bytes(): number {
    return this.blocks.length * BLOCK_ROWS * this.dimension * 4;
  }
}
