/**
 * Media types in the pipeline, with a minimal spec of its own: declared ranges
 * (any type, `text/` plus a star) accept matching bodies, raw bytes reach the
 * handler unvalidated and under the upload limit, and replies of any type that
 * a range declares pass the self-check.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockError } from '../src/core/errors.js';
import { testEnv } from './support/server.js';
import { mountProvider, type SelfCheckFailure } from '../src/core/mount.js';
import type { Provider } from '../src/core/provider.js';
import { declaredMediaFor, mediaMatches } from '../src/core/body.js';

const SPEC = `
openapi: 3.1.0
info: { title: media, version: '1' }
components:
  schemas:
    Error: { type: object, required: [error], properties: { error: { type: string } } }
  responses:
    Error:
      description: error
      content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } }
paths:
  /blobs/{key}:
    parameters: [{ name: key, in: path, required: true, schema: { type: string } }]
    put:
      operationId: putBlob
      requestBody:
        required: true
        content:
          '*/*': { schema: { type: string, format: binary } }
      responses:
        '200': { description: stored }
        '413': { $ref: '#/components/responses/Error' }
        '415': { $ref: '#/components/responses/Error' }
    get:
      operationId: getBlob
      responses:
        '200':
          description: the bytes, under the type they were stored with
          content:
            '*/*': { schema: { type: string, format: binary } }
        '404': { $ref: '#/components/responses/Error' }
  /notes:
    post:
      operationId: postNote
      requestBody:
        required: true
        content:
          'text/*': { schema: { type: string, format: binary } }
      responses:
        '200':
          description: length
          content: { application/json: { schema: { type: object, required: [bytes], properties: { bytes: { type: integer } } } } }
        '415': { $ref: '#/components/responses/Error' }
`;

describe('media ranges', () => {
  it('match exact types, ranges and JSON suffixes', () => {
    expect(mediaMatches('*/*', 'image/png')).toBe(true);
    expect(mediaMatches('text/*', 'text/plain')).toBe(true);
    expect(mediaMatches('text/*', 'application/json')).toBe(false);
    expect(declaredMediaFor(['application/json', '*/*'], 'application/merge-patch+json')).toBe('application/json');
    expect(declaredMediaFor(['text/*'], 'image/png')).toBeUndefined();
  });
});

describe('raw bodies through the pipeline', () => {
  const failures: SelfCheckFailure[] = [];
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'media-spec-'));
    const specFile = path.join(dir, 'media.yaml');
    writeFileSync(specFile, SPEC);
    const stored = new Map<string, { type: string; data: Buffer }>();
    const provider: Provider<null> = {
      name: 'media',
      prefix: '/media',
      specFile,
      errorSchema: 'Error',
      authenticate: () => ({ tenant: 't' }),
      renderError: (err: MockError) => ({
        status: err.kind === 'payload_too_large' ? 413 : err.kind === 'unsupported_media_type' ? 415 : err.kind === 'not_found' ? 404 : 500,
        body: { error: err.message },
      }),
      createState: () => null,
      handlers: {
        putBlob: (ctx) => {
          stored.set((ctx.path as unknown as { key: string }).key, { type: String(ctx.headers['content-type']), data: ctx.body as unknown as Buffer });
          return { status: 200 };
        },
        getBlob: (ctx) => {
          const hit = stored.get((ctx.path as unknown as { key: string }).key);
          if (!hit) throw new MockError('not_found', 'no such blob');
          return { status: 200, body: hit.data, contentType: hit.type };
        },
        postNote: (ctx) => ({ status: 200, body: { bytes: (ctx.body as unknown as Buffer).length } }),
      },
    };
    const mounted = mountProvider(provider, {
      env: testEnv(),
      limits: { json: 1024, upload: 64 * 1024 },
      strict: true,
      onSelfCheckFailure: (f) => failures.push(f),
    });
    server = http.createServer((req, res) => {
      const [p, q = ''] = (req.url ?? '').split('?');
      void mounted.handle(req, res, p!, q);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('stores raw bytes of any type, beyond the JSON limit, and serves them back under their type', async () => {
    const bytes = Buffer.alloc(10 * 1024, 7); // over the 1 KiB JSON limit, under the 64 KiB upload limit
    const put = await fetch(`${url}/blobs/a`, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: bytes });
    expect(put.status).toBe(200);
    const got = await fetch(`${url}/blobs/a`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    expect(failures).toEqual([]);
  });

  it('keeps bytes that call themselves JSON or form as bytes, under the upload limit, where the operation takes any type', async () => {
    const json = Buffer.from(JSON.stringify({ big: 'x'.repeat(4096) })); // valid JSON, over the 1 KiB JSON limit
    const put = await fetch(`${url}/blobs/j`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: json });
    expect(put.status).toBe(200);
    const got = await fetch(`${url}/blobs/j`);
    expect(got.headers.get('content-type')).toBe('application/json');
    expect(Buffer.from(await got.arrayBuffer()).equals(json)).toBe(true);
    const form = await fetch(`${url}/blobs/f`, { method: 'PUT', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=2' });
    expect(form.status).toBe(200);
    expect(await (await fetch(`${url}/blobs/f`)).text()).toBe('a=1&b=2');
    expect(failures).toEqual([]);
  });

  it('takes bytes sent without a Content-Type as application/octet-stream where the operation takes any type', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${url}/blobs/n`, { method: 'PUT', headers: { 'content-length': '3' } }, (r) => {
        r.resume();
        resolve(r.statusCode!);
      });
      req.on('error', reject);
      req.end('abc');
    });
    expect(res).toBe(200);
    expect(await (await fetch(`${url}/blobs/n`)).text()).toBe('abc');
    // A route that takes only text still wants to be told.
    const note = await fetch(`${url}/notes`, { method: 'POST', body: new Uint8Array([1, 2]) });
    expect(note.status).toBe(415);
    expect(failures).toEqual([]);
  });

  it('refuses raw bytes over the upload limit with 413', async () => {
    const put = await fetch(`${url}/blobs/b`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(100 * 1024) });
    expect(put.status).toBe(413);
    expect((await fetch(`${url}/blobs/b`)).status).toBe(404);
  });

  it('a text range takes text of any subtype and refuses the rest with 415', async () => {
    const ok = await fetch(`${url}/notes`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: '# hi' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ bytes: 4 });
    const refused = await fetch(`${url}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(415);
    expect(failures).toEqual([]);
  });
});
