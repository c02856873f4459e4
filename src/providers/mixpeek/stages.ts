/**
 * The retriever stages the mock runs, over the shared search engine
 * (core/retrieval) and the shared condition evaluator (core/retrieval/
 * predicate.ts): feature search (dense, BM25 or both fused), attribute
 * filter, attribute and relevance sorts, limit, deduplicate and group by.
 * Each takes the working set of documents (none before the first stage that
 * fetches some) and gives the next; `run` reports what it did, from which
 * the modelled statistics follow.
 *
 * Parameters come as the vendor's docs for each stage describe them, once the
 * templates are filled in; a parameter the stage cannot use is a 400 naming
 * the stage and the parameter.
 */
import { MockError } from '../../core/errors.js';
import { search } from '../../core/retrieval/index.js';
import { isObject, typeName } from '../../core/retrieval/predicate.js';
import type { RetrievalMode, SearchHit } from '../../core/retrieval/types.js';
import { matches, parseFilter, valuesAt, type Filter } from './filter.js';
import type { Catalog, CollectionRecord, DocumentRecord, MixpeekState, NamespaceRecord } from './model.js';
import { extractorOf, filterView, indexOf, textIndexName, textVector, type SearchDoc } from './retrieval.js';

type Json = Record<string, unknown>;

/** A document in the working set, with the score the last scoring stage gave it. */
export interface Item {
  c: CollectionRecord;
  d: DocumentRecord;
  score: number;
}

export interface Group {
  key: unknown;
  count: number;
  items: Item[];
}

/** What a stage run needs besides its parameters. */
export interface StageContext {
  state: MixpeekState;
  ns: NamespaceRecord;
  catalog: Catalog;
  collections: CollectionRecord[];
  /** A stage's pre-filter when no earlier stage fetched documents: the fetching stage applies it before it ranks. */
  preFilter?: Filter;
}

/** What a stage did: its output, and the work the statistics are modelled from. */
export interface StageOutcome {
  items: Item[];
  /** Documents the stage looked at (an index's size for a search, its input for the rest). */
  scanned: number;
  /** Embeddings it asked for (feature search queries). */
  embeddings: number;
  metadata: Json;
  groups?: Group[];
  facets?: Record<string, Array<{ value: unknown; count: number }>>;
}

export type StageCategory = 'filter' | 'sort' | 'reduce';

export interface StageDefinition {
  id: string;
  category: StageCategory;
  description: string;
  icon: string;
  parameterSchema: Json;
  /** Runs with the parameters (templates filled in) on the working set (null before any stage fetched documents). */
  run(params: Json, input: Item[] | null, ctx: StageContext, where: string): Promise<StageOutcome> | StageOutcome;
}

// ---- parameter helpers

export function badParam(where: string, message: string): never {
  throw new MockError('bad_request', `Invalid parameters for stage ${where}: ${message}`);
}

function int(params: Json, name: string, where: string, fallback: number, min: number, max: number): number {
  const v = params[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    badParam(where, `${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`);
  return v;
}

function num(params: Json, name: string, where: string, fallback: number, min: number, max: number): number {
  const v = params[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
    badParam(where, `${name} must be a number from ${min} to ${max}, not ${JSON.stringify(v)}`);
  return v;
}

function str(params: Json, name: string, where: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') badParam(where, `${name} must be a non-empty string, not ${typeName(v)}`);
  return v;
}

function oneOf<T extends string>(params: Json, name: string, where: string, allowed: readonly T[], fallback: T): T {
  const v = params[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    badParam(where, `${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(v)}`);
  return v as T;
}

function bool(params: Json, name: string, where: string, fallback: boolean): boolean {
  const v = params[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') badParam(where, `${name} must be true or false, not ${JSON.stringify(v)}`);
  return v;
}

/** A filter of the list grammar, or none. */
export function filterParam(raw: unknown, where: string): Filter | undefined {
  if (raw === undefined || raw === null) return undefined;
  return parseFilter(raw, where);
}

/** The record a filter sees for an item (its document's fields and ids), with its score. */
export function viewOf(ctx: StageContext, item: Item): Json {
  return { ...filterView(ctx.ns, item.c, item.d), score: item.score };
}

/** A field's value for sorting and grouping: `score` is the item's score, anything else the document's field. */
function fieldValue(ctx: StageContext, item: Item, path: string): unknown {
  if (path === 'score') return item.score;
  return valuesAt(filterView(ctx.ns, item.c, item.d), path)[0];
}

/** Orders two values: numbers numerically, strings lexically (ISO dates included), booleans false first; mixed types as strings. */
function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

const missing = (v: unknown) => v === undefined || v === null;

// ---- feature search

/** A parsed feature URI: `mixpeek://{extractor}@{version}/{output}`. */
export interface FeatureUri {
  extractor: string;
  version: string;
  output: string;
}

const FEATURE_URI = /^mixpeek:\/\/([A-Za-z0-9_-]+)@([A-Za-z0-9._-]+)\/([A-Za-z0-9._-]+)$/;

export function parseFeatureUri(uri: string): FeatureUri | undefined {
  const m = FEATURE_URI.exec(uri);
  return m ? { extractor: m[1]!, version: m[2]!, output: m[3]! } : undefined;
}

/** A sparse or BM25 output (`bm25_sparse`, the vendor's docs' keyword feature) is searched by keyword; any other output by its dense vector. */
export const isLexicalOutput = (output: string): boolean => /bm25|sparse|splade|keyword|lexical/i.test(output);

interface SearchSpec {
  mode: 'keyword' | 'semantic';
  uri: string;
  text?: string;
  vector?: Float32Array;
  topK: number;
  weight: number;
  filter?: Filter;
}

/** The collections of the retriever a feature URI's extractor made, with their indexes. */
function collectionsFor(ctx: StageContext, uri: FeatureUri, where: string, raw: string): CollectionRecord[] {
  const id = `${uri.extractor}_${uri.version}`;
  const found = ctx.collections.filter((c) => String((c.config.feature_extractor as Json | undefined)?.feature_extractor_id) === id);
  if (!found.length) {
    const have = [...new Set(ctx.collections.map((c) => String((c.config.feature_extractor as Json | undefined)?.feature_extractor_id)))];
    badParam(where, `feature_uri ${raw} matches no collection of the retriever (their extractors: ${have.join(', ') || 'none'})`);
  }
  const searchable = found.filter((c) => textIndexName(extractorOf(c, ctx.catalog)) !== undefined);
  if (!searchable.length) badParam(where, `feature_uri ${raw}: the ${id} extractor's documents carry no text vector the mock can search`);
  return searchable;
}

function querySpec(raw: unknown, where: string): { text?: string; vector?: number[] } {
  if (typeof raw === 'string') return { text: raw };
  if (Array.isArray(raw)) return { vector: raw as number[] };
  if (!isObject(raw)) badParam(where, `query must be a string or an object, not ${typeName(raw)}`);
  const mode = raw.input_mode ?? 'text';
  if (mode === 'text') {
    const t = raw.value ?? raw.text;
    if (t === undefined || t === null) return { text: '' };
    if (typeof t !== 'string') badParam(where, `a text query's value must be a string, not ${typeName(t)}`);
    return { text: t };
  }
  if (mode === 'vector' || mode === 'embedding') {
    const v = raw.value ?? raw.vector ?? raw.embedding;
    if (!Array.isArray(v)) badParam(where, `a vector query's value must be a list of numbers, not ${typeName(v)}`);
    return { vector: v as number[] };
  }
  badParam(where, `query input_mode ${JSON.stringify(mode)} is not supported by the mock (text and vector are)`);
}

async function runFeatureSearch(params: Json, input: Item[] | null, ctx: StageContext, where: string): Promise<StageOutcome> {
  const searches = params.searches;
  if (!Array.isArray(searches) || searches.length === 0) badParam(where, 'searches must be a non-empty list');
  const finalTopK = int(params, 'final_top_k', where, 25, 1, 10_000);
  const fusion = oneOf(params, 'fusion', where, ['rrf', 'dbsf', 'weighted', 'max', 'learned'] as const, 'rrf');
  const { embedder } = ctx.state.env;
  const specs: SearchSpec[] = [];
  let collections: CollectionRecord[] | undefined;
  for (const [i, s] of searches.entries()) {
    const at = `${where}.searches[${i}]`;
    if (!isObject(s)) badParam(at, `expected an object, not ${typeName(s)}`);
    const rawUri = str(s, 'feature_uri', at);
    if (!rawUri) badParam(at, 'feature_uri is required');
    const uri = parseFeatureUri(rawUri);
    if (!uri) badParam(at, `feature_uri ${JSON.stringify(rawUri)} is not of the form mixpeek://{extractor}@{version}/{output}`);
    const found = collectionsFor(ctx, uri, at, rawUri);
    // Every search of one stage reads the same collections' indexes (one extractor's).
    if (collections && (found.length !== collections.length || found.some((c) => !collections!.includes(c))))
      badParam(at, 'every search of a stage must name the same extractor');
    collections = found;
    const q = querySpec(s.query, at);
    const mode = isLexicalOutput(uri.output) ? 'keyword' : 'semantic';
    if (mode === 'keyword' && q.vector) badParam(at, `a ${uri.output} search takes a text query, not a vector`);
    let vector: Float32Array | undefined;
    if (q.vector) {
      if (!q.vector.every((x) => typeof x === 'number' && Number.isFinite(x))) badParam(at, 'a vector query must be a list of numbers');
      vector = Float32Array.from(q.vector);
    }
    specs.push({
      mode,
      uri: rawUri,
      ...(q.text !== undefined ? { text: q.text } : {}),
      ...(vector ? { vector } : {}),
      topK: int(s, 'top_k', at, 100, 1, 10_000),
      weight: num(s, 'weight', at, 1, 0, 1_000_000),
      ...(s.filters !== undefined && s.filters !== null ? { filter: filterParam(s.filters, `${at}.filters`)! } : {}),
    });
  }
  const dense = specs.filter((s) => s.mode === 'semantic');
  const lexical = specs.filter((s) => s.mode === 'keyword');
  if (dense.length > 1 || lexical.length > 1)
    badParam(where, 'the mock runs one dense search, one bm25_sparse search, or one of each fused; more searches in one stage are not supported');
  if (specs.length === 2 && fusion !== 'rrf') badParam(where, `fusion ${JSON.stringify(fusion)} is not supported by the mock (rrf is)`);
  // Empty queries find nothing (the vendor's feature search page: "Empty query → Returns empty results").
  const metadata: Json = {
    stage_id: 'feature_search',
    searches: specs.length,
    mode: specs.length === 2 ? 'hybrid' : specs[0]!.mode,
    fusion,
    final_top_k: finalTopK,
  };
  const indexes = collections!.map((c) => indexOf(ctx.state, c));
  if (indexes.some((ci) => ci.rebuilding.size)) await Promise.all(indexes.flatMap((ci) => [...ci.rebuilding]));
  const present = indexes.flatMap((ci) => (ci.index ? [ci.index] : []));
  const scanned = present.reduce((n, ix) => n + ix.documentCount, 0);
  if (specs.some((s) => s.text !== undefined && s.text.trim() === '' && !s.vector)) return { items: [], scanned, embeddings: 0, metadata };
  let embeddings = 0;
  for (const s of dense) {
    if (s.vector || s.text === undefined) continue;
    try {
      [s.vector] = await embedder.embed([s.text]);
    } catch (err) {
      throw new MockError('internal', `The query could not be embedded: ${err instanceof Error ? err.message : String(err)}`);
    }
    embeddings++;
  }
  // Documents of the working set only (when an earlier stage made one), and every filter of the stage.
  const allowed = input ? new Set(input.map((it) => it.d.id)) : undefined;
  const filters = [...(ctx.preFilter ? [ctx.preFilter] : []), ...specs.flatMap((s) => (s.filter ? [s.filter] : []))];
  const filter =
    allowed || filters.length ? (doc: SearchDoc) => (!allowed || allowed.has(doc.documentId)) && filters.every((f) => matches(f, doc.view)) : undefined;
  const mode: RetrievalMode = specs.length === 2 ? 'hybrid' : specs[0]!.mode;
  const keywordSpec = lexical[0];
  const denseSpec = dense[0];
  // One search: its own top_k bounds the candidates; fused: the engine fuses its window of each list (docs/search-engine.md).
  const limit = mode === 'hybrid' ? finalTopK : Math.min(finalTopK, specs[0]!.topK);
  let hits: SearchHit<SearchDoc>[];
  try {
    hits = search(present, {
      query: keywordSpec?.text ?? denseSpec?.text ?? '',
      mode,
      limit,
      ...(denseSpec?.vector ? { queryVector: denseSpec.vector } : {}),
      ...(filter ? { filter } : {}),
      ...(mode === 'hybrid' ? { fusion: { k: 60, keywordWeight: keywordSpec!.weight, vectorWeight: denseSpec!.weight } } : {}),
    });
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    // A vector query of the wrong length is the request's fault; anything else (indexes of mixed dimensions) the server's.
    if (denseSpec && !denseSpec.text && denseSpec.vector)
      badParam(
        where,
        `a vector query must have as many values as the collection's vectors (${embedder.dimension || "the embedder's dimension"}), not ${denseSpec.vector.length}`,
      );
    throw new MockError('internal', `The search could not be run: ${err.message}`);
  }
  const byId = new Map(collections!.map((c) => [c.id, c]));
  const items = hits
    .map((h) => ({ c: byId.get(h.doc.collectionId)!, d: byId.get(h.doc.collectionId)!.documents.get(h.docKey)!, score: h.score }))
    .filter((it) => it.d);
  const out: StageOutcome = { items, scanned, embeddings, metadata };
  if (params.group_by !== undefined && params.group_by !== null) {
    const g = params.group_by;
    if (!isObject(g)) badParam(where, `group_by must be an object, not ${typeName(g)}`);
    const field = str(g, 'field', `${where}.group_by`);
    if (!field) badParam(`${where}.group_by`, 'field is required');
    const groups = groupItems(ctx, items, field).slice(0, int(g, 'limit', `${where}.group_by`, 10, 1, 10_000));
    const size = int(g, 'group_size', `${where}.group_by`, 3, 1, 10_000);
    for (const grp of groups) grp.items = grp.items.slice(0, size);
    out.groups = groups;
    out.items = groups.flatMap((grp) => grp.items);
  }
  if (params.facets !== undefined && params.facets !== null) {
    if (!Array.isArray(params.facets) || !params.facets.every((f) => typeof f === 'string' && f !== ''))
      badParam(where, 'facets must be a list of field paths');
    out.facets = Object.fromEntries((params.facets as string[]).map((f) => [f, facetCounts(ctx, out.items, f)]));
  }
  return out;
}

/** Value counts of a field over items, most frequent first, then by value. */
function facetCounts(ctx: StageContext, items: Item[], field: string): Array<{ value: unknown; count: number }> {
  const counts = new Map<string, { value: unknown; count: number }>();
  for (const it of items) {
    const v = fieldValue(ctx, it, field);
    if (missing(v)) continue;
    for (const one of Array.isArray(v) ? v : [v]) {
      const k = JSON.stringify(one);
      const e = counts.get(k) ?? { value: one, count: 0 };
      e.count++;
      counts.set(k, e);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || compareValues(a.value, b.value));
}

/** Items grouped by a field's value, groups in the order of their first (best) item. */
function groupItems(ctx: StageContext, items: Item[], field: string): Group[] {
  const groups = new Map<string, Group>();
  for (const it of items) {
    const key = fieldValue(ctx, it, field) ?? null;
    const id = JSON.stringify(key);
    const g = groups.get(id) ?? { key, count: 0, items: [] };
    g.count++;
    g.items.push(it);
    groups.set(id, g);
  }
  return [...groups.values()];
}

// ---- attribute filter

/** First-stage retrieval fetches at most this many documents per collection (the vendor's attribute filter page). */
export const ATTRIBUTE_FETCH_LIMIT = 1000;

function runAttributeFilter(params: Json, input: Item[] | null, ctx: StageContext, where: string): StageOutcome {
  let filter: Filter;
  if (params.conditions !== undefined && params.conditions !== null) {
    filter = filterParam(params.conditions, `${where}.conditions`)!;
  } else {
    const field = str(params, 'field', where);
    if (!field) badParam(where, 'give field, operator and value, or conditions');
    if (!Object.prototype.hasOwnProperty.call(params, 'value')) badParam(where, `the condition on ${field} has no value`);
    const operator = params.operator ?? 'eq';
    // Simple mode compares exactly unless case_insensitive (the vendor's parameter table).
    const caseSensitive = !bool(params, 'case_insensitive', where, false);
    filter = parseFilter({ field, operator, value: params.value, case_sensitive: caseSensitive }, where);
  }
  const metadata: Json = { stage_id: 'attribute_filter' };
  if (input) {
    const items = input.filter((it) => matches(filter, viewOf(ctx, it)));
    return { items, scanned: input.length, embeddings: 0, metadata };
  }
  // First stage: documents straight from the collections, oldest first, up to the fetch limit each.
  const items: Item[] = [];
  let scanned = 0;
  for (const c of ctx.collections) {
    let taken = 0;
    for (const d of c.documents.values()) {
      scanned++;
      const view = filterView(ctx.ns, c, d);
      if (!matches(filter, view) || (ctx.preFilter && !matches(ctx.preFilter, view))) continue;
      items.push({ c, d, score: 0 });
      if (++taken >= ATTRIBUTE_FETCH_LIMIT) break;
    }
  }
  return { items, scanned, embeddings: 0, metadata: { ...metadata, first_stage: true } };
}

// ---- sorts, limit, dedupe, group

function runSortAttribute(params: Json, input: Item[] | null, ctx: StageContext, where: string): StageOutcome {
  const field = str(params, 'sort_field', where) ?? str(params, 'field', where);
  if (!field) badParam(where, 'sort_field is required');
  // An unknown order sorts descending (the vendor's page: "Invalid order → Defaults to desc").
  const order = params.order === 'asc' || params.direction === 'asc' ? 1 : -1;
  const nulls = oneOf(params, 'null_handling', where, ['first', 'last'] as const, 'last');
  const items = [...(input ?? [])];
  const keyed = items.map((it, i) => ({ it, i, v: fieldValue(ctx, it, field) }));
  keyed.sort((a, b) => {
    const ma = missing(a.v);
    const mb = missing(b.v);
    if (ma || mb) return ma && mb ? a.i - b.i : (ma ? 1 : -1) * (nulls === 'last' ? 1 : -1);
    return order * compareValues(a.v, b.v) || a.i - b.i;
  });
  return {
    items: keyed.map((k) => k.it),
    scanned: items.length,
    embeddings: 0,
    metadata: { stage_id: 'sort_attribute', sort_field: field, order: order === 1 ? 'asc' : 'desc' },
  };
}

function runSortRelevance(params: Json, input: Item[] | null, ctx: StageContext, where: string): StageOutcome {
  const field = str(params, 'score_field', where) ?? 'score';
  const order = oneOf(params, 'order', where, ['asc', 'desc'] as const, 'desc') === 'asc' ? 1 : -1;
  const normalize = bool(params, 'normalize', where, false);
  const items = [...(input ?? [])];
  // A missing or non-numeric score counts as 0 (the vendor's page); equal scores keep their order.
  const scoreOf = (it: Item) => {
    const v = fieldValue(ctx, it, field);
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  };
  const keyed = items.map((it, i) => ({ it, i, s: scoreOf(it) }));
  keyed.sort((a, b) => order * (a.s - b.s) || a.i - b.i);
  let out = keyed.map((k) => (field === 'score' ? k.it : { ...k.it, score: k.s }));
  if (normalize && out.length) {
    const scores = out.map((it) => it.score);
    const lo = Math.min(...scores);
    const hi = Math.max(...scores);
    out = out.map((it) => ({ ...it, score: hi === lo ? 1 : (it.score - lo) / (hi - lo) }));
  }
  return {
    items: out,
    scanned: items.length,
    embeddings: 0,
    metadata: { stage_id: 'sort_relevance', score_field: field, order: order === 1 ? 'asc' : 'desc', normalize },
  };
}

function runLimit(params: Json, input: Item[] | null, _ctx: StageContext, where: string): StageOutcome {
  const limit = int(params, 'limit', where, 10, 1, 10_000);
  const offset = int(params, 'offset', where, 0, 0, 10_000);
  const items = input ?? [];
  return { items: items.slice(offset, offset + limit), scanned: items.length, embeddings: 0, metadata: { stage_id: 'limit', limit, offset } };
}

function runDeduplicate(params: Json, input: Item[] | null, ctx: StageContext, where: string): StageOutcome {
  const strategy = oneOf(params, 'strategy', where, ['field', 'content'] as const, 'field');
  const keep = oneOf(params, 'keep', where, ['first', 'last'] as const, 'first');
  const items = input ?? [];
  const ordered = keep === 'first' ? items : [...items].reverse();
  const kept: Item[] = [];
  if (strategy === 'field') {
    const fields = params.fields;
    if (!Array.isArray(fields) || !fields.length || !fields.every((f) => typeof f === 'string' && f !== ''))
      badParam(where, 'fields must be a non-empty list of field paths');
    const cs = bool(params, 'case_sensitive', where, true);
    const seen = new Set<string>();
    for (const it of ordered) {
      const key = JSON.stringify(
        (fields as string[]).map((f) => {
          const v = fieldValue(ctx, it, f) ?? null;
          return typeof v === 'string' && !cs ? v.toLowerCase() : v;
        }),
      );
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(it);
    }
  } else {
    // Near-duplicates by the cosine of the documents' text vectors (the embeddings the index holds); documents without one are kept.
    const threshold = num(params, 'similarity_threshold', where, 0.95, 0, 1);
    const vectors: Float32Array[] = [];
    for (const it of ordered) {
      const v = textVector(ctx.state, it.c, it.d, ctx.catalog);
      if (!v) {
        kept.push(it);
        continue;
      }
      const mine = Float32Array.from(v);
      if (vectors.some((o) => o.length === mine.length && cosine(o, mine) >= threshold)) continue;
      vectors.push(mine);
      kept.push(it);
    }
  }
  return { items: keep === 'first' ? kept : kept.reverse(), scanned: items.length, embeddings: 0, metadata: { stage_id: 'deduplicate', strategy, keep } };
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function runGroupBy(params: Json, input: Item[] | null, ctx: StageContext, where: string): StageOutcome {
  const field = str(params, 'field', where);
  if (!field) badParam(where, 'field is required');
  const maxGroups = int(params, 'max_groups', where, 100, 1, 10_000);
  const sortGroupsBy = oneOf(params, 'sort_groups_by', where, ['count', 'field', 'score'] as const, 'count');
  const order = oneOf(params, 'sort_order', where, ['asc', 'desc'] as const, 'desc') === 'asc' ? 1 : -1;
  const perGroup = params.docs_per_group === undefined || params.docs_per_group === null ? undefined : int(params, 'docs_per_group', where, 1, 1, 10_000);
  const sortDocsBy = str(params, 'sort_docs_by', where) ?? 'score';
  const items = input ?? [];
  const groups = groupItems(ctx, items, field).map((g, i) => ({ g, i }));
  const best = (g: Group) => Math.max(...g.items.map((it) => it.score));
  groups.sort((a, b) => {
    let c: number;
    if (sortGroupsBy === 'count') c = a.g.count - b.g.count;
    else if (sortGroupsBy === 'score') c = best(a.g) - best(b.g);
    else c = compareValues(a.g.key, b.g.key);
    return order * c || a.i - b.i;
  });
  const out = groups.slice(0, maxGroups).map(({ g }) => {
    const docs = g.items.map((it, i) => ({ it, i, v: fieldValue(ctx, it, sortDocsBy) }));
    // Documents in a group: by score (or the named field), highest first, ties in their order.
    docs.sort((a, b) => (missing(a.v) || missing(b.v) ? Number(missing(a.v)) - Number(missing(b.v)) : -compareValues(a.v, b.v)) || a.i - b.i);
    const sorted = docs.map((x) => x.it);
    return { key: g.key, count: g.count, items: perGroup === undefined ? sorted : sorted.slice(0, perGroup) };
  });
  return {
    items: out.flatMap((g) => g.items),
    groups: out,
    scanned: items.length,
    embeddings: 0,
    metadata: { stage_id: 'group_by', field, groups: out.length },
  };
}

// ---- the registry

const LOGICAL_OPERATOR = { type: 'object', description: 'AND / OR / NOT of conditions {field, operator, value}, as the list filters take.' };
const OPERATORS = ['eq', 'ne', 'gt', 'lt', 'gte', 'lte', 'in', 'nin', 'contains', 'starts_with', 'ends_with', 'regex', 'exists', 'is_null', 'text'];

export const STAGES: readonly StageDefinition[] = [
  {
    id: 'feature_search',
    category: 'filter',
    description:
      'Search documents by their feature vectors: a dense feature ranks by cosine similarity, a bm25_sparse feature by keyword (BM25); one of each is fused by reciprocal rank fusion.',
    icon: 'search',
    parameterSchema: {
      type: 'object',
      required: ['searches'],
      properties: {
        searches: {
          type: 'array',
          minItems: 1,
          maxItems: 2,
          items: {
            type: 'object',
            required: ['feature_uri', 'query'],
            properties: {
              feature_uri: { type: 'string', description: 'mixpeek://{extractor}@{version}/{output}; an output naming bm25 or sparse is searched by keyword' },
              query: { description: 'Text, or {input_mode: "text", value} or {input_mode: "vector", value: [numbers]}' },
              top_k: { type: 'integer', minimum: 1, maximum: 10000, default: 100 },
              filters: LOGICAL_OPERATOR,
              weight: { type: 'number', minimum: 0, default: 1 },
            },
          },
        },
        final_top_k: { type: 'integer', minimum: 1, maximum: 10000, default: 25 },
        fusion: { type: 'string', enum: ['rrf'], default: 'rrf' },
        group_by: {
          type: 'object',
          required: ['field'],
          properties: { field: { type: 'string' }, limit: { type: 'integer', default: 10 }, group_size: { type: 'integer', default: 3 } },
        },
        facets: { type: 'array', items: { type: 'string' } },
      },
    },
    run: runFeatureSearch,
  },
  {
    id: 'attribute_filter',
    category: 'filter',
    description:
      'Filter documents by attribute conditions with boolean logic (AND/OR/NOT). As the first stage it fetches the matching documents (up to 1,000 per collection); later, it filters the working set.',
    icon: 'filter',
    parameterSchema: {
      type: 'object',
      properties: {
        field: { type: 'string' },
        operator: { type: 'string', enum: OPERATORS, default: 'eq' },
        value: {},
        case_insensitive: { type: 'boolean', default: false },
        conditions: LOGICAL_OPERATOR,
      },
    },
    run: runAttributeFilter,
  },
  {
    id: 'sort_attribute',
    category: 'sort',
    description: 'Reorder documents by a field value (score included); missing values last unless null_handling says first.',
    icon: 'arrow-up-down',
    parameterSchema: {
      type: 'object',
      required: ['sort_field'],
      properties: {
        sort_field: { type: 'string' },
        order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
        null_handling: { type: 'string', enum: ['first', 'last'], default: 'last' },
      },
    },
    run: runSortAttribute,
  },
  {
    id: 'sort_relevance',
    category: 'sort',
    description: 'Reorder documents by their relevance scores, optionally normalized to 0–1.',
    icon: 'arrow-up-down',
    parameterSchema: {
      type: 'object',
      properties: {
        score_field: { type: 'string', default: 'score' },
        order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
        normalize: { type: 'boolean', default: false },
      },
    },
    run: runSortRelevance,
  },
  {
    id: 'limit',
    category: 'reduce',
    description: 'Keep at most limit documents, after skipping offset.',
    icon: 'list-end',
    parameterSchema: {
      type: 'object',
      properties: { limit: { type: 'integer', minimum: 1, maximum: 10000, default: 10 }, offset: { type: 'integer', minimum: 0, maximum: 10000, default: 0 } },
    },
    run: runLimit,
  },
  {
    id: 'deduplicate',
    category: 'reduce',
    description: 'Remove duplicate documents: by equal field values, or by text similarity (the cosine of their text vectors).',
    icon: 'copy-minus',
    parameterSchema: {
      type: 'object',
      properties: {
        strategy: { type: 'string', enum: ['field', 'content'], default: 'field' },
        fields: { type: 'array', items: { type: 'string' } },
        similarity_threshold: { type: 'number', minimum: 0, maximum: 1, default: 0.95 },
        keep: { type: 'string', enum: ['first', 'last'], default: 'first' },
        case_sensitive: { type: 'boolean', default: true },
      },
    },
    run: runDeduplicate,
  },
  {
    id: 'group_by',
    // The vendor's docs call it a group stage; its published StageCategory has no `group`, and grouping reduces N documents to G groups.
    category: 'reduce',
    description: 'Group documents by a field value; groups sorted by count, value or best score, documents in each by score.',
    icon: 'layers',
    parameterSchema: {
      type: 'object',
      required: ['field'],
      properties: {
        field: { type: 'string' },
        max_groups: { type: 'integer', minimum: 1, default: 100 },
        sort_groups_by: { type: 'string', enum: ['count', 'field', 'score'], default: 'count' },
        sort_order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
        docs_per_group: { type: 'integer', minimum: 1 },
        sort_docs_by: { type: 'string', default: 'score' },
      },
    },
    run: runGroupBy,
  },
];

export const STAGE_BY_ID: ReadonlyMap<string, StageDefinition> = new Map(STAGES.map((s) => [s.id, s]));

// ---- the cost model

/**
 * Modelled cost of a stage, from the work it did: the same data and inputs
 * give the same figures (a timed duration would differ run to run). A search
 * costs 5 ms plus 2 µs a document searched and 2 ms an embedding, and 0.01
 * credits an embedding; other stages 0.5 ms plus 1 µs a document, and nothing.
 */
export function stageCost(def: StageDefinition, outcome: Pick<StageOutcome, 'scanned' | 'embeddings'>): { durationMs: number; credits: number } {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  if (def.id === 'feature_search')
    return { durationMs: round(5 + 0.002 * outcome.scanned + 2 * outcome.embeddings), credits: round(0.01 * outcome.embeddings) };
  return { durationMs: round(0.5 + 0.001 * outcome.scanned), credits: 0 };
}
