/**
 * Ctxfy access: Bearer auth and per-user tenancy, public /health and /metrics,
 * API keys (mint, list, revoke, expiry), the --api-keys file, and per-user
 * rate limits and their headers.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../src/server.js';
import { useServer } from './support/server.js';
import { ok, type Res } from './support/client.js';
import {
  CONTENT_SOURCE,
  REFERENCE_COLLECTION,
  UUID,
  createCollection,
  createSpace,
  ctxfyApi,
  cx,
  expectCtxfyError,
  expectFieldError,
  expectNoRateHeaders,
  expectNotFound,
  expectUnauthorized,
  freshKey,
  rate,
  windowEnd,
  type CtxfyApi,
} from './support/ctxfy.js';

const FIXTURE_KEYS = fileURLToPath(new URL('../fixtures/api-keys.yaml', import.meta.url));
const DEMO_USER = '5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45';

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
});

describe('Ctxfy rate limits: free plan (10 per minute)', () => {
  const ctx = useServer({ providers: ['ctxfy'], rateLimit: 'free' });

  const spend = async (a: CtxfyApi, n: number): Promise<Res[]> => {
    const out: Res[] = [];
    for (let i = 0; i < n; i++) out.push(await a.get('/v1/spaces'));
    return out;
  };

  it('requests 1–10 succeed with remaining 9..0; the 11th is 429 with Retry-After and the headers; the window resets after 60 s', async () => {
    const a = ctxfyApi(ctx.url, freshKey('free'));
    const start = ctx.server.clock.nowMs();
    const ten = await spend(a, 10);
    expect(ten.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(ten.map((r) => rate(r).remaining)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    for (const r of ten) expect(rate(r)).toMatchObject({ limit: 10, reset: windowEnd(start) });

    ctx.server.clock.advance(15_000);
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

    ctx.server.clock.advance(45_000);
    const fresh = await a.get('/v1/spaces');
    expect(fresh.status).toBe(200);
    expect(fresh.json.spaces).toEqual([]);
    expect(rate(fresh)).toEqual({ limit: 10, remaining: 9, reset: windowEnd(ctx.server.clock.nowMs()) });
  });

  it('the limit is per user: another user is not affected, while keys of the same user share one window', async () => {
    const ownerToken = freshKey('free-owner');
    const a = ctxfyApi(ctx.url, ownerToken);
    const minted = await ok(a.post('/v1/api-keys', { name: 'same user' }), 201);
    await spend(a, 9);
    expect((await a.get('/v1/spaces')).status).toBe(429);
    const viaMinted = await ctxfyApi(ctx.url, minted.api_key).get('/v1/spaces');
    expect(viaMinted.status).toBe(429);
    const b = ctxfyApi(ctx.url, freshKey('free-other'));
    const other = await b.get('/v1/spaces');
    expect(other.status).toBe(200);
    expect(rate(other)).toMatchObject({ limit: 10, remaining: 9 });
  });

  it('401 comes before 429: a revoked key or a bad header of a user whose limit is spent is 401 without rate headers', async () => {
    const a = ctxfyApi(ctx.url, freshKey('free-401'));
    const key = await ok(a.post('/v1/api-keys', { name: 'revoked' }), 201);
    await ok(a.del(`/v1/api-keys/${key.id}`));
    await spend(a, 8);
    expect((await a.get('/v1/spaces')).status).toBe(429);
    expectUnauthorized(await ctxfyApi(ctx.url, key.api_key).get('/v1/spaces'));
    expectUnauthorized(await cx(ctx.url, '/v1/spaces', { key: null, headers: { authorization: 'Token x' } }));
    expectUnauthorized(await cx(ctx.url, '/v1/spaces', { key: null }));
    // The public routes are never limited.
    const health = await cx(ctx.url, '/health', { key: null });
    expect(health.status).toBe(200);
    expectNoRateHeaders(health);
  });

  it('the limit is checked before the body: a bad body, bad JSON or unknown space over the limit is 429', async () => {
    const key = freshKey('free-body');
    const a = ctxfyApi(ctx.url, key);
    await spend(a, 10);
    const cases = [
      await a.post('/v1/spaces', {}),
      await cx(ctx.url, '/v1/spaces', { method: 'POST', key, body: '{bad', headers: { 'content-type': 'application/json' } }),
      await cx(ctx.url, '/v1/spaces', { method: 'POST', key, body: 'x', headers: { 'content-type': 'text/plain' } }),
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
  const ctx = useServer({ providers: ['ctxfy'], rateLimit: 3 });

  it('rateLimit: 3 → three requests pass with remaining 2, 1, 0 and the 4th is 429', async () => {
    const a = ctxfyApi(ctx.url, freshKey('three'));
    const replies = [await a.get('/v1/spaces'), await a.post('/v1/spaces', { name: 'One' }), await a.get('/v1/spaces')];
    expect(replies.map((r) => r.status)).toEqual([200, 201, 200]);
    expect(replies.map((r) => rate(r))).toEqual([2, 1, 0].map((remaining) => ({ limit: 3, remaining, reset: windowEnd(ctx.server.clock.nowMs()) })));
    const fourth = await a.get('/v1/spaces');
    expectCtxfyError(fourth, 429);
    expect(fourth.headers.get('retry-after')).toBe('60');
    expect(fourth.json.message).toBe('Rate limit exceeded. Retry after 60 seconds');
  });
});

describe('Ctxfy --api-keys from fixtures/api-keys.yaml (no rate limit)', () => {
  const ctx = useServer({ providers: ['ctxfy'], apiKeys: FIXTURE_KEYS });

  it('listed keys work; two keys with the same user share data, under the user id the file names', async () => {
    const demo = ctxfyApi(ctx.url, 'ctx_demo_key');
    const demo2 = ctxfyApi(ctx.url, 'ctx_demo_key_2');
    const space = await createSpace(demo, 'Demo Space');
    expect(space.userId).toBe(DEMO_USER);
    expect((await ok(demo2.get('/v1/spaces'))).spaces).toEqual([space]);
    await createCollection(demo2, space.id, 'From Key Two');
    expect((await ok(demo.get(`/v1/spaces/${space.id}/collections`))).collections.map((c: any) => c.name)).toEqual(['From Key Two']);

    const free = ctxfyApi(ctx.url, 'ctx_free_key');
    expect((await ok(free.get('/v1/spaces'))).spaces).toEqual([]);
    expectNotFound(await free.get(`/v1/spaces/${space.id}`));
    const freeSpace = await createSpace(free, 'Free Space');
    expect(freeSpace.userId).toMatch(UUID);
    expect(freeSpace.userId).not.toBe(DEMO_USER);
  });

  it('a key not in the file is 401 with the documented body and no rate headers', async () => {
    for (const key of ['ctx-test-key', 'ctx_demo_key_3', 'CTX_DEMO_KEY']) {
      expectUnauthorized(await ctxfyApi(ctx.url, key).get('/v1/spaces'));
    }
  });

  it('keys minted by a listed key still work, for the listed key\u2019s user', async () => {
    const demo = ctxfyApi(ctx.url, 'ctx_demo_key');
    const minted = await ok(demo.post('/v1/api-keys', { name: 'minted under file' }), 201);
    const viaMinted = ctxfyApi(ctx.url, minted.api_key);
    const made = await createSpace(viaMinted, 'Via Minted');
    expect(made.userId).toBe(DEMO_USER);
    expect((await ok(ctxfyApi(ctx.url, 'ctx_demo_key_2').get('/v1/spaces'))).spaces.map((s: any) => s.id)).toContain(made.id);
    await ok(demo.del(`/v1/api-keys/${minted.id}`));
    expectUnauthorized(await viaMinted.get('/v1/spaces'));
  });

  it('the key\u2019s plan shows in X-RateLimit-Limit (pro 100, free 10) but is not enforced without rateLimit', async () => {
    expect(rate(await ctxfyApi(ctx.url, 'ctx_demo_key').get('/v1/spaces')).limit).toBe(100);
    expect(rate(await ctxfyApi(ctx.url, 'ctx_demo_key_2').get('/v1/spaces')).limit).toBe(100);
    const free = ctxfyApi(ctx.url, 'ctx_free_key');
    const replies: Res[] = [];
    for (let i = 0; i < 12; i++) replies.push(await free.get('/v1/spaces'));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(200));
    for (const r of replies) expect(rate(r).limit).toBe(10);
  });
});

describe('Ctxfy --api-keys with rateLimit: free (plans from the file are enforced)', () => {
  const ctx = useServer({ providers: ['ctxfy'], apiKeys: FIXTURE_KEYS, rateLimit: 'free' });

  it('the demo user\u2019s pro plan (set on ctx_demo_key) holds for both of its keys: limit 100, one shared window', async () => {
    const one = await ctxfyApi(ctx.url, 'ctx_demo_key').get('/v1/spaces');
    expect(one.status).toBe(200);
    expect(rate(one)).toMatchObject({ limit: 100, remaining: 99 });
    const two = await ctxfyApi(ctx.url, 'ctx_demo_key_2').get('/v1/spaces');
    expect(two.status).toBe(200);
    expect(rate(two)).toMatchObject({ limit: 100, remaining: 98 });
    const replies: Res[] = [];
    for (let i = 0; i < 10; i++) replies.push(await ctxfyApi(ctx.url, 'ctx_demo_key').get('/v1/spaces'));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
  });

  it('the free key gets 10 requests, then 429', async () => {
    const free = ctxfyApi(ctx.url, 'ctx_free_key');
    const replies: Res[] = [];
    for (let i = 0; i < 11; i++) replies.push(await free.get('/v1/spaces'));
    expect(replies.map((r) => r.status)).toEqual([...Array(10).fill(200), 429]);
    expect(rate(replies[10]!)).toMatchObject({ limit: 10, remaining: 0 });
  });
});

describe('Ctxfy --api-keys as an inline object', () => {
  const USER = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const ctx = useServer({
    providers: ['ctxfy'],
    apiKeys: {
      ctxfy: [
        { key: 'inline-a', user: USER, plan: 'pro' },
        { key: 'inline-b', user: USER, plan: 'pro' },
        { key: 'inline-c', plan: 25 },
        { key: 'inline-d', plan: 'free' },
      ],
    },
  });

  it('keys of one user share data; a numeric plan and free show in X-RateLimit-Limit; unlisted keys are 401', async () => {
    const a = ctxfyApi(ctx.url, 'inline-a');
    const space = await createSpace(a, 'Inline');
    expect(space.userId).toBe(USER);
    const viaB = await ctxfyApi(ctx.url, 'inline-b').get('/v1/spaces');
    expect(viaB.json.spaces).toEqual([space]);
    expect(rate(viaB).limit).toBe(100);
    expect(rate(await ctxfyApi(ctx.url, 'inline-c').get('/v1/spaces')).limit).toBe(25);
    expect(rate(await ctxfyApi(ctx.url, 'inline-d').get('/v1/spaces')).limit).toBe(10);
    expectUnauthorized(await ctxfyApi(ctx.url, 'inline-z').get('/v1/spaces'));
    expectUnauthorized(await ctxfyApi(ctx.url, freshKey('adhoc')).get('/v1/spaces'));
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
    [
      'two plans for one user',
      [
        { key: 'k1', user: USER, plan: 'pro' },
        { key: 'k2', user: USER, plan: 'free' },
      ],
      /ctxfy, entry 1: .*plan/,
    ],
  ])('%s', async (_label, entries, message) => {
    await expect(createMockServer({ port: 0, clock: 'manual', quiet: true, providers: ['ctxfy'], apiKeys: { ctxfy: entries } })).rejects.toThrow(message);
  });
});
