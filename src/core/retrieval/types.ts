/**
 * The retrieval core's contracts: what a provider hands it and gets back. The
 * core knows no vendor: a provider extracts a document's text, cuts it into
 * chunks, embeds them and keeps them in an index per collection, then maps
 * its vendor's search request onto `SearchRequest` and renders the hits in
 * its vendor's shape.
 */

/** A document's text, page by page: `page` is 1-based where the format has pages (PDF), else null. */
export interface ExtractedText {
  pages: { page: number | null; text: string }[];
}

/**
 * Reads the text of a stored file by its media type (and file name, for a
 * generic or missing type); undefined for a type it cannot read (the file is
 * then stored but yields no chunks).
 */
export type Extractor = (bytes: Uint8Array, mediaType: string, filename: string) => Promise<ExtractedText | undefined>;

/** How text is cut into chunks: sizes in tokens of a real BPE encoding. */
export interface ChunkOptions {
  maxTokens: number;
  overlapTokens: number;
  /** A tiktoken encoding name: `o200k_base`, `cl100k_base`. */
  encoding: string;
  stripWhitespace: boolean;
}

export interface TextChunk {
  /** Position in the document, from 0. */
  index: number;
  text: string;
  /** The page the chunk starts on (null where the format has no pages). */
  page: number | null;
  /** Its length in tokens of the encoding. */
  tokens: number;
}

/**
 * Turns texts into unit-length vectors of one fixed dimension. The default is
 * local and deterministic; another may call a model server (and so can fail:
 * it rejects with a message fit to show as the document's error).
 */
export interface Embedder {
  /** Names the embedder and its settings: vectors of different ids never mix in one index. */
  readonly id: string;
  readonly dimension: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** A chunk as an index holds it. */
export interface IndexedChunk {
  /** Stable for the same content of the same document (and so across restarts and reloads). */
  id: string;
  text: string;
  page: number | null;
  vector: Float32Array;
}

export type RetrievalMode = 'keyword' | 'semantic' | 'hybrid';

/** Reciprocal rank fusion: score = Σ weight / (k + rank) over the keyword and the vector lists. */
export interface FusionOptions {
  k: number;
  keywordWeight: number;
  vectorWeight: number;
}

/** One search over one or several indexes (a vendor may search several collections at once). */
export interface SearchRequest<D> {
  query: string;
  /** The query's vector, from the same embedder as the chunks' (semantic and hybrid modes). */
  queryVector?: Float32Array;
  mode: RetrievalMode;
  limit: number;
  /** Keeps a document's chunks only when it holds for the document's data (the vendor's filter language, compiled); applied before ranking. */
  filter?: (doc: D) => boolean;
  /** Hybrid mode's fusion; defaults k 60, weights 0.5 and 0.5. */
  fusion?: FusionOptions;
}

export interface SearchHit<D> {
  /** The document's key in its index (the vendor's id). */
  docKey: string;
  /** What the provider stored with the document (its fields), as of now. */
  doc: D;
  chunk: IndexedChunk;
  /** Deterministic; sorted descending; ties broken by a stable key. */
  score: number;
}

/**
 * One collection's index. It follows the store: a provider upserts a
 * document's chunks when the document becomes searchable, replaces them when
 * it is processed again, updates its data when its fields change, and
 * removes it when it is deleted or leaves the searchable state, so a search
 * never returns a stale hit. It is derived data: never saved, rebuilt from
 * the stored documents on load.
 */
export interface SearchIndex<D> {
  /** Adds a document's chunks, or replaces all of them. */
  upsert(docKey: string, doc: D, chunks: readonly IndexedChunk[]): void;
  /** The document's data changed (e.g. its fields): filters and hits see it at once. */
  setDoc(docKey: string, doc: D): void;
  remove(docKey: string): void;
  has(docKey: string): boolean;
  /** The document's chunks as the index holds them (texts and vectors), in order; none when it is not held. */
  chunks(docKey: string): IndexedChunk[];
  readonly documentCount: number;
  readonly chunkCount: number;
}
