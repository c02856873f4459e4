/**
 * Ctxfy framework errors: bad JSON, the wrong media type, no body, unknown
 * routes and methods, and the JSON body limit.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { ok } from './support/client.js';
import {
  INVALID,
  REFERENCE_COLLECTION,
  createSpace,
  ctxfyApi,
  cx,
  expectCtxfyError,
  expectFieldError,
  expectNoRateHeaders,
  expectNotFound,
  freshKey,
  rate,
} from './support/ctxfy.js';

describe('Ctxfy request errors', () => {
  const ctx = useServer({ providers: ['ctxfy'] });
  const api = (key: string | null) => ctxfyApi(ctx.url, key);

  it('malformed JSON → 400 with details [{field: body, message: Malformed JSON body}]; stored data survives', async () => {
    const key = freshKey('err-json');
    const a = api(key);
    const space = await createSpace(a, 'Survivor');
    const res = await cx(ctx.url, '/v1/spaces', { method: 'POST', key, body: '{"name": "Broken",', headers: { 'content-type': 'application/json' } });
    expectCtxfyError(res, 400, INVALID);
    expect(res.json.details).toEqual([{ field: 'body', message: 'Malformed JSON body' }]);
    rate(res);
    const put = await cx(ctx.url, `/v1/spaces/${space.id}`, { method: 'PUT', key, body: 'not json', headers: { 'content-type': 'application/json' } });
    expect(put.json.details).toEqual([{ field: 'body', message: 'Malformed JSON body' }]);
    expect((await ok(a.get('/v1/spaces'))).spaces).toEqual([space]);
  });

  it('Content-Type text/plain on a JSON route → 400 on body; nothing is created', async () => {
    const key = freshKey('err-media');
    const res = await cx(ctx.url, '/v1/spaces', { method: 'POST', key, body: JSON.stringify({ name: 'Plain' }), headers: { 'content-type': 'text/plain' } });
    expectFieldError(res, 'body');
    const col = await cx(ctx.url, '/v1/spaces/example_string/collections', {
      method: 'POST',
      key,
      body: JSON.stringify(REFERENCE_COLLECTION),
      headers: { 'content-type': 'text/plain' },
    });
    expectFieldError(col, 'body');
    expect((await ok(api(key).get('/v1/spaces'))).pagination.total).toBe(0);
  });

  it('a JSON route with no body at all is 400 on body', async () => {
    const key = freshKey('err-nobody');
    expectFieldError(await cx(ctx.url, '/v1/spaces', { method: 'POST', key }), 'body');
  });

  it('an unknown route and a method not served are the 404 envelope, with or without a key', async () => {
    const key = freshKey('err-route');
    const space = await createSpace(api(key), 'Still Here');
    const cases = [
      cx(ctx.url, '/v1/nothing', { key }),
      cx(ctx.url, '/v1/nothing', { key: null }),
      cx(ctx.url, '/v2/spaces', { key }),
      cx(ctx.url, '/v1/spaces', { method: 'PATCH', key, json: { name: 'x' } }),
      cx(ctx.url, '/v1/spaces', { method: 'PATCH', key: null }),
      cx(ctx.url, `/v1/spaces/${space.id}`, { method: 'POST', key, json: { name: 'x' } }),
      cx(ctx.url, '/v1/api-keys', { method: 'PUT', key, json: {} }),
    ];
    for (const res of await Promise.all(cases)) {
      expectNotFound(res);
      expectNoRateHeaders(res);
    }
    expect(await ok(api(key).get(`/v1/spaces/${space.id}`))).toEqual(space);
  });
});

describe('Ctxfy with a small JSON body limit', () => {
  const ctx = useServer({ providers: ['ctxfy'], limits: { json: 200 } });

  it('a body over the JSON limit → 413 envelope {error: Payload Too Large, message, code: 413}; stored data survives', async () => {
    const a = ctxfyApi(ctx.url, freshKey('big'));
    const space = await createSpace(a, 'Small');
    const res = await a.post('/v1/spaces', { name: 'Big', description: 'x'.repeat(400) });
    expectCtxfyError(res, 413);
    expect(res.json).toEqual({ error: 'Payload Too Large', message: expect.any(String), code: 413 });
    expect(res.json.message).toMatch(/200/);
    const col = await a.post(`/v1/spaces/${space.id}/collections`, { name: 'y'.repeat(250) });
    expectCtxfyError(col, 413);
    expect((await ok(a.get('/v1/spaces'))).spaces).toEqual([space]);
    expect((await ok(a.get(`/v1/spaces/${space.id}/collections`))).collections).toEqual([]);
  });

  it('an upload PUT is held to the upload limit, not the JSON one, even when its body is called JSON', async () => {
    const a = ctxfyApi(ctx.url, freshKey('big-upload'));
    const up = await ok(a.post('/v1/upload/s3', { filename: 'big.json', contentType: 'application/json', size: 500 }));
    const body = JSON.stringify({ blob: 'z'.repeat(480) });
    expect(body.length).toBeGreaterThan(200);
    const put = await fetch(up.uploadUrl, { method: 'PUT', body, headers: { 'content-type': 'application/json' } });
    expect(put.status).toBe(200);
    await put.text();
    expect(await (await fetch(up.publicUrl)).text()).toBe(body);
  });
});
