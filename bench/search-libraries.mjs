#!/usr/bin/env node
/**
 * How the search engine was chosen: the same corpus and queries as
 * bench/search.mjs, indexed and searched by each candidate library and by the
 * engine, each in a process of its own, one after the other. Keyword search
 * only (top 10); the vector side is measured by bench/search.mjs. The
 * libraries are not dependencies of the project; install them for the run:
 *
 *   npm install --no-save minisearch@7 @orama/orama@3 flexsearch@0.8
 *   npm run build && node bench/search-libraries.mjs [--chunks N] [--queries N] [--only a,b]
 *   node bench/search-libraries.mjs --relevance [--chunks N]
 *   npm install --no-save hnswlib-node@3 hnsw@1 && node bench/search-libraries.mjs --vectors [--chunks N]
 *
 * Every candidate gets the engine's analyzer (Snowball stop words, Porter
 * stems), OR semantics, no prefix or fuzzy matching, so that what differs is
 * the index and the scoring. Queries are timed until --queries or 60 s per
 * library, whichever comes first.
 *
 * --relevance measures what stemming is worth instead: known-item search
 * with and without it. For each of 500 chunks, a query of three of its
 * words; then the same query with each word swapped, where the vocabulary
 * has one, for an inflection of it (found by English suffixes, -s, -es, -ed,
 * -ing, -er, -ly, not by the stemmer under test), as a person who remembers
 * "collapsed" but not "collapses" types it. The figure is the mean
 * reciprocal rank of the chunk in the top 10 (1 = always first, 0 = never
 * found).
 *
 * --vectors compares the engine's exact scan with HNSW (hnswlib-node, native;
 * hnsw, pure JavaScript) on unit vectors of 256 dimensions: build rate,
 * query p50 / p99 and recall of the exact top 10. Each builds for at most
 * 60 s and is measured on what it built by then. Random vectors are HNSW's
 * hardest case for recall; the build rate is what decides here.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus, generateQueries, randomUnitVectors, rng, vocabulary } from './lib/corpus.mjs';

/**
 * @typedef {typeof import('../dist/core/retrieval/index.js')} Engine
 * @typedef {import('../dist/core/retrieval/index.js').Analyzer} Analyzer
 * @typedef {import('./lib/corpus.mjs').Chunk} Chunk
 * @typedef {{ index: unknown, search(query: string): string[] }} Built An index, and its search: the ids of the top 10.
 * @typedef {{ name?: string, package?: string, build(chunks: Chunk[], analyze: Analyzer): Promise<Built> }} Candidate
 * @typedef {{ n: number, p50: number, p99: number }} Timings
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ENGINE = pathToFileURL(path.join(HERE, '..', 'dist', 'core', 'retrieval', 'index.js')).href;
/** The engine, from dist/. */
const engine = () => /** @type {Promise<Engine>} */ (import(ENGINE));
// Read from node_modules: not every package exports its package.json.
/**
 * @param {string} name
 * @returns {string | undefined}
 */
const version = (name) => {
  try {
    return JSON.parse(readFileSync(path.join(HERE, '..', 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};
const BUDGET_MS = 60_000;

/**
 * Each candidate: build(chunks) → { search(query) → ids of the top 10 }.
 * @type {Record<string, Candidate>}
 */
const CANDIDATES = {
  engine: {
    name: 'this engine (typed-array BM25)',
    async build(chunks) {
      const { createSearchIndex, search } = await engine();
      const index = createSearchIndex({ dimension: 1 });
      const one = new Float32Array([1]);
      /** @type {string | undefined} */
      let doc;
      /** @type {import('../dist/core/retrieval/types.js').IndexedChunk[]} */
      let batch = [];
      const flush = () => doc && index.upsert(doc, {}, batch);
      for (const c of chunks) {
        if (c.docKey !== doc) {
          flush();
          doc = c.docKey;
          batch = [];
        }
        batch.push({ id: `${c.docKey}-${c.index}`, text: c.text, page: null, vector: one });
      }
      flush();
      return { index, search: (q) => search([index], { query: q, mode: 'keyword', limit: 10 }).map((h) => h.chunk.id) };
    },
  },
  minisearch: {
    package: 'minisearch',
    async build(chunks, analyze) {
      const { default: MiniSearch } = await import('minisearch');
      const ms = new MiniSearch({
        fields: ['text'],
        tokenize: analyze,
        processTerm: (t) => t,
        searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
      });
      for (const c of chunks) ms.add({ id: `${c.docKey}-${c.index}`, text: c.text });
      return {
        index: ms,
        search: (q) =>
          ms
            .search(q)
            .slice(0, 10)
            .map((r) => r.id),
      };
    },
  },
  orama: {
    package: '@orama/orama',
    async build(chunks, analyze) {
      const { create, insert, search } = await import('@orama/orama');
      const db = create({
        schema: { text: 'string' },
        components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: (raw) => analyze(raw) } },
      });
      for (const c of chunks) insert(db, { id: `${c.docKey}-${c.index}`, text: c.text });
      return { index: db, search: (q) => search(db, { term: q, limit: 10, threshold: 1 }).hits.map((h) => h.id) };
    },
  },
  flexsearch: {
    package: 'flexsearch',
    name: 'flexsearch (its own ranking, no scores)',
    async build(chunks, analyze) {
      const { Index } = (await import('flexsearch')).default ?? (await import('flexsearch'));
      const index = new Index({ tokenize: 'strict' });
      /** @type {string[]} */
      const ids = [];
      chunks.forEach((c, i) => {
        ids.push(`${c.docKey}-${c.index}`);
        index.add(i, analyze(c.text).join(' '));
      });
      return { index, search: (q) => index.search(analyze(q).join(' '), { limit: 10, suggest: true }).map((i) => /** @type {string} */ (ids[i])) };
    },
  },
  'flexsearch+bm25': {
    package: 'flexsearch',
    name: 'flexsearch candidates (1,000) re-ranked by BM25',
    async build(chunks, analyze) {
      const { Index } = (await import('flexsearch')).default ?? (await import('flexsearch'));
      const index = new Index({ tokenize: 'strict' });
      // FlexSearch keeps no term frequencies, lengths nor document frequencies: BM25 needs them kept beside it.
      /** @type {Map<string, number>} */
      const df = new Map();
      const lengths = new Int32Array(chunks.length);
      let total = 0;
      chunks.forEach((c, i) => {
        const terms = analyze(c.text);
        lengths[i] = terms.length;
        total += terms.length;
        for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
        index.add(i, terms.join(' '));
      });
      const n = chunks.length;
      const avg = total / n;
      return {
        index: { index, df, lengths },
        search(q) {
          const terms = [...new Set(analyze(q))];
          const candidates = index.search(terms.join(' '), { limit: 1000, suggest: true });
          /** @param {number} i */
          const chunk = (i) => /** @type {Chunk} */ (chunks[i]);
          const scored = candidates.map((i) => {
            /** @type {Map<string, number>} */
            const tf = new Map();
            for (const t of analyze(chunk(i).text)) tf.set(t, (tf.get(t) ?? 0) + 1);
            let s = 0;
            for (const t of terms) {
              const f = tf.get(t) ?? 0;
              const d = df.get(t) ?? 0;
              if (f) s += Math.log(1 + (n - d + 0.5) / (d + 0.5)) * ((f * 2.2) / (f + 1.2 * (0.25 + (0.75 * /** @type {number} */ (lengths[i])) / avg)));
            }
            return /** @type {[number, number]} */ ([i, s]);
          });
          return scored
            .sort((a, b) => b[1] - a[1])
            .slice(0, 10)
            .map(([i]) => `${chunk(i).docKey}-${chunk(i).index}`);
        },
      };
    },
  },
};

function heapNow() {
  // Runs with --expose-gc.
  const gc = /** @type {() => void} */ (globalThis.gc);
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * @param {number[]} values At least one.
 * @returns {Timings}
 */
function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  /** @param {number} p */
  const at = (p) => /** @type {number} */ (sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]);
  return { n: sorted.length, p50: at(50), p99: at(99) };
}

/**
 * One candidate, in this process (run with --expose-gc).
 * @param {string} key
 * @param {{ chunks: number, queries: number }} options
 */
async function measureOne(key, { chunks: count, queries: nQueries }) {
  const candidate = CANDIDATES[key];
  if (!candidate) throw new Error(`unknown candidate ${key}`);
  const { analyze } = await engine();
  const { chunks, draw } = generateCorpus({ count });
  const queries = generateQueries({ chunks, count: nQueries, draw });
  const before = heapNow();
  const t0 = performance.now();
  const built = await candidate.build(chunks, analyze);
  const buildMs = performance.now() - t0;
  const bytes = heapNow() - before;
  for (const q of queries.slice(0, 20)) built.search(q);
  /** @type {number[]} */
  const times = [];
  const started = performance.now();
  for (const q of queries) {
    const s = performance.now();
    built.search(q);
    times.push(performance.now() - s);
    if (performance.now() - started > BUDGET_MS) break;
  }
  return { key, version: candidate.package ? version(candidate.package) : undefined, buildPerS: count / (buildMs / 1000), bytes, ...summarize(times) };
}

/**
 * Mean reciprocal rank of known items, with the analyzer stemming or not (see the module's comment).
 * @param {{ chunks: number }} options
 */
async function relevance({ chunks: count }) {
  const { createSearchIndex, search, createAnalyzer } = await engine();
  const { chunks } = generateCorpus({ count });
  const words = new Set(vocabulary());
  const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'ly'];
  /** @param {string} w */
  const inflections = (w) => {
    const out = [];
    for (const s of SUFFIXES) {
      if (words.has(w + s)) out.push(w + s);
      if (w.endsWith(s) && words.has(w.slice(0, -s.length))) out.push(w.slice(0, -s.length));
    }
    return out.filter((x) => x !== w);
  };
  const plain = createAnalyzer({ stem: false });
  const random = rng(7);
  const targets = Array.from({ length: 500 }, () => Math.floor(random() * chunks.length));
  const queries = targets.map((t) => {
    const content = [...new Set(plain(/** @type {Chunk} */ (chunks[t]).text))].filter((w) => /^[a-z]+$/.test(w));
    const picked = Array.from({ length: 3 }, () => /** @type {string} */ (content[Math.floor(random() * content.length)]));
    const varied = picked.map((w) => {
      const alts = inflections(w);
      return alts.length ? alts[Math.floor(random() * alts.length)] : w;
    });
    return { target: `c${t}`, exact: picked.join(' '), varied: varied.join(' ') };
  });
  const rows = [];
  for (const stem of [true, false]) {
    const index = createSearchIndex({ dimension: 1, analyzer: createAnalyzer({ stem }) });
    const one = new Float32Array([1]);
    chunks.forEach((c, i) => index.upsert(`c${i}`, {}, [{ id: `c${i}`, text: c.text, page: null, vector: one }]));
    /** @param {'exact' | 'varied'} kind */
    const mrr = (kind) =>
      queries.reduce((sum, q) => {
        const rank = search([index], { query: q[kind], mode: 'keyword', limit: 10 }).findIndex((h) => h.chunk.id === q.target);
        return sum + (rank < 0 ? 0 : 1 / (rank + 1));
      }, 0) / queries.length;
    rows.push(`| ${stem ? 'Porter stems (stemmer)' : 'no stemming'} | ${mrr('exact').toFixed(3)} | ${mrr('varied').toFixed(3)} |`);
  }
  const changed = queries.filter((q) => q.exact !== q.varied).length;
  return (
    `Known-item search, ${count.toLocaleString('en-US')} chunks, 500 queries of 3 words (${changed} with an inflection swapped in); mean reciprocal rank in the top 10:\n\n` +
    `| Analyzer | Words as in the chunk | Inflections swapped in |\n| --- | --- | --- |\n${rows.join('\n')}\n`
  );
}

/**
 * Exact scan against HNSW (see the module's comment).
 * @param {{ chunks: number }} options
 */
async function vectorsCompare({ chunks: count }) {
  const d = 256;
  const vectors = randomUnitVectors(count, d, 3);
  /** @param {number} i */
  const vector = (i) => /** @type {Float32Array} */ (vectors[i]);
  const queries = randomUnitVectors(200, d, 4);
  const BUILD_BUDGET_MS = 60_000;
  /** @type {Record<string, () => Promise<{ n: number, ms: number, search(query: Float32Array): number[] }>>} */
  const candidates = {
    'exact scan (this engine)': async () => {
      const { createSearchIndex, search } = await engine();
      const index = createSearchIndex({ dimension: d });
      let n = 0;
      const t0 = performance.now();
      for (; n < count && performance.now() - t0 < BUILD_BUDGET_MS; n++)
        index.upsert(`v${n}`, {}, [{ id: String(n), text: '', page: null, vector: vector(n) }]);
      return {
        n,
        ms: performance.now() - t0,
        search: (q) => search([index], { query: '', queryVector: q, mode: 'semantic', limit: 10 }).map((h) => Number(h.chunk.id)),
      };
    },
    'hnswlib-node (M 16, ef 200 / 50)': async () => {
      const { default: hnswlib } = await import('hnswlib-node');
      const index = new hnswlib.HierarchicalNSW('ip', d);
      index.initIndex(count, 16, 200, 100);
      let n = 0;
      const t0 = performance.now();
      for (; n < count && performance.now() - t0 < BUILD_BUDGET_MS; n++) index.addPoint(Array.from(vector(n)), n);
      index.setEf(50);
      return { n, ms: performance.now() - t0, search: (q) => index.searchKnn(Array.from(q), 10).neighbors };
    },
    'hnsw (pure JS; M 16, ef 200 / 50)': async () => {
      const { HNSW } = await import('hnsw');
      const index = new HNSW(16, 200, d, 'cosine', 50);
      let n = 0;
      const t0 = performance.now();
      for (; n < count && performance.now() - t0 < BUILD_BUDGET_MS; n++) await index.addPoint(n, Array.from(vector(n)));
      return { n, ms: performance.now() - t0, search: (q) => index.searchKNN(Array.from(q), 10).map((r) => r.id) };
    },
  };
  const rows = [];
  for (const [name, build] of Object.entries(candidates)) {
    let built;
    try {
      built = await build();
    } catch (err) {
      rows.push(`| ${name} | not run: ${String(/** @type {Error} */ (err).message).split('\n')[0]} | | | |`);
      continue;
    }
    /** @param {Float32Array} q */
    const exact = (q) =>
      vectors
        .slice(0, built.n)
        .map((v, i) => /** @type {[number, number]} */ ([i, v.reduce((s, x, j) => s + x * /** @type {number} */ (q[j]), 0)]))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([i]) => i);
    const times = queries.map((q) => {
      const s = performance.now();
      built.search(q);
      return performance.now() - s;
    });
    let recall = 0;
    for (const q of queries.slice(0, 30)) {
      const got = new Set(built.search(q));
      recall += exact(q).filter((i) => got.has(i)).length / 10;
    }
    const { p50, p99 } = summarize(times);
    rows.push(
      `| ${name} | ${Math.round(built.n / (built.ms / 1000)).toLocaleString('en-US')} (${built.n.toLocaleString('en-US')} in ${(built.ms / 1000).toFixed(0)} s) | ${p50.toFixed(2)} / ${p99.toFixed(2)} ms | ${(recall / 30).toFixed(2)} |`,
    );
    process.stderr.write(`${rows.at(-1)}\n`);
  }
  return (
    `Vectors of ${d} dimensions, top 10, one caller; each builds for at most 60 s:\n\n` +
    `| Index | Vectors added per s | Query p50 / p99 | Recall of the exact top 10 |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      chunks: { type: 'string' },
      queries: { type: 'string' },
      only: { type: 'string' },
      one: { type: 'string' },
      relevance: { type: 'boolean' },
      vectors: { type: 'boolean' },
    },
  });
  const opts = { chunks: Number(values.chunks ?? 100_000), queries: Number(values.queries ?? 500) };
  if (values.vectors) {
    process.stdout.write(await vectorsCompare(opts));
    return;
  }
  if (values.relevance) {
    process.stdout.write(await relevance(opts));
    return;
  }
  if (values.one) {
    process.stdout.write(JSON.stringify(await measureOne(values.one, opts)));
    return;
  }
  const keys = values.only ? values.only.split(',') : Object.keys(CANDIDATES);
  const rows = [];
  for (const key of keys) {
    if (!CANDIDATES[key]) throw new Error(`unknown candidate ${key} (${Object.keys(CANDIDATES).join(', ')})`);
    const pkg = CANDIDATES[key].package;
    if (pkg && !version(pkg)) {
      rows.push(`| ${key} | not installed (npm install --no-save ${pkg}) | | | | |`);
      continue;
    }
    process.stderr.write(`search-libraries: ${key}…\n`);
    /** @type {Awaited<ReturnType<typeof measureOne>>} */
    const out = await new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--expose-gc',
          '--max-old-space-size=8192',
          fileURLToPath(import.meta.url),
          '--one',
          key,
          '--chunks',
          String(opts.chunks),
          '--queries',
          String(opts.queries),
        ],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let s = '';
      child.stdout.on('data', (d) => (s += d));
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(s)) : reject(new Error(`${key} exited with ${code}`))));
    });
    const name = CANDIDATES[key].name ?? key;
    rows.push(
      `| ${name} | ${out.version ?? '–'} | ${Math.round(out.buildPerS).toLocaleString('en-US')} | ${((out.bytes / 1e6) * (100_000 / opts.chunks)).toFixed(0)} MB | ${out.p50.toFixed(2)} / ${out.p99.toFixed(2)} ms | ${out.n} |`,
    );
    process.stderr.write(`${rows.at(-1)}\n`);
  }
  process.stdout.write(
    `Keyword search, ${opts.chunks.toLocaleString('en-US')} chunks, top 10, one caller (Node ${process.version}):\n\n` +
      `| Library | Version | Build chunks/s | Memory per 100,000 chunks | Query p50 / p99 | Queries timed |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`search-libraries: ${err?.stack ?? err}\n`);
  process.exit(1);
});
