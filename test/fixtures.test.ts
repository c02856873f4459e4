/**
 * Fixtures: the shipped demo data replayed through each provider's own API at
 * start (key "demo"), generated records with --fake N (reproducible with a
 * seed), and fixture files that cannot be loaded stop the start with the file
 * and request that failed.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './support/server.js';
import type { MockServer } from '../src/server.js';

async function get(server: MockServer, url: string, headers: Record<string, string>, method = 'GET'): Promise<any> {
  const res = await fetch(`${server.url}${url}`, { method, headers });
  expect(res.status, url).toBe(200);
  return res.json();
}

const DEMO = { authorization: 'Bearer demo' };

describe('shipped fixtures', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({ providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'], fixtures: 'default', processingMs: 1000 });
  });
  afterAll(() => server.close());

  it('load every provider file, each of its requests answered 2xx', () => {
    expect(server.fixtures.map((f) => [f.provider, path.basename(f.file)])).toEqual([
      ['xai', 'demo.yaml'],
      ['airweave', 'demo.yaml'],
      ['mixpeek', 'demo.yaml'],
      ['ctxfy', 'demo.yaml'],
    ]);
    for (const f of server.fixtures) {
      expect(f.requests).toBeGreaterThan(0);
      expect(f.faked).toBe(0);
    }
    // The demo data's own requests are not in the user's journal.
    expect(server.journal.size).toBe(0);
    expect(server.selfCheckFailures).toEqual([]);
  });

  it('give the demo key data at once, in every provider, through the ordinary API', async () => {
    const xai = await get(server, '/xai/v1/collections', DEMO);
    expect(xai.collections.map((c: any) => c.collection_name).sort()).toEqual(['Product docs', 'SEC filings']);
    const sec = xai.collections.find((c: any) => c.collection_name === 'SEC filings');
    expect(sec.documents_count).toBe(3);
    expect(xai.collections.find((c: any) => c.collection_name === 'Product docs').documents_count).toBe(3);

    const aw = await get(server, '/airweave/collections', { 'x-api-key': 'demo' });
    expect(aw.map((c: any) => c.name).sort()).toEqual(['Finance Data', 'Support Tickets']);

    const buckets = await get(server, '/mixpeek/v1/buckets/list', { ...DEMO, 'x-namespace': 'demo' }, 'POST');
    expect(buckets.results.map((b: any) => b.bucket_name)).toEqual(['people']);
    const bios = await get(server, '/mixpeek/v1/collections/bios', { ...DEMO, 'x-namespace': 'demo' });
    expect(bios.collection_name).toBe('bios');

    const spaces = await get(server, '/ctxfy/v1/spaces', DEMO);
    expect(spaces.spaces.map((s: any) => s.name)).toEqual(['Atlas']);
    const tree = await get(server, `/ctxfy/v1/spaces/${spaces.spaces[0].id}/collections`, DEMO);
    expect(tree.collections.map((c: any) => [c.name, c.children.map((x: any) => x.name)])).toEqual([['Docs', ['Specs']]]);
    expect(server.selfCheckFailures).toEqual([]);
  });

  it('run their lifecycles on the clock like any client request', async () => {
    const spaces = await get(server, '/ctxfy/v1/spaces', DEMO);
    const before = await get(server, `/ctxfy/v1/spaces/${spaces.spaces[0].id}/sources`, DEMO);
    expect(new Set(before.sources.map((s: any) => s.status))).toEqual(new Set(['CREATED']));
    server.clock.advance(3000);
    const after = await get(server, `/ctxfy/v1/spaces/${spaces.spaces[0].id}/sources`, DEMO);
    expect(after.sources.map((s: any) => `${s.name}: ${s.status}`).sort()).toEqual([
      'Atlas README: COMPLETED',
      'Notes: COMPLETED',
      'https://docs.example.invalid/: FAILED',
    ]);
  });

  it('give the xAI demo documents to search once they are processed', async () => {
    server.clock.advance(1000);
    const { collections } = await get(server, '/xai/v1/collections', DEMO);
    const ids = Object.fromEntries(collections.map((c: any) => [c.collection_name, c.collection_id]));
    const search = async (body: Record<string, unknown>) => {
      const res = await fetch(`${server.url}/xai/v1/documents/search`, {
        method: 'POST',
        headers: { ...DEMO, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { matches: { chunk_content: string; fields: Record<string, string> }[] }).matches;
    };
    const [risk] = await search({ query: 'supply chain risks', source: { collection_ids: [ids['SEC filings']] } });
    expect(risk!.fields).toStrictEqual({ type: '10-K', ticker: 'CTSO', year: '2024' });
    const [reset] = await search({ query: 'reset button, factory settings', source: { collection_ids: [ids['Product docs']] } });
    expect(reset!.chunk_content).toMatch(/reset button/);
    const filtered = await search({ query: 'revenue', source: { collection_ids: [ids['SEC filings']] }, filter: 'type = "8-K"' });
    expect(filtered.map((m) => m.fields.ticker)).toEqual(['FBKM']);
    expect(server.selfCheckFailures).toEqual([]);
  });

  it('give the Airweave demo collections to search: the GitHub sync once complete, the loaded tickets at once', async () => {
    const aw = { 'x-api-key': 'demo' };
    const cols = await get(server, '/airweave/collections', aw);
    const rid = Object.fromEntries(cols.map((c: any) => [c.name, c.readable_id]));
    const instant = async (collection: string, query: string) => {
      const res = await fetch(`${server.url}/airweave/collections/${collection}/search/instant`, {
        method: 'POST',
        headers: { ...aw, 'content-type': 'application/json' },
        body: JSON.stringify({ query, limit: 1 }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { results: { entity_id: string; web_url: string }[] }).results;
    };
    expect(await instant(rid['Support Tickets'], 'VAT rate on an invoice')).toEqual([expect.objectContaining({ entity_id: 'ticket-1044' })]);
    // The GitHub connection's first sync completes two steps after start (the lifecycle tests above moved the clock past it).
    const [pr] = await instant(rid['Finance Data'], 'token bucket rate limiter');
    expect(pr).toMatchObject({ entity_id: 'pr:412', web_url: 'https://github.com/airweave-ai/airweave/pull/412' });
    expect(server.selfCheckFailures).toEqual([]);
  });

  it('leave other keys empty', async () => {
    const other = await get(server, '/xai/v1/collections', { authorization: 'Bearer someone-else' });
    expect(other.collections).toEqual([]);
  });
});

describe('--fake N', () => {
  const servers: MockServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  async function names(server: MockServer): Promise<Record<string, string[]>> {
    const xai = await get(server, '/xai/v1/collections?limit=100', DEMO);
    const aw = await get(server, '/airweave/collections?limit=100', { 'x-api-key': 'demo' });
    const mp = await get(server, '/mixpeek/v1/buckets/list?limit=100', { ...DEMO, 'x-namespace': 'demo' }, 'POST');
    const cx = await get(server, '/ctxfy/v1/spaces?per_page=100', DEMO);
    return {
      xai: xai.collections.map((c: any) => c.collection_name).sort(),
      airweave: aw.map((c: any) => c.name).sort(),
      mixpeek: mp.results.map((b: any) => b.bucket_name).sort(),
      ctxfy: cx.spaces.map((s: any) => s.name).sort(),
    };
  }

  it('adds N records per provider, valid against the specs, the same ones for the same seed', async () => {
    const a = await startServer({ providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'], fixtures: 'default', fake: 7, seed: 'demo-seed' });
    const b = await startServer({ providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'], fixtures: 'default', fake: 7, seed: 'demo-seed' });
    const c = await startServer({ providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'], fixtures: 'default', fake: 7, seed: 'another-seed' });
    servers.push(a, b, c);
    for (const f of a.fixtures) expect(f.faked, f.provider).toBe(7);
    const na = await names(a);
    expect(na.xai).toHaveLength(2 + 7);
    expect(na.airweave).toHaveLength(2 + 7);
    expect(na.mixpeek).toHaveLength(1 + 7);
    expect(na.ctxfy).toHaveLength(1 + 7);
    expect(await names(b)).toEqual(na);
    expect(await names(c)).not.toEqual(na);
    for (const s of [a, b, c]) expect(s.selfCheckFailures).toEqual([]);
  });

  it('needs fixtures to make records with', async () => {
    await expect(startServer({ fixtures: 'none', fake: 3 })).rejects.toThrow(/fixtures/);
  });
});

describe('fixture files that cannot be loaded', () => {
  function dirWith(provider: string, yaml: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fixtures-'));
    mkdirSync(path.join(dir, provider));
    writeFileSync(path.join(dir, provider, 'bad.yaml'), yaml);
    return dir;
  }

  it('stop the start, naming the file, the request and the answer', async () => {
    const dir = dirWith(
      'ctxfy',
      'headers: { authorization: Bearer demo }\nrequests:\n  - { name: a space, method: POST, path: /v1/spaces, body: { name: ok } }\n  - { name: nameless, method: POST, path: /v1/spaces, body: {} }\n',
    );
    await expect(startServer({ providers: ['ctxfy'], fixtures: dir })).rejects.toThrow(
      /bad\.yaml: request 2 \(nameless\): POST \/v1\/spaces answered 400: .*name is required/,
    );
  });

  it('refuse a variable used before a request saves it, and a reply without the field to save', async () => {
    const unsaved = dirWith('ctxfy', 'headers: { authorization: Bearer demo }\nrequests:\n  - { method: GET, path: "/v1/spaces/${SPACE}" }\n');
    await expect(startServer({ providers: ['ctxfy'], fixtures: unsaved })).rejects.toThrow(/\$\{SPACE\} is used before a request saves it/);
    const missing = dirWith(
      'ctxfy',
      'headers: { authorization: Bearer demo }\nrequests:\n  - { method: POST, path: /v1/spaces, body: { name: x }, save: { X: nope.deeper } }\n',
    );
    await expect(startServer({ providers: ['ctxfy'], fixtures: missing })).rejects.toThrow(/no nope\.deeper to save as X/);
  });

  it('refuse bad YAML and a missing directory', async () => {
    await expect(startServer({ providers: ['xai'], fixtures: dirWith('xai', 'requests: [ { method: GET') })).rejects.toThrow(/bad\.yaml: not valid YAML/);
    await expect(startServer({ providers: ['xai'], fixtures: path.join(os.tmpdir(), 'no-such-fixtures-dir') })).rejects.toThrow(/cannot read the directory/);
  });

  it('load with the shipped example key file, which lists the demo key for every provider', async () => {
    const server = await startServer({
      providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'],
      fixtures: 'default',
      apiKeys: path.resolve(import.meta.dirname, '..', 'fixtures', 'api-keys.yaml'),
    });
    try {
      expect(server.fixtures.map((f) => f.provider)).toEqual(['xai', 'airweave', 'mixpeek', 'ctxfy']);
      expect(server.selfCheckFailures).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('are skipped, not fatal, when a key file does not list their key', async () => {
    const server = await startServer({ providers: ['ctxfy', 'xai'], fixtures: 'default', apiKeys: { ctxfy: [{ key: 'ctx_only_key' }] } });
    try {
      expect(server.fixtures.map((f) => f.provider)).toEqual(['xai']);
      const refused = await fetch(`${server.url}/ctxfy/v1/spaces`, { headers: DEMO });
      expect(refused.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
