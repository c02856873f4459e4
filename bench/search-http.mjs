/**
 * Search over HTTP: for each route in search-targets.mjs, a fresh mock is
 * loaded through the vendor's own API with `items` searchable items (100,000
 * chunks in one collection, by default), then searched in each mode with a
 * rotation of English-like queries, on 1 connection (the latency targets) and
 * on many (the latency under load). Reports how fast the index was built end
 * to end, what the process's memory grew by, and each mode's latency.
 *
 * The search section's in-process figures (bench/search.mjs) are the engine's
 * alone; these add everything a client sees: the request pipeline (parsing,
 * validation, the response self-check), the query's embedding, rendering the
 * vendor's reply, and for the build the upload, extraction, chunking and
 * embedding of every document.
 */
import { keepAliveAgent, request } from './lib/http.mjs';
import { cannon, merge } from './lib/load.mjs';
import { rssPoint, startMeasuredMock } from './lib/memory.mjs';
import { planQueries } from './lib/documents.mjs';
import { SEARCH_TARGETS } from './search-targets.mjs';
import { SEARCH_TARGETS as ENGINE_TARGETS } from './search.mjs';

/**
 * @typedef {import('./search-targets.mjs').Mode} Mode
 * @typedef {import('./search-targets.mjs').SearchCall} SearchCall
 * @typedef {import('./lib/load.mjs').Run} Run
 * @typedef {import('./lib/load.mjs').Merged} Merged
 * @typedef {{ one: Merged, many: Merged, hitsPerQuery: number }} Latency At 1 connection and at `connections`.
 * @typedef {Awaited<ReturnType<typeof measureTarget>>} RouteFigures
 * @typedef {object} Options
 * @property {number} items
 * @property {number} connections
 * @property {number} requests
 * @property {number} rounds
 * @property {number} warmupRequests
 * @property {number} durationS
 * @property {number} concurrency
 * @property {number} settleMs
 * @property {import('./run.mjs').Log} log
 */

/** The targets over HTTP: the engine's latency targets at 1 connection, and its build rate end to end. */
export const HTTP_TARGETS = {
  buildPerS: ENGINE_TARGETS.buildPerS,
  keywordP99Ms: ENGINE_TARGETS.keywordP99Ms,
  hybridP99Ms: ENGINE_TARGETS.hybridP99Ms,
};

/** Distinct queries in the rotation: more than any run sends at 1 connection, so none is repeated there. */
const QUERIES = 1000;

/** @param {number} n */
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/**
 * Runs every target. Options: `items`, `connections` (the loaded runs),
 * `requests` (timed per mode at 1 connection, in `rounds`), `warmupRequests` (per mode,
 * sequential, each reply checked), `durationS` (per mode at `connections`),
 * `concurrency` (uploads and adds in flight), `settleMs`, `log`.
 * Returns `{ results: [...], broken: [...] }`.
 * @param {Options} opts
 */
export async function searchHttp(opts) {
  /** @type {RouteFigures[]} */
  const results = [];
  /** @type {string[]} */
  const broken = [];
  for (const target of SEARCH_TARGETS) {
    try {
      results.push(await measureTarget(target, opts));
    } catch (err) {
      const { message } = /** @type {Error} */ (err);
      broken.push(`search over HTTP, ${target.name} ${target.route}: ${message}`);
      opts.log(`search-http: ${target.name}: BROKEN: ${message}`);
    }
  }
  return { results, broken };
}

/**
 * @template S
 * @param {import('./search-targets.mjs').SearchTarget<S>} target
 * @param {Options} options
 */
async function measureTarget(target, { items, connections, requests, rounds, warmupRequests, durationS, concurrency, settleMs, log }) {
  const label = `search-http: ${target.name}`;
  log(`${label}: planning ${fmt(items)} ${target.unit}`);
  const planStarted = performance.now();
  const plan = await target.plan({ items });
  const queries = planQueries(plan, QUERIES);
  log(`${label}: planned in ${((performance.now() - planStarted) / 1000).toFixed(1)} s: ${plan.describe}`);

  const mock = await startMeasuredMock(target.mockArgs);
  const agent = keepAliveAgent(concurrency);
  const setup = { url: mock.url, plan, agent, concurrency, items, log };
  try {
    const start = await rssPoint(mock, settleMs);
    const storeStarted = performance.now();
    const ctx = { ...setup, stored: await target.store(setup) };
    const storeMs = performance.now() - storeStarted;
    const stored = await rssPoint(mock, settleMs);
    log(`${label}: stored in ${(storeMs / 1000).toFixed(1)} s; building`);

    const buildStarted = performance.now();
    await target.build(ctx);
    const buildMs = performance.now() - buildStarted;
    await target.verify(ctx);
    const built = await rssPoint(mock, settleMs);
    log(`${label}: built in ${(buildMs / 1000).toFixed(1)} s, ${fmt(items / (buildMs / 1000))} ${target.unit}/s; RSS ${(built.rss / 1e6).toFixed(1)} MB`);

    // Per mode: its rotation of requests, and where in it the next run starts, so no query is timed twice before all have been.
    // Filled below for each of the target's modes, the only ones looked up.
    const modes = /** @type {Record<Mode, { rotation: SearchCall[], at: number, hitsPerQuery: number, one: Run[], many: Run[] }>} */ ({});
    for (const mode of target.modes) {
      const rotation = queries.map((query) => target.request(ctx, mode, query));
      // Sequential, every reply read: a warm-up that also proves the route answers with results.
      let hits = 0;
      for (let i = 0; i < warmupRequests; i++) {
        const r = /** @type {SearchCall} */ (rotation[i % rotation.length]);
        const res = await request(`${mock.url}${r.path}`, { method: r.method, headers: r.headers, body: r.body, agent });
        if (res.status !== 200) throw new Error(`${mode} search → ${res.status} ${res.body.slice(0, 300)}`);
        hits += target.hits(res.body);
      }
      modes[mode] = { rotation, at: warmupRequests, hitsPerQuery: hits / warmupRequests, one: [], many: [] };
    }
    /**
     * @param {Mode} mode
     * @param {{ connections: number, durationS?: number, amount?: number }} options
     */
    const run = async (mode, options) => {
      const m = modes[mode];
      const at = m.at % m.rotation.length;
      const [first] = /** @type {[SearchCall, ...SearchCall[]]} */ (m.rotation);
      const result = await cannon({ url: `${mock.url}${first.path}`, requests: [...m.rotation.slice(at), ...m.rotation.slice(0, at)] }, options);
      m.at += result.responses;
      return result;
    };
    // 1 connection, in rounds with the modes' order reversed each time, so that the machine's drift
    // (other work comes and goes) falls on every mode alike rather than on whichever ran last.
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 === 0 ? target.modes : [...target.modes].reverse()) {
        modes[mode].one.push(await run(mode, { connections: 1, amount: Math.ceil(requests / rounds) }));
      }
    }
    for (const mode of target.modes) modes[mode].many.push(await run(mode, { connections, durationS }));
    /** @type {Partial<Record<Mode, Latency>>} */
    const latency = {};
    for (const mode of target.modes) {
      const l = (latency[mode] = { one: merge(modes[mode].one), many: merge(modes[mode].many), hitsPerQuery: modes[mode].hitsPerQuery });
      for (const [n, m] of /** @type {const} */ ([
        [1, l.one],
        [connections, l.many],
      ])) {
        if (m.errors || m.non2xx || m.timeouts) {
          throw new Error(
            `${mode} search at ${n} connections: ${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx (statuses ${JSON.stringify(m.statuses)})`,
          );
        }
      }
      log(
        `${label}: ${mode}: p50 ${l.one.p50.toFixed(2)} ms, p99 ${l.one.p99.toFixed(2)} ms at 1 connection; ` +
          `p99 ${l.many.p99.toFixed(1)} ms, ${fmt(l.many.rps)} req/s at ${connections}`,
      );
    }
    return {
      name: target.name,
      route: target.route,
      unit: target.unit,
      items,
      describe: plan.describe,
      storeStep: target.storeStep,
      holds: target.holds,
      textBytes: plan.documents.reduce((n, d) => n + Buffer.byteLength(d.text), 0),
      documents: plan.documents.length,
      storeMs,
      buildMs,
      buildPerS: items / (buildMs / 1000),
      memory: { start, stored, built },
      connections,
      latency,
    };
  } finally {
    agent.destroy();
    await mock.stop();
  }
}

// ---- report

/** @param {number} n */
const ms = (n) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–');
/** @param {number} bytes */
const mb = (bytes) => (bytes / 1e6).toFixed(1);
/**
 * @param {string[]} head
 * @param {string[][]} rows
 */
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
/** @param {number} x */
const percent = (x) => `${x < 0.1 ? (x * 100).toFixed(1) : (x * 100).toFixed(0)}%`;

/**
 * @param {number} value
 * @param {number} target
 * @param {string} unit
 */
function atLeast(value, target, unit) {
  if (!Number.isFinite(value)) return 'short (not measured)';
  return value >= target ? 'pass' : `short (by ${fmt(target - value)} ${unit}, ${percent(1 - value / target)} under)`;
}
/**
 * @param {number} value
 * @param {number} target
 */
function atMost(value, target) {
  if (!Number.isFinite(value)) return 'short (not measured)';
  return value <= target ? 'pass' : `short (by ${ms(value - target)} ms, ${percent(value / target - 1)} over)`;
}

/**
 * One section per route measured, and its targets.
 * @param {{ results: RouteFigures[] }} figures
 */
export function searchHttpReport({ results }) {
  /** @type {string[]} */
  const sections = [];
  /** @type {import('./search.mjs').Target[]} */
  const targets = [];
  for (const r of results) {
    const n = fmt(r.items);
    const { start, stored, built } = r.memory;
    const per100k = 100_000 / r.items;
    const grew = built.rss - start.rss;
    const grewGc = built.rssGc - start.rssGc;
    const scaled =
      r.items === 100_000
        ? ''
        : `; ${mb(grew * per100k)} MB per 100,000 ${r.unit}, scaled${r.items < 100_000 ? " up: fixed costs such as the tokenizer's tables make a small run read high" : ''}`;
    const rows = [
      ['Collection', `${n} ${r.unit}: ${r.describe}`],
      [
        `${r.storeStep.label} (not timed as the build)`,
        `${(r.storeMs / 1000).toFixed(1)} s${r.storeStep.rate ? `, ${fmt(r.documents / (r.storeMs / 1000))} ${r.storeStep.rate}/s` : ''}`,
      ],
      [
        `Index build, end to end: the first add → all ${n} ${r.unit} searchable`,
        `**${fmt(r.buildPerS)} ${r.unit}/s** (${(r.buildMs / 1000).toFixed(1)} s${r.documents !== r.items ? `, ${fmt(r.documents / (r.buildMs / 1000))} documents/s` : ''})`,
      ],
      ['RSS at start (after two forced full GCs)', `${mb(start.rss)} MB (${mb(start.rssGc)} MB)`],
      [`RSS after: ${r.storeStep.label.toLowerCase()}`, `${mb(stored.rss)} MB (${mb(stored.rssGc)} MB)`],
      [`RSS with the ${n} ${r.unit} indexed`, `${mb(built.rss)} MB (${mb(built.rssGc)} MB)`],
      [
        `RSS growth, ${n} ${r.unit}: ${r.holds}`,
        `**${mb(grew)} MB** (${mb(grewGc)} MB after GCs${scaled}); of it the store step ${mb(stored.rss - start.rss)} MB, the build ${mb(built.rss - stored.rss)} MB`,
      ],
    ];
    for (const [mode, l] of /** @type {[Mode, Latency][]} */ (Object.entries(r.latency))) {
      rows.push(
        [
          `${mode} top 10, 1 connection, ${fmt(l.one.responses)} requests`,
          `p50 ${ms(l.one.p50)} ms, p99 ${ms(l.one.p99)} ms (${fmt(l.one.rps)} req/s; ${l.hitsPerQuery.toFixed(1)} matches a query)`,
        ],
        [
          `${mode} top 10, ${r.connections} connections, ${l.many.durationS.toFixed(1)} s`,
          `p50 ${ms(l.many.p50)} ms, p99 ${ms(l.many.p99)} ms (${fmt(l.many.rps)} req/s)`,
        ],
      );
    }
    sections.push(`### Search over HTTP: ${r.name} \`${r.route}\`\n\n${table(['Figure', 'Value'], rows)}`);
    const who = `${r.name} search over HTTP`;
    targets.push({
      name: `${who}: build ≥ ${fmt(HTTP_TARGETS.buildPerS)} ${r.unit}/s, end to end`,
      measured: `${fmt(r.buildPerS)} ${r.unit}/s`,
      verdict: atLeast(r.buildPerS, HTTP_TARGETS.buildPerS, `${r.unit}/s`),
    });
    // A latency target applies to the modes a route has (a vendor may offer no keyword-only search).
    for (const [mode, limit] of /** @type {const} */ ([
      ['keyword', HTTP_TARGETS.keywordP99Ms],
      ['hybrid', HTTP_TARGETS.hybridP99Ms],
    ])) {
      const l = r.latency[mode];
      if (!l) continue;
      targets.push({
        name: `${who}: ${mode} p99 ≤ ${limit} ms at 1 connection, ${n} ${r.unit}`,
        measured: `${ms(l.one.p99)} ms`,
        verdict: atMost(l.one.p99, limit),
      });
    }
  }
  return { sections, targets };
}
