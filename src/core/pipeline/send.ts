/**
 * The send stage: a reply's head and bytes. A JSON body is serialized once,
 * into the Buffer that is written (its length is the Content-Length); the
 * headers are gathered into one object, the request's base headers (CORS)
 * under the reply's own. A stream of events gets its head at once and its
 * events as they come.
 */
import type { ServerResponse } from 'node:http';
import { declaredMediaFor, isJsonMedia, mediaTypeOf } from '../body.js';
import type { Reply } from '../provider.js';
import { JsonText } from '../json-text.js';
import { EVENT_STREAM_MEDIA, eventItem, writeEventStream, type EventStream } from '../sse.js';
import type { Exchange, Mount } from './context.js';
import { reportSelfCheck, responseFacts } from './self-check.js';

const BASE_HEADERS = Symbol('collections-mock.baseHeaders');
type WithBaseHeaders = ServerResponse & { [BASE_HEADERS]?: Readonly<Record<string, string>> };

/** Headers every reply to this request carries (CORS), under the reply's own. */
export function setBaseHeaders(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  (res as WithBaseHeaders)[BASE_HEADERS] = headers;
}

/** The request's base headers with `headers` over them, in one new object. */
function headersFor(res: ServerResponse, headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const base = (res as WithBaseHeaders)[BASE_HEADERS];
  if (base) for (const k in base) out[k] = base[k]!;
  if (headers) for (const k in headers) out[k] = headers[k]!;
  return out;
}

/** writeHead with the request's base headers; the reply's own win. */
export function writeHead(res: ServerResponse, status: number, headers: Record<string, string>): void {
  res.writeHead(status, headersFor(res, headers));
}

/**
 * A reply's body as sent: its bytes, or its text (written as UTF-8, with the
 * head, in one write), its content type, and for JSON the text (the
 * self-check remembers conforming texts).
 */
export interface Rendered {
  payload: Buffer | string | undefined;
  contentType: string | undefined;
  text: string | undefined;
}

/** Serializes a reply's body once: bytes as they are, JSON (the default) or text as it is (sent as UTF-8). */
export function render(reply: Reply): Rendered {
  const body = reply.body;
  if (body === undefined) return { payload: undefined, contentType: undefined, text: undefined };
  if (Buffer.isBuffer(body)) return { payload: body, contentType: reply.contentType ?? 'application/octet-stream', text: undefined };
  if (body instanceof JsonText) return { payload: body.kept ? body.bytes() : body.text, contentType: reply.contentType ?? 'application/json', text: body.text };
  const isJson = !reply.contentType || isJsonMedia(mediaTypeOf(reply.contentType));
  const text = isJson ? JSON.stringify(body) : String(body);
  return { payload: text, contentType: reply.contentType ?? 'application/json', text: isJson ? text : undefined };
}

/** Writes a reply (nothing when an answer has already gone out). */
export function send(res: ServerResponse, reply: Reply, rendered: Rendered = render(reply)): void {
  if (res.headersSent) return;
  const headers = headersFor(res, reply.headers);
  const payload = rendered.payload;
  if (payload !== undefined) {
    headers['content-type'] = rendered.contentType!;
    headers['content-length'] = String(typeof payload === 'string' ? Buffer.byteLength(payload, 'utf8') : payload.length);
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/**
 * Sends the head of a reply whose body is a stream of events, then its
 * events as they come (paced on the mock's clock, each checked against the
 * operation's event schema). The response is held like a `timeout` fault's,
 * so shutdown can drop a stream still waiting for the clock.
 */
export function sendStream(mount: Mount, x: Exchange, reply: Reply & { body: EventStream }): void {
  const { res, entry, cut, op } = x;
  if (res.headersSent) return;
  const facts = op ? responseFacts(mount, op, reply.status) : null;
  const type = mediaTypeOf(reply.contentType ?? EVENT_STREAM_MEDIA);
  const media = facts ? (declaredMediaFor(facts.media, type) ?? type) : type;
  const eventSchema = facts?.declared.content[media]?.event;
  const validate = op && eventSchema ? mount.validators.for(op).event(facts!.key, media) : undefined;
  writeHead(res, reply.status, { ...reply.headers, 'content-type': reply.contentType ?? EVENT_STREAM_MEDIA });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
  mount.options.onHold?.(res);
  if (entry) entry.events = 0;
  if (entry && cut) entry.fault = `stream_${cut.fault}`;
  void writeEventStream(res, reply.body, {
    clock: mount.env.clock,
    ...(cut ? { cut } : {}),
    ...(validate ? { check: (event) => validate(eventItem(event, eventSchema!.decodeData)) } : {}),
    onInvalid: (_event, issues) => {
      const where = `/event${entry ? `/${entry.events ?? 0}` : ''}`;
      reportSelfCheck(
        mount,
        x,
        reply.status,
        issues.map((i) => ({ ...i, pointer: `${where}${i.pointer}` })),
        'a streamed event does not match the spec',
      );
      return mount.options.strict;
    },
    onEvent: () => {
      if (entry) entry.events = (entry.events ?? 0) + 1;
    },
    onSourceError: (err) => mount.log.error({ err, method: x.method, url: x.view.url }, 'the event stream failed'),
  });
}
