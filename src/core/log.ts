/**
 * The mock's logger: pino, writing JSON lines, or readable lines through
 * pino-pretty (loaded only when that format is used, so a JSON start does not
 * pay for it). Both formats carry the same fields.
 */
import { createRequire } from 'node:module';
import { pino, type Logger as PinoLogger, type LevelWithSilent } from 'pino';
import type { PrettyOptions } from 'pino-pretty';
import { LineOutput } from './log-output.js';

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

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? process.stdout;
  const format = options.format ?? (destination.isTTY ? 'pretty' : 'json');
  const settings = { level: options.level ?? 'info', base: { name: 'collections-mock' } };
  if (format === 'json') {
    if (options.destination) return pino(settings, options.destination);
    return pino(settings, new LineOutput());
  }
  const { prettyFactory } = require('pino-pretty') as typeof import('pino-pretty');
  // Colours follow pino-pretty's own terminal detection on stdout; anywhere else, plain text.
  const prettify = prettyFactory(destination === process.stdout ? PRETTY : { ...PRETTY, colorize: false });
  // prettyFactory formats synchronously: no line is left in a buffer when the process exits.
  return pino(settings, { write: (line: string) => void destination.write(prettify(line)) });
}
