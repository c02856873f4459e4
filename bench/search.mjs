#!/usr/bin/env node
/**
 * The search engine in-process (src/core/retrieval, from dist/): one
 * collection of 100,000 English-like chunks (bench/lib/corpus.mjs) with a
 * vector each, built through `upsert` document by document, then queried in
 * each mode, one query at a time. Prints each figure against its target
 * (SEARCH_TARGETS) as pass / short.
 *
 *   node bench/search.mjs [--quick] [--chunks N] [--queries N] [--dimension D] [--json]
 *
 * `searchBench` runs the same in a child process (for `node bench/run.mjs
 * --only search`): the measurement needs --expose-gc for its memory figures,
 * and a process of its own so that nothing else is on its heap.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus, generateQueries, randomUnitVectors } from './lib/corpus.mjs';

/**
 * @typedef {import('../dist/core/retrieval/types.js').SearchRequest<Doc>} Request
 * @typedef {{ tag: 'even' | 'odd' }} Doc What each document holds, to filter on.
 * @typedef {{ n: number, p50: number, p99: number, max: number }} Timings ms.
 * @typedef {Awaited<ReturnType<typeof measure>>} SearchFigures
 * @typedef {{ name: string, measured: string, verdict: string }} Target A figure against its target; `verdict` is "pass" or "short (…)".
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ENGINE = path.join(HERE, '..', 'dist', 'core', 'retrieval', 'index.js');

/** The engine's targets, per 100,000 chunks in one collection, top 10, one caller. */
export const SEARCH_TARGETS = {
  buildPerS: 5000, // chunks indexed per second, at least
  memoryMb: 150, // index memory, text index and vectors, per 100,000 chunks, at most
  keywordP99Ms: 15,
  hybridP99Ms: 50,
};

const USAGE = `Usage: node bench/search.mjs [options]

  --quick          10,000 chunks, 200 queries
  --chunks N       chunks in the collection (default 100000)
  --queries N      queries timed per mode (default 500)
  --dimension D    vector dimension (default 256, the local embedder's)
  --json           print the figures as JSON (what searchBench reads)
  -h, --help       this text
`;

/**
 * @param {number[]} values At least one.
 * @returns {Timings}
 */
function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  /** @param {number} i */
  const nth = (i) => /** @type {number} */ (sorted[i]);
  /** @param {number} p */
  const at = (p) => nth(Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1);
  return { n: sorted.length, p50: at(50), p99: at(99), max: nth(sorted.length - 1) };
}

function heap() {
  // measure() runs with --expose-gc.
  const gc = /** @type {() => void} */ (globalThis.gc);
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
}

/**
 * The measurement itself, in this process (needs --expose-gc).
 * @param {{ chunks: number, queries: number, dimension: number, log?: import('./run.mjs').Log }} options
 */
export async function measure({ chunks: count, queries: nQueries, dimension, log = () => {} }) {
  /** @type {typeof import('../dist/core/retrieval/index.js')} */
  const { createSearchIndex, search } = await import(pathToFileURL(ENGINE).href);
  log(`search: generating ${count.toLocaleString('en-US')} chunks`);
  const corpus = generateCorpus({ count });
  const vectors = randomUnitVectors(count, dimension, 3);
  const queries = generateQueries({ chunks: corpus.chunks, count: nQueries, draw: corpus.draw });
  const queryVectors = randomUnitVectors(nQueries, dimension, 4);
  // Documents as the store hands them over: each with its chunks, its data a tag to filter on.
  /** @type {Map<string, { key: string, data: Doc, chunks: import('../dist/core/retrieval/types.js').IndexedChunk[] }>} */
  const docs = new Map();
  corpus.chunks.forEach((c, i) => {
    let d = docs.get(c.docKey);
    if (!d) docs.set(c.docKey, (d = { key: c.docKey, data: { tag: docs.size % 2 === 0 ? 'even' : 'odd' }, chunks: [] }));
    d.chunks.push({ id: `${c.docKey}-${c.index}`, text: c.text, page: null, vector: /** @type {Float32Array} */ (vectors[i]) });
  });
  const textBytes = corpus.chunks.reduce((n, c) => n + c.text.length, 0);

  const before = heap();
  /** @type {import('../dist/core/retrieval/types.js').SearchIndex<Doc>} */
  const index = createSearchIndex({ dimension });
  const t0 = performance.now();
  for (const d of docs.values()) index.upsert(d.key, d.data, d.chunks);
  const buildMs = performance.now() - t0;
  const after = heap();
  log(`search: built in ${(buildMs / 1000).toFixed(1)} s`);

  /** @param {number} q */
  const query = (q) => /** @type {string} */ (queries[q]);
  /** @satisfies {Record<string, (q: number) => Request>} */
  const modes = {
    keyword: (q) => ({ query: query(q), mode: 'keyword', limit: 10 }),
    'keyword, a filter keeping half the documents,': (q) => ({ query: query(q), mode: 'keyword', limit: 10, filter: (d) => d.tag === 'even' }),
    semantic: (q) => ({ query: query(q), queryVector: queryVectors[q], mode: 'semantic', limit: 10 }),
    hybrid: (q) => ({ query: query(q), queryVector: queryVectors[q], mode: 'hybrid', limit: 10 }),
  };
  /** @typedef {keyof typeof modes} Mode */
  const latency = /** @type {Record<Mode, Timings & { hitsPerQuery: number }>} */ ({});
  for (const [mode, request] of /** @type {[Mode, (q: number) => Request][]} */ (Object.entries(modes))) {
    for (let q = 0; q < Math.min(50, nQueries); q++) search([index], request(q));
    /** @type {number[]} */
    const times = [];
    let hits = 0;
    for (let q = 0; q < nQueries; q++) {
      const r = request(q);
      const s = performance.now();
      hits += search([index], r).length;
      times.push(performance.now() - s);
    }
    latency[mode] = { ...summarize(times), hitsPerQuery: hits / nQueries };
    log(`search: ${mode}: p50 ${latency[mode].p50.toFixed(2)} ms, p99 ${latency[mode].p99.toFixed(2)} ms`);
  }

  return {
    chunks: count,
    documents: corpus.documents,
    dimension,
    queries: nQueries,
    avgWords: textBytes / count / 6.6,
    buildMs,
    buildPerS: count / (buildMs / 1000),
    indexBytes: after.heap - before.heap,
    rssDelta: after.rss - before.rss,
    textBytes,
    vectorBytes: count * dimension * 4,
    latency,
  };
}

/** @param {number} n */
const int = (n) => Math.round(n).toLocaleString('en-US');
/** @param {number} n */
const ms = (n) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
/** @param {number} b */
const mb = (b) => (b / 1e6).toFixed(1);
/**
 * @param {string[]} head
 * @param {string[][]} rows
 */
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
/**
 * @param {boolean} ok
 * @param {string} short
 */
const verdict = (ok, short) => (ok ? 'pass' : `**short (${short})**`);

/**
 * The section's tables and its targets, in bench/run.mjs's style.
 * @param {SearchFigures} r
 * @returns {{ section: string, targets: Target[] }}
 */
export function searchReport(r) {
  const per100k = 100_000 / r.chunks;
  const memPer100k = r.indexBytes * per100k;
  const rows = [
    ['Collection', `${int(r.chunks)} chunks in ${int(r.documents)} documents, vectors of ${r.dimension} float32`],
    ['Build (`upsert` per document)', `**${int(r.buildPerS)} chunks/s** (${(r.buildMs / 1000).toFixed(1)} s)`],
    [
      'Index memory (postings, vectors, per-chunk tables): heap + array buffers after GC',
      `**${mb(r.indexBytes)} MB** (${mb(memPer100k)} MB per 100,000 chunks${r.chunks < 100_000 ? ', scaled up: fixed costs make a small index read high' : ''}; ` +
        `vectors ${mb(r.vectorBytes)} MB of it; RSS grew ${mb(r.rssDelta)} MB)`,
    ],
    ['Chunk texts the index holds (the corpus, shared with the caller, not counted above)', `${mb(r.textBytes)} MB (one-byte strings)`],
    ...Object.entries(r.latency).map(([mode, l]) => [
      `${mode} top 10, ${int(l.n)} queries`,
      `p50 ${ms(l.p50)} ms, p99 ${ms(l.p99)} ms, max ${ms(l.max)} ms (${l.hitsPerQuery.toFixed(1)} hits a query)`,
    ]),
  ];
  const n = int(r.chunks);
  const targets = [
    {
      name: `search build ≥ ${int(SEARCH_TARGETS.buildPerS)} chunks/s`,
      measured: `${int(r.buildPerS)} chunks/s`,
      verdict: r.buildPerS >= SEARCH_TARGETS.buildPerS ? 'pass' : `short (by ${int(SEARCH_TARGETS.buildPerS - r.buildPerS)} chunks/s)`,
    },
    {
      name: `search index memory ≤ ${SEARCH_TARGETS.memoryMb} MB per 100,000 chunks`,
      measured: `${mb(memPer100k)} MB`,
      verdict: memPer100k / 1e6 <= SEARCH_TARGETS.memoryMb ? 'pass' : `short (by ${mb(memPer100k - SEARCH_TARGETS.memoryMb * 1e6)} MB)`,
    },
    {
      name: `search keyword p99 ≤ ${SEARCH_TARGETS.keywordP99Ms} ms at ${n} chunks`,
      measured: `${ms(r.latency.keyword.p99)} ms`,
      verdict: r.latency.keyword.p99 <= SEARCH_TARGETS.keywordP99Ms ? 'pass' : `short (by ${ms(r.latency.keyword.p99 - SEARCH_TARGETS.keywordP99Ms)} ms)`,
    },
    {
      name: `search hybrid p99 ≤ ${SEARCH_TARGETS.hybridP99Ms} ms at ${n} chunks`,
      measured: `${ms(r.latency.hybrid.p99)} ms`,
      verdict: r.latency.hybrid.p99 <= SEARCH_TARGETS.hybridP99Ms ? 'pass' : `short (by ${ms(r.latency.hybrid.p99 - SEARCH_TARGETS.hybridP99Ms)} ms)`,
    },
  ];
  return { section: `### Search engine (in-process)\n\n${table(['Figure', 'Value'], rows)}`, targets };
}

/**
 * Runs `measure` in a child process with --expose-gc and returns its figures.
 * @param {{ chunks: number, queries: number, dimension?: number, log?: import('./run.mjs').Log }} options
 * @returns {Promise<SearchFigures>}
 */
export function searchBench({ chunks, queries, dimension = 256, log = () => {} }) {
  const args = [
    '--expose-gc',
    fileURLToPath(import.meta.url),
    '--json',
    '--chunks',
    String(chunks),
    '--queries',
    String(queries),
    '--dimension',
    String(dimension),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    for (const line of String(d).split('\n')) if (line.trim()) log(line.trim());
  });
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`bench/search.mjs exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      else resolve(JSON.parse(stdout));
    }),
  );
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        quick: { type: 'boolean' },
        chunks: { type: 'string' },
        queries: { type: 'string' },
        dimension: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`bench/search.mjs: ${/** @type {Error} */ (err).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  /**
   * @param {'chunks' | 'queries' | 'dimension'} name
   * @param {number} fallback
   */
  const num = (name, fallback) => {
    if (values[name] === undefined) return fallback;
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) {
      process.stderr.write(`bench/search.mjs: --${name} must be a whole number ≥ 1\n`);
      process.exit(2);
    }
    return n;
  };
  if (!existsSync(ENGINE)) {
    process.stderr.write(`bench/search.mjs: BROKEN: ${ENGINE} does not exist; run npm run build\n`);
    process.exit(1);
  }
  const opts = {
    chunks: num('chunks', values.quick ? 10_000 : 100_000),
    queries: num('queries', values.quick ? 200 : 500),
    dimension: num('dimension', 256),
  };
  if (typeof globalThis.gc !== 'function') {
    // Memory figures need gc(): run again with it.
    const r = await searchBench({ ...opts, log: (line) => process.stderr.write(`${line}\n`) });
    print(r, values.json);
    return;
  }
  const r = await measure({ ...opts, log: (line) => process.stderr.write(`${line}\n`) });
  print(r, values.json);
}

/**
 * @param {SearchFigures} r
 * @param {boolean | undefined} json
 */
function print(r, json) {
  if (json) {
    process.stdout.write(JSON.stringify(r));
    return;
  }
  const { section, targets } = searchReport(r);
  process.stdout.write(
    `${section}\n\n${table(
      ['Target', 'Measured', 'Verdict'],
      targets.map((t) => [t.name, t.measured, verdict(t.verdict === 'pass', t.verdict.replace(/^short \((.*)\)$/, '$1'))]),
    )}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`bench/search.mjs: BROKEN: ${err?.stack ?? err}\n`);
    process.exit(1);
  });
}
