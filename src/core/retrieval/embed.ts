/**
 * Embedders: texts → unit-length vectors.
 *
 * The default is local and deterministic, so semantic search works offline,
 * in CI and the same on every run: feature hashing (the "hashing trick") of
 * each word and of its character 3- and 4-grams (with word-boundary marks, as
 * fastText does) into `LOCAL_EMBEDDING_DIMENSION` signed buckets, then scaled
 * to unit length. Words that share a stem share most of their n-grams
 * ("indexing" and "indexed", "search" and "searching"), so their vectors are
 * close where a keyword match sees two different words; unrelated words share
 * none. Text is compared case-, accent- and width-blind (NFKD, marks
 * dropped, lower case); a word's weight grows with the log of its count, and
 * the commonest English function words weigh little.
 *
 * The other embedder calls an OpenAI-compatible `/v1/embeddings` endpoint
 * (a local model server, say): see `createRemoteEmbedder`.
 */
import type { Embedder } from './types.js';

/** The local embedder's dimension: what an index of its vectors holds. */
export const LOCAL_EMBEDDING_DIMENSION = 256;

/** Names the algorithm, its version and its dimension: a change to any of the features or weights must change it. */
export const LOCAL_EMBEDDER_ID = `local-hash-v1/${LOCAL_EMBEDDING_DIMENSION}`;

const GRAM_SIZES = [3, 4] as const;
const WORD_WEIGHT = 1;
const GRAM_WEIGHT = 1;
const STOPWORD_WEIGHT = 0.2;
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can did do does for from had has have how i if in into is it its ' +
    'me my no not of on or our so than that the their them then there these they this those to us was we ' +
    'were what when where which who why will with would you your'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

export function createLocalEmbedder(): Embedder {
  return {
    id: LOCAL_EMBEDDER_ID,
    dimension: LOCAL_EMBEDDING_DIMENSION,
    embed: async (texts) => texts.map(embedLocally),
  };
}

/** The local embedder's vector of one text (synchronous). */
export function embedLocally(text: string): Float32Array {
  const v = new Float64Array(LOCAL_EMBEDDING_DIMENSION);
  const counts = new Map<string, number>();
  for (const [word] of text.normalize('NFKD').replace(MARKS, '').toLowerCase().matchAll(WORD)) counts.set(word, (counts.get(word) ?? 0) + 1);
  if (counts.size === 0) {
    // No word at all: the text itself is the one feature, so such texts still match their equals (and the empty text has a vector of unit length too).
    addFeature(v, `t\u0001${text.trim()}`, 0, undefined, 1);
  }
  for (const [word, count] of counts) {
    const weight = (1 + Math.log(count)) * (STOPWORDS.has(word) ? STOPWORD_WEIGHT : 1);
    addFeature(v, `w\u0001${word}`, 0, undefined, weight * WORD_WEIGHT);
    const marked = `<${word}>`;
    for (const n of GRAM_SIZES) {
      for (let i = 0; i + n <= marked.length; i++) addFeature(v, marked, i, i + n, weight * GRAM_WEIGHT);
    }
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  const out = new Float32Array(LOCAL_EMBEDDING_DIMENSION);
  if (norm > 0) for (let i = 0; i < v.length; i++) out[i] = v[i]! / norm;
  return out;
}

/** Adds ±weight to the bucket of `s.slice(from, to)` (n-grams are hashed in place, without a string each). */
function addFeature(v: Float64Array, s: string, from: number, to: number | undefined, weight: number): void {
  // FNV-1a over the UTF-16 units, then murmur3's finaliser so every bit of the hash depends on every unit.
  let h = 0x811c9dc5;
  const end = to ?? s.length;
  // n-grams and words live in different spaces: a gram is prefixed by its own mark.
  if (to !== undefined) h = Math.imul(h ^ 0x67, 0x01000193);
  for (let i = from; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  const bucket = (h >>> 0) % v.length;
  // The sign from the top bit: collisions cancel out on average instead of adding up.
  v[bucket]! += h < 0 ? -weight : weight;
}

// ---------------------------------------------------------------- remote

export interface RemoteEmbedderOptions {
  /** The endpoint itself, e.g. `http://127.0.0.1:11434/v1/embeddings`. */
  url: string;
  /** The `model` of each request; left out when not given (servers that serve one model need none). */
  model?: string;
  /** Texts per request (default 64). */
  batchSize?: number;
  /** How long one request may take, reply body included, in ms (default 30,000). */
  timeoutMs?: number;
  /** Requests in flight at once, across every document (default 2), so a burst of uploads does not swamp a local model server. */
  concurrency?: number;
}

export const REMOTE_DEFAULTS = { batchSize: 64, timeoutMs: 30_000, concurrency: 2 } as const;

/** Why the remote embedder could not embed: its message is fit to show as a document's error. */
export class EmbeddingError extends Error {
  override name = 'EmbeddingError';
}

/**
 * An embedder that posts `{ model, input: [texts], encoding_format: "float" }`
 * to an OpenAI-compatible endpoint, in batches, and reads
 * `{ data: [{ index, embedding }] }`. Its vectors are scaled to unit length.
 * Its dimension is the model's: learnt from the first reply (0 until then),
 * then every vector must have it. Any failure (no answer in time, a status
 * other than 2xx, a body that is not such a reply, a vector of another
 * dimension) rejects with an EmbeddingError; nothing throws outside the
 * returned promise.
 */
export function createRemoteEmbedder(options: RemoteEmbedderOptions): Embedder {
  const url = checkedUrl(options.url);
  const batchSize = positive('batchSize', options.batchSize ?? REMOTE_DEFAULTS.batchSize);
  const timeoutMs = positive('timeoutMs', options.timeoutMs ?? REMOTE_DEFAULTS.timeoutMs);
  const slots = limiter(positive('concurrency', options.concurrency ?? REMOTE_DEFAULTS.concurrency));
  const model = options.model;
  const where = `the embeddings server ${url}`;
  let dimension = 0;

  const request = async (input: readonly string[]): Promise<Float32Array[]> => {
    let res: Response;
    let body: string;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ ...(model !== undefined ? { model } : {}), input, encoding_format: 'float' }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await res.text();
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError') throw new EmbeddingError(`${where} did not answer within ${timeoutMs} ms`);
      throw new EmbeddingError(`${where} could not be reached: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
    }
    if (!res.ok) throw new EmbeddingError(`${where} answered ${res.status}${excerpt(body) ? `: ${excerpt(body)}` : ''}`);
    let reply: unknown;
    try {
      reply = JSON.parse(body);
    } catch {
      throw new EmbeddingError(`${where} answered with a body that is not JSON: ${excerpt(body)}`);
    }
    const vectors = readVectors(reply, input.length, where);
    for (const v of vectors) {
      if (dimension === 0) dimension = v.length;
      if (v.length !== dimension) throw new EmbeddingError(`${where} returned a vector of ${v.length} dimensions; its earlier vectors had ${dimension}`);
    }
    return vectors.map(unit);
  };

  return {
    id: `openai-compatible:${url}${model !== undefined ? `#${model}` : ''}`,
    get dimension() {
      return dimension;
    },
    async embed(texts) {
      // Once a batch has failed the texts cannot all be embedded: the batches still waiting for a slot are not sent.
      let failure: unknown;
      const send = async (batch: readonly string[]) => {
        if (failure !== undefined) throw failure;
        try {
          return await request(batch);
        } catch (err) {
          failure ??= err;
          throw err;
        }
      };
      const batches: Promise<Float32Array[]>[] = [];
      for (let i = 0; i < texts.length; i += batchSize) batches.push(slots(() => send(texts.slice(i, i + batchSize))));
      return (await Promise.all(batches)).flat();
    },
  };
}

function checkedUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`the embeddings URL must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`the embeddings URL must be an http(s) URL, got ${JSON.stringify(raw)}`);
  return u.href;
}

function positive(name: string, n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, got ${n}`);
  return n;
}

/** The reply's vectors in input order, each checked to be a non-empty array of finite numbers. */
function readVectors(reply: unknown, count: number, where: string): number[][] {
  const bad = (what: string) => new EmbeddingError(`${where} answered with a body that is not an embeddings reply: ${what}`);
  const data = (reply as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw bad('no "data" array');
  if (data.length !== count) throw bad(`${data.length} embeddings for ${count} inputs`);
  const out: number[][] = new Array(count);
  data.forEach((item: unknown, position) => {
    const { index = position, embedding } = (item ?? {}) as { index?: unknown; embedding?: unknown };
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= count || out[index as number])
      throw bad(`data[${position}].index is ${JSON.stringify(index)}`);
    if (!Array.isArray(embedding) || embedding.length === 0 || !embedding.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw bad(`data[${position}].embedding is not a list of numbers`);
    }
    out[index as number] = embedding as number[];
  });
  return out;
}

function unit(v: readonly number[]): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  const out = new Float32Array(v.length);
  if (norm > 0) for (let i = 0; i < v.length; i++) out[i] = v[i]! / norm;
  return out;
}

/** The first 200 characters of a body, on one line. */
function excerpt(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Runs at most `n` tasks at once, the others in the order they came. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  return (task) =>
    new Promise((resolve, reject) => {
      const run = () => {
        running++;
        task()
          .then(resolve, reject)
          .finally(() => {
            running--;
            queue.shift()?.();
          });
      };
      if (running < n) run();
      else queue.push(run);
    });
}

export interface EmbedderOptions {
  /** An OpenAI-compatible embeddings endpoint; without it, the local embedder. */
  url?: string;
  model?: string;
}

/** The embedder the server's options ask for. */
export function createEmbedder(options: EmbedderOptions = {}): Embedder {
  if (options.url === undefined) {
    if (options.model !== undefined) throw new Error('an embeddings model needs an embeddings URL');
    return createLocalEmbedder();
  }
  return createRemoteEmbedder({ url: options.url, ...(options.model !== undefined ? { model: options.model } : {}) });
}
