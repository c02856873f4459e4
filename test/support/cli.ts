/**
 * The built CLI (dist/cli.js; `npm test` builds it first) run as a real
 * process, as users run it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Both streams, interleaved as they came. */
  out: string;
}

/** Runs `collections-mock ARGS` to its exit. `started` sees the child, e.g. to stop it with the test's clean-up. */
export function runCli(args: string[], started?: (child: ChildProcess) => void): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  started?.(child);
  const run: CliRun = { code: null, stdout: '', stderr: '', out: '' };
  child.stdout.on('data', (d: Buffer) => {
    run.stdout += d;
    run.out += d;
  });
  child.stderr.on('data', (d: Buffer) => {
    run.stderr += d;
    run.out += d;
  });
  return exited(child).then(({ code }) => ({ ...run, code }));
}

/** The child's exit, also when it has already exited. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Collects a spawned server's output and resolves with its URL once it says it listens; rejects if it exits first. */
export function listeningUrl(child: ChildProcess, output: { text: string }): Promise<string> {
  child.stdout!.on('data', (d) => (output.text += d));
  child.stderr!.on('data', (d) => (output.text += d));
  return new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(output.text);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output.text}`)));
  });
}
