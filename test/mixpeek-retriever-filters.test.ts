/**
 * Every filter operator through retriever attribute filters (the core's one
 * condition evaluator, core/retrieval/predicate.ts, over the documents' root
 * fields): each operator on its own, in the simple form and in `conditions`,
 * as the first stage (fetching) and after a search (filtering its results),
 * and as a search's own filter (applied before ranking). Bad filters are 400s
 * naming the place.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { expectError, freshKey, mixpeekApi, type MixpeekApi } from './support/mixpeek.js';

const DENSE = 'mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1';

/** Documents written directly: a name to recognise them by, and fields of every kind. */
const DOCS = [
  { name: 'ann', text: 'Ann studies volcanoes.', metadata: { city: 'Lisbon', age: 41, tags: ['lava', 'rock'], joined: '2021-03-01', note: null } },
  { name: 'bob', text: 'Bob bakes sourdough bread.', metadata: { city: 'lisbon', age: 22, tags: ['bread'], joined: '2023-07-15' } },
  { name: 'cid', text: 'Cid plays jazz piano at night.', metadata: { city: 'Oslo', age: 35, tags: [], joined: '2019-11-30', note: 'late' } },
  { name: 'dee', text: 'Dee trains for a marathon.', metadata: { city: 'Porto', age: 29, tags: ['run', 'lava'] } },
];

describe('Mixpeek retriever filters: every operator', () => {
  const ctx = useServer({ providers: ['mixpeek'] });
  let a: MixpeekApi;

  beforeAll(async () => {
    const key = freshKey('filters');
    expect(
      (
        await mixpeekApi(ctx.url, key).post('/v1/namespaces', {
          namespace_name: 'f',
          feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }],
        })
      ).status,
    ).toBe(200);
    a = mixpeekApi(ctx.url, key, 'f');
    const b = (await a.post('/v1/buckets', { bucket_name: 'b', bucket_schema: { properties: { body: { type: 'text' } } } })).json;
    const col = await a.post('/v1/collections', {
      collection_name: 'people',
      source: { type: 'bucket', bucket_ids: [b.bucket_id] },
      feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
    });
    expect(col.status, col.text).toBe(200);
    for (const d of DOCS) expect((await a.post('/v1/collections/people/documents', { collection_id: 'people', ...d })).status).toBe(200);
  });

  /** The names an ad-hoc run of the stages returns, in order. */
  async function names(stages: unknown[], inputs: Record<string, unknown> = {}): Promise<string[]> {
    const res = await a.post('/v1/retrievers/execute', { collection_identifiers: ['people'], input_schema: { query: { type: 'text' } }, stages, inputs });
    expect(res.status, res.text).toBe(200);
    return res.json.documents.map((d: any) => d.name);
  }
  const attribute = (parameters: Record<string, unknown>) => ({ stage_name: 'filter', config: { stage_id: 'attribute_filter', parameters } });
  const cond = (field: string, operator: string, value: unknown) => attribute({ conditions: { AND: [{ field, operator, value }] } });

  const CASES: Array<[string, string, unknown, string[]]> = [
    ['metadata.city', 'eq', 'lisbon', ['ann', 'bob']], // case-insensitive by default in conditions
    ['metadata.city', 'ne', 'lisbon', ['cid', 'dee']],
    ['metadata.age', 'gt', 35, ['ann']],
    ['metadata.age', 'gte', 35, ['ann', 'cid']],
    ['metadata.age', 'lt', 29, ['bob']],
    ['metadata.age', 'lte', 29, ['bob', 'dee']],
    ['metadata.city', 'in', ['Oslo', 'Porto'], ['cid', 'dee']],
    ['metadata.city', 'nin', ['Oslo', 'Porto'], ['ann', 'bob']],
    ['metadata.tags', 'contains', 'lava', ['ann', 'dee']],
    ['text', 'starts_with', 'b', ['bob']],
    ['text', 'ends_with', 'night.', ['cid']],
    ['text', 'regex', '^(Ann|Dee) ', ['ann', 'dee']],
    ['metadata.joined', 'exists', false, ['dee']],
    ['metadata.note', 'is_null', true, ['ann', 'bob', 'dee']],
    ['text', 'text', 'JAZZ night', ['cid']],
  ];

  it.each(CASES)('%s %s %j', async (field, operator, value, expected) => {
    // As the first stage: fetched from the collection, oldest first.
    expect(await names([cond(field, operator, value)])).toEqual(expected);
  });

  it('dates as ISO strings order as dates; arrays match by any element', async () => {
    expect(await names([cond('metadata.joined', 'gte', '2021-01-01')])).toEqual(['ann', 'bob']);
    expect(await names([cond('metadata.tags', 'eq', 'rock')])).toEqual(['ann']);
  });

  it('the simple form compares exactly unless case_insensitive; OR, NOT and nesting', async () => {
    expect(await names([attribute({ field: 'metadata.city', operator: 'eq', value: 'lisbon' })])).toEqual(['bob']);
    expect(await names([attribute({ field: 'metadata.city', operator: 'eq', value: 'lisbon', case_insensitive: true })])).toEqual(['ann', 'bob']);
    expect(await names([attribute({ field: 'metadata.city', value: 'Oslo' })])).toEqual(['cid']); // operator defaults to eq
    expect(
      await names([
        attribute({
          conditions: {
            OR: [
              { field: 'metadata.age', operator: 'lt', value: 25 },
              { field: 'metadata.city', operator: 'eq', value: 'porto' },
            ],
          },
        }),
      ]),
    ).toEqual(['bob', 'dee']);
    expect(await names([attribute({ conditions: { NOT: [{ field: 'metadata.tags', operator: 'contains', value: 'lava' }] } })])).toEqual(['bob', 'cid']);
    expect(
      await names([
        attribute({
          conditions: {
            AND: [
              { field: 'metadata.age', operator: 'gte', value: 29 },
              {
                OR: [
                  { field: 'metadata.city', operator: 'eq', value: 'oslo' },
                  { field: 'metadata.tags', operator: 'contains', value: 'run' },
                ],
              },
            ],
          },
        }),
      ]),
    ).toEqual(['cid', 'dee']);
  });

  it("after a search the filter keeps the search order; as the search's own filter it applies before ranking", async () => {
    const search = (filters?: unknown, finalTopK = 10) => ({
      stage_name: 'search',
      config: {
        stage_id: 'feature_search',
        parameters: { searches: [{ feature_uri: DENSE, query: '{{INPUT.query}}', ...(filters ? { filters } : {}) }], final_top_k: finalTopK },
      },
    });
    const ranked = await names([search()], { query: 'lava volcanoes' });
    expect(ranked[0]).toBe('ann');
    const after = await names([search(), cond('metadata.tags', 'contains', 'lava')], { query: 'lava volcanoes' });
    expect(after).toEqual(ranked.filter((n) => n === 'ann' || n === 'dee'));
    // final_top_k 1 with the filter after the search: the best is ann, who has lava; with bread: nothing is left.
    expect(await names([search(undefined, 1), cond('metadata.tags', 'contains', 'bread')], { query: 'lava volcanoes' })).toEqual([]);
    // The same filter as the search's own: bob is the best among the documents it keeps.
    expect(await names([search({ AND: [{ field: 'metadata.tags', operator: 'contains', value: 'bread' }] }, 1)], { query: 'lava volcanoes' })).toEqual(['bob']);
  });

  it('bad filters are 400s naming the place; a regex that does not compile too', async () => {
    const run = (stages: unknown[]) => a.post('/v1/retrievers/execute', { collection_identifiers: ['people'], input_schema: {}, stages, inputs: {} });
    expectError(
      await run([cond('metadata.age', 'between', [1, 2])]),
      400,
      'BadRequestError',
      /Invalid filter at attribute_filter 'filter'\.conditions\.AND\[0\]\.operator: unknown operator "between"/,
    );
    expectError(await run([cond('metadata.city', 'in', 'Oslo')]), 400, 'BadRequestError', /operator "in" needs an array value/);
    expectError(await run([cond('text', 'regex', '(')]), 400, 'BadRequestError', /invalid regex pattern/);
    expectError(await run([attribute({})]), 400, 'BadRequestError', /give field, operator and value, or conditions/);
    expectError(await run([attribute({ field: 'x' })]), 400, 'BadRequestError', /has no value/);
  });
});
