/**
 * Text → BPE tokens of a tiktoken encoding, with where each token starts in
 * the text. gpt-tokenizer does the encoding; each encoding's tables (tens of
 * megabytes) are imported the first time that encoding is used, so nothing is
 * loaded until a document is chunked.
 *
 * Offsets come from the encoding's own token bytes rather than from decoding:
 * gpt-tokenizer's decode keeps a shared streaming UTF-8 decoder, so decoding a
 * run of tokens that ends inside a character would leak its bytes into the
 * next decode. Chunks are cut from the text at these offsets instead.
 */

export const ENCODINGS = ['o200k_base', 'cl100k_base'] as const;
export type EncodingName = (typeof ENCODINGS)[number];

export function isEncodingName(name: string): name is EncodingName {
  return (ENCODINGS as readonly string[]).includes(name);
}

/** What chunking needs from an encoding. */
interface Encoding {
  encode(text: string): number[];
  /** The token's text (whole characters) or its bytes (part of a character's UTF-8). */
  entry(token: number): string | readonly number[] | undefined;
}

// Literal specifiers, one per encoding, so the compiler checks them and each loads only when asked for.
const LOADERS: Record<EncodingName, () => Promise<[{ encode: Encoder }, { default: (string | number[])[] }]>> = {
  o200k_base: () => Promise.all([import('gpt-tokenizer/encoding/o200k_base'), import('gpt-tokenizer/bpeRanks/o200k_base')]),
  cl100k_base: () => Promise.all([import('gpt-tokenizer/encoding/cl100k_base'), import('gpt-tokenizer/bpeRanks/cl100k_base')]),
};
type Encoder = (text: string, options?: { disallowedSpecial?: Set<string> }) => number[];

const loaded = new Map<EncodingName, Promise<Encoding>>();

// Text that spells a special token (`<|endoftext|>`) is a document's text like any other: encoded as plain text, never refused.
const PLAIN = { disallowedSpecial: new Set<string>() };

function loadEncoding(name: EncodingName): Promise<Encoding> {
  let p = loaded.get(name);
  if (!p) {
    p = LOADERS[name]().then(([api, ranks]) => {
      const table = ranks.default;
      return { encode: (text: string) => api.encode(text, PLAIN), entry: (token: number) => table[token] };
    });
    // A failed load is not remembered: the next document tries again.
    p.catch(() => loaded.delete(name));
    loaded.set(name, p);
  }
  return p;
}

export interface Tokens {
  /** The token ids, in order. */
  ids: number[];
  /**
   * `starts[i]` is the UTF-16 offset in the text where token `i` begins, or -1
   * when it begins inside a character (a character whose UTF-8 bytes span
   * several tokens); `starts[ids.length]` is the text's length.
   */
  starts: Int32Array;
}

/** Characters encoded between two turns of the event loop: a large document does not hold up the server's other requests. */
const SEGMENT_CHARS = 32 * 1024;

/**
 * Encodes `text` (which must be well-formed UTF-16: see `wellFormed`). A long
 * text is encoded in segments cut after a line break that a letter or digit
 * follows: both encodings' pre-tokenisers always split there, so the tokens
 * are those of the whole text at once.
 */
export async function tokenize(text: string, encoding: EncodingName, segmentChars = SEGMENT_CHARS): Promise<Tokens> {
  const enc = await loadEncoding(encoding);
  const ids: number[] = [];
  let from = 0;
  while (from < text.length) {
    const to = segmentEnd(text, from, segmentChars);
    const part = enc.encode(text.slice(from, to));
    for (const id of part) ids.push(id);
    from = to;
    if (from < text.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { ids, starts: tokenStarts(enc, ids, text.length) };
}

const SPLIT_AFTER = /[\r\n](?=[\p{L}\p{N}])/gu;

function segmentEnd(text: string, from: number, size: number): number {
  if (text.length - from <= size) return text.length;
  SPLIT_AFTER.lastIndex = from + size;
  const m = SPLIT_AFTER.exec(text);
  return m ? m.index + 1 : text.length;
}

function tokenStarts(enc: Encoding, ids: readonly number[], length: number): Int32Array {
  const starts = new Int32Array(ids.length + 1);
  let offset = 0;
  // Continuation bytes still expected to complete the current character, and that character's UTF-16 length.
  let pending = 0;
  let units = 0;
  for (let i = 0; i < ids.length; i++) {
    starts[i] = pending === 0 ? offset : -1;
    const entry = enc.entry(ids[i]!);
    if (entry === undefined) throw new Error(`token ${ids[i]} is not in the encoding's table`);
    if (typeof entry === 'string') {
      offset += entry.length;
      pending = 0;
      continue;
    }
    for (const b of entry) {
      if (pending > 0 && (b & 0xc0) === 0x80) {
        if (--pending === 0) offset += units;
      } else if (b < 0x80) {
        offset += 1;
      } else if ((b & 0xe0) === 0xc0) {
        [pending, units] = [1, 1];
      } else if ((b & 0xf0) === 0xe0) {
        [pending, units] = [2, 1];
      } else if ((b & 0xf8) === 0xf0) {
        // Four UTF-8 bytes: a character outside the BMP, two UTF-16 units.
        [pending, units] = [3, 2];
      } else {
        offset += 1;
      }
    }
  }
  starts[ids.length] = offset;
  // Offsets that do not add up to the text would cut chunks in the wrong places: refuse rather than mislead.
  if (pending !== 0 || offset !== length) throw new Error(`the tokens cover ${offset} characters of a text of ${length}`);
  return starts;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with lone surrogates replaced by U+FFFD, as UTF-8 encoding replaces them, so offsets and tokens agree. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
