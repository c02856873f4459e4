/**
 * xAI Collections: every collection operation (create, get, update, delete,
 * list with sort, filter and keyset pagination), success paths and the error
 * statuses each one can naturally return.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { raw, xaiClient } from './support/client.js';
import { expectXaiError, freshKey, uploadFile } from './support/xai.js';

const COLLECTION_ID = /^collection_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const DEFAULT_CHUNKING = {
  tokens_configuration: { max_chunk_size_tokens: 1024, chunk_overlap_tokens: 200, encoding_name: 'o200k_base' },
  strip_whitespace: true,
  inject_name_into_chunks: false,
};

type Client = ReturnType<typeof xaiClient>;

/** An openapi-fetch error result in the shape expectXaiError takes. */
const failure = (r: { error?: unknown; response: Response }) => ({ status: r.response.status, json: r.error, headers: r.response.headers });

const jsonInit = (key: string, method: string, body?: unknown): RequestInit & { key: string } => ({
  key,
  method,
  headers: { 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

describe('xAI collections', () => {
  const ctx = useServer();

  async function create(client: Client, name: string): Promise<string> {
    const r = await client.POST('/v1/collections', { body: { collection_name: name } });
    expect(r.response.status).toBe(200);
    return r.data!.collection_id;
  }

  async function get(client: Client, id: string) {
    const r = await client.GET('/v1/collections/{collection_id}', { params: { path: { collection_id: id } } });
    expect(r.response.status).toBe(200);
    return r.data!;
  }

  async function listNames(client: Client, query: Record<string, string | number> = {}): Promise<string[]> {
    const r = await client.GET('/v1/collections', { params: { query: query as never } });
    expect(r.response.status).toBe(200);
    return r.data!.collections.map((c) => c.collection_name);
  }

  async function addDocument(key: string, collectionId: string, name: string, content: string, fields?: Record<string, string>): Promise<string> {
    const fileId = await uploadFile(ctx.url, key, name, content);
    const r = await xaiClient(ctx.url, key).POST('/v1/collections/{collection_id}/documents/{file_id}', {
      params: { path: { collection_id: collectionId, file_id: fileId } },
      ...(fields ? { body: { fields } } : {}),
    });
    expect(r.response.status).toBe(200);
    return fileId;
  }

  describe('create', () => {
    it('applies the defaults and reads back the same collection', async () => {
      const client = xaiClient(ctx.url, freshKey());
      const r = await client.POST('/v1/collections', { body: { collection_name: 'Defaults' } });
      expect(r.response.status).toBe(200);
      const c = r.data!;
      expect(c.collection_id).toMatch(COLLECTION_ID);
      expect(c.created_at).toMatch(RFC3339_MICROS);
      expect(Date.parse(c.created_at)).toBe(ctx.server.clock.nowMs());
      expect(c).toStrictEqual({
        collection_id: c.collection_id,
        collection_name: 'Defaults',
        created_at: c.created_at,
        index_configuration: { model_name: 'grok-embedding-small' },
        chunk_configuration: DEFAULT_CHUNKING,
        documents_count: 0,
        field_definitions: [],
        total_file_size: '0',
      });
      expect(await get(client, c.collection_id)).toStrictEqual(c);
    });

    it('gives every collection its own id, and names need not be unique', async () => {
      const client = xaiClient(ctx.url, freshKey());
      const a = await create(client, 'Same');
      const b = await create(client, 'Same');
      expect(a).not.toBe(b);
      expect(await listNames(client)).toEqual(['Same', 'Same']);
    });

    it('echoes every given field with integers normalised to numbers; metric_space is not echoed', async () => {
      const client = xaiClient(ctx.url, freshKey());
      const r = await client.POST('/v1/collections', {
        body: {
          collection_name: 'Chunky',
          collection_description: 'Quarterly reports',
          index_configuration: { model_name: 'grok-embedding-large' },
          metric_space: 'HNSW_METRIC_COSINE',
          chunk_configuration: {
            chars_configuration: { max_chunk_size_chars: '512', chunk_overlap_chars: '64' },
            inject_name_into_chunks: true,
          },
          field_definitions: [
            { key: 'type', unique: true },
            { key: 'year', required: true, inject_into_chunk: true, description: 'Fiscal year' },
          ],
        },
      });
      expect(r.response.status).toBe(200);
      expect(r.data).toStrictEqual({
        collection_id: expect.stringMatching(COLLECTION_ID),
        collection_name: 'Chunky',
        collection_description: 'Quarterly reports',
        created_at: expect.stringMatching(RFC3339_MICROS),
        index_configuration: { model_name: 'grok-embedding-large' },
        chunk_configuration: {
          chars_configuration: { max_chunk_size_chars: 512, chunk_overlap_chars: 64 },
          strip_whitespace: false,
          inject_name_into_chunks: true,
        },
        documents_count: 0,
        field_definitions: [
          { key: 'type', required: false, inject_into_chunk: false, unique: true },
          { key: 'year', required: true, inject_into_chunk: true, unique: false, description: 'Fiscal year' },
        ],
        total_file_size: '0',
      });
    });

    it('refuses zero or two chunking strategies and an empty name, creating nothing', async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      const none = await raw(ctx.url, '/xai/v1/collections', jsonInit(key, 'POST', { collection_name: 'x', chunk_configuration: { strip_whitespace: true } }));
      expectXaiError(none, 400);
      const two = await raw(
        ctx.url,
        '/xai/v1/collections',
        jsonInit(key, 'POST', {
          collection_name: 'x',
          chunk_configuration: { chars_configuration: { max_chunk_size_chars: 100 }, tokens_configuration: { max_chunk_size_tokens: 100 } },
        }),
      );
      expectXaiError(two, 400);
      expectXaiError(await raw(ctx.url, '/xai/v1/collections', jsonInit(key, 'POST', { collection_name: '' })), 400, /collection_name/);
      expectXaiError(await raw(ctx.url, '/xai/v1/collections', jsonInit(key, 'POST', { collection_name: '   ' })), 400, /collection_name must not be empty/);
      expectXaiError(await raw(ctx.url, '/xai/v1/collections', jsonInit(key, 'POST', {})), 400, /collection_name/);
      expect(await listNames(client)).toEqual([]);
    });

    it('checks the 32-bit range of integers sent as strings as well as numbers', async () => {
      const key = freshKey();
      const chunking = (size: string | number) => ({ collection_name: 'big', chunk_configuration: { chars_configuration: { max_chunk_size_chars: size } } });
      const largest = await raw(ctx.url, '/xai/v1/collections', jsonInit(key, 'POST', chunking('2147483647')));
      expect(largest.status).toBe(200);
      expect(largest.json.chunk_configuration.chars_configuration).toStrictEqual({ max_chunk_size_chars: 2147483647, chunk_overlap_chars: 0 });
      for (const size of ['2147483648', '99999999999999999999', 2147483648]) {
        expectXaiError(await raw(ctx.url, '/xai/v1/collections', jsonInit(key, 'POST', chunking(size))), 400, /max_chunk_size_chars/);
      }
      expect(await listNames(xaiClient(ctx.url, key))).toEqual(['big']);
    });

    it('accepts lowerCamelCase field names and answers in snake_case', async () => {
      const key = freshKey();
      const r = await raw(
        ctx.url,
        '/xai/v1/collections',
        jsonInit(key, 'POST', {
          collectionName: 'Camel',
          collectionDescription: 'camel body',
          chunkConfiguration: {
            tokensConfiguration: { maxChunkSizeTokens: 300, chunkOverlapTokens: '30', encodingName: 'cl100k_base' },
            stripWhitespace: true,
          },
          fieldDefinitions: [{ key: 'ticker', injectIntoChunk: true }],
        }),
      );
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({
        collection_name: 'Camel',
        collection_description: 'camel body',
        chunk_configuration: {
          tokens_configuration: { max_chunk_size_tokens: 300, chunk_overlap_tokens: 30, encoding_name: 'cl100k_base' },
          strip_whitespace: true,
          inject_name_into_chunks: false,
        },
        field_definitions: [{ key: 'ticker', required: false, inject_into_chunk: true, unique: false }],
      });
      expect(Object.keys(r.json).filter((k) => /[A-Z]/.test(k))).toEqual([]);
    });

    it('refuses both spellings of one field with 400', async () => {
      const key = freshKey();
      const top = await raw(ctx.url, '/xai/v1/collections', jsonInit(key, 'POST', { collection_name: 'a', collectionName: 'b' }));
      expectXaiError(top, 400, /collection_name.*collectionName|collectionName.*collection_name/);
      const nested = await raw(
        ctx.url,
        '/xai/v1/collections',
        jsonInit(key, 'POST', { collection_name: 'a', chunk_configuration: { tokens_configuration: { max_chunk_size_tokens: 10, maxChunkSizeTokens: 20 } } }),
      );
      expectXaiError(nested, 400, /max_chunk_size_tokens/);
      expect(await listNames(xaiClient(ctx.url, key))).toEqual([]);
    });
  });

  describe('get', () => {
    it("gives 404 for an unknown id, a very long id, and another team's collection", async () => {
      const client = xaiClient(ctx.url, freshKey());
      const unknown = 'collection_00000000-0000-4000-8000-000000000000';
      const r = await client.GET('/v1/collections/{collection_id}', { params: { path: { collection_id: unknown } } });
      expectXaiError(failure(r), 404, `Collection ${unknown} not found.`);

      const long = `collection_${'a'.repeat(5000)}`;
      const r2 = await client.GET('/v1/collections/{collection_id}', { params: { path: { collection_id: long } } });
      expectXaiError(failure(r2), 404);

      const theirs = await create(xaiClient(ctx.url, freshKey()), 'Theirs');
      const r3 = await client.GET('/v1/collections/{collection_id}', { params: { path: { collection_id: theirs } } });
      expectXaiError(failure(r3), 404);
    });
  });

  describe('update', () => {
    it('renames and changes only the fields that were sent', async () => {
      const client = xaiClient(ctx.url, freshKey());
      const created = (await client.POST('/v1/collections', { body: { collection_name: 'Old', collection_description: 'first' } })).data!;
      const path = { collection_id: created.collection_id };

      const renamed = await client.PUT('/v1/collections/{collection_id}', { params: { path }, body: { collection_name: 'New' } });
      expect(renamed.response.status).toBe(200);
      expect(renamed.data).toStrictEqual({ ...created, collection_name: 'New' });

      const described = await client.PUT('/v1/collections/{collection_id}', { params: { path }, body: { collection_description: 'second' } });
      expect(described.data).toStrictEqual({ ...created, collection_name: 'New', collection_description: 'second' });

      const chunking = { bytes_configuration: { max_chunk_size_bytes: '2048' }, strip_whitespace: true };
      const rechunked = await client.PUT('/v1/collections/{collection_id}', { params: { path }, body: { chunk_configuration: chunking } });
      expect(rechunked.data!.chunk_configuration).toStrictEqual({
        bytes_configuration: { max_chunk_size_bytes: 2048, chunk_overlap_bytes: 0 },
        strip_whitespace: true,
        inject_name_into_chunks: false,
      });
      expect(rechunked.data!.collection_name).toBe('New');

      expect(await get(client, created.collection_id)).toStrictEqual(rechunked.data);
    });

    it('returns the collection unchanged for an empty or absent body', async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      const id = await create(client, 'Steady');
      const before = await get(client, id);
      const empty = await client.PUT('/v1/collections/{collection_id}', { params: { path: { collection_id: id } }, body: {} });
      expect(empty.response.status).toBe(200);
      expect(empty.data).toStrictEqual(before);
      const absent = await raw(ctx.url, `/xai/v1/collections/${id}`, { key, method: 'PUT' });
      expect(absent.status).toBe(200);
      expect(absent.json).toStrictEqual(before);
      expect(await get(client, id)).toStrictEqual(before);
    });

    it("adds, replaces and deletes field definitions; a delete cascades out of the documents' fields", async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      const created = await client.POST('/v1/collections', { body: { collection_name: 'Fields', field_definitions: [{ key: 'type' }] } });
      const id = created.data!.collection_id;
      const path = { collection_id: id };
      const fileId = await addDocument(key, id, 'q.txt', 'quarterly', { type: '10-Q', year: '2025' });

      const added = await client.PUT('/v1/collections/{collection_id}', {
        params: { path },
        body: {
          field_definition_updates: [
            { operation: 'FIELD_DEFINITION_ADD', field_definition: { key: 'year', inject_into_chunk: true } },
            { operation: 'FIELD_DEFINITION_ADD', field_definition: { key: 'type', unique: true, required: true, description: 'form' } },
          ],
        },
      });
      expect(added.response.status).toBe(200);
      expect(added.data!.field_definitions).toStrictEqual([
        { key: 'type', required: true, inject_into_chunk: false, unique: true, description: 'form' },
        { key: 'year', required: false, inject_into_chunk: true, unique: false },
      ]);

      const deleted = await client.PUT('/v1/collections/{collection_id}', {
        params: { path },
        body: { field_definition_updates: [{ operation: 'FIELD_DEFINITION_DELETE', field_definition: { key: 'type' } }] },
      });
      expect(deleted.response.status).toBe(200);
      expect(deleted.data!.field_definitions.map((d) => d.key)).toEqual(['year']);

      const doc = await client.GET('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: id, file_id: fileId } } });
      expect(doc.data!.fields).toStrictEqual({ year: '2025' });

      // The numeric enum form: 1 = FIELD_DEFINITION_DELETE.
      const numeric = await raw(
        ctx.url,
        `/xai/v1/collections/${id}`,
        jsonInit(key, 'PUT', { field_definition_updates: [{ operation: 1, field_definition: { key: 'year' } }] }),
      );
      expect(numeric.status).toBe(200);
      expect(numeric.json.field_definitions).toEqual([]);
      const doc2 = await client.GET('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: id, file_id: fileId } } });
      expect(doc2.data!.fields).toStrictEqual({});
    });

    it('refuses a new required definition (400) and an unknown delete (404), changing nothing', async () => {
      const client = xaiClient(ctx.url, freshKey());
      const id = (await client.POST('/v1/collections', { body: { collection_name: 'Guarded', field_definitions: [{ key: 'type' }] } })).data!.collection_id;
      const path = { collection_id: id };
      const before = await get(client, id);

      const required = await client.PUT('/v1/collections/{collection_id}', {
        params: { path },
        body: {
          collection_name: 'Renamed',
          field_definition_updates: [
            { operation: 'FIELD_DEFINITION_DELETE', field_definition: { key: 'type' } },
            { operation: 'FIELD_DEFINITION_ADD', field_definition: { key: 'ticker', required: true } },
          ],
        },
      });
      expectXaiError(failure(required), 400, /ticker/);
      expect(await get(client, id)).toStrictEqual(before);

      const unknown = await client.PUT('/v1/collections/{collection_id}', {
        params: { path },
        body: {
          collection_description: 'changed',
          field_definition_updates: [
            { operation: 'FIELD_DEFINITION_ADD', field_definition: { key: 'fresh' } },
            { operation: 'FIELD_DEFINITION_DELETE', field_definition: { key: 'missing' } },
          ],
        },
      });
      expectXaiError(failure(unknown), 404, /missing/);
      expect(await get(client, id)).toStrictEqual(before);
    });

    it('refuses an out-of-range chunk size without applying the rest of the update', async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      const id = await create(client, 'Unchanged');
      const before = await get(client, id);
      const r = await raw(
        ctx.url,
        `/xai/v1/collections/${id}`,
        jsonInit(key, 'PUT', { collection_name: 'Changed', chunk_configuration: { tokens_configuration: { max_chunk_size_tokens: '4294967296' } } }),
      );
      expectXaiError(r, 400, /max_chunk_size_tokens/);
      expect(await get(client, id)).toStrictEqual(before);
    });

    it('refuses an empty name with 400 and an unknown collection with 404', async () => {
      const client = xaiClient(ctx.url, freshKey());
      const id = await create(client, 'Named');
      const empty = await client.PUT('/v1/collections/{collection_id}', { params: { path: { collection_id: id } }, body: { collection_name: '' } });
      expectXaiError(failure(empty), 400, /collection_name/);
      expect((await get(client, id)).collection_name).toBe('Named');
      const unknown = await client.PUT('/v1/collections/{collection_id}', {
        params: { path: { collection_id: 'collection_00000000-0000-4000-8000-000000000000' } },
        body: { collection_name: 'x' },
      });
      expectXaiError(failure(unknown), 404);
    });
  });

  describe('delete', () => {
    it('answers {} and the collection is gone; a second delete gives 404', async () => {
      const client = xaiClient(ctx.url, freshKey());
      const id = await create(client, 'Doomed');
      const keep = await create(client, 'Kept');
      const path = { collection_id: id };
      const r = await client.DELETE('/v1/collections/{collection_id}', { params: { path } });
      expect(r.response.status).toBe(200);
      expect(r.data).toStrictEqual({});
      expectXaiError(failure(await client.GET('/v1/collections/{collection_id}', { params: { path } })), 404);
      expectXaiError(failure(await client.DELETE('/v1/collections/{collection_id}', { params: { path } })), 404);
      const list = await client.GET('/v1/collections');
      expect(list.data!.collections.map((c) => c.collection_id)).toEqual([keep]);
    });

    it('drops its documents but keeps their files in the Files API', async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      const id = await create(client, 'With docs');
      const fileId = await addDocument(key, id, 'kept.txt', 'still here');
      expect((await client.DELETE('/v1/collections/{collection_id}', { params: { path: { collection_id: id } } })).response.status).toBe(200);

      const file = await client.GET('/v1/files/{file_id}', { params: { path: { file_id: fileId } } });
      expect(file.response.status).toBe(200);
      expect(file.data!.filename).toBe('kept.txt');
      const files = await client.GET('/v1/files');
      expect(files.data!.data.map((f) => f.id)).toEqual([fileId]);
      const content = await raw(ctx.url, `/xai/v1/files/${fileId}/content`, { key });
      expect(content.text).toBe('still here');

      // The file is free to join another collection.
      const other = await create(client, 'Second home');
      const again = await client.POST('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: other, file_id: fileId } } });
      expect(again.response.status).toBe(200);
    });
  });

  describe('list', () => {
    it('defaults to name descending with no pagination_token on a single page', async () => {
      const client = xaiClient(ctx.url, freshKey());
      for (const name of ['bravo', 'delta', 'alpha', 'charlie']) await create(client, name);
      const r = await client.GET('/v1/collections');
      expect(r.response.status).toBe(200);
      expect(r.data!.collections.map((c) => c.collection_name)).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
      expect(Object.keys(r.data!)).toEqual(['collections']);
      expect(await listNames(client, { order: 'ORDERING_DESCENDING' })).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
      expect(await listNames(client, { order: 'ORDERING_UNKNOWN' })).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
      expect(await listNames(client, { order: '0' })).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
    });

    it("only lists the caller's own collections", async () => {
      const mine = xaiClient(ctx.url, freshKey());
      const theirs = xaiClient(ctx.url, freshKey());
      await create(mine, 'mine');
      await create(theirs, 'theirs');
      expect(await listNames(mine)).toEqual(['mine']);
      expect(await listNames(theirs)).toEqual(['theirs']);
    });

    it('sorts ascending and by age, by enum name or digit, with the sortBy alias', async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      for (const name of ['bravo', 'delta', 'alpha', 'charlie']) {
        await create(client, name);
        ctx.server.clock.advance(1000);
      }
      const created = ['bravo', 'delta', 'alpha', 'charlie'];
      expect(await listNames(client, { order: 'ORDERING_ASCENDING' })).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
      expect(await listNames(client, { order: '1' })).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
      expect(await listNames(client, { sort_by: 'COLLECTIONS_SORT_BY_NAME', order: '2' })).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
      expect(await listNames(client, { sort_by: 'COLLECTIONS_SORT_BY_AGE' })).toEqual([...created].reverse());
      expect(await listNames(client, { sort_by: 'COLLECTIONS_SORT_BY_AGE', order: 'ORDERING_ASCENDING' })).toEqual(created);
      expect(await listNames(client, { sort_by: '1', order: '1' })).toEqual(created);

      const camel = await raw(ctx.url, '/xai/v1/collections?sortBy=COLLECTIONS_SORT_BY_AGE&order=ORDERING_ASCENDING', { key });
      expect(camel.status).toBe(200);
      expect(camel.json.collections.map((c: { collection_name: string }) => c.collection_name)).toEqual(created);

      const both = await raw(ctx.url, '/xai/v1/collections?sortBy=COLLECTIONS_SORT_BY_AGE&sort_by=COLLECTIONS_SORT_BY_NAME', { key });
      expectXaiError(both, 400, /sort_by/);
      expectXaiError(await raw(ctx.url, '/xai/v1/collections?sort_by=COLLECTIONS_SORT_BY_SIZE', { key }), 400);
      expectXaiError(await raw(ctx.url, '/xai/v1/collections?order=asc', { key }), 400);
    });

    it('clamps limit: 0 or less and over 100 both mean 100', async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      const ids = new Set<string>();
      for (let batch = 0; batch < 101; batch += 20) {
        const names = Array.from({ length: Math.min(20, 101 - batch) }, (_, i) => `c${String(batch + i).padStart(3, '0')}`);
        for (const id of await Promise.all(names.map((n) => create(client, n)))) ids.add(id);
      }
      expect(ids.size).toBe(101);
      for (const limit of [0, -5, 500]) {
        const r = await client.GET('/v1/collections', { params: { query: { limit } } });
        expect(r.response.status).toBe(200);
        expect(r.data!.collections).toHaveLength(100);
        expect(typeof r.data!.pagination_token).toBe('string');
        const rest = await client.GET('/v1/collections', { params: { query: { limit, pagination_token: r.data!.pagination_token! } } });
        expect(rest.data!.collections.map((c) => c.collection_name)).toEqual(['c000']);
        expect('pagination_token' in rest.data!).toBe(false);
      }
      const unlimited = await client.GET('/v1/collections');
      expect(unlimited.data!.collections).toHaveLength(100);
      const three = await client.GET('/v1/collections', { params: { query: { limit: 3 } } });
      expect(three.data!.collections.map((c) => c.collection_name)).toEqual(['c100', 'c099', 'c098']);
    });

    it('filters by name substring, documents_count and created_at, joined with AND', async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      const early = await create(client, 'SEC Filings');
      await create(client, 'Support tickets');
      ctx.server.clock.advance(5000);
      const boundary = new Date(ctx.server.clock.nowMs() - 2500).toISOString();
      const big = await create(client, 'old sec archive');
      for (let i = 0; i < 11; i++) await addDocument(key, big, `doc-${i}.txt`, `document number ${i}`);
      const ten = await create(client, 'sec ten');
      for (let i = 0; i < 10; i++) await addDocument(key, ten, `ten-${i}.txt`, `document ${i}`);

      const ids = async (filter: string) => {
        const r = await client.GET('/v1/collections', { params: { query: { filter } } });
        expect(r.response.status, filter).toBe(200);
        return r.data!.collections.map((c) => c.collection_id);
      };
      expect((await ids('collection_name:"SEC"')).sort()).toEqual([early, big, ten].sort());
      expect((await ids('collection_name="sec"')).sort()).toEqual([early, big, ten].sort());
      expect(await ids('documents_count:>10')).toEqual([big]);
      expect((await ids('documents_count:>=10')).sort()).toEqual([big, ten].sort());
      expect(await ids('collection_name:"SEC" AND documents_count:>10')).toEqual([big]);
      expect(await ids('created_at:>2025-01-01T00:00:00Z')).toHaveLength(4);
      expect(await ids('created_at:<2025-01-01T00:00:00Z')).toEqual([]);
      expect((await ids(`created_at:>${boundary}`)).sort()).toEqual([big, ten].sort());
      expect(await ids(`created_at<${boundary} AND collection_name:"sec"`)).toEqual([early]);
      expect(await ids(`collection_id=${early}`)).toEqual([early]);
      const counted = await client.GET('/v1/collections', { params: { query: { filter: 'documents_count:>10' } } });
      expect(counted.data!.collections[0]).toMatchObject({ documents_count: 11 });
    });

    it('refuses an invalid filter and an unknown filter field with 400', async () => {
      const client = xaiClient(ctx.url, freshKey());
      await create(client, 'anything');
      for (const filter of ['collection_name:', 'documents_count:>ten', '(collection_name:"a"', 'created_at:>yesterday']) {
        const r = await client.GET('/v1/collections', { params: { query: { filter } } });
        expectXaiError(failure(r), 400, /filter/i);
      }
      const unknown = await client.GET('/v1/collections', { params: { query: { filter: 'colour:"red"' } } });
      expectXaiError(failure(unknown), 400, /unknown field/);
    });
  });

  describe('pagination', () => {
    async function walk(client: Client, query: Record<string, string | number>, between?: (page: number) => Promise<void>) {
      const seen: string[] = [];
      const names: string[] = [];
      let token: string | undefined;
      for (let page = 0; page < 50; page++) {
        const r = await client.GET('/v1/collections', { params: { query: { ...query, ...(token ? { pagination_token: token } : {}) } as never } });
        expect(r.response.status).toBe(200);
        const items = r.data!.collections;
        seen.push(...items.map((c) => c.collection_id));
        names.push(...items.map((c) => c.collection_name));
        if (!('pagination_token' in r.data!)) return { seen, names, pages: page + 1 };
        expect(r.data!.pagination_token).toEqual(expect.any(String));
        expect(items).toHaveLength(Number(query.limit));
        token = r.data!.pagination_token;
        await between?.(page);
      }
      throw new Error('pagination never ended');
    }

    it('walks every page with limit 2, each id exactly once, the last page without a token', async () => {
      const client = xaiClient(ctx.url, freshKey());
      const ids: string[] = [];
      for (const name of ['g', 'c', 'e', 'a', 'f', 'b', 'd']) ids.push(await create(client, name));
      const { seen, names, pages } = await walk(client, { limit: 2 });
      expect(pages).toBe(4);
      expect(seen).toHaveLength(7);
      expect(new Set(seen)).toEqual(new Set(ids));
      expect(names).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);

      const byAge = await walk(client, {
        limit: 2,
        sort_by: 'COLLECTIONS_SORT_BY_AGE',
        order: 'ORDERING_ASCENDING',
        filter: 'collection_name:"a" OR collection_name:"b" OR collection_name:"c" OR collection_name:"d"',
      });
      expect(byAge.pages).toBe(2);
      expect(new Set(byAge.names)).toEqual(new Set(['a', 'b', 'c', 'd']));
    });

    it('ends without a token when the page is exactly full', async () => {
      const client = xaiClient(ctx.url, freshKey());
      for (const name of ['x', 'y', 'z', 'w']) await create(client, name);
      const { seen, pages } = await walk(client, { limit: 2 });
      expect(pages).toBe(2);
      expect(seen).toHaveLength(4);
    });

    it('keeps its place when collections are inserted or deleted between pages', async () => {
      const client = xaiClient(ctx.url, freshKey());
      const original = new Map<string, string>();
      for (let i = 1; i <= 9; i++) {
        const name = `item-${String(i).padStart(2, '0')}`;
        original.set(await create(client, name), name);
      }
      let n = 0;
      const { seen, names } = await walk(client, { limit: 2 }, async () => {
        n++;
        // One insert before the cursor (already passed in descending order), one after it.
        await create(client, `item-99-new-${n}`);
        await create(client, `item-00-new-${n}`);
      });
      expect(new Set(seen).size).toBe(seen.length);
      const originalsSeen = seen.filter((id) => original.has(id));
      expect(originalsSeen.map((id) => original.get(id))).toEqual([...original.values()].reverse());
      expect(names.filter((x) => x.startsWith('item-99'))).toEqual([]);
      expect(names.filter((x) => x.startsWith('item-00-new')).length).toBeGreaterThan(0);

      // Deleting the very item a token points at does not break the token.
      const first = await client.GET('/v1/collections', { params: { query: { limit: 2, filter: 'collection_name:"item-0" AND NOT collection_name:"new"' } } });
      const [, last] = first.data!.collections;
      expect(last!.collection_name).toBe('item-08');
      await client.DELETE('/v1/collections/{collection_id}', { params: { path: { collection_id: last!.collection_id } } });
      const next = await client.GET('/v1/collections', {
        params: { query: { limit: 2, filter: 'collection_name:"item-0" AND NOT collection_name:"new"', pagination_token: first.data!.pagination_token! } },
      });
      expect(next.data!.collections.map((c) => c.collection_name)).toEqual(['item-07', 'item-06']);
    });

    it('refuses a garbage token and a token from another order, sort or filter with 400', async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      for (const name of ['a', 'b', 'c']) await create(client, name);
      for (const token of ['garbage!', 'bm90LWEtdG9rZW4', Buffer.from('{"s":"x","k":[1]}').toString('base64url')]) {
        const r = await client.GET('/v1/collections', { params: { query: { limit: 1, pagination_token: token } } });
        expectXaiError(failure(r), 400, /pagination_token/);
      }
      const page = await client.GET('/v1/collections', { params: { query: { limit: 1 } } });
      const token = page.data!.pagination_token!;
      expect(token).toEqual(expect.any(String));
      const misuse: Record<string, string | number>[] = [
        { sort_by: 'COLLECTIONS_SORT_BY_AGE' },
        { order: 'ORDERING_ASCENDING' },
        { filter: 'collection_name:"a"' },
      ];
      for (const q of misuse) {
        const r = await client.GET('/v1/collections', { params: { query: { limit: 1, pagination_token: token, ...q } as never } });
        expectXaiError(failure(r), 400, /pagination_token/);
      }
      // The same token under the same query still works, and the camelCase alias reads it too.
      const ok = await raw(ctx.url, `/xai/v1/collections?limit=1&paginationToken=${token}`, { key });
      expect(ok.status).toBe(200);
      expect(ok.json.collections.map((c: { collection_name: string }) => c.collection_name)).toEqual(['b']);
    });
  });
});
