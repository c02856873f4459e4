import { describe, it, expect } from 'vitest';
import { MockError } from '../src/core/errors.js';
import { parseFilter, matches, valuesAt, type Filter } from '../src/providers/mixpeek/filter.js';

const WHERE = 'filters';

/** Parses and evaluates in one go. */
const check = (input: unknown, record: unknown): boolean => matches(parseFilter(input, WHERE), record);

/** One condition inside the canonical wrapper. */
const one = (field: string, operator: string, value: unknown, extra: Record<string, unknown> = {}): unknown => ({
  AND: [{ field, operator, value, ...extra }],
});

/** Indices of the records a filter selects, for compact assertions. */
const select = (input: unknown, records: unknown[]): number[] => {
  const filter = parseFilter(input, WHERE);
  return records.flatMap((r, i) => (matches(filter, r) ? [i] : []));
};

function badRequest(input: unknown, ...fragments: string[]): MockError {
  let caught: unknown;
  try {
    parseFilter(input, 'source.source_filters');
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(MockError);
  const err = caught as MockError;
  expect(err.kind).toBe('bad_request');
  expect(err.message).toContain('source.source_filters');
  for (const fragment of fragments) expect(err.message).toContain(fragment);
  return err;
}

describe('valuesAt', () => {
  const rec = {
    metadata: { title: 'Hello', nested: { deep: 1 }, nothing: null },
    tags: ['a', 'b'],
    blobs: [{ type: 'video', meta: { size: 1 } }, { type: 'image' }, { other: true }, 'loose', [{ type: 'pdf' }]],
  };

  it('reads plain dot paths', () => {
    expect(valuesAt(rec, 'metadata.title')).toEqual(['Hello']);
    expect(valuesAt(rec, 'metadata.nested.deep')).toEqual([1]);
    expect(valuesAt(rec, 'metadata.nothing')).toEqual([null]);
  });

  it('walks through arrays, nested ones too, yielding every element value', () => {
    expect(valuesAt(rec, 'blobs.type')).toEqual(['video', 'image', 'pdf']);
    expect(valuesAt(rec, 'blobs.meta.size')).toEqual([1]);
  });

  it('returns a reached array as is', () => {
    expect(valuesAt(rec, 'tags')).toEqual([['a', 'b']]);
  });

  it('indexes arrays with numeric segments', () => {
    expect(valuesAt(rec, 'tags.1')).toEqual(['b']);
    expect(valuesAt(rec, 'blobs.0.type')).toEqual(['video']);
  });

  it('yields nothing for missing paths, scalars in the way and inherited properties', () => {
    expect(valuesAt(rec, 'metadata.missing')).toEqual([]);
    expect(valuesAt(rec, 'metadata.title.length')).toEqual([]);
    expect(valuesAt(rec, 'metadata.nothing.x')).toEqual([]);
    expect(valuesAt({}, 'constructor')).toEqual([]);
    expect(valuesAt({}, 'toString')).toEqual([]);
    expect(valuesAt(null, 'a')).toEqual([]);
    expect(valuesAt({ a: undefined }, 'a')).toEqual([]);
  });
});

describe('parseFilter normalisation', () => {
  it('treats null, undefined and {} as match-everything', () => {
    for (const input of [null, undefined, {}]) {
      const filter = parseFilter(input, WHERE);
      expect(filter).toEqual({ kind: 'and', items: [] });
      expect(matches(filter, { anything: 1 })).toBe(true);
      expect(matches(filter, {})).toBe(true);
    }
  });

  it("normalises the legacy reference page's example (empty OR/NOT are no constraint, case_sensitive inherited)", () => {
    const example = { AND: [{ field: 'age', operator: 'gte', value: 30 }], OR: [], NOT: [], case_sensitive: true };
    const filter = parseFilter(example, 'source.filters');
    expect(filter).toEqual({ kind: 'cond', field: 'age', operator: 'gte', value: 30, caseSensitive: true });
    expect(select(example, [{ age: 30 }, { age: 45 }, { age: 29 }, {}, { age: '30' }, { age: null }])).toEqual([0, 1]);
  });

  it("handles the docs' taxonomy_applications example (array of objects in the path)", () => {
    const docs = { AND: [{ field: 'taxonomy_applications.taxonomy_id', operator: 'eq', value: 'tax_123' }] };
    expect(parseFilter(docs, WHERE)).toEqual({
      kind: 'cond',
      field: 'taxonomy_applications.taxonomy_id',
      operator: 'eq',
      value: 'tax_123',
      caseSensitive: false,
    });
    const records = [
      { taxonomy_applications: [{ taxonomy_id: 'tax_999' }, { taxonomy_id: 'tax_123' }] },
      { taxonomy_applications: [{ taxonomy_id: 'tax_999' }] },
      { taxonomy_applications: [] },
      {},
      { taxonomy_applications: [{ taxonomy_id: 'TAX_123' }] }, // case-insensitive by default
      { taxonomy_applications: { taxonomy_id: 'tax_123' } }, // a plain object on the path works too
    ];
    expect(select(docs, records)).toEqual([0, 4, 5]);
  });

  it('accepts a bare top-level condition, with eq as the default operator', () => {
    expect(parseFilter({ field: 'status', operator: 'ne', value: 'x' }, WHERE)).toEqual({
      kind: 'cond',
      field: 'status',
      operator: 'ne',
      value: 'x',
      caseSensitive: false,
    });
    const bare = { field: 'status', value: 'active' };
    expect(parseFilter(bare, WHERE)).toMatchObject({ kind: 'cond', operator: 'eq' });
    expect(select(bare, [{ status: 'active' }, { status: 'inactive' }, {}])).toEqual([0]);
    expect(parseFilter({ field: 'a', operator: null, value: 1 }, WHERE)).toMatchObject({ operator: 'eq' });
  });

  it('keeps OR and NOT as their own nodes and flattens AND items into the top level', () => {
    const filter = parseFilter(
      {
        AND: [
          { field: 'a', value: 1 },
          { field: 'b', value: 2 },
        ],
        OR: [{ field: 'c', value: 3 }],
        NOT: [{ field: 'd', value: 4 }],
        'metadata.e': 5,
      },
      WHERE,
    );
    const c = (field: string, value: unknown): Filter => ({ kind: 'cond', field, operator: 'eq', value, caseSensitive: false });
    expect(filter).toEqual({
      kind: 'and',
      items: [c('a', 1), c('b', 2), { kind: 'or', items: [c('c', 3)] }, { kind: 'not', items: [c('d', 4)] }, c('metadata.e', 5)],
    });
  });
});

describe('shorthand equality', () => {
  it('reads extra keys as eq conditions', () => {
    const input = { 'metadata.title': 'Report' };
    expect(parseFilter(input, WHERE)).toEqual({
      kind: 'cond',
      field: 'metadata.title',
      operator: 'eq',
      value: 'Report',
      caseSensitive: false,
    });
    expect(select(input, [{ metadata: { title: 'report' } }, { metadata: { title: 'Other' } }, {}])).toEqual([0]);
  });

  it('ANDs several shorthand keys with each other and with AND/OR', () => {
    const input = { status: 'active', kind: 'doc', OR: [{ field: 'n', operator: 'gt', value: 5 }] };
    const records = [
      { status: 'active', kind: 'doc', n: 6 },
      { status: 'active', kind: 'doc', n: 5 },
      { status: 'active', kind: 'img', n: 6 },
      { status: 'gone', kind: 'doc', n: 6 },
    ];
    expect(select(input, records)).toEqual([0]);
  });

  it('applies the object case_sensitive to shorthand keys', () => {
    expect(check({ name: 'Alice', case_sensitive: true }, { name: 'alice' })).toBe(false);
    expect(check({ name: 'Alice', case_sensitive: true }, { name: 'Alice' })).toBe(true);
    expect(check({ name: 'Alice' }, { name: 'alice' })).toBe(true);
  });

  it('compares object and array shorthand values deeply', () => {
    expect(check({ meta: { a: 1, b: ['X'] } }, { meta: { b: ['x'], a: 1 } })).toBe(true);
    expect(check({ meta: { a: 1 } }, { meta: { a: 1, b: 2 } })).toBe(false);
  });
});

describe('operators', () => {
  it('eq: strings case-insensitive by default, case-sensitive on request; strict on type', () => {
    expect(check(one('name', 'eq', 'ALICE'), { name: 'alice' })).toBe(true);
    expect(check(one('name', 'eq', 'ALICE', { case_sensitive: true }), { name: 'alice' })).toBe(false);
    expect(check({ ...(one('name', 'eq', 'ALICE') as object), case_sensitive: true }, { name: 'alice' })).toBe(false);
    expect(check(one('name', 'eq', 'ALICE'), { name: 'alicex' })).toBe(false);
    expect(check(one('n', 'eq', 30), { n: 30 })).toBe(true);
    expect(check(one('n', 'eq', 30), { n: '30' })).toBe(false);
    expect(check(one('flag', 'eq', false), { flag: false })).toBe(true);
    expect(check(one('flag', 'eq', false), { flag: 0 })).toBe(false);
    expect(check(one('x', 'eq', null), { x: null })).toBe(true);
    expect(check(one('x', 'eq', null), {})).toBe(false);
  });

  it('eq on an array field matches an element or the whole array', () => {
    expect(check(one('tags', 'eq', 'B'), { tags: ['a', 'b'] })).toBe(true);
    expect(check(one('tags', 'eq', 'c'), { tags: ['a', 'b'] })).toBe(false);
    expect(check(one('tags', 'eq', ['a', 'b']), { tags: ['a', 'b'] })).toBe(true);
    expect(check(one('tags', 'eq', ['b', 'a']), { tags: ['a', 'b'] })).toBe(false);
  });

  it('ne: holds when no reached value equals, and for missing fields', () => {
    const f = one('status', 'ne', 'Active');
    expect(select(f, [{ status: 'active' }, { status: 'done' }, {}, { status: null }])).toEqual([1, 2, 3]);
    expect(check(one('status', 'ne', 'Active', { case_sensitive: true }), { status: 'active' })).toBe(true);
    expect(check(one('tags', 'ne', 'a'), { tags: ['a', 'b'] })).toBe(false);
    expect(check(one('tags', 'ne', 'z'), { tags: ['a', 'b'] })).toBe(true);
    expect(check(one('blobs.type', 'ne', 'video'), { blobs: [{ type: 'image' }, { type: 'video' }] })).toBe(false);
  });

  it('gt, gte, lt, lte on numbers', () => {
    const records = [{ n: 1 }, { n: 2 }, { n: 3 }, {}, { n: '2' }, { n: null }];
    expect(select(one('n', 'gt', 2), records)).toEqual([2]);
    expect(select(one('n', 'gte', 2), records)).toEqual([1, 2]);
    expect(select(one('n', 'lt', 2), records)).toEqual([0]);
    expect(select(one('n', 'lte', 2), records)).toEqual([0, 1]);
    expect(check(one('n', 'gt', 9), { n: 10 })).toBe(true); // numeric, not lexicographic
    expect(check(one('n', 'gt', 1.5), { n: 2 })).toBe(true);
  });

  it('gt, gte, lt, lte on strings and ISO timestamps (lexicographic), mixed types never match', () => {
    const records = [
      { created_at: '2025-10-13T13:58:06.664000' },
      { created_at: '2025-10-31T10:00:00Z' },
      { created_at: '2024-01-01T00:00:00' },
      { created_at: 20251020 },
    ];
    expect(select(one('created_at', 'gt', '2025-10-20'), records)).toEqual([1]);
    expect(select(one('created_at', 'lte', '2025-10-13T13:58:06.664000'), records)).toEqual([0, 2]);
    expect(check(one('name', 'lt', 'b'), { name: 'a' })).toBe(true);
    expect(check(one('name', 'gte', 'b'), { name: 'b' })).toBe(true);
    expect(check(one('n', 'gt', '1'), { n: 5 })).toBe(false);
    expect(check(one('flag', 'gte', false), { flag: true })).toBe(false);
  });

  it('ordering through arrays matches if any element satisfies', () => {
    expect(check(one('scores', 'gt', 8), { scores: [1, 9] })).toBe(true);
    expect(check(one('scores', 'gt', 9), { scores: [1, 9] })).toBe(false);
    expect(check(one('items.price', 'lt', 5), { items: [{ price: 10 }, { price: 4 }] })).toBe(true);
  });

  it('in and nin, case-insensitive unless case_sensitive, through arrays', () => {
    const records = [{ s: 'Active' }, { s: 'pending' }, { s: 'done' }, {}];
    expect(select(one('s', 'in', ['active', 'PENDING']), records)).toEqual([0, 1]);
    expect(select(one('s', 'in', ['active', 'PENDING'], { case_sensitive: true }), records)).toEqual([]);
    expect(select(one('s', 'nin', ['active', 'PENDING']), records)).toEqual([2, 3]);
    expect(select(one('s', 'nin', ['active', 'PENDING'], { case_sensitive: true }), records)).toEqual([0, 1, 2, 3]);
    expect(check(one('tags', 'in', ['x', 'b']), { tags: ['a', 'b'] })).toBe(true);
    expect(check(one('tags', 'nin', ['x', 'b']), { tags: ['a', 'b'] })).toBe(false);
    expect(check(one('tags', 'nin', ['x', 'y']), { tags: ['a', 'b'] })).toBe(true);
    expect(check(one('s', 'in', []), { s: 'a' })).toBe(false);
    expect(check(one('n', 'in', [1, 2]), { n: 2 })).toBe(true);
    expect(check(one('n', 'in', ['2']), { n: 2 })).toBe(false);
  });

  it('contains: substring for strings, element membership for arrays', () => {
    expect(check(one('title', 'contains', 'QUICK'), { title: 'The quick fox' })).toBe(true);
    expect(check(one('title', 'contains', 'QUICK', { case_sensitive: true }), { title: 'The quick fox' })).toBe(false);
    expect(check(one('title', 'contains', 'slow'), { title: 'The quick fox' })).toBe(false);
    expect(check(one('tags', 'contains', 'B'), { tags: ['a', 'b'] })).toBe(true);
    expect(check(one('tags', 'contains', 'B', { case_sensitive: true }), { tags: ['a', 'b'] })).toBe(false);
    expect(check(one('tags', 'contains', 'al'), { tags: ['alpha'] })).toBe(false); // membership, not substring
    expect(check(one('nums', 'contains', 2), { nums: [1, 2] })).toBe(true);
    expect(check(one('n', 'contains', 2), { n: 12 })).toBe(false);
    expect(check(one('blobs.type', 'contains', 'vid'), { blobs: [{ type: 'image' }, { type: 'video' }] })).toBe(true);
  });

  it('starts_with and ends_with', () => {
    const records = [{ p: 'Videos/clip.MP4' }, { p: 'images/a.png' }, { p: 42 }, {}];
    expect(select(one('p', 'starts_with', 'videos/'), records)).toEqual([0]);
    expect(select(one('p', 'starts_with', 'videos/', { case_sensitive: true }), records)).toEqual([]);
    expect(select(one('p', 'ends_with', '.mp4'), records)).toEqual([0]);
    expect(select(one('p', 'ends_with', '.mp4', { case_sensitive: true }), records)).toEqual([]);
    expect(select(one('p', 'ends_with', '.MP4', { case_sensitive: true }), records)).toEqual([0]);
    expect(check(one('tags', 'starts_with', 'be'), { tags: ['alpha', 'beta'] })).toBe(true);
  });

  it('regex: i flag unless case_sensitive; any element through arrays', () => {
    const records = [{ id: 'DOC_123' }, { id: 'doc_456' }, { id: 'obj_1' }, { id: 7 }, {}];
    expect(select(one('id', 'regex', '^doc_\\d+$'), records)).toEqual([0, 1]);
    expect(select(one('id', 'regex', '^doc_\\d+$', { case_sensitive: true }), records)).toEqual([1]);
    expect(select(one('id', 'regex', '(?i)^DOC_', { case_sensitive: true }), records)).toEqual([0, 1]);
    expect(check(one('blobs.url', 'regex', '\\.png$'), { blobs: [{ url: 'a.jpg' }, { url: 'b.png' }] })).toBe(true);
    const filter = parseFilter(one('id', 'regex', 'doc'), WHERE);
    // Stateless across calls (no global flag).
    expect([1, 2, 3].map(() => matches(filter, { id: 'doc' }))).toEqual([true, true, true]);
  });

  it('exists: present (even null) vs missing', () => {
    const records = [{ a: 1 }, { a: null }, {}, { b: { a: 1 } }];
    expect(select(one('a', 'exists', true), records)).toEqual([0, 1]);
    expect(select(one('a', 'exists', false), records)).toEqual([2, 3]);
    expect(select(one('items.a', 'exists', true), [{ items: [{ b: 1 }, { a: 0 }] }, { items: [{ b: 1 }] }, { items: [] }])).toEqual([0]);
  });

  it('is_null: null or missing', () => {
    const records = [{ a: null }, {}, { a: 0 }, { a: '' }, { a: [1, null] }];
    expect(select(one('a', 'is_null', true), records)).toEqual([0, 1, 4]);
    expect(select(one('a', 'is_null', false), records)).toEqual([2, 3]);
  });

  it('text: every token appears, case-insensitively, in any order', () => {
    const records = [{ d: 'The Quick brown FOX' }, { d: 'quick fox' }, { d: 'brown dog' }, { d: 5 }, {}];
    expect(select(one('d', 'text', '  fox   QUICK '), records)).toEqual([0, 1]);
    expect(select(one('d', 'text', 'fox quick', { case_sensitive: true }), records)).toEqual([0, 1]);
    expect(select(one('d', 'text', 'brown'), records)).toEqual([0, 2]);
    expect(check(one('tags', 'text', 'red'), { tags: ['blue', 'dark red'] })).toBe(true);
  });

  it('missing fields: only exists:false, is_null:true, ne and nin hold', () => {
    const expected: [string, unknown, boolean][] = [
      ['eq', 'x', false],
      ['ne', 'x', true],
      ['gt', 1, false],
      ['gte', 1, false],
      ['lt', 1, false],
      ['lte', 1, false],
      ['in', ['x'], false],
      ['nin', ['x'], true],
      ['contains', 'x', false],
      ['starts_with', 'x', false],
      ['ends_with', 'x', false],
      ['regex', '.*', false],
      ['exists', true, false],
      ['exists', false, true],
      ['is_null', true, true],
      ['is_null', false, false],
      ['text', 'x', false],
    ];
    for (const [operator, value, result] of expected) {
      expect([operator, check(one('meta.missing', operator, value), { meta: {} })]).toEqual([operator, result]);
      expect([operator, check(one('gone.deeper', operator, value), {})]).toEqual([operator, result]);
    }
  });
});

describe('logical combination', () => {
  const people = [
    { name: 'Ann', age: 30, dept: 'HR', remote: true },
    { name: 'Bob', age: 40, dept: 'Eng', remote: false },
    { name: 'Cid', age: 25, dept: 'Eng', remote: true },
    { name: 'Dee', age: 50, dept: 'Ops', remote: false },
  ];

  it('AND requires all, OR at least one', () => {
    expect(
      select(
        {
          AND: [
            { field: 'dept', value: 'eng' },
            { field: 'age', operator: 'gt', value: 30 },
          ],
        },
        people,
      ),
    ).toEqual([1]);
    expect(
      select(
        {
          OR: [
            { field: 'dept', value: 'hr' },
            { field: 'age', operator: 'gte', value: 50 },
          ],
        },
        people,
      ),
    ).toEqual([0, 3]);
    expect(select({ AND: [] }, people)).toEqual([0, 1, 2, 3]);
    expect(select({ OR: [] }, people)).toEqual([0, 1, 2, 3]);
  });

  it('evaluates empty groups of a hand-built Filter as no constraint', () => {
    for (const kind of ['and', 'or', 'not'] as const) expect([kind, matches({ kind, items: [] }, {})]).toEqual([kind, true]);
    const no: Filter = { kind: 'cond', field: 'a', operator: 'eq', value: 1, caseSensitive: false };
    expect(matches({ kind: 'or', items: [no, no] }, { a: 2 })).toBe(false);
    expect(matches({ kind: 'not', items: [no, no] }, { a: 2 })).toBe(true);
    expect(matches({ kind: 'not', items: [no] }, { a: 1 })).toBe(false);
  });

  it('NOT as an array: all listed items must be false', () => {
    const input = {
      NOT: [
        { field: 'dept', value: 'HR' },
        { field: 'remote', value: false },
      ],
    };
    expect(select(input, people)).toEqual([2]);
  });

  it('NOT as a single object (condition or nested LogicalOperator)', () => {
    expect(parseFilter({ NOT: { field: 'dept', value: 'Eng' } }, WHERE)).toEqual({
      kind: 'not',
      items: [{ kind: 'cond', field: 'dept', operator: 'eq', value: 'Eng', caseSensitive: false }],
    });
    expect(select({ NOT: { field: 'dept', value: 'Eng' } }, people)).toEqual([0, 3]);
    expect(
      select(
        {
          NOT: {
            OR: [
              { field: 'dept', value: 'Eng' },
              { field: 'age', value: 30 },
            ],
          },
        },
        people,
      ),
    ).toEqual([3]);
    expect(select({ NOT: { dept: 'Ops' } }, people)).toEqual([0, 1, 2]);
    expect(select({ NOT: {} }, people)).toEqual([0, 1, 2, 3]);
    expect(select({ NOT: null, AND: null, OR: null }, people)).toEqual([0, 1, 2, 3]);
  });

  it('AND, OR and NOT on one object must all hold', () => {
    const input = {
      AND: [{ field: 'age', operator: 'gte', value: 25 }],
      OR: [
        { field: 'dept', value: 'eng' },
        { field: 'dept', value: 'ops' },
      ],
      NOT: [{ field: 'name', value: 'bob' }],
    };
    expect(select(input, people)).toEqual([2, 3]);
  });

  it('nests LogicalOperators inside AND/OR/NOT', () => {
    const input = {
      OR: [
        { AND: [{ field: 'dept', value: 'Eng' }, { NOT: [{ field: 'remote', value: true }] }] },
        {
          AND: [
            { field: 'dept', value: 'HR' },
            {
              OR: [
                { field: 'age', operator: 'lt', value: 20 },
                { field: 'age', value: 30 },
              ],
            },
          ],
        },
      ],
    };
    expect(select(input, people)).toEqual([0, 1]);
  });

  it('inherits case_sensitive into nested items unless they set their own', () => {
    const records = [
      { a: 'X', b: 'Y' },
      { a: 'x', b: 'y' },
    ];
    // Top level case-sensitive; the nested OR inherits it.
    expect(select({ case_sensitive: true, AND: [{ OR: [{ field: 'a', value: 'X' }] }] }, records)).toEqual([0]);
    // A nested object overrides for its subtree.
    expect(select({ case_sensitive: true, AND: [{ case_sensitive: false, OR: [{ field: 'a', value: 'X' }] }] }, records)).toEqual([0, 1]);
    // A condition overrides the object it sits in.
    expect(
      select(
        {
          case_sensitive: true,
          AND: [
            { field: 'a', value: 'X' },
            { field: 'b', value: 'y', case_sensitive: false },
          ],
        },
        records,
      ),
    ).toEqual([0]);
    expect(parseFilter({ case_sensitive: true, NOT: { field: 'a', value: 'X' } }, WHERE)).toMatchObject({
      items: [{ caseSensitive: true }],
    });
  });

  it('accepts 32 nesting levels', () => {
    let input: unknown = { field: 'a', value: 1 };
    for (let i = 0; i < 32; i++) input = { AND: [input] };
    expect(check(input, { a: 1 })).toBe(true);
    expect(check(input, { a: 2 })).toBe(false);
  });

  it('evaluates long filters and deep hand-built filters without blowing the stack', () => {
    const many = { OR: Array.from({ length: 50_000 }, (_, i) => ({ field: 'n', value: i })) };
    expect(check(many, { n: 49_999 })).toBe(true);
    expect(check(many, { n: 50_000 })).toBe(false);

    let deep: Filter = { kind: 'cond', field: 'a', operator: 'eq', value: 1, caseSensitive: false };
    for (let i = 0; i < 100_000; i++) deep = { kind: i % 2 === 0 ? 'and' : 'or', items: [deep] };
    expect(matches(deep, { a: 1 })).toBe(true);
    expect(matches(deep, { a: 2 })).toBe(false);
    let notDeep: Filter = { kind: 'cond', field: 'a', operator: 'eq', value: 1, caseSensitive: false };
    for (let i = 0; i < 100_001; i++) notDeep = { kind: 'not', items: [notDeep] };
    expect(matches(notDeep, { a: 1 })).toBe(false); // odd number of negations
  });

  it('compares deeply nested values without blowing the stack', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(check({ AND: [{ field: 'v', value }] }, { v: value })).toBe(true);
  });
});

describe('errors (MockError bad_request)', () => {
  it('unknown operator', () => {
    const err = badRequest({ AND: [{ field: 'a', operator: 'equals', value: 1 }] }, 'AND[0].operator', '"equals"', 'eq, ne');
    expect(err.message).toContain('unknown operator');
    badRequest({ field: 'a', operator: 'EQ', value: 1 }, 'unknown operator', '"EQ"');
    badRequest({ field: 'a', operator: 5, value: 1 }, 'unknown operator');
  });

  it('in / nin without an array value', () => {
    badRequest(one('a', 'in', 'x'), 'AND[0].value', '"in"', 'array', 'a string');
    badRequest({ OR: [{ field: 'a', operator: 'nin', value: { x: 1 } }] }, 'OR[0].value', '"nin"', 'array');
  });

  it('exists / is_null without a boolean', () => {
    badRequest(one('a', 'exists', 'true'), '"exists"', 'boolean', 'a string');
    badRequest(one('a', 'is_null', 1), '"is_null"', 'boolean', 'a number');
    badRequest({ field: 'a', operator: 'exists' }, 'no value');
  });

  it('invalid regex pattern, and a pattern over 512 characters', () => {
    badRequest(one('a', 'regex', '(unclosed'), 'invalid regex', '(unclosed');
    badRequest(one('a', 'regex', '[z-a]'), 'invalid regex');
    badRequest(one('a', 'regex', 'a'.repeat(513)), '513 characters', '512');
    expect(() => parseFilter(one('a', 'regex', 'a'.repeat(512)), WHERE)).not.toThrow();
    badRequest(one('a', 'regex', 5), 'regex', 'a number');
  });

  it('dynamic values are retriever-only', () => {
    badRequest(one('user_id', 'eq', { type: 'dynamic', field: 'inputs.user_id' }), 'dynamic', 'retriever');
    badRequest({ 'metadata.owner': { type: 'dynamic', field: 'inputs.x' } }, 'dynamic', '"metadata.owner"');
    badRequest(one('a', 'in', ['x', { type: 'dynamic', field: 'inputs.x' }]), 'dynamic');
  });

  it('nesting deeper than 32 levels, without overflowing the stack', () => {
    let input: unknown = { field: 'a', value: 1 };
    for (let i = 0; i < 33; i++) input = { AND: [input] };
    badRequest(input, 'deeper than 32');

    let notChain: unknown = { field: 'a', value: 1 };
    for (let i = 0; i < 33; i++) notChain = { NOT: notChain };
    badRequest(notChain, 'deeper than 32');

    let huge: unknown = { field: 'a', value: 1 };
    for (let i = 0; i < 200_000; i++) huge = { OR: [huge] };
    const err = badRequest(huge, 'deeper than 32');
    expect(err).not.toBeInstanceOf(RangeError);
  });

  it('empty field name', () => {
    badRequest(one('', 'eq', 1), 'AND[0].field', 'empty');
    badRequest({ field: '   ', value: 1 }, 'empty');
    badRequest({ '': 1 }, 'empty');
  });

  it('other malformed shapes', () => {
    badRequest('a = 1', 'expected an object', 'a string');
    badRequest([{ field: 'a', value: 1 }], 'expected an object', 'an array');
    badRequest({ AND: { field: 'a', value: 1 } }, 'AND', 'expected an array');
    badRequest({ OR: 'x' }, 'OR', 'expected an array');
    badRequest({ NOT: 5 }, 'NOT', 'an array or an object');
    badRequest({ AND: ['x'] }, 'AND[0]', 'a string');
    badRequest({ AND: [null] }, 'AND[0]', 'null');
    badRequest({ field: 5, value: 1 }, 'field must be a string');
    badRequest({ case_sensitive: 'yes', a: 1 }, 'case_sensitive', 'boolean');
    badRequest(one('a', 'eq', 1, { case_sensitive: 1 }), 'AND[0].case_sensitive', 'boolean');
    badRequest(one('a', 'starts_with', 5), '"starts_with"', 'string');
    badRequest(one('a', 'text', null), '"text"', 'string');
  });

  it('reports the nested location', () => {
    badRequest(
      { AND: [{ OR: [{ field: 'a', value: 1 }, { NOT: [{ field: 'b', operator: 'bogus', value: 1 }] }] }] },
      'source.source_filters.AND[0].OR[1].NOT[0].operator',
    );
  });

  it('a hand-built filter with a bad regex fails as bad_request at evaluation', () => {
    const filter: Filter = { kind: 'cond', field: 'a', operator: 'regex', value: '(', caseSensitive: false };
    expect(() => matches(filter, { a: 'x' })).toThrow(MockError);
    const ok: Filter = { kind: 'cond', field: 'a', operator: 'regex', value: '^X', caseSensitive: false };
    expect(matches(ok, { a: 'xy' })).toBe(true);
  });
});
