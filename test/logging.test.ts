/**
 * Logs: one line per request, readable (pino-pretty) or JSON (pino), with the
 * same fields: method, URL, provider, operation, status, ms and the scenario
 * that answered. `quiet` silences the request lines only: warnings and errors
 * (self-check failures, failed saves and deliveries, scheduled task errors)
 * still print. Through the library (a destination the test reads) and the
 * built CLI.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, requestLineJson, requestLogger, type LogFormat, type RequestLine } from '../src/core/log.js';
import { LineOutput } from '../src/core/log-output.js';
import type { MockServer } from '../src/server.js';
import { startServer } from './support/server.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'logging-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scenarioDir = path.join(dir, 'scenarios');
mkdirSync(path.join(scenarioDir, 'xai'), { recursive: true });
writeFileSync(
  path.join(scenarioDir, 'xai', 'create-fails.yaml'),
  ['rules:', '  - match: { operation: createCollection }', '    respond: { status: 500 }', ''].join('\n'),
);
// A reply that breaks the spec: the self-check logs it as an error.
writeFileSync(
  path.join(scenarioDir, 'xai', 'bad-list.yaml'),
  ['rules:', '  - match: { operation: listCollections }', '    respond: { status: 200, body: { wrong: true } }', ''].join('\n'),
);

const KEY = 'Bearer xai-logging';

/** A logger destination that keeps every line and says when one matching arrives. */
function collector() {
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (line: string) => void }[] = [];
  return {
    lines,
    write(line: string): void {
      lines.push(line);
      for (const w of waiters.filter((w) => w.re.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    },
    /** The first line matching `re`, now or when it is written. */
    line(re: RegExp): Promise<string> {
      const found = lines.find((l) => re.test(l));
      return found !== undefined ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ re, resolve }));
    },
  };
}

async function serverLogging(
  format: LogFormat,
  options: { quiet?: boolean; persist?: string } = {},
): Promise<{ server: MockServer; out: ReturnType<typeof collector> }> {
  const out = collector();
  const server = await startServer({
    quiet: false,
    ...options,
    logger: createLogger({ format, destination: out }),
    scenarios: [scenarioDir],
    shippedScenarios: false,
  });
  return { server, out };
}

const call = (server: MockServer, p: string, init: RequestInit = {}) =>
  fetch(`${server.url}${p}`, { ...init, headers: { authorization: KEY, ...(init.headers as Record<string, string>) } });
const createWithScenario = (server: MockServer) =>
  call(server, '/xai/v1/collections', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mock-scenario': 'create-fails' },
    body: '{"collection_name":"c"}',
  });

describe('request lines', () => {
  it('JSON: method, url, status, ms, provider, operation and the scenario that answered', async () => {
    const { server, out } = await serverLogging('json');
    try {
      expect((await call(server, '/xai/v1/collections?limit=5')).status).toBe(200);
      const list = JSON.parse(await out.line(/"url":"\/xai\/v1\/collections\?limit=5"/));
      expect(list).toEqual({
        level: 30,
        time: expect.any(Number),
        name: 'collections-mock',
        msg: 'request',
        method: 'GET',
        url: '/xai/v1/collections?limit=5',
        status: 200,
        ms: expect.any(Number),
        provider: 'xai',
        operationId: 'listCollections',
      });

      expect((await createWithScenario(server)).status).toBe(500);
      expect(JSON.parse(await out.line(/"method":"POST"/))).toMatchObject({
        url: '/xai/v1/collections',
        status: 500,
        provider: 'xai',
        operationId: 'createCollection',
        scenario: 'create-fails',
      });

      await call(server, '/__mock/health');
      expect(JSON.parse(await out.line(/"url":"\/__mock\/health"/))).toMatchObject({ status: 200, provider: 'admin', operationId: 'getHealth' });

      // A provider's path that no operation matches, and a path no provider is mounted at.
      await call(server, '/xai/v1/nope');
      const unmatched = JSON.parse(await out.line(/"url":"\/xai\/v1\/nope"/));
      expect(unmatched).toMatchObject({ status: 404, provider: 'xai' });
      expect(unmatched).not.toHaveProperty('operationId');
      await call(server, '/nowhere');
      const unmounted = JSON.parse(await out.line(/"url":"\/nowhere"/));
      expect(unmounted).toMatchObject({ status: 404 });
      expect(unmounted).not.toHaveProperty('provider');
    } finally {
      await server.close();
    }
  });

  it('pretty: the same fields on one readable line; other lines keep their message and fields', async () => {
    const { server, out } = await serverLogging('pretty');
    try {
      await call(server, '/xai/v1/collections?limit=5');
      expect(await out.line(/limit=5/)).toMatch(
        /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: request GET \/xai\/v1\/collections\?limit=5 xai\.listCollections 200 \d+(\.\d+)? ms\n$/,
      );
      await createWithScenario(server);
      expect(await out.line(/POST/)).toMatch(/ INFO: request POST \/xai\/v1\/collections xai\.createCollection 500 \d+(\.\d+)? ms scenario create-fails\n$/);
      await call(server, '/__mock/health');
      expect(await out.line(/health/)).toMatch(/ INFO: request GET \/__mock\/health admin\.getHealth 200 \d+(\.\d+)? ms\n$/);
      await call(server, '/nowhere');
      expect(await out.line(/nowhere/)).toMatch(/ INFO: request GET \/nowhere 404 \d+(\.\d+)? ms\n$/);
      server.clock.schedule(0, () => {
        throw new Error('task boom');
      });
      expect(await out.line(/scheduled task failed/)).toMatch(/ ERROR: scheduled task failed/);
      expect(out.lines.join('')).toContain('task boom');
      // Plain text: colours only on a terminal.
      expect(out.lines.join('')).not.toContain('\u001b[');
    } finally {
      await server.close();
    }
  });

  it("the mock's own fixture requests leave no line, as they leave no journal entry", async () => {
    const fixtures = path.join(dir, 'fixtures');
    mkdirSync(path.join(fixtures, 'xai'), { recursive: true });
    writeFileSync(
      path.join(fixtures, 'xai', 'one.yaml'),
      ['headers:', `  authorization: ${KEY}`, 'requests:', '  - { method: POST, path: /v1/collections, body: { collection_name: demo } }', ''].join('\n'),
    );
    const out = collector();
    const server = await startServer({ quiet: false, logger: createLogger({ format: 'json', destination: out }), fixtures });
    try {
      expect(server.fixtures).toHaveLength(1);
      await call(server, '/xai/v1/collections');
      expect(JSON.parse(await out.line(/"method":"GET"/))).toMatchObject({ operationId: 'listCollections' });
      expect(out.lines.filter((l) => l.includes('"method":"POST"'))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('the format defaults to pretty on a terminal and JSON elsewhere', () => {
    const tty = { ...collector(), isTTY: true };
    createLogger({ destination: tty }).info({ method: 'GET', url: '/x', status: 200 }, 'request');
    expect(tty.lines[0]).toMatch(/INFO: request GET \/x 200\n$/);
    const pipe = collector();
    createLogger({ destination: pipe }).info({ method: 'GET', url: '/x', status: 200 }, 'request');
    expect(JSON.parse(pipe.lines[0]!)).toMatchObject({ msg: 'request', method: 'GET', url: '/x', status: 200 });
  });
});

/**
 * A stand-in for a file descriptor: what was written to it, in order, and a
 * plan for each write (how many bytes it takes, or EAGAIN for a full pipe,
 * EPIPE for a reader that has gone); with no plan left, it takes everything.
 */
function fakeFd(plan: (number | 'EAGAIN' | 'EPIPE')[] = []) {
  const written: Buffer[] = [];
  let calls = 0;
  const writeSync = (_fd: number, bytes: Buffer): number => {
    calls++;
    const step = plan.shift();
    if (step === 'EAGAIN' || step === 'EPIPE') throw Object.assign(new Error(step), { code: step });
    const n = Math.min(step ?? bytes.length, bytes.length);
    written.push(Buffer.from(bytes.subarray(0, n)));
    return n;
  };
  return {
    writeSync,
    plan,
    get calls() {
      return calls;
    },
    text: () => Buffer.concat(written).toString('utf8'),
  };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the request line', () => {
  const cases: RequestLine[] = [
    { method: 'GET', url: '/xai/v1/collections?limit=2', status: 200, ms: 1.25, provider: 'xai', operationId: 'listCollections', scenario: undefined },
    { method: 'POST', url: '/xai/v1/collections', status: 500, ms: 0.031, provider: 'xai', operationId: 'createCollection', scenario: 'error-500' },
    { method: 'GET', url: '/nowhere', status: 404, ms: 12, provider: undefined, operationId: undefined, scenario: undefined },
    {
      method: 'GET',
      url: `/airweave/collections?q=${'"quoted" \\ back\tslash \u0001 ünïcödé € 😀 '.repeat(3)}`,
      status: 200,
      ms: 0.5,
      provider: 'airweave',
      operationId: 'listCollections',
      scenario: 'a "named" scenario',
    },
    { method: undefined, url: undefined, status: 0, ms: 3, provider: 'ctxfy', operationId: undefined, scenario: undefined },
  ];

  it('built directly, is the line pino writes for the same fields: the same keys in the same order, the same values', () => {
    for (const line of cases) {
      const out = collector();
      const log = createLogger({ format: 'json', destination: out });
      log.info(line, 'request');
      const fromPino = JSON.parse(out.lines[0]!) as Record<string, unknown>;
      const direct = requestLineJson(line, fromPino.time as number);
      expect(direct.endsWith('}\n')).toBe(true);
      const parsed = JSON.parse(direct) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual(Object.keys(fromPino).filter((k) => k !== 'pid' && k !== 'hostname'));
      expect(parsed).toEqual({ ...fromPino, pid: undefined, hostname: undefined });
    }
  });

  it('goes through log.info for any other logger, and not at all below the info level', () => {
    const out = collector();
    const log = createLogger({ format: 'json', destination: out });
    requestLogger(log)(cases[1]!);
    expect(JSON.parse(out.lines[0]!)).toMatchObject({ msg: 'request', method: 'POST', status: 500, scenario: 'error-500' });
    log.level = 'warn';
    requestLogger(log)(cases[1]!);
    expect(out.lines).toHaveLength(1);
  });

  it('is written directly by the JSON logger on stdout, in order with its other lines, and not below the info level', () => {
    const logModule = path.resolve(import.meta.dirname, '..', 'dist', 'core', 'log.js');
    const script = `import { createLogger, requestLogger } from ${JSON.stringify(logModule)};
      const log = createLogger({ format: 'json' });
      const line = requestLogger(log);
      log.warn('before');
      line(${JSON.stringify(cases[3])});
      log.info({ n: 1 }, 'after');
      log.level = 'warn';
      line(${JSON.stringify(cases[0])});`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual(['before', 'request', 'after']);
    expect(lines[1]).toEqual({ level: 30, time: expect.any(Number), name: 'collections-mock', ...cases[3], msg: 'request' });
  });
});

describe('stdout: the lines of one turn in one write, never blocking', () => {
  it('writes the lines logged in one turn together, in order, in the next turn', async () => {
    const fd = fakeFd();
    const out = new LineOutput({ writeSync: fd.writeSync });
    out.write('a\n');
    out.write('b\n');
    out.write('c\n');
    expect(fd.calls).toBe(0);
    await nextTurn();
    expect(fd.calls).toBe(1);
    expect(fd.text()).toBe('a\nb\nc\n');
    out.write('d\n');
    await nextTurn();
    expect(fd.calls).toBe(2);
    expect(fd.text()).toBe('a\nb\nc\nd\n');
  });

  it('keeps a turn larger than its buffer, and a line larger than the buffer, whole and in order', async () => {
    const fd = fakeFd();
    const out = new LineOutput({ writeSync: fd.writeSync, turnBytes: 16 });
    const lines = ['one\n', 'twö\n', `${'x'.repeat(40)}\n`, 'three\n', 'four\n', 'five\n'];
    for (const line of lines) out.write(line);
    await nextTurn();
    expect(fd.text()).toBe(lines.join(''));
    expect(out.queued).toBe(0);
  });

  it('keeps what a full pipe did not take (part of a write, or none of it) and writes it first, in order, when it takes more', async () => {
    // 3 bytes of the first write, then a full pipe twice, then all.
    const fd = fakeFd([3, 'EAGAIN', 'EAGAIN']);
    const out = new LineOutput({ writeSync: fd.writeSync, retryMs: 5 });
    out.write('héllo\n');
    await nextTurn();
    expect(fd.text()).toBe('hé');
    expect(out.queued).toBe(Buffer.byteLength('llo\n'));
    out.write('world\n');
    await nextTurn();
    // A later line waits behind the rest of the earlier one.
    expect(fd.text()).toBe('hé');
    await vi.waitFor(() => expect(fd.text()).toBe('héllo\nworld\n'), { interval: 5 });
    expect(out.queued).toBe(0);
  });

  it('bounds the queue while nobody reads: lines past it are dropped, counted, and reported once the reader reads again', async () => {
    const fd = fakeFd(['EAGAIN', 'EAGAIN']);
    const out = new LineOutput({ writeSync: fd.writeSync, retryMs: 5, maxQueuedBytes: 200, name: 'collections-mock' });
    out.write(`${'a'.repeat(150)}\n`);
    await nextTurn();
    expect(out.queued).toBe(151);
    out.write(`${'b'.repeat(150)}\n`);
    out.write(`${'c'.repeat(150)}\n`);
    await nextTurn();
    expect(out.queued).toBe(151);
    await vi.waitFor(() => expect(out.queued).toBe(0), { interval: 5 });
    out.write('d\n');
    await nextTurn();
    const lines = fd.text().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('a'.repeat(150));
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 40, name: 'collections-mock', dropped: 2, msg: 'log lines dropped: stdout was not read' });
    expect(lines[2]).toBe('d');
  });

  it('stops writing, without throwing, once the reader has gone', async () => {
    const fd = fakeFd(['EPIPE']);
    const out = new LineOutput({ writeSync: fd.writeSync });
    out.write('lost\n');
    await nextTurn();
    expect(out.destroyed).toBe(true);
    out.write('also lost\n');
    await nextTurn();
    expect(fd.calls).toBe(1);
    expect(fd.text()).toBe('');
  });

  it('end writes what is pending and queued, then closes; destroy drops it', async () => {
    const fd = fakeFd(['EAGAIN']);
    const ending = new LineOutput({ writeSync: fd.writeSync, retryMs: 5 });
    ending.write('last\n');
    let closed = false;
    ending.once('close', () => (closed = true));
    ending.end();
    await nextTurn();
    expect(closed).toBe(false);
    await vi.waitFor(() => expect(closed).toBe(true), { interval: 5 });
    expect(fd.text()).toBe('last\n');

    const dropFd = fakeFd();
    const dropping = new LineOutput({ writeSync: dropFd.writeSync });
    dropping.write('dropped\n');
    dropping.destroy();
    await nextTurn();
    expect(dropFd.calls).toBe(0);
    expect(dropping.destroyed).toBe(true);
  });

  it('a process that logs and exits at once still prints every line (the built logger on stdout)', () => {
    const logModule = path.resolve(import.meta.dirname, '..', 'dist', 'core', 'log.js');
    const script = `import { createLogger } from ${JSON.stringify(logModule)};
      const log = createLogger({ format: 'json' });
      for (let i = 0; i < 2000; i++) log.info({ i }, 'line');
      setImmediate(() => { for (let i = 2000; i < 2500; i++) log.info({ i }, 'line'); process.exit(0); });`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const numbers = run.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { i: number }).i);
    // Every line, once, in order: the lines of the last turn are written at exit.
    expect(numbers).toEqual(Array.from({ length: 2500 }, (_, i) => i));
  });
});

describe('quiet', () => {
  it('silences the request lines only: self-check failures, scheduled task errors, failed deliveries and failed saves still print', async () => {
    const stateDir = path.join(dir, 'state');
    mkdirSync(stateDir);
    const { server, out } = await serverLogging('json', { quiet: true, persist: path.join(stateDir, 'state.json') });
    let closed = false;
    try {
      expect((await call(server, '/xai/v1/collections')).status).toBe(200);
      // Strict: the broken reply becomes a 500, and is logged.
      expect((await call(server, '/xai/v1/collections', { headers: { 'x-mock-scenario': 'bad-list' } })).status).toBe(500);
      expect(JSON.parse(await out.line(/response does not match the spec/))).toMatchObject({ level: 50, selfCheck: { operationId: 'listCollections' } });
      // The journal shows what the self-check found on that request, and the console's detail the same.
      const journal = (await (await fetch(`${server.url}/__mock/journal?status=500`)).json()) as {
        entries: { id: number; selfCheck?: { issues: { location: string }[] } }[];
      };
      expect(journal.entries[0]!.selfCheck?.issues[0]).toMatchObject({ location: 'body' });
      const detail = (await (await fetch(`${server.url}/__mock/journal/${journal.entries[0]!.id}`)).json()) as { entry: { selfCheck?: unknown } };
      expect(detail.entry.selfCheck).toEqual(journal.entries[0]!.selfCheck);
      server.selfCheckFailures.splice(0);

      server.clock.schedule(0, () => {
        throw new Error('task boom');
      });
      expect(JSON.parse(await out.line(/scheduled task failed/))).toMatchObject({ level: 50, err: { message: 'task boom' } });

      server.deliveries.send({ id: 'dlv_1', url: 'http://127.0.0.1:1/hook', topic: 'test', body: {}, backoffMs: [] });
      await server.deliveries.idle();
      expect(JSON.parse(await out.line(/delivery failed/))).toMatchObject({ level: 40, delivery: 'dlv_1' });

      // A change to save, and nowhere to save it: the save at shutdown fails.
      server.importState(server.exportState());
      rmSync(stateDir, { recursive: true });
      await server.close();
      closed = true;
      expect(JSON.parse(await out.line(/could not save the state/))).toMatchObject({ level: 50 });

      // Every request has finished once the server is closed: none left a line.
      expect(out.lines.filter((l) => JSON.parse(l).msg === 'request')).toEqual([]);
    } finally {
      if (!closed) await server.close();
    }
  });
});

describe('CLI', () => {
  const root = path.resolve(import.meta.dirname, '..');
  const cli = path.join(root, 'dist', 'cli.js');
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  /** The CLI on a free port, without fixtures; stdout and stderr kept apart. */
  function start(args: string[]) {
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--fixtures', 'none', '--no-shipped-scenarios', '--scenarios', scenarioDir, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = new Promise<string>((resolve, reject) => {
      child.stderr!.on('data', () => {
        const m = /listening on (http:\/\/\S+)/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      void exited.then((code) => reject(new Error(`the CLI exited with ${code}:\n${stderr}`)));
    });
    // A start that is meant to fail is awaited through `exited`.
    url.catch(() => undefined);
    /** Stops the CLI and resolves with everything it printed. */
    const stop = async () => {
      child.kill('SIGTERM');
      const code = await exited;
      return { code, stdout, stderr };
    };
    return { url, stop, exited, output: () => ({ stdout, stderr }) };
  }

  it('--log-format json and pretty print the same request line; no flag on a pipe is JSON', async () => {
    for (const [args, expected] of [
      [
        ['--log-format', 'json'],
        /^\{.*"method":"POST","url":"\/xai\/v1\/collections","status":500,"ms":[\d.]+,"provider":"xai","operationId":"createCollection","scenario":"create-fails","msg":"request"\}$/m,
      ],
      [[], /^\{.*"method":"POST","url":"\/xai\/v1\/collections","status":500,.*"scenario":"create-fails","msg":"request"\}$/m],
      [['--log-format', 'pretty'], /^\[[\d:.]+\] INFO: request POST \/xai\/v1\/collections xai\.createCollection 500 [\d.]+ ms scenario create-fails$/m],
    ] as const) {
      const cliServer = start([...args]);
      const url = await cliServer.url;
      const res = await fetch(`${url}/xai/v1/collections`, {
        method: 'POST',
        headers: { authorization: KEY, 'content-type': 'application/json', 'x-mock-scenario': 'create-fails' },
        body: '{"collection_name":"c"}',
      });
      expect(res.status).toBe(500);
      const { code, stdout } = await cliServer.stop();
      expect(code).toBe(0);
      expect(stdout, args.join(' ')).toMatch(expected);
    }
  });

  it('refuses a --log-format it does not know', async () => {
    const child = start(['--log-format', 'yaml']);
    expect(await child.exited).toBe(2);
    expect(child.output().stderr).toBe(
      'collections-mock serve: --log-format: unknown log format "yaml"; choose from pretty, json (see collections-mock serve --help)\n',
    );
  });

  it('--quiet: no request lines, but a reply that breaks the spec is still logged', async () => {
    const cliServer = start(['--quiet']);
    const url = await cliServer.url;
    expect((await fetch(`${url}/xai/v1/collections`, { headers: { authorization: KEY } })).status).toBe(200);
    // Not strict: the broken reply is sent, and logged.
    expect((await fetch(`${url}/xai/v1/collections`, { headers: { authorization: KEY, 'x-mock-scenario': 'bad-list' } })).status).toBe(200);
    const { code, stdout } = await cliServer.stop();
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.msg === 'request')).toEqual([]);
    expect(lines.filter((l) => l.msg === 'response does not match the spec')).toHaveLength(1);
  });
});
