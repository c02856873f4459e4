/**
 * Pulls the JSON examples out of the user's seed documents (shared/seeds/*.txt)
 * and the vendor notes (shared/vendors/*.md), for test/vendor-examples.test.ts.
 *
 * The extractor knows only text shapes, never vendors: it reports every JSON
 * value it finds with where it sits (file, line, the heading above it, the
 * line it is on), and the test's mapping table says what each one is.
 *
 * Seeds (rendered API reference pages, copied as text):
 * - request bodies in the code samples: curl `-d '…'` / `--data '…'`, Python
 *   `data = {…}` sent with `json=data`, `JSON.stringify({…})`, Go
 *   `[]byte(\`…\`)`, Ruby `request.body = '…'`; each carries the method and URL
 *   of its own sample;
 * - response blocks: JSON values that start at column 0 outside the code samples.
 * Vendor notes (markdown):
 * - ```json fences: one JSON value, or one value per line, a line optionally
 *   led by an HTTP status ("400 {…}");
 * - inline code spans holding a JSON object or array (again optionally led by a
 *   status), in tables and prose alike.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');

/**
 * shared/ sits beside the repository clone (as for the fidelity tests'
 * shared/vendor-specs), or SHARED_DIR names it. Missing material is a failure
 * with a clear message, never a skip.
 */
export const sharedDir = process.env.SHARED_DIR ? path.resolve(process.env.SHARED_DIR) : path.resolve(repoRoot, '..', 'shared');

export function readShared(relative: string): string {
  const file = path.join(sharedDir, relative);
  if (!existsSync(file)) {
    throw new Error(
      `vendor example source not found at ${file}. ` +
        `Expected shared/${relative} beside the repository clone, or set SHARED_DIR to the folder that holds seeds/ and vendors/.`,
    );
  }
  return readFileSync(file, 'utf8');
}

/** The seed file whose name starts with `prefix` (e.g. `000_`); the hash part of the name is not pinned. */
export function seedFile(prefix: string): string {
  const dir = path.join(sharedDir, 'seeds');
  if (!existsSync(dir)) {
    throw new Error(`seed folder not found at ${dir}. Expected shared/seeds/ beside the repository clone, or set SHARED_DIR.`);
  }
  const hits = readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (hits.length !== 1) throw new Error(`expected exactly one seed ${prefix}*.txt in ${dir}, found ${hits.length}: ${hits.join(', ')}`);
  return `seeds/${hits[0]}`;
}

export type ExampleKind =
  | 'curl-data'
  | 'python-json'
  | 'fetch-body'
  | 'go-bytes'
  | 'ruby-body'
  | 'response-block'
  | 'fence'
  | 'inline';

export interface Example {
  /** Relative to shared/, e.g. `vendors/xai.md`. */
  source: string;
  kind: ExampleKind;
  /** 1-based line of the first character of the JSON text. */
  line: number;
  /** The JSON text as written (status prefix removed). */
  text: string;
  value: unknown;
  /** A leading HTTP status written next to the value in the note (`400 {…}`). */
  status?: string;
  /** The whole source line the value starts on (for mapping by context). */
  lineText: string;
  /** Nearest markdown heading above (notes only). */
  heading: string;
  /** For seed request bodies: the method and URL of the code sample. */
  method?: string;
  url?: string;
  /** Ordinal among the seed's response blocks (0-based). */
  ordinal?: number;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
const lineTextAt = (text: string, index: number) => {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end);
};

/** The end (exclusive) of the balanced JSON-ish value opening at `start` ({ or [), respecting strings. */
function balancedEnd(text: string, start: number): number {
  const open = text[start];
  if (open !== '{' && open !== '[') throw new Error(`no JSON value at offset ${start}`);
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`unbalanced JSON value starting at line ${lineOf(text, start)}`);
}

function parseJson(raw: string, where: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new Error(`${where}: not valid JSON (${(err as Error).message}):\n${raw.slice(0, 300)}`);
  }
}

/** Python literals of a `data = {…}` dict, when they are JSON-compatible apart from True/False/None. */
function pythonToJson(raw: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += raw[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    const word = /^(True|False|None)\b/.exec(raw.slice(i));
    if (word) {
      out += { True: 'true', False: 'false', None: 'null' }[word[1] as 'True' | 'False' | 'None'];
      i += word[1]!.length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

interface Span {
  start: number;
  end: number;
}

/**
 * A seed document: request bodies of the code samples, then the response
 * blocks (top-level JSON outside every code sample).
 */
export function extractSeed(source: string, text: string): Example[] {
  const out: Example[] = [];
  const consumed: Span[] = [];
  const add = (kind: ExampleKind, start: number, raw: string, extra: Partial<Example> = {}) => {
    out.push({
      source,
      kind,
      line: lineOf(text, start),
      text: raw,
      value: parseJson(kind === 'python-json' ? pythonToJson(raw) : raw, `${source}:${lineOf(text, start)} (${kind})`),
      lineText: lineTextAt(text, start),
      heading: '',
      ...extra,
    });
  };
  const lastBefore = (index: number, re: RegExp): RegExpExecArray | undefined => {
    let hit: RegExpExecArray | undefined;
    for (const m of text.slice(0, index).matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))) hit = m as RegExpExecArray;
    return hit;
  };

  // curl: the method from -X/--request, the URL from the quoted argument or --url.
  for (const m of text.matchAll(/(?:^|\s)(?:-d|--data(?:-raw|-binary)?)\s+'/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf("'", start);
    const curl = lastBefore(m.index!, /curl\s/);
    const sample = text.slice(curl?.index ?? 0, m.index!);
    const method = /(?:-X|--request)\s+([A-Z]+)/.exec(sample)?.[1] ?? 'POST';
    const url = /--url\s+(\S+)/.exec(sample)?.[1] ?? /curl\s+(?:-X\s+[A-Z]+\s+)?"([^"]+)"/.exec(sample)?.[1];
    add('curl-data', start, text.slice(start, end), { method, ...(url ? { url } : {}) });
    consumed.push({ start: curl?.index ?? m.index!, end });
  }
  // Python requests: `data = {…}` … `requests.<method>(url, …, json=data)`.
  for (const m of text.matchAll(/^data = (?=\{)/gm)) {
    const start = m.index! + m[0].length;
    const end = balancedEnd(text, start);
    const call = /requests\.(\w+)\(\s*url[^)]*\bjson=data\b/.exec(text.slice(end));
    if (!call) continue; // not a JSON body
    const url = lastBefore(m.index!, /^url = "([^"]+)"/m)?.[1];
    add('python-json', start, text.slice(start, end), { method: call[1]!.toUpperCase(), ...(url ? { url } : {}) });
    consumed.push({ start, end });
  }
  // fetch: `fetch("URL", { method: "X", … body: JSON.stringify({…}) })`.
  for (const m of text.matchAll(/JSON\.stringify\((?=[{[])/g)) {
    const start = m.index! + m[0].length;
    const end = balancedEnd(text, start);
    const fetch = lastBefore(m.index!, /fetch\("([^"]+)"/);
    const method = /method:\s*"([A-Z]+)"/.exec(text.slice(fetch?.index ?? 0, m.index!))?.[1];
    add('fetch-body', start, text.slice(start, end), { ...(method ? { method } : {}), ...(fetch ? { url: fetch[1]! } : {}) });
    consumed.push({ start, end });
  }
  // Go: ``data := []byte(`…`)`` … `http.NewRequest("X", "URL", …)`.
  for (const m of text.matchAll(/\[\]byte\(`/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('`', start);
    const req = /http\.NewRequest\("([A-Z]+)",\s*"([^"]+)"/.exec(text.slice(end));
    add('go-bytes', start, text.slice(start, end), req ? { method: req[1]!, url: req[2]! } : {});
    consumed.push({ start, end });
  }
  // Ruby net/http: `request.body = '…'` after `Net::HTTP::<Method>.new(uri)` and `uri = URI('…')`.
  for (const m of text.matchAll(/request\.body = '/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf("'", start);
    const verb = lastBefore(m.index!, /Net::HTTP::(\w+)\.new/)?.[1];
    const url = lastBefore(m.index!, /URI\('([^']+)'\)/)?.[1];
    add('ruby-body', start, text.slice(start, end), { ...(verb ? { method: verb.toUpperCase() } : {}), ...(url ? { url } : {}) });
    consumed.push({ start, end });
  }
  // Response blocks: a `{` or `[` at column 0 outside every code sample body.
  let ordinal = 0;
  for (const m of text.matchAll(/^[{[]/gm)) {
    const start = m.index!;
    if (consumed.some((s) => start >= s.start && start < s.end)) continue;
    const end = balancedEnd(text, start);
    add('response-block', start, text.slice(start, end), { ordinal: ordinal++ });
    consumed.push({ start, end });
  }
  return out.sort((a, b) => a.line - b.line);
}

const STATUS_PREFIX = /^(\d{3})\s+(?=[{[])/;

/** A vendor note: ```json fences and inline code spans that hold JSON objects or arrays. */
export function extractNote(source: string, text: string): Example[] {
  const out: Example[] = [];
  const headings: { line: number; title: string }[] = [];
  text.split('\n').forEach((l, i) => {
    const h = /^#{1,6}\s+(.*)$/.exec(l);
    if (h) headings.push({ line: i + 1, title: h[1]!.trim() });
  });
  const headingAt = (line: number) => headings.filter((h) => h.line < line).at(-1)?.title ?? '';

  // Fences: collect json ones, and blank every fence so inline spans never see their text.
  let masked = '';
  let last = 0;
  for (const m of text.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```[^\n]*$/gm)) {
    const bodyStart = m.index! + m[0].indexOf('\n') + 1;
    if (m[1] === 'json') {
      const body = m[2]!;
      const where = `${source}:${lineOf(text, bodyStart)} (json fence)`;
      let whole: unknown;
      let parsed = false;
      try {
        whole = JSON.parse(body);
        parsed = true;
      } catch {
        /* one value per line */
      }
      const values: { offset: number; raw: string; status?: string }[] = [];
      if (parsed) values.push({ offset: body.search(/\S/), raw: body.trim() });
      else {
        let offset = 0;
        for (const l of body.split('\n')) {
          const lead = l.search(/\S/);
          if (lead >= 0) {
            const s = STATUS_PREFIX.exec(l.slice(lead));
            values.push({ offset: offset + lead + (s ? s[0].length : 0), raw: l.slice(lead + (s ? s[0].length : 0)).trim(), ...(s ? { status: s[1]! } : {}) });
          }
          offset += l.length + 1;
        }
      }
      for (const v of values) {
        const at = bodyStart + v.offset;
        out.push({
          source,
          kind: 'fence',
          line: lineOf(text, at),
          text: v.raw,
          value: parsed ? whole : parseJson(v.raw, where),
          ...(v.status ? { status: v.status } : {}),
          lineText: lineTextAt(text, at),
          heading: headingAt(lineOf(text, at)),
        });
      }
    }
    masked += text.slice(last, m.index!) + m[0].replace(/[^\n]/g, ' ');
    last = m.index! + m[0].length;
  }
  masked += text.slice(last);

  // Inline code spans (may wrap lines); a span whose text is not JSON is prose, not an example.
  for (const m of masked.matchAll(/`([^`]+)`/g)) {
    const s = STATUS_PREFIX.exec(m[1]!);
    const raw = s ? m[1]!.slice(s[0].length) : m[1]!;
    if (!/^[{[]/.test(raw)) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      continue; // schema shorthand such as `{name, parentId?}` or `Source[]`
    }
    const at = m.index! + 1 + (s ? s[0].length : 0);
    out.push({
      source,
      kind: 'inline',
      line: lineOf(text, at),
      text: raw,
      value,
      ...(s ? { status: s[1]! } : {}),
      lineText: lineTextAt(text, at),
      heading: headingAt(lineOf(text, at)),
    });
  }
  return out.sort((a, b) => a.line - b.line);
}
