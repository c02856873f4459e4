/**
 * The package as users get it: `npm pack` in a copy of the checkout (what a
 * clone has: no dist/, so `prepare` builds from scratch), the tarball
 * installed as a dev dependency of a new project with npm, then run from there:
 * the bin through npx, the library, the middleware (in Express) and the Vite
 * plugin (in a Vite dev server) through Node, the types through tsc.
 *
 * Only the npm registry is reached, for what the npm cache does not already
 * hold (`--prefer-offline`).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PROVIDER_NAMES } from '../src/providers/index.js';
import { listeningUrl } from './support/cli.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  exports: Record<string, unknown>;
};
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
/** Every spec, the admin API's included: each has generated types and is exported. */
const SPECS = [...PROVIDER_NAMES, 'admin'];

/** The environment of a user's shell: none of the variables `npm test` sets for this package. */
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(npm_(package_|lifecycle_|command$|execpath$|node_execpath$|config_local_prefix$)|INIT_CWD$)/i.test(k)),
);
// npm_config_yes=false: npx runs the installed bin and never fetches a package of that name.
Object.assign(env, { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_yes: 'false' });

const BIG = 16 * 1024 * 1024;
const npm = (args: string[], cwd: string) => run('npm', args, { cwd, env, maxBuffer: BIG });

let work: string;
let app: string;
let packed: { filename: string; size: number; unpackedSize: number; entryCount: number; files: Array<{ path: string; mode: number }> };

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'collections-mock-pack-'));

  // The checkout's files as a clone has them: tracked, plus new ones not ignored.
  const source = path.join(work, 'source');
  const { stdout: listed } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, maxBuffer: BIG });
  for (const file of listed.split('\0').filter(Boolean)) {
    if (!existsSync(path.join(root, file))) continue; // deleted, not yet committed
    mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(source, file));
  }
  expect(existsSync(path.join(source, 'dist')), 'a clone has no dist/').toBe(false);
  symlinkSync(path.join(root, 'node_modules'), path.join(source, 'node_modules'), 'dir');

  // npm pack runs `prepare`, the build.
  const { stdout } = await npm(['pack', '--json', '--pack-destination', work], source);
  packed = JSON.parse(stdout)[0];

  app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'some-app', version: '1.0.0', private: true, type: 'module' }, null, 2));
  // What the app builds with, at the versions this checkout has (so the npm cache has them).
  const version = (name: string) => JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version as string;
  const alongside = ['@types/node', 'express', '@types/express', 'vite'].map((name) => `${name}@${version(name)}`);
  await npm(['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', path.join(work, packed.filename), ...alongside], app);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('holds the build, the specs, fixtures and scenarios, and nothing of the sources, tests or tools', () => {
    const files = packed.files.map((f) => f.path);
    const expected = [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/cli.js',
      'dist/cli-main.cjs',
      'dist/cli-main.cjs.cache',
      'dist/cli-main.licenses.md',
      'dist/server.js',
      'dist/server.d.ts',
      'dist/contract/index.js',
      'dist/contract/index.d.ts',
      'dist/middleware.js',
      'dist/middleware.d.ts',
      'dist/vite.js',
      'dist/vite.d.ts',
      'dist/yaml-cache.json',
      'dist/validators/schema.cjs',
      'scenarios/schema.json',
      'fixtures/api-keys.yaml',
      'fixtures/airweave/sources.json',
      'fixtures/airweave/entities/github.json',
      'fixtures/mixpeek/extractors.json',
      ...SPECS.flatMap((s) => [
        `specs/${s}.yaml`,
        `dist/specs/${s}.json`,
        `dist/validators/${s}.cjs`,
        `dist/validators/${s}.strict.cjs`,
        `dist/validators/${s}.strict.cjs.cache`,
        `dist/generated/${s}.d.ts`,
        `dist/generated/${s}.js`,
      ]),
      ...PROVIDER_NAMES.flatMap((p) => [`scenarios/${p}/flaky.yaml`, `fixtures/${p}/demo.yaml`]),
    ];
    expect(files).toEqual(expect.arrayContaining(expected));
    // The web console, built by Vite at npm run build: its page, a script and a stylesheet.
    expect(files).toContain('dist/console/index.html');
    expect(files.filter((f) => /^dist\/console\/assets\/[\w.-]+\.js$/.test(f))).toHaveLength(1);
    expect(files.filter((f) => /^dist\/console\/assets\/[\w.-]+\.css$/.test(f))).toHaveLength(1);

    const outside = files.filter((f) => !/^(dist|specs|fixtures|scenarios)\//.test(f) && !['package.json', 'README.md', 'LICENSE'].includes(f));
    expect(outside, 'top-level files beyond the manifest, README and LICENSE').toEqual([]);
    const unwanted = files.filter(
      (f) =>
        /^(src|test|vendor|bench|scripts|docs|\.ci)\/|\.map$|\.tgz$|(^|\/)tsconfig[^/]*\.json$|\.test\.|(^|\/)vendor\//.test(f) ||
        (f.endsWith('.ts') && !f.endsWith('.d.ts')),
    );
    expect(unwanted, 'sources, tests, tools, source maps').toEqual([]);
  });

  it('names, in its exports, only files it holds', () => {
    const files = new Set(packed.files.map((f) => f.path));
    const targets: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') targets.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(pkg.exports);
    for (const target of targets) {
      const rel = target.replace(/^\.\//, '');
      const concrete = rel.includes('*') ? SPECS.map((s) => rel.replace('*', s)) : [rel];
      for (const file of concrete) expect(files.has(file), `${target} → ${file}`).toBe(true);
    }
    for (const bin of Object.values(pkg.bin)) expect(files.has(bin.replace(/^\.\//, ''))).toBe(true);
  });
});

describe('the installed bin', () => {
  it('is a Node script with a shebang, made executable on install', () => {
    const link = path.join(app, 'node_modules', '.bin', 'collections-mock');
    expect(existsSync(link)).toBe(true);
    expect(statSync(link).mode & 0o111, 'executable bits').not.toBe(0);
    expect(readFileSync(link, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('npx collections-mock --version prints the package version', async () => {
    const { stdout } = await run('npx', ['collections-mock', '--version'], { cwd: app, env });
    expect(stdout.trim()).toBe(pkg.version);
  });
});

describe('npx collections-mock serve, from the installed copy', () => {
  let child: ChildProcess;
  let url: string;
  const output = { text: '' };

  beforeAll(async () => {
    // Its own process group, as a terminal gives a foreground job: a signal reaches npx and the server alike.
    child = spawn('npx', ['collections-mock', 'serve', '--port', '0', '--processing-ms', '0', '--quiet'], {
      cwd: app,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await listeningUrl(child, output);
  }, 60_000);

  afterAll(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  });

  it('answers its health and a provider route, with the demo data', async () => {
    const health = await fetch(`${url}/__mock/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const list = await fetch(`${url}/xai/v1/collections`, { headers: { authorization: 'Bearer demo' } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { collections: unknown[] };
    expect(body.collections.length).toBeGreaterThan(0);
  });

  it('serves the web console from its built files', async () => {
    const page = await fetch(`${url}/__mock/console`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/__mock\/console\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) expect((await fetch(`${url}${asset}`)).status, asset).toBe(200);
  });

  it('runs the contract suite against it: every check passes', async () => {
    const bin = path.join(app, 'node_modules', '.bin', 'collections-mock');
    const { stdout } = await run(bin, ['contract', '--provider', 'xai', '--base-url', `${url}/xai`], { cwd: app, env });
    expect(stdout).toMatch(/^[1-9]\d* passed, 0 failed$/m);
  });

  it('records exchanges through a proxy in front of it, as a scenario file', async () => {
    const out = path.join(app, 'recorded.yaml');
    const bin = path.join(app, 'node_modules', '.bin', 'collections-mock');
    const recorder = spawn(bin, ['record', '--provider', 'xai', '--upstream', `${url}/xai`, '--port', '0', '--out', out, '--quiet'], {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    recorder.stderr!.on('data', (d) => (said += d));
    const exited = new Promise<number | null>((resolve) => recorder.on('exit', resolve));
    try {
      const proxy = await new Promise<string>((resolve, reject) => {
        recorder.stderr!.on('data', () => {
          const m = /recording xai on (http:\/\/\S+)/.exec(said);
          if (m) resolve(m[1]!);
        });
        recorder.on('exit', (code) => reject(new Error(`record exited with ${code}:\n${said}`)));
      });
      const res = await fetch(`${proxy}/v1/collections`, { headers: { authorization: 'Bearer demo' } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      recorder.kill('SIGTERM');
      expect(await exited, said).toBe(0);
    } finally {
      if (recorder.exitCode === null) recorder.kill('SIGKILL');
    }
    const scenario = parseYaml(readFileSync(out, 'utf8')) as { rules: unknown[] };
    expect(scenario.rules).toEqual([
      expect.objectContaining({
        match: expect.objectContaining({ operation: 'listCollections', method: 'GET' }),
        respond: expect.objectContaining({ status: 200 }),
      }),
    ]);
  });

  it('stops on SIGTERM to its process group, as Ctrl-C stops a foreground job', async () => {
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    // The server itself (below npx and a shell) has closed its port once it is gone.
    let closed = false;
    for (let i = 0; i < 100 && !closed; i++) {
      closed = await fetch(`${url}/__mock/health`).then(
        (r) => (r.body?.cancel(), false),
        () => true,
      );
      if (!closed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(closed, output.text).toBe(true);
  });
});

describe('the library, from the installed copy', () => {
  it('starts from the build: answers without parsing a YAML file or compiling a validator, and resolves the exported specs and types', async () => {
    const script = `
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMockServer } from 'collections-mock';
import * as types from 'collections-mock/types/xai';

const mock = await createMockServer({ port: 0, fixtures: 'default', strict: true });
const list = await fetch(mock.url + '/mixpeek/v1/collections/list', { method: 'POST', headers: { authorization: 'Bearer demo', 'content-type': 'application/json' }, body: '{}' });
const create = await fetch(mock.url + '/xai/v1/collections', { method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: JSON.stringify({ collection_name: 'x' }) });
const require = createRequire(import.meta.url);
const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](yaml|ajv)[\\\\/]/.test(k) && !/ajv[\\\\/]dist[\\\\/]runtime/.test(k)).map((k) => k.replace(/^.*node_modules[\\\\/]/, ''));
// The contract suite, a test tool, compiles with Ajv: loaded after the count.
const { runContract, summary } = await import('collections-mock/contract');
const report = await runContract({ provider: 'ctxfy', baseUrl: mock.url + '/ctxfy' });
const specs = ${JSON.stringify(SPECS)}.map((s) => readFileSync(fileURLToPath(import.meta.resolve('collections-mock/specs/' + s + '.yaml')), 'utf8').startsWith('openapi: 3.1'));
console.log(JSON.stringify({ list: list.status, create: create.status, selfCheck: mock.selfCheckFailures.length, contractFailed: report.failed, summary: typeof summary, types: Object.keys(types).length, loaded, specs }));
await mock.close();
`;
    writeFileSync(path.join(app, 'library.mjs'), script);
    const { stdout } = await run(process.execPath, ['library.mjs'], { cwd: app, env });
    // The request lines go out through pino's asynchronous destination: they may follow the script's own line.
    const line = stdout.split('\n').find((l) => l.startsWith('{"list":'));
    expect(line, stdout).toBeDefined();
    expect(JSON.parse(line!), stdout).toEqual({
      list: 200,
      create: 200,
      selfCheck: 0,
      contractFailed: 0,
      summary: 'function',
      types: 0, // types only
      loaded: [], // the specs' JSON copies, the precompiled validators and the YAML cache served
      specs: SPECS.map(() => true),
    });
  }, 60_000);

  it('loads neither Vite, Express nor the in-process injector for the main entry: the standalone server (fixtures included) does without them', async () => {
    writeFileSync(path.join(app, 'record-loads.mjs'), "import { register } from 'node:module';\nregister('./record-loads-hooks.mjs', import.meta.url);\n");
    writeFileSync(
      path.join(app, 'record-loads-hooks.mjs'),
      "import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(process.env.LOADS_FILE, result.url + '\\n');\n  return result;\n}\n",
    );
    writeFileSync(
      path.join(app, 'main-entry.mjs'),
      `import { readFileSync } from 'node:fs';
import { createMockServer } from 'collections-mock';
const mock = await createMockServer({ port: 0, fixtures: 'default', quiet: true });
const res = await fetch(mock.url + '/xai/v1/collections', { headers: { authorization: 'Bearer demo' } });
const collections = (await res.json()).collections.length;
await mock.close();
const urls = readFileSync(process.env.LOADS_FILE, 'utf8').split('\\n');
console.log(JSON.stringify({ status: res.status, demo: collections > 0, ours: urls.some((u) => u.includes('/collections-mock/dist/server.js')), loaded: urls.filter((u) => /node_modules\\/(vite|express|light-my-request)\\//.test(u)) }));
`,
    );
    const loads = path.join(work, 'loads.txt');
    const { stdout } = await run(process.execPath, ['--import', './record-loads.mjs', 'main-entry.mjs'], { cwd: app, env: { ...env, LOADS_FILE: loads } });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!), stdout).toEqual({ status: 200, demo: true, ours: true, loaded: [] });
  }, 60_000);

  it('serves the mock from the middleware in an Express app and from the plugin in a Vite dev server', async () => {
    writeFileSync(
      path.join(app, 'embedded.mjs'),
      `import express from 'express';
import { createServer } from 'vite';
import { createMockMiddleware } from 'collections-mock/middleware';
import collectionsMock from 'collections-mock/vite';

const demo = { headers: { authorization: 'Bearer demo' } };
const middleware = createMockMiddleware({ providers: ['xai'], fixtures: 'default', quiet: true, strict: true });
const server = express().use(express.json()).use('/mock', middleware).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const fromExpress = await fetch('http://127.0.0.1:' + server.address().port + '/mock/xai/v1/collections', demo);
const viaExpress = { status: fromExpress.status, demo: (await fromExpress.json()).collections.length > 0 };

const plugin = collectionsMock({ providers: ['xai'], strict: true });
const vite = await createServer({ configFile: false, logLevel: 'silent', plugins: [plugin], server: { host: '127.0.0.1', port: 0 } });
await vite.listen();
const fromVite = await fetch('http://127.0.0.1:' + vite.httpServer.address().port + '/__collections-mock/xai/v1/collections', demo);
const viaVite = { status: fromVite.status, demo: (await fromVite.json()).collections.length > 0 };
const selfCheck = middleware.selfCheckFailures.length + plugin.api.mock.selfCheckFailures.length;

await vite.close();
await middleware.close();
server.close();
console.log(JSON.stringify({ viaExpress, viaVite, selfCheck }));
`,
    );
    const { stdout } = await run(process.execPath, ['embedded.mjs'], { cwd: app, env });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!), stdout).toEqual({
      viaExpress: { status: 200, demo: true },
      viaVite: { status: 200, demo: true },
      selfCheck: 0,
    });
  }, 60_000);

  for (const resolution of ['NodeNext', 'Bundler'] as const) {
    it(`type-checks for a ${resolution} consumer: the server, the middleware in Express, the Vite plugin in a config, the contract library, each spec's paths and components`, async () => {
      const dir = path.join(app, resolution.toLowerCase());
      mkdirSync(dir, { recursive: true });
      const imports = SPECS.map((s) => `import type { paths as ${s}Paths, components as ${s}Components } from 'collections-mock/types/${s}';`).join('\n');
      writeFileSync(
        path.join(dir, 'check.ts'),
        `import { createMockServer } from 'collections-mock';
import type { paths } from 'collections-mock/types/xai';
import { runContract, type Report } from 'collections-mock/contract';
import { createMockMiddleware, type MockMiddleware } from 'collections-mock/middleware';
import collectionsMock, { type CollectionsMockPlugin } from 'collections-mock/vite';
import express from 'express';
import { defineConfig } from 'vite';
${imports}

const mock = await createMockServer({ port: 0 });
const url: string = mock.url;
type Created = paths['/v1/collections']['post']['responses'][200]['content']['application/json'];
const name: Created['collection_name'] = 'x';
// @ts-expect-error not a path of the xAI spec: the types are the spec's, not any
type Nope = paths['/v1/nope'];
const report: Promise<Report> = runContract({ provider: 'xai', baseUrl: url });
const middleware: MockMiddleware = createMockMiddleware({ providers: ['xai'], clock: 'manual' });
express().use('/mock', middleware);
// @ts-expect-error not a provider
createMockMiddleware({ providers: ['nope'] });
const plugin: CollectionsMockPlugin = collectionsMock({ path: '/mock', fixtures: 'none' });
export const config = defineConfig({ plugins: [plugin] });
export type All = [${SPECS.map((s) => `keyof ${s}Paths, ${s}Components['schemas']`).join(', ')}];
export { name, report, middleware };
`,
      );
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
            moduleResolution: resolution,
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ['node'],
          },
          files: ['check.ts'],
        }),
      );
      const result = await run(process.execPath, [tsc, '-p', dir], { cwd: app, env }).then(
        () => '',
        (err: { stdout: string; stderr: string }) => `${err.stdout}${err.stderr}`,
      );
      expect(result).toBe('');
    }, 60_000);
  }
});
