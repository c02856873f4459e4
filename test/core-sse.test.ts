/**
 * Server-sent events through the request pipeline (core/sse.ts, mount.ts),
 * with a provider of the test's own whose spec describes its events
 * (`x-itemSchema`, data checked as JSON against a contentSchema): the head is
 * sent at once, events are paced on the mock's clock, each is checked against
 * the event schema, the journal counts them, a scenario's stream rule cuts the
 * stream, and a client that leaves stops it. Read with a real SSE parser.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/core/body.js';
import { MockError } from '../src/core/errors.js';
import { Journal } from '../src/core/journal.js';
import { mountProvider, type SelfCheckFailure } from '../src/core/mount.js';
import type { AnyHandler, Provider } from '../src/core/provider.js';
import { ScenarioRegistry, ScenarioError, checkScenario } from '../src/core/scenarios.js';
import { loadSpec } from '../src/core/spec.js';
import { eventStream, formatEvent, type SseEvent } from '../src/core/sse.js';
import { EventReader, jsonData } from './support/sse.js';
import { testEnv } from './support/server.js';

const SPEC = fileURLToPath(new URL('./fixtures-sse/ticker.yaml', import.meta.url));

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections?.();
    s.close();
  }
});

/** The vendor's in-band error event, as a provider declares it. */
const tickError = (message: string): SseEvent => ({ data: { type: 'error', message } });

function tickerProvider(handler: AnyHandler<unknown>): Provider<unknown> {
  return {
    name: 'ticker',
    prefix: '/ticker',
    specFile: SPEC,
    authenticate: () => ({ tenant: 'one' }),
    renderError: (err: MockError) => ({ status: err.kind === 'not_found' ? 404 : 500, body: { error: err.message } }),
    createState: () => ({}),
    handlers: { streamTicks: handler, ping: () => ({ status: 200, body: {} }) },
  };
}

/** Ticks 1..n, `gap` ms of the clock apart (the first at once), then done. */
function* ticks(n: number, gap: number, onClose?: () => void): Generator<SseEvent> {
  try {
    for (let i = 1; i <= n; i++) yield { data: { type: 'tick', n: i }, id: String(i), delayMs: i === 1 ? 0 : gap };
    yield { data: { type: 'done' }, delayMs: gap };
  } finally {
    onClose?.();
  }
}

async function serve(handler: AnyHandler<unknown>, options: { strict?: boolean; scenarios?: ScenarioRegistry } = {}) {
  const env = testEnv();
  const journal = new Journal(100);
  const failures: SelfCheckFailure[] = [];
  const mounted = mountProvider(tickerProvider(handler), {
    env,
    limits: DEFAULT_LIMITS,
    strict: options.strict ?? true,
    journal,
    onSelfCheckFailure: (f) => failures.push(f),
    ...(options.scenarios ? { scenarios: options.scenarios } : {}),
  });
  const server = http.createServer((req, res) => {
    const [p, q = ''] = (req.url ?? '').slice('/ticker'.length).split('?');
    void mounted.handle(req, res, p!, q);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ticker`;
  const open = async (headers: Record<string, string> = {}) => new EventReader(await fetch(`${url}/ticks`, { method: 'POST', headers }));
  /** The journal entry of the stream, once its connection has closed. */
  const entry = async () => {
    for (let i = 0; i < 200 && journal.size === 0; i++) await new Promise((r) => setImmediate(r));
    return journal.list({})[0];
  };
  return { url, clock: env.clock, open, failures, entry, journal };
}

describe('server-sent events in the pipeline', () => {
  it('sends the head at once, then each event when the clock reaches it, and counts them in the journal', async () => {
    const t = await serve(() => ({ status: 200, headers: { 'cache-control': 'no-cache' }, body: eventStream(ticks(3, 100)) }));
    const reader = await t.open();
    expect(reader.response.status).toBe(200);
    expect(reader.response.headers.get('content-type')).toBe('text/event-stream');
    expect(reader.response.headers.get('cache-control')).toBe('no-cache');
    expect(reader.response.headers.get('content-length')).toBeNull();

    const first = await reader.next();
    expect(first).toMatchObject({ id: '1', data: '{"type":"tick","n":1}' });
    // The second event waits for the clock: one task pending, nothing more sent.
    expect(t.clock.pending()).toBe(1);
    t.clock.advance(99);
    expect(t.clock.pending()).toBe(1);
    t.clock.advance(1);
    expect(jsonData([(await reader.next())!])).toEqual([{ type: 'tick', n: 2 }]);
    t.clock.advance(100);
    expect(JSON.parse((await reader.next())!.data)).toEqual({ type: 'tick', n: 3 });
    t.clock.advance(100);
    expect(JSON.parse((await reader.next())!.data)).toEqual({ type: 'done' });
    expect(await reader.next()).toBeUndefined();
    expect(reader.error).toBeUndefined();
    expect(await t.entry()).toMatchObject({ operationId: 'streamTicks', status: 200, events: 4 });
    expect(t.failures).toEqual([]);
  });

  it('each event is due at the sum of the delays so far: advancing the clock past several releases them all', async () => {
    const t = await serve(() => ({ status: 200, body: eventStream(ticks(4, 100)) }));
    const reader = await t.open();
    expect(JSON.parse((await reader.next())!.data)).toEqual({ type: 'tick', n: 1 });
    t.clock.advance(250);
    expect(jsonData([(await reader.next())!, (await reader.next())!])).toEqual([
      { type: 'tick', n: 2 },
      { type: 'tick', n: 3 },
    ]);
    // The fourth is due at 300 ms: 50 more.
    expect(t.clock.pending()).toBe(1);
    t.clock.advance(50);
    expect(JSON.parse((await reader.next())!.data)).toEqual({ type: 'tick', n: 4 });
    t.clock.advance(100);
    expect(jsonData(await reader.rest())).toEqual([{ type: 'done' }]);
  });

  it('writes the wire format a standard parser reads: event, id and retry fields, multi-line data', async () => {
    const events: SseEvent[] = [{ event: 'note', id: 'a-1', retry: 1500, data: 'line one\nline two' }, { data: { type: 'done' } }];
    expect(formatEvent(events[0]!)).toBe('event: note\nid: a-1\nretry: 1500\ndata: line one\ndata: line two\n\n');
    const t = await serve(() => ({ status: 200, body: eventStream(events) }), { strict: false });
    const reader = await t.open();
    const got = await reader.rest();
    expect(got).toEqual([
      { event: 'note', id: 'a-1', data: 'line one\nline two' },
      { event: undefined, id: undefined, data: '{"type":"done"}' },
    ]);
  });

  it('an event object yielded again is written as it is then; a frozen one is the same bytes on every stream', async () => {
    // A source may reuse one object and change it between yields: each write formats it anew.
    const reused: SseEvent = { data: '{"type":"tick","n":1}' };
    function* changing(): Generator<SseEvent> {
      yield reused;
      reused.data = '{"type":"tick","n":2}';
      yield reused;
    }
    const t1 = await serve(() => ({ status: 200, body: eventStream(changing()) }), { strict: false });
    expect(jsonData(await (await t1.open()).rest())).toEqual([
      { type: 'tick', n: 1 },
      { type: 'tick', n: 2 },
    ]);
    // A frozen event (the admin feed shares one between its clients) reads the same on each stream that writes it.
    const shared = Object.freeze({ event: 'note', id: '7', data: '{"type":"done"}' });
    const t2 = await serve(() => ({ status: 200, body: eventStream([shared]) }), { strict: false });
    const [a, b] = await Promise.all([(await t2.open()).rest(), (await t2.open()).rest()]);
    expect(a).toEqual([{ event: 'note', id: '7', data: '{"type":"done"}' }]);
    expect(b).toEqual(a);
  });

  it('checks every event against the event schema: strict, a bad event ends the stream and is reported with its place', async () => {
    const bad: SseEvent[] = [{ data: { type: 'tick', n: 1 } }, { data: { type: 'tick', n: 'two' } }, { data: { type: 'done' } }];
    const t = await serve(() => ({ status: 200, body: eventStream(bad) }));
    const reader = await t.open();
    const got = await reader.rest();
    expect(jsonData(got)).toEqual([{ type: 'tick', n: 1 }]);
    expect(reader.text).toContain(": collections-mock: this event breaks the spec's event schema and was not sent: /data/n");
    expect(t.failures).toHaveLength(1);
    expect(t.failures[0]).toMatchObject({
      operationId: 'streamTicks',
      status: 200,
      issues: [expect.objectContaining({ pointer: '/event/1/data/n', rule: 'type' })],
    });
  });

  it('lenient: a bad event is sent all the same, and reported', async () => {
    const bad: SseEvent[] = [{ data: { type: 'unknown' } }, { data: 'not json' }];
    const t = await serve(() => ({ status: 200, body: eventStream(bad) }), { strict: false });
    const got = await (await t.open()).rest();
    expect(got.map((e) => e.data)).toEqual(['{"type":"unknown"}', 'not json']);
    expect(t.failures.map((f) => f.issues[0]!.pointer)).toEqual(['/event/0/data/type', '/event/1/data']);
  });

  it('a handler that refuses before streaming answers with its error as usual', async () => {
    const t = await serve(() => {
      throw new MockError('not_found', 'no such ticker');
    });
    const res = await fetch(`${t.url}/ticks`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no such ticker' });
  });

  it('a source that throws midway ends the stream with the provider error event', async () => {
    function* failing(): Generator<SseEvent> {
      yield { data: { type: 'tick', n: 1 } };
      throw new Error('the source broke');
    }
    const t = await serve(() => ({ status: 200, body: eventStream(failing(), { error: tickError }) }));
    const got = jsonData(await (await t.open()).rest());
    expect(got).toEqual([
      { type: 'tick', n: 1 },
      { type: 'error', message: 'The stream failed.' },
    ]);
  });

  it('a client that goes away stops the stream: the source is closed and its wait on the clock dropped', async () => {
    let closed = false;
    const t = await serve(() => ({ status: 200, body: eventStream(ticks(5, 1000, () => (closed = true))) }));
    const controller = new AbortController();
    const reader = new EventReader(await fetch(`${t.url}/ticks`, { method: 'POST', signal: controller.signal }));
    expect(JSON.parse((await reader.next())!.data)).toEqual({ type: 'tick', n: 1 });
    expect(t.clock.pending()).toBe(1);
    controller.abort();
    const e = await t.entry();
    expect(e).toMatchObject({ operationId: 'streamTicks', status: 200, events: 1 });
    expect(closed).toBe(true);
    expect(t.clock.pending()).toBe(0);
  });
});

describe('scenario stream rules', () => {
  const spec = loadSpec(SPEC, 'ticker');
  const specs = new Map([['ticker', spec]]);
  const registryWith = (rules: unknown[]) => new ScenarioRegistry([checkScenario({ name: 'cut', rules }, 'inline', specs, 'ticker')], () => 0);

  it('fault error: after N events the provider error event ends the stream, with the rule message', async () => {
    const scenarios = registryWith([{ match: { operation: 'streamTicks' }, stream: { after: 2, fault: 'error', message: 'upstream went away' } }]);
    const t = await serve(() => ({ status: 200, body: eventStream(ticks(3, 0), { error: tickError }) }), { scenarios });
    const reader = await t.open({ 'x-mock-scenario': 'cut' });
    expect(jsonData(await reader.rest())).toEqual([
      { type: 'tick', n: 1 },
      { type: 'tick', n: 2 },
      { type: 'error', message: 'upstream went away' },
    ]);
    expect(await t.entry()).toMatchObject({ status: 200, events: 3, fault: 'stream_error', scenario: { name: 'cut', rule: 1 } });
    // Without the header the same request streams to the end.
    expect(jsonData(await (await t.open()).rest())).toHaveLength(4);
  });

  it('fault close: after N events the connection is dropped, the client sees the stream break', async () => {
    const scenarios = registryWith([{ match: { operation: 'streamTicks' }, stream: { after: 1, fault: 'close' } }]);
    const t = await serve(() => ({ status: 200, body: eventStream(ticks(3, 0), { error: tickError }) }), { scenarios });
    const reader = await t.open({ 'x-mock-scenario': 'cut' });
    const got = await reader.rest();
    expect(jsonData(got)).toEqual([{ type: 'tick', n: 1 }]);
    expect(reader.error).toBeDefined();
    expect(await t.entry()).toMatchObject({ events: 1, fault: 'stream_close' });
  });

  it('a stream rule lets other operations through, and is refused for an operation that does not stream', async () => {
    const scenarios = registryWith([{ stream: { after: 0, fault: 'error' } }]);
    const t = await serve(() => ({ status: 200, body: eventStream(ticks(1, 0), { error: tickError }) }), { scenarios });
    const ping = await fetch(`${t.url}/ping`, { headers: { 'x-mock-scenario': 'cut' } });
    expect(ping.status).toBe(200);
    expect(jsonData(await (await t.open({ 'x-mock-scenario': 'cut' })).rest())).toEqual([
      { type: 'error', message: 'The stream was interrupted (simulated).' },
    ]);
    expect(() => checkScenario({ rules: [{ match: { operation: 'ping' }, stream: { after: 1, fault: 'close' } }] }, 'bad.yaml', specs, 'ticker')).toThrow(
      ScenarioError,
    );
    expect(() => checkScenario({ rules: [{ match: { operation: 'ping' }, stream: { after: 1, fault: 'close' } }] }, 'bad.yaml', specs, 'ticker')).toThrow(
      /ping does not answer with server-sent events/,
    );
    expect(() => checkScenario({ rules: [{ stream: { after: 1, fault: 'close' }, fault: 'timeout' }] }, 'bad.yaml', specs, 'ticker')).toThrow(
      /cannot go with respond or fault/,
    );
  });
});
