/**
 * Text extraction by media type, on real files in test/fixtures-retrieval/:
 *
 * - three-pages.pdf: a hand-written PDF 1.4 of three US-letter pages in
 *   Helvetica (WinAnsi encoding), two lines each:
 *     1. "Page one: collections hold documents." / "Indexing makes them searchable."
 *     2. "Page two: the café menu lists crème brûlée." / "Search finds chunks by meaning."
 *     3. "Page three: the last page." / "It ends here."
 * - page.html: a page with a title, a style sheet, scripts (in the head and the
 *   body), noscript, a link, a list and an image.
 * - records.json: an object with strings, numbers, a boolean, a null, an array
 *   of strings and an array of objects.
 * - people.csv: CRLF rows, a header, quoted fields with doubled quotes, a comma
 *   and a line break inside quotes, an empty field, non-ASCII text.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractText, formatOf } from '../src/core/retrieval/extract.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures-retrieval');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const textOf = async (bytes: Uint8Array, type: string, name = 'file'): Promise<string | undefined> => {
  const out = await extractText(bytes, type, name);
  if (out === undefined) return undefined;
  expect(out.pages.map((p) => p.page)).toEqual([null]);
  return out.pages[0]!.text;
};

describe('PDF', () => {
  const PAGES = [
    'Page one: collections hold documents.\nIndexing makes them searchable.',
    'Page two: the café menu lists crème brûlée.\nSearch finds chunks by meaning.',
    'Page three: the last page.\nIt ends here.',
  ];

  it('gives the text of each page with its page number', async () => {
    const out = await extractText(fixture('three-pages.pdf'), 'application/pdf', 'report.pdf');
    expect(out).toEqual({ pages: PAGES.map((text, i) => ({ page: i + 1, text })) });
  });

  it('leaves the stored bytes as they were', async () => {
    const bytes = fixture('three-pages.pdf');
    const before = Buffer.from(bytes);
    await extractText(bytes, 'application/pdf', 'report.pdf');
    expect(bytes.byteLength).toBe(before.length);
    expect(Buffer.from(bytes).equals(before)).toBe(true);
  });

  it('is read by its extension, or by its signature, when the type is generic', async () => {
    const bytes = fixture('three-pages.pdf');
    for (const [type, name] of [
      ['application/octet-stream', 'report.PDF'],
      ['', 'report.pdf'],
      ['application/octet-stream', 'report'],
      ['binary/octet-stream', 'report.bin'],
    ] as const) {
      const out = await extractText(bytes, type, name);
      expect(
        out?.pages.map((p) => p.page),
        `${type} ${name}`,
      ).toEqual([1, 2, 3]);
    }
  });

  it('rejects a damaged PDF with a message fit to show as the document error', async () => {
    const damaged = utf8('%PDF-1.4\nthis is not a PDF body at all\n%%EOF\n');
    await expect(extractText(damaged, 'application/pdf', 'broken.pdf')).rejects.toThrow(/^the PDF could not be read: \S/);
    const truncated = fixture('three-pages.pdf').subarray(0, 200);
    await expect(extractText(truncated, 'application/pdf', 'cut.pdf')).rejects.toThrow(/^the PDF could not be read/);
  });
});

describe('HTML', () => {
  it('gives the title and the body text, without tags, scripts, styles or link targets', async () => {
    const text = (await textOf(fixture('page.html'), 'text/html', 'page.html'))!;
    expect(text).toContain('Indexing guide');
    expect(text).toContain('Indexing & search');
    expect(text).toContain('Collections hold documents; indexing makes them searchable.');
    expect(text).toContain('Upload a file');
    expect(text).toContain('Crème brûlée is served in the café.');
    for (const absent of ['<', 'script text', 'another script', 'font-family', 'hidden-style-rule', 'Enable JavaScript', 'example.test', 'diagram']) {
      expect(text, absent).not.toContain(absent);
    }
    // Headings keep their case: the words are searched as written.
    expect(text).not.toContain('INDEXING');
  });

  it("decodes by the type's charset, else by the page's meta charset", async () => {
    const latin1 = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
    expect(await textOf(latin1('<p>caf\u00e9</p>'), 'text/html; charset=ISO-8859-1')).toBe('café');
    expect(await textOf(latin1('<html><head><meta charset="windows-1252"></head><body><p>caf\u00e9</p></body></html>'), 'text/html')).toBe('café');
    expect(await textOf(utf8('<p>café</p>'), 'Text/HTML; Charset="UTF-8"')).toBe('café');
    expect(await textOf(utf8('<p>café</p>'), 'application/xhtml+xml')).toBe('café');
  });
});

describe('JSON', () => {
  it('gives each value on a line after its key, without punctuation or nulls', async () => {
    const text = await textOf(fixture('records.json'), 'application/json', 'records.json');
    expect(text).toBe(
      [
        'title: Quarterly report',
        'tags: finance',
        'tags: 2025',
        'pages: 12',
        'draft: false',
        'name: Ann Lee',
        'role: editor',
        'name: Bo Chen',
        'role: analyst',
      ].join('\n'),
    );
  });

  it('reads +json types and top-level scalars; a body that does not parse is plain text', async () => {
    expect(await textOf(utf8('{"a":{"b":"deep"}}'), 'application/ld+json')).toBe('b: deep');
    expect(await textOf(utf8('["x", 1]'), 'application/json')).toBe('x\n1');
    expect(await textOf(utf8('{"broken": '), 'application/json')).toBe('{"broken": ');
  });

  it('reads JSON lines record by record', async () => {
    const body = utf8('{"id":1,"text":"first"}\n\n{"id":2,"text":"second"}\nnot json\n');
    expect(await textOf(body, 'application/x-ndjson')).toBe('id: 1\ntext: first\n\nid: 2\ntext: second\n\nnot json');
    expect(await textOf(body, 'application/octet-stream', 'rows.jsonl')).toBe('id: 1\ntext: first\n\nid: 2\ntext: second\n\nnot json');
  });
});

describe('CSV', () => {
  it('gives each row as a line of column: value pairs', async () => {
    const text = await textOf(fixture('people.csv'), 'text/csv', 'people.csv');
    expect(text).toBe(
      ['name: Ann | city: Paris | note: likes "quoted" text, and commas', 'name: Bo | city: Tōkyō', 'name: Cy | city: Lima | note: two\nlines'].join('\n'),
    );
  });

  it('reads TSV, a header=absent table, and a lone header row', async () => {
    expect(await textOf(utf8('a\tb\n1\t2\n'), 'text/tab-separated-values')).toBe('a: 1 | b: 2');
    expect(await textOf(utf8('1,2\n3,4\n'), 'text/csv; header=absent')).toBe('1 | 2\n3 | 4');
    expect(await textOf(utf8('only,a,header\n'), 'text/csv')).toBe('only | a | header');
    expect(await textOf(utf8('x,y\n1,2,3\n'), 'application/octet-stream', 'wide.csv')).toBe('x: 1 | y: 2 | 3');
  });
});

describe('plain text and Markdown', () => {
  it('gives the text as written', async () => {
    const md = '# Title\n\nSome *emphasis* and a [link](https://example.test).\n';
    expect(await textOf(utf8(md), 'text/markdown', 'a.md')).toBe(md);
    expect(await textOf(utf8(md), 'application/octet-stream', 'a.markdown')).toBe(md);
    expect(await textOf(utf8('key: value\n'), 'application/x-yaml')).toBe('key: value\n');
    expect(await textOf(utf8('<a>x</a>'), 'application/atom+xml')).toBe('<a>x</a>');
    expect(await textOf(utf8('plain'), 'text/x-anything')).toBe('plain');
  });

  it('decodes by charset and byte-order mark; an unknown charset falls back to UTF-8', async () => {
    expect(await textOf(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), 'text/plain; charset=iso-8859-1')).toBe('café');
    expect(await textOf(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('café')]), 'text/plain')).toBe('café');
    expect(await textOf(Uint8Array.from([0xff, 0xfe, ...Buffer.from('café', 'utf16le')]), 'text/plain; charset=utf-8')).toBe('café');
    expect(await textOf(utf8('café'), 'text/plain; charset=no-such-charset')).toBe('café');
  });
});

describe('types it does not read', () => {
  it('yields undefined for a specific type it has no reader for, whatever the bytes', async () => {
    for (const type of ['image/png', 'application/zip', 'audio/mpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/rtf']) {
      expect(await extractText(utf8('readable words'), type, 'x.txt'), type).toBeUndefined();
    }
  });

  it('for a generic type without a known extension: UTF-8 without NUL is text, anything else is not read', async () => {
    expect(await textOf(utf8('notes in UTF-8: café'), 'application/octet-stream', 'NOTES')).toBe('notes in UTF-8: café');
    expect(await extractText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'application/octet-stream', 'image.bin')).toBeUndefined();
    expect(await extractText(Uint8Array.from([0x61, 0x00, 0x62]), '', 'blob')).toBeUndefined();
    expect(await extractText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), 'application/octet-stream', 'latin1')).toBeUndefined();
  });

  it('says how a type and name are read', () => {
    expect(formatOf('application/octet-stream', 'dir.v2/archive')).toBe('sniff');
    expect(formatOf('application/octet-stream', '.md')).toBe('sniff');
    expect(formatOf('application/octet-stream', 'notes.TXT')).toBe('text');
    expect(formatOf('image/png', 'notes.txt')).toBeUndefined();
    expect(formatOf('application/pdf', 'x')).toBe('pdf');
  });
});

describe('loading', () => {
  /** Runs a script in a fresh Node with a module hook that lists the packages it imports (ES imports: what the pipeline loads lazily); their names. */
  const packagesLoaded = (script: string): string[] => {
    const hook = `data:text/javascript,${encodeURIComponent(
      `import { appendFileSync } from 'node:fs';
       export async function load(url, context, next) {
         const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(url);
         if (m) appendFileSync(process.env.LOADED_LOG, m[1] + '\\n');
         return next(url, context);
       }`,
    )}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
    const log = path.join(tmpdir(), `loaded-${process.pid}-${Math.random().toString(36).slice(2)}.log`);
    const run = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', script], {
      cwd: path.join(import.meta.dirname, '..'),
      env: { ...process.env, LOADED_LOG: log },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    rmSync(log);
    return [...new Set(lines)];
  };
  const PIPELINE = ['unpdf', 'gpt-tokenizer', 'html-to-text', 'csv-parse'];

  it('a server starts without the text libraries; a PDF, an HTML page, a CSV and a chunking load theirs', () => {
    const started = packagesLoaded(
      `const { createMockServer } = await import('./dist/server.js');
       const mock = await createMockServer({ port: 0, fixtures: 'default', quiet: true });
       await mock.close();`,
    );
    // The hook does see packages: the server's own dependencies are listed.
    expect(started).toContain('pino');
    for (const p of PIPELINE) expect(started, p).not.toContain(p);

    const used = packagesLoaded(
      `import { readFileSync, rmSync } from 'node:fs';
       const { extractText } = await import('./dist/core/retrieval/extract.js');
       const { chunkText } = await import('./dist/core/retrieval/chunk.js');
       const pdf = await extractText(readFileSync('test/fixtures-retrieval/three-pages.pdf'), 'application/pdf', 'a.pdf');
       await extractText(Buffer.from('<p>x</p>'), 'text/html', 'a.html');
       await extractText(Buffer.from('a,b\\n1,2\\n'), 'text/csv', 'a.csv');
       await chunkText(pdf, { maxTokens: 10, overlapTokens: 0, encoding: 'o200k_base', stripWhitespace: true });`,
    );
    for (const p of PIPELINE) expect(used, p).toContain(p);
  });
});
