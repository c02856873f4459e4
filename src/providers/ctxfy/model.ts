/**
 * Ctxfy records for one user (spaces, the collection tree, sources, uploads,
 * API keys), the source processing run on the clock with its postbacks, and
 * the wire shapes.
 */
import type { components } from '../../generated/ctxfy.js';
import type { Scheduled } from '../../core/clock.js';
import { Table, type SortSpec } from '../../core/store.js';
import type { ProviderEnv } from '../../core/provider.js';
import type { EpochMillis } from '../../core/time.js';

type Schemas = components['schemas'];
export type Space = Schemas['Space'];
export type CollectionNode = Schemas['CollectionNode'];
export type Source = Schemas['Source'];
export type SourceType = Schemas['SourceType'];
export type SourceStatus = Schemas['SourceStatus'];
export type InitialData = Schemas['SourceInitialData'];
export type Instructions = Schemas['SourceInstructions'];
export type ApiKey = Schemas['ApiKey'];
export type Pagination = Schemas['Pagination'];
export type PostbackNotification = Schemas['PostbackNotification'];

export interface SpaceRecord {
  id: string;
  seq: number;
  name: string;
  description: string | null;
  createdAt: EpochMillis;
  updatedAt: EpochMillis;
}

export interface CollectionRecord {
  id: string;
  seq: number;
  spaceId: string;
  parentId: string | null;
  name: string;
  createdAt: EpochMillis;
  updatedAt: EpochMillis;
}

/** What a processing run works on: the source's own data, or a fast-forward's. */
export interface RunInput {
  type: SourceType;
  initialData: InitialData;
  postbackUrl: string | undefined;
}

export interface SourceRecord {
  id: string;
  seq: number;
  spaceId: string;
  collectionId: string | null;
  type: SourceType;
  name: string;
  description: string | null;
  status: SourceStatus;
  message: string | null;
  pinned: boolean;
  initialData: InitialData;
  instructions: Instructions;
  /** False until a run has fetched the content (a fetch failure leaves nothing to reprocess). */
  hasContent: boolean;
  deletedAt: EpochMillis | null;
  createdAt: EpochMillis;
  updatedAt: EpochMillis;
  timer?: Scheduled;
  /** The run in progress or last run (its postback URL may be a fast-forward's own). */
  run?: RunInput;
}

export interface UploadRecord {
  fileKey: string;
  filename: string;
  contentType: string;
  size: number;
  issuedAt: EpochMillis;
  bytes?: Buffer;
  storedType?: string;
}

/** The record behind one key, a row of the user's `apiKeys` table; the provider's memory (memory.ts) holds the same object for a minted key, so a revoke is seen at once. */
export interface KeyRecord {
  id: string;
  userId: string;
  secret: string;
  name: string | null;
  expiresAt: EpochMillis | null;
  createdAt: EpochMillis;
  revokedAt: EpochMillis | null;
  seq: number;
}

export interface CtxfyState {
  userId: string;
  env: ProviderEnv;
  spaces: Table<SpaceRecord>;
  collections: Table<CollectionRecord>;
  sources: Table<SourceRecord>;
  uploads: Map<string, UploadRecord>;
  apiKeys: Table<KeyRecord>;
  seq: number;
}

export function createCtxfyState(env: ProviderEnv, userId: string): CtxfyState {
  return {
    userId,
    env,
    spaces: new Table('id'),
    collections: new Table('id'),
    sources: new Table('id'),
    uploads: new Map(),
    apiKeys: new Table('id'),
    seq: 0,
  };
}

export const nextSeq = (state: CtxfyState): number => ++state.seq;

/** Newest first; records made in the same millisecond keep their creation order. */
export const NEWEST_FIRST: SortSpec<{ createdAt: number; seq: number }> = { name: 'created', key: (r) => [r.createdAt, r.seq], descending: true };

export const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const UPLOAD_URL_TTL_S = 900;

const iso = (ms: number): string => new Date(ms).toISOString();

export function renderSpace(state: CtxfyState, s: SpaceRecord): Space {
  return { id: s.id, name: s.name, description: s.description, userId: state.userId, createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt) };
}

function renderNode(c: CollectionRecord, children: CollectionNode[]): CollectionNode {
  return { id: c.id, spaceId: c.spaceId, parentId: c.parentId, name: c.name, createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt), children };
}

export const renderLeaf = (c: CollectionRecord): CollectionNode => renderNode(c, []);

/** The space's collections as a tree of root nodes, siblings in creation order. */
export function collectionTree(state: CtxfyState, spaceId: string): CollectionNode[] {
  const byParent = new Map<string | null, CollectionRecord[]>();
  for (const c of state.collections.values()) {
    if (c.spaceId !== spaceId) continue;
    const list = byParent.get(c.parentId) ?? [];
    list.push(c);
    byParent.set(c.parentId, list);
  }
  const build = (parentId: string | null): CollectionNode[] =>
    (byParent.get(parentId) ?? []).sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq).map((c) => renderNode(c, build(c.id)));
  return build(null);
}

export function renderSource(state: CtxfyState, s: SourceRecord): Source {
  return {
    id: s.id,
    spaceId: s.spaceId,
    collectionId: s.collectionId,
    userId: state.userId,
    type: s.type,
    name: s.name,
    description: s.description,
    status: s.status,
    message: s.message,
    pinned: s.pinned,
    initial_data: s.initialData,
    instructions: s.instructions,
    deletedAt: s.deletedAt === null ? null : iso(s.deletedAt),
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  };
}

export function renderApiKey(k: KeyRecord): ApiKey {
  return {
    id: k.id,
    key_prefix: k.secret.slice(0, 12),
    name: k.name,
    expiration_date: k.expiresAt === null ? null : iso(k.expiresAt),
    created_at: iso(k.createdAt),
    revoked_at: k.revokedAt === null ? null : iso(k.revokedAt),
  };
}

export function pagination(page: number, perPage: number, total: number): Pagination {
  return { page, per_page: perPage, total, pages: Math.ceil(total / perPage) };
}

// ---- processing

/** The URL a URI source fetches: `url` wins over `uri`; an empty string counts as absent. */
export const uriOf = (data: InitialData): string | undefined => (data.url ? data.url : data.uri ? data.uri : undefined);

/**
 * Why a run fails, or null when it completes. Deterministic, so tests and
 * demos can reach FAILED without a scenario: a URI that is not an absolute
 * http(s) URL or whose host ends in `.invalid` cannot be fetched; a FILE whose
 * `data` is not a fileKey issued to this user is not found.
 */
export function failureOf(state: CtxfyState, input: RunInput): string | null {
  if (input.type === 'URI') {
    let url: URL | undefined;
    try {
      url = new URL(uriOf(input.initialData) ?? '');
    } catch {
      url = undefined;
    }
    const host = url?.hostname.replace(/\.$/, '') ?? '';
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || host === 'invalid' || host.endsWith('.invalid')) return 'Failed to fetch URL';
  }
  if (input.type === 'FILE' && !state.uploads.has(input.initialData.data ?? '')) return 'File not found';
  return null;
}

const TERMINAL: ReadonlySet<SourceStatus> = new Set(['COMPLETED', 'FAILED', 'CANCELED']);
export const RUNNING: ReadonlySet<SourceStatus> = new Set(['CREATED', 'PENDING', 'PROCESSING']);

/** POSTs the documented notification to the run's postback URL, if it has one. */
export function postback(state: CtxfyState, s: SourceRecord, url: string | undefined): void {
  if (!url || !TERMINAL.has(s.status)) return;
  const body: PostbackNotification = {
    event: 'SourceStatusNotification',
    sourceId: s.id,
    userId: state.userId,
    spaceId: s.spaceId,
    status: s.status as PostbackNotification['status'],
    ...(s.status === 'FAILED' && s.message ? { message: s.message } : {}),
  };
  state.env.deliveries.send({
    id: state.env.ids.uuid(),
    provider: 'ctxfy',
    url,
    topic: 'SourceStatusNotification',
    body,
    backoffMs: [1000, 5000, 25000],
    timeoutMs: 10_000,
  });
}

/**
 * Runs the pipeline on the clock, one step of `processingMs` per transition:
 * from CREATED (a new source) or from PENDING (reprocess, refresh,
 * fast-forward) to PROCESSING and then COMPLETED or FAILED, with the postback.
 */
export function startRun(
  state: CtxfyState,
  s: SourceRecord,
  start: 'CREATED' | 'PENDING' | { resume: 'CREATED' | 'PENDING' | 'PROCESSING' },
  input: RunInput,
): void {
  const from = typeof start === 'string' ? start : start.resume;
  const resuming = typeof start !== 'string';
  const { clock, processingMs } = state.env;
  s.timer?.cancel();
  s.timer = undefined;
  s.run = input;
  const set = (status: SourceStatus, message: string | null = null): void => {
    s.status = status;
    s.message = message;
    s.updatedAt = clock.nowMs();
  };
  const finish = (): void => {
    s.timer = undefined;
    const failure = failureOf(state, input);
    s.hasContent = failure === null;
    set(failure === null ? 'COMPLETED' : 'FAILED', failure);
    postback(state, s, input.postbackUrl);
  };
  const processing = (): void => {
    set('PROCESSING');
    s.timer = clock.schedule(processingMs, finish);
  };
  const pending = (): void => {
    set('PENDING');
    s.timer = clock.schedule(processingMs, processing);
  };
  if (resuming) {
    // Resumed from saved data: the source stays as it was, and its next step is one step away.
    s.timer = clock.schedule(processingMs, { CREATED: pending, PENDING: processing, PROCESSING: finish }[from]);
  } else if (from === 'CREATED') {
    set('CREATED');
    s.timer = clock.schedule(processingMs, pending);
  } else {
    pending();
  }
}

/** Re-arms a run that was under way when the state was saved. */
export function resumeRun(state: CtxfyState, s: SourceRecord): void {
  if (!RUNNING.has(s.status)) return;
  const input = s.run ?? { type: s.type, initialData: s.initialData, postbackUrl: s.instructions.postback_url };
  startRun(state, s, { resume: s.status as 'CREATED' | 'PENDING' | 'PROCESSING' }, input);
}

/** Stops a run where it is: the source becomes CANCELED and the postback goes out. */
export function cancelRun(state: CtxfyState, s: SourceRecord): void {
  s.timer?.cancel();
  s.timer = undefined;
  s.status = 'CANCELED';
  s.message = null;
  s.updatedAt = state.env.clock.nowMs();
  postback(state, s, s.run ? s.run.postbackUrl : s.instructions.postback_url);
}
