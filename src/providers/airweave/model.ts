/**
 * Airweave records, per-organisation state, the sync-job lifecycle and the
 * derived statuses. Records hold plain data; `render*` builds the wire shapes.
 */
import { readFileSync } from 'node:fs';
import type { components } from '../../generated/airweave.js';
import type { Scheduled } from '../../core/clock.js';
import { Table, type SortSpec } from '../../core/store.js';
import type { ProviderEnv } from '../../core/provider.js';
import type { IndexedChunk } from '../../core/retrieval/types.js';
import { nextRun, parseCron } from './cron.js';
import { connectionKey, corpusAt, generatedAt, loadCorpora, recordOf, type Corpus, type EntityInput, type EntityRecord } from './entities.js';
import { dropIndex, indexLater, prepareChunks, putEntity, removeEntity, track, type Holder } from './retrieval.js';
import type { EpochMicros } from '../../core/time.js';
import { remembered } from '../../core/remembered.js';

type Schemas = components['schemas'];
export type Collection = Schemas['Collection'];
export type Source = Schemas['Source'];
export type SourceConnection = Schemas['SourceConnection'];
export type SourceConnectionListItem = Schemas['SourceConnectionListItem'];
export type SourceConnectionJob = Schemas['SourceConnectionJob'];
export type SyncConfig = Schemas['SyncConfig'];
export type AuthenticationMethod = Schemas['AuthenticationMethod'];
export type JobStatus = SourceConnectionJob['status'];
export type ConnectionStatus = SourceConnection['status'];
export type ErrorCategory = SourceConnection['error_category'];

/** A catalog entry as shipped in fixtures: wire fields plus `x-mock` hints (defaults, patterns) on config fields. */
/** A field of a catalog entry: the vendor's, with the mock's hints for generating and checking a value (`x-mock`, never sent). */
export type CatalogField = NonNullable<Source['auth_fields']>['fields'][number] & { 'x-mock'?: { default?: unknown; pattern?: string; minLength?: number } };

/** A connector of fixtures/airweave/sources.json: the vendor's Source, its fields with the mock's hints. */
export type CatalogSource = Omit<Source, 'auth_fields' | 'config_fields'> & {
  auth_fields: { fields: CatalogField[] } | null;
  config_fields: { fields: CatalogField[] };
};

export interface CollectionRecord {
  id: string;
  seq: number;
  name: string;
  readableId: string;
  syncConfig: SyncConfig | null;
  createdAt: EpochMicros;
  modifiedAt: EpochMicros;
}

export interface ConnectionRecord {
  id: string;
  seq: number;
  name: string;
  shortName: string;
  collection: string; // readable_id
  description: string | null;
  config: Record<string, unknown>;
  method: AuthenticationMethod;
  authenticated: boolean;
  authenticatedAt: EpochMicros | null;
  /** The single-use code at the end of auth_url, while authorization is pending. */
  authCode: string | null;
  /** Direct credentials, kept to validate later updates (never echoed). */
  credentials: Record<string, unknown> | null;
  providerReadableId: string | null;
  redirectUrl: string | null;
  authUrl: string | null;
  authUrlExpires: number | null;
  sync: { id: string; cron: string | null; continuous: boolean; cursorField: string | null } | null;
  federated: boolean;
  createdAt: EpochMicros;
  modifiedAt: EpochMicros;
  /** Entities the connection's last completed sync left in the collection. */
  entitiesTotal: number;
  entitiesUpdatedAt: EpochMicros | null;
}

export interface JobRecord {
  id: string;
  seq: number;
  connectionId: string;
  status: JobStatus;
  createdAt: EpochMicros;
  startedAt: EpochMicros | null;
  completedAt: EpochMicros | null;
  inserted: number;
  updated: number;
  deleted: number;
  failed: number;
  error: string | null;
  errorCategory: ErrorCategory;
  timer?: Scheduled;
}

export interface AirweaveState {
  organizationId: string;
  collections: Table<CollectionRecord>; // by readable_id
  connections: Table<ConnectionRecord>;
  jobs: Table<JobRecord>;
  /** What syncs (and users, through the admin API) put in the collections; searched through retrieval.ts's indexes. */
  entities: Table<EntityRecord>;
  /** Creation counter: orders records created at the same instant. */
  seq: number;
  env: ProviderEnv;
  /** Each collection's search index and the indexing work under way, by readable_id: never saved (non-enumerable). */
  readonly search: Map<string, Holder>;
}

export interface Catalog {
  list: CatalogSource[];
  byName: Map<string, CatalogSource>;
  /** Hand-written entities of the common sources, by short_name (entities.ts). */
  corpora: Map<string, Corpus>;
}

/** The connector catalog (`sources.json`) and the corpora beside it (`entities/<short_name>.json`). */
export function loadCatalog(file: string, corporaDir: string): Catalog {
  const list = JSON.parse(readFileSync(file, 'utf8')) as CatalogSource[];
  return { list, byName: new Map(list.map((s) => [s.short_name, s])), corpora: loadCorpora(corporaDir) };
}

export function createAirweaveState(env: ProviderEnv, organizationId: string): AirweaveState {
  const state = {
    organizationId,
    collections: new Table<CollectionRecord>('readableId'),
    connections: new Table<ConnectionRecord>('id'),
    jobs: new Table<JobRecord>('id'),
    entities: new Table<EntityRecord>('key'),
    seq: 0,
    env,
  };
  Object.defineProperty(state, 'search', { value: new Map<string, Holder>(), enumerable: false });
  return state as AirweaveState;
}

/** Newest first; records created at the same instant (a manual clock) by creation order, never by random id. */
export const newestFirst = <T extends { createdAt: number; seq: number }>(): SortSpec<T> => ({
  name: 'created',
  descending: true,
  key: (r) => [r.createdAt, r.seq],
});

/** The next creation number of this organisation's records. */
export const nextSeq = (state: AirweaveState): number => ++state.seq;

/** Deployment-wide embedding settings (the vendor's spec example; configurable in the vendor's deployment). */
export const EMBEDDING = { vector_size: 3072, embedding_model_name: 'text-embedding-3-large' } as const;

// ---- time

/** Formatted times remembered at most: a list renders the same stored times on every call. */
const NAIVE_TEXTS_MAX = 8192;

/** Naive UTC ISO, as the vendor's database rows serialise: microseconds only when non-zero, no zone. */
export const naive: (micros: number) => string = remembered(NAIVE_TEXTS_MAX, (micros: number) => {
  const iso = new Date(Math.floor(micros / 1000)).toISOString().slice(0, 19);
  const frac = ((micros % 1_000_000) + 1_000_000) % 1_000_000;
  return frac === 0 ? iso : `${iso}.${String(frac).padStart(6, '0')}`;
});

/** Zone-aware UTC with `Z`, as computed values (next_run) serialise. */
export const aware = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---- readable ids

/** The vendor's algorithm: slug of the name (hyphens and non-ASCII letters dropped) plus `-` and six [a-z0-9]. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9\s]/g, '')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---- derived statuses

const ACTIVE_JOB: ReadonlySet<JobStatus> = new Set(['pending', 'running', 'cancelling']);
export const isActiveJob = (j: JobRecord): boolean => ACTIVE_JOB.has(j.status);

export function jobsOf(state: AirweaveState, connectionId: string): JobRecord[] {
  const out: JobRecord[] = [];
  for (const j of state.jobs.values()) if (j.connectionId === connectionId) out.push(j);
  return out.sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);
}

export const latestJob = (state: AirweaveState, connectionId: string): JobRecord | undefined => jobsOf(state, connectionId)[0];

export function connectionStatus(state: AirweaveState, c: ConnectionRecord): ConnectionStatus {
  if (!c.authenticated) return 'pending_auth';
  const job = latestJob(state, c.id);
  if (!job) return 'active';
  if (job.status === 'running' || job.status === 'cancelling') return 'syncing';
  if (job.status === 'failed') return job.errorCategory ? 'needs_reauth' : 'error';
  return 'active';
}

export function connectionsIn(state: AirweaveState, readableId: string): ConnectionRecord[] {
  const out: ConnectionRecord[] = [];
  for (const c of state.connections.values()) if (c.collection === readableId) out.push(c);
  return out;
}

/** Derived on every read, never stored (the vendor's rule). */
export function collectionStatus(state: AirweaveState, readableId: string): Collection['status'] {
  const auth = connectionsIn(state, readableId).filter((c) => c.authenticated);
  if (!auth.length) return 'NEEDS SOURCE';
  let working = 0;
  let failing = 0;
  for (const c of auth) {
    const job = latestJob(state, c.id);
    if (c.federated || (job && (job.status === 'completed' || job.status === 'running' || job.status === 'cancelling'))) working++;
    else if (job?.status === 'failed') failing++;
  }
  if (working > 0) return 'ACTIVE';
  if (failing === auth.length) return 'ERROR';
  return 'NEEDS SOURCE';
}

// ---- sync jobs

/**
 * Deterministic failure trigger: a connection whose description contains
 * `[mock:fail]` has every sync fail; `[mock:fail-auth]` fails with a credential
 * error category (status `needs_reauth`).
 */
function failureOf(c: ConnectionRecord): { error: string; category: ErrorCategory } | undefined {
  if (c.description?.includes('[mock:fail-auth]'))
    return { error: 'Authentication failed: the API key was rejected by the source.', category: 'api_key_invalid' };
  if (c.description?.includes('[mock:fail]')) return { error: 'Sync failed: the source returned an error (simulated).', category: null };
  return undefined;
}

// ---- entities of a source

/** `git_hub_code_file_entity` → `GitHubCodeFileEntity` (entity class names key `entities.by_type`). */
export const className = (snake: string): string => snake.replace(/(^|_)([a-z0-9])/g, (_m, _u, c: string) => c.toUpperCase());

/** What the connection's source holds at a revision (1 for the first sync): its corpus, or generated entities. */
export function sourceEntities(catalog: Catalog, c: ConnectionRecord, revision: number): EntityInput[] {
  const corpus = catalog.corpora.get(c.shortName);
  if (corpus) return corpusAt(corpus, c.config, revision);
  const types = (catalog.byName.get(c.shortName)?.output_entity_definitions ?? []).map(className);
  return generatedAt(c.id, c.shortName, types, revision);
}

export function entitiesOf(state: AirweaveState, connectionId: string): EntityRecord[] {
  const out: EntityRecord[] = [];
  for (const e of state.entities.values()) if (e.connectionId === connectionId) out.push(e);
  return out;
}

/** What a sync found, chunked and embedded ahead of the step that applies it. */
interface PreparedSync {
  upserts: { record: EntityRecord; chunks: IndexedChunk[]; updated: boolean }[];
  /** Keys of entities gone from the source. */
  deleted: string[];
  /** Entities the source still has unchanged. */
  kept: number;
}

/**
 * Reads the source at the sync's revision and compares it with what the
 * connection's last sync stored: new entities are inserted, changed ones
 * updated, missing ones deleted; the new and changed are chunked and embedded
 * now, so the step that completes the job only applies the result.
 */
async function prepareSync(state: AirweaveState, catalog: Catalog, c: ConnectionRecord, job: JobRecord): Promise<PreparedSync> {
  const revision = jobsOf(state, c.id).filter((j) => j.status === 'completed').length + 1;
  const current = new Map(entitiesOf(state, c.id).map((e) => [e.entityId, e]));
  const snapshot = sourceEntities(catalog, c, revision);
  const seen = new Set<string>();
  const changed: { record: EntityRecord; updated: boolean }[] = [];
  let kept = 0;
  for (const input of snapshot) {
    if (seen.has(input.entity_id)) continue;
    seen.add(input.entity_id);
    const key = connectionKey(c.id, input.entity_id);
    const before = current.get(input.entity_id);
    const record = recordOf(input, {
      key,
      seq: before?.seq ?? 0,
      collection: c.collection,
      connectionId: c.id,
      sourceName: c.shortName,
      syncId: c.sync?.id ?? null,
      jobId: job.id,
    });
    if (before && before.hash === record.hash) {
      kept++;
      continue;
    }
    changed.push({ record, updated: before !== undefined });
  }
  const deleted = [...current.values()].filter((e) => !seen.has(e.entityId)).map((e) => e.key);
  const chunks = await prepareChunks(
    state.env,
    changed.map((x) => x.record),
  );
  return { upserts: changed.map((x) => ({ ...x, chunks: chunks.get(x.record.key)! })), deleted, kept };
}

/** Applies a prepared sync: the store and the index change together, and the job reports what changed. */
function applySync(state: AirweaveState, c: ConnectionRecord, job: JobRecord, prepared: PreparedSync): void {
  const { clock } = state.env;
  const now = clock.nowMicros();
  // An entity the source changed was last updated now (its source time is not kept for an update).
  const updatedAt = new Date(Math.floor(now / 1000)).toISOString().replace('.000Z', 'Z');
  for (const key of prepared.deleted) {
    const gone = state.entities.delete(key);
    if (gone) removeEntity(state, gone);
  }
  for (const { record, chunks, updated } of prepared.upserts) {
    const stored: EntityRecord = { ...record, seq: record.seq || nextSeq(state), ...(updated ? { updatedAt } : {}) };
    if (state.entities.has(stored.key)) state.entities.delete(stored.key);
    state.entities.insert(stored);
    putEntity(state, stored, chunks);
  }
  const inserted = prepared.upserts.filter((u) => !u.updated).length;
  state.jobs.update(job.id, (j) => {
    j.status = 'completed';
    j.completedAt = now;
    j.inserted = inserted;
    j.updated = prepared.upserts.length - inserted;
    j.deleted = prepared.deleted.length;
  });
  state.connections.update(c.id, (conn) => {
    conn.entitiesTotal = entitiesOf(state, conn.id).length;
    conn.entitiesUpdatedAt = now;
  });
}

/**
 * A federated source (searched live by the vendor, never synced) has its
 * entities searchable from the moment the connection is authenticated; they
 * carry no sync or job ids. Resolves once they are in the index.
 */
export function indexFederated(state: AirweaveState, catalog: Catalog, c: ConnectionRecord): Promise<void> {
  const records = sourceEntities(catalog, c, 1).map((input) =>
    recordOf(input, {
      key: connectionKey(c.id, input.entity_id),
      seq: nextSeq(state),
      collection: c.collection,
      connectionId: c.id,
      sourceName: c.shortName,
      syncId: null,
      jobId: null,
    }),
  );
  const work = prepareChunks(state.env, records).then(
    (chunks) => {
      // The connection may be gone by now.
      if (state.connections.get(c.id) !== c) return;
      for (const r of records) {
        if (state.entities.has(r.key)) continue;
        state.entities.insert(r);
        putEntity(state, r, chunks.get(r.key)!);
      }
    },
    (err: unknown) => state.env.log.error({ err, connection: c.id }, 'the federated source could not be indexed'),
  );
  track(state, c.collection, work);
  return work;
}

/**
 * Whether a request that starts a sync answers only once the sync's work
 * (reading the source, chunking, embedding) is done: with --processing-ms 0
 * the lifecycle completes before the reply, and on a manual clock time moves
 * only when told, so the work is done first and advancing the clock then
 * applies it at once. Otherwise the work starts when the job starts running.
 */
export function workBeforeReply(state: AirweaveState): boolean {
  return state.env.processingMs <= 0 || state.env.clock.mode === 'manual';
}

export function startJob(state: AirweaveState, catalog: Catalog, c: ConnectionRecord): { job: JobRecord; work: Promise<void> } {
  const { clock, ids } = state.env;
  const job: JobRecord = {
    id: ids.uuid(),
    seq: nextSeq(state),
    connectionId: c.id,
    status: 'pending',
    createdAt: clock.nowMicros(),
    startedAt: null,
    completedAt: null,
    inserted: 0,
    updated: 0,
    deleted: 0,
    failed: 0,
    error: null,
    errorCategory: null,
  };
  state.jobs.insert(job);
  const work = runJob(state, catalog, c, job);
  return { job, work };
}

/**
 * Schedules a job's next steps from where it is: pending → running →
 * completed | failed, one --processing-ms step each. The job completes when
 * its last step falls due and its work is done (whichever comes last), so the
 * store, the counts and the index change in one step. Resolves when work
 * started here is done.
 */
export function runJob(state: AirweaveState, catalog: Catalog, c: ConnectionRecord, job: JobRecord): Promise<void> {
  const { clock, processingMs } = state.env;
  const failure = failureOf(c);
  let live = true;
  let due = false;
  let outcome: { ok: true; prepared: PreparedSync } | { ok: false; message: string } | undefined = failure ? { ok: false, message: failure.error } : undefined;
  let work: Promise<void> | undefined;
  const settle = (): void => {
    if (!live || !due || outcome === undefined || job.status !== 'running') return;
    live = false;
    if (state.jobs.get(job.id) !== job) return;
    if (outcome.ok) return applySync(state, c, job, outcome.prepared);
    const category = failure?.category ?? null;
    const message = outcome.message;
    state.jobs.update(job.id, (j) => {
      j.status = 'failed';
      j.error = message;
      j.errorCategory = category;
    });
  };
  const start = (): Promise<void> =>
    (work ??= prepareSync(state, catalog, c, job).then(
      (prepared) => {
        outcome = { ok: true, prepared };
        settle();
      },
      (err: unknown) => {
        outcome = { ok: false, message: `Sync failed: ${err instanceof Error ? err.message : String(err)}` };
        settle();
      },
    ));
  let timer: Scheduled | undefined;
  const finish = () => {
    timer = clock.schedule(processingMs, () => {
      due = true;
      settle();
    });
  };
  // One handle for the steps on the clock and the work under way: cancelling it drops both.
  job.timer = {
    cancel() {
      live = false;
      timer?.cancel();
    },
  };
  if (job.status === 'running') {
    if (!failure) void start();
    finish();
  } else {
    timer = clock.schedule(processingMs, () => {
      if (job.status !== 'pending') return;
      state.jobs.update(job.id, (j) => {
        j.status = 'running';
        j.startedAt = clock.nowMicros();
      });
      if (!failure) void start();
      finish();
    });
  }
  if (!failure && workBeforeReply(state)) return start();
  return work ?? Promise.resolve();
}

/**
 * Re-arms the jobs of a state rebuilt from saved data (running ones go on,
 * cancelling ones end cancelled) and rebuilds its indexes from the stored
 * entities; until that is done, a search of a collection waits.
 */
export function resumeJobs(state: AirweaveState, catalog: Catalog): void {
  const { clock, processingMs } = state.env;
  for (const job of state.jobs.values()) {
    const c = state.connections.get(job.connectionId);
    if (!c) continue;
    if (job.status === 'pending' || job.status === 'running') void runJob(state, catalog, c, job);
    else if (job.status === 'cancelling') {
      job.timer = clock.schedule(processingMs, () =>
        state.jobs.update(job.id, (j) => {
          j.status = 'cancelled';
          j.completedAt = clock.nowMicros();
        }),
      );
    }
  }
  const byCollection = new Map<string, EntityRecord[]>();
  for (const e of state.entities.values()) {
    const list = byCollection.get(e.collection);
    if (list) list.push(e);
    else byCollection.set(e.collection, [e]);
  }
  // Rebuilt a moment later (or when a search needs it), so that a start-up with saved state does not wait for the tokenizer.
  for (const [readableId, records] of byCollection) indexLater(state, state.env, readableId, records, (r) => state.entities.get(r.key) === r);
}

/** pending → cancelled at once; running → cancelling, then cancelled one step later. */
export function cancelJob(state: AirweaveState, job: JobRecord): void {
  const { clock, processingMs } = state.env;
  job.timer?.cancel();
  if (job.status === 'pending') {
    state.jobs.update(job.id, (j) => {
      j.status = 'cancelled';
      j.completedAt = clock.nowMicros();
    });
    return;
  }
  state.jobs.update(job.id, (j) => (j.status = 'cancelling'));
  job.timer = clock.schedule(processingMs, () => {
    state.jobs.update(job.id, (j) => {
      j.status = 'cancelled';
      j.completedAt = clock.nowMicros();
    });
  });
}

/** Deletes a connection with its jobs and its entities (out of search at once). */
export function deleteConnection(state: AirweaveState, id: string): void {
  for (const j of jobsOf(state, id)) {
    j.timer?.cancel();
    state.jobs.delete(j.id);
  }
  for (const e of entitiesOf(state, id)) {
    state.entities.delete(e.key);
    removeEntity(state, e);
  }
  state.connections.delete(id);
}

/** Deletes every entity of a collection, loaded ones included, and forgets its index. */
export function dropCollectionEntities(state: AirweaveState, readableId: string): void {
  for (const e of [...state.entities.values()]) if (e.collection === readableId) state.entities.delete(e.key);
  dropIndex(state, readableId);
}

// ---- rendering

/**
 * A collection as the list shows it (with its connections' summaries), kept
 * while nothing it is rendered from changes: the record (updated only through
 * its table), and the organisation's connections and jobs (its status and
 * summaries derive from them; both change only through their tables).
 */
export function listedCollectionText(state: AirweaveState, c: CollectionRecord): string {
  return state.env.renders.text(c, state.collections.revision(c), state.connections.version, state.jobs.version, () => renderCollection(state, c, true));
}

export function renderCollection(state: AirweaveState, c: CollectionRecord, withSummaries = false): Collection {
  return {
    name: c.name,
    readable_id: c.readableId,
    id: c.id,
    sync_config: c.syncConfig,
    created_at: naive(c.createdAt),
    modified_at: naive(c.modifiedAt),
    organization_id: state.organizationId,
    created_by_email: null,
    modified_by_email: null,
    status: collectionStatus(state, c.readableId),
    ...EMBEDDING,
    // Only the list endpoint fills the summaries.
    source_connection_summaries: withSummaries ? connectionsIn(state, c.readableId).map((conn) => ({ short_name: conn.shortName, name: conn.name })) : [],
  };
}

const seconds = (from: number | null, to: number | null): number | null => (from !== null && to !== null ? (to - from) / 1_000_000 : null);

export function renderJob(j: JobRecord): SourceConnectionJob {
  return {
    id: j.id,
    source_connection_id: j.connectionId,
    status: j.status,
    started_at: j.startedAt === null ? null : naive(j.startedAt),
    completed_at: j.completedAt === null ? null : naive(j.completedAt),
    duration_seconds: seconds(j.startedAt, j.completedAt),
    entities_inserted: j.inserted,
    entities_updated: j.updated,
    entities_deleted: j.deleted,
    entities_failed: j.failed,
    error: j.error,
    error_category: j.errorCategory,
    error_details: null,
  };
}

/** The `sync.last_job` block: the job as the jobs list shows it, without the connection id and details. */
function lastJobOf(job: JobRecord): NonNullable<SourceConnection['sync']>['last_job'] {
  const { source_connection_id: _connection, error_details: _details, ...rest } = renderJob(job);
  return rest;
}

export function renderConnection(state: AirweaveState, catalog: Catalog, c: ConnectionRecord, options: { claimToken?: string } = {}): SourceConnection {
  const { clock } = state.env;
  const job = latestJob(state, c.id);
  const source = catalog.byName.get(c.shortName);
  let entities: SourceConnection['entities'] = null;
  if (c.entitiesUpdatedAt !== null && source) {
    // Counted from what the connection's syncs stored, by entity class.
    const counts = new Map<string, number>();
    for (const e of entitiesOf(state, c.id)) counts.set(e.entityType, (counts.get(e.entityType) ?? 0) + 1);
    const lastUpdated = naive(c.entitiesUpdatedAt);
    entities = {
      total_entities: c.entitiesTotal,
      by_type: Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([t, count]) => [t, { count, last_updated: lastUpdated }])),
    };
  }
  const cron = c.sync?.cron ? parseCron(c.sync.cron) : undefined;
  const next = cron ? nextRun(cron, clock.nowMs()) : undefined;
  const failed = job?.status === 'failed';
  return {
    id: c.id,
    organization_id: state.organizationId,
    name: c.name,
    description: c.description,
    short_name: c.shortName,
    readable_collection_id: c.collection,
    status: connectionStatus(state, c),
    created_at: naive(c.createdAt),
    modified_at: naive(c.modifiedAt),
    auth: {
      method: c.method,
      authenticated: c.authenticated,
      authenticated_at: c.authenticatedAt === null ? null : naive(c.authenticatedAt),
      expires_at: null,
      auth_url: c.authUrl,
      auth_url_expires: c.authUrlExpires === null ? null : naive(c.authUrlExpires),
      redirect_url: c.redirectUrl,
      provider_readable_id: c.providerReadableId,
      provider_id: null,
      claim_token: options.claimToken ?? null,
    },
    config: c.config,
    schedule: c.sync
      ? {
          cron: c.sync.cron,
          next_run: next === undefined ? null : aware(next),
          continuous: c.sync.continuous,
          cursor_field: c.sync.cursorField,
          cursor_value: null,
        }
      : null,
    // The vendor builds this block from the latest job only.
    sync:
      c.sync && job
        ? {
            total_runs: 1,
            successful_runs: job.status === 'completed' ? 1 : 0,
            failed_runs: failed ? 1 : 0,
            last_job: lastJobOf(job),
          }
        : null,
    sync_id: c.sync?.id ?? null,
    entities,
    error_category: failed ? job.errorCategory : null,
    error_message: failed && job.errorCategory ? job.error : null,
    provider_settings_url: null,
    provider_short_name: null,
    federated_search: c.federated,
  };
}

export function renderListItem(state: AirweaveState, c: ConnectionRecord): SourceConnectionListItem {
  return {
    id: c.id,
    name: c.name,
    short_name: c.shortName,
    readable_collection_id: c.collection,
    created_at: naive(c.createdAt),
    modified_at: naive(c.modifiedAt),
    is_authenticated: c.authenticated,
    entity_count: c.entitiesTotal,
    federated_search: c.federated,
    auth_method: c.method,
    status: connectionStatus(state, c),
  };
}

/** A catalog entry on the wire: the `x-mock` hints stripped. */
export function renderSource(s: CatalogSource): Source {
  const strip = (f: { fields: CatalogField[] } | null) => (f === null ? null : { fields: f.fields.map(({ 'x-mock': _hint, ...wire }) => wire) });
  return { ...s, auth_fields: strip(s.auth_fields), config_fields: strip(s.config_fields)! };
}
