/**
 * Airweave's side of retrieval: an entity's textual representation → chunks
 * (the core chunker) → vectors (the server's embedder) → its collection's
 * index (the core engine), one engine document per chunk, so a chunk carries
 * its own `chunk_index` for filters and results.
 *
 * The indexes are derived data, kept beside the state (keyed by the state
 * object, as xAI's are by its tables), never saved, and rebuilt from the
 * stored entities when a state is loaded. An index holds exactly the
 * collection's stored entities: an entity goes in when the sync job that
 * produced it completes (or when it is loaded, or its federated connection is
 * authenticated), and out the moment it is deleted, its connection or its
 * collection is.
 */
import type { IndexedChunk, SearchIndex } from '../../core/retrieval/types.js';
import { chunkId, chunkText } from '../../core/retrieval/chunk.js';
import { wellFormed } from '../../core/retrieval/tokenizer.js';
import { createSearchIndex } from '../../core/retrieval/index.js';
import type { ProviderEnv } from '../../core/provider.js';
import type { EntityRecord } from './entities.js';
import type { AirweaveState } from './model.js';

/** Chunks of at most 512 tokens (o200k_base), overlapping by 64: most entities are one chunk. */
export const CHUNKING = { maxTokens: 512, overlapTokens: 64, encoding: 'o200k_base', stripWhitespace: true } as const;

/** What filters read of a chunk: the wire's filterable fields, times as epoch milliseconds. */
export interface FilterView {
  entity_id: string;
  name: string;
  created_at: number | null;
  updated_at: number | null;
  breadcrumbs: { entity_id: string; name: string; entity_type: string }[];
  airweave_system_metadata: {
    entity_type: string;
    source_name: string;
    original_entity_id: string;
    chunk_index: number;
    sync_id: string | null;
    sync_job_id: string | null;
  };
  /** The source's own fields (legacy filters name them `source_fields.<field>`). */
  source_fields: Record<string, unknown>;
  /** The connection that synced it (SearchRequest's `source_connection_ids`); null for loaded entities. */
  connection_id: string | null;
}

/** An engine document: one chunk of one entity. */
export interface ChunkDoc {
  record: EntityRecord;
  chunkIndex: number;
  view: FilterView;
}

export interface Holder {
  /** Made with the first chunks, for vectors of their dimension. */
  index?: SearchIndex<ChunkDoc>;
  /** Chunks held per entity key, to take them all out again. */
  chunks: Map<string, number>;
  /** Work under way (a rebuild after a load, a federated source's entities): a search waits for it. */
  pending: Set<Promise<void>>;
  /** Work accepted but not started yet (see `defer`): started by its timer, or by whoever must wait for it. */
  deferred: Set<() => void>;
}

/** The organisation's collections' indexes and work, kept in its state (never saved). */
function holdersOf(state: AirweaveState): Map<string, Holder> {
  return state.search;
}

export function holderOf(state: AirweaveState, readableId: string): Holder {
  const m = holdersOf(state);
  let h = m.get(readableId);
  if (!h) m.set(readableId, (h = { chunks: new Map(), pending: new Set(), deferred: new Set() }));
  return h;
}

/** Waits for the work tracked for the collection (loads, syncs being indexed), including deferred work (started now) and work tracked meanwhile. */
export async function settled(state: AirweaveState, readableId: string): Promise<void> {
  const h = holdersOf(state).get(readableId);
  if (!h) return;
  while (h.deferred.size || h.pending.size) {
    for (const start of [...h.deferred]) start();
    await Promise.all(h.pending);
  }
}

/** How long deferred work waits before it starts on its own: past a server's start-up, whose fixtures may defer work. */
export const DEFER_MS = 500;

/**
 * Work the collection's readers must wait for, started a little later
 * (`DEFER_MS`, real time) rather than now, or as soon as a reader waits for
 * it (`settled`): a fixture's load of entities does not make start-up pay for
 * the tokenizer and embedder, and a search right after still sees it.
 */
export function defer(state: AirweaveState, readableId: string, run: () => Promise<void>): void {
  const h = holderOf(state, readableId);
  const timer = setTimeout(() => start(), DEFER_MS);
  timer.unref();
  const start = () => {
    if (!h.deferred.delete(start)) return;
    clearTimeout(timer);
    track(state, readableId, run());
  };
  h.deferred.add(start);
}

/**
 * Indexes stored records of a collection later (see `defer`): each that is
 * still `current` when its chunks are ready goes into the index. A failure is
 * logged; the records stay stored, unsearchable until the next rebuild.
 */
export function indexLater(
  state: AirweaveState,
  env: ProviderEnv,
  readableId: string,
  records: readonly EntityRecord[],
  current: (r: EntityRecord) => boolean,
): void {
  defer(state, readableId, () =>
    prepareChunks(env, records).then(
      (chunks) => {
        for (const r of records) if (current(r)) putEntity(state, r, chunks.get(r.key)!);
      },
      (err: unknown) => env.log.error({ err, collection: readableId }, "airweave: the collection's entities could not be indexed"),
    ),
  );
}

/** Work a search of the collection must wait for. */
export function track(state: AirweaveState, readableId: string, work: Promise<void>): void {
  const h = holderOf(state, readableId);
  h.pending.add(work);
  void work.finally(() => h.pending.delete(work));
}

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

export function viewOf(record: EntityRecord, chunkIndex: number): FilterView {
  return {
    entity_id: record.entityId,
    name: record.name,
    created_at: ms(record.createdAt),
    updated_at: ms(record.updatedAt),
    breadcrumbs: record.breadcrumbs,
    airweave_system_metadata: {
      entity_type: record.entityType,
      source_name: record.sourceName,
      original_entity_id: record.entityId,
      chunk_index: chunkIndex,
      sync_id: record.syncId,
      sync_job_id: record.jobId,
    },
    source_fields: record.fields,
    connection_id: record.connectionId,
  };
}

/**
 * An entity's chunks. A text of at most `maxTokens` bytes is one chunk
 * whatever its tokens (a BPE token stands for one byte at least), so it is
 * cut without the tokenizer, whose tables take a while to load: the chunk is
 * the text trimmed, as the chunker gives it.
 */
function chunksOf(text: string): Promise<{ index: number; text: string }[]> {
  if (Buffer.byteLength(text, 'utf8') <= CHUNKING.maxTokens) {
    const trimmed = wellFormed(text).trim();
    return Promise.resolve(trimmed === '' ? [] : [{ index: 0, text: trimmed }]);
  }
  return chunkText({ pages: [{ page: null, text }] }, CHUNKING);
}

/** Chunks and vectors for each record, by key. Rejects with the embedder's message when it fails. */
export async function prepareChunks(env: ProviderEnv, records: readonly EntityRecord[]): Promise<Map<string, IndexedChunk[]>> {
  const pieces = await Promise.all(records.map((r) => chunksOf(r.text)));
  const texts: string[] = [];
  for (const p of pieces) for (const c of p) texts.push(c.text);
  // In batches, so a large load does not hand a model server one huge request.
  const vectors: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += 2048) vectors.push(...(await env.embedder.embed(texts.slice(i, i + 2048))));
  if (vectors.length !== texts.length) throw new Error(`the embedder returned ${vectors.length} vectors for ${texts.length} chunks`);
  const out = new Map<string, IndexedChunk[]>();
  let v = 0;
  records.forEach((r, i) => {
    out.set(
      r.key,
      pieces[i]!.map((p) => ({ id: chunkId(r.key, p.index, p.text), text: p.text, page: null, vector: vectors[v++]! })),
    );
  });
  return out;
}

const docKey = (entityKey: string, chunk: number): string => `${entityKey}#${chunk}`;

/** Puts an entity's chunks in its collection's index, replacing what it had there. Throws when the index refuses them (vectors of another dimension). */
export function putEntity(state: AirweaveState, record: EntityRecord, chunks: readonly IndexedChunk[]): void {
  const h = holderOf(state, record.collection);
  if (chunks.length) h.index ??= createSearchIndex<ChunkDoc>({ dimension: chunks[0]!.vector.length });
  const before = h.chunks.get(record.key) ?? 0;
  if (h.index) {
    chunks.forEach((chunk, i) => h.index!.upsert(docKey(record.key, i), { record, chunkIndex: i, view: viewOf(record, i) }, [chunk]));
    for (let i = chunks.length; i < before; i++) h.index.remove(docKey(record.key, i));
  }
  if (chunks.length) h.chunks.set(record.key, chunks.length);
  else h.chunks.delete(record.key);
}

/** The stored record changed without its text (sync ids, updated_at): filters and results see it at once. */
export function refreshEntity(state: AirweaveState, record: EntityRecord): void {
  const h = holdersOf(state).get(record.collection);
  const n = h?.chunks.get(record.key) ?? 0;
  for (let i = 0; i < n; i++) h!.index!.setDoc(docKey(record.key, i), { record, chunkIndex: i, view: viewOf(record, i) });
}

/** Takes an entity out of its collection's index at once. */
export function removeEntity(state: AirweaveState, record: Pick<EntityRecord, 'key' | 'collection'>): void {
  const h = holdersOf(state).get(record.collection);
  const n = h?.chunks.get(record.key);
  if (!h || n === undefined) return;
  for (let i = 0; i < n; i++) h.index?.remove(docKey(record.key, i));
  h.chunks.delete(record.key);
}

/** Forgets a collection's index (the collection is deleted). */
export function dropIndex(state: AirweaveState, readableId: string): void {
  holdersOf(state).delete(readableId);
}

/** How many chunks the collection's index holds. */
export function chunkCount(state: AirweaveState, readableId: string): number {
  return holdersOf(state).get(readableId)?.index?.chunkCount ?? 0;
}
