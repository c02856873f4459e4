/**
 * Airweave fidelity against the vendor's PUBLISHED contract (Airweave's
 * OpenAPI 3.1 document, 27 operations; what this test needs of it is in
 * vendor/airweave/contract.json, with where it was published), not against
 * our own specs/airweave.yaml (the server's strict self-check covers that one).
 *
 * A flow of plain fetch calls exercises every operation the vendor document
 * describes and the mock serves, with their success and error statuses. The
 * harness (test/support/fidelity.ts) records every reply through a wrapper
 * around globalThis.fetch. Each reply whose
 * (method, path template, status) the vendor document describes is validated
 * with Ajv 2020 against the vendor's own schema for it.
 *
 * Where the published document and the real service disagree, the mock
 * follows the service (the backend in github.com/airweave-ai/airweave, whose
 * FastAPI app the document is generated from): naive timestamps, 400 where
 * the document says 409, its own 422 body, one enum value, a few fields the
 * document lacks, 404 from v2 search, and the agentic stream's
 * text/event-stream. Those deviations are allowed here explicitly, each with
 * its reason. Any other mismatch fails and prints operation, status, instance
 * path and message.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { closeObjects, label, naiveDatetime, rfc3339, useFidelity, type Captured } from './support/fidelity.js';
import { useServer } from './support/server.js';
import { awRaw } from './support/airweave.js';
import { EventReader } from './support/sse.js';

type Json = any;

// ---------------------------------------------------------------- the deviations

/**
 * Database timestamps on the wire: naive UTC, microseconds only when non-zero. The backend
 * stores naive UTC datetimes (`utc_now_naive`, backend/airweave/core/datetime_utils.py) and
 * pydantic serialises a naive datetime without a zone.
 *
 * DEVIATION: the document says `format: date-time` (RFC 3339, zone required) for created_at,
 * modified_at, started_at, completed_at, authenticated_at, last_updated; the real service sends
 * naive UTC without `Z` ("2025-06-17T05:52:40.930991"), and the mock follows the wire, which
 * clients parse as plain strings. So the harness's date-time also accepts this naive form;
 * everything else about the format still applies.
 */
const NAIVE_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;
const isNaiveDatetime = naiveDatetime(NAIVE_DATETIME);

/**
 * The documented deviations in status codes, each answered where the vendor
 * document describes no such status for the operation. Keyed "<vendor
 * operationId> <status>".
 */
const UNDOCUMENTED_STATUSES: Record<string, string> = {
  // The backend's CollectionAlreadyExistsError (backend/airweave/domains/collections/exceptions.py)
  // is answered 400; the document lists no 400 at all.
  'create_collections_post 400': 'duplicate readable_id → 400 {"detail":"Collection with readable_id … already exists"}',
  // The backend's create (backend/airweave/domains/source_connections/create.py) raises 404 for an
  // unknown source or a missing collection; the document lists no 404 for this operation.
  'create_source_connections_post 404': 'missing collection → 404 {"detail":"Collection not found"}',
  // The document says 409; the backend (backend/airweave/domains/syncs/service.py) answers 400
  // "Cannot start new sync: a sync job is already …" and "Cannot cancel job in … state", and keeps
  // 409 for a paused or inactive sync. The cancel operation's own description in the document says 400 too.
  'run_source_connections__source_connection_id__run_post 400': 'a job already pending/running → 400 (document: 409)',
  'cancel_job_source_connections__source_connection_id__jobs__job_id__cancel_post 400': 'job not cancellable → 400 (document: 409)',
  // Auth failures are answered on every route (backend/airweave/api/context_resolver.py); the
  // document declares only the security scheme, no 401 response.
  'list_collections_get 401': 'no x-api-key → 401 {"detail":"No valid authentication provided"}',
  // The v2 search services (backend/airweave/domains/search/*/service.py) raise the collection's
  // NotFound before searching; the document lists only 200 and 422 for these operations.
  'instant_search_collections__readable_id__search_instant_post 404': 'missing collection → 404 {"detail":"Collection \'<id>\' not found"}',
  'classic_search_collections__readable_id__search_classic_post 404': 'missing collection → 404 {"detail":"Collection \'<id>\' not found"}',
  'agentic_search_collections__readable_id__search_agentic_post 404': 'missing collection → 404 {"detail":"Collection \'<id>\' not found"}',
};

/**
 * Routes the mock serves that the vendor document does not describe: recorded, not validated.
 * refresh_all left the backend and the document on 2026-02-20 ("chore: remove dead APIs"), but
 * @airweave/sdk 0.7.20 still calls it, so the mock keeps serving it.
 */
const MOCK_ONLY_OPERATIONS = [
  'POST /collections/{}/refresh_all',
  // Legacy search: served by the backend (backend/airweave/api/v1/endpoints/search.py) but left out
  // of the document (include_in_schema=False); @airweave/sdk 0.7.20 calls both.
  'GET /collections/{}/search',
  'POST /collections/{}/search',
];

/**
 * DEVIATION: the document describes the agentic stream's 200 as `application/json` with an empty
 * schema (FastAPI's default for a StreamingResponse); the backend answers `text/event-stream`
 * (backend/airweave/api/v1/endpoints/search_v2.py), each event a `data:` line of JSON. The
 * events' results are checked against the document's SearchResult instead.
 */
const STREAM_OPERATION = 'POST /collections/{readable_id}/search/agentic/stream';

/**
 * DEVIATION: the document's SourceConnectionStatus enum lacks `needs_reauth`,
 * which the backend's enum has (backend/airweave/core/shared_models.py) and
 * emits for a failed sync with a credential error category; the mock does the
 * same. This is the ONLY enum difference: the document's enums are lowercase
 * like the wire (the upper-case values appear only in its examples and
 * prose), which a test below pins.
 */
const ALLOWED_ENUM_VALUES: { schema: string; value: string; why: string }[] = [
  { schema: 'SourceConnectionStatus', value: 'needs_reauth', why: 'credential failure status, emitted by the backend, missing from the document' },
];

/**
 * Fields on the wire that the document does not declare: the backend's
 * response models have them, the generated document does not. The document
 * does not forbid additional properties on any response schema, so they
 * validate; this list pins exactly which ones the mock sends.
 */
const WIRE_ONLY_FIELDS = [
  // The allowed values of a Literal config field (backend/airweave/platform/configs/_base.py).
  'ConfigField.enum_values',
  // The credential error classification and its details (backend/airweave/schemas/source_connection.py).
  'SourceConnection.error_category',
  'SourceConnection.error_message',
  'SourceConnection.provider_settings_url',
  'SourceConnection.provider_short_name',
  'SourceConnectionJob.error_category',
  'SyncJobDetails.error_category',
];

/** Timestamps that are database rows (naive, see NAIVE_DATETIME) vs values the backend computes zone-aware (`Z`). */
const DB_TIMESTAMPS = new Set(['created_at', 'modified_at', 'started_at', 'completed_at', 'authenticated_at', 'last_updated', 'auth_url_expires']);
const AWARE_TIMESTAMPS = new Set(['next_run']);

// ---------------------------------------------------------------- the test

describe('Airweave fidelity against the vendor OpenAPI document', () => {
  const ctx = useServer({ providers: ['airweave'] });
  const fx = useFidelity({ vendor: 'airweave', server: ctx, flow: runFlow, naiveDatetime: NAIVE_DATETIME });
  const { captured, vendorOpOf, vendorResponse, documentedSchema } = fx;

  const KEY = `aw-fidelity-${Math.random().toString(36).slice(2, 10)}`;
  const runTag = Math.random().toString(36).slice(2, 8);

  /** One request; the status must be the expected one (the flow is the coverage, so it must go as planned). */
  async function call(expected: number, p: string, init: Parameters<typeof awRaw>[2] = {}): Promise<Json> {
    const r = await awRaw(ctx.url, p, { key: KEY, ...init });
    if (r.status !== expected) throw new Error(`${init.method ?? 'GET'} ${p}: expected ${expected}, got ${r.status} ${r.text}`);
    return r.json;
  }

  /** Reads a stream of events to its end, advancing the clock a step after each event so the next one is sent. */
  async function readStream(p: string, json: unknown): Promise<void> {
    const res = await fetch(`${ctx.url}/airweave${p}`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    if (res.status !== 200) throw new Error(`POST ${p}: expected 200, got ${res.status} ${await res.text()}`);
    const reader = new EventReader(res);
    while (await reader.next()) ctx.server.clock.advance(1000);
  }

  async function runFlow(): Promise<void> {
    const advance = (ms: number) => ctx.server.clock.advance(ms);
    const missingUuid = '00000000-0000-4000-8000-000000000000';

    // Sources.
    await call(200, '/sources');
    await call(200, '/sources/github');
    await call(200, '/sources/notion');
    await call(404, '/sources/nope');

    // Collections: create (generated and explicit ids), 422, duplicate 400, list, get, patch, 404s.
    const generated = await call(200, '/collections', { method: 'POST', json: { name: 'Fidelity Check' } });
    const rid = `fidelity-${runTag}`;
    await call(200, '/collections', { method: 'POST', json: { name: 'Fidelity Explicit', readable_id: rid } });
    await call(422, '/collections', { method: 'POST', json: { name: 'abc' } });
    await call(422, '/collections', { method: 'POST', json: { name: 'Valid Name', readable_id: 'Bad_Id' } });
    await call(400, '/collections', { method: 'POST', json: { name: 'Fidelity Again', readable_id: rid } });
    await call(200, `/collections?search=fidelity&skip=0&limit=10`);
    await call(422, '/collections?limit=0');
    await call(200, `/collections/${rid}`);
    await call(404, '/collections/no-such-collection');
    await call(200, `/collections/${generated.readable_id}`, {
      method: 'PATCH',
      json: { name: 'Fidelity Renamed', sync_config: { handlers: { enable_postgres_handler: false }, destinations: { target_destinations: [missingUuid] } } },
    });
    await call(422, `/collections/${rid}`, { method: 'PATCH', json: { name: 'ab' } });
    await call(404, '/collections/no-such-collection', { method: 'PATCH', json: { name: 'Whatever' } });

    // Source connections of every auth kind: direct (sync starts), oauth_token on a federated source,
    // OAuth browser (pending auth, auth_url and claim_token).
    const github = await call(200, '/source-connections', {
      method: 'POST',
      json: {
        short_name: 'github',
        readable_collection_id: rid,
        description: 'The docs repository',
        authentication: { credentials: { personal_access_token: 'ghp_fidelityToken' } },
        config: { repo_name: 'acme/docs' },
      },
    });
    await call(200, '/source-connections', {
      method: 'POST',
      json: { short_name: 'slack', readable_collection_id: rid, authentication: { access_token: 'xoxb-fidelity-token' } },
    });
    await call(200, '/source-connections', {
      method: 'POST',
      json: { short_name: 'notion', readable_collection_id: rid, redirect_url: 'https://app.example.com/after-auth' },
    });
    await call(200, '/source-connections', {
      method: 'POST',
      json: {
        short_name: 'stripe',
        readable_collection_id: rid,
        authentication: { credentials: { api_key: 'sk_test_fidelity0123456789' } },
        schedule: { cron: '0 3 * * *' },
      },
    });
    // Failing syncs: plain failure (status `error`) and a credential failure (status `needs_reauth`).
    const failing = await call(200, '/source-connections', {
      method: 'POST',
      json: {
        short_name: 'github',
        readable_collection_id: generated.readable_id,
        description: 'breaks [mock:fail]',
        authentication: { credentials: { personal_access_token: 'ghp_x' } },
        config: { repo_name: 'acme/broken' },
      },
    });
    const reauth = await call(200, '/source-connections', {
      method: 'POST',
      json: {
        short_name: 'github',
        readable_collection_id: generated.readable_id,
        description: 'expired [mock:fail-auth]',
        authentication: { credentials: { personal_access_token: 'ghp_y' } },
        config: { repo_name: 'acme/expired' },
      },
    });
    await call(422, '/source-connections', { method: 'POST', json: { short_name: 'github' } });
    await call(422, '/source-connections', {
      method: 'POST',
      json: { short_name: 'github', readable_collection_id: rid, authentication: { credentials: { personal_access_token: 'ghp_z' } } },
    });
    await call(404, '/source-connections', {
      method: 'POST',
      json: {
        short_name: 'github',
        readable_collection_id: 'no-such-collection',
        authentication: { credentials: { personal_access_token: 'ghp_z' } },
        config: { repo_name: 'a/b' },
      },
    });

    // The sync on the clock: pending → running → completed (failures fail on the second step).
    await call(200, `/source-connections/${github.id}`);
    await call(200, `/collections/${rid}`);
    advance(1000);
    await call(200, `/source-connections/${github.id}`);
    await call(200, `/source-connections/${github.id}/jobs`);
    advance(1000);
    await call(200, `/source-connections/${github.id}`);
    await call(200, `/source-connections/${failing.id}`);
    await call(200, `/source-connections/${reauth.id}`);
    await call(200, `/source-connections/${reauth.id}/jobs`);
    await call(200, `/collections?search=${runTag}`);
    await call(200, `/collections?search=fidelity`);

    // Lists, with the collection filter, paging and a 422.
    await call(200, '/source-connections');
    await call(200, `/source-connections?collection=${rid}&skip=0&limit=50`);
    await call(422, '/source-connections?limit=0');

    // Get / patch / 404 / 422 on one connection.
    await call(404, `/source-connections/${missingUuid}`);
    await call(422, '/source-connections/not-a-uuid');
    await call(200, `/source-connections/${github.id}`, {
      method: 'PATCH',
      json: { name: 'Docs Repository', description: 'Renamed', schedule: { cron: '15 * * * *' } },
    });
    await call(422, `/source-connections/${github.id}`, { method: 'PATCH', json: {} });
    await call(404, `/source-connections/${missingUuid}`, { method: 'PATCH', json: { name: 'Whatever' } });

    // Run, run again (400), jobs, cancel a pending job, cancel again (400), cancel a running job.
    const job = await call(200, `/source-connections/${github.id}/run`, { method: 'POST' });
    await call(400, `/source-connections/${github.id}/run`, { method: 'POST' });
    await call(200, `/source-connections/${github.id}/jobs?limit=10`);
    await call(200, `/source-connections/${github.id}/jobs/${job.id}/cancel`, { method: 'POST' });
    await call(400, `/source-connections/${github.id}/jobs/${job.id}/cancel`, { method: 'POST' });
    const job2 = await call(200, `/source-connections/${github.id}/run?force_full_sync=true`, { method: 'POST' });
    advance(1000);
    await call(200, `/source-connections/${github.id}/jobs/${job2.id}/cancel`, { method: 'POST' });
    await call(200, `/source-connections/${github.id}`);
    advance(1000);
    await call(200, `/source-connections/${github.id}/jobs`);
    await call(404, `/source-connections/${github.id}/jobs/${missingUuid}/cancel`, { method: 'POST' });
    await call(404, `/source-connections/${missingUuid}/run`, { method: 'POST' });
    await call(404, `/source-connections/${missingUuid}/jobs`);

    // Search: the synced GitHub and Stripe entities and the federated Slack ones, v2 and legacy.
    const post = (json: unknown) => ({ method: 'POST', json });
    for (const retrieval_strategy of ['hybrid', 'semantic', 'keyword']) {
      await call(200, `/collections/${rid}/search/instant`, post({ query: 'token bucket rate limiter', retrieval_strategy, limit: 5 }));
    }
    await call(
      200,
      `/collections/${rid}/search/instant`,
      post({
        query: 'deployment',
        filter: [{ conditions: [{ field: 'airweave_system_metadata.source_name', operator: 'in', value: ['slack', 'github'] }] }],
        offset: 1,
        limit: 3,
      }),
    );
    await call(422, `/collections/${rid}/search/instant`, post({ query: '  ' }));
    await call(
      422,
      `/collections/${rid}/search/instant`,
      post({ query: 'x', filter: [{ conditions: [{ field: 'created_at', operator: 'contains', value: '2025' }] }] }),
    );
    await call(422, `/collections/${rid}/search/instant`, post({ query: 'x', retrieval_strategy: 'neural' }));
    await call(404, '/collections/no-such-collection/search/instant', post({ query: 'x' }));
    await call(200, `/collections/${rid}/search/classic`, post({ query: 'what does the README say about Docker', limit: 3 }));
    await call(404, '/collections/no-such-collection/search/classic', post({ query: 'x' }));
    await call(200, `/collections/${rid}/search/agentic`, post({ query: 'rate limiting', thinking: true, limit: 2 }));
    await call(404, '/collections/no-such-collection/search/agentic', post({ query: 'x' }));
    await call(422, `/collections/${rid}/search/agentic`, post({ query: 'x', limit: 0 }));
    await readStream(`/collections/${rid}/search/agentic/stream`, { query: 'rate limiting', thinking: true });
    await readStream('/collections/no-such-collection/search/agentic/stream', { query: 'x' });
    // Legacy (mock-only here: the document leaves it out).
    await call(200, `/collections/${rid}/search?query=rate%20limiter&response_type=completion&limit=3`);
    await call(200, `/collections/${rid}/search`, post({ query: 'rate limiter', response_type: 'raw', limit: 3 }));
    await call(404, '/collections/no-such-collection/search?query=x');

    // Mock-only: refresh_all (SDK 0.7.20 calls it; not in the vendor document).
    await call(200, `/collections/${rid}/refresh_all`, { method: 'POST' });

    // An auth failure on a documented route (this server accepts any key, so only the missing one fails).
    await call(401, '/collections', { key: null });

    // Deletes: a connection (snapshot), then the collection (snapshot, cascade), then 404s.
    await call(200, `/source-connections/${failing.id}`, { method: 'DELETE' });
    await call(404, `/source-connections/${failing.id}`, { method: 'DELETE' });
    await call(200, `/collections/${rid}`, { method: 'DELETE' });
    await call(404, `/collections/${rid}`, { method: 'DELETE' });
    await call(404, `/source-connections/${github.id}`);
    await call(200, `/collections/${generated.readable_id}`, { method: 'DELETE' });
  }

  it('recorded the flow through the fetch wrapper', () => {
    expect(captured.length).toBeGreaterThan(60);
    expect(captured.some((c) => c.method === 'PATCH' && /^\/collections\/[^/]+$/.test(c.path) && c.status === 200)).toBe(true);
  });

  it('covers, with a success status, every operation the vendor document describes and the mock serves', () => {
    const served = fx.served();
    // The operations this test must reach at the very least; if the mock stopped serving one, that is a failure here.
    expect(served.map(label).sort()).toEqual(
      expect.arrayContaining([
        'GET /sources',
        'GET /sources/{short_name}',
        'GET /collections',
        'POST /collections',
        'GET /collections/{readable_id}',
        'PATCH /collections/{readable_id}',
        'DELETE /collections/{readable_id}',
        'GET /source-connections',
        'POST /source-connections',
        'GET /source-connections/{source_connection_id}',
        'PATCH /source-connections/{source_connection_id}',
        'DELETE /source-connections/{source_connection_id}',
        'POST /source-connections/{source_connection_id}/run',
        'GET /source-connections/{source_connection_id}/jobs',
        'POST /source-connections/{source_connection_id}/jobs/{job_id}/cancel',
        'POST /collections/{readable_id}/search/instant',
        'POST /collections/{readable_id}/search/classic',
        'POST /collections/{readable_id}/search/agentic',
        STREAM_OPERATION,
      ]),
    );
    const missed = fx.missed();
    expect(missed.map(label), 'operations never exercised with a success status').toEqual([]);
  });

  it('pins the vendor document facts the deviations below rely on', () => {
    const s = fx.contract.components.schemas!;
    // Enums: the document's enums are the lowercase wire values (only its examples say "COMPLETED"/"ACTIVE").
    expect(s.SyncJobStatus.enum).toEqual(['created', 'pending', 'running', 'completed', 'failed', 'cancelling', 'cancelled']);
    expect(s.AuthenticationMethod.enum).toEqual(['direct', 'oauth_browser', 'oauth_token', 'oauth_byoc', 'auth_provider']);
    expect(s.CollectionStatus.enum).toEqual(['ACTIVE', 'NEEDS SOURCE', 'ERROR']);
    // …except that SourceConnectionStatus lacks needs_reauth.
    expect(s.SourceConnectionStatus.enum).toEqual(['active', 'pending_auth', 'syncing', 'error', 'inactive', 'pending_sync']);
    // Timestamps are declared as RFC 3339 date-time.
    expect(s.Collection.properties.created_at.format).toBe('date-time');
    // 422 is documented as {detail:[…]}.
    expect(s.ValidationErrorResponse.required).toEqual(['detail']);
    expect(s.ValidationErrorResponse.properties.detail.type).toBe('array');
  });

  it('every reply the vendor document describes validates against the vendor schema (apart from the listed deviations)', () => {
    const validatorFor = fx.validators(fx.ajv(fx.contract.components));
    const problems: string[] = [];
    const deviationsSeen = new Set<string>();
    let validated = 0;
    for (const c of captured) {
      const op = vendorOpOf(c);
      if (!op || c.status === 422) continue; // 422s: see the next test
      const schema = documentedSchema(op, c.status);
      if (!schema) continue; // undocumented statuses: see below
      const validate = validatorFor(schema);
      validated++;
      if (validate(c.body)) continue;
      for (const e of validate.errors as ErrorObject[]) {
        // The enum sits directly under `status` (a plain $ref, no anyOf), so the allowance is exactly one enum error.
        const allowed = ALLOWED_ENUM_VALUES.find(
          (d) =>
            e.keyword === 'enum' &&
            e.data === d.value &&
            JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues) === JSON.stringify(fx.contract.components.schemas![d.schema].enum),
        );
        if (allowed) {
          deviationsSeen.add(`${allowed.schema}:${allowed.value}`);
          continue;
        }
        problems.push(
          `${op.id} (${c.method} ${c.path}) ${c.status} ${e.instancePath || '/'}: ${e.message}${e.keyword === 'enum' ? ` (got ${JSON.stringify(e.data)})` : ''}`,
        );
      }
    }
    expect(validated).toBeGreaterThan(40);
    expect(problems).toEqual([]);
    // Each allowance was actually needed by the flow: no dead exceptions.
    expect([...deviationsSeen].sort()).toEqual(ALLOWED_ENUM_VALUES.map((d) => `${d.schema}:${d.value}`).sort());
  });

  it('422 replies use the real wire shape {"errors":[{loc: msg}]} (or {"detail": string}), not the document\'s {"detail":[…]}', () => {
    // DEVIATION: the backend's own RequestValidationError handler (validation_exception_handler in
    // backend/airweave/api/middleware.py, unpack_validation_error in core/exceptions.py) emits one single-key
    // object per pydantic error under "errors"; the document's HTTPValidationError /
    // ValidationErrorResponse ({"detail":[{loc,msg,type}]}) never reaches the wire. Config and auth
    // field checks give the second real form, {"detail":"<string>"}. So 422 bodies are NOT validated
    // against the document; their real shape is asserted instead.
    const replies = captured.filter((c) => c.status === 422);
    expect(replies.length).toBeGreaterThanOrEqual(7);
    const bad: string[] = [];
    let errorsForm = 0;
    for (const c of replies) {
      const b = c.body;
      const keys = b && typeof b === 'object' ? Object.keys(b) : [];
      if (keys.length === 1 && keys[0] === 'errors' && Array.isArray(b.errors) && b.errors.length > 0) {
        errorsForm++;
        for (const item of b.errors) {
          const entries = item && typeof item === 'object' && !Array.isArray(item) ? Object.entries(item) : [];
          if (entries.length !== 1 || typeof entries[0]![1] !== 'string' || !/^(body|query|path|header)\b/.test(entries[0]![0])) {
            bad.push(`${c.method} ${c.path}: errors item ${JSON.stringify(item)}`);
          }
        }
      } else if (!(keys.length === 1 && keys[0] === 'detail' && typeof b.detail === 'string')) {
        bad.push(`${c.method} ${c.path}: ${JSON.stringify(b)}`);
      }
    }
    expect(bad).toEqual([]);
    expect(errorsForm).toBeGreaterThanOrEqual(6);
    // The exact texts pydantic 2 and the backend's handler give for these cases.
    const bodyOf = (method: string, p: RegExp) => captured.find((c) => c.status === 422 && c.method === method && p.test(c.path))?.body;
    // pydantic-core's full uuid_parsing text, not only its tail "invalid character: found `n` at 1".
    expect(bodyOf('GET', /^\/source-connections\/not-a-uuid$/)).toEqual({
      errors: [
        {
          'path.source_connection_id':
            'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1',
        },
      ],
    });
    expect(captured.filter((c) => c.status === 422 && c.method === 'POST' && c.path === '/collections').map((c) => c.body)).toEqual([
      { errors: [{ 'body.name': 'String should have at least 4 characters' }] },
      { errors: [{ 'body.readable_id': "String should match pattern '^[a-z0-9]+(-[a-z0-9]+)*$'" }] },
    ]);
    expect(captured.filter((c) => c.status === 422 && c.method === 'POST' && c.path === '/source-connections').map((c) => c.body)).toEqual([
      { errors: [{ 'body.readable_collection_id': 'Field required' }] },
      { detail: 'Invalid config fields: repo_name: Field required' },
    ]);
  });

  it('statuses the document does not describe are exactly the documented deviations', () => {
    const undocumented = fx.undocumentedStatuses();
    const unknownRoutes = fx.unknownRoutes();
    for (const c of captured) {
      if (!vendorOpOf(c)) continue;
      // Every non-422 error is FastAPI's {"detail": string}, documented status or not.
      if (c.status >= 400 && c.status !== 422) expect(c.body, `${c.method} ${c.path} ${c.status}`).toEqual({ detail: expect.any(String) });
    }
    expect([...undocumented].sort()).toEqual(Object.keys(UNDOCUMENTED_STATUSES).sort());
    expect([...unknownRoutes].sort()).toEqual([...MOCK_ONLY_OPERATIONS].sort());
  });

  it('fields on the wire that the document does not declare are exactly the listed ones', () => {
    // The document allows additional properties on every response schema (none says
    // additionalProperties: false), so these fields do not fail validation above. This test pins
    // them against a closed copy of the document, so a new undeclared field is noticed.
    const responseSchemas = Object.entries<Json>(fx.contract.components.schemas!).filter(([, s]) => s.additionalProperties === false);
    expect(responseSchemas.map(([n]) => n).sort(), 'only request schemas are closed').toEqual([
      'AuthProviderAuthentication',
      'DirectAuthentication',
      'OAuthBrowserAuthentication',
      'OAuthTokenAuthentication',
    ]);
    const extra = fx.undeclaredFields(fx.validators(fx.ajv(closeObjects(fx.contract.components))));
    expect([...extra].sort()).toEqual([...WIRE_ONLY_FIELDS].sort());
  });

  it('timestamps: database rows naive (no zone), computed next_run zone-aware', () => {
    // Database timestamps serialise naive; schedule.next_run is computed zone-aware and carries `Z`.
    const wrong: string[] = [];
    const seen = { naive: 0, aware: 0, entity: 0 };
    const walk = (node: Json, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
      if (node === null || typeof node !== 'object') return;
      // A search result's times are the entity's, from its source: aware, as the document's SearchResult example shows.
      if (typeof node.entity_id === 'string' && typeof node.textual_representation === 'string') {
        for (const k of ['created_at', 'updated_at']) {
          if (node[k] === null) continue;
          if (typeof node[k] === 'string' && node[k].endsWith('Z') && rfc3339(node[k])) seen.entity++;
          else wrong.push(`${where}/${k} = ${node[k]} (expected zone-aware)`);
        }
        return;
      }
      for (const [k, v] of Object.entries<Json>(node)) {
        if (typeof v === 'string' && DB_TIMESTAMPS.has(k)) {
          if (isNaiveDatetime(v)) seen.naive++;
          else wrong.push(`${where}/${k} = ${v} (expected naive)`);
        } else if (typeof v === 'string' && AWARE_TIMESTAMPS.has(k)) {
          if (v.endsWith('Z') && rfc3339(v)) seen.aware++;
          else wrong.push(`${where}/${k} = ${v} (expected zone-aware)`);
        } else walk(v, `${where}/${k}`);
      }
    };
    for (const c of captured) if (c.status < 300 && typeof c.body === 'object') walk(c.body, `${c.method} ${c.path}`);
    for (const c of captured.filter((x) => typeof x.body === 'string' && x.contentType?.startsWith('text/event-stream')))
      walk(streamEvents(c), `${c.method} ${c.path}`);
    expect(wrong).toEqual([]);
    expect(seen.naive).toBeGreaterThan(50);
    expect(seen.aware).toBeGreaterThan(0);
    expect(seen.entity).toBeGreaterThan(20);
  });

  /** The JSON data of each event of a captured stream. */
  const streamEvents = (c: Captured): Json[] =>
    String(c.body)
      .split('\n\n')
      .filter((block) => block.startsWith('data: '))
      .map((block) => JSON.parse(block.slice('data: '.length)));

  it("the agentic stream: text/event-stream where the document says application/json, its results the document's SearchResult", () => {
    const streamed = captured.filter((c) => `${c.method} ${vendorOpOf(c)?.template}` === STREAM_OPERATION);
    expect(streamed).toHaveLength(2);
    // What the document says and what the wire does.
    const documented = vendorResponse(
      fx.vendorOps.find((o) => `${o.method} ${o.template}` === STREAM_OPERATION)!,
      200,
    );
    expect(Object.keys(documented.content)).toEqual(['application/json']);
    expect(documented.content['application/json'].schema).toEqual({});
    for (const c of streamed) expect(c.contentType).toBe('text/event-stream');
    const [found, missing] = streamed.map(streamEvents);
    expect(found!.map((e) => e.type)).toEqual(['started', 'thinking', 'tool_call', 'thinking', 'tool_call', 'tool_call', 'thinking', 'tool_call', 'done']);
    // The missing collection: 200, then an error event.
    expect(streamed[1]!.status).toBe(200);
    expect(missing!.map((e) => e.type)).toEqual(['started', 'error']);
    const validate = fx.validators(fx.ajv(fx.contract.components))({ $ref: '#/components/schemas/SearchResult' });
    const done = found!.at(-1)!;
    expect(done.results.length).toBeGreaterThan(0);
    const problems = done.results.flatMap((r: Json, i: number) =>
      validate(r) ? [] : (validate.errors as ErrorObject[]).map((e) => `results/${i}${e.instancePath}: ${e.message}`),
    );
    expect(problems).toEqual([]);
  });
});
