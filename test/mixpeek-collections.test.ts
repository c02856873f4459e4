/**
 * Mixpeek collections: the legacy create request (from Mixpeek's earlier
 * reference page for `POST /v1/collections/create`) verbatim on both create
 * paths, the current form, the create checks and their order (validation,
 * cross-field rules, name, sources, extractor, bucket schemas, input
 * mappings), get by id and name, PATCH, DELETE with its documents, and the collection list with
 * its pagination shapes, cursor, search and filters.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { type Res } from './support/client.js';
import {
  mixpeekApi,
  type MixpeekApi,
  expectError,
  legacyRequest,
  PEOPLE_SCHEMA,
  freshKey,
  expectValidation,
  nullPaths,
  NAIVE6,
  LEGACY_FILTERS,
} from './support/mixpeek.js';

describe('Mixpeek collections', () => {
  const ctx = useServer({ providers: ['mixpeek'] });

  const api = (key: string, ns?: string) => mixpeekApi(ctx.url, key, ns);
  type Api = MixpeekApi;

  async function bucket(c: Api, name: string, schema: unknown = PEOPLE_SCHEMA): Promise<any> {
    const res = await c.post('/v1/buckets', { bucket_name: name, bucket_schema: schema });
    expect(res.status, res.text).toBe(200);
    return res.json;
  }

  async function namespace(key: string, name: string): Promise<any> {
    const res = await api(key).post('/v1/namespaces', {
      namespace_name: name,
      feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }],
    });
    expect(res.status, res.text).toBe(200);
    return res.json;
  }

  /** A current-form collection over one bucket. */
  async function collection(c: Api, name: string, bucketId: string, extra: Record<string, unknown> = {}): Promise<any> {
    const res = await c.post('/v1/collections', {
      collection_name: name,
      source: { type: 'bucket', bucket_ids: [bucketId] },
      feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1', input_mappings: { text: 'bio' } },
      ...extra,
    });
    expect(res.status, res.text).toBe(200);
    return res.json;
  }

  async function count(c: Api): Promise<number> {
    const res = await c.post('/v1/collections/list', {});
    expect(res.status, res.text).toBe(200);
    return res.json.total_count;
  }

  describe('the legacy request, verbatim', () => {
    for (const path of ['/v1/collections/create', '/v1/collections']) {
      it(`POST ${path} answers the legacy response with the current fields beside it`, async () => {
        const key = freshKey('legacy');
        const ns = await namespace(key, 'netflix_prod');
        // X-Namespace by name, as the legacy reference page's header description shows.
        const c = api(key, 'netflix_prod');
        const b = await bucket(c, 'people');
        const request = legacyRequest(b.bucket_id);
        const res = await c.post(path, request);
        expect(res.status, res.text).toBe(200);
        const col = res.json;

        expect(nullPaths(col)).toEqual([]);
        expect(col.collection_id).toMatch(/^col_[a-z0-9]{10}$/);
        expect(col.collection_name).toBe('<string>');
        expect(col.description).toBe('<string>');
        expect(col.status).toBe('DONE');
        expect(col.lifecycle_state).toBe('active');
        expect(col.enabled).toBe(true);
        expect(col.metadata).toEqual({});
        expect(col.created_at).toMatch(NAIVE6);
        expect(col.updated_at).toMatch(NAIVE6);
        expect(col.document_count).toBe(0);
        // The legacy document_handling is stored, not echoed (the legacy reply lacks it).
        expect(col).not.toHaveProperty('document_handling');

        // One extractor, in both spellings, with the legacy fields and both mapping keys.
        const extractor = {
          feature_extractor_name: 'text_extractor',
          version: 'v1',
          feature_extractor_id: 'text_extractor_v1',
          parameters: {},
          input_mapping: {},
          input_mappings: {},
          output_mapping: {},
          document_output_type: 'single',
          document_input_handling: 'individual',
          document_output_handling: 'create_new',
        };
        expect(col.feature_extractor).toMatchObject(extractor);
        expect(col.feature_extractors).toHaveLength(1);
        expect(col.feature_extractors[0]).toMatchObject(extractor);

        // The source: current keys and the legacy ones, the legacy filters under source_filters.
        expect(col.source).toMatchObject({ type: 'bucket', bucket_ids: [b.bucket_id], bucket_id: b.bucket_id, prefix_key: '<string>' });
        expect(col.source.source_filters).toEqual({ filters: LEGACY_FILTERS });

        // Lineage: one tier, with the current keys and the legacy ones.
        expect(col.source_lineage).toHaveLength(1);
        const tier = col.source_lineage[0];
        expect(tier.source_config).toEqual(col.source);
        expect(tier.feature_extractor).toMatchObject(extractor);
        expect(tier.output_schema).toEqual(col.output_schema);
        expect(tier.source_type).toBe('bucket');
        expect(tier.collection_id).toBe(col.collection_id);
        expect(tier.bucket_id).toBe(b.bucket_id);
        const legacyConfig = { type: 'bucket', bucket_id: b.bucket_id, prefix_key: '<string>', collection_id: '<string>', filters: LEGACY_FILTERS };
        expect(tier.bucket_config).toEqual(legacyConfig);
        expect(tier.collection_config).toEqual(legacyConfig);
        expect(tier.feature_extractors).toHaveLength(1);
        expect(tier.feature_extractors[0]).toMatchObject(extractor);

        // The legacy cache_config, echoed (every value was sent).
        expect(col.cache_config).toEqual(request.cache_config);

        // Taxonomy applications: the legacy alias and the current key, with current defaults.
        expect(col.taxonomy_applications).toEqual([
          {
            taxonomy_id: '<string>',
            output_collection: '<string>',
            target_collection_id: '<string>',
            execution_mode: 'materialize',
            execution_phase: 1,
            priority: 0,
            hierarchical_enrichment_style: 'combined',
          },
        ]);
        expect(col.taxonomy_count).toBe(1);

        // Schemas: in = the bucket's, out = the extractor's embedding; the vector index from the catalog.
        expect(col.input_schema).toEqual(PEOPLE_SCHEMA);
        expect(Object.keys(col.output_schema.properties)).toEqual(['text', 'text_extractor_v1_embedding']);
        expect(col.output_schema.properties.text_extractor_v1_embedding.type).toBe('array');
        expect(col.vector_indexes).toEqual([{ name: 'text_extractor_v1_embedding', size: 1024, distance: 'cosine' }]);

        // The namespace counts it, and a get returns the same collection.
        const got = await c.get(`/v1/collections/${col.collection_id}`);
        expect(got.json).toEqual(col);
        expect((await api(key).get(`/v1/namespaces/${ns.namespace_id}`)).json.collection_count).toBe(1);
      });
    }

    it('the two create paths give the same reply for the same request', async () => {
      const key = freshKey('paths');
      const a = api(key);
      const b = await bucket(a, 'people');
      const one = await a.post('/v1/collections/create', { ...legacyRequest(b.bucket_id), collection_name: 'via-create' });
      const two = await a.post('/v1/collections', { ...legacyRequest(b.bucket_id), collection_name: 'via-root' });
      expect(one.status, one.text).toBe(200);
      expect(two.status, two.text).toBe(200);
      const strip = (c: any) => {
        const { collection_id: _i, collection_name: _n, source_lineage, ...rest } = c;
        return { ...rest, source_lineage: source_lineage.map(({ collection_id: _c, ...t }: any) => t) };
      };
      expect(strip(one.json)).toEqual(strip(two.json));
      expect(one.json.collection_id).not.toBe(two.json.collection_id);
    });

    it('fills the cache_config defaults the request leaves out', async () => {
      const a = api(freshKey('cache'));
      const b = await bucket(a, 'people');
      const res = await a.post('/v1/collections/create', { ...legacyRequest(b.bucket_id), cache_config: { score_threshold: 0.8 } });
      expect(res.status, res.text).toBe(200);
      expect(res.json.cache_config).toEqual({
        enabled: true,
        ttl_seconds: 604800,
        invalidation_strategy: 'replace_if_better',
        max_entries_per_key: 5,
        score_threshold: 0.8,
      });
      // No cache_config sent, none returned.
      const { cache_config: _c, ...withoutCache } = legacyRequest(b.bucket_id);
      const plain = await a.post('/v1/collections/create', { ...withoutCache, collection_name: 'no-cache' });
      expect(plain.status, plain.text).toBe(200);
      expect(plain.json).not.toHaveProperty('cache_config');
    });

    it('accepts a bucket name in source.bucket_id and answers with its id', async () => {
      const a = api(freshKey('byname'));
      const b = await bucket(a, 'people');
      const res = await a.post('/v1/collections/create', legacyRequest('people'));
      expect(res.status, res.text).toBe(200);
      expect(res.json.source.bucket_ids).toEqual([b.bucket_id]);
      expect(res.json.source.bucket_id).toBe(b.bucket_id);
      expect(res.json.source_lineage[0].bucket_id).toBe(b.bucket_id);
      expect(res.json.source_lineage[0].bucket_config.bucket_id).toBe(b.bucket_id);
      // The same bucket by id and by name (and the legacy alias) is one source bucket.
      const both = await a.post('/v1/collections', {
        collection_name: 'twice',
        source: { type: 'bucket', bucket_ids: [b.bucket_id, 'people'], bucket_id: 'people' },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
      });
      expect(both.status, both.text).toBe(200);
      expect(both.json.source.bucket_ids).toEqual([b.bucket_id]);
      expect(both.json).not.toHaveProperty('source_bucket_schemas');
    });
  });

  describe('the current form', () => {
    it('types passed-through fields from the bucket schema and renames them by target_path', async () => {
      const a = api(freshKey('current'));
      const b = await bucket(a, 'catalog', { properties: { title: { type: 'string' }, year: { type: 'integer' }, description: { type: 'text' } } });
      const res = await a.post('/v1/collections', {
        collection_name: 'product-embeddings',
        description: 'Products',
        source: { type: 'bucket', bucket_ids: [b.bucket_id] },
        feature_extractor: {
          feature_extractor_name: 'text_extractor',
          version: 'v1',
          input_mappings: { text: 'description' },
          field_passthrough: [{ source_path: 'title' }, { source_path: 'year', target_path: 'release_year' }],
        },
      });
      expect(res.status, res.text).toBe(200);
      const col = res.json;
      expect(nullPaths(col)).toEqual([]);
      expect(col.output_schema.properties).toEqual({
        title: { type: 'string' },
        release_year: { type: 'integer' },
        // The text extractor's outputs, as its page lists them: the text it embedded, and the embedding.
        text: { type: 'string' },
        text_extractor_v1_embedding: expect.objectContaining({ type: 'array' }),
      });
      expect(col.feature_extractor).toMatchObject({
        feature_extractor_id: 'text_extractor_v1',
        input_mappings: { text: 'description' },
        include_all_source_fields: false,
      });
      // The legacy spelling of the mapping is only echoed when it was sent.
      expect(col.feature_extractor).not.toHaveProperty('input_mapping');
      expect(col.feature_extractors).toEqual([col.feature_extractor]);
      expect(col.source).toEqual({ type: 'bucket', bucket_ids: [b.bucket_id], bucket_id: b.bucket_id });
      expect(col.input_schema).toEqual({ properties: { title: { type: 'string' }, year: { type: 'integer' }, description: { type: 'text' } } });
      expect(col.status).toBe('DONE');
      expect(col).not.toHaveProperty('cache_config');
      expect(col.source_lineage[0]).toMatchObject({ source_type: 'bucket', bucket_id: b.bucket_id, feature_extractors: [col.feature_extractor] });
      // No filter sent: the legacy bucket_config carries none.
      expect(col.source_lineage[0].bucket_config).toEqual({ type: 'bucket', bucket_id: b.bucket_id });
    });

    it('include_all_source_fields puts every input field in the output schema', async () => {
      const a = api(freshKey('all'));
      const b = await bucket(a, 'catalog', { properties: { title: { type: 'string' }, year: { type: 'integer' }, description: { type: 'text' } } });
      const col = await a.post('/v1/collections', {
        collection_name: 'everything',
        source: { type: 'bucket', bucket_ids: [b.bucket_id] },
        feature_extractor: {
          feature_extractor_name: 'text_extractor',
          version: 'v1',
          input_mappings: { text: 'description' },
          include_all_source_fields: true,
        },
      });
      expect(col.status, col.text).toBe(200);
      expect(Object.keys(col.json.output_schema.properties).sort()).toEqual(['description', 'text', 'text_extractor_v1_embedding', 'title', 'year']);
      expect(col.json.output_schema.properties.year).toEqual({ type: 'integer' });
    });

    it('with both forms, feature_extractor wins and current source_filters are echoed', async () => {
      const a = api(freshKey('both'));
      const b = await bucket(a, 'people');
      const filters = { AND: [{ field: 'age', operator: 'gte', value: 18 }] };
      const res = await a.post('/v1/collections', {
        collection_name: 'both-forms',
        source: { type: 'bucket', bucket_ids: [b.bucket_id], source_filters: { filters } },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
        feature_extractors: [{ feature_extractor_name: 'image_extractor', version: 'v1' }],
      });
      expect(res.status, res.text).toBe(200);
      expect(res.json.feature_extractor.feature_extractor_id).toBe('text_extractor_v1');
      expect(res.json.feature_extractors[0].feature_extractor_id).toBe('text_extractor_v1');
      expect(res.json.source.source_filters).toEqual({ filters });
      expect(res.json.source_lineage[0].bucket_config.filters).toEqual(filters);
    });
  });

  describe('a collection fed by a collection', () => {
    it('names its upstream by id or name, echoes the id, inherits its output schema and lineage', async () => {
      const a = api(freshKey('upstream'));
      const b = await bucket(a, 'people');
      const up = await collection(a, 'upstream', b.bucket_id);
      const res = await a.post('/v1/collections', {
        collection_name: 'downstream',
        source: { type: 'collection', collection_id: 'upstream' },
        feature_extractor: { feature_extractor_name: 'passthrough_extractor', version: 'v1' },
      });
      expect(res.status, res.text).toBe(200);
      expect(res.json.source).toEqual({ type: 'collection', collection_id: up.collection_id });
      expect(res.json.input_schema).toEqual(up.output_schema);
      expect(res.json.source_lineage).toHaveLength(2);
      expect(res.json.source_lineage[0]).toEqual(up.source_lineage[0]);
      expect(res.json.source_lineage[1]).toMatchObject({
        source_type: 'collection',
        collection_id: res.json.collection_id,
        collection_config: { type: 'collection', collection_id: up.collection_id },
      });
      const missing = await a.post('/v1/collections', {
        collection_name: 'orphan',
        source: { type: 'collection', collection_ids: ['nope'] },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
      });
      expect(expectError(missing, 404, 'NotFoundError').details).toEqual({ resource: 'collection', id: 'nope' });
      const neither = await a.post('/v1/collections', {
        collection_name: 'orphan',
        source: { type: 'collection' },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
      });
      expectValidation(neither, 'value_error', ['body', 'source']);
    });
  });

  describe('create checks, in order', () => {
    it('missing both extractor forms → 422 missing at body.feature_extractor', async () => {
      const a = api(freshKey('noext'));
      const b = await bucket(a, 'people');
      const res = await a.post('/v1/collections', { collection_name: 'no-extractor', source: { type: 'bucket', bucket_ids: [b.bucket_id] } });
      expectValidation(res, 'missing', ['body', 'feature_extractor']);
      const empty = await a.post('/v1/collections/create', {
        collection_name: 'no-extractor',
        source: { type: 'bucket', bucket_id: b.bucket_id },
        feature_extractors: [],
      });
      expect(empty.status, empty.text).toBe(422);
      expect(await count(a)).toBe(0);
    });

    it('collection names of 2 and 101 characters → 422 string_too_short / string_too_long; 3 and 100 pass', async () => {
      const a = api(freshKey('len'));
      const b = await bucket(a, 'people');
      const body = (name: string) => ({ ...legacyRequest(b.bucket_id), collection_name: name });
      const short = await a.post('/v1/collections', body('ab'));
      expectValidation(short, 'string_too_short', ['body', 'collection_name']);
      expect(short.json.error.details.validation_errors[0].message).toBe('String should have at least 3 characters');
      const long = await a.post('/v1/collections/create', body('x'.repeat(101)));
      expectValidation(long, 'string_too_long', ['body', 'collection_name']);
      expect(long.json.error.details.validation_errors[0].message).toBe('String should have at most 100 characters');
      expect((await a.post('/v1/collections', body('abc'))).status).toBe(200);
      expect((await a.post('/v1/collections', body('y'.repeat(100)))).status).toBe(200);
      expect(await count(a)).toBe(2);
    });

    it('type bucket without any bucket id → 422 value_error, even when the name is taken', async () => {
      const a = api(freshKey('nobkt'));
      const b = await bucket(a, 'people');
      await collection(a, 'taken', b.bucket_id);
      const res = await a.post('/v1/collections', {
        collection_name: 'taken',
        source: { type: 'bucket' },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
      });
      expectValidation(res, 'value_error', ['body', 'source']);
      expect(res.json.error.details.validation_errors[0].message).toMatch(/^Value error, /);
    });

    it('a taken name → 409 AlreadyExistsError with {resource, name}, checked before the source', async () => {
      const a = api(freshKey('dup'));
      const b = await bucket(a, 'people');
      await collection(a, 'videos', b.bucket_id);
      const res = await a.post('/v1/collections', { ...legacyRequest('bkt_missing0'), collection_name: 'videos' });
      const error = expectError(res, 409, 'AlreadyExistsError', "Collection with name 'videos' already exists");
      expect(error.details).toEqual({ resource: 'collection', name: 'videos' });
      expect(await count(a)).toBe(1);
    });

    it('an unknown bucket → 404 {resource: bucket, id}, checked before the extractor, nothing created', async () => {
      const a = api(freshKey('nobucket'));
      const b = await bucket(a, 'people');
      await collection(a, 'existing', b.bucket_id);
      const request = legacyRequest('bkt_deadbeef');
      request.feature_extractors[0]!.feature_extractor_name = 'nonexistent';
      const res = await a.post('/v1/collections/create', { ...request, collection_name: 'orphan' });
      const error = expectError(res, 404, 'NotFoundError');
      expect(error.details).toEqual({ resource: 'bucket', id: 'bkt_deadbeef' });
      // One good bucket and one missing one: still 404, for the missing one.
      const mixed = await a.post('/v1/collections', {
        collection_name: 'orphan',
        source: { type: 'bucket', bucket_ids: [b.bucket_id, 'bkt_00000000'] },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
      });
      expect(expectError(mixed, 404, 'NotFoundError').details).toEqual({ resource: 'bucket', id: 'bkt_00000000' });
      expect(await count(a)).toBe(1);
      expect((await a.get('/v1/collections/orphan')).status).toBe(404);
    });

    it('an unknown extractor → 404 with the registry message, checked before the schema checks', async () => {
      const a = api(freshKey('noext'));
      const b1 = await bucket(a, 'one', { properties: { bio: { type: 'text' } } });
      const b2 = await bucket(a, 'two', { properties: { bio: { type: 'string' } } });
      const res = await a.post('/v1/collections', {
        collection_name: 'bad-extractor',
        source: { type: 'bucket', bucket_ids: [b1.bucket_id, b2.bucket_id] },
        feature_extractor: { feature_extractor_name: 'x', version: 'v9', input_mappings: { text: 'missing_field' } },
      });
      expectError(res, 404, 'NotFoundError', 'Feature extractor x version v9 not found in registry.');
      // The legacy form too.
      const request = legacyRequest(b1.bucket_id);
      request.feature_extractors[0]!.version = 'v9';
      expectError(await a.post('/v1/collections/create', request), 404, 'NotFoundError', 'Feature extractor text_extractor version v9 not found in registry.');
      expect(await count(a)).toBe(0);
    });

    it('two source buckets with different schemas → 400, checked before the input mappings; equal schemas pass', async () => {
      const a = api(freshKey('multi'));
      const b1 = await bucket(a, 'one', { properties: { bio: { type: 'text' } } });
      const b2 = await bucket(a, 'two', { properties: { bio: { type: 'string' } } });
      const b3 = await bucket(a, 'three', { properties: { bio: { type: 'text' } } });
      const body = (ids: string[], mapping: string) => ({
        collection_name: 'multi',
        source: { type: 'bucket', bucket_ids: ids },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1', input_mappings: { text: mapping } },
      });
      expectError(await a.post('/v1/collections', body([b1.bucket_id, b2.bucket_id], 'nope')), 400, 'BadRequestError');
      expect(await count(a)).toBe(0);
      const ok = await a.post('/v1/collections', body([b1.bucket_id, b3.bucket_id], 'bio'));
      expect(ok.status, ok.text).toBe(200);
      expect(ok.json.source.bucket_ids).toEqual([b1.bucket_id, b3.bucket_id]);
      expect(ok.json.source_bucket_schemas).toEqual({ [b1.bucket_id]: b1.bucket_schema, [b3.bucket_id]: b3.bucket_schema });
    });

    it('a current-form input_mappings value missing from the schema → 400; the legacy input_mapping is not checked', async () => {
      const a = api(freshKey('mapping'));
      const b = await bucket(a, 'people');
      const res = await a.post('/v1/collections', {
        collection_name: 'bad-mapping',
        source: { type: 'bucket', bucket_ids: [b.bucket_id] },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1', input_mappings: { text: 'product_text' } },
      });
      expectError(res, 400, 'BadRequestError', "The source field 'product_text' does not exist in the source schema.");
      expect(await count(a)).toBe(0);
      const request = legacyRequest(b.bucket_id);
      (request.feature_extractors[0] as any).input_mapping = { text: 'product_text' };
      const legacy = await a.post('/v1/collections/create', request);
      expect(legacy.status, legacy.text).toBe(200);
      expect(legacy.json.feature_extractor.input_mapping).toEqual({ text: 'product_text' });
      expect(legacy.json.feature_extractor.input_mappings).toEqual({ text: 'product_text' });
    });

    it('a filter with an unknown operator, or `in` without an array → 400 (the schema lets it through)', async () => {
      const a = api(freshKey('filter'));
      const b = await bucket(a, 'people');
      const withFilters = (filters: unknown) => ({
        ...legacyRequest(b.bucket_id),
        collection_name: 'filtered',
        source: { type: 'bucket', bucket_id: b.bucket_id, filters },
      });
      const badOp = await a.post('/v1/collections/create', withFilters({ AND: [{ field: 'age', operator: 'between', value: [1, 2] }] }));
      expectError(badOp, 400, 'BadRequestError', /unknown operator "between"/);
      const badIn = await a.post('/v1/collections', withFilters({ AND: [{ field: 'status', operator: 'in', value: 'active' }] }));
      expectError(badIn, 400, 'BadRequestError', /"in" needs an array/);
      const current = await a.post('/v1/collections', {
        collection_name: 'filtered',
        source: { type: 'bucket', bucket_ids: [b.bucket_id], source_filters: { filters: { OR: [{ field: 'role', operator: 'nin', value: 'x' }] } } },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
      });
      expectError(current, 400, 'BadRequestError', /"nin" needs an array/);
      // Structural problems are the schema's: AND must be a list.
      expectValidation(await a.post('/v1/collections/create', withFilters({ AND: { field: 'age', value: 1 } })), 'list_type', [
        'body',
        'source',
        'filters',
        'AND',
      ]);
      expect(await count(a)).toBe(0);
    });

    it('a bucket of another namespace is unknown here', async () => {
      const key = freshKey('otherns');
      await namespace(key, 'alpha');
      await namespace(key, 'beta');
      const b = await bucket(api(key, 'alpha'), 'people');
      const res = await api(key, 'beta').post('/v1/collections/create', legacyRequest(b.bucket_id));
      expect(expectError(res, 404, 'NotFoundError').details).toEqual({ resource: 'bucket', id: b.bucket_id });
    });
  });

  describe('get, update, delete', () => {
    it('gets by id and by name; an unknown one → 404 {resource: collection}', async () => {
      const a = api(freshKey('get'));
      const b = await bucket(a, 'people');
      const col = await collection(a, 'by-name', b.bucket_id);
      expect((await a.get(`/v1/collections/${col.collection_id}`)).json).toEqual(col);
      expect((await a.get('/v1/collections/by-name')).json).toEqual(col);
      const missing = await a.get('/v1/collections/col_nothere00');
      expect(expectError(missing, 404, 'NotFoundError').details).toEqual({ resource: 'collection', id: 'col_nothere00' });
      // GET on the legacy create path is a lookup of a collection named "create".
      expect(expectError(await a.get('/v1/collections/create'), 404, 'NotFoundError').details).toEqual({ resource: 'collection', id: 'create' });
    });

    it('PATCH renames (409 on a taken name), and sets description, enabled, metadata, taxonomy applications', async () => {
      const a = api(freshKey('patch'));
      const b = await bucket(a, 'people');
      const col = await collection(a, 'first', b.bucket_id);
      await collection(a, 'second', b.bucket_id);

      const taken = await a.patch(`/v1/collections/${col.collection_id}`, { collection_name: 'second' });
      expect(expectError(taken, 409, 'AlreadyExistsError', "Collection with name 'second' already exists").details).toEqual({
        resource: 'collection',
        name: 'second',
      });
      // Renaming to its own name is no conflict.
      expect((await a.patch('/v1/collections/first', { collection_name: 'first' })).status).toBe(200);

      ctx.server.clock.advance(5000);
      const res = await a.patch('/v1/collections/first', {
        collection_name: 'renamed',
        description: 'now described',
        enabled: false,
        metadata: { team: 'search' },
        taxonomy_applications: [{ taxonomy_id: 'tax_1', output_collection: 'col_target0001' }],
      });
      expect(res.status, res.text).toBe(200);
      const updated = res.json;
      expect(nullPaths(updated)).toEqual([]);
      expect(updated).toMatchObject({
        collection_id: col.collection_id,
        collection_name: 'renamed',
        description: 'now described',
        enabled: false,
        metadata: { team: 'search' },
        taxonomy_count: 1,
      });
      expect(updated.taxonomy_applications).toEqual([
        {
          taxonomy_id: 'tax_1',
          output_collection: 'col_target0001',
          target_collection_id: 'col_target0001',
          execution_mode: 'materialize',
          execution_phase: 1,
          priority: 0,
          hierarchical_enrichment_style: 'combined',
        },
      ]);
      expect(updated.created_at).toBe(col.created_at);
      expect(Date.parse(`${updated.updated_at}Z`) - Date.parse(`${col.updated_at}Z`)).toBe(5000);
      expect(updated.source).toEqual(col.source);

      expect((await a.get('/v1/collections/renamed')).json).toEqual(updated);
      expect((await a.get('/v1/collections/first')).status).toBe(404);
      // The old name is free again.
      await collection(a, 'first', b.bucket_id);
    });

    it('PATCH of an immutable field → 400 naming it, and changes nothing', async () => {
      const a = api(freshKey('immutable'));
      const b = await bucket(a, 'people');
      const col = await collection(a, 'frozen', b.bucket_id);
      const res = await a.patch('/v1/collections/frozen', { source: { type: 'bucket', bucket_ids: ['bkt_other000'] }, description: 'changed' });
      expectError(res, 400, 'BadRequestError', 'Fields cannot be updated: source');
      const two = await a.patch('/v1/collections/frozen', { feature_extractor: {}, collection_id: 'col_x' });
      expectError(two, 400, 'BadRequestError', /^Fields cannot be updated: /);
      expect(two.json.error.message).toContain('feature_extractor');
      expect(two.json.error.message).toContain('collection_id');
      expect((await a.get('/v1/collections/frozen')).json).toEqual(col);
      expectError(await a.patch('/v1/collections/nothing-here', { description: 'x' }), 404, 'NotFoundError');
    });

    it('PATCH values of the wrong shape → 422, and the collection is unchanged', async () => {
      const a = api(freshKey('patchlen'));
      const b = await bucket(a, 'people');
      const col = await collection(a, 'okname', b.bucket_id, { description: 'to be cleared' });
      expectValidation(await a.patch('/v1/collections/okname', { collection_name: 'ab' }), 'string_too_short', ['body', 'collection_name']);
      expectValidation(await a.patch('/v1/collections/okname', { taxonomy_applications: [{ taxonomy_id: 't', bogus: 1 }] }), 'extra_forbidden', [
        'body',
        'taxonomy_applications',
        0,
        'bogus',
      ]);
      expectValidation(await a.patch('/v1/collections/okname', { taxonomy_applications: [{ taxonomy_id: 't', execution_phase: 9 }] }), 'less_than_equal', [
        'body',
        'taxonomy_applications',
        0,
        'execution_phase',
      ]);
      expectValidation(await a.patch('/v1/collections/okname', { metadata: 'not an object' }), 'model_attributes_type', ['body', 'metadata']);
      expectValidation(await a.patch('/v1/collections/okname', { description: 5 }), 'string_type', ['body', 'description']);
      expectValidation(await a.patch('/v1/collections/okname', { enabled: 'no' }), 'bool_parsing', ['body', 'enabled']);
      expectValidation(await a.patch('/v1/collections/okname', { cluster_applications: 'x' }), 'list_type', ['body', 'cluster_applications']);
      expect((await a.get('/v1/collections/okname')).json).toEqual(col);
      // null clears an optional field; unknown keys are ignored.
      const cleared = await a.patch('/v1/collections/okname', { description: null, whatever: 1 });
      expect(cleared.status, cleared.text).toBe(200);
      expect(cleared.json).not.toHaveProperty('description');
      expect(cleared.json).not.toHaveProperty('whatever');
    });

    it('DELETE answers {success, message, collection_id}; the collection and its documents are gone', async () => {
      const key = freshKey('delete');
      const a = api(key);
      const b = await bucket(a, 'people');
      const col = await collection(a, 'doomed', b.bucket_id);
      const obj = await a.post(`/v1/buckets/${b.bucket_id}/objects?auto_process=true`, { blobs: [{ property: 'bio', type: 'text', data: 'hello' }] });
      expect(obj.status, obj.text).toBe(200);
      ctx.server.clock.advance(2000);
      expect((await a.get(`/v1/collections/${col.collection_id}`)).json.document_count).toBe(1);
      expect((await a.get('/v1/namespaces/default')).json.document_count).toBe(1);

      const res = await a.del('/v1/collections/doomed');
      expect(res.status, res.text).toBe(200);
      expect(res.json).toEqual({ success: true, message: 'Successfully deleted', collection_id: col.collection_id });

      expectError(await a.get(`/v1/collections/${col.collection_id}`), 404, 'NotFoundError');
      expectError(await a.post(`/v1/collections/${col.collection_id}/documents/list`, {}), 404, 'NotFoundError');
      expectError(await a.del(`/v1/collections/${col.collection_id}`), 404, 'NotFoundError');
      expect((await a.get('/v1/namespaces/default')).json).toMatchObject({ document_count: 0, collection_count: 0 });
      // A new collection of the same name starts empty.
      const again = await collection(a, 'doomed', b.bucket_id);
      expect(again.collection_id).not.toBe(col.collection_id);
      expect(again.document_count).toBe(0);
      expect((await a.post('/v1/collections/doomed/documents/list', {})).json.results).toEqual([]);
    });
  });

  describe('list', () => {
    /** Five collections, one clock step apart, named col-0 … col-4. */
    async function five(label: string): Promise<{ a: Api; ids: string[]; bucketId: string }> {
      const a = api(freshKey(label));
      const b = await bucket(a, 'people');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push((await collection(a, `col-${i}`, b.bucket_id)).collection_id);
        ctx.server.clock.advance(10);
      }
      return { a, ids, bucketId: b.bucket_id };
    }

    it('oldest first; without include_total the pagination is page_size (+ next_cursor when more)', async () => {
      const { a, ids } = await five('plain');
      const all = await a.post('/v1/collections/list');
      expect(all.status, all.text).toBe(200);
      expect(Object.keys(all.json).sort()).toEqual(['pagination', 'results', 'total_count']);
      expect(all.json.results.map((c: any) => c.collection_id)).toEqual(ids);
      expect(all.json.pagination).toEqual({ page_size: 10 });
      expect(all.json.total_count).toBe(5);

      const first = await a.post('/v1/collections/list?limit=2', {});
      expect(first.json.results.map((c: any) => c.collection_id)).toEqual(ids.slice(0, 2));
      expect(Object.keys(first.json.pagination).sort()).toEqual(['next_cursor', 'page_size']);
      expect(first.json.pagination.page_size).toBe(2);
      expect(first.json.total_count).toBe(5);

      const last = await a.post('/v1/collections/list?limit=2&offset=4', {});
      expect(last.json.results.map((c: any) => c.collection_id)).toEqual(ids.slice(4));
      expect(last.json.pagination).toEqual({ page_size: 2 });
      expect(last.json.total_count).toBe(5);

      const beyond = await a.post('/v1/collections/list?offset=50', {});
      expect(beyond.json).toEqual({ results: [], pagination: { page_size: 10 }, total_count: 5 });
    });

    it('with include_total the pagination adds total, page and total_pages', async () => {
      const { a, ids } = await five('total');
      const page2 = await a.post('/v1/collections/list?limit=2&offset=2&include_total=true', {});
      expect(page2.json.results.map((c: any) => c.collection_id)).toEqual(ids.slice(2, 4));
      expect(page2.json.pagination).toEqual({ page_size: 2, total: 5, page: 2, total_pages: 3, next_cursor: expect.any(String) });
      const page3 = await a.post('/v1/collections/list?limit=2&offset=4&include_total=true', {});
      expect(page3.json.pagination).toEqual({ page_size: 2, total: 5, page: 3, total_pages: 3 });
      expect(page3.json.total_count).toBe(5);
      // include_total=false is the same as leaving it out.
      expect((await a.post('/v1/collections/list?limit=2&offset=4&include_total=false', {})).json.pagination).toEqual({ page_size: 2 });
    });

    it('a cursor walk collects every id exactly once, even with inserts between pages', async () => {
      const { a, ids, bucketId } = await five('cursor');
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await a.post(`/v1/collections/list?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {});
        expect(res.status, res.text).toBe(200);
        seen.push(...res.json.results.map((c: any) => c.collection_id));
        cursor = res.json.pagination.next_cursor;
        if (pages === 0) {
          // Inserted after the first page: a newer collection, so it comes last.
          ctx.server.clock.advance(10);
          ids.push((await collection(a, 'late', bucketId)).collection_id);
        }
        pages++;
      } while (cursor && pages < 10);
      expect(cursor).toBeUndefined();
      expect(seen).toEqual(ids);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('a cursor wins over the offset', async () => {
      const { a, ids } = await five('cursoroffset');
      const first = await a.post('/v1/collections/list?limit=2', {});
      const next = await a.post(`/v1/collections/list?limit=2&offset=4&cursor=${encodeURIComponent(first.json.pagination.next_cursor)}`, {});
      expect(next.json.results.map((c: any) => c.collection_id)).toEqual(ids.slice(2, 4));
    });

    it('bad paging → 400 for a garbage cursor, 422 for offset 10001 and limit 0 / 1001', async () => {
      const a = api(freshKey('badpage'));
      expectError(await a.post('/v1/collections/list?cursor=not-a-cursor', {}), 400, 'BadRequestError');
      expectValidation(await a.post('/v1/collections/list?offset=10001', {}), 'less_than_equal', ['query', 'offset']);
      expectValidation(await a.post('/v1/collections/list?limit=0', {}), 'greater_than_equal', ['query', 'limit']);
      expectValidation(await a.post('/v1/collections/list?limit=1001', {}), 'less_than_equal', ['query', 'limit']);
      expect((await a.post('/v1/collections/list?offset=10000&limit=1000', {})).status).toBe(200);
    });

    it('a cursor from another list is refused', async () => {
      const { a } = await five('foreign');
      for (const name of ['b1', 'b2']) await bucket(a, name);
      const buckets = await a.post('/v1/buckets/list?limit=1', {});
      const foreign = buckets.json.pagination.next_cursor;
      expect(typeof foreign).toBe('string');
      expectError(await a.post(`/v1/collections/list?cursor=${encodeURIComponent(foreign)}`, {}), 400, 'BadRequestError');
    });

    it('search is a case-insensitive substring match over id, name and description; filters select on fields', async () => {
      const a = api(freshKey('search'));
      const b = await bucket(a, 'people');
      const videos = await collection(a, 'Product-Videos', b.bucket_id, { description: 'Clips', metadata: { team: 'media' } });
      const docs = await collection(a, 'manuals', b.bucket_id, { description: 'PRODUCT handbooks', enabled: false, metadata: { team: 'docs' } });
      await collection(a, 'other', b.bucket_id, { metadata: { team: 'media' } });
      const ids = (res: Res) => res.json.results.map((c: any) => c.collection_id);

      const search = await a.post('/v1/collections/list', { search: 'product' });
      expect(ids(search)).toEqual([videos.collection_id, docs.collection_id]);
      expect(search.json.total_count).toBe(2);
      expect(ids(await a.post('/v1/collections/list', { search: 'product', case_sensitive: true }))).toEqual([]);
      expect(ids(await a.post('/v1/collections/list', { search: videos.collection_id.toUpperCase() }))).toEqual([videos.collection_id]);

      const disabled = await a.post('/v1/collections/list', { filters: { AND: [{ field: 'enabled', operator: 'eq', value: false }] } });
      expect(ids(disabled)).toEqual([docs.collection_id]);
      expect(disabled.json.total_count).toBe(1);
      const media = await a.post('/v1/collections/list?limit=1', { filters: { 'metadata.team': 'media' } });
      expect(ids(media)).toEqual([videos.collection_id]);
      expect(media.json.total_count).toBe(2);
      const extractor = await a.post('/v1/collections/list', {
        filters: { AND: [{ field: 'feature_extractor.feature_extractor_id', operator: 'eq', value: 'text_extractor_v1' }] },
      });
      expect(extractor.json.total_count).toBe(3);
      expectError(await a.post('/v1/collections/list', { filters: { AND: [{ field: 'enabled', operator: 'nope', value: 1 }] } }), 400, 'BadRequestError');
    });

    it('sort overrides the default order', async () => {
      const { a, ids } = await five('sort');
      const desc = await a.post('/v1/collections/list', { sort: { field: 'created_at', direction: 'desc' } });
      expect(desc.json.results.map((c: any) => c.collection_id)).toEqual([...ids].reverse());
      const byName = await a.post('/v1/collections/list', { sort: { field: 'collection_name', direction: 'desc' } });
      expect(byName.json.results.map((c: any) => c.collection_name)).toEqual(['col-4', 'col-3', 'col-2', 'col-1', 'col-0']);
    });
  });
});
