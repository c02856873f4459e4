/**
 * The shared search engine: BM25 ranking, vectors, hybrid fusion, filters,
 * and an index that follows its store (upsert, setDoc, remove) without a
 * stale hit or a stale statistic.
 */
import { describe, expect, it } from 'vitest';
import { BM25_B, BM25_K1, FUSION_WINDOW, analyze, createSearchIndex, search } from '../src/core/retrieval/index.js';
import { reciprocalRankFusion } from '../src/core/retrieval/fusion.js';
import type { IndexedChunk, SearchHit, SearchIndex } from '../src/core/retrieval/types.js';

interface Doc {
  team: string;
}

const DIM = 4;

/** A unit vector of dimension 4 from any four numbers. */
function unit(...xs: number[]): Float32Array {
  const v = Float32Array.from(xs);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

/** Chunks from texts, with ids `<doc>#<i>` and vectors along the first axis unless given. */
function chunks(doc: string, texts: string[], vectors?: Float32Array[]): IndexedChunk[] {
  return texts.map((text, i) => ({ id: `${doc}#${i}`, text, page: null, vector: vectors?.[i] ?? unit(1, 0, 0, 0) }));
}

const ids = (hits: SearchHit<unknown>[]) => hits.map((h) => h.chunk.id);
const scored = (hits: SearchHit<unknown>[]) => hits.map((h) => [h.chunk.id, h.score] as const);

function kw<D>(indexes: SearchIndex<D>[], query: string, limit = 10, filter?: (d: D) => boolean) {
  return search(indexes, { query, mode: 'keyword', limit, filter });
}

/** BM25 as the engine documents it, computed here from counts. */
function bm25(tf: number, len: number, avgLen: number, n: number, df: number): number {
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * len) / avgLen));
}

const CORPUS: Record<string, string[]> = {
  fusion: [
    'Reciprocal rank fusion merges several ranked lists into one by summing the reciprocals of the ranks.',
    'Weights let one list count more than the other when ranks are fused.',
  ],
  bm25: [
    'Okapi BM25 ranks documents by term frequency, inverse document frequency and document length.',
    'A term that appears in every document tells little: its inverse document frequency is low.',
  ],
  vectors: ['Embeddings are vectors; the cosine of two unit vectors is their dot product.'],
  cooking: ['Simmer the tomatoes with garlic and olive oil, then season the sauce with basil.'],
  gardening: ['Tomatoes need sun, water and staking; prune the side shoots as the plants grow.'],
};

function corpusIndex(options?: { team?: (doc: string) => string }): SearchIndex<Doc> {
  const index = createSearchIndex<Doc>({ dimension: DIM });
  for (const [doc, texts] of Object.entries(CORPUS)) index.upsert(doc, { team: options?.team?.(doc) ?? 'all' }, chunks(doc, texts));
  return index;
}

describe('analysis', () => {
  it('lower-cases, folds Unicode compatibility forms, drops stop words and stems English', () => {
    expect(analyze("The Vendor's files are RUNNING")).toEqual(['vendor', 'file', 'run']);
    expect(analyze('ﬁle ｆｉｌｅ File')).toEqual(['file', 'file', 'file']);
    expect(analyze('the of and is')).toEqual([]);
  });

  it('keeps other scripts, accents and numbers as they are, and cuts unspaced scripts into words', () => {
    expect(analyze('Café Straße 2024 Привет')).toEqual(['café', 'straße', '2024', 'привет']);
    const japanese = analyze('東京タワーに行きました');
    expect(japanese).toContain('東京タワー');
    expect(japanese.length).toBeGreaterThan(1);
  });
});

describe('keyword search (BM25)', () => {
  it('ranks the chunk about the query first', () => {
    const index = corpusIndex();
    expect(ids(kw([index], 'how does reciprocal rank fusion work'))[0]).toBe('fusion#0');
    expect(ids(kw([index], 'inverse document frequency'))[0]).toBe('bm25#0');
    expect(ids(kw([index], 'a term in every document'))[0]).toBe('bm25#1');
    expect(ids(kw([index], 'tomato sauce with basil'))[0]).toBe('cooking#0');
    expect(ids(kw([index], 'growing tomato plants in the sun'))[0]).toBe('gardening#0');
  });

  it('finds inflected forms through stems', () => {
    const index = corpusIndex();
    // "fused" in the text, "fusing" in the query; "ranked" and "ranks" both stem to "rank".
    expect(ids(kw([index], 'fusing'))).toEqual(expect.arrayContaining(['fusion#1']));
    expect(ids(kw([index], 'ranking'))).toEqual(expect.arrayContaining(['fusion#0', 'fusion#1', 'bm25#0']));
  });

  it('computes Okapi BM25 (k1 1.2, b 0.75) from the index statistics', () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    // Terms after analysis: [apple, banana], [apple, apple, cherry], [durian].
    index.upsert('a', { team: 'x' }, chunks('a', ['apple banana', 'apple apple cherry']));
    index.upsert('b', { team: 'x' }, chunks('b', ['durian']));
    const avg = (2 + 3 + 1) / 3;
    expect(scored(kw([index], 'banana'))).toEqual([['a#0', bm25(1, 2, avg, 3, 1)]]);
    const apple = kw([index], 'apple');
    expect(ids(apple)).toEqual(['a#1', 'a#0']);
    expect(apple[0]!.score).toBeCloseTo(bm25(2, 3, avg, 3, 2), 12);
    expect(apple[1]!.score).toBeCloseTo(bm25(1, 2, avg, 3, 2), 12);
    // A term repeated in the query counts once.
    expect(scored(kw([index], 'banana banana BANANA'))).toEqual(scored(kw([index], 'banana')));
  });

  it('returns only chunks that hold a query term, at most `limit`, best first', () => {
    const index = corpusIndex();
    // "document" three times in bm25#0, twice in the shorter bm25#1.
    const hits = kw([index], 'document', 2);
    expect(ids(hits)).toEqual(['bm25#0', 'bm25#1']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(kw([index], 'zeppelin')).toEqual([]);
    expect(kw([index], 'document', 0)).toEqual([]);
  });

  it('hands back the chunk as given, with the document key and data', () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    const v = unit(1, 2, 3, 4);
    index.upsert('doc-1', { team: 'red' }, [{ id: 'c-1', text: 'quarterly revenue', page: 3, vector: v }]);
    const [hit] = kw([index], 'revenue');
    expect(hit).toMatchObject({ docKey: 'doc-1', doc: { team: 'red' }, chunk: { id: 'c-1', text: 'quarterly revenue', page: 3 } });
    expect(Array.from(hit!.chunk.vector)).toEqual(Array.from(v));
  });
});

describe('queries at the edges', () => {
  it('an empty query, a query of stop words or punctuation, and an empty index find nothing by keyword', () => {
    const index = corpusIndex();
    for (const query of ['', '   ', 'the and of it is', '?!…', '—']) expect(kw([index], query), query).toEqual([]);
    expect(kw([createSearchIndex<Doc>({ dimension: DIM })], 'fusion')).toEqual([]);
    expect(kw([], 'fusion')).toEqual([]);
    expect(search([createSearchIndex<Doc>({ dimension: DIM })], { query: 'x', queryVector: unit(1, 0, 0, 0), mode: 'hybrid', limit: 5 })).toEqual([]);
  });

  it('a query of stop words still ranks by vector in hybrid mode', () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    index.upsert('a', { team: 'x' }, chunks('a', ['alpha'], [unit(0, 1, 0, 0)]));
    index.upsert('b', { team: 'x' }, chunks('b', ['beta'], [unit(1, 0, 0, 0)]));
    const hits = search([index], { query: 'the of and', queryVector: unit(1, 0, 0, 0), mode: 'hybrid', limit: 5 });
    expect(ids(hits)).toEqual(['b#0', 'a#0']);
    expect(hits[0]!.score).toBe(0.5 / 61);
  });

  it('a very long query works and still ranks the best chunk first', () => {
    const index = corpusIndex();
    const filler = Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' ');
    const hits = kw([index], `${filler} tomatoes garlic basil sauce ${filler}`);
    expect(ids(hits)[0]).toBe('cooking#0');
  });

  it('matches across Unicode forms and scripts', () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    index.upsert('fr', { team: 'x' }, chunks('fr', ['Le café de la gare ouvre à six heures.']));
    index.upsert('ja', { team: 'x' }, chunks('ja', ['東京タワーは東京の観光名所です。']));
    index.upsert('ru', { team: 'x' }, chunks('ru', ['Привет, мир! Отчёт за квартал.']));
    index.upsert('wide', { team: 'x' }, chunks('wide', ['ＲＥＰＯＲＴ ２０２４']));
    // Decomposed "café" (e + combining acute) finds the composed one.
    expect(ids(kw([index], 'cafe\u0301'))).toEqual(['fr#0']);
    expect(ids(kw([index], '東京タワー'))).toEqual(['ja#0']);
    expect(ids(kw([index], 'ПРИВЕТ'))).toEqual(['ru#0']);
    expect(ids(kw([index], 'report 2024'))).toEqual(['wide#0']);
    expect(kw([index], '🙂🙂')).toEqual([]);
  });
});

describe('semantic search', () => {
  it('ranks by cosine (dot product of unit vectors), exactly', () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    const a = unit(1, 0, 0, 0);
    const b = unit(1, 1, 0, 0);
    const c = unit(0, 0, 1, 0);
    index.upsert('d', { team: 'x' }, chunks('d', ['a', 'b', 'c'], [a, b, c]));
    const q = unit(1, 0.2, 0, 0);
    const hits = search([index], { query: '', queryVector: q, mode: 'semantic', limit: 3 });
    expect(ids(hits)).toEqual(['d#0', 'd#1', 'd#2']);
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, xi, i) => s + xi * y[i]!, 0);
    expect(hits[0]!.score).toBeCloseTo(dot(q, a), 6);
    expect(hits[1]!.score).toBeCloseTo(dot(q, b), 6);
    expect(hits[2]!.score).toBeCloseTo(0, 6);
  });

  it('refuses a missing or misshapen vector, and indexes that do not fit together', () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    expect(() => search([index], { query: 'x', mode: 'semantic', limit: 1 })).toThrow(RangeError);
    expect(() => search([index], { query: 'x', mode: 'hybrid', limit: 1 })).toThrow(RangeError);
    expect(() => search([index], { query: 'x', queryVector: new Float32Array(3), mode: 'semantic', limit: 1 })).toThrow(/4 float32 values/);
    expect(() => index.upsert('a', { team: 'x' }, [{ id: 'a', text: 't', page: null, vector: new Float32Array(5) }])).toThrow(RangeError);
    expect(index.has('a')).toBe(false);
    expect(() => search([index, createSearchIndex<Doc>({ dimension: 8 })], { query: 'x', mode: 'keyword', limit: 1 })).toThrow(/dimensions/);
    expect(createSearchIndex<Doc>().upsert('ok', { team: 'x' }, [{ id: 'ok', text: 't', page: null, vector: new Float32Array(256) }])).toBeUndefined();
  });
});

describe('hybrid search (reciprocal rank fusion)', () => {
  it('fuses by weight / (k + rank): a worked example', () => {
    // Keyword ranks: A 1, B 2, C 3. Vector ranks: C 1, D 2, B 3, A 4.
    const fused = reciprocalRankFusion(
      [
        ['A', 'B', 'C'],
        ['C', 'D', 'B', 'A'],
      ],
      [0.5, 0.5],
      60,
    );
    expect(fused.get('A')).toBe(0.5 / 61 + 0.5 / 64);
    expect(fused.get('B')).toBe(0.5 / 62 + 0.5 / 63);
    expect(fused.get('C')).toBe(0.5 / 63 + 0.5 / 61);
    expect(fused.get('D')).toBe(0.5 / 62);
    // C 0.016133, A 0.016009, B 0.016001, D 0.008065: two middling ranks lose to a first and a fourth.
    expect([...fused].sort((x, y) => y[1] - x[1]).map(([key]) => key)).toEqual(['C', 'A', 'B', 'D']);
    const weighted = reciprocalRankFusion([['A'], ['B']], [0.8, 0.2], 10);
    expect(weighted.get('A')).toBe(0.8 / 11);
    expect(weighted.get('B')).toBe(0.2 / 11);
  });

  it('fuses the keyword and vector rankings of the index, with the request’s k and weights', () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    // Keyword "invoice": a (tf 2) before b (tf 1); c does not hold it. Vector along axis 0: c, b, a.
    index.upsert('a', { team: 'x' }, chunks('a', ['invoice invoice total'], [unit(0, 0, 1, 0)]));
    index.upsert('b', { team: 'x' }, chunks('b', ['invoice total'], [unit(1, 1, 0, 0)]));
    index.upsert('c', { team: 'x' }, chunks('c', ['receipt total'], [unit(1, 0, 0, 0)]));
    const q = { query: 'invoice', queryVector: unit(1, 0, 0, 0), mode: 'hybrid' as const, limit: 10 };
    const even = search([index], q);
    // a: keyword 1, vector 3; b: 2 and 2; c: vector 1 only. 1/61 + 1/63 > 2/62, so a leads b by a hair.
    expect(scored(even)).toEqual([
      ['a#0', 0.5 / 61 + 0.5 / 63],
      ['b#0', 0.5 / 62 + 0.5 / 62],
      ['c#0', 0.5 / 61],
    ]);
    const k1 = search([index], { ...q, fusion: { k: 1, keywordWeight: 1, vectorWeight: 0 } });
    expect(scored(k1)).toEqual([
      ['a#0', 1 / 2],
      ['b#0', 1 / 3],
      ['c#0', 0],
    ]);
    expect(() => search([index], { ...q, fusion: { k: -1, keywordWeight: 1, vectorWeight: 1 } })).toThrow(RangeError);
    expect(() => search([index], { ...q, fusion: { k: 60, keywordWeight: Number.NaN, vectorWeight: 1 } })).toThrow(/keywordWeight/);
  });

  it(`fuses the best ${FUSION_WINDOW} of each list (or limit, if more)`, () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    for (let i = 0; i < FUSION_WINDOW + 20; i++) {
      index.upsert(`d${String(i).padStart(3, '0')}`, { team: 'x' }, chunks(`d${i}`, ['shared words here'], [unit(1, i / 1000, 0, 0)]));
    }
    const hits = search([index], { query: 'shared', queryVector: unit(1, 0, 0, 0), mode: 'hybrid', limit: FUSION_WINDOW + 20 });
    // Every chunk is in both full rankings, but only the first 100 of each are fused.
    expect(hits.length).toBe(FUSION_WINDOW + 20);
    expect(hits.every((h) => h.score > 0)).toBe(true);
    const few = search([index], { query: 'shared', queryVector: unit(1, 0, 0, 0), mode: 'hybrid', limit: 5 });
    expect(few.length).toBe(5);
  });
});

describe('filters', () => {
  it('apply before ranking: a filtered-out document never takes a place in the top k', () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    for (let i = 0; i < 30; i++) {
      // The "red" documents hold the term twice and would rank first.
      const team = i < 20 ? 'red' : 'blue';
      index.upsert(
        `doc${String(i).padStart(2, '0')}`,
        { team },
        chunks(`doc${i}`, [team === 'red' ? 'budget budget plan' : 'budget plan'], [unit(1, i, 0, 0)]),
      );
    }
    const blue = (d: Doc) => d.team === 'blue';
    for (const mode of ['keyword', 'semantic', 'hybrid'] as const) {
      const hits = search([index], { query: 'budget', queryVector: unit(1, 0, 0, 0), mode, limit: 5, filter: blue });
      expect(hits.length, mode).toBe(5);
      expect(
        hits.every((h) => h.doc.team === 'blue'),
        mode,
      ).toBe(true);
    }
  });

  it('ask once per document, and see the data setDoc gave', () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    index.upsert('a', { team: 'red' }, chunks('a', ['alpha report', 'alpha summary', 'alpha notes']));
    index.upsert('b', { team: 'blue' }, chunks('b', ['alpha report']));
    let calls = 0;
    const red = (d: Doc) => {
      calls++;
      return d.team === 'red';
    };
    expect(ids(kw([index], 'alpha', 10, red)).sort()).toEqual(['a#0', 'a#1', 'a#2']);
    expect(calls).toBe(2);
    calls = 0;
    search([index], { query: 'alpha', queryVector: unit(1, 0, 0, 0), mode: 'hybrid', limit: 10, filter: red });
    expect(calls).toBe(2);

    index.setDoc('b', { team: 'red' });
    index.setDoc('a', { team: 'blue' });
    const hits = kw([index], 'alpha', 10, red);
    expect(ids(hits)).toEqual(['b#0']);
    expect(hits[0]!.doc).toEqual({ team: 'red' });
  });
});

describe('several indexes', () => {
  it('score as one collection: the same scores as one index holding everything', () => {
    const all = corpusIndex();
    const left = createSearchIndex<Doc>({ dimension: DIM });
    const right = createSearchIndex<Doc>({ dimension: DIM });
    Object.entries(CORPUS).forEach(([doc, texts], i) => (i % 2 ? left : right).upsert(doc, { team: 'all' }, chunks(doc, texts)));
    for (const query of ['document frequency', 'tomatoes', 'rank fusion weights', 'vectors']) {
      expect(scored(kw([left, right], query)), query).toEqual(scored(kw([all], query)));
    }
    // Alone, an index has its own statistics: the same chunk scores differently.
    expect(kw([left], 'document')[0]!.score).not.toBe(kw([left, right], 'document')[0]!.score);
  });

  it('break ties by document key, then chunk position, then the index’s place in the list', () => {
    const one = createSearchIndex<Doc>({ dimension: DIM });
    const two = createSearchIndex<Doc>({ dimension: DIM });
    for (const key of ['m', 'b', 'z']) one.upsert(key, { team: 'x' }, chunks(key, ['same text', 'same text']));
    two.upsert('b', { team: 'x' }, chunks('b', ['same text']));
    const hits = kw([two, one], 'same text');
    expect(hits.map((h) => `${h.chunk.id}@${h.docKey}`)).toEqual(['b#0@b', 'b#0@b', 'b#1@b', 'm#0@m', 'm#1@m', 'z#0@z', 'z#1@z']);
    expect(new Set(hits.map((h) => h.score)).size).toBe(1);
    // The first b#0 is two's (listed first), the second one's.
    expect(hits[0]!.chunk.text).toBe('same text');
    const swapped = kw([one, two], 'same text');
    expect(scored(swapped)).toEqual(scored(hits));
  });

  it('search an index listed twice once', () => {
    const index = corpusIndex();
    expect(scored(kw([index, index], 'tomatoes'))).toEqual(scored(kw([index], 'tomatoes')));
  });
});

describe('determinism', () => {
  it('the same input gives the same hits, scores and order, in every mode', () => {
    const build = () => {
      const index = createSearchIndex<Doc>({ dimension: DIM });
      let i = 0;
      for (const [doc, texts] of Object.entries(CORPUS))
        index.upsert(
          doc,
          { team: 'x' },
          chunks(
            doc,
            texts,
            texts.map(() => unit(1, i++, 2, 3)),
          ),
        );
      return index;
    };
    const a = build();
    const b = build();
    for (const mode of ['keyword', 'semantic', 'hybrid'] as const) {
      const request = { query: 'document rank tomatoes', queryVector: unit(3, 2, 1, 0), mode, limit: 10 };
      const first = scored(search([a], request));
      expect(first.length, mode).toBeGreaterThan(0);
      expect(scored(search([a], request)), mode).toEqual(first);
      expect(scored(search([b], request)), mode).toEqual(first);
    }
  });
});

describe('following the store', () => {
  it('upsert replaces all of a document’s chunks', () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    index.upsert('a', { team: 'x' }, chunks('a', ['old words', 'more old words', 'older still']));
    index.upsert('a', { team: 'y' }, chunks('a', ['new text']));
    expect(index.chunkCount).toBe(1);
    expect(index.documentCount).toBe(1);
    expect(kw([index], 'old words')).toEqual([]);
    const hits = kw([index], 'new');
    expect(hits.map((h) => [h.chunk.id, h.doc.team])).toEqual([['a#0', 'y']]);
    expect(search([index], { query: '', queryVector: unit(1, 0, 0, 0), mode: 'semantic', limit: 10 }).length).toBe(1);
  });

  it("chunks gives back a document's chunks as held, in order, as copies; none once it is gone", () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    const given = chunks('a', ['first words', 'second words'], [unit(1, 0, 0, 0), unit(0, 1, 0, 0)]);
    index.upsert('a', { team: 'x' }, given);
    const held = index.chunks('a');
    expect(held).toEqual(given);
    held[0]!.vector[0] = 42;
    expect(index.chunks('a')[0]!.vector).toEqual(unit(1, 0, 0, 0));
    index.upsert('a', { team: 'x' }, chunks('a', ['only one']));
    expect(index.chunks('a').map((c) => c.text)).toEqual(['only one']);
    index.remove('a');
    expect(index.chunks('a')).toEqual([]);
    expect(index.chunks('never-there')).toEqual([]);
  });

  it('remove drops a document at once, in every mode', () => {
    const index = corpusIndex();
    index.remove('cooking');
    index.remove('nothing-by-that-key');
    expect(index.has('cooking')).toBe(false);
    expect(index.documentCount).toBe(4);
    expect(index.chunkCount).toBe(6);
    for (const mode of ['keyword', 'semantic', 'hybrid'] as const) {
      const hits = search([index], { query: 'tomatoes garlic basil', queryVector: unit(1, 0, 0, 0), mode, limit: 100 });
      expect(
        hits.some((h) => h.docKey === 'cooking'),
        mode,
      ).toBe(false);
    }
  });

  it('a document with no chunks is held but never found', () => {
    const index = createSearchIndex<Doc>({ dimension: DIM });
    index.upsert('empty', { team: 'x' }, []);
    expect(index.has('empty')).toBe(true);
    expect(index.documentCount).toBe(1);
    expect(index.chunkCount).toBe(0);
    expect(search([index], { query: 'x', queryVector: unit(1, 0, 0, 0), mode: 'hybrid', limit: 5 })).toEqual([]);
  });

  it('statistics stay right after removals: add, remove, re-add scores as a fresh index', () => {
    const queries = ['document frequency', 'tomatoes sun', 'rank', 'vectors cosine'];
    const fresh = corpusIndex();
    const churned = corpusIndex();
    churned.upsert('extra', { team: 'all' }, chunks('extra', ['document document document frequency rank tomatoes', 'vectors everywhere']));
    churned.remove('extra');
    churned.remove('bm25');
    churned.upsert('bm25', { team: 'all' }, chunks('bm25', ['placeholder']));
    churned.upsert('bm25', { team: 'all' }, chunks('bm25', CORPUS.bm25!));
    for (const q of queries) {
      // Same scores; the order may differ only among equal scores, which the tie-break fixes: so the same order too.
      expect(scored(kw([churned], q)), q).toEqual(scored(kw([fresh], q)));
    }
  });

  it('statistics and hits stay right across compaction (many removals)', () => {
    const text = (i: number) => `item ${i} ${i % 3 === 0 ? 'alpha' : 'beta'} ${i % 7 === 0 ? 'gamma gamma' : 'delta'}`;
    const vector = (i: number) => unit(1, (i % 10) / 10, (i % 7) / 7, 0.5);
    const fresh = createSearchIndex<Doc>({ dimension: DIM });
    const churned = createSearchIndex<Doc>({ dimension: DIM });
    const keep = 300;
    for (let i = 0; i < keep; i++) fresh.upsert(`k${i}`, { team: 'x' }, chunks(`k${i}`, [text(i)], [vector(i)]));
    // 3,000 chunks come and go around the ones kept, enough to compact several times.
    for (let i = 0; i < keep; i++) {
      churned.upsert(
        `gone${i}`,
        { team: 'x' },
        chunks(
          `gone${i}`,
          Array.from({ length: 10 }, (_, j) => text(i + j)),
          Array.from({ length: 10 }, (_, j) => vector(j)),
        ),
      );
      churned.upsert(`k${i}`, { team: 'x' }, chunks(`k${i}`, ['placeholder'], [vector(0)]));
    }
    for (let i = 0; i < keep; i++) {
      churned.remove(`gone${i}`);
      churned.upsert(`k${i}`, { team: 'x' }, chunks(`k${i}`, [text(i)], [vector(i)]));
    }
    expect(churned.chunkCount).toBe(keep);
    expect(churned.documentCount).toBe(keep);
    for (const query of ['alpha', 'gamma', 'beta delta', 'item 42']) {
      expect(scored(kw([churned], query, 20)), query).toEqual(scored(kw([fresh], query, 20)));
    }
    const request = { query: 'gamma', queryVector: unit(1, 0.5, 0.2, 0.5), mode: 'hybrid' as const, limit: 20 };
    expect(scored(search([churned], request))).toEqual(scored(search([fresh], request)));
    // Removing everything and adding again starts from clean statistics.
    for (let i = 0; i < keep; i++) churned.remove(`k${i}`);
    expect(churned.chunkCount).toBe(0);
    expect(kw([churned], 'alpha')).toEqual([]);
    for (let i = 0; i < keep; i++) churned.upsert(`k${i}`, { team: 'x' }, chunks(`k${i}`, [text(i)], [vector(i)]));
    expect(scored(kw([churned], 'alpha gamma', 20))).toEqual(scored(kw([fresh], 'alpha gamma', 20)));
  });
});
