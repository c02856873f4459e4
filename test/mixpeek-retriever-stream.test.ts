/**
 * Retriever execution with `stream: true`: Server-Sent Events read from the
 * response body as it arrives, with a real SSE parser (eventsource-parser),
 * each event's data checked against the spec's `RetrieverStreamEvent`. The
 * events: `stage_start` and `stage_complete` per stage, in order, then
 * `execution_complete` with the same page the JSON reply gives; a stage that
 * fails at run time: `stage_error` and `execution_error`, the stream ending
 * there. Checks that fail before the first stage are JSON errors.
 */
import path from 'node:path';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../src/core/spec.js';
import { SpecValidators } from '../src/core/validation.js';
import { useServer } from './support/server.js';
import { expectError, freshKey, mixpeekApi, type MixpeekApi } from './support/mixpeek.js';

const DENSE = 'mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1';
const BM25 = 'mixpeek://text_extractor@v1/bm25_sparse';

const validators = SpecValidators.of(loadSpec(path.resolve(import.meta.dirname, '..', 'specs', 'mixpeek.yaml'), 'mixpeek'));
const eventSchema = validators.component('RetrieverStreamEvent');

interface Stream {
  status: number;
  headers: Headers;
  messages: EventSourceMessage[];
  events: any[];
}

describe('Mixpeek retriever streams (Server-Sent Events)', () => {
  const ctx = useServer({ providers: ['mixpeek'] });
  let key = '';
  let a: MixpeekApi;

  /** POSTs and reads the body chunk by chunk through the SSE parser; every event's data must be a valid RetrieverStreamEvent. */
  async function stream(p: string, json: unknown): Promise<Stream> {
    const res = await fetch(`${ctx.url}/mixpeek${p}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'x-namespace': 's', 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    const messages: EventSourceMessage[] = [];
    const problems: string[] = [];
    const parser = createParser({ onEvent: (m) => messages.push(m), onError: (e) => problems.push(e.message) });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(value);
    }
    expect(problems).toEqual([]);
    const events = messages.map((m) => JSON.parse(m.data));
    for (const e of events) expect(eventSchema(e), JSON.stringify(e).slice(0, 300)).toEqual([]);
    return { status: res.status, headers: res.headers, messages, events };
  }

  beforeAll(async () => {
    key = freshKey('stream');
    expect(
      (
        await mixpeekApi(ctx.url, key).post('/v1/namespaces', {
          namespace_name: 's',
          feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }],
        })
      ).status,
    ).toBe(200);
    a = mixpeekApi(ctx.url, key, 's');
    const b = (await a.post('/v1/buckets', { bucket_name: 'b', bucket_schema: { properties: { body: { type: 'text' } } } })).json;
    expect(
      (
        await a.post('/v1/collections', {
          collection_name: 'notes',
          source: { type: 'bucket', bucket_ids: [b.bucket_id] },
          feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
        })
      ).status,
    ).toBe(200);
    for (const [text, topic] of [
      ['Volcanoes erupt molten lava and ash.', 'geology'],
      ['Lava tubes form under cooling lava.', 'geology'],
      ['Honeybees dance to share where flowers are.', 'biology'],
      ['Sourdough needs a lively starter.', 'cooking'],
    ]) {
      expect((await a.post('/v1/collections/notes/documents', { collection_id: 'notes', text, topic })).status).toBe(200);
    }
    const res = await a.post('/v1/retrievers', {
      retriever_name: 'three-stages',
      collection_identifiers: ['notes'],
      input_schema: { query: { type: 'text', required: true } },
      stages: [
        {
          stage_name: 'search',
          config: {
            stage_id: 'feature_search',
            parameters: {
              searches: [
                { feature_uri: DENSE, query: '{{INPUT.query}}' },
                { feature_uri: BM25, query: '{{INPUT.query}}' },
              ],
            },
          },
        },
        { stage_name: 'not-cooking', config: { stage_id: 'attribute_filter', parameters: { field: 'topic', operator: 'ne', value: 'cooking' } } },
        { stage_name: 'top', config: { stage_id: 'limit', parameters: { limit: 2 } } },
      ],
    });
    expect(res.status, res.text).toBe(200);
  });

  it('one stage_start and one stage_complete per stage, in order, then execution_complete with the page the JSON reply gives', async () => {
    const s = await stream('/v1/retrievers/three-stages/execute', { inputs: { query: 'lava' }, stream: true });
    expect(s.status).toBe(200);
    expect(s.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(s.headers.get('cache-control')).toBe('no-cache');
    expect(s.headers.get('x-execution-mode')).toBeNull();
    // `data: {json}` events, no `event:` field (the vendor's description of the format).
    expect(s.messages.every((m) => m.event === undefined)).toBe(true);
    expect(s.events.map((e) => [e.event_type, e.stage_name ?? null, e.stage_index ?? null])).toEqual([
      ['stage_start', 'search', 0],
      ['stage_complete', 'search', 0],
      ['stage_start', 'not-cooking', 1],
      ['stage_complete', 'not-cooking', 1],
      ['stage_start', 'top', 2],
      ['stage_complete', 'top', 2],
      ['execution_complete', null, null],
    ]);
    const id = s.events[0].execution_id;
    expect(id).toMatch(/^exec_[0-9a-f]{16}$/);
    expect(s.events.every((e) => e.execution_id === id && e.total_stages === 3)).toBe(true);
    const [search, filter, top] = [s.events[1], s.events[3], s.events[5]];
    expect(search.documents.map((d: any) => d.text)).toHaveLength(4);
    expect(filter.documents.map((d: any) => d.topic)).not.toContain('cooking');
    expect(top.documents).toEqual(filter.documents.slice(0, 2));
    expect([search.statistics.output_count, filter.statistics.input_count, filter.statistics.output_count, top.statistics.output_count]).toEqual([4, 4, 3, 2]);
    // The budget so far only grows.
    expect(search.budget_used.credits_used).toBe(0.01);
    expect(top.budget_used.time_elapsed_ms).toBeGreaterThan(search.budget_used.time_elapsed_ms);

    // The same run as JSON: the same page, statistics and budget.
    const json = await a.post('/v1/retrievers/three-stages/execute', { inputs: { query: 'lava' } });
    const done = s.events[6];
    expect(done.status).toBe('completed');
    expect(done.documents).toEqual(json.json.documents);
    expect(done.pagination).toEqual(json.json.pagination);
    expect(done.stage_statistics).toEqual(json.json.stage_statistics);
    expect(done.budget).toEqual(json.json.budget);
    expect(done.stage_statistics.stages.search).toEqual(search.statistics);
    // The streamed execution is in the history like any other.
    const listed = (await a.post('/v1/retrievers/three-stages/executions/list', {})).json.results.map((e: any) => e.execution_id);
    expect(listed).toContain(id);
  });

  it('ad hoc: the same events, with X-Execution-Mode: adhoc', async () => {
    const s = await stream('/v1/retrievers/execute', {
      collection_identifiers: ['notes'],
      input_schema: { query: { type: 'text', required: true } },
      stages: [{ stage_name: 'kw', config: { stage_id: 'feature_search', parameters: { searches: [{ feature_uri: BM25, query: '{{INPUT.query}}' }] } } }],
      inputs: { query: 'honeybees' },
      stream: true,
    });
    expect(s.headers.get('x-execution-mode')).toBe('adhoc');
    expect(s.events.map((e) => e.event_type)).toEqual(['stage_start', 'stage_complete', 'execution_complete']);
    expect(s.events[2].documents.map((d: any) => d.text)).toEqual(['Honeybees dance to share where flowers are.']);
  });

  it('a stage failing at run time: stage_error then execution_error end the stream; the execution is recorded failed', async () => {
    expect(
      (
        await a.post('/v1/retrievers', {
          retriever_name: 'fails-late',
          collection_identifiers: ['notes'],
          input_schema: { query: { type: 'text', required: true }, n: { type: 'integer', default: 0 } },
          stages: [
            { stage_name: 'search', config: { stage_id: 'feature_search', parameters: { searches: [{ feature_uri: DENSE, query: '{{INPUT.query}}' }] } } },
            { stage_name: 'cut', config: { stage_id: 'limit', parameters: { limit: '{{INPUT.n}}' } } },
          ],
        })
      ).status,
    ).toBe(200);
    const s = await stream('/v1/retrievers/fails-late/execute', { inputs: { query: 'lava' }, stream: true });
    expect(s.status).toBe(200);
    expect(s.events.map((e) => e.event_type)).toEqual(['stage_start', 'stage_complete', 'stage_start', 'stage_error', 'execution_error']);
    expect(s.events[3]).toMatchObject({ stage_name: 'cut', stage_index: 1, error: expect.stringMatching(/limit must be a whole number from 1 to 10000/) });
    expect(s.events[4]).toMatchObject({ status: 'failed', error: s.events[3].error });
    const failed = (await a.post('/v1/retrievers/fails-late/executions/list', { status: 'failed' })).json.results;
    expect(failed.map((e: any) => e.execution_id)).toEqual([s.events[0].execution_id]);
    // The same failure without streaming is the JSON 400.
    expectError(await a.post('/v1/retrievers/fails-late/execute', { inputs: { query: 'lava' } }), 400, 'BadRequestError', /limit must be a whole number/);
  });

  it('checks that fail before the first stage are JSON errors, whatever stream says', async () => {
    expectError(await a.post('/v1/retrievers/three-stages/execute', { inputs: {}, stream: true }), 422, 'ValidationError');
    expectError(await a.post('/v1/retrievers/nope/execute', { inputs: { query: 'x' }, stream: true }), 404, 'NotFoundError');
    expectError(
      await a.post('/v1/retrievers/execute', {
        collection_identifiers: ['notes'],
        input_schema: {},
        stages: [{ stage_name: 'x', config: { stage_id: 'summarize' } }],
        inputs: {},
        stream: true,
      }),
      400,
      'BadRequestError',
      /Unknown stage_id 'summarize'/,
    );
  });
});
