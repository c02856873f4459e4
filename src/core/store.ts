/**
 * Tenant-scoped state and ordered record tables with keyset pagination.
 *
 * Cursors name the sort key of the last item served, not an offset, so a page
 * boundary stays put when records are inserted or deleted between requests.
 */

export type SortValue = string | number;
export type SortKey = readonly SortValue[];

export interface Tenants<S> {
  /** The tenant's state, created on first use. */
  get(tenant: string): S;
  /** The tenant's state if it exists. */
  peek(tenant: string): S | undefined;
  /** Puts a tenant's state in place (a state rebuilt from saved data). */
  set(tenant: string, state: S): void;
  entries(): IterableIterator<[string, S]>;
  delete(tenant: string): boolean;
  clear(): void;
  readonly size: number;
}

export function createTenants<S>(create: (tenant: string) => S): Tenants<S> {
  const map = new Map<string, S>();
  return {
    get(tenant) {
      let s = map.get(tenant);
      if (s === undefined) {
        s = create(tenant);
        map.set(tenant, s);
      }
      return s;
    },
    peek: (tenant) => map.get(tenant),
    set: (tenant, state) => void map.set(tenant, state),
    entries: () => map.entries(),
    delete: (tenant) => map.delete(tenant),
    clear: () => map.clear(),
    get size() {
      return map.size;
    },
  };
}

export function compareKeys(a: SortKey, b: SortKey): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    const sx = String(x);
    const sy = String(y);
    if (sx !== sy) return sx < sy ? -1 : 1;
  }
  return a.length - b.length;
}

export interface SortSpec<T> {
  /** Stable name of this ordering, e.g. 'name'. Part of the cursor, so a cursor cannot be replayed under another order. */
  name: string;
  /**
   * The record's sort key; the last element must be unique (the id) so the order is total.
   * A table keeps its sorted views up to date as rows are written, so the key must depend
   * only on what changes through the table's own writes (insert, update, delete) or on data
   * that does not change while the row is in the table. Specs that share a name must give
   * the same key: the table keeps the first one it is given for that name.
   */
  key(row: T): SortKey;
  descending?: boolean;
}

export interface PageRequest<T> {
  sort: SortSpec<T>;
  limit: number;
  /** Key of the last item of the previous page (from a decoded cursor). */
  after?: SortKey;
  filter?: (row: T) => boolean;
}

export interface Page<T> {
  items: T[];
  /** Key of the last item, present only when more items follow. */
  next?: SortKey;
}

/** Rows per block of a sorted view: a write moves at most this many references (twice as many before a split). */
const BLOCK = 512;

/**
 * One ordering of a table's rows, ascending (descending reads walk it
 * backwards: keys are total, so that is the same order). The rows sit in
 * blocks of at most 2 × BLOCK, so an insert or removal moves a few hundred
 * references, not the whole view. Keys are computed when compared, not stored.
 */
class View<T> {
  /** Non-empty blocks, in order. */
  blocks: T[][] = [];

  constructor(readonly key: (row: T) => SortKey) {}

  static build<T>(key: (row: T) => SortKey, rows: Iterable<T>): View<T> {
    const pairs = Array.from(rows, (row) => ({ row, key: key(row) }));
    pairs.sort((a, b) => compareKeys(a.key, b.key));
    const view = new View(key);
    for (let i = 0; i < pairs.length; i += BLOCK) view.blocks.push(pairs.slice(i, i + BLOCK).map((p) => p.row));
    return view;
  }

  /** Position of the first row whose key is not before `k` (strict: is after `k`); [blocks.length, 0] past the end. */
  bound(k: SortKey, strict: boolean): [number, number] {
    const { blocks, key } = this;
    const after = (row: T): boolean => {
      const c = compareKeys(key(row), k);
      return c > 0 || (!strict && c === 0);
    };
    // The first block whose last row qualifies holds the position.
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = blocks[mid]!;
      if (after(block[block.length - 1]!)) hi = mid;
      else lo = mid + 1;
    }
    if (lo === blocks.length) return [lo, 0];
    const block = blocks[lo]!;
    let a = 0;
    let z = block.length - 1;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if (after(block[mid]!)) z = mid;
      else a = mid + 1;
    }
    return [lo, a];
  }

  insert(row: T): void {
    const { blocks } = this;
    if (blocks.length === 0) {
      blocks.push([row]);
      return;
    }
    let [b, i] = this.bound(this.key(row), true);
    if (b === blocks.length) {
      b--;
      i = blocks[b]!.length;
    }
    const block = blocks[b]!;
    block.splice(i, 0, row);
    if (block.length >= 2 * BLOCK) blocks.splice(b + 1, 0, block.splice(BLOCK));
  }

  /** Removes `row`, found by the key it was placed under; false when it is not in the view. */
  remove(row: T, k: SortKey): boolean {
    const { blocks, key } = this;
    let [b, i] = this.bound(k, false);
    while (b < blocks.length) {
      const block = blocks[b]!;
      if (i === block.length) {
        b++;
        i = 0;
        continue;
      }
      const r = block[i]!;
      if (r === row) return this.removeAt(b, i);
      if (compareKeys(key(r), k) !== 0) break;
      i++;
    }
    // Its key changed behind the table's back (or the data it was computed from is gone): look for the row itself.
    for (b = 0; b < blocks.length; b++) {
      i = blocks[b]!.indexOf(row);
      if (i >= 0) return this.removeAt(b, i);
    }
    return false;
  }

  private removeAt(b: number, i: number): true {
    const { blocks } = this;
    const block = blocks[b]!;
    block.splice(i, 1);
    if (block.length === 0) blocks.splice(b, 1);
    else if (block.length < BLOCK / 4 && b + 1 < blocks.length && block.length + blocks[b + 1]!.length <= BLOCK) {
      // Keep blocks from thinning out after many removals.
      block.push(...blocks[b + 1]!);
      blocks.splice(b + 1, 1);
    }
    return true;
  }

  /** Calls `visit` with rows from position [b, i] on, forwards or backwards, until it returns false. */
  walk(b: number, i: number, descending: boolean, visit: (row: T) => boolean): void {
    const { blocks } = this;
    if (!descending) {
      for (; b < blocks.length; b++, i = 0) {
        const block = blocks[b]!;
        for (; i < block.length; i++) if (!visit(block[i]!)) return;
      }
      return;
    }
    for (; b >= 0; b--) {
      const block = blocks[b]!;
      if (i >= block.length) i = block.length - 1;
      for (; i >= 0; i--) if (!visit(block[i]!)) return;
      i = Infinity;
    }
  }

  /** The first position of the walk in this direction. */
  start(descending: boolean): [number, number] {
    return descending ? [this.blocks.length - 1, Infinity] : [0, 0];
  }

  /** The position just before [b, i] (for a descending walk that starts before a bound). */
  before(b: number, i: number): [number, number] {
    if (i > 0) return [b, i - 1];
    return [b - 1, Infinity];
  }

  /** Position of the row `offset` rows into the walk in this direction (past the end when beyond it). */
  seek(offset: number, descending: boolean): [number, number] {
    const { blocks } = this;
    if (!descending) {
      for (let b = 0; b < blocks.length; b++) {
        if (offset < blocks[b]!.length) return [b, offset];
        offset -= blocks[b]!.length;
      }
      return [blocks.length, 0];
    }
    for (let b = blocks.length - 1; b >= 0; b--) {
      const n = blocks[b]!.length;
      if (offset < n) return [b, n - 1 - offset];
      offset -= n;
    }
    return [-1, 0];
  }
}

/** The rows of every table that has had none yet: shared, and never written to (insert gives a table its own). */
const NO_ROWS: Map<string, never> = new Map<string, never>();

/**
 * Records of one kind for one tenant, in insertion order, with sorted views.
 * Every write goes through this class and keeps the views in order: an insert
 * or delete is a binary search and one splice per view, an update moves the
 * row only when its key changed. A view is built (one sort) on the first read
 * of its ordering.
 */
export class Table<T> {
  /** Made on the first insert: most tables of a big store (a new collection's documents) stay empty. */
  private rows: Map<string, T> = NO_ROWS;
  /** Per row, how many times it was updated (rows never updated are not in it); made on the first update (most tables, such as a new collection's documents, are never updated). */
  private revisions: WeakMap<object, number> | undefined = undefined;
  private writes = 0;
  /** Sorted views by ordering name, made on first use. */
  private views: Map<string, View<T>> | undefined;

  /** `key` names the field that identifies a row, so a table can be saved and rebuilt from plain data. */
  constructor(readonly key: keyof T & string) {}

  private idOf(row: T): string {
    return String(row[this.key]);
  }

  get size(): number {
    return this.rows.size;
  }

  /** Counts every write to the table (insert, update, delete, clear): what was rendered from it is stale once this moves. */
  get version(): number {
    return this.writes;
  }

  /** How many times this row was updated through the table: what was rendered from it alone is stale once this moves. */
  revision(row: T): number {
    return this.revisions?.get(row as object) ?? 0;
  }

  get(id: string): T | undefined {
    return this.rows.get(id);
  }

  has(id: string): boolean {
    return this.rows.has(id);
  }

  /** Records in insertion order. */
  values(): IterableIterator<T> {
    return this.rows.values();
  }

  insert(row: T): T {
    const id = this.idOf(row);
    if (this.rows === NO_ROWS) this.rows = new Map();
    else if (this.rows.has(id)) throw new Error(`duplicate id ${id}`);
    this.rows.set(id, row);
    this.writes++;
    if (this.views) for (const view of this.views.values()) view.insert(row);
    return row;
  }

  /** Applies `change` to the stored record (if any) and returns it. */
  update(id: string, change: (row: T) => void): T | undefined {
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    const views = this.views;
    const list = views ? [...views.values()] : [];
    const before = list.map((view) => view.key(row));
    this.writes++;
    const revisions = (this.revisions ??= new WeakMap());
    revisions.set(row as object, (revisions.get(row as object) ?? 0) + 1);
    try {
      change(row);
    } finally {
      // A view made while the change ran may have placed the row half-changed: it is made again on its next read.
      if (this.views !== views) this.views = undefined;
      else if (views && views.size !== list.length) for (const [name, view] of views) if (!list.includes(view)) views.delete(name);
      // Even a change that threw part-way may have moved the row. A change that wrote to this
      // table itself (deleted the row, cleared the table) has already put the views right.
      if (this.views === views && this.rows.get(id) === row) {
        for (let i = 0; i < list.length; i++) {
          const view = list[i]!;
          const old = before[i]!;
          const now = view.key(row);
          if (compareKeys(old, now) === 0) continue;
          view.remove(row, old);
          view.insert(row);
        }
      }
    }
    return row;
  }

  delete(id: string): T | undefined {
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    this.rows.delete(id);
    this.writes++;
    if (this.views) {
      for (const view of this.views.values()) view.remove(row, view.key(row));
    }
    return row;
  }

  clear(): void {
    this.writes++;
    if (this.rows !== NO_ROWS) this.rows.clear();
    this.views = undefined;
  }

  private view(sort: SortSpec<T>): View<T> {
    this.views ??= new Map();
    let view = this.views.get(sort.name);
    if (view === undefined) {
      view = View.build(sort.key, this.rows.values());
      this.views.set(sort.name, view);
    }
    return view;
  }

  /** Offset paging (`skip`/`limit` APIs): the rows at positions offset..offset+limit of the filtered order. */
  slice(req: { sort: SortSpec<T>; offset: number; limit: number; filter?: (row: T) => boolean }): T[] {
    const view = this.view(req.sort);
    const desc = req.sort.descending === true;
    const out: T[] = [];
    if (req.limit <= 0) return out;
    const filter = req.filter;
    if (!filter) {
      const [b, i] = view.seek(Math.max(0, req.offset), desc);
      view.walk(b, i, desc, (row) => out.push(row) < req.limit);
      return out;
    }
    let skipped = 0;
    const [b, i] = view.start(desc);
    view.walk(b, i, desc, (row) => {
      if (!filter(row)) return true;
      if (skipped < req.offset) {
        skipped++;
        return true;
      }
      return out.push(row) < req.limit;
    });
    return out;
  }

  page(req: PageRequest<T>): Page<T> {
    const view = this.view(req.sort);
    const desc = req.sort.descending === true;
    // The first position (in this order) whose key comes strictly after the cursor.
    let at: [number, number];
    if (req.after) at = desc ? view.before(...view.bound(req.after, false)) : view.bound(req.after, true);
    else at = view.start(desc);
    const limit = Math.max(0, req.limit);
    const filter = req.filter;
    const items: T[] = [];
    let more = false;
    view.walk(at[0], at[1], desc, (row) => {
      if (filter && !filter(row)) return true;
      if (items.length === limit) {
        more = true;
        return false;
      }
      items.push(row);
      return true;
    });
    if (!more || items.length === 0) return { items };
    return { items, next: view.key(items[items.length - 1]!) };
  }
}

/** Opaque, URL-safe cursor text for a sort key under a named ordering. */
export function encodeCursor(scope: string, key: SortKey): string {
  // A page read again (a client polling a list) asks for the cursor it was given last time.
  for (const c of recentCursors) if (c.scope === scope && sameKey(c.key, key)) return c.token;
  const token = Buffer.from(JSON.stringify({ s: scope, k: key }), 'utf8').toString('base64url');
  recentCursors[nextCursorSlot] = { scope, key: [...key], token };
  nextCursorSlot = (nextCursorSlot + 1) % CURSORS_KEPT;
  return token;
}

/** The last cursors made, each with what it was made from. */
const CURSORS_KEPT = 8;
const recentCursors: { scope: string; key: SortKey; token: string }[] = [];
let nextCursorSlot = 0;

function sameKey(a: SortKey, b: SortKey): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Decodes a cursor made by encodeCursor for the same scope; undefined when it is not one. */
export function decodeCursor(scope: string, token: string): SortKey | undefined {
  if (token.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { s, k } = parsed as { s?: unknown; k?: unknown };
    if (s !== scope || !Array.isArray(k) || k.length === 0) return undefined;
    if (!k.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) return undefined;
    return k as SortValue[];
  } catch {
    return undefined;
  }
}
