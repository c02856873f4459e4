/**
 * xAI records, per-team state and the document indexing lifecycle.
 * Records hold plain data; `render*` turns them into the wire shapes.
 */
import { createHash } from 'node:crypto';
import type { components } from '../../generated/xai.js';
import { rfc3339Micros, type Scheduled } from '../../core/clock.js';
import { Table } from '../../core/store.js';
import { MockError } from '../../core/errors.js';
import type { ProviderEnv } from '../../core/provider.js';
import type { JsonText } from '../../core/json-text.js';
import { dropIndex, indexOf, processDocument, putChunks, unindex, type Outcome } from './retrieval.js';
import { createXaiMemory, type XaiMemory } from './memory.js';
import { microsToSeconds, secondsToMicros, type EpochMicros, type EpochSeconds } from '../../core/time.js';

type Schemas = components['schemas'];
export type CollectionMetadata = Schemas['CollectionMetadata'];
export type DocumentMetadata = Schemas['DocumentMetadata'];
export type ChunkConfiguration = Schemas['ChunkConfiguration'];
export type FieldDefinition = Schemas['FieldDefinition'];
export type DocumentStatus = Schemas['DocumentStatus'];
export type FileObject = Schemas['File'];

export interface FileRecord {
  id: string;
  filename: string;
  data: Buffer;
  contentType: string;
  createdAt: EpochMicros;
  /** Null when the file never expires. */
  expiresAt: EpochSeconds | null;
  hash: string;
  expiry?: Scheduled;
}

export interface DocumentRecord {
  fileId: string;
  fields: Record<string, string>;
  status: DocumentStatus;
  errorMessage: string;
  lastIndexedAt: EpochMicros | null;
  chunkCount?: number | undefined;
  chunksProcessed?: number | undefined;
  /** The pending indexing step, while there is one. */
  job?: Scheduled | undefined;
}

export interface CollectionRecord {
  id: string;
  name: string;
  createdAt: EpochMicros;
  modelName: string;
  chunkConfiguration: ChunkConfiguration | null;
  fieldDefinitions: FieldDefinition[];
  description?: string;
  documents: Table<DocumentRecord>;
}

/** Sort keys of files that were deleted, so a files-list token naming one still resumes in place. */
export interface FileTombstone {
  createdAt: EpochMicros;
  filename: string;
  bytes: number;
}

export interface XaiState {
  collections: Table<CollectionRecord>;
  files: Table<FileRecord>;
  tombstones: Map<string, FileTombstone>;
  env: ProviderEnv;
  /** Derived data and storage, never saved (non-enumerable): the provider's, shared by its tenants and no one else. */
  readonly memory: XaiMemory;
}

/** A fresh team state; `memory` is the provider's (a state made alone gets one of its own). */
export function createXaiState(env: ProviderEnv, memory: XaiMemory = createXaiMemory()): XaiState {
  const state = {
    collections: new Table<CollectionRecord>('id'),
    files: new Table<FileRecord>('id'),
    tombstones: new Map(),
    env,
  };
  Object.defineProperty(state, 'memory', { value: memory, enumerable: false });
  return state as XaiState;
}

export const DEFAULT_MODEL = 'grok-embedding-small';

/** The mock's default when create omits chunk_configuration (the docs' example values; the vendor's default is undocumented). */
export const DEFAULT_CHUNK_CONFIGURATION: ChunkConfiguration = {
  tokens_configuration: { max_chunk_size_tokens: 1024, chunk_overlap_tokens: 200, encoding_name: 'o200k_base' },
  strip_whitespace: true,
  inject_name_into_chunks: false,
};

/** What a collection created without chunk_configuration holds: one shared value, never changed in place (an update replaces it). */
export function defaultChunkConfiguration(): ChunkConfiguration {
  return (normalisedDefault ??= deepFreeze(normaliseChunkConfiguration(DEFAULT_CHUNK_CONFIGURATION)));
}
let normalisedDefault: ChunkConfiguration | undefined;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') for (const v of Object.values(Object.freeze(value))) deepFreeze(v);
  return value;
}

const STRATEGY_KEYS = [
  'chars_configuration',
  'tokens_configuration',
  'bytes_configuration',
  'markdown_tokens_configuration',
  'markdown_chars_configuration',
  'code_tokens_configuration',
  'code_chars_configuration',
  'table_configuration',
  'ast_configuration',
] as const;

/** The spec checks the number form's int32 range; the numeric-string form (protojson) is checked here. */
function toInt(key: string, v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isSafeInteger(n) || n < -2147483648 || n > 2147483647) {
    throw new MockError('validation', `chunk_configuration: ${key} must be a 32-bit integer.`);
  }
  return n;
}

/** Normalises a validated chunk configuration to its output form: numbers as numbers, flags always present. */
export function normaliseChunkConfiguration(input: ChunkConfiguration): ChunkConfiguration {
  const out: Record<string, unknown> = {};
  for (const key of STRATEGY_KEYS) {
    const strategy = input[key] as Record<string, unknown> | undefined;
    if (!strategy) continue;
    const norm: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(strategy)) {
      // Unknown request fields are ignored, not echoed (as NaN → null).
      if (k === 'encoding_name') norm[k] = v;
      else if (k.startsWith('max_chunk_size_') || k.startsWith('chunk_overlap_')) norm[k] = toInt(k, v);
    }
    // proto3 scalars are always emitted: overlaps default to 0.
    for (const k of Object.keys(strategy).length ? overlapKeys(key) : []) if (!(k in norm)) norm[k] = 0;
    out[key] = norm;
  }
  out.strip_whitespace = input.strip_whitespace ?? false;
  out.inject_name_into_chunks = input.inject_name_into_chunks ?? false;
  return out as ChunkConfiguration;
}

function overlapKeys(strategy: (typeof STRATEGY_KEYS)[number]): string[] {
  if (strategy.includes('tokens')) return ['chunk_overlap_tokens'];
  if (strategy.includes('chars')) return ['chunk_overlap_chars'];
  if (strategy === 'bytes_configuration') return ['chunk_overlap_bytes'];
  return [];
}

export function normaliseFieldDefinition(def: FieldDefinition): FieldDefinition {
  return {
    key: def.key,
    required: def.required ?? false,
    inject_into_chunk: def.inject_into_chunk ?? false,
    unique: def.unique ?? false,
    ...(def.description !== undefined ? { description: def.description } : {}),
  };
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

const EXTENSION_TYPES: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  xml: 'application/xml',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  epub: 'application/epub+zip',
  py: 'text/x-python',
  js: 'text/javascript',
  ts: 'text/plain',
};

/** The part's Content-Type, or a guess from the file extension when the client sent only octet-stream. */
export function contentTypeFor(filename: string, partType: string | undefined): string {
  const t = (partType ?? '').toLowerCase();
  if (t && t !== 'application/octet-stream') return t;
  const ext = filename.includes('.') ? filename.slice(filename.lastIndexOf('.') + 1).toLowerCase() : '';
  return EXTENSION_TYPES[ext] ?? 'application/octet-stream';
}

export function isTextLike(contentType: string): boolean {
  return contentType.startsWith('text/') || /^application\/([a-z.+-]*\+)?(json|xml|javascript|x-yaml|yaml)$/.test(contentType);
}

/** Unsafe characters for a filename that will be echoed in Content-Disposition. */
// eslint-disable-next-line no-control-regex
const BAD_FILENAME = /[\u0000-\u001f\u007f\u0085\u2028\u2029";\\]/;

export function filenameProblem(name: string): string | undefined {
  if (name.length === 0) return 'The file name must not be empty.';
  if ([...name].length > 255) return 'The file name must be at most 255 characters.';
  if (BAD_FILENAME.test(name)) return 'The file name contains a forbidden character (control characters, quotes, semicolons and backslashes are not allowed).';
  return undefined;
}

// ---- lifecycle

/**
 * Starts (or restarts) indexing: PROCESSING now; when processingMs has passed
 * on the mock's clock, the document's text is extracted, chunked and
 * embedded, and it turns PROCESSED (or FAILED) as soon as that is done. The
 * document enters its collection's index in the same step as it turns
 * PROCESSED, and leaves it at once here, so a search never sees it half-done
 * or stale. Where the request waits for the work (`workBeforeReply`), the work
 * is done ahead and the step only applies it. Resolves when work started here
 * is done.
 */
export function startIndexing(state: XaiState, collection: CollectionRecord, doc: DocumentRecord): Promise<void> {
  const { clock, processingMs } = state.env;
  if (doc.job !== undefined) {
    doc.job.cancel();
    doc.job = undefined;
  }
  unindex(state, collection, doc.fileId);
  doc.status = 'DOCUMENT_STATUS_PROCESSING';
  doc.errorMessage = '';
  doc.chunksProcessed = 0;
  doc.chunkCount = undefined;
  const file = state.files.get(doc.fileId);
  if (!file) return Promise.resolve();
  let live = true;
  let due = false;
  let outcome: Outcome | undefined;
  const settle = (): void => {
    if (!live || !due || outcome === undefined) return;
    live = false;
    if (doc.job === handle) doc.job = undefined;
    if (collection.documents.get(doc.fileId) !== doc || !state.files.has(doc.fileId)) return;
    const result = outcome;
    collection.documents.update(doc.fileId, (d) => applyOutcome(state, collection, d, result));
  };
  let work: Promise<void> | undefined;
  const run = (): Promise<void> =>
    processDocument(state, collection, file).then((o) => {
      outcome = o;
      settle();
    });
  const timer = clock.schedule(processingMs, () => {
    due = true;
    work ??= run();
    settle();
  });
  // One handle for the step on the clock and the work under way: cancelling it drops both.
  const handle: Scheduled = {
    cancel() {
      live = false;
      timer.cancel();
    },
  };
  doc.job = handle;
  if (workBeforeReply(state)) work ??= run();
  return work ?? Promise.resolve();
}

/**
 * Whether a request that starts indexing answers only once the work is done.
 * The work takes no time of the mock's clock, but may take real time (a PDF,
 * a model server, the tokenizer's tables on first use). With
 * `--processing-ms 0` the lifecycle completes before the reply, as that flag
 * promises; on a manual clock, time moves only when told, so the work is done
 * before the reply and advancing the clock then gives the final status at
 * once. Otherwise the work starts when the step falls due (so start-up, whose
 * demo documents are indexed a second later, does not pay for it).
 */
export function workBeforeReply(state: XaiState): boolean {
  return state.env.processingMs <= 0 || state.env.clock.mode === 'manual';
}

function applyOutcome(state: XaiState, collection: CollectionRecord, d: DocumentRecord, outcome: Outcome): void {
  const fail = (message: string): void => {
    d.status = 'DOCUMENT_STATUS_FAILED';
    d.errorMessage = message;
    unindex(state, collection, d.fileId);
  };
  if (!outcome.ok) return fail(outcome.message);
  try {
    putChunks(state, collection, d, outcome.chunks);
  } catch (err) {
    // An index that refuses the chunks (vectors of another dimension, say) fails the document, never the server.
    return fail(err instanceof Error ? err.message : String(err));
  }
  d.status = 'DOCUMENT_STATUS_PROCESSED';
  d.errorMessage = '';
  d.chunkCount = outcome.chunks.length;
  d.chunksProcessed = outcome.chunks.length;
  d.lastIndexedAt = state.env.clock.nowMicros();
}

/**
 * A document loaded as PROCESSED (--persist, a state import) is put back in
 * its collection's index from its stored file; until that is done, a search
 * of the collection waits. Should its file no longer process (an embedder
 * that fails now), it turns FAILED with the message, so the index and the
 * store never disagree.
 */
export function rebuildIndex(state: XaiState, collection: CollectionRecord, doc: DocumentRecord): void {
  const file = state.files.get(doc.fileId);
  if (!file) return;
  let live = true;
  const handle: Scheduled = {
    cancel() {
      live = false;
    },
  };
  doc.job = handle;
  const ci = indexOf(state, collection);
  const done = processDocument(state, collection, file).then((outcome) => {
    if (!live) return;
    live = false;
    if (doc.job === handle) doc.job = undefined;
    if (collection.documents.get(doc.fileId) !== doc) return;
    collection.documents.update(doc.fileId, (d) => {
      const fail = (message: string): void => {
        d.status = 'DOCUMENT_STATUS_FAILED';
        d.errorMessage = message;
      };
      if (!outcome.ok) return fail(outcome.message);
      try {
        putChunks(state, collection, d, outcome.chunks);
      } catch (err) {
        return fail(err instanceof Error ? err.message : String(err));
      }
      d.chunkCount = outcome.chunks.length;
      d.chunksProcessed = outcome.chunks.length;
    });
  });
  ci.rebuilding.add(done);
  void done.then(() => ci.rebuilding.delete(done));
}

/** A new document record, every field present from the start (one object shape, no later growth). */
export function newDocument(fileId: string, fields: Record<string, string>): DocumentRecord {
  return {
    fileId,
    fields,
    status: 'DOCUMENT_STATUS_PROCESSING',
    errorMessage: '',
    lastIndexedAt: null,
    // In the order the lifecycle used to add them, so saved state reads the same.
    chunksProcessed: undefined,
    chunkCount: undefined,
    job: undefined,
  };
}

function fileBytes(state: XaiState, fileId: string): number | undefined {
  return state.files.get(fileId)?.data.length;
}

/*
 * Field indexes (memory.fieldIndexes) count how many documents carry each value
 * of a field, for the fields whose uniqueness has been checked: an upload checks
 * its `unique` fields without reading every document. Built per field on first
 * use, kept as documents come and go, dropped when documents' fields change
 * otherwise (see forgetFieldIndexes).
 */

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Whether another document of the collection has `value` in field `key`. */
export function fieldValueTaken(state: XaiState, collection: CollectionRecord, key: string, value: string): boolean {
  const { fieldIndexes } = state.memory;
  const docs = collection.documents;
  let index = fieldIndexes.get(docs);
  if (!index || index.count !== docs.size) {
    index = { count: docs.size, byField: new Map() };
    fieldIndexes.set(docs, index);
  }
  let counts = index.byField.get(key);
  if (!counts) {
    counts = new Map();
    for (const d of docs.values()) {
      if (!hasOwn(d.fields, key)) continue;
      const v = d.fields[key]!;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    index.byField.set(key, counts);
  }
  return counts.has(value);
}

function indexFields(state: XaiState, collection: CollectionRecord, doc: DocumentRecord, delta: 1 | -1): void {
  const { fieldIndexes } = state.memory;
  const index = fieldIndexes.get(collection.documents);
  if (!index) return;
  if (index.count + delta !== collection.documents.size) {
    fieldIndexes.delete(collection.documents);
    return;
  }
  index.count += delta;
  for (const [key, counts] of index.byField) {
    if (!hasOwn(doc.fields, key)) continue;
    const v = doc.fields[key]!;
    const n = (counts.get(v) ?? 0) + delta;
    if (n > 0) counts.set(v, n);
    else counts.delete(v);
  }
}

/** Call after changing documents' fields in place. */
export function forgetFieldIndexes(state: XaiState, collection: CollectionRecord): void {
  state.memory.fieldIndexes.delete(collection.documents);
}

/** Adds a document to a collection. */
export function addDocument(state: XaiState, collection: CollectionRecord, doc: DocumentRecord): void {
  collection.documents.insert(doc);
  indexFields(state, collection, doc, 1);
  const { totals } = state.memory;
  const t = totals.get(collection.documents);
  const bytes = fileBytes(state, doc.fileId);
  if (t && bytes !== undefined && t.count + 1 === collection.documents.size) {
    t.count++;
    t.bytes += bytes;
  } else totals.delete(collection.documents);
}

/** Removes a document from a collection, stopping its indexing. */
export function removeDocument(state: XaiState, collection: CollectionRecord, fileId: string): boolean {
  const doc = collection.documents.delete(fileId);
  if (doc === undefined) return false;
  if (doc.job !== undefined) {
    doc.job.cancel();
    doc.job = undefined;
  }
  unindex(state, collection, fileId);
  indexFields(state, collection, doc, -1);
  const { totals } = state.memory;
  const t = totals.get(collection.documents);
  const bytes = fileBytes(state, fileId);
  if (t && bytes !== undefined && t.count - 1 === collection.documents.size) {
    t.count--;
    t.bytes -= bytes;
  } else totals.delete(collection.documents);
  return true;
}

export function deleteCollection(state: XaiState, id: string): boolean {
  const c = state.collections.delete(id);
  if (!c) return false;
  for (const doc of c.documents.values()) doc.job?.cancel();
  dropIndex(state, c);
  c.documents.clear();
  state.memory.totals.delete(c.documents);
  state.memory.fieldIndexes.delete(c.documents);
  return true;
}

/** Deletes the file once its advertised expires_at (whole seconds) is reached, not up to a second after it. */
export function scheduleExpiry(state: XaiState, file: FileRecord): void {
  if (file.expiresAt === null) return;
  const { clock } = state.env;
  const id = file.id;
  file.expiry?.cancel();
  file.expiry = clock.schedule(Math.ceil((secondsToMicros(file.expiresAt) - clock.nowMicros()) / 1000), () => deleteFile(state, id));
}

/** Deletes a file (explicitly or on expiry): it leaves every collection too. */
export function deleteFile(state: XaiState, id: string): boolean {
  const file = state.files.get(id);
  if (!file) return false;
  // Out of the collections first, while the file (which documents sort by) is still there.
  for (const c of state.collections.values()) {
    if (c.documents.has(id)) state.collections.update(c.id, (col) => removeDocument(state, col, id));
  }
  state.files.delete(id);
  file.expiry?.cancel();
  state.tombstones.set(id, { createdAt: file.createdAt, filename: file.filename, bytes: file.data.length });
  return true;
}

// ---- compact storage

/**
 * Small file contents are copied into shared slabs: an upload's bytes arrive in a
 * Buffer cut from Node's 8 KB pool, and keeping it would keep the whole pool slab
 * (and the request's other garbage in it) alive for as long as the file lives.
 */
const SLAB_BYTES = 64 * 1024;
const SMALL_FILE = 4 * 1024;

export function packBytes(memory: XaiMemory, data: Buffer): Buffer {
  const n = data.length;
  if (n > SMALL_FILE) {
    // A Buffer that owns its whole memory is kept as it is.
    if (data.byteOffset === 0 && data.buffer.byteLength === n) return data;
    const own = Buffer.allocUnsafeSlow(n);
    data.copy(own);
    return own;
  }
  const slab = memory.slab;
  if (slab.buffer === undefined || slab.used + n > SLAB_BYTES) {
    slab.buffer = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slab.used = 0;
  }
  const out = slab.buffer.subarray(slab.used, slab.used + n);
  data.copy(out);
  // 8-byte aligned, like Node's own pool.
  slab.used += (n + 7) & ~7;
  return out;
}

/** One copy of each short metadata value (`"type": "10-Q"` on every filing), up to a bound. */
export function internFieldValue(memory: XaiMemory, value: string): string {
  const { fieldValues } = memory;
  if (value.length > 64) return value;
  const known = fieldValues.get(value);
  if (known !== undefined) return known;
  if (fieldValues.size < 10_000) fieldValues.set(value, value);
  return value;
}

/** One copy of each media type string, however many files carry it. */
export function internMediaType(memory: XaiMemory, type: string): string {
  const { mediaTypes } = memory;
  const known = mediaTypes.get(type);
  if (known !== undefined) return known;
  if (mediaTypes.size < 1024 && type.length <= 256) mediaTypes.set(type, type);
  return type;
}

// ---- rendering

export function totalFileSize(state: XaiState, c: CollectionRecord): number {
  // A collection without documents (every new one) needs no entry in the totals.
  if (c.documents.size === 0) return 0;
  const { totals } = state.memory;
  const known = totals.get(c.documents);
  if (known && known.count === c.documents.size) return known.bytes;
  let bytes = 0;
  for (const d of c.documents.values()) bytes += fileBytes(state, d.fileId) ?? 0;
  totals.set(c.documents, { count: c.documents.size, bytes });
  return bytes;
}

/**
 * A collection's JSON text, kept while nothing it is rendered from changes:
 * the record (updated only through its table), its documents table, and the
 * files (their sizes make its total).
 */
export function collectionBody(state: XaiState, c: CollectionRecord): JsonText<CollectionMetadata> {
  return state.env.renders.body(c, state.collections.revision(c), c.documents.version, state.files.version, () => renderCollection(state, c));
}

export function renderCollection(state: XaiState, c: CollectionRecord): CollectionMetadata {
  return {
    collection_id: c.id,
    collection_name: c.name,
    created_at: rfc3339Micros(c.createdAt),
    index_configuration: { model_name: c.modelName },
    chunk_configuration: c.chunkConfiguration,
    documents_count: c.documents.size,
    field_definitions: c.fieldDefinitions,
    ...(c.description !== undefined ? { collection_description: c.description } : {}),
    total_file_size: String(totalFileSize(state, c)),
  };
}

export function renderDocument(file: FileRecord, doc: DocumentRecord): DocumentMetadata {
  return {
    file_metadata: {
      file_id: file.id,
      name: file.filename,
      size_bytes: String(file.data.length),
      content_type: file.contentType,
      created_at: rfc3339Micros(file.createdAt),
      expires_at: file.expiresAt === null ? null : rfc3339Micros(secondsToMicros(file.expiresAt)),
      hash: file.hash,
    },
    fields: { ...doc.fields },
    status: doc.status,
    error_message: doc.errorMessage,
    last_indexed_at: doc.lastIndexedAt === null ? null : rfc3339Micros(doc.lastIndexedAt),
    ...(doc.chunkCount !== undefined ? { chunk_count: doc.chunkCount } : {}),
    ...(doc.chunksProcessed !== undefined ? { chunks_processed_count: String(doc.chunksProcessed) } : {}),
  };
}

export function renderFile(file: FileRecord): FileObject {
  return {
    id: file.id,
    object: 'file',
    bytes: file.data.length,
    created_at: microsToSeconds(file.createdAt),
    ...(file.expiresAt !== null ? { expires_at: file.expiresAt } : {}),
    filename: file.filename,
    purpose: '',
  };
}
