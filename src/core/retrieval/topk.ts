/**
 * The best `k` of a stream of scored items, without sorting the stream: a
 * binary heap of size k whose root is the worst item kept. "Better" is a
 * total order (higher score, then the tie-break), so the result is the same
 * whatever order the items come in.
 */
export class TopK<T> {
  private items: T[] = [];
  private scores: number[] = [];

  /** `before(a, b)` is true when a ranks before b at equal scores; never true both ways. */
  constructor(
    readonly k: number,
    private readonly before: (a: T, b: T) => boolean,
  ) {}

  /** Whether an item of this score could enter (a cheap test before building the item). */
  admits(score: number): boolean {
    return this.items.length < this.k || score >= this.scores[0]!;
  }

  push(item: T, score: number): void {
    if (this.k <= 0) return;
    if (this.items.length < this.k) {
      this.items.push(item);
      this.scores.push(score);
      this.up(this.items.length - 1);
    } else if (this.better(item, score, this.items[0]!, this.scores[0]!)) {
      this.items[0] = item;
      this.scores[0] = score;
      this.down(0);
    }
  }

  /** The lowest score an item needs to be considered (-Infinity until k items are kept). */
  get floor(): number {
    return this.items.length < this.k ? -Infinity : this.scores[0]!;
  }

  get size(): number {
    return this.items.length;
  }

  /** The items kept, best first. */
  sorted(): { item: T; score: number }[] {
    const out = this.items.map((item, i) => ({ item, score: this.scores[i]! }));
    return out.sort((a, b) => (this.better(a.item, a.score, b.item, b.score) ? -1 : this.better(b.item, b.score, a.item, a.score) ? 1 : 0));
  }

  private better(a: T, sa: number, b: T, sb: number): boolean {
    return sa > sb || (sa === sb && this.before(a, b));
  }

  /** The heap keeps the worst at the root: a parent is never better than its children. */
  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(this.items[p]!, this.scores[p]!, this.items[i]!, this.scores[i]!)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && this.better(this.items[worst]!, this.scores[worst]!, this.items[l]!, this.scores[l]!)) worst = l;
      if (r < n && this.better(this.items[worst]!, this.scores[worst]!, this.items[r]!, this.scores[r]!)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(i: number, j: number): void {
    [this.items[i], this.items[j]] = [this.items[j]!, this.items[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }
}
