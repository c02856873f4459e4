/**
 * One function per operationId of specs/ctxfy.yaml, typed from the generated
 * `operations`. Everything is scoped to the calling user; a missing, malformed
 * or foreign id is 404. Sources are processed in the background (model.ts).
 */
import type { operations } from '../../generated/ctxfy.js';
import { baseUrlOf, type Handlers } from '../../core/provider.js';
import { MockError } from '../../core/errors.js';
import { badRequest, notFound } from './errors.js';
import type { CtxfyMemory } from './memory.js';
import { isAllowedPostbackUrl } from '../../core/delivery.js';
import type { Access } from './access.js';
import {
  BASE62,
  NEWEST_FIRST,
  RUNNING,
  UPLOAD_URL_TTL_S,
  cancelRun,
  collectionTree,
  nextSeq,
  pagination,
  renderApiKey,
  renderLeaf,
  renderSource,
  renderSpace,
  startRun,
  uriOf,
  type CtxfyState,
  type InitialData,
  type KeyRecord,
  type Instructions,
  type SourceRecord,
  type SourceStatus,
  type SourceType,
  type SpaceRecord,
} from './model.js';

/** The webhook is sent by the mock, not served. */
export type Served = Omit<operations, 'sourceStatusNotification'>;

/** Trimmed text that must not be blank (the schema has already checked its type and length). */
function nonBlank(value: string, field: string): string {
  const t = value.trim();
  if (!t) throw badRequest(field, `${field} must not be blank`);
  return t;
}

/** Validation has filled in the spec's defaults (`page` 1, `per_page` 20) for what the request left out. */
function pageOf(query: { page?: number; per_page?: number }): { page: number; perPage: number } {
  return { page: query.page!, perPage: query.per_page! };
}

function spaceOf(state: CtxfyState, id: string): SpaceRecord {
  const s = state.spaces.get(id);
  if (!s) throw notFound();
  return s;
}

/** A live (not soft-deleted) source of the user. */
function liveSource(state: CtxfyState, id: string): SourceRecord {
  const s = state.sources.get(id);
  if (!s || s.deletedAt !== null) throw notFound();
  return s;
}

function collectionIn(state: CtxfyState, spaceId: string, id: string | null | undefined): string | null {
  if (id === undefined || id === null) return null;
  const c = state.collections.get(id);
  if (!c || c.spaceId !== spaceId) throw notFound();
  return id;
}

/** The per-type rules of Ctxfy's Create source reference page on `initial_data` (and the postback URL), before anything is looked up. */
function checkSourceInput(type: SourceType, data: InitialData, instructions: Instructions | undefined): void {
  if (type === 'URI' && !uriOf(data)) throw badRequest('initial_data.url', 'url or uri is required for type URI');
  if (type === 'COMPOSITION' && !(data.source_ids && data.source_ids.length))
    throw badRequest('initial_data.source_ids', 'source_ids is required for type COMPOSITION');
  if ((type === 'FILE' || type === 'CONTENT') && !data.data) throw badRequest('initial_data.data', `data is required for type ${type}`);
  const url = instructions?.postback_url;
  if (url !== undefined && !isAllowedPostbackUrl(url)) throw badRequest('instructions.postback_url', 'postback_url must be an HTTPS URL');
}

function defaultName(state: CtxfyState, type: SourceType, data: InitialData): string {
  if (type === 'URI') return (uriOf(data) ?? 'Untitled source').slice(0, 255);
  if (type === 'FILE') {
    const key = data.data ?? '';
    return (state.uploads.get(key)?.filename ?? key.split('/').pop() ?? '') || 'Untitled source';
  }
  return 'Untitled source';
}

function rejectState(s: SourceRecord, message: string): MockError {
  return badRequest('status', `Source status is ${s.status}`, message);
}

export interface HandlerDeps {
  access: Access;
  /** What the provider keeps across users (memory.ts): /metrics reads its live states and request counts. */
  memory: CtxfyMemory;
  /** Largest upload a presigned URL is issued for, in bytes. */
  uploadLimit: number;
}

/** One handler per served operationId, a fresh set per provider over its access rules and memory. */
export function createHandlers(deps: HandlerDeps): Handlers<Served, CtxfyState> {
  return {
    getHealth: ({ env }) => ({
      status: 200,
      body: { status: 'ok', checks: { database: 'ok', queue: 'ok' }, timestamp: new Date(env.clock.nowMs()).toISOString() },
    }),

    getMetrics: () => {
      const lines: string[] = [];
      lines.push('# HELP ctxfy_http_requests_total Requests received, by operation.', '# TYPE ctxfy_http_requests_total counter');
      for (const [op, n] of [...deps.memory.requests].sort()) lines.push(`ctxfy_http_requests_total{operation="${op}"} ${n}`);
      const byStatus = new Map<SourceStatus, number>();
      let spaces = 0;
      for (const state of deps.memory.states.values()) {
        spaces += state.spaces.size;
        for (const s of state.sources.values()) if (s.deletedAt === null) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
      }
      lines.push('# HELP ctxfy_spaces Spaces stored.', '# TYPE ctxfy_spaces gauge', `ctxfy_spaces ${spaces}`);
      lines.push('# HELP ctxfy_sources Live sources, by status.', '# TYPE ctxfy_sources gauge');
      for (const status of ['CREATED', 'PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELED'] as const)
        lines.push(`ctxfy_sources{status="${status}"} ${byStatus.get(status) ?? 0}`);
      return { status: 200, body: `${lines.join('\n')}\n`, contentType: 'text/plain; version=0.0.4; charset=utf-8' };
    },

    // ---- spaces

    createSpace: ({ state, body }) => {
      const now = state.env.clock.nowMs();
      const space = state.spaces.insert({
        id: state.env.ids.uuid(),
        seq: nextSeq(state),
        name: nonBlank(body.name, 'name'),
        description: body.description ?? null,
        createdAt: now,
        updatedAt: now,
      });
      return { status: 201, body: renderSpace(state, space) };
    },

    listSpaces: ({ state, query }) => {
      const { page, perPage } = pageOf(query);
      const rows = state.spaces.slice({ sort: NEWEST_FIRST, offset: (page - 1) * perPage, limit: perPage });
      return { status: 200, body: { spaces: rows.map((s) => renderSpace(state, s)), pagination: pagination(page, perPage, state.spaces.size) } };
    },

    getSpace: ({ state, path }) => ({ status: 200, body: renderSpace(state, spaceOf(state, path.spaceId)) }),

    updateSpace: ({ state, path, body: raw }) => {
      // The schema's anyOf (at least one field) makes the generated type `unknown`; the object branch is what passed.
      const body = raw as { name?: string; description?: string | null };
      const space = spaceOf(state, path.spaceId);
      const name = body.name !== undefined ? nonBlank(body.name, 'name') : undefined;
      if (name !== undefined) space.name = name;
      if (body.description !== undefined) space.description = body.description;
      space.updatedAt = state.env.clock.nowMs();
      return { status: 200, body: renderSpace(state, space) };
    },

    deleteSpace: ({ state, path }) => {
      const space = spaceOf(state, path.spaceId);
      for (const s of [...state.sources.values()]) {
        if (s.spaceId !== space.id) continue;
        s.timer?.cancel();
        state.sources.delete(s.id);
      }
      for (const c of [...state.collections.values()]) if (c.spaceId === space.id) state.collections.delete(c.id);
      state.spaces.delete(space.id);
      return { status: 200, body: renderSpace(state, space) };
    },

    // ---- collections

    createCollection: ({ state, path, body }) => {
      const name = nonBlank(body.name, 'name');
      const space = spaceOf(state, path.spaceId);
      const parentId = collectionIn(state, space.id, body.parentId);
      for (const c of state.collections.values()) {
        if (c.spaceId === space.id && c.parentId === parentId && c.name === name) {
          throw new MockError('conflict', 'The request conflicts with the current state of the resource', { details: { reason: 'Resource already exists' } });
        }
      }
      const now = state.env.clock.nowMs();
      const c = state.collections.insert({ id: state.env.ids.uuid(), seq: nextSeq(state), spaceId: space.id, parentId, name, createdAt: now, updatedAt: now });
      return { status: 201, body: renderLeaf(c) };
    },

    getCollectionTree: ({ state, path }) => ({ status: 200, body: { collections: collectionTree(state, spaceOf(state, path.spaceId).id) } }),

    // ---- sources

    createSource: ({ state, path, body }) => {
      checkSourceInput(body.type, body.initial_data, body.instructions);
      const name = body.name !== undefined ? nonBlank(body.name, 'name') : defaultName(state, body.type, body.initial_data);
      const space = spaceOf(state, path.spaceId);
      const collectionId = collectionIn(state, space.id, body.collectionId);
      if (body.type === 'COMPOSITION') {
        for (const id of body.initial_data.source_ids!) {
          const s = state.sources.get(id);
          if (!s || s.deletedAt !== null || s.spaceId !== space.id) throw badRequest('initial_data.source_ids', `Source not found in this space: ${id}`);
        }
      }
      const now = state.env.clock.nowMs();
      const source = state.sources.insert({
        id: state.env.ids.uuid(),
        seq: nextSeq(state),
        spaceId: space.id,
        collectionId,
        type: body.type,
        name,
        description: body.description ?? null,
        status: 'CREATED',
        message: null,
        pinned: false,
        initialData: body.initial_data,
        instructions: body.instructions,
        hasContent: false,
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      startRun(state, source, 'CREATED', { type: source.type, initialData: source.initialData, postbackUrl: source.instructions.postback_url });
      return { status: 201, body: renderSource(state, source) };
    },

    listSpaceSources: ({ state, path, query }) => {
      const space = spaceOf(state, path.spaceId);
      const { page, perPage } = pageOf(query);
      const filter = (s: SourceRecord): boolean =>
        s.spaceId === space.id &&
        (query.include_deleted === true || s.deletedAt === null) &&
        (query.status === undefined || s.status === query.status) &&
        (query.collectionId === undefined || s.collectionId === query.collectionId) &&
        (query.pinned === undefined || s.pinned === query.pinned);
      let total = 0;
      for (const s of state.sources.values()) if (filter(s)) total++;
      const rows = state.sources.slice({ sort: NEWEST_FIRST, offset: (page - 1) * perPage, limit: perPage, filter });
      return { status: 200, body: { sources: rows.map((s) => renderSource(state, s)), pagination: pagination(page, perPage, total) } };
    },

    getSource: ({ state, path }) => ({ status: 200, body: renderSource(state, liveSource(state, path.sourceId)) }),

    updateSource: ({ state, path, body: raw }) => {
      const body = raw as { name?: string; description?: string | null; collectionId?: string | null };
      const s = liveSource(state, path.sourceId);
      const name = body.name !== undefined ? nonBlank(body.name, 'name') : undefined;
      const collectionId = body.collectionId !== undefined ? collectionIn(state, s.spaceId, body.collectionId) : undefined;
      if (name !== undefined) s.name = name;
      if (body.description !== undefined) s.description = body.description;
      if (collectionId !== undefined) s.collectionId = collectionId;
      s.updatedAt = state.env.clock.nowMs();
      return { status: 200, body: renderSource(state, s) };
    },

    deleteSource: ({ state, path }) => {
      const s = liveSource(state, path.sourceId);
      s.deletedAt = state.env.clock.nowMs();
      s.updatedAt = s.deletedAt;
      return { status: 200, body: renderSource(state, s) };
    },

    toggleSourcePin: ({ state, path }) => {
      const s = liveSource(state, path.sourceId);
      s.pinned = !s.pinned;
      s.updatedAt = state.env.clock.nowMs();
      return { status: 200, body: renderSource(state, s) };
    },

    restoreSource: ({ state, path }) => {
      const s = state.sources.get(path.sourceId);
      if (!s) throw notFound();
      if (s.deletedAt === null) throw badRequest('deletedAt', 'Source is not deleted', 'Source is not deleted');
      s.deletedAt = null;
      s.updatedAt = state.env.clock.nowMs();
      return { status: 200, body: renderSource(state, s) };
    },

    reprocessSource: ({ state, path }) => {
      const s = liveSource(state, path.sourceId);
      if (s.status !== 'COMPLETED' && s.status !== 'FAILED') throw rejectState(s, 'Source must be COMPLETED or FAILED to be reprocessed');
      if (!s.hasContent) throw badRequest('status', 'Source failed without content', 'Source has no content to reprocess');
      startRun(state, s, 'PENDING', { type: s.type, initialData: s.initialData, postbackUrl: s.instructions.postback_url });
      return { status: 200, body: renderSource(state, s) };
    },

    refreshSource: ({ state, path }) => {
      const s = liveSource(state, path.sourceId);
      if (s.type !== 'URI' && s.type !== 'FILE') throw badRequest('type', `Source type is ${s.type}`, 'Only URI and FILE sources can be refreshed');
      if (RUNNING.has(s.status)) throw rejectState(s, 'Source must be COMPLETED, FAILED or CANCELED to be refreshed');
      startRun(state, s, 'PENDING', { type: s.type, initialData: s.initialData, postbackUrl: s.instructions.postback_url });
      return { status: 200, body: renderSource(state, s) };
    },

    fastForwardSource: ({ state, path, body }) => {
      const s = liveSource(state, path.sourceId);
      if (s.status !== 'COMPLETED' && s.status !== 'FAILED') throw rejectState(s, 'Source must be COMPLETED or FAILED to be fast-forwarded');
      checkSourceInput(body.type, body.initial_data, body.instructions);
      startRun(state, s, 'PENDING', {
        type: body.type,
        initialData: body.initial_data,
        postbackUrl: body.instructions?.postback_url ?? s.instructions.postback_url,
      });
      return { status: 200, body: renderSource(state, s) };
    },

    cancelSource: ({ state, path }) => {
      const s = liveSource(state, path.sourceId);
      if (!RUNNING.has(s.status)) throw rejectState(s, 'Source cannot be canceled in its current status');
      cancelRun(state, s);
      return { status: 200, body: renderSource(state, s) };
    },

    // ---- uploads

    createUploadS3: ({ state, body, request }) => {
      const filename = nonBlank(body.filename, 'filename');
      if (body.size > deps.uploadLimit) throw badRequest('size', `size must be at most ${deps.uploadLimit} bytes`);
      const safe = filename.replace(/[/\\]/g, '_');
      const fileKey = `uploads/${state.userId}/${state.env.ids.uuid()}/${safe}`;
      state.uploads.set(fileKey, { fileKey, filename, contentType: body.contentType, size: body.size, issuedAt: state.env.clock.nowMs() });
      const publicUrl = `${baseUrlOf(request)}/__uploads/${encodeURIComponent(fileKey)}`;
      return {
        status: 200,
        body: { uploadUrl: `${publicUrl}?X-Amz-Expires=${UPLOAD_URL_TTL_S}&X-Amz-Signature=mock`, publicUrl, fileKey },
      };
    },

    putUpload: ({ state, path, body, headers }) => {
      const upload = state.uploads.get(path.fileKey);
      if (!upload) throw notFound();
      // The URL's X-Amz-Expires is what was issued; an edited one would fail the vendor's signature, so the record decides.
      if (state.env.clock.nowMs() > upload.issuedAt + UPLOAD_URL_TTL_S * 1000) throw new MockError('forbidden', 'Request has expired');
      upload.bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      upload.storedType = headers['content-type'] ?? upload.contentType;
      return { status: 200, body: undefined };
    },

    getUpload: ({ state, path }) => {
      const upload = state.uploads.get(path.fileKey);
      if (!upload?.bytes) throw notFound();
      return { status: 200, body: upload.bytes, contentType: upload.storedType ?? upload.contentType };
    },

    // ---- API keys

    createApiKey: ({ state, body, auth }) => {
      const now = state.env.clock.nowMs();
      let expiresAt: number | null = null;
      if (body?.expiration_date !== undefined) {
        expiresAt = Date.parse(body.expiration_date);
        if (!(expiresAt > now)) throw badRequest('expiration_date', 'expiration_date must be in the future');
      }
      const key: KeyRecord = {
        id: state.env.ids.uuid(),
        userId: auth.tenant,
        secret: `ctx_${state.env.ids.chars(40, BASE62)}`,
        name: body?.name ?? null,
        expiresAt,
        createdAt: now,
        revokedAt: null,
        seq: nextSeq(state),
      };
      state.apiKeys.insert(key);
      deps.access.register(key);
      return { status: 201, body: { ...renderApiKey(key), api_key: key.secret } };
    },

    listApiKeys: ({ state, query }) => {
      const { page, perPage } = pageOf(query);
      const rows = state.apiKeys.slice({ sort: NEWEST_FIRST, offset: (page - 1) * perPage, limit: perPage });
      return { status: 200, body: { api_keys: rows.map(renderApiKey), pagination: pagination(page, perPage, state.apiKeys.size) } };
    },

    revokeApiKey: ({ state, path }) => {
      const key = state.apiKeys.get(path.keyId);
      if (!key) throw notFound();
      key.revokedAt ??= state.env.clock.nowMs();
      return { status: 200, body: renderApiKey(key) };
    },
  };
}
