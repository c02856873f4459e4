/**
 * Mixpeek with --embeddings-url (the server's `embeddingsUrl`): a text
 * extractor's texts and the retrievers' queries are embedded by an
 * OpenAI-compatible endpoint of the test's own on loopback, and documents are
 * ranked by its vectors. When it fails, an object being processed turns
 * FAILED with the reason in `error`, a write of a new text is a 500 that
 * changes nothing, and a dense search is a 500 in the vendor's envelope
 * (recorded as a failed execution), while a bm25_sparse search goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/server.js';
import { startServer } from './support/server.js';
import { startTwoWayEmbeddings, type EmbeddingsServer } from './support/embeddings.js';
import { expectError, mixpeekApi, type MixpeekApi } from './support/mixpeek.js';

describe('Mixpeek retrievers with a remote embedder', () => {
  let embeddings: EmbeddingsServer & { failing: boolean };
  let server: MockServer;
  let a: MixpeekApi;
  let bucketId = '';

  beforeAll(async () => {
    embeddings = await startTwoWayEmbeddings();
    server = await startServer({ providers: ['mixpeek'], embeddingsUrl: embeddings.url, embeddingsModel: 'tiny' });
    const key = 'sk_test_remote_embeddings';
    expect(
      (
        await mixpeekApi(server.url, key).post('/v1/namespaces', {
          namespace_name: 'r',
          feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }],
        })
      ).status,
    ).toBe(200);
    a = mixpeekApi(server.url, key, 'r');
    bucketId = (await a.post('/v1/buckets', { bucket_name: 'b', bucket_schema: { properties: { body: { type: 'text' } } } })).json.bucket_id;
    const made = await a.post('/v1/collections', {
      collection_name: 'sky',
      source: { type: 'bucket', bucket_ids: [bucketId] },
      feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
    });
    expect(made.status, made.text).toBe(200);
    for (const stage of [
      ['dense', 'mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1'],
      ['words', 'mixpeek://text_extractor@v1/bm25_sparse'],
    ]) {
      const res = await a.post('/v1/retrievers', {
        retriever_name: stage[0],
        collection_identifiers: ['sky'],
        input_schema: { query: { type: 'text', required: true } },
        stages: [{ stage_name: 's', config: { stage_id: 'feature_search', parameters: { searches: [{ feature_uri: stage[1], query: '{{INPUT.query}}' }] } } }],
      });
      expect(res.status, res.text).toBe(200);
    }
  });
  afterAll(async () => {
    await server?.close();
    await embeddings?.close();
  });

  const register = async (text: string) =>
    (await a.post(`/v1/buckets/${bucketId}/objects?auto_process=true`, { blobs: [{ property: 'body', type: 'text', data: text }] })).json;

  it('documents and queries are embedded there, and ranked by its vectors', async () => {
    embeddings.failing = false;
    await register('Dunes of dry sand under the sun.');
    await register('Heavy rain swelled the river.');
    server.clock.advance(2000);
    const docs = (await a.post('/v1/collections/sky/documents/list', { return_vectors: true })).json.results;
    expect(docs.map((d: any) => [d.text, d.text_extractor_v1_embedding.map((x: number) => Math.round(x * 100) / 100)])).toEqual([
      ['Dunes of dry sand under the sun.', [0.1, 1]],
      ['Heavy rain swelled the river.', [1, 0.1]],
    ]);
    const res = await a.post('/v1/retrievers/dense/execute', { inputs: { query: 'water' } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.documents.map((d: any) => d.text)).toEqual(['Heavy rain swelled the river.', 'Dunes of dry sand under the sun.']);
  });

  it('when it fails: the object turns FAILED with the reason, a text write is a 500 that changes nothing, a dense search a 500; keyword search goes on', async () => {
    embeddings.failing = true;
    const obj = await register('Snow melts into streams.');
    server.clock.advance(2000);
    const got = (await a.get(`/v1/buckets/${bucketId}/objects/${obj.object_id}`)).json;
    expect(got.status).toBe('FAILED');
    expect(got.error).toMatch(/^Feature extraction failed: .*503/);
    expect((await a.post('/v1/collections/sky/documents/list', {})).json.results).toHaveLength(2);

    const doc = (await a.post('/v1/collections/sky/documents/list', {})).json.results[0];
    expectError(
      await a.patch(`/v1/collections/sky/documents/${doc.document_id}`, { text: 'new words' }),
      500,
      'InternalServerError',
      /^The text could not be embedded/,
    );
    expect((await a.get(`/v1/collections/sky/documents/${doc.document_id}`)).json.text).toBe(doc.text);

    expectError(await a.post('/v1/retrievers/dense/execute', { inputs: { query: 'water' } }), 500, 'InternalServerError', /^The query could not be embedded/);
    const failed = (await a.post('/v1/retrievers/dense/executions/list', { status: 'failed' })).json.results;
    expect(failed).toHaveLength(1);
    const words = await a.post('/v1/retrievers/words/execute', { inputs: { query: 'rain' } });
    expect(words.status, words.text).toBe(200);
    expect(words.json.documents.map((d: any) => d.text)).toEqual(['Heavy rain swelled the river.']);
    embeddings.failing = false;
  });
});
