/**
 * Ctxfy uploads: presigned upload URLs served by the mock (the PUT, the
 * public URL, expiry, the bytes as sent), and the upload size limit.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { ok } from './support/client.js';
import { INVALID, NOT_FOUND_BODY, UUID, createSpace, ctxfyApi, expectFieldError, freshKey, rate, type CtxfyApi } from './support/ctxfy.js';

describe('Ctxfy uploads', () => {
  const ctx = useServer({ providers: ['ctxfy'] });
  const api = (key: string | null) => ctxfyApi(ctx.url, key);

  async function presign(a: CtxfyApi, body: Record<string, unknown> = { filename: 'notes.pdf', contentType: 'application/pdf', size: 10 }) {
    return ok(a.post('/v1/upload/s3', body));
  }

  it('POST /v1/upload/s3 → 200 with fileKey uploads/{userId}/{uuid}/notes.pdf and URLs on this server', async () => {
    const a = api(freshKey('up'));
    const { userId } = await createSpace(a);
    const res = await a.post('/v1/upload/s3', { filename: 'notes.pdf', contentType: 'application/pdf', size: 10 });
    expect(res.status, res.text).toBe(200);
    rate(res);
    expect(Object.keys(res.json).sort()).toEqual(['fileKey', 'publicUrl', 'uploadUrl']);
    const { fileKey, publicUrl, uploadUrl } = res.json;
    const m = /^uploads\/([^/]+)\/([^/]+)\/notes\.pdf$/.exec(fileKey);
    expect(m, fileKey).not.toBeNull();
    expect(m![1]).toBe(userId);
    expect(m![2]).toMatch(UUID);
    expect(publicUrl).toBe(`${ctx.url}/ctxfy/__uploads/${encodeURIComponent(fileKey)}`);
    expect(uploadUrl).toBe(`${publicUrl}?X-Amz-Expires=900&X-Amz-Signature=mock`);
    const second = await presign(a);
    expect(second.fileKey).not.toBe(fileKey);
  });

  it('PUT to uploadUrl (no auth) → 200 with an empty body; GET publicUrl returns the same bytes with the PUT\u2019s Content-Type; GET before the PUT is 404', async () => {
    const a = api(freshKey('up-put'));
    const { uploadUrl, publicUrl } = await presign(a);
    const early = await fetch(publicUrl);
    const earlyText = await early.text();
    expect(early.status).toBe(404);
    expect(JSON.parse(earlyText)).toEqual(NOT_FOUND_BODY);

    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x80, 0x0a, 0x7f]);
    const put = await fetch(uploadUrl, { method: 'PUT', body: bytes, headers: { 'content-type': 'application/pdf' } });
    expect(put.status).toBe(200);
    expect(await put.text()).toBe('');
    expect(put.headers.get('x-ratelimit-limit')).toBeNull();

    const got = await fetch(publicUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(got.headers.get('x-ratelimit-limit')).toBeNull();
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

    // A second PUT replaces the bytes and the type.
    const put2 = await fetch(uploadUrl, { method: 'PUT', body: 'plain text now', headers: { 'content-type': 'text/plain' } });
    expect(put2.status).toBe(200);
    await put2.text();
    const got2 = await fetch(publicUrl);
    expect(got2.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await got2.text()).toBe('plain text now');
  });

  it('an empty PUT stores an empty file, as S3 does', async () => {
    const a = api(freshKey('up-empty'));
    const { uploadUrl, publicUrl } = await presign(a, { filename: 'empty.txt', contentType: 'text/plain', size: 1 });
    const put = await fetch(uploadUrl, { method: 'PUT' });
    expect(put.status).toBe(200);
    await put.text();
    const got = await fetch(publicUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await got.text()).toBe('');
  });

  it('PUT to a key that was never issued is 404, for a known user and an unknown one', async () => {
    const a = api(freshKey('up-404'));
    const { userId } = await createSpace(a);
    for (const key of [`uploads/${userId}/${randomUUID()}/notes.pdf`, `uploads/${randomUUID()}/${randomUUID()}/notes.pdf`, 'not-a-key']) {
      const res = await fetch(`${ctx.url}/ctxfy/__uploads/${encodeURIComponent(key)}?X-Amz-Expires=900&X-Amz-Signature=mock`, {
        method: 'PUT',
        body: 'x',
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(res.status, key).toBe(404);
      expect(await res.json()).toEqual(NOT_FOUND_BODY);
    }
  });

  it('the upload URL expires after 900 s: a PUT at 899 s works, after 901 s it is 403 "Request has expired"', async () => {
    const a = api(freshKey('up-exp'));
    const early = await presign(a);
    const late = await presign(a);
    ctx.server.clock.advance(899_000);
    const inTime = await fetch(early.uploadUrl, { method: 'PUT', body: 'ok', headers: { 'content-type': 'text/plain' } });
    expect(inTime.status).toBe(200);
    await inTime.text();
    ctx.server.clock.advance(2_000);
    const res = await fetch(late.uploadUrl, { method: 'PUT', body: 'too late', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: 'Forbidden', message: 'Request has expired', code: 403 });
    // Nothing was stored by the refused PUT.
    expect((await fetch(late.publicUrl).then(async (r) => [r.status, await r.text()]))[0]).toBe(404);
  });

  it('a malformed X-Amz-Expires → 400 naming the parameter (documented, as S3 refuses one); nothing stored', async () => {
    const a = api(freshKey('up-bad-exp'));
    const { publicUrl } = await presign(a);
    for (const expires of ['not-a-number', '-1']) {
      const res = await fetch(`${publicUrl}?X-Amz-Expires=${expires}&X-Amz-Signature=mock`, {
        method: 'PUT',
        body: 'x',
        headers: { 'content-type': 'text/plain' },
      });
      expect(res.status, expires).toBe(400);
      const body = (await res.json()) as { code: number; details: { field: string }[] };
      expect(body.code).toBe(400);
      expect(body.details.map((d) => d.field)).toEqual(['X-Amz-Expires']);
    }
    expect((await fetch(publicUrl).then(async (r) => [r.status, await r.text()]))[0]).toBe(404);
  });

  it('the expiry is the one issued: raising X-Amz-Expires in the URL does not revive an expired upload URL', async () => {
    const a = api(freshKey('up-tamper'));
    const { uploadUrl, publicUrl } = await presign(a);
    ctx.server.clock.advance(901_000);
    const tampered = uploadUrl.replace('X-Amz-Expires=900', 'X-Amz-Expires=999999');
    expect(tampered).not.toBe(uploadUrl);
    const res = await fetch(tampered, { method: 'PUT', body: 'sneaky', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'Forbidden', message: 'Request has expired', code: 403 });
    const bare = await fetch(publicUrl, { method: 'PUT', body: 'sneaky', headers: { 'content-type': 'text/plain' } });
    expect(bare.status).toBe(403);
    await bare.text();
    expect((await fetch(publicUrl)).status).toBe(404);
  });

  it('the PUT stores bytes as sent: a body called JSON (even invalid JSON) is kept verbatim; no Content-Type falls back to the presign\u2019s type', async () => {
    const a = api(freshKey('up-raw'));
    const json = await presign(a, { filename: 'data.json', contentType: 'application/json', size: 20 });
    const text = '{ "a": 1,\n  "b": [2] }';
    const put = await fetch(json.uploadUrl, { method: 'PUT', body: text, headers: { 'content-type': 'application/json' } });
    expect(put.status).toBe(200);
    await put.text();
    const got = await fetch(json.publicUrl);
    expect(got.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await got.text()).toBe(text);

    const broken = await presign(a, { filename: 'broken.json', contentType: 'application/json', size: 5 });
    const putBroken = await fetch(broken.uploadUrl, { method: 'PUT', body: '{bad', headers: { 'content-type': 'application/json' } });
    expect(putBroken.status).toBe(200);
    await putBroken.text();
    expect(await (await fetch(broken.publicUrl)).text()).toBe('{bad');

    const untyped = await presign(a, { filename: 'blob.pdf', contentType: 'application/pdf', size: 4 });
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const putUntyped = await fetch(untyped.uploadUrl, { method: 'PUT', body: bytes });
    expect(putUntyped.status).toBe(200);
    await putUntyped.text();
    const gotUntyped = await fetch(untyped.publicUrl);
    expect(gotUntyped.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(new Uint8Array(await gotUntyped.arrayBuffer())).toEqual(bytes);
  });

  it.each(['filename', 'contentType', 'size'])('a presign without %s is 400 naming it', async (field) => {
    const body: Record<string, unknown> = { filename: 'notes.pdf', contentType: 'application/pdf', size: 10 };
    delete body[field];
    const res = await api(freshKey('up-miss')).post('/v1/upload/s3', body);
    expectFieldError(res, field, `${field} is required`);
    expect(res.json.details).toHaveLength(1);
  });

  it('size 0, a negative or fractional size, a blank filename and an empty contentType are 400 on that field', async () => {
    const a = api(freshKey('up-bad'));
    const base = { filename: 'notes.pdf', contentType: 'application/pdf', size: 10 };
    expectFieldError(await a.post('/v1/upload/s3', { ...base, size: 0 }), 'size');
    expectFieldError(await a.post('/v1/upload/s3', { ...base, size: -5 }), 'size');
    expectFieldError(await a.post('/v1/upload/s3', { ...base, size: 1.5 }), 'size');
    expectFieldError(await a.post('/v1/upload/s3', { ...base, size: '10' }), 'size');
    expectFieldError(await a.post('/v1/upload/s3', { ...base, filename: '   ' }), 'filename');
    expectFieldError(await a.post('/v1/upload/s3', { ...base, contentType: '' }), 'contentType');
  });

  it('the default upload limit is 50 MiB: exactly 52 428 800 bytes is fine, one byte more is 400 on size', async () => {
    const a = api(freshKey('up-default'));
    await presign(a, { filename: 'big.bin', contentType: 'application/octet-stream', size: 52_428_800 });
    expectFieldError(await a.post('/v1/upload/s3', { filename: 'big.bin', contentType: 'application/octet-stream', size: 52_428_801 }), 'size');
  });

  it('a filename with / or \\ is made safe: the fileKey keeps exactly four segments and its own user directory', async () => {
    const a = api(freshKey('up-safe'));
    const { userId } = await createSpace(a);
    for (const filename of ['reports/q1.pdf', '../../etc/passwd', 'a\\b.txt']) {
      const { fileKey, publicUrl } = await presign(a, { filename, contentType: 'application/pdf', size: 10 });
      const parts = fileKey.split('/');
      expect(parts, fileKey).toHaveLength(4);
      expect(parts[0]).toBe('uploads');
      expect(parts[1]).toBe(userId);
      expect(parts[3]).not.toMatch(/[/\\]/);
      expect(publicUrl).toBe(`${ctx.url}/ctxfy/__uploads/${encodeURIComponent(fileKey)}`);
    }
    const { fileKey } = await presign(a, { filename: 'reports/q1.pdf', contentType: 'application/pdf', size: 10 });
    expect(fileKey.endsWith('/reports_q1.pdf')).toBe(true);
  });
});

describe('Ctxfy with a small upload limit', () => {
  const ctx = useServer({ providers: ['ctxfy'], limits: { upload: 1000 } });

  it('a presign up to the limit is fine; one byte over is 400 on size', async () => {
    const a = ctxfyApi(ctx.url, freshKey('limit'));
    const res = await ok(a.post('/v1/upload/s3', { filename: 'fits.bin', contentType: 'application/octet-stream', size: 1000 }));
    expect(res.fileKey).toMatch(/\/fits\.bin$/);
    const over = await a.post('/v1/upload/s3', { filename: 'huge.bin', contentType: 'application/octet-stream', size: 1001 });
    expectFieldError(over, 'size');
    expect(over.json.message).toBe(INVALID);
  });

  it('the PUT itself is held to the upload limit: 1000 bytes are stored, 1001 bytes are 413 and store nothing', async () => {
    const a = ctxfyApi(ctx.url, freshKey('limit-put'));
    const fits = await ok(a.post('/v1/upload/s3', { filename: 'fits.bin', contentType: 'application/octet-stream', size: 1000 }));
    const put = await fetch(fits.uploadUrl, { method: 'PUT', body: Buffer.alloc(1000, 7), headers: { 'content-type': 'application/octet-stream' } });
    expect(put.status).toBe(200);
    await put.text();
    const over = await ok(a.post('/v1/upload/s3', { filename: 'over.bin', contentType: 'application/octet-stream', size: 1000 }));
    const big = await fetch(over.uploadUrl, { method: 'PUT', body: Buffer.alloc(1001, 7), headers: { 'content-type': 'application/octet-stream' } });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'Payload Too Large', code: 413 });
    expect((await fetch(over.publicUrl)).status).toBe(404);
    expect((await fetch(fits.publicUrl)).status).toBe(200);
  });
});
