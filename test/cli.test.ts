/**
 * The built CLI as users run it: a real process, real HTTP, signals.
 * `npm test` builds dist/ first (pretest).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_NAMES } from '../src/providers/index.js';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
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

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null) return Promise.resolve({ code: child.exitCode, signal: null });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

async function until(cond: () => boolean, describe: () => string): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!cond()) throw new Error(`condition not met; output:\n${describe()}`);
}

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return exited(child).then(({ code }) => ({ code, out }));
}

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
    expect(body.providers).toEqual(PROVIDER_NAMES.map((name) => ({ name, prefix: `/${name}` })));
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

  it('prints usage for help and refuses bad flags with exit code 2', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--processing-ms/);
    for (const args of [['--port', 'abc'], ['--providers', 'nope'], ['--bogus'], ['frobnicate']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toMatch(/collections-mock: /);
    }
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
    const help = await run(['--help']);
    expect(help.out).toMatch(/--admin-token T/);
    const empty = await run(['--port', '0', '--admin-token', '']);
    expect(empty.code).toBe(2);
    expect(empty.out).toMatch(/admin token must not be empty/);
  });

  it('says so when the port is taken', async () => {
    const { url } = await start(['--port', '0', '--quiet']);
    const port = new URL(url).port;
    const r = await run(['--port', port, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(new RegExp(`port ${port} is already in use`));
  });
});
