/**
 * One function per operationId of specs/airweave.yaml, typed from the
 * generated `operations`. Built per provider instance because collections'
 * readable ids are unique across organisations (the provider's memory.ts).
 */
import type { operations } from '../../generated/airweave.js';
import { baseUrlOf, type Handlers, type HandlerContext } from '../../core/provider.js';
import { MockError } from '../../core/errors.js';
import { emptyQuery, valueError } from './errors.js';
import type { AirweaveMemory } from './memory.js';
import { isSubHourly, parseCron } from './cron.js';
import { eventStream } from '../../core/sse.js';
import { arrayText } from '../../core/json-text.js';
import type { RetrievalMode } from '../../core/retrieval/types.js';
import { agentEvents, collect, errorEvent, failedEvents, AGENT_SEARCH_LIMIT } from './agentic.js';
import { parseFilterGroups, parseLegacyFilter, type FilterConditionInput } from './filter.js';
import { completionOf, renderLegacyResult, renderResult, runSearch, type Ranked } from './search.js';
import {
  cancelJob,
  connectionsIn,
  deleteConnection,
  dropCollectionEntities,
  indexFederated,
  isActiveJob,
  jobsOf,
  listedCollectionText,
  newestFirst,
  nextSeq,
  renderCollection,
  renderConnection,
  renderJob,
  renderListItem,
  renderSource,
  slugOf,
  startJob,
  workBeforeReply,
  type AirweaveState,
  type AuthenticationMethod,
  type Catalog,
  type CatalogField,
  type CatalogSource,
  type CollectionRecord,
  type ConnectionRecord,
  type SyncConfig,
} from './model.js';

type Ctx<K extends keyof operations> = HandlerContext<operations[K], AirweaveState>;

const READABLE_SUFFIX = 'abcdefghijklmnopqrstuvwxyz0123456789';

function collectionOr404(state: AirweaveState, readableId: string): CollectionRecord {
  const c = state.collections.get(readableId);
  if (!c) throw new MockError('not_found', 'Collection not found');
  return c;
}

function connectionOr404(state: AirweaveState, id: string): ConnectionRecord {
  const c = state.connections.get(id);
  if (!c) throw new MockError('not_found', 'Source connection not found');
  return c;
}

function checkSyncConfig(sync: SyncConfig | null | undefined): void {
  const d = sync?.destinations;
  if (!d) return;
  if (d.skip_vespa) {
    throw valueError('body', '/sync_config/destinations', 'Invalid config: skip_vespa is True. Vespa is the only vector database and must be enabled.');
  }
  const targets = new Set(d.target_destinations ?? []);
  const both = (d.exclude_destinations ?? []).filter((id) => targets.has(id));
  if (both.length) throw valueError('body', '/sync_config/destinations', `Destinations cannot be both targeted and excluded: ${both.join(', ')}`);
}

/** Python's repr of a list of strings, as the vendor's messages print them. */
const pyList = (items: readonly string[]): string => `[${items.map((i) => `'${i}'`).join(', ')}]`;

/** Checks values against a connector's declared fields, filling defaults; returns the stored object or the problems. */
function checkFields(fields: CatalogField[], input: Record<string, unknown>): { value: Record<string, unknown>; problems: string[] } {
  const value: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const f of fields) {
    const hint = f['x-mock'] ?? {};
    const v = Object.prototype.hasOwnProperty.call(input, f.name) ? input[f.name] : undefined;
    if (v === undefined || v === null) {
      if (hint.default !== undefined) value[f.name] = hint.default;
      else if (f.required !== false) problems.push(`${f.name}: Field required`);
      continue;
    }
    const ok =
      (f.type === 'string' && typeof v === 'string') ||
      (f.type === 'number' && typeof v === 'number') ||
      (f.type === 'boolean' && typeof v === 'boolean') ||
      (f.type === 'array' && Array.isArray(v));
    if (!ok) {
      problems.push(`${f.name}: Input should be a valid ${f.type === 'array' ? 'list' : f.type}`);
      continue;
    }
    if (typeof v === 'string') {
      if (hint.minLength !== undefined && v.length < hint.minLength) problems.push(`${f.name}: String should have at least ${hint.minLength} characters`);
      else if (hint.pattern !== undefined && !new RegExp(hint.pattern).test(v)) problems.push(`${f.name}: String should match pattern '${hint.pattern}'`);
    }
    value[f.name] = v;
  }
  return { value, problems };
}

type Authentication = NonNullable<operations['createSourceConnection']['requestBody']['content']['application/json']['authentication']>;

/** The method follows from which keys the authentication object carries (the vendor infers it the same way). */
function methodOf(auth: Authentication | null | undefined): AuthenticationMethod {
  if (!auth) return 'oauth_browser';
  if ('credentials' in auth) return 'direct';
  if ('access_token' in auth) return 'oauth_token';
  if ('provider_readable_id' in auth) return 'auth_provider';
  if ('client_id' in auth || 'consumer_key' in auth) return 'oauth_byoc';
  return 'oauth_browser';
}

/** A credential the "upstream" refuses: any value containing `invalid` (a deterministic trigger). */
const rejectedUpstream = (values: unknown[]): boolean => values.some((v) => typeof v === 'string' && v.toLowerCase().includes('invalid'));

function scheduleFor(
  source: CatalogSource,
  requested: { cron?: string | null; continuous?: boolean; cursor_field?: string | null } | null | undefined,
  nowMs: number,
): { cron: string | null; continuous: boolean; cursorField: string | null } {
  let cron: string | null;
  if (requested && 'cron' in requested) cron = requested.cron ?? null;
  else if (source.supports_continuous) cron = '*/5 * * * *';
  else {
    const d = new Date(nowMs);
    cron = `${d.getUTCMinutes()} ${d.getUTCHours()} * * *`;
  }
  if (cron !== null) {
    if (!parseCron(cron)) throw valueError('body', '/schedule/cron', `Invalid cron expression: ${cron}`);
    if (!source.supports_continuous && isSubHourly(cron)) {
      throw new MockError('bad_request', `Source '${source.short_name}' does not support continuous syncs. Minimum interval is 1 hour.`);
    }
  }
  return { cron, continuous: requested?.continuous ?? false, cursorField: requested?.cursor_field ?? null };
}

// ---- search

const GET_DEPRECATION = 'This endpoint is deprecated. Please use POST /collections/{id}/search with the new SearchRequest schema for improved functionality.';
const POST_DEPRECATION = "You're using the legacy SearchRequest schema. Please migrate to the new schema.";
const deprecation = (message: string): Record<string, string> => ({ 'x-api-deprecation': 'true', 'x-api-deprecation-message': message });

/** Legacy search names the collection and ends with a period; v2 does not. */
function searchedCollection(state: AirweaveState, readableId: string, legacy: boolean): CollectionRecord {
  const c = state.collections.get(readableId);
  if (!c) throw new MockError('not_found', `Collection '${readableId}' not found${legacy ? '.' : ''}`);
  return c;
}

/**
 * A v2 search (instant, classic, agentic): a blank query is the vendor's 422,
 * the FilterGroups become the core condition tree, the collection must be
 * this organisation's; then the ranking in the given mode.
 */
function v2Search(
  state: AirweaveState,
  readableId: string,
  body: { query: string; filter?: unknown },
  mode: RetrievalMode,
  offset: number,
  limit: number,
): Promise<Ranked[]> {
  if (body.query.trim() === '') throw emptyQuery('body', '/query');
  const filter = parseFilterGroups(body.filter as { conditions: FilterConditionInput[] }[] | null | undefined);
  searchedCollection(state, readableId, false);
  return runSearch(state, readableId, { query: body.query, mode, filter, offset, limit });
}

const LEGACY_MODES: Record<string, RetrievalMode> = { hybrid: 'hybrid', neural: 'semantic', keyword: 'keyword' };

type Body = Record<string, unknown>;

/** A list page's body from its records' texts. */
const joinArray = (parts: readonly (string | undefined)[]): string => arrayText(parts as string[]);
const LEGACY_ONLY = [
  'score_threshold',
  'response_type',
  'search_method',
  'recency_bias',
  'expansion_strategy',
  'enable_reranking',
  'enable_query_interpretation',
];
const SEARCH_ONLY = ['retrieval_strategy', 'source_connection_ids', 'temporal_relevance', 'expand_query', 'interpret_filters', 'rerank', 'generate_answer'];
const SHARED = ['query', 'filter', 'offset', 'limit'];

const inRange = (v: unknown, min: number, max: number, nullable: boolean): boolean =>
  v === undefined || (nullable && v === null) ? true : typeof v === 'number' && v >= min && v <= max;
const oneOf = (v: unknown, values: readonly string[], nullable: boolean): boolean =>
  v === undefined || (nullable && v === null) || (typeof v === 'string' && values.includes(v));
const optionalBool = (v: unknown): boolean => v === undefined || v === null || typeof v === 'boolean';

/** Whether the body is a valid LegacySearchRequest (the request schema accepted it as one or the other). */
function legacyValid(b: Body): boolean {
  const int = (v: unknown) => v === undefined || Number.isInteger(v);
  return (
    typeof b.query === 'string' &&
    int(b.offset) &&
    inRange(b.offset, 0, Number.MAX_SAFE_INTEGER, false) &&
    int(b.limit) &&
    inRange(b.limit, 1, 1000, false) &&
    inRange(b.score_threshold, 0, 1, true) &&
    inRange(b.recency_bias, 0, 1, true) &&
    oneOf(b.response_type, ['raw', 'completion'], false) &&
    oneOf(b.search_method, ['hybrid', 'neural', 'keyword'], true) &&
    oneOf(b.expansion_strategy, ['auto', 'llm', 'no_expansion'], true) &&
    optionalBool(b.enable_reranking) &&
    optionalBool(b.enable_query_interpretation)
  );
}

/** Whether the body is a valid SearchRequest. */
function searchValid(b: Body): boolean {
  const optInt = (v: unknown) => v === undefined || v === null || Number.isInteger(v);
  return (
    typeof b.query === 'string' &&
    optInt(b.offset) &&
    optInt(b.limit) &&
    oneOf(b.retrieval_strategy, ['hybrid', 'neural', 'keyword'], true) &&
    (b.temporal_relevance === undefined || b.temporal_relevance === null || typeof b.temporal_relevance === 'number') &&
    (b.source_connection_ids === undefined ||
      b.source_connection_ids === null ||
      (Array.isArray(b.source_connection_ids) && b.source_connection_ids.every((x) => typeof x === 'string'))) &&
    ['expand_query', 'interpret_filters', 'rerank', 'generate_answer'].every((k) => optionalBool(b[k]))
  );
}

/**
 * Which of the union's members the body is read as, as pydantic's smart
 * union decides: the one valid member, or of two valid ones the one that sets
 * more of its own fields (SearchRequest, the first, on a tie).
 */
export function isLegacyRequest(b: Body): boolean {
  const legacy = legacyValid(b);
  const plain = searchValid(b);
  if (legacy !== plain) return legacy;
  const set = (keys: string[]) => keys.filter((k) => b[k] !== undefined).length;
  return set([...SHARED, ...LEGACY_ONLY]) > set([...SHARED, ...SEARCH_ONLY]);
}

export interface HandlerDeps {
  /** The connector catalog (fixtures/airweave/sources.json). */
  catalog: Catalog;
  /** What the provider keeps across organisations (memory.ts). */
  memory: AirweaveMemory;
}

/** One handler per operationId, a fresh set per provider over its catalog and memory. */
export function createHandlers({ catalog, memory }: HandlerDeps): Handlers<operations, AirweaveState> {
  const sourceOr404 = (shortName: string, message: (s: string) => string): CatalogSource => {
    const s = catalog.byName.get(shortName);
    if (!s) throw new MockError('not_found', message(shortName));
    return s;
  };

  const syncOr404 = (c: ConnectionRecord): void => {
    if (!c.sync) throw new MockError('not_found', 'No sync found for this source connection');
  };

  const deleteCollectionCascade = (state: AirweaveState, c: CollectionRecord): void => {
    for (const conn of connectionsIn(state, c.readableId)) deleteConnection(state, conn.id);
    dropCollectionEntities(state, c.readableId);
    state.collections.delete(c.readableId);
    memory.readableIds.delete(c.readableId);
  };

  return {
    listSources() {
      return { status: 200, body: catalog.list.map(renderSource) };
    },

    getSource(ctx: Ctx<'getSource'>) {
      return { status: 200, body: renderSource(sourceOr404(ctx.path.short_name, (s) => `Source not found: ${s}`)) };
    },

    listCollections(ctx: Ctx<'listCollections'>) {
      const { state, query } = ctx;
      const term = (query.search ?? '').toLowerCase();
      const rows = state.collections.slice({
        sort: newestFirst<CollectionRecord>(),
        offset: query.skip ?? 0,
        limit: query.limit ?? 100,
        ...(term ? { filter: (c: CollectionRecord) => c.name.toLowerCase().includes(term) || c.readableId.includes(term) } : {}),
      });
      const key = `${query.skip ?? 0}|${query.limit ?? 100}|${term}`;
      return {
        status: 200,
        body: state.env.renders.joined<ReturnType<typeof renderCollection>[]>(
          state.collections,
          key,
          rows.map((c) => listedCollectionText(state, c)),
          joinArray,
        ),
      };
    },

    createCollection(ctx: Ctx<'createCollection'>) {
      const { state, body } = ctx;
      const { clock, ids } = state.env;
      checkSyncConfig(body.sync_config);
      let readableId = body.readable_id ?? undefined;
      if (readableId === undefined) {
        const slug = slugOf(body.name);
        const suffix = ids.chars(6, READABLE_SUFFIX);
        readableId = slug ? `${slug}-${suffix}` : suffix;
      }
      // Assumption: unique across organisations, answered with the same 400 as within one.
      if (memory.readableIds.has(readableId)) {
        throw new MockError('conflict', `Collection with readable_id '${readableId}' already exists`);
      }
      const now = clock.nowMicros();
      const record: CollectionRecord = {
        id: ids.uuid(),
        seq: nextSeq(state),
        name: body.name,
        readableId,
        // Defaults filled and unknown keys dropped by the pipeline, from the spec.
        syncConfig: body.sync_config ?? null,
        createdAt: now,
        modifiedAt: now,
      };
      memory.readableIds.set(readableId, state.organizationId);
      state.collections.insert(record);
      return { status: 200, body: renderCollection(state, record) };
    },

    getCollection(ctx: Ctx<'getCollection'>) {
      return { status: 200, body: renderCollection(ctx.state, collectionOr404(ctx.state, ctx.path.readable_id)) };
    },

    updateCollection(ctx: Ctx<'updateCollection'>) {
      const { state, body } = ctx;
      const c = collectionOr404(state, ctx.path.readable_id);
      checkSyncConfig(body.sync_config);
      // Assumption: `"name": null` means no change (the vendor would write NULL and fail).
      const rename = body.name !== undefined && body.name !== null;
      const resync = body.sync_config !== undefined && body.sync_config !== null;
      if (rename || resync) {
        state.collections.update(c.readableId, (col) => {
          if (rename) col.name = body.name!;
          if (resync) col.syncConfig = body.sync_config!;
          col.modifiedAt = state.env.clock.nowMicros();
        });
      }
      return { status: 200, body: renderCollection(state, c) };
    },

    deleteCollection(ctx: Ctx<'deleteCollection'>) {
      const { state } = ctx;
      const c = collectionOr404(state, ctx.path.readable_id);
      const snapshot = renderCollection(state, c);
      deleteCollectionCascade(state, c);
      return { status: 200, body: snapshot };
    },

    async refreshAllSourceConnections(ctx: Ctx<'refreshAllSourceConnections'>) {
      const { state } = ctx;
      const c = collectionOr404(state, ctx.path.readable_id);
      // Assumption: connections without a sync, or with a job in flight, are skipped.
      const started = connectionsIn(state, c.readableId)
        .filter((conn) => conn.sync && !jobsOf(state, conn.id).some(isActiveJob))
        .map((conn) => startJob(state, catalog, conn));
      const body = started.map(({ job }) => renderJob(job));
      await Promise.all(started.map(({ work }) => work));
      return { status: 200, body };
    },

    listSourceConnections(ctx: Ctx<'listSourceConnections'>) {
      const { state, query } = ctx;
      const collection = query.collection;
      const rows = state.connections.slice({
        sort: newestFirst<ConnectionRecord>(),
        offset: query.skip ?? 0,
        limit: query.limit ?? 100,
        ...(collection !== undefined ? { filter: (c: ConnectionRecord) => c.collection === collection } : {}),
      });
      return { status: 200, body: rows.map((c) => renderListItem(state, c)) };
    },

    async createSourceConnection(ctx: Ctx<'createSourceConnection'>) {
      const { state, body } = ctx;
      const { clock, ids } = state.env;
      // The vendor's order of checks: source, method, sync_immediately, fields, upstream, collection.
      const source = sourceOr404(body.short_name, (s) => `Source '${s}' not found`);
      const auth = body.authentication ?? null;
      const method = methodOf(auth);
      const supported = source.auth_methods ?? [];
      if (!supported.includes(method)) {
        throw new MockError('bad_request', `Source ${source.short_name} does not support this authentication method. Supported methods: ${pyList(supported)}`);
      }
      const browser = method === 'oauth_browser' || method === 'oauth_byoc';
      if (browser && body.sync_immediately === true) {
        throw new MockError('bad_request', 'OAuth connections cannot use sync_immediately. Sync starts after OAuth callback.');
      }
      if (auth && 'provider_readable_id' in auth && !memory.authProviders.has(auth.provider_readable_id)) {
        throw new MockError('not_found', `Auth provider '${auth.provider_readable_id}' not found`);
      }
      let credentials: Record<string, unknown> | null = null;
      if (auth && 'credentials' in auth) {
        const checked = checkFields(source.auth_fields?.fields ?? [], auth.credentials);
        if (checked.problems.length) throw new MockError('unprocessable', `Invalid auth fields: ${checked.problems.join('; ')}`);
        credentials = checked.value;
      }
      const config = checkFields(source.config_fields.fields, body.config ?? {});
      if (config.problems.length) throw new MockError('unprocessable', `Invalid config fields: ${config.problems.join('; ')}`);
      const secrets = [...Object.values(credentials ?? {}), auth && 'access_token' in auth ? auth.access_token : undefined];
      if (rejectedUpstream(secrets)) {
        throw new MockError(
          'bad_request',
          `Invalid or revoked OAuth access token for source '${source.short_name}'. Verify the token with the provider and try again.`,
        );
      }
      collectionOr404(state, body.readable_collection_id);

      const now = clock.nowMicros();
      const syncImmediately = body.sync_immediately ?? !browser;
      const noSchedule = body.schedule !== undefined && body.schedule !== null && body.schedule.cron === null;
      const hasSync = !browser && !source.federated_search && !(noSchedule && !syncImmediately);
      const record: ConnectionRecord = {
        id: ids.uuid(),
        seq: nextSeq(state),
        name: body.name ?? `${source.name} Connection`,
        shortName: source.short_name,
        collection: body.readable_collection_id,
        description: body.description ?? null,
        config: config.value,
        method,
        authenticated: !browser,
        authenticatedAt: browser ? null : now,
        authCode: null,
        credentials,
        providerReadableId: auth && 'provider_readable_id' in auth ? auth.provider_readable_id : null,
        redirectUrl: body.redirect_url ?? null,
        authUrl: null,
        authUrlExpires: null,
        sync: hasSync ? { id: ids.uuid(), ...scheduleFor(source, body.schedule, clock.nowMs()) } : null,
        federated: Boolean(source.federated_search),
        createdAt: now,
        modifiedAt: now,
        entitiesTotal: 0,
        entitiesUpdatedAt: null,
      };
      let claimToken: string | undefined;
      if (browser) {
        record.authCode = ids.chars(32, READABLE_SUFFIX);
        memory.oauthCodes.set(record.authCode, { organization: state.organizationId, connectionId: record.id });
        record.authUrl = `${baseUrlOf(ctx.request)}/source-connections/authorize/${record.authCode}`;
        record.authUrlExpires = now + 30 * 60 * 1_000_000;
        claimToken = ids.chars(43, `${READABLE_SUFFIX}ABCDEFGHIJKLMNOPQRSTUVWXYZ_-`);
      }
      state.connections.insert(record);
      let work: Promise<void> | undefined;
      if (record.sync && syncImmediately) work = startJob(state, catalog, record).work;
      if (record.federated && record.authenticated) work = indexFederated(state, catalog, record);
      const reply = { status: 200 as const, body: renderConnection(state, catalog, record, claimToken ? { claimToken } : {}) };
      if (work && workBeforeReply(state)) await work;
      return reply;
    },

    async authorizeSourceConnection(ctx: Ctx<'authorizeSourceConnection'>) {
      const { state } = ctx;
      const { clock, ids } = state.env;
      const pending = memory.oauthCodes.get(ctx.path.code);
      const c = pending && state.connections.get(pending.connectionId);
      if (!c) throw new MockError('not_found', 'Authorization code not found or already used');
      memory.oauthCodes.delete(ctx.path.code);
      const source = catalog.byName.get(c.shortName)!;
      const now = clock.nowMicros();
      state.connections.update(c.id, (conn) => {
        conn.authenticated = true;
        conn.authenticatedAt = now;
        conn.authCode = null;
        conn.authUrl = null;
        conn.authUrlExpires = null;
        conn.modifiedAt = now;
        // As after the vendor's callback: the sync is created now and starts at once.
        if (!conn.federated) conn.sync = { id: ids.uuid(), ...scheduleFor(source, undefined, clock.nowMs()) };
      });
      const work = c.sync ? startJob(state, catalog, c).work : c.federated ? indexFederated(state, catalog, c) : undefined;
      if (work && workBeforeReply(state)) await work;
      if (c.redirectUrl) {
        const sep = c.redirectUrl.includes('?') ? '&' : '?';
        return { status: 303, body: undefined, headers: { location: `${c.redirectUrl}${sep}status=success&source_connection_id=${c.id}` } };
      }
      return { status: 200, body: renderConnection(state, catalog, c) };
    },

    getSourceConnection(ctx: Ctx<'getSourceConnection'>) {
      const c = connectionOr404(ctx.state, ctx.path.source_connection_id);
      return { status: 200, body: renderConnection(ctx.state, catalog, c) };
    },

    updateSourceConnection(ctx: Ctx<'updateSourceConnection'>) {
      const { state, body } = ctx;
      const fields = Object.keys(body).filter((k) => (body as Record<string, unknown>)[k] !== undefined);
      if (!['name', 'description', 'config', 'schedule', 'authentication'].some((k) => fields.includes(k))) {
        throw valueError('body', '', 'At least one field must be provided for update');
      }
      const c = connectionOr404(state, ctx.path.source_connection_id);
      const source = catalog.byName.get(c.shortName)!;
      let credentials = c.credentials;
      if (body.authentication) {
        if (c.method !== 'direct') throw new MockError('bad_request', 'Credentials can only be updated for direct authentication');
        const checked = checkFields(source.auth_fields?.fields ?? [], body.authentication.credentials);
        if (checked.problems.length) throw new MockError('unprocessable', `Invalid auth fields: ${checked.problems.join('; ')}`);
        credentials = checked.value;
      }
      let config = c.config;
      if (body.config !== undefined && body.config !== null) {
        const checked = checkFields(source.config_fields.fields, body.config);
        if (checked.problems.length) throw new MockError('unprocessable', `Invalid config fields: ${checked.problems.join('; ')}`);
        config = checked.value;
      }
      const sync = body.schedule && c.sync ? { id: c.sync.id, ...scheduleFor(source, body.schedule, state.env.clock.nowMs()) } : c.sync;
      state.connections.update(c.id, (conn) => {
        if (body.name !== undefined && body.name !== null) conn.name = body.name;
        if (body.description !== undefined) conn.description = body.description ?? null;
        conn.config = config;
        conn.credentials = credentials;
        conn.sync = sync;
        conn.modifiedAt = state.env.clock.nowMicros();
      });
      return { status: 200, body: renderConnection(state, catalog, c) };
    },

    deleteSourceConnection(ctx: Ctx<'deleteSourceConnection'>) {
      const { state } = ctx;
      const c = connectionOr404(state, ctx.path.source_connection_id);
      const snapshot = renderConnection(state, catalog, c);
      if (c.authCode) memory.oauthCodes.delete(c.authCode);
      deleteConnection(state, c.id);
      return { status: 200, body: snapshot };
    },

    async runSourceConnection(ctx: Ctx<'runSourceConnection'>) {
      const { state } = ctx;
      const c = connectionOr404(state, ctx.path.source_connection_id);
      syncOr404(c);
      const active = jobsOf(state, c.id).find(isActiveJob);
      if (active) throw new MockError('bad_request', `Cannot start new sync: a sync job is already ${active.status}`);
      const { job, work } = startJob(state, catalog, c);
      const body = renderJob(job);
      await work;
      return { status: 200, body };
    },

    getSourceConnectionJobs(ctx: Ctx<'getSourceConnectionJobs'>) {
      const { state } = ctx;
      const c = connectionOr404(state, ctx.path.source_connection_id);
      syncOr404(c);
      return {
        status: 200,
        body: jobsOf(state, c.id)
          .slice(0, ctx.query.limit ?? 100)
          .map(renderJob),
      };
    },

    async searchCollectionLegacy(ctx: Ctx<'searchCollectionLegacy'>) {
      const { state, query } = ctx;
      if (query.query.trim() === '') throw emptyQuery('query', '/query');
      searchedCollection(state, ctx.path.readable_id, true);
      const responseType = query.response_type ?? 'raw';
      const ranked = await runSearch(state, ctx.path.readable_id, {
        query: query.query,
        mode: 'hybrid',
        offset: query.offset ?? 0,
        limit: query.limit ?? 100,
        recencyBias: query.recency_bias,
      });
      return {
        status: 200,
        headers: deprecation(GET_DEPRECATION),
        body: {
          results: ranked.map(renderLegacyResult),
          response_type: responseType,
          completion: responseType === 'completion' ? completionOf(query.query, ranked) : null,
          status: ranked.length ? 'success' : 'no_results',
        },
      };
    },

    async searchCollection(ctx: Ctx<'searchCollection'>) {
      const { state } = ctx;
      const readableId = ctx.path.readable_id;
      const b = ctx.body as Body;
      const text = b.query as string;
      // The body is validated (the query, the filter) before the collection is looked up.
      if (text.trim() === '') throw emptyQuery('body', '/query');
      const filter = parseLegacyFilter(b.filter);
      searchedCollection(state, readableId, true);
      if (isLegacyRequest(b)) {
        const responseType = (b.response_type as 'raw' | 'completion' | undefined) ?? 'raw';
        const threshold = typeof b.score_threshold === 'number' ? b.score_threshold : undefined;
        const all = await runSearch(state, readableId, {
          query: text,
          mode: LEGACY_MODES[(b.search_method as string | null | undefined) ?? 'hybrid']!,
          filter,
          offset: (b.offset as number | undefined) ?? 0,
          limit: (b.limit as number | undefined) ?? 100,
          recencyBias: (b.recency_bias as number | null | undefined) ?? undefined,
        });
        const ranked = threshold === undefined ? all : all.filter((r) => r.score >= threshold);
        const status = ranked.length ? 'success' : all.length ? 'no_relevant_results' : 'no_results';
        return {
          status: 200,
          headers: deprecation(POST_DEPRECATION),
          body: {
            results: ranked.map(renderLegacyResult),
            response_type: responseType,
            completion: responseType === 'completion' ? completionOf(text, ranked) : null,
            status,
          },
        };
      }
      const ids = b.source_connection_ids as string[] | null | undefined;
      const ranked = await runSearch(state, readableId, {
        query: text,
        mode: LEGACY_MODES[(b.retrieval_strategy as string | null | undefined) ?? 'hybrid']!,
        filter,
        connections: ids ? new Set(ids.map((id) => id.toLowerCase())) : undefined,
        offset: Math.max(0, (b.offset as number | null | undefined) ?? 0),
        limit: Math.max(0, (b.limit as number | null | undefined) ?? 100),
      });
      const removed = typeof b.temporal_relevance === 'number' && b.temporal_relevance > 0;
      return {
        status: 200,
        ...(removed
          ? { headers: { 'x-feature-removed': 'temporal_relevance', 'x-feature-removed-message': 'temporal_relevance has been removed and was ignored' } }
          : {}),
        body: { results: ranked.map(renderLegacyResult), completion: b.generate_answer === false ? null : completionOf(text, ranked) },
      };
    },

    async instantSearch(ctx: Ctx<'instantSearch'>) {
      const { body } = ctx;
      const ranked = await v2Search(ctx.state, ctx.path.readable_id, body, body.retrieval_strategy ?? 'hybrid', body.offset ?? 0, body.limit ?? 100);
      return { status: 200, body: { results: ranked.map(renderResult) } };
    },

    async classicSearch(ctx: Ctx<'classicSearch'>) {
      const { body } = ctx;
      const ranked = await v2Search(ctx.state, ctx.path.readable_id, body, 'hybrid', body.offset ?? 0, body.limit ?? 100);
      return { status: 200, body: { results: ranked.map(renderResult) } };
    },

    async agenticSearch(ctx: Ctx<'agenticSearch'>) {
      const { body } = ctx;
      const ranked = await v2Search(ctx.state, ctx.path.readable_id, body, 'hybrid', 0, AGENT_SEARCH_LIMIT);
      return { status: 200, body: { results: collect(ranked, body.limit).map(renderResult) } };
    },

    async streamAgenticSearch(ctx: Ctx<'streamAgenticSearch'>) {
      const { state, body } = ctx;
      const readableId = ctx.path.readable_id;
      if (body.query.trim() === '') throw emptyQuery('body', '/query');
      const filter = parseFilterGroups(body.filter as { conditions: FilterConditionInput[] }[] | null | undefined);
      const requestId = state.env.ids.uuid();
      // Each agent step takes a quarter of a lifecycle step on the mock's clock.
      const stepMs = Math.max(0, Math.round(state.env.processingMs / 4));
      const headers = { 'cache-control': 'no-cache', 'x-accel-buffering': 'no' };
      const options = { error: errorEvent(requestId) };
      // The vendor starts the stream before it looks the collection up: a missing one is an error event, not a 404.
      if (!state.collections.get(readableId)) {
        return { status: 200, headers, contentType: 'text/event-stream', body: eventStream(failedEvents(requestId, readableId, stepMs), options) };
      }
      let ranked: Ranked[];
      try {
        ranked = await runSearch(state, readableId, { query: body.query, mode: 'hybrid', filter, offset: 0, limit: AGENT_SEARCH_LIMIT });
      } catch (err) {
        state.env.log.error({ err, collection: readableId }, 'the agentic search failed');
        return { status: 200, headers, contentType: 'text/event-stream', body: eventStream(failedEvents(requestId, readableId, stepMs), options) };
      }
      const events = agentEvents({
        requestId,
        readableId,
        query: body.query,
        thinking: body.thinking ?? false,
        filter: body.filter ?? null,
        ranked,
        limit: body.limit,
        stepMs,
      });
      return { status: 200, headers, contentType: 'text/event-stream', body: eventStream(events, options) };
    },

    cancelSourceConnectionJob(ctx: Ctx<'cancelSourceConnectionJob'>) {
      const { state } = ctx;
      connectionOr404(state, ctx.path.source_connection_id);
      // The vendor scopes the job by organisation only, not by the connection in the path.
      const job = state.jobs.get(ctx.path.job_id);
      if (!job) throw new MockError('not_found', 'Sync job not found');
      if (job.status !== 'pending' && job.status !== 'running') {
        throw new MockError('bad_request', `Cannot cancel job in ${job.status} state`);
      }
      cancelJob(state, job);
      return { status: 200, body: renderJob(job) };
    },
  };
}
