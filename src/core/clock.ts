/**
 * Time for the mock: real (wall clock, setTimeout) or manual (tests advance it).
 * Time is kept in epoch microseconds because some vendors print six fractional
 * digits; a JS Date only holds milliseconds. The mode can be switched at run
 * time (the admin API does) without time jumping: the clock then runs at the
 * wall clock's pace but from where the manual time stood.
 */
import type { EpochMicros, EpochMillis } from './time.js';

export type ClockMode = 'real' | 'manual';

export interface Clock {
  readonly mode: ClockMode;
  nowMicros(): EpochMicros;
  nowMs(): EpochMillis;
  /**
   * Runs `task` after `delayMs`. A delay of 0 or less runs it at once,
   * synchronously, so a lifecycle with zero duration completes before the
   * reply that started it is sent.
   */
  schedule(delayMs: number, task: () => void): Scheduled;
  /** Manual mode only: moves time forward, running due tasks in time order. */
  advance(ms: number): void;
  /** Tasks not yet run. */
  pending(): number;
  /** Cancels every pending task (server shutdown, state reset). */
  cancelAll(): void;
  /**
   * Switches between real and manual time, keeping time continuous: real → manual
   * freezes at the current time; manual → real goes on from the manual time. Pending
   * tasks keep their due times: timers are dropped when time freezes and set again
   * (overdue tasks at once, in time order) when it runs.
   */
  setMode(mode: ClockMode): void;
}

export interface Scheduled {
  cancel(): void;
}

interface Task {
  at: EpochMicros;
  seq: number;
  run: () => void;
  done: boolean;
  timer?: NodeJS.Timeout;
}

export interface ClockOptions {
  mode?: ClockMode;
  /** Manual mode start time, epoch ms (default: the real time at creation). */
  startMs?: EpochMillis;
  /** Called when a scheduled task throws; the clock itself keeps going. */
  onTaskError?: (err: unknown) => void;
}

function realNowMicros(): EpochMicros {
  // performance.now() has sub-millisecond resolution; timeOrigin anchors it to the epoch.
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

export function createClock(options: ClockOptions = {}): Clock {
  let mode: ClockMode = options.mode ?? 'real';
  const onTaskError = options.onTaskError ?? (() => {});
  let manualNow = Math.floor((options.startMs ?? Date.now()) * 1000);
  // Real mode runs at the wall clock's pace, shifted by this much (non-zero once the clock has been manual).
  let offset = 0;
  let lastReal = 0;
  let seq = 0;
  const tasks = new Set<Task>();

  const realNow = (): number => realNowMicros() + offset;

  const nowMicros = (): number => {
    if (mode === 'manual') return manualNow;
    // Strictly increasing, so records created in one burst still sort by creation time.
    const t = realNow();
    lastReal = t > lastReal ? t : lastReal + 1;
    return lastReal;
  };

  const runTask = (task: Task): void => {
    if (task.done) return;
    task.done = true;
    tasks.delete(task);
    try {
      task.run();
    } catch (err) {
      onTaskError(err);
    }
  };

  // setTimeout holds at most 2^31-1 ms (about 24.8 days); longer waits are chained.
  const MAX_TIMEOUT = 2147483647;
  const arm = (task: Task): void => {
    if (task.done) return;
    const wait = Math.ceil((task.at - realNow()) / 1000);
    task.timer = setTimeout(() => (wait > MAX_TIMEOUT ? arm(task) : runTask(task)), Math.max(0, Math.min(wait, MAX_TIMEOUT)));
    task.timer.unref();
  };

  const byDueTime = (a: Task, b: Task): number => a.at - b.at || a.seq - b.seq;

  return {
    get mode() {
      return mode;
    },
    nowMicros,
    nowMs: () => Math.floor(nowMicros() / 1000),
    schedule(delayMs, run) {
      const task: Task = { at: nowMicros() + Math.max(0, delayMs) * 1000, seq: seq++, run, done: false };
      if (delayMs <= 0) {
        runTask(task);
        return { cancel() {} };
      }
      tasks.add(task);
      if (mode === 'real') arm(task);
      return {
        cancel() {
          task.done = true;
          if (task.timer) clearTimeout(task.timer);
          tasks.delete(task);
        },
      };
    },
    advance(ms) {
      if (mode !== 'manual') throw new Error('advance() needs a manual clock');
      if (!(ms >= 0)) throw new Error('advance() needs a non-negative duration');
      const target = manualNow + Math.round(ms * 1000);
      // Tasks scheduled by tasks run too, if they fall due before the target.
      for (;;) {
        let next: Task | undefined;
        for (const t of tasks) {
          if (t.at <= target && (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
        }
        if (!next) break;
        manualNow = Math.max(manualNow, next.at);
        runTask(next);
      }
      manualNow = target;
    },
    pending: () => tasks.size,
    cancelAll() {
      for (const t of tasks) {
        t.done = true;
        if (t.timer) clearTimeout(t.timer);
      }
      tasks.clear();
    },
    setMode(next) {
      if (next !== 'real' && next !== 'manual') throw new Error(`unknown clock mode ${String(next)}`);
      if (next === mode) return;
      if (next === 'manual') {
        manualNow = nowMicros();
        mode = 'manual';
        for (const t of tasks) {
          if (t.timer) clearTimeout(t.timer);
          t.timer = undefined;
        }
        return;
      }
      offset = manualNow - realNowMicros();
      mode = 'real';
      // Timers of equal wait fire in the order they were set: overdue tasks run in time order.
      for (const t of [...tasks].sort(byDueTime)) arm(t);
    },
  };
}

/**
 * A view of `base` that remembers the tasks scheduled through it, so they can be
 * cancelled apart from everyone else's (one provider's lifecycles, on a reset of
 * that provider). Time, mode and advance are the base clock's.
 */
export function scopedClock(base: Clock): Clock {
  const mine = new Set<Scheduled>();
  return {
    get mode() {
      return base.mode;
    },
    nowMicros: () => base.nowMicros(),
    nowMs: () => base.nowMs(),
    schedule(delayMs, run) {
      let ran = false;
      let own: Scheduled | undefined;
      const inner = base.schedule(delayMs, () => {
        ran = true;
        if (own) mine.delete(own);
        run();
      });
      // A task run at once (delay 0) has nothing left to cancel.
      if (ran) return inner;
      const handle: Scheduled = {
        cancel() {
          mine.delete(handle);
          inner.cancel();
        },
      };
      own = handle;
      mine.add(handle);
      return handle;
    },
    advance: (ms) => base.advance(ms),
    pending: () => mine.size,
    cancelAll() {
      for (const h of [...mine]) h.cancel();
      mine.clear();
    },
    setMode: (mode) => base.setMode(mode),
  };
}

/** The date and time to the second of the last second formatted: the times made in one second share it. */
let formattedSecond = Number.NaN;
let secondText = '';

/** RFC 3339 in UTC with exactly six fractional digits: 2025-09-16T18:36:09.790629Z. */
export function rfc3339Micros(micros: EpochMicros): string {
  const second = Math.floor(micros / 1_000_000);
  if (second !== formattedSecond) {
    secondText = new Date(second * 1000).toISOString().slice(0, 19); // 2025-09-16T18:36:09
    formattedSecond = second;
  }
  return `${secondText}.${String(micros - second * 1_000_000).padStart(6, '0')}Z`;
}

/** Parses an RFC 3339 timestamp to epoch microseconds, keeping up to six fractional digits. */
export function parseRfc3339Micros(text: string): EpochMicros | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return undefined;
  const [, date, time, frac = '', zone] = m;
  const ms = Date.parse(`${date}T${time}${zone === 'z' ? 'Z' : zone}`);
  if (Number.isNaN(ms)) return undefined;
  return ms * 1000 + Number((frac + '000000').slice(0, 6));
}
