/**
 * The mock's logger: pino, writing JSON lines, or readable lines through
 * pino-pretty (loaded only when that format is used, so a JSON start does not
 * pay for it). Both formats carry the same fields.
 */
import { createRequire } from 'node:module';
import { pino, type Logger as PinoLogger, type LevelWithSilent } from 'pino';
import type { PrettyOptions } from 'pino-pretty';

export type Logger = PinoLogger;

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Anything with write(line): a stream, a file, a test's collector. */
export interface LogDestination {
  write(line: string): unknown;
  isTTY?: boolean;
}

export interface LoggerOptions {
  /** `pretty` (one readable line per entry) or `json` (pino's lines); default pretty when the destination is a terminal. */
  format?: LogFormat;
  /** The lowest level written (default `info`). */
  level?: LevelWithSilent;
  /** Where lines go (default stdout). */
  destination?: LogDestination;
}

/**
 * The fields of a request line (server.ts writes them), in the order the
 * pretty line shows them: `GET /xai/v1/collections xai.listCollections 200 1.25 ms`,
 * then `scenario NAME` when a scenario answered.
 */
const REQUEST_FIELDS = ['method', 'url', 'provider', 'operationId', 'status', 'ms', 'scenario'] as const;

const PRETTY: PrettyOptions = {
  translateTime: 'SYS:HH:MM:ss.l',
  singleLine: true,
  // The request fields are in the message; other fields (an error, a self-check failure) follow it on the same line.
  ignore: ['pid', 'hostname', 'name', ...REQUEST_FIELDS].join(','),
  messageFormat:
    '{msg}{if method} {method} {url}{end}{if provider} {provider}{end}{if operationId}.{operationId}{end}' +
    '{if status} {status}{end}{if ms} {ms} ms{end}{if scenario} scenario {scenario}{end}',
};

const require = createRequire(import.meta.url);

export function isLogFormat(value: string): value is LogFormat {
  return (LOG_FORMATS as readonly string[]).includes(value);
}

/** The part of pino's own destination (sonic-boom) that a batch writes to and that exit.ts ends or drops. */
export interface AsyncOutput {
  readonly destroyed: boolean;
  write(text: string): unknown;
  end(): void;
  destroy(): void;
  flushSync(): void;
  once(event: 'close', listener: () => void): unknown;
}

/** The batches of this process, for the exit (weakly: a logger dropped takes its batch with it). */
const batches = new Set<WeakRef<TurnBatchedOutput>>();
let exitHooked = false;

function handOverAtExit(): void {
  for (const ref of batches) ref.deref()?.atExit();
}

/**
 * The lines logged in one turn of the event loop, handed to pino's
 * asynchronous destination as one write. Under load a turn answers many
 * requests: each line written on its own cost a write to stdout and its
 * completion, about an eighth of the server's time per request. A line still
 * reaches stdout in the turn after it was logged; at exit the turn's lines
 * are handed over before pino writes what is queued, and `end` and `destroy`
 * (exit.ts) hand them over or drop them as they do for the rest.
 */
export class TurnBatchedOutput {
  private pending = '';
  private scheduled = false;

  constructor(private readonly out: AsyncOutput) {
    if (!exitHooked) {
      exitHooked = true;
      process.once('exit', handOverAtExit);
    }
    for (const ref of batches) if (ref.deref() === undefined) batches.delete(ref);
    batches.add(new WeakRef(this));
  }

  /** At exit: the turn's lines, then what the destination still queues, written at once. */
  atExit(): void {
    this.handOver();
    try {
      if (!this.out.destroyed) this.out.flushSync();
    } catch {
      // Nowhere left to say it: the process is ending.
    }
  }

  write(line: string): boolean {
    this.pending += line;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.handOver);
    }
    return true;
  }

  /** The turn's lines to the destination. */
  private readonly handOver = (): void => {
    this.scheduled = false;
    const text = this.pending;
    if (!text || this.out.destroyed) return;
    this.pending = '';
    this.out.write(text);
  };

  get destroyed(): boolean {
    return this.out.destroyed;
  }

  end(): void {
    this.handOver();
    this.out.end();
  }

  destroy(): void {
    this.pending = '';
    this.out.destroy();
  }

  once(event: 'close', listener: () => void): this {
    this.out.once(event, listener);
    return this;
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? process.stdout;
  const format = options.format ?? (destination.isTTY ? 'pretty' : 'json');
  const settings = { level: options.level ?? 'info', base: { name: 'collections-mock' } };
  if (format === 'json') {
    if (options.destination) return pino(settings, options.destination);
    // sonic-boom has the `destroyed` flag exit.ts reads; its typings leave it out.
    const out = pino.destination({ dest: process.stdout.fd || 1, sync: false }) as unknown as AsyncOutput;
    return pino(settings, new TurnBatchedOutput(out));
  }
  const { prettyFactory } = require('pino-pretty') as typeof import('pino-pretty');
  // Colours follow pino-pretty's own terminal detection on stdout; anywhere else, plain text.
  const prettify = prettyFactory(destination === process.stdout ? PRETTY : { ...PRETTY, colorize: false });
  // prettyFactory formats synchronously: no line is left in a buffer when the process exits.
  return pino(settings, { write: (line: string) => void destination.write(prettify(line)) });
}
