/**
 * Airweave search on the shared engine: the legacy endpoints SDK 0.7.20
 * calls (GET and POST `/collections/{id}/search`) and v2's instant, classic
 * and agentic tiers, over one index per collection (retrieval.ts). The
 * vendor's request is mapped onto the core's SearchRequest (mode, query
 * vector, filter as a core condition), and the hits are rendered in the
 * vendor's two result shapes.
 *
 * What the vendor does with LLMs (classic search's plan, the agent, the
 * legacy answer) has deterministic stand-ins here, built from the results.
 */
import type { components } from '../../generated/airweave.js';
import { MockError } from '../../core/errors.js';
import { matches, type Condition } from '../../core/retrieval/predicate.js';
import { DEFAULT_FUSION, search } from '../../core/retrieval/index.js';
import type { RetrievalMode, SearchHit } from '../../core/retrieval/types.js';
import type { AirweaveState } from './model.js';
import { holderOf, settled, type ChunkDoc } from './retrieval.js';

type Schemas = components['schemas'];
export type SearchResult = Schemas['SearchResult'];
export type LegacySearchResult = Schemas['LegacySearchResult'];

/** The best fused score a chunk can get (first in both rankings): hybrid scores are reported as a fraction of it. */
const BEST_FUSED = (DEFAULT_FUSION.keywordWeight + DEFAULT_FUSION.vectorWeight) / (DEFAULT_FUSION.k + 1);

/** Candidates a recency bias re-ranks, at most: the best this many matches. */
const RECENCY_POOL = 1000;

export interface Ranked {
  hit: SearchHit<ChunkDoc>;
  /** The score the vendor's shapes report. */
  score: number;
}

export interface RunOptions {
  query: string;
  mode: RetrievalMode;
  filter?: Condition | undefined;
  /** Only entities of these connections (SearchRequest's `source_connection_ids`). */
  connections?: ReadonlySet<string> | undefined;
  offset: number;
  limit: number;
  /** 0–1: how much recency weighs against relevance. */
  recencyBias?: number | undefined;
}

/**
 * Ranks the collection's chunks for a query: the core engine's ranking in
 * the requested mode, the filter applied before it, scores in the vendor's
 * terms, an optional recency blend, then offset and limit.
 */
export async function runSearch(state: AirweaveState, readableId: string, options: RunOptions): Promise<Ranked[]> {
  // Work under way (a load, a rebuild after a state load, a federated source's entities): the search sees all of it or none.
  await settled(state, readableId);
  const { mode, filter, connections, offset, limit } = options;
  const bias = options.recencyBias ?? 0;
  let queryVector: Float32Array | undefined;
  if (mode !== 'keyword') {
    try {
      [queryVector] = await state.env.embedder.embed([options.query]);
    } catch (err) {
      throw new MockError('internal', `The query could not be embedded: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const index = holderOf(state, readableId).index;
  if (!index) return [];
  const wanted = offset + limit;
  const pool = bias > 0 ? Math.max(wanted, Math.min(RECENCY_POOL, index.chunkCount)) : wanted;
  const accept =
    filter || connections
      ? (doc: ChunkDoc) =>
          (!connections || (doc.view.connection_id !== null && connections.has(doc.view.connection_id))) && (!filter || matches(filter, doc.view))
      : undefined;
  let hits: SearchHit<ChunkDoc>[];
  try {
    hits = search([index], { query: options.query, mode, limit: pool, ...(queryVector ? { queryVector } : {}), ...(accept ? { filter: accept } : {}) });
  } catch (err) {
    // A query vector the index cannot take (a model server that changed its dimension) is the server's fault, not the request's.
    if (err instanceof RangeError) throw new MockError('internal', `The search could not be run: ${err.message}`);
    throw err;
  }
  let ranked: Ranked[] = hits.map((hit) => ({ hit, score: reported(mode, hit.score) }));
  if (bias > 0 && ranked.length) ranked = blendRecency(ranked, mode, bias);
  return ranked.slice(offset, wanted);
}

/** Scores as the vendor's results show them: cosines at least 0, BM25 as it is, fused scores as a fraction of the best possible. */
function reported(mode: RetrievalMode, score: number): number {
  if (mode === 'semantic') return Math.max(0, score);
  if (mode === 'hybrid') return Math.min(1, score / BEST_FUSED);
  return score;
}

/**
 * score = (1 − bias) × relevance + bias × recency, both in [0, 1]: relevance
 * is the reported score (BM25 divided by the pool's best), recency the
 * entity's `updated_at` between the pool's oldest (0) and newest (1); an
 * entity without one is oldest. Ties keep the relevance order.
 */
function blendRecency(ranked: Ranked[], mode: RetrievalMode, bias: number): Ranked[] {
  const best = mode === 'keyword' ? Math.max(...ranked.map((r) => r.score)) || 1 : 1;
  const times = ranked.map((r) => r.hit.doc.view.updated_at ?? Number.NEGATIVE_INFINITY);
  const known = times.filter(Number.isFinite);
  const oldest = known.length ? Math.min(...known) : 0;
  const span = known.length ? Math.max(...known) - oldest : 0;
  const recency = (t: number) => (!Number.isFinite(t) ? 0 : span === 0 ? 1 : (t - oldest) / span);
  return ranked
    .map((r, i) => ({ r, i, score: (1 - bias) * (r.score / best) + bias * recency(times[i]!) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ r, score }) => ({ hit: r.hit, score }));
}

// ---------------------------------------------------------------- rendering

export function renderResult({ hit, score }: Ranked): SearchResult {
  const { record, chunkIndex } = hit.doc;
  return {
    entity_id: record.entityId,
    name: record.name,
    relevance_score: score,
    breadcrumbs: record.breadcrumbs.map((b) => ({ ...b })),
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    textual_representation: hit.chunk.text,
    airweave_system_metadata: {
      source_name: record.sourceName,
      entity_type: record.entityType,
      sync_id: record.syncId,
      sync_job_id: record.jobId,
      chunk_index: chunkIndex,
      original_entity_id: record.entityId,
    },
    access: { viewers: record.access?.viewers ?? null, is_public: record.access?.isPublic ?? null },
    web_url: record.webUrl,
    url: record.url,
    raw_source_fields: { ...record.fields },
  };
}

/** The legacy endpoints' result: the vendor's `AirweaveSearchResult`, one per chunk. */
export function renderLegacyResult({ hit, score }: Ranked): LegacySearchResult {
  const { record, chunkIndex } = hit.doc;
  return {
    id: hit.chunk.id,
    score,
    entity_id: record.entityId,
    name: record.name,
    textual_representation: hit.chunk.text,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    breadcrumbs: record.breadcrumbs.map((b) => ({ ...b })),
    system_metadata: {
      entity_type: record.entityType,
      source_name: record.sourceName,
      sync_id: record.syncId,
      sync_job_id: record.jobId,
      original_entity_id: record.entityId,
      chunk_index: chunkIndex,
    },
    access: { is_public: record.access?.isPublic ?? false, viewers: record.access?.viewers ?? [] },
    source_fields: { ...record.fields },
  };
}

/** The first sentence of a chunk's text, without its heading, at most 240 characters. */
function gist(text: string): string {
  const body = text
    .split('\n')
    .filter((line) => !/^#\s/.test(line))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(body)?.[0] ?? body;
  return sentence.length > 240 ? `${sentence.slice(0, 239)}…` : sentence;
}

/**
 * The stand-in for the vendor's generated answer: the first sentence of each
 * of the top three entities' best chunks, numbered as citations. The same
 * results give the same text.
 */
export function completionOf(query: string, ranked: readonly Ranked[]): string {
  const seen = new Set<string>();
  const top: Ranked[] = [];
  for (const r of ranked) {
    if (seen.has(r.hit.doc.record.key)) continue;
    seen.add(r.hit.doc.record.key);
    top.push(r);
    if (top.length === 3) break;
  }
  if (!top.length) return `No result in the collection matches "${query}".`;
  const lines = top.map((r, i) => `${i + 1}. ${r.hit.doc.record.name} (${r.hit.doc.record.sourceName}): ${gist(r.hit.chunk.text)} [${i + 1}]`);
  return `Based on the ${top.length === 1 ? 'most relevant result' : `${top.length} most relevant results`} for "${query}":\n\n${lines.join('\n')}`;
}
