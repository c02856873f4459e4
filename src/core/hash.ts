import { createHash } from 'node:crypto';

/** FNV-1a, 32 bits, over a string's UTF-16 code units: a small, fast, stable hash (not for secrets). */
export function fnv1a32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A stable id in the shape of a version 4 UUID, drawn from a text's SHA-256 (the same text, the same id, on every run). */
export function uuidFromText(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
