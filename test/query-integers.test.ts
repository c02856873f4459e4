/**
 * Integer query parameters (and form fields) take integers written as
 * integers: `1e3`, `1e400`, `2.5` or `0x10` are refused in each vendor's envelope and status, as the
 * vendors' servers refuse them, instead of being read as numbers (1000,
 * Infinity…) and answered 200.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { readReply } from './support/client.js';

const ctx = useServer({ providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'] });

const get = async (path: string, headers: Record<string, string>) => readReply(await fetch(`${ctx.url}${path}`, { headers }));

const NOT_INTEGERS = ['1e3', '1e400', '2.5', '0x10', '1.0', ' 5', ''];

describe('integer query parameters', () => {
  it('xAI: 400 in its envelope', async () => {
    for (const v of NOT_INTEGERS) {
      const res = await get(`/xai/v1/collections?limit=${encodeURIComponent(v)}`, { authorization: 'Bearer xai-int' });
      expect(res.status, v).toBe(400);
      expect(res.json, v).toEqual({ code: 'Client specified an invalid argument', error: 'query.limit must be integer' });
    }
    expect((await get('/xai/v1/collections?limit=5', { authorization: 'Bearer xai-int' })).status).toBe(200);
  });

  it('Airweave: 422 in pydantic wording (int_parsing)', async () => {
    for (const name of ['skip', 'limit']) {
      for (const v of NOT_INTEGERS) {
        const res = await get(`/airweave/collections?${name}=${encodeURIComponent(v)}`, { 'x-api-key': 'aw-int' });
        expect(res.status, `${name}=${v}`).toBe(422);
        expect(res.json, `${name}=${v}`).toEqual({ errors: [{ [`query.${name}`]: 'Input should be a valid integer, unable to parse string as an integer' }] });
      }
    }
    expect((await get('/airweave/collections?skip=0&limit=%2B5', { 'x-api-key': 'aw-int' })).status).toBe(200);
  });

  it('Mixpeek: 422 in pydantic wording (int_parsing)', async () => {
    for (const name of ['limit', 'offset']) {
      for (const v of NOT_INTEGERS) {
        const res = readReply(
          await fetch(`${ctx.url}/mixpeek/v1/namespaces/list?${name}=${encodeURIComponent(v)}`, {
            method: 'POST',
            headers: { authorization: 'Bearer sk_test_int', 'content-type': 'application/json' },
            body: '{}',
          }),
        );
        const { status, json } = await res;
        expect(status, `${name}=${v}`).toBe(422);
        expect(json.error.type, `${name}=${v}`).toBe('ValidationError');
        expect(JSON.stringify(json), `${name}=${v}`).toContain('Input should be a valid integer, unable to parse string as an integer');
        expect(JSON.stringify(json), `${name}=${v}`).toContain('int_parsing');
      }
    }
  });

  it('Ctxfy: 400 in its envelope', async () => {
    for (const name of ['page', 'per_page']) {
      for (const v of NOT_INTEGERS) {
        const res = await get(`/ctxfy/v1/spaces?${name}=${encodeURIComponent(v)}`, { authorization: 'Bearer ctxfy-int' });
        expect(res.status, `${name}=${v}`).toBe(400);
        expect(res.json, `${name}=${v}`).toMatchObject({ error: 'Bad Request', code: 400, details: [{ field: name, message: `${name} must be an integer` }] });
      }
    }
    const ok = await get('/ctxfy/v1/spaces?page=02&per_page=-0', { authorization: 'Bearer ctxfy-int' });
    // A decimal integer is read as one, and judged on its value.
    expect(ok.json.details).toEqual([{ field: 'per_page', message: 'per_page must be at least 1' }]);
  });

  it('form fields too: xAI upload expires_after', async () => {
    for (const v of ['1e4', '0x1000', '3600.0', ' 3600']) {
      const form = new FormData();
      form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
      form.append('expires_after', v);
      const res = await readReply(await fetch(`${ctx.url}/xai/v1/files`, { method: 'POST', headers: { authorization: 'Bearer xai-int' }, body: form }));
      expect(res.status, v).toBe(400);
      expect(res.json, v).toEqual({ code: 'Client specified an invalid argument', error: 'body.expires_after must be integer' });
    }
    const form = new FormData();
    form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
    form.append('expires_after', '3600');
    expect((await fetch(`${ctx.url}/xai/v1/files`, { method: 'POST', headers: { authorization: 'Bearer xai-int' }, body: form })).status).toBe(200);
  });

  it('the admin API: 400 validation', async () => {
    const res = await get('/__mock/journal?limit=1e3', {});
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: 'validation',
      message: 'query.limit must be integer',
      details: { issues: [{ location: 'query', pointer: '/limit', rule: 'type' }] },
    });
  });
});
