/**
 * How much CPU other work on the machine took while the benchmark ran: the
 * machine's busy time (/proc/stat) minus this process's own and its reaped
 * children's (/proc/self/stat: utime, stime, cutime, cstime). Every server the
 * benchmark spawns is reaped before the end, so what is left is someone else's.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { sleep } from './proc.mjs';

const TICKS = 100; // USER_HZ on Linux

function machineBusyTicks() {
  const [line = ''] = readFileSync('/proc/stat', 'utf8').split('\n');
  const cpu = line.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return user + nice + system + irq + softirq + steal;
}

function ownTicks() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime..cstime are fields 14..17.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
}

/** @returns {Sample | null} */
function sample() {
  try {
    return { at: performance.now(), busy: machineBusyTicks(), own: ownTicks() };
  } catch {
    return null; // not Linux
  }
}

/**
 * @typedef {{ at: number, busy: number, own: number }} Sample
 * @typedef {{ othersS: number, wallS: number, share: number }} OthersShare
 *   CPU seconds other processes took over `wallS` seconds, and their `share` of the machine (0..1).
 */

/**
 * Share of the machine's CPU that other processes used between two samples (0..1).
 * @param {Sample} a
 * @param {Sample} b
 * @returns {OthersShare}
 */
function othersShare(a, b) {
  const wallS = (b.at - a.at) / 1000;
  const othersS = Math.max(0, (b.busy - a.busy - (b.own - a.own)) / TICKS);
  return { othersS, wallS, share: othersS / (wallS * os.availableParallelism()) };
}

/**
 * Measures other work on the machine over `ms` now (before anything is started).
 * @returns {Promise<OthersShare | null>}
 */
export async function othersNow(ms = 1000) {
  const a = sample();
  await sleep(ms);
  const b = sample();
  return a && b ? othersShare(a, b) : null;
}

/** @returns {() => OthersShare | null} */
export function startAccounting() {
  const a = sample();
  return () => {
    const b = sample();
    return a && b ? othersShare(a, b) : null;
  };
}
