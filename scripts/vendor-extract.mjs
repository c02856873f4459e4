#!/usr/bin/env node
// Extracts from a vendor's published OpenAPI document only the facts the fidelity tests
// need, into vendor/<vendor>/contract.json, so the tests run from a fresh clone without
// the vendor's whole document (which is not ours to copy into this repository):
//
//   - provenance: where and when the document was published, its version, the sha256
//     of the file read, when the facts were extracted and by what;
//   - index: every operation the document publishes (method, path, operationId only);
//   - operations: for each operation our spec (specs/<vendor>.yaml) serves that the
//     vendor also publishes, its parameters, request body schemas and responses
//     (status → content schema), as published;
//   - components: the components those operations reference, transitively; no others.
//
//   npm run vendor:extract -- --vendor airweave --from <the vendor's openapi.json>
//
// Options:
//   --vendor NAME       which vendor: reads specs/NAME.yaml, writes vendor/NAME/contract.json
//   --from FILE         the vendor's OpenAPI document (JSON), as downloaded
//   --source-url URL    where the document was published (a permalink if there is one)
//   --repository URL    the repository that publishes it, if any
//   --commit SHA        the commit of that repository the file was taken from
//   --published DATE    YYYY-MM-DD the document was published (commit date, or retrieval date)
//   --note TEXT         anything else a reader should know about where the file came from
//   --extracted DATE    YYYY-MM-DD to stamp as the extraction date (default: today, see below)
//   --check             write nothing; exit 1 when the committed file differs from a fresh extraction
//
// Provenance: the flags win. Without them, the document's sha256 is looked up in
// KNOWN_SOURCES below, which records where the documents extracted so far were published
// (each entry was confirmed by finding the same bytes, by git blob id, in the vendor's
// repository history). A document with another sha256 needs at least --source-url and
// --published: provenance is never guessed.
//
// The output is deterministic: object keys sorted at every level (their order carries no
// meaning in OpenAPI or JSON Schema), arrays in published order except the index (sorted by
// path, then method), two-space JSON. The extraction date is the one thing that would change
// from run to run, so when everything else is unchanged the file keeps its previous date:
// re-running on the same document gives a byte-identical file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The exports' types are declared in vendor-extract.d.mts (for the tests); the code below is checked against them.
 * @typedef {typeof import('./vendor-extract.d.mts')} Declared
 * @typedef {import('./vendor-extract.d.mts').Json} Json
 * @typedef {import('./vendor-extract.d.mts').ContractOperation} ContractOperation
 * @typedef {ReturnType<Declared['operationsOf']>[number]} PublishedOperation
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCRIPT = 'scripts/vendor-extract.mjs';
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export const ABOUT =
  "Facts extracted from the vendor's published OpenAPI document (see provenance) by scripts/vendor-extract.mjs, " +
  "for the fidelity tests only: the reference the mock's replies are checked against, never our own spec. " +
  'Do not edit by hand; re-extract (vendor/README.md).';

/**
 * Where the documents extracted so far were published, keyed by the sha256 of the file.
 * Each was confirmed by `git log --find-object=<git_blob>` in the publishing repository.
 */
/** @type {Declared['KNOWN_SOURCES']} */
export const KNOWN_SOURCES = {
  // Airweave's Fern definition, from which docs.airweave.ai's API reference and the SDKs are generated.
  // The file last changed in this commit; it was still the same file at the repository's HEAD of 2026-04-23 (32cfea0cd).
  bf410c28c0c64240dbd69988f6bee2929f98ba83d3c4f758fe19de21c6d9c397: {
    source_url: 'https://github.com/airweave-ai/airweave/blob/9740750ab6b449bf3a69d6e03f1240d4d4f88661/fern/definition/openapi.json',
    repository: 'https://github.com/airweave-ai/airweave',
    commit: '9740750ab6b449bf3a69d6e03f1240d4d4f88661',
    published: '2026-03-21',
    note: 'fern/definition/openapi.json, the source of the API reference on docs.airweave.ai; unchanged at the repository HEAD of 2026-04-23 (32cfea0cd).',
  },
  // Mixpeek's docs repository, from which docs.mixpeek.com's API reference is built.
  eed0e865717dd9abc9a0136734bd132da1e07d653430646ef443b970dad91012: {
    source_url: 'https://github.com/mixpeek/docs/blob/2d105b765ca2f42eff1de67fa8e2b4bb086fe4bc/api-reference/openapi.json',
    repository: 'https://github.com/mixpeek/docs',
    commit: '2d105b765ca2f42eff1de67fa8e2b4bb086fe4bc',
    published: '2026-02-16',
    note: 'api-reference/openapi.json, the source of the API reference on docs.mixpeek.com.',
  },
};

// ------------------------------------------------------------------ pure functions

/**
 * A path template with parameter names erased and no trailing slash: how a router sees it.
 * @type {Declared['shape']}
 */
export const shape = (template) => template.replace(/\{[^}]+\}/g, '{}').replace(/(.)\/$/, '$1');

/**
 * @param {string} a
 * @param {string} b
 */
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The same value with every object's keys sorted; arrays keep their order.
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function canonical(value) {
  if (Array.isArray(value)) return /** @type {T} */ (value.map(canonical));
  if (value === null || typeof value !== 'object') return value;
  /** @type {Json} */
  const out = {};
  for (const k of Object.keys(value).sort(compare)) out[k] = canonical(/** @type {Json} */ (value)[k]);
  return out;
}

/**
 * Every operation of an OpenAPI `paths` object: method (upper case), path, operationId.
 * @type {Declared['operationsOf']}
 */
export function operationsOf(paths) {
  const ops = [];
  for (const [p, item] of Object.entries(paths ?? {})) {
    for (const m of METHODS) {
      const op = item?.[m];
      if (op) ops.push({ method: m.toUpperCase(), path: p, operationId: op.operationId ?? null, op, item });
    }
  }
  return ops;
}

/** @param {{ method: string, path: string }} o */
const operationKey = (o) => `${o.method} ${o.path}`;
/**
 * @param {{ method: string, path: string }} a
 * @param {{ method: string, path: string }} b
 */
const byPathThenMethod = (a, b) => compare(a.path, b.path) || METHODS.indexOf(a.method.toLowerCase()) - METHODS.indexOf(b.method.toLowerCase());

/**
 * Every `$ref` string under a node.
 * @type {Declared['refsIn']}
 */
export function refsIn(node, out = []) {
  if (Array.isArray(node)) for (const n of node) refsIn(n, out);
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

/**
 * `#/components/<kind>/<name>` → [kind, name]; anything else is not supported (and not used by the vendors).
 * @type {Declared['componentOf']}
 */
export function componentOf(ref) {
  const m = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
  if (!m) return undefined;
  /** @param {string | undefined} s */
  const unescape = (s = '') => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~');
  return [unescape(m[1]), unescape(m[2])];
}

/**
 * Keeps of a content map only each media type's schema (examples are not facts the tests use).
 * @param {Json} content
 * @returns {Record<string, Json>}
 */
function schemasOfContent(content) {
  /** @type {Record<string, Json>} */
  const out = {};
  for (const [mediaType, media] of Object.entries(content ?? {})) out[mediaType] = media && 'schema' in media ? { schema: media.schema } : {};
  return out;
}

/**
 * Path-item parameters, overridden by the operation's own of the same name and location (OpenAPI rule).
 * @param {Json} item
 * @param {Json} op
 * @returns {Json[]}
 */
function parametersOf(item, op) {
  /** @type {Json[]} */
  const own = op.parameters ?? [];
  /** @param {Json} p */
  const key = (p) => (p && p.$ref ? p.$ref : `${p?.in} ${p?.name}`);
  const inherited = /** @type {Json[]} */ (item.parameters ?? []).filter((p) => !own.some((o) => key(o) === key(p)));
  return [...inherited, ...own];
}

/**
 * @param {PublishedOperation} o
 * @returns {ContractOperation}
 */
function entryOf(o) {
  /** @type {Omit<ContractOperation, 'responses'>} */
  const entry = { operationId: o.operationId, method: o.method, path: o.path };
  const parameters = parametersOf(o.item, o.op);
  if (parameters.length) entry.parameters = parameters;
  if (o.op.requestBody) {
    const rb = o.op.requestBody;
    entry.requestBody = rb.$ref
      ? { $ref: rb.$ref }
      : { ...(rb.required !== undefined ? { required: rb.required } : {}), content: schemasOfContent(rb.content) };
  }
  /** @type {Record<string, Json>} */
  const responses = {};
  for (const [status, r] of Object.entries(/** @type {Record<string, Json>} */ (o.op.responses ?? {}))) {
    responses[status] = r?.$ref ? { $ref: r.$ref } : r?.content ? { content: schemasOfContent(r.content) } : {};
  }
  return { ...entry, responses };
}

/**
 * The contract: pure, from the parsed vendor document, our parsed spec and the provenance
 * to stamp. Keeps only the operations we serve and the components they reach.
 * @type {Declared['extract']}
 */
export function extract(vendorDoc, ourSpec, provenance) {
  if (!vendorDoc || typeof vendorDoc !== 'object' || !vendorDoc.paths) throw new Error('the vendor document has no `paths`: not an OpenAPI document');
  const published = operationsOf(vendorDoc.paths).sort(byPathThenMethod);
  const ours = new Set(operationsOf(ourSpec?.paths).map((o) => `${o.method} ${shape(o.path)}`));
  const served = published.filter((o) => ours.has(`${o.method} ${shape(o.path)}`));

  /** @type {Record<string, ContractOperation>} */
  const operations = {};
  for (const o of served) operations[operationKey(o)] = entryOf(o);

  // Components reached from the served operations, transitively.
  /** @type {Record<string, Record<string, Json>>} */
  const components = {};
  const pending = refsIn(Object.values(operations));
  const seen = new Set();
  while (pending.length) {
    const ref = /** @type {string} */ (pending.pop());
    if (seen.has(ref)) continue;
    seen.add(ref);
    const at = componentOf(ref);
    if (!at) throw new Error(`unsupported $ref ${JSON.stringify(ref)}: only #/components/<kind>/<name> is extracted`);
    const [kind, name] = at;
    const value = vendorDoc.components?.[kind]?.[name];
    if (value === undefined) throw new Error(`the vendor document's ${ref} does not resolve`);
    (components[kind] ??= {})[name] = value;
    pending.push(...refsIn(value));
  }

  return {
    about: ABOUT,
    provenance: canonical({
      ...provenance,
      title: vendorDoc.info?.title ?? null,
      openapi: vendorDoc.openapi ?? null,
      version: vendorDoc.info?.version ?? null,
      paths_published: Object.keys(vendorDoc.paths).length,
      operations_published: published.length,
    }),
    index: published.map((o) => ({ method: o.method, path: o.path, operationId: o.operationId })),
    operations: canonical(operations),
    components: canonical(components),
  };
}

/**
 * The file's text: fixed top-level order, everything below it canonical, two-space JSON.
 * @type {Declared['serialize']}
 */
export function serialize(contract) {
  const { about, provenance, index, operations, components } = contract;
  return `${JSON.stringify({ about, provenance: canonical(provenance), index: canonical(index), operations: canonical(operations), components: canonical(components) }, null, 2)}\n`;
}

/** @type {Declared['sha256']} */
export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
/**
 * The id git gives the same bytes: lets anyone find the file in the publishing repository's history.
 * @type {Declared['gitBlobId']}
 */
export const gitBlobId = (bytes) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

// ------------------------------------------------------------------ command line

/**
 * @typedef {object} Args
 * @property {boolean} [check]
 * @property {string} [vendor]
 * @property {string} [from]
 * @property {string} [sourceUrl]
 * @property {string} [repository]
 * @property {string} [commit]
 * @property {string} [published]
 * @property {string} [note]
 * @property {string} [extracted]
 */

/**
 * `--name value` and `--name=value` as `{ name: value }` (camel case); `--check` as `{ check: true }`.
 * @param {string[]} argv
 * @returns {Args}
 */
function parseArgs(argv) {
  /** @type {Record<string, string | boolean>} */
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = /** @type {string} */ (argv[i]);
    if (a === '--check') args.check = true;
    else if (a.startsWith('--')) {
      const [k = '', inline] = a.slice(2).split(/=(.*)/s);
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      args[k.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = v;
    } else throw new Error(`unexpected argument ${a}`);
  }
  return /** @type {Args} */ (args);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.vendor || !args.from)
    throw new Error('usage: npm run vendor:extract -- --vendor NAME --from FILE [--source-url URL --published YYYY-MM-DD ...] [--check]');
  if (!/^[a-z0-9-]+$/.test(args.vendor)) throw new Error(`--vendor ${args.vendor}: expected a name like airweave`);
  const specFile = path.join(ROOT, 'specs', `${args.vendor}.yaml`);
  if (!existsSync(specFile)) throw new Error(`no spec for ${args.vendor}: ${specFile} does not exist`);
  const outFile = path.join(ROOT, 'vendor', args.vendor, 'contract.json');

  const bytes = readFileSync(args.from);
  const vendorDoc = JSON.parse(bytes.toString('utf8'));
  const { parse } = await import('yaml');
  const ourSpec = parse(readFileSync(specFile, 'utf8'), { maxAliasCount: -1 });

  const digest = sha256(bytes);
  const known = KNOWN_SOURCES[digest];
  const flags = Object.fromEntries(
    [
      ['source_url', args.sourceUrl],
      ['repository', args.repository],
      ['commit', args.commit],
      ['published', args.published],
      ['note', args.note],
    ].filter(([, v]) => v !== undefined),
  );
  const source = { ...(known ?? {}), ...flags };
  if (!source.source_url || !source.published) {
    throw new Error(`the document's sha256 ${digest} is not in KNOWN_SOURCES: say where it was published with --source-url URL and --published YYYY-MM-DD`);
  }
  if (!DATE.test(source.published)) throw new Error(`--published ${source.published}: expected YYYY-MM-DD`);
  if (args.extracted !== undefined && !DATE.test(args.extracted)) throw new Error(`--extracted ${args.extracted}: expected YYYY-MM-DD`);
  const from = known && Object.keys(flags).length === 0 ? 'KNOWN_SOURCES (sha256 match)' : known ? 'KNOWN_SOURCES, overridden by flags' : 'flags';

  const previous = existsSync(outFile) ? readFileSync(outFile, 'utf8') : undefined;
  let previousDate;
  try {
    previousDate = previous ? JSON.parse(previous).provenance?.extracted : undefined;
  } catch {
    previousDate = undefined;
  }
  const today = new Date().toISOString().slice(0, 10);
  /** @param {string} extracted */
  const make = (extracted) =>
    serialize(extract(vendorDoc, ourSpec, { ...source, sha256: digest, git_blob: gitBlobId(bytes), extracted, extracted_by: SCRIPT }));
  let text = make(args.extracted ?? previousDate ?? today);
  if (!args.extracted && text !== previous) text = make(today);

  const rel = path.relative(ROOT, outFile);
  if (args.check) {
    if (text !== previous) {
      process.stderr.write(`${rel} is out of date: run npm run vendor:extract -- --vendor ${args.vendor} --from <document>\n`);
      process.exitCode = 1;
    } else process.stdout.write(`${rel} is up to date\n`);
    return;
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  if (text === previous) {
    process.stdout.write(`${rel}: unchanged (provenance from ${from})\n`);
    return;
  }
  writeFileSync(outFile, text);
  const c = JSON.parse(text);
  /** @param {Record<string, Record<string, unknown>>} o */
  const count = (o) => Object.values(o).reduce((n, kind) => n + Object.keys(kind).length, 0);
  process.stdout.write(
    `${rel}: ${c.index.length} operations published, ${Object.keys(c.operations).length} served by specs/${args.vendor}.yaml, ` +
      `${count(c.components)} components, ${Buffer.byteLength(text)} bytes (provenance from ${from})\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    process.stderr.write(`vendor-extract: ${err.message}\n`);
    process.exit(1);
  });
}
