/**
 * What a request sent and what its reply carried, as they went over the wire,
 * for the journal (the console's request view): the headers, and the bodies
 * up to a limit. It only watches: the request's `data` events and the
 * response's writeHead/write/end are observed, never changed.
 *
 * While the request is under way, the bytes are kept as the Buffers that
 * were sent (no copy) and the headers as the objects that were given. When
 * the journal records the request, the wire is written out as bytes into
 * the journal's ring (byte-ring.ts), and turned into text only when someone
 * reads the exchange (`GET /__mock/journal/{id}`). The mock's own server
 * makes its requests and responses as `WatchedRequest` and
 * `WatchedResponse`, whose methods record into a `Wire` when one is set; a
 * response made by someone else (the mock inside an Express or Vite server)
 * has its methods wrapped instead.
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

/** What reads an exchange back: a live wire, or the bytes the journal keeps of one (null once they are gone). */
export interface ExchangeReader {
  read(selfCheck: Exchange['selfCheck']): Exchange | null;
}

/*
 * An exchange as bytes (what the journal keeps, see byte-ring.ts): the
 * request's headers and body, then the reply's. The headers are one text:
 * each name and value followed by a NUL, which no header name or value may
 * hold. A text is its UTF-8 length (32 bits) and its bytes; a body is the
 * bytes that went by (a double) and the text of those kept. Few calls into
 * Buffer's native code: each costs more than the bytes it copies.
 */
/** Most bytes a text takes: its length, and three bytes per UTF-16 unit. */
const textBound = (text: string): number => 4 + 3 * text.length;

function writeLength(b: Buffer, pos: number, n: number): void {
  b[pos] = n & 0xff;
  b[pos + 1] = (n >>> 8) & 0xff;
  b[pos + 2] = (n >>> 16) & 0xff;
  b[pos + 3] = n >>> 24;
}

function writeText(b: Buffer, pos: number, text: string): number {
  const n = text.length === 0 ? 0 : b.write(text, pos + 4, 'utf8');
  writeLength(b, pos, n);
  return pos + 4 + n;
}

function readText(b: Buffer, pos: number): [string, number] {
  const n = b.readUInt32LE(pos);
  return [b.toString('utf8', pos + 4, pos + 4 + n), pos + 4 + n];
}

const valueText = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value));

/** `text` with the headers after it (read back, a later value of a name wins). */
function withHeaders(text: string, headers: Record<string, unknown> | undefined): string {
  if (headers !== undefined) {
    for (const k in headers) {
      const v = headers[k];
      if (v !== undefined) text += k + '\0' + (typeof v === 'string' ? v : valueText(v)) + '\0';
    }
  }
  return text;
}

/** Headers read back as the admin API shows them: names in lower case, later ones over earlier, the mock's secrets hidden. */
function readHeaders(b: Buffer, pos: number): [Record<string, string>, number] {
  const [text, next] = readText(b, pos);
  const parts = text.split('\0');
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const key = parts[i]!.toLowerCase();
    out[key] = SECRET.test(key) ? '(hidden)' : parts[i + 1]!;
  }
  return [out, next];
}

const NO_BODY_BOUND = 12;

/** A body with nothing in it, as bytes. */
function writeNoBody(b: Buffer, pos: number): number {
  b.fill(0, pos, pos + NO_BODY_BOUND);
  return pos + NO_BODY_BOUND;
}

function readBody(b: Buffer, pos: number): [{ text: string; bytes: number }, number] {
  const bytes = b.readDoubleLE(pos);
  const kept = b.readUInt32LE(pos + 8);
  const start = pos + NO_BODY_BOUND;
  return [{ text: b.toString('utf8', start, start + kept), bytes }, start + kept];
}

/** An exchange from its bytes (see Wire.writeTo). */
export function readExchange(b: Buffer, selfCheck: Exchange['selfCheck']): Exchange {
  const [requestHeaders, p1] = readHeaders(b, 0);
  const [request, p2] = readBody(b, p1);
  const [responseHeaders, p3] = readHeaders(b, p2);
  const [response] = readBody(b, p3);
  return {
    requestHeaders,
    requestBody: request.text,
    requestBodyBytes: request.bytes,
    responseHeaders,
    responseBody: response.text,
    responseBodyBytes: response.bytes,
    truncated: request.bytes > CAPTURE_LIMIT || response.bytes > CAPTURE_LIMIT,
    selfCheck: [...selfCheck],
  };
}

/**
 * A body as it went by: the chunks themselves, kept until they reach the
 * limit, and the bytes of those that came after. A text's byte length is
 * worked out when it is written out. Most bodies are one chunk, kept without
 * an array.
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

  /** Most bytes writeTo takes. */
  bound(): number {
    let n = 0;
    for (let i = -1, chunks = this.more; i < (chunks?.length ?? 0) && n < CAPTURE_LIMIT; i++) {
      const c = i < 0 ? this.first : chunks![i]!;
      if (c !== undefined) n += typeof c === 'string' ? 3 * c.length : c.length;
    }
    return NO_BODY_BOUND + Math.min(n, CAPTURE_LIMIT);
  }

  /** Writes the bytes that went by and those kept, up to the limit (a text is cut between characters). */
  writeTo(b: Buffer, pos: number): number {
    const start = pos + NO_BODY_BOUND;
    let kept = 0;
    let bytes = this.rest;
    for (let i = -1, chunks = this.more; i < (chunks?.length ?? 0); i++) {
      const c = i < 0 ? this.first : chunks![i]!;
      if (c === undefined) continue;
      const room = CAPTURE_LIMIT - kept;
      if (typeof c === 'string') {
        const n = room > 0 ? b.write(c, start + kept, Math.min(room, b.length - start - kept), 'utf8') : 0;
        kept += n;
        // Fewer bytes than the room less a character's most: the whole text was written.
        bytes += n <= room - 4 ? n : Buffer.byteLength(c, 'utf8');
      } else {
        const n = Math.min(room, c.length);
        if (n > 0) c.copy(b, start + kept, 0, n);
        kept += n;
        bytes += c.length;
      }
    }
    b.writeDoubleLE(bytes, pos);
    writeLength(b, pos + 8, kept);
    return start + kept;
  }
}

/** One exchange as it went by, written out as bytes when the journal keeps it. */
export class Wire implements ExchangeReader {
  /** Made when the first chunk comes (most requests have no body). */
  private requestBody: Body | undefined = undefined;
  private responseBody: Body | undefined = undefined;
  /** The headers given to writeHead, over those set before it (merged when read). */
  private responseHeaders: Record<string, unknown> | undefined = undefined;
  private set: Record<string, unknown> | undefined = undefined;
  /** The headers as texts, made by `bound` and reused by `writeTo`. */
  private requestHeadersText: string | undefined = undefined;
  private responseHeadersText: string | undefined = undefined;

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

  /** Most bytes writeTo takes. */
  bound(): number {
    const request = (this.requestHeadersText = withHeaders('', this.requestHeaders));
    const response = (this.responseHeadersText = withHeaders(withHeaders('', this.set), this.responseHeaders));
    return textBound(request) + (this.requestBody?.bound() ?? NO_BODY_BOUND) + textBound(response) + (this.responseBody?.bound() ?? NO_BODY_BOUND);
  }

  /** Writes the exchange as bytes at `pos`, at most `bound()` of them; returns where they end. */
  writeTo(b: Buffer, pos: number): number {
    pos = writeText(b, pos, this.requestHeadersText ?? withHeaders('', this.requestHeaders));
    pos = this.requestBody ? this.requestBody.writeTo(b, pos) : writeNoBody(b, pos);
    pos = writeText(b, pos, this.responseHeadersText ?? withHeaders(withHeaders('', this.set), this.responseHeaders));
    return this.responseBody ? this.responseBody.writeTo(b, pos) : writeNoBody(b, pos);
  }

  /** The exchange as the admin API shows it, with the self-check's findings on its entry. */
  read(selfCheck: Exchange['selfCheck']): Exchange {
    const b = Buffer.allocUnsafe(this.bound());
    const end = this.writeTo(b, 0);
    return readExchange(b.subarray(0, end), selfCheck);
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
