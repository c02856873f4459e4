/**
 * Mixpeek processing: namespace → bucket → collection (the legacy create
 * request, verbatim) → object with ?auto_process=true → DRAFT → PENDING → PROCESSING →
 * COMPLETED on the manual clock → one document per feeding collection. Which
 * objects feed which collections (prefix_key, the legacy request's filter, enabled),
 * cancellation, and the documents API (list, get, delete).
 */
import { describe, expect, it } from 'vitest';
import { embedLocally } from '../src/core/retrieval/embed.js';
import { useServer } from './support/server.js';
import { ok } from './support/client.js';
import { mixpeekApi, type MixpeekApi, PEOPLE_SCHEMA, expectError, legacyRequest, freshKey } from './support/mixpeek.js';

/** A person that passes every part of the legacy request's filter (and its prefix). */
const JOHN = { name: 'John', age: 35, status: 'active', role: 'engineer', department: 'Sales', location: 'office' };

describe('Mixpeek processing', () => {
  const ctx = useServer({ providers: ['mixpeek'] });
  const advance = (ms: number) => ctx.server.clock.advance(ms);

  const api = (key: string, ns?: string) => mixpeekApi(ctx.url, key, ns);
  type Api = MixpeekApi;

  /** A fresh organization with a namespace `people-ns` and a bucket `people` in it. */
  async function world(label: string): Promise<{ key: string; a: Api; nsId: string; bucketId: string }> {
    const key = freshKey(label);
    const ns = await ok(
      api(key).post('/v1/namespaces', { namespace_name: 'people-ns', feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }] }),
    );
    const a = api(key, 'people-ns');
    const b = await ok(a.post('/v1/buckets', { bucket_name: 'people', bucket_schema: PEOPLE_SCHEMA }));
    return { key, a, nsId: ns.namespace_id, bucketId: b.bucket_id };
  }

  /** Registers a person (metadata carries the filter fields, one text blob) and returns the object. */
  function person(a: Api, bucketId: string, metadata: Record<string, unknown>, options: { prefix?: string; auto?: boolean } = {}): Promise<any> {
    const query = options.auto === false ? '' : '?auto_process=true';
    return ok(
      a.post(`/v1/buckets/${bucketId}/objects${query}`, {
        key_prefix: options.prefix ?? '<string>/people',
        metadata,
        blobs: [{ property: 'bio', type: 'text', data: `Bio of ${String(metadata.name)}` }],
      }),
    );
  }

  const documents = async (a: Api, collection: string, body: unknown = {}, query = ''): Promise<any> =>
    ok(a.post(`/v1/collections/${collection}/documents/list${query}`, body));
  const statusOf = async (a: Api, bucketId: string, objectId: string): Promise<string> =>
    (await ok(a.get(`/v1/buckets/${bucketId}/objects/${objectId}`))).status;

  it('the whole chain: legacy-form collection, auto-processed object, one document with lineage, blobs and counts', async () => {
    const { a, nsId, bucketId } = await world('chain');
    const col = await ok(a.post('/v1/collections/create', legacyRequest(bucketId)));
    expect(col.document_count).toBe(0);

    // Registered as a DRAFT, the object is submitted at once: the reply already says PENDING.
    const draft = await person(a, bucketId, JOHN, { auto: false });
    expect(draft.status).toBe('DRAFT');
    const obj = await person(a, bucketId, { ...JOHN, age: 31 });
    expect(obj.status).toBe('PENDING');
    expect(await statusOf(a, bucketId, obj.object_id)).toBe('PENDING');
    expect((await documents(a, col.collection_id)).results).toEqual([]);
    advance(1000);
    expect(await statusOf(a, bucketId, obj.object_id)).toBe('PROCESSING');
    expect((await documents(a, col.collection_id)).results).toEqual([]);
    advance(1000);
    const done = await ok(a.get(`/v1/buckets/${bucketId}/objects/${obj.object_id}`));
    expect(done.status).toBe('COMPLETED');
    expect(await statusOf(a, bucketId, draft.object_id)).toBe('DRAFT');
    expect(Date.parse(`${done.updated_at}Z`) - Date.parse(`${obj.created_at}Z`)).toBe(2000);

    const list = await documents(a, col.collection_id);
    expect(Object.keys(list).sort()).toEqual(['pagination', 'results']);
    expect(list.results).toHaveLength(1);
    const doc = list.results[0];
    expect(doc.document_id).toMatch(/^doc_[0-9a-f]{24}$/);
    expect(doc.collection_id).toBe(col.collection_id);
    expect(doc._internal).toMatchObject({
      namespace_id: nsId,
      document_id: doc.document_id,
      collection_id: col.collection_id,
      lineage: {
        root_object_id: obj.object_id,
        root_bucket_id: bucketId,
        source_type: 'bucket',
        source_object_id: obj.object_id,
        path: `${bucketId}/${col.collection_id}`,
      },
      metadata: { ingestion_status: 'COMPLETED' },
    });
    expect(doc._internal.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(doc.document_blobs).toEqual([{ field: 'bio', url: expect.any(String), role: 'source', type: 'text' }]);
    // No vectors unless asked for.
    expect(doc).not.toHaveProperty('text_extractor_v1_embedding');

    expect((await ok(a.get(`/v1/collections/${col.collection_id}`))).document_count).toBe(1);
    expect((await ok(a.get('/v1/collections/<string>'))).document_count).toBe(1);
    const ns = await ok(a.get(`/v1/namespaces/${nsId}`));
    expect(ns).toMatchObject({ document_count: 1, object_count: 2, collection_count: 1, bucket_count: 1 });

    // A finished object does not produce again.
    advance(10_000);
    expect((await documents(a, col.collection_id)).results).toHaveLength(1);
  });

  it("vectors only with return_vectors: the text extractor's is the embedding of the text it read (the server's embedder), the same on every read", async () => {
    const { a, bucketId } = await world('vectors');
    const col = await ok(a.post('/v1/collections/create', legacyRequest(bucketId)));
    await person(a, bucketId, JOHN);
    advance(2000);
    const [doc] = (await documents(a, col.collection_id)).results;
    const path = `/v1/collections/${col.collection_id}/documents/${doc.document_id}`;

    const plain = await ok(a.get(path));
    expect(plain).toEqual(doc);
    expect(plain).not.toHaveProperty('text_extractor_v1_embedding');
    expect(await ok(a.get(`${path}?return_vectors=false`))).toEqual(doc);

    const one = await ok(a.get(`${path}?return_vectors=true`));
    const vector = one.text_extractor_v1_embedding;
    // The text the extractor read (the object's text blob, no input mapping given) is the document's `text`.
    expect(one.text).toBe('Bio of John');
    expect(doc.text).toBe('Bio of John');
    expect(Array.isArray(vector)).toBe(true);
    // The server runs the local embedder (no --embeddings-url).
    expect(vector).toEqual(Array.from(embedLocally('Bio of John')));
    expect(vector.every((x: unknown) => typeof x === 'number' && Number.isFinite(x))).toBe(true);
    expect(new Set(vector).size).toBeGreaterThan(1);
    const two = await ok(a.get(`${path}?return_vectors=true`));
    expect(two).toEqual(one);
    const listed = await documents(a, col.collection_id, { return_vectors: true });
    expect(listed.results[0].text_extractor_v1_embedding).toEqual(vector);

    // Another object with the same text has the same vector; one with another text, another vector.
    await person(a, bucketId, { ...JOHN, age: 40 });
    await ok(
      a.post(`/v1/buckets/${bucketId}/objects?auto_process=true`, {
        key_prefix: '<string>/people',
        metadata: JOHN,
        blobs: [{ property: 'bio', type: 'text', data: 'John again, in other words' }],
      }),
    );
    advance(2000);
    const all = await documents(a, col.collection_id, { return_vectors: true });
    expect(all.results.map((d: any) => d.text)).toEqual(['Bio of John', 'Bio of John', 'John again, in other words']);
    expect(all.results[1].text_extractor_v1_embedding).toEqual(vector);
    expect(all.results[2].text_extractor_v1_embedding).not.toEqual(vector);
  });

  it("the legacy request's filter: AND age >= 30, OR status/role, NOT department/location, case-sensitive; prefix_key selects too", async () => {
    const { a, bucketId } = await world('filter');
    const col = await ok(a.post('/v1/collections/create', legacyRequest(bucketId)));
    // The same filter without case sensitivity and without a prefix, for contrast.
    const loose = legacyRequest(bucketId);
    loose.collection_name = 'loose';
    loose.source.filters.case_sensitive = false;
    const { prefix_key: _p, ...looseSource } = loose.source;
    const looseCol = await ok(a.post('/v1/collections/create', { ...loose, source: looseSource }));

    const cases: Array<[string, Record<string, unknown>, { prefix?: string }, boolean, boolean]> = [
      // label, metadata, options, feeds the legacy-form collection, feeds the loose one
      ['passes everything', JOHN, {}, true, true],
      ['OR through role admin', { ...JOHN, status: 'inactive', role: 'admin' }, {}, true, true],
      ['age exactly 30', { ...JOHN, age: 30 }, {}, true, true],
      ['AND fails on name', { ...JOHN, name: 'Jane' }, {}, false, false],
      ['AND fails on age', { ...JOHN, age: 29 }, {}, false, false],
      ['OR fails on both', { ...JOHN, status: 'inactive', role: 'user' }, {}, false, false],
      ['NOT fails on department', { ...JOHN, department: 'HR' }, {}, false, false],
      ['NOT fails on location', { ...JOHN, location: 'remote' }, {}, false, false],
      ['case matters', { ...JOHN, name: 'john' }, {}, false, true],
      ['case matters in NOT', { ...JOHN, department: 'hr' }, {}, true, false],
      ['prefix does not match', JOHN, { prefix: 'other/<string>' }, false, true],
      ['no age at all', { name: 'John', status: 'active', department: 'Sales', location: 'office' }, {}, false, false],
    ];
    const made: Array<{ label: string; id: string; strict: boolean; loose: boolean }> = [];
    for (const [label, metadata, options, strict, looseOk] of cases) {
      const o = await person(a, bucketId, metadata, options);
      made.push({ label, id: o.object_id, strict, loose: looseOk });
    }
    advance(2000);
    const roots = async (c: string) => ((await documents(a, c, {}, '?limit=100')).results as any[]).map((d) => d._internal.lineage.root_object_id).sort();
    const labels = (ids: string[]) => made.filter((m) => ids.includes(m.id)).map((m) => m.label);
    expect(labels(await roots(col.collection_id))).toEqual(made.filter((m) => m.strict).map((m) => m.label));
    expect(labels(await roots(looseCol.collection_id))).toEqual(made.filter((m) => m.loose).map((m) => m.label));
    // Every object completed, fed or not.
    for (const m of made) expect(await statusOf(a, bucketId, m.id)).toBe('COMPLETED');
    expect((await ok(a.get(`/v1/collections/${col.collection_id}`))).document_count).toBe(made.filter((m) => m.strict).length);
  });

  it('current-form source_filters and field_passthrough put the passed fields on the document', async () => {
    const { a, bucketId } = await world('passthrough');
    const col = await ok(
      a.post('/v1/collections', {
        collection_name: 'adults',
        source: { type: 'bucket', bucket_ids: [bucketId], source_filters: { filters: { AND: [{ field: 'age', operator: 'gte', value: 18 }] } } },
        feature_extractor: {
          feature_extractor_name: 'text_extractor',
          version: 'v1',
          input_mappings: { text: 'bio' },
          field_passthrough: [{ source_path: 'name' }, { source_path: 'age', target_path: 'years' }, { source_path: 'nickname', default: 'none' }],
        },
      }),
    );
    expect(col.output_schema.properties).toMatchObject({ name: { type: 'string' }, years: { type: 'integer' }, nickname: { type: 'string' } });
    await person(a, bucketId, { name: 'Ada', age: 36 });
    await person(a, bucketId, { name: 'Kid', age: 9 });
    advance(2000);
    const { results } = await documents(a, 'adults');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ name: 'Ada', years: 36, nickname: 'none' });
    expect(results[0]).not.toHaveProperty('age');
  });

  it('every enabled collection on the bucket gets its own document; a disabled one gets none until enabled', async () => {
    const { a, bucketId } = await world('enabled');
    const body = (name: string, enabled: boolean) => ({
      collection_name: name,
      enabled,
      source: { type: 'bucket', bucket_ids: [bucketId] },
      feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
    });
    const on = await ok(a.post('/v1/collections', body('is-on', true)));
    const also = await ok(a.post('/v1/collections', body('also-on', true)));
    const off = await ok(a.post('/v1/collections', body('off', false)));
    expect(off.enabled).toBe(false);
    // A collection on another bucket gets nothing.
    const otherBucket = await ok(a.post('/v1/buckets', { bucket_name: 'elsewhere', bucket_schema: PEOPLE_SCHEMA }));
    const elsewhere = await ok(a.post('/v1/collections', { ...body('elsewhere', true), source: { type: 'bucket', bucket_ids: [otherBucket.bucket_id] } }));

    const first = await person(a, bucketId, JOHN);
    advance(2000);
    const count = async (c: any) => (await ok(a.get(`/v1/collections/${c.collection_id}`))).document_count;
    expect([await count(on), await count(also), await count(off), await count(elsewhere)]).toEqual([1, 1, 0, 0]);
    const [d1] = (await documents(a, 'is-on')).results;
    const [d2] = (await documents(a, 'also-on')).results;
    expect(d1._internal.lineage.root_object_id).toBe(first.object_id);
    expect(d2._internal.lineage.root_object_id).toBe(first.object_id);
    expect(d1.document_id).not.toBe(d2.document_id);

    // Disabling stops new documents; enabling starts them (nothing is back-filled).
    await ok(a.patch('/v1/collections/is-on', { enabled: false }));
    await ok(a.patch('/v1/collections/off', { enabled: true }));
    await person(a, bucketId, { ...JOHN, name: 'Second' });
    advance(2000);
    expect([await count(on), await count(also), await count(off)]).toEqual([1, 2, 1]);
  });

  it('objects without auto_process stay DRAFT and make no documents', async () => {
    const { a, bucketId } = await world('draft');
    const col = await ok(a.post('/v1/collections/create', legacyRequest(bucketId)));
    const obj = await person(a, bucketId, JOHN, { auto: false });
    const explicit = await ok(a.post(`/v1/buckets/${bucketId}/objects?auto_process=false`, { key_prefix: '<string>', metadata: JOHN, blobs: [] }));
    expect(obj.status).toBe('DRAFT');
    advance(10_000);
    expect(await statusOf(a, bucketId, obj.object_id)).toBe('DRAFT');
    expect(await statusOf(a, bucketId, explicit.object_id)).toBe('DRAFT');
    expect((await documents(a, col.collection_id)).results).toEqual([]);
    expect((await ok(a.get(`/v1/collections/${col.collection_id}`))).document_count).toBe(0);
  });

  it('deleting an object mid-processing cancels it; deleting a finished one keeps its documents', async () => {
    const { a, bucketId } = await world('cancel');
    const col = await ok(a.post('/v1/collections/create', legacyRequest(bucketId)));
    const early = await person(a, bucketId, JOHN);
    const late = await person(a, bucketId, { ...JOHN, name: 'John', age: 50 });
    advance(1000);
    expect(await statusOf(a, bucketId, early.object_id)).toBe('PROCESSING');
    expect((await a.del(`/v1/buckets/${bucketId}/objects/${early.object_id}`)).status).toBe(204);
    advance(5000);
    const { results } = await documents(a, col.collection_id);
    expect(results.map((d: any) => d._internal.lineage.root_object_id)).toEqual([late.object_id]);

    expect((await a.del(`/v1/buckets/${bucketId}/objects/${late.object_id}`)).status).toBe(204);
    expect((await documents(a, col.collection_id)).results).toHaveLength(1);

    // A PENDING object deleted before its first step makes nothing either.
    const pending = await person(a, bucketId, { ...JOHN, age: 60 });
    expect((await a.del(`/v1/buckets/${bucketId}/objects/${pending.object_id}`)).status).toBe(204);
    advance(5000);
    expect((await documents(a, col.collection_id)).results).toHaveLength(1);
  });

  it('deleting the bucket mid-processing cancels its objects', async () => {
    const { a, bucketId } = await world('bucketcancel');
    const col = await ok(a.post('/v1/collections/create', legacyRequest(bucketId)));
    await person(a, bucketId, JOHN);
    await ok(a.del(`/v1/buckets/${bucketId}`));
    advance(5000);
    expect((await documents(a, col.collection_id)).results).toEqual([]);
    // The collection keeps its source.
    expect((await ok(a.get(`/v1/collections/${col.collection_id}`))).source.bucket_ids).toEqual([bucketId]);
  });

  it('an upsert of an object mid-processing restarts it: one document, from the new content', async () => {
    const { a } = await world('upsert');
    const b = await ok(
      a.post('/v1/buckets', { bucket_name: 'keyed', bucket_schema: PEOPLE_SCHEMA, unique_key: { fields: ['name'], default_policy: 'upsert' } }),
    );
    const col = await ok(
      a.post('/v1/collections', {
        collection_name: 'keyed-docs',
        source: { type: 'bucket', bucket_ids: [b.bucket_id] },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1', field_passthrough: [{ source_path: 'age' }] },
      }),
    );
    const first = await person(a, b.bucket_id, { name: 'Ann', age: 1 });
    advance(1000);
    const second = await person(a, b.bucket_id, { name: 'Ann', age: 2 });
    expect(second.object_id).toBe(first.object_id);
    expect(second.status).toBe('PENDING');
    advance(1000);
    expect(await statusOf(a, b.bucket_id, first.object_id)).toBe('PROCESSING');
    advance(1000);
    const { results } = await documents(a, col.collection_id);
    expect(results.map((d: any) => d.age)).toEqual([2]);
  });

  describe('documents API', () => {
    /** A collection with passthrough fields and four documents, one clock step apart. */
    async function fourDocs(label: string) {
      const w = await world(label);
      const col = await ok(
        w.a.post('/v1/collections', {
          collection_name: 'people-docs',
          source: { type: 'bucket', bucket_ids: [w.bucketId] },
          feature_extractor: {
            feature_extractor_name: 'text_extractor',
            version: 'v1',
            field_passthrough: [{ source_path: 'name' }, { source_path: 'age' }, { source_path: 'department' }],
          },
        }),
      );
      const people = [
        { name: 'Alice Smith', age: 31, department: 'Sales' },
        { name: 'Bob Jones', age: 45, department: 'HR' },
        { name: 'Carol Smith', age: 28, department: 'Sales' },
        { name: 'Dan Brown', age: 52, department: 'IT' },
      ];
      for (const p of people) {
        await person(w.a, w.bucketId, p);
        advance(2000);
      }
      const all = (await documents(w.a, col.collection_id)).results as any[];
      expect(all.map((d) => d.name)).toEqual(people.map((p) => p.name));
      return { ...w, col, all };
    }

    it('list: select keeps the named fields and the ids; group_by groups; return_url adds presigned URLs', async () => {
      const { a, bucketId, col } = await fourDocs('docshape');
      const selected = (await documents(a, col.collection_id, { select: ['name'] })).results as any[];
      expect(selected.map((d) => Object.keys(d).sort())).toEqual(Array(4).fill(['collection_id', 'document_id', 'name']));
      const grouped = await documents(a, col.collection_id, { group_by: 'department' });
      expect(grouped.results).toBeUndefined();
      expect(grouped.group_by_field).toBe('department');
      expect(grouped.groups.map((g: any) => [g.group_key, g.count, g.documents.map((d: any) => d.name)])).toEqual([
        ['Sales', 2, ['Alice Smith', 'Carol Smith']],
        ['HR', 1, ['Bob Jones']],
        ['IT', 1, ['Dan Brown']],
      ]);
      const plain = (await documents(a, col.collection_id)).results[0];
      expect(plain.document_blobs[0].presigned_url).toBeUndefined();
      const signed = (await documents(a, col.collection_id, { return_url: true })).results[0];
      expect(signed.document_blobs[0].presigned_url).toMatch(/^https:\/\/storage\.mixpeek\.local\/.+\?X-Mock-Expires=3600$/);
      const one = await ok(a.get(`/v1/collections/${col.collection_id}/documents/${plain.document_id}?return_presigned_urls=true`));
      expect(one.document_blobs[0].presigned_url).toBe(signed.document_blobs[0].presigned_url);
      const objects = (await ok(a.post(`/v1/buckets/${bucketId}/objects/list`, { select: ['status'] }))).results as any[];
      expect(Object.keys(objects[0]).sort()).toEqual(['bucket_id', 'object_id', 'status']);
    });

    it('list: filters, search, cursor pages; no total_count', async () => {
      const { a, col, all } = await fourDocs('doclist');
      const names = (r: any) => r.results.map((d: any) => d.name);
      expect(names(await documents(a, col.collection_id, { filters: { AND: [{ field: 'department', operator: 'eq', value: 'sales' }] } }))).toEqual([
        'Alice Smith',
        'Carol Smith',
      ]);
      expect(names(await documents(a, col.collection_id, { filters: { AND: [{ field: 'age', operator: 'gt', value: 40 }] } }))).toEqual([
        'Bob Jones',
        'Dan Brown',
      ]);
      expect(
        names(
          await documents(a, col.collection_id, {
            filters: { AND: [{ field: '_internal.lineage.root_object_id', operator: 'eq', value: all[2]._internal.lineage.root_object_id }] },
          }),
        ),
      ).toEqual(['Carol Smith']);
      expect(names(await documents(a, col.collection_id, { search: 'smith' }))).toEqual(['Alice Smith', 'Carol Smith']);
      expect(names(await documents(a, col.collection_id, { search: all[3].document_id }))).toEqual(['Dan Brown']);
      expectError(
        await a.post(`/v1/collections/${col.collection_id}/documents/list`, { filters: { AND: [{ field: 'age', operator: 'in', value: 3 }] } }),
        400,
        'BadRequestError',
      );

      const first = await documents(a, col.collection_id, {}, '?limit=3');
      expect(first).not.toHaveProperty('total_count');
      expect(Object.keys(first.pagination).sort()).toEqual(['next_cursor', 'page_size']);
      const second = await documents(a, col.collection_id, {}, `?limit=3&cursor=${encodeURIComponent(first.pagination.next_cursor)}`);
      expect(second.pagination).toEqual({ page_size: 3 });
      expect([...first.results, ...second.results].map((d: any) => d.document_id)).toEqual(all.map((d) => d.document_id));
      // The body's cursor works too.
      const page1 = await documents(a, col.collection_id, {}, '?limit=2');
      const page2 = await documents(a, col.collection_id, { cursor: page1.pagination.next_cursor }, '?limit=2');
      expect(names(page2)).toEqual(['Carol Smith', 'Dan Brown']);
      const totals = await documents(a, col.collection_id, {}, '?limit=3&include_total=true');
      expect(totals.pagination).toEqual({ page_size: 3, total: 4, page: 1, total_pages: 2, next_cursor: expect.any(String) });
      expectError(await a.post(`/v1/collections/${col.collection_id}/documents/list?cursor=garbage`, {}), 400, 'BadRequestError');
      expectError(await a.post('/v1/collections/col_missing00/documents/list', {}), 404, 'NotFoundError');
    });

    it('get: 404 for an unknown document, and for a document of another collection', async () => {
      const { a, key, bucketId, col, all } = await fourDocs('docget');
      const other = await ok(
        a.post('/v1/collections', {
          collection_name: 'other-docs',
          source: { type: 'bucket', bucket_ids: [bucketId] },
          feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
        }),
      );
      expect(await ok(a.get(`/v1/collections/${col.collection_id}/documents/${all[0].document_id}`))).toEqual(all[0]);
      expect(await ok(a.get(`/v1/collections/people-docs/documents/${all[0].document_id}`))).toEqual(all[0]);
      const unknown = await a.get(`/v1/collections/${col.collection_id}/documents/doc_000000000000000000000000`);
      expect(expectError(unknown, 404, 'NotFoundError').details).toEqual({ resource: 'document', id: 'doc_000000000000000000000000' });
      const foreign = await a.get(`/v1/collections/${other.collection_id}/documents/${all[0].document_id}`);
      expect(expectError(foreign, 404, 'NotFoundError').details).toEqual({ resource: 'document', id: all[0].document_id });
      expect(expectError(await a.get(`/v1/collections/col_missing00/documents/${all[0].document_id}`), 404, 'NotFoundError').details).toEqual({
        resource: 'collection',
        id: 'col_missing00',
      });
      // Another namespace does not see it.
      await ok(
        api(key).post('/v1/namespaces', { namespace_name: 'empty-ns', feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }] }),
      );
      const elsewhere = await api(key, 'empty-ns').get(`/v1/collections/${col.collection_id}/documents/${all[0].document_id}`);
      expect(expectError(elsewhere, 404, 'NotFoundError').details).toEqual({ resource: 'collection', id: col.collection_id });
    });

    it('delete: {message, success}; then 404; the counts follow', async () => {
      const { a, nsId, key, col, all } = await fourDocs('docdel');
      const path = `/v1/collections/${col.collection_id}/documents/${all[1].document_id}`;
      const res = await ok(a.del(path));
      expect(res).toEqual({ message: 'Successfully deleted', success: true });
      expectError(await a.get(path), 404, 'NotFoundError');
      expectError(await a.del(path), 404, 'NotFoundError');
      expect((await documents(a, col.collection_id)).results.map((d: any) => d.document_id)).toEqual([all[0], all[2], all[3]].map((d) => d.document_id));
      expect((await ok(a.get(`/v1/collections/${col.collection_id}`))).document_count).toBe(3);
      expect((await ok(api(key).get(`/v1/namespaces/${nsId}`))).document_count).toBe(3);
    });
  });
});
