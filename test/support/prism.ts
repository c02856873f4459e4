/**
 * Prism (`@stoplight/prism-cli` 5.14, from node_modules) as a second,
 * independent server for tests: `prism mock <spec>` on a free loopback port,
 * in a child process that never outlives the test file.
 *
 * Three guards end the child: `stop()` (call it in `afterAll`); a synchronous
 * kill on the test process's `exit`; and, should that process die without
 * running its handlers, an IPC channel whose disconnect makes the child exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

export interface PrismOptions {
  /** `--dynamic`: generate bodies from the schemas instead of the examples. Default false. */
  dynamic?: boolean;
  /** `--errors`: answer request/response violations with an error response. Default false. */
  errors?: boolean;
  /** `--seed` for dynamic generation. */
  seed?: string;
  /** `--verboseLevel`. Default `info` (one line per request, with any violations). */
  verboseLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** How long Prism may take to answer its first request. Default 30 s. */
  startTimeoutMs?: number;
  /** Extra CLI arguments, appended last. */
  extraArgs?: string[];
}

export interface PrismServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  pid: number;
  /** Milliseconds from spawn to the first HTTP answer. */
  startupMs: number;
  /** Everything Prism printed so far (stdout and stderr, ANSI colours removed, last 256 KiB). */
  output(): string;
  /** Kills Prism and resolves once it has exited and its output has been read. Idempotent. */
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** The CLI entry point of the installed `@stoplight/prism-cli` (its `bin.prism`). */
export function prismBin(): string {
  const pkgFile = require.resolve('@stoplight/prism-cli/package.json');
  const pkg = require(pkgFile) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.prism;
  if (!bin) throw new Error(`${pkgFile}: no "prism" bin`);
  return path.resolve(path.dirname(pkgFile), bin);
}

/** The installed Prism version. */
export function prismVersion(): string {
  return (require('@stoplight/prism-cli/package.json') as { version: string }).version;
}

/** Children still running, killed synchronously if the test process exits first. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

/** Runs in the child before Prism: exit when the parent's IPC channel goes away. */
const ORPHAN_GUARD = `data:text/javascript,${encodeURIComponent(
  "if (process.channel) { process.channel.unref(); process.on('disconnect', () => process.exit(0)); }",
)}`;

/** A port the OS just handed out on 127.0.0.1 (free at the time of the call). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const ANSI = /\x1b\[[0-9;]*m/g; // eslint-disable-line no-control-regex -- the escape that starts a terminal colour
const MAX_OUTPUT = 256 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The path polled until Prism answers; Prism logs it as an unmatched route (404), which readers of its output may skip. */
export const READY_PROBE = '/__prism_ready_probe';

/** How many Prism children started here are still running. */
export const livePrismCount = (): number => live.size;

/**
 * True when Prism answers HTTP on the URL: its 404 for an unknown route names
 * `NO_PATH_MATCHED_ERROR`, so a stranger that took the port is not mistaken for it.
 */
async function prismAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}${READY_PROBE}`, { signal: AbortSignal.timeout(1000) });
    return (await res.text()).includes('NO_PATH_MATCHED_ERROR');
  } catch {
    return false;
  }
}

/**
 * Starts `prism mock <specFile>` on a free port of 127.0.0.1 and resolves once
 * it answers HTTP. Rejects with Prism's output when the process exits first or
 * does not answer within `startTimeoutMs` (the child is killed then). Should
 * another process take the port first, starts again on a new one (3 tries).
 */
export async function startPrism(specFile: string, options: PrismOptions = {}): Promise<PrismServer> {
  installExitHook();
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(specFile, options, await freePort());
    } catch (err) {
      if (attempt >= 3 || !(err instanceof PortTaken)) throw err;
    }
  }
}

class PortTaken extends Error {}

async function startOnce(specFile: string, options: PrismOptions, port: number): Promise<PrismServer> {
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '--import',
    ORPHAN_GUARD,
    prismBin(),
    'mock',
    path.resolve(specFile),
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    `--dynamic=${options.dynamic ?? false}`,
    `--errors=${options.errors ?? false}`,
    '--verboseLevel',
    options.verboseLevel ?? 'info',
    ...(options.seed !== undefined ? ['--seed', options.seed] : []),
    ...(options.extraArgs ?? []),
  ];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  child.channel?.unref();
  live.add(child);

  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8').replace(ANSI, '');
    if (output.length > MAX_OUTPUT) output = output.slice(-MAX_OUTPUT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  // 'close' comes after the exit and after the last of Prism's output has been read.
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const closed = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      live.delete(child);
    });
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      exited ??= { code, signal };
      live.delete(child);
      resolve();
    });
    child.once('error', (err) => {
      append(Buffer.from(`\n[spawn error] ${err.message}\n`));
      exited ??= { code: null, signal: null };
      live.delete(child);
      resolve();
    });
  });

  const stop = async (): Promise<void> => {
    if (!exited) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await closed;
    clearTimeout(killer);
  };

  const describe = () => `${path.basename(specFile)} (${[process.execPath, ...args.slice(2)].join(' ')})`;
  for (;;) {
    if (exited) {
      await stop();
      const Failure = /EADDRINUSE/.test(output) ? PortTaken : Error;
      throw new Failure(`Prism exited before answering (code ${exited.code}, signal ${exited.signal}): ${describe()}\n--- Prism output ---\n${output}`);
    }
    if (await prismAnswers(url)) break;
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`Prism did not answer on ${url} within ${timeoutMs} ms: ${describe()}\n--- Prism output ---\n${output}`);
    }
    await Promise.race([sleep(50), closed]);
  }
  const startupMs = Math.round(performance.now() - started);

  return { url, port, pid: child.pid!, startupMs, output: () => output, stop };
}
