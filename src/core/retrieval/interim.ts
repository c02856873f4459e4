/**
 * TEMPORARY. A minimal stand-in for the retrieval core's index and ranking
 * (`createSearchIndex`, `search`), built on another branch, so the xAI search
 * can be written and tested against their names and the contracts in
 * types.ts before they land. This file is deleted when they do: nothing but
 * src/providers/xai imports it.
 *
 * Deliberately crude: BM25 over lower-cased words, no stemming, no stop words.
 */
import type { IndexedChunk, SearchHit, SearchIndex, SearchRequest } from './types.js';

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

interface Stored<D> {
  doc: D;
  chunks: { chunk: IndexedChunk; terms: Map<string, number>; length: number }[];
}

class InterimIndex<D> implements SearchIndex<D> {
  readonly docs = new Map<string, Stored<D>>();
  upsert(docKey: string, doc: D, chunks: readonly IndexedChunk[]): void {
    this.docs.set(docKey, {
      doc,
      chunks: chunks.map((chunk) => {
        const terms = new Map<string, number>();
        const ws = words(chunk.text);
        for (const w of ws) terms.set(w, (terms.get(w) ?? 0) + 1);
        return { chunk, terms, length: ws.length };
      }),
    });
  }
  setDoc(docKey: string, doc: D): void {
    const s = this.docs.get(docKey);
    if (s) s.doc = doc;
  }
  remove(docKey: string): void {
    this.docs.delete(docKey);
  }
  has(docKey: string): boolean {
    return this.docs.has(docKey);
  }
  get documentCount(): number {
    return this.docs.size;
  }
  get chunkCount(): number {
    let n = 0;
    for (const s of this.docs.values()) n += s.chunks.length;
    return n;
  }
}

export function createSearchIndex<D>(_options: { dimension?: number } = {}): SearchIndex<D> {
  return new InterimIndex<D>();
}

export function search<D>(indexes: readonly SearchIndex<D>[], request: SearchRequest<D>): SearchHit<D>[] {
  type Row = { docKey: string; doc: D; chunk: IndexedChunk; terms: Map<string, number>; length: number };
  const rows: Row[] = [];
  for (const index of indexes) {
    for (const [docKey, s] of (index as InterimIndex<D>).docs) {
      if (request.filter && !request.filter(s.doc)) continue;
      for (const c of s.chunks) rows.push({ docKey, doc: s.doc, ...c });
    }
  }
  const byId = (a: Row, b: Row) => (a.chunk.id < b.chunk.id ? -1 : a.chunk.id > b.chunk.id ? 1 : 0);
  const keyword = (): Map<Row, number> => {
    const q = [...new Set(words(request.query))];
    const avg = rows.reduce((n, r) => n + r.length, 0) / (rows.length || 1);
    const scores = new Map<Row, number>();
    for (const term of q) {
      const df = rows.filter((r) => r.terms.has(term)).length;
      if (!df) continue;
      const idf = Math.log(1 + (rows.length - df + 0.5) / (df + 0.5));
      for (const r of rows) {
        const tf = r.terms.get(term);
        if (!tf) continue;
        scores.set(r, (scores.get(r) ?? 0) + (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * r.length) / (avg || 1))));
      }
    }
    return scores;
  };
  const semantic = (): Map<Row, number> => {
    const scores = new Map<Row, number>();
    const q = request.queryVector;
    if (!q) return scores;
    for (const r of rows) {
      let dot = 0;
      for (let i = 0; i < q.length; i++) dot += q[i]! * (r.chunk.vector[i] ?? 0);
      scores.set(r, dot);
    }
    return scores;
  };
  const ranked = (scores: Map<Row, number>): Row[] => [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)! || byId(a, b));
  let scores: Map<Row, number>;
  if (request.mode === 'keyword') scores = keyword();
  else if (request.mode === 'semantic') scores = semantic();
  else {
    const f = request.fusion ?? { k: 60, keywordWeight: 0.5, vectorWeight: 0.5 };
    scores = new Map();
    for (const [list, weight] of [
      [ranked(keyword()), f.keywordWeight],
      [ranked(semantic()), f.vectorWeight],
    ] as const) {
      list.forEach((r, i) => scores.set(r, (scores.get(r) ?? 0) + weight / (f.k + i + 1)));
    }
  }
  return ranked(scores)
    .slice(0, request.limit)
    .map((r) => ({ docKey: r.docKey, doc: r.doc, chunk: r.chunk, score: scores.get(r)! }));
}
