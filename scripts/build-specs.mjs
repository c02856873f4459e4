#!/usr/bin/env node
// Writes dist/specs/<name>.json from specs/<name>.yaml: the server loads the JSON
// copy when it is at least as new as the YAML, because parsing YAML is most of start-up.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'specs');
await mkdir(out, { recursive: true });
for (const file of (await readdir(path.join(root, 'specs'))).filter((f) => f.endsWith('.yaml'))) {
  const doc = parse(await readFile(path.join(root, 'specs', file), 'utf8'), { maxAliasCount: -1 });
  await writeFile(path.join(out, file.replace(/\.yaml$/, '.json')), JSON.stringify(doc));
}
