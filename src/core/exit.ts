/**
 * Ending the process so that nobody's reading can hold it up.
 *
 * The log lines a full pipe has not taken wait in the log output's queue.
 * When stdout is a pipe whose reader has stopped reading (a process manager
 * waiting for the exit before it reads on, CI that collects the output
 * afterwards), they would never go out: an exit gives them a grace period and
 * then drops what the reader has not taken, so the process never outlives its
 * SIGTERM.
 */
import { pino } from 'pino';
import type { Logger } from './log.js';
import { LOG_GRACE_MS } from './log-output.js';

/** The logger's output (a LineOutput on stdout): what the exit ends or drops. */
interface Output {
  destroyed: boolean;
  end(): void;
  destroy(): void;
  once(event: 'close', listener: () => void): unknown;
}

function outputOf(log: Logger | undefined): Output | undefined {
  const stream = log && (log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym];
  if (!stream || typeof stream !== 'object') return undefined;
  const s = stream as Partial<Output>;
  return typeof s.end === 'function' && typeof s.destroy === 'function' && typeof s.once === 'function' && typeof s.destroyed === 'boolean'
    ? (s as Output)
    : undefined;
}

/** Exits with `code` at once; log lines still queued are dropped. */
export function exitNow(log: Logger | undefined, code: number): never {
  const out = outputOf(log);
  if (out && !out.destroyed) out.destroy();
  process.exit(code);
}

/** Exits with `code` once the queued log lines are written, or after `graceMs` without them. */
export async function exitAfterLogs(log: Logger | undefined, code: number, graceMs = LOG_GRACE_MS): Promise<never> {
  const out = outputOf(log);
  if (out && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      out.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      // Writes what is queued, then closes (stdout itself stays open).
      out.end();
    });
  }
  return exitNow(log, code);
}
