#!/usr/bin/env node
// Writes dist/specs/<name>.json from specs/<name>.yaml: the parsed document with
// the hash of the YAML text it came from. The server loads the JSON copy when
// the hash matches the YAML beside it, because parsing YAML is most of start-up.
// Runs after tsc (the hash is the server's own).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYaml, yamlTextHash } from '../dist/core/yaml.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'specs');
await mkdir(out, { recursive: true });
for (const file of (await readdir(path.join(root, 'specs'))).filter((f) => f.endsWith('.yaml'))) {
  const text = await readFile(path.join(root, 'specs', file), 'utf8');
  const doc = parseYaml(text, { maxAliasCount: -1 });
  // In ASCII (JSON's \u escapes for the rest): the server reads it as Latin-1.
  const json = JSON.stringify({ hash: yamlTextHash(text), doc }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  await writeFile(path.join(out, file.replace(/\.yaml$/, '.json')), json);
}
