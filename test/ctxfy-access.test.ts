/**
 * Ctxfy access and plumbing: Bearer auth and per-user tenancy, public /health
 * and /metrics, API keys (mint, list, revoke, expiry), the --api-keys file,
 * per-user rate limits and their headers, spaces, the collection tree (with
 * the Create collection reference page's request), presigned uploads served by the mock, and framework errors (bad JSON,
 * wrong media type, unknown routes, size limits).
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../src/server.js';
import { startServer, useServer } from './support/server.js';
import { type Res } from './support/client.js';
import { NOT_FOUND, REFERENCE_COLLECTION, UNAUTHORIZED, cx, ctxfyApi, expectCtxfyError, expectFieldError, freshKey, type CtxfyApi } from './support/ctxfy.js';

const FIXTURE_KEYS = fileURLToPath(new URL('../fixtures/api-keys.yaml', import.meta.url));
const DEMO_USER = '5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const UNAUTHORIZED_BODY = { error: 'Unauthorized', message: UNAUTHORIZED, code: 401 };
const NOT_FOUND_BODY = { error: 'Not Found', message: NOT_FOUND, code: 404 };
const CONFLICT_BODY = { error: 'Conflict', message: 'The request conflicts with the current state of the resource', code: 409, details: 'Resource already exists' };
const INVALID = 'The request contains invalid parameters or malformed data';

const RATE_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'];

function expectNoRateHeaders(res: Res): void {
  for (const name of RATE_HEADERS) expect(res.headers.get(name), name).toBeNull();
}

/** The documented 401, byte for byte, with no rate-limit headers. */
function expectUnauthorized(res: Res): void {
  expectCtxfyError(res, 401, UNAUTHORIZED);
  expect(res.json).toEqual(UNAUTHORIZED_BODY);
  expectNoRateHeaders(res);
}

function expectNotFound(res: Res): void {
  expectCtxfyError(res, 404, NOT_FOUND);
  expect(res.json).toEqual(NOT_FOUND_BODY);
}

function rate(res: Res): { limit: number; remaining: number; reset: number } {
  const get = (name: string): number => {
    const v = res.headers.get(name);
    expect(v, `${name} on ${res.status}`).not.toBeNull();
    expect(v).toMatch(/^\d+$/);
    return Number(v);
  };
  return { limit: get('x-ratelimit-limit'), remaining: get('x-ratelimit-remaining'), reset: get('x-ratelimit-reset') };
}

/** Epoch seconds at which a window opened at `startMs` ends. */
const windowEnd = (startMs: number): number => Math.ceil((startMs + 60_000) / 1000);

async function ok(res: Promise<Res> | Res, status = 200): Promise<any> {
  const r = await res;
  expect(r.status, r.text).toBe(status);
  return r.json;
}

const createSpace = (a: CtxfyApi, name = 'Project Atlas', extra: Record<string, unknown> = {}) => ok(a.post('/v1/spaces', { name, ...extra }), 201);
const createCollection = (a: CtxfyApi, spaceId: string, name: string, parentId?: string | null) =>
  ok(a.post(`/v1/spaces/${spaceId}/collections`, { name, ...(parentId !== undefined ? { parentId } : {}) }), 201);
const CONTENT_SOURCE = { type: 'CONTENT', initial_data: { data: 'Some inline text' }, instructions: {} };

function metric(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('Ctxfy on the default server (no rate limit, no key file)', () => {
  const ctx = useServer({ providers: ['ctxfy'] });
  const api = (key: string | null) => ctxfyApi(ctx.url, key);
  const nowIso = () => new Date(ctx.server.clock.nowMs()).toISOString();

  describe('auth and tenancy', () => {
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/v1/spaces'],
      ['POST', '/v1/spaces', { name: 'Needs Auth' }],
      ['POST', '/v1/spaces', {}],
      ['GET', `/v1/spaces/${randomUUID()}`],
      ['POST', '/v1/spaces/example_string/collections', REFERENCE_COLLECTION],
      ['GET', `/v1/sources/${randomUUID()}`],
      ['POST', '/v1/upload/s3', { filename: 'notes.pdf', contentType: 'application/pdf', size: 10 }],
      ['GET', '/v1/api-keys'],
      ['POST', '/v1/api-keys', { name: 'CI key' }],
      ['DELETE', `/v1/api-keys/${randomUUID()}`],
    ];
    const headers: Array<[string, Record<string, string>]> = [
      ['no Authorization header', {}],
      ['the Token scheme', { authorization: 'Token x' }],
      ['Bearer with an empty token', { authorization: 'Bearer ' }],
      ['the word Bearer alone', { authorization: 'Bearer' }],
      ['Basic credentials', { authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` }],
    ];

    it.each(headers)('%s is 401 with the documented body and no rate-limit headers, on every /v1 route and before the body is looked at', async (_label, h) => {
      for (const [method, path, json] of routes) {
        const res = await cx(ctx.url, path, { method, key: null, headers: h, ...(json !== undefined ? { json } : {}) });
        expectUnauthorized(res);
      }
      // Even a malformed body is not looked at without credentials.
      expectUnauthorized(await cx(ctx.url, '/v1/spaces', { method: 'POST', key: null, body: '{bad', headers: { ...h, 'content-type': 'application/json' } }));
    });

    it('the scheme word is matched case-insensitively: bearer and BEARER reach the same user as Bearer', async () => {
      const token = freshKey('case');
      const space = await createSpace(api(token), 'Case Space');
      for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
        const res = await cx(ctx.url, '/v1/spaces', { key: null, headers: { authorization: `${scheme} ${token}` } });
        expect(res.status, scheme).toBe(200);
        expect(res.json.spaces.map((s: any) => s.id)).toEqual([space.id]);
      }
    });

    it('any other non-empty token is a user of its own: B gets 404 (never 403) on A\u2019s space and sees an empty list', async () => {
      const a = api(freshKey('iso-a'));
      const b = api(freshKey('iso-b'));
      const space = await createSpace(a, 'Private To A', { description: 'secret' });
      await createCollection(a, space.id, 'Research');

      const list = await ok(b.get('/v1/spaces'));
      expect(list).toEqual({ spaces: [], pagination: { page: 1, per_page: 20, total: 0, pages: 0 } });
      const attempts = [
        b.get(`/v1/spaces/${space.id}`),
        b.put(`/v1/spaces/${space.id}`, { name: 'Hijacked' }),
        b.del(`/v1/spaces/${space.id}`),
        b.get(`/v1/spaces/${space.id}/collections`),
        b.post(`/v1/spaces/${space.id}/collections`, { name: 'Intruder' }),
        b.post(`/v1/spaces/${space.id}/sources`, CONTENT_SOURCE),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).not.toBe(403);
        expectNotFound(res);
      }
      // A still has everything, unchanged.
      expect(await ok(a.get(`/v1/spaces/${space.id}`))).toEqual(space);
      const tree = await ok(a.get(`/v1/spaces/${space.id}/collections`));
      expect(tree.collections.map((c: any) => c.name)).toEqual(['Research']);
    });

    it('the same token is the same user on every call; different tokens have different user ids', async () => {
      const token = freshKey('same');
      const first = await createSpace(api(token), 'First');
      const second = await createSpace(api(token), 'Second');
      expect(first.userId).toMatch(UUID);
      expect(second.userId).toBe(first.userId);
      const listed = await ok(api(token).get('/v1/spaces'));
      expect(listed.spaces.map((s: any) => s.name)).toEqual(['Second', 'First']);
      const other = await createSpace(api(freshKey('other')), 'Other');
      expect(other.userId).toMatch(UUID);
      expect(other.userId).not.toBe(first.userId);
    });

    it('/health needs no auth, ignores a bad Authorization header and carries no rate-limit headers', async () => {
      for (const init of [{ key: null }, { key: null, headers: { authorization: 'Token x' } }, { key: freshKey('health') }]) {
        const res = await cx(ctx.url, '/health', init);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(res.json).toEqual({ status: 'ok', checks: { database: 'ok', queue: 'ok' }, timestamp: nowIso() });
        expectNoRateHeaders(res);
      }
    });

    it('/metrics needs no auth, is Prometheus text without rate-limit headers, and counts requests by operation', async () => {
      const before = await cx(ctx.url, '/metrics', { key: null });
      expect(before.status).toBe(200);
      expect(before.headers.get('content-type')).toMatch(/^text\/plain/);
      expectNoRateHeaders(before);
      expect(before.text).toMatch(/^# HELP /);
      expect(before.text).toMatch(/^ctxfy_sources\{status="COMPLETED"\} \d+$/m);
      expect(before.text).toMatch(/^# TYPE ctxfy_http_requests_total counter$/m);

      const key = freshKey('metrics');
      await ok(api(key).get('/v1/spaces'));
      await ok(api(key).get('/v1/spaces'));
      await ok(cx(ctx.url, '/health', { key: null }));
      const after = await cx(ctx.url, '/metrics', { key: freshKey('metrics-reader') });
      expectNoRateHeaders(after);
      const count = (text: string, op: string) => metric(text, `ctxfy_http_requests_total{operation="${op}"}`) ?? 0;
      expect(count(after.text, 'listSpaces')).toBe(count(before.text, 'listSpaces') + 2);
      expect(count(after.text, 'getHealth')).toBe(count(before.text, 'getHealth') + 1);
      expect(count(after.text, 'getMetrics')).toBe(count(before.text, 'getMetrics') + 1);
    });

    it('/metrics counts live sources by status: a source that completes moves the COMPLETED gauge by one', async () => {
      ctx.server.clock.advance(10_000); // let anything started earlier finish first
      const completed = async () => metric((await cx(ctx.url, '/metrics', { key: null })).text, 'ctxfy_sources{status="COMPLETED"}');
      const base = await completed();
      expect(base).toEqual(expect.any(Number));
      const a = api(freshKey('metric-src'));
      const space = await createSpace(a, 'Metrics');
      const source = await ok(a.post(`/v1/spaces/${space.id}/sources`, CONTENT_SOURCE), 201);
      expect(source.status).toBe('CREATED');
      expect(await completed()).toBe(base);
      ctx.server.clock.advance(3_000);
      expect((await ok(a.get(`/v1/sources/${source.id}`))).status).toBe('COMPLETED');
      expect(await completed()).toBe(base! + 1);
    });
  });

  describe('API keys', () => {
    it('POST /v1/api-keys with a name and a future expiry → 201 with a ctx_ secret, its 12-character prefix and revoked_at null', async () => {
      const expiry = new Date(ctx.server.clock.nowMs() + 30 * 86_400_000).toISOString();
      const res = await api(freshKey('mint')).post('/v1/api-keys', { name: 'CI key', expiration_date: expiry });
      expect(res.status, res.text).toBe(201);
      const key = res.json;
      expect(Object.keys(key).sort()).toEqual(['api_key', 'created_at', 'expiration_date', 'id', 'key_prefix', 'name', 'revoked_at']);
      expect(key.api_key).toMatch(/^ctx_[A-Za-z0-9]{40}$/);
      expect(key.key_prefix).toBe(key.api_key.slice(0, 12));
      expect(key).toMatchObject({ name: 'CI key', expiration_date: expiry, created_at: nowIso(), revoked_at: null });
      expect(key.id).toMatch(UUID);
    });

    it('an empty object or no body at all mints a key with name and expiration_date null', async () => {
      const token = freshKey('bare');
      const empty = await ok(api(token).post('/v1/api-keys', {}), 201);
      const none = await ok(cx(ctx.url, '/v1/api-keys', { method: 'POST', key: token }), 201);
      for (const key of [empty, none]) {
        expect(key).toMatchObject({ name: null, expiration_date: null, revoked_at: null });
        expect(key.api_key).toMatch(/^ctx_[A-Za-z0-9]{40}$/);
      }
      expect(none.api_key).not.toBe(empty.api_key);
      expect(none.id).not.toBe(empty.id);
    });

    it('a past expiration_date and a malformed one are 400 on expiration_date; no key is made', async () => {
      const a = api(freshKey('baddate'));
      const past = new Date(ctx.server.clock.nowMs() - 1000).toISOString();
      expectFieldError(await a.post('/v1/api-keys', { name: 'Old', expiration_date: past }), 'expiration_date');
      expectFieldError(await a.post('/v1/api-keys', { name: 'Now', expiration_date: nowIso() }), 'expiration_date');
      expectFieldError(await a.post('/v1/api-keys', { name: 'Bad', expiration_date: 'next tuesday' }), 'expiration_date');
      expectFieldError(await a.post('/v1/api-keys', { name: 'Bad', expiration_date: '2030-13-45' }), 'expiration_date');
      expect((await ok(a.get('/v1/api-keys'))).pagination.total).toBe(0);
    });

    it('a minted key is a Bearer token of the same user: it sees and changes the same data', async () => {
      const ownerToken = freshKey('owner');
      const owner = api(ownerToken);
      const space = await createSpace(owner, 'Shared Through Keys');
      const minted = await ok(owner.post('/v1/api-keys', { name: 'second' }), 201);
      const viaKey = api(minted.api_key);
      const listed = await ok(viaKey.get('/v1/spaces'));
      expect(listed.spaces).toEqual([space]);
      const made = await createSpace(viaKey, 'Made With Minted Key');
      expect(made.userId).toBe(space.userId);
      expect((await ok(owner.get('/v1/spaces'))).spaces.map((s: any) => s.id)).toEqual([made.id, space.id]);
      // The key it minted is in the list it sees, too.
      expect((await ok(viaKey.get('/v1/api-keys'))).api_keys.map((k: any) => k.id)).toEqual([minted.id]);
      // Another user does not see that key.
      expect((await ok(api(freshKey('stranger')).get('/v1/api-keys'))).api_keys).toEqual([]);
    });

    it('GET /v1/api-keys lists keys newest first without secrets, with page metadata', async () => {
      const a = api(freshKey('list'));
      const made = [];
      for (const name of ['one', 'two', 'three']) {
        made.push(await ok(a.post('/v1/api-keys', { name }), 201));
        ctx.server.clock.advance(1000);
      }
      const list = await ok(a.get('/v1/api-keys'));
      expect(Object.keys(list).sort()).toEqual(['api_keys', 'pagination']);
      expect(list.pagination).toEqual({ page: 1, per_page: 20, total: 3, pages: 1 });
      expect(list.api_keys.map((k: any) => k.name)).toEqual(['three', 'two', 'one']);
      for (const k of list.api_keys) expect(k).not.toHaveProperty('api_key');
      const { api_key: _secret, ...withoutSecret } = made[0]!;
      expect(list.api_keys[2]).toEqual(withoutSecret);

      const page2 = await ok(a.get('/v1/api-keys?per_page=2&page=2'));
      expect(page2.pagination).toEqual({ page: 2, per_page: 2, total: 3, pages: 2 });
      expect(page2.api_keys.map((k: any) => k.name)).toEqual(['one']);
      expectFieldError(await a.get('/v1/api-keys?per_page=0'), 'per_page');
    });

    it('DELETE /v1/api-keys/{id} revokes: 200 with revoked_at, the key stays listed, then gets 401; a second revoke changes nothing', async () => {
      const a = api(freshKey('revoke'));
      const key = await ok(a.post('/v1/api-keys', { name: 'to revoke' }), 201);
      await ok(api(key.api_key).get('/v1/spaces'));

      const revokedAt = nowIso();
      const res = await a.del(`/v1/api-keys/${key.id}`);
      expect(res.status, res.text).toBe(200);
      const { api_key: _secret, ...rest } = key;
      expect(res.json).toEqual({ ...rest, revoked_at: revokedAt });
      rate(res);

      expectUnauthorized(await api(key.api_key).get('/v1/spaces'));
      expectUnauthorized(await api(key.api_key).post('/v1/spaces', { name: 'Nope' }));
      const listed = await ok(a.get('/v1/api-keys'));
      expect(listed.api_keys).toEqual([{ ...rest, revoked_at: revokedAt }]);

      ctx.server.clock.advance(5000);
      const again = await a.del(`/v1/api-keys/${key.id}`);
      expect(again.status).toBe(200);
      expect(again.json.revoked_at).toBe(revokedAt);
      expectUnauthorized(await api(key.api_key).get('/v1/spaces'));
    });

    it('revoking an unknown id or another user\u2019s key is 404, and the other user\u2019s key keeps working', async () => {
      const a = api(freshKey('rev-a'));
      const b = api(freshKey('rev-b'));
      const bKey = await ok(b.post('/v1/api-keys', { name: 'B key' }), 201);
      expectNotFound(await a.del(`/v1/api-keys/${randomUUID()}`));
      expectNotFound(await a.del('/v1/api-keys/not-a-uuid'));
      expectNotFound(await a.del(`/v1/api-keys/${bKey.id}`));
      await ok(api(bKey.api_key).get('/v1/spaces'));
      expect((await ok(b.get('/v1/api-keys'))).api_keys[0].revoked_at).toBeNull();
    });

    it('a key may revoke itself: 200, and its next call is 401 while the user\u2019s other key still works', async () => {
      const ownerToken = freshKey('self');
      const key = await ok(api(ownerToken).post('/v1/api-keys', { name: 'self' }), 201);
      const self = api(key.api_key);
      const res = await self.del(`/v1/api-keys/${key.id}`);
      expect(res.status, res.text).toBe(200);
      expect(res.json.revoked_at).toBe(nowIso());
      expectUnauthorized(await self.get('/v1/api-keys'));
      expect((await ok(api(ownerToken).get('/v1/api-keys'))).api_keys[0].revoked_at).toBe(res.json.revoked_at);
    });

    it('a key with an expiration a few seconds ahead works until then and is 401 once the clock passes it', async () => {
      const a = api(freshKey('expiry'));
      const key = await ok(a.post('/v1/api-keys', { name: 'short', expiration_date: new Date(ctx.server.clock.nowMs() + 5000).toISOString() }), 201);
      const viaKey = api(key.api_key);
      await ok(viaKey.get('/v1/spaces'));
      ctx.server.clock.advance(4000);
      await ok(viaKey.get('/v1/spaces'));
      ctx.server.clock.advance(2000);
      expectUnauthorized(await viaKey.get('/v1/spaces'));
      // Expired is not revoked: the list still says revoked_at null.
      const listed = await ok(a.get('/v1/api-keys'));
      expect(listed.api_keys[0]).toMatchObject({ id: key.id, revoked_at: null });
    });
  });

  describe('rate-limit headers without enforcement', () => {
    it('every authenticated /v1 reply (200, 201, 400, 404) carries limit 100, a remaining count going down and the window end', async () => {
      const a = api(freshKey('headers'));
      const start = ctx.server.clock.nowMs();
      const replies = [
        await a.get('/v1/spaces'),
        await a.post('/v1/spaces', { name: 'Counted' }),
        await a.post('/v1/spaces', {}),
        await a.get(`/v1/spaces/${randomUUID()}`),
        await a.post('/v1/api-keys', { expiration_date: 'soon' }),
        await a.post('/v1/spaces/example_string/collections', REFERENCE_COLLECTION),
      ];
      expect(replies.map((r) => r.status)).toEqual([200, 201, 400, 404, 400, 404]);
      replies.forEach((r, i) => {
        expect(rate(r)).toEqual({ limit: 100, remaining: 99 - i, reset: windowEnd(start) });
        expect(r.headers.get('retry-after')).toBeNull();
      });
      // Routing answers before authentication: no caller, no counters.
      expectNoRateHeaders(await a.get('/v1/nothing'));
    });

    it('120 requests in one window all succeed; remaining stops at 0 and never goes negative', async () => {
      const a = api(freshKey('many'));
      const statuses: number[] = [];
      const remaining: number[] = [];
      for (let i = 0; i < 120; i++) {
        const r = await a.get('/v1/spaces');
        statuses.push(r.status);
        remaining.push(rate(r).remaining);
      }
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(remaining.slice(0, 3)).toEqual([99, 98, 97]);
      expect(remaining[99]).toBe(0);
      expect(remaining.slice(100).every((n) => n === 0)).toBe(true);
    });
  });

  describe('spaces', () => {
    it('create: 201 with the name trimmed, description null by default, the caller\u2019s userId and equal timestamps', async () => {
      const a = api(freshKey('sp-create'));
      const res = await a.post('/v1/spaces', { name: '  Project Atlas  ' });
      expect(res.status, res.text).toBe(201);
      rate(res);
      expect(Object.keys(res.json).sort()).toEqual(['createdAt', 'description', 'id', 'name', 'updatedAt', 'userId']);
      expect(res.json).toMatchObject({ name: 'Project Atlas', description: null, createdAt: nowIso(), updatedAt: nowIso() });
      expect(res.json.id).toMatch(UUID);
      expect(res.json.userId).toMatch(UUID);
      const withDescription = await createSpace(a, 'Described', { description: 'Design docs' });
      expect(withDescription.description).toBe('Design docs');
      const nullDescription = await createSpace(a, 'Null Described', { description: null });
      expect(nullDescription.description).toBeNull();
      expect(await ok(a.get(`/v1/spaces/${res.json.id}`))).toEqual(res.json);
    });

    it('create: a missing name is 400 "name is required"; a blank one is 400 on name; nothing is stored', async () => {
      const a = api(freshKey('sp-bad'));
      const missing = await a.post('/v1/spaces', { description: 'no name' });
      expectFieldError(missing, 'name', 'name is required');
      expect(missing.json.message).toBe(INVALID);
      expectFieldError(await a.post('/v1/spaces', { name: '   ' }), 'name');
      expectFieldError(await a.post('/v1/spaces', { name: '' }), 'name');
      expectFieldError(await a.post('/v1/spaces', { name: 42 }), 'name');
      expectFieldError(await a.post('/v1/spaces', { name: 'x'.repeat(256) }), 'name');
      expect((await ok(a.get('/v1/spaces'))).pagination.total).toBe(0);
    });

    it('list: newest first, page/per_page default to 1/20, later pages and a page past the end keep the real total', async () => {
      const a = api(freshKey('sp-list'));
      for (const name of ['Alpha', 'Beta', 'Gamma']) {
        await createSpace(a, name);
        ctx.server.clock.advance(1000);
      }
      const all = await ok(a.get('/v1/spaces'));
      expect(all.spaces.map((s: any) => s.name)).toEqual(['Gamma', 'Beta', 'Alpha']);
      expect(all.pagination).toEqual({ page: 1, per_page: 20, total: 3, pages: 1 });
      const first = await ok(a.get('/v1/spaces?per_page=2'));
      expect(first.spaces.map((s: any) => s.name)).toEqual(['Gamma', 'Beta']);
      expect(first.pagination).toEqual({ page: 1, per_page: 2, total: 3, pages: 2 });
      const second = await ok(a.get('/v1/spaces?per_page=2&page=2'));
      expect(second.spaces.map((s: any) => s.name)).toEqual(['Alpha']);
      expect(second.pagination).toEqual({ page: 2, per_page: 2, total: 3, pages: 2 });
      const past = await ok(a.get('/v1/spaces?per_page=2&page=5'));
      expect(past).toEqual({ spaces: [], pagination: { page: 5, per_page: 2, total: 3, pages: 2 } });
      const max = await ok(a.get('/v1/spaces?per_page=100'));
      expect(max.pagination).toEqual({ page: 1, per_page: 100, total: 3, pages: 1 });
    });

    it.each([
      ['per_page=0', 'per_page'],
      ['per_page=101', 'per_page'],
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['page=abc', 'page'],
    ])('list with %s → 400 naming %s', async (query, field) => {
      const res = await api(freshKey('sp-q')).get(`/v1/spaces?${query}`);
      expectFieldError(res, field);
      rate(res);
    });

    it('PUT is a partial update: description alone keeps the name, a name is trimmed, null clears the description, {} is 400', async () => {
      const a = api(freshKey('sp-put'));
      const space = await createSpace(a, 'Original', { description: 'first' });
      ctx.server.clock.advance(2000);
      const described = await ok(a.put(`/v1/spaces/${space.id}`, { description: 'second' }));
      expect(described).toEqual({ ...space, description: 'second', updatedAt: nowIso() });
      expect(described.updatedAt).not.toBe(space.updatedAt);
      const renamed = await ok(a.put(`/v1/spaces/${space.id}`, { name: '  Renamed  ' }));
      expect(renamed).toMatchObject({ name: 'Renamed', description: 'second', createdAt: space.createdAt });
      const cleared = await ok(a.put(`/v1/spaces/${space.id}`, { description: null }));
      expect(cleared).toMatchObject({ name: 'Renamed', description: null });

      expectFieldError(await a.put(`/v1/spaces/${space.id}`, {}), 'body');
      expectFieldError(await a.put(`/v1/spaces/${space.id}`, { name: '   ' }), 'name');
      expectNotFound(await a.put(`/v1/spaces/${randomUUID()}`, { name: 'Ghost' }));
      expect(await ok(a.get(`/v1/spaces/${space.id}`))).toEqual(cleared);
    });

    it('GET and DELETE of an unknown or malformed id are 404', async () => {
      const a = api(freshKey('sp-404'));
      for (const id of [randomUUID(), 'example_string']) {
        expectNotFound(await a.get(`/v1/spaces/${id}`));
        expectNotFound(await a.del(`/v1/spaces/${id}`));
      }
    });

    it('DELETE returns the space and cascades: its collection tree and sources are 404 afterwards, other spaces are untouched', async () => {
      const a = api(freshKey('sp-del'));
      const doomed = await createSpace(a, 'Doomed');
      const kept = await createSpace(a, 'Kept');
      const root = await createCollection(a, doomed.id, 'Root');
      await createCollection(a, doomed.id, 'Child', root.id);
      const source = await ok(a.post(`/v1/spaces/${doomed.id}/sources`, { ...CONTENT_SOURCE, collectionId: root.id }), 201);
      const keptCollection = await createCollection(a, kept.id, 'Root');
      const keptSource = await ok(a.post(`/v1/spaces/${kept.id}/sources`, CONTENT_SOURCE), 201);

      const res = await a.del(`/v1/spaces/${doomed.id}`);
      expect(res.status, res.text).toBe(200);
      expect(res.json).toEqual(doomed);

      expectNotFound(await a.get(`/v1/spaces/${doomed.id}`));
      expectNotFound(await a.get(`/v1/spaces/${doomed.id}/collections`));
      expectNotFound(await a.post(`/v1/spaces/${doomed.id}/collections`, { name: 'Late' }));
      expectNotFound(await a.get(`/v1/sources/${source.id}`));
      expectNotFound(await a.del(`/v1/spaces/${doomed.id}`));
      // Its collection id cannot be borrowed by another space either.
      expectNotFound(await a.post(`/v1/spaces/${kept.id}/collections`, { name: 'Orphan', parentId: root.id }));

      expect((await ok(a.get('/v1/spaces'))).spaces.map((s: any) => s.id)).toEqual([kept.id]);
      expect((await ok(a.get(`/v1/spaces/${kept.id}/collections`))).collections).toEqual([keptCollection]);
      expect((await ok(a.get(`/v1/sources/${keptSource.id}`))).id).toBe(keptSource.id);
      // Nothing of the deleted space finishes later.
      ctx.server.clock.advance(10_000);
      expectNotFound(await a.get(`/v1/sources/${source.id}`));
    });
  });

  describe('collections (the Create collection reference page)', () => {
    it('the reference page\'s request verbatim (space example_string) → 404 with exactly the documented envelope', async () => {
      const res = await cx(ctx.url, '/v1/spaces/example_string/collections', { method: 'POST', key: freshKey('reference'), json: REFERENCE_COLLECTION });
      expectNotFound(res);
      expect(res.text).toBe(JSON.stringify(NOT_FOUND_BODY));
      rate(res);
    });

    it('the reference page\'s body in a real space is 404 too: parentId example_string is no collection of the space', async () => {
      const a = api(freshKey('reference-real'));
      const space = await createSpace(a);
      expectNotFound(await a.post(`/v1/spaces/${space.id}/collections`, REFERENCE_COLLECTION));
      expect((await ok(a.get(`/v1/spaces/${space.id}/collections`))).collections).toEqual([]);
    });

    it('a root collection → 201 with parentId null and no children; nesting works three levels deep', async () => {
      const a = api(freshKey('col'));
      const space = await createSpace(a);
      const res = await a.post(`/v1/spaces/${space.id}/collections`, { name: 'Research' });
      expect(res.status, res.text).toBe(201);
      rate(res);
      expect(res.json).toEqual({ id: expect.stringMatching(UUID), spaceId: space.id, parentId: null, name: 'Research', createdAt: nowIso(), updatedAt: nowIso(), children: [] });
      const nullParent = await createCollection(a, space.id, 'Explicit Root', null);
      expect(nullParent.parentId).toBeNull();
      const papers = await createCollection(a, space.id, 'Papers', res.json.id);
      expect(papers).toMatchObject({ parentId: res.json.id, spaceId: space.id, children: [] });
      const y2024 = await createCollection(a, space.id, '2024', papers.id);
      expect(y2024.parentId).toBe(papers.id);

      const tree = await ok(a.get(`/v1/spaces/${space.id}/collections`));
      expect(tree).toEqual({
        collections: [
          { ...res.json, children: [{ ...papers, children: [y2024] }] },
          nullParent,
        ],
      });
    });

    it('an unknown parentId or a parent from another space is 404, and nothing is created', async () => {
      const a = api(freshKey('col-parent'));
      const one = await createSpace(a, 'One');
      const two = await createSpace(a, 'Two');
      const inTwo = await createCollection(a, two.id, 'In Two');
      expectNotFound(await a.post(`/v1/spaces/${one.id}/collections`, { name: 'Lost', parentId: randomUUID() }));
      expectNotFound(await a.post(`/v1/spaces/${one.id}/collections`, { name: 'Cross', parentId: inTwo.id }));
      expect((await ok(a.get(`/v1/spaces/${one.id}/collections`))).collections).toEqual([]);
      // Another user's collection is no parent either.
      const b = api(freshKey('col-parent-b'));
      const bSpace = await createSpace(b);
      expectNotFound(await b.post(`/v1/spaces/${bSpace.id}/collections`, { name: 'Cross User', parentId: inTwo.id }));
    });

    it('the same name under the same parent → 409 with exactly the documented body; trimmed names clash, other case or another parent do not', async () => {
      const a = api(freshKey('col-dup'));
      const space = await createSpace(a);
      const research = await createCollection(a, space.id, 'Research');
      const archive = await createCollection(a, space.id, 'Archive');
      await createCollection(a, space.id, 'Papers', research.id);

      const dup = await a.post(`/v1/spaces/${space.id}/collections`, { name: 'Research' });
      expectCtxfyError(dup, 409);
      expect(dup.json).toEqual(CONFLICT_BODY);
      rate(dup);
      expect((await a.post(`/v1/spaces/${space.id}/collections`, { name: ' Research ' })).json).toEqual(CONFLICT_BODY);
      expect((await a.post(`/v1/spaces/${space.id}/collections`, { name: 'Papers', parentId: research.id })).json).toEqual(CONFLICT_BODY);
      expect((await a.post(`/v1/spaces/${space.id}/collections`, { name: 'Research', parentId: null })).status).toBe(409);

      const lower = await createCollection(a, space.id, 'research');
      expect(lower.name).toBe('research');
      const underArchive = await createCollection(a, space.id, 'Research', archive.id);
      expect(underArchive.parentId).toBe(archive.id);
      const trimmed = await createCollection(a, space.id, '  Notes  ');
      expect(trimmed.name).toBe('Notes');
      // Another space may reuse every name.
      const other = await createSpace(a, 'Other');
      await createCollection(a, other.id, 'Research');
    });

    it('a blank or missing name is 400 on name', async () => {
      const a = api(freshKey('col-bad'));
      const space = await createSpace(a);
      expectFieldError(await a.post(`/v1/spaces/${space.id}/collections`, { name: '   ' }), 'name');
      expectFieldError(await a.post(`/v1/spaces/${space.id}/collections`, { parentId: null }), 'name', 'name is required');
      expect((await ok(a.get(`/v1/spaces/${space.id}/collections`))).collections).toEqual([]);
    });

    it('the tree holds root nodes with children nested, siblings in creation order (not by name)', async () => {
      const a = api(freshKey('col-tree'));
      const space = await createSpace(a);
      const zeta = await createCollection(a, space.id, 'Zeta');
      ctx.server.clock.advance(1000);
      const alpha = await createCollection(a, space.id, 'Alpha');
      const z2 = await createCollection(a, space.id, 'Zulu', zeta.id);
      ctx.server.clock.advance(1000);
      const z1 = await createCollection(a, space.id, 'Bravo', zeta.id);
      const deep = await createCollection(a, space.id, 'Deep', z1.id);
      const res = await a.get(`/v1/spaces/${space.id}/collections`);
      expect(res.status).toBe(200);
      rate(res);
      expect(res.json).toEqual({
        collections: [
          { ...zeta, children: [z2, { ...z1, children: [deep] }] },
          alpha,
        ],
      });
    });

    it('the tree of an unknown space is 404; an empty space has an empty tree', async () => {
      const a = api(freshKey('col-empty'));
      expectNotFound(await a.get(`/v1/spaces/${randomUUID()}/collections`));
      expectNotFound(await a.get('/v1/spaces/example_string/collections'));
      const space = await createSpace(a);
      expect(await ok(a.get(`/v1/spaces/${space.id}/collections`))).toEqual({ collections: [] });
    });
  });

  describe('uploads', () => {
    async function presign(a: CtxfyApi, body: Record<string, unknown> = { filename: 'notes.pdf', contentType: 'application/pdf', size: 10 }) {
      return ok(a.post('/v1/upload/s3', body));
    }

    it('POST /v1/upload/s3 → 200 with fileKey uploads/{userId}/{uuid}/notes.pdf and URLs on this server', async () => {
      const a = api(freshKey('up'));
      const { userId } = await createSpace(a);
      const res = await a.post('/v1/upload/s3', { filename: 'notes.pdf', contentType: 'application/pdf', size: 10 });
      expect(res.status, res.text).toBe(200);
      rate(res);
      expect(Object.keys(res.json).sort()).toEqual(['fileKey', 'publicUrl', 'uploadUrl']);
      const { fileKey, publicUrl, uploadUrl } = res.json;
      const m = /^uploads\/([^/]+)\/([^/]+)\/notes\.pdf$/.exec(fileKey);
      expect(m, fileKey).not.toBeNull();
      expect(m![1]).toBe(userId);
      expect(m![2]).toMatch(UUID);
      expect(publicUrl).toBe(`${ctx.url}/ctxfy/__uploads/${encodeURIComponent(fileKey)}`);
      expect(uploadUrl).toBe(`${publicUrl}?X-Amz-Expires=900&X-Amz-Signature=mock`);
      const second = await presign(a);
      expect(second.fileKey).not.toBe(fileKey);
    });

    it('PUT to uploadUrl (no auth) → 200 with an empty body; GET publicUrl returns the same bytes with the PUT\u2019s Content-Type; GET before the PUT is 404', async () => {
      const a = api(freshKey('up-put'));
      const { uploadUrl, publicUrl } = await presign(a);
      const early = await fetch(publicUrl);
      const earlyText = await early.text();
      expect(early.status).toBe(404);
      expect(JSON.parse(earlyText)).toEqual(NOT_FOUND_BODY);

      const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x80, 0x0a, 0x7f]);
      const put = await fetch(uploadUrl, { method: 'PUT', body: bytes, headers: { 'content-type': 'application/pdf' } });
      expect(put.status).toBe(200);
      expect(await put.text()).toBe('');
      expect(put.headers.get('x-ratelimit-limit')).toBeNull();

      const got = await fetch(publicUrl);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toMatch(/^application\/pdf/);
      expect(got.headers.get('x-ratelimit-limit')).toBeNull();
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

      // A second PUT replaces the bytes and the type.
      const put2 = await fetch(uploadUrl, { method: 'PUT', body: 'plain text now', headers: { 'content-type': 'text/plain' } });
      expect(put2.status).toBe(200);
      await put2.text();
      const got2 = await fetch(publicUrl);
      expect(got2.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await got2.text()).toBe('plain text now');
    });

    it('an empty PUT stores an empty file, as S3 does', async () => {
      const a = api(freshKey('up-empty'));
      const { uploadUrl, publicUrl } = await presign(a, { filename: 'empty.txt', contentType: 'text/plain', size: 1 });
      const put = await fetch(uploadUrl, { method: 'PUT' });
      expect(put.status).toBe(200);
      await put.text();
      const got = await fetch(publicUrl);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await got.text()).toBe('');
    });

    it('PUT to a key that was never issued is 404, for a known user and an unknown one', async () => {
      const a = api(freshKey('up-404'));
      const { userId } = await createSpace(a);
      for (const key of [`uploads/${userId}/${randomUUID()}/notes.pdf`, `uploads/${randomUUID()}/${randomUUID()}/notes.pdf`, 'not-a-key']) {
        const res = await fetch(`${ctx.url}/ctxfy/__uploads/${encodeURIComponent(key)}?X-Amz-Expires=900&X-Amz-Signature=mock`, { method: 'PUT', body: 'x', headers: { 'content-type': 'application/octet-stream' } });
        expect(res.status, key).toBe(404);
        expect(await res.json()).toEqual(NOT_FOUND_BODY);
      }
    });

    it('the upload URL expires after 900 s: a PUT at 899 s works, after 901 s it is 403 "Request has expired"', async () => {
      const a = api(freshKey('up-exp'));
      const early = await presign(a);
      const late = await presign(a);
      ctx.server.clock.advance(899_000);
      const inTime = await fetch(early.uploadUrl, { method: 'PUT', body: 'ok', headers: { 'content-type': 'text/plain' } });
      expect(inTime.status).toBe(200);
      await inTime.text();
      ctx.server.clock.advance(2_000);
      const res = await fetch(late.uploadUrl, { method: 'PUT', body: 'too late', headers: { 'content-type': 'text/plain' } });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error: 'Forbidden', message: 'Request has expired', code: 403 });
      // Nothing was stored by the refused PUT.
      expect((await fetch(late.publicUrl).then(async (r) => [r.status, await r.text()]))[0]).toBe(404);
    });

    it('a malformed X-Amz-Expires → 400 naming the parameter (documented, as S3 refuses one); nothing stored', async () => {
      const a = api(freshKey('up-bad-exp'));
      const { publicUrl } = await presign(a);
      for (const expires of ['not-a-number', '-1']) {
        const res = await fetch(`${publicUrl}?X-Amz-Expires=${expires}&X-Amz-Signature=mock`, { method: 'PUT', body: 'x', headers: { 'content-type': 'text/plain' } });
        expect(res.status, expires).toBe(400);
        const body = (await res.json()) as { code: number; details: { field: string }[] };
        expect(body.code).toBe(400);
        expect(body.details.map((d) => d.field)).toEqual(['X-Amz-Expires']);
      }
      expect((await fetch(publicUrl).then(async (r) => [r.status, await r.text()]))[0]).toBe(404);
    });

    it('the expiry is the one issued: raising X-Amz-Expires in the URL does not revive an expired upload URL', async () => {
      const a = api(freshKey('up-tamper'));
      const { uploadUrl, publicUrl } = await presign(a);
      ctx.server.clock.advance(901_000);
      const tampered = uploadUrl.replace('X-Amz-Expires=900', 'X-Amz-Expires=999999');
      expect(tampered).not.toBe(uploadUrl);
      const res = await fetch(tampered, { method: 'PUT', body: 'sneaky', headers: { 'content-type': 'text/plain' } });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: 'Forbidden', message: 'Request has expired', code: 403 });
      const bare = await fetch(publicUrl, { method: 'PUT', body: 'sneaky', headers: { 'content-type': 'text/plain' } });
      expect(bare.status).toBe(403);
      await bare.text();
      expect((await fetch(publicUrl)).status).toBe(404);
    });

    it('the PUT stores bytes as sent: a body called JSON (even invalid JSON) is kept verbatim; no Content-Type falls back to the presign\u2019s type', async () => {
      const a = api(freshKey('up-raw'));
      const json = await presign(a, { filename: 'data.json', contentType: 'application/json', size: 20 });
      const text = '{ "a": 1,\n  "b": [2] }';
      const put = await fetch(json.uploadUrl, { method: 'PUT', body: text, headers: { 'content-type': 'application/json' } });
      expect(put.status).toBe(200);
      await put.text();
      const got = await fetch(json.publicUrl);
      expect(got.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await got.text()).toBe(text);

      const broken = await presign(a, { filename: 'broken.json', contentType: 'application/json', size: 5 });
      const putBroken = await fetch(broken.uploadUrl, { method: 'PUT', body: '{bad', headers: { 'content-type': 'application/json' } });
      expect(putBroken.status).toBe(200);
      await putBroken.text();
      expect(await (await fetch(broken.publicUrl)).text()).toBe('{bad');

      const untyped = await presign(a, { filename: 'blob.pdf', contentType: 'application/pdf', size: 4 });
      const bytes = new Uint8Array([1, 2, 3, 250]);
      const putUntyped = await fetch(untyped.uploadUrl, { method: 'PUT', body: bytes });
      expect(putUntyped.status).toBe(200);
      await putUntyped.text();
      const gotUntyped = await fetch(untyped.publicUrl);
      expect(gotUntyped.headers.get('content-type')).toMatch(/^application\/pdf/);
      expect(new Uint8Array(await gotUntyped.arrayBuffer())).toEqual(bytes);
    });

    it.each(['filename', 'contentType', 'size'])('a presign without %s is 400 naming it', async (field) => {
      const body: Record<string, unknown> = { filename: 'notes.pdf', contentType: 'application/pdf', size: 10 };
      delete body[field];
      const res = await api(freshKey('up-miss')).post('/v1/upload/s3', body);
      expectFieldError(res, field, `${field} is required`);
      expect(res.json.details).toHaveLength(1);
    });

    it('size 0, a negative or fractional size, a blank filename and an empty contentType are 400 on that field', async () => {
      const a = api(freshKey('up-bad'));
      const base = { filename: 'notes.pdf', contentType: 'application/pdf', size: 10 };
      expectFieldError(await a.post('/v1/upload/s3', { ...base, size: 0 }), 'size');
      expectFieldError(await a.post('/v1/upload/s3', { ...base, size: -5 }), 'size');
      expectFieldError(await a.post('/v1/upload/s3', { ...base, size: 1.5 }), 'size');
      expectFieldError(await a.post('/v1/upload/s3', { ...base, size: '10' }), 'size');
      expectFieldError(await a.post('/v1/upload/s3', { ...base, filename: '   ' }), 'filename');
      expectFieldError(await a.post('/v1/upload/s3', { ...base, contentType: '' }), 'contentType');
    });

    it('the default upload limit is 50 MiB: exactly 52 428 800 bytes is fine, one byte more is 400 on size', async () => {
      const a = api(freshKey('up-default'));
      await presign(a, { filename: 'big.bin', contentType: 'application/octet-stream', size: 52_428_800 });
      expectFieldError(await a.post('/v1/upload/s3', { filename: 'big.bin', contentType: 'application/octet-stream', size: 52_428_801 }), 'size');
    });

    it('a filename with / or \\ is made safe: the fileKey keeps exactly four segments and its own user directory', async () => {
      const a = api(freshKey('up-safe'));
      const { userId } = await createSpace(a);
      for (const filename of ['reports/q1.pdf', '../../etc/passwd', 'a\\b.txt']) {
        const { fileKey, publicUrl } = await presign(a, { filename, contentType: 'application/pdf', size: 10 });
        const parts = fileKey.split('/');
        expect(parts, fileKey).toHaveLength(4);
        expect(parts[0]).toBe('uploads');
        expect(parts[1]).toBe(userId);
        expect(parts[3]).not.toMatch(/[/\\]/);
        expect(publicUrl).toBe(`${ctx.url}/ctxfy/__uploads/${encodeURIComponent(fileKey)}`);
      }
      const { fileKey } = await presign(a, { filename: 'reports/q1.pdf', contentType: 'application/pdf', size: 10 });
      expect(fileKey.endsWith('/reports_q1.pdf')).toBe(true);
    });
  });

  describe('request errors', () => {
    it('malformed JSON → 400 with details [{field: body, message: Malformed JSON body}]; stored data survives', async () => {
      const key = freshKey('err-json');
      const a = api(key);
      const space = await createSpace(a, 'Survivor');
      const res = await cx(ctx.url, '/v1/spaces', { method: 'POST', key, body: '{"name": "Broken",', headers: { 'content-type': 'application/json' } });
      expectCtxfyError(res, 400, INVALID);
      expect(res.json.details).toEqual([{ field: 'body', message: 'Malformed JSON body' }]);
      rate(res);
      const put = await cx(ctx.url, `/v1/spaces/${space.id}`, { method: 'PUT', key, body: 'not json', headers: { 'content-type': 'application/json' } });
      expect(put.json.details).toEqual([{ field: 'body', message: 'Malformed JSON body' }]);
      expect((await ok(a.get('/v1/spaces'))).spaces).toEqual([space]);
    });

    it('Content-Type text/plain on a JSON route → 400 on body; nothing is created', async () => {
      const key = freshKey('err-media');
      const res = await cx(ctx.url, '/v1/spaces', { method: 'POST', key, body: JSON.stringify({ name: 'Plain' }), headers: { 'content-type': 'text/plain' } });
      expectFieldError(res, 'body');
      const col = await cx(ctx.url, '/v1/spaces/example_string/collections', { method: 'POST', key, body: JSON.stringify(REFERENCE_COLLECTION), headers: { 'content-type': 'text/plain' } });
      expectFieldError(col, 'body');
      expect((await ok(api(key).get('/v1/spaces'))).pagination.total).toBe(0);
    });

    it('a JSON route with no body at all is 400 on body', async () => {
      const key = freshKey('err-nobody');
      expectFieldError(await cx(ctx.url, '/v1/spaces', { method: 'POST', key }), 'body');
    });

    it('an unknown route and a method not served are the 404 envelope, with or without a key', async () => {
      const key = freshKey('err-route');
      const space = await createSpace(api(key), 'Still Here');
      const cases = [
        cx(ctx.url, '/v1/nothing', { key }),
        cx(ctx.url, '/v1/nothing', { key: null }),
        cx(ctx.url, '/v2/spaces', { key }),
        cx(ctx.url, '/v1/spaces', { method: 'PATCH', key, json: { name: 'x' } }),
        cx(ctx.url, '/v1/spaces', { method: 'PATCH', key: null }),
        cx(ctx.url, `/v1/spaces/${space.id}`, { method: 'POST', key, json: { name: 'x' } }),
        cx(ctx.url, '/v1/api-keys', { method: 'PUT', key, json: {} }),
      ];
      for (const res of await Promise.all(cases)) {
        expectNotFound(res);
        expectNoRateHeaders(res);
      }
      expect(await ok(api(key).get(`/v1/spaces/${space.id}`))).toEqual(space);
    });
  });
});

describe('Ctxfy with a small JSON body limit', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({ providers: ['ctxfy'], limits: { json: 200 } });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    expect(server.selfCheckFailures.splice(0), 'replies that break the spec').toEqual([]);
  });

  it('a body over the JSON limit → 413 envelope {error: Payload Too Large, message, code: 413}; stored data survives', async () => {
    const a = ctxfyApi(server.url, freshKey('big'));
    const space = await createSpace(a, 'Small');
    const res = await a.post('/v1/spaces', { name: 'Big', description: 'x'.repeat(400) });
    expectCtxfyError(res, 413);
    expect(res.json).toEqual({ error: 'Payload Too Large', message: expect.any(String), code: 413 });
    expect(res.json.message).toMatch(/200/);
    const col = await a.post(`/v1/spaces/${space.id}/collections`, { name: 'y'.repeat(250) });
    expectCtxfyError(col, 413);
    expect((await ok(a.get('/v1/spaces'))).spaces).toEqual([space]);
    expect((await ok(a.get(`/v1/spaces/${space.id}/collections`))).collections).toEqual([]);
  });

  it('an upload PUT is held to the upload limit, not the JSON one, even when its body is called JSON', async () => {
    const a = ctxfyApi(server.url, freshKey('big-upload'));
    const up = await ok(a.post('/v1/upload/s3', { filename: 'big.json', contentType: 'application/json', size: 500 }));
    const body = JSON.stringify({ blob: 'z'.repeat(480) });
    expect(body.length).toBeGreaterThan(200);
    const put = await fetch(up.uploadUrl, { method: 'PUT', body, headers: { 'content-type': 'application/json' } });
    expect(put.status).toBe(200);
    await put.text();
    expect(await (await fetch(up.publicUrl)).text()).toBe(body);
  });
});

describe('Ctxfy with a small upload limit', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({ providers: ['ctxfy'], limits: { upload: 1000 } });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    expect(server.selfCheckFailures.splice(0), 'replies that break the spec').toEqual([]);
  });

  it('a presign up to the limit is fine; one byte over is 400 on size', async () => {
    const a = ctxfyApi(server.url, freshKey('limit'));
    const res = await ok(a.post('/v1/upload/s3', { filename: 'fits.bin', contentType: 'application/octet-stream', size: 1000 }));
    expect(res.fileKey).toMatch(/\/fits\.bin$/);
    const over = await a.post('/v1/upload/s3', { filename: 'huge.bin', contentType: 'application/octet-stream', size: 1001 });
    expectFieldError(over, 'size');
    expect(over.json.message).toBe(INVALID);
  });

  it('the PUT itself is held to the upload limit: 1000 bytes are stored, 1001 bytes are 413 and store nothing', async () => {
    const a = ctxfyApi(server.url, freshKey('limit-put'));
    const fits = await ok(a.post('/v1/upload/s3', { filename: 'fits.bin', contentType: 'application/octet-stream', size: 1000 }));
    const put = await fetch(fits.uploadUrl, { method: 'PUT', body: Buffer.alloc(1000, 7), headers: { 'content-type': 'application/octet-stream' } });
    expect(put.status).toBe(200);
    await put.text();
    const over = await ok(a.post('/v1/upload/s3', { filename: 'over.bin', contentType: 'application/octet-stream', size: 1000 }));
    const big = await fetch(over.uploadUrl, { method: 'PUT', body: Buffer.alloc(1001, 7), headers: { 'content-type': 'application/octet-stream' } });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'Payload Too Large', code: 413 });
    expect((await fetch(over.publicUrl)).status).toBe(404);
    expect((await fetch(fits.publicUrl)).status).toBe(200);
  });
});

describe('Ctxfy rate limits: free plan (10 per minute)', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({ providers: ['ctxfy'], rateLimit: 'free' });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    expect(server.selfCheckFailures.splice(0), 'replies that break the spec').toEqual([]);
  });

  const spend = async (a: CtxfyApi, n: number): Promise<Res[]> => {
    const out: Res[] = [];
    for (let i = 0; i < n; i++) out.push(await a.get('/v1/spaces'));
    return out;
  };

  it('requests 1–10 succeed with remaining 9..0; the 11th is 429 with Retry-After and the headers; the window resets after 60 s', async () => {
    const a = ctxfyApi(server.url, freshKey('free'));
    const start = server.clock.nowMs();
    const ten = await spend(a, 10);
    expect(ten.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(ten.map((r) => rate(r).remaining)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    for (const r of ten) expect(rate(r)).toMatchObject({ limit: 10, reset: windowEnd(start) });

    server.clock.advance(15_000);
    const over = await a.get('/v1/spaces');
    expectCtxfyError(over, 429);
    expect(over.json).toEqual({ error: 'Too Many Requests', message: 'Rate limit exceeded. Retry after 45 seconds', code: 429 });
    expect(over.headers.get('retry-after')).toBe('45');
    expect(rate(over)).toEqual({ limit: 10, remaining: 0, reset: windowEnd(start) });
    // A write is refused the same way and changes nothing.
    const write = await a.post('/v1/spaces', { name: 'Too Many' });
    expect(write.status).toBe(429);
    const n = Number(write.headers.get('retry-after'));
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(60);
    expect(write.json.message).toBe(`Rate limit exceeded. Retry after ${n} seconds`);

    server.clock.advance(45_000);
    const fresh = await a.get('/v1/spaces');
    expect(fresh.status).toBe(200);
    expect(fresh.json.spaces).toEqual([]);
    expect(rate(fresh)).toEqual({ limit: 10, remaining: 9, reset: windowEnd(server.clock.nowMs()) });
  });

  it('the limit is per user: another user is not affected, while keys of the same user share one window', async () => {
    const ownerToken = freshKey('free-owner');
    const a = ctxfyApi(server.url, ownerToken);
    const minted = await ok(a.post('/v1/api-keys', { name: 'same user' }), 201);
    await spend(a, 9);
    expect((await a.get('/v1/spaces')).status).toBe(429);
    const viaMinted = await ctxfyApi(server.url, minted.api_key).get('/v1/spaces');
    expect(viaMinted.status).toBe(429);
    const b = ctxfyApi(server.url, freshKey('free-other'));
    const other = await b.get('/v1/spaces');
    expect(other.status).toBe(200);
    expect(rate(other)).toMatchObject({ limit: 10, remaining: 9 });
  });

  it('401 comes before 429: a revoked key or a bad header of a user whose limit is spent is 401 without rate headers', async () => {
    const a = ctxfyApi(server.url, freshKey('free-401'));
    const key = await ok(a.post('/v1/api-keys', { name: 'revoked' }), 201);
    await ok(a.del(`/v1/api-keys/${key.id}`));
    await spend(a, 8);
    expect((await a.get('/v1/spaces')).status).toBe(429);
    expectUnauthorized(await ctxfyApi(server.url, key.api_key).get('/v1/spaces'));
    expectUnauthorized(await cx(server.url, '/v1/spaces', { key: null, headers: { authorization: 'Token x' } }));
    expectUnauthorized(await cx(server.url, '/v1/spaces', { key: null }));
    // The public routes are never limited.
    const health = await cx(server.url, '/health', { key: null });
    expect(health.status).toBe(200);
    expectNoRateHeaders(health);
  });

  it('the limit is checked before the body: a bad body, bad JSON or unknown space over the limit is 429', async () => {
    const key = freshKey('free-body');
    const a = ctxfyApi(server.url, key);
    await spend(a, 10);
    const cases = [
      await a.post('/v1/spaces', {}),
      await cx(server.url, '/v1/spaces', { method: 'POST', key, body: '{bad', headers: { 'content-type': 'application/json' } }),
      await cx(server.url, '/v1/spaces', { method: 'POST', key, body: 'x', headers: { 'content-type': 'text/plain' } }),
      await a.get('/v1/spaces?per_page=0'),
      await a.post('/v1/spaces/example_string/collections', REFERENCE_COLLECTION),
      await a.post('/v1/api-keys', { expiration_date: 'never' }),
    ];
    for (const res of cases) {
      expectCtxfyError(res, 429);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(rate(res)).toMatchObject({ limit: 10, remaining: 0 });
    }
  });
});

describe('Ctxfy rate limits: a number of requests per minute', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({ providers: ['ctxfy'], rateLimit: 3 });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    expect(server.selfCheckFailures.splice(0), 'replies that break the spec').toEqual([]);
  });

  it('rateLimit: 3 → three requests pass with remaining 2, 1, 0 and the 4th is 429', async () => {
    const a = ctxfyApi(server.url, freshKey('three'));
    const replies = [await a.get('/v1/spaces'), await a.post('/v1/spaces', { name: 'One' }), await a.get('/v1/spaces')];
    expect(replies.map((r) => r.status)).toEqual([200, 201, 200]);
    expect(replies.map((r) => rate(r))).toEqual([2, 1, 0].map((remaining) => ({ limit: 3, remaining, reset: windowEnd(server.clock.nowMs()) })));
    const fourth = await a.get('/v1/spaces');
    expectCtxfyError(fourth, 429);
    expect(fourth.headers.get('retry-after')).toBe('60');
    expect(fourth.json.message).toBe('Rate limit exceeded. Retry after 60 seconds');
  });
});

describe('Ctxfy --api-keys from fixtures/api-keys.yaml (no rate limit)', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({ providers: ['ctxfy'], apiKeys: FIXTURE_KEYS });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    expect(server.selfCheckFailures.splice(0), 'replies that break the spec').toEqual([]);
  });

  it('listed keys work; two keys with the same user share data, under the user id the file names', async () => {
    const demo = ctxfyApi(server.url, 'ctx_demo_key');
    const demo2 = ctxfyApi(server.url, 'ctx_demo_key_2');
    const space = await createSpace(demo, 'Demo Space');
    expect(space.userId).toBe(DEMO_USER);
    expect((await ok(demo2.get('/v1/spaces'))).spaces).toEqual([space]);
    await createCollection(demo2, space.id, 'From Key Two');
    expect((await ok(demo.get(`/v1/spaces/${space.id}/collections`))).collections.map((c: any) => c.name)).toEqual(['From Key Two']);

    const free = ctxfyApi(server.url, 'ctx_free_key');
    expect((await ok(free.get('/v1/spaces'))).spaces).toEqual([]);
    expectNotFound(await free.get(`/v1/spaces/${space.id}`));
    const freeSpace = await createSpace(free, 'Free Space');
    expect(freeSpace.userId).toMatch(UUID);
    expect(freeSpace.userId).not.toBe(DEMO_USER);
  });

  it('a key not in the file is 401 with the documented body and no rate headers', async () => {
    for (const key of ['ctx-test-key', 'ctx_demo_key_3', 'CTX_DEMO_KEY']) {
      expectUnauthorized(await ctxfyApi(server.url, key).get('/v1/spaces'));
    }
  });

  it('keys minted by a listed key still work, for the listed key\u2019s user', async () => {
    const demo = ctxfyApi(server.url, 'ctx_demo_key');
    const minted = await ok(demo.post('/v1/api-keys', { name: 'minted under file' }), 201);
    const viaMinted = ctxfyApi(server.url, minted.api_key);
    const made = await createSpace(viaMinted, 'Via Minted');
    expect(made.userId).toBe(DEMO_USER);
    expect((await ok(ctxfyApi(server.url, 'ctx_demo_key_2').get('/v1/spaces'))).spaces.map((s: any) => s.id)).toContain(made.id);
    await ok(demo.del(`/v1/api-keys/${minted.id}`));
    expectUnauthorized(await viaMinted.get('/v1/spaces'));
  });

  it('the key\u2019s plan shows in X-RateLimit-Limit (pro 100, free 10) but is not enforced without rateLimit', async () => {
    expect(rate(await ctxfyApi(server.url, 'ctx_demo_key').get('/v1/spaces')).limit).toBe(100);
    expect(rate(await ctxfyApi(server.url, 'ctx_demo_key_2').get('/v1/spaces')).limit).toBe(100);
    const free = ctxfyApi(server.url, 'ctx_free_key');
    const replies: Res[] = [];
    for (let i = 0; i < 12; i++) replies.push(await free.get('/v1/spaces'));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(200));
    for (const r of replies) expect(rate(r).limit).toBe(10);
  });
});

describe('Ctxfy --api-keys with rateLimit: free (plans from the file are enforced)', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({ providers: ['ctxfy'], apiKeys: FIXTURE_KEYS, rateLimit: 'free' });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    expect(server.selfCheckFailures.splice(0), 'replies that break the spec').toEqual([]);
  });

  it('the demo user\u2019s pro plan (set on ctx_demo_key) holds for both of its keys: limit 100, one shared window', async () => {
    const one = await ctxfyApi(server.url, 'ctx_demo_key').get('/v1/spaces');
    expect(one.status).toBe(200);
    expect(rate(one)).toMatchObject({ limit: 100, remaining: 99 });
    const two = await ctxfyApi(server.url, 'ctx_demo_key_2').get('/v1/spaces');
    expect(two.status).toBe(200);
    expect(rate(two)).toMatchObject({ limit: 100, remaining: 98 });
    const replies: Res[] = [];
    for (let i = 0; i < 10; i++) replies.push(await ctxfyApi(server.url, 'ctx_demo_key').get('/v1/spaces'));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
  });

  it('the free key gets 10 requests, then 429', async () => {
    const free = ctxfyApi(server.url, 'ctx_free_key');
    const replies: Res[] = [];
    for (let i = 0; i < 11; i++) replies.push(await free.get('/v1/spaces'));
    expect(replies.map((r) => r.status)).toEqual([...Array(10).fill(200), 429]);
    expect(rate(replies[10]!)).toMatchObject({ limit: 10, remaining: 0 });
  });
});

describe('Ctxfy --api-keys as an inline object', () => {
  const USER = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({
      providers: ['ctxfy'],
      apiKeys: { ctxfy: [{ key: 'inline-a', user: USER, plan: 'pro' }, { key: 'inline-b', user: USER, plan: 'pro' }, { key: 'inline-c', plan: 25 }, { key: 'inline-d', plan: 'free' }] },
    });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    expect(server.selfCheckFailures.splice(0), 'replies that break the spec').toEqual([]);
  });

  it('keys of one user share data; a numeric plan and free show in X-RateLimit-Limit; unlisted keys are 401', async () => {
    const a = ctxfyApi(server.url, 'inline-a');
    const space = await createSpace(a, 'Inline');
    expect(space.userId).toBe(USER);
    const viaB = await ctxfyApi(server.url, 'inline-b').get('/v1/spaces');
    expect(viaB.json.spaces).toEqual([space]);
    expect(rate(viaB).limit).toBe(100);
    expect(rate(await ctxfyApi(server.url, 'inline-c').get('/v1/spaces')).limit).toBe(25);
    expect(rate(await ctxfyApi(server.url, 'inline-d').get('/v1/spaces')).limit).toBe(10);
    expectUnauthorized(await ctxfyApi(server.url, 'inline-z').get('/v1/spaces'));
    expectUnauthorized(await ctxfyApi(server.url, freshKey('adhoc')).get('/v1/spaces'));
  });
});

describe('Ctxfy --api-keys: a bad ctxfy section makes createMockServer reject', () => {
  const USER = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  it.each([
    ['a section that is not a list', { key: 'k1', user: USER }, /ctxfy.*expected a list/],
    ['an entry without a key', [{ user: USER }], /ctxfy, entry 0: needs a non-empty "key"/],
    ['an unknown plan', [{ key: 'k1' }, { key: 'k2', plan: 'gold' }], /ctxfy, entry 1: "plan" must be/],
    ['a plan of 0', [{ key: 'k1', plan: 0 }], /ctxfy, entry 0: "plan" must be/],
    ['a fractional plan', [{ key: 'k1', plan: 2.5 }], /ctxfy, entry 0: "plan" must be/],
    ['a user that is not a UUID', [{ key: 'k1', user: 'bob' }], /ctxfy, entry 0: "user" must be a lowercase UUID/],
    ['an upper-case UUID user', [{ key: 'k1' }, { key: 'k2', user: USER.toUpperCase() }], /ctxfy, entry 1: "user" must be a lowercase UUID/],
    ['a key listed twice', [{ key: 'k1' }, { key: 'k1', user: USER }], /ctxfy, entry 1: a key is listed twice/],
    ['two plans for one user', [{ key: 'k1', user: USER, plan: 'pro' }, { key: 'k2', user: USER, plan: 'free' }], /ctxfy, entry 1: .*plan/],
  ])('%s', async (_label, entries, message) => {
    await expect(createMockServer({ port: 0, clock: 'manual', quiet: true, providers: ['ctxfy'], apiKeys: { ctxfy: entries } })).rejects.toThrow(message);
  });
});
