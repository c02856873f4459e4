import { describe, expect, it } from 'vitest';
import { Table, compareKeys, createTenants, decodeCursor, encodeCursor, type SortSpec } from '../src/core/store.js';
import { mulberry32 } from '../src/core/ids.js';

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

  it('tables that start empty stay apart: rows, deletes and clears of one are not seen by another', () => {
    const [a, b, c] = [new Table<Row>('id'), new Table<Row>('id'), new Table<Row>('id')];
    c.clear();
    expect(a.delete('x')).toBeUndefined();
    a.insert({ id: 'x', name: 'x', n: 1 });
    expect([a.size, b.size, c.size]).toEqual([1, 0, 0]);
    expect(b.get('x')).toBeUndefined();
    expect([...b.values()]).toEqual([]);
    expect(b.page({ sort: byName, limit: 5 }).items).toEqual([]);
    b.insert({ id: 'x', name: 'other', n: 2 });
    expect([a.get('x')!.name, b.get('x')!.name]).toEqual(['x', 'other']);
    a.clear();
    expect([a.size, b.size, c.size]).toEqual([0, 1, 0]);
    a.insert({ id: 'x', name: 'again', n: 3 });
    expect(() => a.insert({ id: 'x', name: 'twice', n: 4 })).toThrow(/duplicate/);
  });
});

describe('cursors', () => {
  it('are the same text for the same scope and key, however often and in whatever order they are asked for', () => {
    const keys: [string, (string | number)[]][] = Array.from({ length: 20 }, (_, i) => [`scope${i % 3}`, [`name ${i % 5}`, i % 2 ? i : String(i)]]);
    const first = keys.map(([s, k]) => encodeCursor(s, k));
    for (const [i, [s, k]] of [...keys.entries()].reverse()) {
      expect(encodeCursor(s, [...k])).toBe(first[i]);
      expect(decodeCursor(s, first[i]!)).toEqual(k);
    }
    // Keys that differ only in a value's type, or in the scope, get different cursors.
    expect(encodeCursor('a', ['1'])).not.toBe(encodeCursor('a', [1]));
    expect(encodeCursor('a', ['x', 1])).not.toBe(encodeCursor('b', ['x', 1]));
    expect(decodeCursor('a', encodeCursor('a', [1]))).toEqual([1]);
    expect(decodeCursor('a', encodeCursor('a', ['1']))).toEqual(['1']);
  });

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

describe('Table sorted views under writes', () => {
  interface Item {
    id: string;
    name: string;
    n: number;
  }
  const sorts: SortSpec<Item>[] = [
    { name: 'name', key: (r) => [r.name, r.id] },
    { name: 'name', key: (r) => [r.name, r.id], descending: true },
    { name: 'n', key: (r) => [r.n, r.id] },
    { name: 'n', key: (r) => [r.n, r.id], descending: true },
  ];
  const fresh = (t: Table<Item>, sort: SortSpec<Item>): string[] =>
    [...t.values()]
      .map((row) => ({ row, key: sort.key(row) }))
      .sort((a, b) => (sort.descending ? -1 : 1) * compareKeys(a.key, b.key))
      .map((p) => p.row.id);
  const walkAll = (t: Table<Item>, sort: SortSpec<Item>, limit: number, filter?: (r: Item) => boolean): string[] => {
    const seen: string[] = [];
    let after;
    for (;;) {
      const p = t.page({ sort, limit, ...(after ? { after } : {}), ...(filter ? { filter } : {}) });
      seen.push(...p.items.map((r) => r.id));
      if (!p.next) return seen;
      after = p.next;
    }
  };

  it('stay equal to a fresh sort after a seeded random sequence of inserts, updates, deletes and reads', () => {
    const random = mulberry32(20240817);
    const pick = (n: number) => Math.floor(random() * n);
    const t = new Table<Item>('id');
    const ids: string[] = [];
    let next = 0;
    // Few distinct names and numbers, so many keys tie on their first element and the id decides.
    const name = () => `name-${pick(12)}`;
    const check = () => {
      const sort = sorts[pick(sorts.length)]!;
      const expected = fresh(t, sort);
      expect(t.page({ sort, limit: expected.length + 1 }).items.map((r) => r.id)).toEqual(expected);
    };
    // Grow to a few thousand rows (views split into several blocks), then shrink (blocks empty and merge).
    const phases = [
      { steps: 9000, insert: 0.6, update: 0.25 },
      { steps: 7000, insert: 0.05, update: 0.25 },
    ];
    let step = 0;
    for (const phase of phases) {
      for (let k = 0; k < phase.steps; k++, step++) {
        const op = random();
        if (op < phase.insert || ids.length === 0) {
          const id = `r${String(pick(100000)).padStart(5, '0')}-${next++}`;
          t.insert({ id, name: name(), n: pick(20) - 10 });
          ids.push(id);
        } else if (op < phase.insert + phase.update) {
          const id = ids[pick(ids.length)]!;
          t.update(id, (r) => {
            if (random() < 0.5) r.name = name();
            else r.n = pick(20) - 10;
          });
        } else if (op < 0.995) {
          const i = pick(ids.length);
          expect(t.delete(ids[i]!)).toBeDefined();
          ids[i] = ids[ids.length - 1]!;
          ids.pop();
        } else {
          // A change that throws part-way still leaves the row where its key says.
          const id = ids[pick(ids.length)]!;
          expect(() =>
            t.update(id, (r) => {
              r.n = pick(20) - 10;
              throw new Error('half done');
            }),
          ).toThrow('half done');
        }
        if (step === 300) {
          t.clear();
          ids.length = 0;
        }
        // Reads interleave with writes, so the views exist while the writes happen.
        if (step % 97 === 0) check();
      }
      expect(t.size).toBe(ids.length);
      for (const sort of sorts) {
        const expected = fresh(t, sort);
        expect(walkAll(t, sort, 37)).toEqual(expected);
        const even = (r: Item) => r.n % 2 === 0;
        expect(walkAll(t, sort, 25, even)).toEqual(expected.filter((id) => even(t.get(id)!)));
        for (const offset of [0, 3, 511, 512, 1023, 1024, 1500, expected.length - 2]) {
          expect(t.slice({ sort, offset, limit: 11 }).map((r) => r.id)).toEqual(expected.slice(offset, offset + 11));
        }
        expect(t.slice({ sort, offset: 2, limit: 4, filter: even }).map((r) => r.id)).toEqual(expected.filter((id) => even(t.get(id)!)).slice(2, 6));
      }
    }
  });

  it('serves a descending walk exactly when rows arrive and leave between pages', () => {
    const byN: SortSpec<Item> = { name: 'n', key: (r) => [r.n, r.id], descending: true };
    const t = new Table<Item>('id');
    for (let i = 0; i < 30; i++) t.insert({ id: `r${String(i).padStart(2, '0')}`, name: '', n: i });
    const seen: string[] = [];
    let after;
    for (let page = 0; page < 100; page++) {
      const p = t.page({ sort: byN, limit: 4, ...(after ? { after } : {}) });
      seen.push(...p.items.map((r) => r.id));
      if (!p.next) break;
      after = p.next;
      t.insert({ id: `behind${page}`, name: '', n: 1000 + page }); // before the cursor in this order: never served
      t.insert({ id: `ahead${page}`, name: '', n: -1 - page }); // after it: served
    }
    expect(seen.filter((id) => id.startsWith('behind'))).toEqual([]);
    expect(seen.filter((id) => id.startsWith('r'))).toEqual(Array.from({ length: 30 }, (_, i) => `r${String(29 - i).padStart(2, '0')}`));
    expect(seen.filter((id) => id.startsWith('ahead')).length).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('removes a row whose key can no longer be computed from what it was placed by', () => {
    // The key reads data outside the row (as xAI documents sort by their file's name).
    const names = new Map<string, string>();
    const byOuter: SortSpec<{ id: string }> = { name: 'outer', key: (r) => [names.get(r.id) ?? '', r.id] };
    const t = new Table<{ id: string }>('id');
    for (const [id, n] of [
      ['a', 'zz'],
      ['b', 'mm'],
      ['c', 'aa'],
    ] as const) {
      names.set(id, n);
      t.insert({ id });
    }
    expect(t.page({ sort: byOuter, limit: 10 }).items.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    names.delete('a');
    t.delete('a');
    expect(t.page({ sort: byOuter, limit: 10 }).items.map((r) => r.id)).toEqual(['c', 'b']);
  });

  it('keeps its views right when a change writes to or reads the same table', () => {
    const byN: SortSpec<Item> = { name: 'n', key: (r) => [r.n, r.id] };
    const t = new Table<Item>('id');
    for (let i = 0; i < 5; i++) t.insert({ id: `r${i}`, name: `m${i}`, n: i });
    const ids = (sort: SortSpec<Item>) => t.page({ sort, limit: 100 }).items.map((r) => r.id);
    expect(ids(byN)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    t.update('r0', (r) => {
      r.n = 10;
      t.insert({ id: 'r5', name: 'm5', n: 5 });
      t.delete('r1');
    });
    expect(ids(byN)).toEqual(['r2', 'r3', 'r4', 'r5', 'r0']);
    // A new ordering read half-way through a change is made again afterwards.
    const byName: SortSpec<Item> = { name: 'name', key: (r) => [r.name, r.id] };
    t.update('r2', (r) => {
      r.name = 'a';
      expect(ids(byName)[0]).toBe('r2');
      r.name = 'z';
    });
    expect(ids(byName)).toEqual(['r0', 'r3', 'r4', 'r5', 'r2']);
    // A change that removes its own row leaves it out of every view.
    t.update('r3', (r) => {
      t.delete('r3');
      r.n = 99;
    });
    expect(ids(byN)).toEqual(['r2', 'r4', 'r5', 'r0']);
    expect(ids(byName)).toEqual(['r0', 'r4', 'r5', 'r2']);
  });

  it('gives no next key for a page of limit 0', () => {
    const t = table([{ id: 'a', name: 'a', n: 0 }]);
    expect(t.page({ sort: byName, limit: 0 })).toEqual({ items: [] });
    expect(t.page({ sort: byNameDesc, limit: 0 }).next).toBeUndefined();
  });
});
