/**
 * Start-up: the server listens before it loads the --persist file and the
 * fixtures. Meanwhile GET /__mock/health answers 503 with what is still
 * loading, other requests wait and are answered from the loaded data, the
 * mock's own fixture requests go through; an abort stops a start cleanly.
 * The loading window is held open by the onListening hook (or by holding the
 * fixture requests), never by timing.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { startServer } from './support/server.js';
import { SpecValidators } from '../src/core/validation.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

const KEY = { authorization: 'Bearer xai-startup' };

/** A fixtures directory whose one xAI file creates a collection for KEY. */
const fixturesDir = path.join(dir, 'fixtures');
mkdirSync(path.join(fixturesDir, 'xai'), { recursive: true });
writeFileSync(
  path.join(fixturesDir, 'xai', 'one.yaml'),
  [
    'headers:',
    `  authorization: ${KEY.authorization}`,
    'requests:',
    '  - method: POST',
    '    path: /v1/collections',
    '    body: { collection_name: from-fixtures }',
    '',
  ].join('\n'),
);

const json = async (res: Response): Promise<any> => res.json();
const names = (body: any): string[] => body.collections.map((c: { collection_name: string }) => c.collection_name);

/** Asks health until it counts `n` waiting requests: the requests sent before have then reached the server. */
async function untilWaiting(url: string, n: number): Promise<any> {
  for (let i = 0; i < 1000; i++) {
    const res = await fetch(`${url}/__mock/health`);
    const body = await json(res);
    if (body.waiting === n) return body;
  }
  throw new Error(`health never counted ${n} waiting requests`);
}

describe('loading at start-up', () => {
  it('health answers 503 with what is loading, other requests wait for the fixtures and are answered from them, then health is 200', async () => {
    let loadingHealth: { status: number; body: any } | undefined;
    let waitingHealth: any;
    let listRequest: Promise<Response> | undefined;
    let clockRequest: Promise<Response> | undefined;
    const server = await startServer({
      fixtures: fixturesDir,
      onListening: async ({ url }) => {
        const res = await fetch(`${url}/__mock/health`);
        loadingHealth = { status: res.status, body: await json(res) };
        // Sent before loading starts: answered once it has ended, from the loaded data.
        listRequest = fetch(`${url}/xai/v1/collections`, { headers: KEY });
        clockRequest = fetch(`${url}/__mock/clock`);
        waitingHealth = await untilWaiting(url, 2);
      },
    });
    try {
      expect(loadingHealth).toEqual({ status: 503, body: { status: 'loading', loading: ['fixtures'], waiting: 0 } });
      expect(waitingHealth).toEqual({ status: 'loading', loading: ['fixtures'], waiting: 2 });
      const list = await listRequest!;
      expect(list.status).toBe(200);
      expect(names(await json(list))).toEqual(['from-fixtures']);
      expect((await clockRequest!).status).toBe(200);
      const health = await fetch(`${server.url}/__mock/health`);
      expect(health.status).toBe(200);
      expect(await json(health)).toMatchObject({ status: 'ok', journal: 1 });
      // The fixture requests went through while the others waited, and stay out of the journal.
      expect(server.fixtures).toHaveLength(1);
      expect(server.journal.list().map((e) => e.operationId)).toEqual(['listCollections']);
      // The 503 was checked against specs/admin.yaml like every reply (strict).
      expect(server.selfCheckFailures).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('without strict, the replies sent while loading are checked against the spec once loading has ended, not during it', async () => {
    // Which response validators are asked for, and whether the server had started then.
    const asked: string[] = [];
    let started = false;
    const realFor = SpecValidators.prototype.for;
    vi.spyOn(SpecValidators.prototype, 'for').mockImplementation(function (this: SpecValidators, op) {
      const v = realFor.call(this, op);
      return {
        ...v,
        response: (status: string, mediaType: string) => {
          asked.push(`${started ? 'after' : 'during'} ${op.id} ${status}`);
          return v.response(status, mediaType);
        },
      };
    });
    let loadingStatus = 0;
    const server = await startServer({
      strict: false,
      fixtures: fixturesDir,
      onListening: async ({ url }) => {
        loadingStatus = (await fetch(`${url}/__mock/health`)).status;
      },
    });
    started = true;
    try {
      expect(loadingStatus).toBe(503);
      await vi.waitFor(() => expect(asked).toEqual(expect.arrayContaining(['after getHealth 503', 'after createCollection 200'])));
      expect(asked.filter((a) => a.startsWith('during'))).toEqual([]);
      expect(server.selfCheckFailures).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('loads the --persist file while listening (health names the state), and then loads no fixtures', async () => {
    const file = path.join(dir, 'state.json');
    const first = await startServer({ persist: file });
    const made = await fetch(`${first.url}/xai/v1/collections`, {
      method: 'POST',
      headers: { ...KEY, 'content-type': 'application/json' },
      body: '{"collection_name":"kept"}',
    });
    expect(made.status).toBe(200);
    await first.close();

    let loadingHealth: any;
    const second = await startServer({
      persist: file,
      fixtures: fixturesDir,
      onListening: async ({ url }) => {
        loadingHealth = await json(await fetch(`${url}/__mock/health`));
      },
    });
    try {
      // Until the file is read, the fixtures may still be needed.
      expect(loadingHealth).toEqual({ status: 'loading', loading: ['state', 'fixtures'], waiting: 0 });
      expect(second.fixtures).toEqual([]);
      expect(names(await json(await fetch(`${second.url}/xai/v1/collections`, { headers: KEY })))).toEqual(['kept']);
      expect((await fetch(`${second.url}/__mock/health`)).status).toBe(200);
      expect(second.selfCheckFailures).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('with nothing to load, health is 200 from the start and createMockServer still resolves after onListening', async () => {
    const seen: number[] = [];
    let listening = false;
    const server = await startServer({
      onListening: async ({ url, port, host }) => {
        listening = true;
        expect(url).toBe(`http://${host}:${port}`);
        seen.push((await fetch(`${url}/__mock/health`)).status);
      },
    });
    try {
      expect(listening).toBe(true);
      expect(seen).toEqual([200]);
    } finally {
      await server.close();
    }
  });

  it('a --persist file that cannot be read stops the start, and the server no longer listens', async () => {
    const file = path.join(dir, 'corrupt.json');
    writeFileSync(file, '{ not json');
    let url = '';
    await expect(
      startServer({
        persist: file,
        onListening: (address) => {
          url = address.url;
        },
      }),
    ).rejects.toThrow(/not valid JSON/);
    await expect(fetch(`${url}/__mock/health`)).rejects.toThrow();
  });
});

describe('abort', () => {
  it('an abort while loading stops the start: createMockServer rejects with the reason, waiting requests are dropped, the port is closed', async () => {
    const abort = new AbortController();
    let url = '';
    let waiting: Promise<number | string> | undefined;
    const start = startServer({
      fixtures: fixturesDir,
      signal: abort.signal,
      onListening: async (address) => {
        url = address.url;
        waiting = fetch(`${url}/xai/v1/collections`, { headers: KEY }).then(
          (res) => res.status,
          () => 'dropped',
        );
        await untilWaiting(url, 1);
        abort.abort();
      },
    });
    await expect(start).rejects.toMatchObject({ name: 'AbortError' });
    expect(await waiting!).toBe('dropped');
    await expect(fetch(`${url}/__mock/health`)).rejects.toThrow();
  });

  it('an abort stops the start even while a fixture request is unanswered', async () => {
    let held!: () => void;
    const fixtureSent = new Promise<void>((resolve) => (held = resolve));
    // The mock's own fixture requests (node:http, marked x-mock-internal) never get an answer: loading cannot end by itself.
    const realRequest = http.request;
    vi.spyOn(http, 'request').mockImplementation(((url: string, options: http.RequestOptions, callback?: (res: http.IncomingMessage) => void) => {
      if ((options?.headers as Record<string, string> | undefined)?.['x-mock-internal'] !== undefined) {
        held();
        return Object.assign(new EventEmitter(), { end: () => undefined });
      }
      return realRequest(url, options, callback);
    }) as unknown as typeof http.request);
    const realFetch = globalThis.fetch;
    const abort = new AbortController();
    let url = '';
    const start = startServer({ fixtures: fixturesDir, signal: abort.signal, onListening: (a) => void (url = a.url) });
    await fixtureSent;
    const health = await realFetch(`${url}/__mock/health`);
    expect(health.status).toBe(503);
    expect(await json(health)).toEqual({ status: 'loading', loading: ['fixtures'], waiting: 0 });
    abort.abort(new Error('stop now'));
    await expect(start).rejects.toThrow('stop now');
    await expect(realFetch(`${url}/__mock/health`)).rejects.toThrow();
  });

  it('a signal aborted before the call: no server is started', async () => {
    const onListening = vi.fn();
    await expect(startServer({ signal: AbortSignal.abort(), onListening })).rejects.toMatchObject({ name: 'AbortError' });
    expect(onListening).not.toHaveBeenCalled();
  });

  it('an abort after the start closes the server', async () => {
    const abort = new AbortController();
    const server = await startServer({ signal: abort.signal });
    expect((await fetch(`${server.url}/__mock/health`)).status).toBe(200);
    abort.abort();
    // close() is the same stop the abort began.
    await server.close();
    await expect(fetch(`${server.url}/__mock/health`)).rejects.toThrow();
  });
});

describe('CLI', () => {
  const root = path.resolve(import.meta.dirname, '..');
  const cli = path.join(root, 'dist', 'cli.js');
  // Loaded before the CLI: the mock's own fixture requests never get an answer, so the CLI stays loading until it is stopped.
  const holdFixtures = path.join(dir, 'hold-fixtures.mjs');
  writeFileSync(
    holdFixtures,
    [
      "import http from 'node:http';",
      "import { EventEmitter } from 'node:events';",
      'const realRequest = http.request;',
      'let told = false;',
      'http.request = (url, options, callback) => {',
      "  if (options?.headers?.['x-mock-internal'] === undefined) return realRequest(url, options, callback);",
      '  if (!told) process.stderr.write(`fixture request held: ${new URL(String(url)).origin}\\n`);',
      '  told = true;',
      '  return Object.assign(new EventEmitter(), { end: () => undefined });',
      '};',
      '',
    ].join('\n'),
  );

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while the fixtures load: a clean stop, exit code 0`, async () => {
      const child = spawn(process.execPath, ['--import', holdFixtures, cli, 'serve', '--port', '0', '--fixtures', 'default'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        let out = '';
        child.stdout!.on('data', (d) => (out += d));
        const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
          child.on('exit', (code, sig) => resolve({ code, signal: sig })),
        );
        const url = await new Promise<string>((resolve, reject) => {
          child.stderr!.on('data', (d) => {
            out += d;
            const m = /fixture request held: (http:\/\/\S+)/.exec(out);
            if (m) resolve(m[1]!);
          });
          void exited.then(({ code }) => reject(new Error(`the CLI exited with ${code}:\n${out}`)));
        });
        const health = await fetch(`${url}/__mock/health`);
        expect(health.status).toBe(503);
        expect(await json(health)).toEqual({ status: 'loading', loading: ['fixtures'], waiting: 0 });
        const waiting = fetch(`${url}/xai/v1/collections`, { headers: KEY }).then(
          (res) => res.status,
          () => 'dropped',
        );
        await untilWaiting(url, 1);
        child.kill(signal);
        expect(await exited).toEqual({ code: 0, signal: null });
        // The waiting request was dropped with the connection, not answered from half-loaded data.
        expect(await waiting).toBe('dropped');
        expect(out).not.toMatch(/listening on/);
        expect(out).toMatch(new RegExp(`"signal":"${signal}","msg":"shutting down"`));
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    });
  }
});
