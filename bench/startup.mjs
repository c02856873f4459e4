/**
 * Start-up: from spawning the process to its first answer. The mock with the
 * CLI's defaults (all four providers, demo fixtures) until the first 200 on
 * GET /__mock/health; Prism on each spec until its first HTTP answer.
 */
import { startMock, startPrism } from './lib/proc.mjs';

/** @type {Record<string, [path: string, headers: Record<string, string>]>} */
const PRISM_PROBES = {
  xai: ['/v1/collections', { authorization: 'Bearer xai-bench' }],
  airweave: ['/collections', { 'x-api-key': 'aw-bench' }],
  mixpeek: ['/v1/namespaces', { authorization: 'Bearer mx-bench' }],
  ctxfy: ['/v1/spaces', { authorization: 'Bearer ctx-bench' }],
};

/**
 * @typedef {{ runs: number, median: number, min: number, max: number, all: number[] }} Stats Start-up times, ms.
 */

/**
 * @param {number[]} values At least one.
 * @returns {Stats}
 */
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  /** @param {number} i */
  const at = (i) => /** @type {number} */ (sorted.at(i));
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return { runs: sorted.length, median, min: at(0), max: at(-1), all: values };
}

/**
 * @param {Pick<import('./run.mjs').Options, 'mockRuns' | 'prismRuns' | 'prismSpecs'> & { log: import('./run.mjs').Log }} options
 */
export async function startup({ mockRuns, prismRuns, prismSpecs, log }) {
  /** @type {number[]} */
  const mockTimes = [];
  for (let i = 0; i < mockRuns; i++) {
    // No orphan guard here: it would add its own module load to the time measured.
    const mock = await startMock([], { guard: false });
    mockTimes.push(mock.startupMs);
    await mock.stop();
    log(`start-up: mock run ${i + 1}/${mockRuns}: ${mock.startupMs.toFixed(0)} ms`);
  }
  /** @type {Record<string, Stats>} */
  const prism = {};
  for (const spec of prismSpecs) {
    /** @type {number[]} */
    const times = [];
    const runs = spec === 'xai' ? prismRuns : 1;
    for (let i = 0; i < runs; i++) {
      const probe = PRISM_PROBES[spec];
      if (!probe) throw new Error(`start-up: no probe for Prism on ${spec}.yaml`);
      const [probePath, headers] = probe;
      const p = await startPrism(spec, probePath, headers, { guard: false });
      times.push(p.startupMs);
      await p.stop();
      log(`start-up: Prism ${spec}.yaml run ${i + 1}/${runs}: ${p.startupMs.toFixed(0)} ms`);
    }
    prism[spec] = stats(times);
  }
  return { mock: stats(mockTimes), prism };
}
