/**
 * Airweave source connections: create (the vendor's order of checks, defaults,
 * schedules, OAuth browser, auth providers, federated sources), get, list,
 * PATCH, DELETE, the sync-job lifecycle on the manual clock (run, cancel,
 * failures) and refresh_all.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { awRaw, awKey } from './support/airweave.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NAIVE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;
const AWARE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MISSING = '00000000-0000-4000-8000-000000000000';

const CONNECTION_FIELDS = [
  'id',
  'organization_id',
  'name',
  'description',
  'short_name',
  'readable_collection_id',
  'status',
  'created_at',
  'modified_at',
  'auth',
  'config',
  'schedule',
  'sync',
  'sync_id',
  'entities',
  'error_category',
  'error_message',
  'provider_settings_url',
  'provider_short_name',
  'federated_search',
].sort();

const LIST_ITEM_FIELDS = [
  'id',
  'name',
  'short_name',
  'readable_collection_id',
  'created_at',
  'modified_at',
  'is_authenticated',
  'entity_count',
  'federated_search',
  'auth_method',
  'status',
].sort();

const JOB_FIELDS = [
  'id',
  'source_connection_id',
  'status',
  'started_at',
  'completed_at',
  'duration_seconds',
  'entities_inserted',
  'entities_updated',
  'entities_deleted',
  'entities_failed',
  'error',
  'error_category',
  'error_details',
].sort();

const GITHUB_AUTH = { credentials: { personal_access_token: 'ghp_valid_token_1234' } };
const STRIPE_AUTH = { credentials: { api_key: 'sk_test_abcdefghijklmnopqrstuv' } };

describe('Airweave source connections', () => {
  const ctx = useServer({ providers: ['airweave'] });
  const advance = (ms: number) => ctx.server.clock.advance(ms);

  /** A fresh organisation with one collection. */
  async function setup(name = 'Connections') {
    const key = awKey();
    const res = await awRaw(ctx.url, '/collections', { key, method: 'POST', json: { name } });
    expect(res.status, res.text).toBe(200);
    return { key, collection: res.json.readable_id as string };
  }

  const post = (key: string, json: Record<string, unknown>) => awRaw(ctx.url, '/source-connections', { key, method: 'POST', json });

  async function create(key: string, json: Record<string, unknown>) {
    const res = await post(key, json);
    expect(res.status, res.text).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(CONNECTION_FIELDS);
    return res.json;
  }

  const githubBody = (collection: string, extra: Record<string, unknown> = {}) => ({
    short_name: 'github',
    readable_collection_id: collection,
    authentication: GITHUB_AUTH,
    config: { repo_name: 'a/b' },
    ...extra,
  });
  const stripeBody = (collection: string, extra: Record<string, unknown> = {}) => ({
    short_name: 'stripe',
    readable_collection_id: collection,
    authentication: STRIPE_AUTH,
    ...extra,
  });

  async function getConn(key: string, id: string) {
    const res = await awRaw(ctx.url, `/source-connections/${id}`, { key });
    expect(res.status, res.text).toBe(200);
    return res.json;
  }

  async function jobs(key: string, id: string, query = '') {
    const res = await awRaw(ctx.url, `/source-connections/${id}/jobs${query}`, { key });
    expect(res.status, res.text).toBe(200);
    for (const j of res.json) expect(Object.keys(j).sort()).toEqual(JOB_FIELDS);
    return res.json as any[];
  }

  const run = (key: string, id: string) => awRaw(ctx.url, `/source-connections/${id}/run`, { key, method: 'POST' });
  const cancel = (key: string, id: string, jobId: string) => awRaw(ctx.url, `/source-connections/${id}/jobs/${jobId}/cancel`, { key, method: 'POST' });

  describe('create: the vendor\u2019s order of checks', () => {
    it('unknown short_name → 404 (before anything else, even a missing collection)', async () => {
      const { key } = await setup();
      const res = await post(key, { short_name: 'x', readable_collection_id: 'no-such-collection', authentication: { credentials: { a: 'b' } } });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ detail: "Source 'x' not found" });
    });

    it('an authentication method the source does not offer → 400 listing the supported methods', async () => {
      const { key } = await setup();
      const github = await post(key, githubBody('no-such-collection', { authentication: { access_token: 'gho_token' } }));
      expect(github.status).toBe(400);
      expect(github.json).toEqual({ detail: "Source github does not support this authentication method. Supported methods: ['direct', 'auth_provider']" });
      const browser = await post(key, { short_name: 'github', readable_collection_id: 'no-such-collection', config: { repo_name: 'a/b' } });
      expect(browser.status).toBe(400);
      expect(browser.json.detail).toMatch(/Supported methods: \['direct', 'auth_provider'\]$/);
      const byoc = await post(key, {
        short_name: 'notion',
        readable_collection_id: 'no-such-collection',
        authentication: { client_id: 'id', client_secret: 'secret' },
      });
      expect(byoc.status).toBe(400);
      expect(byoc.json).toEqual({
        detail: "Source notion does not support this authentication method. Supported methods: ['oauth_browser', 'oauth_token', 'auth_provider']",
      });
    });

    it('sync_immediately: true with browser OAuth → 400', async () => {
      const { key, collection } = await setup();
      const res = await post(key, { short_name: 'notion', readable_collection_id: collection, sync_immediately: true });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ detail: 'OAuth connections cannot use sync_immediately. Sync starts after OAuth callback.' });
    });

    it('a missing required auth field → 422 {detail}', async () => {
      const { key } = await setup();
      const res = await post(key, githubBody('no-such-collection', { authentication: { credentials: { token: 'ghp_wrong_name' } } }));
      expect(res.status).toBe(422);
      expect(res.json).toEqual({ detail: 'Invalid auth fields: personal_access_token: Field required' });
    });

    it('a missing required config field → 422 {detail}', async () => {
      const { key } = await setup();
      const res = await post(key, githubBody('no-such-collection', { config: { branch: 'main' } }));
      expect(res.status).toBe(422);
      expect(res.json).toEqual({ detail: 'Invalid config fields: repo_name: Field required' });
      const absent = await post(key, githubBody('no-such-collection', { config: undefined }));
      expect(absent.json).toEqual({ detail: 'Invalid config fields: repo_name: Field required' });
    });

    it('a config field of the wrong type → 422 {detail}', async () => {
      const { key, collection } = await setup();
      const res = await post(key, githubBody(collection, { config: { repo_name: 'a/b', sync_pull_requests: 'yes' } }));
      expect(res.status).toBe(422);
      expect(res.json).toEqual({ detail: 'Invalid config fields: sync_pull_requests: Input should be a valid boolean' });
    });

    it('a stripe key not matching its pattern → 422 {detail}', async () => {
      const { key, collection } = await setup();
      const res = await post(key, stripeBody(collection, { authentication: { credentials: { api_key: 'pk_live_abcdefghijklmnopqrstuv' } } }));
      expect(res.status).toBe(422);
      expect(res.json).toEqual({ detail: "Invalid auth fields: api_key: String should match pattern '^sk_(test|live)_[A-Za-z0-9]+$'" });
    });

    it('a credential the provider rejects (contains "invalid") → 400, before the collection is looked up', async () => {
      const { key } = await setup();
      const res = await post(key, githubBody('no-such-collection', { authentication: { credentials: { personal_access_token: 'ghp_invalid_1234' } } }));
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        detail: "Invalid or revoked OAuth access token for source 'github'. Verify the token with the provider and try again.",
      });
      const token = await post(key, { short_name: 'slack', readable_collection_id: 'no-such-collection', authentication: { access_token: 'xoxp-INVALID' } });
      expect(token.status).toBe(400);
      expect(token.json.detail).toMatch(/^Invalid or revoked OAuth access token for source 'slack'\./);
    });

    it('an unknown collection → 404 Collection not found, and nothing is created', async () => {
      const { key } = await setup();
      const res = await post(key, githubBody('no-such-collection'));
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ detail: 'Collection not found' });
      expect((await awRaw(ctx.url, '/source-connections', { key })).json).toEqual([]);
    });

    it('schema checks: required short_name and readable_collection_id, name 4–42 characters', async () => {
      const { key, collection } = await setup();
      const missing = await post(key, { name: 'No Short Name' });
      expect(missing.status).toBe(422);
      expect(missing.json.errors).toEqual(
        expect.arrayContaining([{ 'body.short_name': 'Field required' }, { 'body.readable_collection_id': 'Field required' }]),
      );
      const short = await post(key, githubBody(collection, { name: 'abc' }));
      expect(short.json).toEqual({ errors: [{ 'body.name': 'String should have at least 4 characters' }] });
      const long = await post(key, githubBody(collection, { name: 'n'.repeat(43) }));
      expect(long.json).toEqual({ errors: [{ 'body.name': 'String should have at most 42 characters' }] });
      expect((await create(key, githubBody(collection, { name: 'n'.repeat(42) }))).name).toBe('n'.repeat(42));
    });
  });

  describe('create: defaults and wire shape', () => {
    it('direct github: default name, config echoed with defaults, authenticated, first job pending', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection));
      expect(c).toMatchObject({
        name: 'GitHub Connection',
        description: null,
        short_name: 'github',
        readable_collection_id: collection,
        status: 'active',
        config: { repo_name: 'a/b', branch: '', sync_pull_requests: false },
        entities: null,
        error_category: null,
        error_message: null,
        provider_settings_url: null,
        provider_short_name: null,
        federated_search: false,
      });
      expect(c.id).toMatch(UUID);
      expect(c.organization_id).toMatch(UUID);
      expect(c.sync_id).toMatch(UUID);
      expect(c.created_at).toMatch(NAIVE);
      expect(c.auth).toEqual({
        method: 'direct',
        authenticated: true,
        authenticated_at: c.created_at,
        expires_at: null,
        auth_url: null,
        auth_url_expires: null,
        redirect_url: null,
        claim_token: null,
        provider_readable_id: null,
        provider_id: null,
      });
      expect(c.sync).toEqual({
        total_runs: 1,
        successful_runs: 0,
        failed_runs: 0,
        last_job: {
          id: expect.stringMatching(UUID),
          status: 'pending',
          started_at: null,
          completed_at: null,
          duration_seconds: null,
          entities_inserted: 0,
          entities_updated: 0,
          entities_deleted: 0,
          entities_failed: 0,
          error: null,
          error_category: null,
        },
      });
      // Credentials are never echoed.
      expect(JSON.stringify(c)).not.toContain('ghp_valid_token_1234');
      expect(await getConn(key, c.id)).toEqual(c);
    });

    it('given name, description and config values are kept; stripe (no config fields) echoes {}', async () => {
      const { key, collection } = await setup();
      const gh = await create(
        key,
        githubBody(collection, { name: 'Repo Sync', description: 'the main repo', config: { repo_name: 'acme/x', branch: 'dev', sync_pull_requests: true } }),
      );
      expect(gh).toMatchObject({ name: 'Repo Sync', description: 'the main repo', config: { repo_name: 'acme/x', branch: 'dev', sync_pull_requests: true } });
      const stripe = await create(key, stripeBody(collection));
      expect(stripe.name).toBe('Stripe Connection');
      expect(stripe.config).toEqual({});
    });

    it('config keys named __proto__ neither satisfy required fields nor pollute objects', async () => {
      const { key, collection } = await setup();
      const res = await awRaw(ctx.url, '/source-connections', {
        key,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"short_name":"github","readable_collection_id":"${collection}","authentication":{"credentials":{"personal_access_token":"ghp_valid_token"}},"config":{"__proto__":{"repo_name":"x/y"}}}`,
      });
      expect(res.status).toBe(422);
      expect(res.json).toEqual({ detail: 'Invalid config fields: repo_name: Field required' });
      expect(({} as Record<string, unknown>).repo_name).toBeUndefined();
    });
  });

  describe('create: schedules', () => {
    it('continuous github defaults to */5 * * * *, next_run aware with Z on the next 5-minute mark', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection));
      expect(c.schedule).toMatchObject({ cron: '*/5 * * * *', continuous: false, cursor_field: null, cursor_value: null });
      expect(c.schedule.next_run).toMatch(AWARE);
      const next = Date.parse(c.schedule.next_run);
      const now = ctx.server.clock.nowMs();
      expect(new Date(next).getUTCMinutes() % 5).toBe(0);
      expect(next).toBeGreaterThan(now);
      expect(next - now).toBeLessThanOrEqual(5 * 60_000);
    });

    it('non-continuous stripe defaults to daily at the creation minute (UTC)', async () => {
      const { key, collection } = await setup();
      const c = await create(key, stripeBody(collection));
      const now = new Date(ctx.server.clock.nowMs());
      expect(c.schedule.cron).toBe(`${now.getUTCMinutes()} ${now.getUTCHours()} * * *`);
      expect(c.schedule.cron).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
      expect(c.schedule.next_run).toMatch(AWARE);
      const next = new Date(c.schedule.next_run);
      expect(next.getUTCMinutes()).toBe(now.getUTCMinutes());
      expect(next.getUTCHours()).toBe(now.getUTCHours());
      expect(next.getTime()).toBeGreaterThan(now.getTime());
    });

    it('a given cron is kept, next_run follows it', async () => {
      const { key, collection } = await setup();
      const c = await create(key, stripeBody(collection, { schedule: { cron: '0 */6 * * *' } }));
      expect(c.schedule.cron).toBe('0 */6 * * *');
      const next = new Date(c.schedule.next_run);
      expect(next.getUTCMinutes()).toBe(0);
      expect(next.getUTCHours() % 6).toBe(0);
    });

    it.each(['*/10 * * * *', '* * * * *', '*/59 * * * *'])('stripe with %j → 400 (no continuous syncs)', async (cron) => {
      const { key, collection } = await setup();
      const res = await post(key, stripeBody(collection, { schedule: { cron } }));
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ detail: "Source 'stripe' does not support continuous syncs. Minimum interval is 1 hour." });
    });

    it('github (continuous) accepts a sub-hourly cron', async () => {
      const { key, collection } = await setup();
      expect((await create(key, githubBody(collection, { schedule: { cron: '*/10 * * * *' } }))).schedule.cron).toBe('*/10 * * * *');
    });

    it('a cron that does not parse → 422', async () => {
      const { key, collection } = await setup();
      const res = await post(key, githubBody(collection, { schedule: { cron: 'every day' } }));
      expect(res.status).toBe(422);
    });

    it('schedule {cron: null} + sync_immediately false → no sync at all: run and jobs 404', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection, { schedule: { cron: null }, sync_immediately: false }));
      expect(c).toMatchObject({ sync_id: null, sync: null, schedule: null, status: 'active' });
      const r = await run(key, c.id);
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ detail: 'No sync found for this source connection' });
      const j = await awRaw(ctx.url, `/source-connections/${c.id}/jobs`, { key });
      expect(j.status).toBe(404);
      expect(j.json).toEqual({ detail: 'No sync found for this source connection' });
    });

    it('schedule {cron: null} with the default sync_immediately → a sync without schedule that runs once', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection, { schedule: { cron: null } }));
      expect(c.sync_id).toMatch(UUID);
      expect(c.schedule).toMatchObject({ cron: null, next_run: null });
      expect(c.sync.last_job.status).toBe('pending');
    });

    it('sync_immediately false → a scheduled sync, no job yet (sync null until the first job)', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection, { sync_immediately: false }));
      expect(c.sync_id).toMatch(UUID);
      expect(c.schedule.cron).toBe('*/5 * * * *');
      expect(c.sync).toBeNull();
      expect(await jobs(key, c.id)).toEqual([]);
      expect((await run(key, c.id)).json.status).toBe('pending');
      expect((await getConn(key, c.id)).sync.last_job.status).toBe('pending');
    });
  });

  describe('create: other authentication methods', () => {
    it('OAuth browser (notion): pending_auth, auth_url, claim_token only in the create response, no sync', async () => {
      const { key, collection } = await setup();
      const c = await create(key, { short_name: 'notion', readable_collection_id: collection, redirect_url: 'https://app.example.com/done' });
      expect(c).toMatchObject({ name: 'Notion Connection', status: 'pending_auth', sync: null, sync_id: null, schedule: null, config: {} });
      expect(c.auth).toMatchObject({ method: 'oauth_browser', authenticated: false, authenticated_at: null, redirect_url: 'https://app.example.com/done' });
      // It points back at the server and prefix the request came through.
      expect(c.auth.auth_url).toMatch(new RegExp(`^${ctx.url}/airweave/source-connections/authorize/[A-Za-z0-9]+$`));
      expect(c.auth.auth_url_expires).toMatch(NAIVE);
      expect(Date.parse(`${c.auth.auth_url_expires}Z`)).toBeGreaterThan(Date.parse(`${c.created_at}Z`));
      expect(c.auth.claim_token).toEqual(expect.any(String));
      expect(c.auth.claim_token.length).toBeGreaterThan(0);
      const again = await getConn(key, c.id);
      expect(again.auth.claim_token).toBeNull();
      expect(again.auth.auth_url).toBe(c.auth.auth_url);
      expect((await run(key, c.id)).status).toBe(404);
      const listed = (await awRaw(ctx.url, '/source-connections', { key })).json;
      expect(listed).toEqual([expect.objectContaining({ id: c.id, is_authenticated: false, auth_method: 'oauth_browser', status: 'pending_auth' })]);
    });

    it('BYOC (google_drive with client_id + client_secret): oauth_byoc, pending_auth; sync_immediately true → 400', async () => {
      const { key, collection } = await setup();
      const byoc = { client_id: 'my-client', client_secret: 'my-secret' };
      const c = await create(key, { short_name: 'google_drive', readable_collection_id: collection, authentication: byoc });
      expect(c).toMatchObject({ status: 'pending_auth', sync: null, sync_id: null });
      expect(c.auth).toMatchObject({ method: 'oauth_byoc', authenticated: false });
      const res = await post(key, { short_name: 'google_drive', readable_collection_id: collection, authentication: byoc, sync_immediately: true });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ detail: 'OAuth connections cannot use sync_immediately. Sync starts after OAuth callback.' });
    });

    it('sync_immediately false with browser OAuth is fine', async () => {
      const { key, collection } = await setup();
      expect((await create(key, { short_name: 'notion', readable_collection_id: collection, sync_immediately: false })).status).toBe('pending_auth');
    });

    it('auth_provider with the seeded composio-test works; an unknown provider → 404', async () => {
      const { key, collection } = await setup();
      const c = await create(
        key,
        stripeBody(collection, { authentication: { provider_readable_id: 'composio-test', provider_config: { auth_config_id: 'ac_1' } } }),
      );
      expect(c.status).toBe('active');
      expect(c.auth).toMatchObject({ method: 'auth_provider', authenticated: true, provider_readable_id: 'composio-test' });
      expect(c.sync.last_job.status).toBe('pending');
      const res = await post(key, stripeBody(collection, { authentication: { provider_readable_id: 'nope' } }));
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ detail: "Auth provider 'nope' not found" });
    });

    it('an authentication object with unknown keys matches no variant → 422', async () => {
      const { key, collection } = await setup();
      const res = await post(key, githubBody(collection, { authentication: { credentials: { personal_access_token: 'ghp_abcd' }, extra: true } }));
      expect(res.status).toBe(422);
      expect(res.json.errors.length).toBeGreaterThan(0);
    });

    it('federated slack via oauth_token: authenticated, no sync; run and jobs → 404 No sync found', async () => {
      const { key, collection } = await setup();
      const c = await create(key, { short_name: 'slack', readable_collection_id: collection, authentication: { access_token: 'xoxp-123' } });
      expect(c).toMatchObject({ status: 'active', federated_search: true, sync: null, sync_id: null, schedule: null, config: {} });
      expect(c.auth).toMatchObject({ method: 'oauth_token', authenticated: true, authenticated_at: c.created_at });
      for (const res of [await run(key, c.id), await awRaw(ctx.url, `/source-connections/${c.id}/jobs`, { key })]) {
        expect(res.status).toBe(404);
        expect(res.json).toEqual({ detail: 'No sync found for this source connection' });
      }
    });
  });

  describe('OAuth browser completion (mock-only auth_url)', () => {
    /** Opens auth_url as a browser would: no API key, redirects not followed. */
    const open = (authUrl: string) => fetch(authUrl, { redirect: 'manual' });

    it('opening auth_url authenticates, creates the sync, starts a job and redirects to redirect_url', async () => {
      const { key, collection } = await setup('OAuth Redirect');
      const conn = await create(key, { short_name: 'notion', readable_collection_id: collection, redirect_url: 'https://app.example.com/done?x=1' });
      expect(conn.status).toBe('pending_auth');
      const res = await open(conn.auth.auth_url);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`https://app.example.com/done?x=1&status=success&source_connection_id=${conn.id}`);
      const after = await getConn(key, conn.id);
      expect(after).toMatchObject({ status: 'active', sync_id: expect.any(String), auth: { authenticated: true, auth_url: null, claim_token: null } });
      expect(after.auth.authenticated_at).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+$/);
      expect(after.sync.last_job.status).toBe('pending');
      expect((await awRaw(ctx.url, `/collections/${collection}`, { key })).json.status).toBe('NEEDS SOURCE');
      advance(1000);
      expect((await awRaw(ctx.url, `/collections/${collection}`, { key })).json.status).toBe('ACTIVE');
    });

    it('without a redirect_url answers with the connection; the code works once', async () => {
      const { key, collection } = await setup('OAuth Once');
      const conn = await create(key, { short_name: 'notion', readable_collection_id: collection });
      const first = await open(conn.auth.auth_url);
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ id: conn.id, status: 'active', auth: { authenticated: true } });
      const again = await open(conn.auth.auth_url);
      expect(again.status).toBe(404);
      expect(await again.json()).toEqual({ detail: 'Authorization code not found or already used' });
    });

    it('an unknown code, or the code of a deleted connection, is 404', async () => {
      const { key, collection } = await setup('OAuth Gone');
      const conn = await create(key, { short_name: 'notion', readable_collection_id: collection });
      expect((await awRaw(ctx.url, `/source-connections/${conn.id}`, { key, method: 'DELETE' })).status).toBe(200);
      expect((await open(conn.auth.auth_url)).status).toBe(404);
      expect((await awRaw(ctx.url, '/source-connections/authorize/nope', { key: null })).status).toBe(404);
    });

    it('a federated source gets no sync and makes the collection ACTIVE at once', async () => {
      const { key, collection } = await setup('OAuth Federated');
      const conn = await create(key, { short_name: 'slack', readable_collection_id: collection });
      expect((await open(conn.auth.auth_url)).status).toBe(200);
      const after = await getConn(key, conn.id);
      expect(after).toMatchObject({ status: 'active', sync: null, sync_id: null });
      expect((await awRaw(ctx.url, `/collections/${collection}`, { key })).json.status).toBe('ACTIVE');
    });
  });

  describe('get and list', () => {
    it('get: unknown id → 404; a non-UUID id → 422 on path.source_connection_id', async () => {
      const { key } = await setup();
      const missing = await awRaw(ctx.url, `/source-connections/${MISSING}`, { key });
      expect(missing.status).toBe(404);
      expect(missing.json).toEqual({ detail: 'Source connection not found' });
      const bad = await awRaw(ctx.url, '/source-connections/not-a-uuid', { key });
      expect(bad.status).toBe(422);
      expect(bad.json.errors).toHaveLength(1);
      expect(Object.keys(bad.json.errors[0])).toEqual(['path.source_connection_id']);
      expect(bad.json.errors[0]['path.source_connection_id']).toMatch(/^Input should be a valid UUID, invalid character: .*found `n` at 1$/);
    });

    it('list items have exactly the list-item fields; newest first; filter by collection; skip/limit', async () => {
      const { key, collection } = await setup('List A');
      const other = (await awRaw(ctx.url, '/collections', { key, method: 'POST', json: { name: 'List B' } })).json.readable_id;
      const a = await create(key, githubBody(collection, { name: 'First Conn' }));
      advance(10);
      const b = await create(key, stripeBody(other, { name: 'Second Conn' }));
      advance(10);
      const c = await create(key, { short_name: 'notion', readable_collection_id: collection, name: 'Third Conn' });
      const all = (await awRaw(ctx.url, '/source-connections', { key })).json;
      expect(all.map((x: any) => x.id)).toEqual([c.id, b.id, a.id]);
      for (const item of all) expect(Object.keys(item).sort()).toEqual(LIST_ITEM_FIELDS);
      expect(all[2]).toEqual({
        id: a.id,
        name: 'First Conn',
        short_name: 'github',
        readable_collection_id: collection,
        created_at: a.created_at,
        modified_at: a.modified_at,
        is_authenticated: true,
        entity_count: 0,
        federated_search: false,
        auth_method: 'direct',
        status: 'active',
      });
      const inA = (await awRaw(ctx.url, `/source-connections?collection=${collection}`, { key })).json;
      expect(inA.map((x: any) => x.id)).toEqual([c.id, a.id]);
      const unknown = await awRaw(ctx.url, '/source-connections?collection=no-such-collection', { key });
      expect(unknown.status).toBe(200);
      expect(unknown.json).toEqual([]);
      expect((await awRaw(ctx.url, '/source-connections?skip=1&limit=1', { key })).json.map((x: any) => x.id)).toEqual([b.id]);
      expect((await awRaw(ctx.url, '/source-connections?skip=3', { key })).json).toEqual([]);
      const bad = await awRaw(ctx.url, '/source-connections?limit=1001', { key });
      expect(bad.status).toBe(422);
      expect(bad.json).toEqual({ errors: [{ 'query.limit': 'Input should be less than or equal to 1000' }] });
    });
  });

  describe('PATCH', () => {
    it('{} → 422 Value error, checked before the connection is looked up', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection));
      for (const id of [c.id, MISSING]) {
        const res = await awRaw(ctx.url, `/source-connections/${id}`, { key, method: 'PATCH', json: {} });
        expect(res.status).toBe(422);
        expect(res.json).toEqual({ errors: [{ body: 'Value error, At least one field must be provided for update' }] });
      }
    });

    it('rename and describe: the response is the full connection, modified_at bumps', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection));
      advance(1500);
      const res = await awRaw(ctx.url, `/source-connections/${c.id}`, { key, method: 'PATCH', json: { name: 'Renamed Conn', description: 'now described' } });
      expect(res.status).toBe(200);
      expect(Object.keys(res.json).sort()).toEqual(CONNECTION_FIELDS);
      expect(res.json).toMatchObject({ id: c.id, name: 'Renamed Conn', description: 'now described', created_at: c.created_at, config: c.config });
      expect(Date.parse(`${res.json.modified_at}Z`) - Date.parse(`${c.modified_at}Z`)).toBe(1500);
      expect((await getConn(key, c.id)).name).toBe('Renamed Conn');
    });

    it('config is re-validated against the catalog and stored with defaults', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection, { config: { repo_name: 'a/b', branch: 'dev' } }));
      const bad = await awRaw(ctx.url, `/source-connections/${c.id}`, { key, method: 'PATCH', json: { config: { branch: 'main' } } });
      expect(bad.status).toBe(422);
      expect(bad.json).toEqual({ detail: 'Invalid config fields: repo_name: Field required' });
      const ok = await awRaw(ctx.url, `/source-connections/${c.id}`, { key, method: 'PATCH', json: { config: { repo_name: 'c/d' } } });
      expect(ok.status).toBe(200);
      expect(ok.json.config).toEqual({ repo_name: 'c/d', branch: '', sync_pull_requests: false });
    });

    it('credentials: re-validated on a direct connection; 400 on any other method', async () => {
      const { key, collection } = await setup();
      const direct = await create(key, githubBody(collection));
      const ok = await awRaw(ctx.url, `/source-connections/${direct.id}`, {
        key,
        method: 'PATCH',
        json: { authentication: { credentials: { personal_access_token: 'ghp_rotated_9999' } } },
      });
      expect(ok.status).toBe(200);
      const bad = await awRaw(ctx.url, `/source-connections/${direct.id}`, { key, method: 'PATCH', json: { authentication: { credentials: { wrong: 'x' } } } });
      expect(bad.status).toBe(422);
      expect(bad.json).toEqual({ detail: 'Invalid auth fields: personal_access_token: Field required' });
      const viaProvider = await create(key, stripeBody(collection, { authentication: { provider_readable_id: 'composio-test' } }));
      const res = await awRaw(ctx.url, `/source-connections/${viaProvider.id}`, {
        key,
        method: 'PATCH',
        json: { authentication: { credentials: { api_key: 'sk_test_abcdefghijklmnopqrstuv' } } },
      });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ detail: 'Credentials can only be updated for direct authentication' });
    });

    it('a schedule change recomputes cron and next_run; stripe still refuses sub-hourly', async () => {
      const { key, collection } = await setup();
      const c = await create(key, stripeBody(collection));
      const res = await awRaw(ctx.url, `/source-connections/${c.id}`, { key, method: 'PATCH', json: { schedule: { cron: '30 3 * * *' } } });
      expect(res.status).toBe(200);
      expect(res.json.schedule.cron).toBe('30 3 * * *');
      expect(res.json.schedule.next_run).toMatch(/T03:30:00Z$/);
      expect(res.json.sync_id).toBe(c.sync_id);
      const bad = await awRaw(ctx.url, `/source-connections/${c.id}`, { key, method: 'PATCH', json: { schedule: { cron: '*/15 * * * *' } } });
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual({ detail: "Source 'stripe' does not support continuous syncs. Minimum interval is 1 hour." });
      expect((await getConn(key, c.id)).schedule.cron).toBe('30 3 * * *');
    });

    it('unknown connection → 404', async () => {
      const { key } = await setup();
      const res = await awRaw(ctx.url, `/source-connections/${MISSING}`, { key, method: 'PATCH', json: { name: 'Whatever' } });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ detail: 'Source connection not found' });
    });
  });

  describe('DELETE', () => {
    it('returns the snapshot, cascades its jobs and cancels the one in flight', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection));
      const keep = await create(key, stripeBody(collection));
      advance(1000); // both running
      const before = ctx.server.clock.pending();
      const res = await awRaw(ctx.url, `/source-connections/${c.id}`, { key, method: 'DELETE' });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ id: c.id, name: 'GitHub Connection', status: 'syncing' });
      expect(res.json.sync.last_job.status).toBe('running');
      expect(ctx.server.clock.pending()).toBe(before - 1);
      for (const path of [`/source-connections/${c.id}`, `/source-connections/${c.id}/jobs`]) {
        const gone = await awRaw(ctx.url, path, { key });
        expect(gone.status).toBe(404);
        expect(gone.json).toEqual({ detail: 'Source connection not found' });
      }
      expect((await awRaw(ctx.url, `/source-connections/${c.id}`, { key, method: 'DELETE' })).status).toBe(404);
      expect((await awRaw(ctx.url, '/source-connections', { key })).json.map((x: any) => x.id)).toEqual([keep.id]);
    });
  });

  describe('sync jobs', () => {
    it('pending → running → completed on the clock; the connection reflects each step', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection));
      const [pending] = await jobs(key, c.id);
      expect(pending).toMatchObject({
        id: c.sync.last_job.id,
        source_connection_id: c.id,
        status: 'pending',
        started_at: null,
        completed_at: null,
        duration_seconds: null,
        error_details: null,
      });

      advance(1000);
      const [running] = await jobs(key, c.id);
      expect(running.status).toBe('running');
      expect(running.started_at).toMatch(NAIVE);
      expect(running.completed_at).toBeNull();
      expect((await getConn(key, c.id)).status).toBe('syncing');

      advance(1000);
      const [done] = await jobs(key, c.id);
      expect(done.status).toBe('completed');
      expect(done.completed_at).toMatch(NAIVE);
      expect(done.duration_seconds).toBe(1);
      expect(done.entities_inserted).toBeGreaterThan(0);
      expect(done.error).toBeNull();
      const conn = await getConn(key, c.id);
      expect(conn.status).toBe('active');
      expect(conn.sync).toMatchObject({ total_runs: 1, successful_runs: 1, failed_runs: 0, last_job: { id: done.id, status: 'completed' } });
      expect(conn.entities.total_entities).toBe(done.entities_inserted);
      expect(Object.keys(conn.entities.by_type)).toContain('GitHubCodeFileEntity');
      for (const stats of Object.values(conn.entities.by_type) as any[]) expect(stats.last_updated).toMatch(NAIVE);
      const [item] = (await awRaw(ctx.url, `/source-connections?collection=${collection}`, { key })).json;
      expect(item.entity_count).toBe(done.entities_inserted);
    });

    it('run while a job is pending or running → 400; afterwards a new job starts; jobs are newest first', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection));
      const r1 = await run(key, c.id);
      expect(r1.status).toBe(400);
      expect(r1.json).toEqual({ detail: 'Cannot start new sync: a sync job is already pending' });
      advance(1000);
      expect((await run(key, c.id)).json).toEqual({ detail: 'Cannot start new sync: a sync job is already running' });
      advance(1000);
      const started = await run(key, c.id);
      expect(started.status).toBe(200);
      expect(Object.keys(started.json).sort()).toEqual(JOB_FIELDS);
      expect(started.json).toMatchObject({ source_connection_id: c.id, status: 'pending', started_at: null, completed_at: null, entities_inserted: 0 });
      expect(started.json.id).not.toBe(c.sync.last_job.id);
      const forced = await awRaw(ctx.url, `/source-connections/${c.id}/run?force_full_sync=true`, { key, method: 'POST' });
      expect(forced.status).toBe(400);
      const list = await jobs(key, c.id);
      expect(list.map((j) => [j.id, j.status])).toEqual([
        [started.json.id, 'pending'],
        [c.sync.last_job.id, 'completed'],
      ]);
      expect((await jobs(key, c.id, '?limit=1')).map((j) => j.id)).toEqual([started.json.id]);
      const bad = await awRaw(ctx.url, `/source-connections/${c.id}/jobs?limit=0`, { key });
      expect(bad.status).toBe(422);
      expect(bad.json).toEqual({ errors: [{ 'query.limit': 'Input should be greater than or equal to 1' }] });
    });

    it('run on an unknown connection → 404 Source connection not found', async () => {
      const { key } = await setup();
      const res = await run(key, MISSING);
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ detail: 'Source connection not found' });
    });

    it('cancel a pending job → cancelled at once; its timer is dropped', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection));
      const before = ctx.server.clock.pending();
      const res = await cancel(key, c.id, c.sync.last_job.id);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ id: c.sync.last_job.id, status: 'cancelled', started_at: null });
      expect(res.json.completed_at).toMatch(NAIVE);
      expect(ctx.server.clock.pending()).toBe(before - 1);
      advance(5000);
      expect((await jobs(key, c.id))[0].status).toBe('cancelled');
      expect((await getConn(key, c.id)).status).toBe('active');
      expect((await run(key, c.id)).status).toBe(200); // nothing in flight any more
    });

    it('cancel a running job → cancelling (still syncing), then cancelled after a step', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection));
      advance(1000);
      const res = await cancel(key, c.id, c.sync.last_job.id);
      expect(res.status).toBe(200);
      expect(res.json.status).toBe('cancelling');
      expect((await getConn(key, c.id)).status).toBe('syncing');
      expect((await run(key, c.id)).json).toEqual({ detail: 'Cannot start new sync: a sync job is already cancelling' });
      const again = await cancel(key, c.id, c.sync.last_job.id);
      expect(again.status).toBe(400);
      expect(again.json).toEqual({ detail: 'Cannot cancel job in cancelling state' });
      advance(1000);
      const [job] = await jobs(key, c.id);
      expect(job.status).toBe('cancelled');
      expect(job.completed_at).toMatch(NAIVE);
      expect(job.entities_inserted).toBe(0);
      expect((await getConn(key, c.id)).status).toBe('active');
    });

    it('cancel a completed job → 400; an unknown job → 404; a non-UUID job id → 422', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection));
      advance(2000);
      const done = await cancel(key, c.id, c.sync.last_job.id);
      expect(done.status).toBe(400);
      expect(done.json).toEqual({ detail: 'Cannot cancel job in completed state' });
      const unknown = await cancel(key, c.id, MISSING);
      expect(unknown.status).toBe(404);
      expect(unknown.json).toEqual({ detail: 'Sync job not found' });
      const bad = await cancel(key, c.id, 'job-1');
      expect(bad.status).toBe(422);
      expect(Object.keys(bad.json.errors[0])).toEqual(['path.job_id']);
    });

    it('[mock:fail] → failed with an error and no completed_at; connection status error', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection, { description: 'flaky [mock:fail]' }));
      advance(2000);
      const [job] = await jobs(key, c.id);
      expect(job).toMatchObject({ status: 'failed', completed_at: null, duration_seconds: null, error_category: null });
      expect(job.started_at).toMatch(NAIVE);
      expect(job.error).toEqual(expect.any(String));
      const conn = await getConn(key, c.id);
      expect(conn).toMatchObject({ status: 'error', error_category: null, error_message: null, entities: null });
      expect(conn.sync).toMatchObject({ total_runs: 1, successful_runs: 0, failed_runs: 1, last_job: { status: 'failed', error: job.error } });
      // A failed job is terminal: cancel refuses, run starts afresh.
      expect((await cancel(key, c.id, job.id)).json).toEqual({ detail: 'Cannot cancel job in failed state' });
      expect((await run(key, c.id)).status).toBe(200);
    });

    it('[mock:fail-auth] → failed with error_category api_key_invalid; connection needs_reauth with error_message', async () => {
      const { key, collection } = await setup();
      const c = await create(key, githubBody(collection, { description: '[mock:fail-auth]' }));
      advance(2000);
      const [job] = await jobs(key, c.id);
      expect(job).toMatchObject({ status: 'failed', error_category: 'api_key_invalid' });
      expect(job.error).toEqual(expect.any(String));
      const conn = await getConn(key, c.id);
      expect(conn).toMatchObject({ status: 'needs_reauth', error_category: 'api_key_invalid', error_message: job.error });
      const [item] = (await awRaw(ctx.url, '/source-connections', { key })).json;
      expect(item.status).toBe('needs_reauth');
    });
  });

  describe('refresh_all', () => {
    it('starts a job for each connection with a sync and nothing in flight; skips the rest', async () => {
      const { key, collection } = await setup();
      const idle = await create(key, githubBody(collection));
      advance(2000); // idle's first job completes
      const busy = await create(key, stripeBody(collection)); // pending job
      await create(key, { short_name: 'notion', readable_collection_id: collection }); // no sync
      await create(key, { short_name: 'slack', readable_collection_id: collection, authentication: { access_token: 'xoxp-1' } }); // federated
      await create(key, githubBody(collection, { schedule: { cron: null }, sync_immediately: false, config: { repo_name: 'a/c' } })); // no sync
      const res = await awRaw(ctx.url, `/collections/${collection}/refresh_all`, { key, method: 'POST' });
      expect(res.status).toBe(200);
      expect(res.json).toHaveLength(1);
      expect(Object.keys(res.json[0]).sort()).toEqual(JOB_FIELDS);
      expect(res.json[0]).toMatchObject({ source_connection_id: idle.id, status: 'pending' });
      expect((await jobs(key, idle.id)).map((j) => j.status)).toEqual(['pending', 'completed']);
      expect((await jobs(key, busy.id)).map((j) => j.status)).toEqual(['pending']);
      // Everything now in flight: a second call starts nothing.
      expect((await awRaw(ctx.url, `/collections/${collection}/refresh_all`, { key, method: 'POST' })).json).toEqual([]);
    });

    it('[] for a collection without connections; 404 for an unknown one', async () => {
      const { key, collection } = await setup();
      const empty = await awRaw(ctx.url, `/collections/${collection}/refresh_all`, { key, method: 'POST' });
      expect(empty.status).toBe(200);
      expect(empty.json).toEqual([]);
      const missing = await awRaw(ctx.url, '/collections/no-such-collection/refresh_all', { key, method: 'POST' });
      expect(missing.status).toBe(404);
      expect(missing.json).toEqual({ detail: 'Collection not found' });
    });
  });
});
