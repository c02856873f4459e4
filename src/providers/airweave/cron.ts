/**
 * Five-field cron (minute hour day-of-month month day-of-week), UTC: enough to
 * validate a schedule and compute its next run, as Airweave shows in
 * `schedule.next_run`. Supports `*`, numbers, `a-b`, lists and `/step`.
 */

const RANGES: Array<[number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

export interface Cron {
  fields: Array<Set<number>>;
  /** Whether day-of-month / day-of-week were restricted (cron ORs them when both are). */
  domAny: boolean;
  dowAny: boolean;
}

function parseField(text: string, [lo, hi]: [number, number]): Set<number> | undefined {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    const step = m[4] === undefined ? 1 : Number(m[4]);
    let from = lo;
    let to = hi;
    if (m[1] !== '*') {
      from = Number(m[2]);
      to = m[3] === undefined ? (m[4] === undefined ? from : hi) : Number(m[3]);
    }
    if (step < 1 || from < lo || to > hi || from > to) return undefined;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

export function parseCron(expr: string): Cron | undefined {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) return undefined;
  const fields: Array<Set<number>> = [];
  for (let i = 0; i < 5; i++) {
    const f = parseField(parts[i]!, RANGES[i]!);
    if (!f) return undefined;
    fields.push(f);
  }
  if (fields[4]!.has(7)) fields[4]!.add(0); // 7 is Sunday too
  return { fields, domAny: parts[2] === '*', dowAny: parts[4] === '*' };
}

/** Runs more often than hourly: every minute, or every N (< 60) minutes. */
export function isSubHourly(expr: string): boolean {
  const [minute, hour] = expr.trim().split(/\s+/);
  if (hour !== '*') return false;
  return minute === '*' || /^\*\/([1-5]?\d)$/.test(minute ?? '');
}

/** The first minute strictly after `afterMs` (epoch ms) that the cron matches; scans at most ~5 years. */
export function nextRun(cron: Cron, afterMs: number): number | undefined {
  const [min, hour, dom, mon, dow] = cron.fields as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  const d = new Date(Math.floor(afterMs / 60000) * 60000 + 60000);
  const limit = afterMs + 5 * 366 * 86400000;
  while (d.getTime() <= limit) {
    if (!mon.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    const domOk = dom.has(d.getUTCDate());
    const dowOk = dow.has(d.getUTCDay());
    const dayOk = cron.domAny && cron.dowAny ? true : cron.domAny ? dowOk : cron.dowAny ? domOk : domOk || dowOk;
    if (!dayOk) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!hour.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!min.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    return d.getTime();
  }
  return undefined;
}
