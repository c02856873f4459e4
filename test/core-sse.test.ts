/**
 * core/sse.ts: what it writes, a conforming parser (eventsource-parser) reads
 * back as the events given: data as text or JSON, split over lines, the
 * event, id and retry fields; fields that would break the format are refused.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { SSE_CONTENT_TYPE, formatSseEvent, formatSseStream, sseReply } from '../src/core/sse.js';

function parse(text: string, chunk = 7): { messages: EventSourceMessage[]; retries: number[] } {
  const messages: EventSourceMessage[] = [];
  const retries: number[] = [];
  const parser = createParser({ onEvent: (m) => messages.push(m), onRetry: (r) => retries.push(r) });
  // Fed in small pieces, as a network would deliver them.
  for (let i = 0; i < text.length; i += chunk) parser.feed(text.slice(i, i + chunk));
  return { messages, retries };
}

describe('core/sse', () => {
  it('events read back as written: JSON and text data, multi-line data, event, id and retry', () => {
    const text = formatSseStream([
      { data: { a: 1, b: 'two' } },
      { data: 'plain text', event: 'note', id: '42' },
      { data: 'line one\nline two\r\nline three', retry: 1500 },
      { data: '' },
    ]);
    const { messages, retries } = parse(text);
    expect(messages).toEqual([
      { data: '{"a":1,"b":"two"}', event: undefined, id: undefined },
      { data: 'plain text', event: 'note', id: '42' },
      { data: 'line one\nline two\nline three', event: undefined, id: undefined },
      { data: '', event: undefined, id: undefined },
    ]);
    expect(retries).toEqual([1500]);
    expect(formatSseEvent({ data: { x: true } })).toBe('data: {"x":true}\n\n');
  });

  it('refuses fields that would end or corrupt the event', () => {
    expect(() => formatSseEvent({ data: 'x', event: 'a\nb' })).toThrow(TypeError);
    expect(() => formatSseEvent({ data: 'x', id: 'a\0b' })).toThrow(TypeError);
    expect(() => formatSseEvent({ data: 'x', retry: -1 })).toThrow(TypeError);
  });

  it('a reply: event-stream content, not cached, the caller\'s headers and status', () => {
    const reply = sseReply([{ data: 1 }], { headers: { 'x-mode': 'a' } });
    expect(reply).toEqual({ status: 200, headers: { 'cache-control': 'no-cache', 'x-mode': 'a' }, contentType: SSE_CONTENT_TYPE, body: 'data: 1\n\n' });
  });
});
