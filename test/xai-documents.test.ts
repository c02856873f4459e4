/**
 * xAI documents: attaching files to collections, the indexing lifecycle on the
 * manual clock, listing, batchGet, removal and the one-step multipart upload.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { raw, xaiClient } from './support/client.js';
import { expectXaiError, freshKey, uploadFile } from './support/xai.js';

const RFC3339_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const FILE_ID = /^file_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UNKNOWN_COLLECTION = 'collection_00000000-0000-4000-8000-000000000000';
const UNKNOWN_FILE = 'file_00000000-0000-4000-8000-000000000000';
const PROCESSING_MS = 1000; // the harness default

type Client = ReturnType<typeof xaiClient>;

const failure = (r: { error?: unknown; response: Response }) => ({ status: r.response.status, json: r.error, headers: r.response.headers });

/** Bytes that are not valid UTF-8. */
const BINARY = new Uint8Array([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]);

describe('xAI documents', () => {
  const ctx = useServer();
  const clock = () => ctx.server.clock;

  async function newCollection(client: Client, body: Record<string, unknown> = {}): Promise<string> {
    const r = await client.POST('/v1/collections', { body: { collection_name: 'docs', ...body } });
    expect(r.response.status).toBe(200);
    return r.data!.collection_id;
  }

  function add(client: Client, collectionId: string, fileId: string, fields?: Record<string, string>) {
    return client.POST('/v1/collections/{collection_id}/documents/{file_id}', {
      params: { path: { collection_id: collectionId, file_id: fileId } },
      ...(fields ? { body: { fields } } : {}),
    });
  }

  function getDoc(client: Client, collectionId: string, fileId: string) {
    return client.GET('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: collectionId, file_id: fileId } } });
  }

  async function doc(client: Client, collectionId: string, fileId: string) {
    const r = await getDoc(client, collectionId, fileId);
    expect(r.response.status).toBe(200);
    return r.data!;
  }

  async function collection(client: Client, id: string) {
    const r = await client.GET('/v1/collections/{collection_id}', { params: { path: { collection_id: id } } });
    expect(r.response.status).toBe(200);
    return r.data!;
  }

  /** A fresh tenant with one collection. */
  async function setup(body: Record<string, unknown> = {}) {
    const key = freshKey();
    const client = xaiClient(ctx.url, key);
    const cid = await newCollection(client, body);
    return { key, client, cid };
  }

  describe('add', () => {
    it('attaches an uploaded file and answers {}', async () => {
      const { key, client, cid } = await setup();
      const fileId = await uploadFile(ctx.url, key, 'plain.txt', 'plain text');
      const r = await add(client, cid, fileId);
      expect(r.response.status).toBe(200);
      expect(r.data).toStrictEqual({});
      expect((await doc(client, cid, fileId)).file_metadata.file_id).toBe(fileId);
      expect((await collection(client, cid)).documents_count).toBe(1);
    });

    it('accepts a request with no body and no Content-Type at all', async () => {
      const { key, client, cid } = await setup();
      const fileId = await uploadFile(ctx.url, key, 'bare.txt', 'bare');
      const r = await raw(ctx.url, `/xai/v1/collections/${cid}/documents/${fileId}`, { key, method: 'POST' });
      expect(r.status).toBe(200);
      expect(r.json).toStrictEqual({});
      expect((await doc(client, cid, fileId)).fields).toStrictEqual({});
    });

    it('stores the given fields, with or without a definition', async () => {
      const { key, client, cid } = await setup({ field_definitions: [{ key: 'type' }] });
      const fileId = await uploadFile(ctx.url, key, 'q.txt', 'quarterly');
      expect((await add(client, cid, fileId, { type: '10-Q', ticker: 'TSLA' })).response.status).toBe(200);
      expect((await doc(client, cid, fileId)).fields).toStrictEqual({ type: '10-Q', ticker: 'TSLA' });
    });

    it("gives 404 for an unknown collection, an unknown file and another team's file", async () => {
      const { key, client, cid } = await setup();
      const fileId = await uploadFile(ctx.url, key, 'mine.txt', 'mine');
      expectXaiError(failure(await add(client, UNKNOWN_COLLECTION, fileId)), 404, `Collection ${UNKNOWN_COLLECTION} not found.`);
      expectXaiError(failure(await add(client, cid, UNKNOWN_FILE)), 404, `File ${UNKNOWN_FILE} not found.`);
      const foreign = await uploadFile(ctx.url, freshKey(), 'theirs.txt', 'theirs');
      expectXaiError(failure(await add(client, cid, foreign)), 404, /not found/);
      expect((await collection(client, cid)).documents_count).toBe(0);
    });

    it('gives 409 when the file is already in the collection', async () => {
      const { key, client, cid } = await setup();
      const fileId = await uploadFile(ctx.url, key, 'twice.txt', 'twice');
      expect((await add(client, cid, fileId, { v: '1' })).response.status).toBe(200);
      expectXaiError(failure(await add(client, cid, fileId, { v: '2' })), 409, /already in the collection/);
      expect((await doc(client, cid, fileId)).fields).toStrictEqual({ v: '1' });
      expect((await collection(client, cid)).documents_count).toBe(1);
      // The same file may still join another collection.
      const other = await newCollection(client);
      expect((await add(client, other, fileId)).response.status).toBe(200);
    });

    it('checks required (400) and unique (409) field definitions', async () => {
      const { key, client, cid } = await setup({
        field_definitions: [
          { key: 'ticker', required: true },
          { key: 'accession', unique: true },
        ],
      });
      const a = await uploadFile(ctx.url, key, 'a.txt', 'a');
      const b = await uploadFile(ctx.url, key, 'b.txt', 'b');
      expectXaiError(failure(await add(client, cid, a)), 400, /ticker/);
      expectXaiError(failure(await add(client, cid, a, { accession: '1' })), 400, /ticker/);
      expect((await add(client, cid, a, { ticker: 'TSLA', accession: '0001' })).response.status).toBe(200);
      expectXaiError(failure(await add(client, cid, b, { ticker: 'AAPL', accession: '0001' })), 409, /accession/);
      expect((await add(client, cid, b, { ticker: 'TSLA', accession: '0002' })).response.status).toBe(200);
      expect((await collection(client, cid)).documents_count).toBe(2);
    });
  });

  describe('indexing lifecycle', () => {
    it('goes PROCESSING → PROCESSED exactly when the processing time has passed', async () => {
      const { key, client, cid } = await setup();
      const fileId = await uploadFile(ctx.url, key, 'notes.txt', 'hello world');
      await add(client, cid, fileId);

      const fresh = await doc(client, cid, fileId);
      expect(fresh).toStrictEqual({
        file_metadata: {
          file_id: fileId,
          name: 'notes.txt',
          size_bytes: '11',
          content_type: 'text/plain',
          created_at: expect.stringMatching(RFC3339_MICROS),
          expires_at: null,
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
        fields: {},
        status: 'DOCUMENT_STATUS_PROCESSING',
        error_message: '',
        last_indexed_at: null,
        chunks_processed_count: '0',
      });
      expect('chunk_count' in fresh).toBe(false);

      clock().advance(PROCESSING_MS - 1);
      expect((await doc(client, cid, fileId)).status).toBe('DOCUMENT_STATUS_PROCESSING');

      clock().advance(1);
      const done = await doc(client, cid, fileId);
      expect(done.status).toBe('DOCUMENT_STATUS_PROCESSED');
      expect(done.error_message).toBe('');
      expect(done.last_indexed_at).toMatch(RFC3339_MICROS);
      expect(Date.parse(done.last_indexed_at!)).toBe(clock().nowMs());
      expect(done.chunk_count).toBeGreaterThanOrEqual(1);
      expect(done.chunks_processed_count).toBe(String(done.chunk_count));
      expect(done.file_metadata).toStrictEqual(fresh.file_metadata);
    });

    it('hashes by content: equal bytes give equal hashes', async () => {
      const { key, client, cid } = await setup();
      const a = await uploadFile(ctx.url, key, 'a.txt', 'same bytes');
      const b = await uploadFile(ctx.url, key, 'b.txt', 'same bytes');
      const c = await uploadFile(ctx.url, key, 'c.txt', 'other bytes');
      for (const id of [a, b, c]) await add(client, cid, id);
      const [ha, hb, hc] = await Promise.all([a, b, c].map(async (id) => (await doc(client, cid, id)).file_metadata.hash));
      expect(ha).toBe(hb);
      expect(ha).not.toBe(hc);
    });

    it('fails a non-UTF-8 octet-stream file with an error message', async () => {
      const { key, client, cid } = await setup();
      const fileId = await uploadFile(ctx.url, key, 'blob.bin', BINARY, 'application/octet-stream');
      await add(client, cid, fileId);
      expect((await doc(client, cid, fileId)).status).toBe('DOCUMENT_STATUS_PROCESSING');
      clock().advance(PROCESSING_MS);
      const failed = await doc(client, cid, fileId);
      expect(failed.status).toBe('DOCUMENT_STATUS_FAILED');
      expect(failed.error_message).not.toBe('');
      expect(failed.last_indexed_at).toBeNull();
      expect(failed.file_metadata.content_type).toBe('application/octet-stream');
      // It still counts as a document of the collection.
      expect((await collection(client, cid)).documents_count).toBe(1);
    });

    it('re-indexes with PATCH: back to PROCESSING, then PROCESSED with a later last_indexed_at', async () => {
      const { key, client, cid } = await setup();
      const fileId = await uploadFile(ctx.url, key, 'reindex.txt', 'reindex me');
      await add(client, cid, fileId);
      clock().advance(PROCESSING_MS);
      const first = await doc(client, cid, fileId);
      expect(first.status).toBe('DOCUMENT_STATUS_PROCESSED');

      clock().advance(60_000);
      const patched = await raw(ctx.url, `/xai/v1/collections/${cid}/documents/${fileId}`, { key, method: 'PATCH' });
      expect(patched.status).toBe(200);
      expect(patched.json).toStrictEqual({});
      const again = await doc(client, cid, fileId);
      expect(again.status).toBe('DOCUMENT_STATUS_PROCESSING');
      expect(again.chunks_processed_count).toBe('0');
      expect('chunk_count' in again).toBe(false);

      clock().advance(PROCESSING_MS);
      const second = await doc(client, cid, fileId);
      expect(second.status).toBe('DOCUMENT_STATUS_PROCESSED');
      expect(Date.parse(second.last_indexed_at!)).toBeGreaterThan(Date.parse(first.last_indexed_at!));
      expect(Date.parse(second.last_indexed_at!)).toBe(clock().nowMs());
    });

    it('restarts the clock when re-indexing mid-processing, and re-indexes a FAILED document', async () => {
      const { key, client, cid } = await setup();
      const text = await uploadFile(ctx.url, key, 'restart.txt', 'restart');
      const bin = await uploadFile(ctx.url, key, 'broken.bin', BINARY, 'application/octet-stream');
      await add(client, cid, text);
      await add(client, cid, bin);
      clock().advance(PROCESSING_MS / 2);
      const r = await client.PATCH('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: cid, file_id: text } } });
      expect(r.response.status).toBe(200);
      clock().advance(PROCESSING_MS / 2 + 100);
      expect((await doc(client, cid, text)).status).toBe('DOCUMENT_STATUS_PROCESSING');
      expect((await doc(client, cid, bin)).status).toBe('DOCUMENT_STATUS_FAILED');
      clock().advance(PROCESSING_MS / 2);
      expect((await doc(client, cid, text)).status).toBe('DOCUMENT_STATUS_PROCESSED');

      await client.PATCH('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: cid, file_id: bin } } });
      const retried = await doc(client, cid, bin);
      expect(retried.status).toBe('DOCUMENT_STATUS_PROCESSING');
      expect(retried.error_message).toBe('');
      clock().advance(PROCESSING_MS);
      expect((await doc(client, cid, bin)).status).toBe('DOCUMENT_STATUS_FAILED');
    });

    it('gives 404 when re-indexing a document that is not there', async () => {
      const { key, client, cid } = await setup();
      const fileId = await uploadFile(ctx.url, key, 'loose.txt', 'loose');
      const patch = (c: string, f: string) =>
        client.PATCH('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: c, file_id: f } } });
      expectXaiError(failure(await patch(cid, fileId)), 404, /not found/);
      expectXaiError(failure(await patch(UNKNOWN_COLLECTION, fileId)), 404, /Collection/);
    });

    it('keeps documents_count and total_file_size in step with adds and removes', async () => {
      const { key, client, cid } = await setup();
      const five = await uploadFile(ctx.url, key, 'five.txt', '12345');
      const seven = await uploadFile(ctx.url, key, 'seven.txt', '1234567');
      expect(await collection(client, cid)).toMatchObject({ documents_count: 0, total_file_size: '0' });
      await add(client, cid, five);
      expect(await collection(client, cid)).toMatchObject({ documents_count: 1, total_file_size: '5' });
      await add(client, cid, seven);
      expect(await collection(client, cid)).toMatchObject({ documents_count: 2, total_file_size: '12' });
      await client.DELETE('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: cid, file_id: five } } });
      expect(await collection(client, cid)).toMatchObject({ documents_count: 1, total_file_size: '7' });
      await client.DELETE('/v1/files/{file_id}', { params: { path: { file_id: seven } } });
      expect(await collection(client, cid)).toMatchObject({ documents_count: 0, total_file_size: '0' });
    });
  });

  describe('get', () => {
    it('gives 404 for a document not in the collection, an unknown file and an unknown collection', async () => {
      const { key, client, cid } = await setup();
      const inside = await uploadFile(ctx.url, key, 'in.txt', 'in');
      const outside = await uploadFile(ctx.url, key, 'out.txt', 'out');
      await add(client, cid, inside);
      const other = await newCollection(client);
      await add(client, other, outside);
      expect((await doc(client, cid, inside)).file_metadata.name).toBe('in.txt');
      expectXaiError(failure(await getDoc(client, cid, outside)), 404, new RegExp(`${outside}.*not found`));
      expectXaiError(failure(await getDoc(client, cid, UNKNOWN_FILE)), 404);
      expectXaiError(failure(await getDoc(client, UNKNOWN_COLLECTION, inside)), 404, /Collection/);
    });
  });

  describe('list', () => {
    /** alpha.txt 10 B, charlie.md 3 B, bravo.txt 30 B, delta.bin 4 B (binary, fails), uploaded one second apart. */
    async function fixture() {
      const { key, client, cid } = await setup();
      const spec: [string, string | Uint8Array, string, Record<string, string>?][] = [
        ['alpha.txt', '0123456789', 'text/plain', { type: '10-Q' }],
        ['charlie.md', 'abc', 'text/markdown', { type: '10-K' }],
        ['bravo.txt', 'x'.repeat(30), 'text/plain', { type: '10-Q' }],
        ['delta.bin', BINARY.slice(0, 4), 'application/octet-stream'],
      ];
      const ids: Record<string, string> = {};
      for (const [name, content, type, fields] of spec) {
        ids[name] = await uploadFile(ctx.url, key, name, content, type);
        expect((await add(client, cid, ids[name]!, fields)).response.status).toBe(200);
        clock().advance(1000);
      }
      clock().advance(PROCESSING_MS);
      const names = async (query: Record<string, string | number> = {}) => {
        const r = await client.GET('/v1/collections/{collection_id}/documents', { params: { path: { collection_id: cid }, query: query as never } });
        expect(r.response.status, JSON.stringify(query)).toBe(200);
        return r.data!.documents.map((d) => d.file_metadata.name);
      };
      return { key, client, cid, ids, names };
    }

    it('defaults to name descending and sorts by size and age', async () => {
      const { client, cid, names } = await fixture();
      const r = await client.GET('/v1/collections/{collection_id}/documents', { params: { path: { collection_id: cid } } });
      expect(Object.keys(r.data!)).toEqual(['documents']);
      expect(r.data!.documents.map((d) => d.file_metadata.name)).toEqual(['delta.bin', 'charlie.md', 'bravo.txt', 'alpha.txt']);
      expect(await names({ order: 'ORDERING_ASCENDING' })).toEqual(['alpha.txt', 'bravo.txt', 'charlie.md', 'delta.bin']);
      expect(await names({ sort_by: 'DOCUMENTS_SORT_BY_SIZE' })).toEqual(['bravo.txt', 'alpha.txt', 'delta.bin', 'charlie.md']);
      expect(await names({ sort_by: '1', order: '1' })).toEqual(['charlie.md', 'delta.bin', 'alpha.txt', 'bravo.txt']);
      expect(await names({ sort_by: 'DOCUMENTS_SORT_BY_AGE', order: 'ORDERING_ASCENDING' })).toEqual(['alpha.txt', 'charlie.md', 'bravo.txt', 'delta.bin']);
      expect(await names({ sort_by: '2' })).toEqual(['delta.bin', 'bravo.txt', 'charlie.md', 'alpha.txt']);
    });

    it('filters by status, fields, content_type and size, and takes the deprecated name= parameter', async () => {
      const { key, cid, names } = await fixture();
      expect(await names({ filter: 'status:!DOCUMENT_STATUS_FAILED' })).toEqual(['charlie.md', 'bravo.txt', 'alpha.txt']);
      expect(await names({ filter: 'status:DOCUMENT_STATUS_FAILED' })).toEqual(['delta.bin']);
      expect(await names({ filter: 'fields.type:"10-Q"' })).toEqual(['bravo.txt', 'alpha.txt']);
      expect(await names({ filter: 'fields.type:"10-Q" OR fields.type:"10-K"' })).toEqual(['charlie.md', 'bravo.txt', 'alpha.txt']);
      expect(await names({ filter: 'content_type:text/plain' })).toEqual(['bravo.txt', 'alpha.txt']);
      expect(await names({ filter: 'size_bytes>5' })).toEqual(['bravo.txt', 'alpha.txt']);
      expect(await names({ filter: 'size_bytes>3 AND status:!DOCUMENT_STATUS_FAILED' })).toEqual(['bravo.txt', 'alpha.txt']);
      expect(await names({ filter: 'fields.missing:"x"' })).toEqual([]);
      expect(await names({ name: 'BRAVO' })).toEqual(['bravo.txt']);
      expect(await names({ name: '.txt' })).toEqual(['bravo.txt', 'alpha.txt']);
      expect(await names({ name: '.txt', filter: 'size_bytes<20' })).toEqual(['alpha.txt']);

      expectXaiError(await raw(ctx.url, `/xai/v1/collections/${cid}/documents?filter=${encodeURIComponent('colour:"red"')}`, { key }), 400, /unknown field/);
      expectXaiError(await raw(ctx.url, `/xai/v1/collections/${cid}/documents?filter=${encodeURIComponent('size_bytes>big')}`, { key }), 400, /filter/i);
      expectXaiError(await raw(ctx.url, `/xai/v1/collections/${UNKNOWN_COLLECTION}/documents`, { key }), 404);
    });

    it('pages with a cursor: every document once, the last page without a token', async () => {
      const { key, client, cid, ids, names } = await fixture();
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      for (;;) {
        const r = await client.GET('/v1/collections/{collection_id}/documents', {
          params: { path: { collection_id: cid }, query: { limit: 1, sort_by: 'DOCUMENTS_SORT_BY_SIZE', ...(token ? { pagination_token: token } : {}) } },
        });
        expect(r.response.status).toBe(200);
        pages++;
        seen.push(...r.data!.documents.map((d) => d.file_metadata.name));
        if (!('pagination_token' in r.data!)) break;
        token = r.data!.pagination_token;
        if (pages === 2) {
          // Documents added on either side of the cursor: the walk neither repeats nor skips.
          for (const [name, content] of [
            ['huge.txt', 'h'.repeat(100)],
            ['tiny.txt', 't'],
          ] as const) {
            expect((await add(client, cid, await uploadFile(ctx.url, key, name, content))).response.status).toBe(200);
          }
        }
        expect(pages).toBeLessThan(10);
      }
      expect(pages).toBe(5);
      expect(seen).toEqual(['bravo.txt', 'alpha.txt', 'delta.bin', 'charlie.md', 'tiny.txt']);
      expect(Object.keys(ids).every((name) => seen.filter((s) => s === name).length === 1)).toBe(true);
      expect(await names({ limit: 2 })).toEqual(['tiny.txt', 'huge.txt']);

      const first = await client.GET('/v1/collections/{collection_id}/documents', { params: { path: { collection_id: cid }, query: { limit: 2 } } });
      const misuse = await client.GET('/v1/collections/{collection_id}/documents', {
        params: { path: { collection_id: cid }, query: { limit: 2, sort_by: 'DOCUMENTS_SORT_BY_AGE', pagination_token: first.data!.pagination_token! } },
      });
      expectXaiError(failure(misuse), 400, /pagination_token/);
      const garbage = await client.GET('/v1/collections/{collection_id}/documents', {
        params: { path: { collection_id: cid }, query: { pagination_token: 'nope!' } },
      });
      expectXaiError(failure(garbage), 400, /pagination_token/);
    });
  });

  describe('remove', () => {
    it('answers {}, keeps the file downloadable, and a second remove gives 404', async () => {
      const { key, client, cid } = await setup();
      const fileId = await uploadFile(ctx.url, key, 'keep.txt', 'keep these bytes');
      await add(client, cid, fileId);
      const path = { collection_id: cid, file_id: fileId };
      const r = await client.DELETE('/v1/collections/{collection_id}/documents/{file_id}', { params: { path } });
      expect(r.response.status).toBe(200);
      expect(r.data).toStrictEqual({});
      expectXaiError(failure(await getDoc(client, cid, fileId)), 404);
      expect((await collection(client, cid)).documents_count).toBe(0);

      const content = await raw(ctx.url, `/xai/v1/files/${fileId}/content`, { key });
      expect(content.status).toBe(200);
      expect(content.text).toBe('keep these bytes');
      expect((await client.GET('/v1/files/{file_id}', { params: { path: { file_id: fileId } } })).response.status).toBe(200);

      expectXaiError(failure(await client.DELETE('/v1/collections/{collection_id}/documents/{file_id}', { params: { path } })), 404);
      const unknownCollection = await client.DELETE('/v1/collections/{collection_id}/documents/{file_id}', {
        params: { path: { collection_id: UNKNOWN_COLLECTION, file_id: fileId } },
      });
      expectXaiError(failure(unknownCollection), 404, /Collection/);
    });

    it('cancels indexing mid-processing; a re-added document is not flipped early by the old job', async () => {
      const { key, client, cid } = await setup();
      const fileId = await uploadFile(ctx.url, key, 'midway.txt', 'midway');
      await add(client, cid, fileId);
      clock().advance(PROCESSING_MS / 2);

      const pending = clock().pending();
      await client.DELETE('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: cid, file_id: fileId } } });
      expect(clock().pending()).toBe(pending - 1);

      expect((await add(client, cid, fileId, { round: '2' })).response.status).toBe(200);
      // The first job would have finished here.
      clock().advance(PROCESSING_MS / 2 + 100);
      const still = await doc(client, cid, fileId);
      expect(still.status).toBe('DOCUMENT_STATUS_PROCESSING');
      expect(still.fields).toStrictEqual({ round: '2' });
      clock().advance(PROCESSING_MS / 2);
      expect((await doc(client, cid, fileId)).status).toBe('DOCUMENT_STATUS_PROCESSED');
    });
  });

  describe('batchGet', () => {
    async function fixture() {
      const { key, client, cid } = await setup();
      const a = await uploadFile(ctx.url, key, 'a.txt', 'a');
      const b = await uploadFile(ctx.url, key, 'b.txt', 'b');
      const c = await uploadFile(ctx.url, key, 'c.txt', 'c');
      const outside = await uploadFile(ctx.url, key, 'outside.txt', 'outside');
      for (const id of [a, b, c]) await add(client, cid, id);
      const batch = (file_ids: string[], collection_id = cid) =>
        client.GET('/v1/collections/{collection_id}/documents:batchGet', { params: { path: { collection_id }, query: { file_ids } } });
      const ids = (r: { data?: { documents: { file_metadata: { file_id: string } }[] } }) => r.data!.documents.map((d) => d.file_metadata.file_id);
      return { key, client, cid, a, b, c, outside, batch, ids };
    }

    it('keeps the requested order, repeats duplicates and skips unknown ids', async () => {
      const { key, cid, a, b, c, outside, batch, ids } = await fixture();
      const r = await batch([c, a, UNKNOWN_FILE, b, a, outside]);
      expect(r.response.status).toBe(200);
      expect(ids(r)).toEqual([c, a, b, a]);
      expect(r.data!.documents[0]).toMatchObject({ file_metadata: { name: 'c.txt' }, status: 'DOCUMENT_STATUS_PROCESSING' });

      const url = `/xai/v1/collections/${cid}/documents:batchGet`;
      const repeated = await raw(ctx.url, `${url}?file_ids=${b}&file_ids=${c}&file_ids=${a}`, { key });
      expect(repeated.status).toBe(200);
      expect(repeated.json.documents.map((d: { file_metadata: { file_id: string } }) => d.file_metadata.file_id)).toEqual([b, c, a]);

      const comma = await raw(ctx.url, `${url}?file_ids=${c},${b},${c}`, { key });
      expect(comma.status).toBe(200);
      expect(comma.json.documents.map((d: { file_metadata: { file_id: string } }) => d.file_metadata.file_id)).toEqual([c, b, c]);

      const mixed = await raw(ctx.url, `${url}?file_ids=${a},${c}&file_ids=${b}`, { key });
      expect(mixed.json.documents.map((d: { file_metadata: { file_id: string } }) => d.file_metadata.file_id)).toEqual([a, c, b]);

      const none = await batch([UNKNOWN_FILE, outside]);
      expect(none.response.status).toBe(200);
      expect(none.data).toStrictEqual({ documents: [] });
    });

    it('refuses missing or more than 100 file_ids (400) and an unknown collection (404)', async () => {
      const { key, cid, a, batch, ids } = await fixture();
      const url = `/xai/v1/collections/${cid}/documents:batchGet`;
      expectXaiError(await raw(ctx.url, url, { key }), 400, /file_ids/);
      expectXaiError(await raw(ctx.url, `${url}?file_ids=`, { key }), 400, /file_ids/);
      expectXaiError(failure(await batch(Array.from({ length: 101 }, () => a))), 400, /file_ids/);
      expectXaiError(await raw(ctx.url, `${url}?file_ids=${Array.from({ length: 101 }, () => a).join(',')}`, { key }), 400, /file_ids/);
      const hundred = await batch(Array.from({ length: 100 }, () => a));
      expect(hundred.response.status).toBe(200);
      expect(ids(hundred)).toHaveLength(100);
      expectXaiError(failure(await batch([a], UNKNOWN_COLLECTION)), 404, /Collection/);
    });
  });

  describe('multipart upload into a collection', () => {
    function upload(key: string, cid: string, parts: Record<string, string | Blob>) {
      const form = new FormData();
      for (const [k, v] of Object.entries(parts)) {
        if (typeof v === 'string') form.append(k, v);
        else form.append(k, v, 'ignored-part-name.bin');
      }
      return raw(ctx.url, `/xai/v1/collections/${cid}/documents`, { key, method: 'POST', body: form });
    }

    it('stores the file, attaches it and returns its DocumentMetadata', async () => {
      const { key, client, cid } = await setup();
      const r = await upload(key, cid, {
        name: 'q2.txt',
        data: new Blob(['Quarterly report'], { type: 'application/octet-stream' }),
        content_type: 'text/plain',
        fields: '{"type":"10-Q"}',
      });
      expect(r.status).toBe(200);
      expect(r.json).toStrictEqual({
        file_metadata: {
          file_id: expect.stringMatching(FILE_ID),
          name: 'q2.txt',
          size_bytes: '16',
          content_type: 'text/plain',
          created_at: expect.stringMatching(RFC3339_MICROS),
          expires_at: null,
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
        fields: { type: '10-Q' },
        status: 'DOCUMENT_STATUS_PROCESSING',
        error_message: '',
        last_indexed_at: null,
        chunks_processed_count: '0',
      });
      const fileId: string = r.json.file_metadata.file_id;

      const file = await client.GET('/v1/files/{file_id}', { params: { path: { file_id: fileId } } });
      expect(file.data).toMatchObject({ id: fileId, filename: 'q2.txt', bytes: 16 });
      expect((await raw(ctx.url, `/xai/v1/files/${fileId}/content`, { key })).text).toBe('Quarterly report');
      expect(await doc(client, cid, fileId)).toStrictEqual(r.json);
      expect((await collection(client, cid)).documents_count).toBe(1);
      clock().advance(PROCESSING_MS);
      expect((await doc(client, cid, fileId)).status).toBe('DOCUMENT_STATUS_PROCESSED');
    });

    it('guesses the content type from the name when none is given', async () => {
      const { key, cid } = await setup();
      const r = await upload(key, cid, { name: 'notes.md', data: new Blob(['# notes'], { type: 'application/octet-stream' }) });
      expect(r.status).toBe(200);
      expect(r.json.file_metadata.content_type).toBe('text/markdown');
      expect(r.json.fields).toStrictEqual({});
    });

    it('refuses bad input without leaving a file behind', async () => {
      const { key, client, cid } = await setup({ field_definitions: [{ key: 'accession', unique: true }] });
      const data = () => new Blob(['bytes'], { type: 'text/plain' });
      expect((await upload(key, cid, { name: 'first.txt', data: data(), fields: '{"accession":"1"}' })).status).toBe(200);

      expectXaiError(await upload(key, cid, { name: 'clash.txt', data: data(), fields: '{"accession":"1"}' }), 409, /accession/);
      expectXaiError(await upload(key, cid, { name: 'bad.txt', data: data(), fields: 'not json' }), 400, /fields/);
      expectXaiError(await upload(key, cid, { name: 'bad.txt', data: data(), fields: '{"n":1}' }), 400, /fields/);
      expectXaiError(await upload(key, cid, { name: 'bad.txt', data: data(), fields: '["a"]' }), 400, /fields/);
      expectXaiError(await upload(key, cid, { name: 'nodata.txt' }), 400, /data/);
      expectXaiError(await upload(key, cid, { name: 'textdata.txt', data: 'not a file part' }), 400, /data/);
      expectXaiError(await upload(key, cid, { data: data() }), 400, /name/);
      expectXaiError(await upload(key, UNKNOWN_COLLECTION, { name: 'lost.txt', data: data() }), 404, /Collection/);

      const files = await client.GET('/v1/files');
      expect(files.data!.data.map((f) => f.filename)).toEqual(['first.txt']);
      expect((await collection(client, cid)).documents_count).toBe(1);
    });
  });

  describe('delete collection mid-processing', () => {
    it('cancels the pending indexing jobs of its documents', async () => {
      const { key, client, cid } = await setup();
      for (const name of ['one.txt', 'two.txt']) await add(client, cid, await uploadFile(ctx.url, key, name, name));
      const other = await newCollection(client);
      await add(client, other, await uploadFile(ctx.url, key, 'three.txt', 'three'));
      const before = clock().pending();
      expect(before).toBeGreaterThanOrEqual(3);
      const r = await client.DELETE('/v1/collections/{collection_id}', { params: { path: { collection_id: cid } } });
      expect(r.response.status).toBe(200);
      expect(clock().pending()).toBe(before - 2);
    });
  });
});
