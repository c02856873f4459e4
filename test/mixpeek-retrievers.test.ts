/**
 * Mixpeek retrievers end to end: from an empty state to ranked results
 * (namespace, bucket, collection, objects processed on the clock, retriever,
 * execute), then changed documents change the results; the retriever CRUD
 * (list, get, patch, clone, delete) and its refusals; the stages (feature
 * search in each mode, attribute filter, sorts, limit, dedupe, group by,
 * pre- and post-filters), input binding, pagination of every method, budget
 * limits, execution history, explain, ad-hoc execution, and isolation
 * between namespaces and organisations.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { ok } from './support/client.js';
import { expectError, freshKey, mixpeekApi, type MixpeekApi } from './support/mixpeek.js';

const DENSE = 'mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1';
const BM25 = 'mixpeek://text_extractor@v1/bm25_sparse';

const NOTES: Array<[string, string, number]> = [
  ['Volcanoes erupt molten lava, ash and volcanic gas.', 'geology', 3],
  ['Glaciers carve deep valleys over thousands of years.', 'geology', 5],
  ['Photosynthesis turns sunlight, water and carbon dioxide into sugar.', 'biology', 4],
  ['Honeybees dance to tell the hive where flowers are.', 'biology', 1],
  ['Lava tubes form when the surface of a lava flow cools.', 'geology', 2],
];

/** A feature-search stage of one search (dense or bm25) or both. */
function search(kind: 'dense' | 'bm25' | 'hybrid', extra: Record<string, unknown> = {}) {
  const searches =
    kind === 'hybrid'
      ? [
          { feature_uri: DENSE, query: { input_mode: 'text', value: '{{INPUT.query}}' } },
          { feature_uri: BM25, query: '{{INPUT.query}}' },
        ]
      : [{ feature_uri: kind === 'dense' ? DENSE : BM25, query: '{{INPUT.query}}' }];
  return { stage_name: 'search', stage_type: 'filter', config: { stage_id: 'feature_search', parameters: { searches, final_top_k: 10, ...extra } } };
}

describe('Mixpeek retrievers', () => {
  const ctx = useServer({ providers: ['mixpeek'] });
  const advance = (ms: number) => ctx.server.clock.advance(ms);

  /** A namespace with the notes processed into a text collection `notes` (topic and rank passed through). */
  async function world(label: string, notes = NOTES): Promise<{ key: string; a: MixpeekApi; bucketId: string; colId: string }> {
    const key = freshKey(label);
    await ok(
      mixpeekApi(ctx.url, key).post('/v1/namespaces', {
        namespace_name: 'lab',
        feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }],
      }),
    );
    const a = mixpeekApi(ctx.url, key, 'lab');
    const b = await ok(
      a.post('/v1/buckets', {
        bucket_name: 'notes',
        bucket_schema: { properties: { body: { type: 'text' }, topic: { type: 'string' }, rank: { type: 'integer' } } },
      }),
    );
    const col = await ok(
      a.post('/v1/collections', {
        collection_name: 'notes',
        source: { type: 'bucket', bucket_ids: [b.bucket_id] },
        feature_extractor: {
          feature_extractor_name: 'text_extractor',
          version: 'v1',
          input_mappings: { text: 'body' },
          field_passthrough: [{ source_path: 'topic' }, { source_path: 'rank' }],
        },
      }),
    );
    for (const [body, topic, rank] of notes) {
      await ok(
        a.post(`/v1/buckets/${b.bucket_id}/objects?auto_process=true`, {
          metadata: { rank },
          blobs: [
            { property: 'body', type: 'text', data: body },
            { property: 'topic', type: 'string', data: topic },
          ],
        }),
      );
    }
    advance(2000);
    return { key, a, bucketId: b.bucket_id, colId: col.collection_id };
  }

  const retriever = (a: MixpeekApi, name: string, stages: unknown[], extra: Record<string, unknown> = {}) =>
    ok(
      a.post('/v1/retrievers', {
        retriever_name: name,
        collection_identifiers: ['notes'],
        input_schema: { query: { type: 'text', required: true } },
        stages,
        ...extra,
      }),
    );
  const execute = (a: MixpeekApi, name: string, body: unknown) => ok(a.post(`/v1/retrievers/${name}/execute`, body));
  const texts = (res: any) => res.documents.map((d: any) => d.text);

  it('from an empty state to ranked results; changed documents change the next execution; deleted ones leave it', async () => {
    const { a, colId } = await world('flow');
    const created = await retriever(a, 'notes-search', [search('hybrid')]);
    const r = created.retriever;
    expect(r.retriever_id).toMatch(/^ret_[0-9a-f]{16}$/);
    expect(r).toMatchObject({
      retriever_name: 'notes-search',
      collection_ids: [colId],
      version: 1,
      tags: [],
      input_schema: { query: { type: 'text', required: true } },
    });
    expect(r.stages[0].stage_type).toBe('filter');
    expect(r.feature_dependencies).toEqual([
      { scheme: 'mixpeek', extractor: 'text_extractor', version: 'v1', output: 'multilingual_e5_large_instruct_v1' },
      { scheme: 'mixpeek', extractor: 'text_extractor', version: 'v1', output: 'bm25_sparse' },
    ]);
    expect((await ok(a.get(`/v1/collections/${colId}`))).retriever_count).toBe(1);

    const first = await execute(a, 'notes-search', { inputs: { query: 'lava flow' } });
    expect(first.execution_id).toMatch(/^exec_[0-9a-f]{16}$/);
    expect(first.status).toBe('completed');
    // Both documents about lava come first, the one with both words ahead; scores descend.
    expect(texts(first).slice(0, 2)).toEqual(['Lava tubes form when the surface of a lava flow cools.', 'Volcanoes erupt molten lava, ash and volcanic gas.']);
    const scores = first.documents.map((d: any) => d.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(first.documents[0]).toMatchObject({ collection_id: colId, topic: 'geology', rank: 2 });
    expect(first.documents[0]).not.toHaveProperty('text_extractor_v1_embedding');
    expect(first.stage_statistics.stages.search).toMatchObject({
      input_count: 5,
      output_count: first.documents.length,
      cache_hit: false,
      metadata: { stage_id: 'feature_search', mode: 'hybrid', fusion: 'rrf', documents_scanned: 5, embeddings: 1 },
    });
    expect(first.execution_metadata).toEqual({ execution_mode: 'saved', retriever_persisted: true, retriever_id: r.retriever_id });
    // The same data answers the same way: documents, scores and statistics.
    const again = await execute(a, r.retriever_id, { inputs: { query: 'lava flow' } });
    expect(again.documents).toEqual(first.documents);
    expect(again.stage_statistics).toEqual(first.stage_statistics);

    // Change a document: a glacier note now talks about lava, and ranks first for it.
    const glacier =
      first.documents.find((d: any) => d.text.startsWith('Glaciers')) ??
      (await ok(a.post(`/v1/collections/${colId}/documents/list`, { filters: { AND: [{ field: 'text', operator: 'starts_with', value: 'Glaciers' }] } })))
        .results[0];
    await ok(a.patch(`/v1/collections/${colId}/documents/${glacier.document_id}`, { text: 'A lava flow, a lava flow, a lava flow over the ice.' }));
    const changed = await execute(a, 'notes-search', { inputs: { query: 'lava flow' } });
    expect(changed.documents[0].document_id).toBe(glacier.document_id);
    expect(changed.documents[0].text).toBe('A lava flow, a lava flow, a lava flow over the ice.');

    // Delete it: the next execution no longer has it.
    await ok(a.del(`/v1/collections/${colId}/documents/${glacier.document_id}`));
    const after = await execute(a, 'notes-search', { inputs: { query: 'lava flow' } });
    expect(after.documents.map((d: any) => d.document_id)).not.toContain(glacier.document_id);
    expect(after.stage_statistics.stages.search.input_count).toBe(4);

    // A new object, processed on the clock, joins the results once it is COMPLETED.
    const b = (await ok(a.get('/v1/buckets/notes'))).bucket_id;
    await ok(
      a.post(`/v1/buckets/${b}/objects?auto_process=true`, {
        blobs: [
          { property: 'body', type: 'text', data: 'Pahoehoe lava flow has a smooth ropy skin.' },
          { property: 'topic', type: 'string', data: 'geology' },
        ],
      }),
    );
    expect(texts(await execute(a, 'notes-search', { inputs: { query: 'pahoehoe' } }))).not.toContain('Pahoehoe lava flow has a smooth ropy skin.');
    advance(2000);
    expect(texts(await execute(a, 'notes-search', { inputs: { query: 'pahoehoe' } }))[0]).toBe('Pahoehoe lava flow has a smooth ropy skin.');

    // Deleting the collection: the retriever's executions are 404s, its collection count gone.
    await ok(a.del('/v1/retrievers/notes-search'));
    expectError(await a.post('/v1/retrievers/notes-search/execute', { inputs: { query: 'x' } }), 404, 'NotFoundError', 'Retriever not found');
  });

  it('each feature-search mode: dense (cosine), bm25_sparse (keyword), both (reciprocal rank fusion)', async () => {
    const { a } = await world('modes');
    await retriever(a, 'dense', [search('dense')]);
    await retriever(a, 'bm25', [search('bm25')]);
    await retriever(a, 'both', [search('hybrid')]);
    const dense = await execute(a, 'dense', { inputs: { query: 'photosynthesizing plants' } });
    expect(dense.documents[0].text).toMatch(/^Photosynthesis/);
    expect(dense.documents.length).toBe(5);
    expect(dense.stage_statistics.stages.search.metadata.mode).toBe('semantic');
    for (const d of dense.documents) expect(Math.abs(d.score)).toBeLessThanOrEqual(1);
    // Keyword retrieval finds only documents holding a query word (stems included), scored by BM25.
    const bm25 = await execute(a, 'bm25', { inputs: { query: 'valleys' } });
    expect(texts(bm25)).toEqual(['Glaciers carve deep valleys over thousands of years.']);
    expect(bm25.documents[0].score).toBeGreaterThan(0);
    expect((await execute(a, 'bm25', { inputs: { query: 'photosynthesizing' } })).documents).toEqual([]);
    const both = await execute(a, 'both', { inputs: { query: 'valleys' } });
    expect(both.documents[0].text).toMatch(/^Glaciers/);
    expect(both.documents[0].score).toBeCloseTo(1 / 61 + 1 / 61, 10);
    // Weights scale each list's part of the fused score.
    await ok(
      a.post('/v1/retrievers', {
        retriever_name: 'weighted',
        collection_identifiers: ['notes'],
        input_schema: { query: { type: 'text' } },
        stages: [
          {
            stage_name: 's',
            config: {
              stage_id: 'feature_search',
              parameters: {
                searches: [
                  { feature_uri: DENSE, query: '{{INPUT.query}}', weight: 2 },
                  { feature_uri: BM25, query: '{{INPUT.query}}', weight: 0.5 },
                ],
              },
            },
          },
        ],
      }),
    );
    expect((await execute(a, 'weighted', { inputs: { query: 'valleys' } })).documents[0].score).toBeCloseTo(2 / 61 + 0.5 / 61, 10);
    // An empty query finds nothing (the vendor's page says so).
    expect((await execute(a, 'dense', { inputs: { query: '' } })).documents).toEqual([]);
    // A vector query ranks by that vector.
    const vec = (
      await ok(
        a.post('/v1/collections/notes/documents/list', {
          filters: { AND: [{ field: 'text', operator: 'starts_with', value: 'Honeybees' }] },
          return_vectors: true,
        }),
      )
    ).results[0];
    await ok(
      a.post('/v1/retrievers', {
        retriever_name: 'by-vector',
        collection_identifiers: ['notes'],
        input_schema: { v: { type: 'array', required: true } },
        stages: [
          {
            stage_name: 's',
            config: { stage_id: 'feature_search', parameters: { searches: [{ feature_uri: DENSE, query: { input_mode: 'vector', value: '{{INPUT.v}}' } }] } },
          },
        ],
      }),
    );
    const byVector = await execute(a, 'by-vector', { inputs: { v: vec.text_extractor_v1_embedding } });
    expect(byVector.documents[0].document_id).toBe(vec.document_id);
    expect(byVector.documents[0].score).toBeCloseTo(1, 5);
    expectError(
      await a.post('/v1/retrievers/by-vector/execute', { inputs: { v: [1, 2, 3] } }),
      400,
      'BadRequestError',
      /vector query must have as many values/,
    );
  });

  it('attribute filters, sorts, limit, dedupe, group by, pre- and post-filters, templates in filters', async () => {
    const { a } = await world('stages');
    // attribute_filter first: fetched from the collection (score 0), then sorted by rank ascending, then limited.
    await retriever(
      a,
      'geo-by-rank',
      [
        { stage_name: 'geo', config: { stage_id: 'attribute_filter', parameters: { field: 'topic', operator: 'eq', value: '{{INPUT.topic}}' } } },
        { stage_name: 'by-rank', config: { stage_id: 'sort_attribute', parameters: { sort_field: 'rank', order: 'asc' } } },
        { stage_name: 'top2', config: { stage_id: 'limit', parameters: { limit: 2 } } },
      ],
      { input_schema: { topic: { type: 'string', default: 'geology' } } },
    );
    const geo = await execute(a, 'geo-by-rank', {});
    expect(geo.documents.map((d: any) => [d.rank, d.score])).toEqual([
      [2, 0],
      [3, 0],
    ]);
    expect(
      Object.fromEntries(Object.entries(geo.stage_statistics.stages).map(([k, v]: [string, any]) => [k, [v.input_count, v.output_count, v.efficiency]])),
    ).toEqual({
      geo: [5, 3, 0.6],
      'by-rank': [3, 3, 1],
      top2: [3, 2, 0.6667],
    });
    expect((await execute(a, 'geo-by-rank', { inputs: { topic: 'biology' } })).documents.map((d: any) => d.rank)).toEqual([1, 4]);
    // Simple mode compares exactly unless case_insensitive.
    expect((await execute(a, 'geo-by-rank', { inputs: { topic: 'GEOLOGY' } })).documents).toEqual([]);

    // Search, then a post-filter; the pre-filter keeps final_top_k results by filtering before ranking.
    await retriever(a, 'filtered', [
      {
        ...search('dense', { final_top_k: 2 }),
        config: { ...search('dense', { final_top_k: 2 }).config, pre_filters: { AND: [{ field: 'topic', operator: 'eq', value: 'biology' }] } },
      },
    ]);
    const filtered = await execute(a, 'filtered', { inputs: { query: 'lava' } });
    expect(filtered.documents.map((d: any) => d.topic)).toEqual(['biology', 'biology']);
    await retriever(a, 'post', [
      { ...search('dense'), config: { ...search('dense').config, post_filters: { AND: [{ field: 'rank', operator: 'gte', value: 4 }] } } },
    ]);
    expect((await execute(a, 'post', { inputs: { query: 'lava' } })).documents.map((d: any) => d.rank).sort()).toEqual([4, 5]);
    // A dynamic filter value is the input's value.
    await retriever(
      a,
      'dynamic',
      [
        search('bm25'),
        {
          stage_name: 'min-rank',
          config: {
            stage_id: 'attribute_filter',
            parameters: { conditions: { AND: [{ field: 'rank', operator: 'gte', value: { type: 'dynamic', field: 'inputs.min_rank' } }] } },
          },
        },
      ],
      {
        input_schema: { query: { type: 'text', required: true }, min_rank: { type: 'integer', default: 3 } },
      },
    );
    expect(texts(await execute(a, 'dynamic', { inputs: { query: 'lava' } }))).toEqual(['Volcanoes erupt molten lava, ash and volcanic gas.']);
    expect(texts(await execute(a, 'dynamic', { inputs: { query: 'lava', min_rank: 1 } }))).toHaveLength(2);

    // Group by topic (count desc), one document a group; dedupe by topic keeps the best of each.
    await retriever(a, 'grouped', [
      search('dense'),
      { stage_name: 'by-topic', config: { stage_id: 'group_by', parameters: { field: 'topic', docs_per_group: 1 } } },
    ]);
    const grouped = await execute(a, 'grouped', { inputs: { query: 'lava' } });
    expect(grouped.groups.map((g: any) => [g.group_key, g.count, g.documents.length])).toEqual([
      ['geology', 3, 1],
      ['biology', 2, 1],
    ]);
    expect(grouped.documents.map((d: any) => d.topic)).toEqual(['geology', 'biology']);
    await retriever(a, 'deduped', [search('dense'), { stage_name: 'one-per-topic', config: { stage_id: 'deduplicate', parameters: { fields: ['topic'] } } }]);
    const deduped = await execute(a, 'deduped', { inputs: { query: 'lava' } });
    expect(deduped.documents.map((d: any) => d.topic).sort()).toEqual(['biology', 'geology']);
    // sort_relevance ascending reverses a search's order; normalize maps scores to 0–1.
    await retriever(a, 'worst-first', [
      search('dense'),
      { stage_name: 'asc', config: { stage_id: 'sort_relevance', parameters: { order: 'asc', normalize: true } } },
    ]);
    const worst = await execute(a, 'worst-first', { inputs: { query: 'lava' } });
    expect(worst.documents[0].score).toBe(0);
    expect(worst.documents[worst.documents.length - 1].score).toBe(1);
    // Facets: value counts over the search's results.
    await retriever(a, 'faceted', [search('dense', { facets: ['topic'] })]);
    expect((await execute(a, 'faceted', { inputs: { query: 'lava' } })).facets).toEqual({
      topic: [
        { value: 'geology', count: 3 },
        { value: 'biology', count: 2 },
      ],
    });
  });

  it('pagination: cursor (default 20, then limit), offset, keyset and scroll (a snapshot)', async () => {
    const { a, colId, bucketId } = await world('pages');
    await retriever(a, 'all', [search('dense')]);
    const whole = await execute(a, 'all', { inputs: { query: 'lava' } });
    expect(whole.pagination).toEqual({ method: 'cursor', page_size: 20, has_next: false });
    const ids = whole.documents.map((d: any) => d.document_id);
    const p1 = await execute(a, 'all', { inputs: { query: 'lava' }, pagination: { method: 'cursor', limit: 2 } });
    expect(p1.pagination).toEqual({ method: 'cursor', page_size: 2, has_next: true, cursor: Buffer.from('{"offset":2}').toString('base64') });
    const p2 = await execute(a, 'all', { inputs: { query: 'lava' }, pagination: { limit: 2, cursor: p1.pagination.cursor } });
    const p3 = await execute(a, 'all', { inputs: { query: 'lava' }, pagination: { limit: 2, cursor: p2.pagination.cursor } });
    expect([...p1.documents, ...p2.documents, ...p3.documents].map((d: any) => d.document_id)).toEqual(ids);
    expect(p3.pagination.has_next).toBe(false);
    const off = await execute(a, 'all', { inputs: { query: 'lava' }, pagination: { method: 'offset', page_size: 2, page_number: 2 } });
    expect(off.pagination).toEqual({ method: 'offset', total: 5, limit: 2, offset: 2, has_next: true, has_previous: true });
    expect(off.documents.map((d: any) => d.document_id)).toEqual(ids.slice(2, 4));
    const k1 = await execute(a, 'all', { inputs: { query: 'lava' }, pagination: { method: 'keyset', limit: 3 } });
    expect(k1.pagination).toEqual({ method: 'keyset', has_next: true, next_cursor: { score: k1.documents[2].score, id: ids[2] } });
    const k2 = await execute(a, 'all', { inputs: { query: 'lava' }, pagination: { method: 'keyset', limit: 3, after: k1.pagination.next_cursor } });
    expect(k2.documents.map((d: any) => d.document_id)).toEqual(ids.slice(3));
    // A scroll keeps the first page's results: a document deleted meanwhile is still in the next page.
    const s1 = await execute(a, 'all', { inputs: { query: 'lava' }, pagination: { method: 'scroll', limit: 2 } });
    expect(s1.pagination).toMatchObject({ method: 'scroll', has_next: true, scroll_id: expect.any(String) });
    await ok(a.del(`/v1/collections/${colId}/documents/${ids[3]}`));
    const s2 = await execute(a, 'all', { inputs: { query: 'lava' }, pagination: { method: 'scroll', scroll_id: s1.pagination.scroll_id } });
    expect(s2.documents.map((d: any) => d.document_id)).toEqual(ids.slice(2, 4));
    advance(301_000);
    expectError(
      await a.post('/v1/retrievers/all/execute', { inputs: { query: 'lava' }, pagination: { method: 'scroll', scroll_id: s2.pagination.scroll_id } }),
      404,
      'NotFoundError',
      'Scroll context not found or expired',
    );
    expectError(
      await a.post('/v1/retrievers/all/execute', { inputs: { query: 'lava' }, pagination: { cursor: 'not-a-cursor' } }),
      400,
      'BadRequestError',
      /Invalid cursor/,
    );
    expectError(
      await a.post('/v1/retrievers/all/execute', { inputs: { query: 'lava' }, pagination: { method: 'cursor', limit: 501 } }),
      400,
      'BadRequestError',
      /at most 500/,
    );
    expect(bucketId).toMatch(/^bkt_/);
  });

  it('inputs are bound by the input schema: defaults, required (422), types (422), enums (422)', async () => {
    const { a } = await world('inputs');
    await retriever(a, 'typed', [search('dense', { final_top_k: '{{INPUT.top_k}}' })], {
      input_schema: { query: { type: 'text', required: true }, top_k: { type: 'integer', default: 2 }, lang: { type: 'string', enum: ['en', 'fr'] } },
    });
    expect((await execute(a, 'typed', { inputs: { query: 'lava' } })).documents).toHaveLength(2);
    expect((await execute(a, 'typed', { inputs: { query: 'lava', top_k: 4 } })).documents).toHaveLength(4);
    const missing = expectError(await a.post('/v1/retrievers/typed/execute', { inputs: {} }), 422, 'ValidationError', 'Validation error');
    expect(missing.details.validation_errors).toEqual([{ type: 'missing', location: ['body', 'inputs', 'query'], message: 'Field required' }]);
    const wrong = expectError(await a.post('/v1/retrievers/typed/execute', { inputs: { query: 7, top_k: 'two' } }), 422, 'ValidationError');
    expect(wrong.details.validation_errors).toEqual([
      { type: 'string_type', location: ['body', 'inputs', 'query'], message: 'Input should be a valid string' },
      { type: 'int_parsing', location: ['body', 'inputs', 'top_k'], message: 'Input should be a valid integer, unable to parse string as an integer' },
    ]);
    const enumErr = expectError(await a.post('/v1/retrievers/typed/execute', { inputs: { query: 'x', lang: 'de' } }), 422, 'ValidationError');
    expect(enumErr.details.validation_errors).toEqual([{ type: 'enum', location: ['body', 'inputs', 'lang'], message: "Input should be 'en' or 'fr'" }]);
    // A parameter the stage cannot use, once the template is filled in, is a 400 naming it.
    expectError(
      await a.post('/v1/retrievers/typed/execute', { inputs: { query: 'x', top_k: 0 } }),
      400,
      'BadRequestError',
      /final_top_k must be a whole number from 1 to 10000/,
    );
  });

  it('CRUD: list (search, filters, sorts, pages), get by id or name, patch metadata (409, 400 for core fields, version), clone (201, 409), delete', async () => {
    const { a, colId } = await world('crud');
    const one = (await retriever(a, 'alpha', [search('dense')], { description: 'first', tags: ['x'] })).retriever;
    const two = (await retriever(a, 'beta', [search('bm25')])).retriever;
    expect((await ok(a.get(`/v1/retrievers/${one.retriever_id}`))).retriever_name).toBe('alpha');
    const got = await ok(a.get('/v1/retrievers/beta'));
    expect(got).toMatchObject({ retriever_id: two.retriever_id, is_published: false, collection_ids: [colId] });
    expectError(await a.get('/v1/retrievers/ret_0000000000000000'), 404, 'NotFoundError', 'Retriever not found');

    const listed = await ok(a.post('/v1/retrievers/list', {}));
    expect(listed.results.map((r: any) => r.retriever_name)).toEqual(['alpha', 'beta']);
    expect(listed.total).toBe(2);
    expect((await ok(a.post('/v1/retrievers/list', { search: 'FIRST' }))).results.map((r: any) => r.retriever_name)).toEqual(['alpha']);
    expect(
      (await ok(a.post('/v1/retrievers/list', { sorts: [{ field: 'retriever_name', direction: 'desc' }] }))).results.map((r: any) => r.retriever_name),
    ).toEqual(['beta', 'alpha']);
    expect(
      (await ok(a.post('/v1/retrievers/list', { filters: { AND: [{ field: 'tags', operator: 'contains', value: 'x' }] } }))).results.map(
        (r: any) => r.retriever_name,
      ),
    ).toEqual(['alpha']);
    const page1 = await ok(a.post('/v1/retrievers/list?limit=1', {}));
    expect(page1.results).toHaveLength(1);
    expect((await ok(a.post(`/v1/retrievers/list?limit=1&cursor=${page1.pagination.next_cursor}`, {}))).results[0].retriever_name).toBe('beta');

    const patched = (await ok(a.patch('/v1/retrievers/alpha', { retriever_name: 'alpha-2', description: 'renamed', tags: ['y'] }))).retriever;
    expect(patched).toMatchObject({ retriever_id: one.retriever_id, retriever_name: 'alpha-2', description: 'renamed', tags: ['y'], version: 2 });
    expectError(await a.patch('/v1/retrievers/alpha-2', { retriever_name: 'beta' }), 409, 'AlreadyExistsError', "Retriever with name 'beta' already exists");
    expectError(await a.patch('/v1/retrievers/alpha-2', { stages: [] }), 400, 'BadRequestError', /Fields cannot be updated: stages\. Clone the retriever/);
    expect((await ok(a.get('/v1/retrievers/alpha-2'))).version).toBe(2);

    const cloned = await ok(a.post('/v1/retrievers/alpha-2/clone', { retriever_name: 'gamma', stages: [search('bm25')] }), 201);
    expect(cloned.source_retriever_id).toBe(one.retriever_id);
    expect(cloned.retriever).toMatchObject({ retriever_name: 'gamma', description: 'renamed', tags: ['y'], version: 1 });
    expect(cloned.retriever.retriever_id).not.toBe(one.retriever_id);
    expect(cloned.retriever.stages[0].config.parameters.searches[0].feature_uri).toBe(BM25);
    expectError(await a.post('/v1/retrievers/alpha-2/clone', { retriever_name: 'beta' }), 409, 'AlreadyExistsError');
    expectError(await a.post('/v1/retrievers/nope/clone', { retriever_name: 'delta' }), 404, 'NotFoundError');

    expect(await ok(a.del('/v1/retrievers/gamma'))).toEqual({
      success: true,
      message: 'Retriever deleted successfully',
      retriever_id: cloned.retriever.retriever_id,
    });
    expectError(await a.get('/v1/retrievers/gamma'), 404, 'NotFoundError');
    expectError(await a.del('/v1/retrievers/gamma'), 404, 'NotFoundError');
    expect((await ok(a.post('/v1/retrievers/list?include_total=true', {}))).pagination).toMatchObject({ total: 2 });
  });

  it('refusals when saving: unknown stages (400 naming the available ones), wrong stage_type, duplicate names, unsupported templates, feature URIs of no collection, unknown collections (404), duplicates (409), schema (422)', async () => {
    const { a } = await world('refusals');
    const body = (stages: unknown[], extra: Record<string, unknown> = {}) => ({
      retriever_name: 'r',
      collection_identifiers: ['notes'],
      input_schema: { query: { type: 'text' } },
      stages,
      ...extra,
    });
    const unknown = expectError(
      await a.post('/v1/retrievers', body([{ stage_name: 'x', config: { stage_id: 'llm_filter', parameters: {} } }])),
      400,
      'BadRequestError',
      /^Unknown stage_id 'llm_filter' in stages\[0\]\. Available stages: feature_search, attribute_filter/,
    );
    expect(unknown.details).toMatchObject({ stage_id: 'llm_filter', available: expect.arrayContaining(['feature_search', 'group_by']) });
    expectError(await a.post('/v1/retrievers', body([{ stage_name: 'x', config: {} }])), 400, 'BadRequestError', /config\.stage_id is required/);
    expectError(
      await a.post('/v1/retrievers', body([{ ...search('dense'), stage_type: 'sort' }])),
      400,
      'BadRequestError',
      'stages[0].stage_type is sort, but feature_search is a filter stage',
    );
    expectError(await a.post('/v1/retrievers', body([search('dense'), search('bm25')])), 400, 'BadRequestError', /Two stages are named 'search'/);
    expectError(
      await a.post('/v1/retrievers', body([search('dense', { final_top_k: '{{CONTEXT.budget_remaining}}' })])),
      400,
      'BadRequestError',
      /Template "\{\{CONTEXT\.budget_remaining\}\}" .* not supported by the mock/,
    );
    expectError(
      await a.post(
        '/v1/retrievers',
        body([
          {
            stage_name: 's',
            config: { stage_id: 'feature_search', parameters: { searches: [{ feature_uri: 'mixpeek://image_extractor@v1/embedding', query: 'x' }] } },
          },
        ]),
      ),
      400,
      'BadRequestError',
      /matches no collection of the retriever \(their extractors: text_extractor_v1\)/,
    );
    expectError(await a.post('/v1/retrievers', body([search('dense')], { collection_identifiers: ['nope'] })), 404, 'NotFoundError', 'Collection not found');
    expectError(await a.post('/v1/retrievers', body([])), 422, 'ValidationError');
    expectError(await a.post('/v1/retrievers', body([search('dense')], { input_schema: { q: { type: 'json' } } })), 422, 'ValidationError');
    await ok(a.post('/v1/retrievers', body([search('dense')])));
    expectError(await a.post('/v1/retrievers', body([search('dense')])), 409, 'AlreadyExistsError', "Retriever with name 'r' already exists");
    // Checks only an execution can make: two searches of one kind, a fusion other than rrf.
    await ok(
      a.post(
        '/v1/retrievers',
        body(
          [
            {
              stage_name: 's',
              config: {
                stage_id: 'feature_search',
                parameters: {
                  searches: [
                    { feature_uri: DENSE, query: 'a' },
                    { feature_uri: DENSE, query: 'b' },
                  ],
                },
              },
            },
          ],
          { retriever_name: 'two-dense' },
        ),
      ),
    );
    expectError(
      await a.post('/v1/retrievers/two-dense/execute', { inputs: {} }),
      400,
      'BadRequestError',
      /one dense search, one bm25_sparse search, or one of each/,
    );
    await ok(a.post('/v1/retrievers', body([search('hybrid', { fusion: 'dbsf' })], { retriever_name: 'dbsf' })));
    expectError(await a.post('/v1/retrievers/dbsf/execute', { inputs: { query: 'x' } }), 400, 'BadRequestError', /fusion "dbsf" is not supported by the mock/);
  });

  it('executions: recorded with their statistics, listed newest first (status, pages), read back; failures recorded; budget limits', async () => {
    const { a } = await world('history');
    const r = (await retriever(a, 'hist', [search('dense')])).retriever;
    const e1 = await execute(a, 'hist', { inputs: { query: 'lava' } });
    const e2 = await execute(a, 'hist', { inputs: { query: 'bees' } });
    const listed = await ok(a.post('/v1/retrievers/hist/executions/list', {}));
    expect(listed.results.map((e: any) => e.execution_id)).toEqual([e2.execution_id, e1.execution_id]);
    expect(listed.results[0]).toMatchObject({
      status: 'completed',
      total_returned: 5,
      total_processed: 5,
      credits_used: 0.01,
      query_summary: 'bees',
      inputs_hash: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(listed.pagination).toEqual({ total: 2, limit: 20, offset: 0, has_next: false });
    const page = await ok(a.post('/v1/retrievers/hist/executions/list?limit=1', {}));
    expect(page.pagination).toMatchObject({ total: 2, limit: 1, offset: 0, has_next: true });
    expect((await ok(a.post(`/v1/retrievers/hist/executions/list?limit=1&cursor=${page.pagination.next_cursor}`, {}))).results[0].execution_id).toBe(
      e1.execution_id,
    );
    const detail = await ok(a.get(`/v1/retrievers/${r.retriever_id}/executions/${e1.execution_id}`));
    expect(detail).toMatchObject({
      execution_id: e1.execution_id,
      status: 'completed',
      documents: e1.documents,
      pagination: e1.pagination,
      stage_statistics: e1.stage_statistics,
      budget: e1.budget,
      stages_completed: 1,
      total_stages: 1,
    });
    expectError(await a.get(`/v1/retrievers/hist/executions/exec_0000000000000000`), 404, 'NotFoundError', 'Execution not found');

    // A failing run is recorded as failed, with its error.
    await retriever(a, 'budget', [search('dense')], { budget_limits: { max_credits: 0.001 } });
    expectError(
      await a.post('/v1/retrievers/budget/execute', { inputs: { query: 'lava' } }),
      400,
      'BadRequestError',
      /^Budget exceeded: Maximum credits limit reached/,
    );
    const failed = await ok(a.post('/v1/retrievers/budget/executions/list', { status: 'failed' }));
    expect(failed.results).toHaveLength(1);
    const failedDetail = await ok(a.get(`/v1/retrievers/budget/executions/${failed.results[0].execution_id}`));
    expect(failedDetail).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Budget exceeded/), documents: [], stages_completed: 1 });
    expect((await ok(a.post('/v1/retrievers/budget/executions/list', { status: 'completed' }))).results).toEqual([]);
    // Deleting a retriever deletes its history.
    await ok(a.del('/v1/retrievers/hist'));
    await retriever(a, 'hist', [search('dense')]);
    expect((await ok(a.post('/v1/retrievers/hist/executions/list', {}))).results).toEqual([]);
  });

  it('explain: the plan of the stages as written, counts from a dry run, the modelled costs an execution reports; nothing recorded', async () => {
    const { a } = await world('explain');
    await retriever(
      a,
      'plan',
      [
        search('dense', { final_top_k: 4 }),
        { stage_name: 'geo', config: { stage_id: 'attribute_filter', parameters: { field: 'topic', operator: 'eq', value: 'geology' } } },
      ],
      {
        input_schema: { query: { type: 'text', required: true, examples: ['lava'] } },
      },
    );
    const plan = await ok(a.post('/v1/retrievers/plan/execute/explain', {}));
    expect(plan).toMatchObject({ retriever_name: 'plan', total_estimated_stages: 2, optimization_applied: false, optimization_level: 'none' });
    expect(plan.execution_plan.map((s: any) => [s.stage_name, s.stage_type, s.estimated_input, s.estimated_output])).toEqual([
      ['search', 'filter', 5, 4],
      ['geo', 'filter', 4, 3],
    ]);
    expect(plan.optimization_suggestions).toEqual([{ type: 'add_filter', stage: 'geo', message: expect.stringContaining('pre_filters') }]);
    expect(plan.bottleneck_stages).toEqual(['search']);
    const run = await execute(a, 'plan', { inputs: { query: 'lava' } });
    expect(plan.estimated_cost).toEqual({ total_credits: run.stage_statistics.credits_used, total_duration_ms: run.stage_statistics.total_time_ms });
    expect(plan.execution_plan[0].estimated_duration_ms).toBe(run.stage_statistics.stages.search.duration_ms);
    expect((await ok(a.post('/v1/retrievers/plan/executions/list', {}))).results).toHaveLength(1);
    // Inputs given are used: a query nothing matches in the geology filter.
    const other = await ok(a.post('/v1/retrievers/plan/execute/explain', { inputs: { query: 'honeybees flowers hive' } }));
    expect(other.execution_plan[1].estimated_input).toBe(4);
    expectError(await a.post('/v1/retrievers/nope/execute/explain', {}), 404, 'NotFoundError');
  });

  it('ad hoc: the same run for stages in the request, recorded as ad hoc, listed and read back', async () => {
    const { a, colId } = await world('adhoc');
    const res = await a.post('/v1/retrievers/execute', {
      collection_identifiers: ['notes'],
      input_schema: { query: { type: 'text', required: true } },
      stages: [search('bm25')],
      inputs: { query: 'valleys' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('x-execution-mode')).toBe('adhoc');
    expect(res.json.execution_metadata).toEqual({ execution_mode: 'adhoc', retriever_persisted: false });
    expect(texts(res.json)).toEqual(['Glaciers carve deep valleys over thousands of years.']);
    expect((await ok(a.post('/v1/retrievers/list', {}))).results).toEqual([]);
    const listed = await ok(a.post('/v1/retrievers/executions/list', {}));
    expect(listed.total).toBe(1);
    expect(listed.results[0]).toMatchObject({
      execution_id: res.json.execution_id,
      execution_mode: 'adhoc',
      status: 'completed',
      total_returned: 1,
      stages_completed: 1,
      total_stages: 1,
      collection_ids: [colId],
      query_summary: 'valleys',
    });
    const detail = await ok(a.get(`/v1/retrievers/executions/${res.json.execution_id}`));
    expect(JSON.parse(detail.inputs)).toEqual({ query: 'valleys' });
    expect(detail.inputs_hash).toMatch(/^[0-9a-f]{40}$/);
    expect((await ok(a.post('/v1/retrievers/executions/list', { status: 'failed' }))).total).toBe(0);
    expect((await ok(a.post('/v1/retrievers/executions/list', { end_time: '2000-01-01T00:00:00' }))).total).toBe(0);
    expectError(await a.post('/v1/retrievers/executions/list', { start_time: 'yesterday' }), 400, 'BadRequestError');
    expectError(await a.get('/v1/retrievers/executions/exec_0000000000000000'), 404, 'NotFoundError');
    expectError(
      await a.post('/v1/retrievers/execute', {
        collection_identifiers: ['notes'],
        input_schema: {},
        stages: [{ stage_name: 'x', config: { stage_id: 'rerank' } }],
        inputs: {},
      }),
      400,
      'BadRequestError',
      /Unknown stage_id 'rerank'/,
    );
    expectError(await a.post('/v1/retrievers/execute', { input_schema: {}, stages: [search('bm25')] }), 422, 'ValidationError');
  });

  it('isolation: another namespace or organisation sees neither retrievers nor documents nor executions', async () => {
    const { key, a } = await world('iso');
    const r = (await retriever(a, 'mine', [search('dense')])).retriever;
    const e = await execute(a, 'mine', { inputs: { query: 'lava' } });
    // Another namespace of the same organisation, with a collection of the same name and other documents.
    await ok(
      mixpeekApi(ctx.url, key).post('/v1/namespaces', {
        namespace_name: 'other',
        feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }],
      }),
    );
    const o = mixpeekApi(ctx.url, key, 'other');
    expectError(await o.get(`/v1/retrievers/${r.retriever_id}`), 404, 'NotFoundError');
    expectError(await o.get(`/v1/retrievers/mine/executions/${e.execution_id}`), 404, 'NotFoundError');
    expect((await ok(o.post('/v1/retrievers/list', {}))).results).toEqual([]);
    const b = await ok(o.post('/v1/buckets', { bucket_name: 'notes', bucket_schema: { properties: { body: { type: 'text' } } } }));
    await ok(
      o.post('/v1/collections', {
        collection_name: 'notes',
        source: { type: 'bucket', bucket_ids: [b.bucket_id] },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1', input_mappings: { text: 'body' } },
      }),
    );
    await ok(
      o.post(`/v1/buckets/${b.bucket_id}/objects?auto_process=true`, { blobs: [{ property: 'body', type: 'text', data: 'Lava lamps are decorative.' }] }),
    );
    advance(2000);
    await ok(
      o.post('/v1/retrievers', {
        retriever_name: 'mine',
        collection_identifiers: ['notes'],
        input_schema: { query: { type: 'text' } },
        stages: [search('dense')],
      }),
    );
    expect(texts(await execute(o, 'mine', { inputs: { query: 'lava' } }))).toEqual(['Lava lamps are decorative.']);
    expect(texts(await execute(a, 'mine', { inputs: { query: 'lava' } }))).not.toContain('Lava lamps are decorative.');
    // Another organisation.
    const stranger = mixpeekApi(ctx.url, freshKey('stranger'), 'lab');
    expectError(await stranger.get(`/v1/retrievers/${r.retriever_id}`), 404, 'NotFoundError', 'Namespace not found');
  });

  it('a saved state keeps retrievers, executions and documents; the indexes are rebuilt on load and rank as before', async () => {
    const { key, a } = await world('persist');
    await retriever(a, 'kept', [search('hybrid')]);
    const before = await execute(a, 'kept', { inputs: { query: 'lava flow' } });
    const admin = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${ctx.url}/__mock${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined, text };
    };
    const saved = await admin('GET', '/state');
    expect(saved.status).toBe(200);
    const tenant = Object.values<any>(saved.json.providers.mixpeek).find((t) =>
      t.namespaces.rows.some((ns: any) => ns.name === 'lab' && ns.retrievers?.rows.some((r: any) => r.name === 'kept')),
    );
    expect(tenant).toBeDefined();
    // No index in the saved document: only the documents, with their text and vectors.
    expect(JSON.stringify(saved.json)).not.toMatch(/postings|"index"/);
    expect((await admin('POST', '/reset', { provider: 'mixpeek' })).status).toBe(200);
    expectError(await a.get('/v1/retrievers/kept'), 404, 'NotFoundError', 'Namespace not found');
    const loaded = await admin('PUT', '/state', saved.json);
    expect(loaded.status, loaded.text).toBe(200);
    const after = await execute(a, 'kept', { inputs: { query: 'lava flow' } });
    expect(after.documents).toEqual(before.documents);
    expect(after.stage_statistics).toEqual(before.stage_statistics);
    expect((await ok(a.post('/v1/retrievers/kept/executions/list', {}))).results.map((e: any) => e.execution_id)).toEqual([
      after.execution_id,
      before.execution_id,
    ]);
    // A saved retriever naming a stage the mock does not run is refused, naming the place.
    const damaged = structuredClone(saved.json);
    const t = Object.values<any>(damaged.providers.mixpeek).find((x) => x.organization === tenant.organization);
    t.namespaces.rows.find((ns: any) => ns.name === 'lab').retrievers.rows[0].stages[0].config.stage_id = 'rerank';
    const refused = await admin('PUT', '/state', damaged);
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/names the stage \\"rerank\\", which the mock does not run/);
    expect(key).toBeTruthy();
  });

  it('the stage registry is public and lists the stages the mock runs', async () => {
    const res = await fetch(`${ctx.url}/mixpeek/v1/retrievers/stages`);
    expect(res.status).toBe(200);
    const stages = (await res.json()) as any[];
    expect(stages.map((s) => [s.stage_id, s.category])).toEqual([
      ['feature_search', 'filter'],
      ['attribute_filter', 'filter'],
      ['sort_attribute', 'sort'],
      ['sort_relevance', 'sort'],
      ['limit', 'reduce'],
      ['deduplicate', 'reduce'],
      ['group_by', 'reduce'],
    ]);
    for (const s of stages) expect(s.parameter_schema.type).toBe('object');
  });
});
