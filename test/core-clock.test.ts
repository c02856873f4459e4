import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClock, parseRfc3339Micros, rfc3339Micros, scopedClock } from '../src/core/clock.js';
import { createIdSource } from '../src/core/ids.js';

describe('manual clock', () => {
  it('runs due tasks in time order, including tasks scheduled by tasks', () => {
    const clock = createClock({ mode: 'manual', startMs: Date.UTC(2025, 0, 1) });
    const log: string[] = [];
    clock.schedule(300, () => log.push('c'));
    clock.schedule(100, () => {
      log.push('a');
      clock.schedule(50, () => log.push('a+50'));
    });
    clock.schedule(200, () => log.push('b'));
    clock.advance(99);
    expect(log).toEqual([]);
    clock.advance(101);
    expect(log).toEqual(['a', 'a+50', 'b']);
    expect(clock.pending()).toBe(1);
    clock.advance(100);
    expect(log).toEqual(['a', 'a+50', 'b', 'c']);
    expect(clock.nowMs()).toBe(Date.UTC(2025, 0, 1) + 300);
  });

  it('runs a zero-delay task at once and can cancel pending ones', () => {
    const clock = createClock({ mode: 'manual' });
    let ran = 0;
    clock.schedule(0, () => ran++);
    expect(ran).toBe(1);
    const job = clock.schedule(10, () => ran++);
    job.cancel();
    clock.advance(20);
    expect(ran).toBe(1);
    clock.schedule(10, () => ran++);
    clock.cancelAll();
    clock.advance(20);
    expect(ran).toBe(1);
  });

  it('keeps going when a task throws, and reports it', () => {
    const errors: unknown[] = [];
    const clock = createClock({ mode: 'manual', onTaskError: (e) => errors.push(e) });
    let after = false;
    clock.schedule(1, () => {
      throw new Error('boom');
    });
    clock.schedule(2, () => (after = true));
    clock.advance(5);
    expect(errors).toHaveLength(1);
    expect(after).toBe(true);
  });

  it('refuses advance on a real clock', () => {
    expect(() => createClock().advance(1)).toThrow(/manual/);
  });
});

describe('real clock', () => {
  it('is strictly increasing in microseconds', () => {
    const clock = createClock();
    let last = clock.nowMicros();
    for (let i = 0; i < 1000; i++) {
      const now = clock.nowMicros();
      expect(now).toBeGreaterThan(last);
      last = now;
    }
  });
});

describe('switching mode', () => {
  // Fake timers drive both setTimeout and performance.now(), so real mode runs without sleeping.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'], now: Date.UTC(2030, 0, 1) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('manual → real goes on from the manual time and arms pending tasks on real timers, in time order', () => {
    const start = Date.UTC(2025, 0, 1);
    const clock = createClock({ mode: 'manual', startMs: start });
    const log: string[] = [];
    clock.schedule(100, () => log.push('late'));
    clock.schedule(50, () => log.push('early'));
    clock.advance(20);
    clock.setMode('real');
    expect(clock.mode).toBe('real');
    // No jump to the wall clock (2030): time continues from the manual 2025 time.
    expect(clock.nowMs()).toBeGreaterThanOrEqual(start + 20);
    expect(clock.nowMs()).toBeLessThan(start + 25);
    expect(() => clock.advance(1)).toThrow(/manual/);
    vi.advanceTimersByTime(29);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(log).toEqual(['early']);
    expect(clock.pending()).toBe(1);
    vi.advanceTimersByTime(50);
    expect(log).toEqual(['early', 'late']);
    expect(clock.nowMs()).toBeGreaterThanOrEqual(start + 100);
    expect(clock.nowMs()).toBeLessThan(start + 110);
  });

  it('real → manual freezes at the current time; pending tasks keep their due times and wait for advance', () => {
    const clock = createClock({ mode: 'real' });
    const before = clock.nowMs();
    let ran = 0;
    clock.schedule(50, () => ran++);
    vi.advanceTimersByTime(10);
    clock.setMode('manual');
    expect(clock.mode).toBe('manual');
    const frozen = clock.nowMicros();
    expect(Math.floor(frozen / 1000)).toBeGreaterThanOrEqual(before + 10);
    vi.advanceTimersByTime(1000);
    expect(ran).toBe(0);
    expect(clock.nowMicros()).toBe(frozen);
    clock.advance(39);
    expect(ran).toBe(0);
    // Due 50 ms after it was scheduled, and 10 ms had passed when time froze (give or take a microsecond).
    clock.advance(2);
    expect(ran).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('keeps time monotonic across a round trip, and a switch to the current mode changes nothing', () => {
    const clock = createClock({ mode: 'real' });
    const t0 = clock.nowMicros();
    clock.setMode('real');
    clock.setMode('manual');
    clock.setMode('manual');
    const t1 = clock.nowMicros();
    expect(t1).toBeGreaterThan(t0);
    clock.advance(3_600_000);
    clock.setMode('real');
    const t2 = clock.nowMicros();
    expect(t2).toBeGreaterThan(t1 + 3_600_000_000 - 1);
    vi.advanceTimersByTime(5);
    expect(clock.nowMicros()).toBeGreaterThanOrEqual(t2 + 4999);
    expect(() => clock.setMode('sideways' as never)).toThrow(/unknown clock mode/);
  });

  it('a task scheduled while manual runs on a real timer after the switch; one cancelled meanwhile never runs', () => {
    const clock = createClock({ mode: 'manual' });
    const log: string[] = [];
    clock.schedule(10, () => log.push('kept'));
    const dropped = clock.schedule(10, () => log.push('dropped'));
    clock.setMode('real');
    dropped.cancel();
    vi.advanceTimersByTime(11);
    expect(log).toEqual(['kept']);
  });
});

describe('scoped clock', () => {
  it('shares time with its base but cancels only its own tasks', () => {
    const base = createClock({ mode: 'manual', startMs: 0 });
    const a = scopedClock(base);
    const b = scopedClock(base);
    const log: string[] = [];
    a.schedule(10, () => log.push('a'));
    b.schedule(10, () => log.push('b'));
    a.schedule(0, () => log.push('a0'));
    expect(a.pending()).toBe(1);
    expect(base.pending()).toBe(2);
    a.cancelAll();
    expect(base.pending()).toBe(1);
    a.advance(10);
    expect(log).toEqual(['a0', 'b']);
    expect(a.nowMs()).toBe(10);
    expect(b.pending()).toBe(0);
    a.setMode('real');
    expect(b.mode).toBe('real');
  });
});

describe('timestamps', () => {
  it('prints six fractional digits in UTC', () => {
    expect(rfc3339Micros(Date.UTC(2025, 8, 16, 18, 36, 9, 790) * 1000 + 629)).toBe('2025-09-16T18:36:09.790629Z');
    expect(rfc3339Micros(0)).toBe('1970-01-01T00:00:00.000000Z');
  });

  it('prints every time right, one after another in the same second, across seconds and before 1970', () => {
    const base = Date.UTC(2025, 8, 16, 18, 36, 9) * 1000;
    const times = [base, base + 1, base + 999_999, base + 1_000_000, base + 5, -1, -1_000_000, -1_000_001, base + 86_400_000_000 + 42];
    for (const micros of times) {
      const ms = Math.floor(micros / 1000);
      const sub = String(micros - ms * 1000).padStart(3, '0');
      expect(rfc3339Micros(micros), String(micros)).toBe(`${new Date(ms).toISOString().slice(0, 23)}${sub}Z`);
    }
    expect(rfc3339Micros(-1)).toBe('1969-12-31T23:59:59.999999Z');
  });

  it('parses RFC 3339 with offsets and fractions', () => {
    expect(parseRfc3339Micros('2025-09-16T18:36:09.790629Z')).toBe(Date.UTC(2025, 8, 16, 18, 36, 9, 790) * 1000 + 629);
    expect(parseRfc3339Micros('2025-01-01T01:00:00+01:00')).toBe(Date.UTC(2025, 0, 1) * 1000);
    expect(parseRfc3339Micros('2025-01-01')).toBeUndefined();
    expect(parseRfc3339Micros('yesterday')).toBeUndefined();
  });
});

describe('ids', () => {
  it('makes v4 and v7 UUIDs', () => {
    const ids = createIdSource();
    expect(ids.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const v7 = ids.uuidV7(Date.UTC(2025, 8, 16));
    expect(v7).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(v7.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2025, 8, 16));
  });

  it('is reproducible with a seed and varies without one', () => {
    const a = createIdSource('s1');
    const b = createIdSource('s1');
    const seqA = [a.uuid(), a.hex(10), a.chars(6, 'abc')];
    expect([b.uuid(), b.hex(10), b.chars(6, 'abc')]).toEqual(seqA);
    expect(createIdSource('s2').uuid()).not.toBe(seqA[0]);
    expect(createIdSource().uuid()).not.toBe(createIdSource().uuid());
  });
});
