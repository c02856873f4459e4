/**
 * docs/library.md's typed client, run as written. Its project is laid out as a
 * user's would be after installing collections-mock and openapi-fetch (links
 * to this checkout and to openapi-fetch in its node_modules, as `npm link`
 * makes them), so the imports resolve through the package's exports as they
 * do for a user: tsc checks the block as a frontend project would (bundler
 * resolution, the DOM library, strict), then Node runs it against a server on
 * a free port. The base URL is the only change. `npm test` builds dist/ first.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, useServer } from './helpers.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const doc = readFileSync(path.join(root, 'docs', 'library.md'), 'utf8');
const BASE = 'http://127.0.0.1:4010/xai';

/** The text of the section under `## heading`, up to the next `## `. */
function section(heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/library.md: no section "## ${heading}"`);
  const next = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, next < 0 ? undefined : next);
}

function block(text: string, lang: string): string {
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(text);
  if (!m) throw new Error(`docs/library.md: no ${lang} block`);
  return m[1]!;
}

const typedClient = section('A typed client for your app');
const code = block(typedClient, 'ts');
const printed = block(typedClient.slice(typedClient.indexOf(code)), 'text');

// A strict server: a reply that breaks the spec fails the test.
const mock = useServer({ providers: ['xai'] });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'collections-mock-doc-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'some-frontend', private: true, type: 'module' }));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(root, path.join(dir, 'node_modules', 'collections-mock'), 'dir');
  symlinkSync(path.join(root, 'node_modules', 'openapi-fetch'), path.join(dir, 'node_modules', 'openapi-fetch'), 'dir');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('docs/library.md: a typed client for your app', () => {
  it('points at the mock on its default port, once', () => {
    expect(code.split(BASE).length - 1).toBe(1);
  });

  it('type-checks in a strict frontend project', async () => {
    writeFileSync(path.join(dir, 'client.ts'), code);
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: [], strict: true, noEmit: true, skipLibCheck: false },
        files: ['client.ts'],
      }),
    );
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const errors = await run(process.execPath, [tsc, '-p', dir], { cwd: dir }).then(
      () => '',
      (err: { stdout: string; stderr: string }) => `${err.stdout}${err.stderr}`,
    );
    expect(errors).toBe('');
  }, 60_000);

  it('runs against the mock and prints what the page says', async () => {
    const js = ts.transpileModule(code.replace(BASE, `${mock.url}/xai`), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    writeFileSync(path.join(dir, 'client.mjs'), js);
    const { stdout } = await run(process.execPath, ['client.mjs'], { cwd: dir });

    // `…` in the page stands for what differs from run to run.
    const lines = printed.trimEnd().split('\n');
    const got = stdout.trimEnd().split('\n');
    expect(got).toHaveLength(lines.length);
    lines.forEach((line, i) => {
      const pattern = new RegExp(`^${line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
      expect(got[i]).toMatch(pattern);
    });

    // And the mock holds what the client created, for the client's key.
    const list = await raw(mock.url, '/xai/v1/collections', { key: 'my-dev-key' });
    expect(list.json.collections.map((c: { collection_name: string }) => c.collection_name)).toEqual(['Support articles']);
  }, 60_000);
});
