/**
 * The built CLI as users run it: a real process, real HTTP, signals.
 * `npm test` builds dist/ first (pretest).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_NAMES } from '../src/providers/index.js';
import { CLI, ROOT, exited, runCli } from './support/cli.js';

const root = ROOT;
const cli = CLI;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts the CLI on a free port and resolves with its base URL once it says it is listening. */
function start(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${out}`)), 15_000);
    child.stderr!.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`CLI exited with ${code}:\n${out}`));
    });
  });
}

async function until(cond: () => boolean, describe: () => string): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!cond()) throw new Error(`condition not met; output:\n${describe()}`);
}

const run = (args: string[]) => runCli(args, (child) => children.push(child));

describe('collections-mock CLI', () => {
  it('is built', () => {
    expect(existsSync(cli), 'dist/cli.js (run npm run build)').toBe(true);
  });

  it('serves, answers health, logs requests as JSON lines, and stops cleanly on SIGTERM', async () => {
    const { child, url, output } = await start(['serve', '--port', '0', '--processing-ms', '0']);
    const health = await fetch(`${url}/__mock/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string; processing_ms: number; providers: Array<{ name: string; prefix: string }> };
    expect(body).toMatchObject({ status: 'ok', processing_ms: 0 });
    expect(body.providers).toEqual(PROVIDER_NAMES.map((name) => ({ name, prefix: `/${name}`, records: expect.any(Array) })));
    const res = await fetch(`${url}/xai/v1/collections`, { headers: { authorization: 'Bearer xai-cli' } });
    expect(res.status).toBe(200);
    // The log line is written when the response finishes; it reaches the pipe a moment later.
    await until(() => /"url":"\/xai\/v1\/collections","status":200/.test(output()), output);
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
  });

  it('processes at once with --processing-ms 0', async () => {
    const { child, url } = await start(['--port', '0', '--processing-ms', '0', '--quiet']);
    const auth = { authorization: 'Bearer xai-cli' };
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'a.txt');
    const file = (await (await fetch(`${url}/xai/v1/files`, { method: 'POST', headers: auth, body: form })).json()) as { id: string };
    const col = (await (
      await fetch(`${url}/xai/v1/collections`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"collection_name":"c"}' })
    ).json()) as { collection_id: string };
    expect((await fetch(`${url}/xai/v1/collections/${col.collection_id}/documents/${file.id}`, { method: 'POST', headers: auth })).status).toBe(200);
    const doc = (await (await fetch(`${url}/xai/v1/collections/${col.collection_id}/documents/${file.id}`, { headers: auth })).json()) as { status: string };
    expect(doc.status).toBe('DOCUMENT_STATUS_PROCESSED');
    child.kill('SIGINT');
    expect((await exited(child)).code).toBe(0);
  });

  it('starts a manual clock at the time --clock gives, and only advancing it moves time', async () => {
    const { url } = await start(['--port', '0', '--quiet', '--fixtures', 'none', '--clock', 'manual@2026-01-01T00:00:00Z']);
    const clock = async () => (await (await fetch(`${url}/__mock/clock`)).json()) as { mode: string; now: string };
    expect(await clock()).toMatchObject({ mode: 'manual', now: '2026-01-01T00:00:00.000Z' });
    const create = async (name: string) =>
      (await (
        await fetch(`${url}/xai/v1/collections`, {
          method: 'POST',
          headers: { authorization: 'Bearer xai-cli', 'content-type': 'application/json' },
          body: JSON.stringify({ collection_name: name }),
        })
      ).json()) as { created_at: string };
    expect((await create('first')).created_at).toBe('2026-01-01T00:00:00.000000Z');
    await new Promise((r) => setTimeout(r, 50));
    expect((await create('second')).created_at).toBe('2026-01-01T00:00:00.000000Z');
    const advanced = await fetch(`${url}/__mock/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ms":1500}' });
    expect(advanced.status).toBe(200);
    expect((await create('third')).created_at).toBe('2026-01-01T00:00:01.500000Z');
  });

  it('serves one provider at / with --root', async () => {
    const { url } = await start(['--port', '0', '--root', 'xai', '--quiet']);
    const res = await fetch(`${url}/v1/collections`, { headers: { authorization: 'Bearer xai-cli' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ collections: [] });
    const prefixed = await fetch(`${url}/xai/v1/collections`, { headers: { authorization: 'Bearer xai-cli' } });
    expect(prefixed.status).toBe(200);
  });

  it('enforces Ctxfy rate limits with --rate-limit, and refuses a bad plan', async () => {
    const { url } = await start(['--port', '0', '--providers', 'ctxfy', '--rate-limit', '2', '--quiet']);
    const call = () => fetch(`${url}/ctxfy/v1/spaces`, { headers: { authorization: 'Bearer ctx-cli' } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call()).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await call();
    expect(limited.headers.get('x-ratelimit-limit')).toBe('2');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const bad = await run(['--rate-limit', 'gold']);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/--rate-limit must be free, pro or a whole number/);
  });

  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, out: `${version}\n` });
  });

  it('prints the overview for --help and help, and each command its own options', async () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(0);
      for (const command of ['serve', 'contract', 'record', 'help']) expect(r.out, args.join(' ')).toMatch(new RegExp(`^  ${command} `, 'm'));
      expect(r.out).toMatch(/Exit codes:/);
      expect(r.out).not.toMatch(/--processing-ms/);
    }
    const own: Record<string, { has: RegExp[]; not: RegExp[] }> = {
      serve: { has: [/--processing-ms <n>/, /--persist <file>/, /--admin-token <token>/], not: [/--upstream/, /--junit/] },
      contract: { has: [/--base-url <url>/, /--junit <file>/, /--fuzz <n>/], not: [/--processing-ms/, /--upstream/] },
      record: { has: [/--upstream <url>/, /--out <file>/], not: [/--processing-ms/, /--junit/] },
    };
    for (const [command, { has, not }] of Object.entries(own)) {
      for (const args of [
        [command, '--help'],
        ['help', command],
      ]) {
        const r = await run(args);
        expect(r.code, args.join(' ')).toBe(0);
        expect(r.out).toContain(`Usage: collections-mock ${command} [options]`);
        for (const re of has) expect(r.out, args.join(' ')).toMatch(re);
        for (const re of not) expect(r.out, args.join(' ')).not.toMatch(re);
        // The exit codes are documented with each command.
        expect(r.out).toMatch(/^ {2}1 {2}\S/m);
        expect(r.out).toMatch(/^ {2}2 {2}a flag mistake/m);
      }
    }
  });

  it('refuses a bad flag before anything starts: one line naming the flag and the value as given, exit code 2', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-flags-'));
    const missing = path.join(dir, 'missing', 'x');
    const contract = ['contract', '--provider', 'ctxfy', '--base-url', 'http://127.0.0.1:9/ctxfy'];
    const record = ['record', '--provider', 'ctxfy', '--upstream', 'http://127.0.0.1:9'];
    const cases: [string[], string][] = [
      [['serve', '--processing-ms', '-5'], 'collections-mock serve: --processing-ms must be a whole number ≥ 0, got -5 (see collections-mock serve --help)'],
      [['serve', '--processing-ms=-5'], 'collections-mock serve: --processing-ms must be a whole number ≥ 0, got -5 (see collections-mock serve --help)'],
      [['--processing-ms', '1.5'], 'collections-mock serve: --processing-ms must be a whole number ≥ 0, got 1.5 (see collections-mock serve --help)'],
      [['--port', 'abc'], 'collections-mock serve: --port must be a whole number ≥ 0, got abc (see collections-mock serve --help)'],
      [
        ['--clock', 'fast'],
        'collections-mock serve: --clock: unknown clock fast; choose from real, manual, manual@<RFC 3339 time> (see collections-mock serve --help)',
      ],
      [['--port', '70000'], 'collections-mock serve: --port must be at most 65535, got 70000 (see collections-mock serve --help)'],
      [['--journal-size', '-1'], 'collections-mock serve: --journal-size must be a whole number ≥ 0, got -1 (see collections-mock serve --help)'],
      [['--providers', 'xai,,xai'], 'collections-mock serve: --providers has an empty entry in xai,,xai (see collections-mock serve --help)'],
      [['--providers', 'xai,ctxfy,xai'], 'collections-mock serve: --providers names xai twice in xai,ctxfy,xai (see collections-mock serve --help)'],
      [
        ['--providers', 'nope'],
        'collections-mock serve: --providers: unknown provider "nope"; choose from xai, airweave, mixpeek, ctxfy (see collections-mock serve --help)',
      ],
      [
        ['--persist', path.join(missing, 'state.json')],
        `collections-mock serve: --persist ${path.join(missing, 'state.json')} cannot be written: the folder ${missing} does not exist (see collections-mock serve --help)`,
      ],
      [['--persist', dir], `collections-mock serve: --persist ${dir} cannot be written: ${dir} is a folder (see collections-mock serve --help)`],
      [['--bogus'], "collections-mock serve: unknown option '--bogus' (see collections-mock serve --help)"],
      [['frobnicate'], 'collections-mock: unknown command "frobnicate"; the commands are serve, contract, record, help (see collections-mock --help)'],
      [
        [...contract, '--junit', path.join(missing, 'junit.xml')],
        `collections-mock contract: --junit ${path.join(missing, 'junit.xml')} cannot be written: the folder ${missing} does not exist (see collections-mock contract --help)`,
      ],
      [[...contract, '--junit', dir], `collections-mock contract: --junit ${dir} cannot be written: ${dir} is a folder (see collections-mock contract --help)`],
      [[...contract, '--fuzz', '-3'], 'collections-mock contract: --fuzz must be a whole number ≥ 0, got -3 (see collections-mock contract --help)'],
      [
        [...contract, '--checks', 'ignored_auth,,ignored_auth'],
        'collections-mock contract: --checks has an empty entry in ignored_auth,,ignored_auth (see collections-mock contract --help)',
      ],
      [
        [...record, '--out', path.join(missing, 'rec.yaml')],
        `collections-mock record: --out ${path.join(missing, 'rec.yaml')} cannot be written: the folder ${missing} does not exist (see collections-mock record --help)`,
      ],
      [[...record, '--port', '-1'], 'collections-mock record: --port must be a whole number ≥ 0, got -1 (see collections-mock record --help)'],
    ];
    // A few at a time: each is a process of its own.
    for (let i = 0; i < cases.length; i += 4) {
      await Promise.all(
        cases.slice(i, i + 4).map(async ([args, line]) => {
          const r = await run(args);
          expect(r.code, args.join(' ')).toBe(2);
          expect(r.out, args.join(' ')).toBe(`${line}\n`);
        }),
      );
    }
    // Nothing was created on the way.
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
  }, 60_000);

  it('says an error that is not a flag mistake in one line, without the usage, with exit code 1', async () => {
    const r = await run(['--port', '0', '--quiet', '--api-keys', path.join(os.tmpdir(), 'no-such-keys-file.yaml')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^collections-mock serve: .*no-such-keys-file\.yaml.*\n$/);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });

  it('guards the admin API with --admin-token, and refuses an empty one', async () => {
    const { url } = await start(['--port', '0', '--quiet', '--fixtures', 'none', '--admin-token', 'cli-s3cret']);
    const refused = await fetch(`${url}/__mock/clock`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'unauthenticated' });
    const allowed = await fetch(`${url}/__mock/clock`, { headers: { authorization: 'Bearer cli-s3cret' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ mode: 'real' });
    // Health is for probes: it needs no token.
    const health = await fetch(`${url}/__mock/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const help = await run(['serve', '--help']);
    expect(help.out).toMatch(/--admin-token <token>/);
    const empty = await run(['--port', '0', '--admin-token', '']);
    expect(empty.code).toBe(2);
    expect(empty.out).toMatch(/--admin-token must not be empty/);
  });

  it('says so in one line, with exit code 1, when the port is taken', async () => {
    const { url } = await start(['--port', '0', '--quiet']);
    const port = new URL(url).port;
    const r = await run(['--port', port, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.out).toBe(`collections-mock serve: port ${port} is already in use (choose another with --port, or --port 0 for a free one)\n`);
  });
});
