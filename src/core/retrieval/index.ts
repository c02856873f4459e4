/**
 * The search engine every provider's search endpoint shares: one index per
 * collection (`createSearchIndex`), and `search` over one index or several.
 *
 * Keyword mode is Okapi BM25 (k1 1.2, b 0.75, Lucene's idf) over the
 * analyzer's terms (tokenize.ts); semantic mode is the cosine of unit vectors
 * (their dot product), by an exact scan; hybrid mode fuses the two rankings
 * by reciprocal rank fusion (fusion.ts). docs/search-engine.md says why it is
 * built this way and what it measures.
 *
 * An index follows the store synchronously: once `upsert`, `setDoc` or
 * `remove` returns, every search sees the change, and the statistics BM25
 * reads (chunks, lengths, document frequencies) count only what is there.
 */
import { DEFAULT_FUSION, checkFusion, reciprocalRankFusion } from './fusion.js';
import { Postings } from './postings.js';
import { TopK } from './topk.js';
import { analyze as defaultAnalyzer, type Analyzer } from './tokenize.js';
import type { IndexedChunk, SearchHit, SearchIndex, SearchRequest } from './types.js';
import { Vectors } from './vectors.js';

export type { Analyzer } from './tokenize.js';
export { analyze, createAnalyzer, ENGLISH_STOP_WORDS } from './tokenize.js';
export { DEFAULT_FUSION } from './fusion.js';

/** The vector dimension an index takes unless told otherwise: the local embedder's. */
export const DEFAULT_DIMENSION = 256;
/** BM25's term-frequency saturation and length normalisation (Lucene's and Elasticsearch's defaults). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/**
 * Hybrid mode fuses the best `max(limit, FUSION_WINDOW)` of each list: deep
 * enough that a chunk ranked well by one list and modestly by the other gets
 * both contributions, shallow enough that fusing costs nothing next to
 * ranking.
 */
export const FUSION_WINDOW = 100;

export interface SearchIndexOptions {
  /** Every chunk's vector has this length (default 256); a search's query vector too. */
  dimension?: number;
  /** Text to terms, for the chunks and the query (default: `analyze`, English stop words and stemming). Indexes searched together share one. */
  analyzer?: Analyzer;
}

interface DocRecord<D> {
  key: string;
  data: D;
  /** The document's chunks' ordinals, in chunk order. */
  ordinals: number[];
  /** The search that last asked the filter about this document, and its answer. */
  filterMark: number;
  filterOk: boolean;
}

/** Compaction runs once this many chunks are removed and they make up a third of all ordinals. */
const COMPACT_MIN_DEAD = 1024;

let searchCounter = 0;

class CollectionIndex<D> implements SearchIndex<D> {
  readonly dimension: number;
  readonly analyzer: Analyzer;
  private readonly docs = new Map<string, DocRecord<D>>();
  postings = new Postings();
  vectors: Vectors;

  // Per chunk, by ordinal (the order chunks were added; not reused until compaction).
  owner: (DocRecord<D> | undefined)[] = [];
  position = new Int32Array(1024);
  /** Its number of terms (BM25's document length). */
  length = new Int32Array(1024);
  /** 1 while the chunk is in the index: what the vector scan reads. */
  alive = new Uint8Array(1024);
  private ids: string[] = [];
  private texts: string[] = [];
  private pages: (number | null)[] = [];

  /** Live chunks and the sum of their lengths: BM25's N and, divided, its average length. */
  liveChunks = 0;
  totalLength = 0;
  private dead = 0;

  /** Scratch for keyword scoring: a score per ordinal, and which ordinals the current search touched. */
  scores = new Float64Array(0);
  touched = new Int32Array(0);

  constructor(options: SearchIndexOptions) {
    const dimension = options.dimension ?? DEFAULT_DIMENSION;
    if (!Number.isInteger(dimension) || dimension < 1) throw new RangeError(`dimension must be a whole number ≥ 1, not ${dimension}`);
    this.dimension = dimension;
    this.analyzer = options.analyzer ?? defaultAnalyzer;
    this.vectors = new Vectors(dimension);
  }

  get documentCount(): number {
    return this.docs.size;
  }

  get chunkCount(): number {
    return this.liveChunks;
  }

  has(docKey: string): boolean {
    return this.docs.has(docKey);
  }

  chunks(docKey: string): IndexedChunk[] {
    // Copies: a caller holding a chunk never sees a later upsert or compaction change it.
    return (this.docs.get(docKey)?.ordinals ?? []).map((o) => ({
      id: this.ids[o]!,
      text: this.texts[o]!,
      page: this.pages[o]!,
      vector: Float32Array.from(this.vectors.row(o)),
    }));
  }

  upsert(docKey: string, doc: D, chunks: readonly IndexedChunk[]): void {
    // Checked first, so that a bad chunk changes nothing.
    for (const chunk of chunks) {
      if (!(chunk.vector instanceof Float32Array) || chunk.vector.length !== this.dimension) {
        throw new RangeError(`chunk ${chunk.id} of ${docKey}: a vector of ${this.dimension} float32 values is expected, not ${describe(chunk.vector)}`);
      }
    }
    const existing = this.docs.get(docKey);
    if (existing) this.dropChunks(existing);
    const record: DocRecord<D> = existing ?? { key: docKey, data: doc, ordinals: [], filterMark: 0, filterOk: false };
    record.data = doc;
    record.ordinals = [];
    this.docs.set(docKey, record);
    chunks.forEach((chunk, i) => record.ordinals.push(this.addChunk(record, i, chunk)));
    this.maybeCompact();
  }

  setDoc(docKey: string, doc: D): void {
    const record = this.docs.get(docKey);
    if (record) record.data = doc;
  }

  remove(docKey: string): void {
    const record = this.docs.get(docKey);
    if (!record) return;
    this.dropChunks(record);
    this.docs.delete(docKey);
    this.maybeCompact();
  }

  /** The hit for a chunk, with its document's data as it is now. */
  hit(ordinal: number, score: number): SearchHit<D> {
    const record = this.owner[ordinal]!;
    const chunk: IndexedChunk = { id: this.ids[ordinal]!, text: this.texts[ordinal]!, page: this.pages[ordinal]!, vector: this.vectors.row(ordinal) };
    return { docKey: record.key, doc: record.data, chunk, score };
  }

  /** Bytes of the typed arrays behind the index (for the benchmark's breakdown). */
  get typedBytes(): number {
    return this.postings.bytes + this.vectors.bytes + this.position.byteLength + this.length.byteLength + this.alive.byteLength;
  }

  private addChunk(record: DocRecord<D>, position: number, chunk: IndexedChunk): number {
    const ordinal = this.owner.length;
    if (ordinal >= this.position.length) {
      this.position = grow(this.position);
      this.length = grow(this.length);
      const alive = new Uint8Array(this.position.length);
      alive.set(this.alive);
      this.alive = alive;
    }
    const terms = this.analyzer(chunk.text);
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    this.postings.add(ordinal, counts);
    this.vectors.push(chunk.vector);
    this.owner.push(record);
    this.position[ordinal] = position;
    this.length[ordinal] = terms.length;
    this.alive[ordinal] = 1;
    this.ids.push(chunk.id);
    this.texts.push(chunk.text);
    this.pages.push(chunk.page);
    this.liveChunks++;
    this.totalLength += terms.length;
    return ordinal;
  }

  private dropChunks(record: DocRecord<D>): void {
    for (const ordinal of record.ordinals) {
      // The chunk's terms are found again from its text rather than kept: removal is rare, memory is not.
      this.postings.removed(new Set(this.analyzer(this.texts[ordinal]!)));
      this.owner[ordinal] = undefined;
      this.alive[ordinal] = 0;
      this.liveChunks--;
      this.totalLength -= this.length[ordinal]!;
      this.dead++;
    }
    record.ordinals = [];
  }

  private maybeCompact(): void {
    if (this.liveChunks === 0 && this.owner.length > 0) {
      this.reset();
      return;
    }
    if (this.dead < COMPACT_MIN_DEAD || this.dead * 3 < this.owner.length) return;
    const total = this.owner.length;
    const remap = new Int32Array(total);
    let next = 0;
    for (let o = 0; o < total; o++) remap[o] = this.owner[o] ? next++ : -1;
    this.postings.compact(remap);
    this.vectors.compact(remap);
    const keep = <T>(a: T[]) => a.filter((_, o) => remap[o]! >= 0);
    const position = new Int32Array(Math.max(1024, next));
    const length = new Int32Array(position.length);
    const alive = new Uint8Array(position.length);
    for (let o = 0; o < total; o++) {
      const n = remap[o]!;
      if (n < 0) continue;
      position[n] = this.position[o]!;
      length[n] = this.length[o]!;
      alive[n] = 1;
    }
    this.position = position;
    this.length = length;
    this.alive = alive;
    this.owner = keep(this.owner);
    this.ids = keep(this.ids);
    this.texts = keep(this.texts);
    this.pages = keep(this.pages);
    for (const record of this.docs.values()) record.ordinals = record.ordinals.map((o) => remap[o]!);
    this.dead = 0;
    this.scores = new Float64Array(0);
    this.touched = new Int32Array(0);
  }

  /** Every document is gone (the documents with no chunks stay): start afresh. */
  private reset(): void {
    this.postings = new Postings();
    this.vectors = new Vectors(this.dimension);
    this.owner = [];
    this.position = new Int32Array(1024);
    this.length = new Int32Array(1024);
    this.alive = new Uint8Array(1024);
    this.ids = [];
    this.texts = [];
    this.pages = [];
    this.liveChunks = 0;
    this.totalLength = 0;
    this.dead = 0;
    this.scores = new Float64Array(0);
    this.touched = new Int32Array(0);
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function describe(v: unknown): string {
  if (v instanceof Float32Array) return `${v.length} values`;
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  return typeof v;
}

/** A collection's index: empty, for vectors of `options.dimension` (default 256). */
export function createSearchIndex<D>(options: SearchIndexOptions = {}): SearchIndex<D> {
  return new CollectionIndex<D>(options);
}

/** A ranked chunk before it becomes a hit: which index (by its place in the list searched) and which ordinal. */
interface Ref<D> {
  at: number;
  index: CollectionIndex<D>;
  ordinal: number;
}

/** The tie-break: the document's key, then the chunk's place in its document, then the index's place in the list searched. */
function before<D>(a: Ref<D>, b: Ref<D>): boolean {
  const ka = a.index.owner[a.ordinal]!.key;
  const kb = b.index.owner[b.ordinal]!.key;
  if (ka !== kb) return ka < kb;
  const pa = a.index.position[a.ordinal]!;
  const pb = b.index.position[b.ordinal]!;
  if (pa !== pb) return pa < pb;
  return a.at < b.at;
}

/**
 * Searches one index or several as one collection: the best `request.limit`
 * chunks, best first, their scores comparable across the indexes. Keyword
 * statistics (the number of chunks, their average length, each term's
 * document frequency) are those of all the indexes together, so a chunk
 * scores the same whichever of them holds it. The filter is asked once per
 * document and a document it refuses takes no place in any ranking.
 *
 * Throws a RangeError for a request it cannot serve: a semantic or hybrid
 * search without a query vector of the indexes' dimension, indexes of
 * different dimensions or analyzers, or bad fusion options.
 */
export function search<D>(indexes: readonly SearchIndex<D>[], request: SearchRequest<D>): SearchHit<D>[] {
  const list: CollectionIndex<D>[] = [];
  for (const index of indexes) {
    if (!(index instanceof CollectionIndex)) throw new TypeError('search takes indexes made by createSearchIndex');
    // The same index twice is searched once.
    if (!list.includes(index)) list.push(index as CollectionIndex<D>);
  }
  const mode = request.mode;
  if (mode !== 'keyword' && mode !== 'semantic' && mode !== 'hybrid') throw new RangeError(`unknown search mode ${String(mode)}`);
  const limit = Math.floor(request.limit);
  if (!(limit >= 0)) throw new RangeError(`limit must be a number ≥ 0, not ${request.limit}`);
  const fusion = request.fusion ?? DEFAULT_FUSION;
  if (mode === 'hybrid') checkFusion(fusion);
  if (list.length > 1) {
    const [first, ...rest] = list;
    if (rest.some((i) => i.dimension !== first!.dimension)) throw new RangeError('the indexes searched together have different vector dimensions');
    if (rest.some((i) => i.analyzer !== first!.analyzer)) throw new RangeError('the indexes searched together have different analyzers');
  }
  if (mode !== 'keyword') {
    const v = request.queryVector;
    const dimension = list[0]?.dimension ?? v?.length;
    if (!(v instanceof Float32Array) || v.length !== dimension) {
      throw new RangeError(
        `${mode} search needs a queryVector of ${dimension ?? 'the indexes’'} float32 values, not ${v === undefined ? 'none' : describe(v)}`,
      );
    }
  }
  if (limit === 0 || list.length === 0) return [];

  const mark = ++searchCounter;
  const filter = request.filter;
  const allowed = (record: DocRecord<D>): boolean => {
    if (!filter) return true;
    if (record.filterMark !== mark) {
      record.filterMark = mark;
      record.filterOk = Boolean(filter(record.data));
    }
    return record.filterOk;
  };

  if (mode === 'keyword') return toHits(keywordRanking(list, request.query, limit, allowed));
  const filtered = filter ? allowed : undefined;
  if (mode === 'semantic') return toHits(vectorRanking(list, request.queryVector!, limit, filtered));

  const window = Math.max(limit, FUSION_WINDOW);
  const keyword = keywordRanking(list, request.query, window, allowed).map((r) => r.ref);
  const vector = vectorRanking(list, request.queryVector!, window, filtered).map((r) => r.ref);
  // Refs are fresh objects per list: fuse on a key naming the chunk.
  const refs = new Map<string, Ref<D>>();
  const keyOf = (r: Ref<D>) => {
    const key = `${r.at}:${r.ordinal}`;
    refs.set(key, r);
    return key;
  };
  const fused = reciprocalRankFusion([keyword.map(keyOf), vector.map(keyOf)], [fusion.keywordWeight, fusion.vectorWeight], fusion.k);
  const top = new TopK<Ref<D>>(limit, before);
  for (const [key, score] of fused) top.push(refs.get(key)!, score);
  return toHits(top.sorted().map(({ item, score }) => ({ ref: item, score })));
}

function toHits<D>(ranked: { ref: Ref<D>; score: number }[]): SearchHit<D>[] {
  return ranked.map(({ ref, score }) => ref.index.hit(ref.ordinal, score));
}

/** BM25 over all the indexes' live chunks, the best `limit` with a score above 0. */
function keywordRanking<D>(list: CollectionIndex<D>[], query: string, limit: number, allowed: (r: DocRecord<D>) => boolean): { ref: Ref<D>; score: number }[] {
  // Each distinct term once, in a fixed order: a chunk's score is then summed in the same order in any index state.
  const terms = [...new Set(list[0]!.analyzer(query))].sort();
  if (terms.length === 0) return [];
  let n = 0;
  let totalLength = 0;
  for (const index of list) {
    n += index.liveChunks;
    totalLength += index.totalLength;
  }
  if (n === 0) return [];
  const avgLength = totalLength / n || 1;
  const idf = terms.map((term) => {
    let df = 0;
    for (const index of list) {
      const id = index.postings.id(term);
      if (id >= 0) df += index.postings.df[id]!;
    }
    return df > 0 ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0;
  });

  const top = new TopK<Ref<D>>(limit, before);
  list.forEach((index, at) => {
    const size = index.owner.length;
    if (index.scores.length < size) {
      index.scores = new Float64Array(Math.max(size, index.scores.length * 2));
      index.touched = new Int32Array(index.scores.length);
    }
    const scores = index.scores;
    const touched = index.touched;
    const owner = index.owner;
    const lengths = index.length;
    let count = 0;
    terms.forEach((term, t) => {
      const weight = idf[t]!;
      const id = index.postings.id(term);
      if (weight === 0 || id < 0) return;
      index.postings.blocks(id, (ordinals, freqs, start, end) => {
        for (let i = start; i < end; i++) {
          const o = ordinals[i]!;
          const record = owner[o];
          if (record === undefined || !allowed(record)) continue;
          const tf = freqs[i]!;
          const s = scores[o]!;
          if (s === 0) touched[count++] = o;
          scores[o] = s + (weight * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * lengths[o]!) / avgLength));
        }
      });
    });
    for (let i = 0; i < count; i++) {
      const o = touched[i]!;
      const score = scores[o]!;
      scores[o] = 0;
      if (top.admits(score)) top.push({ at, index, ordinal: o }, score);
    }
  });
  return top.sorted().map(({ item, score }) => ({ ref: item, score }));
}

/** Cosine (dot product of unit vectors) over all the indexes' live chunks, the best `limit`. */
function vectorRanking<D>(
  list: CollectionIndex<D>[],
  query: Float32Array,
  limit: number,
  filter: ((r: DocRecord<D>) => boolean) | undefined,
): { ref: Ref<D>; score: number }[] {
  const top = new TopK<Ref<D>>(limit, before);
  list.forEach((index, at) => {
    let include = index.alive;
    if (filter) {
      // The filter's answer per chunk, from one call per document.
      include = new Uint8Array(index.owner.length);
      index.owner.forEach((record, o) => {
        if (record !== undefined && filter(record)) include[o] = 1;
      });
    }
    index.vectors.scan(query, include, (o, dot) => {
      top.push({ at, index, ordinal: o }, dot);
      return top.floor;
    });
  });
  return top.sorted().map(({ item, score }) => ({ ref: item, score }));
}
