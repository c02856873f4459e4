/**
 * Writing documents: creating one directly, replacing or merging its fields
 * (PUT, PATCH, bulk and batch updates), with the collection's index kept in
 * step. A changed `text` is embedded again before the change is applied, so
 * an update either lands whole (fields, vector, index) or not at all.
 */
import { MockError } from '../../core/errors.js';
import { isObject } from '../../core/retrieval/predicate.js';
import { extractorOf, indexDocument, refreshDocument, textIndexName, unindexDocument } from './retrieval.js';
import { HEX, nextSeq, vectorFields, type Catalog, type CollectionRecord, type DocumentRecord, type MixpeekState, type NamespaceRecord } from './model.js';

type Json = Record<string, unknown>;

/** Root keys a write may not set: the ids and the system fields. */
const RESERVED = new Set(['document_id', 'collection_id', '_internal']);

/** The names of a collection's vector fields: what `return_vectors` shows and no update may write. */
export function vectorNames(collection: CollectionRecord, catalog: Catalog, doc?: DocumentRecord): Set<string> {
  const names = new Set(vectorFields(extractorOf(collection, catalog)).map((v) => v.name));
  if (doc) for (const k of Object.keys(doc.vectors)) names.add(k);
  return names;
}

/** A copy of a JSON value (fields are stored apart from what the client holds). */
function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Sets `a.b.c` in an object, making the objects on the way (a non-object on the way is replaced). */
function setPath(target: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const k of keys.slice(0, -1)) {
    if (!isObject(node[k])) node[k] = {};
    node = node[k] as Json;
  }
  node[keys[keys.length - 1]!] = value;
}

/** Refuses the keys no write may set, naming them all. */
function checkWritable(collection: CollectionRecord, catalog: Catalog, doc: DocumentRecord | undefined, data: Json): void {
  const vectors = vectorNames(collection, catalog, doc);
  const roots = Object.keys(data).map((k) => k.split('.')[0]!);
  const reserved = [...new Set(roots.filter((k) => RESERVED.has(k)))];
  if (reserved.length) throw new MockError('bad_request', `Fields cannot be updated: ${reserved.join(', ')}`, { details: { fields: reserved } });
  const vecs = [...new Set(roots.filter((k) => vectors.has(k)))];
  if (vecs.length) throw new MockError('bad_request', `Vectors cannot be updated: ${vecs.join(', ')}`, { details: { fields: vecs } });
}

/** `document_blobs` in a write: blob references, each with a field and a url. */
function blobsFrom(value: unknown): Json[] {
  if (!Array.isArray(value) || !value.every((b) => isObject(b) && typeof b.field === 'string' && b.field !== '' && typeof b.url === 'string' && b.url !== '')) {
    throw new MockError('bad_request', 'document_blobs must be a list of blob references, each with a field and a url');
  }
  return clone(value as Json[]);
}

/** A document's fields after a write: the data replaces them (`replace`) or is merged into them. */
function nextFields(doc: DocumentRecord, data: Json, mode: 'replace' | 'merge'): Json {
  const fields: Json = mode === 'replace' ? {} : clone(doc.fields);
  for (const [k, v] of Object.entries(data)) {
    if (k === 'document_blobs') continue;
    if (k.includes('.')) setPath(fields, k, clone(v));
    else fields[k] = clone(v);
  }
  return fields;
}

export interface PlannedWrite {
  doc: DocumentRecord;
  fields: Json;
  blobs?: Json[];
}

/** Checks a write to one document and works out its result, changing nothing yet. */
export function planWrite(collection: CollectionRecord, catalog: Catalog, doc: DocumentRecord, data: Json, mode: 'replace' | 'merge'): PlannedWrite {
  checkWritable(collection, catalog, doc, data);
  return { doc, fields: nextFields(doc, data, mode), ...(data.document_blobs !== undefined ? { blobs: blobsFrom(data.document_blobs) } : {}) };
}

/** Vectors of the texts given, by text, from the server's embedder; a failure is the server's (500). */
async function embedTexts(state: MixpeekState, texts: string[]): Promise<Map<string, Float32Array>> {
  const unique = [...new Set(texts)];
  const out = new Map<string, Float32Array>();
  if (!unique.length) return out;
  let vectors: Float32Array[];
  try {
    vectors = await state.env.embedder.embed(unique);
  } catch (err) {
    throw new MockError('internal', `The text could not be embedded: ${err instanceof Error ? err.message : String(err)}`);
  }
  unique.forEach((t, i) => out.set(t, vectors[i]!));
  return out;
}

/**
 * Applies planned writes: texts that changed are embedded first (so a failure
 * changes nothing), then every document gets its fields, its vector and its
 * place in the index, in one synchronous step.
 */
export async function applyWrites(
  state: MixpeekState,
  ns: NamespaceRecord,
  collection: CollectionRecord,
  catalog: Catalog,
  writes: PlannedWrite[],
): Promise<void> {
  const textIndex = textIndexName(extractorOf(collection, catalog));
  const changed = (w: PlannedWrite) => textIndex !== undefined && typeof w.fields.text === 'string' && w.fields.text !== w.doc.fields.text;
  const vectors = await embedTexts(
    state,
    writes.filter(changed).map((w) => w.fields.text as string),
  );
  const now = state.env.clock.nowMicros();
  for (const w of writes) {
    // Deleted while the texts were being embedded: nothing to update.
    if (collection.documents.get(w.doc.id) !== w.doc) continue;
    const textChanged = changed(w);
    const textGone = textIndex !== undefined && typeof w.fields.text !== 'string' && typeof w.doc.fields.text === 'string';
    collection.documents.update(w.doc.id, (d) => {
      d.fields = w.fields;
      if (w.blobs) d.blobs = w.blobs;
      // A vector given for the old text no longer says anything about the new one.
      if (textIndex !== undefined && (textChanged || textGone)) delete d.vectors[textIndex];
      d.updatedAt = now;
    });
    if (textChanged || textGone) reindex(state, ns, collection, catalog, w.doc, textChanged ? vectors.get(w.fields.text as string) : undefined);
    else refreshDocument(state, ns, collection, w.doc);
  }
}

function reindex(
  state: MixpeekState,
  ns: NamespaceRecord,
  collection: CollectionRecord,
  catalog: Catalog,
  doc: DocumentRecord,
  vector: Float32Array | undefined,
): void {
  try {
    indexDocument(state, ns, collection, doc, catalog, vector);
  } catch (err) {
    // A vector of another dimension than the index's: kept and listed, not searchable.
    unindexDocument(state, collection, doc.id);
    state.env.log.warn({ err, collection: collection.id, document: doc.id }, 'mixpeek: a document could not be indexed');
  }
}

const CREATE_KEYS = new Set([
  'collection_id',
  'root_object_id',
  'root_bucket_id',
  'source_type',
  'source_collection_id',
  'source_document_id',
  'source_object_id',
  'lineage_path',
  'lineage_chain',
  'document_schema_version',
  'features',
  'document_blobs',
]);

/**
 * A document written directly into a collection. Root fields: the keys beyond
 * the documented ones, `metadata`, and each feature's payload. Vectors: each
 * feature's named vectors; the collection's text index gets the embedding of
 * `text` (returned, for the index) unless a vector of the embedder's dimension
 * was given for it.
 */
export async function createDocument(
  state: MixpeekState,
  collection: CollectionRecord,
  catalog: Catalog,
  body: Json,
): Promise<{ doc: DocumentRecord; vector?: Float32Array }> {
  const fields: Json = {};
  for (const [k, v] of Object.entries(body)) if (!CREATE_KEYS.has(k) && v !== null && v !== undefined) fields[k] = clone(v);
  const vectors: Record<string, number[]> = {};
  for (const [i, feature] of ((body.features as Json[] | undefined) ?? []).entries()) {
    if (isObject(feature.payload)) Object.assign(fields, clone(feature.payload));
    const named = feature.vectors;
    if (named === undefined || named === null) continue;
    for (const [name, v] of Object.entries(named as Json)) {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
        throw new MockError('bad_request', `features[${i}].vectors.${name} must be a list of numbers`);
      }
      vectors[name] = v as number[];
    }
  }
  checkWritable(collection, catalog, undefined, Object.fromEntries(Object.keys(fields).map((k) => [k, true])));
  const textIndex = textIndexName(extractorOf(collection, catalog));
  const given = textIndex ? vectors[textIndex] : undefined;
  let vector: Float32Array | undefined;
  if (textIndex && typeof fields.text === 'string' && !(given && given.length === state.env.embedder.dimension)) {
    // A given vector the index cannot take is replaced by the text's embedding (kept by the index alone).
    if (given) delete vectors[textIndex];
    vector = (await embedTexts(state, [fields.text])).get(fields.text)!;
  }
  const now = state.env.clock.nowMicros();
  const lineage: Json = {
    root_object_id: body.root_object_id ?? undefined,
    root_bucket_id: body.root_bucket_id ?? undefined,
    source_type: body.source_type ?? undefined,
    source_object_id: body.source_object_id ?? undefined,
    source_document_id: body.source_document_id ?? undefined,
    source_collection_id: body.source_collection_id ?? undefined,
    path: typeof body.lineage_path === 'string' ? body.lineage_path : [body.root_bucket_id, collection.id].filter((x) => typeof x === 'string').join('/'),
    chain: clone((body.lineage_chain as Json[] | undefined) ?? []),
  };
  for (const k of Object.keys(lineage)) if (lineage[k] === undefined) delete lineage[k];
  const doc: DocumentRecord = {
    id: `doc_${state.env.ids.chars(24, HEX)}`,
    seq: nextSeq(state),
    fields,
    vectors,
    blobs: body.document_blobs === undefined ? [] : blobsFrom(body.document_blobs),
    lineage,
    createdAt: now,
    updatedAt: now,
  };
  return { doc, ...(vector ? { vector } : {}) };
}
