/**
 * Resident memory of a mock under load: its RSS once it has been idle for a
 * moment, and again after forced full garbage collections, so that a figure
 * can be read both as what the process happens to hold and as what its data
 * needs.
 */
import { fileURLToPath } from 'node:url';
import { rssBytes, sleep, startMock } from './proc.mjs';

const GC_ON_SIGNAL = fileURLToPath(new URL('./gc-on-signal.cjs', import.meta.url));

/**
 * A mock with `args` (CLI flags as documented) that runs a full GC on SIGUSR2, for `rssPoint`.
 * @param {string[]} args
 */
export const startMeasuredMock = (args) => startMock(args, { nodeArgs: ['--expose-gc', '--require', GC_ON_SIGNAL] });

/**
 * RSS once the process has been idle for a moment (the last replies flushed, timers run).
 * @param {number | undefined} pid
 * @param {number} settleMs
 */
export async function settledRss(pid, settleMs) {
  await sleep(settleMs);
  return rssBytes(pid);
}

/**
 * RSS after two full garbage collections a moment apart (V8 hands freed pages
 * back to the OS over a while): what the data holds, without the garbage.
 * `mock` must come from `startMeasuredMock`.
 * @param {import('./proc.mjs').Server} mock
 * @param {number} settleMs
 */
export async function rssAfterGc(mock, settleMs) {
  for (let i = 0; i < 2; i++) {
    mock.child.kill('SIGUSR2');
    await sleep(settleMs);
  }
  return rssBytes(mock.pid);
}

/**
 * Both figures, in bytes: `{ rss, rssGc }`.
 * @param {import('./proc.mjs').Server} mock
 * @param {number} settleMs
 */
export async function rssPoint(mock, settleMs) {
  const rss = await settledRss(mock.pid, settleMs);
  return { rss, rssGc: await rssAfterGc(mock, settleMs) };
}
