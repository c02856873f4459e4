/**
 * Two servers in one process share nothing: what one stores (records, the
 * slabs that hold small files' bytes, interned strings, the per-collection
 * totals and indexes) never shows in the other's replies, memory or exports,
 * even with the same seed, keys and names; within one server, small files
 * still share a slab and repeated strings are still kept once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './support/server.js';
import { raw } from './support/client.js';
import { uploadFile } from './support/xai.js';
import type { MockServer } from '../src/server.js';
import type { XaiState } from '../src/providers/xai/model.js';
import type { AirweaveState } from '../src/providers/airweave/model.js';
import type { MixpeekState } from '../src/providers/mixpeek/model.js';

const KEY = 'xai-isolation-key';

function xaiState(server: MockServer): XaiState {
  const m = server.providers.find((p) => p.provider.name === 'xai')!;
  const states = [...m.tenants.entries()].map(([, s]) => s as XaiState).filter((s) => s.files.size > 0);
  expect(states).toHaveLength(1);
  return states[0]!;
}

describe('isolation: two servers in one process', () => {
  let a: MockServer;
  let b: MockServer;
  beforeAll(async () => {
    a = await startServer({ seed: 'one-seed', processingMs: 0, providers: ['xai', 'airweave', 'mixpeek'] });
    b = await startServer({ seed: 'one-seed', processingMs: 0, providers: ['xai', 'airweave', 'mixpeek'] });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const json = (body: unknown) => ({ method: 'POST', key: KEY, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const collection = async (server: MockServer) =>
    (await raw(server.url, '/xai/v1/collections', json({ collection_name: 'filings', field_definitions: [{ key: 'form', unique: true }, { key: 'kind' }] })))
      .json.collection_id as string;
  const add = async (server: MockServer, col: string, name: string, text: string, fields: Record<string, string>) => {
    const id = await uploadFile(server.url, KEY, name, text);
    const res = await raw(server.url, `/xai/v1/collections/${col}/documents/${id}`, json({ fields }));
    expect(res.status, res.text).toBe(200);
    return id;
  };

  it("one server's writes never show in the other's replies, memory or exports", async () => {
    const colA = await collection(a);
    const colB = await collection(b);
    // Same seed: the same ids on both servers.
    expect(colB).toBe(colA);
    const a1 = await add(a, colA, 'alpha.txt', 'alpha quarterly filing', { form: '10-Q', kind: 'shared-kind' });
    await add(a, colA, 'alpha2.txt', 'alpha annual filing', { form: '10-K', kind: 'shared-kind' });
    // The unique value taken on A is free on B.
    const b1 = await add(b, colB, 'beta.txt', 'beta', { form: '10-Q', kind: 'only-on-b' });
    expect(b1).toBe(a1);

    // Replies: B's collection counts B's one document and bytes only.
    const getB = (await raw(b.url, `/xai/v1/collections/${colB}`, { key: KEY })).json;
    expect(getB).toMatchObject({ documents_count: 1, total_file_size: String('beta'.length) });
    const searchB = (await raw(b.url, '/xai/v1/documents/search', json({ query: 'alpha quarterly', source: { collection_ids: [colB] } }))).json;
    expect(JSON.stringify(searchB)).not.toContain('alpha');

    // Exports: nothing of A's in B's.
    const exportB = (await raw(b.url, '/__mock/state')).text;
    expect(exportB).toContain('beta.txt');
    expect(exportB).not.toContain('alpha');

    // Memory: each server's small files sit in slabs of its own; its interned strings are its own.
    const sa = xaiState(a);
    const sb = xaiState(b);
    const bytesOf = (s: XaiState) => [...s.files.values()].map((f) => f.data);
    const [fa1, fa2] = bytesOf(sa);
    const [fb1] = bytesOf(sb);
    expect(fa1!.buffer).toBe(fa2!.buffer);
    expect(fb1!.buffer).not.toBe(fa1!.buffer);
    expect(sa.memory).not.toBe(sb.memory);
    expect(sa.memory.fieldValues.has('shared-kind')).toBe(true);
    expect(sb.memory.fieldValues.has('shared-kind')).toBe(false);
    expect(sb.memory.fieldValues.has('only-on-b')).toBe(true);
    expect(sa.memory.fieldValues.has('only-on-b')).toBe(false);
    expect([...sa.memory.mediaTypes.keys()]).toEqual(['text/plain']);
    // The saved state holds records only.
    expect(exportB).not.toMatch(/"memory"|"slab"|"fieldValues"/);
  });

  it("Airweave's and Mixpeek's search indexes are each server's own, and never saved", async () => {
    const aw = (server: MockServer, method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { 'x-api-key': 'aw-isolation-key', 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));
    const ridA = (await aw(a, 'POST', '/airweave/collections', { name: 'Support Tickets' })).json.readable_id as string;
    const ridB = (await aw(b, 'POST', '/airweave/collections', { name: 'Support Tickets' })).json.readable_id as string;
    const load = await aw(a, 'PUT', `/__mock/airweave/collections/${ridA}/entities`, {
      entities: [{ entity_id: 't-1', name: 'Refund request', content: 'The customer asks for a refund of the annual plan.' }],
    });
    expect(load.status).toBe(200);
    const hits = async (server: MockServer, rid: string) =>
      (await aw(server, 'POST', `/airweave/collections/${rid}/search/instant`, { query: 'refund annual plan' })).json.results as unknown[];
    expect((await hits(a, ridA)).length).toBeGreaterThan(0);
    expect(await hits(b, ridB)).toEqual([]);

    const mx = (server: MockServer) =>
      fetch(`${server.url}/mixpeek/v1/namespaces`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk_isolation', 'content-type': 'application/json' },
        body: JSON.stringify({ namespace_name: 'docs', feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }] }),
      });
    expect((await mx(a)).status).toBe(200);
    expect((await mx(b)).status).toBe(200);

    const stateOf = <S>(server: MockServer, name: string): S => {
      const m = server.providers.find((p) => p.provider.name === name)!;
      const states = [...m.tenants.entries()].map(([, s]) => s as S);
      expect(states).toHaveLength(1);
      return states[0]!;
    };
    const awA = stateOf<AirweaveState>(a, 'airweave');
    const awB = stateOf<AirweaveState>(b, 'airweave');
    expect(awA.search.get(ridA)?.index?.chunkCount).toBeGreaterThan(0);
    expect(awB.search.get(ridB)?.index).toBeUndefined();
    expect(stateOf<MixpeekState>(a, 'mixpeek').memory).not.toBe(stateOf<MixpeekState>(b, 'mixpeek').memory);
    const exported = (await raw(a.url, '/__mock/state')).text;
    expect(exported).toContain('Refund request');
    expect(exported).not.toMatch(/"search"|"memory"|"searchIndexes"|"scrolls"/);
  });
});
