/**
 * Airweave collections: create (readable_id generation and checks, every wire
 * field, sync_config), list, get, PATCH, DELETE with its cascade, trailing
 * slashes, and the collection status derived from its source connections.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { uniqueName } from './support/client.js';
import { awRaw, awKey } from './support/airweave.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** A database timestamp: naive UTC, no zone, microseconds only when non-zero. */
const NAIVE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;
const PATTERN_MESSAGE = "String should match pattern '^[a-z0-9]+(-[a-z0-9]+)*$'";

const COLLECTION_FIELDS = [
  'name',
  'readable_id',
  'id',
  'sync_config',
  'created_at',
  'modified_at',
  'organization_id',
  'created_by_email',
  'modified_by_email',
  'status',
  'vector_size',
  'embedding_model_name',
  'source_connection_summaries',
].sort();

const FULL_SYNC_CONFIG_DEFAULTS = {
  destinations: { skip_vespa: false, target_destinations: null, exclude_destinations: null },
  handlers: { enable_vector_handlers: true, enable_raw_data_handler: true, enable_postgres_handler: true },
  cursor: { skip_load: false, skip_updates: false },
  behavior: { skip_hash_comparison: false, replay_from_arf: false, skip_guardrails: false },
};

/** A readable_id nobody else on the server uses (they are unique across organisations). */
const uniqueId = uniqueName;

/** Naive timestamps are UTC. */
const epochMs = (naive: string): number => Date.parse(`${naive}Z`);

describe('Airweave collections', () => {
  const ctx = useServer({ providers: ['airweave'] });

  async function create(key: string, body: Record<string, unknown>) {
    const res = await awRaw(ctx.url, '/collections', { key, method: 'POST', json: body });
    expect(res.status, res.text).toBe(200);
    return res.json;
  }

  async function get(key: string, readableId: string) {
    const res = await awRaw(ctx.url, `/collections/${readableId}`, { key });
    expect(res.status, res.text).toBe(200);
    return res.json;
  }

  async function list(key: string, query = '') {
    const res = await awRaw(ctx.url, `/collections${query}`, { key });
    expect(res.status, res.text).toBe(200);
    expect(Array.isArray(res.json)).toBe(true);
    return res.json as any[];
  }

  /** A github connection with direct auth; its first job starts pending. */
  async function github(key: string, collection: string, extra: Record<string, unknown> = {}) {
    const res = await awRaw(ctx.url, '/source-connections', {
      key,
      method: 'POST',
      json: {
        short_name: 'github',
        readable_collection_id: collection,
        authentication: { credentials: { personal_access_token: 'ghp_valid_token_1234' } },
        config: { repo_name: 'acme/repo' },
        ...extra,
      },
    });
    expect(res.status, res.text).toBe(200);
    return res.json;
  }

  async function connection(key: string, body: Record<string, unknown>) {
    const res = await awRaw(ctx.url, '/source-connections', { key, method: 'POST', json: body });
    expect(res.status, res.text).toBe(200);
    return res.json;
  }

  const status = async (key: string, readableId: string): Promise<string> => (await get(key, readableId)).status;

  describe('create: readable_id generation', () => {
    it.each([
      ['Finance Data', /^finance-data-[a-z0-9]{6}$/],
      ['  Q1 Report: Sales & Marketing!! ', /^q1-report-sales-marketing-[a-z0-9]{6}$/],
      ['a-b -- c', /^ab-c-[a-z0-9]{6}$/],
      ['Café Übersicht', /^caf-bersicht-[a-z0-9]{6}$/],
      ['!!!!', /^[a-z0-9]{6}$/],
      ['Team\tNotes\n2024', /^team-notes-2024-[a-z0-9]{6}$/],
      ['UPPER lower 42', /^upper-lower-42-[a-z0-9]{6}$/],
    ])('%j → %s', async (name, shape) => {
      const c = await create(awKey(), { name });
      expect(c.readable_id).toMatch(shape);
      expect(c.name).toBe(name); // the name itself is kept as given
    });

    it('generates a different suffix each time for the same name (names need not be unique)', async () => {
      const key = awKey();
      const a = await create(key, { name: 'Same Name' });
      const b = await create(key, { name: 'Same Name' });
      expect(a.readable_id).not.toBe(b.readable_id);
      expect(a.readable_id.slice(0, -6)).toBe(b.readable_id.slice(0, -6));
    });

    it('an explicit null readable_id is generated like an absent one', async () => {
      const c = await create(awKey(), { name: 'Null Id', readable_id: null });
      expect(c.readable_id).toMatch(/^null-id-[a-z0-9]{6}$/);
    });

    it('keeps an explicit readable_id as given, of any length', async () => {
      const id = uniqueId('my-explicit-id');
      const c = await create(awKey(), { name: 'Explicit', readable_id: id });
      expect(c.readable_id).toBe(id);
      const long = `${uniqueId('x')}-${'a'.repeat(200)}`;
      expect((await create(awKey(), { name: 'Long Id', readable_id: long })).readable_id).toBe(long);
    });
  });

  describe('create: validation', () => {
    it.each(['Has-Upper', 'under_score', 'a--b', '-leading', 'trailing-', 'sp ace', 'café', ''])('readable_id %j → 422 pattern', async (readableId) => {
      const res = await awRaw(ctx.url, '/collections', { key: awKey(), method: 'POST', json: { name: 'Valid Name', readable_id: readableId } });
      expect(res.status).toBe(422);
      expect(res.json).toEqual({ errors: [{ 'body.readable_id': PATTERN_MESSAGE }] });
    });

    it('name of 3 or 65 characters → 422 with pydantic messages; 4 and 64 are fine', async () => {
      const key = awKey();
      const short = await awRaw(ctx.url, '/collections', { key, method: 'POST', json: { name: 'abc' } });
      expect(short.status).toBe(422);
      expect(short.json).toEqual({ errors: [{ 'body.name': 'String should have at least 4 characters' }] });
      const long = await awRaw(ctx.url, '/collections', { key, method: 'POST', json: { name: 'n'.repeat(65) } });
      expect(long.status).toBe(422);
      expect(long.json).toEqual({ errors: [{ 'body.name': 'String should have at most 64 characters' }] });
      expect((await create(key, { name: 'abcd' })).name).toBe('abcd');
      expect((await create(key, { name: 'n'.repeat(64) })).name).toBe('n'.repeat(64));
      expect(await list(key)).toHaveLength(2); // nothing was stored by the refused requests
    });

    it('missing name → 422 Field required; a non-string name → 422 valid string', async () => {
      const key = awKey();
      const missing = await awRaw(ctx.url, '/collections', { key, method: 'POST', json: { readable_id: uniqueId('no-name') } });
      expect(missing.status).toBe(422);
      expect(missing.json).toEqual({ errors: [{ 'body.name': 'Field required' }] });
      const wrongType = await awRaw(ctx.url, '/collections', { key, method: 'POST', json: { name: 12345 } });
      expect(wrongType.status).toBe(422);
      expect(wrongType.json).toEqual({ errors: [{ 'body.name': 'Input should be a valid string' }] });
    });

    it('unknown fields are ignored, not rejected and not echoed', async () => {
      const c = await create(awKey(), { name: 'Extra Fields', description: 'old clients send this', color: 'red' });
      expect(Object.keys(c).sort()).toEqual(COLLECTION_FIELDS);
      expect(c).not.toHaveProperty('description');
    });
  });

  describe('create: uniqueness of readable_id', () => {
    it('a duplicate in the same organisation → 400 with the vendor text', async () => {
      const key = awKey();
      const id = uniqueId('dup');
      await create(key, { name: 'First', readable_id: id });
      const res = await awRaw(ctx.url, '/collections', { key, method: 'POST', json: { name: 'Second', readable_id: id } });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ detail: `Collection with readable_id '${id}' already exists` });
      expect((await get(key, id)).name).toBe('First');
    });

    it('a duplicate in another organisation → the same 400 (ids are unique across the database)', async () => {
      const id = uniqueId('global');
      await create(awKey('a'), { name: 'Org A', readable_id: id });
      const other = awKey('b');
      const res = await awRaw(ctx.url, '/collections', { key: other, method: 'POST', json: { name: 'Org B', readable_id: id } });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ detail: `Collection with readable_id '${id}' already exists` });
      // …and the other organisation still cannot see it.
      expect((await awRaw(ctx.url, `/collections/${id}`, { key: other })).status).toBe(404);
    });

    it('the id is free again after DELETE, for any organisation', async () => {
      const id = uniqueId('freed');
      const a = awKey('a');
      await create(a, { name: 'Before', readable_id: id });
      expect((await awRaw(ctx.url, `/collections/${id}`, { key: a, method: 'DELETE' })).status).toBe(200);
      const b = awKey('b');
      const again = await create(b, { name: 'After', readable_id: id });
      expect(again.readable_id).toBe(id);
      expect(again.name).toBe('After');
    });
  });

  describe('create: the wire shape', () => {
    it('has every field, with the API-key caller defaults', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Wire Shape' });
      expect(Object.keys(c).sort()).toEqual(COLLECTION_FIELDS);
      expect(c).toMatchObject({
        name: 'Wire Shape',
        sync_config: null,
        created_by_email: null,
        modified_by_email: null,
        status: 'NEEDS SOURCE',
        vector_size: 3072,
        embedding_model_name: 'text-embedding-3-large',
        source_connection_summaries: [],
      });
      expect(c.id).toMatch(UUID);
      expect(c.organization_id).toMatch(UUID);
      expect(c.created_at).toMatch(NAIVE);
      expect(c.modified_at).toBe(c.created_at);
      expect(epochMs(c.created_at)).toBe(Math.floor(ctx.server.clock.nowMicros() / 1000));
      // GET returns the same record.
      expect(await get(key, c.readable_id)).toEqual(c);
    });

    it('organization_id is stable per key and differs across keys', async () => {
      const a = awKey('a');
      const b = awKey('b');
      const a1 = await create(a, { name: 'Org One' });
      const a2 = await create(a, { name: 'Org Two' });
      const b1 = await create(b, { name: 'Org Three' });
      expect(a1.organization_id).toBe(a2.organization_id);
      expect(b1.organization_id).not.toBe(a1.organization_id);
      expect(b1.organization_id).toMatch(UUID);
    });
  });

  describe('create: sync_config', () => {
    it('a partial sync_config is echoed whole, with every default filled in', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Sync Config', sync_config: { handlers: { enable_postgres_handler: false, enable_vector_handlers: false } } });
      expect(c.sync_config).toEqual({
        ...FULL_SYNC_CONFIG_DEFAULTS,
        handlers: { enable_vector_handlers: false, enable_raw_data_handler: true, enable_postgres_handler: false },
      });
      expect((await get(key, c.readable_id)).sync_config).toEqual(c.sync_config);
    });

    it('an empty sync_config is the defaults; null is null; unknown keys are dropped', async () => {
      const key = awKey();
      expect((await create(key, { name: 'Empty Config', sync_config: {} })).sync_config).toEqual(FULL_SYNC_CONFIG_DEFAULTS);
      expect((await create(key, { name: 'Null Config', sync_config: null })).sync_config).toBeNull();
      const extra = await create(key, { name: 'Extra Config', sync_config: { cursor: { skip_load: true, bogus: 1 }, bogus: {} } });
      expect(extra.sync_config).toEqual({ ...FULL_SYNC_CONFIG_DEFAULTS, cursor: { skip_load: true, skip_updates: false } });
    });

    it('destinations.skip_vespa true → 422 Value error; nothing is created', async () => {
      const key = awKey();
      const res = await awRaw(ctx.url, '/collections', {
        key,
        method: 'POST',
        json: { name: 'No Vespa', sync_config: { destinations: { skip_vespa: true } } },
      });
      expect(res.status).toBe(422);
      expect(res.json.errors).toHaveLength(1);
      const [[loc, message]] = Object.entries(res.json.errors[0]) as [[string, string]];
      expect(loc).toMatch(/^body\.sync_config/);
      expect(message).toBe('Value error, Invalid config: skip_vespa is True. Vespa is the only vector database and must be enabled.');
      expect(await list(key)).toEqual([]);
    });

    it('a wrongly typed flag → 422 naming the field', async () => {
      const res = await awRaw(ctx.url, '/collections', {
        key: awKey(),
        method: 'POST',
        json: { name: 'Bad Flag', sync_config: { cursor: { skip_load: 'yes' } } },
      });
      expect(res.status).toBe(422);
      expect(res.json.errors).toContainEqual({ 'body.sync_config.cursor.skip_load': 'Input should be a valid boolean, unable to interpret input' });
    });
  });

  describe('list', () => {
    it('is newest first; skip/limit page it; past the end is []', async () => {
      const key = awKey();
      const names = ['List One', 'List Two', 'List Three', 'List Four'];
      for (const name of names) {
        await create(key, { name });
        ctx.server.clock.advance(10);
      }
      expect((await list(key)).map((c) => c.name)).toEqual([...names].reverse());
      expect((await list(key, '?limit=2')).map((c) => c.name)).toEqual(['List Four', 'List Three']);
      expect((await list(key, '?skip=2&limit=2')).map((c) => c.name)).toEqual(['List Two', 'List One']);
      expect((await list(key, '?skip=3&limit=2')).map((c) => c.name)).toEqual(['List One']);
      expect(await list(key, '?skip=4')).toEqual([]);
      expect((await list(key, '?limit=1000')).length).toBe(4);
    });

    it('orders collections and connections created at the same instant by creation, newest first', async () => {
      const key = awKey();
      const names = ['Same Instant A', 'Same Instant B', 'Same Instant C', 'Same Instant D', 'Same Instant E'];
      const created = [];
      for (const name of names) created.push(await create(key, { name }));
      expect((await list(key)).map((c) => c.name)).toEqual([...names].reverse());
      const first = created[0].readable_id;
      const conns = [];
      for (let i = 0; i < 4; i++) conns.push((await github(key, first, { name: `Conn ${i} name` })).id);
      const listed = await awRaw(ctx.url, `/source-connections?collection=${first}`, { key });
      expect(listed.json.map((c: { id: string }) => c.id)).toEqual([...conns].reverse());
    });

    it.each([
      ['?limit=0', { 'query.limit': 'Input should be greater than or equal to 1' }],
      ['?limit=1001', { 'query.limit': 'Input should be less than or equal to 1000' }],
      ['?limit=ten', { 'query.limit': 'Input should be a valid integer, unable to parse string as an integer' }],
      ['?skip=-1', { 'query.skip': 'Input should be greater than or equal to 0' }],
    ])('%s → 422', async (query, error) => {
      const res = await awRaw(ctx.url, `/collections${query}`, { key: awKey() });
      expect(res.status).toBe(422);
      expect(res.json).toEqual({ errors: [error] });
    });

    it('search is a case-insensitive substring of name OR readable_id; empty means no filter', async () => {
      const key = awKey();
      const finance = await create(key, { name: 'Finance Reports' });
      const hidden = await create(key, { name: 'Quarterly', readable_id: uniqueId('budget-zeta') });
      await create(key, { name: 'Unrelated' });
      expect((await list(key, '?search=FINANCE')).map((c) => c.readable_id)).toEqual([finance.readable_id]);
      expect((await list(key, '?search=BUDGET-ZETA')).map((c) => c.readable_id)).toEqual([hidden.readable_id]);
      expect((await list(key, '?search=quarter')).map((c) => c.readable_id)).toEqual([hidden.readable_id]);
      expect(await list(key, '?search=nothing-matches-this')).toEqual([]);
      expect(await list(key, '?search=')).toHaveLength(3);
    });

    it('only the list fills source_connection_summaries (with each connection\u2019s name)', async () => {
      const key = awKey();
      const c = await create(key, { name: 'With Sources' });
      await github(key, c.readable_id, { name: 'My Repo Sync' });
      await connection(key, { short_name: 'slack', readable_collection_id: c.readable_id, authentication: { access_token: 'xoxp-token-1' } });
      const [listed] = await list(key);
      expect(listed.readable_id).toBe(c.readable_id);
      expect([...listed.source_connection_summaries].sort((x: any, y: any) => x.short_name.localeCompare(y.short_name))).toEqual([
        { short_name: 'github', name: 'My Repo Sync' },
        { short_name: 'slack', name: 'Slack Connection' },
      ]);
      expect((await get(key, c.readable_id)).source_connection_summaries).toEqual([]);
      const patched = await awRaw(ctx.url, `/collections/${c.readable_id}`, { key, method: 'PATCH', json: { name: 'With Sources 2' } });
      expect(patched.json.source_connection_summaries).toEqual([]);
      const deleted = await awRaw(ctx.url, `/collections/${c.readable_id}`, { key, method: 'DELETE' });
      expect(deleted.json.source_connection_summaries).toEqual([]);
    });
  });

  describe('get', () => {
    it('unknown readable_id → 404 Collection not found', async () => {
      const res = await awRaw(ctx.url, '/collections/does-not-exist', { key: awKey() });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ detail: 'Collection not found' });
    });
  });

  describe('PATCH', () => {
    it('rename bumps modified_at and keeps created_at and readable_id', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Old Name' });
      ctx.server.clock.advance(1500);
      const res = await awRaw(ctx.url, `/collections/${c.readable_id}`, { key, method: 'PATCH', json: { name: 'New Name' } });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ name: 'New Name', readable_id: c.readable_id, id: c.id, created_at: c.created_at, status: 'NEEDS SOURCE' });
      expect(res.json.modified_at).toMatch(NAIVE);
      expect(epochMs(res.json.modified_at) - epochMs(c.modified_at)).toBe(1500);
      expect(await get(key, c.readable_id)).toEqual(res.json);
    });

    it('{} changes nothing, modified_at included', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Untouched' });
      ctx.server.clock.advance(1500);
      const res = await awRaw(ctx.url, `/collections/${c.readable_id}`, { key, method: 'PATCH', json: {} });
      expect(res.status).toBe(200);
      expect(res.json).toEqual(c);
    });

    it('"name": null means no change', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Keep Me' });
      ctx.server.clock.advance(1500);
      const res = await awRaw(ctx.url, `/collections/${c.readable_id}`, { key, method: 'PATCH', json: { name: null } });
      expect(res.status).toBe(200);
      expect(res.json.name).toBe('Keep Me');
      expect(res.json.modified_at).toBe(c.modified_at);
    });

    it('a readable_id in the body is ignored (immutable)', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Immutable' });
      const target = uniqueId('renamed');
      const res = await awRaw(ctx.url, `/collections/${c.readable_id}`, { key, method: 'PATCH', json: { readable_id: target, name: 'Immutable 2' } });
      expect(res.status).toBe(200);
      expect(res.json.readable_id).toBe(c.readable_id);
      expect((await awRaw(ctx.url, `/collections/${target}`, { key })).status).toBe(404);
      expect((await get(key, c.readable_id)).name).toBe('Immutable 2');
    });

    it('sets sync_config (filled with defaults); the name checks apply', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Patch Config' });
      const res = await awRaw(ctx.url, `/collections/${c.readable_id}`, { key, method: 'PATCH', json: { sync_config: { cursor: { skip_load: true } } } });
      expect(res.status).toBe(200);
      expect(res.json.sync_config).toEqual({ ...FULL_SYNC_CONFIG_DEFAULTS, cursor: { skip_load: true, skip_updates: false } });
      const short = await awRaw(ctx.url, `/collections/${c.readable_id}`, { key, method: 'PATCH', json: { name: 'abc' } });
      expect(short.status).toBe(422);
      expect(short.json).toEqual({ errors: [{ 'body.name': 'String should have at least 4 characters' }] });
      const vespa = await awRaw(ctx.url, `/collections/${c.readable_id}`, {
        key,
        method: 'PATCH',
        json: { sync_config: { destinations: { skip_vespa: true } } },
      });
      expect(vespa.status).toBe(422);
      expect((await get(key, c.readable_id)).sync_config.cursor.skip_load).toBe(true);
    });

    it('unknown collection → 404', async () => {
      const res = await awRaw(ctx.url, '/collections/no-such-collection', { key: awKey(), method: 'PATCH', json: { name: 'Whatever' } });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ detail: 'Collection not found' });
    });
  });

  describe('DELETE', () => {
    it('returns the snapshot with its current status, then it is gone', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Doomed' });
      await github(key, c.readable_id);
      ctx.server.clock.advance(1000); // the job is running → ACTIVE
      const res = await awRaw(ctx.url, `/collections/${c.readable_id}`, { key, method: 'DELETE' });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ ...c, status: 'ACTIVE' });
      const again = await awRaw(ctx.url, `/collections/${c.readable_id}`, { key });
      expect(again.status).toBe(404);
      expect(again.json).toEqual({ detail: 'Collection not found' });
      expect((await awRaw(ctx.url, `/collections/${c.readable_id}`, { key, method: 'DELETE' })).status).toBe(404);
      expect(await list(key)).toEqual([]);
    });

    it('cascades: its connections and their jobs answer 404, in-flight jobs are cancelled, other collections are untouched', async () => {
      const key = awKey();
      const doomed = await create(key, { name: 'Cascade' });
      const kept = await create(key, { name: 'Survivor' });
      const a = await github(key, doomed.readable_id);
      const b = await connection(key, {
        short_name: 'stripe',
        readable_collection_id: doomed.readable_id,
        authentication: { credentials: { api_key: 'sk_test_abcdefghijklmnopqrstuv' } },
      });
      const survivor = await github(key, kept.readable_id);
      ctx.server.clock.advance(1000); // all three running
      const before = ctx.server.clock.pending();
      const res = await awRaw(ctx.url, `/collections/${doomed.readable_id}`, { key, method: 'DELETE' });
      expect(res.status).toBe(200);
      expect(ctx.server.clock.pending()).toBe(before - 2); // the two in-flight jobs of the deleted collection
      for (const conn of [a, b]) {
        const got = await awRaw(ctx.url, `/source-connections/${conn.id}`, { key });
        expect(got.status).toBe(404);
        expect(got.json).toEqual({ detail: 'Source connection not found' });
        expect((await awRaw(ctx.url, `/source-connections/${conn.id}/jobs`, { key })).status).toBe(404);
        const cancel = await awRaw(ctx.url, `/source-connections/${conn.id}/jobs/${conn.sync.last_job.id}/cancel`, { key, method: 'POST' });
        expect(cancel.status).toBe(404);
      }
      const listed = await awRaw(ctx.url, '/source-connections', { key });
      expect(listed.json.map((c: any) => c.id)).toEqual([survivor.id]);
      ctx.server.clock.advance(1000);
      const jobs = await awRaw(ctx.url, `/source-connections/${survivor.id}/jobs`, { key });
      expect(jobs.json.map((j: any) => j.status)).toEqual(['completed']);
      expect(await status(key, kept.readable_id)).toBe('ACTIVE');
    });
  });

  describe('trailing slashes', () => {
    it('/collections/ and /collections/{id}/ answer like the bare paths', async () => {
      const key = awKey();
      const created = await awRaw(ctx.url, '/collections/', { key, method: 'POST', json: { name: 'Slashed' } });
      expect(created.status).toBe(200);
      const id = created.json.readable_id;
      const listed = await awRaw(ctx.url, '/collections/', { key });
      expect(listed.status).toBe(200);
      expect(listed.json.map((c: any) => c.readable_id)).toEqual([id]);
      const got = await awRaw(ctx.url, `/collections/${id}/`, { key });
      expect(got.status).toBe(200);
      expect(got.json).toEqual(created.json);
      const patched = await awRaw(ctx.url, `/collections/${id}/`, { key, method: 'PATCH', json: { name: 'Slashed 2' } });
      expect(patched.status).toBe(200);
      expect(patched.json.name).toBe('Slashed 2');
      const bad = await awRaw(ctx.url, '/collections/?limit=0', { key });
      expect(bad.status).toBe(422);
      expect((await awRaw(ctx.url, `/collections/${id}/`, { key, method: 'DELETE' })).status).toBe(200);
      expect((await awRaw(ctx.url, `/collections/${id}/`, { key })).status).toBe(404);
    });
  });

  describe('status derivation', () => {
    it('NEEDS SOURCE with no connections', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Empty' });
      expect(await status(key, c.readable_id)).toBe('NEEDS SOURCE');
    });

    it('NEEDS SOURCE while the first job is pending, ACTIVE once running and after completion', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Lifecycle' });
      const conn = await github(key, c.readable_id);
      expect(conn.sync.last_job.status).toBe('pending');
      expect(await status(key, c.readable_id)).toBe('NEEDS SOURCE');
      ctx.server.clock.advance(1000);
      expect(await status(key, c.readable_id)).toBe('ACTIVE');
      ctx.server.clock.advance(1000);
      const jobs = await awRaw(ctx.url, `/source-connections/${conn.id}/jobs`, { key });
      expect(jobs.json[0].status).toBe('completed');
      expect(await status(key, c.readable_id)).toBe('ACTIVE');
      expect((await list(key))[0].status).toBe('ACTIVE');
    });

    it('ERROR when every authenticated connection\u2019s last job failed (unauthenticated ones do not count)', async () => {
      const key = awKey();
      const c = await create(key, { name: 'All Failing' });
      await github(key, c.readable_id, { description: 'broken [mock:fail]' });
      await github(key, c.readable_id, { description: 'also broken [mock:fail]', config: { repo_name: 'acme/other' } });
      await connection(key, { short_name: 'notion', readable_collection_id: c.readable_id }); // pending_auth
      ctx.server.clock.advance(2000);
      expect(await status(key, c.readable_id)).toBe('ERROR');
    });

    it('ACTIVE when one connection works and another fails', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Half Failing' });
      await github(key, c.readable_id, { description: 'broken [mock:fail]' });
      await github(key, c.readable_id, { config: { repo_name: 'acme/healthy' } });
      ctx.server.clock.advance(2000);
      expect(await status(key, c.readable_id)).toBe('ACTIVE');
    });

    it('NEEDS SOURCE when the only job was cancelled while pending', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Cancelled Only' });
      const conn = await github(key, c.readable_id);
      const cancel = await awRaw(ctx.url, `/source-connections/${conn.id}/jobs/${conn.sync.last_job.id}/cancel`, { key, method: 'POST' });
      expect(cancel.json.status).toBe('cancelled');
      expect(await status(key, c.readable_id)).toBe('NEEDS SOURCE');
    });

    it.each(['notion', 'slack'])('NEEDS SOURCE with only a browser-OAuth %s connection awaiting auth', async (shortName) => {
      const key = awKey();
      const c = await create(key, { name: `Only ${shortName}` });
      const conn = await connection(key, { short_name: shortName, readable_collection_id: c.readable_id });
      expect(conn.status).toBe('pending_auth');
      expect(await status(key, c.readable_id)).toBe('NEEDS SOURCE');
    });

    it('ACTIVE with an authenticated federated slack connection, without any job', async () => {
      const key = awKey();
      const c = await create(key, { name: 'Federated' });
      const conn = await connection(key, { short_name: 'slack', readable_collection_id: c.readable_id, authentication: { access_token: 'xoxp-federated' } });
      expect(conn.sync).toBeNull();
      expect(conn.sync_id).toBeNull();
      expect(await status(key, c.readable_id)).toBe('ACTIVE');
    });
  });
});
