/**
 * The command as the build makes it (scripts/build-cli.mjs): dist/cli.js, an
 * entry point that runs one script, dist/cli-main.cjs (the command and the
 * packages it imports), compiled with the V8 code cache beside it. It finds the
 * package's files (specs, fixtures, scenarios, the console, the build's caches)
 * from the package root wherever the package is and whatever the working
 * directory. `npm test` builds dist/ first (pretest).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { isAscii } from 'node:buffer';
import { builtinModules } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_NAMES } from '../src/providers/index.js';
import { PACKAGE_ROOT, PACKAGE_VERSION, findPackageRoot, packagePath } from '../src/core/paths.js';
import { compileScript } from '../src/core/script.js';
import { CLI, ROOT, exited, listeningUrl } from './support/cli.js';

const run = promisify(execFile);
const SCRIPT = path.join(ROOT, 'dist', 'cli-main.cjs');
const isBuiltin = (id: string) => id.startsWith('node:') || builtinModules.includes(id);

/** The specifiers of a module's static imports and exports. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)].map((m) => (m[1] ?? m[2])!);
}

describe('the package root', () => {
  it('is found from any folder below it, from src/ and from dist/ alike', () => {
    expect(PACKAGE_ROOT).toBe(ROOT);
    expect(PACKAGE_VERSION).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    for (const start of ['src/core', 'src', 'dist', 'dist/core', '.']) expect(findPackageRoot(path.join(ROOT, start)).dir).toBe(ROOT);
    expect(packagePath('specs', 'xai.yaml')).toBe(path.join(ROOT, 'specs', 'xai.yaml'));
  });

  it('is the nearest package.json named collections-mock, not any package.json', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'collections-mock-root-'));
    try {
      mkdirSync(path.join(dir, 'pkg', 'nested', 'dist', 'core'), { recursive: true });
      writeFileSync(path.join(dir, 'pkg', 'package.json'), JSON.stringify({ name: 'collections-mock', version: '9.9.9' }));
      writeFileSync(path.join(dir, 'pkg', 'nested', 'package.json'), JSON.stringify({ name: 'something-else' }));
      writeFileSync(path.join(dir, 'pkg', 'nested', 'dist', 'package.json'), '{ not json');
      const found = findPackageRoot(path.join(dir, 'pkg', 'nested', 'dist', 'core'));
      expect(found.dir).toBe(path.join(dir, 'pkg'));
      expect(found.manifest.version).toBe('9.9.9');
      expect(() => findPackageRoot(path.join(dir, 'pkg', '..'))).toThrow(/cannot find the collections-mock package/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dist/cli.js and dist/cli-main.cjs', () => {
  it("the entry point imports Node's modules only; the script requires Node's modules only, and import()s packages", () => {
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(staticImports(CLI).filter((s) => !isBuiltin(s))).toEqual([]);
    const text = readFileSync(SCRIPT, 'utf8');
    const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((s) => !isBuiltin(s))).toEqual([]);
    const imported = [...text.matchAll(/\bimportModule\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(imported).toEqual(expect.arrayContaining(['json-schema-faker', 'unpdf']));
    expect(imported.filter((s) => s.startsWith('.'))).toEqual([]);
  });

  it('is compiled with the code cache the build wrote, which this Node takes, from its ASCII text', () => {
    expect(isAscii(readFileSync(SCRIPT))).toBe(true);
    expect(compileScript(SCRIPT).cached).toBe(true);
  });

  it('comes with the licenses of the packages bundled into it', () => {
    const notices = readFileSync(path.join(ROOT, 'dist', 'cli-main.licenses.md'), 'utf8');
    for (const name of ['commander', 'pino', 'busboy']) expect(notices).toMatch(new RegExp(`^## ${name} \\d`, 'm'));
    // Loaded when first needed, from node_modules: not in the script.
    for (const name of ['ajv', 'unpdf', 'json-schema-faker']) expect(notices).not.toMatch(new RegExp(`^## ${name} `, 'm'));
  });
});

describe('the bundled command, in a copy of the package elsewhere, run from another folder', () => {
  let work: string;
  let child: ChildProcess;
  let url: string;
  const output = { text: '' };

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'collections-mock-bundle-'));
    const pkg = path.join(work, 'package');
    // What the tarball holds (package.json's files), and the dependencies beside it.
    for (const entry of ['package.json', 'dist', 'specs', 'fixtures', 'scenarios']) cpSync(path.join(ROOT, entry), path.join(pkg, entry), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
    const elsewhere = path.join(work, 'elsewhere');
    mkdirSync(elsewhere);
    child = spawn(process.execPath, [path.join(pkg, 'dist', 'cli.js'), 'serve', '--port', '0', '--processing-ms', '0', '--quiet'], {
      cwd: elsewhere,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await listeningUrl(child, output);
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('prints the version of its package.json', async () => {
    const { stdout } = await run(process.execPath, [path.join(work, 'package', 'dist', 'cli.js'), '--version'], { cwd: os.tmpdir() });
    expect(stdout.trim()).toBe(PACKAGE_VERSION);
  });

  it('mounts every provider, with the shipped scenarios and the demo data of each', async () => {
    const health = (await (await fetch(`${url}/__mock/health`)).json()) as { status: string; providers: Array<{ name: string }>; scenarios: number };
    expect(health.status).toBe('ok');
    expect(health.providers.map((p) => p.name)).toEqual([...PROVIDER_NAMES]);
    expect(health.scenarios).toBeGreaterThan(0);
    const state = (await (await fetch(`${url}/__mock/state`)).json()) as { providers: Record<string, Record<string, unknown>> };
    for (const name of PROVIDER_NAMES) expect(Object.keys(state.providers[name] ?? {}), `${name}'s demo tenant`).toHaveLength(1);
    const list = await fetch(`${url}/xai/v1/collections`, { headers: { authorization: 'Bearer demo' } });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { collections: unknown[] }).collections.length).toBeGreaterThan(0);
  });

  it("validates against the shipped specs and serves Airweave's and Mixpeek's shipped catalogs", async () => {
    const bad = await fetch(`${url}/xai/v1/collections`, {
      method: 'POST',
      headers: { authorization: 'Bearer xai-bundle', 'content-type': 'application/json' },
      body: JSON.stringify({ collection_name: 42 }),
    });
    expect(bad.status).toBe(400);
    const sources = await fetch(`${url}/airweave/sources`, { headers: { 'x-api-key': 'aw-bundle' } });
    expect(sources.status).toBe(200);
    expect(((await sources.json()) as unknown[]).length).toBeGreaterThan(0);
  });

  it('serves the web console from the built files', async () => {
    const page = await fetch(`${url}/__mock/console`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
  });

  it('runs the contract command, which a start does not load', async () => {
    const { stdout } = await run(
      process.execPath,
      [path.join(work, 'package', 'dist', 'cli.js'), 'contract', '--provider', 'ctxfy', '--base-url', `${url}/ctxfy`, '--checks', 'not_a_server_error'],
      { cwd: os.tmpdir() },
    );
    expect(stdout).toMatch(/\d+ passed, 0 failed/);
  });
});
