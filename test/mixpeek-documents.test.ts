/**
 * Mixpeek's documents API beyond list/get/delete: create, PUT, PATCH, bulk
 * and batch updates, batch deletes, a document's lineage and an object's
 * documents, and list's group_by paging over groups. Each write is checked by
 * reading the document back; the text a write changes gets its new vector.
 */
import { describe, expect, it } from 'vitest';
import { embedLocally } from '../src/core/retrieval/embed.js';
import { useServer } from './support/server.js';
import { ok } from './support/client.js';
import { expectError, freshKey, mixpeekApi, type MixpeekApi } from './support/mixpeek.js';

describe('Mixpeek documents', () => {
  const ctx = useServer({ providers: ['mixpeek'] });
  const advance = (ms: number) => ctx.server.clock.advance(ms);

  /** A namespace with a bucket of notes and a text collection over it. */
  async function world(label: string): Promise<{ a: MixpeekApi; nsId: string; bucketId: string; colId: string }> {
    const key = freshKey(label);
    const ns = await ok(
      mixpeekApi(ctx.url, key).post('/v1/namespaces', {
        namespace_name: 'docs',
        feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }],
      }),
    );
    const a = mixpeekApi(ctx.url, key, 'docs');
    const b = await ok(a.post('/v1/buckets', { bucket_name: 'notes', bucket_schema: { properties: { body: { type: 'text' }, topic: { type: 'string' } } } }));
    const col = await ok(
      a.post('/v1/collections', {
        collection_name: 'notes-text',
        source: { type: 'bucket', bucket_ids: [b.bucket_id] },
        feature_extractor: {
          feature_extractor_name: 'text_extractor',
          version: 'v1',
          input_mappings: { text: 'body' },
          field_passthrough: [{ source_path: 'topic' }],
        },
      }),
    );
    return { a, nsId: ns.namespace_id, bucketId: b.bucket_id, colId: col.collection_id };
  }

  const vectorOf = async (a: MixpeekApi, colId: string, docId: string): Promise<number[]> =>
    (await ok(a.get(`/v1/collections/${colId}/documents/${docId}?return_vectors=true`))).text_extractor_v1_embedding;

  describe('create', () => {
    it('root fields from the body, metadata and feature payloads; the text embedded under the text index; counted', async () => {
      const { a, nsId, colId } = await world('create');
      const doc = await ok(
        a.post(`/v1/collections/${colId}/documents`, {
          collection_id: colId,
          text: 'Tide pools hold anemones and crabs.',
          metadata: { category: 'nature', rank: 3 },
          source_type: 'bucket',
          root_object_id: 'obj_000000000001',
          lineage_chain: [{ collection_id: colId, feature_extractor_id: 'text_extractor_v1' }],
          features: [{ feature_extractor_id: 'text_extractor_v1', payload: { lang: 'en' }, vectors: { sketch: [0.5, 0.5] } }],
        }),
      );
      expect(doc.document_id).toMatch(/^doc_[0-9a-f]{24}$/);
      expect(doc).toMatchObject({
        collection_id: colId,
        text: 'Tide pools hold anemones and crabs.',
        metadata: { category: 'nature', rank: 3 },
        lang: 'en',
        document_blobs: [],
      });
      expect(doc).not.toHaveProperty('features');
      expect(doc).not.toHaveProperty('sketch');
      expect(doc._internal).toMatchObject({
        namespace_id: nsId,
        document_id: doc.document_id,
        collection_id: colId,
        lineage: { root_object_id: 'obj_000000000001', source_type: 'bucket', chain: [{ collection_id: colId, feature_extractor_id: 'text_extractor_v1' }] },
      });
      const got = await ok(a.get(`/v1/collections/${colId}/documents/${doc.document_id}?return_vectors=true`));
      expect(got.text_extractor_v1_embedding).toEqual(Array.from(embedLocally('Tide pools hold anemones and crabs.')));
      expect(got.sketch).toEqual([0.5, 0.5]);
      expect((await ok(a.get(`/v1/collections/${colId}`))).document_count).toBe(1);
      // The collection may be named by its name too, in the path and in the body.
      const byName = await ok(a.post('/v1/collections/notes-text/documents', { collection_id: 'notes-text', title: 'x' }));
      expect(byName.collection_id).toBe(colId);
    });

    it("a vector of the embedder's dimension given for the text index is kept as given", async () => {
      const { a, colId } = await world('given-vector');
      const v = Array.from({ length: 256 }, (_, i) => (i === 7 ? 1 : 0));
      const doc = await ok(
        a.post(`/v1/collections/${colId}/documents`, {
          collection_id: colId,
          text: 'anything',
          features: [{ feature_extractor_id: 'text_extractor_v1', vectors: { text_extractor_v1_embedding: v } }],
        }),
      );
      expect(await vectorOf(a, colId, doc.document_id)).toEqual(v);
    });

    it('refuses: another collection in the body (400), reserved and vector fields (400), bad vectors (400), missing collection_id (422), unknown collection (404)', async () => {
      const { a, colId } = await world('create-bad');
      const other = await ok(
        a.post('/v1/collections', {
          collection_name: 'other',
          source: { type: 'bucket', bucket_ids: ['notes'] },
          feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
        }),
      );
      expectError(
        await a.post(`/v1/collections/${colId}/documents`, { collection_id: other.collection_id }),
        400,
        'BadRequestError',
        /does not name the collection of the path/,
      );
      expectError(
        await a.post(`/v1/collections/${colId}/documents`, { collection_id: colId, document_id: 'doc_x' }),
        400,
        'BadRequestError',
        'Fields cannot be updated: document_id',
      );
      expectError(
        await a.post(`/v1/collections/${colId}/documents`, { collection_id: colId, text_extractor_v1_embedding: [1] }),
        400,
        'BadRequestError',
        'Vectors cannot be updated: text_extractor_v1_embedding',
      );
      expectError(
        await a.post(`/v1/collections/${colId}/documents`, { collection_id: colId, features: [{ feature_extractor_id: 'x', vectors: { v: ['a'] } }] }),
        400,
        'BadRequestError',
        /must be a list of numbers/,
      );
      const missing = expectError(await a.post(`/v1/collections/${colId}/documents`, { text: 'x' }), 422, 'ValidationError');
      expect(missing.details.validation_errors).toEqual([{ type: 'missing', location: ['body', 'collection_id'], message: 'Field required' }]);
      expectError(await a.post('/v1/collections/col_0000000000/documents', { collection_id: 'col_0000000000' }), 404, 'NotFoundError');
      expect((await ok(a.get(`/v1/collections/${colId}`))).document_count).toBe(0);
    });
  });

  describe('PUT and PATCH', () => {
    it('PUT replaces the root fields, PATCH merges (dotted keys set nested fields); a new text gets a new vector, other fields keep it', async () => {
      const { a, colId } = await world('write');
      const doc = await ok(
        a.post(`/v1/collections/${colId}/documents`, { collection_id: colId, text: 'first words', metadata: { status: 'draft', owner: 'ann' }, extra: 1 }),
      );
      const path = `/v1/collections/${colId}/documents/${doc.document_id}`;
      const before = await vectorOf(a, colId, doc.document_id);

      const patched = await ok(a.patch(path, { 'metadata.status': 'reviewed', flag: true }));
      expect(patched).toMatchObject({ text: 'first words', metadata: { status: 'reviewed', owner: 'ann' }, extra: 1, flag: true });
      expect(await vectorOf(a, colId, doc.document_id)).toEqual(before);

      const replaced = await ok(a.put(path, { text: 'second words', metadata: { status: 'final' } }));
      expect(replaced).toMatchObject({ document_id: doc.document_id, collection_id: colId, text: 'second words', metadata: { status: 'final' } });
      expect(replaced).not.toHaveProperty('extra');
      expect(replaced).not.toHaveProperty('flag');
      expect(await vectorOf(a, colId, doc.document_id)).toEqual(Array.from(embedLocally('second words')));
      expect(replaced._internal.updated_at >= replaced._internal.created_at).toBe(true);

      // Taking the text away takes its vector away.
      const bare = await ok(a.put(path, { metadata: { status: 'final' } }));
      expect(bare).not.toHaveProperty('text');
      expect(await ok(a.get(`${path}?return_vectors=true`))).not.toHaveProperty('text_extractor_v1_embedding');
    });

    it('refuses ids, _internal and vectors (400, naming them), unknown documents and collections (404)', async () => {
      const { a, colId } = await world('write-bad');
      const doc = await ok(a.post(`/v1/collections/${colId}/documents`, { collection_id: colId, text: 'x' }));
      const path = `/v1/collections/${colId}/documents/${doc.document_id}`;
      expectError(await a.patch(path, { collection_id: 'col_x', _internal: {} }), 400, 'BadRequestError', 'Fields cannot be updated: collection_id, _internal');
      expectError(await a.put(path, { 'text_extractor_v1_embedding.0': 1 }), 400, 'BadRequestError', 'Vectors cannot be updated: text_extractor_v1_embedding');
      expectError(await a.patch(path, { document_blobs: [{ url: 'x' }] }), 400, 'BadRequestError', /document_blobs/);
      expectError(await a.patch(`/v1/collections/${colId}/documents/doc_000000000000000000000000`, { a: 1 }), 404, 'NotFoundError', 'Document not found');
      expectError(await a.put('/v1/collections/col_0000000000/documents/doc_000000000000000000000000', { a: 1 }), 404, 'NotFoundError', 'Collection not found');
      expect((await ok(a.get(path))).text).toBe('x');
    });
  });

  describe('bulk and batch', () => {
    async function three(a: MixpeekApi, colId: string): Promise<string[]> {
      const ids: string[] = [];
      for (const [text, status] of [
        ['alpha', 'pending'],
        ['beta', 'pending'],
        ['gamma', 'done'],
      ]) {
        ids.push((await ok(a.post(`/v1/collections/${colId}/documents`, { collection_id: colId, text, metadata: { status } }))).document_id);
      }
      return ids;
    }
    const statuses = async (a: MixpeekApi, colId: string) =>
      (await ok(a.post(`/v1/collections/${colId}/documents/list`, {}))).results.map((d: any) => `${d.text}:${d.metadata.status}`);

    it("bulk: the same update on every match, in the list grammar or the Qdrant form of the vendor's examples; no filter updates all", async () => {
      const { a, colId } = await world('bulk');
      await three(a, colId);
      expect(
        await ok(
          a.patch(`/v1/collections/${colId}/documents/bulk`, {
            filters: { AND: [{ field: 'metadata.status', operator: 'eq', value: 'pending' }] },
            update_data: { 'metadata.status': 'processed' },
          }),
        ),
      ).toEqual({ updated_count: 2, message: 'Documents updated successfully' });
      expect(await statuses(a, colId)).toEqual(['alpha:processed', 'beta:processed', 'gamma:done']);
      expect(
        (
          await ok(
            a.patch(`/v1/collections/${colId}/documents/bulk`, {
              filters: { must: [{ key: 'metadata.status', value: 'done' }] },
              update_data: { metadata: { status: 'archived' } },
            }),
          )
        ).updated_count,
      ).toBe(1);
      expect(await statuses(a, colId)).toEqual(['alpha:processed', 'beta:processed', 'gamma:archived']);
      expect((await ok(a.patch(`/v1/collections/${colId}/documents/bulk`, { update_data: { 'metadata.checked': true } }))).updated_count).toBe(3);
      expectError(
        await a.patch(`/v1/collections/${colId}/documents/bulk`, { filters: { must: [{ key: 'metadata.status', match: {} }] }, update_data: {} }),
        400,
        'BadRequestError',
        /match/,
      );
      expectError(await a.patch(`/v1/collections/${colId}/documents/bulk`, { filters: {} }), 422, 'ValidationError');
    });

    it('batch update by ids: per-document results, missing ones fail alone; by filter: counts only; both or neither modes: 400', async () => {
      const { a, colId } = await world('batch');
      const [alpha, beta] = await three(a, colId);
      const res = await ok(
        a.post(`/v1/collections/${colId}/documents/batch`, {
          updates: [
            { document_id: alpha, update_data: { metadata: { status: 'one' } } },
            { document_id: 'doc_000000000000000000000000', update_data: { x: 1 } },
            { document_id: beta, update_data: { _internal: {} } },
            { document_id: alpha, update_data: { text: 'alpha two' } },
          ],
        }),
      );
      expect(res).toEqual({
        updated_count: 2,
        failed_count: 2,
        results: [
          { document_id: alpha, success: true },
          { document_id: 'doc_000000000000000000000000', success: false, error: 'Document not found' },
          { document_id: beta, success: false, error: 'Fields cannot be updated: _internal' },
          { document_id: alpha, success: true },
        ],
        message: 'Updated 2 document(s), 2 failed',
      });
      expect(await statuses(a, colId)).toEqual(['alpha two:one', 'beta:pending', 'gamma:done']);
      expect(await vectorOf(a, colId, alpha!)).toEqual(Array.from(embedLocally('alpha two')));
      expect(
        await ok(
          a.post(`/v1/collections/${colId}/documents/batch`, {
            filters: { AND: [{ field: 'text', operator: 'eq', value: 'beta' }] },
            update_data: { 'metadata.status': 'b' },
          }),
        ),
      ).toEqual({ updated_count: 1, failed_count: 0, results: [], message: 'Updated 1 document(s)' });
      expectError(
        await a.post(`/v1/collections/${colId}/documents/batch`, { updates: [{ document_id: alpha, update_data: {} }], update_data: { x: 1 } }),
        400,
        'BadRequestError',
        /not both/,
      );
      expectError(await a.post(`/v1/collections/${colId}/documents/batch`, {}), 400, 'BadRequestError', /either updates/);
      expectError(await a.post(`/v1/collections/${colId}/documents/batch`, { filters: { AND: [] } }), 400, 'BadRequestError', /either updates/);
    });

    it('batch delete by ids (per-document results) or by filter (counts); the collection count follows', async () => {
      const { a, colId } = await world('batch-delete');
      const [alpha] = await three(a, colId);
      expect(await ok(a.del(`/v1/collections/${colId}/documents/batch`, { document_ids: [alpha, 'doc_000000000000000000000000'] }))).toEqual({
        deleted_count: 1,
        failed_count: 1,
        results: [
          { document_id: alpha, success: true },
          { document_id: 'doc_000000000000000000000000', success: false, error: 'Document not found' },
        ],
        message: 'Deleted 1 document(s), 1 failed',
      });
      expect(
        await ok(a.del(`/v1/collections/${colId}/documents/batch`, { filters: { must: [{ key: 'metadata.status', match: { any: ['done'] } }] } })),
      ).toEqual({ deleted_count: 1, failed_count: 0, results: [], message: 'Deleted 1 document(s)' });
      expect(await statuses(a, colId)).toEqual(['beta:pending']);
      expect((await ok(a.get(`/v1/collections/${colId}`))).document_count).toBe(1);
      expectError(await a.del(`/v1/collections/${colId}/documents/batch`, {}), 400, 'BadRequestError', /either document_ids or filters/);
      expectError(await a.del(`/v1/collections/${colId}/documents/batch`, { document_ids: ['x'], filters: {} }), 400, 'BadRequestError', /not both/);
      expectError(await a.del(`/v1/collections/${colId}/documents/batch`, { document_ids: [] }), 422, 'ValidationError');
    });
  });

  describe('lineage and the documents of an object', () => {
    it('a processed document traces back to its object; the object lists its documents in every collection, filtered by collection_ids', async () => {
      const { a, bucketId, colId } = await world('lineage');
      const second = await ok(
        a.post('/v1/collections', {
          collection_name: 'notes-copy',
          source: { type: 'bucket', bucket_ids: [bucketId] },
          feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1', input_mappings: { text: 'body' } },
        }),
      );
      const obj = await ok(
        a.post(`/v1/buckets/${bucketId}/objects?auto_process=true`, {
          blobs: [
            { property: 'body', type: 'text', data: 'Kelp forests shelter otters.' },
            { property: 'topic', type: 'string', data: 'sea' },
          ],
        }),
      );
      advance(2000);
      const [doc] = (await ok(a.post(`/v1/collections/${colId}/documents/list`, {}))).results;
      expect(doc).toMatchObject({ text: 'Kelp forests shelter otters.', topic: 'sea' });

      const lineage = await ok(a.get(`/v1/collections/${colId}/documents/${doc.document_id}/lineage`));
      expect(lineage).toEqual({
        document_id: doc.document_id,
        collection_id: colId,
        root_object_id: obj.object_id,
        root_bucket_id: bucketId,
        source_type: 'bucket',
        path: `${bucketId}/${colId}`,
        depth: 1,
        steps: [
          { type: 'object', bucket_id: bucketId, object_id: obj.object_id, exists: true },
          { type: 'document', collection_id: colId, collection_name: 'notes-text', document_id: doc.document_id, feature_extractor_id: 'text_extractor_v1' },
        ],
      });

      const all = await ok(a.get(`/v1/objects/${obj.object_id}/documents`));
      expect(all.object_id).toBe(obj.object_id);
      expect(all.total_documents).toBe(2);
      expect(all.collection_ids).toEqual([colId, second.collection_id]);
      expect(all.documents.map((d: any) => d.collection_id)).toEqual([colId, second.collection_id]);
      const one = await ok(a.get(`/v1/objects/${obj.object_id}/documents?collection_ids=notes-copy`));
      expect(one.collection_ids).toEqual([second.collection_id]);
      expect(one.documents).toHaveLength(1);

      // Documents outlive their object: the lineage says it is gone, and the object still lists them.
      expect((await a.del(`/v1/buckets/${bucketId}/objects/${obj.object_id}`)).status).toBe(204);
      expect((await ok(a.get(`/v1/collections/${colId}/documents/${doc.document_id}/lineage`))).steps[0].exists).toBe(false);
      expect((await ok(a.get(`/v1/objects/${obj.object_id}/documents`))).total_documents).toBe(2);

      expectError(await a.get('/v1/objects/obj_000000000000/documents'), 404, 'NotFoundError', 'Object not found');
      expectError(await a.get(`/v1/objects/${obj.object_id}/documents?collection_ids=nope`), 404, 'NotFoundError', 'Collection not found');
      expectError(await a.get(`/v1/collections/${colId}/documents/doc_000000000000000000000000/lineage`), 404, 'NotFoundError', 'Document not found');
      // Another namespace does not see them.
      const elsewhere = mixpeekApi(ctx.url, freshKey('elsewhere'));
      expectError(await elsewhere.get(`/v1/objects/${obj.object_id}/documents`), 404, 'NotFoundError');
    });
  });

  it('list with group_by pages over groups, with a cursor', async () => {
    const { a, colId } = await world('groups');
    for (const [text, status] of [
      ['a', 'x'],
      ['b', 'y'],
      ['c', 'x'],
      ['d', 'z'],
    ])
      await ok(a.post(`/v1/collections/${colId}/documents`, { collection_id: colId, text, metadata: { status } }));
    const first = await ok(a.post(`/v1/collections/${colId}/documents/list?limit=2&include_total=true`, { group_by: 'metadata.status' }));
    expect(first.groups.map((g: any) => [g.group_key, g.count, g.documents.map((d: any) => d.text)])).toEqual([
      ['x', 2, ['a', 'c']],
      ['y', 1, ['b']],
    ]);
    expect(first.pagination).toMatchObject({ page_size: 2, total: 3, page: 1, total_pages: 2, next_cursor: expect.any(String) });
    const second = await ok(a.post(`/v1/collections/${colId}/documents/list?limit=2`, { group_by: 'metadata.status', cursor: first.pagination.next_cursor }));
    expect(second.groups.map((g: any) => g.group_key)).toEqual(['z']);
    expect(second.pagination).toEqual({ page_size: 2 });
    expectError(
      await a.post(`/v1/collections/${colId}/documents/list`, { group_by: 'metadata.status', cursor: 'bogus' }),
      400,
      'BadRequestError',
      /Invalid cursor/,
    );
  });
});
