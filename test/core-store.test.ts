import { describe, expect, it } from 'vitest';
import { Table, compareKeys, createTenants, decodeCursor, encodeCursor, type SortSpec } from '../src/core/store.js';

interface Row {
  id: string;
  name: string;
  n: number;
}

const byName: SortSpec<Row> = { name: 'name', key: (r) => [r.name, r.id] };
const byNameDesc: SortSpec<Row> = { ...byName, descending: true };

function table(rows: Row[]): Table<Row> {
  const t = new Table<Row>('id');
  for (const r of rows) t.insert(r);
  return t;
}

function walk(t: Table<Row>, sort: SortSpec<Row>, limit: number, between?: (page: number) => void): string[] {
  const seen: string[] = [];
  let after;
  for (let page = 0; page < 1000; page++) {
    const p = t.page({ sort, limit, ...(after ? { after } : {}) });
    seen.push(...p.items.map((r) => r.id));
    if (!p.next) return seen;
    after = p.next;
    between?.(page);
  }
  throw new Error('did not terminate');
}

describe('Table', () => {
  it('orders by key with the id breaking ties, both directions', () => {
    const t = table([
      { id: 'b', name: 'x', n: 1 },
      { id: 'a', name: 'x', n: 2 },
      { id: 'c', name: 'a', n: 3 },
    ]);
    expect(t.page({ sort: byName, limit: 10 }).items.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(t.page({ sort: byNameDesc, limit: 10 }).items.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('gives a next key only while more rows follow', () => {
    const t = table([1, 2, 3, 4].map((n) => ({ id: `r${n}`, name: `n${n}`, n })));
    expect(t.page({ sort: byName, limit: 2 }).next).toEqual(['n2', 'r2']);
    expect(t.page({ sort: byName, limit: 4 }).next).toBeUndefined();
    expect(t.page({ sort: byName, limit: 2, after: ['n2', 'r2'] }).next).toBeUndefined();
  });

  it('counts only filtered rows towards the page and the next key', () => {
    const t = table([1, 2, 3, 4, 5, 6].map((n) => ({ id: `r${n}`, name: `n${n}`, n })));
    const even = (r: Row) => r.n % 2 === 0;
    const first = t.page({ sort: byName, limit: 2, filter: even });
    expect(first.items.map((r) => r.n)).toEqual([2, 4]);
    const second = t.page({ sort: byName, limit: 2, filter: even, after: first.next! });
    expect(second.items.map((r) => r.n)).toEqual([6]);
    expect(second.next).toBeUndefined();
  });

  it('keeps a walk exact when rows are inserted and deleted between pages', () => {
    const t = table(Array.from({ length: 20 }, (_, i) => ({ id: `r${String(i).padStart(2, '0')}`, name: `m${String(i).padStart(2, '0')}`, n: i })));
    const original = [...t.values()].map((r) => r.id).sort();
    let extra = 0;
    const seen = walk(t, byName, 3, (page) => {
      // Before the cursor, after it, and a deletion of a row already served.
      t.insert({ id: `early${extra}`, name: `a${extra}`, n: -1 });
      t.insert({ id: `late${extra}`, name: `z${extra}`, n: 99 });
      extra++;
      if (page === 1) t.delete('r00');
    });
    for (const id of original) expect(seen.filter((s) => s === id).length).toBe(1);
    expect(seen.some((s) => s.startsWith('early'))).toBe(false); // inserted behind the cursor
    expect(seen.filter((s) => s.startsWith('late')).length).toBe(extra); // inserted ahead: all served
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('reflects updates to sort keys in later pages', () => {
    const t = table([
      { id: 'a', name: 'a', n: 0 },
      { id: 'b', name: 'b', n: 0 },
    ]);
    expect(t.page({ sort: byName, limit: 10 }).items.map((r) => r.id)).toEqual(['a', 'b']);
    t.update('a', (r) => (r.name = 'c'));
    expect(t.page({ sort: byName, limit: 10 }).items.map((r) => r.id)).toEqual(['b', 'a']);
    expect(t.update('missing', () => {})).toBeUndefined();
  });

  it('refuses a duplicate id', () => {
    const t = table([{ id: 'a', name: 'a', n: 0 }]);
    expect(() => t.insert({ id: 'a', name: 'b', n: 1 })).toThrow(/duplicate/);
    expect(t.size).toBe(1);
  });
});

describe('cursors', () => {
  it('round-trips and is bound to its scope', () => {
    const token = encodeCursor('collections|name|d', ['SEC filings', 'collection_1']);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('collections|name|d', token)).toEqual(['SEC filings', 'collection_1']);
    expect(decodeCursor('collections|age|d', token)).toBeUndefined();
  });

  it('rejects garbage without throwing', () => {
    for (const bad of ['', '!!!', 'a'.repeat(5000), Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"s":"x","k":[{}]}').toString('base64url')]) {
      expect(decodeCursor('x', bad)).toBeUndefined();
    }
  });

  it('compares numbers numerically and strings by code unit', () => {
    expect(compareKeys([9], [10])).toBeLessThan(0);
    expect(compareKeys(['B'], ['a'])).toBeLessThan(0);
    expect(compareKeys(['a', 1], ['a', 1])).toBe(0);
  });
});

describe('tenants', () => {
  it('creates state on first use and keeps tenants apart', () => {
    let created = 0;
    const tenants = createTenants((t) => ({ t, n: ++created }));
    expect(tenants.get('a')).toEqual({ t: 'a', n: 1 });
    expect(tenants.get('a')).toEqual({ t: 'a', n: 1 });
    expect(tenants.get('b')).toEqual({ t: 'b', n: 2 });
    expect(tenants.peek('c')).toBeUndefined();
    expect(tenants.size).toBe(2);
  });
});

describe('Table.slice (offset paging)', () => {
  it('serves skip/limit windows of the filtered order', () => {
    const t = table([1, 2, 3, 4, 5, 6].map((n) => ({ id: `r${n}`, name: `n${n}`, n })));
    expect(t.slice({ sort: byNameDesc, offset: 0, limit: 2 }).map((r) => r.n)).toEqual([6, 5]);
    expect(t.slice({ sort: byNameDesc, offset: 4, limit: 5 }).map((r) => r.n)).toEqual([2, 1]);
    expect(t.slice({ sort: byNameDesc, offset: 10, limit: 5 })).toEqual([]);
    const odd = (r: Row) => r.n % 2 === 1;
    expect(t.slice({ sort: byName, offset: 1, limit: 1, filter: odd }).map((r) => r.n)).toEqual([3]);
  });
});
