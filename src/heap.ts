/**
 * The CLI keeps its heap close to what its data needs. Left to itself, V8
 * sizes a server's heap for throughput: it grows the young generation (where
 * new objects are made) to 2 × 16 MiB and keeps it, and lets the old
 * generation grow to up to four times what was live after the last full
 * collection before it collects again. A mock that has just taken 100,000
 * uploads then holds its data, as much again in garbage, and 32 MiB of young
 * generation: RSS a developer's machine pays for as long as it runs.
 *
 * The sizes V8 starts with are set only by command-line flags
 * (`--max-semi-space-size`), which the CLI cannot pass to itself without
 * starting a second process. Two flags, though, are read each time they
 * apply, so the CLI sets them for itself:
 * - `--semi-space-growth-factor`: growth up to YOUNG_GENERATION_BYTES, then
 *   none (1), checked after each garbage collection (a young generation that
 *   start-up has grown past the bound stays as it is, unless V8 shrinks it
 *   when allocation slows down);
 * - `--heap-growing-percent`: the old generation grows by HEAP_GROWING_PERCENT
 *   of what was live (V8 still allows at least 8 MiB) before a full collection,
 *   which runs mostly on a background thread.
 * The library (createMockServer, startServer) leaves its host's heap alone.
 */
import v8 from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';

/** Both semi-spaces together: a scavenge every 4 MiB of allocation. */
export const YOUNG_GENERATION_BYTES = 8 * 1024 * 1024;
/** The old generation's growth between full collections, in percent of what was live. */
export const HEAP_GROWING_PERCENT = 30;

/** V8's defaults of the two flags, which a code cache made by the build was made under. */
const DEFAULT_GROWTH = 2;
const DEFAULT_GROWING_PERCENT = 0;
/** The young generation's growth factor while serving (with HEAP_GROWING_PERCENT); undefined until keepHeapSmall, V8's defaults until then. */
let servingGrowth: number | undefined;

function setFlags(growth: number, percent: number): void {
  v8.setFlagsFromString(`--semi-space-growth-factor=${growth}`);
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** Serving's flags, with this growth factor of the young generation. */
function serve(growth: number): void {
  servingGrowth = growth;
  setFlags(growth, HEAP_GROWING_PERCENT);
}

/**
 * Runs `compile` under V8's default flags, then puts the heap's back. V8
 * refuses a code cache made under other flags (it compares a hash of the
 * flags that differ from their defaults), and the build made the caches of
 * the validator modules in a fresh process: one read after the heap was sized
 * would be compiled from its text again.
 */
export function withDefaultFlags<T>(compile: () => T): T {
  const growth = servingGrowth;
  if (growth === undefined) return compile();
  setFlags(DEFAULT_GROWTH, DEFAULT_GROWING_PERCENT);
  try {
    return compile();
  } finally {
    serve(growth);
  }
}

function youngGenerationBytes(): number {
  for (const s of v8.getHeapSpaceStatistics()) if (s.space_name === 'new_space') return s.space_size;
  return 0;
}

let observer: PerformanceObserver | undefined;

/**
 * The heap sizes for serving, from now on: the old generation's growth
 * bounded, and the young generation allowed to grow to YOUNG_GENERATION_BYTES
 * (V8 doubles it at a scavenge that finds enough surviving objects) and no
 * further. Called once start-up is done, which is left to V8's defaults
 * (holding the young generation back then costs start-up time).
 */
export function keepHeapSmall(): void {
  // The build's start that writes the code cache (cli-start.ts): V8 refuses a cache made under flags other than a fresh process's.
  if ((globalThis as Record<symbol, unknown>)[Symbol.for('collections-mock.writingCodeCache')]) return;
  let growing: boolean | undefined;
  // The first check sets both flags; the ones after it change the growth factor when the bound is reached or left.
  const check = (): void => {
    const grow = youngGenerationBytes() * 2 <= YOUNG_GENERATION_BYTES;
    if (grow === growing) return;
    growing = grow;
    serve(grow ? DEFAULT_GROWTH : 1);
  };
  check();
  observer?.disconnect();
  observer = new PerformanceObserver(check);
  observer.observe({ entryTypes: ['gc'] });
}
