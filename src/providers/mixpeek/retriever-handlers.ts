/**
 * The retriever operations of specs/mixpeek.yaml: the stage registry,
 * retrievers (create, list, get, patch, delete, clone), execution (saved and
 * ad hoc, JSON or Server-Sent Events), explain, and execution history.
 */
import type { operations } from '../../generated/mixpeek.js';
import type { HandlerContext, Reply } from '../../core/provider.js';
import { MockError } from '../../core/errors.js';
import { alreadyExists, notFound } from './errors.js';
import { eventStream, type SseEvent } from '../../core/sse.js';
import { decodeCursor, encodeCursor } from '../../core/store.js';
import { isObject } from '../../core/retrieval/predicate.js';
import { matches, parseFilter, valuesAt } from './filter.js';
import { list, listRequest } from './listing.js';
import { byIdOrName, nextSeq, stamp, type Catalog, type CollectionRecord, type MixpeekState, type NamespaceRecord } from './model.js';
import {
  StageFailure,
  adhocDetail,
  adhocSummary,
  bindInputs,
  budgetOf,
  checkStages,
  executionDetail,
  executionId,
  executionSummary,
  isScrollContinuation,
  page,
  record,
  renderItem,
  renderRetriever,
  renderRetrieverConfig,
  representativeInputs,
  resolveCollections,
  retrieverId,
  runPipeline,
  statisticsOf,
  type ExecutionRecord,
  type PipelineResult,
  type RetrieverRecord,
  type StageRun,
} from './retrievers.js';
import { STAGES, parseFeatureUri, type Group } from './stages.js';

type Ctx<K extends keyof operations> = HandlerContext<operations[K], MixpeekState>;
type Json = Record<string, unknown>;
type NamespaceOf = (ctx: { state: MixpeekState; request: { headers: Readonly<Record<string, string | undefined>> } }) => NamespaceRecord;

/** Fields of a retriever that PATCH may not change: its core logic (the vendor's description of the operation). */
const CORE_FIELDS = ['stages', 'input_schema', 'collection_identifiers', 'collection_ids', 'budget_limits'];

/**
 * Static feature URIs (no template) must be well formed and name an
 * extractor of one of the retriever's collections: checked when a retriever
 * is saved, so a typo is a 400 then rather than at the first execution.
 */
function checkFeatureUris(stages: Json[], collections: CollectionRecord[]): void {
  const extractors = new Set(collections.map((c) => String((c.config.feature_extractor as Json | undefined)?.feature_extractor_id)));
  stages.forEach((stage, i) => {
    const config = stage.config as Json;
    if ((config.stage_id ?? config.stage_name) !== 'feature_search') return;
    const searches = (config.parameters as Json | undefined)?.searches;
    if (!Array.isArray(searches)) return;
    searches.forEach((s, j) => {
      if (!isObject(s) || typeof s.feature_uri !== 'string' || s.feature_uri.includes('{{')) return;
      const uri = parseFeatureUri(s.feature_uri);
      const where = `stages[${i}].config.parameters.searches[${j}].feature_uri`;
      if (!uri) throw new MockError('bad_request', `${where} ${JSON.stringify(s.feature_uri)} is not of the form mixpeek://{extractor}@{version}/{output}`);
      if (!extractors.has(`${uri.extractor}_${uri.version}`)) {
        throw new MockError(
          'bad_request',
          `${where} ${s.feature_uri} matches no collection of the retriever (their extractors: ${[...extractors].join(', ') || 'none'})`,
        );
      }
    });
  });
}

/** A streamed execution: its events, sent by the pipeline as server-sent events, not cached on the way. */
function streamReply(events: SseEvent[], headers: Record<string, string>): Reply {
  return { status: 200, headers: { 'cache-control': 'no-cache', ...headers }, contentType: 'text/event-stream', body: eventStream(events) };
}

export function createRetrieverHandlers(catalog: Catalog, namespaceOf: NamespaceOf) {
  const retrieverOr404 = (ns: NamespaceRecord, identifier: string): RetrieverRecord => {
    const r = byIdOrName(ns.retrievers, identifier);
    if (!r) throw notFound('retriever', identifier);
    return r;
  };

  const nameTaken = (ns: NamespaceRecord, name: string, except?: string) => {
    const other = byIdOrName(ns.retrievers, name);
    if (other && other.id !== except && other.name === name) {
      throw alreadyExists('retriever', name);
    }
  };

  const save = (state: MixpeekState, ns: NamespaceRecord, body: Json): RetrieverRecord => {
    nameTaken(ns, String(body.retriever_name));
    const collections = resolveCollections(ns, (body.collection_identifiers as string[] | undefined) ?? []);
    const stages = checkStages(body.stages as Json[]);
    checkFeatureUris(stages, collections);
    const now = state.env.clock.nowMicros();
    const r: RetrieverRecord = {
      id: retrieverId(state),
      seq: nextSeq(state),
      name: String(body.retriever_name),
      ...(typeof body.description === 'string' ? { description: body.description } : {}),
      collectionIds: collections.map((c) => c.id),
      stages,
      inputSchema: (body.input_schema as Json | undefined) ?? {},
      ...(isObject(body.budget_limits) ? { budgetLimits: body.budget_limits } : {}),
      tags: (body.tags as string[] | undefined) ?? [],
      ...(isObject(body.display_config) ? { displayConfig: body.display_config } : {}),
      visibility: typeof body.visibility === 'string' ? body.visibility : 'private',
      requiresSubscription: body.requires_subscription === true,
      ...(typeof body.marketplace_listing_id === 'string' ? { marketplaceListingId: body.marketplace_listing_id } : {}),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    ns.retrievers.insert(r);
    return r;
  };

  interface Run {
    ns: NamespaceRecord;
    retriever?: RetrieverRecord;
    collectionIds: string[];
    stages: Json[];
    inputSchema: Json;
    inputs: Json | undefined;
    budget: Json | undefined;
    pagination: Json | undefined;
    stream: boolean;
    vectors: boolean;
    presigned: boolean;
  }

  /**
   * One execution: inputs bound, collections resolved (422 and 404 before
   * anything runs), the stages run, the final documents paged, the execution
   * recorded. JSON, or Server-Sent Events with one event per stage boundary.
   */
  const execute = async (state: MixpeekState, run: Run): Promise<Reply> => {
    const { ns } = run;
    const inputs = bindInputs(run.inputSchema, run.inputs);
    const collections = resolveCollections(ns, run.collectionIds);
    const id = executionId(state);
    const createdAt = state.env.clock.nowMicros();
    const render = (items: PipelineResult['items']) =>
      items.map((it) => renderItem(state, ns, catalog, it, { vectors: run.vectors, presigned: run.presigned }));
    const renderGroups = (groups: Group[] | undefined) => groups?.map((g) => ({ group_key: g.key ?? null, count: g.count, documents: render(g.items) }));
    const events: SseEvent[] = [];
    const hooks = run.stream
      ? {
          onStageStart: (index: number, name: string) =>
            events.push({ data: { event_type: 'stage_start', execution_id: id, stage_name: name, stage_index: index, total_stages: run.stages.length } }),
          onStageComplete: (r: StageRun, used: { credits: number; ms: number }) =>
            events.push({
              data: {
                event_type: 'stage_complete',
                execution_id: id,
                stage_name: r.name,
                stage_index: r.index,
                total_stages: run.stages.length,
                documents: render(r.outcome.items),
                statistics: r.statistics,
                budget_used: { credits_used: used.credits, time_elapsed_ms: used.ms, tokens_used: 0 },
              },
            }),
        }
      : {};
    const base = (
      status: 'completed' | 'failed',
    ): Omit<
      ExecutionRecord,
      'documents' | 'pagination' | 'stageStatistics' | 'budget' | 'stagesCompleted' | 'totalProcessed' | 'totalReturned' | 'creditsUsed' | 'durationMs'
    > => ({
      id,
      seq: nextSeq(state),
      ...(run.retriever ? { retrieverId: run.retriever.id } : {}),
      status,
      inputs,
      collectionIds: collections.map((c) => c.id),
      totalStages: run.stages.length,
      createdAt,
      completedAt: state.env.clock.nowMicros(),
    });
    const headers: Record<string, string> = run.retriever ? {} : { 'x-execution-mode': 'adhoc' };

    let result: PipelineResult;
    if (isScrollContinuation(run.pagination)) {
      // A scroll goes on through its snapshot: the documents of the run that opened it, no new run.
      result = { items: [], runs: [], credits: 0, durationMs: 0 };
    } else {
      try {
        result = await runPipeline({ state, ns, catalog, collections }, run.stages, inputs, run.budget, hooks);
      } catch (err) {
        if (!(err instanceof StageFailure)) throw err;
        const credits = err.completed.reduce((n, r) => n + r.credits, 0);
        const ms = err.completed.reduce((n, r) => n + r.durationMs, 0);
        record(ns, {
          ...base('failed'),
          error: err.error.message,
          documents: [],
          pagination: {},
          stageStatistics: statisticsOf(err.completed, credits, ms),
          budget: budgetOf(credits, ms, run.budget),
          stagesCompleted: err.completed.length,
          totalProcessed: err.completed.reduce((n, r) => n + r.inputCount, 0),
          totalReturned: 0,
          creditsUsed: credits,
          durationMs: ms,
        });
        if (!run.stream) throw err.error;
        events.push({
          data: {
            event_type: 'stage_error',
            execution_id: id,
            stage_name: err.stageName,
            stage_index: err.stageIndex,
            total_stages: run.stages.length,
            error: err.error.message,
          },
        });
        events.push({ data: { event_type: 'execution_error', execution_id: id, total_stages: run.stages.length, status: 'failed', error: err.error.message } });
        return streamReply(events, headers);
      }
    }
    const paged = page(state, ns, result.items, run.pagination);
    const documents = render(paged.items);
    const stageStatistics = statisticsOf(result.runs, result.credits, result.durationMs);
    const budget = budgetOf(result.credits, result.durationMs, run.budget);
    const groups = result.groups
      ? renderGroups(result.groups.map((g) => ({ ...g, items: g.items.filter((it) => paged.items.includes(it)) })).filter((g) => g.items.length))
      : undefined;
    const execution: ExecutionRecord = {
      ...base('completed'),
      documents,
      pagination: paged.pagination,
      stageStatistics,
      budget,
      stagesCompleted: result.runs.length,
      totalProcessed: result.runs.reduce((n, r) => n + r.inputCount, 0),
      totalReturned: documents.length,
      creditsUsed: result.credits,
      durationMs: result.durationMs,
    };
    record(ns, execution);
    const body: Json = {
      execution_id: id,
      status: 'completed',
      documents,
      pagination: paged.pagination,
      stage_statistics: stageStatistics,
      budget,
      optimization_applied: false,
      created_at: stamp(execution.createdAt),
      completed_at: stamp(execution.completedAt),
      stages_completed: execution.stagesCompleted,
      total_stages: execution.totalStages,
      ...(groups ? { groups } : {}),
      ...(result.facets ? { facets: result.facets } : {}),
      execution_metadata: {
        execution_mode: run.retriever ? 'saved' : 'adhoc',
        retriever_persisted: !!run.retriever,
        ...(run.retriever ? { retriever_id: run.retriever.id } : {}),
      },
    };
    if (!run.stream) return { status: 200, headers, body };
    const { execution_metadata: _meta, optimization_applied: _opt, created_at: _c, completed_at: _d, stages_completed: _s, ...final } = body;
    events.push({ data: { event_type: 'execution_complete', ...final, total_stages: run.stages.length } });
    return streamReply(events, headers);
  };

  /**
   * A page of executions: newest first unless a `sorts` entry says otherwise,
   * `filters` over the summaries, the vendor's offset pagination, and the
   * next page's cursor.
   */
  const executionPage = (ns: NamespaceRecord, rows: ExecutionRecord[], query: Json, body: Json, view: (e: ExecutionRecord) => Json, scope: string) => {
    let views = [...rows].reverse().map((e) => view(e));
    if (body.filters !== undefined && body.filters !== null) {
      const filter = parseFilter(body.filters, 'filters');
      views = views.filter((v) => matches(filter, v));
    }
    const sort = Array.isArray(body.sorts) ? (body.sorts[0] as { field?: string; direction?: string } | undefined) : undefined;
    if (sort?.field) {
      const dir = sort.direction === 'desc' ? -1 : 1;
      const key = (v: Json) => valuesAt(v, sort.field!)[0];
      views = views
        .map((v, i) => ({ v, i, k: key(v) }))
        .sort((a, b) => {
          const x = a.k as never;
          const y = b.k as never;
          return (x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : x < y ? -dir : dir) || a.i - b.i;
        })
        .map((x) => x.v);
    }
    const limit = typeof query.limit === 'number' ? query.limit : 20;
    const fullScope = `executions|${ns.id}|${scope}|${sort?.field ?? ''}|${sort?.direction ?? ''}`;
    let offset = typeof query.offset === 'number' ? query.offset : 0;
    if (typeof query.cursor === 'string') {
      const at = decodeCursor(fullScope, query.cursor);
      if (!at || typeof at[0] !== 'number') throw new MockError('bad_request', 'Invalid cursor: it was not issued for this list.');
      offset = at[0];
    }
    const results = views.slice(offset, offset + limit);
    const more = offset + results.length < views.length;
    return {
      results,
      pagination: { total: views.length, limit, offset, has_next: more, ...(more ? { next_cursor: encodeCursor(fullScope, [offset + results.length]) } : {}) },
    };
  };

  return {
    listRetrieverStages() {
      return {
        status: 200 as const,
        body: STAGES.map((s) => ({ stage_id: s.id, description: s.description, category: s.category, icon: s.icon, parameter_schema: s.parameterSchema })),
      };
    },

    createRetriever(ctx: Ctx<'createRetriever'>) {
      const r = save(ctx.state, namespaceOf(ctx), ctx.body);
      return { status: 200 as const, body: { retriever: renderRetrieverConfig(r) } as never };
    },

    listRetrievers(ctx: Ctx<'listRetrievers'>) {
      const ns = namespaceOf(ctx);
      const body = (ctx.body ?? {}) as Json;
      const req = listRequest(ctx.query as Json, { ...body, sort: Array.isArray(body.sorts) ? body.sorts[0] : undefined });
      const result = list(`retrievers|${ns.id}`, ns.retrievers.values(), renderRetriever, (r) => [r.id, r.name, r.description, ...r.tags], req);
      return { status: 200 as const, body: { results: result.results, total: result.total, pagination: result.pagination } as never };
    },

    getRetriever(ctx: Ctx<'getRetriever'>) {
      return { status: 200 as const, body: renderRetriever(retrieverOr404(namespaceOf(ctx), ctx.path.retriever_id)) as never };
    },

    patchRetriever(ctx: Ctx<'patchRetriever'>) {
      const { state } = ctx;
      const ns = namespaceOf(ctx);
      const r = retrieverOr404(ns, ctx.path.retriever_id);
      const body: Json = ctx.body;
      const frozen = CORE_FIELDS.filter((k) => body[k] !== undefined);
      if (frozen.length)
        throw new MockError('bad_request', `Fields cannot be updated: ${frozen.join(', ')}. Clone the retriever to change its core logic.`, {
          details: { fields: frozen },
        });
      if (typeof body.retriever_name === 'string') nameTaken(ns, body.retriever_name, r.id);
      ns.retrievers.update(r.id, (x) => {
        if (typeof body.retriever_name === 'string') x.name = body.retriever_name;
        if (typeof body.description === 'string') x.description = body.description;
        if (Array.isArray(body.tags)) x.tags = body.tags as string[];
        if (isObject(body.display_config)) x.displayConfig = body.display_config;
        if (typeof body.visibility === 'string') x.visibility = body.visibility;
        if (typeof body.requires_subscription === 'boolean') x.requiresSubscription = body.requires_subscription;
        if (typeof body.marketplace_listing_id === 'string') x.marketplaceListingId = body.marketplace_listing_id;
        x.version++;
        x.updatedAt = state.env.clock.nowMicros();
      });
      return { status: 200 as const, body: { retriever: renderRetrieverConfig(r) } as never };
    },

    deleteRetriever(ctx: Ctx<'deleteRetriever'>) {
      const ns = namespaceOf(ctx);
      const r = retrieverOr404(ns, ctx.path.retriever_id);
      ns.retrievers.delete(r.id);
      for (const e of [...ns.executions.values()]) if (e.retrieverId === r.id) ns.executions.delete(e.id);
      return { status: 200 as const, body: { success: true, message: 'Retriever deleted successfully', retriever_id: r.id } };
    },

    cloneRetriever(ctx: Ctx<'cloneRetriever'>) {
      const ns = namespaceOf(ctx);
      const source = retrieverOr404(ns, ctx.path.retriever_id);
      const body: Json = ctx.body;
      const pick = <T>(key: string, fallback: T): T => (body[key] === undefined || body[key] === null ? fallback : (body[key] as T));
      const clone = save(ctx.state, ns, {
        retriever_name: body.retriever_name,
        description: pick('description', source.description),
        collection_identifiers: pick('collection_identifiers', source.collectionIds),
        stages: pick('stages', source.stages),
        input_schema: pick('input_schema', source.inputSchema),
        budget_limits: pick('budget_limits', source.budgetLimits),
        tags: pick('tags', source.tags),
        display_config: pick('display_config', source.displayConfig),
        visibility: source.visibility,
        requires_subscription: source.requiresSubscription,
      });
      return { status: 201 as const, body: { retriever: renderRetrieverConfig(clone), source_retriever_id: source.id } as never };
    },

    async executeRetriever(ctx: Ctx<'executeRetriever'>) {
      const ns = namespaceOf(ctx);
      const r = retrieverOr404(ns, ctx.path.retriever_id);
      const body = (ctx.body ?? {}) as Json;
      return (await execute(ctx.state, {
        ns,
        retriever: r,
        collectionIds: r.collectionIds,
        stages: r.stages,
        inputSchema: r.inputSchema,
        inputs: body.inputs as Json | undefined,
        budget: r.budgetLimits,
        pagination: body.pagination as Json | undefined,
        stream: body.stream === true,
        vectors: ctx.query.return_vectors === true,
        presigned: ctx.query.return_presigned_urls === true,
      })) as never;
    },

    async executeAdhocRetriever(ctx: Ctx<'executeAdhocRetriever'>) {
      const ns = namespaceOf(ctx);
      const body: Json = ctx.body;
      const stages = checkStages(body.stages as Json[]);
      const ids = (body.collection_identifiers as string[] | undefined) ?? [];
      checkFeatureUris(stages, resolveCollections(ns, ids));
      return (await execute(ctx.state, {
        ns,
        collectionIds: ids,
        stages,
        inputSchema: body.input_schema as Json,
        inputs: body.inputs as Json,
        budget: isObject(body.budget_limits) ? body.budget_limits : undefined,
        pagination: undefined,
        stream: body.stream === true,
        vectors: ctx.query.return_vectors === true,
        presigned: ctx.query.return_presigned_urls === true,
      })) as never;
    },

    async explainRetriever(ctx: Ctx<'explainRetriever'>) {
      const { state } = ctx;
      const ns = namespaceOf(ctx);
      const r = retrieverOr404(ns, ctx.path.retriever_id);
      const body = (ctx.body ?? {}) as Json;
      const inputs = bindInputs(r.inputSchema, representativeInputs(r.inputSchema, body.inputs as Json | undefined));
      const collections = resolveCollections(ns, r.collectionIds);
      let result: PipelineResult;
      try {
        result = await runPipeline({ state, ns, catalog, collections }, r.stages, inputs, undefined);
      } catch (err) {
        throw err instanceof StageFailure ? err.error : err;
      }
      const slowest = Math.max(0, ...result.runs.map((x) => x.durationMs));
      const plan = result.runs.map((x) => {
        const warnings: string[] = [];
        if (x.inputCount > 0 && x.outcome.items.length === 0) warnings.push('No documents pass this stage with these inputs');
        if (x.def.id === 'feature_search' && x.outcome.scanned === 0) warnings.push('The collections searched hold no searchable documents');
        return {
          stage_index: x.index,
          stage_name: x.name,
          stage_type: x.def.category,
          estimated_input: x.inputCount,
          estimated_output: x.outcome.items.length,
          estimated_efficiency: x.statistics.efficiency as number,
          estimated_cost_credits: x.credits,
          estimated_duration_ms: x.durationMs,
          cache_likely: false,
          optimization_notes: [],
          warnings,
        };
      });
      // The one suggestion the mock makes: an attribute filter after a search is better as the search's pre-filter.
      const suggestions = result.runs
        .filter((x, i) => x.def.id === 'attribute_filter' && result.runs.slice(0, i).some((p) => p.def.id === 'feature_search'))
        .map((x) => ({
          type: 'add_filter',
          stage: x.name,
          message: `Move ${x.name}'s conditions into the search's pre_filters: filtering before ranking keeps final_top_k results`,
        }));
      return {
        status: 200 as const,
        body: {
          retriever_id: r.id,
          retriever_name: r.name,
          estimated_cost: { total_credits: result.credits, total_duration_ms: result.durationMs },
          execution_plan: plan,
          optimization_suggestions: suggestions,
          total_estimated_stages: plan.length,
          bottleneck_stages: result.runs.filter((x) => slowest > 0 && x.durationMs >= 0.8 * slowest).map((x) => x.name),
          optimization_level: 'none' as const,
          optimization_applied: false,
        },
      };
    },

    listRetrieverExecutions(ctx: Ctx<'listRetrieverExecutions'>) {
      const ns = namespaceOf(ctx);
      const r = retrieverOr404(ns, ctx.path.retriever_id);
      const body = (ctx.body ?? {}) as Json;
      let rows = [...ns.executions.values()].filter((e) => e.retrieverId === r.id);
      if (typeof body.status === 'string') rows = rows.filter((e) => e.status === body.status);
      return { status: 200 as const, body: executionPage(ns, rows, ctx.query as Json, body, executionSummary, r.id) as never };
    },

    getRetrieverExecution(ctx: Ctx<'getRetrieverExecution'>) {
      const ns = namespaceOf(ctx);
      const r = retrieverOr404(ns, ctx.path.retriever_id);
      const e = ns.executions.get(ctx.path.execution_id);
      if (!e || e.retrieverId !== r.id) throw notFound('execution', ctx.path.execution_id);
      return { status: 200 as const, body: executionDetail(e) as never };
    },

    listAdhocExecutions(ctx: Ctx<'listAdhocExecutions'>) {
      const ns = namespaceOf(ctx);
      const body = (ctx.body ?? {}) as Json;
      let rows = [...ns.executions.values()].filter((e) => e.retrieverId === undefined);
      if (typeof body.status === 'string') rows = rows.filter((e) => e.status === body.status);
      const bound = (v: unknown, name: string): number | undefined => {
        if (v === undefined || v === null) return undefined;
        const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v}Z`) : NaN;
        if (!Number.isFinite(ms)) throw new MockError('bad_request', `${name} must be an ISO 8601 time or epoch milliseconds`);
        return ms * 1000;
      };
      const from = bound(body.start_time, 'start_time');
      const to = bound(body.end_time, 'end_time');
      rows = rows.filter((e) => (from === undefined || e.createdAt >= from) && (to === undefined || e.createdAt <= to));
      const result = executionPage(ns, rows, ctx.query as Json, {}, adhocSummary, 'adhoc');
      return { status: 200 as const, body: { results: result.results, total: result.pagination.total, pagination: result.pagination } as never };
    },

    getAdhocExecution(ctx: Ctx<'getAdhocExecution'>) {
      const ns = namespaceOf(ctx);
      const e = ns.executions.get(ctx.path.execution_id);
      if (!e || e.retrieverId !== undefined) throw notFound('execution', ctx.path.execution_id);
      return { status: 200 as const, body: adhocDetail(e) as never };
    },
  };
}
