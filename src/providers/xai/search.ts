/**
 * POST /v1/documents/search: the vendor's request mapped onto the retrieval
 * core's SearchRequest, and its hits rendered as the vendor's matches.
 */
import type { components } from '../../generated/xai.js';
import type { FusionOptions, RetrievalMode, SearchHit } from '../../core/retrieval/types.js';
import { search } from '../../core/retrieval/index.js';
import { MockError } from '../../core/errors.js';
import { requestFilter, type FieldSpec } from './filter.js';
import type { CollectionRecord, XaiState } from './model.js';
import { indexOf, type SearchDoc } from './retrieval.js';

type Schemas = components['schemas'];
export type SearchRequestBody = Schemas['SearchRequest'];
type SearchMatch = Schemas['SearchMatch'];

const DEFAULT_LIMIT = 10;
const DEFAULT_FUSION: FusionOptions = { k: 60, keywordWeight: 0.5, vectorWeight: 0.5 };
const INT32_MAX = 2147483647;

/** An int32 sent as a number or a numeric string (protojson); the schema has checked its form. */
function int32(name: string, v: number | string): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isSafeInteger(n) || n > INT32_MAX) throw new MockError('validation', `${name} must be a 32-bit integer.`);
  return n;
}

/** The retrieval mode and, for hybrid, its fusion, from either of the vendor's two forms. */
export function retrievalOf(body: SearchRequestBody): { mode: RetrievalMode; fusion?: FusionOptions } {
  const given = (['retrieval_mode', 'hybrid_retrieval', 'semantic_retrieval', 'keyword_retrieval'] as const).filter(
    (k) => body[k] !== undefined && body[k] !== null,
  );
  if (given.length > 1) throw new MockError('validation', `Give one retrieval mode, not ${given.join(' and ')}.`);
  if (body.retrieval_mode) return { mode: body.retrieval_mode.type, ...(body.retrieval_mode.type === 'hybrid' ? { fusion: DEFAULT_FUSION } : {}) };
  if (body.semantic_retrieval) return { mode: 'semantic' };
  if (body.keyword_retrieval) return { mode: 'keyword' };
  const hybrid = body.hybrid_retrieval;
  if (hybrid?.search_multiplier !== undefined) int32('hybrid_retrieval.search_multiplier', hybrid.search_multiplier);
  if (hybrid?.reranker_model && hybrid.reciprocal_rank_fusion) {
    throw new MockError('validation', 'hybrid_retrieval takes reranker_model or reciprocal_rank_fusion, not both.');
  }
  const rrf = hybrid?.reciprocal_rank_fusion;
  if (!rrf) return { mode: 'hybrid', fusion: DEFAULT_FUSION };
  // proto3 floats: 0 and absent are one value, which the vendor documents as 0.5.
  return {
    mode: 'hybrid',
    fusion: {
      k: rrf.k === undefined ? DEFAULT_FUSION.k : int32('reciprocal_rank_fusion.k', rrf.k),
      keywordWeight: rrf.text_weight || DEFAULT_FUSION.keywordWeight,
      vectorWeight: rrf.embedding_weight || DEFAULT_FUSION.vectorWeight,
    },
  };
}

/**
 * The filter over a document's fields: a bare name is a field key, as is
 * `fields.<key>`; values are numbers when both sides are, else exact strings.
 */
export function compileSearchFilter(source: string | null | undefined): ((doc: SearchDoc) => boolean) | undefined {
  const resolve = (field: string): FieldSpec<SearchDoc> => {
    const key = field.startsWith('fields.') ? field.slice('fields.'.length) : field;
    return { kind: 'dynamic', get: (d) => (Object.prototype.hasOwnProperty.call(d.fields, key) ? d.fields[key] : undefined) };
  };
  return requestFilter(source, resolve);
}

function collectionsOf(state: XaiState, ids: readonly string[]): CollectionRecord[] {
  return [...new Set(ids)].map((id) => {
    const c = state.collections.get(id);
    if (!c) throw new MockError('not_found', `Collection ${id} not found.`);
    return c;
  });
}

/** Runs a validated search request for one team. */
export async function searchDocuments(state: XaiState, body: SearchRequestBody): Promise<{ matches: SearchMatch[] }> {
  if (body.query.trim() === '') throw new MockError('validation', 'query must not be empty.');
  const limit = body.limit === undefined || body.limit === null ? DEFAULT_LIMIT : int32('limit', body.limit);
  const { mode, fusion } = retrievalOf(body);
  const filter = compileSearchFilter(body.filter);
  const ids = body.source.collection_ids;
  // Every id is checked before anything waits, so an unknown one is a 404 whatever else is slow.
  collectionsOf(state, ids);
  // Documents loaded PROCESSED are being indexed again: the search waits for them, and never sees a partial index.
  const rebuilding = collectionsOf(state, ids).flatMap((c) => [...indexOf(state, c).rebuilding]);
  if (rebuilding.length) await Promise.all(rebuilding);
  let queryVector: Float32Array | undefined;
  if (mode !== 'keyword') {
    try {
      [queryVector] = await state.env.embedder.embed([body.query]);
    } catch (err) {
      throw new MockError('internal', `The query could not be embedded: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // Looked up again after the waits: a collection deleted meanwhile is a 404, not a search of what it held.
  const collections = collectionsOf(state, ids);
  let hits: SearchHit<SearchDoc>[];
  try {
    hits = search(
      collections.flatMap((c) => indexOf(state, c).index ?? []),
      {
        query: body.query,
        mode,
        limit: limit * collections.length,
        ...(queryVector ? { queryVector } : {}),
        ...(filter ? { filter } : {}),
        ...(fusion ? { fusion } : {}),
      },
    );
  } catch (err) {
    // A query vector the indexes cannot take (a model server that changed its dimension, say) is the server's fault, not the request's.
    if (err instanceof RangeError) throw new MockError('internal', `The search could not be run: ${err.message}`);
    throw err;
  }
  return { matches: render(hits, limit, mode) };
}

/**
 * The vendor's matches: one per chunk, listing every searched collection it
 * was found in (a file in two collections, cut the same way, is one match).
 */
function render(hits: readonly SearchHit<SearchDoc>[], limit: number, mode: RetrievalMode): SearchMatch[] {
  const byChunk = new Map<string, SearchMatch>();
  const order: SearchMatch[] = [];
  for (const hit of hits) {
    const seen = byChunk.get(hit.chunk.id);
    if (seen) {
      if (!seen.collection_ids.includes(hit.doc.collectionId)) seen.collection_ids.push(hit.doc.collectionId);
      continue;
    }
    const match: SearchMatch = {
      file_id: hit.docKey,
      chunk_id: hit.chunk.id,
      chunk_content: hit.chunk.text,
      // The vendor documents cosine scores in [0, 1]: a negative cosine (unrelated text) is reported as 0, in the same order.
      score: mode === 'semantic' ? Math.max(0, hit.score) : hit.score,
      collection_ids: [hit.doc.collectionId],
      fields: { ...hit.doc.fields },
      page_number: hit.chunk.page ?? 0,
    };
    byChunk.set(hit.chunk.id, match);
    order.push(match);
  }
  return order.slice(0, limit);
}
