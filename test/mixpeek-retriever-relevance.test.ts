/**
 * Mixpeek retriever relevance on a small real corpus: the text documents of
 * test/corpus (eleven short pieces on distinct topics; the PDF is xAI's and
 * not a bucket text) registered as objects and processed by a text-extractor
 * collection, then the queries of test/corpus/queries.json (those of the text
 * documents) run through three retrievers, one per feature-search mode:
 * - bm25_sparse (keyword) ranks the expected document first for every keyword
 *   query;
 * - the dense feature (semantic) ranks first at least three documents keyword
 *   retrieval misses (inflections and partial words no document contains);
 * - both fused (hybrid) is never worse than both others on a query, and its
 *   mean reciprocal rank over the set is at least that of each.
 * The expected document is first for at least ten queries in every mode but
 * keyword (which cannot match the partial words by design). The mean
 * reciprocal rank of each mode is printed (docs/providers/mixpeek.md quotes it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { freshKey, mixpeekApi, type MixpeekApi } from './support/mixpeek.js';

const CORPUS = path.join(import.meta.dirname, 'corpus');
const MODES = ['keyword', 'semantic', 'hybrid'] as const;
type Mode = (typeof MODES)[number];
const URI = { semantic: 'mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1', keyword: 'mixpeek://text_extractor@v1/bm25_sparse' };

interface Query {
  query: string;
  expect: string;
}
const raw = JSON.parse(readFileSync(path.join(CORPUS, 'queries.json'), 'utf8')) as { keyword: Query[]; semantic: Query[] };
const TEXTS = readdirSync(CORPUS)
  .filter((n) => /\.(txt|md)$/.test(n))
  .sort();
const onText = (q: Query) => TEXTS.includes(q.expect);
const queries = [
  ...raw.keyword.filter(onText).map((q) => ({ ...q, kind: 'keyword' as const })),
  ...raw.semantic.filter(onText).map((q) => ({ ...q, kind: 'semantic' as const })),
];

describe('Mixpeek retriever relevance on a small corpus', () => {
  const ctx = useServer({ providers: ['mixpeek'] });
  let a: MixpeekApi;
  const nameOf = new Map<string, string>();
  /** Per query and mode: the rank of the expected document (0 when absent). */
  const ranks = new Map<string, Record<Mode, number>>();

  beforeAll(async () => {
    const key = freshKey('relevance');
    expect(
      (
        await mixpeekApi(ctx.url, key).post('/v1/namespaces', {
          namespace_name: 'corpus',
          feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }],
        })
      ).status,
    ).toBe(200);
    a = mixpeekApi(ctx.url, key, 'corpus');
    const bucket = (await a.post('/v1/buckets', { bucket_name: 'pieces', bucket_schema: { properties: { body: { type: 'text' }, name: { type: 'string' } } } }))
      .json;
    const col = await a.post('/v1/collections', {
      collection_name: 'pieces',
      source: { type: 'bucket', bucket_ids: [bucket.bucket_id] },
      feature_extractor: {
        feature_extractor_name: 'text_extractor',
        version: 'v1',
        input_mappings: { text: 'body' },
        field_passthrough: [{ source_path: 'name' }],
      },
    });
    expect(col.status, col.text).toBe(200);
    for (const name of TEXTS) {
      const res = await a.post(`/v1/buckets/${bucket.bucket_id}/objects?auto_process=true`, {
        blobs: [
          { property: 'body', type: 'text', data: readFileSync(path.join(CORPUS, name), 'utf8') },
          { property: 'name', type: 'string', data: name },
        ],
      });
      expect(res.status, res.text).toBe(200);
    }
    ctx.server.clock.advance(2000);
    for (const mode of MODES) {
      const searches =
        mode === 'hybrid'
          ? [
              { feature_uri: URI.semantic, query: '{{INPUT.query}}' },
              { feature_uri: URI.keyword, query: '{{INPUT.query}}' },
            ]
          : [{ feature_uri: URI[mode], query: '{{INPUT.query}}' }];
      const res = await a.post('/v1/retrievers', {
        retriever_name: mode,
        collection_identifiers: ['pieces'],
        input_schema: { query: { type: 'text', required: true } },
        stages: [{ stage_name: 'search', config: { stage_id: 'feature_search', parameters: { searches, final_top_k: 20 } } }],
      });
      expect(res.status, res.text).toBe(200);
    }
    for (const q of queries) {
      const entry = {} as Record<Mode, number>;
      for (const mode of MODES) {
        const res = await a.post(`/v1/retrievers/${mode}/execute`, { inputs: { query: q.query } });
        expect(res.status, res.text).toBe(200);
        const names = (res.json.documents as Array<{ name: string; document_id: string }>).map((d) => d.name);
        for (const d of res.json.documents) nameOf.set(d.document_id, d.name);
        entry[mode] = names.indexOf(q.expect) + 1;
      }
      ranks.set(q.query, entry);
    }
  });

  const mrr = (mode: Mode, kind?: 'keyword' | 'semantic') => {
    const subset = queries.filter((q) => !kind || q.kind === kind);
    return subset.reduce((sum, q) => sum + (ranks.get(q.query)![mode] ? 1 / ranks.get(q.query)![mode] : 0), 0) / subset.length;
  };

  it('prints the mean reciprocal rank of each mode', () => {
    const rows = [
      ['all', queries.length],
      ['keyword', queries.filter((q) => q.kind === 'keyword').length],
      ['semantic', queries.filter((q) => q.kind === 'semantic').length],
    ] as const;
    for (const [kind, n] of rows) {
      const k = kind === 'all' ? undefined : kind;
      console.log(
        `MRR over ${n} ${kind} queries: keyword ${mrr('keyword', k).toFixed(3)}, semantic ${mrr('semantic', k).toFixed(3)}, hybrid ${mrr('hybrid', k).toFixed(3)}`,
      );
    }
    expect(queries).toHaveLength(22);
  });

  it('bm25_sparse ranks the expected document first for every keyword query', () => {
    const misses = queries.filter((q) => q.kind === 'keyword' && ranks.get(q.query)!.keyword !== 1).map((q) => `${q.query}: ${ranks.get(q.query)!.keyword}`);
    expect(misses).toEqual([]);
  });

  it('the dense feature ranks first at least three documents keyword retrieval cannot find', () => {
    const found = queries.filter((q) => q.kind === 'semantic' && ranks.get(q.query)!.keyword === 0 && ranks.get(q.query)!.semantic === 1);
    expect(found.length).toBeGreaterThanOrEqual(3);
  });

  it('the expected document is first for at least ten queries in the semantic and hybrid modes', () => {
    for (const mode of ['semantic', 'hybrid'] as const) expect(queries.filter((q) => ranks.get(q.query)![mode] === 1).length, mode).toBeGreaterThanOrEqual(10);
  });

  it('fused is never worse than both others on a query, and at least as good as each over the set', () => {
    const worse = queries.filter((q) => {
      const r = ranks.get(q.query)!;
      const rank = (x: number) => (x === 0 ? Infinity : x);
      return rank(r.hybrid) > Math.max(rank(r.keyword), rank(r.semantic));
    });
    expect(worse.map((q) => q.query)).toEqual([]);
    expect(mrr('hybrid')).toBeGreaterThanOrEqual(mrr('keyword'));
    expect(mrr('hybrid')).toBeGreaterThanOrEqual(mrr('semantic') - 1e-9);
  });
});
