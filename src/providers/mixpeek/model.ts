/**
 * Mixpeek records, per-organisation state (namespaces holding buckets,
 * objects, collections and documents), the object-processing simulation that
 * turns objects into documents, and the wire shapes.
 */
import { readFileSync } from 'node:fs';
import type { components } from '../../generated/mixpeek.js';
import type { Scheduled } from '../../core/clock.js';
import { Table, type SortSpec } from '../../core/store.js';
import type { ProviderEnv } from '../../core/provider.js';
import { matches, type Filter } from './filter.js';
import { extractorOf, indexDocument, readsText, rebuildIndexes, textFor, textIndexName, unindexDocument } from './retrieval.js';
import type { ExecutionRecord, RetrieverRecord } from './retrievers.js';
import type { EpochMicros } from '../../core/time.js';
import { fnv1a32 } from '../../core/hash.js';
import { valueAt } from '../../core/dotted.js';
import { createMixpeekMemory, type MixpeekMemory } from './memory.js';

type Schemas = components['schemas'];
export type BucketSchema = Schemas['BucketSchema'];
export type FeatureExtractor = Schemas['FeatureExtractor'];
export type CollectionResponse = Schemas['CollectionResponse'];
export type NamespaceModel = Schemas['NamespaceModel'];
export type BucketResponse = Schemas['BucketResponse'];
export type ObjectResponse = Schemas['ObjectResponse'];
export type DocumentResponse = Schemas['DocumentResponse'];
export type TaskResponse = Schemas['TaskResponse'];

type Json = Record<string, unknown>;

export interface Catalog {
  list: FeatureExtractor[];
  byId: Map<string, FeatureExtractor>;
}

export function loadCatalog(file: string): Catalog {
  const list = JSON.parse(readFileSync(file, 'utf8')) as FeatureExtractor[];
  return { list, byId: new Map(list.map((e) => [e.feature_extractor_id, e])) };
}

export interface BucketRecord {
  id: string;
  seq: number;
  name: string;
  description?: string;
  schema: BucketSchema;
  uniqueKey?: Schemas['UniqueKeyConfig'];
  metadata: Json;
  objects: Table<ObjectRecord>;
  createdAt: EpochMicros;
  updatedAt: EpochMicros;
  lastUploadAt?: EpochMicros;
  status: 'ACTIVE' | 'IN_PROGRESS';
}

export interface BlobRecord {
  blob_id: string;
  property: string;
  type: string;
  key_prefix?: string;
  data?: unknown;
  properties: Json;
  details: Json;
}

export interface ObjectRecord {
  id: string;
  seq: number;
  bucketId: string;
  keyPrefix?: string;
  blobs: BlobRecord[];
  /** Fields beyond the documented ones (e.g. `metadata`), kept and echoed. */
  extra: Json;
  status: string;
  /** Why processing failed (status FAILED). */
  error?: string;
  createdAt: EpochMicros;
  updatedAt: EpochMicros;
  timer?: Scheduled;
}

export interface CollectionRecord {
  id: string;
  seq: number;
  name: string;
  /** The stored, normalised configuration echoed in every response. */
  config: Json;
  source: { type: string; bucketIds: string[]; prefixKey?: string; filter: Filter | null };
  outputSchema: BucketSchema;
  enabled: boolean;
  documents: Table<DocumentRecord>;
  createdAt: EpochMicros;
  updatedAt: EpochMicros;
}

export interface DocumentRecord {
  id: string;
  seq: number;
  fields: Json;
  vectors: Record<string, number[]>;
  blobs: Json[];
  lineage: Json;
  createdAt: EpochMicros;
  updatedAt: EpochMicros;
}

export interface NamespaceRecord {
  id: string;
  seq: number;
  name: string;
  config: Json;
  buckets: Table<BucketRecord>;
  collections: Table<CollectionRecord>;
  /** Saved retrievers (a state saved before retrievers existed has none: `resumeMixpeek` adds the table). */
  retrievers: Table<RetrieverRecord>;
  /** Execution history, named and ad hoc, oldest first. */
  executions: Table<ExecutionRecord>;
  createdAt: EpochMicros;
  updatedAt: EpochMicros;
}

export interface TaskRecord {
  task_id: string;
  task_type: Schemas['TaskType'];
  status: TaskResponse['status'];
  inputs?: Json[];
  createdAt: EpochMicros;
  /** The task's next step, while it has one. */
  timer?: Scheduled | undefined;
}

export interface MixpeekState {
  organization: string;
  namespaces: Table<NamespaceRecord>;
  tasks: Map<string, TaskRecord>;
  seq: number;
  env: ProviderEnv;
  /** Search indexes and scroll contexts, never saved (non-enumerable): the provider's, shared by its tenants and no one else. */
  readonly memory: MixpeekMemory;
}

/** A fresh organisation state; `memory` is the provider's (a state made alone gets one of its own). */
export function createMixpeekState(env: ProviderEnv, organization: string, memory: MixpeekMemory = createMixpeekMemory()): MixpeekState {
  const state = { organization, namespaces: new Table<NamespaceRecord>('id'), tasks: new Map<string, TaskRecord>(), seq: 0, env };
  Object.defineProperty(state, 'memory', { value: memory, enumerable: false });
  return state as MixpeekState;
}

export const nextSeq = (state: MixpeekState): number => ++state.seq;

/** Insertion order, oldest first (the vendor's natural order), ties by creation. */
export const oldestFirst = <T extends { createdAt: number; seq: number }>(): SortSpec<T> => ({ name: 'created', key: (r) => [r.createdAt, r.seq] });

/** Naive ISO with six fractional digits holding milliseconds: `2025-10-13T13:58:06.664000`. */
export function stamp(micros: number): string {
  return `${new Date(Math.floor(micros / 1000)).toISOString().slice(0, 23)}000`;
}

export const HEX = '0123456789abcdef';
export const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Finds by id first, then by exact name (the vendor resolves identifiers both ways). */
export function byIdOrName<T extends { id: string; name: string }>(table: Table<T>, identifier: string): T | undefined {
  const hit = table.get(identifier);
  if (hit) return hit;
  for (const row of table.values()) if (row.name === identifier) return row;
  return undefined;
}

/** Drops null and undefined members, recursively: the vendor omits nulls on the wire. */
export function omitNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(omitNulls) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) if (v !== null && v !== undefined) out[k] = omitNulls(v);
  return out as T;
}

// ---- schemas

/** The collection's output: passed-through source fields (typed from the input schema) plus the extractor's outputs. */
export function deriveOutputSchema(input: BucketSchema, extractor: Json, catalogEntry: FeatureExtractor | undefined): BucketSchema {
  const properties: Record<string, unknown> = {};
  const inputProps = (input.properties ?? {}) as Record<string, unknown>;
  if (extractor.include_all_source_fields === true) Object.assign(properties, inputProps);
  for (const p of (extractor.field_passthrough as Array<{ source_path: string; target_path?: string }> | undefined) ?? []) {
    const root = p.source_path.split('.')[0]!;
    properties[p.target_path ?? p.source_path] = inputProps[root] ?? { type: 'string' };
  }
  // The vendor's text extractor page lists `text` (the text embedded) beside the embedding in its output.
  if (readsText(catalogEntry)) properties.text = { type: 'string' };
  Object.assign(properties, (catalogEntry?.output_schema as { properties?: Json } | undefined)?.properties ?? {});
  return { properties } as BucketSchema;
}

/** The collection's vector indexes, from the catalog entry's (vendor-shaped) `required_vector_indexes`. */
export function vectorFields(entry: FeatureExtractor | undefined): Array<{ name: string; size: number; distance: string }> {
  const indexes = (entry?.required_vector_indexes ?? []) as Array<{ index: { name: string; dimensions: number; distance: string } }>;
  return indexes.map((v) => ({ name: v.index.name, size: v.index.dimensions, distance: v.index.distance }));
}

// ---- processing: objects become documents

/** The record a collection's source filter and prefix see for an object: its metadata, blob data by property, key prefix. */
export function objectView(o: ObjectRecord): Json {
  const view: Json = { ...o.extra, object_id: o.id, bucket_id: o.bucketId, key_prefix: o.keyPrefix ?? null };
  const metadata = o.extra.metadata;
  if (metadata && typeof metadata === 'object' && !Array.isArray(metadata)) Object.assign(view, metadata);
  for (const b of o.blobs) if (!(b.property in view) || view[b.property] === undefined) view[b.property] = b.data;
  return view;
}

function fedBy(c: CollectionRecord, o: ObjectRecord): boolean {
  if (!c.enabled || c.source.type !== 'bucket' || !c.source.bucketIds.includes(o.bucketId)) return false;
  if (c.source.prefixKey && !(o.keyPrefix ?? '').startsWith(c.source.prefixKey)) return false;
  return !c.source.filter || matches(c.source.filter, objectView(o));
}

/** A deterministic pseudo-embedding, so repeated reads agree. */
function pseudoVector(seed: string, size: number): number[] {
  let h = fnv1a32(seed);
  const out: number[] = [];
  for (let i = 0; i < size; i++) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995);
    out.push(Number((((h >>> 0) / 4294967296) * 2 - 1).toFixed(6)));
  }
  return out;
}

/**
 * A collection's document for an object. A text extractor's output is the
 * text it read (`text`) and that text's vector, given by the caller from the
 * embedder; other vector fields are deterministic stand-ins that nothing
 * ranks by.
 */
export function documentFor(state: MixpeekState, ns: NamespaceRecord, c: CollectionRecord, o: ObjectRecord, catalog: Catalog, text?: string): DocumentRecord {
  const { ids, clock } = state.env;
  const extractor = c.config.feature_extractor as Json;
  const entry = catalog.byId.get(String(extractor.feature_extractor_id));
  const view = objectView(o);
  const fields: Json = {};
  const outProps = (c.outputSchema.properties ?? {}) as Json;
  for (const p of (extractor.field_passthrough as Array<{ source_path: string; target_path?: string; default?: unknown }> | undefined) ?? []) {
    const v = valueAt(view, p.source_path);
    fields[p.target_path ?? p.source_path] = v ?? p.default ?? null;
  }
  if (extractor.include_all_source_fields === true) {
    for (const k of Object.keys((c.config.input_schema as BucketSchema).properties ?? {})) if (view[k] !== undefined) fields[k] = view[k];
  }
  // The text's vector is the index's (addDocument puts it there); other vector fields are stand-ins.
  const textIndex = textIndexName(entry);
  const vectors: Record<string, number[]> = {};
  for (const v of vectorFields(entry)) if (v.name !== textIndex) vectors[v.name] = pseudoVector(`${o.id}:${v.name}`, v.size);
  if (text !== undefined) fields.text = text;
  for (const k of Object.keys(outProps)) {
    if (k in fields || k in vectors || k === textIndex || k === 'text') continue;
    if (k.endsWith('_url')) fields[k] = `https://storage.mixpeek.local/${ns.id}/${c.id}/${o.id}/${k}`;
    else if (k.endsWith('_ms')) fields[k] = 42;
  }
  const now = clock.nowMicros();
  const id = `doc_${ids.chars(24, HEX)}`;
  return {
    id,
    seq: nextSeq(state),
    fields,
    vectors,
    blobs: o.blobs.map((b) => ({
      field: b.property,
      url: typeof b.data === 'string' && /^(https?|s3|gs):\/\//.test(b.data) ? b.data : `mixpeek://${o.bucketId}/${o.id}/${b.blob_id}`,
      role: 'source',
      type: ['video', 'image', 'audio', 'text', 'pdf'].includes(b.type) ? b.type : b.type === 'string' ? 'text' : 'other',
    })),
    lineage: {
      root_object_id: o.id,
      root_bucket_id: o.bucketId,
      source_type: 'bucket',
      source_object_id: o.id,
      path: `${o.bucketId}/${c.id}`,
      chain: [],
    },
    createdAt: now,
    updatedAt: now,
  };
}

/** Inserts a document in its collection and in the collection's index (with its text's vector), as one step. */
export function addDocument(state: MixpeekState, ns: NamespaceRecord, c: CollectionRecord, d: DocumentRecord, catalog: Catalog, vector?: Float32Array): void {
  c.documents.insert(d);
  try {
    indexDocument(state, ns, c, d, catalog, vector);
  } catch (err) {
    // A vector the index cannot take (a model server that changed its dimension): stored and listed, not searchable.
    state.env.log.warn({ err, collection: c.id, document: d.id }, 'mixpeek: a document could not be indexed');
  }
}

/** Removes a document from its collection and from the collection's index. */
export function removeDocument(state: MixpeekState, c: CollectionRecord, id: string): DocumentRecord | undefined {
  const d = c.documents.delete(id);
  if (d) unindexDocument(state, c, id);
  return d;
}

/**
 * Whether a request that starts processing answers only once the extractor's
 * work (embedding) is done. With `--processing-ms 0` the lifecycle completes
 * before the reply, as that flag promises; on a manual clock, time moves only
 * when told, so the work is done before the reply and advancing the clock then
 * completes the object at once. Otherwise the work runs when its step falls due.
 */
export function workBeforeReply(state: MixpeekState): boolean {
  return state.env.processingMs <= 0 || state.env.clock.mode === 'manual';
}

/** The texts an object gives the text-extractor collections it feeds now, by collection id. */
function textsFor(ns: NamespaceRecord, o: ObjectRecord, catalog: Catalog): Map<string, string> {
  const out = new Map<string, string>();
  const view = objectView(o);
  for (const c of ns.collections.values()) {
    if (!fedBy(c, o) || !readsText(extractorOf(c, catalog))) continue;
    const text = textFor(c, view, o.blobs);
    if (text !== undefined) out.set(c.id, text);
  }
  return out;
}

/**
 * DRAFT → PENDING at once, PROCESSING after one step, COMPLETED after another;
 * then every collection it feeds gets a document. A text extractor's text is
 * embedded by the server's embedder: ahead of time where the request waits for
 * the work (`workBeforeReply`), else when the last step falls due, the object
 * turning COMPLETED once its documents exist. An embedder that fails leaves
 * the object FAILED with the reason in `error`. Resolves once the work started
 * here is done.
 */
export function processObject(state: MixpeekState, ns: NamespaceRecord, bucket: BucketRecord, o: ObjectRecord, catalog: Catalog): Promise<void> {
  const { clock, processingMs, embedder } = state.env;
  const set = (status: string, error?: string) =>
    bucket.objects.update(o.id, (obj) => {
      obj.status = status;
      if (error === undefined) delete obj.error;
      else obj.error = error;
      obj.updatedAt = clock.nowMicros();
    });
  set('PENDING');
  // Vectors by text: embedded ahead (where the request waits for the work) or at the step.
  const vectors = new Map<string, Float32Array>();
  const embed = async (texts: string[]): Promise<void> => {
    const todo = [...new Set(texts)].filter((t) => !vectors.has(t));
    if (!todo.length) return;
    const out = await embedder.embed(todo);
    if (out.length !== todo.length) throw new Error(`the embedder returned ${out.length} vectors for ${todo.length} texts`);
    todo.forEach((t, i) => vectors.set(t, out[i]!));
  };
  // Cancelled (new content for the object, a delete), or the object or its bucket gone: the run is dropped.
  let live = true;
  const alive = () => live && bucket.objects.get(o.id) === o && ns.buckets.get(bucket.id) === bucket;
  const complete = (): void => {
    if (!alive()) return;
    const texts = textsFor(ns, o, catalog);
    for (const c of ns.collections.values()) {
      if (!fedBy(c, o)) continue;
      const text = texts.get(c.id);
      addDocument(state, ns, c, documentFor(state, ns, c, o, catalog, text), catalog, text === undefined ? undefined : vectors.get(text));
    }
    set('COMPLETED');
  };
  const fail = (err: unknown): void => {
    if (alive()) set('FAILED', `Feature extraction failed: ${err instanceof Error ? err.message : String(err)}`);
  };
  // One handle for the steps on the clock and the work under way: cancelling it drops both.
  let step: Scheduled | undefined;
  o.timer = {
    cancel() {
      live = false;
      step?.cancel();
    },
  };
  let failedAhead: { err: unknown } | undefined;
  const run = (): void => {
    step = clock.schedule(processingMs, () => {
      if (!alive()) return;
      set('PROCESSING');
      step = clock.schedule(processingMs, () => {
        if (!alive()) return;
        if (failedAhead) return fail(failedAhead.err);
        // A collection created since the work was done ahead may need a text not embedded yet.
        const missing = [...textsFor(ns, o, catalog).values()].filter((t) => !vectors.has(t));
        if (!missing.length) return complete();
        embed(missing).then(complete, fail);
      });
    });
  };
  if (!workBeforeReply(state)) {
    run();
    return Promise.resolve();
  }
  // The steps start once the work is done: on a manual clock no time passes meanwhile, and with
  // --processing-ms 0 they then run at once, so the object is final when the request answers.
  return embed([...textsFor(ns, o, catalog).values()]).then(
    () => {
      if (live) run();
    },
    (err: unknown) => {
      failedAhead = { err };
      if (live) run();
    },
  );
}

/**
 * Re-arms a state rebuilt from saved data: objects being processed start over
 * from PENDING; unfinished delete tasks finish (a bucket delete removes the
 * bucket, as it would have).
 */
export function resumeMixpeek(state: MixpeekState, catalog: Catalog): void {
  const { clock, processingMs } = state.env;
  for (const ns of state.namespaces.values()) {
    // A state saved before retrievers existed has neither table.
    (ns as Partial<NamespaceRecord>).retrievers ??= new Table('id');
    (ns as Partial<NamespaceRecord>).executions ??= new Table('id');
  }
  // The indexes are derived data: rebuilt from the stored documents, before any object resumes processing.
  rebuildIndexes(state, catalog);
  for (const ns of state.namespaces.values()) {
    for (const bucket of ns.buckets.values()) {
      for (const o of bucket.objects.values()) if (o.status === 'PENDING' || o.status === 'PROCESSING') processObject(state, ns, bucket, o, catalog);
    }
  }
  for (const task of state.tasks.values()) {
    if (task.status === 'COMPLETED') continue;
    task.timer = clock.schedule(processingMs, () => {
      task.timer = undefined;
      if (task.task_type === 'api_buckets_delete') {
        const id = (task.inputs?.[0] as { bucket_id?: string } | undefined)?.bucket_id;
        for (const ns of state.namespaces.values()) if (id) ns.buckets.delete(id);
      }
      task.status = 'COMPLETED';
    });
  }
}

// ---- wire shapes
//
// Namespaces, buckets and tasks render as their schema types. Objects,
// collections and documents keep the parts of a request the vendor defines
// loosely (blobs, extra fields, a collection's configuration) as the JSON
// they came as: their renderers assert the wire shape, which the self-check
// holds every reply to.

export function renderNamespace(ns: NamespaceRecord): NamespaceModel {
  let objects = 0;
  let documents = 0;
  for (const b of ns.buckets.values()) objects += b.objects.size;
  for (const c of ns.collections.values()) documents += c.documents.size;
  return omitNulls<NamespaceModel>({
    namespace_id: ns.id,
    ...ns.config,
    namespace_name: ns.name,
    document_count: documents,
    bucket_count: ns.buckets.size,
    collection_count: ns.collections.size,
    object_count: objects,
    created_at: stamp(ns.createdAt),
    updated_at: stamp(ns.updatedAt),
  });
}

export function renderBucket(b: BucketRecord): BucketResponse {
  let bytes = 0;
  for (const o of b.objects.values()) for (const blob of o.blobs) bytes += Number((blob.details as { size_bytes?: number }).size_bytes ?? 0);
  return omitNulls<BucketResponse>({
    bucket_id: b.id,
    bucket_name: b.name,
    description: b.description,
    bucket_schema: b.schema,
    unique_key: b.uniqueKey,
    metadata: b.metadata,
    object_count: b.objects.size,
    total_size_bytes: bytes,
    created_at: stamp(b.createdAt),
    updated_at: stamp(b.updatedAt),
    last_upload_at: b.lastUploadAt === undefined ? undefined : stamp(b.lastUploadAt),
    status: b.status,
    is_locked: false,
  });
}

export function renderObject(o: ObjectRecord): ObjectResponse {
  return omitNulls({
    ...o.extra,
    object_id: o.id,
    bucket_id: o.bucketId,
    key_prefix: o.keyPrefix,
    blobs: o.blobs.map(({ data: _data, ...b }) => b),
    source_details: [{ type: 'bucket', source_id: o.bucketId }],
    status: o.status,
    error: o.error,
    created_at: stamp(o.createdAt),
    updated_at: stamp(o.updatedAt),
  }) as unknown as ObjectResponse;
}

/** A collection as the vendor answers it; `retriever_count` counts the namespace's retrievers that query it. */
export function renderCollection(c: CollectionRecord, ns?: NamespaceRecord): CollectionResponse {
  let retrievers = 0;
  if (ns) for (const r of ns.retrievers.values()) if (r.collectionIds.includes(c.id)) retrievers++;
  return omitNulls({
    ...c.config,
    retriever_count: retrievers,
    collection_id: c.id,
    collection_name: c.name,
    enabled: c.enabled,
    output_schema: c.outputSchema,
    document_count: c.documents.size,
    created_at: stamp(c.createdAt),
    updated_at: stamp(c.updatedAt),
  }) as unknown as CollectionResponse;
}

/** A document as the vendor answers it; `vectors` (the document's vector fields, `retrieval.ts`'s `vectorsOf`) only when asked for. */
export function renderDocument(
  ns: NamespaceRecord,
  c: CollectionRecord,
  d: DocumentRecord,
  options: { vectors?: Record<string, number[]>; organization: string },
): DocumentResponse {
  return omitNulls({
    ...d.fields,
    ...options.vectors,
    document_id: d.id,
    collection_id: c.id,
    document_blobs: d.blobs,
    _internal: {
      internal_id: options.organization,
      namespace_id: ns.id,
      document_id: d.id,
      collection_id: c.id,
      created_at: `${new Date(Math.floor(d.createdAt / 1000)).toISOString().slice(0, 19)}Z`,
      updated_at: `${new Date(Math.floor(d.updatedAt / 1000)).toISOString().slice(0, 19)}Z`,
      lineage: d.lineage,
      metadata: { ingestion_status: 'COMPLETED' },
    },
  }) as unknown as DocumentResponse;
}

/** Blob references with a download URL that stands in for a presigned one. */
export function withPresignedUrls(view: DocumentResponse): DocumentResponse {
  if (!view.document_blobs) return view;
  return {
    ...view,
    document_blobs: view.document_blobs.map((b) => ({
      ...b,
      presigned_url: `${b.url.replace(/^mixpeek:\/\//, 'https://storage.mixpeek.local/')}?X-Mock-Expires=3600`,
    })),
  };
}

export function renderTask(t: TaskRecord): TaskResponse {
  return omitNulls<TaskResponse>({ task_id: t.task_id, task_type: t.task_type, status: t.status, inputs: t.inputs });
}
