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
import { lineOutputOf, type Logger } from './log.js';
import { LOG_GRACE_MS } from './log-output.js';

/** Exits with `code` at once; log lines still queued are dropped. */
export function exitNow(log: Logger | undefined, code: number): never {
  const out = lineOutputOf(log);
  if (out && !out.destroyed) out.destroy();
  process.exit(code);
}

/** Exits with `code` once the queued log lines are written, or after `graceMs` without them. */
export async function exitAfterLogs(log: Logger | undefined, code: number, graceMs = LOG_GRACE_MS): Promise<never> {
  const out = lineOutputOf(log);
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
