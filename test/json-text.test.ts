/**
 * Replies put together from kept texts (core/json-text.ts): the texts are
 * the ones JSON.stringify would make, a kept text is reused only while its
 * stamp holds, and a stale one fails loudly where the self-check is strict.
 * Then xAI's collections, served from kept texts by a server that does not
 * verify them (as users run it), stay exact across every change.
 */
import { describe, expect, it } from 'vitest';
import { JsonText, RenderCache, arrayText, objectText } from '../src/core/json-text.js';
import { useServer } from './support/server.js';
import { freshKey, uploadFile } from './support/xai.js';
import { send } from './support/client.js';

describe('JSON texts', () => {
  it('puts objects and arrays together as JSON.stringify would, leaving out undefined fields', () => {
    const text = objectText({ items: arrayText([JSON.stringify({ a: 1 }), JSON.stringify('x"y')]), next: undefined, 'odd "key"': 'null' });
    expect(text).toBe(JSON.stringify({ items: [{ a: 1 }, 'x"y'], 'odd "key"': null }));
    expect(objectText({})).toBe('{}');
    expect(objectText({ gone: undefined })).toBe('{}');
    expect(arrayText([])).toBe('[]');
  });

  it('reads a text’s value once, when asked', () => {
    const body = new JsonText<{ a: number[] }>('{"a":[1,2]}');
    expect(body.value()).toEqual({ a: [1, 2] });
    expect(body.value()).toBe(body.value());
  });
});

describe('RenderCache', () => {
  it('renders a record once while its stamp holds, and again when it moves', () => {
    const cache = new RenderCache(false);
    const record = { name: 'a' };
    let renders = 0;
    const render = (): unknown => (renders++, { name: record.name });
    expect(cache.text(record, 1, render)).toBe('{"name":"a"}');
    expect(cache.text(record, 1, render)).toBe('{"name":"a"}');
    expect(renders).toBe(1);
    record.name = 'b';
    expect(cache.text(record, 2, render)).toBe('{"name":"b"}');
    expect(renders).toBe(2);
    expect(cache.text({ name: 'b' }, 2, render)).toBe('{"name":"b"}');
    expect(renders).toBe(3);
    expect([cache.hits, cache.renders]).toEqual([1, 3]);
  });

  it('trusts its stamp when not verifying, and throws on a stale text when verifying', () => {
    const record = { name: 'a' };
    const render = (): unknown => ({ name: record.name });
    const trusting = new RenderCache(false);
    const verifying = new RenderCache(true);
    trusting.text(record, 1, render);
    verifying.text(record, 1, render);
    record.name = 'changed behind the stamp';
    expect(trusting.text(record, 1, render)).toBe('{"name":"a"}');
    expect(() => verifying.text(record, 1, render)).toThrow(/stale/);
  });
});

describe('xAI collections from kept texts, on a server that does not verify them', () => {
  const ctx = useServer({ strict: false });
  const renders = () => ctx.server.providers.find((m) => m.provider.name === 'xai')!.env.renders;

  it('reuses them between reads and shows every change: rename, documents added and removed, a file deleted, a new collection', async () => {
    const key = freshKey();
    const call = (method: string, path: string, json?: unknown) => send(`${ctx.url}/xai${path}`, { method, headers: { authorization: `Bearer ${key}` }, json });
    const created = await call('POST', '/v1/collections', { collection_name: 'Alpha', collection_description: 'first' });
    expect(created.status).toBe(200);
    const id = created.json.collection_id as string;
    const list = async () =>
      (await call('GET', '/v1/collections')).json.collections as { collection_name: string; documents_count: number; total_file_size: string }[];

    expect((await list()).map((c) => c.collection_name)).toEqual(['Alpha']);
    const hits = renders().hits;
    expect((await list())[0]!.collection_name).toBe('Alpha');
    expect((await call('GET', `/v1/collections/${id}`)).json.collection_name).toBe('Alpha');
    expect(renders().hits).toBe(hits + 2);

    expect((await call('PUT', `/v1/collections/${id}`, { collection_name: 'Beta' })).status).toBe(200);
    expect((await list())[0]!.collection_name).toBe('Beta');
    expect((await call('GET', `/v1/collections/${id}`)).json.collection_name).toBe('Beta');

    const fileId = await uploadFile(ctx.url, key, 'a.txt', 'hello world');
    expect((await call('POST', `/v1/collections/${id}/documents/${fileId}`)).status).toBe(200);
    expect((await list())[0]).toMatchObject({ documents_count: 1, total_file_size: '11' });
    expect((await call('GET', `/v1/collections/${id}`)).json).toMatchObject({ documents_count: 1, total_file_size: '11' });

    expect((await call('DELETE', `/v1/collections/${id}/documents/${fileId}`)).status).toBe(200);
    expect((await list())[0]).toMatchObject({ documents_count: 0, total_file_size: '0' });

    const second = await uploadFile(ctx.url, key, 'b.txt', 'four');
    expect((await call('POST', `/v1/collections/${id}/documents/${second}`)).status).toBe(200);
    expect((await list())[0]).toMatchObject({ documents_count: 1, total_file_size: '4' });
    expect((await call('DELETE', `/v1/files/${second}`)).status).toBe(200);
    expect((await list())[0]).toMatchObject({ documents_count: 0, total_file_size: '0' });

    expect((await call('POST', '/v1/collections', { collection_name: 'Gamma' })).status).toBe(200);
    expect((await list()).map((c) => c.collection_name)).toEqual(['Gamma', 'Beta']);
  });
});
