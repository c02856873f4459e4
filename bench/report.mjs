/**
 * Tables, target verdicts, the machine, and writing bench/results.md and the
 * section of docs/performance.md between <!-- bench:start --> and <!-- bench:end -->.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, packageVersion, prismInfo } from './lib/proc.mjs';
import { searchReport } from './search.mjs';
import { searchHttpReport } from './search-http.mjs';
import { flatSizes } from './flat.mjs';

/**
 * @typedef {import('./run.mjs').Params} Params
 * @typedef {import('./search.mjs').Target} Target
 * @typedef {ReturnType<typeof machine>} Machine
 * @typedef {Awaited<ReturnType<typeof import('./flat.mjs').flat>>} FlatResult
 * @typedef {object} Results What the sections returned: none for a section not run (or, for search, broken).
 * @property {Awaited<ReturnType<typeof import('./throughput.mjs').throughput>>} [throughput]
 * @property {Awaited<ReturnType<typeof import('./startup.mjs').startup>>} [startup]
 * @property {FlatResult} [flat]
 * @property {Awaited<ReturnType<typeof import('./scale.mjs').scale>>} [scale]
 * @property {import('./search.mjs').SearchFigures} [search]
 * @property {Awaited<ReturnType<typeof import('./search-http.mjs').searchHttp>>} [searchHttp]
 * @typedef {{ sections: string[], targets: Target[], targetsTable: string }} Built
 */

/** @param {number} n */
const flatSizesText = (n) =>
  flatSizes(n)
    .map((x) => x.toLocaleString('en-US'))
    .join(', ');

export const RESULTS_FILE = path.join(ROOT, 'bench', 'results.md');
export const PAGE_FILE = path.join(ROOT, 'docs', 'performance.md');
export const START_MARKER = '<!-- bench:start -->';
export const END_MARKER = '<!-- bench:end -->';

/**
 * The performance targets the mock is held to (docs/performance.md): each
 * figure is printed against its target as pass / short.
 */
export const TARGETS = {
  bareRatio: 0.6, // × bare Node's req/s at 50 connections, GET routes
  p99Ms: 10, // mock, 50 connections, GET routes
  singleRatio: 2, // mean latency on 1 connection, × bare Node's, GET routes
  prismRatio: 5, // × Prism's req/s, POST create
  flatRatio: 0.8, // req/s with the store full vs empty (collections on one key; documents in one collection)
  startupMs: 250, // median
  rssMb: 200, // with 100,000 documents
  collectionsRssMb: 120, // with 10,000 collections over 100 tenants
  listRatio: 2, // list-page latency right after a write, at 100,000 vs 1,000 documents
  consolesP99Ratio: 1.1, // p99 with 100 open consoles vs none
};

/** @param {number} n */
const int = (n) => Math.round(n).toLocaleString('en-US');
/** @param {number} n */
const ms = (n) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–');
/** @param {number} bytes */
const mb = (bytes) => (bytes / 1e6).toFixed(1);
/** @param {number} x */
const times = (x) => `${x.toFixed(2)}×`;
/**
 * @param {string[]} head
 * @param {string[][]} rows
 */
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** @param {number} x */
const percent = (x) => `${x < 0.1 ? (x * 100).toFixed(1) : (x * 100).toFixed(0)}%`;

/**
 * "pass", or "short (…)" saying by how much.
 * @param {number} value
 * @param {number} target
 * @param {(shortBy: number) => string} fmt
 */
function atLeast(value, target, fmt) {
  if (!Number.isFinite(value)) return 'short (not measured)';
  return value >= target ? 'pass' : `short (by ${fmt(target - value)}, ${percent(1 - value / target)} under)`;
}
/**
 * @param {number} value
 * @param {number} target
 * @param {(shortBy: number) => string} fmt
 */
function atMost(value, target, fmt) {
  if (!Number.isFinite(value)) return 'short (not measured)';
  return value <= target ? 'pass' : `short (by ${fmt(value - target)}, ${percent(value / target - 1)} over)`;
}
/**
 * A ratio with enough digits that a shortfall never prints as 0.
 * @param {number} d
 */
const ratioDelta = (d) => `${d < 0.01 ? d.toFixed(3) : d.toFixed(2)}×`;

export function machine() {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const osRelease = (() => {
    try {
      return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  })();
  /** @param {string[]} args */
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const commit = git('rev-parse', '--short', 'HEAD');
  const dirty = commit && git('status', '--porcelain', '--', 'src', 'specs', 'scripts') !== '';
  return {
    mock: `${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}${commit ? ` at ${commit}${dirty ? ' (with uncommitted changes)' : ''}` : ''}`,
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    os: `${osRelease ?? os.type()} (${os.type()} ${os.release()}, ${os.arch()})`,
    node: process.version,
    prism: prismInfo().version,
    autocannon: packageVersion('autocannon'),
    date: new Date().toISOString().slice(0, 10),
  };
}

/**
 * Builds every table and the list of targets from what the sections returned.
 * @param {Results & { params: Params }} results
 * @returns {Built}
 */
export function build({ params, throughput, startup, flat, scale, search, searchHttp }) {
  /** @type {string[]} */
  const sections = [];
  /** @type {Target[]} */
  const targets = [];

  if (throughput) {
    const loaded = throughput.rows.map(({ route, mock, bare, prism }) => {
      if (!mock || !bare || !prism) return [`${route.name}`, 'BROKEN', '', '', '', '', '', '', '', '–', '–'];
      return [
        route.name,
        int(mock.rps),
        ms(mock.p50),
        ms(mock.p99),
        int(bare.rps),
        ms(bare.p50),
        ms(bare.p99),
        int(prism.rps),
        ms(prism.p99),
        `**${times(mock.rps / bare.rps)}**`,
        `**${times(mock.rps / prism.rps)}**`,
      ];
    });
    sections.push(
      `### Throughput at ${params.connections} connections: the mock, bare Node and Prism ${params.prism}\n\n` +
        table(
          ['Route', 'Mock req/s', 'p50 ms', 'p99 ms', 'Bare Node req/s', 'p50 ms', 'p99 ms', 'Prism req/s', 'p99 ms', 'Mock/bare Node', 'Mock/Prism'],
          loaded,
        ),
    );
    const single = throughput.rows.map(({ route, single: s1 }) => {
      if (!s1) return [`${route.name}`, 'BROKEN', '', '', '', '', '–'];
      return [route.name, ms(s1.mock.mean), ms(s1.mock.p99), int(s1.mock.rps), ms(s1.bare.mean), ms(s1.bare.p99), `**${times(s1.mock.mean / s1.bare.mean)}**`];
    });
    sections.push(
      `### One connection: the time a request takes, the mock and bare Node\n\n` +
        table(['Route', 'Mock mean ms', 'p99 ms', 'req/s', 'Bare Node mean ms', 'p99 ms', 'Mock/bare Node (mean)'], single),
    );
    for (const { route, mock, bare, prism, single: s1 } of throughput.rows) {
      if (route.method === 'GET') {
        const ratio = mock && bare ? mock.rps / bare.rps : NaN;
        targets.push({
          name: `req/s ≥ ${TARGETS.bareRatio}× bare Node at ${params.connections} connections: ${route.name}`,
          measured: Number.isFinite(ratio) && mock && bare ? `${times(ratio)} (${int(mock.rps)} vs ${int(bare.rps)})` : '–',
          verdict: atLeast(ratio, TARGETS.bareRatio, ratioDelta),
        });
        const p99 = mock ? mock.p99 : NaN;
        targets.push({
          name: `p99 ≤ ${TARGETS.p99Ms} ms at ${params.connections} connections: ${route.name}`,
          measured: `${ms(p99)} ms (bare Node ${bare ? ms(bare.p99) : '–'} ms)`,
          verdict: atMost(p99, TARGETS.p99Ms, (d) => `${ms(d)} ms`),
        });
        const meanRatio = s1 ? s1.mock.mean / s1.bare.mean : NaN;
        targets.push({
          name: `mean at 1 connection ≤ ${TARGETS.singleRatio}× bare Node's: ${route.name}`,
          measured: Number.isFinite(meanRatio) && s1 ? `${times(meanRatio)} (${ms(s1.mock.mean)} vs ${ms(s1.bare.mean)} ms)` : '–',
          verdict: atMost(meanRatio, TARGETS.singleRatio, ratioDelta),
        });
      } else {
        const ratio = mock && prism ? mock.rps / prism.rps : NaN;
        targets.push({
          name: `req/s ≥ ${TARGETS.prismRatio}× Prism: ${route.name}`,
          measured: Number.isFinite(ratio) && mock && prism ? `${times(ratio)} (${int(mock.rps)} vs ${int(prism.rps)})` : '–',
          verdict: atLeast(ratio, TARGETS.prismRatio, ratioDelta),
        });
      }
    }
  }

  if (throughput?.consoles) {
    const c = throughput.consoles;
    const ratio = c.with.p99 / c.without.p99;
    sections.push(
      `### Open web consoles (${c.consoles} readers of \`GET /__mock/events\`, ${params.connections} connections)\n\n` +
        table(
          ['Route', 'Consoles', 'req/s', 'p50 ms', 'p99 ms', 'MB sent to the consoles'],
          [
            [c.route.name, 'none', int(c.without.rps), ms(c.without.p50), ms(c.without.p99), '–'],
            [c.route.name, String(c.consoles), int(c.with.rps), ms(c.with.p50), ms(c.with.p99), mb(c.delivered)],
          ],
        ),
    );
    targets.push({
      name: `p99 with ${c.consoles} open consoles ≤ ${TARGETS.consolesP99Ratio}× without: ${c.route.name}`,
      measured: Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–',
      verdict: atMost(ratio, TARGETS.consolesP99Ratio, ratioDelta),
    });
  }

  if (startup) {
    /**
     * @param {string} what
     * @param {import('./startup.mjs').Stats} s
     */
    const row = (what, s) => [what, `**${int(s.median)}**`, int(s.min), int(s.max), String(s.runs)];
    const rows = [row('Mock, all four providers, CLI defaults: spawn → first 200 on `GET /__mock/health`', startup.mock)];
    for (const [spec, s] of Object.entries(startup.prism)) rows.push(row(`Prism ${params.prism}, \`specs/${spec}.yaml\`: spawn → first answer`, s));
    sections.push(`### Start-up\n\n${table(['Process', 'median ms', 'min ms', 'max ms', 'runs'], rows)}`);
    targets.push({
      name: `start-up ≤ ${TARGETS.startupMs} ms (median), spawn → ready`,
      measured: `${int(startup.mock.median)} ms`,
      verdict: atMost(startup.mock.median, TARGETS.startupMs, (d) => `${int(d)} ms`),
    });
  }

  if (flat) {
    const rows = flat.levels.map((l) => [int(l.at), int(l.post.rps), ms(l.post.p50), ms(l.post.p99), int(l.list.rps), ms(l.list.p50), ms(l.list.p99)]);
    sections.push(
      `### As the store grows: collections on one xAI key (${params.connections} connections)\n\n` +
        table(['Collections stored', 'POST /v1/collections req/s', 'p50 ms', 'p99 ms', 'GET /v1/collections?limit=20 req/s', 'p50 ms', 'p99 ms'], rows),
    );
    const first = flat.levels[0];
    const last = flat.levels[flat.levels.length - 1];
    for (const [what, key] of /** @type {const} */ ([
      ['POST /v1/collections', 'post'],
      ['GET /v1/collections?limit=20', 'list'],
    ])) {
      const ratio = first && last ? last[key].rps / first[key].rps : NaN;
      targets.push({
        name: `flat: ${what} req/s with ${int(flat.collections)} collections on the key ≥ ${TARGETS.flatRatio}× with none`,
        measured: Number.isFinite(ratio) && first && last ? `${times(ratio)} (${int(last[key].rps)} vs ${int(first[key].rps)})` : '–',
        verdict: atLeast(ratio, TARGETS.flatRatio, ratioDelta),
      });
    }
  }

  if (scale) {
    const docs = int(scale.documents);
    const rows = [
      ['RSS at start (`--fixtures none --processing-ms 0`)', `${mb(scale.baseRss)} MB`],
      [
        `RSS with ${docs} documents in one xAI collection (stored, no search index)`,
        `**${mb(scale.docsRss)} MB** (loaded in ${(scale.docsLoad.ms / 1000).toFixed(1)} s, ${int(scale.docsLoad.perS)} docs/s)`,
      ],
      ['the same after two forced full GCs', `${mb(scale.docsRssGc)} MB`],
    ];
    const rates = scale.docsLoad.rates;
    if (rates) {
      rows.push([
        `documents added per second, the first ${int(rates.window)} and the last ${int(rates.window)} of the ${docs}`,
        `${int(rates.first)} and ${int(rates.last)} docs/s (**${times(rates.last / rates.first)}**)`,
      ]);
    }
    if (scale.indexedLoad) {
      rows.push(
        [
          `RSS with the same ${docs} documents as text, indexed for search (a chunk each)`,
          `${mb(scale.indexedRss)} MB (from ${mb(scale.indexedBaseRss)} MB; loaded in ${(scale.indexedLoad.ms / 1000).toFixed(1)} s, ${int(scale.indexedLoad.perS)} docs/s)`,
        ],
        ['the same after two forced full GCs', `${mb(scale.indexedRssGc)} MB`],
        [
          `their search index: the difference in growth after GCs (chunk texts, ids, vectors, postings, the tokenizer's tables)`,
          `${mb(scale.indexedRssGc - scale.indexedBaseRss - (scale.docsRssGc - scale.baseRss))} MB`,
        ],
      );
    }
    rows.push(
      [
        `RSS with ${int(scale.collections)} xAI collections across ${scale.tenants} tenants`,
        `**${mb(scale.collectionsRss)} MB** (from ${mb(scale.collectionsBaseRss)} MB; created in ${(scale.collectionsLoad.ms / 1000).toFixed(1)} s)`,
      ],
      ['the same after two forced full GCs', `${mb(scale.collectionsRssGc)} MB`],
    );
    if (scale.listSmall && scale.listBig) {
      const listRatio = scale.listBig.p50 / scale.listSmall.p50;
      rows.push(
        [
          `\`GET /v1/collections/{id}/documents?${scale.listQuery}\`, ${int(scale.small)} documents`,
          `p50 ${ms(scale.listSmall.p50)} ms, p99 ${ms(scale.listSmall.p99)} ms (${int(scale.listSmall.rps)} req/s, 1 connection)`,
        ],
        [`the same, ${docs} documents`, `p50 ${ms(scale.listBig.p50)} ms, p99 ${ms(scale.listBig.p99)} ms (${int(scale.listBig.rps)} req/s, 1 connection)`],
        [`list latency ${docs} / ${int(scale.small)} documents`, `**${times(listRatio)}** p50, ${times(scale.listBig.p99 / scale.listSmall.p99)} p99`],
      );
    }
    let afterWriteRatio = NaN;
    if (scale.afterWriteSmall && scale.afterWriteBig) {
      afterWriteRatio = scale.afterWriteBig.p50 / scale.afterWriteSmall.p50;
      const n = scale.afterWriteBig.n;
      rows.push(
        [
          `the same page right after adding a document, ${int(scale.small)} documents`,
          `p50 ${ms(scale.afterWriteSmall.p50)} ms, p99 ${ms(scale.afterWriteSmall.p99)} ms (${n} writes, sequential)`,
        ],
        [`the same, ${docs} documents`, `p50 ${ms(scale.afterWriteBig.p50)} ms, p99 ${ms(scale.afterWriteBig.p99)} ms (${n} writes, sequential)`],
        [`list latency after a write ${docs} / ${int(scale.small)} documents`, `**${times(afterWriteRatio)}** p50`],
      );
    }
    sections.push(`### Scale\n\n${table(['Figure', 'Value'], rows)}`);
    targets.push({
      name: `RSS with ${docs} documents (no search index) ≤ ${TARGETS.rssMb} MB`,
      measured: `${mb(scale.docsRss)} MB`,
      verdict: atMost(scale.docsRss / 1e6, TARGETS.rssMb, (d) => `${d.toFixed(1)} MB`),
    });
    targets.push({
      name: `RSS with ${int(scale.collections)} collections over ${scale.tenants} tenants ≤ ${TARGETS.collectionsRssMb} MB`,
      measured: `${mb(scale.collectionsRss)} MB`,
      verdict: atMost(scale.collectionsRss / 1e6, TARGETS.collectionsRssMb, (d) => `${d.toFixed(1)} MB`),
    });
    const addRatio = rates ? rates.last / rates.first : NaN;
    targets.push({
      name: `flat: documents added per second, the last ${rates ? int(rates.window) : '–'} of ${docs} ≥ ${TARGETS.flatRatio}× the first`,
      measured: Number.isFinite(addRatio) && rates ? `${times(addRatio)} (${int(rates.last)} vs ${int(rates.first)})` : '–',
      verdict: atLeast(addRatio, TARGETS.flatRatio, ratioDelta),
    });
    const listRps = scale.listSmall && scale.listBig ? scale.listBig.rps / scale.listSmall.rps : NaN;
    targets.push({
      name: `flat: document list req/s at ${docs} ≥ ${TARGETS.flatRatio}× at ${int(scale.small)} documents (1 connection)`,
      measured:
        Number.isFinite(listRps) && scale.listSmall && scale.listBig ? `${times(listRps)} (${int(scale.listBig.rps)} vs ${int(scale.listSmall.rps)})` : '–',
      verdict: atLeast(listRps, TARGETS.flatRatio, ratioDelta),
    });
    targets.push({
      name: `list latency right after a write at ${docs} ≤ ${TARGETS.listRatio}× of ${int(scale.small)} documents (p50)`,
      measured: Number.isFinite(afterWriteRatio) ? times(afterWriteRatio) : '–',
      verdict: atMost(afterWriteRatio, TARGETS.listRatio, ratioDelta),
    });
  }

  if (search) {
    const report = searchReport(search);
    sections.push(report.section);
    targets.push(...report.targets);
  }
  if (searchHttp) {
    const report = searchHttpReport(searchHttp);
    sections.push(...report.sections);
    targets.push(...report.targets);
  }

  const targetsTable = `### Targets\n\n${table(
    ['Target', 'Measured', 'Verdict'],
    targets.map((t) => [t.name, t.measured, t.verdict.startsWith('pass') ? 'pass' : `**${t.verdict}**`]),
  )}`;
  return { sections, targets, targetsTable };
}

/** @param {Params} params */
export function paramsText(params) {
  /**
   * @param {number} n
   * @param {string} word
   */
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [];
  if (params.only.includes('throughput')) {
    lines.push(
      `- Throughput: autocannon ${params.autocannon} as a library, ${params.connections} connections, pipelining 1; ` +
        `per route and target a ${params.warmupS} s warm-up, then ${plural(params.rounds, 'round')} of ${params.durationS} s, mock and Prism alternating ` +
        `(the first of each round alternates too); req/s = responses / time over all rounds; p50/p99 over every response time ` +
        `(kept exactly, not autocannon's whole-millisecond histogram).`,
      `- Servers for throughput: the mock as \`node dist/cli.js serve --port P --fixtures none\` (otherwise the defaults: request validation on, ` +
        `the response self-check in its default logging mode, request logs on, to /dev/null); Prism as \`prism mock specs/<spec>.yaml -h 127.0.0.1 -p P\` ` +
        `(its defaults: static examples, log level info, logs to /dev/null). The same requests and headers to both: Prism serves a spec at the root (it ignores the \`servers\` URL), ` +
        `so the mock's \`/<provider>\` prefix is the only difference.`,
      `- Bare Node: \`bench/lib/bare.mjs\`, a node:http server that answers each route with the status, headers and body the mock sent for it ` +
        `(recorded once the state below is set up; a request with a body is answered once it has been read), in the same rotation as the mock and Prism. ` +
        `Then the mock and bare Node on 1 connection, ${params.oneConnectionS} s per round, ${plural(params.rounds, 'round')}, taking turns: the mean is the time a request takes without queueing.`,
      `- State: xAI list and get on a key with 100 collections; POST on a key of its own (its collections pile up during the run); ` +
        `Airweave on a key with 2 collections (as many as Prism's example).`,
    );
  }
  if (params.only.includes('startup')) {
    lines.push(
      `- Start-up: ${params.mockRuns} spawns of \`node dist/cli.js serve --port P\` (CLI defaults: all four providers, demo fixtures), ` +
        `\`GET /__mock/health\` polled every 5 ms on fresh connections; Prism spawned ${params.prismRuns}× on xai.yaml` +
        `${params.prismSpecs.length > 1 ? ` and once on each of ${params.prismSpecs.filter((s) => s !== 'xai').join(', ')}` : ''}, polled every 10 ms until any answer.`,
    );
  }
  if (params.only.includes('flat')) {
    lines.push(
      `- As the store grows: one mock (\`--fixtures none --processing-ms 0\`), one xAI key; at ${flatSizesText(params.flatCollections)} collections on the key, ` +
        `${params.flatRequests.toLocaleString('en-US')} \`POST /v1/collections\` at ${params.connections} connections (each adds a collection), ` +
        `then ${params.listDurationS} s of \`GET /v1/collections?limit=20\` on that key; the store is filled to the next size through the same API; ` +
        `a warm-up of ${params.flatRequests.toLocaleString('en-US')} creations on another key first.`,
    );
  }
  if (params.only.includes('scale')) {
    lines.push(
      `- Scale: \`--fixtures none --processing-ms 0\`; ${params.documents.toLocaleString('en-US')} documents through ` +
        `\`POST /v1/collections/{id}/documents\` (multipart: upload and add in one request each), ${params.concurrency} at a time on keep-alive, ` +
        `sent as Word files (\`application/msword\`, a line of text each), which the mock stores without reading, so that no search index counts here; ` +
        `the same documents as plain text, each indexed for search, in a process of their own; ` +
        `${params.collections.toLocaleString('en-US')} collections across ${params.tenants} keys (tenants) in a process of their own; ` +
        `RSS = VmRSS from /proc/<pid>/status after ${params.settleMs / 1000} s idle (the target is judged on this), ` +
        `then again after two full GCs ${params.settleMs / 1000} s apart (the scale mocks run with \`--expose-gc\` and a SIGUSR2 → gc() preload, bench/lib/gc-on-signal.cjs); ` +
        `list latency on 1 connection, ` +
        `${params.listWarmupS} s warm-up, then ${plural(params.listRounds, 'round')} of ${params.listDurationS} s per collection, alternating; ` +
        `"after a write": up to ${params.afterWriteIterations} times per collection (at most ${params.afterWriteBudgetMs / 1000} s), add one document, ` +
        `then time one list request.`,
    );
  }
  if (params.only.includes('search')) {
    lines.push(
      `- Search: the engine in-process (bench/search.mjs, a process of its own with \`--expose-gc\`): ${params.searchChunks.toLocaleString('en-US')} English-like chunks ` +
        `(bench/lib/corpus.mjs) with ${params.searchDimension}-dimension vectors in one index, added by \`upsert\` per document; memory = heap + array buffers after two GCs, ` +
        `before and after building; then ${params.searchQueries} queries per mode, one at a time, after 50 of warm-up.`,
      `- Search over HTTP (bench/search-http.mjs, one entry per route in bench/search-targets.mjs): a mock of its own, \`--fixtures none --processing-ms 0\` ` +
        `with the scale section's GC hook; ${params.searchHttpChunks.toLocaleString('en-US')} chunks of English-like text (bench/lib/corpus.mjs) in one xAI collection, ` +
        `in documents planned with the mock's own chunker so the count is exact; the files uploaded (\`POST /v1/files\`, ${params.concurrency} at a time), ` +
        `then added as documents (\`POST /v1/collections/{id}/documents/{file_id}\`, ${params.concurrency} at a time): the build is timed from the first add ` +
        `to the last answer (with \`--processing-ms 0\` an add answers once its document is PROCESSED), then every document is checked PROCESSED and the chunk counts summed; ` +
        `RSS as in the scale section, at start, after the upload and after the build; then per mode ${params.searchHttpWarmup} queries one at a time (each reply checked), ` +
        `${params.searchHttpRequests} requests on 1 connection (in ${plural(params.searchHttpRounds, 'round')}, the modes' order reversed each round) ` +
        `and ${params.searchHttpDurationS} s on ${params.connections} connections (autocannon, ` +
        `a rotation of 1,000 queries as corpus.mjs makes them, top 10). ` +
        `Airweave: as many entities of one paragraph each in one collection, loaded 1,000 a request through \`POST /__mock/airweave/collections/{id}/entities\` ` +
        `(each reply comes once they are indexed; then the admin count is checked), searched by \`search/instant\` per \`retrieval_strategy\`. ` +
        `Mixpeek: as many documents of one paragraph each written into one text collection (\`POST /v1/collections/{id}/documents\`, ${params.concurrency} at a time; ` +
        `then \`document_count\` is checked), searched by three saved retrievers of one \`feature_search\` stage each (dense, \`bm25_sparse\`, both fused), top 10.`,
    );
  }
  return lines.join('\n');
}

/** @param {Machine} m */
export function machineText(m) {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node}, Prism ${m.prism}, autocannon ${m.autocannon}; collections-mock ${m.mock}`;
}

/**
 * Mermaid charts (GitHub renders them) of req/s and p99 against the store size, from the flat section.
 * @param {FlatResult | undefined} flat
 */
export function flatCharts(flat) {
  if (!flat?.levels?.length) return '';
  const xs = flat.levels.map((l) => `"${l.at >= 1000 ? `${Math.round(l.at / 1000)}k` : l.at}"`).join(', ');
  /**
   * @param {'post' | 'list'} key
   * @param {'rps' | 'p99'} field
   */
  const series = (key, field) => flat.levels.map((l) => (field === 'rps' ? Math.round(l[key].rps) : Number(l[key].p99.toFixed(2)))).join(', ');
  /**
   * @param {string} title
   * @param {string} y
   * @param {'rps' | 'p99'} field
   */
  const chart = (title, y, field) =>
    [
      '```mermaid',
      'xychart-beta',
      `  title "${title}"`,
      `  x-axis "collections stored on the key" [${xs}]`,
      `  y-axis "${y}"`,
      `  line [${series('post', field)}]`,
      `  line [${series('list', field)}]`,
      '```',
    ].join('\n');
  return [
    '### Charts: as the store grows',
    '',
    'From the table "As the store grows" above: the first line is `POST /v1/collections`, the second `GET /v1/collections?limit=20`, both at ' +
      `${flat.connections ?? 50} connections on one key.`,
    '',
    chart('req/s against store size', 'req/s', 'rps'),
    '',
    chart('p99 latency against store size', 'p99 ms', 'p99'),
  ].join('\n');
}

/** @param {{ m: Machine, params: Params, built: Built, notes: string[], flat: FlatResult | undefined }} page */
export function resultsMarkdown({ m, params, built, notes, flat }) {
  const charts = flatCharts(flat);
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (\`bench/run.mjs\`) on ${m.date}. Do not edit by hand; run it again.`,
    '',
    `**Machine:** ${machineText(m)}.`,
    '',
    '**Parameters:**',
    '',
    paramsText(params),
    '',
    ...built.sections.flatMap((s) => [s, '']),
    ...(charts ? [charts, ''] : []),
    built.targetsTable,
    '',
    ...(notes.length ? ['### Notes', '', ...notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
}

/** @param {{ m: Machine, params: Params, built: Built, busy: boolean }} page */
export function pageSection({ m, params, built, busy }) {
  return [
    START_MARKER,
    `Measured on ${m.date} (${m.cpu}, ${m.cores} cores, Node ${m.node}, ${params.connections} connections; ` +
      `machine, parameters and notes in [bench/results.md](../bench/results.md))` +
      (busy ? '. Other work kept the machine busy during the run, so these figures are noisy:' : ':'),
    '',
    ...built.sections.flatMap((s) => [s, '']),
    built.targetsTable,
    END_MARKER,
  ].join('\n');
}

/**
 * Replaces what lies between the markers; throws when they are missing.
 * @param {string} section
 */
export function writePage(section) {
  const text = readFileSync(PAGE_FILE, 'utf8');
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`docs/performance.md: no ${START_MARKER} … ${END_MARKER} section to replace`);
  writeFileSync(PAGE_FILE, text.slice(0, start) + section + text.slice(end + END_MARKER.length));
}
