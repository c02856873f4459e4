/**
 * Server-sent events for the request pipeline. A handler answers a
 * `text/event-stream` operation with `eventStream(events)` as the reply's
 * body; mount.ts sends the status and headers at once, then writes the
 * events one by one with `writeEventStream`:
 *
 * - each event waits its `delayMs` on the mock's clock first, so a stream is
 *   paced like the vendor's (on a manual clock, advancing it releases the
 *   events whose time has come; with a delay of 0 an event follows at once);
 * - each event is checked against the operation's event schema before it is
 *   written, when the spec gives one (see `eventSchemaOf`);
 * - a scenario's stream rule may cut the stream after some events, with the
 *   vendor's in-band error event (`EventStreamOptions.error`) or by closing
 *   the connection;
 * - a client that goes away stops the stream (the source is closed, its
 *   pending wait on the clock cancelled).
 *
 * The wire format is the WHATWG one: optional `event:`, `id:` and `retry:`
 * lines, one `data:` line per line of the data, and a blank line.
 */
import type { ServerResponse } from 'node:http';
import type { Clock, Scheduled } from './clock.js';
import type { ValidationIssue } from './errors.js';

export interface SseEvent {
  /** A string is sent as it is (one `data:` line per line); any other value as its JSON. */
  data: unknown;
  event?: string;
  id?: string;
  /** The client's reconnection time, in ms. */
  retry?: number;
  /**
   * Milliseconds of the mock's clock between the previous event (or the start
   * of the reply) and this one. Each event is due at the sum of the delays so
   * far: an event whose time has already come (the clock was advanced past
   * it) follows at once.
   */
  delayMs?: number;
}

export interface EventStreamOptions {
  /**
   * How the vendor reports a failure inside a stream that has started (its
   * error event). Used when a scenario makes the stream fail, and when the
   * event source itself throws; without it such a stream is closed instead.
   */
  error?: (message: string) => SseEvent;
}

const STREAM = Symbol('collections-mock.eventStream');

/** A reply body of server-sent events; made by `eventStream`. */
export interface EventStream {
  readonly [STREAM]: true;
  readonly source: Iterable<SseEvent> | AsyncIterable<SseEvent>;
  readonly options: EventStreamOptions;
}

/** The body of a `text/event-stream` reply: the events, produced lazily as the stream is written. */
export function eventStream(source: Iterable<SseEvent> | AsyncIterable<SseEvent>, options: EventStreamOptions = {}): EventStream {
  return { [STREAM]: true, source, options };
}

export function isEventStream(value: unknown): value is EventStream {
  return typeof value === 'object' && value !== null && (value as Partial<EventStream>)[STREAM] === true;
}

export const EVENT_STREAM_MEDIA = 'text/event-stream';

/** The data as sent: a string as is, anything else as JSON. */
export function eventData(event: SseEvent): string {
  return typeof event.data === 'string' ? event.data : JSON.stringify(event.data ?? null);
}

/** One event in the wire format, blank line included. Field values never carry a line break (it would end the field). */
export function formatEvent(event: SseEvent): string {
  const oneLine = (v: string) => v.replace(/[\r\n]+/g, ' ');
  let out = '';
  if (event.event !== undefined) out += `event: ${oneLine(event.event)}\n`;
  if (event.id !== undefined) out += `id: ${oneLine(event.id)}\n`;
  if (event.retry !== undefined && Number.isInteger(event.retry) && event.retry >= 0) out += `retry: ${event.retry}\n`;
  for (const line of eventData(event).split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/**
 * The wire bytes of a frozen event whose data is a string, made once however
 * many streams it is written to (the admin feed shares each tick's event
 * between its clients); any other event is formatted for each write, since
 * its source may change it between yields.
 */
const frames = new WeakMap<SseEvent, Buffer>();
function wireOf(event: SseEvent): string | Buffer {
  if (typeof event.data !== 'string' || !Object.isFrozen(event)) return formatEvent(event);
  let frame = frames.get(event);
  if (!frame) frames.set(event, (frame = Buffer.from(formatEvent(event), 'utf8')));
  return frame;
}

/** An SSE comment line: ignored by clients, visible to whoever reads the raw stream. */
export const formatComment = (text: string): string => `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;

/**
 * The event as its schema sees it: `{event, id, retry, data}` with `data` as
 * the value it carries (see `eventSchemaOf`).
 */
export function eventItem(event: SseEvent, decodeData: boolean): Record<string, unknown> {
  const item: Record<string, unknown> = { data: decodeData ? decodedData(event) : eventData(event) };
  if (event.event !== undefined) item.event = event.event;
  if (event.id !== undefined) item.id = event.id;
  if (event.retry !== undefined) item.retry = event.retry;
  return item;
}

function decodedData(event: SseEvent): unknown {
  if (typeof event.data !== 'string') return event.data ?? null;
  try {
    return JSON.parse(event.data);
  } catch {
    return event.data;
  }
}

type Json = Record<string, unknown>;
const isJsonMedia = (m: unknown) => typeof m === 'string' && /^application\/(?:[\w.+-]+\+)?json$/i.test(m);

/**
 * The schema each event of a `text/event-stream` media entry is checked
 * against, and how: OpenAPI 3.2's `itemSchema` (or, in a 3.1 document, whose
 * media objects cannot carry that field, the extension `x-itemSchema` with
 * the same meaning) describes one event as an object `{event, data, id,
 * retry}`, `data` being the text sent. Where its `data` declares
 * `contentMediaType: application/json` and a `contentSchema`, as 3.2's
 * examples do, the data is parsed and checked against that schema
 * (`decodeData`). Undefined when the media entry describes no event.
 */
export function eventSchemaOf(media: Json | undefined): { schema: Json; decodeData: boolean } | undefined {
  const item = (media?.itemSchema ?? media?.['x-itemSchema']) as Json | undefined;
  if (!item || typeof item !== 'object') return undefined;
  const data = (item.properties as Json | undefined)?.data as Json | undefined;
  if (data && isJsonMedia(data.contentMediaType) && data.contentSchema !== undefined) {
    return { schema: { ...item, properties: { ...(item.properties as Json), data: data.contentSchema } }, decodeData: true };
  }
  return { schema: item, decodeData: false };
}

/** A scenario's cut: after `after` events, the vendor's error event (`error`) or a dropped connection (`close`). */
export interface StreamCut {
  after: number;
  fault: 'error' | 'close';
  message?: string;
}

export interface WriteEventStreamOptions {
  clock: Clock;
  /** Checks one event (as `eventItem` gives it); the issues, or none. */
  check?: (event: SseEvent) => ValidationIssue[];
  /** An event that broke its schema: true stops the stream there (strict), false sends it anyway. */
  onInvalid?: (event: SseEvent, issues: ValidationIssue[]) => boolean;
  cut?: StreamCut;
  /** Called after each event is written. */
  onEvent?: () => void;
  /** The event source threw (a provider bug, or a failure it reports this way). */
  onSourceError?: (err: unknown) => void;
}

export type StreamEnd = 'complete' | 'client_gone' | 'cut' | 'invalid' | 'failed';

const DEFAULT_CUT_MESSAGE = 'The stream was interrupted (simulated).';

/** Waits `ms` on the mock's clock, or less if the client goes away; resolves false then. */
function wait(clock: Clock, ms: number, res: ServerResponse): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return Promise.resolve(false);
  if (!(ms > 0)) return Promise.resolve(true);
  return new Promise((resolve) => {
    let task: Scheduled | undefined;
    const gone = () => {
      task?.cancel();
      resolve(false);
    };
    res.once('close', gone);
    task = clock.schedule(ms, () => {
      res.off('close', gone);
      resolve(!res.destroyed);
    });
  });
}

/**
 * Writes the events of a stream whose head is already sent, then ends the
 * response. Never rejects: how the stream ended is the result.
 */
export async function writeEventStream(
  res: ServerResponse,
  stream: EventStream,
  options: WriteEventStreamOptions,
): Promise<{ events: number; end: StreamEnd }> {
  const { clock, cut } = options;
  let events = 0;
  // When the next event is due, on the mock's clock: the start plus every delay so far.
  let due = clock.nowMs();
  const iterator: Iterator<SseEvent> | AsyncIterator<SseEvent> =
    Symbol.asyncIterator in stream.source
      ? (stream.source as AsyncIterable<SseEvent>)[Symbol.asyncIterator]()
      : (stream.source as Iterable<SseEvent>)[Symbol.iterator]();
  const close = async () => {
    try {
      await iterator.return?.();
    } catch {
      // The source is done with either way.
    }
  };
  const write = (event: SseEvent): boolean => {
    const issues = options.check?.(event) ?? [];
    if (issues.length && options.onInvalid?.(event, issues)) {
      res.end(
        formatComment(`collections-mock: this event breaks the spec's event schema and was not sent: ${issues[0]!.pointer || '/'} ${issues[0]!.message}`),
      );
      return false;
    }
    res.write(wireOf(event));
    events++;
    options.onEvent?.();
    return true;
  };
  const failWith = (message: string): void => {
    const error = stream.options.error;
    if (error) {
      write(error(message));
      res.end();
    } else drop();
  };
  // Ends the connection once what was written has gone out, without the body's end: the client sees the stream break.
  const drop = (): void => {
    const socket = res.socket;
    if (!socket) return void res.destroy();
    socket.end();
    socket.destroySoon();
  };
  const cutNow = (): boolean => {
    if (!cut || events < cut.after) return false;
    if (cut.fault === 'close') drop();
    else failWith(cut.message ?? DEFAULT_CUT_MESSAGE);
    return true;
  };
  try {
    for (;;) {
      if (cutNow()) {
        await close();
        return { events, end: 'cut' };
      }
      let next: IteratorResult<SseEvent>;
      try {
        next = await iterator.next();
      } catch (err) {
        options.onSourceError?.(err);
        if (!res.destroyed) failWith('The stream failed.');
        return { events, end: 'failed' };
      }
      if (next.done) {
        res.end();
        return { events, end: 'complete' };
      }
      due += Math.max(0, next.value.delayMs ?? 0);
      if (!(await wait(clock, due - clock.nowMs(), res))) {
        await close();
        return { events, end: 'client_gone' };
      }
      if (!write(next.value)) {
        await close();
        return { events, end: 'invalid' };
      }
    }
  } catch (err) {
    // A socket error while writing: the client is gone.
    options.onSourceError?.(err);
    res.destroy();
    await close();
    return { events, end: 'failed' };
  }
}
