/**
 * State as JSON and back: every provider's data exported from one server and
 * imported into another reads the same, keeps running its lifecycles, keeps
 * its provider-wide indexes (minted keys, readable ids), and a bad document
 * replaces nothing.
 */
import { describe, expect, it, afterAll } from 'vitest';
import { startServer } from './support/server.js';
import type { MockServer } from '../src/server.js';
import { exportState, importState } from '../src/core/state-io.js';
import { decodeState, encodeState, disposeState } from '../src/core/snapshot.js';
import { Table } from '../src/core/store.js';
import { createClock } from '../src/core/clock.js';

const ALL = ['xai', 'airweave', 'mixpeek', 'ctxfy'] as const;

async function call(server: MockServer, method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

describe('snapshot codec', () => {
  it('round-trips tables, maps, sets, bytes and objects that look like tags, and drops timers and env', () => {
    const t = new Table<{ id: string; v: number }>('id');
    t.insert({ id: 'a', v: 1 });
    const clock = createClock({ mode: 'manual' });
    let ran = false;
    const state = {
      env: { secret: true },
      rows: t,
      m: new Map([['k', { $$: 'table', n: 1 }]]),
      s: new Set([1, 2]),
      b: Buffer.from('hi'),
      timer: clock.schedule(10, () => (ran = true)),
      nested: { deeper: [1, null, 'x'] },
    };
    const json = JSON.parse(JSON.stringify(encodeState(state)));
    expect(json.env).toBeUndefined();
    expect(json.timer).toBeUndefined();
    const back = decodeState(json) as any;
    expect(back.rows).toBeInstanceOf(Table);
    expect(back.rows.get('a')).toEqual({ id: 'a', v: 1 });
    back.rows.insert({ id: 'b', v: 2 });
    expect(back.rows.size).toBe(2);
    expect(back.m.get('k')).toEqual({ $$: 'table', n: 1 });
    expect([...back.s]).toEqual([1, 2]);
    expect(back.b.toString()).toBe('hi');
    expect(back.nested).toEqual({ deeper: [1, null, 'x'] });
    disposeState(state);
    clock.advance(20);
    expect(ran).toBe(false);
  });

  it('refuses class instances it cannot rebuild, naming where they are', () => {
    expect(() => encodeState({ a: { when: new Date(0) } })).toThrow(/state\.a\.when: cannot save a Date/);
  });
});

describe('export and import between servers', () => {
  const servers: MockServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('carry every provider across, lifecycles resume, indexes are rebuilt', async () => {
    const a = await startServer({ providers: [...ALL], fixtures: 'default' });
    servers.push(a);
    // A minted Ctxfy key, and a source mid-run.
    const X = { authorization: 'Bearer demo' };
    const key = await call(a, 'POST', '/ctxfy/v1/api-keys', X, { name: 'saved' });
    expect(key.status).toBe(201);
    const spaceId = (await call(a, 'GET', '/ctxfy/v1/spaces', X)).json.spaces[0].id;

    const saved = JSON.parse(JSON.stringify(exportState(a.providers, a.clock.nowMs())));
    expect(Object.keys(saved.providers).sort()).toEqual([...ALL].sort());

    const b = await startServer({ providers: [...ALL] });
    servers.push(b);
    const result = importState(b.providers, saved);
    expect(result.providers.sort()).toEqual([...ALL].sort());

    const reads: [string, Record<string, string>][] = [
      ['/xai/v1/collections', X],
      ['/airweave/collections', { 'x-api-key': 'demo' }],
      ['/mixpeek/v1/collections/bios', { ...X, 'x-namespace': 'demo' }],
      ['/ctxfy/v1/spaces', X],
      [`/ctxfy/v1/spaces/${spaceId}/collections`, X],
      [`/ctxfy/v1/spaces/${spaceId}/sources`, X],
    ];
    for (const [url, h] of reads) {
      const before = await call(a, 'GET', url, h);
      const after = await call(b, 'GET', url, h);
      expect(after.status, url).toBe(200);
      expect(after.json, url).toEqual(before.json);
    }

    // The minted key works on the new server, for the same user.
    const viaKey = await call(b, 'GET', '/ctxfy/v1/spaces', { authorization: `Bearer ${key.json.api_key}` });
    expect(viaKey.status).toBe(200);
    expect(viaKey.json.spaces.map((s: any) => s.id)).toEqual([spaceId]);

    // Lifecycles that were running go on under the new server's clock.
    b.clock.advance(5000);
    const sources = (await call(b, 'GET', `/ctxfy/v1/spaces/${spaceId}/sources`, X)).json.sources;
    expect(sources.map((s: any) => s.status).sort()).toEqual(['COMPLETED', 'COMPLETED', 'FAILED']);
    const job = await call(b, 'GET', '/airweave/collections', { 'x-api-key': 'demo' });
    expect(job.json.find((c: any) => c.name === 'Finance Data').status).toBe('ACTIVE');
    const docs = await call(b, 'GET', '/mixpeek/v1/collections/bios', { ...X, 'x-namespace': 'demo' });
    expect(docs.json.document_count).toBe(1);

    // Airweave's readable ids stay unique across the import.
    const rid = job.json.find((c: any) => c.name === 'Finance Data').readable_id;
    const dup = await call(b, 'POST', '/airweave/collections', { 'x-api-key': 'someone-else' }, { name: 'Other', readable_id: rid });
    expect(dup.status).toBe(400);
    expect(b.selfCheckFailures).toEqual([]);
  });

  it('replace nothing when the document is not a saved state', async () => {
    const s = await startServer({ providers: ['ctxfy'] });
    servers.push(s);
    expect((await call(s, 'POST', '/ctxfy/v1/spaces', { authorization: 'Bearer k' }, { name: 'kept' })).status).toBe(201);
    expect(() => importState(s.providers, { format: 'nope' })).toThrow(/^\/format: not a collections-mock\/state document/);
    expect(() => importState(s.providers, { format: 'collections-mock/state', version: 1, providers: { xai: {} } })).toThrow(
      /^\/providers\/xai: provider xai is not mounted/,
    );
    expect(() =>
      importState(s.providers, {
        format: 'collections-mock/state',
        version: 1,
        savedAt: '2026-01-01T00:00:00Z',
        providers: { ctxfy: { u: { spaces: { $$: 'weird' } } } },
      }),
    ).toThrow(/^\/providers\/ctxfy\/u\//);
    const still = await call(s, 'GET', '/ctxfy/v1/spaces', { authorization: 'Bearer k' });
    expect(still.json.spaces.map((x: any) => x.name)).toEqual(['kept']);
  });
});
