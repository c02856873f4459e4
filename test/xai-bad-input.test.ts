/**
 * Bad input against the xAI mount: every refusal is the vendor's envelope
 * `{code, error}` with the right status (never HTML, never a stack trace, never
 * a crash), and nothing stored changes. After each test the server must still
 * answer and a sentinel collection (with a processed document and its file)
 * must be exactly as it was, and its team must hold nothing else.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { startServer, useServer } from './support/server.js';
import { parseJson, raw } from './support/client.js';
import { expectXaiError, freshKey, uploadFile, XAI_CODES } from './support/xai.js';

type RawRes = Awaited<ReturnType<typeof raw>>;

const JSON_CT = { 'content-type': 'application/json' };

/** No HTML page, no stack frame, JSON content type. */
function expectNoLeak(res: RawRes): void {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.text).not.toContain('<html');
  expect(res.text).not.toContain('    at ');
  expect(res.text).not.toMatch(/\bat .+\.(?:ts|js):\d+/);
}

/** The xAI envelope for any error status (415 maps to INVALID_ARGUMENT's text, which XAI_CODES does not list). */
function expectError(res: RawRes, status: keyof typeof XAI_CODES | 415, message?: RegExp | string): void {
  if (status === 415) {
    expect(res.status).toBe(415);
    expect(res.json).toEqual({ code: XAI_CODES[400], error: expect.any(String) });
    if (message !== undefined) expect(res.json.error).toMatch(message);
  } else {
    expectXaiError(res, status, message);
  }
  expectNoLeak(res);
}

/** Sends exactly these headers and bytes (fetch would add a Content-Type of its own). */
function rawHttp(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<RawRes> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const json = parseJson(text);
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
        resolve({ status: res.statusCode ?? 0, headers: h, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

describe('xAI bad input', () => {
  const ctx = useServer();
  /** The sentinel team: bad requests go here, so any stray write shows up in its lists. */
  const KEY = freshKey('sentinel');
  let sentinel: { id: string; fileId: string; collection: any; document: any; file: any };

  const get = (path: string, key: string = KEY) => raw(ctx.url, path, { key });

  beforeAll(async () => {
    const created = await raw(ctx.url, '/xai/v1/collections', {
      key: KEY,
      method: 'POST',
      headers: JSON_CT,
      body: JSON.stringify({
        collection_name: 'sentinel',
        collection_description: 'must never change',
        field_definitions: [{ key: 'kind', unique: true }],
      }),
    });
    expect(created.status).toBe(200);
    const id: string = created.json.collection_id;
    const fileId = await uploadFile(ctx.url, KEY, 'sentinel.txt', 'sentinel document text');
    const added = await raw(ctx.url, `/xai/v1/collections/${id}/documents/${fileId}`, {
      key: KEY,
      method: 'POST',
      headers: JSON_CT,
      body: JSON.stringify({ fields: { kind: 'sentinel' } }),
    });
    expect(added.status).toBe(200);
    ctx.server.clock.advance(10_000);
    const collection = (await get(`/xai/v1/collections/${id}`)).json;
    const document = (await get(`/xai/v1/collections/${id}/documents/${fileId}`)).json;
    const file = (await get(`/xai/v1/files/${fileId}`)).json;
    expect(document.status).toBe('DOCUMENT_STATUS_PROCESSED');
    expect(collection.documents_count).toBe(1);
    sentinel = { id, fileId, collection, document, file };
  });

  /** The server answers, and the sentinel team holds exactly what it held before the test. */
  async function expectIntact(): Promise<void> {
    const health = await fetch(`${ctx.url}/__mock/health`);
    expect(health.status).toBe(200);
    const c = await get(`/xai/v1/collections/${sentinel.id}`);
    expect(c.status).toBe(200);
    expect(c.json).toEqual(sentinel.collection);
    const list = await get('/xai/v1/collections');
    expect(list.json).toEqual({ collections: [sentinel.collection] });
    const d = await get(`/xai/v1/collections/${sentinel.id}/documents/${sentinel.fileId}`);
    expect(d.json).toEqual(sentinel.document);
    const files = await get('/xai/v1/files');
    expect(files.json.data).toEqual([sentinel.file]);
    const content = await fetch(`${ctx.url}/xai/v1/files/${sentinel.fileId}/content`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(await content.text()).toBe('sentinel document text');
  }

  afterEach(async () => {
    await expectIntact();
  });

  const send = (path: string, init: RequestInit) => raw(ctx.url, path, { key: KEY, ...init });

  describe('bodies that are not a JSON object', () => {
    it('malformed JSON → 400 on create, update and add-document', async () => {
      expectError(await send('/xai/v1/collections', { method: 'POST', headers: JSON_CT, body: '{"collection_name": "x",' }), 400, /not valid JSON/);
      expectError(await send(`/xai/v1/collections/${sentinel.id}`, { method: 'PUT', headers: JSON_CT, body: '{"collection_name":"renamed"' }), 400);
      expectError(await send(`/xai/v1/collections/${sentinel.id}`, { method: 'PUT', headers: JSON_CT, body: "{'collection_name':'renamed'}" }), 400);
      expectError(await send(`/xai/v1/collections/${sentinel.id}/documents/${sentinel.fileId}`, { method: 'POST', headers: JSON_CT, body: '{"fields":' }), 400);
    });

    it.each([['[]'], ['"x"'], ['42'], ['null'], ['true'], ['[{"collection_name":"x"}]']])('JSON %s where an object is expected → 400', async (body) => {
      expectError(await send('/xai/v1/collections', { method: 'POST', headers: JSON_CT, body }), 400);
      expectError(await send(`/xai/v1/collections/${sentinel.id}`, { method: 'PUT', headers: JSON_CT, body }), 400);
      expectError(await send(`/xai/v1/collections/${sentinel.id}/documents/${sentinel.fileId}`, { method: 'POST', headers: JSON_CT, body }), 400);
    });

    it('an empty body with Content-Type application/json → 400 on create (body required), 200 unchanged on update (body optional)', async () => {
      expectError(await send('/xai/v1/collections', { method: 'POST', headers: JSON_CT, body: '' }), 400, /required/);
      const put = await send(`/xai/v1/collections/${sentinel.id}`, { method: 'PUT', headers: JSON_CT, body: '' });
      expect(put.status).toBe(200);
      expect(put.json).toEqual(sentinel.collection);
    });

    it('invalid UTF-8 inside a JSON string → 400', async () => {
      const bytes = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
      expectError(await rawHttp(ctx.url, 'POST', '/xai/v1/collections', { authorization: `Bearer ${KEY}`, ...JSON_CT }, bytes), 400, /UTF-8/);
      const rename = Buffer.concat([Buffer.from('{"collection_name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
      expectError(await rawHttp(ctx.url, 'PUT', `/xai/v1/collections/${sentinel.id}`, { authorization: `Bearer ${KEY}`, ...JSON_CT }, rename), 400, /UTF-8/);
    });

    it('deeply nested JSON does not crash the server', async () => {
      const depth = 100_000;
      const body = `{"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const res = await send(`/xai/v1/collections/${sentinel.id}`, { method: 'PUT', headers: JSON_CT, body });
      // Either refused as too deep (400) or accepted with the unknown field ignored (200, nothing changed); never a 500.
      if (res.status === 400) expectError(res, 400);
      else {
        expect(res.status).toBe(200);
        expect(res.json).toEqual(sentinel.collection);
      }
    });
  });

  describe('document search', () => {
    const search = (body: string, headers: Record<string, string> = JSON_CT) => send('/xai/v1/documents/search', { method: 'POST', headers, body });
    const valid = () => ({ query: 'sentinel document', source: { collection_ids: [sentinel.id] } });

    it('finds the sentinel, and refuses malformed or non-object bodies with 400', async () => {
      const ok = await search(JSON.stringify(valid()));
      expect(ok.status).toBe(200);
      expect(ok.json.matches.map((m: any) => m.file_id)).toEqual([sentinel.fileId]);
      for (const body of ['{"query": "x",', '[]', '"x"', '42', 'null', '', `[${JSON.stringify(valid())}]`]) expectError(await search(body), 400);
      expectError(await search('query=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
    });

    it('survives deep nesting, prototype keys, a 100,000-character query and hostile filters', async () => {
      const depth = 100_000;
      const deep = await search(`{"query":"x","source":{"collection_ids":["${sentinel.id}"]},"x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
      expect([200, 400]).toContain(deep.status);
      expectNoLeak(deep);
      const proto = await search(
        `{"__proto__":{"polluted":true},"query":"sentinel","source":{"collection_ids":["${sentinel.id}"],"constructor":{"prototype":{"polluted":true}}}}`,
      );
      expect(proto.status).toBe(200);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const long = await search(JSON.stringify({ ...valid(), query: 'sentinel '.repeat(11_112) }));
      expect(long.status).toBe(200);
      expect(long.json.matches[0].file_id).toBe(sentinel.fileId);
      expectError(await search(JSON.stringify({ ...valid(), filter: `kind = "${'x'.repeat(9000)}"` })), 400, /filter/);
      expectError(await search(JSON.stringify({ ...valid(), filter: `${'('.repeat(1000)}kind = "x"${')'.repeat(1000)}` })), 400, /nesting/);
      // Keys of Object.prototype are no field of a document: nothing matches them.
      const inherited = await search(JSON.stringify({ ...valid(), filter: 'fields.__proto__ = "x" OR constructor = 1 OR toString:*' }));
      expect(inherited.status, inherited.text).toBe(200);
      expect(inherited.json.matches).toEqual([]);
    });
  });

  describe('media types', () => {
    it('text/plain and application/xml bodies on a JSON endpoint → 415', async () => {
      expectError(
        await send('/xai/v1/collections', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"collection_name":"x"}' }),
        415,
        /text\/plain/,
      );
      expectError(
        await send('/xai/v1/collections', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<collection_name>x</collection_name>' }),
        415,
        /application\/xml/,
      );
      expectError(
        await send(`/xai/v1/collections/${sentinel.id}`, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: '{"collection_name":"renamed"}' }),
        415,
      );
    });

    it('a body without a Content-Type → 415', async () => {
      const headers = { authorization: `Bearer ${KEY}` };
      expectError(await rawHttp(ctx.url, 'POST', '/xai/v1/collections', headers, '{"collection_name":"x"}'), 415, /Content-Type/);
      expectError(await rawHttp(ctx.url, 'PUT', `/xai/v1/collections/${sentinel.id}`, headers, '{"collection_name":"renamed"}'), 415);
    });

    it('management POST and PATCH with no body and no Content-Type are not a 415 (the docs curl sends none)', async () => {
      const key = freshKey('nobody');
      const c = await raw(ctx.url, '/xai/v1/collections', { key, method: 'POST', headers: JSON_CT, body: JSON.stringify({ collection_name: 'nobody' }) });
      const fileId = await uploadFile(ctx.url, key, 'n.txt', 'n');
      const add = await rawHttp(ctx.url, 'POST', `/xai/v1/collections/${c.json.collection_id}/documents/${fileId}`, { authorization: `Bearer ${key}` });
      expect(add.status).toBe(200);
      expect(add.json).toEqual({});
      const reindex = await rawHttp(ctx.url, 'PATCH', `/xai/v1/collections/${c.json.collection_id}/documents/${fileId}`, { authorization: `Bearer ${key}` });
      expect(reindex.status).toBe(200);
      expect(reindex.json).toEqual({});
    });

    it('multipart sent to a JSON endpoint → 415', async () => {
      const form = new FormData();
      form.append('collection_name', 'x');
      expectError(await send('/xai/v1/collections', { method: 'POST', body: form }), 415, /multipart\/form-data/);
    });

    it('JSON sent to the multipart upload /v1/files → 415', async () => {
      expectError(await send('/xai/v1/files', { method: 'POST', headers: JSON_CT, body: JSON.stringify({ file: 'a.txt', purpose: 'x' }) }), 415, /multipart/);
    });

    it('a malformed multipart body → 400', async () => {
      const part = 'Content-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello';
      // Boundary in the header does not match the one in the body.
      expectError(
        await send('/xai/v1/files', {
          method: 'POST',
          headers: { 'content-type': 'multipart/form-data; boundary=abc' },
          body: `--xyz\r\n${part}\r\n--xyz--\r\n`,
        }),
        400,
      );
      // Truncated inside the file part (this used to crash the process: an unheard stream error).
      expectError(
        await send('/xai/v1/files', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, body: `--abc\r\n${part}` }),
        400,
        /multipart/i,
      );
      // No boundary at all.
      expectError(
        await send('/xai/v1/files', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: `--abc\r\n${part}\r\n--abc--\r\n` }),
        400,
        /multipart/i,
      );
      // The same on the one-step upload into a collection.
      const docPart = 'Content-Disposition: form-data; name="data"; filename="b.txt"\r\n\r\nbody';
      expectError(
        await send(`/xai/v1/collections/${sentinel.id}/documents`, {
          method: 'POST',
          headers: { 'content-type': 'multipart/form-data; boundary=zz' },
          body: `--zz\r\nContent-Disposition: form-data; name="name"\r\n\r\nb.txt\r\n--zz\r\n${docPart}`,
        }),
        400,
      );
    });
  });

  describe('size limits', () => {
    it('a JSON body over 1 MiB → 413 RESOURCE_EXHAUSTED, nothing created or changed', async () => {
      const big = 'a'.repeat(1024 * 1024 + 16);
      const res = await send('/xai/v1/collections', { method: 'POST', headers: JSON_CT, body: JSON.stringify({ collection_name: big }) });
      expectError(res, 413);
      expect(res.json.code).toBe('Some resource has been exhausted');
      const put = await send(`/xai/v1/collections/${sentinel.id}`, {
        method: 'PUT',
        headers: JSON_CT,
        body: JSON.stringify({ collection_name: 'renamed', collection_description: big }),
      });
      expectError(put, 413);
    });

    it('a file upload over the upload limit → 413 (second server with a 64 KiB limit)', async () => {
      const small = await startServer({ limits: { upload: 64 * 1024 } });
      try {
        const key = freshKey('limit');
        const keep = await uploadFile(small.url, key, 'keep.txt', 'kept');
        const form = new FormData();
        form.append('file', new Blob([Buffer.alloc(100 * 1024, 0x61)], { type: 'text/plain' }), 'big.txt');
        const res = await raw(small.url, '/xai/v1/files', { key, method: 'POST', body: form });
        expectError(res, 413);
        expect(res.json.code).toBe('Some resource has been exhausted');
        // A file just under the limit still goes through; the big one was not stored.
        const ok = new FormData();
        ok.append('file', new Blob([Buffer.alloc(32 * 1024, 0x61)], { type: 'text/plain' }), 'fits.txt');
        expect((await raw(small.url, '/xai/v1/files', { key, method: 'POST', body: ok })).status).toBe(200);
        const list = await raw(small.url, '/xai/v1/files', { key });
        expect(list.status).toBe(200);
        expect(list.json.data.map((f: { filename: string }) => f.filename).sort()).toEqual(['fits.txt', 'keep.txt']);
        expect(list.json.data.find((f: { id: string }) => f.id === keep)).toBeDefined();
        expect(small.selfCheckFailures).toEqual([]);
      } finally {
        await small.close();
      }
    });
  });

  describe('keys that could reach a prototype', () => {
    it('"__proto__" in a create body → 200, no pollution, nothing extra stored', async () => {
      const key = freshKey('proto');
      const res = await raw(ctx.url, '/xai/v1/collections', {
        key,
        method: 'POST',
        headers: JSON_CT,
        body: '{"collection_name":"x","__proto__":{"polluted":true}}',
      });
      expect(res.status).toBe(200);
      expect(({} as any).polluted).toBeUndefined();
      expect(hasOwn(Object.prototype, 'polluted')).toBe(false);
      expect(res.json.polluted).toBeUndefined();
      expect(res.text).not.toContain('polluted');
      const got = await raw(ctx.url, `/xai/v1/collections/${res.json.collection_id}`, { key });
      expect(got.text).not.toContain('polluted');
      expect(got.json.collection_name).toBe('x');
    });

    it('"constructor.prototype" in a create body → 200, no pollution, not echoed', async () => {
      const key = freshKey('ctor');
      const res = await raw(ctx.url, '/xai/v1/collections', {
        key,
        method: 'POST',
        headers: JSON_CT,
        body: '{"collection_name":"x","constructor":{"prototype":{"p":1}}}',
      });
      expect(res.status).toBe(200);
      expect(({} as any).p).toBeUndefined();
      expect(hasOwn(Object.prototype, 'p')).toBe(false);
      expect(hasOwn(res.json, 'constructor')).toBe(false);
      const list = await raw(ctx.url, '/xai/v1/collections', { key });
      expect(list.json.collections).toHaveLength(1);
      expect(hasOwn(list.json.collections[0], 'constructor')).toBe(false);
    });

    it('fields {"__proto__", "constructor"} on add-document: no crash, "constructor" kept as a plain field', async () => {
      const key = freshKey('fields');
      const c = await raw(ctx.url, '/xai/v1/collections', { key, method: 'POST', headers: JSON_CT, body: JSON.stringify({ collection_name: 'fields' }) });
      const fileId = await uploadFile(ctx.url, key, 'f.txt', 'text');
      const add = await raw(ctx.url, `/xai/v1/collections/${c.json.collection_id}/documents/${fileId}`, {
        key,
        method: 'POST',
        headers: JSON_CT,
        body: '{"fields":{"__proto__":"a","constructor":"b"}}',
      });
      expect(add.status).toBe(200);
      expect(({} as any).polluted).toBeUndefined();
      const doc = await raw(ctx.url, `/xai/v1/collections/${c.json.collection_id}/documents/${fileId}`, { key });
      expect(doc.status).toBe(200);
      expect(Object.keys(doc.json.fields)).toEqual(['constructor']);
      expect(doc.json.fields.constructor).toBe('b');
      expect(doc.text).not.toContain('__proto__');
      // It behaves as a field: the filter finds it, and an inherited name is not a field.
      const byCtor = await raw(ctx.url, `/xai/v1/collections/${c.json.collection_id}/documents?filter=${encodeURIComponent('fields.constructor:"b"')}`, {
        key,
      });
      expect(byCtor.json.documents.map((d: any) => d.file_metadata.file_id)).toEqual([fileId]);
      const inherited = await raw(ctx.url, `/xai/v1/collections/${c.json.collection_id}/documents?filter=${encodeURIComponent('fields.toString:"b"')}`, {
        key,
      });
      expect(inherited.status).toBe(200);
      expect(inherited.json.documents).toEqual([]);
    });

    it('field definitions named after Object.prototype members are checked on own fields only', async () => {
      const key = freshKey('defs');
      const c = await raw(ctx.url, '/xai/v1/collections', {
        key,
        method: 'POST',
        headers: JSON_CT,
        body: JSON.stringify({
          collection_name: 'defs',
          field_definitions: [
            { key: 'constructor', unique: true },
            { key: 'toString', required: true },
          ],
        }),
      });
      expect(c.status).toBe(200);
      const id = c.json.collection_id;
      const [f1, f2, f3] = [
        await uploadFile(ctx.url, key, '1.txt', '1'),
        await uploadFile(ctx.url, key, '2.txt', '2'),
        await uploadFile(ctx.url, key, '3.txt', '3'),
      ];
      const add = (fileId: string, fields: Record<string, string>) =>
        raw(ctx.url, `/xai/v1/collections/${id}/documents/${fileId}`, { key, method: 'POST', headers: JSON_CT, body: JSON.stringify({ fields }) });
      // An inherited toString does not satisfy a required field.
      expectError(await add(f1, { constructor: 'a' }), 400, /toString/);
      expect((await add(f1, { constructor: 'a', toString: 'x' })).status).toBe(200);
      // An inherited constructor is not a value that clashes; an own one does.
      expect((await add(f2, { toString: 'y' })).status).toBe(200);
      expectError(await add(f3, { constructor: 'a', toString: 'z' }), 409);
    });

    it('"__proto__" in a multipart fields JSON, a multipart part name and the query → no pollution', async () => {
      const key = freshKey('mp');
      const c = await raw(ctx.url, '/xai/v1/collections', { key, method: 'POST', headers: JSON_CT, body: JSON.stringify({ collection_name: 'mp' }) });
      const upload = (name: string, fields: string) => {
        const form = new FormData();
        form.append('name', name);
        form.append('fields', fields);
        form.append('__proto__', 'x');
        form.append('data', new Blob(['hello'], { type: 'text/plain' }), name);
        return raw(ctx.url, `/xai/v1/collections/${c.json.collection_id}/documents`, { key, method: 'POST', body: form });
      };
      // A non-string value is refused as any non-string field is.
      expectError(await upload('bad.txt', '{"__proto__":{"polluted":true}}'), 400);
      expect(({} as any).polluted).toBeUndefined();
      const res = await upload('doc.txt', '{"__proto__":"a","constructor":"c"}');
      expect(res.status).toBe(200);
      expect(res.json.fields).toEqual({ constructor: 'c' });
      expect(Object.keys(res.json.fields)).toEqual(['constructor']);
      expect(({} as any).polluted).toBeUndefined();
      const q = await raw(ctx.url, '/xai/v1/collections?__proto__=x&constructor=y&toString=z', { key });
      expect(q.status).toBe(200);
      expect(q.json.collections).toHaveLength(1);
      expect(({} as any).x).toBeUndefined();
    });

    it('unknown fields inside a chunk strategy are ignored, not echoed', async () => {
      const key = freshKey('unknown');
      const res = await raw(ctx.url, '/xai/v1/collections', {
        key,
        method: 'POST',
        headers: JSON_CT,
        body: JSON.stringify({
          collection_name: 'u',
          chunk_configuration: { tokens_configuration: { max_chunk_size_tokens: 5, foo: 'bar' }, bar: 1 },
          baz: true,
        }),
      });
      expect(res.status).toBe(200);
      expect(res.json.chunk_configuration).toEqual({
        tokens_configuration: { max_chunk_size_tokens: 5, chunk_overlap_tokens: 0 },
        strip_whitespace: false,
        inject_name_into_chunks: false,
      });
      expect(hasOwn(res.json, 'baz')).toBe(false);
    });
  });

  describe('absurd query values', () => {
    it.each([
      ['limit=abc', 'limit=abc', /limit/],
      ['limit=99999999999999999999', 'limit=99999999999999999999', /limit/],
      ['limit=2147483648 (over int32)', 'limit=2147483648', /limit/],
      ['limit=1e999', 'limit=1e999', /limit/],
      ['limit=1.5', 'limit=1.5', /limit/],
      ['order=SIDEWAYS', 'order=SIDEWAYS', /order/],
      ['sort_by=xyz', 'sort_by=xyz', /sort_by/],
      ['a 5000-character filter', `filter=${'a'.repeat(5000)}`, /filter/],
      ['an unparsable filter', 'filter=%28%28%28', /./],
    ])('list collections with %s → 400', async (_label, q, message) => {
      expectError(await get(`/xai/v1/collections?${q}`), 400, message);
    });

    it.each([['limit=-5'], ['limit=0'], ['limit=2147483647'], ['limit=%2B7']])('list collections ?%s → 200, clamped (≤0 means 100)', async (q) => {
      const res = await get(`/xai/v1/collections?${q}`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ collections: [sentinel.collection] });
    });

    it('documents and files lists: limit ≤0 clamps, bad enums → 400', async () => {
      const docs = await get(`/xai/v1/collections/${sentinel.id}/documents?limit=-5`);
      expect(docs.status).toBe(200);
      expect(docs.json.documents).toEqual([sentinel.document]);
      expectError(await get(`/xai/v1/collections/${sentinel.id}/documents?limit=abc`), 400);
      expectError(await get(`/xai/v1/collections/${sentinel.id}/documents?order=SIDEWAYS`), 400);
      expectError(await get(`/xai/v1/collections/${sentinel.id}/documents?sort_by=xyz`), 400);
      const files = await get('/xai/v1/files?limit=-5');
      expect(files.status).toBe(200);
      expect(files.json.data).toEqual([sentinel.file]);
      expectError(await get('/xai/v1/files?order=SIDEWAYS'), 400);
      expectError(await get('/xai/v1/files?sort_by=xyz'), 400);
      expectError(await get('/xai/v1/files?limit=abc'), 400);
    });

    it('a pagination_token of random bytes → 400 on every list', async () => {
      const garbage = Array.from(randomBytes(64), (b) => `%${b.toString(16).padStart(2, '0')}`).join('');
      expectError(await get(`/xai/v1/collections?pagination_token=${garbage}`), 400, /pagination_token/);
      expectError(await get(`/xai/v1/collections/${sentinel.id}/documents?pagination_token=${garbage}`), 400, /pagination_token/);
      expectError(await get(`/xai/v1/files?pagination_token=${garbage}`), 400, /pagination_token/);
      expectError(await get(`/xai/v1/collections?pagination_token=${Buffer.from('{"not":"ours"}').toString('base64url')}`), 400, /pagination_token/);
    });

    it('file_ids with 101 values → 400; 100 values → 200', async () => {
      const ids = (n: number) => [sentinel.fileId, ...Array.from({ length: n - 1 }, (_, i) => `file_${i}`)];
      const batch = `/xai/v1/collections/${sentinel.id}/documents:batchGet`;
      expectError(
        await get(
          `${batch}?${ids(101)
            .map((id) => `file_ids=${id}`)
            .join('&')}`,
        ),
        400,
        /file_ids/,
      );
      expectError(await get(`${batch}?file_ids=${ids(101).join(',')}`), 400, /file_ids/);
      const ok = await get(
        `${batch}?${ids(100)
          .map((id) => `file_ids=${id}`)
          .join('&')}`,
      );
      expect(ok.status).toBe(200);
      expect(ok.json.documents).toEqual([sentinel.document]);
      expectError(await get(batch), 400, /file_ids/);
    });
  });

  describe('ids and URLs', () => {
    it('a 10,000-character collection or file id → 404', async () => {
      const long = `collection_${'c'.repeat(10_000)}`;
      expectError(await get(`/xai/v1/collections/${long}`), 404);
      expectError(await send(`/xai/v1/collections/${long}`, { method: 'DELETE' }), 404);
      expectError(await send(`/xai/v1/collections/${long}`, { method: 'PUT', headers: JSON_CT, body: '{"collection_name":"x"}' }), 404);
      expectError(await get(`/xai/v1/files/file_${'f'.repeat(10_000)}`), 404);
      expectError(await send(`/xai/v1/collections/${sentinel.id}/documents/file_${'f'.repeat(10_000)}`, { method: 'DELETE' }), 404);
    });

    it('a 100,000-character URL gets a JSON answer and the server survives', async () => {
      const res = await get(`/xai/v1/collections/${'c'.repeat(100_000)}`);
      expect([404, 414, 431]).toContain(res.status);
      expectNoLeak(res);
      expect(res.json).toEqual(expect.any(Object));
    });

    it('ids with broken percent-encoding → 404', async () => {
      expectError(await get('/xai/v1/collections/%E0%A4%A'), 404);
      expectError(await get('/xai/v1/collections/%'), 404);
      expectError(await send('/xai/v1/collections/%E0%A4%A', { method: 'DELETE' }), 404);
      expectError(await get(`/xai/v1/collections/${sentinel.id}/documents/%FF%FE`), 404);
      expectError(await send('/xai/v1/files/%E0%A4%A', { method: 'DELETE' }), 404);
      expectError(await get('/xai/v1/collections/%00'), 404);
    });
  });

  describe('routes and methods', () => {
    it.each([['/xai/v1/nope'], ['/xai/'], ['/xai'], ['/xai/v2/collections'], ['/xai/v1/collections/a/b/c/d/e']])('unknown route %s → 404', async (path) => {
      expectError(await get(path), 404);
      expectError(await raw(ctx.url, path, { key: null, method: 'POST', headers: JSON_CT, body: '{}' }), 404);
    });

    it('PATCH /xai/v1/collections → 405 with Allow', async () => {
      const res = await send('/xai/v1/collections', { method: 'PATCH', headers: JSON_CT, body: '{"collection_name":"x"}' });
      expectError(res, 405);
      expect(res.json.code).toBe('Operation is not implemented or not supported');
      expect(res.headers.get('allow')?.split(/,\s*/).sort()).toEqual(['GET', 'POST']);
    });

    it('POST /xai/v1/files/{id} → 405 with Allow, the file untouched', async () => {
      const res = await send(`/xai/v1/files/${sentinel.fileId}`, { method: 'POST' });
      expectError(res, 405);
      expect(res.headers.get('allow')?.split(/,\s*/).sort()).toEqual(['DELETE', 'GET']);
      const put = await send(`/xai/v1/collections/${sentinel.id}/documents:batchGet`, { method: 'PUT' });
      expectError(put, 405);
      expect(put.headers.get('allow')).toBe('GET');
    });

    it.each([['/nope'], ['/'], ['/xaix/v1/collections']])('unknown prefix %s → JSON 404 naming the mounted providers', async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expectNoLeak(res);
      expect(res.json.providers).toContainEqual({ name: 'xai', prefix: '/xai' });
    });

    it('GET /__mock/health → 200 listing xai', async () => {
      const res = await raw(ctx.url, '/__mock/health', { key: null });
      expect(res.status).toBe(200);
      expect(res.json.providers).toContainEqual(expect.objectContaining({ name: 'xai', prefix: '/xai' }));
    });
  });

  describe('CORS', () => {
    it('a preflight → 204 echoing the origin and listing the methods', async () => {
      const res = await raw(ctx.url, '/xai/v1/collections', {
        key: null,
        method: 'OPTIONS',
        headers: { origin: 'http://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect(res.headers.get('access-control-allow-origin')).toBe('http://app.example');
      const methods = res.headers.get('access-control-allow-methods')?.split(/,\s*/) ?? [];
      expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    });

    it('normal replies, errors included, carry access-control-allow-origin', async () => {
      const ok = await send('/xai/v1/collections', { headers: { origin: 'http://app.example' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe('http://app.example');
      const err = await send('/xai/v1/collections/nope', { headers: { origin: 'http://app.example' } });
      expectError(err, 404);
      expect(err.headers.get('access-control-allow-origin')).toBe('http://app.example');
      const unauth = await raw(ctx.url, '/xai/v1/collections', { key: null, headers: { origin: 'http://app.example' } });
      expectError(unauth, 401);
      expect(unauth.headers.get('access-control-allow-origin')).toBe('http://app.example');
    });
  });
});
