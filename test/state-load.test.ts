/**
 * A state that is loaded is whole, or nothing changes: each kind of damage a
 * saved document can carry (a broken record, a wrong type, a time that is no
 * time, a reference to nothing, a duplicate, another version…) is refused
 * with the admin envelope naming the first bad path, and the data is exactly
 * as before (the export before and after compare equal, byte for byte, and the
 * provider still answers). A failure while the new data is built or swapped in
 * puts nothing half in place. And whatever the mock exports loads back, however
 * large its uploads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, useServer } from './support/server.js';
import { readReply } from './support/client.js';
import type { MockServer } from '../src/server.js';
import type { MountedProvider } from '../src/core/mount.js';

type Res = Awaited<ReturnType<typeof readReply>>;
type Doc = any;

const ctx = useServer({ providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'], fixtures: 'default' });

const DEMO = { authorization: 'Bearer demo' };
const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown, base = ctx.url): Promise<Res> =>
  readReply(
    await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    }),
  );
const exported = async (base = ctx.url): Promise<string> => {
  const res = await fetch(`${base}/__mock/state`);
  expect(res.status).toBe(200);
  return res.text();
};

let before: string;
let base: Doc;
const tenant = (provider: string): string => Object.keys(base.providers[provider])[0]!;
const at = (provider: string, ...path: (string | number)[]): string => ['', 'providers', provider, tenant(provider), ...path].join('/');

beforeAll(async () => {
  // A minted Ctxfy key, so there is a secret to collide with.
  expect((await call('POST', '/ctxfy/v1/api-keys', DEMO, { name: 'saved' })).status).toBe(201);
  before = await exported();
  base = JSON.parse(before);
});

/** PUTs a damaged copy of the saved document; the refusal names `pointer`, and nothing changed. */
async function refused(damage: (doc: Doc) => unknown, pointer: string | RegExp, message?: RegExp): Promise<void> {
  const doc = structuredClone(base);
  const replaced = damage(doc);
  const res = await call('PUT', '/__mock/state', {}, replaced === undefined ? doc : replaced);
  expect(res.status, res.text).toBe(400);
  expect(Object.keys(res.json).sort()).toEqual(['details', 'error', 'message']);
  expect(res.json.error).toBe('validation');
  const issue = res.json.details.issues[0];
  expect(res.json.details.issues).toHaveLength(1);
  expect(issue.location).toBe('body');
  if (typeof pointer === 'string') expect(issue.pointer).toBe(pointer);
  else expect(issue.pointer).toMatch(pointer);
  expect(res.json.message).toBe(`The state cannot be loaded: ${issue.pointer ? `${issue.pointer}: ` : ''}${issue.message}`);
  if (message) expect(issue.message).toMatch(message);
  expect(res.text).not.toMatch(/ at .*\.[jt]s:\d+/);
  // Nothing changed, and every provider still answers from it.
  expect(await exported()).toBe(before);
  expect((await call('GET', '/xai/v1/collections', DEMO)).status).toBe(200);
  const first = base.providers.xai[tenant('xai')].collections.rows[0].id;
  expect((await call('GET', `/xai/v1/collections/${first}`, DEMO)).status).toBe(200);
}

describe('a damaged document is refused whole, naming the first bad path, and nothing changes', () => {
  it('the document itself: not an object, another format, another version, a provider that is not mounted, a bad savedAt', async () => {
    await refused(() => null, '', /not a collections-mock\/state document/);
    await refused(() => [1, 2], '', /not a collections-mock\/state document/);
    await refused((d) => void (d.format = 'something else'), '/format', /not a collections-mock\/state document/);
    await refused((d) => void (d.version = 2), '/version', /^version 2 is not one this mock reads \(it reads 1\)$/);
    await refused((d) => void delete d.version, '/version', /not one this mock reads/);
    await refused(
      (d) => void (d.providers.pinecone = {}),
      '/providers/pinecone',
      /^provider pinecone is not mounted \(mounted: xai, airweave, mixpeek, ctxfy\)$/,
    );
    await refused((d) => void (d.savedAt = 'yesterday'), '/savedAt', /date-time/);
    await refused((d) => void (d.providers = []), '/providers', /must be object/);
  });

  it('xAI records: missing fields, a table that is null, wrong types, a time that is no time', async () => {
    // The issue's own examples: a collection of {"id":"x"}, documents null, name 42, createdAt "yesterday".
    await refused(
      (d) => void d.providers.xai[tenant('xai')].collections.rows.push({ id: 'x' }),
      at('xai', 'collections', 'rows', 2, 'name'),
      /required property 'name'/,
    );
    await refused(
      (d) => void (d.providers.xai[tenant('xai')].collections.rows[0].documents = null),
      at('xai', 'collections', 'rows', 0, 'documents'),
      /must be object/,
    );
    await refused((d) => void (d.providers.xai[tenant('xai')].collections.rows[0].name = 42), at('xai', 'collections', 'rows', 0, 'name'), /must be string/);
    await refused(
      (d) => void (d.providers.xai[tenant('xai')].collections.rows[0].createdAt = 'yesterday'),
      at('xai', 'collections', 'rows', 0, 'createdAt'),
      /must be integer/,
    );
    await refused(
      (d) => void (d.providers.xai[tenant('xai')].collections.rows[0].createdAt = 1e300),
      at('xai', 'collections', 'rows', 0, 'createdAt'),
      /must be <=/,
    );
    await refused(
      (d) => void (d.providers.xai[tenant('xai')].collections.rows[0].createdAt = -1),
      at('xai', 'collections', 'rows', 0, 'createdAt'),
      /must be >= 0/,
    );
    await refused((d) => void (d.providers.xai[tenant('xai')].files.rows = null), at('xai', 'files', 'rows'), /must be array/);
    await refused(
      (d) => void (d.providers.xai[tenant('xai')].collections.rows[0].bogus = true),
      at('xai', 'collections', 'rows', 0, 'bogus'),
      /additional properties/,
    );
    await refused((d) => void (d.providers.xai[tenant('xai')].files.rows[0].data.v = 'not base64!'), at('xai', 'files', 'rows', 0, 'data', 'v'), /pattern/);
    await refused((d) => void (d.providers.xai[tenant('xai')].tombstones = { $$: 'nonsense' }), new RegExp(`^${at('xai', 'tombstones')}/`));
  });

  it('xAI references, ids and the vendor shapes it echoes', async () => {
    await refused(
      (d) => void (d.providers.xai[tenant('xai')].collections.rows[0].documents.rows[0].fileId = 'file_gone'),
      at('xai', 'collections', 'rows', 0, 'documents', 'rows', 0, 'fileId'),
      /no file file_gone/,
    );
    await refused(
      (d) => {
        const rows = d.providers.xai[tenant('xai')].collections.rows;
        rows[1].id = rows[0].id;
      },
      at('xai', 'collections', 'rows', 1, 'id'),
      /is also rows\/0's/,
    );
    await refused(
      (d) => void (d.providers.xai[tenant('xai')].collections.rows[0].documents.rows[0].status = 'DONE'),
      at('xai', 'collections', 'rows', 0, 'documents', 'rows', 0, 'status'),
      /xai\.yaml's DocumentStatus/,
    );
    await refused(
      (d) => void (d.providers.xai[tenant('xai')].collections.rows[0].chunkConfiguration = {}),
      new RegExp(`^${at('xai', 'collections', 'rows', 0, 'chunkConfiguration')}`),
      /ChunkConfiguration/,
    );
  });

  it('a client object can never pass for a tagged structure', async () => {
    await refused(
      (d) => {
        const ns = d.providers.mixpeek[tenant('mixpeek')].namespaces.rows[0];
        ns.config.extra = { $$: 'table', key: 'id', rows: 5 };
      },
      at('mixpeek', 'namespaces', 'rows', 0, 'config', 'extra', 'v'),
      /required property 'v'/,
    );
  });

  it('Airweave: its own organisation, collections its connections name, readable ids unique across organisations, cron, creation numbers', async () => {
    const org = tenant('airweave');
    await refused(
      (d) => void (d.providers.airweave[org].organizationId = 'someone-else'),
      at('airweave', 'organizationId'),
      /not the organisation it is saved under/,
    );
    await refused(
      (d) => void (d.providers.airweave[org].connections.rows[0].collection = 'nowhere-abc123'),
      at('airweave', 'connections', 'rows', 0, 'collection'),
      /no collection nowhere-abc123/,
    );
    await refused(
      (d) => void (d.providers.airweave[org].jobs.rows[0].connectionId = 'gone'),
      at('airweave', 'jobs', 'rows', 0, 'connectionId'),
      /no connection gone/,
    );
    await refused((d) => void (d.providers.airweave[org].jobs.rows[0].status = 'exploded'), at('airweave', 'jobs', 'rows', 0, 'status'), /SyncJobStatus/);
    await refused(
      (d) => void (d.providers.airweave[org].connections.rows[0].sync.cron = 'every day'),
      at('airweave', 'connections', 'rows', 0, 'sync', 'cron'),
      /cron/,
    );
    await refused((d) => void (d.providers.airweave[org].seq = 0), at('airweave', 'seq'), /below a record's creation number/);
    await refused(
      (d) => {
        const copy = structuredClone(d.providers.airweave[org]);
        copy.organizationId = '00000000-0000-4000-8000-000000000000';
        d.providers.airweave['00000000-0000-4000-8000-000000000000'] = copy;
      },
      '/providers/airweave/00000000-0000-4000-8000-000000000000/collections/rows/0/readableId',
      new RegExp(`organisation ${org}'s too`),
    );
  });

  it('Mixpeek: objects in their own bucket, tasks under their own id, the vendor statuses', async () => {
    const bucket = (d: Doc) => d.providers.mixpeek[tenant('mixpeek')].namespaces.rows[0].buckets.rows[0];
    await refused(
      (d) => void (bucket(d).objects.rows[0].bucketId = 'bkt_other'),
      at('mixpeek', 'namespaces', 'rows', 0, 'buckets', 'rows', 0, 'objects', 'rows', 0, 'bucketId'),
      /not the bucket that holds it/,
    );
    await refused(
      (d) => void (bucket(d).objects.rows[0].status = 'HALF_DONE'),
      at('mixpeek', 'namespaces', 'rows', 0, 'buckets', 'rows', 0, 'objects', 'rows', 0, 'status'),
      /TaskStatusEnum/,
    );
    await refused(
      (d) => void (bucket(d).objects.rows[1].id = bucket(d).objects.rows[0].id),
      at('mixpeek', 'namespaces', 'rows', 0, 'buckets', 'rows', 0, 'objects', 'rows', 1, 'id'),
      /is also rows\/0's/,
    );
    await refused(
      (d) =>
        void (d.providers.mixpeek[tenant('mixpeek')].tasks = {
          $$: 'map',
          entries: [['task_a', { task_id: 'task_b', task_type: 'x', status: 'PENDING', createdAt: 0 }]],
        }),
      at('mixpeek', 'tasks', 'entries', 0, 1, 'task_id'),
      /not the key it is saved under/,
    );
  });

  it('Ctxfy: spaces and collections that exist, no collection below itself, secrets unique across users, the vendor shapes', async () => {
    const user = tenant('ctxfy');
    await refused(
      (d) => {
        const rows = d.providers.ctxfy[user].collections.rows;
        rows[0].parentId = rows[1].id;
      },
      at('ctxfy', 'collections', 'rows', 0, 'parentId'),
      /below itself/,
    );
    await refused((d) => void (d.providers.ctxfy[user].sources.rows[0].spaceId = 'nowhere'), at('ctxfy', 'sources', 'rows', 0, 'spaceId'), /no space nowhere/);
    await refused((d) => void (d.providers.ctxfy[user].sources.rows[0].type = 'PDF'), at('ctxfy', 'sources', 'rows', 0, 'type'), /SourceType/);
    await refused(
      (d) => void (d.providers.ctxfy[user].spaces.rows[0].createdAt = '2026-01-01'),
      at('ctxfy', 'spaces', 'rows', 0, 'createdAt'),
      /must be integer/,
    );
    await refused(
      (d) => {
        const other = '11111111-1111-4111-8111-111111111111';
        const copy = structuredClone(d.providers.ctxfy[user]);
        copy.userId = other;
        for (const k of copy.apiKeys.rows) k.userId = other;
        d.providers.ctxfy[other] = copy;
      },
      '/providers/ctxfy/11111111-1111-4111-8111-111111111111/apiKeys/rows/0/secret',
      new RegExp(`user ${user}'s key too`),
    );
  });

  it('a document too deep to check is refused like any other', async () => {
    const doc = structuredClone(base);
    doc.providers.mixpeek[tenant('mixpeek')].namespaces.rows[0].config.deep = 'DEEP';
    const depth = 20_000;
    const text = JSON.stringify(doc).replace('"DEEP"', `${'['.repeat(depth)}1${']'.repeat(depth)}`);
    const res = await call('PUT', '/__mock/state', {}, text);
    expect(res.status, res.text.slice(0, 300)).toBe(400);
    expect(res.json.error).toBe('validation');
    expect(await exported()).toBe(before);
  });

  it('the undamaged document loads, and the export after it is the export before it', async () => {
    const res = await call('PUT', '/__mock/state', {}, base);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'], tenants: 4 });
    expect(await exported()).toBe(before);
  });
});

describe('versions', () => {
  it('a version 1 document, as --persist files already on disk hold, loads as it was saved', async () => {
    const v1 = readFileSync(path.join(import.meta.dirname, 'saved-state-v1.json'), 'utf8');
    const server = await startServer({ providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'] });
    try {
      const res = await call('PUT', '/__mock/state', {}, v1, server.url);
      expect(res.status, res.text).toBe(200);
      expect(res.json.tenants).toBe(4);
      const names = await call('GET', '/xai/v1/collections', DEMO, undefined, server.url);
      expect(names.json.collections.map((c: any) => c.collection_name).sort()).toEqual(['Product docs', 'SEC filings']);
      // Objects that were being processed start over from PENDING, stamped with this server's time; the rest is as saved.
      const comparable = (text: string) => {
        const { savedAt: _at, ...doc } = JSON.parse(text);
        for (const org of Object.values<any>(doc.providers.mixpeek)) {
          for (const ns of org.namespaces.rows) {
            for (const b of ns.buckets.rows) for (const o of b.objects.rows) delete o.updatedAt;
            // Namespaces saved before retrievers were served gain their (empty) retrievers and executions.
            for (const table of ['retrievers', 'executions']) {
              if (ns[table] && ns[table].rows.length === 0) delete ns[table];
            }
          }
        }
        // Airweave entities were not kept by earlier versions: such a document loads with none, and is saved with an empty table.
        for (const org of Object.values<any>(doc.providers.airweave)) {
          if (org.entities?.rows.length === 0) delete org.entities;
        }
        return doc;
      };
      expect(comparable(await exported(server.url))).toEqual(comparable(v1));
      expect(server.selfCheckFailures).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('nothing is left half in place when building or swapping in the new data fails', () => {
  const mount = (name: string): MountedProvider<any> => ctx.server.providers.find((m) => m.provider.name === name)!;

  it('a resume that throws on the second tenant: the first one built is dropped, its steps cancelled; the old data runs on', async () => {
    const xai = mount('xai');
    const doc = structuredClone(base);
    const key = tenant('xai');
    doc.providers.xai['key:second'] = structuredClone(doc.providers.xai[key]);
    const original = xai.provider.resume!;
    let calls = 0;
    xai.provider.resume = (state) => {
      original(state);
      if (++calls === 2) throw new Error('resume failed');
    };
    const pending = ctx.server.clock.pending();
    try {
      const res = await call('PUT', '/__mock/state', {}, doc);
      expect(res.status, res.text).toBe(400);
      expect(res.json.details.issues[0].pointer).toBe('/providers/xai/key:second');
      expect(res.json.message).toMatch(/cannot be rebuilt: resume failed/);
    } finally {
      xai.provider.resume = original;
    }
    expect(calls).toBe(2);
    // The first tenant's indexing steps, scheduled while it was built, were cancelled with it.
    expect(ctx.server.clock.pending()).toBe(pending);
    expect(await exported()).toBe(before);
  });

  it('an adopt that throws: every provider is put back with its old data, registered again', async () => {
    const ctxfy = mount('ctxfy');
    const minted = base.providers.ctxfy[tenant('ctxfy')].apiKeys.rows[0].secret;
    const original = ctxfy.provider.adopt!;
    let calls = 0;
    // The new user's state fails to go live; putting the old one back works.
    ctxfy.provider.adopt = (state) => {
      if (++calls === 1) throw new Error('adopt failed');
      original(state);
    };
    const pending = ctx.server.clock.pending();
    try {
      await expect(Promise.resolve().then(() => ctx.server.importState(structuredClone(base)))).rejects.toThrow(/adopt failed/);
    } finally {
      ctxfy.provider.adopt = original;
    }
    expect(ctx.server.clock.pending()).toBe(pending);
    expect(await exported()).toBe(before);
    // The old user's minted key still resolves to them: it was registered again.
    const spaces = await call('GET', '/ctxfy/v1/spaces', { authorization: `Bearer ${minted}` });
    expect(spaces.status).toBe(200);
    expect(spaces.json.spaces.length).toBeGreaterThan(0);
  });
});

describe('whatever the mock exports loads back', () => {
  const LIMIT = 256 * 1024;
  let small: MockServer;
  beforeAll(async () => {
    small = await startServer({ providers: ['xai', 'ctxfy'], limits: { json: 64 * 1024, upload: LIMIT } });
  });
  afterAll(async () => {
    await small.close();
    expect(small.selfCheckFailures).toEqual([]);
  });

  it('a state holding uploads of the largest accepted size, four times over the upload limit', async () => {
    const A = { authorization: 'Bearer big-user' };
    const keys: string[] = [];
    for (let i = 0; i < 4; i++) {
      const presign = await call('POST', '/ctxfy/v1/upload/s3', A, { filename: `f${i}.bin`, contentType: 'application/octet-stream', size: LIMIT }, small.url);
      expect(presign.status, presign.text).toBe(200);
      const bytes = Buffer.alloc(LIMIT, i + 1);
      const put = await fetch(presign.json.uploadUrl, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
      expect(put.status).toBe(200);
      keys.push(presign.json.publicUrl);
    }
    const saved = await exported(small.url);
    expect(Buffer.byteLength(saved)).toBeGreaterThan(4 * LIMIT);
    expect((await call('POST', '/__mock/reset', {}, {}, small.url)).status).toBe(200);
    const res = await call('PUT', '/__mock/state', {}, saved, small.url);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(await exported(small.url)).toBe(saved);
    const back = await fetch(keys[3]!);
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(Buffer.alloc(LIMIT, 4))).toBe(true);
  });
});
