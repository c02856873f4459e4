/**
 * --persist FILE: the mock's data saved to one JSON file, atomically (a
 * temporary file in the same directory, flushed, then renamed over the old
 * one), debounced after changes and once more at shutdown. A file that cannot
 * be read stops the start and is left exactly as it is.
 */
import { closeSync, fsyncSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from './log.js';

/** The saved document, parsed; undefined when there is no file yet. Throws (naming the file) when it cannot be used. */
export function readPersisted(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`--persist ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`--persist ${file}: not valid JSON (${(err as Error).message}); it is left untouched: fix it, move it away, or point --persist elsewhere`, {
      cause: err,
    });
  }
}

/** Removes temporary files a killed save left beside `file` (the file itself is never touched). */
export function removeStaleTemps(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) if (n.startsWith(prefix) && n.endsWith('.tmp')) rmSync(path.join(dir, n), { force: true });
}

/** Writes `text` to `file` so that a reader (or a crash) sees either the old file or the new one, never a part. */
export function writeAtomic(file: string, text: string): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, file);
  try {
    // The rename itself is durable once the directory is flushed (not possible on every platform).
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // best effort
  }
}

export interface Persister {
  /** Something changed: save within the debounce window. */
  touch(): void;
  /** Saves now if anything changed since the last save. */
  flush(): void;
  /** Saves what is pending and stops. */
  close(): void;
}

export function createPersister(options: { file: string; snapshot: () => unknown; debounceMs?: number; log: Logger }): Persister {
  const { file, snapshot, log } = options;
  const debounceMs = options.debounceMs ?? 200;
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    try {
      writeAtomic(file, JSON.stringify(snapshot()));
    } catch (err) {
      dirty = true;
      log.error({ err, file }, 'could not save the state');
    }
  };

  return {
    touch() {
      if (closed) return;
      dirty = true;
      if (!timer) {
        timer = setTimeout(flush, debounceMs);
        timer.unref();
      }
    },
    flush,
    close() {
      flush();
      closed = true;
    },
  };
}
