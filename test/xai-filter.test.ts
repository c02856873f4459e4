import { describe, it, expect } from 'vitest';
import { compileFilter, FilterError, type FieldSpec } from '../src/providers/xai/filter.js';

interface Rec {
  id: string;
  name?: string;
  count?: number;
  created?: number;
  status?: string;
  contentType?: string;
  fields: Record<string, string | number>;
}

const micros = (iso: string): number => Date.parse(iso) * 1000;

const SPECS: Record<string, FieldSpec<Rec>> = {
  collection_id: { kind: 'exact', get: (r) => r.id },
  collection_name: { kind: 'substring', get: (r) => r.name },
  documents_count: { kind: 'number', get: (r) => r.count },
  created_at: { kind: 'timestamp', get: (r) => r.created },
  status: { kind: 'exact', get: (r) => r.status },
  content_type: { kind: 'substring', get: (r) => r.contentType },
};

function resolve(field: string): FieldSpec<Rec> | undefined {
  if (field.startsWith('fields.')) {
    const key = field.slice('fields.'.length);
    return { kind: 'dynamic', get: (r) => r.fields[key] };
  }
  return SPECS[field];
}

const RECORDS: Rec[] = [
  {
    id: 'c1',
    name: 'SEC filings',
    count: 25,
    created: micros('2024-12-31T23:59:59Z'),
    status: 'DOCUMENT_STATUS_PROCESSED',
    contentType: 'application/pdf',
    fields: { type: '10-Q', year: 2024, 'my key': 'yes', score: '7.5' },
  },
  {
    id: 'c2',
    name: 'sec archive',
    count: 10,
    created: micros('2025-01-01T00:00:00Z'),
    status: 'DOCUMENT_STATUS_FAILED',
    contentType: 'text/plain',
    fields: { type: '10-K', year: '2023', score: 12 },
  },
  {
    id: 'c3',
    name: 'Annual Reports',
    count: 3,
    created: micros('2025-06-15T12:30:00.250Z'),
    status: 'DOCUMENT_STATUS_PROCESSING',
    contentType: 'application/pdf',
    fields: { type: 'memo', score: 'high' },
  },
  // Every optional field absent.
  { id: 'c4', fields: {} },
];

/** Ids of the records the filter selects, in input order. */
function ids(filter: string, records: Rec[] = RECORDS): string[] {
  const pred = compileFilter(filter, resolve);
  return records.filter(pred).map((r) => r.id);
}

function errorOf(filter: string): FilterError {
  try {
    compileFilter(filter, resolve);
  } catch (err) {
    expect(err).toBeInstanceOf(FilterError);
    return err as FilterError;
  }
  throw new Error(`expected ${JSON.stringify(filter)} to be rejected`);
}

describe('docs.x.ai filter examples (Collections API reference and the collections metadata guide)', () => {
  it('collection_name:"SEC" AND documents_count:>10', () => {
    expect(ids('collection_name:"SEC" AND documents_count:>10')).toEqual(['c1']);
  });

  it('created_at:>2025-01-01T00:00:00Z', () => {
    expect(ids('created_at:>2025-01-01T00:00:00Z')).toEqual(['c3']);
  });

  it('status:!DOCUMENT_STATUS_FAILED is not-equal and skips absent values', () => {
    expect(ids('status:!DOCUMENT_STATUS_FAILED')).toEqual(['c1', 'c3']);
  });

  it('content_type:application/pdf reads the slash as part of the bareword', () => {
    expect(ids('content_type:application/pdf')).toEqual(['c1', 'c3']);
  });

  it('fields.type:"10-Q"', () => {
    expect(ids('fields.type:"10-Q"')).toEqual(['c1']);
  });

  it('fields.score:10..20 is an inclusive range', () => {
    expect(ids('fields.score:10..20')).toEqual(['c2']);
    expect(ids('fields.score:7.5..12')).toEqual(['c1', 'c2']);
  });
});

describe('substring fields', () => {
  it('":" and "=" both match case-insensitive substrings', () => {
    expect(ids('collection_name:"SEC"')).toEqual(['c1', 'c2']);
    expect(ids('collection_name = "SEC"')).toEqual(['c1', 'c2']);
    expect(ids('collection_name:=sec')).toEqual(['c1', 'c2']);
    expect(ids('collection_name:"REPORT"')).toEqual(['c3']);
  });

  it('"!=" and ":!" negate the substring match but still need the value present', () => {
    expect(ids('collection_name != "sec"')).toEqual(['c3']);
    expect(ids('collection_name:!SEC')).toEqual(['c3']);
  });

  it('ordering operators compare case-sensitively and lexicographically', () => {
    // 'A' < 'S' < 's' in code-unit order.
    expect(ids('collection_name < "SEC"')).toEqual(['c3']);
    expect(ids('collection_name > "SEC filings"')).toEqual(['c2']);
    expect(ids('collection_name >= "SEC filings"')).toEqual(['c1', 'c2']);
    expect(ids('collection_name:<="SEC filings"')).toEqual(['c1', 'c3']);
    expect(ids('collection_name:<"Annual Reports"')).toEqual([]);
    expect(ids('collection_name:>=sec')).toEqual(['c2']);
  });

  it('quoted values keep spaces', () => {
    expect(ids('collection_name = "sec a"')).toEqual(['c2']);
    expect(ids("collection_name:'annual rep'")).toEqual(['c3']);
  });
});

describe('exact fields', () => {
  it('":" "=" ":=" are case-sensitive equality', () => {
    expect(ids('collection_id:c2')).toEqual(['c2']);
    expect(ids('collection_id = "c2"')).toEqual(['c2']);
    expect(ids('collection_id:=c2')).toEqual(['c2']);
    expect(ids('collection_id:C2')).toEqual([]);
    // No substring semantics on exact fields.
    expect(ids('status:FAILED')).toEqual([]);
  });

  it('"!=" and ":!" are inequality', () => {
    expect(ids('collection_id != c2')).toEqual(['c1', 'c3', 'c4']);
    expect(ids('collection_id:!c2')).toEqual(['c1', 'c3', 'c4']);
    expect(ids('status != DOCUMENT_STATUS_FAILED')).toEqual(['c1', 'c3']);
  });

  it('ordering operators compare lexicographically', () => {
    expect(ids('collection_id > c1')).toEqual(['c2', 'c3', 'c4']);
    expect(ids('collection_id >= c3')).toEqual(['c3', 'c4']);
    expect(ids('collection_id < c2')).toEqual(['c1']);
    expect(ids('collection_id <= c2')).toEqual(['c1', 'c2']);
    // Strings, not numbers: "c10" sorts between "c1" and "c2".
    expect(ids('collection_id:>c10')).toEqual(['c2', 'c3', 'c4']);
    expect(ids('collection_id:<=C9')).toEqual([]);
  });
});

describe('number fields', () => {
  it('supports every operator', () => {
    expect(ids('documents_count = 10')).toEqual(['c2']);
    expect(ids('documents_count:10')).toEqual(['c2']);
    expect(ids('documents_count:=10')).toEqual(['c2']);
    expect(ids('documents_count != 10')).toEqual(['c1', 'c3']);
    expect(ids('documents_count:!10')).toEqual(['c1', 'c3']);
    expect(ids('documents_count > 10')).toEqual(['c1']);
    expect(ids('documents_count >= 10')).toEqual(['c1', 'c2']);
    expect(ids('documents_count < 10')).toEqual(['c3']);
    expect(ids('documents_count <= 10')).toEqual(['c2', 'c3']);
    expect(ids('documents_count:>=25')).toEqual(['c1']);
    expect(ids('documents_count:<3')).toEqual([]);
    expect(ids('documents_count:<=3')).toEqual(['c3']);
  });

  it('compares numerically, not as strings', () => {
    // As strings "3" > "25"; numerically it is not.
    expect(ids('documents_count > 4')).toEqual(['c1', 'c2']);
    expect(ids('documents_count = 1e1')).toEqual(['c2']);
    expect(ids('documents_count = 10.0')).toEqual(['c2']);
    expect(ids('documents_count > -5')).toEqual(['c1', 'c2', 'c3']);
    expect(ids('documents_count = "10"')).toEqual(['c2']);
  });

  it('ranges are inclusive at both ends', () => {
    expect(ids('documents_count:10..25')).toEqual(['c1', 'c2']);
    expect(ids('documents_count:3..9.5')).toEqual(['c3']);
    expect(ids('documents_count:11..24')).toEqual([]);
    expect(ids('documents_count:25..10')).toEqual([]);
  });

  it('rejects values that are not numbers', () => {
    for (const bad of ['abc', '0x10', 'Infinity', '1e999', '""', '1..x', 'NaN']) {
      expect(errorOf(`documents_count > ${bad}`).message).toMatch(/^Invalid filter: field "documents_count" expects a number/);
    }
    expect(errorOf('documents_count:10..2025-01-01T00:00:00Z').message).toContain('expects a number');
  });

  it('a non-numeric record value never matches', () => {
    const pred = compileFilter('n != 5', () => ({ kind: 'number', get: (r: { n: string }) => r.n }));
    expect(pred({ n: 'seven' })).toBe(false);
    expect(pred({ n: '7' })).toBe(true);
    expect(pred({ n: '5' })).toBe(false);
  });
});

describe('timestamp fields', () => {
  it('supports every operator at microsecond precision', () => {
    expect(ids('created_at = 2025-01-01T00:00:00Z')).toEqual(['c2']);
    expect(ids('created_at:2025-01-01T00:00:00Z')).toEqual(['c2']);
    expect(ids('created_at != 2025-01-01T00:00:00Z')).toEqual(['c1', 'c3']);
    expect(ids('created_at:!2025-01-01T00:00:00Z')).toEqual(['c1', 'c3']);
    expect(ids('created_at >= 2025-01-01T00:00:00Z')).toEqual(['c2', 'c3']);
    expect(ids('created_at < 2025-01-01T00:00:00Z')).toEqual(['c1']);
    expect(ids('created_at <= 2025-01-01T00:00:00Z')).toEqual(['c1', 'c2']);
    expect(ids('created_at:<2025-01-01T00:00:00.000001Z')).toEqual(['c1', 'c2']);
    expect(ids('created_at = 2025-06-15T12:30:00.25Z')).toEqual(['c3']);
    expect(ids('created_at = 2025-06-15T12:30:00.250000999Z')).toEqual(['c3']);
    expect(ids('created_at = "2025-06-15T12:30:00.250Z"')).toEqual(['c3']);
  });

  it('applies offsets and lower-case separators', () => {
    expect(ids('created_at = 2025-01-01T01:00:00+01:00')).toEqual(['c2']);
    expect(ids('created_at = 2024-12-31T19:00:00-05:00')).toEqual(['c2']);
    expect(ids('created_at = 2025-01-01t00:00:00z')).toEqual(['c2']);
  });

  it('distinguishes single microseconds', () => {
    const pred = compileFilter('t > 2025-01-01T00:00:00.000001Z', () => ({
      kind: 'timestamp' as const,
      get: (r: number) => r,
    }));
    const base = micros('2025-01-01T00:00:00Z');
    expect(pred(base + 1)).toBe(false);
    expect(pred(base + 2)).toBe(true);
  });

  it('converts calendar dates exactly (leap days, years before 100, pre-epoch)', () => {
    for (const t of ['2024-02-29T00:00:00Z', '0050-03-01T10:00:00Z', '1969-12-31T23:59:59.5Z', '2000-02-29T23:59:59Z']) {
      const pred = compileFilter(`t = ${t}`, () => ({ kind: 'timestamp' as const, get: (r: number) => r }));
      expect(pred(micros(t)), t).toBe(true);
      // Far from 1970 a double cannot hold single microseconds, so step by a millisecond.
      expect(pred(micros(t) + 1000), t).toBe(false);
    }
    expect(errorOf('created_at = 1900-02-29T00:00:00Z').message).toContain('expects an RFC 3339 timestamp');
  });

  it('ranges are inclusive', () => {
    expect(ids('created_at:2025-01-01T00:00:00Z..2025-06-15T12:30:00.250Z')).toEqual(['c2', 'c3']);
    expect(ids('created_at:2025-01-01T00:00:00.000001Z..2025-06-15T12:30:00.249999Z')).toEqual([]);
  });

  it('rejects values that are not RFC 3339 timestamps', () => {
    for (const bad of [
      'yesterday',
      '2025-01-01',
      '1735689600',
      '2025-13-01T00:00:00Z',
      '2023-02-29T00:00:00Z',
      '2025-04-31T00:00:00Z',
      '2025-01-01T24:00:00Z',
      '2025-01-01T00:60:00Z',
      '2025-01-01T00:00:00',
      '2025-01-01T00:00:00+1:00',
      '2025-01-01T00:00:00+24:00',
      '2025-01-01 00:00:00Z',
    ]) {
      expect(errorOf(`created_at > "${bad}"`).message).toMatch(/^Invalid filter: field "created_at" expects an RFC 3339 timestamp/);
    }
    expect(errorOf('created_at:1..2').message).toContain('expects an RFC 3339 timestamp');
  });
});

describe('dynamic (metadata) fields', () => {
  it('compares numerically when both sides are numbers', () => {
    // c1 has the number 2024, c2 the string "2023".
    expect(ids('fields.year = 2024.0')).toEqual(['c1']);
    expect(ids('fields.year > 2023')).toEqual(['c1']);
    expect(ids('fields.year >= 2023')).toEqual(['c1', 'c2']);
    expect(ids('fields.year:<2024')).toEqual(['c2']);
    expect(ids('fields.year:<=2024')).toEqual(['c1', 'c2']);
    expect(ids('fields.year != 2023')).toEqual(['c1']);
    // Numerically 7.5 < 9 < 12; as strings "12" < "7.5" < "9", which would select neither.
    expect(ids('fields.score > 9', RECORDS.slice(0, 2))).toEqual(['c2']);
    // c3's score "high" is not a number, so it compares as a string: "high" > "9".
    expect(ids('fields.score > 9')).toEqual(['c2', 'c3']);
  });

  it('falls back to exact string comparison otherwise', () => {
    expect(ids('fields.type:10-Q')).toEqual(['c1']);
    expect(ids('fields.type:10-q')).toEqual([]);
    expect(ids('fields.type = "10"')).toEqual([]);
    expect(ids('fields.type:!memo')).toEqual(['c1', 'c2']);
    expect(ids('fields.score = high')).toEqual(['c3']);
    // Ordering on strings: "10-K" < "10-Q" < "memo".
    expect(ids('fields.type > "10-K"')).toEqual(['c1', 'c3']);
    expect(ids('fields.type < 10-Q')).toEqual(['c2']);
  });

  it('an unknown key matches nothing rather than failing', () => {
    expect(ids('fields.nope:1')).toEqual([]);
    expect(ids('fields.nope != 1')).toEqual([]);
    expect(ids('NOT fields.nope:1')).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('a non-numeric a..b stays a literal value', () => {
    const pred = compileFilter('fields.path:a..b', (f) => (f === 'fields.path' ? { kind: 'dynamic' as const, get: (r: string) => r } : undefined));
    expect(pred('a..b')).toBe(true);
    expect(pred('a')).toBe(false);
  });

  it('quoted field segments are unquoted before resolving', () => {
    const seen: string[] = [];
    const pred = compileFilter<Rec>("fields.\"my key\":yes AND fields.'a \\' b':x", (f) => {
      seen.push(f);
      return resolve(f);
    });
    expect(seen).toEqual(['fields.my key', "fields.a ' b"]);
    expect(pred({ id: 'x', fields: { 'my key': 'yes', "a ' b": 'x' } })).toBe(true);
    expect(ids('fields."my key" = yes')).toEqual(['c1']);
  });

  it('segments after a dot may hold digits and hyphens', () => {
    const seen: string[] = [];
    compileFilter('fields.doc-type:a fields.2024:b', (f) => {
      seen.push(f);
      return { kind: 'dynamic', get: () => undefined };
    });
    expect(seen).toEqual(['fields.doc-type', 'fields.2024']);
  });
});

describe('boolean structure', () => {
  it('OR binds tighter than AND', () => {
    // Conventional precedence would read this as c1 OR (c2 AND count < 20) and also return c1.
    expect(ids('collection_id:c1 OR collection_id:c2 AND documents_count < 20')).toEqual(['c2']);
    expect(ids('(collection_id:c1 OR collection_id:c2) AND documents_count < 20')).toEqual(['c2']);
    expect(ids('collection_id:c1 OR (collection_id:c2 AND documents_count < 20)')).toEqual(['c1', 'c2']);
    expect(ids('documents_count < 20 AND collection_id:c1 OR collection_id:c2')).toEqual(['c2']);
  });

  it('OR chains', () => {
    expect(ids('collection_id:c1 OR collection_id:c3 OR collection_id:c4')).toEqual(['c1', 'c3', 'c4']);
  });

  it('NOT and "-" negate the following term only', () => {
    expect(ids('NOT collection_id:c1')).toEqual(['c2', 'c3', 'c4']);
    expect(ids('-collection_id:c1')).toEqual(['c2', 'c3', 'c4']);
    expect(ids('NOT collection_id:c1 OR collection_id:c1')).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(ids('NOT (collection_id:c1 OR collection_id:c2)')).toEqual(['c3', 'c4']);
    expect(ids('-(collection_id:c1 OR collection_id:c2)')).toEqual(['c3', 'c4']);
    expect(ids('NOT(collection_id:c1)')).toEqual(['c2', 'c3', 'c4']);
    expect(ids('NOT NOT collection_id:c1')).toEqual(['c1']);
    expect(ids('documents_count > 1 AND -collection_id:c1')).toEqual(['c2', 'c3']);
    expect(ids('documents_count > 1 AND-collection_id:c1')).toEqual(['c2', 'c3']);
  });

  it('adjacency means AND', () => {
    expect(ids('collection_name:sec documents_count:>10')).toEqual(['c1']);
    expect(ids('content_type:pdf collection_name:annual')).toEqual(['c3']);
    expect(ids('(collection_id:c1 OR collection_id:c2)(documents_count:10)')).toEqual(['c2']);
    expect(ids('collection_name:"sec"documents_count:10')).toEqual(['c2']);
  });

  it('adjacency groups looser than OR, like AND', () => {
    expect(ids('documents_count < 20 collection_id:c1 OR collection_id:c2')).toEqual(['c2']);
  });

  it('parentheses nest and tolerate whitespace', () => {
    expect(ids('( ( collection_id:c1 ) OR ( collection_id:c3 ) ) AND ( content_type:pdf )')).toEqual(['c1', 'c3']);
    expect(ids('((((collection_id:c3))))')).toEqual(['c3']);
  });

  it('keywords are upper-case whole words', () => {
    const seen: string[] = [];
    compileFilter('ORDER:1 NOTE:2 ANDROID:3', (f) => {
      seen.push(f);
      return { kind: 'exact', get: () => undefined };
    });
    expect(seen).toEqual(['ORDER', 'NOTE', 'ANDROID']);
    // A glued keyword is just a bareword value.
    expect(ids('fields.type:AND')).toEqual([]);
  });
});

describe('absent values', () => {
  it('every comparison on an absent value is false', () => {
    for (const f of [
      'collection_name:x',
      'collection_name != x',
      'collection_name > ""',
      'documents_count != 1',
      'documents_count >= 0',
      'created_at != 2025-01-01T00:00:00Z',
      'status:!DOCUMENT_STATUS_FAILED',
      'fields.type != memo',
    ]) {
      expect(ids(f, [RECORDS[3]!]), f).toEqual([]);
    }
  });

  it('NOT of a comparison on an absent value is true', () => {
    expect(ids('NOT collection_name:x', [RECORDS[3]!])).toEqual(['c4']);
    expect(ids('-documents_count >= 0', [RECORDS[3]!])).toEqual(['c4']);
  });

  it('null from a getter counts as absent', () => {
    const pred = compileFilter('x != 1', () => ({ kind: 'exact', get: (r: { x: unknown }) => r.x as string }));
    expect(pred({ x: null })).toBe(false);
    expect(pred({ x: '2' })).toBe(true);
  });
});

describe('syntax details', () => {
  it('empty or blank filters match everything', () => {
    expect(ids('')).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(ids('  \t\n ')).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('allows whitespace around operators', () => {
    expect(ids('documents_count>10')).toEqual(['c1']);
    expect(ids('documents_count >10')).toEqual(['c1']);
    expect(ids('documents_count> 10')).toEqual(['c1']);
    expect(ids('documents_count :>10')).toEqual(['c1']);
    expect(ids('documents_count:> 10')).toEqual(['c1']);
    expect(ids('\tcollection_id\n=\nc2\t')).toEqual(['c2']);
  });

  it('quoted strings unescape the quote char and backslash only', () => {
    const spec = (): FieldSpec<string> => ({ kind: 'exact', get: (r) => r });
    expect(compileFilter('v = "a \\"b\\" c"', spec)('a "b" c')).toBe(true);
    expect(compileFilter("v = 'it\\'s'", spec)("it's")).toBe(true);
    expect(compileFilter('v = "back\\\\slash"', spec)('back\\slash')).toBe(true);
    expect(compileFilter('v = "C:\\dir"', spec)('C:\\dir')).toBe(true);
    expect(compileFilter('v = "it\'s"', spec)("it's")).toBe(true);
    expect(compileFilter('v = "a)b"', spec)('a)b')).toBe(true);
    expect(compileFilter('v = "x AND y"', spec)('x AND y')).toBe(true);
  });

  it('barewords end at whitespace or ")"', () => {
    const spec = (): FieldSpec<string> => ({ kind: 'exact', get: (r) => r });
    expect(compileFilter('v:a+b/c.d-e:f', spec)('a+b/c.d-e:f')).toBe(true);
    expect(compileFilter('(v:abc)', spec)('abc')).toBe(true);
    expect(compileFilter('v:a"b', spec)('a"b')).toBe(true);
  });

  it('compiles once: the resolver is not consulted per record', () => {
    let calls = 0;
    const pred = compileFilter<Rec>('collection_name:sec AND documents_count > 1', (f) => {
      calls++;
      return resolve(f);
    });
    expect(calls).toBe(2);
    for (let i = 0; i < 100; i++) RECORDS.forEach(pred);
    expect(calls).toBe(2);
  });

  it('evaluates long flat chains without deep recursion', () => {
    const terms = Array.from({ length: 300 }, (_, i) => `collection_id:x${i}`);
    expect(ids(`${terms.join(' OR ')} OR collection_id:c3`)).toEqual(['c3']);
    expect(ids(terms.map((t) => `-${t}`).join(' AND '))).toEqual(['c1', 'c2', 'c3', 'c4']);
  });
});

describe('errors', () => {
  it('FilterError is an Error with a user-facing message', () => {
    const err = errorOf('collection_id:c1)');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('FilterError');
    expect(err.message).toBe('Invalid filter: unexpected ")" at position 16');
  });

  it('unbalanced parentheses', () => {
    expect(errorOf('(collection_id:c1').message).toBe('Invalid filter: unbalanced parentheses: "(" at position 0 is never closed');
    expect(errorOf('((collection_id:c1)').message).toContain('"(" at position 0 is never closed');
    expect(errorOf('(collection_id:c1))').message).toBe('Invalid filter: unexpected ")" at position 18');
    expect(errorOf(')').message).toBe('Invalid filter: unexpected ")" at position 0');
    expect(errorOf('()').message).toBe('Invalid filter: unexpected ")" at position 1');
  });

  it('dangling or misplaced keywords', () => {
    expect(errorOf('collection_id:c1 AND').message).toBe('Invalid filter: unexpected end of filter at position 20');
    expect(errorOf('collection_id:c1 OR').message).toContain('unexpected end of filter');
    expect(errorOf('NOT').message).toContain('unexpected end of filter');
    expect(errorOf('-').message).toContain('unexpected end of filter');
    expect(errorOf('AND collection_id:c1').message).toBe('Invalid filter: unexpected "AND" at position 0');
    expect(errorOf('collection_id:c1 AND OR collection_id:c2').message).toBe('Invalid filter: unexpected "OR" at position 21');
    expect(errorOf('(collection_id:c1 OR)').message).toBe('Invalid filter: unexpected ")" at position 20');
  });

  it('trailing or stray garbage', () => {
    expect(errorOf('collection_id:c1 @').message).toBe('Invalid filter: unexpected "@" at position 17');
    expect(errorOf('collection_id:c1 "x"').message).toBe('Invalid filter: unexpected "\\"" at position 17');
    expect(errorOf('collection_id:c1 5').message).toBe('Invalid filter: unexpected "5" at position 17');
  });

  it('missing operator', () => {
    expect(errorOf('collection_id').message).toBe('Invalid filter: expected an operator after field "collection_id" at position 13, found end of filter');
    expect(errorOf('collection_id ! c1').message).toContain('expected an operator after field "collection_id"');
    // Lower-case keywords are not keywords.
    expect(errorOf('collection_id:c1 and collection_id:c2').message).toBe('Invalid filter: expected an operator after field "and" at position 21, found "c"');
  });

  it('missing value', () => {
    expect(errorOf('collection_id:').message).toBe('Invalid filter: missing value for field "collection_id" at position 14');
    expect(errorOf('collection_id = ').message).toContain('missing value for field "collection_id"');
    expect(errorOf('(collection_id:)').message).toContain('missing value for field "collection_id"');
    expect(errorOf('collection_id: AND documents_count:1').message).toBe('Invalid filter: missing value for field "collection_id" at position 15');
    expect(errorOf('documents_count >= OR').message).toContain('missing value');
  });

  it('unterminated strings', () => {
    expect(errorOf('collection_name:"abc').message).toBe('Invalid filter: unterminated string starting at position 16');
    expect(errorOf("collection_name:'a\\'").message).toContain('unterminated string');
    expect(errorOf('fields."my key:1').message).toContain('unterminated string starting at position 7');
  });

  it('bad field names', () => {
    expect(errorOf('fields.:1').message).toBe('Invalid filter: expected a field name after "." at position 7');
    expect(errorOf('"quoted":1').message).toBe('Invalid filter: unexpected "\\"" at position 0');
  });

  it('unknown fields', () => {
    expect(errorOf('nope:1').message).toBe('Invalid filter: unknown field "nope"');
    expect(errorOf('collection_id:c1 OR bogus.x = 2').message).toBe('Invalid filter: unknown field "bogus.x"');
  });

  it('ranges on substring or exact fields', () => {
    expect(errorOf('collection_name:1..5').message).toBe('Invalid filter: range is not supported on field "collection_name"');
    expect(errorOf('collection_id:1..5').message).toBe('Invalid filter: range is not supported on field "collection_id"');
  });

  it('value lists are refused rather than misread', () => {
    expect(errorOf('collection_id:(c1 OR c2)').message).toContain('unexpected "(" at position 14');
  });

  it('over-long input', () => {
    const long = `collection_name:${'x'.repeat(8192 - 16)}`;
    expect(long.length).toBe(8192);
    expect(ids(long)).toEqual([]);
    expect(errorOf(`${long}x`).message).toMatch(/^Invalid filter: filter is too long/);
    expect(errorOf(' '.repeat(9000)).message).toMatch(/too long/);
  });

  it('nesting deeper than 64 levels, without overflowing the stack', () => {
    const nest = (n: number): string => `${'('.repeat(n)}collection_id:c1${')'.repeat(n)}`;
    expect(ids(nest(64))).toEqual(['c1']);
    expect(errorOf(nest(65)).message).toMatch(/^Invalid filter: nesting deeper than 64 levels/);
    expect(errorOf('('.repeat(8000)).message).toMatch(/nesting deeper than 64/);
    expect(errorOf(`${'NOT '.repeat(65)}collection_id:c1`).message).toMatch(/nesting deeper than 64/);
    expect(errorOf(`${'-'.repeat(5000)}collection_id:c1`).message).toMatch(/nesting deeper than 64/);
    expect(ids(`${'-'.repeat(64)}collection_id:c1`)).toEqual(['c1']);
  });

  it('long messages quote a bounded excerpt of the value', () => {
    const msg = errorOf(`documents_count:${'9'.repeat(50)}x${'9'.repeat(200)}`).message;
    expect(msg.length).toBeLessThan(200);
    expect(msg).toContain('…');
  });
});
