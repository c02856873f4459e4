/** The journal keeps the last N entries, newest first, across wrap-arounds and partial clears. */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMIT, Wire } from '../src/core/capture.js';
import { RING_MAX_BYTES } from '../src/core/byte-ring.js';
import { Journal, type JournalEntry } from '../src/core/journal.js';

const entry = (j: Journal, provider: string, status = 200): JournalEntry => ({
  id: j.nextId(),
  at: new Date(0).toISOString(),
  atMs: 0,
  provider,
  operationId: null,
  method: 'GET',
  url: '/',
  status,
  tenant: null,
  durationMs: 0,
});

describe('Journal', () => {
  it('keeps the newest `capacity` entries, newest first, however often it wraps', () => {
    const j = new Journal(5);
    for (let i = 0; i < 23; i++) j.record(entry(j, i % 2 ? 'xai' : 'ctxfy'));
    expect(j.size).toBe(5);
    expect(j.list().map((e) => e.id)).toEqual([23, 22, 21, 20, 19]);
    expect(j.list({ provider: 'xai', limit: 2 }).map((e) => e.id)).toEqual([22, 20]);
  });

  it('clears one provider and keeps the order of the rest, then fills up again', () => {
    const j = new Journal(4);
    for (let i = 0; i < 7; i++) j.record(entry(j, i % 2 ? 'xai' : 'ctxfy'));
    j.clear('xai');
    expect(j.list().map((e) => e.id)).toEqual([7, 5]);
    for (let i = 0; i < 3; i++) j.record(entry(j, 'airweave'));
    expect(j.list().map((e) => e.id)).toEqual([10, 9, 8, 7]);
    j.clear();
    expect(j.size).toBe(0);
    expect(j.list()).toEqual([]);
  });

  it('keeps nothing with capacity 0', () => {
    const j = new Journal(0);
    j.record(entry(j, 'xai'));
    expect(j.size).toBe(0);
    expect(j.list()).toEqual([]);
  });

  it('gives back every field an entry was recorded with, the seldom ones too', () => {
    const j = new Journal(3);
    const plain = {
      ...entry(j, 'xai', 201),
      atMs: Date.UTC(2026, 0, 2),
      operationId: 'createCollection',
      method: 'POST',
      url: '/v1/collections?x=1',
      tenant: 'xai-key',
      durationMs: 1.25,
    };
    const rare = {
      ...entry(j, 'ctxfy', 0),
      scenario: { name: 'outage', rule: 2, activation: 'act_1' },
      prefer: 'code=404',
      fault: 'reset',
      events: 3,
      selfCheck: { issues: [{ location: 'body', pointer: '/a', rule: 'type', message: 'must be string' }] },
    };
    j.record(plain);
    j.record(rare);
    const [second, first] = j.list();
    expect({ ...first, at: first!.at }).toEqual({ ...plain, at: '2026-01-02T00:00:00.000Z' });
    expect({ ...second, at: second!.at }).toEqual({ ...rare, at: new Date(0).toISOString() });
    expect(j.get(plain.id)).toEqual(first);
    expect(j.list({ operationId: 'createCollection' }).map((e) => e.id)).toEqual([plain.id]);
    expect(j.list({ status: 0 }).map((e) => e.id)).toEqual([rare.id]);
    expect(j.list({ sinceMs: 1 }).map((e) => e.id)).toEqual([plain.id]);
  });

  it('grows past its first slots up to the capacity, and then wraps', () => {
    const j = new Journal(3000);
    for (let i = 0; i < 2500; i++) j.record(entry(j, 'xai'));
    expect(j.size).toBe(2500);
    expect(j.list({ limit: 2 }).map((e) => e.id)).toEqual([2500, 2499]);
    for (let i = 0; i < 1000; i++) j.record(entry(j, 'xai'));
    expect(j.size).toBe(3000);
    const ids = j.list().map((e) => e.id);
    expect([ids[0], ids.at(-1)]).toEqual([3500, 501]);
  });
});

/** A finished wire: the request's headers and body, the reply's head and body. */
function wire(requestBody: string, responseBody: string | Buffer): Wire {
  const w = new Wire({ host: 'localhost', authorization: 'Bearer k', 'x-mock-internal': 'token' });
  if (requestBody) w.sentChunk(Buffer.from(requestBody));
  const res = { getHeaderNames: () => [], getHeaders: () => ({}) } as unknown as ServerResponse;
  w.head(res, [200, { 'content-type': 'application/json', 'x-many': ['a', 'b'] }]);
  w.answeredChunk(responseBody);
  return w;
}

describe('Journal exchanges', () => {
  it('keeps each exchange as bytes, read back as the live wire reads it', () => {
    const j = new Journal(10);
    const live = wire('{"name":"é"}', '{"id":"c1"}');
    const e = { ...entry(j, 'xai'), wire: live };
    j.record(e);
    const kept = j.get(e.id)!.wire!.read([]);
    expect(kept).toEqual(live.read([]));
    expect(kept).toMatchObject({
      requestHeaders: { host: 'localhost', authorization: 'Bearer k', 'x-mock-internal': '(hidden)' },
      requestBody: '{"name":"é"}',
      requestBodyBytes: 13,
      responseHeaders: { 'content-type': 'application/json', 'x-many': 'a, b' },
      responseBody: '{"id":"c1"}',
      truncated: false,
    });
  });

  it('cuts a text body at the limit between characters, counting every byte', () => {
    const j = new Journal(10);
    const text = 'é'.repeat(CAPTURE_LIMIT);
    const e = { ...entry(j, 'xai'), wire: wire('', text) };
    j.record(e);
    const kept = j.get(e.id)!.wire!.read([])!;
    expect(kept.responseBody).toBe('é'.repeat(CAPTURE_LIMIT / 2));
    expect(kept.responseBodyBytes).toBe(2 * CAPTURE_LIMIT);
    expect(kept.truncated).toBe(true);
  });

  it('keeps the entries when their exchanges no longer fit: those read as null', () => {
    const j = new Journal(1000);
    const body = Buffer.alloc(CAPTURE_LIMIT, 'x');
    const count = Math.ceil((RING_MAX_BYTES / CAPTURE_LIMIT) * 1.5);
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = { ...entry(j, 'xai'), wire: wire('', body) };
      ids.push(e.id);
      j.record(e);
    }
    expect(j.size).toBe(count);
    expect(j.get(ids[0]!)!.wire!.read([])).toBeNull();
    expect(j.get(ids.at(-1)!)!.wire!.read([])!.responseBody).toBe(body.toString());
  });

  it('grows its ring for the exchanges it holds, past entries that have none', () => {
    const j = new Journal(100);
    for (let i = 0; i < 50; i++) j.record(entry(j, 'xai'));
    const body = Buffer.alloc(CAPTURE_LIMIT, 'y');
    const ids: number[] = [];
    // 40 exchanges of 64 KiB: more than the ring's first MiB.
    for (let i = 0; i < 40; i++) {
      const e = { ...entry(j, 'xai'), wire: wire('', body) };
      ids.push(e.id);
      j.record(e);
    }
    expect(ids.map((id) => j.get(id)!.wire!.read([])?.responseBodyBytes)).toEqual(ids.map(() => CAPTURE_LIMIT));
  });

  it('keeps the exchanges of the entries a partial clear keeps', () => {
    const j = new Journal(10);
    const a = { ...entry(j, 'xai'), wire: wire('', 'for xai') };
    const b = { ...entry(j, 'ctxfy'), wire: wire('', 'for ctxfy') };
    j.record(a);
    j.record(b);
    j.clear('xai');
    expect(j.list().map((e) => e.wire!.read([])!.responseBody)).toEqual(['for ctxfy']);
    j.clear();
    j.record({ ...entry(j, 'xai'), wire: wire('', 'after') });
    expect(j.list().map((e) => e.wire!.read([])!.responseBody)).toEqual(['after']);
  });
});
