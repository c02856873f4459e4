/**
 * xAI search with --embeddings-url (the server's `embeddingsUrl`): chunks and
 * queries are embedded by an OpenAI-compatible endpoint, here a small one of
 * the test's own on loopback. While it answers, documents are processed and
 * found through its vectors; when it fails, a document being processed turns
 * FAILED with the reason, and a search that needs the query embedded is a 500
 * in the vendor's envelope, while keyword search goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './support/server.js';
import { raw } from './support/client.js';
import { uploadFile } from './support/xai.js';
import { startTwoWayEmbeddings, type EmbeddingsServer } from './support/embeddings.js';
import type { MockServer } from '../src/server.js';

const KEY = 'xai-remote-embeddings';
const JSON_CT = { 'content-type': 'application/json' };

describe('xAI search with a remote embedder', () => {
  let embeddings: EmbeddingsServer & { failing: boolean };
  const seen: unknown[] = [];
  let server: MockServer;

  beforeAll(async () => {
    embeddings = await startTwoWayEmbeddings((call) => seen.push(call.body));
    server = await startServer({ embeddingsUrl: embeddings.url, embeddingsModel: 'tiny' });
  });
  afterAll(async () => {
    await server?.close();
    await embeddings?.close();
  });

  const json = (method: string, path: string, body?: unknown) =>
    raw(server.url, `/xai${path}`, { key: KEY, method, ...(body !== undefined ? { headers: JSON_CT, body: JSON.stringify(body) } : {}) });

  async function collectionWith(texts: Record<string, string>): Promise<{ cid: string; ids: Record<string, string> }> {
    const cid = (await json('POST', '/v1/collections', { collection_name: 'remote' })).json.collection_id as string;
    const ids: Record<string, string> = {};
    for (const [name, text] of Object.entries(texts)) {
      ids[name] = await uploadFile(server.url, KEY, `${name}.txt`, text);
      expect((await json('POST', `/v1/collections/${cid}/documents/${ids[name]}`)).status).toBe(200);
    }
    server.clock.advance(1000);
    return { cid, ids };
  }

  it('embeds chunks and queries there, and ranks by its vectors', async () => {
    embeddings.failing = false;
    const { cid, ids } = await collectionWith({ rain: 'Heavy rain swelled the river.', desert: 'Dunes of dry sand under the sun.' });
    for (const id of Object.values(ids)) expect((await json('GET', `/v1/collections/${cid}/documents/${id}`)).json.status).toBe('DOCUMENT_STATUS_PROCESSED');
    const search = await json('POST', '/v1/documents/search', { query: 'water', source: { collection_ids: [cid] }, retrieval_mode: { type: 'semantic' } });
    expect(search.status, search.text).toBe(200);
    expect(search.json.matches.map((m: { file_id: string }) => m.file_id)).toEqual([ids.rain, ids.desert]);
    expect(seen).toContainEqual({ model: 'tiny', input: ['water'], encoding_format: 'float' });
  });

  it('fails a document with the reason when the endpoint fails, and answers a search that needs it with 500', async () => {
    embeddings.failing = false;
    const { cid, ids } = await collectionWith({ rain: 'Rain again.' });
    embeddings.failing = true;
    const late = await uploadFile(server.url, KEY, 'late.txt', 'A late note about the river.');
    expect((await json('POST', `/v1/collections/${cid}/documents/${late}`)).status).toBe(200);
    server.clock.advance(1000);
    const doc = (await json('GET', `/v1/collections/${cid}/documents/${late}`)).json;
    expect(doc.status).toBe('DOCUMENT_STATUS_FAILED');
    expect(doc.error_message).toMatch(/503/);
    const semantic = await json('POST', '/v1/documents/search', { query: 'river', source: { collection_ids: [cid] } });
    expect(semantic.status).toBe(500);
    expect(semantic.json).toStrictEqual({ code: 'Internal error', error: expect.stringMatching(/^The query could not be embedded: .*503/) });
    const keyword = await json('POST', '/v1/documents/search', { query: 'rain', source: { collection_ids: [cid] }, keyword_retrieval: {} });
    expect(keyword.status).toBe(200);
    expect(keyword.json.matches.map((m: { file_id: string }) => m.file_id)).toEqual([ids.rain]);
    embeddings.failing = false;
  });
});
