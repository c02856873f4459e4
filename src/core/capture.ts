/**
 * What a request sent and what its reply carried, as they went over the wire,
 * for the journal (the console's request view): the headers, and the bodies
 * up to a limit. It only watches: the request's `data` events and the
 * response's writeHead/write/end are observed, never changed.
 *
 * Watching costs a request next to nothing: the bytes are kept as the
 * Buffers that were sent (no copy) and the headers as the objects that were
 * given, and they are turned into text only when someone reads the exchange
 * (`GET /__mock/journal/{id}`). The mock's own server makes its requests and
 * responses as `WatchedRequest` and `WatchedResponse`, whose methods record
 * into a `Wire` when one is set; a response made by someone else (the mock
 * inside an Express or Vite server) has its methods wrapped instead.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

/** A request and its reply as they went over the wire; bodies are cut at a limit. */
export interface Exchange {
  requestHeaders: Record<string, string>;
  requestBody: string;
  requestBodyBytes: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
  responseBodyBytes: number;
  /** Whether a body was cut at the limit. */
  truncated: boolean;
  /** Where the reply broke the spec, when it did (self-check findings). */
  selfCheck: { location: string; pointer: string; rule: string; message: string }[];
}

/** Bytes of each body kept (the rest is counted, not kept). */
export const CAPTURE_LIMIT = 64 * 1024;

/**
 * The mock's own secrets, never shown. The vendor credentials a request sent
 * are kept as sent, so the request can be replayed ("copy as curl"): only the
 * admin API, which needs the admin token or loopback, shows them.
 */
const SECRET = /^(x-mock-admin-token|x-mock-internal)$/i;

function flatHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const name = k.toLowerCase();
    const text = Array.isArray(v) ? v.join(', ') : String(v);
    out[name] = SECRET.test(name) ? '(hidden)' : text;
  }
  return out;
}

/**
 * A body as it went by: the chunks themselves, kept until they reach the
 * limit, and the bytes of those that came after. A text's byte length is
 * worked out when read. Most bodies are one chunk, kept without an array.
 */
class Body {
  private first: Buffer | string | undefined = undefined;
  private more: (Buffer | string)[] | undefined = undefined;
  /** At most the bytes kept (a text's length in characters never exceeds its UTF-8 bytes). */
  private keptAtLeast = 0;
  /** Bytes of the chunks not kept. */
  private rest = 0;

  add(chunk: unknown, encoding?: unknown): void {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    let part: Buffer | string;
    if (typeof chunk === 'string') {
      part = typeof encoding === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding as BufferEncoding) : chunk;
    } else if (chunk instanceof Uint8Array) {
      part = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    } else return;
    if (this.keptAtLeast >= CAPTURE_LIMIT) {
      this.rest += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
      return;
    }
    if (this.first === undefined) this.first = part;
    else (this.more ??= []).push(part);
    this.keptAtLeast += part.length;
  }

  /** The text kept (up to the limit) and how many bytes went by. */
  read(): { text: string; bytes: number } {
    const chunks = this.first === undefined ? [] : [this.first, ...(this.more ?? [])];
    const buffers = chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c));
    const kept = buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers);
    return { text: kept.subarray(0, CAPTURE_LIMIT).toString('utf8'), bytes: kept.length + this.rest };
  }
}

const NO_BODY = { text: '', bytes: 0 };

/** One exchange as it went by, turned into an `Exchange` when read. */
export class Wire {
  /** Made when the first chunk comes (most requests have no body). */
  private requestBody: Body | undefined = undefined;
  private responseBody: Body | undefined = undefined;
  /** The headers given to writeHead, over those set before it (merged when read). */
  private responseHeaders: Record<string, unknown> | undefined = undefined;
  private set: Record<string, unknown> | undefined = undefined;
  private exchange: Exchange | undefined = undefined;

  /** The request's headers object (Node's own, not copied). */
  constructor(private readonly requestHeaders: IncomingHttpHeaders) {}

  /** A chunk of the request's body as it was read. */
  sentChunk(chunk: unknown): void {
    (this.requestBody ??= new Body()).add(chunk);
  }

  /** A chunk of the reply's body as it was written. */
  answeredChunk(chunk: unknown, encoding?: unknown): void {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    (this.responseBody ??= new Body()).add(chunk, encoding);
  }

  /** At writeHead: the headers set on the response so far, and those given to it. */
  head(res: ServerResponse, args: unknown[]): void {
    const given = args.find((a, i) => i > 0 && a !== null && typeof a === 'object' && !Array.isArray(a)) as Record<string, unknown> | undefined;
    this.responseHeaders = given ?? {};
    // Most replies set nothing before writeHead: the object given is kept as it is.
    if (res.getHeaderNames().length > 0) this.set = res.getHeaders();
  }

  /** The exchange as the admin API shows it, with the self-check's findings on its entry. Made once, on the first read. */
  read(selfCheck: Exchange['selfCheck']): Exchange {
    if (!this.exchange) {
      const given = this.responseHeaders ?? {};
      const request = this.requestBody?.read() ?? NO_BODY;
      const response = this.responseBody?.read() ?? NO_BODY;
      this.exchange = {
        requestHeaders: flatHeaders(this.requestHeaders),
        requestBody: request.text,
        requestBodyBytes: request.bytes,
        responseHeaders: flatHeaders(this.set ? { ...this.set, ...given } : given),
        responseBody: response.text,
        responseBodyBytes: response.bytes,
        truncated: request.bytes > CAPTURE_LIMIT || response.bytes > CAPTURE_LIMIT,
        selfCheck: [],
      };
    }
    return { ...this.exchange, selfCheck: [...selfCheck] };
  }
}

/** The mock's own requests: a `data` event is recorded on the wire, when one is set. */
export class WatchedRequest extends http.IncomingMessage {
  wire: Wire | undefined = undefined;

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'data' && this.wire !== undefined) this.wire.sentChunk(args[0]);
    return super.emit(event, ...args);
  }
}

/** The mock's own responses: the head and body are recorded on the wire, when one is set. */
export class WatchedResponse<Request extends IncomingMessage = IncomingMessage> extends http.ServerResponse<Request> {
  wire: Wire | undefined = undefined;

  override writeHead(...args: unknown[]): this {
    if (this.wire !== undefined) this.wire.head(this, args);
    return (super.writeHead as (...a: unknown[]) => this)(...args);
  }

  override write(chunk: unknown, ...rest: unknown[]): boolean {
    if (this.wire !== undefined) this.wire.answeredChunk(chunk, rest[0]);
    return (super.write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }

  override end(chunk?: unknown, ...rest: unknown[]): this {
    if (this.wire !== undefined) this.wire.answeredChunk(chunk, rest[0]);
    return (super.end as (...a: unknown[]) => this)(chunk, ...rest);
  }
}

/** Wraps the methods of a request and response the mock did not make, to record on the wire. */
function wrap(req: IncomingMessage, res: ServerResponse, wire: Wire): void {
  const emit = req.emit;
  req.emit = function (this: IncomingMessage, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'data') wire.sentChunk(args[0]);
    return emit.call(this, event, ...args);
  } as typeof req.emit;
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]): ServerResponse {
    wire.head(this, args);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
  const write = res.write;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]): boolean {
    wire.answeredChunk(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  const end = res.end;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]): ServerResponse {
    wire.answeredChunk(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;
}

const WIRE = Symbol('collections-mock.wire');

/**
 * Starts watching a request and its response. Call before anything reads the
 * request; what was sent is complete when the response closes.
 */
export function captureExchange(req: IncomingMessage, res: ServerResponse): Wire {
  const wire = new Wire(req.headers);
  if (req instanceof WatchedRequest && res instanceof WatchedResponse) {
    req.wire = wire;
    res.wire = wire;
  } else {
    wrap(req, res, wire);
    (res as ServerResponse & { [WIRE]?: Wire })[WIRE] = wire;
  }
  return wire;
}

/** The wire a response is watched on, if it is. */
export function wireOf(res: ServerResponse): Wire | undefined {
  return res instanceof WatchedResponse ? res.wire : (res as ServerResponse & { [WIRE]?: Wire })[WIRE];
}
