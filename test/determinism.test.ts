/**
 * `--seed` and the manual clock make a run reproducible: two servers with the
 * same seed and the same manual start time, sent the same requests through
 * every provider (errors, scenario-forced 500s and rate-limit headers
 * included), answer byte for byte the same and export the same state; and
 * only advancing the clock moves time, waiting does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './support/server.js';
import { createClock } from '../src/core/clock.js';
import type { MockServer } from '../src/server.js';

const START = Date.UTC(2025, 5, 1, 12, 0, 0);
const ALL = ['xai', 'airweave', 'mixpeek', 'ctxfy'] as const;

async function deterministicServer(): Promise<MockServer> {
  return startServer({ providers: ALL, seed: 'same-seed', clock: createClock({ mode: 'manual', startMs: START }) });
}

/** A reply as the client sees it, minus the transport's own `date` and connection headers (Node's, not the mock's). */
async function transcriptOf(res: Response): Promise<{ text: string; json: any }> {
  const body = await res.text();
  const headers = [...res.headers].filter(([k]) => !['date', 'connection', 'keep-alive'].includes(k)).map(([k, v]) => `${k}: ${v}`);
  let json: any;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { text: [`${res.status}`, ...headers, '', body].join('\n'), json };
}

/** The same conversation with every provider; returns every reply, then the state export. */
async function conversation(server: MockServer): Promise<string[]> {
  const log: string[] = [];
  const call = async (method: string, path: string, headers: Record<string, string>, json?: unknown, raw?: RequestInit['body']): Promise<any> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (json !== undefined) {
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
      init.body = JSON.stringify(json);
    } else if (raw !== undefined) init.body = raw;
    const t = await transcriptOf(await fetch(`${server.url}${path}`, init));
    log.push(`${method} ${path}\n${t.text}`);
    return t.json;
  };
  const boom = { 'x-mock-scenario': 'error-500' };

  // xAI: a file, a collection, a document indexed on the clock, a search, errors.
  const xai = { authorization: 'Bearer xai-det-key' };
  const form = new FormData();
  form.append('file', new Blob(['The quarterly report says revenue grew.'], { type: 'text/plain' }), 'report.txt');
  const file = await call('POST', '/xai/v1/files', xai, undefined, form);
  const col = await call('POST', '/xai/v1/collections', xai, { collection_name: 'reports' });
  await call('POST', `/xai/v1/collections/${col.collection_id}/documents/${file.id}`, xai);
  server.clock.advance(5000);
  await call('GET', `/xai/v1/collections/${col.collection_id}/documents/${file.id}`, xai);
  await call('POST', '/xai/v1/documents/search', xai, { query: 'revenue', source: { collection_ids: [col.collection_id] } });
  await call('GET', '/xai/v1/collections/nope', xai);
  await call('GET', '/xai/v1/collections', { ...xai, ...boom });

  // Airweave: a collection and a source connection synced on the clock; rate-limit headers on every reply.
  const aw = { 'x-api-key': 'aw-det-key' };
  const awCol = await call('POST', '/airweave/collections', aw, { name: 'Acme Knowledge' });
  await call('POST', '/airweave/source-connections', aw, {
    readable_collection_id: awCol.readable_id,
    short_name: 'github',
    authentication: { credentials: { personal_access_token: 'ghp_detToken1' } },
    config: { repo_name: 'acme/pulse' },
  });
  server.clock.advance(5000);
  await call('POST', `/airweave/collections/${awCol.readable_id}/search/instant`, aw, { query: 'deployment' });
  await call('GET', '/airweave/collections/missing-one', aw);
  await call('GET', '/airweave/collections', { ...aw, ...boom });

  // Mixpeek: a namespace and a collection; rate-limit headers on every reply.
  const mx = { authorization: 'Bearer sk_det_key' };
  const ns = await call('POST', '/mixpeek/v1/namespaces', mx, {
    namespace_name: 'docs',
    feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }],
  });
  await call('GET', `/mixpeek/v1/namespaces/${ns.namespace_id}`, mx);
  await call('POST', '/mixpeek/v1/namespaces/list', mx, {});
  await call('GET', '/mixpeek/v1/namespaces/none-such', mx);
  await call('POST', '/mixpeek/v1/namespaces/list', { ...mx, ...boom }, {});

  // Ctxfy: a space and a source processed on the clock, rate-limit headers, a 500 with its requestId.
  const cx = { authorization: 'Bearer ctx-det-key' };
  const space = await call('POST', '/ctxfy/v1/spaces', cx, { name: 'Project Atlas' });
  await call('POST', `/ctxfy/v1/spaces/${space.id}/sources`, cx, { initial_data: { data: 'Meeting notes: ship on Friday.' }, instructions: {} });
  server.clock.advance(5000);
  await call('GET', `/ctxfy/v1/spaces/${space.id}/sources`, cx);
  await call('GET', '/ctxfy/v1/spaces', { ...cx, ...boom });
  await call('GET', '/ctxfy/v1/spaces', { ...cx, ...boom });
  await call('GET', '/ctxfy/v1/spaces', { ...cx, 'x-mock-scenario': 'rate-limited' });

  await call('GET', '/__mock/state', {});
  await call('GET', '/__mock/clock', {});
  return log;
}

describe('determinism: the same seed and manual clock give the same run', () => {
  let a: MockServer;
  let b: MockServer;
  beforeAll(async () => {
    a = await deterministicServer();
    b = await deterministicServer();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('two servers answer every provider byte for byte the same, errors and exports included', async () => {
    const first = await conversation(a);
    const second = await conversation(b);
    expect(first.length).toBeGreaterThan(20);
    // Every step reached its provider (no 5xx but the forced ones, no self-check failure).
    expect(a.selfCheckFailures).toEqual([]);
    for (let i = 0; i < first.length; i++) expect(second[i], `reply ${i}`).toBe(first[i]);
    // Ctxfy's two forced 500s carry different request ids, drawn from the seeded source.
    const ids = first.filter((t) => t.startsWith('GET /ctxfy/v1/spaces\n500')).map((t) => /"requestId":"(req_[0-9A-Z]{10})"/.exec(t)?.[1]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBeDefined();
    expect(ids[0]).not.toBe(ids[1]);
  }, 60_000);

  it('only advancing the clock moves time: waiting changes no reply', async () => {
    // A fresh caller each time, so Ctxfy's request count is the same too.
    const probes = (n: number): [string, Record<string, string>][] => [
      ['/airweave/collections', { 'x-api-key': `aw-wait-key-${n}` }],
      ['/mixpeek/v1/namespaces/none-such', { authorization: `Bearer sk_wait_key_${n}` }],
      ['/ctxfy/v1/spaces', { authorization: `Bearer ctx-wait-key-${n}` }],
      ['/__mock/clock', {}],
    ];
    const take = async (n: number) =>
      Promise.all(probes(n).map(async ([path, headers]) => (await transcriptOf(await fetch(`${a.url}${path}`, { headers }))).text));
    const before = await take(1);
    await new Promise((r) => setTimeout(r, 1100));
    const after = await take(2);
    expect(after).toEqual(before);
    // The vendors' reset times are read from the mock's clock.
    expect(before[0]).toMatch(/ratelimit-reset: (\d+)/);
    const clockNow = Math.floor(a.clock.nowMs() / 1000);
    expect(Number(/ratelimit-reset: (\d+)/.exec(before[0]!)![1])).toBe(clockNow);
    expect(Number(/x-ratelimit-reset: (\d+)/.exec(before[1]!)![1])).toBe(clockNow + 60);
  }, 30_000);
});
