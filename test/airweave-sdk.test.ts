/**
 * Airweave through the vendor's own client: `@airweave/sdk` 0.7.20, unchanged,
 * pointed at the mock. The connector catalog, collections (generated and
 * explicit readable ids, search and paging), a GitHub source connection whose
 * sync job moves pending → running → completed on the manual clock, run /
 * run-while-pending / cancel, list, update, refresh_all, the delete cascade,
 * search (`search` with both request forms, `searchGetLegacy`), and the
 * errors as the SDK surfaces them (AirweaveSDKError,
 * UnprocessableEntityError), including a key the server does not know.
 */
import { describe, expect, it } from 'vitest';
import { AirweaveSDK, AirweaveSDKClient, AirweaveSDKError } from '@airweave/sdk';
import { startServer, useServer } from './support/server.js';
import { awKey } from './support/airweave.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Database timestamps are naive UTC: no zone suffix, microseconds only when non-zero. */
const NAIVE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;

/** A key of its own per test: each key is its own organisation, so tests do not see each other's collections. */
const freshKey = (): string => awKey('sdk');
/** Readable ids are unique across the whole mock, so explicit ones get a per-run suffix. */
const runTag = Math.random().toString(36).slice(2, 8);

/** The rejection of a promise that must fail (fails the test if it resolves). */
async function rejection(p: Promise<unknown>): Promise<AirweaveSDKError> {
  let value: unknown;
  try {
    value = await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AirweaveSDKError);
    return err as AirweaveSDKError;
  }
  throw new Error(`expected the SDK call to fail, it returned ${JSON.stringify(value)}`);
}

describe('Airweave through @airweave/sdk 0.7.20', () => {
  const ctx = useServer({ providers: ['airweave'] });
  const client = (apiKey = freshKey()) => new AirweaveSDKClient({ apiKey, baseUrl: `${ctx.url}/airweave` });

  it('lists the connector catalog and gets one connector', async () => {
    const sdk = client();
    const sources = await sdk.sources.list();
    const names = sources.map((s) => s.short_name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names).toEqual(expect.arrayContaining(['github', 'stripe', 'slack', 'notion']));
    expect(new Set(names).size).toBe(names.length);

    const github = await sdk.sources.get('github');
    expect(github).toMatchObject({ short_name: 'github', name: 'GitHub', class_name: 'GitHubSource', auth_methods: ['direct', 'auth_provider'] });
    expect(github.auth_fields?.fields.map((f) => f.name)).toEqual(['personal_access_token']);
    expect(github.config_fields.fields.find((f) => f.name === 'repo_name')).toMatchObject({ type: 'string', required: true });
    // The catalog's own hints for the mock never reach the wire.
    expect(JSON.stringify(github)).not.toContain('x-mock');
    // The list carries the same entry as the single GET.
    expect(sources.find((s) => s.short_name === 'github')).toEqual(github);

    const missing = await rejection(sdk.sources.get('no-such-source'));
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toEqual({ detail: 'Source not found: no-such-source' });
  });

  it('creates collections with a generated and an explicit readable_id, lists them with search and paging, and gets one', async () => {
    const sdk = client();
    const generated = await sdk.collections.create({ name: 'Finance Data' });
    expect(generated.readable_id).toMatch(/^finance-data-[a-z0-9]{6}$/);
    expect(generated).toMatchObject({
      name: 'Finance Data',
      status: 'NEEDS SOURCE',
      vector_size: 3072,
      embedding_model_name: 'text-embedding-3-large',
      created_by_email: null,
      modified_by_email: null,
    });
    expect(generated.id).toMatch(UUID);
    expect(generated.organization_id).toMatch(UUID);
    expect(generated.created_at).toMatch(NAIVE);
    expect(generated.modified_at).toBe(generated.created_at);

    ctx.server.clock.advance(1);
    const explicitId = `team-notes-${runTag}`;
    const explicit = await sdk.collections.create({ name: 'Team Notes', readable_id: explicitId });
    expect(explicit.readable_id).toBe(explicitId);
    expect(explicit.organization_id).toBe(generated.organization_id);
    ctx.server.clock.advance(1);
    const third = await sdk.collections.create({ name: 'Finance Archive' });

    // The same readable_id again is a 400, not a second collection.
    const duplicate = await rejection(sdk.collections.create({ name: 'Other Name', readable_id: explicitId }));
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toEqual({ detail: `Collection with readable_id '${explicitId}' already exists` });

    // Newest first; search matches name or readable_id, case-insensitively.
    const all = await sdk.collections.list();
    expect(all.map((c) => c.readable_id)).toEqual([third.readable_id, explicitId, generated.readable_id]);

    const finance = await sdk.collections.list({ search: 'FINANCE' });
    expect(finance.map((c) => c.readable_id)).toEqual([third.readable_id, generated.readable_id]);
    // "notes-<tag>" is only in the readable_id (the name is "Team Notes").
    const byId = await sdk.collections.list({ search: `notes-${runTag}` });
    expect(byId.map((c) => c.readable_id)).toEqual([explicitId]);
    expect(await sdk.collections.list({ search: 'nothing-matches-this' })).toEqual([]);

    const page1 = await sdk.collections.list({ skip: 0, limit: 2 });
    const page2 = await sdk.collections.list({ skip: 2, limit: 2 });
    expect(page1).toHaveLength(2);
    expect(page2).toHaveLength(1);
    expect([...page1, ...page2].map((c) => c.readable_id)).toEqual(all.map((c) => c.readable_id));
    expect(await sdk.collections.list({ skip: 3 })).toEqual([]);

    const got = await sdk.collections.get(explicitId);
    expect(got).toEqual(explicit);

    // Another organisation does not see them.
    const other = client();
    expect(await other.collections.list()).toEqual([]);
    const foreign = await rejection(other.collections.get(explicitId));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toEqual({ detail: 'Collection not found' });
  });

  it('runs the whole source-connection flow: create, sync on the clock, run, cancel, list, update, refresh_all, delete', async () => {
    const sdk = client();
    const collection = await sdk.collections.create({ name: 'Engineering Docs' });
    const rid = collection.readable_id;

    // Create a GitHub connection with direct credentials: the first sync job starts pending.
    const conn = await sdk.sourceConnections.create({
      short_name: 'github',
      readable_collection_id: rid,
      name: 'Docs Repo',
      authentication: { credentials: { personal_access_token: 'ghp_exampleToken1234567890' } },
      config: { repo_name: 'acme/docs' },
    });
    expect(conn).toMatchObject({
      name: 'Docs Repo',
      short_name: 'github',
      readable_collection_id: rid,
      organization_id: collection.organization_id,
      status: 'active',
      auth: { method: 'direct', authenticated: true },
      // Stored and echoed with the connector's defaults filled in.
      config: { repo_name: 'acme/docs', branch: '', sync_pull_requests: false },
    });
    expect(conn.id).toMatch(UUID);
    expect(conn.sync_id).toMatch(UUID);
    // github supports continuous syncs, so the default schedule is every five minutes.
    expect(conn.schedule?.cron).toBe('*/5 * * * *');
    expect(JSON.stringify(conn)).not.toContain('ghp_exampleToken');
    const firstJob = conn.sync?.last_job;
    expect(firstJob?.status).toBe('pending');
    expect(firstJob?.started_at).toBeNull();
    expect(firstJob?.id).toMatch(UUID);
    // A job that is only pending does not make the collection ACTIVE.
    expect((await sdk.collections.get(rid)).status).toBe('NEEDS SOURCE');

    // One processing step: running, and the collection becomes ACTIVE.
    ctx.server.clock.advance(1000);
    const running = await sdk.sourceConnections.get(conn.id);
    expect(running.sync?.last_job).toMatchObject({ id: firstJob!.id, status: 'running', completed_at: null });
    expect(running.sync?.last_job?.started_at).toMatch(NAIVE);
    expect(running.status).toBe('syncing');
    expect((await sdk.collections.get(rid)).status).toBe('ACTIVE');

    // Another step: completed, with entities counted.
    ctx.server.clock.advance(1000);
    const done = await sdk.sourceConnections.get(conn.id);
    expect(done.status).toBe('active');
    expect(done.sync).toMatchObject({ total_runs: 1, successful_runs: 1, failed_runs: 0, last_job: { id: firstJob!.id, status: 'completed' } });
    expect(done.sync?.last_job?.duration_seconds).toBe(1);
    expect(done.entities?.total_entities).toBeGreaterThan(0);
    expect((await sdk.collections.get(rid)).status).toBe('ACTIVE');

    const jobs = await sdk.sourceConnections.getSourceConnectionJobs(conn.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ id: firstJob!.id, source_connection_id: conn.id, status: 'completed', entities_inserted: done.entities!.total_entities });

    // Run: a new pending job. Running again while it is pending is the vendor's 400.
    const job2 = await sdk.sourceConnections.run(conn.id);
    expect(job2).toMatchObject({ source_connection_id: conn.id, status: 'pending', started_at: null, completed_at: null, entities_inserted: 0 });
    expect(job2.id).not.toBe(firstJob!.id);
    const again = await rejection(sdk.sourceConnections.run(conn.id));
    expect(again).not.toBeInstanceOf(AirweaveSDK.UnprocessableEntityError);
    expect(again.statusCode).toBe(400);
    expect(again.body).toEqual({ detail: 'Cannot start new sync: a sync job is already pending' });

    // Cancel the pending job: straight to cancelled, and the clock no longer moves it.
    const cancelled = await sdk.sourceConnections.cancelJob(conn.id, job2.id);
    expect(cancelled).toMatchObject({ id: job2.id, status: 'cancelled' });
    ctx.server.clock.advance(5000);
    const history = await sdk.sourceConnections.getSourceConnectionJobs(conn.id);
    expect(history.map((j) => [j.id, j.status])).toEqual([
      [job2.id, 'cancelled'],
      [firstJob!.id, 'completed'],
    ]);
    expect(await sdk.sourceConnections.getSourceConnectionJobs(conn.id, { limit: 1 })).toHaveLength(1);
    const cancelAgain = await rejection(sdk.sourceConnections.cancelJob(conn.id, job2.id));
    expect(cancelAgain.statusCode).toBe(400);
    expect(cancelAgain.body).toEqual({ detail: 'Cannot cancel job in cancelled state' });

    // A second connection in another collection, to show the list filter.
    const otherCollection = await sdk.collections.create({ name: 'Payments Data' });
    const stripe = await sdk.sourceConnections.create({
      short_name: 'stripe',
      readable_collection_id: otherCollection.readable_id,
      authentication: { credentials: { api_key: 'sk_test_abcdefghijklmnopqrstuvwxyz' } },
    });
    expect(stripe.name).toBe('Stripe Connection');
    const inDocs = await sdk.sourceConnections.list({ collection: rid });
    expect(inDocs.map((c) => c.id)).toEqual([conn.id]);
    expect(inDocs[0]).toMatchObject({ name: 'Docs Repo', short_name: 'github', is_authenticated: true, auth_method: 'direct', status: 'active' });
    expect((await sdk.sourceConnections.list()).map((c) => c.id).sort()).toEqual([conn.id, stripe.id].sort());
    expect(await sdk.sourceConnections.list({ collection: 'no-such-collection' })).toEqual([]);

    // The list view of collections names their connections (the connection's own name), which SDK 0.7.20's types do not declare.
    const listed = (await sdk.collections.list({ search: rid }))[0] as AirweaveSDK.Collection & { source_connection_summaries?: unknown };
    expect(listed.source_connection_summaries).toEqual([{ short_name: 'github', name: 'Docs Repo' }]);
    expect(((await sdk.collections.get(rid)) as typeof listed).source_connection_summaries).toEqual([]);

    // PATCH renames; other fields stay.
    const renamed = await sdk.sourceConnections.update(conn.id, { name: 'Docs Repository' });
    expect(renamed).toMatchObject({ id: conn.id, name: 'Docs Repository', config: { repo_name: 'acme/docs', branch: '', sync_pull_requests: false } });
    expect((await sdk.sourceConnections.get(conn.id)).name).toBe('Docs Repository');

    // refresh_all starts one job for each connection in the collection that has none in flight.
    const refreshed = await sdk.collections.refreshAllSourceConnections(rid);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatchObject({ source_connection_id: conn.id, status: 'pending' });
    expect((await sdk.sourceConnections.get(conn.id)).sync?.last_job?.id).toBe(refreshed[0]!.id);
    // A second refresh while that job is pending skips the connection.
    expect(await sdk.collections.refreshAllSourceConnections(rid)).toEqual([]);

    // Delete answers with the collection as it was, then everything under it is gone.
    const before = await sdk.collections.get(rid);
    const deleted = await sdk.collections.delete(rid);
    expect(deleted).toEqual(before);
    const gone = await rejection(sdk.collections.get(rid));
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toEqual({ detail: 'Collection not found' });
    const connGone = await rejection(sdk.sourceConnections.get(conn.id));
    expect(connGone.statusCode).toBe(404);
    expect(connGone.body).toEqual({ detail: 'Source connection not found' });
    expect((await sdk.sourceConnections.list()).map((c) => c.id)).toEqual([stripe.id]);
    const refreshGone = await rejection(sdk.collections.refreshAllSourceConnections(rid));
    expect(refreshGone.statusCode).toBe(404);
    // The freed readable_id can be taken again.
    expect((await sdk.collections.create({ name: 'Engineering Docs', readable_id: rid })).readable_id).toBe(rid);
    // The cascade left the other collection's connection alone: its sync still runs to completion.
    ctx.server.clock.advance(5000);
    expect((await sdk.sourceConnections.get(stripe.id)).sync?.last_job?.status).toBe('completed');
  });

  it('a job started at the same instant as the one before it is the latest job (manual clock not moved)', async () => {
    // Regression: ties on created_at were broken by the random job id, so about half the time
    // last_job, the job list order and the derived statuses showed the older, cancelled job.
    const sdk = client();
    const { readable_id } = await sdk.collections.create({ name: 'Same Instant' });
    for (let i = 0; i < 10; i++) {
      const conn = await sdk.sourceConnections.create({
        short_name: 'github',
        readable_collection_id: readable_id,
        authentication: { credentials: { personal_access_token: `ghp_tie${i}` } },
        config: { repo_name: `acme/tie-${i}` },
      });
      const first = conn.sync!.last_job!.id;
      await sdk.sourceConnections.cancelJob(conn.id, first);
      const second = await sdk.sourceConnections.run(conn.id);
      expect((await sdk.sourceConnections.get(conn.id)).sync?.last_job).toMatchObject({ id: second.id, status: 'pending' });
      expect((await sdk.sourceConnections.getSourceConnectionJobs(conn.id)).map((j) => j.id)).toEqual([second.id, first]);
    }
    expect((await sdk.collections.get(readable_id)).status).toBe('NEEDS SOURCE');
    ctx.server.clock.advance(1000);
    const listed = await sdk.sourceConnections.list({ collection: readable_id });
    expect(listed.map((c) => c.status)).toEqual(Array(10).fill('syncing'));
    expect((await sdk.collections.get(readable_id)).status).toBe('ACTIVE');
  });

  it('deletes a source connection and answers with its snapshot', async () => {
    const sdk = client();
    const { readable_id } = await sdk.collections.create({ name: 'Knowledge Base' });
    const conn = await sdk.sourceConnections.create({
      short_name: 'github',
      readable_collection_id: readable_id,
      authentication: { credentials: { personal_access_token: 'ghp_anotherToken' } },
      config: { repo_name: 'acme/kb' },
    });
    const snapshot = await sdk.sourceConnections.get(conn.id);
    expect(await sdk.sourceConnections.delete(conn.id)).toEqual(snapshot);
    const gone = await rejection(sdk.sourceConnections.getSourceConnectionJobs(conn.id));
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toEqual({ detail: 'Source connection not found' });
    expect(await sdk.sourceConnections.list({ collection: readable_id })).toEqual([]);
    expect((await sdk.collections.get(readable_id)).status).toBe('NEEDS SOURCE');
  });

  it('searches with every search method the SDK has: search (SearchRequest and LegacySearchRequest) and searchGetLegacy', async () => {
    const sdk = client();
    const { readable_id } = await sdk.collections.create({ name: 'Searchable Docs' });
    // Unsynced: empty results, not an error.
    const empty = await sdk.collections.searchGetLegacy(readable_id, { query: 'deployment' });
    expect(empty).toEqual({ results: [], response_type: 'raw', completion: null, status: 'no_results' });

    await sdk.sourceConnections.create({
      short_name: 'github',
      readable_collection_id: readable_id,
      authentication: { credentials: { personal_access_token: 'ghp_searchToken' } },
      config: { repo_name: 'acme/pulse' },
    });
    ctx.server.clock.advance(2000);

    // POST with a SearchRequest: results and, by default, an answer built from them.
    const fresh = (await sdk.collections.search(readable_id, { query: 'token bucket rate limiter', limit: 3 })) as AirweaveSDK.SearchResponse;
    expect(fresh.results).toHaveLength(3);
    expect(fresh.results[0]).toMatchObject({
      name: 'Add token bucket rate limiter to the public ingest API',
      entity_id: 'pr:412',
      system_metadata: { source_name: 'github', entity_type: 'GitHubPullRequestEntity' },
    });
    expect(fresh.completion).toContain('1. Add token bucket rate limiter to the public ingest API (github)');
    expect('status' in fresh).toBe(false);
    const quiet = (await sdk.collections.search(readable_id, {
      query: 'token bucket',
      generate_answer: false,
      retrieval_strategy: 'keyword',
      limit: 1,
    })) as AirweaveSDK.SearchResponse;
    expect(quiet.completion ?? null).toBeNull();
    expect(quiet.results.map((r) => r.entity_id)).toEqual(['pr:412']);

    // POST with a LegacySearchRequest: the legacy envelope and the deprecation headers.
    const legacy = await sdk.collections.search(readable_id, { query: 'memory leak websocket', response_type: 'completion', limit: 2 }).withRawResponse();
    expect(legacy.rawResponse.headers.get('x-api-deprecation')).toBe('true');
    expect(legacy.data).toMatchObject({ response_type: 'completion', status: 'success' });
    const legacyData = legacy.data as AirweaveSDK.LegacySearchResponse;
    expect(legacyData.results[0]).toMatchObject({ name: 'Fix memory leak in websocket reconnect' });
    expect(legacyData.completion).toMatch(/^Based on the 2 most relevant results for "memory leak websocket":/);
    // A threshold no result reaches (a cosine of 0.99): results matched, none relevant.
    const strict = (await sdk.collections.search(readable_id, {
      query: 'memory leak websocket',
      score_threshold: 0.99,
      search_method: 'neural',
    })) as AirweaveSDK.LegacySearchResponse;
    expect(strict).toEqual({ results: [], response_type: 'raw', completion: null, status: 'no_relevant_results' });

    // GET, the legacy way, with paging.
    const page = await sdk.collections.searchGetLegacy(readable_id, { query: 'local development docker', limit: 2, offset: 0 });
    expect(page.status).toBe('success');
    expect(page.results).toHaveLength(2);
    const next = await sdk.collections.searchGetLegacy(readable_id, { query: 'local development docker', limit: 2, offset: 2 });
    expect(next.results.map((r) => r.id)).not.toContain(page.results[0]!.id);

    // Errors: the legacy 404 text ends with a period; a blank query is the vendor's 422.
    const missing = await rejection(sdk.collections.searchGetLegacy('no-such-collection', { query: 'x' }));
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toEqual({ detail: "Collection 'no-such-collection' not found." });
    const blank = await rejection(sdk.collections.search(readable_id, { query: ' ' }));
    expect(blank).toBeInstanceOf(AirweaveSDK.UnprocessableEntityError);
    expect(blank.body).toEqual({ errors: [{ 'body.query': 'Value error, Query cannot be empty' }] });
  });

  it('surfaces errors through the SDK classes: 404 as AirweaveSDKError, 422 as UnprocessableEntityError', async () => {
    const sdk = client();
    const notFound = await rejection(sdk.collections.get('does-not-exist'));
    expect(notFound).not.toBeInstanceOf(AirweaveSDK.UnprocessableEntityError);
    expect(notFound.statusCode).toBe(404);
    expect(notFound.body).toEqual({ detail: 'Collection not found' });

    const tooShort = await rejection(sdk.collections.create({ name: 'abc' }));
    expect(tooShort).toBeInstanceOf(AirweaveSDK.UnprocessableEntityError);
    expect(tooShort.statusCode).toBe(422);
    // The vendor's real 422 shape, which the SDK passes through untouched (not the spec's {detail:[…]}).
    expect(tooShort.body).toEqual({ errors: [{ 'body.name': 'String should have at least 4 characters' }] });

    const badId = await rejection(sdk.collections.create({ name: 'Valid Name', readable_id: 'Not_Valid' }));
    expect(badId).toBeInstanceOf(AirweaveSDK.UnprocessableEntityError);
    expect(badId.body).toEqual({ errors: [{ 'body.readable_id': "String should match pattern '^[a-z0-9]+(-[a-z0-9]+)*$'" }] });

    const badLimit = await rejection(sdk.collections.list({ limit: 1001 }));
    expect(badLimit).toBeInstanceOf(AirweaveSDK.UnprocessableEntityError);
    expect(badLimit.body).toEqual({ errors: [{ 'query.limit': 'Input should be less than or equal to 1000' }] });

    // Config checked against the connector's fields: the second 422 form, a detail string.
    const { readable_id } = await sdk.collections.create({ name: 'Config Checks' });
    const noRepo = await rejection(
      sdk.sourceConnections.create({
        short_name: 'github',
        readable_collection_id: readable_id,
        authentication: { credentials: { personal_access_token: 'ghp_x' } },
      }),
    );
    expect(noRepo).toBeInstanceOf(AirweaveSDK.UnprocessableEntityError);
    expect(noRepo.body).toEqual({ detail: 'Invalid config fields: repo_name: Field required' });

    const unknownSource = await rejection(sdk.sourceConnections.create({ short_name: 'nope', readable_collection_id: readable_id }));
    expect(unknownSource.statusCode).toBe(404);
    expect(unknownSource.body).toEqual({ detail: "Source 'nope' not found" });

    // Nothing was created by the failed calls.
    expect((await sdk.collections.list()).map((c) => c.readable_id)).toEqual([readable_id]);
    expect(await sdk.sourceConnections.list()).toEqual([]);
  });
});

describe('Airweave SDK against a server with a key list', () => {
  it('gets 403 for a key the server does not know, and works with the listed one', async () => {
    const server = await startServer({ providers: ['airweave'], apiKeys: { airweave: [{ key: 'aw-good' }] } });
    try {
      const baseUrl = `${server.url}/airweave`;
      const bad = new AirweaveSDKClient({ apiKey: 'aw-wrong', baseUrl });
      const err = await rejection(bad.collections.list());
      expect(err.statusCode).toBe(403);
      expect(err.body).toEqual({ detail: 'Invalid or expired API key' });
      const errCreate = await rejection(bad.collections.create({ name: 'Should Not Exist' }));
      expect(errCreate.statusCode).toBe(403);

      const good = new AirweaveSDKClient({ apiKey: 'aw-good', baseUrl });
      // The refused create left nothing behind.
      expect(await good.collections.list()).toEqual([]);
      expect((await good.sources.list()).length).toBeGreaterThanOrEqual(4);
      expect(server.selfCheckFailures).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
