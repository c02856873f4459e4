/**
 * Server-Sent Events, vendor-neutral: the text of an event stream as the
 * WHATWG HTML standard defines it (§9.2, "Server-sent events"), and a reply
 * that carries it. A provider decides what its events hold; this module only
 * writes them so that any conforming parser (EventSource, eventsource-parser)
 * reads back exactly the events given.
 *
 * The mock's replies are whole bodies, so a stream is written at once, its
 * events in order; a client reads it as it would a stream that arrived in
 * pieces.
 */
import type { Reply } from './provider.js';

export const SSE_CONTENT_TYPE = 'text/event-stream';

export interface SseEvent {
  /** The payload: a string as it is, anything else as JSON. */
  data: unknown;
  /** The `event:` field (the listener's type); left out, a client sees `message`. */
  event?: string;
  /** The `id:` field (the client's last event id). */
  id?: string;
  /** The `retry:` field: the client's reconnection delay, in ms. */
  retry?: number;
}

/** A field name or value may not hold a line break or NUL (they would end or corrupt the field). */
function checkField(name: string, value: string): void {
  if (/[\r\n\0]/.test(value)) throw new TypeError(`an SSE ${name} may not contain a line break or NUL`);
}

/**
 * One event's text, ending with the blank line that dispatches it. Data with
 * line breaks is written as one `data:` line per line, which a parser joins
 * back with `\n` (a `\r\n` or lone `\r` in the data comes back as `\n`).
 */
export function formatSseEvent(e: SseEvent): string {
  let out = '';
  if (e.event !== undefined) {
    checkField('event', e.event);
    out += `event: ${e.event}\n`;
  }
  if (e.id !== undefined) {
    checkField('id', e.id);
    out += `id: ${e.id}\n`;
  }
  if (e.retry !== undefined) {
    if (!Number.isSafeInteger(e.retry) || e.retry < 0) throw new TypeError('an SSE retry must be a whole number of ms ≥ 0');
    out += `retry: ${e.retry}\n`;
  }
  const text = typeof e.data === 'string' ? e.data : JSON.stringify(e.data);
  for (const line of (text ?? 'null').split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/** The whole stream's text. */
export function formatSseStream(events: Iterable<SseEvent>): string {
  let out = '';
  for (const e of events) out += formatSseEvent(e);
  return out;
}

/**
 * A reply carrying the events: `text/event-stream`, not cached by anything on
 * the way (`Cache-Control: no-cache`), and the caller's headers.
 */
export function sseReply(events: Iterable<SseEvent>, options: { status?: number; headers?: Record<string, string> } = {}): Reply {
  return {
    status: options.status ?? 200,
    headers: { 'cache-control': 'no-cache', ...options.headers },
    contentType: SSE_CONTENT_TYPE,
    body: formatSseStream(events),
  };
}
