/**
 * Retrievers: saved pipelines of stages (stages.ts), their inputs (bound by
 * the retriever's `input_schema`), their templates (`{{INPUT.query}}`), the
 * run of a pipeline and its statistics, the paging of its results, and the
 * execution history. The handlers (retriever-handlers.ts) are thin over this.
 */
import { createHash } from 'node:crypto';
import { MockError, type ValidationIssue } from '../../core/errors.js';
import { isObject, typeName } from '../../core/retrieval/predicate.js';
import { matches, parseFilter, valuesAt } from './filter.js';
import {
  HEX,
  byIdOrName,
  renderDocument,
  stamp,
  withPresignedUrls,
  type Catalog,
  type CollectionRecord,
  type MixpeekState,
  type NamespaceRecord,
} from './model.js';
import { vectorsOf } from './retrieval.js';
import {
  STAGE_BY_ID,
  STAGES,
  parseFeatureUri,
  stageCost,
  viewOf,
  type Group,
  type Item,
  type StageContext,
  type StageDefinition,
  type StageOutcome,
} from './stages.js';
import type { EpochMicros } from '../../core/time.js';

type Json = Record<string, unknown>;

export interface RetrieverRecord {
  id: string;
  seq: number;
  name: string;
  description?: string;
  collectionIds: string[];
  /** The stages as given, with `stage_type` filled in from the registry. */
  stages: Json[];
  inputSchema: Json;
  budgetLimits?: Json;
  tags: string[];
  displayConfig?: Json;
  visibility: string;
  requiresSubscription: boolean;
  marketplaceListingId?: string;
  version: number;
  createdAt: EpochMicros;
  updatedAt: EpochMicros;
}

export interface ExecutionRecord {
  id: string;
  seq: number;
  /** The saved retriever it ran; none for an ad-hoc execution. */
  retrieverId?: string;
  status: 'completed' | 'failed';
  error?: string;
  inputs: Json;
  collectionIds: string[];
  /** The page returned, as returned. */
  documents: Json[];
  pagination: Json;
  stageStatistics: Json;
  budget: Json;
  totalStages: number;
  stagesCompleted: number;
  totalProcessed: number;
  totalReturned: number;
  creditsUsed: number;
  durationMs: number;
  createdAt: EpochMicros;
  completedAt: EpochMicros;
}

/** Each namespace keeps its newest executions, this many (Assumption: the vendor's retention is not published). */
export const EXECUTION_HISTORY = 1000;

export const retrieverId = (state: MixpeekState) => `ret_${state.env.ids.chars(16, HEX)}`;
export const executionId = (state: MixpeekState) => `exec_${state.env.ids.chars(16, HEX)}`;

// ---- stages: checked when saved

/** The stage a config names: `config.stage_id`, or the legacy `config.stage_name`. */
function stageIdOf(stage: Json): unknown {
  const config = (stage.config ?? {}) as Json;
  return config.stage_id ?? config.stage_name;
}

const TEMPLATE = /\{\{([\s\S]*?)\}\}/g;
const INPUT_REF = /^\s*(?:input|inputs)\.([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\s*$/i;

/** Every template in a value is an input lookup; anything else is refused, naming it. */
function checkTemplates(value: unknown, where: string): void {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      for (const m of v.matchAll(TEMPLATE)) {
        if (!INPUT_REF.test(m[1]!)) {
          throw new MockError(
            'bad_request',
            `Template ${JSON.stringify(m[0])} in ${where} is not supported by the mock: only input lookups ({{INPUT.field}}) are`,
          );
        }
      }
    } else if (Array.isArray(v)) stack.push(...v);
    else if (isObject(v)) stack.push(...Object.values(v));
  }
}

/**
 * Checks the stages of a retriever being saved (or run ad hoc) and fills in
 * each one's `stage_type`: known stage ids, categories that match, unique
 * names, supported templates, parameters an object.
 */
export function checkStages(stages: Json[]): Json[] {
  const names = new Set<string>();
  return stages.map((stage, i) => {
    const where = `stages[${i}]`;
    const id = stageIdOf(stage);
    const name = String(stage.stage_name);
    if (typeof id !== 'string' || id === '')
      throw new MockError('bad_request', `${where}.config.stage_id is required: it names a registered stage (${STAGES.map((s) => s.id).join(', ')})`);
    const def = STAGE_BY_ID.get(id);
    if (!def) {
      throw new MockError('bad_request', `Unknown stage_id '${id}' in ${where}. Available stages: ${STAGES.map((s) => s.id).join(', ')}`, {
        details: { stage_id: id, available: STAGES.map((s) => s.id) },
      });
    }
    if (stage.stage_type !== undefined && stage.stage_type !== null && stage.stage_type !== def.category) {
      throw new MockError('bad_request', `${where}.stage_type is ${String(stage.stage_type)}, but ${id} is a ${def.category} stage`);
    }
    if (names.has(name)) throw new MockError('bad_request', `Two stages are named '${name}': stage names must be unique within a retriever`);
    names.add(name);
    const config = stage.config as Json;
    for (const key of ['parameters', 'pre_filters', 'post_filters']) {
      const v = config[key];
      if (v !== undefined && v !== null && !isObject(v)) throw new MockError('bad_request', `${where}.config.${key} must be an object, not ${typeName(v)}`);
    }
    checkTemplates(config, `${where}.config`);
    return { ...stage, stage_type: def.category };
  });
}

/** The feature URIs the stages name (templated ones left out), as the vendor's `feature_dependencies`. */
export function featureDependencies(stages: Json[]): Json[] {
  const out = new Map<string, Json>();
  for (const stage of stages) {
    if (stageIdOf(stage) !== 'feature_search') continue;
    const searches = ((stage.config as Json).parameters as Json | undefined)?.searches;
    if (!Array.isArray(searches)) continue;
    for (const s of searches) {
      const uri = isObject(s) && typeof s.feature_uri === 'string' ? parseFeatureUri(s.feature_uri) : undefined;
      if (uri) out.set(s.feature_uri as string, { scheme: 'mixpeek', extractor: uri.extractor, version: uri.version, output: uri.output });
    }
  }
  return [...out.values()];
}

/** Collection ids or names of the namespace, as ids (404 for one it does not have). */
export function resolveCollections(ns: NamespaceRecord, identifiers: readonly string[]): CollectionRecord[] {
  return [
    ...new Set(
      identifiers.map((identifier) => {
        const c = byIdOrName(ns.collections, identifier);
        if (!c) throw new MockError('not_found', 'Collection not found', { details: { resource: 'collection', id: identifier } });
        return c;
      }),
    ),
  ];
}

// ---- inputs

function typeIssue(name: string, expected: string, value: unknown): ValidationIssue {
  return { location: 'body', pointer: `/inputs/${name}`, rule: 'type', message: `inputs.${name} should be ${expected}`, params: { type: expected }, value };
}

/** Does a value have an input field's type? */
function fits(type: string, value: unknown): string | undefined {
  switch (type) {
    case 'integer':
      return Number.isInteger(value) ? undefined : 'integer';
    case 'number':
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'boolean';
    case 'array':
      return Array.isArray(value) ? undefined : 'array';
    case 'object':
      return isObject(value) ? undefined : 'object';
    case 'document_reference':
      return typeof value === 'string' || isObject(value) ? undefined : 'string';
    default:
      // text, string, date, datetime and the file types (a URL or a data URI).
      return typeof value === 'string' ? undefined : 'string';
  }
}

/**
 * The inputs bound by an input schema: defaults filled in for missing ones; a
 * missing required input, a value of the wrong type or outside its enum is a
 * 422 in pydantic's words, at `["body", "inputs", name]`. Inputs the schema
 * does not name pass through (templates may use them).
 */
export function bindInputs(schema: Json, given: Json | undefined): Json {
  const inputs: Json = { ...(given ?? {}) };
  const issues: ValidationIssue[] = [];
  for (const [name, raw] of Object.entries(schema)) {
    const field = (raw ?? {}) as Json;
    let value = inputs[name];
    if (value === undefined || value === null) {
      if (field.default !== undefined && field.default !== null) inputs[name] = value = field.default;
      else {
        if (field.required === true) issues.push({ location: 'body', pointer: `/inputs/${name}`, rule: 'required', message: `inputs.${name} is required` });
        delete inputs[name];
        continue;
      }
    }
    const wrong = fits(String(field.type), value);
    if (wrong) {
      issues.push(typeIssue(name, wrong, value));
      continue;
    }
    if (Array.isArray(field.enum) && !field.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
      issues.push({
        location: 'body',
        pointer: `/inputs/${name}`,
        rule: 'enum',
        message: `inputs.${name} is not one of the allowed values`,
        params: { allowedValues: field.enum },
        value,
      });
    }
  }
  if (issues.length) throw new MockError('validation', issues[0]!.message, { issues });
  return inputs;
}

/** Inputs for an explain: the given ones, then each field's default, first example, or a value of its type. */
export function representativeInputs(schema: Json, given: Json | undefined): Json {
  const inputs: Json = { ...(given ?? {}) };
  for (const [name, raw] of Object.entries(schema)) {
    if (inputs[name] !== undefined && inputs[name] !== null) continue;
    const field = (raw ?? {}) as Json;
    if (field.default !== undefined && field.default !== null) inputs[name] = field.default;
    else if (Array.isArray(field.examples) && field.examples.length) inputs[name] = field.examples[0];
    else if (Array.isArray(field.enum) && field.enum.length) inputs[name] = field.enum[0];
    else inputs[name] = ({ integer: 10, number: 1, float: 1, boolean: true, array: [], object: {} } as Json)[String(field.type)] ?? 'example';
  }
  return inputs;
}

// ---- templates

const WHOLE = /^\{\{([\s\S]*?)\}\}$/;

/** An input's value by a dotted path (`query`, `filters.category`); undefined when absent. */
function lookup(inputs: Json, path: string): unknown {
  return valuesAt(inputs, path)[0];
}

/**
 * Fills the templates of a stage's configuration with the inputs: a string
 * that is one template becomes the input's value (type kept; left out when
 * the input is absent, so the parameter's default applies); templates inside a
 * longer string are replaced by the value's text (empty when absent). A filter
 * value `{"type": "dynamic", "field": "inputs.x"}` becomes the input's value.
 */
export function fillTemplates(value: unknown, inputs: Json): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole && !whole[1]!.includes('}}')) {
      const ref = INPUT_REF.exec(whole[1]!);
      if (ref) return lookup(inputs, ref[1]!);
    }
    return value.replace(TEMPLATE, (all, inner: string) => {
      const ref = INPUT_REF.exec(inner);
      if (!ref) return all;
      const v = lookup(inputs, ref[1]!);
      return v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => fillTemplates(v, inputs)).filter((v) => v !== undefined);
  if (isObject(value)) {
    if (value.type === 'dynamic' && typeof value.field === 'string') {
      const path = value.field.replace(/^(?:input|inputs)\./i, '');
      return lookup(inputs, path);
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      const filled = fillTemplates(v, inputs);
      if (filled !== undefined) out[k] = filled;
    }
    return out;
  }
  return value;
}

// ---- running a pipeline

export interface StageRun {
  index: number;
  name: string;
  def: StageDefinition;
  inputCount: number;
  outcome: StageOutcome;
  statistics: Json;
  durationMs: number;
  credits: number;
}

export interface PipelineHooks {
  onStageStart?(index: number, name: string): void;
  onStageComplete?(run: StageRun, elapsed: { credits: number; ms: number }): void;
}

export interface PipelineResult {
  items: Item[];
  runs: StageRun[];
  groups?: Group[];
  facets?: StageOutcome['facets'];
  credits: number;
  durationMs: number;
}

/** A failure of the run itself, after validation: the stage it happened in, and the error the reply carries. */
export class StageFailure extends Error {
  constructor(
    readonly stageIndex: number,
    readonly stageName: string,
    readonly error: MockError,
    readonly completed: StageRun[],
  ) {
    super(error.message);
  }
}

/**
 * Runs the stages in order. Each stage's parameters are filled from the
 * inputs; its pre-filters narrow its input and its post-filters its output.
 * Budget limits stop the run once the modelled credits or time go over.
 */
export async function runPipeline(
  ctx: StageContext,
  stages: Json[],
  inputs: Json,
  budget: Json | undefined,
  hooks: PipelineHooks = {},
): Promise<PipelineResult> {
  let items: Item[] | null = null;
  const runs: StageRun[] = [];
  let groups: Group[] | undefined;
  let facets: StageOutcome['facets'];
  let credits = 0;
  let ms = 0;
  for (const [index, stage] of stages.entries()) {
    const name = String(stage.stage_name);
    const def = STAGE_BY_ID.get(String(stageIdOf(stage)))!;
    hooks.onStageStart?.(index, name);
    try {
      const config = fillTemplates(stage.config, inputs) as Json;
      const where = `${def.id} '${name}'`;
      const params = (config.parameters ?? {}) as Json;
      const pre =
        config.pre_filters === undefined || config.pre_filters === null ? undefined : parseFilter(config.pre_filters, `stages[${index}].config.pre_filters`);
      const post =
        config.post_filters === undefined || config.post_filters === null
          ? undefined
          : parseFilter(config.post_filters, `stages[${index}].config.post_filters`);
      let input: Item[] | null = items;
      // A stage that fetches (nothing before it) takes in the documents it searched.
      let inputCount = input?.length ?? 0;
      if (pre && input) input = input.filter((it) => matches(pre, viewOf(ctx, it)));
      // Before any document was fetched, a pre-filter narrows what the fetching stage may return (applied before ranking).
      const outcome = await def.run(params, input, pre && !input ? { ...ctx, preFilter: pre } : ctx, where);
      if (!input) inputCount = outcome.scanned;
      if (post) outcome.items = outcome.items.filter((it) => matches(post, viewOf(ctx, it)));
      if (post && outcome.groups)
        outcome.groups = outcome.groups.map((g) => ({ ...g, items: g.items.filter((it) => outcome.items.includes(it)) })).filter((g) => g.items.length);
      const cost = stageCost(def, outcome);
      const statistics: Json = {
        input_count: inputCount,
        output_count: outcome.items.length,
        duration_ms: cost.durationMs,
        efficiency: inputCount === 0 ? 0 : Math.round((outcome.items.length / inputCount) * 10_000) / 10_000,
        cache_hit: false,
        metadata: { ...outcome.metadata, documents_scanned: outcome.scanned, ...(outcome.embeddings ? { embeddings: outcome.embeddings } : {}) },
      };
      const run: StageRun = { index, name, def, inputCount, outcome, statistics, durationMs: cost.durationMs, credits: cost.credits };
      runs.push(run);
      credits = Math.round((credits + cost.credits) * 1000) / 1000;
      ms = Math.round((ms + cost.durationMs) * 1000) / 1000;
      items = outcome.items;
      // Grouping holds until a later stage reorders or filters the documents.
      if (outcome.groups) groups = outcome.groups;
      else if (def.id !== 'limit') groups = undefined;
      if (outcome.facets) facets = outcome.facets;
      hooks.onStageComplete?.(run, { credits, ms });
      const maxCredits = budget?.max_credits;
      const maxTime = budget?.max_time_ms;
      if (typeof maxCredits === 'number' && credits > maxCredits)
        throw new MockError('bad_request', `Budget exceeded: Maximum credits limit reached (${credits} of ${maxCredits})`);
      if (typeof maxTime === 'number' && ms > maxTime)
        throw new MockError('bad_request', `Budget exceeded: Maximum time limit reached (${ms} of ${maxTime} ms)`);
    } catch (err) {
      if (err instanceof MockError) throw new StageFailure(index, name, err, runs);
      throw err;
    }
  }
  const final = items ?? [];
  if (groups) groups = groups.map((g) => ({ ...g, items: g.items.filter((it) => final.includes(it)) })).filter((g) => g.items.length);
  return { items: final, runs, ...(groups ? { groups } : {}), ...(facets ? { facets } : {}), credits, durationMs: ms };
}

// ---- rendering documents and paging

export interface RenderOptions {
  vectors: boolean;
  presigned: boolean;
}

export function renderItem(state: MixpeekState, ns: NamespaceRecord, catalog: Catalog, it: Item, options: RenderOptions): Json {
  const view = renderDocument(ns, it.c, it.d, {
    ...(options.vectors ? { vectors: vectorsOf(state, it.c, it.d, catalog) } : {}),
    organization: state.organization,
  });
  return { ...(options.presigned ? withPresignedUrls(view) : view), score: it.score };
}

export interface PageRequest {
  method: 'cursor' | 'offset' | 'keyset' | 'scroll';
  raw: Json | undefined;
}

/** A cursor as the vendor's examples show them: base64 of `{"offset": n}`. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64');
}

function decodeOffsetCursor(token: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (isObject(parsed) && Number.isSafeInteger(parsed.offset) && (parsed.offset as number) >= 0) return parsed.offset as number;
  } catch {
    // falls through to the error below
  }
  throw new MockError('bad_request', 'Invalid cursor: use the pagination.cursor of the previous page');
}

export interface ScrollSnapshot {
  items: Item[];
  expiresAt: EpochMicros;
  limit: number;
}

/**
 * The page of the final documents the request's pagination asks for, and the
 * pagination object of the reply. Without `pagination`: cursor, 20 a page.
 */
export function page(
  state: MixpeekState,
  ns: NamespaceRecord,
  items: Item[],
  pagination: Json | undefined,
): { items: Item[]; pagination: Json; snapshotFrom?: string } {
  const method = (pagination?.method as string | undefined) ?? 'cursor';
  const limitOf = (max: number, fallback: number): number => {
    const v = pagination?.limit;
    if (v === undefined) return pagination ? fallback : 20;
    if (typeof v !== 'number' || v > max) throw new MockError('bad_request', `pagination.limit must be at most ${max} for ${method} pagination`);
    return v;
  };
  if (method === 'offset') {
    const size = (pagination?.page_size as number | undefined) ?? 10;
    const number = (pagination?.page_number as number | undefined) ?? 1;
    const offset = (number - 1) * size;
    const slice = items.slice(offset, offset + size);
    return {
      items: slice,
      pagination: { method, total: items.length, limit: size, offset, has_next: offset + slice.length < items.length, has_previous: offset > 0 },
    };
  }
  if (method === 'keyset') {
    const limit = limitOf(500, 10);
    const after = pagination?.after;
    let start = 0;
    if (isObject(after)) {
      const at = items.findIndex((it) => it.d.id === after.id);
      if (at >= 0) start = at + 1;
      else {
        // The marker's document is gone: resume after its place in (score desc, id asc).
        const score = typeof after.score === 'number' ? after.score : Infinity;
        const id = typeof after.id === 'string' ? after.id : '';
        start = items.findIndex((it) => it.score < score || (it.score === score && it.d.id > id));
        if (start < 0) start = items.length;
      }
    }
    const slice = items.slice(start, start + limit);
    const more = start + slice.length < items.length;
    const last = slice[slice.length - 1];
    return { items: slice, pagination: { method, has_next: more, ...(more && last ? { next_cursor: { score: last.score, id: last.d.id } } : {}) } };
  }
  if (method === 'scroll') {
    const limit = limitOf(1000, 100);
    const ttl = (pagination?.scroll_ttl as number | undefined) ?? 300;
    // Scroll contexts: point-in-time snapshots of a run's results, per namespace, kept in memory for their TTL (never saved).
    const { scrolls } = state.memory;
    let store = scrolls.get(ns.executions);
    if (!store) scrolls.set(ns.executions, (store = new Map()));
    const now = state.env.clock.nowMicros();
    for (const [id, s] of store) if (s.expiresAt <= now) store.delete(id);
    const id = pagination?.scroll_id;
    if (typeof id === 'string' && id !== '') {
      const [key, offsetText] = id.split('.');
      const snap = store.get(key!);
      const offset = Number(offsetText);
      if (!snap || !Number.isSafeInteger(offset))
        throw new MockError('not_found', 'Scroll context not found or expired', { details: { resource: 'scroll', id } });
      snap.expiresAt = now + ttl * 1_000_000;
      const slice = snap.items.slice(offset, offset + snap.limit);
      const more = offset + slice.length < snap.items.length;
      return { items: slice, pagination: { method, has_next: more, ...(more ? { scroll_id: `${key}.${offset + slice.length}` } : {}) }, snapshotFrom: key! };
    }
    const key = `scroll_${state.env.ids.chars(16, HEX)}`;
    store.set(key, { items, expiresAt: now + ttl * 1_000_000, limit });
    const slice = items.slice(0, limit);
    const more = slice.length < items.length;
    return { items: slice, pagination: { method, has_next: more, scroll_id: more ? `${key}.${slice.length}` : `${key}.${slice.length}` } };
  }
  // cursor
  const limit = limitOf(500, 10);
  const cursor = pagination?.cursor;
  const start = typeof cursor === 'string' && cursor !== '' ? decodeOffsetCursor(cursor) : 0;
  const slice = items.slice(start, start + limit);
  const more = start + slice.length < items.length;
  return {
    items: slice,
    pagination: { method: 'cursor', page_size: limit, has_next: more, ...(more ? { cursor: encodeOffsetCursor(start + slice.length) } : {}) },
  };
}

/** A scroll request that continues a snapshot needs no run: its documents are the snapshot's. */
export function isScrollContinuation(pagination: Json | undefined): boolean {
  return pagination?.method === 'scroll' && typeof pagination.scroll_id === 'string' && pagination.scroll_id !== '';
}

// ---- execution records and their views

export function inputsHash(inputs: Json): string {
  const stable = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(stable)
      : isObject(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, stable(v[k])]),
          )
        : v;
  return createHash('sha1')
    .update(JSON.stringify(stable(inputs)))
    .digest('hex');
}

export function querySummary(inputs: Json): string | undefined {
  const q = typeof inputs.query === 'string' ? inputs.query : Object.values(inputs).find((v): v is string => typeof v === 'string');
  return q === undefined ? undefined : q.length > 100 ? `${q.slice(0, 100)}…` : q;
}

/** Keeps an execution, dropping the namespace's oldest beyond EXECUTION_HISTORY. */
export function record(ns: NamespaceRecord, execution: ExecutionRecord): void {
  ns.executions.insert(execution);
  while (ns.executions.size > EXECUTION_HISTORY) {
    const oldest = ns.executions.values().next().value;
    if (!oldest) break;
    ns.executions.delete(oldest.id);
  }
}

export function statisticsOf(runs: StageRun[], credits: number, ms: number): Json {
  return { stages: Object.fromEntries(runs.map((r) => [r.name, r.statistics])), total_time_ms: ms, credits_used: credits };
}

export function budgetOf(credits: number, ms: number, limits: Json | undefined): Json {
  const max = typeof limits?.max_credits === 'number' ? limits.max_credits : undefined;
  return {
    credits_used: credits,
    time_used_ms: ms,
    ...(max !== undefined ? { max_credits: max, credits_remaining: Math.max(0, Math.round((max - credits) * 1000) / 1000) } : {}),
    ...(typeof limits?.max_time_ms === 'number' ? { max_time_ms: limits.max_time_ms } : {}),
  };
}

/** The vendor's ExecutionDetail of a saved retriever's execution. */
export function executionDetail(e: ExecutionRecord): Json {
  return {
    execution_id: e.id,
    status: e.status,
    documents: e.documents,
    pagination: e.pagination,
    stage_statistics: e.stageStatistics,
    budget: e.budget,
    ...(e.error !== undefined ? { error: e.error } : {}),
    optimization_applied: false,
    created_at: stamp(e.createdAt),
    completed_at: stamp(e.completedAt),
    stages_completed: e.stagesCompleted,
    total_stages: e.totalStages,
  };
}

export function executionSummary(e: ExecutionRecord): Json {
  const summary = querySummary(e.inputs);
  return {
    execution_id: e.id,
    status: e.status,
    created_at: stamp(e.createdAt),
    completed_at: stamp(e.completedAt),
    duration_ms: e.durationMs,
    credits_used: e.creditsUsed,
    total_processed: e.totalProcessed,
    total_returned: e.totalReturned,
    cache_hit_rate: 0,
    inputs_hash: inputsHash(e.inputs),
    ...(summary !== undefined ? { query_summary: summary } : {}),
  };
}

export function adhocSummary(e: ExecutionRecord): Json {
  const summary = querySummary(e.inputs);
  return {
    execution_id: e.id,
    execution_mode: 'adhoc',
    status: e.status,
    timestamp: stamp(e.createdAt),
    duration_ms: e.durationMs,
    credits_used: e.creditsUsed,
    total_processed: e.totalProcessed,
    total_returned: e.totalReturned,
    cache_hit_rate: 0,
    ...(summary !== undefined ? { query_summary: summary } : {}),
    stages_completed: e.stagesCompleted,
    total_stages: e.totalStages,
    collection_ids: e.collectionIds,
  };
}

export function adhocDetail(e: ExecutionRecord): Json {
  return { ...adhocSummary(e), inputs: JSON.stringify(e.inputs), inputs_hash: inputsHash(e.inputs) };
}

/** The retriever as create, patch and clone answer it (the vendor's RetrieverConfig). */
export function renderRetrieverConfig(r: RetrieverRecord): Json {
  return {
    retriever_id: r.id,
    retriever_name: r.name,
    ...(r.description !== undefined ? { description: r.description } : {}),
    collection_ids: r.collectionIds,
    stages: r.stages,
    input_schema: r.inputSchema,
    ...(r.budgetLimits ? { budget_limits: r.budgetLimits } : {}),
    feature_dependencies: featureDependencies(r.stages),
    tags: r.tags,
    ...(r.displayConfig ? { display_config: r.displayConfig } : {}),
    version: r.version,
    created_at: stamp(r.createdAt),
    updated_at: stamp(r.updatedAt),
  };
}

/** The retriever as get and list answer it (the vendor's RetrieverModel). */
export function renderRetriever(r: RetrieverRecord): Json {
  return {
    ...renderRetrieverConfig(r),
    is_published: false,
    ...(r.marketplaceListingId !== undefined ? { marketplace_listing_id: r.marketplaceListingId } : {}),
  };
}

export type { Catalog };
