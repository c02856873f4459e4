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
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = cpu;
  return user + nice + system + irq + softirq + (steal ?? 0);
}

function ownTicks() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime..cstime are fields 14..17.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
}

function sample() {
  try {
    return { at: performance.now(), busy: machineBusyTicks(), own: ownTicks() };
  } catch {
    return null; // not Linux
  }
}

/** Share of the machine's CPU that other processes used between two samples (0..1). */
function othersShare(a, b) {
  const wallS = (b.at - a.at) / 1000;
  const othersS = Math.max(0, (b.busy - a.busy - (b.own - a.own)) / TICKS);
  return { othersS, wallS, share: othersS / (wallS * os.availableParallelism()) };
}

/** Measures other work on the machine over `ms` now (before anything is started). */
export async function othersNow(ms = 1000) {
  const a = sample();
  await sleep(ms);
  const b = sample();
  return a && b ? othersShare(a, b) : null;
}

export function startAccounting() {
  const a = sample();
  return () => {
    const b = sample();
    return a && b ? othersShare(a, b) : null;
  };
}
