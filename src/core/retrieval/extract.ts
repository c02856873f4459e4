/**
 * A stored file's text, by its media type. What is read, and how:
 *
 * - `text/*` (and text-like `application/` types: XML, YAML, JavaScript, SQL,
 *   TOML, shell) and Markdown: the text as written, decoded by the type's
 *   `charset` (UTF-8 by default; a byte-order mark wins).
 * - JSON (`application/json`, `*+json`) and JSON lines (`application/x-ndjson`,
 *   `application/jsonl`): each string, number and boolean on a line of its own
 *   after its key (the nearest property name; array items take their array's),
 *   `title: Indexing basics`, so a chunk cut from the middle still says what its
 *   values are. Braces, quotes and nulls are not text. A body that does not
 *   parse is read as plain text.
 * - CSV (`text/csv`, `application/csv`) and TSV (`text/tab-separated-values`):
 *   the first row names the columns (unless `header=absent`), and each further
 *   row is a line `name: Ann | city: Paris`, for the same reason. A body that
 *   does not parse is read as plain text.
 * - HTML (`text/html`, `application/xhtml+xml`): the title and the body's
 *   text, tags stripped (html-to-text); scripts, styles, templates and images
 *   are not text. The charset is the type's, else the page's `<meta charset>`.
 * - PDF: the text of each page, with its page number (pdf.js through unpdf,
 *   loaded the first time a PDF is read). A PDF that cannot be read (damaged,
 *   or locked with a password) rejects with a message fit to show as the
 *   document's error.
 *
 * A generic or missing type (`application/octet-stream`, `binary/octet-stream`,
 * none) is read by the file name's extension; failing that, a body starting
 * `%PDF-` is a PDF and a body that is valid UTF-8 without NUL bytes is plain
 * text. Any other type (images, audio, archives, office documents) is not read:
 * undefined, and the file is stored without chunks.
 */
import type { ExtractedText, Extractor } from './types.js';

export type TextFormat = 'text' | 'json' | 'jsonl' | 'csv' | 'tsv' | 'html' | 'pdf';

const BY_TYPE: Readonly<Record<string, TextFormat>> = {
  'text/markdown': 'text',
  'text/x-markdown': 'text',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/xml': 'text',
  'application/yaml': 'text',
  'application/x-yaml': 'text',
  'application/javascript': 'text',
  'application/x-javascript': 'text',
  'application/ecmascript': 'text',
  'application/typescript': 'text',
  'application/sql': 'text',
  'application/toml': 'text',
  'application/x-sh': 'text',
  'application/x-tex': 'text',
  'application/x-latex': 'text',
};

const BY_EXTENSION: Readonly<Record<string, TextFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'text',
  markdown: 'text',
  mdx: 'text',
  rst: 'text',
  adoc: 'text',
  log: 'text',
  xml: 'text',
  yaml: 'text',
  yml: 'text',
  toml: 'text',
  ini: 'text',
  tex: 'text',
  js: 'text',
  mjs: 'text',
  ts: 'text',
  py: 'text',
  sql: 'text',
  sh: 'text',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  csv: 'csv',
  tsv: 'tsv',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
};

const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown', 'application/x-unknown']);

/** A media type without its parameters, lower case, and its parameters (names lower case). */
function parseMediaType(mediaType: string): { type: string; params: Map<string, string> } {
  const [head = '', ...rest] = mediaType.split(';');
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq > 0)
      params.set(
        p.slice(0, eq).trim().toLowerCase(),
        p
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
  }
  return { type: head.trim().toLowerCase(), params };
}

function extensionOf(filename: string): string {
  const base = filename.slice(filename.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * How a file of this type and name is read, or undefined when it is not; for a
 * generic type without a known extension, the body decides (see `sniff`).
 */
export function formatOf(mediaType: string, filename: string): TextFormat | 'sniff' | undefined {
  const { type } = parseMediaType(mediaType);
  const known = BY_TYPE[type];
  if (known) return known;
  if (type.endsWith('+json')) return 'json';
  if (type.endsWith('+xml')) return 'text';
  // RTF is markup, not text.
  if (type.startsWith('text/') && type !== 'text/rtf') return 'text';
  if (!GENERIC.has(type)) return undefined;
  return BY_EXTENSION[extensionOf(filename)] ?? 'sniff';
}

function sniff(bytes: Uint8Array): 'pdf' | 'text' | undefined {
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') return 'pdf';
  if (bytes.includes(0)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text';
  } catch {
    return undefined;
  }
}

/** Decodes by the given charset when the runtime knows it (UTF-8 otherwise); a byte-order mark decides over both. */
function decode(bytes: Uint8Array, charset: string | undefined): string {
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? 'utf-8'
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? 'utf-16le'
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? 'utf-16be'
          : undefined;
  return decoderFor(bom ?? charset ?? 'utf-8').decode(bytes);
}

function decoderFor(label: string) {
  try {
    return new TextDecoder(label);
  } catch {
    // A charset the runtime does not know (RangeError): UTF-8, the likeliest.
    return new TextDecoder('utf-8');
  }
}

export const extractText: Extractor = async (bytes, mediaType, filename) => {
  let format = formatOf(mediaType, filename);
  if (format === 'sniff') format = sniff(bytes);
  if (format === undefined) return undefined;
  if (format === 'pdf') return readPdf(bytes);
  const { params } = parseMediaType(mediaType);
  let charset = params.get('charset');
  if (format === 'html' && charset === undefined) charset = metaCharset(bytes);
  const text = decode(bytes, charset);
  switch (format) {
    case 'json':
      return single(jsonText(text) ?? text);
    case 'jsonl':
      return single(jsonLinesText(text));
    case 'csv':
    case 'tsv':
      return single((await csvText(text, format === 'tsv' ? '\t' : ',', params.get('header') !== 'absent')) ?? text);
    case 'html':
      return single(await htmlText(text));
    default:
      return single(text);
  }
};

const single = (text: string): ExtractedText => ({ pages: [{ page: null, text }] });

// ---------------------------------------------------------------- JSON

function jsonText(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const lines: string[] = [];
  jsonLines(value, undefined, lines);
  return lines.join('\n');
}

function jsonLinesText(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => jsonText(line) ?? line)
    .join('\n\n');
}

function jsonLines(value: unknown, key: string | undefined, out: string[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) jsonLines(item, key, out);
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) jsonLines(v, k, out);
  } else {
    const s = String(value);
    out.push(key === undefined ? s : `${key}: ${s}`);
  }
}

// ---------------------------------------------------------------- CSV

async function csvText(text: string, delimiter: string, header: boolean): Promise<string | undefined> {
  const { parse } = await import('csv-parse/sync');
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  } catch {
    return undefined;
  }
  if (!header) return rows.map((r) => r.filter((v) => v.trim() !== '').join(' | ')).join('\n');
  const [names = [], ...records] = rows;
  if (records.length === 0) return names.join(' | ');
  return records
    .map((r) =>
      r
        .map((v, i) => (v.trim() === '' ? '' : names[i] ? `${names[i]}: ${v}` : v))
        .filter((s) => s !== '')
        .join(' | '),
    )
    .join('\n');
}

// ---------------------------------------------------------------- HTML

/** The charset a page declares in its first kilobyte (`<meta charset>` or the http-equiv form). */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

let htmlConverter: Promise<(html: string) => string> | undefined;

function htmlText(html: string): Promise<string> {
  htmlConverter ??= import('html-to-text').then(({ compile }) =>
    compile({
      wordwrap: false,
      // The title names the page; the head's other content is not text.
      baseElements: { selectors: ['title', 'body'] },
      selectors: [
        { selector: 'a', options: { ignoreHref: true } },
        { selector: 'img', format: 'skip' },
        { selector: 'script', format: 'skip' },
        { selector: 'style', format: 'skip' },
        { selector: 'noscript', format: 'skip' },
        { selector: 'template', format: 'skip' },
        ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
        { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
      ],
    }),
  );
  return htmlConverter.then((convert) => convert(html));
}

// ---------------------------------------------------------------- PDF

async function readPdf(bytes: Uint8Array): Promise<ExtractedText> {
  const { getDocumentProxy } = await import('unpdf');
  let pdf;
  try {
    // A copy: pdf.js may take over (detach) the buffer it is given, and the stored file's bytes must stay as they are.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (err) {
    throw new Error(pdfError(err), { cause: err });
  }
  try {
    const pages: ExtractedText['pages'] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push({ page: n, text });
      page.cleanup();
    }
    return { pages };
  } catch (err) {
    throw new Error(pdfError(err), { cause: err });
  } finally {
    await pdf.destroy();
  }
}

function pdfError(err: unknown): string {
  const e = err as { name?: string; message?: string };
  if (e.name === 'PasswordException') return 'the PDF is protected by a password';
  return `the PDF could not be read: ${e.message ?? String(err)}`;
}
