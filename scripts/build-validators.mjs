#!/usr/bin/env node
// Compiles, at build time, every validator the server can need, so that a start
// loads neither Ajv nor the YAML parser and no request waits for a compile:
//   dist/validators/<spec>.cjs         the index of each spec's validators: the hash of what
//                                      they were compiled from, and each one's export name
//   dist/validators/<spec>.<kind>.cjs  the validators of one kind (Ajv standalone code), loaded
//                                      on the first need of one of them, with V8's code cache
//                                      of it beside it (<spec>.<kind>.cjs.cache)
//   dist/validators/schema.cjs         the scenario file schema (and schema.strict.cjs)
//   dist/yaml-cache.json               the shipped scenario and fixture files, parsed
// Each index carries a hash of what it was compiled from; the server uses the
// modules only when the hash matches and compiles with Ajv otherwise. The code
// is written in ASCII only (other characters escaped), so that the server reads
// it as Latin-1. Runs after tsc.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { loadSpec } from '../dist/core/spec.js';
import { createAjv } from '../dist/core/ajv.js';
import {
  KINDS,
  KIND_PREFIX,
  componentSchemas,
  kindFile,
  rewriteRefs,
  schemaFileHash,
  specHash,
  validatorEntries,
  writeCodeCache,
} from '../dist/core/validation.js';
import { YAML_CACHE_FILE, parseYaml, yamlTextHash } from '../dist/core/yaml.js';

/**
 * @typedef {import('../dist/core/validation.js').Kind} Kind
 * @typedef {import('../dist/core/validation.js').ValidatorEntry} ValidatorEntry
 * @typedef {ValidatorEntry & { name: string, id: string }} NamedEntry An entry with its export name and the id its schema is registered under.
 * @typedef {(ajv: import('../dist/core/ajv.js').Ajv2020) => void} Register Adds the schemas the entries refer to.
 */

const require = createRequire(import.meta.url);
/** @type {typeof import('ajv/dist/standalone/index.js').default} */
const standaloneCode = require('ajv/dist/standalone').default;
/** @type {{ _: typeof import('ajv')._ }} */
const { _ } = require('ajv');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'validators');
// Written afresh: no module or cache of an earlier layout is left behind.
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

/**
 * Ajv standalone code for a set of entries of one kind, as a module whose load(formats) makes them, keeping its names to itself.
 * @param {Kind} kind
 * @param {NamedEntry[]} entries
 * @param {Register} register
 */
function kindCode(kind, entries, register) {
  const ajv = createAjv({ ...KINDS[kind], code: { source: true, formats: _`formats` } });
  register(ajv);
  /** @type {Record<string, string>} */
  const refs = {};
  entries.forEach(({ id, name }) => (refs[name] = id));
  const code = standaloneCode(ajv, refs);
  return `exports.load = function (formats) {\n const exports = {};\n${code}\n return exports;\n};`;
}

/** JavaScript text with every character outside ASCII written as a \\u escape (they occur only in string literals: descriptions, patterns). */
const ascii = (/** @type {string} */ text) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The index and the modules of each kind, as file → text.
 * @param {string} file The index's path.
 * @param {string} source What it is compiled from, for its header.
 * @param {string} hash
 * @param {ValidatorEntry[]} entries
 * @param {Register} register
 * @returns {Map<string, string>}
 */
function moduleTexts(file, source, hash, entries, register) {
  const header = ['"use strict";', `// Compiled by scripts/build-validators.mjs from ${source}; made again by \`npm run build\`.`];
  /** @type {Record<string, string>} */
  const keys = {};
  /** @type {Partial<Record<Kind, NamedEntry[]>>} */
  const byKind = {};
  entries.forEach((e, i) => {
    const name = `${KIND_PREFIX[e.kind]}${i}`;
    keys[e.key] = name;
    (byKind[e.kind] ??= []).push({ ...e, name, id: `https://collections-mock.local/entries/${name}.json` });
  });
  const texts = new Map([[file, [...header, `exports.hash = ${JSON.stringify(hash)};`, `exports.keys = ${JSON.stringify(keys)};`, ''].join('\n')]]);
  for (const [kind, list] of /** @type {[Kind, NamedEntry[]][]} */ (Object.entries(byKind))) {
    /** @type {Register} */
    const registerAll = (ajv) => {
      register(ajv);
      for (const e of list) ajv.addSchema(typeof e.schema === 'boolean' ? { $id: e.id, allOf: [e.schema] } : { ...e.schema, $id: e.id });
    };
    texts.set(kindFile(file, kind), [...header, kindCode(kind, list, registerAll), ''].join('\n'));
  }
  return texts;
}

let files = 0;
let bytes = 0;
/**
 * @param {string} file
 * @param {string} text
 */
const write = async (file, text) => {
  await writeFile(file, text);
  files++;
  bytes += Buffer.byteLength(text);
};

/** Writes a spec's (or the schema's) index and kind modules, with the code cache of each kind's. */
const writeModules = async (/** @type {Map<string, string>} */ texts) => {
  const [index] = texts.keys();
  for (const [file, text] of texts) {
    await write(file, ascii(text));
    if (file !== index) writeCodeCache(file);
  }
};

for (const file of (await readdir(path.join(root, 'specs'))).filter((f) => f.endsWith('.yaml')).sort()) {
  const name = path.basename(file, '.yaml');
  const spec = loadSpec(path.join(root, 'specs', file), name);
  const base = `https://collections-mock.local/specs/${name}.json`;
  const entries = validatorEntries(spec).map((e) => ({ ...e, schema: typeof e.schema === 'boolean' ? e.schema : rewriteRefs(e.schema, base) }));
  const components = componentSchemas(spec, base);
  const index = path.join(out, `${name}.cjs`);
  await writeModules(moduleTexts(index, `specs/${file}`, specHash(spec), entries, (ajv) => ajv.addSchema(components)));
}

const schemaFile = path.join(root, 'scenarios', 'schema.json');
const schemaText = await readFile(schemaFile, 'utf8');
await writeModules(
  moduleTexts(
    path.join(out, 'schema.cjs'),
    'scenarios/schema.json',
    schemaFileHash(schemaText),
    [{ key: 'schema', kind: 'strict', schema: JSON.parse(schemaText) }],
    () => {},
  ),
);

// The shipped YAML files, parsed; only those whose data survives JSON unchanged.
/** @type {Record<string, string>} */
const cache = {};
/** @param {string} dir */
async function cacheYaml(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await cacheYaml(full);
    else if (/\.ya?ml$/i.test(entry.name)) {
      const text = await readFile(full, 'utf8');
      let doc;
      try {
        doc = parseYaml(text);
      } catch {
        continue; // The server reports a file it cannot parse, with the parser's words.
      }
      const json = JSON.stringify(doc);
      if (json !== undefined && isDeepStrictEqual(JSON.parse(json), doc)) cache[yamlTextHash(text)] = json;
    }
  }
}
await cacheYaml(path.join(root, 'scenarios'));
await cacheYaml(path.join(root, 'fixtures'));
await write(YAML_CACHE_FILE, JSON.stringify(cache));
if (process.env.BUILD_VERBOSE)
  console.log(`build-validators: ${files} files, ${(bytes / 1024).toFixed(0)} KiB, ${Object.keys(cache).length} YAML files cached`);
