/**
 * One function per operationId of specs/mixpeek.yaml, typed from the
 * generated `operations`. Namespaces (by `X-Namespace`, id or name) hold
 * everything; the legacy request shape (`POST /v1/collections/create`, from the
 * vendor's earlier API) and the current one are one behaviour.
 */
import type { components, operations } from '../../generated/mixpeek.js';
import type { Handlers, HandlerContext } from '../../core/provider.js';
import { MockError } from '../../core/errors.js';
import { alreadyExists, invalid, notFound } from './errors.js';
import { Table, decodeCursor, encodeCursor } from '../../core/store.js';
import { matches, parseFilter, valuesAt, type Filter } from './filter.js';
import { list, listRequest, selectFields } from './listing.js';
import { createRetrieverHandlers } from './retriever-handlers.js';
import { applyWrites, createDocument as buildDocument, planWrite, type PlannedWrite } from './documents.js';
import { dropIndex, filterView, settled, vectorsOf } from './retrieval.js';
import {
  ALNUM,
  HEX,
  addDocument,
  byIdOrName,
  deriveOutputSchema,
  nextSeq,
  objectView,
  omitNulls,
  processObject,
  removeDocument,
  vectorFields,
  renderBucket,
  renderCollection,
  renderDocument,
  renderNamespace,
  renderObject,
  renderTask,
  withPresignedUrls,
  type BlobRecord,
  type BucketRecord,
  type BucketSchema,
  type Catalog,
  type CollectionRecord,
  type DocumentRecord,
  type MixpeekState,
  type NamespaceRecord,
  type ObjectRecord,
  type TaskRecord,
} from './model.js';

type Ctx<K extends keyof operations> = HandlerContext<operations[K], MixpeekState>;
type Json = Record<string, unknown>;
type Pagination = components['schemas']['PaginationResponse'];
type DocumentResponse = components['schemas']['DocumentResponse'];

// ---- collections: the legacy form and the current form as one

interface Normalised {
  extractor: Json;
  extractors: Json[];
  source: Json;
  sourceType: string;
  bucketIds: string[];
  filter: Filter | null;
  rawFilters: unknown;
  prefixKey?: string;
}

function withId(fe: Json): Json {
  const out: Json = { ...fe, feature_extractor_id: `${String(fe.feature_extractor_name)}_${String(fe.version)}` };
  // `input_mapping` (legacy) and `input_mappings` (current) are one field: echo both.
  const mappings = fe.input_mappings ?? fe.input_mapping;
  if (mappings !== undefined) {
    out.input_mappings = mappings;
    if (fe.input_mapping !== undefined) out.input_mapping = mappings;
  }
  return out;
}

function normalise(body: Json): Normalised {
  const list = body.feature_extractors as Json[] | undefined;
  const single = body.feature_extractor as Json | undefined;
  const first = single ?? list?.[0];
  if (!first) throw invalid('/feature_extractor', 'required', 'Field required');
  const extractor = withId(first);
  const extractors = list?.length ? list.map(withId) : [extractor];
  if (single && list?.length) extractors[0] = extractor;
  const src = body.source as Json;
  const ids = new Set<string>();
  for (const id of (src.bucket_ids as string[] | undefined) ?? []) ids.add(id);
  if (typeof src.bucket_id === 'string') ids.add(src.bucket_id);
  const bucketIds = [...ids];
  const sourceType = String(src.type);
  if (sourceType === 'bucket' && !bucketIds.length) throw invalid('/source', 'value_error', 'Value error, bucket_ids is required when type is bucket');
  if (sourceType === 'collection') {
    const single = typeof src.collection_id === 'string' && src.collection_id !== '';
    const many = Array.isArray(src.collection_ids) && src.collection_ids.length > 0;
    if (single === many) throw invalid('/source', 'value_error', 'Value error, provide exactly one of collection_id or collection_ids');
  }
  const sourceFilters = src.source_filters as { filters?: unknown } | undefined;
  const rawFilters = sourceFilters?.filters ?? src.filters;
  const filter = rawFilters === undefined || rawFilters === null ? null : parseFilter(rawFilters, 'source.source_filters.filters');
  return {
    extractor,
    extractors,
    source: src,
    sourceType,
    bucketIds,
    filter,
    rawFilters,
    ...(typeof src.prefix_key === 'string' ? { prefixKey: src.prefix_key } : {}),
  };
}

const MUTABLE = new Set([
  'collection_name',
  'description',
  'taxonomy_applications',
  'enabled',
  'metadata',
  'cluster_applications',
  'alert_applications',
  'retriever_enrichments',
  'schedule',
]);
const IMMUTABLE = new Set([
  'collection_id',
  'source',
  'feature_extractor',
  'feature_extractors',
  'input_schema',
  'output_schema',
  'source_lineage',
  'source_bucket_schemas',
  'vector_indexes',
  'payload_indexes',
  'created_at',
  'updated_at',
  'document_count',
]);

function taxonomyApplications(items: unknown): Json[] {
  return ((items as Json[] | undefined) ?? []).map((t) => {
    const { output_collection, ...rest } = t;
    const target = rest.target_collection_id ?? output_collection;
    return {
      execution_mode: 'materialize',
      execution_phase: 1,
      priority: 0,
      hierarchical_enrichment_style: 'combined',
      ...rest,
      ...(target !== undefined ? { target_collection_id: target } : {}),
      ...(output_collection !== undefined ? { output_collection } : {}),
    };
  });
}

export interface HandlerDeps {
  /** The feature-extractor catalog (fixtures/mixpeek/extractors.json). */
  catalog: Catalog;
}

/** One handler per operationId (the retrievers' from retriever-handlers.ts), a fresh set per provider over its catalog. */
export function createHandlers({ catalog }: HandlerDeps): Handlers<operations, MixpeekState> {
  const clockOf = (state: MixpeekState) => state.env.clock;

  /** The namespace a request names in X-Namespace (id or name), or the implicit `default` one when it names none. */
  const namespaceOf = (ctx: { state: MixpeekState; request: { headers: Readonly<Record<string, string | undefined>> } }): NamespaceRecord => {
    const { state } = ctx;
    const header = ctx.request.headers['x-namespace'];
    if (header !== undefined && header !== '') {
      const ns = byIdOrName(state.namespaces, header);
      if (!ns) throw notFound('namespace', header);
      return ns;
    }
    return (
      byIdOrName(state.namespaces, 'default') ??
      createNamespace(state, {
        namespace_name: 'default',
        feature_extractors: catalog.list.map((e) => ({ feature_extractor_name: e.feature_extractor_name, version: e.version })),
      })
    );
  };

  const createNamespace = (state: MixpeekState, body: Json): NamespaceRecord => {
    const name = String(body.namespace_name);
    if (byIdOrName(state.namespaces, name)) throw alreadyExists('namespace', name);
    const extractors = ((body.feature_extractors as Json[] | undefined) ?? []).map((fe) => {
      const id = `${String(fe.feature_extractor_name)}_${String(fe.version)}`;
      if (!catalog.byId.has(id)) {
        throw new MockError('not_found', `Feature extractor ${String(fe.feature_extractor_name)} version ${String(fe.version)} not found in registry.`, {
          details: { resource: 'feature_extractor', id },
        });
      }
      return { ...fe, feature_extractor_id: id };
    });
    const tenant = (field: string, isTenant: boolean) => ({
      field_name: field,
      type: 'keyword',
      field_schema: { type: 'keyword', is_tenant: isTenant },
      is_protected: true,
    });
    const now = clockOf(state).nowMicros();
    const ns: NamespaceRecord = {
      id: `ns_${state.env.ids.chars(10, HEX)}`,
      seq: nextSeq(state),
      name,
      config: {
        namespace_type: body.namespace_type ?? 'standard',
        description: body.description,
        feature_extractors: extractors,
        payload_indexes: [
          tenant('internal_id', true),
          tenant('namespace_id', true),
          tenant('collection_id', true),
          tenant('document_id', false),
          tenant('bucket_id', false),
          ...((body.payload_indexes as Json[] | undefined) ?? []),
        ],
        auto_create_indexes: body.auto_create_indexes ?? false,
        infrastructure: body.infrastructure,
      },
      buckets: new Table('id'),
      collections: new Table('id'),
      retrievers: new Table('id'),
      executions: new Table('id'),
      createdAt: now,
      updatedAt: now,
    };
    state.namespaces.insert(ns);
    return ns;
  };

  /** A bucket being deleted stays visible (status IN_PROGRESS) until its task ends, but takes no new work. */
  const bucketOr404 = (ns: NamespaceRecord, identifier: string, options: { forWork?: boolean } = {}): BucketRecord => {
    const b = byIdOrName(ns.buckets, identifier);
    if (!b || (options.forWork && b.status === 'IN_PROGRESS')) throw notFound('bucket', identifier);
    return b;
  };

  const collectionOr404 = (ns: NamespaceRecord, identifier: string): CollectionRecord => {
    const c = byIdOrName(ns.collections, identifier);
    if (!c) throw notFound('collection', identifier);
    return c;
  };

  const startTask = (state: MixpeekState, type: TaskRecord['task_type'], inputs: Json[], done: () => void): TaskRecord => {
    const { clock, ids, processingMs } = state.env;
    const task: TaskRecord = { task_id: `task_${ids.chars(24, HEX)}`, task_type: type, status: 'PENDING', inputs, createdAt: clock.nowMicros() };
    state.tasks.set(task.task_id, task);
    // The handles stay on the task, so dropping the tenant's state (a reset, a load) stops it.
    task.timer = clock.schedule(processingMs, () => {
      task.status = 'IN_PROGRESS';
      task.timer = clock.schedule(processingMs, () => {
        task.timer = undefined;
        done();
        task.status = 'COMPLETED';
      });
    });
    return task;
  };

  const createCollection = (ctx: Ctx<'createCollection'> | Ctx<'createCollectionLegacy'>) => {
    const { state } = ctx;
    const body: Json = ctx.body;
    const ns = namespaceOf(ctx);
    const n = normalise(body);
    const name = String(body.collection_name);
    if (byIdOrName(ns.collections, name)) throw alreadyExists('collection', name);
    // Sources must exist (in the source namespace, when the request names one).
    const srcNsId = n.source.source_namespace_id as string | undefined;
    const srcNs = srcNsId ? byIdOrName(state.namespaces, srcNsId) : ns;
    if (!srcNs) throw new MockError('not_found', 'Namespace not found', { details: { resource: 'namespace', id: srcNsId } });
    // Ids or names in the request; the reply carries resolved ids, once each.
    const buckets = n.sourceType === 'bucket' ? [...new Set(n.bucketIds.map((id) => bucketOr404(srcNs, id, { forWork: true })))] : [];
    const bucketIds = buckets.map((b) => b.id);
    const upstreamIds =
      n.sourceType === 'collection'
        ? [...((n.source.collection_ids as string[] | undefined) ?? []), ...(typeof n.source.collection_id === 'string' ? [n.source.collection_id] : [])]
        : [];
    const upstream = upstreamIds.map((id) => collectionOr404(ns, id));
    const entry = catalog.byId.get(String(n.extractor.feature_extractor_id));
    if (!entry) {
      throw new MockError(
        'not_found',
        `Feature extractor ${String(n.extractor.feature_extractor_name)} version ${String(n.extractor.version)} not found in registry.`,
        {
          details: { resource: 'feature_extractor', id: n.extractor.feature_extractor_id },
        },
      );
    }
    if (buckets.length > 1) {
      const first = JSON.stringify(buckets[0]!.schema.properties ?? {});
      if (buckets.some((b) => JSON.stringify(b.schema.properties ?? {}) !== first)) {
        throw new MockError('bad_request', 'All source buckets must have the same bucket_schema.');
      }
    }
    const inputSchema =
      (body.input_schema as BucketSchema | undefined) ?? buckets[0]?.schema ?? upstream[0]?.outputSchema ?? ({ properties: {} } as BucketSchema);
    const mappings = n.extractor.input_mappings;
    if (body.feature_extractor && mappings && typeof mappings === 'object' && !Array.isArray(mappings)) {
      for (const field of Object.values(mappings as Record<string, unknown>)) {
        if (typeof field === 'string' && !(field.split('.')[0]! in (inputSchema.properties ?? {}))) {
          throw new MockError('bad_request', `The source field '${field}' does not exist in the source schema.`);
        }
      }
    }
    let outputSchema = deriveOutputSchema(inputSchema, n.extractor, entry);
    for (const fe of n.extractors.slice(1)) {
      const more = deriveOutputSchema(inputSchema, fe, catalog.byId.get(String(fe.feature_extractor_id)));
      outputSchema = { properties: { ...outputSchema.properties, ...more.properties } } as BucketSchema;
    }
    const { clock, ids } = state.env;
    const id = `col_${ids.chars(10, ALNUM)}`;
    const source: Json = {
      type: n.sourceType,
      ...(bucketIds.length ? { bucket_ids: bucketIds, bucket_id: bucketIds[0] } : {}),
      // Upstream collections (ids or names) are echoed as resolved ids; other types echo what was sent.
      ...(n.source.collection_id !== undefined && n.source.collection_id !== null
        ? { collection_id: n.sourceType === 'collection' ? upstream[0]!.id : n.source.collection_id }
        : {}),
      ...(Array.isArray(n.source.collection_ids)
        ? { collection_ids: n.sourceType === 'collection' ? upstream.map((c) => c.id) : n.source.collection_ids }
        : {}),
      ...(n.rawFilters !== undefined && n.rawFilters !== null ? { source_filters: { filters: n.rawFilters } } : {}),
      ...(n.prefixKey !== undefined ? { prefix_key: n.prefixKey } : {}),
      ...(srcNsId ? { source_namespace_id: srcNs.id } : {}),
    };
    const legacyConfig = {
      type: n.sourceType,
      bucket_id: bucketIds[0],
      prefix_key: n.prefixKey,
      collection_id: (source.collection_id as string | undefined) ?? undefined,
      filters: n.rawFilters ?? undefined,
    };
    const ownLineage = {
      source_config: source,
      feature_extractor: n.extractor,
      output_schema: outputSchema,
      source_type: n.sourceType,
      collection_id: id,
      bucket_id: bucketIds[0],
      bucket_config: legacyConfig,
      collection_config: legacyConfig,
      feature_extractors: n.extractors,
    };
    const upstreamLineage = (upstream[0]?.config.source_lineage as Json[] | undefined) ?? [];
    const taxonomies = taxonomyApplications(body.taxonomy_applications);
    const now = clock.nowMicros();
    const config: Json = {
      description: body.description,
      input_schema: inputSchema,
      feature_extractor: n.extractor,
      feature_extractors: n.extractors,
      source,
      ...(buckets.length > 1 ? { source_bucket_schemas: Object.fromEntries(buckets.map((b) => [b.id, b.schema])) } : {}),
      source_lineage: [...upstreamLineage, ownLineage],
      vector_indexes: vectorFields(entry),
      payload_indexes: [],
      metadata: body.metadata ?? {},
      ...(body.schedule ? { schedule: body.schedule, trigger_id: `trg_${ids.chars(12, HEX)}` } : {}),
      schema_version: 1,
      schema_sync_enabled: true,
      taxonomy_applications: taxonomies,
      cluster_applications: body.cluster_applications ?? [],
      alert_applications: body.alert_applications ?? [],
      retriever_enrichments: body.retriever_enrichments ?? [],
      taxonomy_count: taxonomies.length,
      lifecycle_state: 'active',
      status: 'DONE',
      ...(body.cache_config ? { cache_config: body.cache_config } : {}),
    };
    const record: CollectionRecord = {
      id,
      seq: nextSeq(state),
      name,
      config,
      source: { type: n.sourceType, bucketIds, ...(n.prefixKey !== undefined ? { prefixKey: n.prefixKey } : {}), filter: n.filter },
      outputSchema,
      enabled: body.enabled !== false,
      documents: new Table('id'),
      createdAt: now,
      updatedAt: now,
    };
    ns.collections.insert(record);
    return { status: 200 as const, body: renderCollection(record, ns) };
  };

  /** The documents of a collection a filter matches (all of them without one), oldest first. */
  const matching = (ns: NamespaceRecord, c: CollectionRecord, raw: unknown, where: string): DocumentRecord[] => {
    const filter = raw === undefined || raw === null ? null : parseFilter(raw, where);
    const docs = [...c.documents.values()].sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
    return filter ? docs.filter((d) => matches(filter, filterView(ns, c, d))) : docs;
  };

  /** PUT and PATCH of one document. */
  const writeOne = async (ctx: Ctx<'updateDocument'> | Ctx<'patchDocument'>, mode: 'replace' | 'merge') => {
    const { state } = ctx;
    const ns = namespaceOf(ctx);
    const c = collectionOr404(ns, ctx.path.collection_identifier);
    const d = c.documents.get(ctx.path.document_id);
    if (!d) throw notFound('document', ctx.path.document_id);
    await applyWrites(state, ns, c, catalog, [planWrite(c, catalog, d, ctx.body, mode)]);
    if (c.documents.get(d.id) !== d) throw notFound('document', ctx.path.document_id);
    return { status: 200 as const, body: renderDocument(ns, c, d, { organization: state.organization }) };
  };

  return {
    ...createRetrieverHandlers(catalog, namespaceOf),
    createCollection,
    createCollectionLegacy: createCollection,

    listCollections(ctx: Ctx<'listCollections'>) {
      const ns = namespaceOf(ctx);
      const page = list(
        `collections|${ns.id}`,
        ns.collections.values(),
        (c) => renderCollection(c, ns),
        (c) => [c.id, c.name, c.config.description as string | undefined],
        listRequest(ctx.query, ctx.body as Json | undefined),
      );
      return { status: 200, body: { results: page.results, pagination: page.pagination, total_count: page.total } };
    },

    getCollection(ctx: Ctx<'getCollection'>) {
      const ns = namespaceOf(ctx);
      return { status: 200, body: renderCollection(collectionOr404(ns, ctx.path.collection_identifier), ns) };
    },

    updateCollection(ctx: Ctx<'updateCollection'>) {
      const ns = namespaceOf(ctx);
      const c = collectionOr404(ns, ctx.path.collection_identifier);
      const body = ctx.body as Json;
      const frozen = Object.keys(body).filter((k) => IMMUTABLE.has(k));
      if (frozen.length) throw new MockError('bad_request', `Fields cannot be updated: ${frozen.join(', ')}`);
      const name = body.collection_name;
      if (name !== undefined) {
        if (typeof name !== 'string') throw invalid('/collection_name', 'type', 'Input should be a valid string');
        if (name.length < 3)
          throw new MockError('validation', 'too short', {
            issues: [{ location: 'body', pointer: '/collection_name', rule: 'minLength', message: '', params: { limit: 3 } }],
          });
        if (name.length > 100)
          throw new MockError('validation', 'too long', {
            issues: [{ location: 'body', pointer: '/collection_name', rule: 'maxLength', message: '', params: { limit: 100 } }],
          });
        const other = byIdOrName(ns.collections, name);
        if (other && other.id !== c.id) throw alreadyExists('collection', name);
      }
      ns.collections.update(c.id, (col) => {
        for (const [k, v] of Object.entries(body)) {
          if (!MUTABLE.has(k) || v === undefined) continue;
          if (k === 'collection_name') col.name = String(v);
          else if (k === 'enabled') col.enabled = v !== false;
          else if (k === 'taxonomy_applications') {
            col.config.taxonomy_applications = taxonomyApplications(v);
            col.config.taxonomy_count = (col.config.taxonomy_applications as Json[]).length;
          } else col.config[k] = v;
        }
        col.updatedAt = clockOf(ctx.state).nowMicros();
      });
      return { status: 200, body: renderCollection(c, ns) };
    },

    deleteCollection(ctx: Ctx<'deleteCollection'>) {
      const ns = namespaceOf(ctx);
      const c = collectionOr404(ns, ctx.path.collection_identifier);
      ns.collections.delete(c.id);
      dropIndex(ctx.state, c);
      return { status: 200, body: { success: true, message: 'Successfully deleted', collection_id: c.id } };
    },

    listFeatureExtractors() {
      return { status: 200, body: catalog.list };
    },

    getFeatureExtractor(ctx: Ctx<'getFeatureExtractor'>) {
      const e = catalog.byId.get(ctx.path.feature_extractor_id);
      if (!e) throw notFound('feature_extractor', ctx.path.feature_extractor_id);
      return { status: 200, body: e };
    },

    async listDocuments(ctx: Ctx<'listDocuments'>) {
      const { state } = ctx;
      const ns = namespaceOf(ctx);
      const c = collectionOr404(ns, ctx.path.collection_identifier);
      const body = ctx.body as Json | undefined;
      const vectors = body?.return_vectors === true;
      // Vectors the index holds are read from it: after a load, once its texts are embedded again.
      if (vectors) await settled(ctx.state, [c]);
      const render = (d: DocumentRecord): DocumentResponse => {
        const view = renderDocument(ns, c, d, { ...(vectors ? { vectors: vectorsOf(ctx.state, c, d, catalog) } : {}), organization: state.organization });
        return selectFields(body?.return_url === true ? withPresignedUrls(view) : view, body?.select, ['document_id', 'collection_id']);
      };
      const req = listRequest(ctx.query, body);
      const searchable = (d: DocumentRecord) => [d.id, ...Object.values(d.fields).filter((v): v is string => typeof v === 'string')];
      const groupBy = typeof body?.group_by === 'string' && body.group_by !== '' ? body.group_by : undefined;
      if (!groupBy) {
        const page = list(`documents|${c.id}`, c.documents.values(), render, searchable, req);
        return { status: 200, body: { results: page.results, pagination: page.pagination } };
      }
      // Grouped: every matching document in its group, groups in the order their keys first
      // appear; pagination applies to the groups (the vendor's description of group_by).
      const all = list(`documents|${c.id}`, c.documents.values(), render, searchable, {
        ...req,
        limit: Number.MAX_SAFE_INTEGER,
        offset: 0,
        cursor: undefined,
        includeTotal: false,
      });
      const groups = new Map<string, { group_key: unknown; documents: DocumentResponse[]; count: number }>();
      for (const doc of all.results) {
        const key = valuesAt(doc, groupBy)[0] ?? null;
        const id = JSON.stringify(key);
        const g = groups.get(id) ?? { group_key: key, documents: [], count: 0 };
        g.documents.push(doc);
        g.count++;
        groups.set(id, g);
      }
      const scope = `groups|${c.id}|${groupBy}`;
      let start = Math.min(req.offset, groups.size);
      if (req.cursor) {
        const after = decodeCursor(scope, req.cursor);
        if (!after || typeof after[0] !== 'number') throw new MockError('bad_request', 'Invalid cursor: it was not issued for this list and grouping.');
        start = Math.min(after[0], groups.size);
      }
      const pageGroups = [...groups.values()].slice(start, start + req.limit);
      const pagination: Pagination = { page_size: req.limit };
      if (start + pageGroups.length < groups.size && pageGroups.length) pagination.next_cursor = encodeCursor(scope, [start + pageGroups.length]);
      if (req.includeTotal) {
        pagination.total = groups.size;
        pagination.page = Math.floor(start / req.limit) + 1;
        pagination.total_pages = Math.ceil(groups.size / req.limit);
      }
      return { status: 200, body: { groups: pageGroups, pagination, group_by_field: groupBy } };
    },

    async getDocument(ctx: Ctx<'getDocument'>) {
      const ns = namespaceOf(ctx);
      const c = collectionOr404(ns, ctx.path.collection_identifier);
      const d = c.documents.get(ctx.path.document_id);
      if (!d) throw notFound('document', ctx.path.document_id);
      if (ctx.query.return_vectors === true) await settled(ctx.state, [c]);
      const view = renderDocument(ns, c, d, {
        ...(ctx.query.return_vectors === true ? { vectors: vectorsOf(ctx.state, c, d, catalog) } : {}),
        organization: ctx.state.organization,
      });
      return { status: 200, body: ctx.query.return_presigned_urls === true ? withPresignedUrls(view) : view };
    },

    deleteDocument(ctx: Ctx<'deleteDocument'>) {
      const ns = namespaceOf(ctx);
      const c = collectionOr404(ns, ctx.path.collection_identifier);
      if (!removeDocument(ctx.state, c, ctx.path.document_id)) throw notFound('document', ctx.path.document_id);
      return { status: 200, body: { message: 'Successfully deleted', success: true } };
    },

    async createDocument(ctx: Ctx<'createDocument'>) {
      const { state } = ctx;
      const ns = namespaceOf(ctx);
      const c = collectionOr404(ns, ctx.path.collection_identifier);
      const body: Json = ctx.body;
      const named = byIdOrName(ns.collections, String(body.collection_id));
      if (named !== c) {
        throw new MockError('bad_request', `collection_id '${String(body.collection_id)}' does not name the collection of the path (${c.id})`, {
          details: { collection_id: body.collection_id },
        });
      }
      const { doc, vector } = await buildDocument(state, c, catalog, body);
      // Deleted while its text was being embedded: the document has nowhere to go.
      if (ns.collections.get(c.id) !== c || state.namespaces.get(ns.id) !== ns) throw notFound('collection', ctx.path.collection_identifier);
      addDocument(state, ns, c, doc, catalog, vector);
      return { status: 200, body: renderDocument(ns, c, doc, { organization: state.organization }) };
    },

    async updateDocument(ctx: Ctx<'updateDocument'>) {
      return writeOne(ctx, 'replace');
    },

    async patchDocument(ctx: Ctx<'patchDocument'>) {
      return writeOne(ctx, 'merge');
    },

    async bulkUpdateDocuments(ctx: Ctx<'bulkUpdateDocuments'>) {
      const { state } = ctx;
      const ns = namespaceOf(ctx);
      const c = collectionOr404(ns, ctx.path.collection_identifier);
      const body: Json = ctx.body;
      const targets = matching(ns, c, body.filters, 'filters');
      const writes = targets.map((d) => planWrite(c, catalog, d, body.update_data as Json, 'merge'));
      await applyWrites(state, ns, c, catalog, writes);
      return { status: 200, body: { updated_count: writes.length, message: 'Documents updated successfully' } };
    },

    async batchUpdateDocuments(ctx: Ctx<'batchUpdateDocuments'>) {
      const { state } = ctx;
      const ns = namespaceOf(ctx);
      const c = collectionOr404(ns, ctx.path.collection_identifier);
      const body: Json = ctx.body;
      const updates = body.updates as Array<{ document_id: string; update_data: Json }> | null | undefined;
      const byFilter = body.filters !== undefined && body.filters !== null;
      if (updates && (byFilter || (body.update_data !== undefined && body.update_data !== null))) {
        throw new MockError('bad_request', 'Give either updates, or filters with update_data, not both.');
      }
      if (!updates) {
        if (!byFilter || body.update_data === undefined || body.update_data === null)
          throw new MockError('bad_request', 'Give either updates, or filters with update_data.');
        const writes = matching(ns, c, body.filters, 'filters').map((d) => planWrite(c, catalog, d, body.update_data as Json, 'merge'));
        await applyWrites(state, ns, c, catalog, writes);
        return { status: 200, body: { updated_count: writes.length, failed_count: 0, results: [], message: `Updated ${writes.length} document(s)` } };
      }
      // Per document: a missing one is a failed result; a write the rules refuse fails that document only.
      const results: Array<{ document_id: string; success: boolean; error?: string }> = [];
      const writes: PlannedWrite[] = [];
      const planned = new Map<string, PlannedWrite>();
      for (const u of updates) {
        const d = c.documents.get(u.document_id);
        if (!d) {
          results.push({ document_id: u.document_id, success: false, error: 'Document not found' });
          continue;
        }
        try {
          // Two updates of one document apply in order, the second to the first's result.
          const before = planned.get(d.id);
          const w = planWrite(c, catalog, before ? { ...d, fields: before.fields } : d, u.update_data, 'merge');
          const write = { ...w, doc: d, ...(before?.blobs && !w.blobs ? { blobs: before.blobs } : {}) };
          if (before) writes[writes.indexOf(before)] = write;
          else writes.push(write);
          planned.set(d.id, write);
          results.push({ document_id: u.document_id, success: true });
        } catch (err) {
          if (!(err instanceof MockError)) throw err;
          results.push({ document_id: u.document_id, success: false, error: err.message });
        }
      }
      await applyWrites(state, ns, c, catalog, writes);
      const failed = results.filter((r) => !r.success).length;
      const updated = results.length - failed;
      return {
        status: 200,
        body: {
          updated_count: updated,
          failed_count: failed,
          results,
          message: failed ? `Updated ${updated} document(s), ${failed} failed` : `Updated ${updated} document(s)`,
        },
      };
    },

    batchDeleteDocuments(ctx: Ctx<'batchDeleteDocuments'>) {
      const ns = namespaceOf(ctx);
      const c = collectionOr404(ns, ctx.path.collection_identifier);
      const body = (ctx.body ?? {}) as Json;
      const ids = body.document_ids as string[] | null | undefined;
      const byFilter = body.filters !== undefined && body.filters !== null;
      if (ids && byFilter) throw new MockError('bad_request', 'Give either document_ids or filters, not both.');
      if (!ids && !byFilter) throw new MockError('bad_request', 'Give either document_ids or filters.');
      if (!ids) {
        const targets = matching(ns, c, body.filters, 'filters');
        for (const d of targets) removeDocument(ctx.state, c, d.id);
        return { status: 200, body: { deleted_count: targets.length, failed_count: 0, results: [], message: `Deleted ${targets.length} document(s)` } };
      }
      const results = ids.map((id) =>
        removeDocument(ctx.state, c, id) ? { document_id: id, success: true } : { document_id: id, success: false, error: 'Document not found' },
      );
      const failed = results.filter((r) => !r.success).length;
      const deleted = results.length - failed;
      return {
        status: 200,
        body: {
          deleted_count: deleted,
          failed_count: failed,
          results,
          message: failed ? `Deleted ${deleted} document(s), ${failed} failed` : `Deleted ${deleted} document(s)`,
        },
      };
    },

    getDocumentLineage(ctx: Ctx<'getDocumentLineage'>) {
      const ns = namespaceOf(ctx);
      const c = collectionOr404(ns, ctx.path.collection_identifier);
      const d = c.documents.get(ctx.path.document_id);
      if (!d) throw notFound('document', ctx.path.document_id);
      const lineage = d.lineage as Json;
      const steps: Json[] = [];
      const rootObject = typeof lineage.root_object_id === 'string' ? lineage.root_object_id : undefined;
      const rootBucket = typeof lineage.root_bucket_id === 'string' ? lineage.root_bucket_id : undefined;
      if (rootObject) {
        const bucket = rootBucket ? ns.buckets.get(rootBucket) : undefined;
        steps.push({ type: 'object', ...(rootBucket ? { bucket_id: rootBucket } : {}), object_id: rootObject, exists: !!bucket?.objects.has(rootObject) });
      }
      const fe = c.config.feature_extractor as Json | undefined;
      steps.push({
        type: 'document',
        collection_id: c.id,
        collection_name: c.name,
        document_id: d.id,
        ...(fe ? { feature_extractor_id: String(fe.feature_extractor_id) } : {}),
      });
      return {
        status: 200,
        body: omitNulls({
          document_id: d.id,
          collection_id: c.id,
          root_object_id: rootObject,
          root_bucket_id: rootBucket,
          source_type: typeof lineage.source_type === 'string' ? lineage.source_type : undefined,
          path: typeof lineage.path === 'string' ? lineage.path : undefined,
          depth: steps.length - 1,
          steps,
        }) as never,
      };
    },

    async getObjectDocuments(ctx: Ctx<'getObjectDocuments'>) {
      const { state } = ctx;
      const ns = namespaceOf(ctx);
      const objectId = ctx.path.object_id;
      const wanted = ctx.query.collection_ids?.map((id) => collectionOr404(ns, id));
      const collections = wanted ? [...new Set(wanted)] : [...ns.collections.values()];
      if (ctx.query.return_vectors === true) await settled(ctx.state, collections);
      const documents: DocumentResponse[] = [];
      const holding: string[] = [];
      for (const c of collections) {
        let found = false;
        for (const d of c.documents.values()) {
          if ((d.lineage as Json).root_object_id !== objectId) continue;
          found = true;
          documents.push(
            renderDocument(ns, c, d, {
              ...(ctx.query.return_vectors === true ? { vectors: vectorsOf(ctx.state, c, d, catalog) } : {}),
              organization: state.organization,
            }),
          );
        }
        if (found) holding.push(c.id);
      }
      const exists = [...ns.buckets.values()].some((b) => b.objects.has(objectId));
      if (
        !exists &&
        !documents.length &&
        ![...ns.collections.values()].some((c) => [...c.documents.values()].some((d) => (d.lineage as Json).root_object_id === objectId))
      ) {
        throw notFound('object', objectId);
      }
      return { status: 200, body: { object_id: objectId, total_documents: documents.length, collection_ids: holding, documents } };
    },

    createNamespace(ctx: Ctx<'createNamespace'>) {
      return { status: 200, body: renderNamespace(createNamespace(ctx.state, ctx.body)) };
    },

    listNamespaces(ctx: Ctx<'listNamespaces'>) {
      const page = list(
        'namespaces',
        ctx.state.namespaces.values(),
        renderNamespace,
        (n) => [n.id, n.name, n.config.description as string | undefined],
        listRequest(ctx.query, ctx.body as Json | undefined),
      );
      return { status: 200, body: { results: page.results, pagination: page.pagination, total_count: page.total } };
    },

    getNamespace(ctx: Ctx<'getNamespace'>) {
      const ns = byIdOrName(ctx.state.namespaces, ctx.path.namespace_identifier);
      if (!ns) throw notFound('namespace', ctx.path.namespace_identifier);
      return { status: 200, body: renderNamespace(ns) };
    },

    updateNamespace(ctx: Ctx<'updateNamespace'>) {
      const { state } = ctx;
      const ns = byIdOrName(state.namespaces, ctx.path.namespace_identifier);
      if (!ns) throw notFound('namespace', ctx.path.namespace_identifier);
      const body: Json = ctx.body;
      const name = body.namespace_name;
      if (typeof name === 'string') {
        const other = byIdOrName(state.namespaces, name);
        if (other && other.id !== ns.id) throw alreadyExists('namespace', name);
      }
      state.namespaces.update(ns.id, (n) => {
        if (typeof name === 'string') n.name = name;
        for (const k of ['description', 'payload_indexes', 'auto_create_indexes', 'infrastructure']) if (body[k] !== undefined) n.config[k] = body[k];
        n.updatedAt = clockOf(state).nowMicros();
      });
      return { status: 200, body: renderNamespace(ns) };
    },

    deleteNamespace(ctx: Ctx<'deleteNamespace'>) {
      const { state } = ctx;
      const ns = byIdOrName(state.namespaces, ctx.path.namespace_identifier);
      if (!ns) throw notFound('namespace', ctx.path.namespace_identifier);
      // It stops resolving at once; the task that deletes its contents runs on the clock.
      state.namespaces.delete(ns.id);
      for (const b of ns.buckets.values()) for (const o of b.objects.values()) o.timer?.cancel();
      for (const c of ns.collections.values()) dropIndex(ctx.state, c);
      const task = startTask(state, 'api_namespaces_delete', [{ namespace_id: ns.id }], () => {});
      return { status: 200, body: { task_id: task.task_id, status: task.status, namespace_id: ns.id, namespace_name: ns.name } };
    },

    createBucket(ctx: Ctx<'createBucket'>) {
      const { state } = ctx;
      const ns = namespaceOf(ctx);
      const body: Json = ctx.body;
      const name = String(body.bucket_name);
      if (byIdOrName(ns.buckets, name)) throw alreadyExists('bucket', name);
      const now = clockOf(state).nowMicros();
      const b: BucketRecord = {
        id: `bkt_${state.env.ids.chars(8, HEX)}`,
        seq: nextSeq(state),
        name,
        ...(typeof body.description === 'string' ? { description: body.description } : {}),
        schema: body.bucket_schema as BucketSchema,
        ...(ctx.body.unique_key ? { uniqueKey: ctx.body.unique_key } : {}),
        metadata: (body.metadata as Json | undefined) ?? {},
        objects: new Table('id'),
        createdAt: now,
        updatedAt: now,
        status: 'ACTIVE',
      };
      ns.buckets.insert(b);
      return { status: 200, body: renderBucket(b) };
    },

    listBuckets(ctx: Ctx<'listBuckets'>) {
      const ns = namespaceOf(ctx);
      const page = list(
        `buckets|${ns.id}`,
        ns.buckets.values(),
        renderBucket,
        (b) => [b.id, b.name, b.description],
        listRequest(ctx.query, ctx.body as Json | undefined),
      );
      return { status: 200, body: { results: page.results, total_count: page.total, pagination: page.pagination } };
    },

    getBucket(ctx: Ctx<'getBucket'>) {
      return { status: 200, body: renderBucket(bucketOr404(namespaceOf(ctx), ctx.path.bucket_identifier)) };
    },

    updateBucket(ctx: Ctx<'updateBucket'>) {
      const ns = namespaceOf(ctx);
      const b = bucketOr404(ns, ctx.path.bucket_identifier);
      const body: Json = ctx.body;
      if (typeof body.bucket_name === 'string') {
        const other = byIdOrName(ns.buckets, body.bucket_name);
        if (other && other.id !== b.id) throw alreadyExists('bucket', body.bucket_name);
      }
      ns.buckets.update(b.id, (bk) => {
        if (typeof body.bucket_name === 'string') bk.name = body.bucket_name;
        if (typeof body.description === 'string') bk.description = body.description;
        if (body.metadata && typeof body.metadata === 'object') bk.metadata = body.metadata as Json;
        bk.updatedAt = clockOf(ctx.state).nowMicros();
      });
      return { status: 200, body: renderBucket(b) };
    },

    deleteBucket(ctx: Ctx<'deleteBucket'>) {
      const { state } = ctx;
      const ns = namespaceOf(ctx);
      const b = bucketOr404(ns, ctx.path.bucket_identifier, { forWork: true });
      const count = b.objects.size;
      ns.buckets.update(b.id, (bk) => (bk.status = 'IN_PROGRESS'));
      for (const o of b.objects.values()) o.timer?.cancel();
      const task = startTask(state, 'api_buckets_delete', [{ bucket_id: b.id }], () => ns.buckets.delete(b.id));
      return { status: 200, body: { task_id: task.task_id, status: task.status, bucket_id: b.id, bucket_name: b.name, object_count: count } };
    },

    async createObject(ctx: Ctx<'createObject'>) {
      const { state } = ctx;
      const ns = namespaceOf(ctx);
      const b = bucketOr404(ns, ctx.path.bucket_identifier, { forWork: true });
      const body: Json = ctx.body;
      const props = (b.schema.properties ?? {}) as Record<string, { type?: string }>;
      const { ids, clock } = state.env;
      const blobs: BlobRecord[] = ((body.blobs as Json[] | undefined) ?? []).map((blob, i) => {
        const property = String(blob.property);
        const field = props[property];
        if (!field) throw new MockError('bad_request', `Property '${property}' is not defined in the bucket schema.`, { details: { property, index: i } });
        if (field.type !== undefined && field.type !== blob.type) {
          throw new MockError('bad_request', `Blob type '${String(blob.type)}' does not match the schema type '${field.type}' of property '${property}'.`, {
            details: { property, index: i },
          });
        }
        if ((blob.data === undefined) === (blob.upload_id === undefined)) {
          throw invalid(`/blobs/${i}`, 'value_error', 'Value error, provide exactly one of data or upload_id');
        }
        const data = blob.data;
        const size = typeof data === 'string' ? Buffer.byteLength(data) : data === undefined ? 0 : Buffer.byteLength(JSON.stringify(data));
        return {
          blob_id: `blob_${ids.chars(12, HEX)}`,
          property,
          type: String(blob.type),
          ...(typeof blob.key_prefix === 'string' ? { key_prefix: blob.key_prefix } : {}),
          data,
          properties: (blob.metadata as Json | undefined) ?? {},
          details: { size_bytes: size, ...(typeof data === 'string' && /^https?:\/\//.test(data) ? { filename: data.split('/').pop() } : {}) },
        };
      });
      // Keys the reply computes itself are not taken from the request (an `error: 5` would break the reply).
      const known = new Set([
        'key_prefix',
        'blobs',
        'skip_duplicates',
        'canonicalize_source',
        'force_remirror',
        'object_id',
        'bucket_id',
        'source_details',
        'status',
        'error',
        'created_at',
        'updated_at',
      ]);
      const extra = Object.fromEntries(Object.entries(body).filter(([k]) => !known.has(k)));
      // Unique keys: the bucket's policy decides what a second object with the same key does.
      let replaces: ObjectRecord | undefined;
      if (b.uniqueKey) {
        const fields = (b.uniqueKey.fields as string[]) ?? [];
        const policy = ctx.query.policy ?? (b.uniqueKey.default_policy as string | undefined);
        if (!policy) throw new MockError('bad_request', 'This bucket has a unique_key: pass ?policy=insert|update|upsert or set a default_policy.');
        const keyOf = (view: Json) => JSON.stringify(fields.map((f) => valuesAt(view, f)[0] ?? null));
        const probe: ObjectRecord = { id: '', seq: 0, bucketId: b.id, blobs, extra, status: 'DRAFT', createdAt: 0, updatedAt: 0 };
        const key = keyOf(objectView(probe));
        replaces = [...b.objects.values()].find((o) => keyOf(objectView(o)) === key);
        if (replaces && policy === 'insert')
          throw new MockError('conflict', 'An object with this unique key already exists', { details: { resource: 'object', id: replaces.id } });
        if (!replaces && policy === 'update') throw notFound('object', key);
      }
      const now = clock.nowMicros();
      let o: ObjectRecord;
      if (replaces) {
        o = b.objects.update(replaces.id, (obj) => {
          // New content is a new draft: a run still in flight for the old content is dropped.
          obj.timer?.cancel();
          obj.status = 'DRAFT';
          obj.blobs = blobs;
          obj.extra = extra;
          if (typeof body.key_prefix === 'string') obj.keyPrefix = body.key_prefix;
          obj.updatedAt = now;
        })!;
      } else {
        o = {
          id: `obj_${ids.chars(12, HEX)}`,
          seq: nextSeq(state),
          bucketId: b.id,
          ...(typeof body.key_prefix === 'string' ? { keyPrefix: body.key_prefix } : {}),
          blobs,
          extra,
          status: 'DRAFT',
          createdAt: now,
          updatedAt: now,
        };
        b.objects.insert(o);
      }
      ns.buckets.update(b.id, (bk) => (bk.lastUploadAt = now));
      // Where the request waits for the extractor's work (a manual clock, --processing-ms 0), it answers once that is done.
      if (ctx.query.auto_process === true) await processObject(state, ns, b, o, catalog);
      return { status: 200, body: renderObject(o) };
    },

    listObjects(ctx: Ctx<'listObjects'>) {
      const ns = namespaceOf(ctx);
      const b = bucketOr404(ns, ctx.path.bucket_identifier);
      const body = ctx.body as Json | undefined;
      const page = list(
        `objects|${b.id}`,
        b.objects.values(),
        (o) => selectFields(renderObject(o), body?.select, ['object_id', 'bucket_id']),
        (o) => [o.id, o.keyPrefix],
        listRequest(ctx.query, body),
      );
      return { status: 200, body: { results: page.results, pagination: page.pagination } };
    },

    getObject(ctx: Ctx<'getObject'>) {
      const b = bucketOr404(namespaceOf(ctx), ctx.path.bucket_identifier);
      const o = b.objects.get(ctx.path.object_identifier);
      if (!o) throw notFound('object', ctx.path.object_identifier);
      return { status: 200, body: renderObject(o) };
    },

    deleteObject(ctx: Ctx<'deleteObject'>) {
      const b = bucketOr404(namespaceOf(ctx), ctx.path.bucket_identifier);
      const o = b.objects.delete(ctx.path.object_identifier);
      if (!o) throw notFound('object', ctx.path.object_identifier);
      o.timer?.cancel();
      return { status: 204, body: undefined };
    },

    getTask(ctx: Ctx<'getTask'>) {
      const t = ctx.state.tasks.get(ctx.path.task_id);
      if (!t) throw notFound('task', ctx.path.task_id);
      return { status: 200, body: renderTask(t) };
    },
  };
}
