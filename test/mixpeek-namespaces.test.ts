/**
 * Mixpeek namespaces: create, get, list, PATCH, asynchronous DELETE with its
 * task; X-Namespace resolution, the implicit `default` namespace, and
 * isolation between organisations.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { ok } from './support/client.js';
import { TEXT_V1, NAIVE6, expectError, expectValidation, freshKey, mixpeekApi, mp, nullPaths, type MixpeekApi } from './support/mixpeek.js';

const SCHEMA = { properties: { title: { type: 'string' }, description: { type: 'text' }, image: { type: 'image' } } };
const epochMs = (naive: string): number => Date.parse(`${naive}Z`);

/** The five payload indexes the vendor creates in every namespace. */
const PROTECTED_INDEXES = [
  { field_name: 'internal_id', type: 'keyword', field_schema: { type: 'keyword', is_tenant: true }, is_protected: true },
  { field_name: 'namespace_id', type: 'keyword', field_schema: { type: 'keyword', is_tenant: true }, is_protected: true },
  { field_name: 'collection_id', type: 'keyword', field_schema: { type: 'keyword', is_tenant: true }, is_protected: true },
  { field_name: 'document_id', type: 'keyword', field_schema: { type: 'keyword', is_tenant: false }, is_protected: true },
  { field_name: 'bucket_id', type: 'keyword', field_schema: { type: 'keyword', is_tenant: false }, is_protected: true },
];

describe('Mixpeek namespaces', () => {
  const ctx = useServer({ providers: ['mixpeek'] });

  const api = (key: string, ns?: string) => mixpeekApi(ctx.url, key, ns);
  type Api = MixpeekApi;

  const createNs = (key: string, name: string, extra: Record<string, unknown> = {}) =>
    ok(api(key).post('/v1/namespaces', { namespace_name: name, feature_extractors: [TEXT_V1], ...extra }));
  const createBucket = (a: Api, name: string, extra: Record<string, unknown> = {}) =>
    ok(a.post('/v1/buckets', { bucket_name: name, bucket_schema: SCHEMA, ...extra }));
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
      expect(expectError(dup, 409, 'AlreadyExistsError', "Namespace with name 'taken' already exists").details).toEqual({
        resource: 'namespace',
        name: 'taken',
      });

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
      expect(receipt).toEqual({
        task_id: expect.stringMatching(/^task_[0-9a-f]{24}$/),
        status: 'PENDING',
        namespace_id: ns.namespace_id,
        namespace_name: 'doomed',
      });
      expectError(await a.get(`/v1/namespaces/${ns.namespace_id}`), 404, 'NotFoundError');
      expectError(await a.get('/v1/namespaces/doomed'), 404, 'NotFoundError');
      const viaHeader = await api(key, ns.namespace_id).get(`/v1/buckets/${b.bucket_id}`);
      expect(expectError(viaHeader, 404, 'NotFoundError', 'Namespace not found').details).toEqual({ resource: 'namespace', id: ns.namespace_id });
      expect((await ok(a.post('/v1/namespaces/list', {}))).total_count).toBe(0);
      expectError(await a.del(`/v1/namespaces/${ns.namespace_id}`), 404, 'NotFoundError');

      expect(await task(key, receipt.task_id)).toEqual({
        task_id: receipt.task_id,
        task_type: 'api_namespaces_delete',
        status: 'PENDING',
        inputs: [{ namespace_id: ns.namespace_id }],
      });
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
      expect(expectError(await a.get('/v1/tasks/task_000000000000000000000000'), 404, 'NotFoundError').details).toEqual({
        resource: 'task',
        id: 'task_000000000000000000000000',
      });
      expectError(await api(freshKey('stranger')).get(`/v1/tasks/${receipt.task_id}`), 404, 'NotFoundError');
    });

    it("dropping the organisation's data (a tenant reset) stops its unfinished tasks", async () => {
      const key = freshKey('nsreset');
      const ns = await createNs(key, 'doomed');
      await ok(api(key).del(`/v1/namespaces/${ns.namespace_id}`));
      const tenant = ((await (await fetch(`${ctx.url}/__mock/journal?provider=mixpeek&limit=1`)).json()) as { entries: { tenant: string }[] }).entries[0]!
        .tenant;
      const reset = await fetch(`${ctx.url}/__mock/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ provider: 'mixpeek', tenant }),
      });
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
      expect(expectError(await api(stranger, ns.namespace_id).get(`/v1/buckets/${b.bucket_id}`), 404, 'NotFoundError').details).toEqual({
        resource: 'namespace',
        id: ns.namespace_id,
      });
      // The stranger may use the same names.
      await createNs(stranger, 'private');
      await createBucket(api(stranger, 'private'), 'secret');
    });
  });
});
