/**
 * xAI's side of retrieval: how a document's file becomes chunks in its
 * collection's index (extract → chunk with the collection's configuration →
 * embed), and the per-collection indexes themselves.
 *
 * The indexes are derived data: they sit beside the state (keyed by each
 * collection's table of documents, as the other derived tables of model.ts
 * are), are never saved, and are rebuilt from the stored documents when a
 * state is loaded. An index holds exactly the collection's PROCESSED
 * documents with chunks: a document goes in when it turns PROCESSED and out
 * when it is re-indexed, fails, or leaves the collection.
 */
import { createHash } from 'node:crypto';
import type { ChunkOptions, IndexedChunk } from '../../core/retrieval/types.js';
import { chunkId, chunkText } from '../../core/retrieval/chunk.js';
import { extractText } from '../../core/retrieval/extract.js';
import { collectionIndex, type CollectionIndex as CoreCollectionIndex } from '../../core/retrieval/holder.js';
import { createSearchIndex } from '../../core/retrieval/index.js';
import type { ChunkConfiguration, CollectionRecord, DocumentRecord, FileRecord, XaiState } from './model.js';

/** What an index keeps of a document: enough to filter and render a match. */
export interface SearchDoc {
  fileId: string;
  /** The collection whose index holds it (one file may be a document of several). */
  collectionId: string;
  fields: Record<string, string>;
}

export type CollectionIndex = CoreCollectionIndex<SearchDoc>;

/** The result of processing one document. */
export type Outcome = { ok: true; chunks: IndexedChunk[] } | { ok: false; message: string };

/** A collection's index, kept in the provider's memory (never saved) and made on first use. */
export function indexOf(state: XaiState, collection: CollectionRecord): CollectionIndex {
  return collectionIndex(state.memory.searchIndexes, collection.documents);
}

/** Puts a document's chunks in its collection's index, replacing any it had there; none takes it out. Throws when the index refuses them. */
export function putChunks(state: XaiState, collection: CollectionRecord, doc: DocumentRecord, chunks: readonly IndexedChunk[]): void {
  const ci = indexOf(state, collection);
  if (!chunks.length) {
    ci.index?.remove(doc.fileId);
    return;
  }
  ci.index ??= createSearchIndex<SearchDoc>({ dimension: chunks[0]!.vector.length });
  ci.index.upsert(doc.fileId, searchDoc(collection, doc), chunks);
}

export function searchDoc(collection: CollectionRecord, doc: DocumentRecord): SearchDoc {
  return { fileId: doc.fileId, collectionId: collection.id, fields: { ...doc.fields } };
}

/** Takes a document out of its collection's index (no-op when it is not there). */
export function unindex(state: XaiState, collection: CollectionRecord, fileId: string): void {
  state.memory.searchIndexes.get(collection.documents)?.index?.remove(fileId);
}

/** Forgets a collection's index (the collection is deleted). */
export function dropIndex(state: XaiState, collection: CollectionRecord): void {
  const indexes = state.memory.searchIndexes;
  const index = indexes.get(collection.documents)?.index;
  if (index) for (const doc of collection.documents.values()) index.remove(doc.fileId);
  indexes.delete(collection.documents);
}

/** The documents' fields changed in place: the index sees the new values at once. */
export function refreshFields(state: XaiState, collection: CollectionRecord): void {
  const index = state.memory.searchIndexes.get(collection.documents)?.index;
  if (!index) return;
  for (const doc of collection.documents.values()) if (index.has(doc.fileId)) index.setDoc(doc.fileId, searchDoc(collection, doc));
}

// ---- processing

const DEFAULT_TOKENS = { max: 1024, overlap: 200, encoding: 'o200k_base' };
/** A character or byte budget read as tokens, at the usual ~4 characters per token of English text. */
const CHARS_PER_TOKEN = 4;

/**
 * The chunker's options for a collection's configuration. The chunker counts
 * tokens; the character and byte strategies are converted at ~4 per token
 * (a stand-in for the vendor's own splitters).
 */
export function chunkOptions(config: ChunkConfiguration | null): ChunkOptions {
  // A collection saved without a configuration gets the mock's default (model.ts's DEFAULT_CHUNK_CONFIGURATION).
  if (config === null)
    return { maxTokens: DEFAULT_TOKENS.max, overlapTokens: DEFAULT_TOKENS.overlap, encoding: DEFAULT_TOKENS.encoding, stripWhitespace: true };
  const c = config as Record<string, Record<string, unknown> | boolean | undefined>;
  const strategy = (key: string): Record<string, unknown> | undefined => {
    const s = c[key];
    return s && typeof s === 'object' ? s : undefined;
  };
  const stripWhitespace = c.strip_whitespace === true;
  const num = (v: unknown, fallback: number): number => (v === undefined ? fallback : Number(v));
  const tokens =
    strategy('tokens_configuration') ??
    strategy('markdown_tokens_configuration') ??
    strategy('code_tokens_configuration') ??
    strategy('table_configuration') ??
    strategy('ast_configuration');
  if (tokens) {
    const max = num(tokens.max_chunk_size_tokens, DEFAULT_TOKENS.max);
    return {
      maxTokens: max,
      overlapTokens: Math.min(num(tokens.chunk_overlap_tokens, 0), max - 1),
      encoding: typeof tokens.encoding_name === 'string' && tokens.encoding_name !== '' ? tokens.encoding_name : DEFAULT_TOKENS.encoding,
      stripWhitespace,
    };
  }
  const chars = strategy('chars_configuration') ?? strategy('markdown_chars_configuration') ?? strategy('code_chars_configuration');
  const bytes = strategy('bytes_configuration');
  const [size, overlap] = chars
    ? [num(chars.max_chunk_size_chars, 4096), num(chars.chunk_overlap_chars, 0)]
    : bytes
      ? [num(bytes.max_chunk_size_bytes, 4096), num(bytes.chunk_overlap_bytes, 0)]
      : [DEFAULT_TOKENS.max * CHARS_PER_TOKEN, DEFAULT_TOKENS.overlap * CHARS_PER_TOKEN];
  const max = Math.max(1, Math.round(size / CHARS_PER_TOKEN));
  return { maxTokens: max, overlapTokens: Math.min(Math.round(overlap / CHARS_PER_TOKEN), max - 1), encoding: DEFAULT_TOKENS.encoding, stripWhitespace };
}

/** Types the vendor extracts text from; anything else must be UTF-8 text to index. */
const INDEXABLE_BINARY = [
  'application/pdf',
  'application/msword',
  'application/epub+zip',
  'application/vnd.openxmlformats-officedocument.',
  'application/vnd.oasis.opendocument.',
  'application/rtf',
];

function decodable(file: FileRecord): boolean {
  if (INDEXABLE_BINARY.some((p) => file.contentType.startsWith(p))) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(file.data);
    return true;
  } catch {
    return false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The vendor's chunk ids are UUIDs: a chunk id of another form is turned into one, the same every time. */
function asUuid(id: string): string {
  if (UUID.test(id)) return id;
  const h = createHash('sha256').update(id).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Reads, cuts and embeds a document's file under the collection's current
 * chunk configuration. Never rejects: a failure is an outcome with the
 * message the document shows.
 *
 * - Content that is neither UTF-8 text nor a document type the vendor
 *   extracts from fails (as the lifecycle always did).
 * - A type the extractor cannot read is processed with no chunks: stored,
 *   listed, never found.
 * - An extractor, chunker or embedder that throws fails the document with
 *   its message.
 */
export async function processDocument(state: XaiState, collection: CollectionRecord, file: FileRecord): Promise<Outcome> {
  if (!decodable(file)) return { ok: false, message: `Unsupported file: ${file.contentType} content could not be decoded as text.` };
  const options = chunkOptions(collection.chunkConfiguration);
  const { embedder } = state.env;
  try {
    let text;
    try {
      text = await extractText(file.data, file.contentType, file.filename);
    } catch (err) {
      return { ok: false, message: `Could not read ${file.filename}: ${messageOf(err)}` };
    }
    if (!text) return { ok: true, chunks: [] };
    const pieces = await chunkText(text, options);
    if (!pieces.length) return { ok: true, chunks: [] };
    const vectors = await embedder.embed(pieces.map((p) => p.text));
    if (vectors.length !== pieces.length) return { ok: false, message: `The embedder returned ${vectors.length} vectors for ${pieces.length} chunks.` };
    // page_number is 0 for single-page documents: a page is kept only where the document has several.
    const pages = new Set(text.pages.map((p) => p.page).filter((p) => p !== null));
    const paged = pages.size > 1;
    return {
      ok: true,
      chunks: pieces.map((p, i) => ({ id: asUuid(chunkId(file.id, p.index, p.text)), text: p.text, page: paged ? p.page : null, vector: vectors[i]! })),
    };
  } catch (err) {
    return { ok: false, message: messageOf(err) };
  }
}
