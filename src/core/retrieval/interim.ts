/**
 * TEMPORARY. Minimal stand-ins for the retrieval core's functions that are
 * built on other branches (the index and ranking; extraction, chunking and
 * the embedders), so the xAI search can be written and tested against their
 * names and the contracts in types.ts before they land. This file is deleted
 * when they do: nothing but src/providers/xai imports it.
 *
 * Deliberately crude: text only (no PDF), words for tokens, a hashing
 * embedder, BM25 without stemming.
 */
import { createHash } from 'node:crypto';
import type { ChunkOptions, Embedder, ExtractedText, Extractor, IndexedChunk, SearchHit, SearchIndex, SearchRequest, TextChunk } from './types.js';

const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-yaml|yaml|markdown))/;

/** Uncompressed content streams only, one per page, strings of Tj operators: enough for a hand-made test PDF. */
function crudePdf(bytes: Uint8Array): ExtractedText | undefined {
  const raw = Buffer.from(bytes).toString('latin1');
  const pages = [...raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)]
    .map((m) => [...m[1]!.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)].map((t) => t[1]!.replace(/\\(.)/g, '$1')).join('\n'))
    .filter((t) => t !== '');
  return pages.length ? { pages: pages.map((text, i) => ({ page: i + 1, text })) } : undefined;
}

export const extractText: Extractor = async (bytes, mediaType) => {
  if (mediaType === 'application/pdf') return crudePdf(bytes);
  if (!TEXT_TYPES.test(mediaType) && mediaType !== 'application/octet-stream') return undefined;
  try {
    return { pages: [{ page: null, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }] };
  } catch {
    return undefined;
  }
};

export async function chunkText(text: ExtractedText, options: ChunkOptions): Promise<TextChunk[]> {
  const out: TextChunk[] = [];
  const step = Math.max(1, options.maxTokens - Math.min(options.overlapTokens, options.maxTokens - 1));
  for (const { page, text: body } of text.pages) {
    const words = (options.stripWhitespace ? body.trim() : body).split(/\s+/).filter((w) => w !== '');
    for (let at = 0; at < words.length; at += step) {
      const slice = words.slice(at, at + options.maxTokens);
      out.push({ index: out.length, text: slice.join(' '), page, tokens: slice.length });
      if (at + options.maxTokens >= words.length) break;
    }
  }
  return out;
}

export function chunkId(docKey: string, index: number, text: string): string {
  const h = createHash('sha256').update(`${docKey}\u0000${index}\u0000${text}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function bucket(feature: string, dimension: number): [number, number] {
  const h = createHash('md5').update(feature).digest();
  return [h.readUInt32LE(0) % dimension, h[4]! & 1 ? 1 : -1];
}

export function createLocalEmbedder(dimension = 256): Embedder {
  return {
    id: `interim-hash-${dimension}`,
    dimension,
    async embed(texts) {
      return texts.map((text) => {
        const v = new Float32Array(dimension);
        for (const w of words(text)) {
          const [i, s] = bucket(`w:${w}`, dimension);
          v[i]! += s;
          const padded = `^${w}$`;
          for (let j = 0; j + 3 <= padded.length; j++) {
            const [k, t] = bucket(`g:${padded.slice(j, j + 3)}`, dimension);
            v[k]! += 0.5 * t;
          }
        }
        let norm = 0;
        for (const x of v) norm += x * x;
        norm = Math.sqrt(norm) || 1;
        for (let i = 0; i < dimension; i++) v[i]! /= norm;
        return v;
      });
    },
  };
}

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

export function createSearchIndex<D>(): SearchIndex<D> {
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
