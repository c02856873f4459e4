/** The byte ring keeps records off the heap, newest over oldest, growing rather than overwrite what is still wanted. */
import { describe, expect, it } from 'vitest';
import { ByteRing } from '../src/core/byte-ring.js';

/** Writes `text` as one record; returns its virtual start. */
function put(ring: ByteRing, text: string, wanted = Infinity): number {
  const room = ring.reserve(Buffer.byteLength(text), wanted);
  if (!room) throw new Error('no room');
  const n = room.buffer.write(text, room.offset, 'latin1');
  ring.commit(room.at, n);
  return room.at;
}
const get = (ring: ByteRing, at: number, text: string): string | undefined => ring.read(at, text.length)?.toString('latin1');

describe('ByteRing', () => {
  it('reads records back while it holds them, and never splits one across its end', () => {
    const ring = new ByteRing(16, 16);
    const a = put(ring, 'aaaaaa');
    const b = put(ring, 'bbbbbb');
    expect([get(ring, a, 'aaaaaa'), get(ring, b, 'bbbbbb')]).toEqual(['aaaaaa', 'bbbbbb']);
    // 6 + 6 = 12 bytes used: a third record of 6 starts the next lap, over the first.
    const c = put(ring, 'cccccc');
    expect(c).toBe(16);
    expect(get(ring, c, 'cccccc')).toBe('cccccc');
    expect(get(ring, a, 'aaaaaa')).toBeUndefined();
    expect(get(ring, b, 'bbbbbb')).toBe('bbbbbb');
    expect(ring.holds(a)).toBe(false);
    expect(ring.holds(b)).toBe(true);
  });

  it('grows rather than overwrite a record still wanted, keeping every record it held', () => {
    const ring = new ByteRing(16, 64);
    const texts = ['0123456789', 'abcdefghij', 'ABCDEFGHIJ', 'klmnopqrst', 'KLMNOPQRST'];
    const at: number[] = [];
    for (const t of texts) at.push(put(ring, t, at[0] ?? Infinity));
    expect(ring.size).toBe(64);
    texts.forEach((t, i) => expect(get(ring, at[i]!, t)).toBe(t));
  });

  it('grows no further than its bound: then the oldest records are written over and read as gone', () => {
    const ring = new ByteRing(8, 32);
    const at: number[] = [];
    for (let i = 0; i < 10; i++) at.push(put(ring, String(i).repeat(8), at[0] ?? Infinity));
    expect(ring.size).toBe(32);
    expect(get(ring, at[0]!, '00000000')).toBeUndefined();
    expect(get(ring, at[5]!, '55555555')).toBeUndefined();
    for (let i = 6; i < 10; i++) expect(get(ring, at[i]!, String(i).repeat(8))).toBe(String(i).repeat(8));
  });

  it('refuses a record larger than its bound, and keeps what it holds', () => {
    const ring = new ByteRing(8, 32);
    const a = put(ring, 'kept');
    expect(ring.reserve(33, a)).toBeUndefined();
    expect(get(ring, a, 'kept')).toBe('kept');
  });

  it('drops everything on clear, and goes on from there', () => {
    const ring = new ByteRing(16, 16);
    const a = put(ring, 'before');
    ring.clear();
    expect(get(ring, a, 'before')).toBeUndefined();
    const b = put(ring, 'after');
    expect(get(ring, b, 'after')).toBe('after');
  });
});
