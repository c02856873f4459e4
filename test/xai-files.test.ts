/**
 * xAI Files API (api.x.ai, OpenAI-style JSON): upload, expiry, list with the
 * REST token rule, retrieve, delete (and its cascade out of collections) and
 * download.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { raw, xaiClient } from './support/client.js';
import { expectXaiError, freshKey, uploadFile } from './support/xai.js';

const FILE_ID = /^file_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UNKNOWN_FILE = 'file_00000000-0000-4000-8000-000000000000';

type Client = ReturnType<typeof xaiClient>;

const failure = (r: { error?: unknown; response: Response }) => ({ status: r.response.status, json: r.error, headers: r.response.headers });

/** Every byte value, which is not valid UTF-8. */
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('xAI files', () => {
  const ctx = useServer();
  const clock = () => ctx.server.clock;

  /** POST /v1/files with the given form parts, in order; a Blob part is sent with `filename`. */
  function upload(key: string, parts: [string, string | Blob][], filename = 'upload.txt') {
    const form = new FormData();
    for (const [k, v] of parts) {
      if (typeof v === 'string') form.append(k, v);
      else form.append(k, v, filename);
    }
    return raw(ctx.url, '/xai/v1/files', { key, method: 'POST', body: form });
  }

  /** A multipart body written by hand, for filenames FormData would escape. */
  function uploadRawDisposition(key: string, disposition: string) {
    const body = `--b0undary\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b0undary--\r\n`;
    return raw(ctx.url, '/xai/v1/files', { key, method: 'POST', body, headers: { 'content-type': 'multipart/form-data; boundary=b0undary' } });
  }

  const text = (content: string, type = 'text/plain') => new Blob([content], { type });

  async function fileIds(client: Client): Promise<string[]> {
    const r = await client.GET('/v1/files');
    expect(r.response.status).toBe(200);
    return r.data!.data.map((f) => f.id);
  }

  async function newCollection(client: Client): Promise<string> {
    const r = await client.POST('/v1/collections', { body: { collection_name: 'files' } });
    return r.data!.collection_id;
  }

  async function attach(client: Client, cid: string, fileId: string) {
    const r = await client.POST('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: cid, file_id: fileId } } });
    expect(r.response.status).toBe(200);
  }

  describe('upload', () => {
    it('returns the File object; purpose is always "" and expires_at is absent when unset', async () => {
      const key = freshKey();
      const r = await upload(
        key,
        [
          ['purpose', 'assistants'],
          ['file', text('Tesla 10-Q')],
        ],
        'tsla.txt',
      );
      expect(r.status).toBe(200);
      expect(r.json).toStrictEqual({
        id: expect.stringMatching(FILE_ID),
        object: 'file',
        bytes: 10,
        created_at: Math.floor(clock().nowMs() / 1000),
        filename: 'tsla.txt',
        purpose: '',
      });
      expect('expires_at' in r.json).toBe(false);
      const got = await xaiClient(ctx.url, key).GET('/v1/files/{file_id}', { params: { path: { file_id: r.json.id } } });
      expect(got.data).toStrictEqual(r.json);
    });

    it('counts binary bytes and keeps non-ASCII filenames', async () => {
      const key = freshKey();
      const bin = await upload(key, [['file', new Blob([ALL_BYTES], { type: 'application/octet-stream' })]], 'all-bytes.bin');
      expect(bin.status).toBe(200);
      expect(bin.json.bytes).toBe(256);
      const empty = await upload(key, [['file', text('')]], 'empty.txt');
      expect(empty.status).toBe(200);
      expect(empty.json.bytes).toBe(0);
      const unicode = await upload(key, [['file', text('x')]], 'résumé 报告.txt');
      expect(unicode.json.filename).toBe('résumé 报告.txt');
    });

    it('records the part type, guessing from the extension when the part is application/octet-stream', async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      const cid = await newCollection(client);
      const cases: [string, string, string][] = [
        ['table.csv', 'application/octet-stream', 'text/csv'],
        ['report.PDF', 'application/octet-stream', 'application/pdf'],
        ['readme.md', 'application/octet-stream', 'text/markdown'],
        ['mystery.zzz', 'application/octet-stream', 'application/octet-stream'],
        ['noext', 'application/octet-stream', 'application/octet-stream'],
        ['labelled.txt', 'text/markdown', 'text/markdown'],
      ];
      for (const [name, partType, expected] of cases) {
        const fileId = await uploadFile(ctx.url, key, name, 'a,b\n1,2\n', partType);
        await attach(client, cid, fileId);
        const d = await client.GET('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: cid, file_id: fileId } } });
        expect(d.data!.file_metadata.content_type, name).toBe(expected);
      }
    });

    it('refuses a body without a file part', async () => {
      const key = freshKey();
      expectXaiError(await upload(key, [['purpose', 'assistants']]), 400, /file/);
      expectXaiError(await upload(key, [['file', 'a plain field, not a file part']]), 400, /file/);
      expect(await fileIds(xaiClient(ctx.url, key))).toEqual([]);
    });

    it('refuses filenames with a quote, a semicolon, a control character, or over 255 characters', async () => {
      const key = freshKey();
      expectXaiError(await uploadRawDisposition(key, 'filename="a\\"b.txt"'), 400, /forbidden character/);
      // A backslash (escaped in the quoted-string) reaches the check instead of being read as a path separator.
      expectXaiError(await uploadRawDisposition(key, 'filename="dir\\\\b.txt"'), 400, /forbidden character/);
      expectXaiError(await upload(key, [['file', text('x')]], 'a;b.txt'), 400, /forbidden character/);
      expectXaiError(await upload(key, [['file', text('x')]], 'tab\there.txt'), 400, /forbidden character/);
      expectXaiError(await upload(key, [['file', text('x')]], 'é'.repeat(256)), 400, /255/);
      expectXaiError(await upload(key, [['file', text('x')]], `${'n'.repeat(252)}.txt`), 400, /255/);
      expect(await fileIds(xaiClient(ctx.url, key))).toEqual([]);

      const longest = await upload(key, [['file', text('x')]], `${'n'.repeat(251)}.txt`);
      expect(longest.status).toBe(200);
      expect(longest.json.filename).toHaveLength(255);
    });
  });

  describe('expiry', () => {
    it('takes expires_after as an integer or as the OpenAI anchor/seconds pair', async () => {
      const key = freshKey();
      const plain = await upload(key, [
        ['expires_after', '3600'],
        ['file', text('one hour')],
      ]);
      expect(plain.status).toBe(200);
      expect(plain.json.expires_at).toBe(plain.json.created_at + 3600);

      const pair = await upload(key, [
        ['expires_after[anchor]', 'created_at'],
        ['expires_after[seconds]', '7200'],
        ['file', text('two hours')],
      ]);
      expect(pair.status).toBe(200);
      expect(pair.json.expires_at).toBe(pair.json.created_at + 7200);

      const max = await upload(key, [
        ['expires_after', '2592000'],
        ['file', text('thirty days')],
      ]);
      expect(max.json.expires_at).toBe(max.json.created_at + 2592000);
    });

    it('refuses an expiry out of 3600..2592000, a bad anchor, or an anchor without seconds', async () => {
      const key = freshKey();
      for (const seconds of ['0', '10', '3599', '2592001', 'soon']) {
        expectXaiError(
          await upload(key, [
            ['expires_after', seconds],
            ['file', text('x')],
          ]),
          400,
          /expires_after/,
        );
        expectXaiError(
          await upload(key, [
            ['expires_after[anchor]', 'created_at'],
            ['expires_after[seconds]', seconds],
            ['file', text('x')],
          ]),
          400,
          /expires_after/,
        );
      }
      expectXaiError(
        await upload(key, [
          ['expires_after[anchor]', 'last_active_at'],
          ['expires_after[seconds]', '3600'],
          ['file', text('x')],
        ]),
        400,
        /anchor/,
      );
      expectXaiError(
        await upload(key, [
          ['expires_after[anchor]', 'created_at'],
          ['file', text('x')],
        ]),
        400,
        /seconds/,
      );
      expect(await fileIds(xaiClient(ctx.url, key))).toEqual([]);
    });

    it('makes the file disappear everywhere once expires_at has passed', async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      // Start mid-second, so that a deletion late by the sub-second part of created_at would show.
      clock().advance(1000 - (clock().nowMs() % 1000) + 500);
      const expiring = await upload(
        key,
        [
          ['expires_after', '3600'],
          ['file', text('short-lived')],
        ],
        'short.txt',
      );
      const lasting = await uploadFile(ctx.url, key, 'lasting.txt', 'lasting');
      const id: string = expiring.json.id;
      const cid = await newCollection(client);
      await attach(client, cid, id);
      await attach(client, cid, lasting);

      const expiresAtMs = expiring.json.expires_at * 1000;
      clock().advance(expiresAtMs - clock().nowMs() - 1);
      expect((await client.GET('/v1/files/{file_id}', { params: { path: { file_id: id } } })).response.status).toBe(200);
      expect(await fileIds(client)).toContain(id);

      clock().advance(1);
      expect(clock().nowMs()).toBe(expiresAtMs);
      expectXaiError(failure(await client.GET('/v1/files/{file_id}', { params: { path: { file_id: id } } })), 404);
      expectXaiError(await raw(ctx.url, `/xai/v1/files/${id}/content`, { key }), 404);
      expect(await fileIds(client)).toEqual([lasting]);
      const c = await client.GET('/v1/collections/{collection_id}', { params: { path: { collection_id: cid } } });
      expect(c.data).toMatchObject({ documents_count: 1, total_file_size: '7' });
      const d = await client.GET('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: cid, file_id: id } } });
      expectXaiError(failure(d), 404);
      expectXaiError(failure(await client.DELETE('/v1/files/{file_id}', { params: { path: { file_id: id } } })), 404);
    });
  });

  describe('list', () => {
    /** b-report.txt (30 B), a-notes.txt (5 B), C-report.md (12 B), uploaded a second apart in that order. */
    async function fixture() {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      const ids: Record<string, string> = {};
      for (const [name, content] of [
        ['b-report.txt', 'b'.repeat(30)],
        ['a-notes.txt', 'aaaaa'],
        ['C-report.md', 'c'.repeat(12)],
      ] as const) {
        ids[name] = await uploadFile(ctx.url, key, name, content);
        clock().advance(1000);
      }
      const list = async (query: Record<string, string | number> = {}) => {
        const r = await client.GET('/v1/files', { params: { query: query as never } });
        expect(r.response.status, JSON.stringify(query)).toBe(200);
        return r.data!;
      };
      const names = async (query: Record<string, string | number> = {}) => (await list(query)).data.map((f) => f.filename);
      return { key, client, ids, list, names };
    }

    it('sorts by created_at ascending by default, and by order and sort_by', async () => {
      const { names, list } = await fixture();
      expect(await names()).toEqual(['b-report.txt', 'a-notes.txt', 'C-report.md']);
      expect(await names({ order: 'asc' })).toEqual(['b-report.txt', 'a-notes.txt', 'C-report.md']);
      expect(await names({ order: 'desc' })).toEqual(['C-report.md', 'a-notes.txt', 'b-report.txt']);
      expect(await names({ sort_by: 'filename' })).toEqual(['C-report.md', 'a-notes.txt', 'b-report.txt']);
      expect(await names({ sort_by: 'size' })).toEqual(['a-notes.txt', 'C-report.md', 'b-report.txt']);
      expect(await names({ sort_by: 'size', order: 'desc' })).toEqual(['b-report.txt', 'C-report.md', 'a-notes.txt']);
      const created = (await list()).data.map((f) => f.created_at);
      expect(created).toEqual([...created].sort((x, y) => x - y));
      expect(new Set(created).size).toBe(3);
    });

    it("only lists the caller's own files", async () => {
      const { names } = await fixture();
      await uploadFile(ctx.url, freshKey(), 'someone-else.txt', 'not yours');
      expect(await names()).not.toContain('someone-else.txt');
    });

    it('returns the last id as the token whenever data is non-empty, null on an empty page', async () => {
      const { ids, list } = await fixture();
      const first = await list({ limit: 2 });
      expect(first.data.map((f) => f.filename)).toEqual(['b-report.txt', 'a-notes.txt']);
      expect(first.pagination_token).toBe(ids['a-notes.txt']);

      const second = await list({ limit: 2, pagination_token: first.pagination_token! });
      expect(second.data.map((f) => f.filename)).toEqual(['C-report.md']);
      expect(second.pagination_token).toBe(ids['C-report.md']);

      const third = await list({ limit: 2, pagination_token: second.pagination_token! });
      expect(third).toStrictEqual({ data: [], pagination_token: null });

      // A full last page still carries a token; the next page is empty.
      const all = await list({ limit: 3 });
      expect(all.pagination_token).toBe(ids['C-report.md']);

      const viaAfter = await list({ limit: 2, after: first.pagination_token! });
      expect(viaAfter).toStrictEqual(second);

      const bySize = await list({ sort_by: 'size', limit: 1, after: ids['a-notes.txt']! });
      expect(bySize.data.map((f) => f.filename)).toEqual(['C-report.md']);
    });

    it('walks every file exactly once with limit 1', async () => {
      const { ids, list } = await fixture();
      const seen: string[] = [];
      let token: string | null | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await list({ limit: 1, order: 'desc', ...(token ? { pagination_token: token } : {}) });
        if (page.data.length === 0) {
          expect(page.pagination_token).toBeNull();
          break;
        }
        seen.push(...page.data.map((f) => f.id));
        token = page.pagination_token;
      }
      expect(seen).toEqual([ids['C-report.md'], ids['a-notes.txt'], ids['b-report.txt']]);
    });

    it('resumes from a token naming a since-deleted file; an unknown token gives 400', async () => {
      const { client, ids, list } = await fixture();
      const first = await list({ limit: 1 });
      expect(first.pagination_token).toBe(ids['b-report.txt']);
      await client.DELETE('/v1/files/{file_id}', { params: { path: { file_id: ids['b-report.txt']! } } });
      const next = await list({ limit: 1, pagination_token: first.pagination_token! });
      expect(next.data.map((f) => f.filename)).toEqual(['a-notes.txt']);

      for (const token of [UNKNOWN_FILE, 'garbage']) {
        const r = await client.GET('/v1/files', { params: { query: { pagination_token: token } } });
        expectXaiError(failure(r), 400, /pagination_token/);
      }
      const foreign = await uploadFile(ctx.url, freshKey(), 'other.txt', 'other');
      expectXaiError(failure(await client.GET('/v1/files', { params: { query: { after: foreign } } })), 400, /pagination_token/);
    });

    it('filters by name and size, and clamps limit', async () => {
      const { client, names } = await fixture();
      expect(await names({ filter: 'name:"report"' })).toEqual(['b-report.txt', 'C-report.md']);
      expect(await names({ filter: 'name:"REPORT"' })).toEqual(['b-report.txt', 'C-report.md']);
      expect(await names({ filter: 'size_bytes>10' })).toEqual(['b-report.txt', 'C-report.md']);
      expect(await names({ filter: 'name:"report" AND size_bytes<20' })).toEqual(['C-report.md']);
      expect(await names({ filter: 'content_type:markdown' })).toEqual([]);
      expect(await names({ limit: 0 })).toHaveLength(3);
      expect(await names({ limit: 1000 })).toHaveLength(3);
      for (const filter of ['colour:"red"', 'size_bytes>many', 'name:']) {
        expectXaiError(failure(await client.GET('/v1/files', { params: { query: { filter } } })), 400, /filter/i);
      }
      expectXaiError(failure(await client.GET('/v1/files', { params: { query: { order: 'sideways' as never } } })), 400);
      expectXaiError(failure(await client.GET('/v1/files', { params: { query: { sort_by: 'age' as never } } })), 400);
    });
  });

  describe('retrieve and delete', () => {
    it("gives 404 for an unknown file and another team's file", async () => {
      const client = xaiClient(ctx.url, freshKey());
      expectXaiError(failure(await client.GET('/v1/files/{file_id}', { params: { path: { file_id: UNKNOWN_FILE } } })), 404, UNKNOWN_FILE);
      const theirs = await uploadFile(ctx.url, freshKey(), 'theirs.txt', 'theirs');
      expectXaiError(failure(await client.GET('/v1/files/{file_id}', { params: { path: { file_id: theirs } } })), 404);
      expectXaiError(failure(await client.DELETE('/v1/files/{file_id}', { params: { path: { file_id: theirs } } })), 404);
    });

    it('deletes with a receipt; the file is gone and has left every collection', async () => {
      const key = freshKey();
      const client = xaiClient(ctx.url, key);
      const id = await uploadFile(ctx.url, key, 'shared.txt', 'in two collections');
      const keep = await uploadFile(ctx.url, key, 'keep.txt', 'keep');
      const c1 = await newCollection(client);
      const c2 = await newCollection(client);
      for (const cid of [c1, c2]) await attach(client, cid, id);
      await attach(client, c1, keep);

      const r = await client.DELETE('/v1/files/{file_id}', { params: { path: { file_id: id } } });
      expect(r.response.status).toBe(200);
      expect(r.data).toStrictEqual({ id, object: 'file', deleted: true });

      expectXaiError(failure(await client.GET('/v1/files/{file_id}', { params: { path: { file_id: id } } })), 404);
      expectXaiError(await raw(ctx.url, `/xai/v1/files/${id}/content`, { key }), 404);
      expectXaiError(failure(await client.DELETE('/v1/files/{file_id}', { params: { path: { file_id: id } } })), 404);
      expect(await fileIds(client)).toEqual([keep]);

      const count = async (cid: string) =>
        (await client.GET('/v1/collections/{collection_id}', { params: { path: { collection_id: cid } } })).data!.documents_count;
      expect(await count(c1)).toBe(1);
      expect(await count(c2)).toBe(0);
      const docs = await client.GET('/v1/collections/{collection_id}/documents', { params: { path: { collection_id: c1 } } });
      expect(docs.data!.documents.map((d) => d.file_metadata.file_id)).toEqual([keep]);
      // Adding the deleted file again is a 404 too.
      const again = await client.POST('/v1/collections/{collection_id}/documents/{file_id}', { params: { path: { collection_id: c2, file_id: id } } });
      expectXaiError(failure(again), 404);
    });

    it('cancels the expiry of a deleted file', async () => {
      const key = freshKey();
      const r = await upload(key, [
        ['expires_after', '3600'],
        ['file', text('x')],
      ]);
      const before = clock().pending();
      await xaiClient(ctx.url, key).DELETE('/v1/files/{file_id}', { params: { path: { file_id: r.json.id } } });
      expect(clock().pending()).toBe(before - 1);
    });
  });

  describe('download', () => {
    async function download(key: string, id: string, query = '') {
      const res = await fetch(`${ctx.url}/xai/v1/files/${id}/content${query}`, { headers: { authorization: `Bearer ${key}` } });
      return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
    }

    it('returns the exact bytes as an attachment, text and binary alike', async () => {
      const key = freshKey();
      const textId = await uploadFile(ctx.url, key, 'hello.txt', 'héllo wörld\n');
      const t = await download(key, textId);
      expect(t.res.status).toBe(200);
      expect(t.res.headers.get('content-type')).toBe('application/octet-stream');
      expect(t.res.headers.get('content-disposition')).toBe('attachment; filename="hello.txt"');
      expect(new TextDecoder().decode(t.bytes)).toBe('héllo wörld\n');

      const binId = await uploadFile(ctx.url, key, 'all.bin', ALL_BYTES, 'application/octet-stream');
      const b = await download(key, binId);
      expect(b.res.status).toBe(200);
      expect(b.res.headers.get('content-type')).toBe('application/octet-stream');
      expect(b.res.headers.get('content-disposition')).toBe('attachment; filename="all.bin"');
      expect(Buffer.from(b.bytes).equals(Buffer.from(ALL_BYTES))).toBe(true);
      expect(b.res.headers.get('content-length')).toBe('256');
    });

    it('serves a non-ASCII filename with an RFC 6266 filename* parameter', async () => {
      const key = freshKey();
      const id = await uploadFile(ctx.url, key, '报告 2025.txt', 'report');
      const r = await download(key, id);
      expect(r.res.status).toBe(200);
      expect(new TextDecoder().decode(r.bytes)).toBe('report');
      const disposition = r.res.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
      const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
      expect(decodeURIComponent(encoded)).toBe('报告 2025.txt');
    });

    it('format=text gives the bytes of a text file and 400 for a PDF; an invalid format gives 400', async () => {
      const key = freshKey();
      const textId = await uploadFile(ctx.url, key, 'notes.md', '# Notes', 'text/markdown');
      const pdfId = await uploadFile(ctx.url, key, 'scan.pdf', '%PDF-1.4 fake', 'application/pdf');
      const asText = await download(key, textId, '?format=text');
      expect(asText.res.status).toBe(200);
      expect(new TextDecoder().decode(asText.bytes)).toBe('# Notes');
      expectXaiError(await raw(ctx.url, `/xai/v1/files/${pdfId}/content?format=text`, { key }), 400, /application\/pdf/);
      const original = await download(key, pdfId, '?format=original');
      expect(original.res.status).toBe(200);
      expect(new TextDecoder().decode(original.bytes)).toBe('%PDF-1.4 fake');
      expectXaiError(await raw(ctx.url, `/xai/v1/files/${textId}/content?format=xyz`, { key }), 400, /format/);
      expectXaiError(await raw(ctx.url, `/xai/v1/files/${UNKNOWN_FILE}/content`, { key }), 404);
    });
  });
});
