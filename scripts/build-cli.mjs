#!/usr/bin/env node
// Bundles the command line (src/cli.ts, what it imports, and the packages it
// imports) into one script, dist/cli-main.cjs, and its entry point
// (src/cli-start.ts) into dist/cli.js, over tsc's copy; with --code-cache (the
// build's last step), starts the server through it once and writes V8's code
// cache of the script beside it (dist/cli-main.cjs.cache), which the entry point
// compiles it with. A start then reads three files instead of the hundred-odd
// modules of dist/ and of the packages, and compiles little of them. Packages
// the code loads only when needed (by import(), or by require() on first use)
// stay outside, loaded from node_modules then. The notices of the packages
// bundled are written to dist/cli-main.licenses.md. The library
// (dist/server.js and the other entry points) stays tsc's output. Runs after tsc.
import { spawn } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { parseAst } from 'rolldown/parseAst';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const main = path.join(dist, 'cli-main.cjs');
const cache = `${main}.cache`;
const CODE_CACHE_OUT = 'COLLECTIONS_MOCK_WRITE_CODE_CACHE';

const BUILTINS = new Set(builtinModules);
/** @param {string} id */
const isBuiltin = (id) => id.startsWith('node:') || BUILTINS.has(id);
/** @param {string} id */
const isPackage = (id) => !id.startsWith('.') && !path.isAbsolute(id) && !isBuiltin(id);

/**
 * A package imported with import() is loaded when it is first needed (a PDF
 * reader, a tokenizer's tables…), from node_modules: not bundled.
 * @type {import('rolldown').Plugin}
 */
const dynamicPackagesOutside = {
  name: 'collections-mock-dynamic-packages',
  resolveDynamicImport(source) {
    return typeof source === 'string' && isPackage(source) ? { id: source, external: true } : null;
  },
};

/**
 * The starts of the import() expressions in a program.
 * @param {unknown} node
 * @param {number[]} found
 */
function importExpressions(node, found = []) {
  if (Array.isArray(node)) node.forEach((n) => importExpressions(n, found));
  else if (node && typeof node === 'object') {
    const n = /** @type {{ type?: unknown, start?: number }} */ (node);
    if (n.type === 'ImportExpression' && typeof n.start === 'number') found.push(n.start);
    for (const value of Object.values(node)) if (value && typeof value === 'object') importExpressions(value, found);
  }
  return found;
}

/**
 * The script runs inside a function the entry point makes (see src/core/script.ts):
 * no hashbang, and each import() is a call of the `importModule` it is given.
 * @type {import('rolldown').Plugin}
 */
const asScript = {
  name: 'collections-mock-script',
  renderChunk(code) {
    let text = code.replace(/^#!.*\n/, '');
    const starts = importExpressions(parseAst(text)).sort((a, b) => b - a);
    for (const start of starts) {
      if (text.slice(start, start + 6) !== 'import') throw new Error(`build-cli: no import() at ${start}: ${text.slice(start, start + 40)}`);
      text = `${text.slice(0, start)}importModule${text.slice(start + 6)}`;
    }
    if (importExpressions(parseAst(text)).length) throw new Error('build-cli: an import() is left in the script');
    return text;
  },
};

/**
 * The packages whose code is in the bundle (by the modules' paths), each with its license
 * and the notices its package holds, as Markdown.
 * @param {string[]} moduleIds
 */
async function licenses(moduleIds) {
  /** @type {Set<string>} */
  const dirs = new Set();
  for (const id of moduleIds) {
    const dir = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id)?.[1];
    if (dir) dirs.add(dir);
  }
  const sections = [];
  for (const dir of [...dirs].sort()) {
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    const files = (await readdir(dir)).filter((f) => /^(licen[cs]e|notice|copying)/i.test(f)).sort();
    const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
    sections.push(
      [`## ${pkg.name} ${pkg.version}`, '', `License: ${pkg.license ?? 'not stated'}`, '', ...texts.map((t) => ['```', t.trim(), '```', ''].join('\n'))].join(
        '\n',
      ),
    );
  }
  return [
    '# Packages bundled into dist/cli-main.cjs',
    '',
    'The command is bundled with the code of these packages (scripts/build-cli.mjs); their licenses and notices follow.',
    '',
    ...sections,
  ].join('\n');
}

/** Starts the server through the entry point, waits until it is ready, stops it: the entry point writes the code cache on exit. */
async function writeCodeCache() {
  await rm(cache, { force: true });
  const child = spawn(process.execPath, [path.join(dist, 'cli.js'), 'serve', '--port', '0', '--quiet'], {
    cwd: root,
    env: { ...process.env, [CODE_CACHE_OUT]: cache },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      output += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]);
    });
    void exited.then((code) => reject(new Error(`build-cli: the server exited (${code}) before it listened:\n${output}`)));
  });
  // It says it listens once its data is loaded: one request of a client, then the stop.
  await fetch(`${url}/__mock/health`);
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0 || !existsSync(cache)) throw new Error(`build-cli: no code cache written (exit code ${code}):\n${output}`);
}

if (process.argv.includes('--code-cache')) {
  await writeCodeCache();
} else {
  await rm(cache, { force: true });
  await rm(path.join(dist, 'cli.js.map'), { force: true });
  /** @satisfies {import('rolldown').InputOptions} */
  const common = {
    platform: /** @type {const} */ ('node'),
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
    tsconfig: path.join(root, 'tsconfig.build.json'),
    logLevel: /** @type {const} */ ('warn'),
  };
  const bundled = await build({
    ...common,
    input: path.join(root, 'src', 'cli.ts'),
    external: isBuiltin,
    plugins: [dynamicPackagesOutside, asScript],
    // One script: the commands loaded only when run (contract, record) are in it, run only when they are.
    output: { file: main, format: 'cjs', codeSplitting: false },
  });
  const chunk = bundled.output.find((o) => o.type === 'chunk');
  if (!chunk) throw new Error('build-cli: no script was written');
  // In ASCII, the rest escaped (in strings, templates, regular expressions and comments alike), so that it is read as Latin-1.
  await writeFile(
    main,
    chunk.code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
  await writeFile(path.join(dist, 'cli-main.licenses.md'), await licenses(chunk.moduleIds));
  await build({ ...common, input: path.join(root, 'src', 'cli-start.ts'), external: isBuiltin, output: { file: path.join(dist, 'cli.js'), format: 'esm' } });
}
