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
  /** The record's sort key; the last element must be unique (the id) so the order is total. */
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

/**
 * Records of one kind for one tenant, in insertion order, with cached sorted
 * views. Every write goes through this class so the caches stay true.
 */
export class Table<T> {
  private readonly rows = new Map<string, T>();
  private readonly sorted = new Map<string, { version: number; rows: T[]; keys: SortKey[] }>();
  private version = 0;
  private readonly idOf: (row: T) => string;

  /** `key` names the field that identifies a row, so a table can be saved and rebuilt from plain data. */
  constructor(readonly key: keyof T & string) {
    this.idOf = (row) => String(row[key]);
  }

  get size(): number {
    return this.rows.size;
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
    if (this.rows.has(id)) throw new Error(`duplicate id ${id}`);
    this.rows.set(id, row);
    this.version++;
    return row;
  }

  /** Applies `change` to the stored record (if any) and returns it. */
  update(id: string, change: (row: T) => void): T | undefined {
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    change(row);
    this.version++;
    return row;
  }

  delete(id: string): T | undefined {
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    this.rows.delete(id);
    this.version++;
    return row;
  }

  clear(): void {
    this.rows.clear();
    this.version++;
  }

  private view(sort: SortSpec<T>): { rows: T[]; keys: SortKey[] } {
    const cacheKey = `${sort.name}:${sort.descending ? 'desc' : 'asc'}`;
    const cached = this.sorted.get(cacheKey);
    if (cached && cached.version === this.version) return cached;
    const pairs = Array.from(this.rows.values(), (row) => ({ row, key: sort.key(row) }));
    const dir = sort.descending ? -1 : 1;
    pairs.sort((a, b) => dir * compareKeys(a.key, b.key));
    const view = { version: this.version, rows: pairs.map((p) => p.row), keys: pairs.map((p) => p.key) };
    this.sorted.set(cacheKey, view);
    return view;
  }

  /** Offset paging (`skip`/`limit` APIs): the rows at positions offset..offset+limit of the filtered order. */
  slice(req: { sort: SortSpec<T>; offset: number; limit: number; filter?: (row: T) => boolean }): T[] {
    const { rows } = this.view(req.sort);
    if (!req.filter) return rows.slice(req.offset, req.offset + req.limit);
    const out: T[] = [];
    let skipped = 0;
    for (const row of rows) {
      if (!req.filter(row)) continue;
      if (skipped < req.offset) {
        skipped++;
        continue;
      }
      if (out.length === req.limit) break;
      out.push(row);
    }
    return out;
  }

  page(req: PageRequest<T>): Page<T> {
    const { rows, keys } = this.view(req.sort);
    const dir = req.sort.descending ? -1 : 1;
    let start = 0;
    if (req.after) {
      // First index whose key comes strictly after the cursor in this order.
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (dir * compareKeys(keys[mid]!, req.after) <= 0) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    }
    const limit = Math.max(0, req.limit);
    const items: T[] = [];
    let lastKey: SortKey | undefined;
    for (let i = start; i < rows.length; i++) {
      const row = rows[i]!;
      if (req.filter && !req.filter(row)) continue;
      if (items.length === limit) return { items, next: lastKey! };
      items.push(row);
      lastKey = keys[i];
    }
    return { items };
  }
}

/** Opaque, URL-safe cursor text for a sort key under a named ordering. */
export function encodeCursor(scope: string, key: SortKey): string {
  return Buffer.from(JSON.stringify({ s: scope, k: key }), 'utf8').toString('base64url');
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
