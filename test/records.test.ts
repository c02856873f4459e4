/**
 * GET /__mock/records/{provider}: every record of the demo data, for every
 * provider, as the vendor's GET answers it. Where a vendor operation reads the
 * table, the envelope names it and its body equals what the same request
 * through the vendor's API answers (strict self-check on both APIs); where
 * none does, a 404 says why. Then the errors: unknown provider, tenant,
 * table, record, and a malformed path.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { readReply } from './support/client.js';

type Res = { status: number; headers: Headers; text: string; json: any };

const ctx = useServer({ providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'], fixtures: 'default', clock: 'manual' });

async function records(provider: string, tenant: string | undefined, path: readonly string[]): Promise<Res> {
  const q = new URLSearchParams();
  if (tenant !== undefined) q.set('tenant', tenant);
  for (const p of path) q.append('path', p);
  return readReply(await fetch(`${ctx.url}/__mock/records/${encodeURIComponent(provider)}?${q}`));
}

/** The demo key's request to the vendor's API, as each vendor takes the key. */
async function vendor(provider: string, path: string, namespace?: string): Promise<Res> {
  const headers: Record<string, string> = provider === 'airweave' ? { 'x-api-key': 'demo' } : { authorization: 'Bearer demo' };
  if (namespace !== undefined) headers['x-namespace'] = namespace;
  return readReply(await fetch(`${ctx.url}/${provider}${path}`, { headers }));
}

interface Table {
  $$: 'table';
  key: string;
  rows: Record<string, unknown>[];
}
const isTable = (v: unknown): v is Table => !!v && typeof v === 'object' && (v as Table).$$ === 'table';

/** Every record's path in a tenant's saved data, tables below records included. */
function paths(node: Record<string, unknown>, above: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [name, table] of Object.entries(node)) {
    if (!isTable(table)) continue;
    for (const row of table.rows) {
      const here = [...above, name, String(row[table.key])];
      out.push(here, ...paths(row, here));
    }
  }
  return out;
}

/** The item of a list reply whose id is `id`, depth first (the route's pick). */
function find(body: unknown, id: string): unknown {
  if (Array.isArray(body)) {
    for (const item of body) {
      const hit = find(item, id);
      if (hit !== undefined) return hit;
    }
  } else if (body && typeof body === 'object') {
    if ((body as { id?: unknown }).id === id) return body;
    for (const v of Object.values(body)) {
      const hit = find(v, id);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

const EXPECTED: Record<string, Record<string, string>> = {
  xai: { collections: 'getCollectionMetadata', 'collections/documents': 'getDocumentMetadata', files: 'retrieveFile' },
  airweave: { collections: 'getCollection', connections: 'getSourceConnection', jobs: 'getSourceConnectionJobs' },
  mixpeek: {
    namespaces: 'getNamespace',
    'namespaces/buckets': 'getBucket',
    'namespaces/buckets/objects': 'getObject',
    'namespaces/collections': 'getCollection',
    'namespaces/collections/documents': 'getDocument',
    'namespaces/retrievers': 'getRetriever',
  },
  ctxfy: { spaces: 'getSpace', collections: 'getCollectionTree', sources: 'getSource' },
};

/** The tables the demo data has records in, each rendered. */
const RENDERED: Record<string, string[]> = {
  xai: ['collections', 'collections/documents', 'files'],
  airweave: ['collections', 'connections', 'jobs'],
  mixpeek: ['namespaces', 'namespaces/buckets', 'namespaces/buckets/objects', 'namespaces/collections', 'namespaces/collections/documents'],
  ctxfy: ['collections', 'sources', 'spaces'],
};

describe('GET /__mock/records/{provider}', () => {
  it('lets the demo data finish processing (Mixpeek documents are made by it)', async () => {
    const res = await fetch(`${ctx.url}/__mock/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 600_000 }),
    });
    expect(res.status).toBe(200);
  });

  for (const provider of ['xai', 'airweave', 'mixpeek', 'ctxfy']) {
    it(`${provider}: each demo record as the vendor's GET answers it`, async () => {
      const state = (await readReply(await fetch(`${ctx.url}/__mock/state?provider=${provider}`))).json;
      const tenants = Object.entries(state.providers[provider] as Record<string, Record<string, unknown>>);
      expect(tenants).toHaveLength(1);
      const [tenant, data] = tenants[0]!;
      const rendered = new Set<string>();
      for (const path of paths(data)) {
        const tables = path.filter((_, i) => i % 2 === 0).join('/');
        const res = await records(provider, tenant, path);
        const operationId = EXPECTED[provider]![tables];
        if (!operationId) {
          expect(res.status, `${provider} ${path.join('/')}`).toBe(404);
          expect(res.json.error).toBe('not_found');
          expect(res.json.details.reason).toBe('no_vendor_operation');
          continue;
        }
        expect(res.status, `${provider} ${path.join('/')}: ${res.text}`).toBe(200);
        expect(res.json).toMatchObject({ provider, tenant, record: path, operationId, method: 'GET', status: 200 });
        const namespace = provider === 'mixpeek' && path[0] === 'namespaces' && path.length > 2 ? path[1] : undefined;
        const real = await vendor(provider, res.json.path, namespace);
        expect(real.status).toBe(200);
        const key = path[path.length - 1]!;
        const expected = operationId === 'getSourceConnectionJobs' || operationId === 'getCollectionTree' ? find(real.json, key) : real.json;
        expect(expected).toBeDefined();
        expect(res.json.body).toEqual(expected);
        rendered.add(tables);
      }
      expect([...rendered].sort(), `${provider}: tables rendered`).toEqual(RENDERED[provider]);
    });
  }

  it('xai: a collection has the vendor fields, not the stored ones', async () => {
    const state = (await readReply(await fetch(`${ctx.url}/__mock/state?provider=xai`))).json;
    const [tenant, data] = Object.entries(state.providers.xai as Record<string, any>)[0]!;
    const id = data.collections.rows[0].id as string;
    const res = await records('xai', tenant, ['collections', id]);
    expect(res.json.path).toBe(`/v1/collections/${id}`);
    expect(res.json.body.collection_id).toBe(id);
    expect(typeof res.json.body.collection_name).toBe('string');
    expect(res.json.body).not.toHaveProperty('createdAt');
  });

  it('errors: unknown provider, tenant, table, record; a malformed path', async () => {
    const state = (await readReply(await fetch(`${ctx.url}/__mock/state?provider=xai`))).json;
    const [tenant, data] = Object.entries(state.providers.xai as Record<string, any>)[0]!;
    const id = data.collections.rows[0].id as string;

    const provider = await records('nope', tenant, ['collections', id]);
    expect(provider.status).toBe(404);
    expect(provider.json.message).toMatch(/nope.*not mounted/);

    const unknownTenant = await records('xai', 'key:nobody', ['collections', id]);
    expect(unknownTenant.status).toBe(404);
    expect(unknownTenant.json.message).toMatch(/no tenant "key:nobody"/);

    const table = await records('xai', tenant, ['nothing', id]);
    expect(table.status).toBe(404);
    expect(table.json.message).toMatch(/no table "nothing"/);

    const record = await records('xai', tenant, ['collections', 'collection_missing']);
    expect(record.status).toBe(404);
    expect(record.json.message).toMatch(/no record with id "collection_missing"/);

    const odd = await records('xai', tenant, ['collections', id, 'documents']);
    expect(odd.status).toBe(400);
    expect(odd.json.error).toBe('bad_request');

    const noPath = await records('xai', tenant, []);
    expect(noPath.status).toBe(400);
    expect(noPath.json.error).toBe('validation');

    const noTenant = await records('xai', undefined, ['collections', id]);
    expect(noTenant.status).toBe(400);
  });

  it('renders without side effects: nothing is journalled', async () => {
    const before = (await readReply(await fetch(`${ctx.url}/__mock/journal?provider=xai`))).json.entries.length;
    const state = (await readReply(await fetch(`${ctx.url}/__mock/state?provider=xai`))).json;
    const [tenant, data] = Object.entries(state.providers.xai as Record<string, any>)[0]!;
    await records('xai', tenant, ['collections', data.collections.rows[0].id]);
    expect((await readReply(await fetch(`${ctx.url}/__mock/journal?provider=xai`))).json.entries.length).toBe(before);
  });
});
