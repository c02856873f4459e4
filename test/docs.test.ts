/**
 * The documentation runs as written. For README.md, CONTRIBUTING.md and every
 * page under docs/ (conventions in support/docs-pages.ts):
 * - every relative link names a file that exists, and every #anchor a heading
 *   of its page;
 * - the sh and ts blocks of a page run in page order, as a reader would after
 *   a fresh `npm start`: one server per page with the CLI's defaults (demo
 *   data, real clock), on a free port in place of 4010; each block prints
 *   what its `#>` lines say;
 * - a block that is not run says why and names the test that covers it;
 * - the yaml files the pages show load as what they claim to be, and the API
 *   keys the examples send are the ones fixtures/api-keys.yaml lists.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createMockServer, type MockServer } from '../src/server.js';
import { loadScenarios } from '../src/core/scenarios.js';
import { loadSpec } from '../src/core/spec.js';
import { freePort } from './support/prism.js';
import { documentationFiles, expectedOutput, linePattern, readPage, repoRoot, type Block, type Page } from './support/docs-pages.js';

const pages = documentationFiles().map(readPage);
const PROVIDERS = ['xai', 'airweave', 'mixpeek', 'ctxfy'] as const;
/** Ports the examples use besides the mock's own 4010 (a postback receiver, Prism, the recorder). */
const EXAMPLE_PORTS = ['4011', '4012', '9999'];
const snippetName = (page: Page, b: Block): string => `${page.file.replace(/[/.]/g, '_')}_${b.line}`;

let projectDir: string | undefined;
/**
 * A project laid out as a user's is after installing collections-mock: the
 * package linked into its node_modules (as `npm link` does), beside the other
 * packages the examples import, so snippets resolve the package through its
 * exports and its built dist/, as a user's code does.
 */
function project(): string {
  if (projectDir) return projectDir;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cm-docs-project-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'docs-reader', private: true, type: 'module' }));
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const e of readdirSync(path.join(repoRoot, 'node_modules'))) {
    if (!e.startsWith('.')) symlinkSync(path.join(repoRoot, 'node_modules', e), path.join(modules, e));
  }
  symlinkSync(repoRoot, path.join(modules, 'collections-mock'));
  projectDir = dir;
  return dir;
}
afterAll(() => {
  if (projectDir) rmSync(projectDir, { recursive: true, force: true });
});

const runnable = (b: Block): boolean => !b.notRun && (b.lang === 'sh' || b.lang === 'ts' || b.lang === 'js');

function yamlFilePath(b: Block): string | undefined {
  if (b.lang !== 'yaml') return undefined;
  return /^# (\S+\.yaml)\b/.exec(b.code)?.[1];
}

describe('links', () => {
  const byFile = new Map(pages.map((p) => [p.file, p]));
  it.each(pages)('$file: every relative link names a file that exists, and every anchor a heading', (page) => {
    const broken: string[] = [];
    for (const { target, line } of page.links) {
      if (/^[a-z]+:/.test(target)) continue;
      const [file, anchor] = target.split('#') as [string, string | undefined];
      const resolved = file === '' ? page.file : path.posix.normalize(path.posix.join(path.posix.dirname(page.file), file));
      if (!existsSync(path.join(repoRoot, resolved))) {
        broken.push(`${page.file}:${line}: ${target} (no file ${resolved})`);
        continue;
      }
      if (anchor === undefined) continue;
      const targetPage = byFile.get(resolved);
      if (!targetPage) broken.push(`${page.file}:${line}: ${target} (an anchor into a file that is not a documentation page)`);
      else if (!targetPage.anchors.has(anchor)) broken.push(`${page.file}:${line}: ${target} (no heading #${anchor} in ${resolved})`);
    }
    expect(broken).toEqual([]);
  });
});

describe('examples', () => {
  const keyFile = parseYaml(readFileSync(path.join(repoRoot, 'fixtures', 'api-keys.yaml'), 'utf8')) as Record<string, { key: string }[]>;
  const listedKeys = new Set(Object.values(keyFile).flatMap((entries) => entries.map((e) => e.key)));

  it('send only the API keys fixtures/api-keys.yaml lists', () => {
    const unlisted: string[] = [];
    for (const page of pages) {
      for (const b of page.blocks.filter((b) => b.lang === 'sh' || b.lang === 'ts' || b.lang === 'js')) {
        for (const m of b.code.matchAll(/Bearer ([\w-]+)|x-api-key: ([\w-]+)|apiKey: '([\w-]+)'/gi)) {
          const key = m[1] ?? m[2] ?? m[3]!;
          if (!listedKeys.has(key)) unlisted.push(`${page.file}:${b.line}: ${key}`);
        }
      }
    }
    expect(unlisted).toEqual([]);
  });

  it('that are not run say why and name the test that covers them', () => {
    const bad: string[] = [];
    for (const page of pages) {
      for (const b of page.blocks.filter((b) => b.notRun)) {
        const tests = [...b.notRun!.matchAll(/test\/[\w.-]+\.ts/g)].map((m) => m[0]);
        if (tests.length === 0) bad.push(`${page.file}:${b.line}: "${b.notRun}" names no test`);
        for (const t of tests) if (!existsSync(path.join(repoRoot, t))) bad.push(`${page.file}:${b.line}: ${t} does not exist`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('show the API keys file as it is', () => {
    const real = readFileSync(path.join(repoRoot, 'fixtures', 'api-keys.yaml'), 'utf8').split('\n');
    const shown = pages.flatMap((p) => p.blocks.filter((b) => yamlFilePath(b) === 'fixtures/api-keys.yaml').map((b) => ({ page: p, b })));
    expect(shown.length).toBeGreaterThan(0);
    for (const { page, b } of shown) {
      // An excerpt: every line shown is a line of the file, in the file's order.
      let at = 0;
      for (const l of b.code.split('\n').slice(1)) {
        const found = real.indexOf(l, at);
        expect(found, `${page.file}:${b.line}: "${l}" is not in fixtures/api-keys.yaml (in this order)`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    }
  });

  it('of scenario and fixture files load', async () => {
    const specs = new Map(PROVIDERS.map((p) => [p, loadSpec(path.join(repoRoot, 'specs', `${p}.yaml`), p)]));
    const files = pages.flatMap((p) =>
      p.blocks.filter((b) => yamlFilePath(b) && !yamlFilePath(b)!.startsWith('fixtures/')).map((b) => ({ page: p, b, file: yamlFilePath(b)! })),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const { page, b, file } of files) {
      const where = `${page.file}:${b.line} (${file})`;
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cm-docs-yaml-'));
      try {
        const parts = file.split('/');
        expect(parts.length, `${where}: a file under <dir>/<provider>/`).toBeGreaterThanOrEqual(3);
        const provider = parts.at(-2)!;
        expect(PROVIDERS as readonly string[], where).toContain(provider);
        const root = path.join(dir, parts.slice(0, -2).join('/'));
        mkdirSync(path.join(root, provider), { recursive: true });
        writeFileSync(path.join(root, provider, parts.at(-1)!), b.code);
        const doc = parseYaml(b.code) as Record<string, unknown>;
        if ('rules' in doc) {
          const loaded = loadScenarios([root], new Map([[provider, specs.get(provider as never)!]]));
          expect(
            loaded.map((s) => s.name),
            where,
          ).toContain(parts.at(-1)!.replace(/\.yaml$/, ''));
        } else {
          expect(doc, `${where}: a scenario (rules) or a fixture file (requests)`).toHaveProperty('requests');
          const server = await createMockServer({
            port: 0,
            quiet: true,
            strict: true,
            clock: 'manual',
            processingMs: 0,
            providers: [provider as never],
            fixtures: root,
          });
          try {
            expect(
              server.fixtures.map((f) => f.file).some((f) => f.endsWith(parts.at(-1)!)),
              where,
            ).toBe(true);
            expect(server.selfCheckFailures).toEqual([]);
          } finally {
            await server.close();
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it("in TypeScript typecheck as a user's project sees the package", () => {
    const dir = path.join(project(), 'typecheck');
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const page of pages) {
      for (const b of page.blocks.filter((b) => b.lang === 'ts' || b.lang === 'js')) {
        const name = `${snippetName(page, b)}.${b.lang}`;
        // Each snippet is a module of its own (top-level await, no shared names).
        writeFileSync(path.join(dir, name), `${b.code}\nexport {};\n`);
        files.push(name);
      }
    }
    expect(files.length).toBeGreaterThan(0);
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          types: ['node'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          allowJs: true,
          checkJs: true,
        },
        files,
      }),
    );
    const tsc = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});

describe('options', () => {
  /** A page's section: from its heading to the next heading of the same level or above. */
  const section = (file: string, heading: string): string => {
    const text = pages.find((p) => p.file === file)!.text;
    const start = text.indexOf(`\n## ${heading}\n`);
    expect(start, `${file}: no section "## ${heading}"`).toBeGreaterThanOrEqual(0);
    const next = text.indexOf('\n## ', start + 1);
    return text.slice(start, next < 0 ? undefined : next);
  };
  it.each([
    ['serve', 'docs/cli.md', 'Options of serve'],
    ['contract', 'docs/contract.md', 'Options'],
    ['record', 'docs/recording.md', 'Record'],
  ])('of %s: the page documents every flag its --help lists, and no other', (command, file, heading) => {
    const help = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), command, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    const listed = new Set([...help.stdout.matchAll(/^\s+(--[a-z-]+)/gm)].map((m) => m[1]!).filter((f) => f !== '--help'));
    const documented = new Set([...section(file, heading).matchAll(/`(--[a-z-]+)/g)].map((m) => m[1]!));
    expect([...documented].sort()).toEqual([...listed].sort());
  });
});

// ---------------------------------------------------------------- running a page

/** One bash for the whole page, as a reader keeps one terminal: variables set by a block stay for the next. */
class Shell {
  private readonly proc: ChildProcessWithoutNullStreams;
  private out = '';
  private err = '';
  private exited: number | null = null;
  private wake: (() => void) | undefined;
  private n = 0;

  constructor(cwd: string, env: NodeJS.ProcessEnv) {
    // Its own process group, so whatever a page leaves running is stopped with it.
    this.proc = spawn('bash', ['--noprofile', '--norc', '-s'], { cwd, env, detached: true });
    this.proc.stdout.on('data', (c: Buffer) => {
      this.out += c.toString('utf8');
      this.wake?.();
    });
    this.proc.stderr.on('data', (c: Buffer) => {
      this.err += c.toString('utf8');
    });
    this.proc.on('exit', (code) => {
      this.exited = code ?? 1;
      this.wake?.();
    });
    this.proc.stdin.write('set -euo pipefail\n');
  }

  /** Runs a block; its stdout, or throws with its stderr when the block fails. */
  async run(code: string, timeoutMs: number): Promise<string> {
    const marker = `@@docs-block-done-${++this.n}@@`;
    this.out = '';
    this.err = '';
    if (process.env.DOCS_DEBUG) process.stderr.write(`--- block ${this.n}\n${code}\n`);
    this.proc.stdin.write(`${code}\nprintf '\\n${marker}\\n'\n`);
    const deadline = Date.now() + timeoutMs;
    while (!this.out.includes(marker)) {
      if (this.exited !== null) throw new Error(`the block failed (exit ${this.exited})\nstdout:\n${this.out}\nstderr:\n${this.err}`);
      if (Date.now() > deadline) throw new Error(`the block did not finish in ${timeoutMs / 1000} s\nstdout:\n${this.out}\nstderr:\n${this.err}`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 200);
      });
    }
    return this.out.slice(0, this.out.indexOf(marker));
  }

  async close(): Promise<void> {
    if (this.exited === null) {
      const done = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
      this.proc.stdin.end('exit 0\n');
      await done;
    }
    try {
      process.kill(-this.proc.pid!, 'SIGTERM');
    } catch {
      // Nothing of the page's is left running.
    }
  }
}

/** A snippet run with node in the reader's project. */
async function runSnippet(code: string, name: string, timeoutMs: number): Promise<string> {
  const dir = project();
  const js = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  const file = path.join(dir, `${name}.mjs`);
  writeFileSync(file, js);
  const child = spawn(process.execPath, [file], { cwd: dir, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code_ = await new Promise<number>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c ?? 1);
    });
  });
  if (code_ !== 0) throw new Error(`the snippet failed (exit ${code_})\nstdout:\n${out}\nstderr:\n${err}`);
  return out;
}

function compare(page: Page, b: Block, output: string, expected: string[]): void {
  const actual = output
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '');
  const ok = actual.length === expected.length && expected.every((e, i) => linePattern(e).test(actual[i]!));
  if (!ok) {
    const width = Math.max(actual.length, expected.length);
    const rows = Array.from({ length: width }, (_, i) => {
      const e = expected[i];
      const a = actual[i];
      const mark = e !== undefined && a !== undefined && linePattern(e).test(a) ? ' ' : '✗';
      return `${mark} expected: ${e ?? '(nothing)'}\n    printed: ${a ?? '(nothing)'}`;
    });
    expect.fail(`${page.file}:${b.line}: the block does not print what its #> lines say\n${rows.join('\n')}`);
  }
}

const runPages = pages.filter((p) => p.blocks.some(runnable));

describe('examples run as written', () => {
  it('has curl and jq to run with', () => {
    for (const tool of ['curl', 'jq']) expect(spawnSync(tool, ['--version']).status, `${tool} is needed`).toBe(0);
  });

  it.each(runPages)(
    '$file',
    async (page) => {
      const server: MockServer = await createMockServer({ port: 0, fixtures: 'default', quiet: true, strict: true });
      const work = mkdtempSync(path.join(os.tmpdir(), 'cm-docs-'));
      const bin = path.join(work, '.bin');
      mkdirSync(bin);
      // The commands run as from the repository's root: the paths they name (specs/, fixtures/, scenarios/) are there.
      for (const dir of ['specs', 'fixtures', 'scenarios']) symlinkSync(path.join(repoRoot, dir), path.join(work, dir));
      writeFileSync(path.join(bin, 'collections-mock'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, 'dist', 'cli.js')}" "$@"\n`);
      // `npx X` runs X from the PATH set up here, as npx finds a project's own bins (and as the same process, so `kill` reaches it).
      writeFileSync(path.join(bin, 'npx'), '#!/bin/sh\nexec "$@"\n');
      for (const f of ['collections-mock', 'npx']) chmodSync(path.join(bin, f), 0o755);
      const ports = new Map<string, string>([['4010', String(server.port)]]);
      for (const p of EXAMPLE_PORTS) ports.set(p, String(await freePort()));
      const localise = (code: string) => code.replace(/\b\d{4}\b/g, (n) => ports.get(n) ?? n);
      const shell = new Shell(work, { ...process.env, PATH: `${bin}:${path.join(repoRoot, 'node_modules', '.bin')}:${process.env.PATH}` });
      try {
        for (const b of page.blocks) {
          const file = yamlFilePath(b);
          if (file && !file.startsWith('fixtures/')) {
            mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
            writeFileSync(path.join(work, file), b.code);
          }
          if (!runnable(b)) continue;
          const code = localise(b.code);
          const output = b.lang === 'sh' ? await shell.run(code, 90_000) : await runSnippet(code, snippetName(page, b), 90_000);
          compare(page, b, output, expectedOutput({ ...b, code }));
        }
        expect(server.selfCheckFailures).toEqual([]);
      } finally {
        await shell.close();
        await server.close();
        rmSync(work, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
