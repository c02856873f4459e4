/**
 * Mixpeek's side of retrieval: which text a collection's feature extractor
 * reads from an object (its `input_mappings`, else the object's first text
 * blob), the vector it makes of it (the server's embedder, the same that
 * embeds queries), and each collection's index in the shared engine
 * (core/retrieval).
 *
 * A document of a text extractor's collection is searchable when it has a
 * text vector: its `text` field is its one chunk (the vendor's text extractor
 * makes one document per input, embedded whole), and that vector ranks it.
 * The vector is the embedder's (held only by the index) or one given with the
 * document (kept in its `vectors`). The indexes are derived data: they sit
 * beside the state (keyed by each collection's table of documents), are never
 * saved, and are rebuilt from the stored documents, their texts embedded
 * again, when a state is loaded.
 */
import { chunkId } from '../../core/retrieval/chunk.js';
import { collectionIndex, type CollectionIndex as CoreCollectionIndex } from '../../core/retrieval/holder.js';
import { createSearchIndex } from '../../core/retrieval/index.js';
import type { IndexedChunk } from '../../core/retrieval/types.js';
import { valuesAt } from './filter.js';
import type { Catalog, CollectionRecord, DocumentRecord, FeatureExtractor, MixpeekState, NamespaceRecord } from './model.js';

type Json = Record<string, unknown>;

/**
 * What the index keeps of a document: the record filters see (its root
 * fields, `document_id`, `collection_id` and `_internal` lineage, as the
 * vendor's documents show them) and where it lives.
 */
export interface SearchDoc {
  documentId: string;
  collectionId: string;
  view: Json;
}

export type CollectionIndex = CoreCollectionIndex<SearchDoc>;

/** A collection's index, kept in the provider's memory (never saved) and made on first use. */
export function indexOf(state: MixpeekState, collection: CollectionRecord): CollectionIndex {
  return collectionIndex(state.memory.searchIndexes, collection.documents);
}

/** The record a filter sees for a document (root fields first, so a user field never hides the ids). */
export function filterView(ns: NamespaceRecord, collection: CollectionRecord, doc: DocumentRecord): Json {
  return {
    ...doc.fields,
    document_id: doc.id,
    collection_id: collection.id,
    _internal: { namespace_id: ns.id, collection_id: collection.id, document_id: doc.id, lineage: doc.lineage },
  };
}

// ---- extractors and their text

/** The catalog entry of a collection's extractor. */
export function extractorOf(collection: CollectionRecord, catalog: Catalog): FeatureExtractor | undefined {
  const fe = collection.config.feature_extractor as Json | undefined;
  return fe ? catalog.byId.get(String(fe.feature_extractor_id)) : undefined;
}

/** Whether an extractor reads text (its input schema has a `text` input): its documents then carry `text` and that text's vector. */
export function readsText(entry: FeatureExtractor | undefined): boolean {
  const props = (entry?.input_schema as { properties?: Json } | undefined)?.properties;
  return !!props && Object.prototype.hasOwnProperty.call(props, 'text');
}

/** The vector index a text extractor's embedding goes to: its first one (`text_extractor_v1_embedding`). */
export function textIndexName(entry: FeatureExtractor | undefined): string | undefined {
  if (!readsText(entry)) return undefined;
  const indexes = (entry?.required_vector_indexes ?? []) as Array<{ index?: { name?: string } }>;
  return indexes[0]?.index?.name;
}

/** The feature URIs of an extractor's indexes (`mixpeek://text_extractor@v1/text_extractor_v1_embedding`), as a retriever names them. */
export function extractorAddress(entry: FeatureExtractor): string {
  return `mixpeek://${entry.feature_extractor_name}@${entry.version}`;
}

/**
 * The text a collection's extractor reads from an object's view: the path its
 * `input_mappings` (or the legacy `input_mapping`) gives for `text`, else the
 * first blob of type text, then of type string. Undefined when there is none.
 */
export function textFor(
  collection: CollectionRecord,
  view: Json,
  blobs: ReadonlyArray<{ property: string; type: string; data?: unknown }>,
): string | undefined {
  const fe = (collection.config.feature_extractor ?? {}) as Json;
  const mappings = fe.input_mappings ?? fe.input_mapping;
  let path: string | undefined;
  if (mappings && typeof mappings === 'object' && !Array.isArray(mappings)) {
    const m = (mappings as Json).text;
    if (typeof m === 'string' && m !== '') path = m;
  } else if (Array.isArray(mappings)) {
    const m = (mappings as Json[]).find((x) => x && x.input_key === 'text');
    if (m && typeof m.path === 'string' && m.source_type !== 'literal') path = m.path;
    else if (m && m.source_type === 'literal' && typeof m.override === 'string') return m.override;
  }
  if (path !== undefined) {
    const value = valuesAt(view, path)[0];
    return typeof value === 'string' ? value : undefined;
  }
  for (const type of ['text', 'string']) {
    const blob = blobs.find((b) => b.type === type && typeof b.data === 'string');
    if (blob) return blob.data as string;
  }
  return undefined;
}

// ---- the index

/**
 * A document's text vector: one given with the document (kept in its
 * `vectors`), else the one its collection's index holds (the embedder's, kept
 * only there: the index is its one copy, and a load embeds the text again).
 */
export function textVector(state: MixpeekState, collection: CollectionRecord, doc: DocumentRecord, catalog: Catalog): number[] | undefined {
  const name = textIndexName(extractorOf(collection, catalog));
  if (!name) return undefined;
  const given = doc.vectors[name];
  if (given) return given;
  const held = state.memory.searchIndexes.get(collection.documents)?.index?.chunks(doc.id)[0];
  return held ? Array.from(held.vector) : undefined;
}

/** Every vector field of a document, as `return_vectors` shows them: its own, and its text vector. */
export function vectorsOf(state: MixpeekState, collection: CollectionRecord, doc: DocumentRecord, catalog: Catalog): Record<string, number[]> {
  const name = textIndexName(extractorOf(collection, catalog));
  const text = textVector(state, collection, doc, catalog);
  return { ...doc.vectors, ...(name && text ? { [name]: text } : {}) };
}

/**
 * Puts a document in its collection's index, or takes it out when it has no
 * vector: `vector` is its text's new embedding; without one, a vector given
 * with the document, else the one the index holds for the same text. Throws a
 * RangeError when the vector does not fit the index (of another dimension):
 * the caller keeps the document unsearchable.
 */
export function indexDocument(
  state: MixpeekState,
  ns: NamespaceRecord,
  collection: CollectionRecord,
  doc: DocumentRecord,
  catalog: Catalog,
  vector?: Float32Array,
): void {
  const ci = indexOf(state, collection);
  const name = textIndexName(extractorOf(collection, catalog));
  const text = typeof doc.fields.text === 'string' ? doc.fields.text : '';
  const held = ci.index?.chunks(doc.id)[0];
  const given = name ? doc.vectors[name] : undefined;
  const v = vector ?? (given ? Float32Array.from(given) : held && held.text === text ? held.vector : undefined);
  if (!name || !v) {
    ci.index?.remove(doc.id);
    return;
  }
  const chunk: IndexedChunk = { id: chunkId(doc.id, 0, text), text, page: null, vector: v };
  ci.index ??= createSearchIndex<SearchDoc>({ dimension: v.length });
  ci.index.upsert(doc.id, { documentId: doc.id, collectionId: collection.id, view: filterView(ns, collection, doc) }, [chunk]);
}

/** The document's fields changed but not its text or vector: filters and hits see the new values at once. */
export function refreshDocument(state: MixpeekState, ns: NamespaceRecord, collection: CollectionRecord, doc: DocumentRecord): void {
  const index = state.memory.searchIndexes.get(collection.documents)?.index;
  if (index?.has(doc.id)) index.setDoc(doc.id, { documentId: doc.id, collectionId: collection.id, view: filterView(ns, collection, doc) });
}

/** Takes a document out of its collection's index (no-op when it is not there). */
export function unindexDocument(state: MixpeekState, collection: CollectionRecord, documentId: string): void {
  state.memory.searchIndexes.get(collection.documents)?.index?.remove(documentId);
}

/** Forgets a collection's index (the collection, or its namespace, is deleted). */
export function dropIndex(state: MixpeekState, collection: CollectionRecord): void {
  state.memory.searchIndexes.delete(collection.documents);
}

/** Waits for the embeddings a load started for these collections (a search, or a read of vectors, must not see them half-done). */
export async function settled(state: MixpeekState, collections: readonly CollectionRecord[]): Promise<void> {
  const pending = collections.flatMap((c) => [...(state.memory.searchIndexes.get(c.documents)?.rebuilding ?? [])]);
  if (pending.length) await Promise.all(pending);
}

/**
 * After a load: every document goes back into its collection's index. A
 * vector given with a document is used as it is; every other text is
 * embedded again by the server's embedder (the index held its only copy);
 * until that is done, a search of the collection waits. An embedder that
 * fails leaves those documents stored, listed and unsearchable.
 */
export function rebuildIndexes(state: MixpeekState, catalog: Catalog): void {
  for (const ns of state.namespaces.values()) {
    for (const c of ns.collections.values()) {
      const name = textIndexName(extractorOf(c, catalog));
      if (!name) continue;
      const toEmbed: DocumentRecord[] = [];
      for (const d of c.documents.values()) {
        if (d.vectors[name]) safeIndex(state, ns, c, d, catalog);
        else if (typeof d.fields.text === 'string') toEmbed.push(d);
      }
      if (!toEmbed.length) continue;
      const ci = indexOf(state, c);
      const done = state.env.embedder.embed(toEmbed.map((d) => d.fields.text as string)).then(
        (vectors) => {
          toEmbed.forEach((d, i) => {
            // Changed or deleted meanwhile: its own write indexed it.
            if (c.documents.get(d.id) !== d || !vectors[i] || ci.index?.has(d.id)) return;
            safeIndex(state, ns, c, d, catalog, vectors[i]);
          });
        },
        (err: unknown) => state.env.log.warn({ err, collection: c.id }, 'mixpeek: the texts of loaded documents could not be embedded'),
      );
      ci.rebuilding.add(done);
      void done.then(() => ci.rebuilding.delete(done));
    }
  }
}

function safeIndex(state: MixpeekState, ns: NamespaceRecord, c: CollectionRecord, d: DocumentRecord, catalog: Catalog, vector?: Float32Array): void {
  try {
    indexDocument(state, ns, c, d, catalog, vector);
  } catch (err) {
    // A vector of another dimension than the collection's others: kept, listed, not searchable.
    state.env.log.warn({ err, collection: c.id, document: d.id }, 'mixpeek: a loaded document could not be indexed');
  }
}
