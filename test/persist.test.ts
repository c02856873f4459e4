/**
 * --persist FILE with the built CLI: data survives a restart, saves are
 * debounced and made at shutdown, a corrupt file stops the start and is left
 * as it was, and a process killed in the middle of saving leaves a file that
 * still loads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--quiet', '--fixtures', 'none', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${out}`)), 15_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`CLI exited with ${code}:\n${out}`));
    });
  });
}

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--quiet', '--fixtures', 'none', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));

const AUTH = { authorization: 'Bearer persist-user', 'content-type': 'application/json' };
const createSpace = (url: string, name: string) => fetch(`${url}/ctxfy/v1/spaces`, { method: 'POST', headers: AUTH, body: JSON.stringify({ name }) });
async function spaceNames(url: string): Promise<string[]> {
  const res = await fetch(`${url}/ctxfy/v1/spaces?per_page=100`, { headers: AUTH });
  return ((await res.json()) as { spaces: { name: string }[] }).spaces.map((s) => s.name).sort();
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(cond()).toBe(true);
}

describe('--persist FILE', () => {
  const dir = () => mkdtempSync(path.join(os.tmpdir(), 'persist-'));

  it('keeps the data across a restart, saving after changes and at shutdown', async () => {
    const file = path.join(dir(), 'state.json');
    const first = await start(['--persist', file]);
    expect((await createSpace(first.url, 'Atlas')).status).toBe(201);
    // Saved shortly after the change, without waiting for shutdown.
    await until(() => existsSync(file) && readFileSync(file, 'utf8').includes('Atlas'));
    expect((await createSpace(first.url, 'Borealis')).status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Borealis');

    const second = await start(['--persist', file]);
    expect(await spaceNames(second.url)).toEqual(['Atlas', 'Borealis']);
  });

  it('refuses to start on a corrupt file, and leaves it as it was', async () => {
    const file = path.join(dir(), 'state.json');
    writeFileSync(file, '{"format": "collections-mock/state", "provid');
    const r = await run(['--persist', file]);
    // Not a flag mistake: exit code 1, one line.
    expect(r.code).toBe(1);
    expect(r.out).toContain(file);
    expect(r.out).toMatch(/^collections-mock serve: .*not valid JSON.*\n$/);
    expect(readFileSync(file, 'utf8')).toBe('{"format": "collections-mock/state", "provid');
    writeFileSync(file, JSON.stringify({ format: 'something else' }));
    const wrong = await run(['--persist', file]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/not a collections-mock\/state document/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ format: 'something else' });
  });

  it('refuses to start on a saved state that is damaged, naming the file and the first bad path, and leaves it as it was', async () => {
    const file = path.join(dir(), 'state.json');
    const first = await start(['--persist', file]);
    expect((await createSpace(first.url, 'Atlas')).status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    const [user] = Object.keys(saved.providers.ctxfy);
    saved.providers.ctxfy[user!].spaces.rows[0].createdAt = 'yesterday';
    const damaged = JSON.stringify(saved);
    writeFileSync(file, damaged);
    const r = await run(['--persist', file]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `collections-mock serve: --persist ${file}: cannot be loaded: /providers/ctxfy/${user}/spaces/rows/0/createdAt: must be integer; it is left untouched: fix it, move it away, or point --persist elsewhere\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(damaged);
  });

  it('leaves a loadable file when the process is killed while saving', async () => {
    const file = path.join(dir(), 'state.json');
    let expectedAtLeast = 0;
    for (let round = 0; round < 6; round++) {
      const { child, url } = await start(['--persist', file]);
      // The previous round's file loads, with everything the killed process had saved.
      const names = await spaceNames(url);
      expect(names.length).toBeGreaterThanOrEqual(expectedAtLeast);
      // A burst of changes keeps the saver busy; the kill lands at a different moment each round.
      const burst = Array.from({ length: 40 }, (_, i) => createSpace(url, `r${round}-${i}`).catch(() => undefined));
      await Promise.race([Promise.all(burst), new Promise((r) => setTimeout(r, 200 + round * 37))]);
      await new Promise((r) => setTimeout(r, round * 45));
      child.kill('SIGKILL');
      await exited(child);
      if (existsSync(file)) {
        const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: string };
        expect(saved.format).toBe('collections-mock/state');
        expectedAtLeast = names.length;
      }
    }
  }, 60_000);
});
