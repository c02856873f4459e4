/**
 * Reads and parses request bodies with size limits. Nothing here trusts the
 * client: sizes are counted as bytes arrive, text must be valid UTF-8, and
 * JSON keys that could reach an object's prototype are dropped.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { MockError } from './errors.js';
import { mediaTypeOf } from './media.js';

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface ParsedBody {
  /** Lower-case media type without parameters, '' when the request had no Content-Type. */
  mediaType: string;
  /** The value validated against the spec: JSON as parsed, or form fields as strings (files as their file names). */
  value: unknown;
  /** Multipart file parts by field name. */
  files: Record<string, UploadedFile>;
  /** False when the request carried no body bytes. */
  present: boolean;
}

export interface BodyLimits {
  /** Bytes allowed for JSON and other non-file bodies. */
  json: number;
  /** Bytes allowed for multipart uploads. */
  upload: number;
}

export const DEFAULT_LIMITS: BodyLimits = { json: 1024 * 1024, upload: 50 * 1024 * 1024 };

/** Beyond this many times the limit we stop reading and close the connection after the reply. */
const DRAIN_FACTOR = 4;

export { mediaTypeOf };

/** Whether a declared media range (any type, `image/` with a star, or an exact type) covers a media type. */
export function mediaMatches(range: string, mediaType: string): boolean {
  if (range === '*/*' || range === mediaType) return true;
  return range.endsWith('/*') && mediaType.startsWith(range.slice(0, -1));
}

/** The declared media type (or range) that covers `mediaType`: exact first, JSON suffixes as JSON, then ranges. */
export function declaredMediaFor(declared: readonly string[], mediaType: string): string | undefined {
  if (declared.includes(mediaType)) return mediaType;
  if (isJsonMedia(mediaType) && declared.includes('application/json')) return 'application/json';
  return declared.find((range) => mediaMatches(range, mediaType));
}

/** Bodies read as text or structure (JSON, forms) get the JSON limit; files and raw bytes the upload limit. */
export function isStructuredMedia(mediaType: string): boolean {
  return isJsonMedia(mediaType) || mediaType === 'application/x-www-form-urlencoded';
}

export function isJsonMedia(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

const READ_BEFORE = Symbol('collections-mock.bodyReadBefore');
type ReadBefore = IncomingMessage & { [READ_BEFORE]?: Buffer | Error };

/**
 * The body, for a request whose stream something before the mock has read
 * (an app's body parser, where the mock is middleware): readRawBody returns
 * these bytes, or throws this error, instead of waiting on a spent stream.
 */
export function setBodyReadBefore(req: IncomingMessage, body: Buffer | Error): void {
  (req as ReadBefore)[READ_BEFORE] = body;
}

/**
 * Reads the whole body, counting bytes; over the limit it keeps draining (so
 * the client can read the reply and reuse the connection) and then throws
 * payload_too_large. Beyond DRAIN_FACTOR times the limit it stops reading: the
 * rest of the body is still on the connection, where it would be taken for the
 * next request, so the reply (whatever it is) says `Connection: close` and the
 * connection is closed after it.
 */
export async function readRawBody(req: IncomingMessage, limit: number, res?: ServerResponse): Promise<Buffer> {
  const before = (req as ReadBefore)[READ_BEFORE];
  if (before instanceof Error) throw before;
  if (before !== undefined) {
    if (before.length > limit) throw new MockError('payload_too_large', `Request body exceeds the limit of ${limit} bytes.`);
    return before;
  }
  const declared = Number(req.headers['content-length']);
  const chunks: Buffer[] = [];
  let size = 0;
  let over = Number.isFinite(declared) && declared > limit;
  await new Promise<void>((resolve, reject) => {
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
      else if (size > limit * DRAIN_FACTOR) {
        req.pause();
        // Node sends the header with the reply and ends the connection once the reply is out.
        if (res && !res.headersSent) res.setHeader('connection', 'close');
        resolve();
      }
    });
    req.on('end', () => resolve());
    req.on('error', (err) => reject(err));
    req.on('aborted', () => reject(new Error('request aborted')));
  });
  if (over) {
    throw new MockError('payload_too_large', `Request body exceeds the limit of ${limit} bytes.`);
  }
  return Buffer.concat(chunks, size);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(raw: Buffer, what = 'Request body'): string {
  try {
    return utf8.decode(raw);
  } catch {
    throw new MockError('validation', `${what} is not valid UTF-8.`);
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__']);

export function parseJson(raw: Buffer): unknown {
  const text = decodeUtf8(raw);
  try {
    // JSON.parse makes `__proto__` an own property, but later spreads or
    // Object.assign would turn it into a prototype change; drop it at the door.
    // The reviver that does it slows every parse, so it runs only when the text
    // could spell such a key (as written, or with a \u escape).
    if (!text.includes('__proto__') && !text.includes('\\u')) return JSON.parse(text);
    return JSON.parse(text, (key, value) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
  } catch (err) {
    const detail = err instanceof SyntaxError ? err.message : 'invalid JSON';
    // V8 names the offset ("… at position 12"); some vendors put it in their error.
    const position = /position (\d+)/.exec(detail)?.[1] ?? (/Unexpected end of JSON input/.test(detail) ? String(text.length) : '0');
    throw new MockError('validation', `Request body is not valid JSON: ${detail}`, {
      issues: [{ location: 'body', pointer: `/${position}`, rule: 'json', message: 'is not valid JSON', params: { position: Number(position) } }],
    });
  }
}

export async function parseMultipart(
  raw: Buffer,
  contentType: string,
  limits: BodyLimits,
): Promise<{ fields: Record<string, string>; files: Record<string, UploadedFile> }> {
  const fields: Record<string, string> = Object.create(null);
  const files: Record<string, UploadedFile> = Object.create(null);
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: { 'content-type': contentType },
        limits: { fileSize: limits.upload, fieldSize: limits.json, fields: 1000, files: 20, parts: 1100 },
        defParamCharset: 'utf8',
        // Keep the name as sent: a client's path separators are the caller's to refuse, not ours to strip.
        preservePath: true,
      });
    } catch (err) {
      reject(new MockError('validation', `Malformed multipart body: ${(err as Error).message}`));
      return;
    }
    bb.on('field', (name, value) => {
      if (!FORBIDDEN_KEYS.has(name)) fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      const parts: Buffer[] = [];
      stream.on('data', (d: Buffer) => parts.push(d));
      // A form that ends inside a file part errors the part's stream too; unheard, that error would crash the process.
      stream.on('error', (err: Error) => reject(new MockError('validation', `Malformed multipart body: ${err.message}`)));
      stream.on('limit', () => reject(new MockError('payload_too_large', `File exceeds the maximum size of ${limits.upload} bytes.`)));
      stream.on('close', () => {
        if (FORBIDDEN_KEYS.has(name)) return;
        files[name] = {
          field: name,
          filename: info.filename ?? '',
          contentType: (info.mimeType || 'application/octet-stream').toLowerCase(),
          data: Buffer.concat(parts),
        };
      });
    });
    bb.on('error', (err: Error) => reject(new MockError('validation', `Malformed multipart body: ${err.message}`)));
    bb.on('close', () => resolve({ fields, files }));
    bb.end(raw);
  });
}

/** Parses a raw body according to its Content-Type. Unknown media types are returned as text for the caller to refuse. */
export async function parseBody(raw: Buffer, contentType: string | undefined, limits: BodyLimits): Promise<ParsedBody> {
  const mediaType = mediaTypeOf(contentType);
  const present = raw.length > 0;
  if (!present) return { mediaType, value: undefined, files: {}, present };
  if (isJsonMedia(mediaType)) return { mediaType, value: parseJson(raw), files: {}, present };
  if (mediaType === 'multipart/form-data') {
    const { fields, files } = await parseMultipart(raw, contentType!, limits);
    const value: Record<string, unknown> = { ...fields };
    for (const [name, f] of Object.entries(files)) value[name] = f.filename;
    return { mediaType, value, files, present };
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    const value: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(decodeUtf8(raw))) if (!FORBIDDEN_KEYS.has(k)) value[k] = v;
    return { mediaType, value, files: {}, present };
  }
  return { mediaType, value: raw, files: {}, present };
}
