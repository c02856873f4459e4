/**
 * Where the JSON log lines go: a file descriptor (stdout), written directly.
 *
 * The lines logged in one turn of the event loop are encoded as they come
 * into a buffer kept from turn to turn, and go out in the next turn as one
 * write, made at once with `fs.writeSync`: no write per line, no string of
 * the turn's lines to copy, no hop to libuv's thread pool and back. Under load that hop cost the server about a
 * sixth of its time per request (pino's asynchronous destination does it for
 * each write). A write never blocks: stdout as a pipe is non-blocking (Node
 * opens it so), and what a full pipe does not take waits in a queue, in
 * order, retried on a timer. The queue is bounded: a reader that has stopped
 * reading costs lines, counted and reported in one warning line once it reads
 * again, never memory without end. At exit the queue gets a bounded time to
 * go out; `end` (a graceful exit) waits for it without blocking.
 */
import fs from 'node:fs';

/** How long queued log lines get at exit to reach a reader that is slow but reading. */
export const LOG_GRACE_MS = 2000;

/** The queue's bound: past it, lines are dropped (and counted) until the reader catches up. */
const MAX_QUEUED_BYTES = 16 * 1024 * 1024;
/** The buffer a turn's lines are encoded into, reused from turn to turn. */
const TURN_BYTES = 64 * 1024;
/** How soon a write a full pipe refused is tried again. */
const RETRY_MS = 10;

/** The write the output makes: bytes written, or throws (EAGAIN when a non-blocking pipe is full). */
export type WriteSync = (fd: number, bytes: Buffer) => number;

export interface LineOutputOptions {
  /** The file descriptor written (default stdout's). */
  fd?: number;
  /** The queue's bound in bytes (default 16 MiB). */
  maxQueuedBytes?: number;
  /** How soon a refused write is retried, ms (default 10). */
  retryMs?: number;
  /** The write itself (default `fs.writeSync`). */
  writeSync?: WriteSync;
  /** How long the exit gives the queue, ms (default LOG_GRACE_MS). */
  exitGraceMs?: number;
  /** The buffer a turn's lines are encoded into, bytes (default 64 KiB); a turn with more spills to the queue. */
  turnBytes?: number;
  /** The logger's name, carried by the output's own warning line (as pino's lines carry it). */
  name?: string;
}

/** The outputs of this process, for the exit (weakly: a logger dropped takes its output with it). */
const outputs = new Set<WeakRef<LineOutput>>();
let exitHooked = false;

function flushAtExit(): void {
  for (const ref of outputs) ref.deref()?.atExit();
}

const isEagain = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'EAGAIN' || code === 'EWOULDBLOCK';
};

/** Blocks the thread for `ms` (only at exit, where nothing else is left to run). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export class LineOutput {
  /** The turn's lines, encoded as they come into a buffer kept from turn to turn. */
  private readonly turn: Buffer;
  private turnBytes = 0;
  private scheduled = false;
  /** What the descriptor has not taken yet, in order: written before the turn's lines. */
  private readonly queue: Buffer[] = [];
  private queuedBytes = 0;
  private dropped = 0;
  private retry: NodeJS.Timeout | undefined;
  private ending = false;
  private closed = false;
  private closeListeners: (() => void)[] = [];
  /** Set by `destroy`, or when the descriptor cannot be written any more (the reader has gone). */
  destroyed = false;

  private readonly fd: number;
  private readonly maxQueuedBytes: number;
  private readonly retryMs: number;
  private readonly writeSync: WriteSync;
  private readonly exitGraceMs: number;
  private readonly name: string | undefined;

  constructor(options: LineOutputOptions = {}) {
    // process.stdout opens a pipe non-blocking: a write to a full pipe then says so instead of waiting.
    this.fd = options.fd ?? (process.stdout.fd || 1);
    this.maxQueuedBytes = options.maxQueuedBytes ?? MAX_QUEUED_BYTES;
    this.retryMs = options.retryMs ?? RETRY_MS;
    this.writeSync = options.writeSync ?? ((fd, bytes) => fs.writeSync(fd, bytes));
    this.exitGraceMs = options.exitGraceMs ?? LOG_GRACE_MS;
    this.name = options.name;
    this.turn = Buffer.allocUnsafe(options.turnBytes ?? TURN_BYTES);
    if (!exitHooked) {
      exitHooked = true;
      process.once('exit', flushAtExit);
    }
    for (const ref of outputs) if (ref.deref() === undefined) outputs.delete(ref);
    outputs.add(new WeakRef(this));
  }

  /** One line (pino's, with its newline): written with the rest of its turn's lines in the next turn. */
  write(line: string): boolean {
    if (this.destroyed) return true;
    // UTF-8 takes at most 3 bytes for each UTF-16 unit.
    const most = line.length * 3;
    if (this.turnBytes + most > this.turn.length) {
      this.spill();
      if (most > this.turn.length) this.enqueue(Buffer.from(line, 'utf8'));
    }
    if (most <= this.turn.length) this.turnBytes += this.turn.write(line, this.turnBytes);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.handOver);
    }
    return true;
  }

  /** Bytes waiting for the reader. */
  get queued(): number {
    return this.queuedBytes;
  }

  /** The turn's lines to the descriptor, after what is queued; what it does not take, to the queue. */
  private readonly handOver = (): void => {
    this.scheduled = false;
    if (this.destroyed) return;
    // Behind what is queued, or after lines were dropped (their warning goes first): through the queue.
    if (this.queue.length > 0 || this.retry || this.dropped > 0) {
      this.spill();
      if (!this.retry) this.drain();
      return;
    }
    const bytes = this.turnBytes;
    if (bytes === 0) return;
    this.turnBytes = 0;
    let n: number;
    try {
      n = this.writeSync(this.fd, this.turn.subarray(0, bytes));
    } catch (err) {
      if (!isEagain(err)) return this.dropAll();
      n = 0;
    }
    if (n < bytes) {
      this.enqueue(Buffer.from(this.turn.subarray(n, bytes)));
      this.later();
    }
  };

  /** The turn's lines so far to the queue (a copy: the turn's buffer is reused). */
  private spill(): void {
    if (this.turnBytes === 0) return;
    const bytes = Buffer.from(this.turn.subarray(0, this.turnBytes));
    this.turnBytes = 0;
    this.enqueue(bytes);
  }

  private enqueue(bytes: Buffer): void {
    if (this.queuedBytes + bytes.length > this.maxQueuedBytes) {
      this.dropped += countLines(bytes);
      return;
    }
    if (this.dropped > 0) this.reportDropped();
    this.queue.push(bytes);
    this.queuedBytes += bytes.length;
  }

  /** The warning for the lines dropped so far, queued before the next lines. */
  private reportDropped(): void {
    const line = JSON.stringify({
      level: 40,
      time: Date.now(),
      name: this.name,
      dropped: this.dropped,
      msg: 'log lines dropped: stdout was not read',
    });
    this.dropped = 0;
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    this.queue.push(bytes);
    this.queuedBytes += bytes.length;
  }

  /** Writes queued bytes until the queue is empty (true) or the descriptor takes no more for now (false). */
  private writeQueued(): boolean {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      let n: number;
      try {
        n = this.writeSync(this.fd, head);
      } catch (err) {
        if (isEagain(err)) return false;
        // The reader has gone (EPIPE) or the descriptor is closed: nothing can be written from now on.
        this.dropAll();
        return true;
      }
      this.queuedBytes -= n;
      if (n < head.length) {
        this.queue[0] = head.subarray(n);
        return false;
      }
      this.queue.shift();
    }
    return true;
  }

  private drain(): void {
    this.retry = undefined;
    if (this.writeQueued()) {
      if (this.ending) this.close();
      return;
    }
    this.later();
  }

  /** The queue, tried again in a moment (a timer that does not keep the process alive). */
  private later(): void {
    this.retry = setTimeout(() => this.drain(), this.retryMs);
    this.retry.unref();
  }

  private dropAll(): void {
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.turnBytes = 0;
    this.destroyed = true;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    const listeners = this.closeListeners;
    this.closeListeners = [];
    process.nextTick(() => {
      for (const l of listeners) l();
    });
  }

  /** At exit: the turn's lines and the queue, retried for up to the grace while the reader reads. */
  atExit(): void {
    if (this.destroyed) return;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    this.scheduled = false;
    this.spill();
    const deadline = Date.now() + this.exitGraceMs;
    while (!this.writeQueued() && Date.now() < deadline) pause(Math.min(this.retryMs, 5));
  }

  /** Writes what is pending and queued, then closes ('close'); stdout itself stays open. */
  end(): void {
    this.ending = true;
    if (this.destroyed) return this.close();
    this.handOver();
    if (!this.retry) this.drain();
  }

  /** Drops what is pending and queued: nothing more is written. */
  destroy(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    this.dropAll();
    this.close();
  }

  once(event: 'close', listener: () => void): this {
    if (this.closed) process.nextTick(listener);
    else this.closeListeners.push(listener);
    return this;
  }
}

function countLines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
