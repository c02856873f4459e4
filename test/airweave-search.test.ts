/**
 * Airweave search, end to end through HTTP on a manual clock: from an empty
 * organisation to ranked results (create, connect, sync, search, re-sync,
 * search again, delete), the entity counts of jobs and connections against
 * what is searchable, federated sources, other organisations, the legacy
 * endpoints' request forms and replies, v2's tiers, the admin API's loaded
 * entities (and a fixture file that loads them), and indexes rebuilt from a
 * saved state.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer, useServer } from './support/server.js';
import { awRaw, awKey } from './support/airweave.js';

const freshKey = (): string => awKey('search');

type Json = any;

describe('Airweave search', () => {
  const ctx = useServer({ providers: ['airweave'] });
  const as = (key: string) => {
    const req = (method: string, p: string, json?: unknown) => awRaw(ctx.url, p, { key, method, ...(json !== undefined ? { json } : {}) });
    return {
      req,
      async ok(method: string, p: string, json?: unknown): Promise<Json> {
        const r = await req(method, p, json);
        expect(r.status, `${method} ${p}: ${r.text}`).toBe(200);
        return r.json;
      },
    };
  };
  const advance = (ms: number) => ctx.server.clock.advance(ms);
  const names = (results: Json[]) => results.map((r: Json) => r.name);
  const admin = (method: string, p: string, json?: unknown) =>
    fetch(`${ctx.url}/__mock/airweave/collections/${p}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    }).then(async (r) => ({ status: r.status, json: await r.json() }));

  async function collectionWith(key: string, sources: Record<string, unknown>[], name = 'Acme Knowledge'): Promise<{ rid: string; connections: Json[] }> {
    const api = as(key);
    const { readable_id: rid } = await api.ok('POST', '/collections', { name });
    const connections = [];
    for (const s of sources) connections.push(await api.ok('POST', '/source-connections', { readable_collection_id: rid, ...s }));
    return { rid, connections };
  }
  const GITHUB = { short_name: 'github', authentication: { credentials: { personal_access_token: 'ghp_flowToken1' } }, config: { repo_name: 'acme/pulse' } };
  const NOTION = { short_name: 'notion', authentication: { access_token: 'secret_notion' } };
  const SLACK = { short_name: 'slack', authentication: { access_token: 'xoxb-slack' } };

  it('from an empty organisation to ranked results: connect, sync on the clock, search, re-sync, search again, delete', async () => {
    const key = freshKey();
    const api = as(key);
    const { rid, connections } = await collectionWith(key, [GITHUB, NOTION]);
    const [github, notion] = connections;
    const search = (query: string, extra: object = {}) => api.ok('POST', `/collections/${rid}/search/instant`, { query, ...extra });

    // Nothing is searchable while the first syncs are pending or running.
    expect((await search('deployment')).results).toEqual([]);
    advance(1000);
    expect((await search('deployment')).results).toEqual([]);
    // The syncs complete: their entities are searchable, counted on the jobs and the connections.
    advance(1000);
    const jobs = await api.ok('GET', `/source-connections/${github.id}/jobs`);
    expect(jobs[0]).toMatchObject({ status: 'completed', entities_inserted: 10, entities_updated: 0, entities_deleted: 0 });
    const listed = await api.ok('GET', `/source-connections?collection=${rid}`);
    expect(Object.fromEntries(listed.map((c: Json) => [c.short_name, c.entity_count]))).toEqual({ github: 10, notion: 8 });
    const detail = await api.ok('GET', `/source-connections/${notion.id}`);
    expect(detail.entities).toMatchObject({ total_entities: 8, by_type: { NotionDatabaseEntity: { count: 1 }, NotionPageEntity: { count: 7 } } });

    const ranked = await search('canary rollback production deployment', { limit: 3 });
    expect(names(ranked.results)[0]).toBe('Production Deployment Guide');
    const top = ranked.results[0];
    expect(top).toMatchObject({
      entity_id: 'page-deploy-guide',
      breadcrumbs: [
        { entity_id: 'ws-acme', name: 'Acme Workspace', entity_type: 'NotionWorkspaceEntity' },
        { entity_id: 'db-eng-wiki', name: 'Engineering Wiki', entity_type: 'NotionDatabaseEntity' },
      ],
      created_at: '2025-02-10T09:15:00Z',
      updated_at: '2025-03-18T16:30:00Z',
      airweave_system_metadata: {
        source_name: 'notion',
        entity_type: 'NotionPageEntity',
        sync_id: notion.sync_id,
        sync_job_id: detail.sync.last_job.id,
        chunk_index: 0,
        original_entity_id: 'page-deploy-guide',
      },
      access: { viewers: null, is_public: null },
      web_url: expect.stringMatching(/^https:\/\/www\.notion\.so\/acme\/Production-Deployment-Guide-/),
      url: null,
      raw_source_fields: { Owner: 'Priya Raman', Status: 'Published' },
    });
    expect(top.textual_representation).toMatch(/^# Production Deployment Guide\n\nHow we ship to production\./);
    expect(top.relevance_score).toBeGreaterThan(ranked.results[1].relevance_score);
    expect(ranked.results.every((r: Json) => r.relevance_score > 0 && r.relevance_score <= 1)).toBe(true);
    // The connection's config fills the corpus: GitHub links point at the configured repository.
    const readme = (await search('README getting started locally', { limit: 1 })).results[0];
    expect(readme).toMatchObject({ name: 'README.md', web_url: 'https://github.com/acme/pulse/blob/main/README.md' });

    // A re-sync finds what changed in the source: one update, one deletion, one addition each.
    const before = (await search('Q3 OKRs', { retrieval_strategy: 'keyword' })).results;
    expect(names(before)).toContain('Q3 OKRs');
    const rerun = await api.ok('POST', `/source-connections/${notion.id}/run`);
    advance(2000);
    const [second] = await api.ok('GET', `/source-connections/${notion.id}/jobs`);
    expect(second).toMatchObject({ id: rerun.id, status: 'completed', entities_inserted: 1, entities_updated: 1, entities_deleted: 1 });
    expect((await api.ok('GET', `/source-connections/${notion.id}`)).entities.total_entities).toBe(8);
    const after = (await search('Q3 OKRs', { retrieval_strategy: 'keyword' })).results;
    expect(names(after)).not.toContain('Q3 OKRs');
    expect(names((await search('Q4 OKRs enterprise contracts', { limit: 1 })).results)).toEqual(['Q4 OKRs']);
    // The updated page: its new text is found, its updated_at is the sync's, its job id the new job's.
    const flags = (await search('feature flags dark launch', { limit: 1 })).results[0];
    expect(flags).toMatchObject({ name: 'Production Deployment Guide', airweave_system_metadata: { sync_job_id: rerun.id } });
    expect(Date.parse(flags.updated_at)).toBe(ctx.server.clock.nowMs());
    // A third sync finds nothing new.
    await api.ok('POST', `/source-connections/${notion.id}/run`);
    advance(2000);
    expect((await api.ok('GET', `/source-connections/${notion.id}/jobs`))[0]).toMatchObject({ entities_inserted: 0, entities_updated: 0, entities_deleted: 0 });

    // Deleting a connection takes its entities out of search at once; deleting the collection, everything.
    await api.ok('DELETE', `/source-connections/${notion.id}`);
    expect((await search('canary rollback production deployment')).results.every((r: Json) => r.airweave_system_metadata.source_name === 'github')).toBe(true);
    expect((await admin('GET', `${rid}/entities`)).json).toMatchObject({ synced: 10, chunks: 10 });
    await api.ok('DELETE', `/collections/${rid}`);
    const gone = await api.req('POST', `/collections/${rid}/search/instant`, { query: 'token bucket' });
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ detail: `Collection '${rid}' not found` });
  });

  it('a federated source (Slack) is searchable once authenticated, without a sync; a failed sync leaves nothing', async () => {
    const key = freshKey();
    const api = as(key);
    const { rid, connections } = await collectionWith(key, [SLACK, { ...GITHUB, description: 'broken [mock:fail]' }]);
    const slack = (await api.ok('POST', `/collections/${rid}/search/instant`, { query: 'team lunch tacos', limit: 1 })).results[0];
    expect(slack).toMatchObject({ name: 'Team lunch on Friday', airweave_system_metadata: { source_name: 'slack', sync_id: null, sync_job_id: null } });
    expect((await api.ok('GET', `/source-connections/${connections[0].id}`)).entities).toBeNull();
    advance(2000);
    expect((await api.ok('GET', `/source-connections/${connections[1].id}/jobs`))[0]).toMatchObject({ status: 'failed', entities_inserted: 0 });
    const github = await api.ok('POST', `/collections/${rid}/search/instant`, {
      query: 'token bucket rate limiter',
      filter: [{ conditions: [{ field: 'airweave_system_metadata.source_name', operator: 'equals', value: 'github' }] }],
    });
    expect(github.results).toEqual([]);
  });

  it("another organisation's collection is a 404 everywhere, and its entities never appear", async () => {
    const owner = freshKey();
    const { rid } = await collectionWith(owner, [SLACK]);
    const stranger = as(freshKey());
    for (const [method, p] of [
      ['GET', `/collections/${rid}/search?query=lunch`],
      ['POST', `/collections/${rid}/search`],
    ] as const) {
      const r = await stranger.req(method, p, method === 'POST' ? { query: 'lunch' } : undefined);
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ detail: `Collection '${rid}' not found.` });
    }
    for (const tier of ['instant', 'classic', 'agentic']) {
      const r = await stranger.req('POST', `/collections/${rid}/search/${tier}`, { query: 'lunch' });
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ detail: `Collection '${rid}' not found` });
    }
    // An entity of the owner's never shows in the stranger's own collection of the same source.
    await admin('POST', `${rid}/entities`, {
      entities: [{ entity_id: 'secret-1', name: 'Acquisition plan', content: 'Project Falcon: acquire Globex in Q3.' }],
    });
    const strangerKey = freshKey();
    const own = await collectionWith(strangerKey, [SLACK]);
    const found = await as(strangerKey).ok('POST', `/collections/${own.rid}/search/instant`, { query: 'Project Falcon acquisition Globex' });
    expect(found.results.map((r: Json) => r.entity_id)).not.toContain('secret-1');
    expect(found.results.every((r: Json) => r.airweave_system_metadata.source_name === 'slack')).toBe(true);
    const owners = await as(owner).ok('POST', `/collections/${rid}/search/instant`, { query: 'Project Falcon acquisition Globex', limit: 1 });
    expect(owners.results[0].entity_id).toBe('secret-1');
  });

  describe('legacy search (what @airweave/sdk 0.7.20 calls)', () => {
    let key: string;
    let rid: string;
    const legacy = () => as(key);
    it('sets up a collection with GitHub, Notion and Linear synced', async () => {
      key = freshKey();
      ({ rid } = await collectionWith(key, [GITHUB, NOTION, { short_name: 'linear', authentication: { access_token: 'lin_api' } }]));
      advance(2000);
      expect((await admin('GET', `${rid}/entities`)).json).toMatchObject({ synced: 25 });
    });

    it('GET: raw and completion, status, offset and limit, deprecation headers', async () => {
      const r = await legacy().req('GET', `/collections/${rid}/search?query=${encodeURIComponent('memory leak websocket reconnect')}&limit=3`);
      expect(r.status).toBe(200);
      expect(r.headers.get('x-api-deprecation')).toBe('true');
      expect(r.headers.get('x-api-deprecation-message')).toBe(
        'This endpoint is deprecated. Please use POST /collections/{id}/search with the new SearchRequest schema for improved functionality.',
      );
      expect(r.json).toMatchObject({ response_type: 'raw', completion: null, status: 'success' });
      expect(r.json.results).toHaveLength(3);
      const first = r.json.results[0];
      expect(first).toMatchObject({
        entity_id: 'pr:398',
        name: 'Fix memory leak in websocket reconnect',
        system_metadata: { entity_type: 'GitHubPullRequestEntity', source_name: 'github', original_entity_id: 'pr:398', chunk_index: 0 },
        access: { is_public: false, viewers: [] },
        source_fields: { number: 398, state: 'merged', repo_name: 'acme/pulse' },
      });
      expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const completion = await legacy().ok(
        'GET',
        `/collections/${rid}/search?query=${encodeURIComponent('memory leak websocket reconnect')}&limit=3&response_type=completion`,
      );
      // The answer: one cited line per top entity, from its best chunk's first sentence.
      const lines = completion.completion.split('\n');
      expect(lines.slice(0, 3)).toEqual([
        'Based on the 3 most relevant results for "memory leak websocket reconnect":',
        '',
        '1. Fix memory leak in websocket reconnect (github): The realtime client added a new message listener on every reconnect and never removed the old one, so long-lived dashboard tabs grew to several gigabytes. [1]',
      ]);
      expect(lines.slice(3)).toEqual(
        completion.results
          .slice(1, 3)
          .map((r: Json, i: number) =>
            expect.stringMatching(
              new RegExp(`^${i + 2}\\. ${r.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${r.system_metadata.source_name}\\): .+ \\[${i + 2}\\]$`),
            ),
          ),
      );
      // The same search answers the same text.
      expect(
        (await legacy().ok('GET', `/collections/${rid}/search?query=${encodeURIComponent('memory leak websocket reconnect')}&limit=3&response_type=completion`))
          .completion,
      ).toBe(completion.completion);
      const all = await legacy().ok('GET', `/collections/${rid}/search?query=onboarding&limit=6`);
      const paged = await legacy().ok('GET', `/collections/${rid}/search?query=onboarding&limit=3&offset=3`);
      expect(paged.results.map((x: Json) => x.id)).toEqual(all.results.slice(3, 6).map((x: Json) => x.id));
      // Nothing matches a word no entity has, in keyword terms; semantic search always ranks something, so GET (hybrid) still answers.
      const none = await legacy().ok('POST', `/collections/${rid}/search`, { query: 'zyxwvut', search_method: 'keyword' });
      expect(none).toEqual({ results: [], response_type: 'raw', completion: null, status: 'no_results' });
    });

    it("POST: the body decides the form, as the vendor's union does", async () => {
      const post = (json: unknown) => legacy().req('POST', `/collections/${rid}/search`, json);
      // A SearchRequest: { results, completion }, no deprecation.
      const plain = await post({ query: 'rate limiter', limit: 2 });
      expect(Object.keys(plain.json).sort()).toEqual(['completion', 'results']);
      expect(plain.headers.get('x-api-deprecation')).toBeNull();
      expect(plain.json.completion).toMatch(/^Based on the 2 most relevant results for "rate limiter":/);
      // A legacy-only field makes it legacy.
      for (const extra of [
        { response_type: 'raw' },
        { search_method: 'hybrid' },
        { recency_bias: 0 },
        { score_threshold: 0 },
        { expansion_strategy: 'auto' },
        { enable_reranking: true },
        { enable_query_interpretation: false },
      ]) {
        const r = await post({ query: 'rate limiter', limit: 2, ...extra });
        expect(Object.keys(r.json).sort(), JSON.stringify(extra)).toEqual(['completion', 'response_type', 'results', 'status']);
        expect(r.headers.get('x-api-deprecation-message')).toBe("You're using the legacy SearchRequest schema. Please migrate to the new schema.");
      }
      // A legacy field whose value legacy refuses: the body is read as a SearchRequest (which ignores it).
      const refused = await post({ query: 'rate limiter', limit: 5000, response_type: 'raw' });
      expect(Object.keys(refused.json).sort()).toEqual(['completion', 'results']);
      // As many fields of each form: SearchRequest, the union's first member.
      const tie = await post({ query: 'rate limiter', response_type: 'raw', generate_answer: false });
      expect(Object.keys(tie.json).sort()).toEqual(['completion', 'results']);
      expect(tie.json.completion).toBeNull();
      // temporal_relevance is accepted, ignored, and said to be.
      const removed = await post({ query: 'rate limiter', temporal_relevance: 0.5, generate_answer: false });
      expect(removed.headers.get('x-feature-removed')).toBe('temporal_relevance');
      expect(removed.headers.get('x-feature-removed-message')).toBe('temporal_relevance has been removed and was ignored');
      expect((await post({ query: 'rate limiter', temporal_relevance: 0 })).headers.get('x-feature-removed')).toBeNull();
      // source_connection_ids keeps one connection's entities.
      const [linear] = (await legacy().ok('GET', `/source-connections?collection=${rid}`)).filter((c: Json) => c.short_name === 'linear');
      const only = await post({ query: 'export', source_connection_ids: [linear.id], generate_answer: false });
      expect(only.json.results.length).toBeGreaterThan(0);
      expect(only.json.results.every((r: Json) => r.system_metadata.source_name === 'linear')).toBe(true);
    });

    it('score_threshold leaves out weaker results (no_relevant_results when none is left); recency_bias favours recent entities', async () => {
      const post = (json: object) => legacy().ok('POST', `/collections/${rid}/search`, { query: 'dashboard', search_method: 'neural', limit: 10, ...json });
      const all = await post({});
      const cut = all.results[3].score;
      const some = await post({ score_threshold: cut });
      expect(some.status).toBe('success');
      expect(some.results.map((r: Json) => r.id)).toEqual(all.results.filter((r: Json) => r.score >= cut).map((r: Json) => r.id));
      expect(await post({ score_threshold: 0.999 })).toEqual({ results: [], response_type: 'raw', completion: null, status: 'no_relevant_results' });
      // Recency only: newest first.
      const newest = await post({ recency_bias: 1 });
      const times = newest.results.map((r: Json) => Date.parse(r.updated_at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      // A little recency keeps relevance mostly in charge, and blends the scores.
      const blended = await post({ recency_bias: 0.1 });
      expect(blended.results[0].score).toBeLessThanOrEqual(1);
      expect(blended.results.map((r: Json) => r.id)).not.toEqual(newest.results.map((r: Json) => r.id));
    });

    it("validation: blank query, bad values, bad filters, in the vendor's 422 envelope; the legacy 404 text", async () => {
      const get = (q: string) => legacy().req('GET', `/collections/${rid}/search?${q}`);
      expect((await get('query=%20')).json).toEqual({ errors: [{ 'query.query': 'Value error, Query cannot be empty' }] });
      expect((await get('query=x&limit=0')).json).toEqual({ errors: [{ 'query.limit': 'Input should be greater than or equal to 1' }] });
      expect((await get('query=x&response_type=summary')).json).toEqual({ errors: [{ 'query.response_type': "Input should be 'raw' or 'completion'" }] });
      expect((await get('limit=3')).json).toEqual({ errors: [{ 'query.query': 'Field required' }] });
      const post = (json: unknown) => legacy().req('POST', `/collections/${rid}/search`, json);
      expect((await post({ query: '' })).json).toEqual({ errors: [{ 'body.query': 'Value error, Query cannot be empty' }] });
      expect((await post({ limit: 3 })).status).toBe(422);
      const badFilter = await post({ query: 'x', filter: { must: [{ key: 'name', match: { nearly: 'x' } }] } });
      expect(badFilter.status).toBe(422);
      expect(badFilter.json).toEqual({ errors: [{ 'body.filter.must.0.match': 'Value error, match needs value, any, except, text or phrase' }] });
      // The body is checked before the collection is looked up.
      expect((await legacy().req('POST', '/collections/no-such-collection/search', { query: ' ' })).status).toBe(422);
      const missing = await legacy().req('POST', '/collections/no-such-collection/search', { query: 'x' });
      expect(missing).toMatchObject({ status: 404, json: { detail: "Collection 'no-such-collection' not found." } });
    });
  });

  describe('v2 search', () => {
    let key: string;
    let rid: string;
    const v2 = (tier: string, json: unknown) => as(key).req('POST', `/collections/${rid}/search/${tier}`, json);
    it('sets up a collection with every common source', async () => {
      key = freshKey();
      ({ rid } = await collectionWith(key, [
        GITHUB,
        NOTION,
        SLACK,
        { short_name: 'linear', authentication: { access_token: 'l' } },
        { short_name: 'jira', authentication: { access_token: 'j' } },
        { short_name: 'google_drive', authentication: { access_token: 'g' } },
      ]));
      advance(2000);
      expect((await admin('GET', `${rid}/entities`)).json).toMatchObject({ synced: 45, chunks: 45 });
    });

    it('instant: each retrieval strategy ranks and scores its own way; offset and limit page the ranking', async () => {
      const q = 'stored XSS comment editor';
      const hybrid = await v2('instant', { query: q, retrieval_strategy: 'hybrid', limit: 5 });
      const semantic = await v2('instant', { query: q, retrieval_strategy: 'semantic', limit: 5 });
      const keyword = await v2('instant', { query: q, retrieval_strategy: 'keyword', limit: 5 });
      for (const r of [hybrid, semantic, keyword]) expect(r.json.results[0].name).toBe('Pen test finding: stored XSS in the comment editor');
      expect(hybrid.json.results[0].relevance_score).toBe(1);
      expect(semantic.json.results.every((r: Json) => r.relevance_score >= 0 && r.relevance_score < 1)).toBe(true);
      expect(keyword.json.results[0].relevance_score).toBeGreaterThan(1);
      // Keyword retrieval finds only chunks holding a query term.
      const strictly = await v2('instant', { query: 'zyxwvut', retrieval_strategy: 'keyword' });
      expect(strictly.json).toEqual({ results: [] });
      // Defaults: hybrid, 100 results at most (the collection has 45 chunks).
      expect((await v2('instant', { query: q })).json.results).toHaveLength(45);
      const page = await v2('instant', { query: q, offset: 2, limit: 2 });
      expect(page.json.results.map((r: Json) => r.entity_id)).toEqual(hybrid.json.results.slice(2, 4).map((r: Json) => r.entity_id));
      // The same request answers the same results.
      expect((await v2('instant', { query: q, retrieval_strategy: 'hybrid', limit: 5 })).json).toEqual(hybrid.json);
    });

    it('classic runs the query as hybrid instant search does; agentic collects the strong results and truncates to limit', async () => {
      const q = 'what caused the checkout outage';
      const classic = await v2('classic', { query: q, limit: 5 });
      const instant = await v2('instant', { query: q, limit: 5 });
      expect(classic.json).toEqual(instant.json);
      expect(classic.json.results[0].name).toBe('Incident postmortem: checkout outage on 4 March');
      const agentic = await v2('agentic', { query: q });
      const best = agentic.json.results[0].relevance_score;
      expect(agentic.json.results[0].name).toBe('Incident postmortem: checkout outage on 4 March');
      expect(agentic.json.results.every((r: Json) => r.relevance_score >= best / 2)).toBe(true);
      expect(agentic.json.results.length).toBeLessThanOrEqual(25);
      expect((await v2('agentic', { query: q, limit: 1, thinking: true })).json.results).toEqual(agentic.json.results.slice(0, 1));
    });

    it("errors: blank query, unknown strategy, limits out of range, in the vendor's 422 envelope; an empty collection is no error", async () => {
      for (const tier of ['instant', 'classic', 'agentic', 'agentic/stream']) {
        const r = await v2(tier, { query: '   ' });
        expect(r.status, tier).toBe(422);
        expect(r.json).toEqual({ errors: [{ 'body.query': 'Value error, Query cannot be empty' }] });
      }
      expect((await v2('instant', { query: 'x', retrieval_strategy: 'neural' })).json).toEqual({
        errors: [{ 'body.retrieval_strategy': "Input should be 'semantic', 'keyword' or 'hybrid'" }],
      });
      expect((await v2('instant', { query: 'x', limit: 1001 })).json).toEqual({ errors: [{ 'body.limit': 'Input should be less than or equal to 1000' }] });
      expect((await v2('classic', { query: 'x', offset: -1 })).json).toEqual({ errors: [{ 'body.offset': 'Input should be greater than or equal to 0' }] });
      expect((await v2('agentic', { query: 'x', limit: 0 })).json).toEqual({ errors: [{ 'body.limit': 'Input should be greater than or equal to 1' }] });
      expect((await v2('instant', {})).json).toEqual({ errors: [{ 'body.query': 'Field required' }] });
      const { readable_id: empty } = await as(key).ok('POST', '/collections', { name: 'Nothing Yet' });
      for (const tier of ['instant', 'classic', 'agentic'])
        expect((await as(key).ok('POST', `/collections/${empty}/search/${tier}`, { query: 'x' })).results).toEqual([]);
    });
  });

  describe('entities of your own (admin API)', () => {
    it('PUT loads and replaces, POST adds, DELETE clears; loaded entities are searchable at once and saved with the state', async () => {
      const key = freshKey();
      const api = as(key);
      const { rid } = await collectionWith(key, [SLACK]);
      const put = await admin('PUT', `${rid}/entities`, {
        entities: [
          {
            entity_id: 'kb-1',
            name: 'Refund policy',
            source_name: 'zendesk',
            entity_type: 'ZendeskArticleEntity',
            content: 'Customers can ask for a refund within 30 days of purchase.',
            created_at: '2025-01-05T10:00:00Z',
            web_url: 'https://help.acme.com/refunds',
            raw_source_fields: { locale: 'en' },
            breadcrumbs: [{ entity_id: 'cat-billing', name: 'Billing', entity_type: 'ZendeskCategoryEntity' }],
          },
          {
            entity_id: 'kb-2',
            name: 'Shipping times',
            textual_representation: 'Orders ship within two business days from our Berlin warehouse.',
            access: { viewers: ['group:support'], is_public: false },
          },
        ],
      });
      expect(put.status).toBe(200);
      expect(put.json).toEqual({ readable_id: rid, organization_id: expect.any(String), loaded: 2, synced: 6, chunks: 8 });
      const refund = (await api.ok('POST', `/collections/${rid}/search/instant`, { query: 'refund within 30 days', limit: 1 })).results[0];
      expect(refund).toEqual({
        entity_id: 'kb-1',
        name: 'Refund policy',
        relevance_score: expect.any(Number),
        breadcrumbs: [{ entity_id: 'cat-billing', name: 'Billing', entity_type: 'ZendeskCategoryEntity' }],
        created_at: '2025-01-05T10:00:00Z',
        updated_at: '2025-01-05T10:00:00Z',
        textual_representation: '# Refund policy\n\nCustomers can ask for a refund within 30 days of purchase.',
        airweave_system_metadata: {
          source_name: 'zendesk',
          entity_type: 'ZendeskArticleEntity',
          sync_id: null,
          sync_job_id: null,
          chunk_index: 0,
          original_entity_id: 'kb-1',
        },
        access: { viewers: null, is_public: null },
        web_url: 'https://help.acme.com/refunds',
        url: null,
        raw_source_fields: { locale: 'en' },
      });
      const shipping = (await api.ok('POST', `/collections/${rid}/search/instant`, { query: 'warehouse shipping', limit: 1 })).results[0];
      expect(shipping).toMatchObject({
        textual_representation: 'Orders ship within two business days from our Berlin warehouse.',
        access: { viewers: ['group:support'], is_public: false },
        airweave_system_metadata: { source_name: 'custom', entity_type: 'CustomEntity' },
        created_at: null,
      });

      // POST adds (and replaces by entity_id); PUT replaces the whole loaded set.
      expect(
        (await admin('POST', `${rid}/entities`, { entities: [{ entity_id: 'kb-3', name: 'Warranty', content: 'Two years on hardware.' }] })).json,
      ).toMatchObject({ loaded: 3 });
      expect(
        (await admin('PUT', `${rid}/entities`, { entities: [{ entity_id: 'kb-3', name: 'Warranty', content: 'Three years on hardware.' }] })).json,
      ).toMatchObject({ loaded: 1, synced: 6 });
      expect((await api.ok('POST', `/collections/${rid}/search/instant`, { query: 'refund', retrieval_strategy: 'keyword' })).results).toEqual([]);
      expect((await api.ok('POST', `/collections/${rid}/search/instant`, { query: 'warranty years', limit: 1 })).results[0].textual_representation).toContain(
        'Three years',
      );

      // Saved with the state; the index is rebuilt from it on load.
      const saved = (await (await fetch(`${ctx.url}/__mock/state?provider=airweave`)).json()) as Json;
      const tenant = Object.values<Json>(saved.providers.airweave).find((t) => t.collections.rows.some((c: Json) => c.readableId === rid));
      expect(
        tenant.entities.rows
          .filter((e: Json) => e.collection === rid)
          .map((e: Json) => e.key)
          .sort(),
      ).toEqual(
        [
          ...tenant.entities.rows
            .filter((e: Json) => e.collection === rid && e.connectionId !== null)
            .map((e: Json) => e.key)
            .sort(),
          `l:${rid}:kb-3`,
        ].sort(),
      );
      const other = await startServer({ providers: ['airweave'] });
      try {
        const load = await fetch(`${other.url}/__mock/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(saved) });
        expect(load.status).toBe(200);
        const again = await awRaw(other.url, `/collections/${rid}/search/instant`, { key, method: 'POST', json: { query: 'warranty years', limit: 1 } });
        expect(again.json.results[0]).toMatchObject({ entity_id: 'kb-3', textual_representation: '# Warranty\n\nThree years on hardware.' });
        const lunch = await awRaw(other.url, `/collections/${rid}/search/instant`, { key, method: 'POST', json: { query: 'team lunch tacos', limit: 1 } });
        expect(lunch.json.results[0].name).toBe('Team lunch on Friday');
        expect(other.selfCheckFailures).toEqual([]);
      } finally {
        await other.close();
      }

      // DELETE clears the loaded ones; the synced stay.
      expect((await admin('DELETE', `${rid}/entities`)).json).toMatchObject({ loaded: 0, synced: 6, chunks: 6 });
    });

    it('generates entities by the thousand, the same for the same seed; refuses bad input in the admin envelope', async () => {
      const key = freshKey();
      const { rid } = await collectionWith(key, []);
      const made = await admin('PUT', `${rid}/entities`, { generate: { count: 2000, source_name: 'stripe', seed: 'fixed' } });
      expect(made.json).toMatchObject({ loaded: 2000, chunks: 2000 });
      const first = await as(key).ok('POST', `/collections/${rid}/search/instant`, { query: 'refund duplicate charge', limit: 3 });
      expect(first.results).toHaveLength(3);
      expect(first.results[0].airweave_system_metadata.source_name).toBe('stripe');
      expect(first.results[0].airweave_system_metadata.entity_type).toMatch(/^Stripe\w+Entity$/);
      await admin('PUT', `${rid}/entities`, { generate: { count: 2000, source_name: 'stripe', seed: 'fixed' } });
      expect(await as(key).ok('POST', `/collections/${rid}/search/instant`, { query: 'refund duplicate charge', limit: 3 })).toEqual(first);

      const dup = await admin('PUT', `${rid}/entities`, {
        entities: [
          { entity_id: 'a', name: 'A' },
          { entity_id: 'a', name: 'B' },
        ],
      });
      expect(dup).toEqual({
        status: 400,
        json: { error: 'bad_request', message: 'entities[1].entity_id "a" is also entities[0]\'s.', details: { field: 'entities[1].entity_id' } },
      });
      const both = await admin('PUT', `${rid}/entities`, { entities: [], generate: { count: 1 } });
      expect(both.status).toBe(400);
      const noName = await admin('POST', `${rid}/entities`, { entities: [{ entity_id: 'x' }] });
      expect(noName).toMatchObject({ status: 400, json: { error: 'validation' } });
      expect(await admin('GET', 'no-such-collection/entities')).toEqual({
        status: 404,
        json: { error: 'not_found', message: 'No Airweave collection no-such-collection.' },
      });
    });

    it('wait=false answers 202 at once; a search or a count right after waits for the load', async () => {
      const key = freshKey();
      const { rid } = await collectionWith(key, []);
      const accepted = await admin('PUT', `${rid}/entities?wait=false`, {
        entities: [{ entity_id: 'bg-1', name: 'Parking', content: 'Visitors park in the north garage, level two.' }],
      });
      expect(accepted).toEqual({ status: 202, json: { readable_id: rid, organization_id: expect.any(String), accepted: 1 } });
      // Well before the load would start on its own: the search starts it and waits for it.
      const found = await as(key).ok('POST', `/collections/${rid}/search/instant`, { query: 'north garage parking', limit: 1 });
      expect(found.results.map((r: Json) => r.entity_id)).toEqual(['bg-1']);
      expect(
        (
          await admin('POST', `${rid}/entities?wait=false`, {
            entities: [{ entity_id: 'bg-2', name: 'Badges', content: 'Badges are printed at the front desk.' }],
          })
        ).status,
      ).toBe(202);
      expect((await admin('GET', `${rid}/entities`)).json).toMatchObject({ loaded: 2, chunks: 2 });
      expect((await admin('PUT', `${rid}/entities?wait=nope`, { entities: [] })).status).toBe(400);
    });

    it('a fixture file loads a collection with its entities at start-up', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'aw-fixtures-'));
      mkdirSync(path.join(dir, 'airweave'));
      writeFileSync(
        path.join(dir, 'airweave', 'handbook.yaml'),
        [
          'headers: { x-api-key: handbook-key }',
          'requests:',
          '  - method: POST',
          '    path: /collections',
          '    body: { name: Team Handbook, readable_id: team-handbook-fixture }',
          '  - method: PUT',
          '    path: /__mock/airweave/collections/team-handbook-fixture/entities',
          '    body:',
          '      entities:',
          '        - { entity_id: h-1, name: Expenses, content: Submit receipts within thirty days. }',
          '        - { entity_id: h-2, name: Remote work, content: Work from anywhere in the EU for up to 90 days a year. }',
          '',
        ].join('\n'),
      );
      const server = await startServer({ providers: ['airweave'], fixtures: dir });
      try {
        const r = await awRaw(server.url, '/collections/team-handbook-fixture/search/instant', {
          key: 'handbook-key',
          method: 'POST',
          json: { query: 'receipts', limit: 1 },
        });
        expect(r.json.results.map((x: Json) => x.entity_id)).toEqual(['h-1']);
      } finally {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
