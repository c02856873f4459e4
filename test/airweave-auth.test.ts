/**
 * Airweave credentials, tenancy and request handling: the x-api-key header,
 * one organisation per key by default, the --api-keys file (organisations and
 * X-Organization-ID), the order of checks, framework errors (unknown route,
 * wrong method, bad JSON, size limit) and malformed key files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockServer, type MockServer } from '../src/server.js';
import { startServer, useServer } from './support/server.js';
import { awRaw, awKey } from './support/airweave.js';
import { organizationFor } from '../src/providers/airweave/index.js';
import { uuidFromText } from '../src/core/hash.js';

const ORG_A = '11111111-2222-4333-8444-555555555555';
const UNKNOWN_ORG = '99999999-8888-4777-8666-555555555555';

/** No rate-limit and no WWW-Authenticate headers on an auth failure. */
function expectBareAuthFailure(res: { headers: Headers }): void {
  expect(res.headers.get('www-authenticate')).toBeNull();
  for (const name of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after']) expect(res.headers.get(name)).toBeNull();
}

const CREATE_CONNECTION = (collection: string) => ({
  short_name: 'github',
  readable_collection_id: collection,
  authentication: { credentials: { personal_access_token: 'ghp_valid_token_1234' } },
  config: { repo_name: 'a/b' },
});

describe('organizationFor', () => {
  it('gives each key the same organisation every time, however many keys came between', () => {
    const first = organizationFor('aw-first');
    expect(first).toBe(uuidFromText('airweave-organization:aw-first'));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const others = Array.from({ length: 5000 }, (_, i) => organizationFor(`aw-other-${i}`));
    expect(new Set(others).size).toBe(5000);
    expect(organizationFor('aw-first')).toBe(first);
    expect(organizationFor('aw-other-0')).toBe(others[0]);
  });
});

describe('Airweave auth: the x-api-key header (default mode)', () => {
  const ctx = useServer({ providers: ['airweave'] });

  it.each([
    ['GET', '/collections'],
    ['POST', '/collections'],
    ['GET', '/collections/some-id'],
    ['DELETE', '/collections/some-id'],
    ['GET', '/source-connections'],
    ['GET', `/source-connections/${UNKNOWN_ORG}`],
    ['POST', `/source-connections/${UNKNOWN_ORG}/run`],
    ['GET', '/sources'],
  ])('no x-api-key on %s %s → 401 without rate-limit or WWW-Authenticate headers', async (method, p) => {
    const res = await awRaw(ctx.url, p, { key: null, method, ...(method === 'POST' ? { json: { name: 'Valid Name' } } : {}) });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ detail: 'No valid authentication provided' });
    expectBareAuthFailure(res);
  });

  it('every reply after authentication carries RateLimit-* headers (unlimited: 9999 of 9999), errors included', async () => {
    const replies = [
      await awRaw(ctx.url, '/collections'),
      await awRaw(ctx.url, '/collections?limit=0'),
      await awRaw(ctx.url, '/collections/no-such-collection'),
      await awRaw(ctx.url, '/collections', { method: 'POST', json: { name: 'abc' } }),
    ];
    expect(replies.map((r) => r.status)).toEqual([200, 422, 404, 422]);
    for (const r of replies) {
      expect(r.headers.get('ratelimit-limit')).toBe('9999');
      expect(r.headers.get('ratelimit-remaining')).toBe('9999');
      expect(Number(r.headers.get('ratelimit-reset'))).toBeGreaterThan(1_600_000_000);
    }
    // Routing answers before authentication: no caller, no counters.
    expect((await awRaw(ctx.url, '/nope')).headers.get('ratelimit-limit')).toBeNull();
  });

  it('an empty x-api-key is no key; a Bearer token alone is not accepted', async () => {
    const empty = await awRaw(ctx.url, '/collections', { key: null, headers: { 'x-api-key': '' } });
    expect(empty.status).toBe(401);
    const bearer = await awRaw(ctx.url, '/collections', { key: null, headers: { authorization: 'Bearer some-jwt' } });
    expect(bearer.status).toBe(401);
    expect(bearer.json).toEqual({ detail: 'No valid authentication provided' });
  });

  it('the header name is case-insensitive', async () => {
    const res = await awRaw(ctx.url, '/collections', { key: null, headers: { 'X-API-KEY': awKey() } });
    expect(res.status).toBe(200);
  });

  it('auth runs before validation: no key with a bad body, bad query or bad path id is 401, not 422', async () => {
    const cases = [
      awRaw(ctx.url, '/collections', { key: null, method: 'POST', json: { name: 'ab' } }),
      awRaw(ctx.url, '/collections', { key: null, method: 'POST', body: '{bad', headers: { 'content-type': 'application/json' } }),
      awRaw(ctx.url, '/collections?limit=0', { key: null }),
      awRaw(ctx.url, '/source-connections/not-a-uuid', { key: null }),
      awRaw(ctx.url, '/source-connections/00000000-0000-4000-8000-000000000000', { key: null, method: 'PATCH', json: {} }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ detail: 'No valid authentication provided' });
    }
  });

  it('any key works and is its own organisation: B cannot see, get, change or delete A\u2019s resources', async () => {
    const a = awKey('a');
    const b = awKey('b');
    const col = await awRaw(ctx.url, '/collections', { key: a, method: 'POST', json: { name: 'Private To A' } });
    expect(col.status).toBe(200);
    const id = col.json.readable_id;
    const conn = await awRaw(ctx.url, '/source-connections', { key: a, method: 'POST', json: CREATE_CONNECTION(id) });
    expect(conn.status).toBe(200);
    const connId = conn.json.id;
    const jobId = conn.json.sync.last_job.id;

    expect((await awRaw(ctx.url, '/collections', { key: b })).json).toEqual([]);
    expect((await awRaw(ctx.url, '/source-connections', { key: b })).json).toEqual([]);
    expect((await awRaw(ctx.url, `/source-connections?collection=${id}`, { key: b })).json).toEqual([]);
    const notFound: Array<[string, string, unknown?]> = [
      ['GET', `/collections/${id}`],
      ['PATCH', `/collections/${id}`, { name: 'Hijacked' }],
      ['DELETE', `/collections/${id}`],
      ['POST', `/collections/${id}/refresh_all`],
      ['GET', `/source-connections/${connId}`],
      ['PATCH', `/source-connections/${connId}`, { name: 'Hijacked' }],
      ['DELETE', `/source-connections/${connId}`],
      ['POST', `/source-connections/${connId}/run`],
      ['GET', `/source-connections/${connId}/jobs`],
      ['POST', `/source-connections/${connId}/jobs/${jobId}/cancel`],
    ];
    for (const [method, p, json] of notFound) {
      const res = await awRaw(ctx.url, p, { key: b, method, ...(json ? { json } : {}) });
      expect(res.status, `${method} ${p}`).toBe(404);
      expect(res.json.detail).toMatch(/not found$/);
    }
    // B cannot put a connection into A's collection either.
    const foreign = await awRaw(ctx.url, '/source-connections', { key: b, method: 'POST', json: CREATE_CONNECTION(id) });
    expect(foreign.status).toBe(404);
    expect(foreign.json).toEqual({ detail: 'Collection not found' });

    // A's resources are intact.
    const still = await awRaw(ctx.url, `/collections/${id}`, { key: a });
    expect(still.status).toBe(200);
    expect(still.json.name).toBe('Private To A');
    expect((await awRaw(ctx.url, `/source-connections/${connId}`, { key: a })).json.name).toBe('GitHub Connection');
    expect((await awRaw(ctx.url, `/source-connections/${connId}/jobs`, { key: a })).json[0].status).toBe('pending');
  });

  it('X-Organization-ID: the key\u2019s own organisation is fine (any case); another seen organisation → 403; an unknown UUID → 404; a non-UUID → 403', async () => {
    const a = awKey('a');
    const b = awKey('b');
    const orgA = (await awRaw(ctx.url, '/collections', { key: a, method: 'POST', json: { name: 'Org Header' } })).json.organization_id;
    const orgB = (await awRaw(ctx.url, '/collections', { key: b, method: 'POST', json: { name: 'Org Header B' } })).json.organization_id;
    expect((await awRaw(ctx.url, '/collections', { key: a, headers: { 'x-organization-id': orgA } })).status).toBe(200);
    expect((await awRaw(ctx.url, '/collections', { key: a, headers: { 'X-Organization-ID': orgA.toUpperCase() } })).status).toBe(200);
    const foreign = await awRaw(ctx.url, '/collections', { key: a, headers: { 'x-organization-id': orgB } });
    expect(foreign.status).toBe(403);
    expect(foreign.json).toEqual({ detail: `API key does not have access to organization ${orgB}` });
    const unknown = await awRaw(ctx.url, '/collections', { key: a, headers: { 'x-organization-id': UNKNOWN_ORG } });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ detail: `Organization ${UNKNOWN_ORG} not found` });
    const garbage = await awRaw(ctx.url, '/collections', { key: a, headers: { 'x-organization-id': 'not-a-uuid' } });
    expect(garbage.status).toBe(403);
    expect(garbage.json).toEqual({ detail: 'API key does not have access to organization not-a-uuid' });
    expectBareAuthFailure(garbage);
  });
});

describe('Airweave auth: framework errors and request bodies', () => {
  const ctx = useServer({ providers: ['airweave'] });

  it('unknown route → 404 {"detail":"Not Found"} with or without a key', async () => {
    for (const key of [null, awKey()]) {
      for (const p of ['/nope', '/collections/a/b/c', '/v1/collections', '/source-connections/x/y']) {
        const res = await awRaw(ctx.url, p, { key });
        expect(res.status, p).toBe(404);
        expect(res.json).toEqual({ detail: 'Not Found' });
      }
    }
  });

  it('wrong method → 405 {"detail":"Method Not Allowed"} without a key', async () => {
    for (const [method, p] of [
      ['PUT', '/collections'],
      ['DELETE', '/collections'],
      ['POST', '/collections/some-id'],
      ['GET', '/collections/some-id/refresh_all'],
      ['PUT', '/source-connections'],
    ] as const) {
      const res = await awRaw(ctx.url, p, { key: null, method });
      expect(res.status, `${method} ${p}`).toBe(405);
      expect(res.json).toEqual({ detail: 'Method Not Allowed' });
    }
  });

  it.each([
    ['{"name": ', 'body.9'],
    ['{bad', 'body.1'],
    ['{"name" "x"}', 'body.8'],
  ])('malformed JSON %j → 422 at %s', async (text, loc) => {
    const res = await awRaw(ctx.url, '/collections', { key: awKey(), method: 'POST', body: text, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(422);
    expect(res.json).toEqual({ errors: [{ [loc]: 'JSON decode error' }] });
  });

  it('a non-JSON content type → 422 (the body is not an object)', async () => {
    const key = awKey();
    const res = await awRaw(ctx.url, '/collections', { key, method: 'POST', body: '{"name":"Valid Name"}', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(422);
    expect(res.json).toEqual({ errors: [{ body: 'Input should be a valid dictionary or object to extract fields from' }] });
    expect((await awRaw(ctx.url, '/collections', { key })).json).toEqual([]);
  });

  it('a JSON array or scalar body → 422 body not an object; no body → 422 Field required', async () => {
    const key = awKey();
    for (const json of [[{ name: 'Valid Name' }], 'Valid Name', 42]) {
      const res = await awRaw(ctx.url, '/collections', { key, method: 'POST', json });
      expect(res.status).toBe(422);
      expect(res.json).toEqual({ errors: [{ body: 'Input should be a valid dictionary or object to extract fields from' }] });
    }
    const none = await awRaw(ctx.url, '/collections', { key, method: 'POST' });
    expect(none.status).toBe(422);
    expect(none.json).toEqual({ errors: [{ body: 'Field required' }] });
  });

  it('a body over 1 MiB → 413 {detail}', async () => {
    const key = awKey();
    const res = await awRaw(ctx.url, '/collections', { key, method: 'POST', json: { name: 'Too Big', padding: 'x'.repeat(1024 * 1024 + 10) } });
    expect(res.status).toBe(413);
    expect(Object.keys(res.json)).toEqual(['detail']);
    expect(res.json.detail).toEqual(expect.any(String));
    expect((await awRaw(ctx.url, '/collections', { key })).json).toEqual([]);
  });

  it('__proto__ and constructor keys are harmless', async () => {
    const key = awKey();
    const res = await awRaw(ctx.url, '/collections', {
      key,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Proto Test","__proto__":{"polluted":true,"readable_id":"hijack"},"constructor":{"prototype":{"polluted":true}}}',
    });
    expect(res.status).toBe(200);
    expect(res.json.readable_id).toMatch(/^proto-test-[a-z0-9]{6}$/);
    expect(res.json).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const patched = await awRaw(ctx.url, `/collections/${res.json.readable_id}`, {
      key,
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"__proto__":{"name":"Hijacked Name"}}',
    });
    expect(patched.status).toBe(200);
    expect(patched.json.name).toBe('Proto Test');
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });
});

describe('Airweave auth: key file mode', () => {
  const ctx = useServer({ providers: ['airweave'], apiKeys: { airweave: [{ key: 'aw-a', organization: ORG_A }, { key: 'aw-b' }] } });
  let keyB_org: string;

  it('listed keys work, each in its organisation; aw-a is in the organisation the file names', async () => {
    const a = await awRaw(ctx.url, '/collections', { key: 'aw-a', method: 'POST', json: { name: 'Key File A' } });
    expect(a.status).toBe(200);
    expect(a.json.organization_id).toBe(ORG_A);
    const b = await awRaw(ctx.url, '/collections', { key: 'aw-b', method: 'POST', json: { name: 'Key File B' } });
    expect(b.status).toBe(200);
    expect(b.json.organization_id).not.toBe(ORG_A);
    keyB_org = b.json.organization_id;
    expect((await awRaw(ctx.url, '/collections', { key: 'aw-b' })).json.map((c: any) => c.name)).toEqual(['Key File B']);
  });

  it('an unknown key → 403 Invalid or expired API key, without rate-limit headers', async () => {
    const res = await awRaw(ctx.url, '/collections', { key: 'aw-unknown' });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ detail: 'Invalid or expired API key' });
    expectBareAuthFailure(res);
  });

  it('auth runs before validation: an unknown key with a bad body is 403, not 422', async () => {
    const res = await awRaw(ctx.url, '/collections', { key: 'aw-unknown', method: 'POST', json: { name: 1 } });
    expect(res.status).toBe(403);
    const bad = await awRaw(ctx.url, '/collections', { key: 'aw-unknown', method: 'POST', body: '{bad', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(403);
    // An organisation problem also comes before validation.
    const org = await awRaw(ctx.url, '/collections?limit=0', { key: 'aw-a', headers: { 'x-organization-id': UNKNOWN_ORG } });
    expect(org.status).toBe(404);
  });

  it('X-Organization-ID: own (any case) → OK; another known organisation → 403; unknown UUID → 404; non-UUID → 403', async () => {
    expect((await awRaw(ctx.url, '/collections', { key: 'aw-a', headers: { 'x-organization-id': ORG_A } })).status).toBe(200);
    expect((await awRaw(ctx.url, '/collections', { key: 'aw-a', headers: { 'x-organization-id': ORG_A.toUpperCase() } })).status).toBe(200);
    const foreign = await awRaw(ctx.url, '/collections', { key: 'aw-b', headers: { 'x-organization-id': ORG_A } });
    expect(foreign.status).toBe(403);
    expect(foreign.json).toEqual({ detail: `API key does not have access to organization ${ORG_A}` });
    const foreignB = await awRaw(ctx.url, '/collections', { key: 'aw-a', headers: { 'x-organization-id': keyB_org } });
    expect(foreignB.status).toBe(403);
    const unknown = await awRaw(ctx.url, '/collections', { key: 'aw-a', headers: { 'x-organization-id': UNKNOWN_ORG } });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ detail: `Organization ${UNKNOWN_ORG} not found` });
    const garbage = await awRaw(ctx.url, '/collections', { key: 'aw-a', headers: { 'x-organization-id': 'org-123' } });
    expect(garbage.status).toBe(403);
    expect(garbage.json).toEqual({ detail: 'API key does not have access to organization org-123' });
  });

  it('unknown route and wrong method need no key here either', async () => {
    const route = await awRaw(ctx.url, '/nope', { key: null });
    expect(route.status).toBe(404);
    expect(route.json).toEqual({ detail: 'Not Found' });
    const method = await awRaw(ctx.url, '/collections', { key: null, method: 'PUT' });
    expect(method.status).toBe(405);
    expect(method.json).toEqual({ detail: 'Method Not Allowed' });
  });
});

describe('Airweave auth: key file from YAML', () => {
  let dir: string;
  let server: MockServer | undefined;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-keys-'));
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads keys and organisations from a YAML file', async () => {
    const file = path.join(dir, 'keys.yaml');
    fs.writeFileSync(file, `airweave:\n  - key: yaml-key-1\n    organization: ${ORG_A}\n  - key: yaml-key-2\n`);
    server = await startServer({ providers: ['airweave'], apiKeys: file });
    const ok = await awRaw(server.url, '/collections', { key: 'yaml-key-1', method: 'POST', json: { name: 'From Yaml' } });
    expect(ok.status).toBe(200);
    expect(ok.json.organization_id).toBe(ORG_A);
    expect((await awRaw(server.url, '/collections', { key: 'yaml-key-2' })).json).toEqual([]);
    expect((await awRaw(server.url, '/collections', { key: 'aw-test-key' })).status).toBe(403);
    expect(server.selfCheckFailures).toEqual([]);
  });
});

describe('Airweave auth: malformed key entries', () => {
  it.each([
    ['an entry without a key', [{ organization: ORG_A }], /entry 0: needs a non-empty "key"/],
    ['an empty key', [{ key: '' }], /entry 0: needs a non-empty "key"/],
    ['an organization that is not a UUID', [{ key: 'k1', organization: 'acme' }], /entry 0: "organization" must be a UUID/],
    ['a key listed twice', [{ key: 'k1' }, { key: 'k1', organization: ORG_A }], /entry 1: a key is listed twice/],
    ['a section that is not a list', { key: 'k1' }, /expected a list/],
  ])('%s → createMockServer rejects', async (_label, entries, message) => {
    await expect(createMockServer({ port: 0, clock: 'manual', quiet: true, providers: ['airweave'], apiKeys: { airweave: entries } })).rejects.toThrow(message);
  });
});
