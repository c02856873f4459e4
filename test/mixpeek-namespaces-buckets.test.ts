/**
 * Mixpeek namespaces (create, get, list, PATCH, asynchronous DELETE with its
 * task, X-Namespace resolution, the implicit `default` namespace, isolation),
 * buckets (CRUD, lists, asynchronous DELETE), bucket objects (blobs checked
 * against the schema, unique-key policies), and auth / request errors.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/server.js';
import { startServer, useServer } from './support/server.js';
import { type Res } from './support/client.js';
import { mp, mixpeekApi, type MixpeekApi, expectError, freshKey } from './support/mixpeek.js';

function expectValidation(res: Res, type: string, location: Array<string | number>): any {
  const error = expectError(res, 422, 'ValidationError', 'Validation error');
  expect(error.details.validation_errors).toContainEqual(expect.objectContaining({ type, location }));
  return error.details.validation_errors;
}

function nullPaths(value: unknown, at = '$'): string[] {
  if (value === null) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullPaths(v, `${at}[${i}]`));
  if (typeof value === 'object') return Object.entries(value as object).flatMap(([k, v]) => nullPaths(v, `${at}.${k}`));
  return [];
}

const NAIVE6 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const epochMs = (naive: string): number => Date.parse(`${naive}Z`);

const SCHEMA = { properties: { title: { type: 'string' }, description: { type: 'text' }, image: { type: 'image' } } };
const TEXT_V1 = { feature_extractor_name: 'text_extractor', version: 'v1' };

/** The five payload indexes the vendor creates in every namespace. */
const PROTECTED_INDEXES = [
  { field_name: 'internal_id', type: 'keyword', field_schema: { type: 'keyword', is_tenant: true }, is_protected: true },
  { field_name: 'namespace_id', type: 'keyword', field_schema: { type: 'keyword', is_tenant: true }, is_protected: true },
  { field_name: 'collection_id', type: 'keyword', field_schema: { type: 'keyword', is_tenant: true }, is_protected: true },
  { field_name: 'document_id', type: 'keyword', field_schema: { type: 'keyword', is_tenant: false }, is_protected: true },
  { field_name: 'bucket_id', type: 'keyword', field_schema: { type: 'keyword', is_tenant: false }, is_protected: true },
];

describe('Mixpeek namespaces, buckets and objects', () => {
  const ctx = useServer({ providers: ['mixpeek'] });

  const api = (key: string, ns?: string) => mixpeekApi(ctx.url, key, ns);
  type Api = MixpeekApi;

  async function ok(res: Promise<Res>): Promise<any> {
    const r = await res;
    expect(r.status, r.text).toBe(200);
    return r.json;
  }

  const createNs = (key: string, name: string, extra: Record<string, unknown> = {}) => ok(api(key).post('/v1/namespaces', { namespace_name: name, feature_extractors: [TEXT_V1], ...extra }));
  const createBucket = (a: Api, name: string, extra: Record<string, unknown> = {}) => ok(a.post('/v1/buckets', { bucket_name: name, bucket_schema: SCHEMA, ...extra }));
  const task = (key: string, id: string) => ok(api(key).get(`/v1/tasks/${id}`));

  describe('namespaces', () => {
    it('create: ns_ id, the five protected payload indexes first, extractors with ids, no nulls', async () => {
      const key = freshKey('nscreate');
      const ns = await createNs(key, 'production', {
        description: 'Prod data',
        feature_extractors: [TEXT_V1, { feature_extractor_name: 'image_extractor', version: 'v1', params: { model: 'siglip_base' } }],
        payload_indexes: [{ field_name: 'metadata.genre', type: 'keyword' }],
      });
      expect(nullPaths(ns)).toEqual([]);
      expect(ns.namespace_id).toMatch(/^ns_[0-9a-f]{10}$/);
      expect(ns).toMatchObject({ namespace_name: 'production', description: 'Prod data', namespace_type: 'standard', auto_create_indexes: false });
      expect(ns.feature_extractors).toEqual([
        { feature_extractor_name: 'text_extractor', version: 'v1', feature_extractor_id: 'text_extractor_v1' },
        { feature_extractor_name: 'image_extractor', version: 'v1', params: { model: 'siglip_base' }, feature_extractor_id: 'image_extractor_v1' },
      ]);
      expect(ns.payload_indexes.slice(0, 5)).toEqual(PROTECTED_INDEXES);
      expect(ns.payload_indexes.slice(5)).toEqual([expect.objectContaining({ field_name: 'metadata.genre', type: 'keyword' })]);
      expect(ns).toMatchObject({ document_count: 0, bucket_count: 0, collection_count: 0, object_count: 0 });
      expect(ns.created_at).toMatch(NAIVE6);
      expect(ns.updated_at).toBe(ns.created_at);
    });

    it('create: an unknown extractor → 404 with the registry message; a taken name → 409; no extractors → 422', async () => {
      const key = freshKey('nserr');
      const a = api(key);
      const bad = await a.post('/v1/namespaces', { namespace_name: 'x', feature_extractors: [TEXT_V1, { feature_extractor_name: 'text', version: '1.0.0' }] });
      expectError(bad, 404, 'NotFoundError', 'Feature extractor text version 1.0.0 not found in registry.');
      expectError(await a.get('/v1/namespaces/x'), 404, 'NotFoundError');

      await createNs(key, 'taken');
      const dup = await a.post('/v1/namespaces', { namespace_name: 'taken', feature_extractors: [TEXT_V1] });
      expect(expectError(dup, 409, 'AlreadyExistsError', "Namespace with name 'taken' already exists").details).toEqual({ resource: 'namespace', name: 'taken' });

      expectValidation(await a.post('/v1/namespaces', { namespace_name: 'y' }), 'missing', ['body', 'feature_extractors']);
      expectValidation(await a.post('/v1/namespaces', { namespace_name: 'y', feature_extractors: [] }), 'too_short', ['body', 'feature_extractors']);
      expectValidation(await a.post('/v1/namespaces', { feature_extractors: [TEXT_V1] }), 'missing', ['body', 'namespace_name']);
      expect((await a.post('/v1/namespaces/list', {})).json.total_count).toBe(1);
    });

    it('get by id and by name; unknown → 404 {resource: namespace, id}', async () => {
      const key = freshKey('nsget');
      const ns = await createNs(key, 'lookup');
      const a = api(key);
      expect(await ok(a.get(`/v1/namespaces/${ns.namespace_id}`))).toEqual(ns);
      expect(await ok(a.get('/v1/namespaces/lookup'))).toEqual(ns);
      const missing = await a.get('/v1/namespaces/ns_0000000000');
      expect(expectError(missing, 404, 'NotFoundError', 'Namespace not found').details).toEqual({ resource: 'namespace', id: 'ns_0000000000' });
    });

    it('list: results oldest first, pagination, total_count, no stats', async () => {
      const key = freshKey('nslist');
      const a = api(key);
      const names = ['one', 'two', 'three'];
      for (const n of names) {
        await createNs(key, n, { description: `the ${n} namespace` });
        ctx.server.clock.advance(10);
      }
      const all = await ok(a.post('/v1/namespaces/list'));
      expect(Object.keys(all).sort()).toEqual(['pagination', 'results', 'total_count']);
      expect(all.results.map((n: any) => n.namespace_name)).toEqual(names);
      expect(all.total_count).toBe(3);
      expect(all.pagination).toEqual({ page_size: 10 });
      const page = await ok(a.post('/v1/namespaces/list?limit=2&include_total=true', {}));
      expect(page.pagination).toEqual({ page_size: 2, total: 3, page: 1, total_pages: 2, next_cursor: expect.any(String) });
      expect(page.total_count).toBe(3);
      const rest = await ok(a.post(`/v1/namespaces/list?limit=2&cursor=${encodeURIComponent(page.pagination.next_cursor)}`, {}));
      expect(rest.results.map((n: any) => n.namespace_name)).toEqual(['three']);
      expect(rest.pagination).toEqual({ page_size: 2 });
      const search = await ok(a.post('/v1/namespaces/list', { search: 'THE TWO' }));
      expect(search.results.map((n: any) => n.namespace_name)).toEqual(['two']);
      expect(search.total_count).toBe(1);
    });

    it('PATCH renames (409 on a taken name) and sets the description; updated_at moves', async () => {
      const key = freshKey('nspatch');
      const a = api(key);
      const ns = await createNs(key, 'old-name');
      await createNs(key, 'other');
      const taken = await a.patch(`/v1/namespaces/${ns.namespace_id}`, { namespace_name: 'other' });
      expect(expectError(taken, 409, 'AlreadyExistsError').details).toEqual({ resource: 'namespace', name: 'other' });
      ctx.server.clock.advance(3000);
      const updated = await ok(a.patch('/v1/namespaces/old-name', { namespace_name: 'new-name', description: 'described' }));
      expect(updated).toMatchObject({ namespace_id: ns.namespace_id, namespace_name: 'new-name', description: 'described', created_at: ns.created_at });
      expect(epochMs(updated.updated_at) - epochMs(ns.updated_at)).toBe(3000);
      expect(await ok(a.get('/v1/namespaces/new-name'))).toEqual(updated);
      expectError(await a.get('/v1/namespaces/old-name'), 404, 'NotFoundError');
      // Data in it follows the new name.
      await createBucket(api(key, 'new-name'), 'inside');
      expect((await ok(api(key, ns.namespace_id).get('/v1/buckets/inside'))).bucket_name).toBe('inside');
      expectError(await a.patch('/v1/namespaces/ghost', { description: 'x' }), 404, 'NotFoundError');
    });

    it('DELETE answers a task receipt; the namespace is gone at once; the task runs PENDING → IN_PROGRESS → COMPLETED', async () => {
      const key = freshKey('nsdel');
      const a = api(key);
      const ns = await createNs(key, 'doomed');
      const inside = api(key, 'doomed');
      const b = await createBucket(inside, 'photos');
      await ok(inside.post(`/v1/buckets/${b.bucket_id}/objects`, { blobs: [{ property: 'title', type: 'string', data: 'x' }] }));

      const receipt = await ok(a.del(`/v1/namespaces/${ns.namespace_id}`));
      expect(receipt).toEqual({ task_id: expect.stringMatching(/^task_[0-9a-f]{24}$/), status: 'PENDING', namespace_id: ns.namespace_id, namespace_name: 'doomed' });
      expectError(await a.get(`/v1/namespaces/${ns.namespace_id}`), 404, 'NotFoundError');
      expectError(await a.get('/v1/namespaces/doomed'), 404, 'NotFoundError');
      const viaHeader = await api(key, ns.namespace_id).get(`/v1/buckets/${b.bucket_id}`);
      expect(expectError(viaHeader, 404, 'NotFoundError', 'Namespace not found').details).toEqual({ resource: 'namespace', id: ns.namespace_id });
      expect((await ok(a.post('/v1/namespaces/list', {}))).total_count).toBe(0);
      expectError(await a.del(`/v1/namespaces/${ns.namespace_id}`), 404, 'NotFoundError');

      expect(await task(key, receipt.task_id)).toEqual({ task_id: receipt.task_id, task_type: 'api_namespaces_delete', status: 'PENDING', inputs: [{ namespace_id: ns.namespace_id }] });
      ctx.server.clock.advance(1000);
      expect((await task(key, receipt.task_id)).status).toBe('IN_PROGRESS');
      ctx.server.clock.advance(1000);
      expect((await task(key, receipt.task_id)).status).toBe('COMPLETED');
      ctx.server.clock.advance(5000);
      expect((await task(key, receipt.task_id)).status).toBe('COMPLETED');

      // The name is free again, and the new namespace starts empty.
      await createNs(key, 'doomed');
      expect((await ok(api(key, 'doomed').post('/v1/buckets/list', {}))).total_count).toBe(0);
      // Tasks are the organization's: unknown and foreign ids are 404.
      expect(expectError(await a.get('/v1/tasks/task_000000000000000000000000'), 404, 'NotFoundError').details).toEqual({ resource: 'task', id: 'task_000000000000000000000000' });
      expectError(await api(freshKey('stranger')).get(`/v1/tasks/${receipt.task_id}`), 404, 'NotFoundError');
    });

    it("dropping the organisation's data (a tenant reset) stops its unfinished tasks", async () => {
      const key = freshKey('nsreset');
      const ns = await createNs(key, 'doomed');
      await ok(api(key).del(`/v1/namespaces/${ns.namespace_id}`));
      const tenant = ((await (await fetch(`${ctx.url}/__mock/journal?provider=mixpeek&limit=1`)).json()) as { entries: { tenant: string }[] }).entries[0]!.tenant;
      const reset = await fetch(`${ctx.url}/__mock/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider: 'mixpeek', tenant }) });
      expect(await reset.json()).toMatchObject({ scope: 'tenant', tenants: 1, tasks: 1 });
    });
  });

  describe('X-Namespace and isolation', () => {
    it('resolves X-Namespace by id and by name', async () => {
      const key = freshKey('hdr');
      const ns = await createNs(key, 'media');
      const b = await createBucket(api(key, ns.namespace_id), 'videos');
      expect(await ok(api(key, 'media').get(`/v1/buckets/${b.bucket_id}`))).toEqual(b);
      expect((await ok(api(key, 'media').get('/v1/namespaces/media'))).bucket_count).toBe(1);
    });

    it('an unknown X-Namespace → 404 {resource: namespace, id}', async () => {
      const a = api(freshKey('unknownns'), 'nowhere');
      for (const res of [await a.post('/v1/buckets/list', {}), await a.post('/v1/collections/list', {}), await a.get('/v1/collections/anything')]) {
        expect(expectError(res, 404, 'NotFoundError', 'Namespace not found').details).toEqual({ resource: 'namespace', id: 'nowhere' });
      }
    });

    it('no X-Namespace means the implicit `default` namespace', async () => {
      const key = freshKey('default');
      const plain = api(key);
      const b = await createBucket(plain, 'implicit');
      expect(await ok(plain.get('/v1/buckets/implicit'))).toEqual(b);
      // It is a real namespace named default, listed beside the others, with every built-in extractor.
      const other = await createNs(key, 'other');
      const list = await ok(plain.post('/v1/namespaces/list', {}));
      expect(list.results.map((n: any) => n.namespace_name)).toEqual(['default', 'other']);
      const dflt = list.results[0];
      expect(dflt.namespace_id).toMatch(/^ns_[0-9a-f]{10}$/);
      expect(dflt.bucket_count).toBe(1);
      const catalog = await ok(mp(ctx.url, '/v1/collections/features/extractors', { key: null }));
      expect(dflt.feature_extractors.map((e: any) => e.feature_extractor_id)).toEqual(catalog.map((e: any) => e.feature_extractor_id));
      expect(await ok(api(key, 'default').get(`/v1/buckets/${b.bucket_id}`))).toEqual(b);
      expect(await ok(api(key, dflt.namespace_id).get(`/v1/buckets/${b.bucket_id}`))).toEqual(b);
      // Invisible from another namespace.
      expectError(await api(key, other.namespace_id).get(`/v1/buckets/${b.bucket_id}`), 404, 'NotFoundError');
      expect((await ok(api(key, 'other').post('/v1/buckets/list', {}))).total_count).toBe(0);
      // Created once: a second header-less call reuses it.
      await createBucket(plain, 'implicit-2');
      expect((await ok(plain.post('/v1/namespaces/list', {}))).total_count).toBe(2);
    });

    it('names are namespace-scoped: the same bucket name in two namespaces', async () => {
      const key = freshKey('scoped');
      await createNs(key, 'ns-a');
      await createNs(key, 'ns-b');
      const a = await createBucket(api(key, 'ns-a'), 'shared');
      const b = await createBucket(api(key, 'ns-b'), 'shared');
      expect(a.bucket_id).not.toBe(b.bucket_id);
      expect((await ok(api(key, 'ns-a').get('/v1/buckets/shared'))).bucket_id).toBe(a.bucket_id);
      expect((await ok(api(key, 'ns-b').get('/v1/buckets/shared'))).bucket_id).toBe(b.bucket_id);
      expectError(await api(key, 'ns-b').get(`/v1/buckets/${a.bucket_id}`), 404, 'NotFoundError');
    });

    it('another API key sees nothing, and cannot use this key’s namespace', async () => {
      const key = freshKey('owner');
      const ns = await createNs(key, 'private');
      const b = await createBucket(api(key, 'private'), 'secret');
      await createBucket(api(key), 'secret-default');
      const stranger = freshKey('stranger');
      expect((await ok(api(stranger).post('/v1/namespaces/list', {}))).total_count).toBe(0);
      expect((await ok(api(stranger).post('/v1/buckets/list', {}))).total_count).toBe(0);
      expectError(await api(stranger).get(`/v1/namespaces/${ns.namespace_id}`), 404, 'NotFoundError');
      expect(expectError(await api(stranger, ns.namespace_id).get(`/v1/buckets/${b.bucket_id}`), 404, 'NotFoundError').details).toEqual({ resource: 'namespace', id: ns.namespace_id });
      // The stranger may use the same names.
      await createNs(stranger, 'private');
      await createBucket(api(stranger, 'private'), 'secret');
    });
  });

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
      const withAll = await createBucket(a, 'described', { description: 'd', metadata: { team: 'search' }, unique_key: { fields: ['title'], default_policy: 'upsert' } });
      expect(withAll).toMatchObject({ description: 'd', metadata: { team: 'search' }, unique_key: { fields: ['title'], default_policy: 'upsert' } });
      const dup = await a.post('/v1/buckets', { bucket_name: 'product-catalog', bucket_schema: SCHEMA });
      expect(expectError(dup, 409, 'AlreadyExistsError', "Bucket with name 'product-catalog' already exists").details).toEqual({ resource: 'bucket', name: 'product-catalog' });
      expect((await ok(a.post('/v1/buckets/list', {}))).total_count).toBe(2);
    });

    it('create: a field type outside the enum, or no schema → 422', async () => {
      const a = api(freshKey('bbad'));
      const bad = await a.post('/v1/buckets', { bucket_name: 'x', bucket_schema: { properties: { title: { type: 'json' } } } });
      expectValidation(bad, 'enum', ['body', 'bucket_schema', 'properties', 'title', 'type']);
      expectValidation(await a.post('/v1/buckets', { bucket_name: 'x' }), 'missing', ['body', 'bucket_schema']);
      expectValidation(await a.post('/v1/buckets', { bucket_name: 'x', bucket_schema: { properties: { t: {} } } }), 'missing', ['body', 'bucket_schema', 'properties', 't', 'type']);
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
      expect(expectError(await a.patch('/v1/buckets/first', { bucket_name: 'second' }), 409, 'AlreadyExistsError').details).toEqual({ resource: 'bucket', name: 'second' });
      ctx.server.clock.advance(2000);
      const updated = await ok(a.patch(`/v1/buckets/${b.bucket_id}`, { bucket_name: 'renamed', description: 'now with text', metadata: { team: 'search' }, bucket_schema: { properties: {} } }));
      expect(updated).toMatchObject({ bucket_id: b.bucket_id, bucket_name: 'renamed', description: 'now with text', metadata: { team: 'search' }, bucket_schema: SCHEMA, created_at: b.created_at });
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
      expect(receipt).toEqual({ task_id: expect.stringMatching(/^task_[0-9a-f]{24}$/), status: 'PENDING', bucket_id: b.bucket_id, bucket_name: 'doomed', object_count: 2 });
      expect((await ok(a.get(`/v1/buckets/${b.bucket_id}`))).status).toBe('IN_PROGRESS');
      expect((await ok(a.post('/v1/buckets/list', {}))).results[0].status).toBe('IN_PROGRESS');
      // No new objects, no new collections on it, no second delete.
      expect(expectError(await a.post(`/v1/buckets/${b.bucket_id}/objects`, { blobs: [] }), 404, 'NotFoundError').details).toEqual({ resource: 'bucket', id: b.bucket_id });
      const col = await a.post('/v1/collections', { collection_name: 'late', source: { type: 'bucket', bucket_ids: [b.bucket_id] }, feature_extractor: TEXT_V1 });
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
        expect.objectContaining({ property: 'image', type: 'image', properties: { alt: 'front' }, details: expect.objectContaining({ filename: 'headphones.jpg' }) }),
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
      const post = (blob: Record<string, unknown>) => a.post(`/v1/buckets/${b.bucket_id}/objects`, { blobs: [{ property: 'title', type: 'string', data: 'ok' }, blob] });
      expectError(await post({ property: 'price', type: 'number', data: 3 }), 400, 'BadRequestError', /price/);
      expectError(await post({ property: 'image', type: 'video', data: 'https://example.com/a.mp4' }), 400, 'BadRequestError', /video/);
      expectValidation(await post({ property: 'title', type: 'string', data: 'x', upload_id: 'upl_abc' }), 'value_error', ['body', 'blobs', 1]);
      expectValidation(await post({ property: 'title', type: 'string' }), 'value_error', ['body', 'blobs', 1]);
      expectValidation(await post({ property: 'title', type: 'string', upload_id: 'nope' }), 'string_pattern_mismatch', ['body', 'blobs', 1, 'upload_id']);
      expectValidation(await post({ property: 'title', type: 'json', data: 'x' }), 'enum', ['body', 'blobs', 1, 'type']);
      expect((await ok(a.post(`/v1/buckets/${b.bucket_id}/objects`, { blobs: [{ property: 'title', type: 'string', upload_id: 'upl_abc123' }] }))).status).toBe('DRAFT');
      expect((await ok(a.get(`/v1/buckets/${b.bucket_id}`))).object_count).toBe(1);
      expectError(await a.post('/v1/buckets/bkt_missing/objects', { blobs: [] }), 404, 'NotFoundError');
    });

    it('create: extra top-level fields are echoed, but not over the fields the reply computes', async () => {
      const a = api(freshKey('oextra'));
      const b = await createBucket(a, 'products');
      const obj = await ok(a.post(`/v1/buckets/${b.bucket_id}/objects`, { blobs: [], source: 'crawler', status: 'COMPLETED', error: 5, object_id: 'obj_mine', created_at: 'yesterday' }));
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
        ids.push((await ok(a.post(`/v1/buckets/products/objects`, { key_prefix: `/p/${i}`, blobs: [{ property: 'title', type: 'string', data: `t${i}` }] }))).object_id);
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
      expect(expectError(await a.get(`/v1/buckets/${b.bucket_id}/objects/${ids[0]}`), 404, 'NotFoundError').details).toEqual({ resource: 'object', id: ids[0] });
      expectError(await a.del(`/v1/buckets/${b.bucket_id}/objects/${ids[0]}`), 404, 'NotFoundError');
      expect((await ok(a.get(`/v1/buckets/${b.bucket_id}`))).object_count).toBe(2);
      // An object is found only in its own bucket.
      const other = await createBucket(a, 'other');
      expectError(await a.get(`/v1/buckets/${other.bucket_id}/objects/${ids[1]}`), 404, 'NotFoundError');
    });

    it('unique keys: insert on an existing key → 409, update on a missing one → 404, upsert replaces; no policy → 400', async () => {
      const a = api(freshKey('ukey'));
      const b = await createBucket(a, 'skus', { bucket_schema: { properties: { sku: { type: 'string' }, description: { type: 'text' } } }, unique_key: { fields: ['sku'] } });
      const objects = `/v1/buckets/${b.bucket_id}/objects`;
      const body = (sku: string, text: string) => ({ blobs: [{ property: 'sku', type: 'string', data: sku }, { property: 'description', type: 'text', data: text }] });

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
      const d = await createBucket(a, 'skus-default', { bucket_schema: { properties: { sku: { type: 'string' } } }, unique_key: { fields: ['sku'], default_policy: 'insert' } });
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

  describe('auth and request errors', () => {
    it('no Authorization → 401; a non-Bearer header → 401; auth is checked before the namespace', async () => {
      const none = await mp(ctx.url, '/v1/buckets/list', { method: 'POST', key: null, json: {} });
      expectError(none, 401, 'UnauthorizedError', 'Authorization header is required');
      const basic = await mp(ctx.url, '/v1/buckets/list', { method: 'POST', headers: { authorization: 'Basic dXNlcjpwYXNz' }, json: {} });
      expectError(basic, 401, 'UnauthorizedError', 'Invalid authorization header format');
      const bare = await mp(ctx.url, '/v1/namespaces/list', { method: 'POST', headers: { authorization: 'sk_live_nobearer' }, json: {} });
      expectError(bare, 401, 'UnauthorizedError', 'Invalid authorization header format');
      const withNs = await mp(ctx.url, '/v1/collections/list', { method: 'POST', key: null, ns: 'nowhere', json: {} });
      expectError(withNs, 401, 'UnauthorizedError', 'Authorization header is required');
      // Any non-empty bearer token is a key (no prefix check) when no key list is configured.
      expect((await mp(ctx.url, '/v1/namespaces/list', { method: 'POST', key: 'anything-goes', json: {} })).status).toBe(200);
    });

    it('authenticated replies, errors included, report a rate-limit window; refused ones do not', async () => {
      for (const res of [
        await mp(ctx.url, '/v1/namespaces/list', { method: 'POST', key: 'rl-key', json: {} }),
        await mp(ctx.url, '/v1/buckets/nope', { key: 'rl-key' }),
      ]) {
        expect(res.headers.get('x-ratelimit-limit')).toBe('600');
        expect(res.headers.get('x-ratelimit-remaining')).toBe('600');
        expect(res.headers.get('x-ratelimit-window')).toBe('60');
        expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      }
      expect((await mp(ctx.url, '/v1/buckets/list', { method: 'POST', key: null, json: {} })).headers.get('x-ratelimit-limit')).toBeNull();
    });

    it('the extractor catalog needs no key', async () => {
      const list = await mp(ctx.url, '/v1/collections/features/extractors', { key: null });
      expect(list.status, list.text).toBe(200);
      expect(list.json.map((e: any) => e.feature_extractor_id)).toEqual(expect.arrayContaining(['text_extractor_v1', 'image_extractor_v1', 'multimodal_extractor_v1', 'passthrough_extractor_v1']));
      const one = await mp(ctx.url, '/v1/collections/features/extractors/text_extractor_v1', { key: null });
      expect(one.status, one.text).toBe(200);
      expect(one.json).toMatchObject({ feature_extractor_name: 'text_extractor', version: 'v1', feature_extractor_id: 'text_extractor_v1' });
      expect(one.json.required_vector_indexes[0].index).toMatchObject({ name: 'text_extractor_v1_embedding', dimensions: 1024 });
      const missing = await mp(ctx.url, '/v1/collections/features/extractors/nope_v1', { key: null });
      expect(expectError(missing, 404, 'NotFoundError').details).toEqual({ resource: 'feature_extractor', id: 'nope_v1' });
    });

    it('an unknown route → 404 Not Found; a wrong method → 405', async () => {
      expectError(await mp(ctx.url, '/v1/taxonomies'), 404, 'NotFoundError', 'Not Found');
      expectError(await mp(ctx.url, '/v1/retrievers'), 405, 'MethodNotAllowedError');
      expectError(await mp(ctx.url, '/v2/collections/list', { method: 'POST', json: {} }), 404, 'NotFoundError', 'Not Found');
      expectError(await mp(ctx.url, '/v1/collections/list', { method: 'PUT', json: {} }), 405, 'MethodNotAllowedError');
      expectError(await mp(ctx.url, '/v1/buckets', { method: 'PUT', json: {} }), 405, 'MethodNotAllowedError');
      expectError(await mp(ctx.url, '/v1/tasks/task_x', { method: 'DELETE' }), 405, 'MethodNotAllowedError');
      // GET on a static list path is a lookup by name under the identifier route.
      expect(expectError(await mp(ctx.url, '/v1/buckets/list'), 404, 'NotFoundError').details).toEqual({ resource: 'bucket', id: 'list' });
      // Mixpeek's 2025 bucket routes (POST /v1/buckets/create created, POST /v1/buckets listed) are not
      // served, since that meaning of POST /v1/buckets would break current clients: /v1/buckets/create
      // is a bucket named "create".
      expectError(await mp(ctx.url, '/v1/buckets/create', { method: 'POST', json: { bucket_name: 'x', bucket_schema: SCHEMA } }), 405, 'MethodNotAllowedError');
    });

    it('malformed JSON → 422 json_invalid at [body, offset]; a non-JSON body → 422 model_attributes_type at [body]', async () => {
      const key = freshKey('json');
      const broken = await mp(ctx.url, '/v1/buckets', { method: 'POST', key, headers: { 'content-type': 'application/json' }, body: '{"bucket_name": "x",' });
      // The offset is the character where Python's json parser gives up.
      const errors = expectValidation(broken, 'json_invalid', ['body', 20]);
      expect(errors).toEqual([{ type: 'json_invalid', location: ['body', 20], message: 'JSON decode error' }]);
      const trailing = await mp(ctx.url, '/v1/namespaces', { method: 'POST', key, headers: { 'content-type': 'application/json' }, body: '{"a": 1,}' });
      expectValidation(trailing, 'json_invalid', ['body', 8]);
      const text = await mp(ctx.url, '/v1/buckets', { method: 'POST', key, headers: { 'content-type': 'text/plain' }, body: 'bucket_name=x' });
      expectValidation(text, 'model_attributes_type', ['body']);
      const missing = await mp(ctx.url, '/v1/buckets', { method: 'POST', key });
      expect(missing.status, missing.text).toBe(422);
      expect(missing.json.status).toBe(422);
      const array = await mp(ctx.url, '/v1/buckets', { method: 'POST', key, json: [] });
      expectValidation(array, 'model_attributes_type', ['body']);
      expect((await ok(api(key).post('/v1/buckets/list', {}))).total_count).toBe(0);
    });
  });
});

describe('Mixpeek with a key file', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({
      providers: ['mixpeek'],
      apiKeys: { mixpeek: [{ key: 'sk_live_a', organization: 'org_1' }, { key: 'sk_live_b', organization: 'org_1' }, { key: 'sk_live_c' }] },
    });
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    expect(server.selfCheckFailures.splice(0), 'replies that break the spec').toEqual([]);
  });

  it('an unlisted key → 401 Invalid API key', async () => {
    expectError(await mp(server.url, '/v1/namespaces/list', { method: 'POST', key: 'sk_live_z', json: {} }), 401, 'UnauthorizedError', 'Invalid API key');
    expectError(await mp(server.url, '/v1/namespaces/list', { method: 'POST', key: null, json: {} }), 401, 'UnauthorizedError', 'Authorization header is required');
  });

  it('two keys of one organization share its data; a key of another organization does not', async () => {
    const created = await mp(server.url, '/v1/namespaces', { method: 'POST', key: 'sk_live_a', json: { namespace_name: 'shared', feature_extractors: [TEXT_V1] } });
    expect(created.status, created.text).toBe(200);
    const bucket = await mp(server.url, '/v1/buckets', { method: 'POST', key: 'sk_live_a', ns: 'shared', json: { bucket_name: 'b', bucket_schema: SCHEMA } });
    expect(bucket.status, bucket.text).toBe(200);
    const seen = await mp(server.url, `/v1/buckets/${bucket.json.bucket_id}`, { key: 'sk_live_b', ns: created.json.namespace_id });
    expect(seen.status, seen.text).toBe(200);
    expect(seen.json).toEqual(bucket.json);
    const dup = await mp(server.url, '/v1/namespaces', { method: 'POST', key: 'sk_live_b', json: { namespace_name: 'shared', feature_extractors: [TEXT_V1] } });
    expectError(dup, 409, 'AlreadyExistsError');
    const other = await mp(server.url, '/v1/namespaces/list', { method: 'POST', key: 'sk_live_c', json: {} });
    expect(other.json.total_count).toBe(0);
    expectError(await mp(server.url, `/v1/buckets/${bucket.json.bucket_id}`, { key: 'sk_live_c', ns: created.json.namespace_id }), 404, 'NotFoundError');
  });

  it('the extractor catalog still needs no key', async () => {
    const res = await mp(server.url, '/v1/collections/features/extractors', { key: null });
    expect(res.status, res.text).toBe(200);
    expect(res.json.length).toBeGreaterThan(0);
  });
});
