/**
 * Chunking by tokens of a real BPE encoding. The expected token windows are
 * computed here with gpt-tokenizer's own encode and decode, independently of
 * the chunker's offsets.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';
import * as cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import { ChunkOptionsError, ENCODINGS, checkChunkOptions, chunkId, chunkText } from '../src/core/retrieval/chunk.js';
import { tokenize } from '../src/core/retrieval/tokenizer.js';
import { extractText } from '../src/core/retrieval/extract.js';
import type { ChunkOptions, ExtractedText } from '../src/core/retrieval/types.js';

const API = { o200k_base: o200k, cl100k_base: cl100k } as const;
const plain = (text: string): ExtractedText => ({ pages: [{ page: null, text }] });
const opts = (maxTokens: number, overlapTokens: number, more: Partial<ChunkOptions> = {}): ChunkOptions => ({
  maxTokens,
  overlapTokens,
  encoding: 'o200k_base',
  stripWhitespace: false,
  ...more,
});

const PROSE = [
  'Collections hold documents. Indexing makes them searchable, and search finds the chunks that answer a question.',
  'Each chunk is a window of tokens: the tokenizer counts them as a model would, so a chunk fits the model it is meant for.',
  'Consecutive chunks overlap, so a sentence cut at a border is still whole in one of them.',
].join('\n\n');

describe('windows of tokens', () => {
  it.each(ENCODINGS)('%s: each chunk is max tokens, the next starting overlap tokens before its end, exactly', async (encoding) => {
    const api = API[encoding];
    const ids = api.encode(PROSE);
    for (const [max, overlap] of [
      [16, 4],
      [7, 0],
      [5, 4],
      [1, 0],
    ] as const) {
      const chunks = await chunkText(plain(PROSE), opts(max, overlap, { encoding }));
      const step = max - overlap;
      const expected: string[] = [];
      for (let from = 0; ; from += step) {
        expected.push(api.decode(ids.slice(from, from + max)));
        if (from + max >= ids.length) break;
      }
      expect(
        chunks.map((c) => c.text),
        `${max}/${overlap}`,
      ).toEqual(expected);
      expect(chunks.map((c) => c.index)).toEqual(expected.map((_, i) => i));
      expect(chunks.map((c) => c.tokens)).toEqual(expected.map((_, i) => Math.min(max, ids.length - i * step)));
      for (const c of chunks) expect(c.page).toBeNull();
    }
  });

  it('counts tokens as the encoding does: the two encodings cut differently', async () => {
    // Japanese takes far fewer tokens in o200k_base than in cl100k_base.
    const text = `${PROSE}\n\n${'日本語の文書も同じように検索できます。'.repeat(4)}`;
    const a = await chunkText(plain(text), opts(20, 0));
    const b = await chunkText(plain(text), opts(20, 0, { encoding: 'cl100k_base' }));
    expect(o200k.encode(text).length).toBeLessThan(cl100k.encode(text).length);
    expect(a.length).toBe(Math.ceil(o200k.encode(text).length / 20));
    expect(b.length).toBe(Math.ceil(cl100k.encode(text).length / 20));
  });

  it('without stripping, the chunks less their overlaps are the text', async () => {
    const text = `  ${PROSE}\n\n\t trailing  \n`;
    const chunks = await chunkText(plain(text), opts(9, 0));
    expect(chunks.map((c) => c.text).join('')).toBe(text);
  });

  it('with stripWhitespace, each chunk is trimmed and a window of whitespace alone is no chunk', async () => {
    const text = `Alpha beta.${' '.repeat(40)}\n\n\n\n${' '.repeat(40)}Gamma delta.`;
    const loose = await chunkText(plain(text), opts(3, 0));
    const strict = await chunkText(plain(text), opts(3, 0, { stripWhitespace: true }));
    expect(loose.some((c) => c.text.trim() === '')).toBe(true);
    expect(strict.map((c) => c.text)).toEqual(loose.map((c) => c.text.trim()).filter((t) => t !== ''));
    expect(strict.map((c) => c.index)).toEqual(strict.map((_, i) => i));
  });

  it('is deterministic', async () => {
    const a = await chunkText(plain(PROSE), opts(12, 3));
    const b = await chunkText(plain(PROSE), opts(12, 3));
    expect(b).toEqual(a);
  });

  it('an empty text, or pages without text, give no chunks', async () => {
    expect(await chunkText({ pages: [] }, opts(10, 0))).toEqual([]);
    expect(
      await chunkText(
        {
          pages: [
            { page: 1, text: '' },
            { page: 2, text: ' \n ' },
          ],
        },
        opts(10, 0),
      ),
    ).toEqual([]);
    expect(await chunkText(plain(' \n\t '), opts(10, 0, { stripWhitespace: true }))).toEqual([]);
  });

  it('reads text that spells a special token as plain text', async () => {
    const chunks = await chunkText(plain('before <|endoftext|> after <|im_start|>'), opts(100, 0));
    expect(chunks.map((c) => c.text)).toEqual(['before <|endoftext|> after <|im_start|>']);
    expect(chunks[0]!.tokens).toBeGreaterThan(4);
  });
});

describe('characters across tokens', () => {
  // Mathematical letters take three tokens each in o200k_base (four UTF-8 bytes); ASCII around them takes one per word.
  const FRAKTUR = '𝔘𝔫𝔦𝔠𝔬𝔡𝔢';
  const TEXT = `ab ${FRAKTUR} cd ${FRAKTUR} ef`;

  it('no chunk splits a character, whatever the sizes', async () => {
    expect(o200k.encode('𝔘').length).toBeGreaterThan(1);
    for (const max of [1, 2, 3, 4, 5, 8]) {
      for (const overlap of [0, 1, 2, 3].filter((o) => o < max)) {
        const chunks = await chunkText(plain(TEXT), opts(max, overlap));
        for (const c of chunks) {
          expect(c.text, `${max}/${overlap}`).not.toContain('\uFFFD');
          // Well-formed: no lone surrogate, and the text re-encodes to itself.
          expect(c.text).toBe(new TextDecoder().decode(new TextEncoder().encode(c.text)));
          expect(TEXT).toContain(c.text);
        }
        // Nothing lost: every character is in some chunk, in order.
        if (overlap === 0) expect(chunks.map((c) => c.text).join(''), `${max}/${overlap}`).toBe(TEXT);
      }
    }
  });

  it('a window ends before a split character, or after it when the window is too small to hold it', async () => {
    // One character of three tokens after "ab": a window of 2 cannot end inside it.
    const chunks = await chunkText(plain('ab𝔘'), opts(2, 0));
    expect(chunks.map((c) => [c.text, c.tokens])).toEqual([
      ['ab', 1],
      ['𝔘', o200k.encode('𝔘').length],
    ]);
  });

  it('a window of enough tokens holds characters whole and stays within max', async () => {
    const chunks = await chunkText(plain(TEXT), opts(8, 2));
    for (const c of chunks) expect(c.tokens).toBeLessThanOrEqual(8);
    // The overlap is never more than asked for: the re-encoded overlap of neighbours is at most 2 tokens.
    for (let i = 1; i < chunks.length; i++) {
      const prev = chunks[i - 1]!.text;
      const cur = chunks[i]!.text;
      let shared = Math.min(prev.length, cur.length);
      while (shared > 0 && !prev.endsWith(cur.slice(0, shared))) shared--;
      expect(o200k.encode(cur.slice(0, shared)).length).toBeLessThanOrEqual(2);
    }
  });

  it('lone surrogates are read as U+FFFD, as UTF-8 encoding reads them', async () => {
    const chunks = await chunkText(plain('a\uD800b \uDC00c'), opts(50, 0));
    expect(chunks.map((c) => c.text)).toEqual(['a\uFFFDb \uFFFDc']);
  });
});

describe('pages', () => {
  it('a chunk carries the page it starts on; the pages are joined by a blank line', async () => {
    const pdf = (await extractText(
      new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures-retrieval', 'three-pages.pdf'))),
      'application/pdf',
      'a.pdf',
    ))!;
    const all = await chunkText(pdf, opts(1000, 0));
    expect(all.map((c) => [c.text, c.page])).toEqual([[pdf.pages.map((p) => p.text).join('\n\n'), 1]]);
    const chunks = await chunkText(pdf, opts(8, 0, { stripWhitespace: true }));
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.map((c) => c.page)).toEqual([...chunks.map((c) => c.page)].sort());
    // Each chunk's page is the page its first word is on.
    for (const c of chunks) expect(pdf.pages.find((p) => p.page === c.page)!.text, c.text).toContain(c.text.split(/\s+/)[0]!);
    expect([...new Set(chunks.map((c) => c.page))]).toEqual([1, 2, 3]);
    // A chunk that runs over a page break is on the page it starts on.
    const across = chunks.find((c) => c.text.includes('searchable.\n\n'));
    expect(across?.page).toBe(1);
  });

  it('whitespace at the start of a window belongs to no page: the page is that of the first word', async () => {
    const text: ExtractedText = {
      pages: [
        { page: 1, text: 'one two three' },
        { page: 2, text: '' },
        { page: 3, text: 'four five six' },
      ],
    };
    const full = 'one two three\n\nfour five six';
    const ids = o200k.encode(full);
    // A window that starts on the page break, just before "four".
    const breakAt = ids.findIndex((_, i) => o200k.decode(ids.slice(0, i + 1)).endsWith('\n\n'));
    const chunks = await chunkText(text, opts(breakAt, 0));
    expect(chunks.map((c) => [c.text, c.page])).toEqual([
      ['one two three', 1],
      [o200k.decode(ids.slice(breakAt, breakAt * 2)), 3],
      ...(ids.length > breakAt * 2 ? [[o200k.decode(ids.slice(breakAt * 2)), 3]] : []),
    ]);
  });
});

describe('large texts', () => {
  it('encodes a long text in segments to the same tokens as at once', async () => {
    const words = ['alpha', 'Beta', '42', 'déjà-vu', '東京', '🙂', "don't", '—', 'x/y', '\t'];
    let text = '';
    for (let i = 0; i < 3000; i++) text += words[i % words.length] + (i % 7 === 0 ? '\n' : i % 11 === 0 ? '\r\n\n' : ' ');
    for (const encoding of ENCODINGS) {
      const whole = API[encoding].encode(text);
      const segmented = await tokenize(text, encoding, 500);
      expect(segmented.ids).toEqual(whole);
      expect(segmented.starts[whole.length]).toBe(text.length);
    }
  });
});

describe('options', () => {
  const refusal = (o: ChunkOptions): ChunkOptionsError => {
    try {
      checkChunkOptions(o);
    } catch (err) {
      expect(err).toBeInstanceOf(ChunkOptionsError);
      return err as ChunkOptionsError;
    }
    throw new Error('accepted');
  };

  it('refuses what cannot be followed, naming the option', async () => {
    expect(refusal(opts(100, 100))).toMatchObject({
      field: 'overlapTokens',
      message: 'overlapTokens (100) must be less than maxTokens (100): each chunk must add tokens to the one before',
    });
    expect(refusal(opts(10, 200))).toMatchObject({ field: 'overlapTokens' });
    expect(refusal(opts(0, 0))).toMatchObject({ field: 'maxTokens', message: 'maxTokens must be a whole number ≥ 1, got 0' });
    expect(refusal(opts(1.5, 0))).toMatchObject({ field: 'maxTokens' });
    expect(refusal(opts(10, -1))).toMatchObject({ field: 'overlapTokens', message: 'overlapTokens must be a whole number ≥ 0, got -1' });
    expect(refusal(opts(10, 0, { encoding: 'p50k_edit' }))).toMatchObject({
      field: 'encoding',
      message: 'encoding "p50k_edit" is not supported; supported: o200k_base, cl100k_base',
    });
    await expect(chunkText(plain('text'), opts(5, 5))).rejects.toBeInstanceOf(ChunkOptionsError);
    expect(() => checkChunkOptions(opts(1024, 200))).not.toThrow();
  });
});

describe('chunkId', () => {
  it('is a stable UUID-shaped id of the document, the position and the text', () => {
    const id = chunkId('file_1', 0, 'hello');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Fixed across runs and versions: clients keep ids, and an upgrade must not change them.
    expect(id).toBe('fa2b0da0-81c8-74e8-8e9b-2fe6f02aa283');
    expect(new Set([chunkId('file_2', 0, 'hello'), chunkId('file_1', 1, 'hello'), chunkId('file_1', 0, 'hello!'), id]).size).toBe(4);
  });
});
