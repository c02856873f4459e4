/**
 * Airweave's agentic search stream, read with a real SSE parser
 * (eventsource-parser): the vendor's headers, the events in order, each one
 * checked against the spec's AgenticSearchEvent (besides the server's own
 * strict check of every event), their pace on the mock's clock, the same
 * results as the JSON endpoint, a missing collection (200, then an error
 * event), the scenarios that break the stream midway, and the journal.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSpec } from '../src/core/spec.js';
import { SpecValidators } from '../src/core/validation.js';
import { useServer } from './support/server.js';
import { awRaw } from './support/airweave.js';
import { EventReader, jsonData } from './support/sse.js';

type Json = any;
const KEY = `aw-stream-${Math.random().toString(36).slice(2, 8)}`;
/** Each agent step: a quarter of the test server's --processing-ms (1000). */
const STEP = 250;

const spec = loadSpec(fileURLToPath(new URL('../specs/airweave.yaml', import.meta.url)), 'airweave');
const validateEvent = SpecValidators.of(spec).component('AgenticSearchEvent');

describe('Airweave agentic search stream', () => {
  const ctx = useServer({ providers: ['airweave'] });
  let rid: string;

  beforeAll(async () => {
    rid = (await awRaw(ctx.url, '/collections', { key: KEY, method: 'POST', json: { name: 'Stream Checks' } })).json.readable_id;
    for (const source of [
      { short_name: 'jira', authentication: { access_token: 'j' } },
      { short_name: 'github', authentication: { credentials: { personal_access_token: 'ghp_stream' } }, config: { repo_name: 'acme/pulse' } },
    ]) {
      const r = await awRaw(ctx.url, '/source-connections', { key: KEY, method: 'POST', json: { readable_collection_id: rid, ...source } });
      expect(r.status, r.text).toBe(200);
    }
    ctx.server.clock.advance(2000);
  });

  // Each test reads the journal entry of its own stream.
  beforeEach(async () => {
    await fetch(`${ctx.url}/__mock/journal`, { method: 'DELETE' });
  });

  const open = async (body: unknown, headers: Record<string, string> = {}, collection = rid) =>
    new EventReader(
      await fetch(`${ctx.url}/airweave/collections/${collection}/search/agentic/stream`, {
        method: 'POST',
        headers: { 'x-api-key': KEY, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );

  /** Every event, advancing the clock one step after each so the next one is sent. */
  async function drain(reader: EventReader): Promise<Json[]> {
    const out: Json[] = [];
    for (let e = await reader.next(); e; e = await reader.next()) {
      out.push(JSON.parse(e.data));
      ctx.server.clock.advance(STEP);
    }
    return out;
  }

  const journalOf = async (): Promise<Json> => {
    for (let i = 0; i < 50; i++) {
      const entries = (await (await fetch(`${ctx.url}/__mock/journal?operation=streamAgenticSearch&limit=1`)).json()) as Json;
      if (entries.entries.length) return entries.entries[0];
      await new Promise((r) => setImmediate(r));
    }
    throw new Error('no journal entry');
  };

  it('answers text/event-stream with the vendor headers, then started, the steps and done, each an AgenticSearchEvent', async () => {
    const reader = await open({ query: 'which security issues are still open', thinking: true });
    const res = reader.response;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const events = await drain(reader);
    expect(reader.error).toBeUndefined();
    // Every event is a `data:` line of JSON, nothing else (no event names, no ids).
    expect(reader.events.every((e) => e.event === undefined && e.id === undefined)).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['started', 'thinking', 'tool_call', 'thinking', 'tool_call', 'tool_call', 'thinking', 'tool_call', 'done']);
    for (const [i, e] of events.entries()) expect(validateEvent(e), `event ${i}: ${JSON.stringify(e).slice(0, 200)}`).toEqual([]);

    const [started, think0, search, , read, add, , finish, done] = events;
    expect(started).toEqual({ type: 'started', request_id: expect.stringMatching(/^[0-9a-f-]{36}$/), tier: 'agentic', collection_readable_id: rid });
    expect(think0).toMatchObject({
      text: 'Searching the collection for "which security issues are still open".',
      thinking: expect.stringContaining('hybrid search'),
      duration_ms: STEP,
      diagnostics: { iteration: 0 },
    });
    expect(search).toMatchObject({
      tool_name: 'search',
      duration_ms: STEP,
      diagnostics: { iteration: 0, arguments: { query: 'which security issues are still open', retrieval_strategy: 'hybrid', limit: 25 } },
    });
    expect(search.diagnostics.stats.first_results[0]).toMatchObject({ source_name: 'jira' });
    expect(read.tool_name).toBe('read');
    expect(add).toMatchObject({ tool_name: 'add_to_results', diagnostics: { stats: { added: done.results.length, total_collected: done.results.length } } });
    expect(finish).toMatchObject({ tool_name: 'return_results_to_user', diagnostics: { stats: { accepted: true, total_collected: done.results.length } } });
    // done: the results, the whole run's time on the clock (each step one pace), the run's diagnostics.
    expect(done.duration_ms).toBe(8 * STEP);
    expect(done.diagnostics).toMatchObject({
      total_iterations: 3,
      all_collected_entity_ids: done.results.map((r: Json) => r.entity_id),
      max_iterations_hit: false,
    });
    // The same results as the JSON endpoint.
    const json = await awRaw(ctx.url, `/collections/${rid}/search/agentic`, {
      key: KEY,
      method: 'POST',
      json: { query: 'which security issues are still open', thinking: true },
    });
    expect(done.results).toEqual(json.json.results);
    expect(await journalOf()).toMatchObject({ status: 200, events: 9 });
  });

  it('is paced on the clock: the next event comes only when the clock reaches it', async () => {
    const reader = await open({ query: 'rate limiter', limit: 1 });
    expect(JSON.parse((await reader.next())!.data).type).toBe('started');
    // The next event waits for the clock.
    expect(ctx.server.clock.pending()).toBe(1);
    ctx.server.clock.advance(STEP - 1);
    expect(ctx.server.clock.pending()).toBe(1);
    ctx.server.clock.advance(1);
    expect(JSON.parse((await reader.next())!.data)).toMatchObject({ type: 'thinking', thinking: null });
    // Advancing far enough releases every step at once.
    ctx.server.clock.advance(10 * STEP);
    const rest = jsonData(await reader.rest());
    expect(rest.map((e) => e.type)).toEqual(['tool_call', 'thinking', 'tool_call', 'tool_call', 'thinking', 'tool_call', 'done']);
    expect(rest.at(-1)!.results).toHaveLength(1);
    expect(rest.at(-1)!.results[0].name).toBe('Add token bucket rate limiter to the public ingest API');
  });

  it("a missing collection (or another organisation's): 200, started, then an error event", async () => {
    const reader = await open({ query: 'x' }, {}, 'no-such-collection');
    expect(reader.response.status).toBe(200);
    const events = await drain(reader);
    expect(events).toEqual([
      { type: 'started', request_id: expect.any(String), tier: 'agentic', collection_readable_id: 'no-such-collection' },
      { type: 'error', message: 'An internal error occurred during search.', request_id: events[0].request_id },
    ]);
    for (const e of events) expect(validateEvent(e)).toEqual([]);
    const foreign = await fetch(`${ctx.url}/airweave/collections/${rid}/search/agentic/stream`, {
      method: 'POST',
      headers: { 'x-api-key': `${KEY}-other`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'x' }),
    });
    const foreignEvents = await drain(new EventReader(foreign));
    expect(foreignEvents.map((e) => e.type)).toEqual(['started', 'error']);
  });

  it("request validation answers before any event, in the vendor's 422 envelope", async () => {
    const r = await awRaw(ctx.url, `/collections/${rid}/search/agentic/stream`, {
      key: KEY,
      method: 'POST',
      json: { query: 'x', filter: [{ conditions: [{ field: 'name', operator: 'in', value: 'x' }] }] },
    });
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.json).toEqual({ errors: [{ 'body.filter.0.conditions.0': "Value error, Operator 'in' requires a list value" }] });
  });

  it('X-Mock-Scenario stream-interrupted: after three events the vendor error event ends the stream', async () => {
    const reader = await open({ query: 'rate limiter' }, { 'x-mock-scenario': 'stream-interrupted' });
    const events = await drain(reader);
    expect(events.map((e) => e.type)).toEqual(['started', 'thinking', 'tool_call', 'error']);
    expect(events[3]).toEqual({ type: 'error', message: 'An internal error occurred during search.', request_id: events[0].request_id });
    expect(reader.error).toBeUndefined();
    expect(await journalOf()).toMatchObject({ status: 200, events: 4, fault: 'stream_error', scenario: { name: 'stream-interrupted', rule: 1 } });
  });

  it('X-Mock-Scenario stream-dropped: after two events the connection closes without an end', async () => {
    const reader = await open({ query: 'rate limiter' }, { 'x-mock-scenario': 'stream-dropped' });
    const events = await drain(reader);
    expect(events.map((e) => e.type)).toEqual(['started', 'thinking']);
    expect(reader.error).toBeDefined();
    expect(await journalOf()).toMatchObject({ events: 2, fault: 'stream_close' });
  });

  it('a client that leaves stops the stream: nothing is left waiting on the clock', async () => {
    const controller = new AbortController();
    const res = await fetch(`${ctx.url}/airweave/collections/${rid}/search/agentic/stream`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'x' }),
      signal: controller.signal,
    });
    const reader = new EventReader(res);
    await reader.next();
    expect(ctx.server.clock.pending()).toBe(1);
    controller.abort();
    const entry = await journalOf();
    expect(entry.events).toBe(1);
    expect(ctx.server.clock.pending()).toBe(0);
  });
});
