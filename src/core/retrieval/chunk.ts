/**
 * Cuts a document's text into chunks of at most `maxTokens` tokens of a real
 * BPE encoding, each sharing `overlapTokens` tokens with the one before.
 * Deterministic: the same text and options give the same chunks.
 *
 * The pages are joined with a blank line between them (a page without text
 * adds nothing), encoded once, and cut into windows of tokens. A cut never
 * splits a character: where a window would end inside one (a character whose
 * UTF-8 bytes span several tokens) it ends before it, and where the next
 * window would start inside one it starts after it, so an overlap is then a
 * token or two short, never long. Only a window too small to hold a single
 * character (`maxTokens` below 4) may end after it instead.
 *
 * A chunk's text is its window's slice of the text; with `stripWhitespace`
 * it is trimmed at both ends, and a window of whitespace alone yields no
 * chunk. Without it, the chunks laid end to end, less their overlaps, are the
 * text. A chunk's `tokens` counts its window; its `page` is where its first
 * character that is not whitespace is.
 */
import { createHash } from 'node:crypto';
import type { ChunkOptions, ExtractedText, TextChunk } from './types.js';
import { ENCODINGS, isEncodingName, tokenize, wellFormed, type EncodingName } from './tokenizer.js';

export { ENCODINGS, type EncodingName } from './tokenizer.js';

/** Options no chunking can follow; `field` names the option, so a provider can name its vendor's field in its 400. */
export class ChunkOptionsError extends Error {
  override name = 'ChunkOptionsError';
  constructor(
    readonly field: keyof ChunkOptions,
    message: string,
  ) {
    super(message);
  }
}

/** Throws a ChunkOptionsError when the options cannot be followed; a provider may check them when a collection is configured, before any document. */
export function checkChunkOptions(options: ChunkOptions): void {
  const { maxTokens, overlapTokens, encoding } = options;
  if (!Number.isSafeInteger(maxTokens) || maxTokens < 1) throw new ChunkOptionsError('maxTokens', `maxTokens must be a whole number ≥ 1, got ${maxTokens}`);
  if (!Number.isSafeInteger(overlapTokens) || overlapTokens < 0) {
    throw new ChunkOptionsError('overlapTokens', `overlapTokens must be a whole number ≥ 0, got ${overlapTokens}`);
  }
  if (overlapTokens >= maxTokens) {
    throw new ChunkOptionsError(
      'overlapTokens',
      `overlapTokens (${overlapTokens}) must be less than maxTokens (${maxTokens}): each chunk must add tokens to the one before`,
    );
  }
  if (!isEncodingName(encoding)) {
    throw new ChunkOptionsError('encoding', `encoding ${JSON.stringify(encoding)} is not supported; supported: ${ENCODINGS.join(', ')}`);
  }
}

/** Between pages: a paragraph break, so the last word of a page and the first of the next stay apart. */
const PAGE_BREAK = '\n\n';

/** Chunks of the text; rejects with a ChunkOptionsError when the options cannot be followed. */
export async function chunkText(text: ExtractedText, options: ChunkOptions): Promise<TextChunk[]> {
  checkChunkOptions(options);
  const { full, pageAt } = joinPages(text);
  if (full === '') return [];
  const { starts } = await tokenize(full, options.encoding as EncodingName);
  const chunks: TextChunk[] = [];
  for (const [from, to] of windows(starts, options.maxTokens, options.overlapTokens)) {
    const a = starts[from]!;
    const b = starts[to]!;
    let slice = full.slice(a, b);
    const lead = slice.length - slice.trimStart().length;
    if (options.stripWhitespace) {
      slice = slice.trim();
      if (slice === '') continue;
    }
    chunks.push({ index: chunks.length, text: slice, page: pageAt(a + (lead < b - a ? lead : 0)), tokens: to - from });
  }
  return chunks;
}

/** The pages as one text, and the page of any offset in it. */
function joinPages(text: ExtractedText): { full: string; pageAt: (offset: number) => number | null } {
  const parts: string[] = [];
  const starts: number[] = [];
  const pages: (number | null)[] = [];
  let length = 0;
  for (const p of text.pages) {
    const t = wellFormed(p.text);
    if (t.trim() === '') continue;
    if (parts.length > 0) {
      parts.push(PAGE_BREAK);
      length += PAGE_BREAK.length;
    }
    starts.push(length);
    pages.push(p.page);
    parts.push(t);
    length += t.length;
  }
  const pageAt = (offset: number): number | null => {
    // The last page that starts at or before the offset (a page break belongs to the page before it).
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return pages[lo] ?? null;
  };
  return { full: parts.join(''), pageAt };
}

/** Token windows [from, to): each at most `max` long unless a character needs more, each starting `overlap` tokens before the previous one's end. */
function* windows(starts: Int32Array, max: number, overlap: number): Generator<[number, number]> {
  const n = starts.length - 1;
  const whole = (i: number) => starts[i]! >= 0;
  let from = 0;
  while (from < n) {
    let to = Math.min(from + max, n);
    if (!whole(to)) {
      let back = to - 1;
      while (back > from && !whole(back)) back--;
      if (back > from) to = back;
      else while (!whole(to)) to++;
    }
    yield [from, to];
    if (to === n) return;
    let next = Math.max(to - overlap, from + 1);
    while (!whole(next)) next++;
    from = next;
  }
}

/**
 * A stable id for a chunk: UUID-shaped (the version 7 layout of the vendors'
 * chunk ids), from a SHA-256 of the document's key, the chunk's position and
 * its text, so the same content of the same document has the same id across
 * restarts and reloads.
 */
export function chunkId(docKey: string, index: number, text: string): string {
  const h = createHash('sha256').update(`${docKey}\u0000${index}\u0000`).update(text).digest();
  h[6] = (h[6]! & 0x0f) | 0x70;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString('hex', 0, 16);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
