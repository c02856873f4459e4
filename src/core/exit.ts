/**
 * Ending the process so that nobody's reading can hold it up.
 *
 * pino writes to stdout asynchronously, and at exit it writes what is still
 * queued synchronously, retrying for as long as the write would block. When
 * stdout is a pipe whose reader has stopped reading (a process manager waiting
 * for the exit before it reads on, CI that collects the output afterwards),
 * that last write never completes: the process outlives its SIGTERM for good.
 * So an exit gives the queued lines a grace period and then drops what the
 * reader has not taken.
 */
import { pino } from 'pino';
import type { Logger } from './log.js';

/** How long queued log lines get at exit to reach a reader that is slow but reading. */
export const LOG_GRACE_MS = 2000;

/** pino's own destination (sonic-boom): what the exit flushes synchronously. */
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
