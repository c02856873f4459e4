#!/usr/bin/env node
// Generates src/generated/<provider>.ts from specs/<provider>.yaml with openapi-typescript.
// `--check` regenerates in memory and fails when the committed output differs.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const specsDir = path.join(root, 'specs');
const outDir = path.join(root, 'src', 'generated');
const check = process.argv.includes('--check');

const specs = (await readdir(specsDir)).filter((f) => f.endsWith('.yaml')).sort();
let drift = 0;
await mkdir(outDir, { recursive: true });
for (const file of specs) {
  const name = file.replace(/\.yaml$/, '');
  const ast = await openapiTS(pathToFileURL(path.join(specsDir, file)), {
    alphabetize: false,
    exportType: false,
    rootTypes: false,
  });
  const header = `// Generated from specs/${file} by scripts/gen.mjs (openapi-typescript). Do not edit: run \`npm run gen\`.\n\n`;
  const text = header + astToString(ast);
  const target = path.join(outDir, `${name}.ts`);
  if (check) {
    const current = await readFile(target, 'utf8').catch(() => null);
    if (current !== text) {
      drift++;
      console.error(`src/generated/${name}.ts is out of date with specs/${file}: run \`npm run gen\``);
    }
  } else {
    await writeFile(target, text);
    console.log(`specs/${file} -> src/generated/${name}.ts`);
  }
}
if (check) {
  const generated = (await readdir(outDir).catch(() => [])).filter((f) => f.endsWith('.ts'));
  for (const f of generated) {
    if (!specs.includes(f.replace(/\.ts$/, '.yaml'))) {
      drift++;
      console.error(`src/generated/${f} has no spec in specs/: delete it or run \`npm run gen\``);
    }
  }
  if (drift) process.exit(1);
  console.log(`generated types match ${specs.length} spec(s)`);
}
