import { describe, expect, it } from 'vitest';
import { microsToMillis, microsToSeconds, millisToSeconds, secondsToMicros } from '../src/core/time.js';
import { createClock, rfc3339Micros } from '../src/core/clock.js';

describe('time units', () => {
  it('converts between epoch microseconds, milliseconds and seconds, rounding down', () => {
    const micros = Date.UTC(2025, 8, 16, 18, 36, 9, 790) * 1000 + 629;
    expect(microsToMillis(micros)).toBe(Date.UTC(2025, 8, 16, 18, 36, 9, 790));
    expect(microsToSeconds(micros)).toBe(Date.UTC(2025, 8, 16, 18, 36, 9) / 1000);
    expect(millisToSeconds(Date.UTC(2025, 8, 16, 18, 36, 9, 999))).toBe(Date.UTC(2025, 8, 16, 18, 36, 9) / 1000);
    expect(secondsToMicros(1_758_047_769)).toBe(1_758_047_769_000_000);
    expect(rfc3339Micros(micros)).toBe('2025-09-16T18:36:09.790629Z');
  });

  it("a manual clock's two readings are one instant in two units", () => {
    const clock = createClock({ mode: 'manual', startMs: Date.UTC(2025, 0, 1) });
    clock.advance(1.5);
    expect(microsToMillis(clock.nowMicros())).toBe(clock.nowMs());
    expect(clock.nowMicros()).toBe(Date.UTC(2025, 0, 1) * 1000 + 1500);
  });
});
