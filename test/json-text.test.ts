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
import { awKey, awRaw } from './support/airweave.js';
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
    expect(cache.text(record, 1, 0, 0, render)).toBe('{"name":"a"}');
    expect(cache.text(record, 1, 0, 0, render)).toBe('{"name":"a"}');
    expect(renders).toBe(1);
    record.name = 'b';
    expect(cache.text(record, 2, 0, 0, render)).toBe('{"name":"b"}');
    expect(renders).toBe(2);
    expect(cache.text({ name: 'b' }, 2, 0, 0, render)).toBe('{"name":"b"}');
    expect(renders).toBe(3);
    expect([cache.hits, cache.renders]).toEqual([1, 3]);
  });

  it('trusts its stamp when not verifying, and throws on a stale text when verifying', () => {
    const record = { name: 'a' };
    const render = (): unknown => ({ name: record.name });
    const trusting = new RenderCache(false);
    const verifying = new RenderCache(true);
    trusting.text(record, 1, 0, 0, render);
    verifying.text(record, 1, 0, 0, render);
    record.name = 'changed behind the stamp';
    expect(trusting.text(record, 1, 0, 0, render)).toBe('{"name":"a"}');
    expect(() => verifying.text(record, 1, 0, 0, render)).toThrow(/stale/);
  });

  it('keeps a text while all three counters of its stamp hold, and renders it again when any moves', () => {
    const cache = new RenderCache(false);
    const record = { name: 'a' };
    let renders = 0;
    const render = (): unknown => (renders++, { name: record.name, n: renders });
    const first = cache.text(record, 0, 5, 7, render);
    expect(cache.text(record, 0, 5, 7, render)).toBe(first);
    expect(renders).toBe(1);
    for (const [a, b, c] of [
      [1, 5, 7],
      [1, 6, 7],
      [1, 6, 8],
    ] as const) {
      const before = renders;
      expect(cache.text(record, a, b, c, render)).toBe(`{"name":"a","n":${before + 1}}`);
      expect(cache.text(record, a, b, c, render)).toBe(`{"name":"a","n":${before + 1}}`);
    }
    expect(renders).toBe(4);
    const verifying = new RenderCache(true);
    verifying.text(record, 1, 1, 1, () => ({ name: record.name }));
    record.name = 'changed behind the stamp';
    expect(() => verifying.text(record, 1, 1, 1, () => ({ name: record.name }))).toThrow(/stale.*\[1,1,1\]/);
  });
});

describe('RenderCache: bodies joined from kept texts', () => {
  const join = (parts: readonly (string | undefined)[]): string => arrayText(parts as string[]);

  it('gives the same body while the parts are the same strings, sent as bytes encoded once', () => {
    const cache = new RenderCache(false);
    const owner = {};
    const first = cache.joined(owner, 'page 1', ['1', '2'], join);
    expect(first.text).toBe('[1,2]');
    expect(first.kept).toBe(true);
    const again = cache.joined(owner, 'page 1', ['1', '2'], join);
    expect(again).toBe(first);
    expect(again.bytes()).toBe(first.bytes());
    expect(first.bytes().toString('utf8')).toBe('[1,2]');
    expect([cache.joinedHits, cache.joins]).toEqual([1, 1]);
  });

  it('joins again when a part changes, is added or dropped, and keeps owners and keys apart', () => {
    const cache = new RenderCache(false);
    const owner = {};
    const first = cache.joined(owner, 'k', ['1', '2'], join);
    expect(cache.joined(owner, 'k', ['1', '3'], join).text).toBe('[1,3]');
    expect(cache.joined(owner, 'k', ['1', '3', '4'], join).text).toBe('[1,3,4]');
    expect(cache.joined(owner, 'k', ['1'], join).text).toBe('[1]');
    expect(cache.joined(owner, 'k', ['1', undefined], (p) => String(p.length)).text).toBe('2');
    expect(cache.joined({}, 'k', ['1', '2'], join)).not.toBe(first);
    expect(cache.joined(owner, 'other', ['1', '2'], join)).not.toBe(first);
    expect(cache.joinedHits).toBe(0);
  });

  it('keeps the last 16 keys of an owner, forgetting the oldest first', () => {
    const cache = new RenderCache(false);
    const owner = {};
    const bodies = Array.from({ length: 17 }, (_, i) => cache.joined(owner, `page ${i}`, [String(i)], join));
    expect(cache.joined(owner, 'page 16', ['16'], join)).toBe(bodies[16]);
    expect(cache.joined(owner, 'page 1', ['1'], join)).toBe(bodies[1]);
    expect(cache.joined(owner, 'page 0', ['0'], join)).not.toBe(bodies[0]);
  });

  it('throws, when verifying, on a join that reads more than its parts', () => {
    let outside = 'a';
    const impure = (parts: readonly (string | undefined)[]): string => `${arrayText(parts as string[])}${outside}`;
    const trusting = new RenderCache(false);
    const verifying = new RenderCache(true);
    trusting.joined(trusting, 'k', ['1'], impure);
    verifying.joined(verifying, 'k', ['1'], impure);
    outside = 'b';
    expect(trusting.joined(trusting, 'k', ['1'], impure).text).toBe('[1]a');
    expect(() => verifying.joined(verifying, 'k', ['1'], impure)).toThrow(/stale/);
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
    const joinedHits = renders().joinedHits;
    expect((await list())[0]!.collection_name).toBe('Alpha');
    expect((await call('GET', `/v1/collections/${id}`)).json.collection_name).toBe('Alpha');
    expect(renders().hits).toBe(hits + 2);
    expect(renders().joinedHits).toBe(joinedHits + 1);

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

  it('sends a kept text with the Content-Length of its UTF-8 bytes, short or long, on every read', async () => {
    const key = freshKey();
    const call = (method: string, path: string, json?: unknown) => send(`${ctx.url}/xai${path}`, { method, headers: { authorization: `Bearer ${key}` }, json });
    for (const description of ['Résumé ✓', 'é'.repeat(5000)]) {
      const id = (await call('POST', '/v1/collections', { collection_name: 'Ünïcode ✓', collection_description: description })).json.collection_id as string;
      for (let i = 0; i < 2; i++) {
        const res = await call('GET', `/v1/collections/${id}`);
        expect(res.status).toBe(200);
        expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(res.text, 'utf8'));
        expect(res.json).toMatchObject({ collection_name: 'Ünïcode ✓', collection_description: description });
      }
    }
  });
});

describe('Airweave collections listed from kept texts, on a server that does not verify them', () => {
  const ctx = useServer({ strict: false, providers: ['airweave'] });
  const renders = () => ctx.server.providers.find((m) => m.provider.name === 'airweave')!.env.renders;

  it('reuses them between reads and shows every change: connections, their jobs, a rename, a deletion', async () => {
    const key = awKey();
    const call = async (method: string, path: string, json?: unknown) => {
      const res = await awRaw(ctx.url, path, { key, method, json });
      expect(res.status, res.text).toBe(200);
      return res.json;
    };
    type Listed = { readable_id: string; name: string; status: string; source_connection_summaries: { short_name: string }[] };
    const list = async () => (await call('GET', '/collections')) as Listed[];
    /** Each listed collection against its own GET, rendered afresh (the list alone fills the summaries). */
    const listMatchesGets = async () => {
      const listed = await list();
      for (const c of listed) expect({ ...c, source_connection_summaries: [] }).toEqual(await call('GET', `/collections/${c.readable_id}`));
      return listed;
    };
    const a = await call('POST', '/collections', { name: 'Alpha' });
    await listMatchesGets();
    const joinedHits = renders().joinedHits;
    expect((await listMatchesGets())[0]).toMatchObject({ name: 'Alpha', status: 'NEEDS SOURCE', source_connection_summaries: [] });
    expect(renders().joinedHits).toBe(joinedHits + 1);

    await call('POST', '/source-connections', {
      short_name: 'github',
      readable_collection_id: a.readable_id,
      authentication: { credentials: { personal_access_token: 'ghp_valid_token_1234' } },
      config: { repo_name: 'acme/repo' },
    });
    expect((await listMatchesGets())[0]).toMatchObject({ status: 'NEEDS SOURCE', source_connection_summaries: [{ short_name: 'github' }] });
    ctx.server.clock.advance(1000);
    expect((await listMatchesGets())[0]!.status).toBe('ACTIVE');
    ctx.server.clock.advance(1000);
    expect((await listMatchesGets())[0]!.status).toBe('ACTIVE');

    const b = await call('POST', '/collections', { name: 'Beta' });
    await call('POST', '/source-connections', {
      short_name: 'github',
      readable_collection_id: b.readable_id,
      description: 'broken [mock:fail]',
      authentication: { credentials: { personal_access_token: 'ghp_valid_token_1234' } },
      config: { repo_name: 'acme/broken' },
    });
    ctx.server.clock.advance(2000);
    expect((await listMatchesGets()).map((c) => [c.name, c.status])).toEqual([
      ['Beta', 'ERROR'],
      ['Alpha', 'ACTIVE'],
    ]);

    await call('PATCH', `/collections/${a.readable_id}`, { name: 'Alpha 2' });
    expect((await listMatchesGets()).map((c) => c.name)).toEqual(['Beta', 'Alpha 2']);
    await call('DELETE', `/collections/${b.readable_id}`);
    expect((await listMatchesGets()).map((c) => c.name)).toEqual(['Alpha 2']);
  });
});
