/**
 * The live journal (GET /__mock/events, core/events.ts): each request the
 * providers answer arrives as an event with its journal entry; the entry's
 * exchange (GET /__mock/journal/{id}) has the request and reply as sent; a
 * slow client never slows the API (its bounded buffer overflows, it is told
 * and dropped); a client that leaves is unsubscribed at once; removing a
 * record and retrying a delivery through the admin routes the console uses.
 */
import net from 'node:net';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Journal, type JournalEntry } from '../src/core/journal.js';
import { createEventHub } from '../src/core/events.js';
import type { SseEvent } from '../src/core/sse.js';
import { EventReader } from './support/sse.js';
import { useServer } from './support/server.js';
import { raw } from './support/client.js';
import { loadSpec } from '../src/core/spec.js';
import { SpecValidators } from '../src/core/validation.js';

const journalEntrySchema = () => SpecValidators.of(loadSpec(fileURLToPath(new URL('../specs/admin.yaml', import.meta.url)), 'admin')).component('JournalEntry');

const entry = (id: number): JournalEntry => ({
  id,
  at: new Date(0).toISOString(),
  atMs: 0,
  provider: 'xai',
  operationId: 'listCollections',
  method: 'GET',
  url: '/xai/v1/collections',
  status: 200,
  tenant: 'key:k',
  durationMs: 1,
});

const waitFor = async (what: () => boolean, ms = 5000): Promise<void> => {
  const until = Date.now() + ms;
  while (!what()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('event feed (unit)', () => {
  const batchOf = (e: SseEvent) => JSON.parse(e.data as string) as { entries: JournalEntry[]; skipped: number };

  it('costs a request one push whatever the number of clients, and sends each tick one event, its text shared', async () => {
    const journal = new Journal(10);
    const hub = createEventHub(journal, { tickMs: 60_000 });
    const feeds = Array.from({ length: 100 }, () => hub.open()[Symbol.asyncIterator]());
    // One subscription to the journal, not one per client.
    expect(journal.subscribers).toBe(1);
    for (let i = 1; i <= 3; i++) journal.record(entry(i));
    hub.flush();
    const first = (await feeds[0]!.next()).value as SseEvent;
    expect(first.event).toBe('requests');
    expect(first.id).toBe('3');
    expect(batchOf(first)).toEqual({ entries: [1, 2, 3].map((id) => expect.objectContaining({ id })), skipped: 0 });
    for (const f of feeds.slice(1)) expect(((await f.next()).value as SseEvent).data).toBe(first.data);
    hub.close();
    expect(journal.subscribers).toBe(0);
    expect(hub.size).toBe(0);
  });

  it('hands a tick to perTurn clients a turn, so requests are answered between them; every client gets its ticks in order', async () => {
    const journal = new Journal(10);
    const hub = createEventHub(journal, { tickMs: 60_000, perTurn: 2 });
    const feeds = Array.from({ length: 5 }, () => hub.open()[Symbol.asyncIterator]());
    const got: number[] = [];
    const firsts = feeds.map((f, i) => f.next().then(() => got.push(i)));
    journal.record(entry(1));
    hub.flush();
    await Promise.resolve();
    await Promise.resolve();
    // The first group now; the next one a turn later.
    expect(got).toEqual([0, 1]);
    await new Promise((r) => setImmediate(r));
    expect(got).toEqual([0, 1, 2, 3]);
    // A new tick while one is still being handed out: the rest of the first goes out before it.
    journal.record(entry(2));
    hub.flush();
    await Promise.all(firsts);
    expect(got).toEqual([0, 1, 2, 3, 4]);
    const last = feeds[4]!;
    expect(((await last.next()).value as SseEvent).id).toBe('2');
    for (const f of feeds.slice(0, 4)) expect(((await f.next()).value as SseEvent).id).toBe('2');
    hub.close();
  });

  it('keeps the newest entries of a busy tick and says how many older ones it left out', async () => {
    const journal = new Journal(10);
    const hub = createEventHub(journal, { tickMs: 60_000, maxPerEvent: 5 });
    const feed = hub.open()[Symbol.asyncIterator]();
    // Recording is a push onto the hub's list: it returns at once, whatever the clients do.
    for (let i = 1; i <= 10_000; i++) journal.record(entry(i));
    hub.flush();
    const batch = batchOf((await feed.next()).value as SseEvent);
    expect(batch.entries.map((e) => e.id)).toEqual([9996, 9997, 9998, 9999, 10_000]);
    expect(batch.skipped).toBe(9995);
    hub.close();
  });

  it('sends ticks on its own, every tickMs', async () => {
    const journal = new Journal(10);
    const hub = createEventHub(journal, { tickMs: 20 });
    const feed = hub.open()[Symbol.asyncIterator]();
    journal.record(entry(1));
    const got = (await feed.next()).value as SseEvent;
    expect(batchOf(got).entries.map((e) => e.id)).toEqual([1]);
    hub.close();
  });

  it('drops a client that does not read once its queue is full; it is told once and let go', async () => {
    const journal = new Journal(10);
    const hub = createEventHub(journal, { tickMs: 60_000, maxQueued: 3 });
    const feed = hub.open()[Symbol.asyncIterator]();
    for (let i = 1; i <= 4; i++) {
      journal.record(entry(i));
      hub.flush();
    }
    expect(hub.size).toBe(0);
    expect(journal.subscribers).toBe(0);
    // What it fell behind on is dropped (memory freed); it is told so, and its stream ends.
    expect((await feed.next()).value).toMatchObject({ event: 'overflow' });
    expect((await feed.next()).done).toBe(true);
  });

  it('drops a client whose socket holds more unsent bytes than its bound, without waiting for it', () => {
    const journal = new Journal(10);
    const hub = createEventHub(journal, { tickMs: 60_000, maxBufferedBytes: 1000 });
    hub.open();
    let destroyed = false;
    const res = { writableLength: 5000, destroyed: false, destroy: () => void (destroyed = true), once: () => res, end: () => undefined };
    hub.attach(res as unknown as http.ServerResponse);
    journal.record(entry(1));
    hub.flush();
    expect(destroyed).toBe(true);
    expect(journal.subscribers).toBe(0);
    expect(hub.size).toBe(0);
  });

  it('lets go of a client as soon as it is closed, and of every client at shutdown', async () => {
    const journal = new Journal(10);
    const hub = createEventHub(journal);
    const a = hub.open()[Symbol.asyncIterator]();
    hub.open();
    expect(hub.size).toBe(2);
    const pending = a.next();
    await a.return!();
    await expect(pending).resolves.toMatchObject({ done: true });
    expect(hub.size).toBe(1);
    hub.close();
    expect(journal.subscribers).toBe(0);
    expect(hub.size).toBe(0);
  });
});

describe('GET /__mock/events', () => {
  const ctx = useServer({ providers: ['xai'] });

  it('sends each request the providers answer, as its journal entry, within moments', async () => {
    const controller = new AbortController();
    const res = await fetch(`${ctx.url}/__mock/events`, { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = new EventReader(res);
    await waitFor(() => ctx.server.journal.subscribers === 1);
    const started = Date.now();
    await raw(ctx.url, '/xai/v1/collections', {
      method: 'POST',
      key: 'events-key',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ collection_name: 'Live' }),
    });
    const event = await reader.next();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event?.event).toBe('requests');
    const batch = JSON.parse(event!.data) as { entries: JournalEntry[]; skipped: number };
    expect(batch.entries).toHaveLength(1);
    expect(batch.skipped).toBe(0);
    const data = batch.entries[0]!;
    expect(data).toMatchObject({ provider: 'xai', operationId: 'createCollection', method: 'POST', status: 200, tenant: 'key:events-key' });
    // The entries are journal entries as the spec describes them.
    expect(journalEntrySchema()(data)).toEqual([]);
    expect(event?.id).toBe(String(data.id));

    // The entry's exchange: the request and the reply as they went over the wire.
    const detail = await raw(ctx.url, `/__mock/journal/${data.id}`);
    expect(detail.status).toBe(200);
    expect(detail.json.entry).toMatchObject({ id: data.id, operationId: 'createCollection' });
    expect(JSON.parse(detail.json.exchange.requestBody)).toEqual({ collection_name: 'Live' });
    expect(detail.json.exchange.requestHeaders.authorization).toBe('Bearer events-key');
    expect(JSON.parse(detail.json.exchange.responseBody)).toMatchObject({ collection_name: 'Live' });
    expect(detail.json.exchange.responseHeaders['content-type']).toMatch(/application\/json/);
    expect(detail.json.exchange.selfCheck).toEqual([]);

    controller.abort();
    // A client that leaves is let go at once, not at the next entry.
    await waitFor(() => ctx.server.journal.subscribers === 0);
  });

  it('filters by provider, and refuses one that is not mounted', async () => {
    expect((await raw(ctx.url, '/__mock/events?provider=ctxfy')).status).toBe(400);
    expect((await raw(ctx.url, '/__mock/journal/999999')).status).toBe(404);
    expect((await raw(ctx.url, '/__mock/journal/abc')).status).toBe(400);
  });

  it('a client that never reads is dropped, and the API answers every request meanwhile', async () => {
    // A raw socket that asks for the feed and never reads a byte.
    const url = new URL(ctx.url);
    const slow = net.connect(Number(url.port), url.hostname);
    slow.pause();
    let slowClosed = false;
    slow.on('close', () => (slowClosed = true));
    slow.on('error', () => undefined);
    slow.write(`GET /__mock/events HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
    await waitFor(() => ctx.server.journal.subscribers === 1);

    // Requests with long paths make big events: megabytes the slow client never takes.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    // Each event carries up to 20 entries: with 40 kB paths, a few ticks are megabytes.
    const long = 'x'.repeat(40_000);
    const statuses: number[] = [];
    const one = () =>
      new Promise<void>((resolve, reject) => {
        http
          .get(`${ctx.url}/xai/v1/collections/${long}`, { agent, headers: { authorization: 'Bearer slow-test' } }, (res) => {
            res.resume();
            res.on('end', () => {
              statuses.push(res.statusCode!);
              resolve();
            });
          })
          .on('error', reject);
      });
    const until = Date.now() + 30_000;
    while (ctx.server.journal.subscribers > 0 && Date.now() < until) await Promise.all(Array.from({ length: 8 }, one));
    agent.destroy();
    // The server let go of it: no longer subscribed, and its connection ends (seen once it reads what was sent before).
    expect(ctx.server.journal.subscribers).toBe(0);
    slow.on('data', () => undefined);
    slow.resume();
    await waitFor(() => slowClosed, 10_000);
    // Every request was answered while the client sat stuck: none waited on it.
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([404]));
    slow.destroy();
  }, 60_000);
});

describe('admin routes the console uses', () => {
  const ctx = useServer({ providers: ['xai'] });

  it('removes one record of a tenant, and the vendor API no longer has it', async () => {
    const created = await raw(ctx.url, '/xai/v1/collections', {
      method: 'POST',
      key: 'rm-key',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ collection_name: 'Gone soon' }),
    });
    const id = created.json.collection_id as string;
    expect((await raw(ctx.url, `/xai/v1/collections/${id}`, { key: 'rm-key' })).status).toBe(200);
    const removed = await raw(ctx.url, '/__mock/state/remove', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'xai', tenant: 'key:rm-key', path: ['collections', id] }),
    });
    expect(removed.status).toBe(200);
    expect(removed.json).toMatchObject({ provider: 'xai', tenant: 'key:rm-key', path: ['collections', id], record: { id, name: 'Gone soon' } });
    expect((await raw(ctx.url, `/xai/v1/collections/${id}`, { key: 'rm-key' })).status).toBe(404);
    const again = await raw(ctx.url, '/__mock/state/remove', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'xai', tenant: 'key:rm-key', path: ['collections', id] }),
    });
    expect(again.status).toBe(404);
    expect(
      (
        await raw(ctx.url, '/__mock/state/remove', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ provider: 'xai', tenant: 'key:rm-key', path: ['collections'] }),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await raw(ctx.url, '/__mock/state/remove', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ provider: 'xai', tenant: 'nobody', path: ['collections', 'x'] }),
        })
      ).status,
    ).toBe(404);
  });

  it('retries a failed delivery once more, and 404s an unknown one', async () => {
    expect((await raw(ctx.url, '/__mock/deliveries/nope/retry', { method: 'POST' })).status).toBe(404);
    // A receiver that refuses: every attempt fails; the backoff runs on the manual clock.
    const d = ctx.server.deliveries.send({ id: 'd-1', url: 'http://127.0.0.1:9/unreachable', topic: 'test', body: {}, backoffMs: [] });
    await ctx.server.deliveries.idle();
    expect(d.state).toBe('failed');
    expect(d.attempts).toHaveLength(1);
    const retried = await raw(ctx.url, '/__mock/deliveries/d-1/retry', { method: 'POST' });
    expect(retried.status).toBe(200);
    expect(retried.json).toMatchObject({ id: 'd-1', state: 'pending' });
    await ctx.server.deliveries.idle();
    expect(d.state).toBe('failed');
    expect(d.attempts).toHaveLength(2);
  });
});
