/**
 * xAI credentials and tenancy: missing or non-Bearer credentials, one team per
 * key by default, and the --api-keys file (teams, key kinds, team_id checks).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockServer } from '../src/server.js';
import { createXaiProvider } from '../src/providers/xai/index.js';
import { MockError } from '../src/core/errors.js';
import type { RequestView } from '../src/core/provider.js';
import { useServer } from './support/server.js';
import { raw } from './support/client.js';
import { expectXaiError, freshKey, uploadFile } from './support/xai.js';

const JSON_CT = { 'content-type': 'application/json' };

async function createCollection(url: string, key: string, name: string, extra: Record<string, unknown> = {}) {
  const res = await raw(url, '/xai/v1/collections', { key, method: 'POST', headers: JSON_CT, body: JSON.stringify({ collection_name: name, ...extra }) });
  expect(res.status).toBe(200);
  return res.json.collection_id as string;
}

describe('xAI auth: credentials', () => {
  const ctx = useServer();

  it.each([
    ['GET', '/xai/v1/collections'],
    ['POST', '/xai/v1/collections'],
    ['GET', '/xai/v1/files'],
    ['GET', '/xai/v1/files/file_00000000-0000-4000-8000-000000000000'],
    ['DELETE', '/xai/v1/collections/collection_00000000-0000-4000-8000-000000000000'],
  ])('no Authorization header on %s %s → 401 No credentials presented.', async (method, path) => {
    const res = await raw(ctx.url, path, { key: null, method, ...(method === 'POST' ? { headers: JSON_CT, body: '{"collection_name":"x"}' } : {}) });
    expectXaiError(res, 401, /^No credentials presented\.$/);
  });

  it.each([
    ['Basic', `Basic ${Buffer.from('user:xai-key').toString('base64')}`],
    ['Bearer with an empty token', 'Bearer'],
    ['Bearer with only spaces', 'Bearer    '],
    ['a bare key', 'xai-some-key'],
    ['Token scheme', 'Token xai-some-key'],
    ['Bearer with two tokens', 'Bearer xai-a xai-b'],
  ])('%s → 401', async (_label, authorization) => {
    const res = await raw(ctx.url, '/xai/v1/collections', { key: null, headers: { authorization } });
    expectXaiError(res, 401, /^No credentials presented\.$/);
  });

  it('checks credentials before the body: no key with a malformed or wrongly typed body is still 401', async () => {
    expectXaiError(await raw(ctx.url, '/xai/v1/collections', { key: null, method: 'POST', headers: JSON_CT, body: '{bad' }), 401);
    expectXaiError(await raw(ctx.url, '/xai/v1/collections', { key: null, method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }), 401);
  });

  it('a refused create stores nothing for anyone', async () => {
    const before = ctx.server.providers[0]!.tenants.size;
    expectXaiError(await raw(ctx.url, '/xai/v1/collections', { key: null, method: 'POST', headers: JSON_CT, body: '{"collection_name":"x"}' }), 401);
    expect(ctx.server.providers[0]!.tenants.size).toBe(before);
  });
});

describe('xAI auth: callers are remembered', () => {
  const view = (authorization: string, path = '/v1/collections'): RequestView => ({
    method: 'GET',
    path,
    url: path,
    headers: { authorization },
    query: new URLSearchParams(),
  });

  it('the same header gets the same frozen result; a management key is still refused the Files API on every request', () => {
    const provider = createXaiProvider();
    const first = provider.authenticate(view('Bearer xai-token-m1'));
    expect(first).toEqual({ tenant: 'key:xai-token-m1', principal: { team: 'key:xai-token-m1', kind: 'management', known: false } });
    expect(provider.authenticate(view('Bearer xai-token-m1'))).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.principal)).toBe(true);
    for (let i = 0; i < 2; i++) {
      expect(() => provider.authenticate(view('Bearer xai-token-m1', '/v1/files'))).toThrow(MockError);
    }
    expect(() => provider.authenticate(view('Basic eDp5'))).toThrow(/No credentials presented/);
    expect(() => provider.authenticate(view('Basic eDp5'))).toThrow(/No credentials presented/);
  });

  it('past the number kept, callers are worked out again with the same teams', () => {
    const provider = createXaiProvider();
    const first = provider.authenticate(view('Bearer xai-first'));
    for (let i = 0; i < 5000; i++) expect(provider.authenticate(view(`Bearer xai-k${i}`)).tenant).toBe(`key:xai-k${i}`);
    const again = provider.authenticate(view('Bearer xai-first'));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('with a key file: a known key keeps its team and kind, an unknown one is refused each time', () => {
    const provider = createXaiProvider({ apiKeys: [{ key: 'xai-known', team: 'team_a' }] });
    expect(provider.authenticate(view('Bearer xai-known'))).toEqual({ tenant: 'team_a', principal: { team: 'team_a', kind: 'api', known: true } });
    expect(provider.authenticate(view('Bearer xai-known'))).toBe(provider.authenticate(view('Bearer xai-known')));
    for (let i = 0; i < 2; i++) expect(() => provider.authenticate(view('Bearer xai-unknown'))).toThrow(/Incorrect API key provided/);
  });
});

describe('xAI auth: default mode (no key file), every key is its own team', () => {
  const ctx = useServer();
  const A = freshKey('a');
  const B = freshKey('b');
  let aCollection: string;
  let aFile: string;
  let aSnapshot: any;

  beforeAll(async () => {
    aCollection = await createCollection(ctx.url, A, 'A only');
    aFile = await uploadFile(ctx.url, A, 'a.txt', 'team A text');
    const add = await raw(ctx.url, `/xai/v1/collections/${aCollection}/documents/${aFile}`, { key: A, method: 'POST' });
    expect(add.status).toBe(200);
    aSnapshot = (await raw(ctx.url, `/xai/v1/collections/${aCollection}`, { key: A })).json;
    expect(aSnapshot.documents_count).toBe(1);
  });

  afterEach(async () => {
    // Whatever B tried, A's data is as it was.
    const c = await raw(ctx.url, `/xai/v1/collections/${aCollection}`, { key: A });
    expect(c.status).toBe(200);
    expect(c.json).toEqual(aSnapshot);
    expect((await raw(ctx.url, `/xai/v1/files/${aFile}`, { key: A })).status).toBe(200);
  });

  it('any Bearer key is accepted', async () => {
    const res = await raw(ctx.url, '/xai/v1/collections', { key: 'anything-at-all' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ collections: [] });
  });

  it("A's collections and files are invisible to B", async () => {
    expect((await raw(ctx.url, '/xai/v1/collections', { key: B })).json).toEqual({ collections: [] });
    expect((await raw(ctx.url, '/xai/v1/files', { key: B })).json).toEqual({ data: [], pagination_token: null });
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${aCollection}`, { key: B }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${aCollection}/documents`, { key: B }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${aCollection}/documents/${aFile}`, { key: B }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${aCollection}/documents:batchGet?file_ids=${aFile}`, { key: B }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/files/${aFile}`, { key: B }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/files/${aFile}/content`, { key: B }), 404);
    // A's id in a filter finds nothing either.
    const filtered = await raw(ctx.url, `/xai/v1/collections?filter=${encodeURIComponent(`collection_id="${aCollection}"`)}`, { key: B });
    expect(filtered.json).toEqual({ collections: [] });
  });

  it("B cannot attach A's file to its own collection → 404", async () => {
    const bCollection = await createCollection(ctx.url, B, 'B');
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${bCollection}/documents/${aFile}`, { key: B, method: 'POST' }), 404, new RegExp(aFile));
    const b = await raw(ctx.url, `/xai/v1/collections/${bCollection}`, { key: B });
    expect(b.json.documents_count).toBe(0);
  });

  it("B cannot change, re-index, remove or delete A's things → 404", async () => {
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${aCollection}`, { key: B, method: 'DELETE' }), 404);
    expectXaiError(
      await raw(ctx.url, `/xai/v1/collections/${aCollection}`, { key: B, method: 'PUT', headers: JSON_CT, body: '{"collection_name":"taken"}' }),
      404,
    );
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${aCollection}/documents/${aFile}`, { key: B, method: 'PATCH' }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${aCollection}/documents/${aFile}`, { key: B, method: 'DELETE' }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/files/${aFile}`, { key: B, method: 'DELETE' }), 404);
    expect((await raw(ctx.url, '/xai/v1/collections', { key: A })).json).toEqual({ collections: [aSnapshot] });
  });

  it('team_id is not checked without a key file (the key alone names the team)', async () => {
    const res = await raw(ctx.url, `/xai/v1/collections?team_id=someone-else`, { key: A });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ collections: [aSnapshot] });
  });
});

const KEYS_YAML = `xai:
  - { key: xai-demo-api, team: team_mock, kind: api }
  - { key: xai-token-demo-mgmt, team: team_mock, kind: management }
  - { key: xai-other, team: team_other }
`;

const KEYS_OBJECT = {
  xai: [
    { key: 'xai-demo-api', team: 'team_mock', kind: 'api' },
    { key: 'xai-token-demo-mgmt', team: 'team_mock', kind: 'management' },
    { key: 'xai-other', team: 'team_other' },
  ],
};

const API = 'xai-demo-api';
const MGMT = 'xai-token-demo-mgmt';
const OTHER = 'xai-other';

let tmpDir: string;
beforeAll(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'collections-mock-auth-'));
});
afterAll(() => {
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

function writeKeys(name: string, text: string): string {
  const file = path.join(tmpDir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe.each([
  ['a YAML key file', () => writeKeys('keys.yaml', KEYS_YAML)],
  ['the parsed object', () => KEYS_OBJECT],
])('xAI auth: key-file mode, from %s', (_label, source) => {
  // The key file is written when the server starts (the temporary folder is made before all).
  const ctx = useServer(() => ({ apiKeys: source() }));

  it('an unknown key → 400 with the key masked', async () => {
    const res = await raw(ctx.url, '/xai/v1/collections', { key: 'xai-unknown-zz' });
    expectXaiError(res, 400, /^Incorrect API key provided: xa\*\*\*.{2}\. You can obtain an API key from https:\/\/console\.x\.ai\.$/);
    expect(res.json.error).toContain('xa***zz');
    expect(res.text).not.toContain('xai-unknown-zz');
    // Also on the Files API and for a management-shaped key.
    expectXaiError(await raw(ctx.url, '/xai/v1/files', { key: 'xai-token-nope-42' }), 400, /xa\*\*\*42\./);
    // A missing header is still 401, not 400.
    expectXaiError(await raw(ctx.url, '/xai/v1/collections', { key: null }), 401, /^No credentials presented\.$/);
  });

  it('the API key uploads, the management key of the same team creates a collection and attaches the file', async () => {
    const fileId = await uploadFile(ctx.url, API, 'two-step.txt', 'uploaded with the API key');
    const collectionId = await createCollection(ctx.url, MGMT, 'two-step');
    const add = await raw(ctx.url, `/xai/v1/collections/${collectionId}/documents/${fileId}`, {
      key: MGMT,
      method: 'POST',
      headers: JSON_CT,
      body: '{"fields":{"k":"v"}}',
    });
    expect(add.status).toBe(200);
    expect(add.json).toEqual({});
    ctx.server.clock.advance(10_000);
    // Both keys see the same team's data.
    for (const key of [MGMT, API]) {
      const doc = await raw(ctx.url, `/xai/v1/collections/${collectionId}/documents/${fileId}`, { key });
      expect(doc.status).toBe(200);
      expect(doc.json.status).toBe('DOCUMENT_STATUS_PROCESSED');
      expect(doc.json.fields).toEqual({ k: 'v' });
      const list = await raw(ctx.url, '/xai/v1/collections', { key });
      expect(list.json.collections.map((c: { collection_id: string }) => c.collection_id)).toContain(collectionId);
    }
  });

  it('the management key on /v1/files → 403, and nothing happens', async () => {
    const fileId = await uploadFile(ctx.url, API, 'kept.txt', 'kept');
    expectXaiError(await raw(ctx.url, '/xai/v1/files', { key: MGMT }), 403);
    expectXaiError(await raw(ctx.url, `/xai/v1/files/${fileId}`, { key: MGMT }), 403);
    expectXaiError(await raw(ctx.url, `/xai/v1/files/${fileId}/content`, { key: MGMT }), 403);
    expectXaiError(await raw(ctx.url, `/xai/v1/files/${fileId}`, { key: MGMT, method: 'DELETE' }), 403);
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'text/plain' }), 'by-mgmt.txt');
    expectXaiError(await raw(ctx.url, '/xai/v1/files', { key: MGMT, method: 'POST', body: form }), 403);
    const files = await raw(ctx.url, '/xai/v1/files', { key: API });
    const names = files.json.data.map((f: { filename: string }) => f.filename);
    expect(names).toContain('kept.txt');
    expect(names).not.toContain('by-mgmt.txt');
    expect((await raw(ctx.url, `/xai/v1/files/${fileId}`, { key: API })).status).toBe(200);
  });

  it('team_id naming another team → 403 (query, body, camelCase); naming the own team → 200', async () => {
    const id = await createCollection(ctx.url, MGMT, 'team-checked');
    for (const key of [API, MGMT]) {
      expectXaiError(await raw(ctx.url, '/xai/v1/collections?team_id=team_other', { key }), 403);
      expectXaiError(await raw(ctx.url, '/xai/v1/collections?teamId=team_other', { key }), 403);
      expectXaiError(await raw(ctx.url, `/xai/v1/collections/${id}?team_id=team_other`, { key }), 403);
      expect((await raw(ctx.url, '/xai/v1/collections?team_id=team_mock', { key })).status).toBe(200);
      expect((await raw(ctx.url, `/xai/v1/collections/${id}?team_id=team_mock`, { key })).status).toBe(200);
    }
    // Refused writes change nothing.
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${id}?team_id=team_other`, { key: MGMT, method: 'DELETE' }), 403);
    expectXaiError(
      await raw(ctx.url, `/xai/v1/collections/${id}`, {
        key: MGMT,
        method: 'PUT',
        headers: JSON_CT,
        body: '{"team_id":"team_other","collection_name":"renamed"}',
      }),
      403,
    );
    expectXaiError(
      await raw(ctx.url, '/xai/v1/collections', { key: MGMT, method: 'POST', headers: JSON_CT, body: '{"teamId":"team_other","collection_name":"smuggled"}' }),
      403,
    );
    expectXaiError(
      await raw(ctx.url, '/xai/v1/collections', { key: MGMT, method: 'POST', headers: JSON_CT, body: '{"team_id":"team_other","collection_name":"smuggled"}' }),
      403,
    );
    const fileId = await uploadFile(ctx.url, API, 'team.txt', 'x');
    expectXaiError(
      await raw(ctx.url, `/xai/v1/collections/${id}/documents/${fileId}`, { key: MGMT, method: 'POST', headers: JSON_CT, body: '{"team_id":"team_other"}' }),
      403,
    );
    const after = await raw(ctx.url, `/xai/v1/collections/${id}`, { key: MGMT });
    expect(after.json.collection_name).toBe('team-checked');
    expect(after.json.documents_count).toBe(0);
    const names = (await raw(ctx.url, '/xai/v1/collections', { key: MGMT })).json.collections.map((c: { collection_name: string }) => c.collection_name);
    expect(names).not.toContain('smuggled');
    // The own team, explicitly, in the body.
    const own = await raw(ctx.url, '/xai/v1/collections', {
      key: MGMT,
      method: 'POST',
      headers: JSON_CT,
      body: '{"team_id":"team_mock","collection_name":"explicit"}',
    });
    expect(own.status).toBe(200);
    expect(
      (await raw(ctx.url, `/xai/v1/collections/${id}/documents/${fileId}`, { key: MGMT, method: 'POST', headers: JSON_CT, body: '{"team_id":"team_mock"}' }))
        .status,
    ).toBe(200);
  });

  it("team_other sees none of team_mock's data", async () => {
    const fileId = await uploadFile(ctx.url, API, 'private.txt', 'team_mock only');
    const id = await createCollection(ctx.url, MGMT, 'private');
    expect((await raw(ctx.url, `/xai/v1/collections/${id}/documents/${fileId}`, { key: MGMT, method: 'POST' })).status).toBe(200);

    expect((await raw(ctx.url, '/xai/v1/collections', { key: OTHER })).json).toEqual({ collections: [] });
    expect((await raw(ctx.url, '/xai/v1/files', { key: OTHER })).json).toEqual({ data: [], pagination_token: null });
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${id}`, { key: OTHER }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${id}/documents/${fileId}`, { key: OTHER }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/files/${fileId}`, { key: OTHER }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/files/${fileId}/content`, { key: OTHER }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${id}`, { key: OTHER, method: 'DELETE' }), 404);
    expectXaiError(await raw(ctx.url, `/xai/v1/files/${fileId}`, { key: OTHER, method: 'DELETE' }), 404);
    // Its own collection cannot take team_mock's file.
    const mine = await createCollection(ctx.url, OTHER, 'other', { team_id: 'team_other' });
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${mine}/documents/${fileId}`, { key: OTHER, method: 'POST' }), 404);
    // team_mock cannot see team_other's collection either, and its own data survived.
    expectXaiError(await raw(ctx.url, `/xai/v1/collections/${mine}`, { key: MGMT }), 404);
    expect((await raw(ctx.url, `/xai/v1/collections/${id}`, { key: MGMT })).json.documents_count).toBe(1);
    expect((await raw(ctx.url, `/xai/v1/files/${fileId}`, { key: API })).status).toBe(200);
  });
});

/** Starts a server that is expected to be refused; closes it should it start after all, so nothing leaks. */
async function startRefused(apiKeys: string | Record<string, unknown>): Promise<void> {
  const server = await createMockServer({ port: 0, quiet: true, providers: ['xai'], apiKeys });
  await server.close();
}

describe('xAI auth: malformed key files', () => {
  it.each([
    ['not a mapping (a list)', '- { key: xai-a, team: t }\n', /expected a mapping/],
    ['not a mapping (a scalar)', 'just some text\n', /expected a mapping/],
    ['empty', '', /expected a mapping/],
    ['an entry without team', 'xai:\n  - { key: xai-a }\n', /entry 0.*"team"/],
    ['an entry with an empty key', 'xai:\n  - { key: xai-a, team: t }\n  - { key: "", team: t }\n', /entry 1.*"key"/],
    ['an unknown provider section', 'xai:\n  - { key: xai-a, team: t }\nopenai:\n  - { key: sk-a, team: t }\n', /unknown provider "openai"/],
    ['a provider section that is not a list', 'xai:\n  key: xai-a\n  team: t\n', /expected a list/],
    ['an unknown key kind', 'xai:\n  - { key: xai-a, team: t, kind: admin }\n', /"kind" must be/],
    ['a key listed twice', 'xai:\n  - { key: xai-dup, team: t1 }\n  - { key: xai-dup, team: t2 }\n', /entry 1: key xa\*\*\*up is listed twice/],
  ])('%s → createMockServer rejects', async (_label, text, message) => {
    const file = writeKeys(`bad-${Math.random().toString(36).slice(2)}.yaml`, text);
    await expect(startRefused(file)).rejects.toThrow(message);
  });

  it('a key file that is not YAML, or missing, → rejects naming the file or the problem', async () => {
    const broken = writeKeys('broken.yaml', 'xai: [ { key: xai-a, team: t\n');
    await expect(startRefused(broken)).rejects.toThrow(/broken\.yaml: /);
    const missing = path.join(tmpDir, 'does-not-exist.yaml');
    await expect(startRefused(missing)).rejects.toThrow(/does-not-exist\.yaml/);
  });

  it('the parsed object gets the same checks', async () => {
    const start = startRefused;
    await expect(start({ openai: [{ key: 'sk-a', team: 't' }] })).rejects.toThrow(/unknown provider "openai"/);
    await expect(start({ xai: [{ key: 'xai-a' }] })).rejects.toThrow(/"team"/);
    await expect(start([] as unknown as Record<string, unknown>)).rejects.toThrow(/expected a mapping/);
  });
});
