#!/usr/bin/env node
/**
 * npm run bench: the mock against Prism and a bare node:http server, its
 * start-up, whether it stays as fast as its store grows, its behaviour at
 * scale, and search (the engine in-process, and each vendor's search route
 * over HTTP), with its performance targets (TARGETS in report.mjs) printed as pass / short. Runs on dist/
 * (`npm run bench` builds first).
 *
 *   node bench/run.mjs [--quick] [--only throughput,startup,flat,scale,search] [--write | --no-write]
 *                      [--duration S] [--warmup S] [--rounds N] [--connections N]
 *                      [--documents N] [--collections N] [--chunks N]
 *
 * Exit code 0 whatever the figures say (a short target is information); 1 when
 * the benchmark itself broke: a server that does not start, a route answering
 * errors, a load that failed.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { othersNow, startAccounting } from './lib/cpu.mjs';
import { CLI, installExitHooks, killAll, prismInfo, packageVersion } from './lib/proc.mjs';
import { throughput } from './throughput.mjs';
import { startup } from './startup.mjs';
import { scale } from './scale.mjs';
import { flat } from './flat.mjs';
import { searchBench } from './search.mjs';
import { searchHttp } from './search-http.mjs';
import { RESULTS_FILE, build, machine, machineText, paramsText, pageSection, resultsMarkdown, writePage } from './report.mjs';

const USAGE = `Usage: node bench/run.mjs [options]   (npm run bench -- [options])

  --quick              short runs: 1 round of 1 s per target, 2,000 documents, 500 collections,
                       2,000 collections on one key (flat), 10,000 chunks searched in-process,
                       5,000 over HTTP
  --only LIST          comma-separated sections: throughput, startup, flat, scale, search (default: all)
  --write              write bench/results.md and the figures in docs/performance.md
                       (the default for a full run; a --quick or --only run writes only when asked)
  --no-write           print only
  --duration S         seconds per measured round (default 4; quick 1)
  --warmup S           seconds of warm-up per route and target (default 2; quick 0.5)
  --rounds N           measured rounds per route and target (default 3; quick 1)
  --connections N      autocannon connections (default 50)
  --documents N        documents loaded into one collection (default 100000; quick 2000)
  --collections N      collections created across 100 tenants (default 10000; quick 500)
  --flat-collections N the largest store size of the flat section: collections on one key
                       (default 100000; quick 2000)
  --chunks N           chunks in the search sections' collection, in-process and over HTTP
                       (default 100000; quick 10000 in-process, 5000 over HTTP)
  -h, --help           this text
`;

/**
 * @typedef {ReturnType<typeof options>} Options What the command line asks for, with the defaults filled in.
 * @typedef {Options & { prism: string, autocannon: string }} Params The options, and the versions of what the mock is measured against.
 * @typedef {(line: string) => void} Log Progress, on stderr.
 */

const SECTIONS = ['throughput', 'startup', 'flat', 'scale', 'search'];
/** Other processes' share of the CPU above which the figures are called noisy. */
const BUSY = 0.1;
/** @param {number} x */
const pct = (x) => `${(x * 100).toFixed(0)}%`;
/** @param {number} n */
const int = (n) => Math.round(n).toLocaleString('en-US');

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        quick: { type: 'boolean' },
        only: { type: 'string' },
        write: { type: 'boolean' },
        'no-write': { type: 'boolean' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        rounds: { type: 'string' },
        connections: { type: 'string' },
        documents: { type: 'string' },
        collections: { type: 'string' },
        'flat-collections': { type: 'string' },
        chunks: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`bench: ${/** @type {Error} */ (err).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  /** @type {(msg: string) => never} */
  const bad = (msg) => {
    process.stderr.write(`bench: ${msg}\n\n${USAGE}`);
    process.exit(2);
  };
  /**
   * @param {'connections' | 'duration' | 'warmup' | 'rounds' | 'documents' | 'collections' | 'flat-collections' | 'chunks'} name
   * @param {number} fallback
   * @param {{ min?: number, integer?: boolean }} [constraints]
   */
  const num = (name, fallback, { min = 0, integer = false } = {}) => {
    if (values[name] === undefined) return fallback;
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n <= min || (integer && !Number.isInteger(n))) bad(`--${name} must be a ${integer ? 'whole ' : ''}number > ${min}`);
    return n;
  };
  const only = values.only === undefined ? SECTIONS : values.only.split(',').map((s) => s.trim());
  for (const s of only) if (!SECTIONS.includes(s)) bad(`--only: unknown section "${s}" (${SECTIONS.join(', ')})`);
  if (values.write && values['no-write']) bad('--write and --no-write together');
  const quick = Boolean(values.quick);
  const full = !quick && only.length === SECTIONS.length;
  return {
    quick,
    only,
    write: values['no-write'] ? false : values.write ? true : full,
    explicitNoWrite: Boolean(values['no-write']),
    connections: num('connections', 50, { integer: true }),
    durationS: num('duration', quick ? 1 : 4),
    warmupS: num('warmup', quick ? 0.5 : 2),
    rounds: num('rounds', quick ? 1 : 3, { integer: true }),
    documents: num('documents', quick ? 2000 : 100_000, { integer: true }),
    collections: num('collections', quick ? 500 : 10_000, { integer: true }),
    flatCollections: num('flat-collections', quick ? 2000 : 100_000, { integer: true }),
    flatRequests: quick ? 500 : 5000,
    oneConnectionS: quick ? 0.5 : 2,
    documentsWindow: quick ? 200 : 5000,
    tenants: 100,
    concurrency: 48,
    mockRuns: quick ? 3 : 7,
    prismRuns: quick ? 1 : 3,
    prismSpecs: quick ? ['xai'] : ['xai', 'airweave', 'mixpeek', 'ctxfy'],
    listDurationS: quick ? 1 : 3,
    listWarmupS: quick ? 0.5 : 1,
    listRounds: quick ? 1 : 2,
    settleMs: quick ? 300 : 1000,
    afterWriteIterations: quick ? 20 : 100,
    afterWriteBudgetMs: quick ? 3000 : 20_000,
    searchChunks: num('chunks', quick ? 10_000 : 100_000, { integer: true }),
    searchQueries: quick ? 200 : 500,
    searchDimension: 256,
    // Over HTTP: a smaller quick load, as every chunk is also uploaded, chunked and embedded.
    searchHttpChunks: num('chunks', quick ? 5_000 : 100_000, { integer: true }),
    searchHttpRequests: quick ? 100 : 500,
    searchHttpRounds: quick ? 1 : 5,
    searchHttpWarmup: quick ? 20 : 50,
    searchHttpDurationS: quick ? 1 : 4,
  };
}

const t0 = performance.now();
/** @param {string} line */
const log = (line) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);

async function main() {
  const opts = options();
  installExitHooks();
  if (!existsSync(CLI)) {
    log(`bench: BROKEN: ${CLI} does not exist; run npm run build (npm run bench does)`);
    process.exit(1);
  }
  const params = { ...opts, prism: prismInfo().version, autocannon: packageVersion('autocannon') };
  const m = machine();
  log(`bench: ${machineText(m)}`);
  // Other work on the machine skews every figure: measured before and during each section, and reported.
  const before = await othersNow(1000);
  if (before) log(`bench: other processes are using ${pct(before.share)} of the machine's CPU`);
  if (before && before.share > BUSY) log(`bench: the machine is busy: the figures will be noisy`);
  log(`bench: sections ${opts.only.join(', ')}${opts.quick ? ' (quick)' : ''}`);
  const started = performance.now();

  /** @type {import('./report.mjs').Results} */
  const results = {};
  /** @type {string[]} */
  const broken = [];
  /** @type {Record<string, import('./lib/cpu.mjs').OthersShare>} Per section, where it could be measured. */
  const others = {};
  /**
   * @template T
   * @param {string} name
   * @param {() => Promise<T>} fn
   * @returns {Promise<T>}
   */
  const section = async (name, fn) => {
    const stop = startAccounting();
    const result = await fn();
    const other = stop();
    if (other) {
      others[name] = other;
      log(`${name}: other processes used ${pct(other.share)} of the machine's CPU meanwhile`);
    }
    return result;
  };
  if (opts.only.includes('throughput')) {
    results.throughput = await section('throughput', () => throughput({ ...opts, log }));
    broken.push(...results.throughput.broken);
  }
  if (opts.only.includes('startup')) results.startup = await section('startup', () => startup({ ...opts, log }));
  if (opts.only.includes('flat')) {
    results.flat = await section('flat', () => flat({ ...opts, log }));
    broken.push(...results.flat.broken);
  }
  if (opts.only.includes('scale')) {
    results.scale = await section('scale', () => scale({ ...opts, log }));
    broken.push(...results.scale.broken);
  }
  if (opts.only.includes('search')) {
    await section('search', async () => {
      results.search = await searchBench({ chunks: opts.searchChunks, queries: opts.searchQueries, dimension: opts.searchDimension, log }).catch((err) => {
        broken.push(`search: ${err.message}`);
        return undefined;
      });
      results.searchHttp = await searchHttp({
        items: opts.searchHttpChunks,
        connections: opts.connections,
        requests: opts.searchHttpRequests,
        rounds: opts.searchHttpRounds,
        warmupRequests: opts.searchHttpWarmup,
        durationS: opts.searchHttpDurationS,
        concurrency: opts.concurrency,
        settleMs: opts.settleMs,
        log,
      });
      broken.push(...results.searchHttp.broken);
    });
  }

  const built = build({ params, ...results });
  const notes = [];
  const measured = Object.entries(others);
  const busy = Boolean(before && before.share > BUSY) || measured.some(([, o]) => o.share > BUSY);
  if (before) {
    notes.push(
      `Other processes' share of the machine's CPU (${m.cores} cores): ${pct(before.share)} just before the run` +
        measured.map(([name, o]) => `, ${pct(o.share)} during ${name}`).join('') +
        (busy ? `. Over ${pct(BUSY)}: the machine was not quiet, so the figures are noisy (run again on a quiet machine).` : '.'),
    );
  }
  if (results.throughput) {
    notes.push(
      `Latency at ${opts.connections} connections is bound to throughput: with every connection always waiting, the mean latency is ` +
        `${opts.connections} / req/s (Little's law), so a p99 of 10 ms needs well over ${int(opts.connections / 0.01)} req/s and pauses (GC) far shorter than 10 ms.`,
    );
  }
  if (opts.quick) notes.push('A --quick run: short durations and small loads; not comparable with a full run.');
  if (broken.length) notes.push(...broken.map((b) => `BROKEN: ${b}`));

  const out = [
    '',
    `## Benchmark (${m.date})`,
    '',
    `Machine: ${machineText(m)}`,
    '',
    paramsText(params),
    '',
    ...built.sections.flatMap((s) => [s, '']),
    built.targetsTable,
    '',
    ...notes.map((n) => `Note: ${n}`),
    '',
  ];
  process.stdout.write(out.join('\n'));
  const short = built.targets.filter((t) => !t.verdict.startsWith('pass'));
  process.stdout.write(
    `\nTargets: ${built.targets.length - short.length} pass, ${short.length} short` +
      (short.length ? ` (${short.map((t) => t.name).join('; ')})` : '') +
      `. Took ${((performance.now() - started) / 1000).toFixed(0)} s.\n`,
  );

  if (broken.length) {
    process.stdout.write(`\n!!! BENCHMARK BROKEN: the figures above are not valid !!!\n${broken.map((b) => `  - ${b}`).join('\n')}\n`);
  }

  if (opts.write && broken.length) {
    process.stdout.write(`\nNot written: the benchmark broke.\n`);
  } else if (opts.write) {
    writeFileSync(RESULTS_FILE, resultsMarkdown({ m, params, built, notes, flat: results.flat }));
    writePage(pageSection({ m, params, built, busy }));
    process.stdout.write(`\nWrote bench/results.md and the figures in docs/performance.md.\n`);
  } else if (!opts.explicitNoWrite) {
    process.stdout.write(`\nNot written (a --quick or --only run); add --write to write bench/results.md and docs/performance.md.\n`);
  }
  killAll();
  process.exit(broken.length ? 1 : 0);
}

main().catch((err) => {
  log(`\nbench: BROKEN: ${err?.stack ?? err}`);
  killAll();
  process.exit(1);
});
