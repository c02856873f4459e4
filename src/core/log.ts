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

/** The name every line of the mock's own logger carries. */
const NAME = 'collections-mock';

/** A request line's fields; those left undefined are left out of the line. */
export interface RequestLine {
  method: string | undefined;
  url: string | undefined;
  status: number;
  ms: number;
  provider: string | undefined;
  operationId: string | undefined;
  scenario: string | undefined;
}

const INFO = 30;
const json = JSON.stringify;

/** The line pino writes for `log.info(line, 'request')` from the mock's own logger, built from the fields directly. */
export function requestLineJson(line: RequestLine, timeMs: number): string {
  let text = `{"level":${INFO},"time":${timeMs},"name":"${NAME}"`;
  if (line.method !== undefined) text += `,"method":${json(line.method)}`;
  if (line.url !== undefined) text += `,"url":${json(line.url)}`;
  text += `,"status":${line.status},"ms":${line.ms}`;
  if (line.provider !== undefined) text += `,"provider":${json(line.provider)}`;
  if (line.operationId !== undefined) text += `,"operationId":${json(line.operationId)}`;
  if (line.scenario !== undefined) text += `,"scenario":${json(line.scenario)}`;
  return `${text},"msg":"request"}\n`;
}

/**
 * What logs a request line with `log`: `log.info(fields, 'request')`, or,
 * for the JSON logger createLogger made on stdout, the same line built from
 * the fields directly and handed to its output. The request line is the one
 * line every request writes, and pino's general formatting of it took about
 * 5% of a GET's CPU; the two lines are the same (a test compares them).
 */
export function requestLogger(log: Logger): (line: RequestLine) => void {
  const out = lineOutputOf(log);
  if (!out) return (line) => log.info(line, 'request');
  return (line) => {
    if (log.isLevelEnabled('info')) out.write(requestLineJson(line, Date.now()));
  };
}

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

/** The JSON loggers createLogger made on stdout, with their output: their request lines are written directly, and the exit ends or drops what it queues. */
const directOutputs = new WeakMap<Logger, LineOutput>();

/** The output of a JSON logger createLogger made on stdout; undefined for any other logger. */
export function lineOutputOf(log: Logger | undefined): LineOutput | undefined {
  return log && directOutputs.get(log);
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? process.stdout;
  const format = options.format ?? (destination.isTTY ? 'pretty' : 'json');
  const settings = { level: options.level ?? 'info', base: { name: NAME } };
  if (format === 'json') {
    if (options.destination) return pino(settings, options.destination);
    const out = new LineOutput({ name: NAME });
    const log = pino(settings, out);
    directOutputs.set(log, out);
    return log;
  }
  const { prettyFactory } = require('pino-pretty') as typeof import('pino-pretty');
  // Colours follow pino-pretty's own terminal detection on stdout; anywhere else, plain text.
  const prettify = prettyFactory(destination === process.stdout ? PRETTY : { ...PRETTY, colorize: false });
  // prettyFactory formats synchronously: no line is left in a buffer when the process exits.
  return pino(settings, { write: (line: string) => void destination.write(prettify(line)) });
}
