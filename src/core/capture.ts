/**
 * What a request sent and what its reply carried, as they went over the wire,
 * for the journal (the console's request view): the headers, and the bodies
 * up to a limit. It only watches: the request's `data` events and the
 * response's writeHead/write/end are observed, never changed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange } from './journal.js';

/** Bytes of each body kept (the rest is counted, not kept). */
export const CAPTURE_LIMIT = 64 * 1024;

/**
 * The mock's own secrets, never shown. The vendor credentials a request sent
 * are kept as sent, so the request can be replayed ("copy as curl"): only the
 * admin API, which needs the admin token or loopback, shows them.
 */
const SECRET = /^(x-mock-admin-token|x-mock-internal)$/i;

function flatHeaders(headers: Record<string, unknown>, mask: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const name = k.toLowerCase();
    const text = Array.isArray(v) ? v.join(', ') : String(v);
    out[name] = mask && SECRET.test(name) ? '(hidden)' : text;
  }
  return out;
}

class Body {
  private chunks: Buffer[] = [];
  private kept = 0;
  bytes = 0;

  add(chunk: unknown, encoding?: unknown): void {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : undefined;
    if (!buf) return;
    this.bytes += buf.length;
    if (this.kept < CAPTURE_LIMIT) {
      const part = buf.subarray(0, CAPTURE_LIMIT - this.kept);
      this.chunks.push(part);
      this.kept += part.length;
    }
  }

  text(): string {
    return Buffer.concat(this.chunks, this.kept).toString('utf8');
  }

  get truncated(): boolean {
    return this.bytes > this.kept;
  }
}

export interface Capture {
  /** The exchange so far (complete once the response has closed). */
  exchange(): Exchange;
  /** Adds self-check findings for this reply. */
  selfCheck: Exchange['selfCheck'];
  method: string;
  url: string;
}

/**
 * Starts watching a request and its response. Call before anything reads the
 * request; the capture is complete when the response closes.
 */
export function captureExchange(req: IncomingMessage, res: ServerResponse): Capture {
  const requestBody = new Body();
  const responseBody = new Body();
  let responseHeaders: Record<string, string> = {};
  const selfCheck: Exchange['selfCheck'] = [];

  const emit = req.emit;
  req.emit = function (this: IncomingMessage, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'data') requestBody.add(args[0]);
    return emit.call(this, event, ...args);
  } as typeof req.emit;

  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]): ServerResponse {
    const headers = args.find((a, i) => i > 0 && a !== null && typeof a === 'object' && !Array.isArray(a)) as Record<string, unknown> | undefined;
    responseHeaders = flatHeaders({ ...this.getHeaders(), ...headers }, true);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;

  const write = res.write;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]): boolean {
    responseBody.add(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;

  const end = res.end;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]): ServerResponse {
    if (typeof chunk !== 'function') responseBody.add(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;

  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url: req.url ?? '',
    selfCheck,
    exchange: () => ({
      requestHeaders: flatHeaders(req.headers, true),
      requestBody: requestBody.text(),
      requestBodyBytes: requestBody.bytes,
      responseHeaders: res.headersSent && !Object.keys(responseHeaders).length ? flatHeaders(res.getHeaders(), true) : responseHeaders,
      responseBody: responseBody.text(),
      responseBodyBytes: responseBody.bytes,
      truncated: requestBody.truncated || responseBody.truncated,
      selfCheck: [...selfCheck],
    }),
  };
}
