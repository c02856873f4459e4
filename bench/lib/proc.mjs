/**
 * Child processes for the benchmark: the mock (dist/cli.js) and Prism, on free
 * loopback ports, every one of them killed when the benchmark ends — normally,
 * on an error, or on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
const require = createRequire(import.meta.url);

/** @type {(ms: number) => Promise<void>} */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The installed Prism's CLI entry point (what node_modules/.bin/prism links to) and version. */
/** @returns {{ bin: string, version: string }} */
export function prismInfo() {
  const pkgFile = require.resolve('@stoplight/prism-cli/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.prism;
  return { bin: path.resolve(path.dirname(pkgFile), bin), version: pkg.version };
}

/**
 * @param {string} name
 * @returns {string}
 */
export function packageVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

/**
 * A port the OS just handed out on 127.0.0.1 (free at the time of the call).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** Every child still running; killed synchronously when this process exits. */
/** @type {Set<ChildProcess>} */
const live = new Set();

/** @param {ChildProcess} child */
function killNow(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    child.kill('SIGKILL');
  } catch {
    // already gone
  }
}

export function killAll() {
  for (const child of live) killNow(child);
}

/** @param {unknown} err */
const errorText = (err) => (err instanceof Error && err.stack) || String(err);

let hooksInstalled = false;
/** Kill every child on exit, Ctrl-C, SIGTERM, and crashes of the benchmark itself. */
export function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping the servers\n`);
      killAll();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (err) => {
    process.stderr.write(`\nbench: BROKEN: ${errorText(err)}\n`);
    killAll();
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    process.stderr.write(`\nbench: BROKEN: ${errorText(err)}\n`);
    killAll();
    process.exit(1);
  });
}

/**
 * Runs in long-lived children before their own code: exit when the benchmark's
 * IPC channel goes away, so that not even a SIGKILL of the benchmark leaves a
 * server behind.
 */
const ORPHAN_GUARD = `data:text/javascript,${encodeURIComponent(
  "if (process.channel) { process.channel.unref(); process.on('disconnect', () => process.exit(0)); }",
)}`;

/**
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null }} ExitInfo
 * @typedef {object} Spawned
 * @property {ChildProcess} child
 * @property {number | undefined} pid
 * @property {string} label
 * @property {number} startedAt performance.now() when spawned.
 * @property {Promise<ExitInfo>} exited
 * @property {() => ExitInfo | null} exitInfo
 * @property {() => string} output The tail of its stderr.
 * @property {() => Promise<void>} stop
 * @typedef {Spawned & { url: string, port: number, startupMs: number }} Server
 *   A server answering on `url` (http://127.0.0.1:<port>), ready `startupMs` after the spawn.
 */

/**
 * Spawns `node <args>`. stdout goes to /dev/null (request logs must never
 * block on a pipe); stderr is drained and its tail kept for error messages.
 * `guard` adds the orphan guard (not used where start-up time is measured).
 * @param {string[]} args
 * @param {{ guard?: boolean, label?: string }} [options]
 * @returns {Spawned}
 */
export function spawnNode(args, { guard = true, label = args.join(' ') } = {}) {
  const argv = guard ? ['--import', ORPHAN_GUARD, ...args] : args;
  const startedAt = performance.now();
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    stdio: guard ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  child.channel?.unref();
  live.add(child);
  let tail = '';
  const stderr = /** @type {import('node:stream').Readable} */ (child.stderr);
  stderr.setEncoding('utf8');
  stderr.on('data', (chunk) => {
    tail = (tail + chunk).slice(-16 * 1024);
  });
  /** @type {ExitInfo | null} */
  let exitInfo = null;
  /** @type {Promise<ExitInfo>} */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      live.delete(child);
      resolve(exitInfo);
    });
    child.once('error', (err) => {
      tail += `\n[spawn error] ${err.message}`;
      exitInfo ??= { code: null, signal: null };
      live.delete(child);
      resolve(exitInfo);
    });
  });
  return {
    child,
    pid: child.pid,
    label,
    startedAt,
    exited,
    exitInfo: () => exitInfo,
    output: () => tail,
    async stop() {
      killNow(child);
      await exited;
    },
  };
}

/**
 * One GET on a fresh connection: resolves with the status, or null when nothing answers.
 * @param {string} url
 * @param {http.OutgoingHttpHeaders} [headers]
 * @param {number} [timeoutMs]
 * @returns {Promise<number | null>}
 */
export function probe(url, headers = {}, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, headers, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? null));
      res.on('error', () => resolve(res.statusCode ?? null));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

/**
 * Polls `url` every `everyMs` until it answers (`accept(status)`), and returns the
 * milliseconds since the process was spawned. Throws with the process's output
 * when it exits first or does not answer within `timeoutMs`.
 * @param {Spawned} proc
 * @param {string} url
 * @param {{ headers?: http.OutgoingHttpHeaders, accept?: (status: number) => boolean, everyMs?: number, timeoutMs?: number }} [options]
 * @returns {Promise<number>}
 */
export async function waitUntilAnswers(proc, url, { headers = {}, accept = (s) => s === 200, everyMs = 5, timeoutMs = 30_000 } = {}) {
  for (;;) {
    const info = proc.exitInfo();
    if (info) throw new Error(`${proc.label} exited before answering (code ${info.code}, signal ${info.signal})\n${proc.output()}`);
    const status = await probe(url, headers);
    if (status !== null && accept(status)) return performance.now() - proc.startedAt;
    if (performance.now() - proc.startedAt > timeoutMs) {
      await proc.stop();
      throw new Error(`${proc.label} did not answer ${url} within ${timeoutMs} ms (last status ${status})\n${proc.output()}`);
    }
    await sleep(everyMs);
  }
}

/**
 * `node dist/cli.js serve --port <free> <extra>`, resolved once /__mock/health answers 200.
 * @param {string[]} [extra]
 * @param {{ guard?: boolean, nodeArgs?: string[] }} [options]
 * @returns {Promise<Server>}
 */
export async function startMock(extra = [], { guard = true, nodeArgs = [] } = {}) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = [...nodeArgs, CLI, 'serve', '--port', String(port), ...extra];
    const proc = spawnNode(args, { guard, label: `mock (node dist/cli.js serve --port ${port} ${extra.join(' ')})` });
    const url = `http://127.0.0.1:${port}`;
    try {
      const startupMs = await waitUntilAnswers(proc, `${url}/__mock/health`);
      return { ...proc, url, port, startupMs };
    } catch (err) {
      await proc.stop();
      if (attempt < 3 && /EADDRINUSE/.test(proc.output())) continue;
      throw err;
    }
  }
}

/**
 * `prism mock <spec> -h 127.0.0.1 -p <free>` (Prism's defaults otherwise), resolved
 * once it answers `probePath` with any HTTP status.
 * @param {string} spec
 * @param {string} probePath
 * @param {http.OutgoingHttpHeaders} headers
 * @param {{ guard?: boolean }} [options]
 * @returns {Promise<Server>}
 */
export async function startPrism(spec, probePath, headers, { guard = true } = {}) {
  const { bin } = prismInfo();
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const specFile = path.join('specs', `${spec}.yaml`);
    const proc = spawnNode([bin, 'mock', specFile, '-h', '127.0.0.1', '-p', String(port)], {
      guard,
      label: `Prism (prism mock ${specFile} -h 127.0.0.1 -p ${port})`,
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      const startupMs = await waitUntilAnswers(proc, `${url}${probePath}`, { headers, accept: () => true, everyMs: 10, timeoutMs: 60_000 });
      return { ...proc, url, port, startupMs };
    } catch (err) {
      await proc.stop();
      if (attempt < 3 && /EADDRINUSE/.test(proc.output())) continue;
      throw err;
    }
  }
}

/**
 * Resident memory of a process, in bytes (VmRSS from /proc/<pid>/status).
 * @param {number | undefined} pid
 * @returns {number}
 */
export function rssBytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error(`/proc/${pid}/status has no VmRSS`);
  return Number(m[1]) * 1024;
}
