/**
 * Loads the vendor JSON examples kept beside this file, for
 * test/vendor-examples.test.ts.
 *
 * One file per vendor reference page that we copied examples from
 * (`<vendor>:<page>`), and one per vendor for the examples gathered while
 * working out the vendor's wire behaviour from its docs, OpenAPI document,
 * SDK, backend code and captured replies (`<vendor>:reference`). Each example
 * keeps its JSON text exactly as it was written, placeholders (`"<string>"`,
 * `example_string`) and shortened values (`"…"`, `"0d3b..."`) included, so the
 * test validates what the vendor published rather than a cleaned-up copy.
 *
 * The loader only reads and normalises; the checks on the files' shape and
 * provenance are tests of their own, so that a bad file fails by name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const examplesDir = import.meta.dirname;

/** `request` and `response`: a whole body; `fragment`: part of one (a property's value, a value written in prose). */
export type ExampleKind = 'request' | 'response' | 'fragment';
export const EXAMPLE_KINDS: readonly ExampleKind[] = ['request', 'response', 'fragment'];

/** What a provenance entry points at. */
export const SOURCE_TYPES = [
  'reference page', // one of the vendor reference pages that has a file of its own here
  'docs', // another page of the vendor's documentation
  'openapi', // the vendor's published OpenAPI document
  'proto', // the vendor's published protobuf definitions
  'sdk', // a vendor SDK or client repository
  'backend', // the vendor's open-source server code
  'capture', // a live reply recorded in a vendor repository
  'framework', // the stated default of the framework the vendor's server runs on
  'third-party', // public material not published by the vendor
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export interface VendorSource {
  type: SourceType;
  /** The document: a URL, a repository path at a commit, a package version. */
  ref: string;
  /** Which part of it, or what it shows. */
  about?: string;
}

export interface Provenance {
  sources: VendorSource[];
  /** What in the example is the mock's own choice, where the vendor documents nothing. */
  decision?: string;
}

export interface Example {
  /** The `source` of the file it is in. */
  source: string;
  /** 1-based position in its file. */
  index: number;
  kind: ExampleKind;
  /** The HTTP status written beside the example where it was published. */
  status?: string;
  /** A reference page's code sample that sends the example as its request body. */
  sample?: { language: string; method: string; url: string };
  /** A reference page's response example: 0-based position among them, and its title on the page. */
  position?: number;
  label?: string;
  /** Where a reference example sits: the section, and the sentence or table row around it. */
  section?: string;
  context?: string;
  /** What the example shortens or leaves out, in the words of where it was written. */
  elided?: string;
  /** The JSON text as written (a multi-line text is stored line by line in the file). */
  text: string;
  value: unknown;
  provenance: Provenance;
  /** The example as stored, for the shape checks. */
  raw: Record<string, unknown>;
}

export interface ExampleFile {
  file: string;
  source: string;
  vendor: string;
  title: string;
  url?: string;
  about: string;
  examples: Example[];
  /** The file as stored, for the shape checks. */
  raw: Record<string, unknown>;
  /** The file's bytes, to hold it to one formatting. */
  bytes: string;
}

export function loadExampleFiles(): ExampleFile[] {
  const names = readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (!names.length) throw new Error(`no example files in ${examplesDir}`);
  return names.map((file) => {
    const bytes = readFileSync(path.join(examplesDir, file), 'utf8');
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(bytes) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`${file}: not JSON (${(err as Error).message})`, { cause: err });
    }
    const source = String(raw.source);
    const list = Array.isArray(raw.examples) ? (raw.examples as Record<string, unknown>[]) : [];
    const examples = list.map((e, i): Example => {
      const text = Array.isArray(e.text) ? (e.text as string[]).join('\n') : String(e.text);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw new Error(`${file} example ${i + 1}: its text is not JSON (${(err as Error).message})`, { cause: err });
      }
      return { ...(e as unknown as Example), source, index: i + 1, text, value, raw: e };
    });
    return {
      file,
      source,
      vendor: String(raw.vendor),
      title: String(raw.title),
      ...(typeof raw.url === 'string' ? { url: raw.url } : {}),
      about: String(raw.about),
      examples,
      raw,
      bytes,
    };
  });
}
