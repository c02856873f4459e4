/**
 * Embedders: the local deterministic one, and the remote one against a real
 * HTTP server on loopback that plays an OpenAI-compatible /v1/embeddings
 * endpoint (and misbehaves on demand).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  EmbeddingError,
  LOCAL_EMBEDDER_ID,
  LOCAL_EMBEDDING_DIMENSION,
  createEmbedder,
  createLocalEmbedder,
  createRemoteEmbedder,
  embedLocally,
} from '../src/core/retrieval/embed.js';
import { runCli } from './support/cli.js';
import { sendJson, startEmbeddingsServer, type EmbeddingsCall } from './support/embeddings.js';
import { createMockServer } from '../src/server.js';

const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: Float32Array): number => Math.sqrt(cosine(a, a));
const sim = (a: string, b: string): number => cosine(embedLocally(a), embedLocally(b));

describe('the local embedder', () => {
  it('gives unit vectors of the fixed dimension, the same on every run', async () => {
    const e = createLocalEmbedder();
    expect(e.dimension).toBe(256);
    expect(LOCAL_EMBEDDING_DIMENSION).toBe(256);
    expect(e.id).toBe(LOCAL_EMBEDDER_ID);
    expect(e.id).toBe('local-hash-v1/256');
    const texts = ['Indexing makes documents searchable.', 'x', '', '   ', '!!!', '東京の天気'];
    const vectors = await e.embed(texts);
    expect(vectors).toHaveLength(texts.length);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(256);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(await e.embed(texts)).toEqual(vectors);
    expect(await e.embed([])).toEqual([]);
  });

  it('is fixed across versions: the same text, the same numbers', () => {
    // Stored vectors and search results must not drift silently: a change to the features or weights must change LOCAL_EMBEDDER_ID, and this test.
    const v = embedLocally('Indexing makes documents searchable.');
    const top = [...v]
      .map((x, i) => [i, x] as const)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0])
      .slice(0, 3);
    expect(top.map(([i, x]) => [i, Number(x.toFixed(4))])).toEqual([
      [0, 0.2582],
      [32, 0.2582],
      [4, -0.1291],
    ]);
  });

  it('finds morphological neighbours that a keyword match misses, well above unrelated words', () => {
    const neighbours = [
      ['indexing', 'indexed'],
      ['search', 'searching'],
      ['embed', 'embeddings'],
      ['document', 'documents'],
      ['collect', 'collections'],
    ];
    const unrelated = [
      ['indexing', 'weather'],
      ['search', 'pottery'],
      ['embed', 'violin'],
      ['document', 'banana'],
      ['collect', 'mountain'],
    ];
    const lowestNeighbour = Math.min(...neighbours.map(([a, b]) => sim(a!, b!)));
    const highestUnrelated = Math.max(...unrelated.map(([a, b]) => sim(a!, b!)));
    expect(lowestNeighbour).toBeGreaterThan(0.4);
    expect(highestUnrelated).toBeLessThan(0.2);
    // In sentences: the query finds the sentence that says it with other forms of its words.
    const query = 'how does indexing work when searching';
    const related = 'Documents are indexed in batches and searched later.';
    const other = 'The weather in the mountains was sunny all week.';
    expect(sim(query, related)).toBeGreaterThan(sim(query, other) + 0.1);
  });

  it('is blind to case, accents and width; a word counts more when repeated, a function word little', () => {
    expect(sim('Café RÉSUMÉ', 'cafe resume')).toBeCloseTo(1, 5);
    expect(sim('ＡＢＣ', 'abc')).toBeCloseTo(1, 5);
    expect(sim('index index index cat', 'index')).toBeGreaterThan(sim('index cat', 'index'));
    expect(sim('the index', 'index')).toBeGreaterThan(sim('cat index', 'index'));
  });
});

// ---------------------------------------------------------------- the remote embedder

/** A vector per text that says which text it was (its length in the first place), not yet of unit length. */
const vectorOf = (text: string, dim = 4): number[] => [text.length + 1, 2, ...Array.from({ length: dim - 2 }, () => 0)];
const goodReply = (call: EmbeddingsCall, dim = 4) => ({
  object: 'list',
  data: call.body.input.map((t, index) => ({ object: 'embedding', index, embedding: vectorOf(t, dim) })),
  model: call.body.model ?? 'default',
});

describe('the remote embedder', () => {
  const servers: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const serve = async (answer: Parameters<typeof startEmbeddingsServer>[0]) => {
    const s = await startEmbeddingsServer(answer);
    servers.push(s);
    return s;
  };

  it('posts batches of the configured size, in input order, and scales vectors to unit length', async () => {
    const s = await serve((call, res) => sendJson(res, 200, goodReply(call)));
    const e = createRemoteEmbedder({ url: s.url, model: 'nomic-embed-text', batchSize: 3 });
    expect(e.id).toBe(`openai-compatible:${s.url}#nomic-embed-text`);
    expect(e.dimension).toBe(0);
    const texts = ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'g'];
    const vectors = await e.embed(texts);
    expect(s.calls.map((c) => c.body.input)).toEqual([['a', 'bb', 'ccc'], ['dddd', 'eeeee', 'ffffff'], ['g']]);
    expect(s.calls.every((c) => c.body.model === 'nomic-embed-text' && c.body.encoding_format === 'float')).toBe(true);
    expect(e.dimension).toBe(4);
    expect(vectors).toHaveLength(7);
    vectors.forEach((v, i) => {
      expect(norm(v)).toBeCloseTo(1, 6);
      const raw = vectorOf(texts[i]!);
      expect(v[0]! / v[1]!).toBeCloseTo(raw[0]! / raw[1]!, 5);
    });
    expect(await e.embed([])).toEqual([]);
    expect(s.calls).toHaveLength(3);
  });

  it('puts replies back in input order by their index, and sends no model when none is given', async () => {
    const s = await serve((call, res) => sendJson(res, 200, { data: goodReply(call).data.reverse() }));
    const e = createRemoteEmbedder({ url: s.url });
    expect(e.id).toBe(`openai-compatible:${s.url}`);
    const [a, b] = await e.embed(['x', 'xxxxxx']);
    expect(a![0]! / a![1]!).toBeCloseTo(1, 5);
    expect(b![0]! / b![1]!).toBeCloseTo(3.5, 5);
    expect('model' in s.calls[0]!.body).toBe(false);
  });

  it('rejects cleanly when the server does not answer in time', async () => {
    const s = await serve(() => {
      // Never answers.
    });
    const e = createRemoteEmbedder({ url: s.url, timeoutMs: 200 });
    await expect(e.embed(['slow'])).rejects.toThrow(new EmbeddingError(`the embeddings server ${s.url} did not answer within 200 ms`));
  });

  it('rejects with the status and the start of the body on an error reply, and sends no more batches', async () => {
    const s = await serve((_call, res) => sendJson(res, 500, { error: { message: 'model not loaded' } }));
    const e = createRemoteEmbedder({ url: s.url, batchSize: 1, concurrency: 1 });
    const err = await e.embed(['a', 'b', 'c']).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(EmbeddingError);
    expect((err as Error).message).toBe(`the embeddings server ${s.url} answered 500: {"error":{"message":"model not loaded"}}`);
    expect(s.calls).toHaveLength(1);
  });

  it.each([
    ['a body that is not JSON', 'this is not json', 'answered with a body that is not JSON: this is not json'],
    ['no data', { embeddings: [] }, 'answered with a body that is not an embeddings reply: no "data" array'],
    ['too few vectors', { data: [{ index: 0, embedding: [1, 0] }] }, 'answered with a body that is not an embeddings reply: 1 embeddings for 2 inputs'],
    [
      'a vector that is not numbers',
      {
        data: [
          { index: 0, embedding: [1, 'x'] },
          { index: 1, embedding: [1, 0] },
        ],
      },
      'data[0].embedding is not a list of numbers',
    ],
    [
      'an index twice',
      {
        data: [
          { index: 1, embedding: [1, 0] },
          { index: 1, embedding: [1, 0] },
        ],
      },
      'data[1].index is 1',
    ],
    [
      'vectors of two dimensions',
      {
        data: [
          { index: 0, embedding: [1, 0] },
          { index: 1, embedding: [1, 0, 0] },
        ],
      },
      'returned a vector of 3 dimensions; its earlier vectors had 2',
    ],
  ])('rejects a malformed reply: %s', async (_what, body, message) => {
    const s = await serve((_call, res) => sendJson(res, 200, body));
    const e = createRemoteEmbedder({ url: s.url });
    const err = await e.embed(['one', 'two']).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(EmbeddingError);
    expect((err as Error).message).toContain(`the embeddings server ${s.url} `);
    expect((err as Error).message).toContain(message);
  });

  it('rejects a vector whose dimension differs from the earlier replies', async () => {
    let dim = 4;
    const s = await serve((call, res) => sendJson(res, 200, goodReply(call, dim)));
    const e = createRemoteEmbedder({ url: s.url });
    await e.embed(['first']);
    dim = 3;
    await expect(e.embed(['second'])).rejects.toThrow(`the embeddings server ${s.url} returned a vector of 3 dimensions; its earlier vectors had 4`);
    expect(e.dimension).toBe(4);
  });

  it('rejects when nothing listens, and never throws outside the promise', async () => {
    const s = await serve(() => {});
    const url = s.url;
    await s.close();
    const e = createRemoteEmbedder({ url });
    const pending = e.embed(['a']);
    await expect(pending).rejects.toThrow(`the embeddings server ${url} could not be reached: ECONNREFUSED`);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const s = await serve((call, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setImmediate(() => {
        inFlight--;
        sendJson(res, 200, goodReply(call));
      });
    });
    const e = createRemoteEmbedder({ url: s.url, batchSize: 1, concurrency: 2 });
    await Promise.all([e.embed(['a', 'b', 'c']), e.embed(['d', 'e'])]);
    expect(s.calls).toHaveLength(5);
    expect(most).toBe(2);
  });

  it('refuses settings it cannot use when it is made', () => {
    expect(() => createRemoteEmbedder({ url: 'ftp://host/v1/embeddings' })).toThrow(
      'the embeddings URL must be an http(s) URL, got "ftp://host/v1/embeddings"',
    );
    expect(() => createRemoteEmbedder({ url: 'http://127.0.0.1:1/v1/embeddings', batchSize: 0 })).toThrow('batchSize must be a whole number ≥ 1, got 0');
    expect(() => createEmbedder({ model: 'm' })).toThrow('an embeddings model needs an embeddings URL');
    expect(createEmbedder().id).toBe(LOCAL_EMBEDDER_ID);
    expect(createEmbedder({ url: 'http://127.0.0.1:1/v1/embeddings', model: 'm' }).id).toBe('openai-compatible:http://127.0.0.1:1/v1/embeddings#m');
  });
});

describe('the server and the CLI', () => {
  it('give providers the local embedder by default, the remote one with embeddingsUrl', async () => {
    const s = await startEmbeddingsServer((call, res) => sendJson(res, 200, goodReply(call, 8)));
    const local = await createMockServer({ port: 0, providers: ['xai'], quiet: true });
    const remote = await createMockServer({ port: 0, providers: ['xai', 'ctxfy'], quiet: true, embeddingsUrl: s.url, embeddingsModel: 'mini' });
    try {
      expect(local.providers[0]!.env.embedder.id).toBe(LOCAL_EMBEDDER_ID);
      const embedders = remote.providers.map((m) => m.env.embedder);
      expect(embedders.map((e) => e.id)).toEqual([`openai-compatible:${s.url}#mini`, `openai-compatible:${s.url}#mini`]);
      // One embedder for the whole server: its dimension, once learnt, holds for every provider.
      await embedders[0]!.embed(['hello']);
      expect(embedders[1]!.dimension).toBe(8);
      expect(s.calls.map((c) => c.body)).toEqual([{ model: 'mini', input: ['hello'], encoding_format: 'float' }]);
    } finally {
      await Promise.all([local.close(), remote.close(), s.close()]);
    }
  });

  it('serve checks the flags before it starts', async () => {
    const bad = await runCli(['serve', '--embeddings-url', 'ftp://models.test/v1/embeddings']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'collections-mock serve: --embeddings-url must be an http(s) URL, got ftp://models.test/v1/embeddings (see collections-mock serve --help)\n',
    );
    const alone = await runCli(['serve', '--embeddings-model', 'mini']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe(
      'collections-mock serve: --embeddings-model names the model of --embeddings-url: give the URL too (see collections-mock serve --help)\n',
    );
  });
});
