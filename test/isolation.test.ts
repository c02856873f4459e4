/**
 * Two servers in one process share nothing: what one stores (records, the
 * slabs that hold small files' bytes, interned strings, the per-collection
 * totals and indexes) never shows in the other's replies, memory or exports,
 * even with the same seed, keys and names; within one server, small files
 * still share a slab and repeated strings are still kept once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, startServer, uploadFile } from './helpers.js';
import type { MockServer } from '../src/server.js';
import type { XaiState } from '../src/providers/xai/model.js';

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
    a = await startServer({ seed: 'one-seed', processingMs: 0 });
    b = await startServer({ seed: 'one-seed', processingMs: 0 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const json = (body: unknown) => ({ method: 'POST', key: KEY, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const collection = async (server: MockServer) =>
    (await raw(server.url, '/xai/v1/collections', json({ collection_name: 'filings', field_definitions: [{ key: 'form', unique: true }, { key: 'kind' }] }))).json.collection_id as string;
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
});
