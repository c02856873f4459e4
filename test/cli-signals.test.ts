/**
 * SIGTERM ends the built CLI when its output is a pipe that nobody reads any
 * more — as under a process manager that waits for the exit before it reads
 * on, or CI that collects the output afterwards — whatever else goes wrong at
 * shutdown. The log output is made larger than any pipe holds, so the lines
 * still queued at the signal cannot all be written.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const children: ChildProcess[] = [];
const servers: http.Server[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/**
 * Starts the CLI with stdout and stderr piped, reads stderr until `ready`
 * matches, then reads nothing more from either pipe.
 */
function startUnread(args: string[], ready: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      err += d;
      const m = ready.exec(err);
      if (!m) return;
      child.stderr!.off('data', onData);
      child.stderr!.pause();
      resolve({ child, url: m[1]! });
    };
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`CLI exited with ${code} before it was ready:\n${err}`)));
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

/** Sends `count` requests whose URLs (and so their log lines) are `size` characters long, in turn. */
async function longRequests(url: (i: number, pad: string) => string, count: number, size: number, init: RequestInit = {}): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await fetch(url(i, 'x'.repeat(size)), init);
    await res.arrayBuffer();
  }
}

const XAI = { authorization: 'Bearer xai-signals' };
// Several megabytes of log lines: more than a pipe and its reader's buffer hold together.
const LINES = 70;
const LINE = 60_000;

describe('SIGTERM to npm', () => {
  it('stops the mock npm started, which npm does not pass the signal on to', async () => {
    const npm = spawn('npm', ['start', '--silent', '--', '--port', '0', '--fixtures', 'none', '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(npm);
    let err = '';
    const url = await new Promise<string>((resolve, reject) => {
      npm.stderr!.on('data', (d: Buffer) => {
        err += d;
        const m = /listening on (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      npm.on('exit', (code) => reject(new Error(`npm start exited with ${code} before the mock was ready:\n${err}`)));
    });
    expect((await fetch(`${url}/__mock/health`)).status).toBe(200);
    npm.kill('SIGTERM');
    await exited(npm);
    // The mock notices its parent is gone and stops: its port closes.
    const deadline = Date.now() + 10_000;
    let refused = false;
    while (!refused && Date.now() < deadline) {
      refused = await fetch(`${url}/__mock/health`).then(
        () => false,
        () => true,
      );
      if (!refused) await new Promise((r) => setTimeout(r, 100));
    }
    expect(refused, 'the mock still answers after npm was stopped').toBe(true);
  }, 30_000);
});

describe('SIGTERM with piped output that nobody reads', () => {
  it('stops serve', async () => {
    const { child, url } = await startUnread(['serve', '--port', '0', '--fixtures', 'none', '--processing-ms', '0'], /listening on (http:\/\/\S+)/);
    await longRequests((i, pad) => `${url}/xai/v1/collections?n=${i}&pad=${pad}`, LINES, LINE, { headers: XAI });
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('stops serve when its last save fails because the --persist folder was removed after the start', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'signals-persist-'));
    const file = path.join(dir, 'state.json');
    const { child, url } = await startUnread(
      ['serve', '--port', '0', '--fixtures', 'none', '--processing-ms', '0', '--persist', file],
      /listening on (http:\/\/\S+)/,
    );
    const create = (name: string) =>
      fetch(`${url}/xai/v1/collections`, {
        method: 'POST',
        headers: { ...XAI, 'content-type': 'application/json' },
        body: JSON.stringify({ collection_name: name }),
      });
    expect((await create('kept')).status).toBe(200);
    for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 25));
    expect(existsSync(file)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
    // A change the saver cannot write, then more log than the pipe holds.
    expect((await create('lost')).status).toBe(200);
    await longRequests((i, pad) => `${url}/xai/v1/collections?n=${i}&pad=${pad}`, LINES, LINE, { headers: XAI });
    child.kill('SIGTERM');
    const { signal } = await exited(child);
    expect(signal, 'ended by itself, not killed').toBeNull();
  }, 60_000);

  it('keeps the exit code of a finished shutdown when a second signal comes while the last lines go out', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'signals-twice-'));
    const out = path.join(dir, 'rec.yaml');
    const upstream = http.createServer((req, res) => {
      res.writeHead(req.url === '/v1/spaces' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          req.url === '/v1/spaces'
            ? { spaces: [], pagination: { page: 1, per_page: 20, total: 0, pages: 0 } }
            : { error: 'Not Found', message: 'no such path', code: 404 },
        ),
      );
    });
    servers.push(upstream);
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    // stdout is not read; stderr is, to see when the shutdown is done.
    const child = spawn(
      process.execPath,
      [cli, 'record', '--provider', 'ctxfy', '--upstream', `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, '--port', '0', '--out', out],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const seen = async (re: RegExp) => {
      for (let i = 0; i < 400 && !re.test(err); i++) await new Promise((r) => setTimeout(r, 25));
      expect(err).toMatch(re);
    };
    await seen(/recording ctxfy on http:\/\/\S+/);
    const url = /recording ctxfy on (http:\/\/\S+)/.exec(err)![1]!;
    const ctx = { authorization: 'Bearer ctx-twice' };
    expect((await fetch(`${url}/v1/spaces`, { headers: ctx })).status).toBe(200);
    await longRequests((i, pad) => `${url}/v1/nowhere-${i}-${pad}`, 300, 12_000, { headers: ctx });
    child.kill('SIGINT');
    await seen(/collections-mock record: wrote /);
    // As when a terminal's Ctrl-C reaches the process both directly and forwarded by npm.
    child.kill('SIGINT');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('stops record, and the recording is on disk', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'signals-record-'));
    const out = path.join(dir, 'rec.yaml');
    // An upstream that answers listSpaces, and 404 to anything else.
    const upstream = http.createServer((req, res) => {
      const spaces = req.url?.startsWith('/v1/spaces');
      res.writeHead(spaces ? 200 : 404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          spaces ? { spaces: [], pagination: { page: 1, per_page: 20, total: 0, pages: 0 } } : { error: 'Not Found', message: 'no such path', code: 404 },
        ),
      );
    });
    servers.push(upstream);
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const { child, url } = await startUnread(
      ['record', '--provider', 'ctxfy', '--upstream', base, '--port', '0', '--out', out],
      /recording ctxfy on (http:\/\/\S+)/,
    );
    const ctx = { authorization: 'Bearer ctx-signals' };
    expect((await fetch(`${url}/v1/spaces`, { headers: ctx })).status).toBe(200);
    // Paths the spec does not know: each is logged as a violation, with the path in the line.
    await longRequests((i, pad) => `${url}/v1/nowhere-${i}-${pad}`, 300, 12_000, { headers: ctx });
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
    expect(readFileSync(out, 'utf8')).toMatch(/operation: listSpaces/);
  }, 60_000);
});
