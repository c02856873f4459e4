/**
 * Mixpeek buckets (CRUD, lists, asynchronous DELETE) and bucket objects
 * (blobs checked against the schema, unique-key policies).
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { ok } from './support/client.js';
import { TEXT_V1, NAIVE6, expectError, expectValidation, freshKey, mixpeekApi, nullPaths, type MixpeekApi } from './support/mixpeek.js';

const SCHEMA = { properties: { title: { type: 'string' }, description: { type: 'text' }, image: { type: 'image' } } };
const epochMs = (naive: string): number => Date.parse(`${naive}Z`);

describe('Mixpeek buckets and objects', () => {
  const ctx = useServer({ providers: ['mixpeek'] });

  const api = (key: string, ns?: string) => mixpeekApi(ctx.url, key, ns);
  type Api = MixpeekApi;

  const createBucket = (a: Api, name: string, extra: Record<string, unknown> = {}) =>
    ok(a.post('/v1/buckets', { bucket_name: name, bucket_schema: SCHEMA, ...extra }));
  const task = (key: string, id: string) => ok(api(key).get(`/v1/tasks/${id}`));

  describe('buckets', () => {
    it('create: bkt_ id, zero counts, ACTIVE, metadata {}, no nulls; a taken name → 409', async () => {
      const a = api(freshKey('bcreate'));
      const b = await createBucket(a, 'product-catalog');
      expect(nullPaths(b)).toEqual([]);
      expect(b).toEqual({
        bucket_id: expect.stringMatching(/^bkt_[0-9a-f]{8}$/),
        bucket_name: 'product-catalog',
        bucket_schema: SCHEMA,
        metadata: {},
        object_count: 0,
        total_size_bytes: 0,
        created_at: expect.stringMatching(NAIVE6),
        updated_at: b.created_at,
        status: 'ACTIVE',
        is_locked: false,
      });
      const withAll = await createBucket(a, 'described', {
        description: 'd',
        metadata: { team: 'search' },
        unique_key: { fields: ['title'], default_policy: 'upsert' },
      });
      expect(withAll).toMatchObject({ description: 'd', metadata: { team: 'search' }, unique_key: { fields: ['title'], default_policy: 'upsert' } });
      const dup = await a.post('/v1/buckets', { bucket_name: 'product-catalog', bucket_schema: SCHEMA });
      expect(expectError(dup, 409, 'AlreadyExistsError', "Bucket with name 'product-catalog' already exists").details).toEqual({
        resource: 'bucket',
        name: 'product-catalog',
      });
      expect((await ok(a.post('/v1/buckets/list', {}))).total_count).toBe(2);
    });

    it('create: a field type outside the enum, or no schema → 422', async () => {
      const a = api(freshKey('bbad'));
      const bad = await a.post('/v1/buckets', { bucket_name: 'x', bucket_schema: { properties: { title: { type: 'json' } } } });
      expectValidation(bad, 'enum', ['body', 'bucket_schema', 'properties', 'title', 'type']);
      expectValidation(await a.post('/v1/buckets', { bucket_name: 'x' }), 'missing', ['body', 'bucket_schema']);
      expectValidation(await a.post('/v1/buckets', { bucket_name: 'x', bucket_schema: { properties: { t: {} } } }), 'missing', [
        'body',
        'bucket_schema',
        'properties',
        't',
        'type',
      ]);
      expect((await ok(a.post('/v1/buckets/list', {}))).total_count).toBe(0);
    });

    it('get by id and by name; unknown → 404 {resource: bucket, id}', async () => {
      const a = api(freshKey('bget'));
      const b = await createBucket(a, 'by-name');
      expect(await ok(a.get(`/v1/buckets/${b.bucket_id}`))).toEqual(b);
      expect(await ok(a.get('/v1/buckets/by-name'))).toEqual(b);
      expect(expectError(await a.get('/v1/buckets/bkt_nothere'), 404, 'NotFoundError').details).toEqual({ resource: 'bucket', id: 'bkt_nothere' });
    });

    it('PATCH renames (409 on a taken name), sets description and metadata; the schema stays', async () => {
      const a = api(freshKey('bpatch'));
      const b = await createBucket(a, 'first');
      await createBucket(a, 'second');
      expect(expectError(await a.patch('/v1/buckets/first', { bucket_name: 'second' }), 409, 'AlreadyExistsError').details).toEqual({
        resource: 'bucket',
        name: 'second',
      });
      ctx.server.clock.advance(2000);
      const updated = await ok(
        a.patch(`/v1/buckets/${b.bucket_id}`, {
          bucket_name: 'renamed',
          description: 'now with text',
          metadata: { team: 'search' },
          bucket_schema: { properties: {} },
        }),
      );
      expect(updated).toMatchObject({
        bucket_id: b.bucket_id,
        bucket_name: 'renamed',
        description: 'now with text',
        metadata: { team: 'search' },
        bucket_schema: SCHEMA,
        created_at: b.created_at,
      });
      expect(epochMs(updated.updated_at) - epochMs(b.updated_at)).toBe(2000);
      expect(await ok(a.get('/v1/buckets/renamed'))).toEqual(updated);
      expectError(await a.get('/v1/buckets/first'), 404, 'NotFoundError');
      expectError(await a.patch('/v1/buckets/ghost', { description: 'x' }), 404, 'NotFoundError');
    });

    it('list pages from the body or the query (the query wins), with search', async () => {
      const a = api(freshKey('blist'));
      const names = ['alpha', 'beta', 'gamma', 'delta', 'Alphabet'];
      for (const n of names) {
        await createBucket(a, n, n === 'delta' ? { description: 'has ALPHA inside' } : {});
        ctx.server.clock.advance(10);
      }
      const namesOf = (r: any) => r.results.map((b: any) => b.bucket_name);
      const body = await ok(a.post('/v1/buckets/list', { limit: 2, offset: 1 }));
      expect(namesOf(body)).toEqual(['beta', 'gamma']);
      expect(body.total_count).toBe(5);
      expect(Object.keys(body.pagination).sort()).toEqual(['next_cursor', 'page_size']);
      expect(body.pagination.page_size).toBe(2);
      const query = await ok(a.post('/v1/buckets/list?limit=3&offset=2&include_total=true', { limit: 1, offset: 0 }));
      expect(namesOf(query)).toEqual(['gamma', 'delta', 'Alphabet']);
      expect(query.pagination).toEqual({ page_size: 3, total: 5, page: 1, total_pages: 2 });
      expect(namesOf(await ok(a.post('/v1/buckets/list')))).toEqual(names);
      const search = await ok(a.post('/v1/buckets/list', { search: 'alpha' }));
      expect(namesOf(search)).toEqual(['alpha', 'delta', 'Alphabet']);
      expect(search.total_count).toBe(3);
      expect(namesOf(await ok(a.post('/v1/buckets/list', { search: 'Alpha', case_sensitive: true })))).toEqual(['Alphabet']);
      expectValidation(await a.post('/v1/buckets/list', { limit: 0 }), 'greater_than_equal', ['body', 'limit']);
      expectValidation(await a.post('/v1/buckets/list', { limit: 1001 }), 'less_than_equal', ['body', 'limit']);
      expectValidation(await a.post('/v1/buckets/list?limit=0', {}), 'greater_than_equal', ['query', 'limit']);
    });

    it('DELETE answers a task receipt; the bucket shows IN_PROGRESS, takes no work, then is gone', async () => {
      const key = freshKey('bdel');
      const a = api(key);
      const b = await createBucket(a, 'doomed');
      const obj = await ok(a.post(`/v1/buckets/${b.bucket_id}/objects`, { blobs: [{ property: 'title', type: 'string', data: 'one' }] }));
      await ok(a.post(`/v1/buckets/${b.bucket_id}/objects`, { blobs: [{ property: 'title', type: 'string', data: 'two' }] }));

      const receipt = await ok(a.del('/v1/buckets/doomed'));
      expect(receipt).toEqual({
        task_id: expect.stringMatching(/^task_[0-9a-f]{24}$/),
        status: 'PENDING',
        bucket_id: b.bucket_id,
        bucket_name: 'doomed',
        object_count: 2,
      });
      expect((await ok(a.get(`/v1/buckets/${b.bucket_id}`))).status).toBe('IN_PROGRESS');
      expect((await ok(a.post('/v1/buckets/list', {}))).results[0].status).toBe('IN_PROGRESS');
      // No new objects, no new collections on it, no second delete.
      expect(expectError(await a.post(`/v1/buckets/${b.bucket_id}/objects`, { blobs: [] }), 404, 'NotFoundError').details).toEqual({
        resource: 'bucket',
        id: b.bucket_id,
      });
      const col = await a.post('/v1/collections', {
        collection_name: 'late',
        source: { type: 'bucket', bucket_ids: [b.bucket_id] },
        feature_extractor: TEXT_V1,
      });
      expect(expectError(col, 404, 'NotFoundError').details).toEqual({ resource: 'bucket', id: b.bucket_id });
      expectError(await a.del(`/v1/buckets/${b.bucket_id}`), 404, 'NotFoundError');

      expect(await task(key, receipt.task_id)).toMatchObject({ task_type: 'api_buckets_delete', status: 'PENDING', inputs: [{ bucket_id: b.bucket_id }] });
      ctx.server.clock.advance(1000);
      expect((await task(key, receipt.task_id)).status).toBe('IN_PROGRESS');
      expect((await ok(a.get(`/v1/buckets/${b.bucket_id}`))).status).toBe('IN_PROGRESS');
      ctx.server.clock.advance(1000);
      expect((await task(key, receipt.task_id)).status).toBe('COMPLETED');
      expectError(await a.get(`/v1/buckets/${b.bucket_id}`), 404, 'NotFoundError');
      expectError(await a.get(`/v1/buckets/${b.bucket_id}/objects/${obj.object_id}`), 404, 'NotFoundError');
      expect((await ok(a.post('/v1/buckets/list', {}))).total_count).toBe(0);
      expect((await ok(a.get('/v1/namespaces/default'))).object_count).toBe(0);
      // The name can be used again.
      await createBucket(a, 'doomed');
    });
  });

  describe('objects', () => {
    it('create: obj_ id, DRAFT, blobs with ids (no data), metadata echoed; the bucket counts it', async () => {
      const a = api(freshKey('ocreate'));
      const b = await createBucket(a, 'products');
      ctx.server.clock.advance(1000);
      const obj = await ok(
        a.post(`/v1/buckets/${b.bucket_id}/objects`, {
          key_prefix: '/products/headphones',
          metadata: { category: 'audio', year: 2025 },
          blobs: [
            { property: 'title', type: 'string', data: 'Wireless headphones' },
            { property: 'image', type: 'image', data: 'https://example.com/images/headphones.jpg', metadata: { alt: 'front' } },
          ],
        }),
      );
      expect(nullPaths(obj)).toEqual([]);
      expect(obj).toMatchObject({
        object_id: expect.stringMatching(/^obj_[0-9a-f]{12}$/),
        bucket_id: b.bucket_id,
        key_prefix: '/products/headphones',
        metadata: { category: 'audio', year: 2025 },
        status: 'DRAFT',
        source_details: [{ type: 'bucket', source_id: b.bucket_id }],
        created_at: expect.stringMatching(NAIVE6),
      });
      expect(obj.blobs).toEqual([
        { blob_id: expect.stringMatching(/^blob_[0-9a-f]{12}$/), property: 'title', type: 'string', properties: {}, details: { size_bytes: 19 } },
        expect.objectContaining({
          property: 'image',
          type: 'image',
          properties: { alt: 'front' },
          details: expect.objectContaining({ filename: 'headphones.jpg' }),
        }),
      ]);
      expect(obj.blobs[0].blob_id).not.toBe(obj.blobs[1].blob_id);
      expect(JSON.stringify(obj)).not.toContain('Wireless headphones');

      expect(await ok(a.get(`/v1/buckets/${b.bucket_id}/objects/${obj.object_id}`))).toEqual(obj);
      const bucket = await ok(a.get(`/v1/buckets/${b.bucket_id}`));
      expect(bucket.object_count).toBe(1);
      expect(bucket.total_size_bytes).toBeGreaterThanOrEqual(19);
      expect(bucket.last_upload_at).toBe(obj.created_at);
      expect(epochMs(bucket.last_upload_at) - epochMs(b.created_at)).toBe(1000);
    });

    it('create: blobs are checked against the bucket schema (400) and need exactly one of data / upload_id (422)', async () => {
      const a = api(freshKey('obad'));
      const b = await createBucket(a, 'products');
      const post = (blob: Record<string, unknown>) =>
        a.post(`/v1/buckets/${b.bucket_id}/objects`, { blobs: [{ property: 'title', type: 'string', data: 'ok' }, blob] });
      expectError(await post({ property: 'price', type: 'number', data: 3 }), 400, 'BadRequestError', /price/);
      expectError(await post({ property: 'image', type: 'video', data: 'https://example.com/a.mp4' }), 400, 'BadRequestError', /video/);
      expectValidation(await post({ property: 'title', type: 'string', data: 'x', upload_id: 'upl_abc' }), 'value_error', ['body', 'blobs', 1]);
      expectValidation(await post({ property: 'title', type: 'string' }), 'value_error', ['body', 'blobs', 1]);
      expectValidation(await post({ property: 'title', type: 'string', upload_id: 'nope' }), 'string_pattern_mismatch', ['body', 'blobs', 1, 'upload_id']);
      expectValidation(await post({ property: 'title', type: 'json', data: 'x' }), 'enum', ['body', 'blobs', 1, 'type']);
      expect((await ok(a.post(`/v1/buckets/${b.bucket_id}/objects`, { blobs: [{ property: 'title', type: 'string', upload_id: 'upl_abc123' }] }))).status).toBe(
        'DRAFT',
      );
      expect((await ok(a.get(`/v1/buckets/${b.bucket_id}`))).object_count).toBe(1);
      expectError(await a.post('/v1/buckets/bkt_missing/objects', { blobs: [] }), 404, 'NotFoundError');
    });

    it('create: extra top-level fields are echoed, but not over the fields the reply computes', async () => {
      const a = api(freshKey('oextra'));
      const b = await createBucket(a, 'products');
      const obj = await ok(
        a.post(`/v1/buckets/${b.bucket_id}/objects`, {
          blobs: [],
          source: 'crawler',
          status: 'COMPLETED',
          error: 5,
          object_id: 'obj_mine',
          created_at: 'yesterday',
        }),
      );
      expect(obj.source).toBe('crawler');
      expect(obj.status).toBe('DRAFT');
      expect(obj).not.toHaveProperty('error');
      expect(obj.object_id).toMatch(/^obj_[0-9a-f]{12}$/);
      expect(obj.created_at).toMatch(NAIVE6);
      expect(await ok(a.get(`/v1/buckets/${b.bucket_id}/objects/${obj.object_id}`))).toEqual(obj);
    });

    it('get, list (paged, no total_count) and DELETE (204, no body)', async () => {
      const a = api(freshKey('olist'));
      const b = await createBucket(a, 'products');
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push(
          (await ok(a.post(`/v1/buckets/products/objects`, { key_prefix: `/p/${i}`, blobs: [{ property: 'title', type: 'string', data: `t${i}` }] })))
            .object_id,
        );
        ctx.server.clock.advance(10);
      }
      const page = await ok(a.post(`/v1/buckets/${b.bucket_id}/objects/list?limit=2`, {}));
      expect(Object.keys(page).sort()).toEqual(['pagination', 'results']);
      expect(page.results.map((o: any) => o.object_id)).toEqual(ids.slice(0, 2));
      expect(Object.keys(page.pagination).sort()).toEqual(['next_cursor', 'page_size']);
      const next = await ok(a.post(`/v1/buckets/${b.bucket_id}/objects/list?limit=2&cursor=${encodeURIComponent(page.pagination.next_cursor)}`, {}));
      expect(next.results.map((o: any) => o.object_id)).toEqual(ids.slice(2));
      expect(next.pagination).toEqual({ page_size: 2 });
      const totals = await ok(a.post(`/v1/buckets/${b.bucket_id}/objects/list?include_total=true`));
      expect(totals.pagination).toEqual({ page_size: 10, total: 3, page: 1, total_pages: 1 });
      expect(totals).not.toHaveProperty('total_count');
      const prefixed = await ok(a.post(`/v1/buckets/${b.bucket_id}/objects/list`, { search: '/p/1' }));
      expect(prefixed.results.map((o: any) => o.object_id)).toEqual([ids[1]]);

      const del = await a.del(`/v1/buckets/${b.bucket_id}/objects/${ids[0]}`);
      expect(del.status).toBe(204);
      expect(del.text).toBe('');
      expect(expectError(await a.get(`/v1/buckets/${b.bucket_id}/objects/${ids[0]}`), 404, 'NotFoundError').details).toEqual({
        resource: 'object',
        id: ids[0],
      });
      expectError(await a.del(`/v1/buckets/${b.bucket_id}/objects/${ids[0]}`), 404, 'NotFoundError');
      expect((await ok(a.get(`/v1/buckets/${b.bucket_id}`))).object_count).toBe(2);
      // An object is found only in its own bucket.
      const other = await createBucket(a, 'other');
      expectError(await a.get(`/v1/buckets/${other.bucket_id}/objects/${ids[1]}`), 404, 'NotFoundError');
    });

    it('unique keys: insert on an existing key → 409, update on a missing one → 404, upsert replaces; no policy → 400', async () => {
      const a = api(freshKey('ukey'));
      const b = await createBucket(a, 'skus', {
        bucket_schema: { properties: { sku: { type: 'string' }, description: { type: 'text' } } },
        unique_key: { fields: ['sku'] },
      });
      const objects = `/v1/buckets/${b.bucket_id}/objects`;
      const body = (sku: string, text: string) => ({
        blobs: [
          { property: 'sku', type: 'string', data: sku },
          { property: 'description', type: 'text', data: text },
        ],
      });

      expectError(await a.post(objects, body('A1', 'first')), 400, 'BadRequestError', /policy/);
      const first = await ok(a.post(`${objects}?policy=insert`, body('A1', 'first')));
      const dup = await a.post(`${objects}?policy=insert`, body('A1', 'again'));
      expect(expectError(dup, 409, 'AlreadyExistsError').details).toEqual({ resource: 'object', id: first.object_id });
      expectError(await a.post(`${objects}?policy=update`, body('B2', 'nobody')), 404, 'NotFoundError');

      ctx.server.clock.advance(1000);
      const replaced = await ok(a.post(`${objects}?policy=upsert`, body('A1', 'replacement, longer')));
      expect(replaced.object_id).toBe(first.object_id);
      expect(replaced.created_at).toBe(first.created_at);
      expect(epochMs(replaced.updated_at) - epochMs(first.updated_at)).toBe(1000);
      expect(replaced.blobs[1].details.size_bytes).toBe('replacement, longer'.length);
      const updated = await ok(a.post(`${objects}?policy=update`, body('A1', 'third')));
      expect(updated.object_id).toBe(first.object_id);
      const created = await ok(a.post(`${objects}?policy=upsert`, body('C3', 'new')));
      expect(created.object_id).not.toBe(first.object_id);
      expect((await ok(a.get(`/v1/buckets/${b.bucket_id}`))).object_count).toBe(2);
      expectValidation(await a.post(`${objects}?policy=merge`, body('D4', 'x')), 'enum', ['query', 'policy']);

      // A default_policy stands in for ?policy=, and ?policy= overrides it.
      const d = await createBucket(a, 'skus-default', {
        bucket_schema: { properties: { sku: { type: 'string' } } },
        unique_key: { fields: ['sku'], default_policy: 'insert' },
      });
      const dObjects = `/v1/buckets/${d.bucket_id}/objects`;
      const one = await ok(a.post(dObjects, { blobs: [{ property: 'sku', type: 'string', data: 'Z' }] }));
      expectError(await a.post(dObjects, { blobs: [{ property: 'sku', type: 'string', data: 'Z' }] }), 409, 'AlreadyExistsError');
      expect((await ok(a.post(`${dObjects}?policy=upsert`, { blobs: [{ property: 'sku', type: 'string', data: 'Z' }] }))).object_id).toBe(one.object_id);
    });

    it('without a unique key, ?policy= is ignored and every create is a new object', async () => {
      const a = api(freshKey('nokey'));
      const b = await createBucket(a, 'plain');
      const blob = { blobs: [{ property: 'title', type: 'string', data: 'same' }] };
      const one = await ok(a.post(`/v1/buckets/${b.bucket_id}/objects?policy=update`, blob));
      const two = await ok(a.post(`/v1/buckets/${b.bucket_id}/objects?policy=insert`, blob));
      expect(one.object_id).not.toBe(two.object_id);
    });
  });
});
