import { randomBytes, randomUUID } from 'node:crypto';
import { fnv1a32 } from './hash.js';

/**
 * Where identifiers and random choices come from. Random by default; seeded
 * (and so reproducible run to run) when a seed is given.
 */
export interface IdSource {
  /** RFC 4122 version 4 UUID. */
  uuid(): string;
  /** Version 7 UUID (time-ordered), from the given epoch milliseconds. */
  uuidV7(ms: number): string;
  /** `n` lowercase hex characters. */
  hex(n: number): string;
  /** `n` characters drawn from `alphabet`. */
  chars(n: number, alphabet: string): string;
  /** Uniform float in [0, 1). */
  random(): number;
}

/** mulberry32: small, fast and good enough for reproducible mock data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit number from any seed (FNV-1a of its text). */
export function seedToInt(seed: string | number): number {
  return fnv1a32(String(seed));
}

export function createIdSource(seed?: string | number): IdSource {
  const rnd = seed === undefined ? null : mulberry32(seedToInt(seed));
  const bytes = (n: number): Uint8Array => {
    if (!rnd) return randomBytes(n);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(rnd() * 256);
    return out;
  };
  const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');
  const formatUuid = (b: Uint8Array): string => {
    const h = hexOf(b);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  };
  return {
    uuid() {
      if (!rnd) return randomUUID();
      const b = bytes(16);
      b[6] = (b[6]! & 0x0f) | 0x40;
      b[8] = (b[8]! & 0x3f) | 0x80;
      return formatUuid(b);
    },
    uuidV7(ms) {
      const b = bytes(16);
      const t = BigInt(Math.max(0, Math.floor(ms)));
      for (let i = 0; i < 6; i++) b[i] = Number((t >> BigInt(8 * (5 - i))) & 0xffn);
      b[6] = (b[6]! & 0x0f) | 0x70;
      b[8] = (b[8]! & 0x3f) | 0x80;
      return formatUuid(b);
    },
    hex(n) {
      return hexOf(bytes(Math.ceil(n / 2))).slice(0, n);
    },
    chars(n, alphabet) {
      const b = bytes(n);
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[b[i]! % alphabet.length];
      return s;
    },
    random: () => (rnd ? rnd() : Math.random()),
  };
}
