/**
 * Time for the mock: real (wall clock, setTimeout) or manual (tests advance it).
 * Time is kept in epoch microseconds because some vendors print six fractional
 * digits; a JS Date only holds milliseconds.
 */
export interface Clock {
  readonly mode: 'real' | 'manual';
  /** Epoch microseconds. */
  nowMicros(): number;
  /** Epoch milliseconds. */
  nowMs(): number;
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
}

export interface Scheduled {
  cancel(): void;
}

interface Task {
  at: number; // epoch micros
  seq: number;
  run: () => void;
  done: boolean;
  timer?: NodeJS.Timeout;
}

export interface ClockOptions {
  mode?: 'real' | 'manual';
  /** Manual mode start time, epoch ms (default: the real time at creation). */
  startMs?: number;
  /** Called when a scheduled task throws; the clock itself keeps going. */
  onTaskError?: (err: unknown) => void;
}

function realNowMicros(): number {
  // performance.now() has sub-millisecond resolution; timeOrigin anchors it to the epoch.
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

export function createClock(options: ClockOptions = {}): Clock {
  const mode = options.mode ?? 'real';
  const onTaskError = options.onTaskError ?? (() => {});
  let manualNow = Math.floor((options.startMs ?? Date.now()) * 1000);
  let lastReal = 0;
  let seq = 0;
  const tasks = new Set<Task>();

  const nowMicros = (): number => {
    if (mode === 'manual') return manualNow;
    // Strictly increasing, so records created in one burst still sort by creation time.
    const t = realNowMicros();
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
    const wait = Math.ceil((task.at - realNowMicros()) / 1000);
    task.timer = setTimeout(() => (wait > MAX_TIMEOUT ? arm(task) : runTask(task)), Math.max(0, Math.min(wait, MAX_TIMEOUT)));
    task.timer.unref();
  };

  return {
    mode,
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
  };
}

/** RFC 3339 in UTC with exactly six fractional digits: 2025-09-16T18:36:09.790629Z. */
export function rfc3339Micros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString(); // 2025-09-16T18:36:09.790Z
  const sub = String(((micros % 1000) + 1000) % 1000).padStart(3, '0');
  return `${iso.slice(0, 23)}${sub}Z`;
}

/** Parses an RFC 3339 timestamp to epoch microseconds, keeping up to six fractional digits. */
export function parseRfc3339Micros(text: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return undefined;
  const [, date, time, frac = '', zone] = m;
  const ms = Date.parse(`${date}T${time}${zone === 'z' ? 'Z' : zone}`);
  if (Number.isNaN(ms)) return undefined;
  return ms * 1000 + Number((frac + '000000').slice(0, 6));
}
