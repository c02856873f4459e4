// Generated from specs/airweave.yaml by scripts/gen.mjs (openapi-typescript). Do not edit: run `npm run gen`.

export interface paths {
    "/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the connector catalog
         * @description Every connector the organization can use, in catalog order. Never paginated.
         */
        get: operations["listSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sources/{short_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one connector
         * @description An unknown `short_name` gives 404 `Source not found: <short_name>`.
         */
        get: operations["getSource"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List collections
         * @description The organization's collections, `created_at` descending, then `skip`/`limit`. `search`
         *     is a case-insensitive substring match on `name` or `readable_id`; an empty string means
         *     no filter. Only this endpoint fills `source_connection_summaries`.
         */
        get: operations["listCollections"];
        put?: never;
        /**
         * Create a collection
         * @description Creates an empty collection (`status` `NEEDS SOURCE`). Without `readable_id` one is
         *     generated from `name`: lower-cased and trimmed, every character other than `[a-z0-9]`
         *     and whitespace removed (hyphens and non-ASCII letters too), whitespace runs joined by
         *     one `-`, repeated and edge hyphens dropped, then `-` and 6 random `[a-z0-9]` characters
         *     (just the 6 when nothing is left), e.g. `Finance Data` → `finance-data-o75ztu`. A `readable_id`
         *     already in use gives 400 (assumption: unique across all organizations, not just the
         *     caller's). `sync_config` is echoed with every default filled in;
         *     `destinations.skip_vespa: true` or a UUID in both `target_destinations` and
         *     `exclude_destinations` gives 422 in the `errors` form (loc `body.sync_config`, message
         *     `Value error, …`; the handler checks these). `created_by_email` is `null` for API-key
         *     callers.
         */
        post: operations["createCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collections/{readable_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a collection
         * @description `status` is derived on every read; `source_connection_summaries` is always `[]` here.
         */
        get: operations["getCollection"];
        put?: never;
        post?: never;
        /**
         * Delete a collection
         * @description Returns the collection as it was just before the delete (status included), then
         *     cascades: every source connection in it is deleted, with its sync, jobs (a pending or
         *     running job is cancelled first) and indexed data. The `readable_id` is free again.
         */
        delete: operations["deleteCollection"];
        options?: never;
        head?: never;
        /**
         * Update a collection
         * @description Sets `name` and/or `sync_config` and bumps `modified_at`; `{}` changes nothing and
         *     leaves `modified_at` alone. `readable_id` in the body is ignored (immutable).
         *     `"name": null` means no change (assumption: the vendor would write NULL and fail).
         */
        patch: operations["updateCollection"];
        trace?: never;
    };
    "/collections/{readable_id}/refresh_all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a sync on every connection of a collection
         * @description Called by SDK 0.7.20; removed from the vendor's backend on 2026-02-20 and absent from
         *     its published spec, reproduced here. Runs the `run` logic for every connection in the
         *     collection that has a sync and returns the jobs created (`[]` when none). Assumption:
         *     connections without a sync (OAuth pending, federated) or with a pending, running or
         *     cancelling job are skipped instead of failing the call.
         */
        post: operations["refreshAllSourceConnections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collections/{readable_id}/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search a collection (legacy GET)
         * @deprecated
         * @description The deprecated GET search `@airweave/sdk` 0.7.20 calls as `collections.searchGetLegacy`
         *     (the vendor serves it but leaves it out of its published spec). Runs a hybrid search of the
         *     collection's entities and answers a `LegacySearchResponse`, with `X-API-Deprecation: true`
         *     and `X-API-Deprecation-Message`. `response_type=completion` adds `completion`, a
         *     deterministic answer built from the top results (a stand-in for the vendor's LLM).
         *     `status` is `no_results` when nothing matches, `success` otherwise. `recency_bias`
         *     (0–1) blends relevance with how recently each entity was updated before `offset` and
         *     `limit` apply (the vendor's current server accepts and ignores it). An empty or unsynced
         *     collection answers `results: []`, not 404. An unknown collection, or another
         *     organisation's, is 404 `Collection '<id>' not found.` (with a period). A blank `query` is
         *     422 `Value error, Query cannot be empty` (assumption: the vendor fails later, with 500).
         */
        get: operations["searchCollectionLegacy"];
        put?: never;
        /**
         * Search a collection (legacy POST)
         * @description The search `@airweave/sdk` 0.7.20 calls as `collections.search` (served by the vendor,
         *     left out of its published spec). The body is read as the vendor's pydantic union would:
         *     a valid `LegacySearchRequest` that sets more of its own fields than a `SearchRequest`
         *     would (any of `response_type`, `search_method`, `expansion_strategy`,
         *     `enable_reranking`, `enable_query_interpretation`, `score_threshold`, `recency_bias`)
         *     is legacy, and answers a `LegacySearchResponse` with the deprecation headers; anything
         *     else is a `SearchRequest` and answers a `SearchResponse`. `{"query": "x"}` is a
         *     `SearchRequest`.
         *
         *     `SearchRequest`: `retrieval_strategy` (`hybrid` default, `neural`, `keyword`),
         *     `offset` (0), `limit` (100), `filter` (Qdrant-style, below), `generate_answer` (true:
         *     `completion` is the deterministic answer built from the top results; false: null).
         *     `temporal_relevance` is accepted and ignored; above 0 it adds `X-Feature-Removed:
         *     temporal_relevance` and `X-Feature-Removed-Message`, as the vendor does.
         *     `expand_query`, `interpret_filters` and `rerank` are accepted and change nothing.
         *
         *     `LegacySearchRequest`: `search_method`, `offset`, `limit` (1–1000), `filter`,
         *     `response_type` (`raw` default; `completion` adds the answer), `score_threshold`
         *     (0–1: results scoring below it are left out; when results matched but none is left,
         *     `status` is `no_relevant_results`), `recency_bias` (0–1, as on the GET). The vendor's
         *     current server accepts and ignores the last two; the mock applies them.
         *
         *     `filter`: `must`, `should`, `must_not` (a condition or a list), `min_should`
         *     (`{conditions, min_count}`), nested filters; conditions `{key, match: {value | any |
         *     except | text | phrase}}`, `{key, range: {gt, gte, lt, lte}}` (numbers, or ISO times
         *     on `created_at` and `updated_at`), `{is_empty: {key}}`, `{is_null: {key}}`, `{has_id:
         *     [...]}` (entity ids) and `{nested: {key, filter}}`. Keys are the result's fields:
         *     `entity_id`, `name`, `created_at`, `updated_at`, `breadcrumbs.<field>`,
         *     `airweave_system_metadata.<field>` (also as `system_metadata.<field>` or bare:
         *     `source_name`, `entity_type`, `original_entity_id`, `chunk_index`, `sync_id`,
         *     `sync_job_id`), and the source's own fields as `source_fields.<field>`. A filter that
         *     does not parse is 422.
         */
        post: operations["searchCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collections/{readable_id}/search/instant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Instant search
         * @description Direct retrieval over the collection's chunks (v2): `retrieval_strategy` `semantic`
         *     (cosine of the query's embedding and each chunk's), `keyword` (BM25 over the chunks'
         *     words) or `hybrid` (the default: reciprocal rank fusion of the two). `filter` is a list
         *     of `FilterGroup`s, OR-ed; the conditions of a group are AND-ed; applied before ranking.
         *     `offset` and `limit` (1–1000, default 100) page the ranked chunks. `relevance_score` is
         *     the cosine (at least 0) for `semantic`, the BM25 score for `keyword`, and for `hybrid`
         *     the fused score divided by the best a chunk can get (first in both rankings), in (0, 1].
         *     An empty or unsynced collection answers `{"results": []}`; an unknown one, or another
         *     organisation's, 404 `Collection '<id>' not found`. A blank `query` is 422 `Value error,
         *     Query cannot be empty`; a filter whose operator does not fit its field or value is 422.
         */
        post: operations["instantSearch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collections/{readable_id}/search/classic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Classic search
         * @description The vendor's "AI-optimized" search, where an LLM plans the query before it runs. The
         *     mock's stand-in plans nothing: it runs the query as `hybrid` instant search does, with
         *     the same `filter`, `offset`, `limit` (default 100) and errors.
         */
        post: operations["classicSearch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collections/{readable_id}/search/agentic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Agentic search
         * @description The vendor's agent loop (an LLM that searches, reads and collects entities). The mock's
         *     stand-in is deterministic: one hybrid search with the request's `filter`, then it
         *     "collects" the results whose score is at least half the best one's, at most 25, or the
         *     first `limit` results when `limit` is given (the vendor truncates to it). `thinking` is
         *     accepted and changes only the stream's `thinking` text. Errors as for instant search.
         *     `POST …/search/agentic/stream` runs the same steps as server-sent events.
         */
        post: operations["agenticSearch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collections/{readable_id}/search/agentic/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Agentic search, streamed
         * @description The agentic search as server-sent events (`text/event-stream`, headers `Cache-Control:
         *     no-cache` and `X-Accel-Buffering: no`), each a `data:` line of JSON with a `type`:
         *     `started` (`request_id`, `tier` `agentic`, `collection_readable_id`), then per step a
         *     `thinking` (`thinking` text when the request asks for it, `text`, `duration_ms`,
         *     `diagnostics`) and a `tool_call` (`tool_name`: `search`, `read`, `add_to_results`,
         *     `return_results_to_user`; `duration_ms`, `diagnostics` with the tool's `arguments` and
         *     `stats`), and last `done` (`results`, as the JSON endpoint's, and `duration_ms`) or
         *     `error` (`message`). Steps are paced on the mock's clock (each takes a quarter of
         *     `--processing-ms`; on a manual clock, advancing it releases the next events), and
         *     `duration_ms` counts that clock. A collection that does not exist (or is another
         *     organisation's) is not a 404: the stream starts (200, `started`) and ends with an
         *     `error` event, as the vendor's does. Request validation still answers 422 before any
         *     event. The scenario rule `stream` can make the stream fail midway (see the
         *     `stream-interrupted` and `stream-dropped` scenarios).
         *
         *     The vendor's published document describes this response as `application/json` with an
         *     empty schema; the wire (and this document) is `text/event-stream`.
         */
        post: operations["streamAgenticSearch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/source-connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List source connections
         * @description The organization's connections, `created_at` descending, then `skip`/`limit`.
         *     `collection` filters by the collection's `readable_id`; an unknown or foreign one gives
         *     `[]`, not 404.
         */
        get: operations["listSourceConnections"];
        put?: never;
        /**
         * Create a source connection
         * @description The authentication method is inferred from the keys of `authentication`: `credentials`
         *     → direct; `access_token` → oauth_token; `provider_readable_id` → auth_provider;
         *     `client_id`+`client_secret` or `consumer_key`+`consumer_secret` → oauth_byoc; absent,
         *     `null` or any other OAuthBrowserAuthentication → oauth_browser.
         *
         *     Checks in order (the handler enforces them): unknown `short_name` → 404
         *     `Source '<short_name>' not found`; method not in the source's `auth_methods` → 400;
         *     `sync_immediately: true` with oauth_browser/oauth_byoc → 400; invalid credentials or
         *     config against the catalog's `auth_fields`/`config_fields` → 422
         *     `{"detail": "Invalid auth fields: …"}` / `{"detail": "Invalid config fields: …"}`;
         *     credentials rejected upstream → 400; collection missing → 404 `Collection not found`.
         *     BYOC pairs must be complete and not mixed (422).
         *
         *     Direct, oauth_token and auth_provider connections are authenticated at once: a sync is
         *     created with `schedule.cron`, else `*\/5 * * * *` for sources with
         *     `supports_continuous`, else daily at the creation minute (UTC); a sub-hourly cron on a
         *     source without continuous support is 400. `sync_immediately` (default true for these)
         *     starts a `pending` job. OAuth browser/BYOC connections start `pending_auth` with
         *     `auth.auth_url`, `auth.auth_url_expires` and (only in this response) `auth.claim_token`,
         *     and no sync. Federated sources (`federated_search: true`) never get a sync. `config` is
         *     echoed with the catalog defaults filled in (`{}` when the source has no config fields).
         */
        post: operations["createSourceConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/source-connections/authorize/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Complete an OAuth browser connection (mock-only)
         * @description Mock-only stand-in for the provider's consent screen and the vendor's OAuth callback:
         *     opening a connection's `auth.auth_url` in a browser completes its authorization, as the
         *     real callback does. The connection becomes authenticated, gets its sync (unless the
         *     source is federated) and starts its first job; the code is single-use. With a
         *     `redirect_url` on the connection the answer is 303 to
         *     `<redirect_url>?status=success&source_connection_id=<id>`; without one it is the
         *     connection itself. Needs no API key: the browser carries none, the code identifies
         *     the connection.
         */
        get: operations["authorizeSourceConnection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/source-connections/{source_connection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a source connection
         * @description `status` is derived: not authenticated → `pending_auth`; latest job running or
         *     cancelling → `syncing`; latest job failed with an `error_category` → `needs_reauth`;
         *     failed without → `error`; otherwise `active`. `sync` describes only the latest job
         *     (`total_runs` is 1, `successful_runs`/`failed_runs` 0 or 1), a vendor quirk kept as is.
         */
        get: operations["getSourceConnection"];
        put?: never;
        post?: never;
        /**
         * Delete a source connection
         * @description Returns a snapshot taken before the delete, after cancelling an in-flight job; then
         *     deletes the connection's sync, jobs and indexed data.
         */
        delete: operations["deleteSourceConnection"];
        options?: never;
        head?: never;
        /**
         * Update a source connection
         * @description Changes `name`, `description`, `config` (checked against the catalog like on create),
         *     `schedule` (recomputes `next_run`) or direct credentials, and bumps `modified_at`.
         *     An empty body `{}` is 422 `Value error, At least one field must be provided for
         *     update` (the handler enforces it; the schema allows `{}`). Credentials on a connection
         *     not created with direct auth give 400 `Credentials can only be updated for direct
         *     authentication`. Non-direct `authentication` shapes are rejected by the schema (the
         *     vendor's text is `Value error, Direct auth can only be updated with authentication`).
         */
        patch: operations["updateSourceConnection"];
        trace?: never;
    };
    "/source-connections/{source_connection_id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a sync job
         * @description Creates a `pending` job (timestamps `null`, counters 0). A job already pending, running
         *     or cancelling gives 400 `Cannot start new sync: a sync job is already <status>` (the
         *     vendor's spec says 409). A connection without a sync (OAuth pending, federated) gives
         *     404 `No sync found for this source connection`. 409 `Cannot trigger sync: sync is
         *     <status>` is for a paused or inactive sync, which this API cannot produce; declared for
         *     fidelity. `force_full_sync` has no visible effect.
         */
        post: operations["runSourceConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/source-connections/{source_connection_id}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a connection's sync jobs
         * @description Newest first, at most `limit`; there is no `skip`. A connection without a sync gives
         *     404 `No sync found for this source connection`. A failed job keeps `completed_at`
         *     `null` (so `duration_seconds` stays `null`).
         */
        get: operations["getSourceConnectionJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/source-connections/{source_connection_id}/jobs/{job_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a sync job
         * @description A `pending` job goes straight to `cancelled` (`completed_at` set); a `running` job
         *     becomes `cancelling` and later `cancelled`. Any other status gives 400 `Cannot cancel
         *     job in <status> state` (the vendor's spec says 409). An unknown job gives 404 `Sync job
         *     not found`. Like the vendor, the job is looked up in the organization only; it need not
         *     belong to the connection in the path.
         */
        post: operations["cancelSourceConnectionJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The vendor's error envelope for every status but request-validation 422s. */
        HTTPError: {
            detail: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Request-validation 422 on the wire: one single-key object per error, in pydantic
         *     order. The key is the location joined by `.` (`body.name`, `query.limit`,
         *     `path.source_connection_id`, `body` for a missing or non-object body); the value is the
         *     pydantic message (`Field required`, `String should have at least 4 characters`,
         *     `Input should be less than or equal to 1000`, `Value error, …`).
         */
        RequestValidationErrors: {
            errors: {
                [key: string]: string;
            }[];
        };
        /** @description A 422 body, in one of the two forms the vendor sends. */
        ValidationErrorBody: components["schemas"]["RequestValidationErrors"] | components["schemas"]["HTTPError"];
        /**
         * @description A database timestamp: naive UTC without a zone suffix, microseconds only when
         *     non-zero, e.g. `2026-04-23T10:15:30.123456` or `2026-04-23T10:15:30` (the vendor's
         *     spec says `format: date-time`; the wire differs).
         */
        NaiveDateTime: string;
        /** @description A `NaiveDateTime`, or `null` when unset. */
        NullableNaiveDateTime: string | null;
        /**
         * @description Derived on every read, never null. No authenticated connection → `NEEDS SOURCE`;
         *     at least one working (federated, or latest job completed, running or cancelling) →
         *     `ACTIVE`; every authenticated connection's latest job failed → `ERROR`; otherwise
         *     `NEEDS SOURCE`. Note the space. The `NEEDS_SOURCE` and `PARTIAL_ERROR` listed on
         *     Airweave's "Create Collection" reference page are never sent (the server has not had
         *     `PARTIAL_ERROR` since October 2025).
         * @enum {string}
         */
        CollectionStatus: "ACTIVE" | "NEEDS SOURCE" | "ERROR";
        /**
         * @description Lowercase on the wire. `needs_reauth` is missing from the vendor's spec but sent on
         *     credential failures; `inactive` and `pending_sync` are never produced by the mock.
         * @enum {string}
         */
        SourceConnectionStatus: "active" | "pending_auth" | "syncing" | "error" | "needs_reauth" | "inactive" | "pending_sync";
        /**
         * @description Lowercase on the wire (the vendor's spec examples say `COMPLETED`). Transitions:
         *     pending → running | cancelled | failed; running → completed | failed | cancelling;
         *     cancelling → cancelled. `created` is never produced through the API.
         * @enum {string}
         */
        SyncJobStatus: "created" | "pending" | "running" | "completed" | "failed" | "cancelling" | "cancelled";
        /** @enum {string} */
        AuthenticationMethod: "direct" | "oauth_browser" | "oauth_token" | "oauth_byoc" | "auth_provider";
        /**
         * @description Why the latest job failed on credentials; `null` otherwise. On the wire, not in the
         *     vendor's spec.
         * @enum {string|null}
         */
        SourceConnectionErrorCategory: "oauth_credentials_expired" | "api_key_invalid" | "auth_provider_account_gone" | "auth_provider_credentials_invalid" | null;
        /** @description Where entities are written. Unknown keys are ignored and not echoed. */
        DestinationConfig: {
            /**
             * @description `true` is rejected with 422 `Value error, Invalid config: skip_vespa is True. Vespa is the only vector database and must be enabled.`
             * @default false
             */
            skip_vespa: boolean;
            /**
             * @description Only write to these destinations.
             * @default null
             */
            target_destinations: string[] | null;
            /**
             * @description Skip these destinations. A UUID also in `target_destinations` gives 422.
             * @default null
             */
            exclude_destinations: string[] | null;
        };
        /** @description Which handlers run during a sync. Unknown keys are ignored and not echoed. */
        HandlerConfig: {
            /** @default true */
            enable_vector_handlers: boolean;
            /** @default true */
            enable_raw_data_handler: boolean;
            /** @default true */
            enable_postgres_handler: boolean;
        };
        /** @description Incremental-sync cursor behaviour. Unknown keys are ignored and not echoed. */
        CursorConfig: {
            /** @default false */
            skip_load: boolean;
            /** @default false */
            skip_updates: boolean;
        };
        /** @description Miscellaneous execution flags. Unknown keys are ignored and not echoed. */
        BehaviorConfig: {
            /** @default false */
            skip_hash_comparison: boolean;
            /** @default false */
            replay_from_arf: boolean;
            /** @default false */
            skip_guardrails: boolean;
        };
        /**
         * @description Collection-level sync defaults. Every part is optional on input; responses echo the
         *     whole object with every default filled in (the defaults declared here, applied to the
         *     request). Unknown keys are ignored (pydantic `extra=ignore`) and not echoed.
         */
        SyncConfig: {
            /** @default {} */
            destinations: components["schemas"]["DestinationConfig"];
            /** @default {} */
            handlers: components["schemas"]["HandlerConfig"];
            /** @default {} */
            cursor: components["schemas"]["CursorConfig"];
            /** @default {} */
            behavior: components["schemas"]["BehaviorConfig"];
        };
        SourceConnectionSummary: {
            short_name: string;
            /** @description The connection's name. */
            name: string;
        };
        /** @description A collection, as every collection endpoint returns it. Every key is always present. */
        Collection: {
            name: string;
            /** @description URL-safe id used in paths; immutable. */
            readable_id: string;
            /** Format: uuid */
            id: string;
            /** @description `null` unless set; when set, echoed with every default filled in. */
            sync_config: components["schemas"]["SyncConfig"] | null;
            created_at: components["schemas"]["NaiveDateTime"];
            modified_at: components["schemas"]["NaiveDateTime"];
            /** Format: uuid */
            organization_id: string;
            /**
             * Format: email
             * @description `null` for API-key callers (only dashboard users fill it).
             */
            created_by_email: string | null;
            /**
             * Format: email
             * @description `null` for API-key callers.
             */
            modified_by_email: string | null;
            status: components["schemas"]["CollectionStatus"];
            /** @description Embedding dimensions of the deployment (assumption, configurable; default 3072). */
            vector_size: number;
            /** @description Embedding model of the deployment (assumption, configurable; default `text-embedding-3-large`). */
            embedding_model_name: string;
            /** @description Filled only by the list endpoint; `[]` everywhere else. */
            source_connection_summaries: components["schemas"]["SourceConnectionSummary"][];
        };
        /** @description Body of create collection. Unknown fields are ignored (not rejected). */
        CollectionCreate: {
            /** @description Display name; not unique. */
            name: string;
            /** @description Lowercase letters, digits and single inner hyphens; no length limit. Generated when absent or `null`. */
            readable_id?: string | null;
            /** @description Collection-level sync defaults. */
            sync_config?: components["schemas"]["SyncConfig"] | null;
        };
        /** @description Body of update collection; every field optional, `{}` is a no-op. Unknown fields (including `readable_id`) are ignored. */
        CollectionUpdate: {
            /** @description New display name; `null` means no change (assumption). */
            name?: string | null;
            /** @description Replaces the collection's sync configuration. */
            sync_config?: components["schemas"]["SyncConfig"] | null;
        };
        /**
         * @description One auth or config field of a connector. Closed, so that the mock's fixture-only
         *     `x-mock` key (defaults and patterns used to check and fill `config`) can never leak
         *     onto the wire. `enum_values` is on the wire but missing from the vendor's spec.
         */
        ConfigField: {
            name: string;
            title: string;
            description: string | null;
            /** @enum {string} */
            type: "string" | "number" | "boolean" | "array";
            required: boolean;
            /** @description Item type of `array` fields. */
            items_type: string | null;
            feature_flag: string | null;
            is_secret: boolean;
            enum_values: string[] | null;
        };
        Fields: {
            fields: components["schemas"]["ConfigField"][];
        };
        /**
         * @description A connector of the catalog. Every key is always present. The current wire has no
         *     `id`, `created_at`, `modified_at` or `output_entity_definition_ids` (SDK 0.7.20's types
         *     still declare them); `output_entity_definitions` lists entity names instead.
         */
        Source: {
            name: string;
            /** @description The connector class's docstring (multi-line). */
            description: string | null;
            auth_methods: components["schemas"]["AuthenticationMethod"][] | null;
            /** @enum {string|null} */
            oauth_type: "oauth1" | "access_only" | "with_refresh" | "with_rotating_refresh" | null;
            /** @description OAuth only with the user's own client credentials. */
            requires_byoc: boolean;
            /** @description Class behind `auth_fields`; `null` for OAuth-only sources. */
            auth_config_class: string | null;
            config_class: string | null;
            short_name: string;
            class_name: string;
            /** @description Snake-case names of the entity types the source produces. */
            output_entity_definitions: string[];
            labels: string[] | null;
            /** @description Allows sub-hourly crons; the default schedule is then `*\/5 * * * *`. */
            supports_continuous: boolean;
            /** @description Searched live instead of synced; connections get no sync. */
            federated_search: boolean;
            supports_temporal_relevance: boolean;
            supports_access_control: boolean;
            /** @enum {string|null} */
            rate_limit_level: "org" | "connection" | null;
            feature_flag: string | null;
            supports_browse_tree: boolean;
            /** @description Fields of `authentication.credentials` for direct auth; `{"fields": []}` for OAuth-only sources. */
            auth_fields: components["schemas"]["Fields"] | null;
            config_fields: components["schemas"]["Fields"];
            supported_auth_providers: string[] | null;
        };
        /** @description Sync schedule on input. */
        ScheduleConfig: {
            /**
             * @description Five-field cron (UTC). `null` means no schedule. On a source without continuous
             *     support, `* * * * *` and `*\/N * * * *` (N < 60) give 400.
             */
            cron?: string | null;
            /** @default false */
            continuous: boolean;
            cursor_field?: string | null;
        };
        /** @description API keys or passwords, checked against the source's `auth_fields`. */
        DirectAuthentication: {
            /** @description Field name → value. `{}` gives 422 `Value error, Credentials cannot be empty`. */
            credentials: {
                [key: string]: unknown;
            };
        };
        /** @description A pre-obtained OAuth token. */
        OAuthTokenAuthentication: {
            /** @description Must not be blank (the handler also rejects whitespace only). */
            access_token: string;
            refresh_token?: string | null;
            /** @description A datetime; one in the past is rejected with 422 (the handler parses and checks it). */
            expires_at?: string | null;
        };
        /**
         * @description Browser OAuth flow; every key optional, so `{}` is this variant. `client_id` with
         *     `client_secret` (OAuth2) or `consumer_key` with `consumer_secret` (OAuth1) make it BYOC
         *     (`oauth_byoc`); a half pair or mixed pairs give 422 (the handler enforces it).
         */
        OAuthBrowserAuthentication: {
            redirect_uri?: string | null;
            client_id?: string | null;
            client_secret?: string | null;
            consumer_key?: string | null;
            consumer_secret?: string | null;
        };
        /** @description Credentials held by an auth provider connection (e.g. Composio, Pipedream). An unknown one gives 404 `Auth provider '<id>' not found`. */
        AuthProviderAuthentication: {
            provider_readable_id: string;
            provider_config?: {
                [key: string]: unknown;
            } | null;
        };
        /** @description Body of create source connection. Unknown fields are ignored. */
        SourceConnectionCreate: {
            /** @description Defaults to `<Source name> Connection`, e.g. `GitHub Connection`. */
            name?: string | null;
            /** @description The connector, e.g. `github`. */
            short_name: string;
            /** @description The collection's `readable_id`. */
            readable_collection_id: string;
            description?: string | null;
            /** @description Checked against the source's `config_fields` and stored with their defaults filled in. */
            config?: {
                [key: string]: unknown;
            } | null;
            schedule?: components["schemas"]["ScheduleConfig"] | null;
            /** @description Defaults to true for direct, oauth_token and auth_provider; false (and `true` is 400) for browser OAuth and BYOC. */
            sync_immediately?: boolean | null;
            /** @description The method is inferred from which keys are present; absent or `null` means browser OAuth. */
            authentication?: components["schemas"]["DirectAuthentication"] | components["schemas"]["OAuthTokenAuthentication"] | components["schemas"]["OAuthBrowserAuthentication"] | components["schemas"]["AuthProviderAuthentication"] | null;
            /** @description Where the browser OAuth flow returns to (OAuth flows only). */
            redirect_url?: string | null;
        };
        /**
         * @description Body of update source connection; every field optional, but at least one must be given
         *     (`{}` is 422 at the vendor; the handler enforces it). Unknown fields are ignored.
         */
        SourceConnectionUpdate: {
            name?: string | null;
            description?: string | null;
            /** @description Replaces the config; checked against the source's `config_fields`. */
            config?: {
                [key: string]: unknown;
            } | null;
            schedule?: components["schemas"]["ScheduleConfig"] | null;
            /** @description New direct credentials; only direct auth can be updated. */
            authentication?: components["schemas"]["DirectAuthentication"] | null;
        };
        /** @description Authentication state of a connection. Every key is always present. */
        AuthenticationDetails: {
            method: components["schemas"]["AuthenticationMethod"];
            authenticated: boolean;
            /** @description Equals `created_at` when authenticated, else `null`. */
            authenticated_at: components["schemas"]["NullableNaiveDateTime"];
            /** @description Token expiry; `null` in the mock (assumption). */
            expires_at: components["schemas"]["NullableNaiveDateTime"];
            /** @description `<base>/source-connections/authorize/<code>` while browser OAuth is pending. */
            auth_url: string | null;
            /** @description When `auth_url` stops working (naive, assumption). */
            auth_url_expires: components["schemas"]["NullableNaiveDateTime"];
            redirect_url: string | null;
            /** @description Only in the create response of a browser OAuth connection. */
            claim_token: string | null;
            provider_readable_id: string | null;
            provider_id: string | null;
        };
        /** @description The sync's schedule. Every key is always present. */
        ScheduleDetails: {
            cron: string | null;
            /**
             * Format: date-time
             * @description Next cron fire time, computed at read time; aware, ends in `Z`.
             */
            next_run: string | null;
            continuous: boolean;
            cursor_field: string | null;
            /** @description The incremental cursor's current value (any JSON value), usually `null`. */
            cursor_value: unknown;
        };
        /** @description The latest job, as embedded in a connection. */
        SyncJobDetails: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["SyncJobStatus"];
            started_at: components["schemas"]["NullableNaiveDateTime"];
            completed_at: components["schemas"]["NullableNaiveDateTime"];
            /** @description `completed_at - started_at` in seconds, when both are set. */
            duration_seconds: number | null;
            entities_inserted: number;
            entities_updated: number;
            entities_deleted: number;
            entities_failed: number;
            error: string | null;
            /** @description A `SourceConnectionErrorCategory` value for credential failures; on the wire, not in the vendor's spec. */
            error_category: string | null;
        };
        /**
         * @description Built from the latest job only: `total_runs` 1, `successful_runs` 1 if it completed,
         *     `failed_runs` 1 if it failed (the vendor's spec example shows real totals; the wire
         *     does not).
         */
        SyncDetails: {
            total_runs: number;
            successful_runs: number;
            failed_runs: number;
            last_job: components["schemas"]["SyncJobDetails"] | null;
        };
        EntityTypeStats: {
            count: number;
            last_updated: components["schemas"]["NullableNaiveDateTime"];
        };
        /** @description Entity counts of a connection. */
        EntitySummary: {
            total_entities: number;
            /** @description Keyed by entity class name, e.g. `GitHubCodeFileEntity`. */
            by_type: {
                [key: string]: components["schemas"]["EntityTypeStats"];
            };
        };
        /** @description A connection in detail (create, get, update and delete responses). Every key is always present. */
        SourceConnection: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organization_id: string;
            name: string;
            description: string | null;
            short_name: string;
            readable_collection_id: string;
            status: components["schemas"]["SourceConnectionStatus"];
            created_at: components["schemas"]["NaiveDateTime"];
            modified_at: components["schemas"]["NaiveDateTime"];
            auth: components["schemas"]["AuthenticationDetails"];
            /** @description Stored config with defaults filled in; `{}` when the source has none. */
            config: {
                [key: string]: unknown;
            } | null;
            /** @description `null` when the connection has no sync. */
            schedule: components["schemas"]["ScheduleDetails"] | null;
            /** @description `null` when there is no sync or it has no job yet. */
            sync: components["schemas"]["SyncDetails"] | null;
            /** Format: uuid */
            sync_id: string | null;
            /** @description `null` until entities have been counted. */
            entities: components["schemas"]["EntitySummary"] | null;
            error_category: components["schemas"]["SourceConnectionErrorCategory"];
            /** @description A generic message for `error_category`; on the wire, not in the vendor's spec. */
            error_message: string | null;
            /** @description Auth-provider dashboard link for credential errors; on the wire, not in the vendor's spec. */
            provider_settings_url: string | null;
            /** @description Auth provider of a credential error; on the wire, not in the vendor's spec. */
            provider_short_name: string | null;
            /** @description Copied from the catalog entry. */
            federated_search: boolean;
        };
        /** @description A connection in a list. No `description`, `sync_id`, `organization_id` or `auth` object. */
        SourceConnectionListItem: {
            /** Format: uuid */
            id: string;
            name: string;
            short_name: string;
            readable_collection_id: string;
            created_at: components["schemas"]["NaiveDateTime"];
            modified_at: components["schemas"]["NaiveDateTime"];
            is_authenticated: boolean;
            entity_count: number;
            federated_search: boolean;
            auth_method: components["schemas"]["AuthenticationMethod"];
            status: components["schemas"]["SourceConnectionStatus"];
        };
        /** @description A sync job (run, jobs, cancel and refresh_all responses). Every key is always present. */
        SourceConnectionJob: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            source_connection_id: string;
            status: components["schemas"]["SyncJobStatus"];
            /** @description Set on → running. */
            started_at: components["schemas"]["NullableNaiveDateTime"];
            /** @description Set on → completed or → cancelled; stays `null` for failed jobs. */
            completed_at: components["schemas"]["NullableNaiveDateTime"];
            /** @description Only when both timestamps are set. */
            duration_seconds: number | null;
            entities_inserted: number;
            entities_updated: number;
            entities_deleted: number;
            /** @description The vendor's internal skipped count. */
            entities_failed: number;
            error: string | null;
            /** @description Credential failure category (see `SourceConnectionErrorCategory`); on the wire, not in the vendor's spec. */
            error_category: string | null;
            /** @description Always `null` in practice. */
            error_details: {
                [key: string]: unknown;
            } | null;
        };
        /**
         * @description What a legacy search answers with.
         * @enum {string}
         */
        ResponseType: "raw" | "completion";
        /**
         * @description `no_results` when nothing matched; `no_relevant_results` when results matched but
         *     none reached `score_threshold`; `success` otherwise.
         * @enum {string}
         */
        SearchStatus: "success" | "no_relevant_results" | "no_results";
        /**
         * @description `neural` is the semantic ranking alone.
         * @enum {string}
         */
        LegacyRetrievalStrategy: "hybrid" | "neural" | "keyword";
        /** @enum {string} */
        QueryExpansionStrategy: "auto" | "llm" | "no_expansion";
        /**
         * @description A Qdrant-style filter: `must`, `should` and `must_not` (a condition or a list of them),
         *     `min_should` (`{conditions, min_count}`); a condition is a nested filter, `{key, match}`,
         *     `{key, range}`, `{is_empty: {key}}`, `{is_null: {key}}`, `{has_id: [...]}` or `{nested:
         *     {key, filter}}` (see `searchCollection`). Checked when the search runs (422 naming the
         *     place).
         */
        LegacyFilter: {
            [key: string]: unknown;
        };
        /** @description The "new" legacy search request (what `generate_answer` and `retrieval_strategy` belong to). */
        SearchRequest: {
            query: string;
            retrieval_strategy?: components["schemas"]["LegacyRetrievalStrategy"] | null;
            filter?: components["schemas"]["LegacyFilter"] | null;
            offset?: number | null;
            limit?: number | null;
            /** @description Only the entities of these connections. */
            source_connection_ids?: string[] | null;
            /** @description Accepted and ignored (removed by the vendor); above 0 it adds the `X-Feature-Removed` headers. */
            temporal_relevance?: number | null;
            expand_query?: boolean | null;
            interpret_filters?: boolean | null;
            rerank?: boolean | null;
            generate_answer?: boolean | null;
        };
        LegacySearchRequest: {
            query: string;
            filter?: components["schemas"]["LegacyFilter"] | null;
            /** @default 0 */
            offset: number;
            /** @default 100 */
            limit: number;
            score_threshold?: number | null;
            response_type?: components["schemas"]["ResponseType"];
            search_method?: components["schemas"]["LegacyRetrievalStrategy"] | null;
            recency_bias?: number | null;
            expansion_strategy?: components["schemas"]["QueryExpansionStrategy"] | null;
            enable_reranking?: boolean | null;
            enable_query_interpretation?: boolean | null;
        };
        /** @description A `SearchRequest` or a `LegacySearchRequest` (which one is decided as the vendor's union does; see `searchCollection`). */
        SearchCollectionRequest: components["schemas"]["SearchRequest"] | components["schemas"]["LegacySearchRequest"];
        /** @description One result of a legacy search (the vendor's `AirweaveSearchResult`), one per chunk. */
        LegacySearchResult: {
            /** @description The chunk's id. */
            id: string;
            score: number;
            entity_id: string;
            name: string;
            textual_representation: string;
            /** Format: date-time */
            created_at: string | null;
            /** Format: date-time */
            updated_at: string | null;
            breadcrumbs: components["schemas"]["SearchBreadcrumb"][];
            system_metadata: {
                entity_type: string;
                source_name: string | null;
                sync_id: string | null;
                sync_job_id: string | null;
                original_entity_id: string | null;
                chunk_index: number | null;
            };
            access: {
                is_public: boolean;
                viewers: string[];
            } | null;
            source_fields: {
                [key: string]: unknown;
            };
        };
        SearchResponse: {
            results: components["schemas"]["LegacySearchResult"][];
            /** @description The answer built from the top results when `generate_answer` is not false; otherwise null. */
            completion: string | null;
        };
        LegacySearchResponse: {
            results: components["schemas"]["LegacySearchResult"][];
            response_type: components["schemas"]["ResponseType"];
            /** @description The answer built from the top results for `completion`; null for `raw`. */
            completion: string | null;
            status: components["schemas"]["SearchStatus"];
        };
        /** @enum {string} */
        RetrievalStrategy: "semantic" | "keyword" | "hybrid";
        /** @enum {string} */
        FilterableField: "entity_id" | "name" | "created_at" | "updated_at" | "breadcrumbs.entity_id" | "breadcrumbs.name" | "breadcrumbs.entity_type" | "airweave_system_metadata.entity_type" | "airweave_system_metadata.source_name" | "airweave_system_metadata.original_entity_id" | "airweave_system_metadata.chunk_index" | "airweave_system_metadata.sync_id" | "airweave_system_metadata.sync_job_id";
        /**
         * @description `equals`, `not_equals`, `in` and `not_in` compare exactly (case-sensitive); `contains`
         *     is a case-insensitive substring of a text field; the four orderings compare numbers
         *     (`chunk_index`), and times (`created_at`, `updated_at`: ISO 8601, a time without a zone
         *     is UTC) as instants. On `breadcrumbs.*` a condition holds when some breadcrumb meets
         *     it (`not_equals` and `not_in`: when none does).
         * @enum {string}
         */
        FilterOperator: "equals" | "not_equals" | "contains" | "greater_than" | "less_than" | "greater_than_or_equal" | "less_than_or_equal" | "in" | "not_in";
        FilterCondition: {
            field: components["schemas"]["FilterableField"];
            operator: components["schemas"]["FilterOperator"];
            /** @description A list for `in` and `not_in`, a single value otherwise. */
            value: string | number | boolean | string[] | number[];
        };
        /** @description Conditions that must all hold; the groups of a filter are OR-ed. */
        FilterGroup: {
            conditions: components["schemas"]["FilterCondition"][];
        };
        /** @description Filter groups, combined with OR. */
        FilterGroups: components["schemas"]["FilterGroup"][] | null;
        InstantSearchRequest: {
            query: string;
            retrieval_strategy?: components["schemas"]["RetrievalStrategy"];
            filter?: components["schemas"]["FilterGroups"];
            /** @default 100 */
            limit: number;
            /** @default 0 */
            offset: number;
        };
        ClassicSearchRequest: {
            query: string;
            filter?: components["schemas"]["FilterGroups"];
            /** @default 100 */
            limit: number;
            /** @default 0 */
            offset: number;
        };
        AgenticSearchRequest: {
            query: string;
            /** @default false */
            thinking: boolean;
            filter?: components["schemas"]["FilterGroups"];
            /** @description At most this many results; null lets the agent decide. */
            limit?: number | null;
        };
        SearchBreadcrumb: {
            entity_id: string;
            name: string;
            entity_type: string;
        };
        SearchSystemMetadata: {
            source_name: string;
            entity_type: string;
            /** @description Null for a federated source's entities and for loaded ones. */
            sync_id: string | null;
            sync_job_id: string | null;
            chunk_index: number;
            original_entity_id: string;
        };
        SearchAccessControl: {
            viewers: string[] | null;
            is_public: boolean | null;
        };
        /** @description One result, one per chunk of an entity. */
        SearchResult: {
            entity_id: string;
            name: string;
            relevance_score: number;
            breadcrumbs: components["schemas"]["SearchBreadcrumb"][];
            /** Format: date-time */
            created_at: string | null;
            /** Format: date-time */
            updated_at: string | null;
            /** @description The chunk's text. */
            textual_representation: string;
            airweave_system_metadata: components["schemas"]["SearchSystemMetadata"];
            access: components["schemas"]["SearchAccessControl"];
            web_url: string;
            /** @description A download URL, for file entities; null otherwise. */
            url: string | null;
            raw_source_fields: {
                [key: string]: unknown;
            };
        };
        SearchV2Response: {
            results: components["schemas"]["SearchResult"][];
        };
        /** @description One event of the agentic search stream, by `type`. */
        AgenticSearchEvent: components["schemas"]["AgenticStartedEvent"] | components["schemas"]["AgenticThinkingEvent"] | components["schemas"]["AgenticToolCallEvent"] | components["schemas"]["AgenticDoneEvent"] | components["schemas"]["AgenticErrorEvent"];
        AgenticStartedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "started";
            request_id: string;
            /** @constant */
            tier: "agentic";
            collection_readable_id: string;
        };
        AgenticThinkingEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "thinking";
            /** @description The model's reasoning; only when the request set `thinking`. */
            thinking: string | null;
            text: string | null;
            duration_ms: number;
            diagnostics: {
                iteration: number;
                prompt_tokens: number;
                completion_tokens: number;
            };
        };
        AgenticToolCallEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "tool_call";
            /** @enum {string} */
            tool_name: "search" | "read" | "add_to_results" | "return_results_to_user";
            duration_ms: number;
            diagnostics: {
                iteration: number;
                tool_call_id: string;
                arguments: {
                    [key: string]: unknown;
                };
                stats: {
                    [key: string]: unknown;
                };
            };
        };
        AgentRunDiagnostics: {
            total_iterations: number;
            all_seen_entity_ids: string[];
            all_read_entity_ids: string[];
            all_collected_entity_ids: string[];
            max_iterations_hit: boolean;
            total_llm_retries: number;
            stagnation_nudges_sent: number;
            prompt_tokens: number;
            completion_tokens: number;
            cache_creation_input_tokens: number;
            cache_read_input_tokens: number;
        };
        AgenticDoneEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "done";
            results: components["schemas"]["SearchResult"][];
            duration_ms: number;
            diagnostics: components["schemas"]["AgentRunDiagnostics"];
        };
        AgenticErrorEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "error";
            message: string;
            request_id?: string;
            duration_ms?: number;
        };
    };
    responses: {
        /** @description The collection does not exist in the caller's organization (legacy search's text ends with a period). */
        SearchNotFoundLegacy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "Collection 'finance-data-x7k9m2' not found."
                 *     }
                 */
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description The collection does not exist in the caller's organization. */
        SearchNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "Collection 'finance-data-x7k9m2' not found"
                 *     }
                 */
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description The results, best first. */
        SearchV2: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SearchV2Response"];
            };
        };
        /** @description A business rule failed (400; the vendor uses 400 where its spec lists 409). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description No `x-api-key` header. No rate-limit headers. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "No valid authentication provided"
                 *     }
                 */
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description Unknown or expired key, or a key used for another organization. No rate-limit headers. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /**
         * @description The resource does not exist in the caller's organization (another organization's
         *     resources look missing), or `X-Organization-ID` names no organization.
         */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description The sync is paused or inactive. Declared for fidelity; not reachable through this API. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "Cannot trigger sync: sync is paused"
                 *     }
                 */
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /**
         * @description The request body is over the mock's JSON size limit (1 MiB by default; assumption: the
         *     vendor sets no limit of its own).
         */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "Request body exceeds the limit of 1048576 bytes."
                 *     }
                 */
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /**
         * @description Request validation failed. Schema errors use the vendor's custom shape `{"errors":
         *     [{"<location joined by '.'>": "<pydantic message>"}, …]}`, one single-key object per
         *     error (the vendor's spec wrongly documents FastAPI's `{"detail": [...]}`). Checks the
         *     handler makes against the catalog (auth and config fields, BYOC pairs) use `{"detail":
         *     "<string>"}`.
         */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationErrorBody"];
            };
        };
        /** @description Rate limited (sliding 60-second window per organization; off by default in the mock). */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "Rate limit exceeded. Please retry after 59.80 seconds. Limit: 10 requests per second."
                 *     }
                 */
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description Unhandled error (scenario-driven only in the mock). */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "Internal Server Error: ValueError: badly formed hexadecimal UUID string"
                 *     }
                 */
                "application/json": components["schemas"]["HTTPError"];
            };
        };
    };
    parameters: {
        /**
         * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
         *     organization gives 404 `Organization <id> not found`; another organization's id gives
         *     403 `API key does not have access to organization <id>`. Assumption: a value that is
         *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
         *     the format.
         * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
         */
        OrganizationId: string;
        /**
         * @description Connector identifier, e.g. `github`.
         * @example github
         */
        ShortName: string;
        /**
         * @description The collection's `readable_id`. Not format-checked; unknown values give 404 `Collection not found`.
         * @example finance-data-x7k9m2
         */
        ReadableId: string;
        /**
         * @description A connection id. Not a UUID → 422; unknown → 404 `Source connection not found`.
         * @example 9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d
         */
        SourceConnectionId: string;
        /**
         * @description A sync job id. Not a UUID → 422; unknown → 404 `Sync job not found`.
         * @example f47ac10b-58cc-4372-a567-0e02b2c3d479
         */
        JobId: string;
        /**
         * @description Items to skip. Negative → 422.
         * @example 0
         */
        Skip: number;
        /**
         * @description Maximum items to return, 1..1000. Out of range → 422 (not clamped).
         * @example 100
         */
        Limit: number;
        /**
         * @description Case-insensitive substring of `name` or `readable_id`; empty means no filter.
         * @example finance
         */
        Search: string;
        /**
         * @description Only connections of the collection with this `readable_id`.
         * @example finance-data-x7k9m2
         */
        CollectionFilter: string;
        /**
         * @description Ignore the incremental cursor. Accepted; no visible effect in the mock.
         * @example false
         */
        ForceFullSync: boolean;
    };
    requestBodies: never;
    headers: {
        /** @description `true` on every legacy search reply. */
        ApiDeprecation: "true";
        /** @description What to use instead (the GET and the POST say it differently, as the vendor does). */
        ApiDeprecationMessage: string;
        /** @description Seconds to wait before retrying (`int(retry_after) + 1`). */
        RetryAfter: number;
        /** @description Requests allowed per 60-second window for the organization (9999 when unlimited). */
        RateLimitLimit: number;
        /** @description Requests left in the current window (`0` on a 429). */
        RateLimitRemaining: number;
        /** @description Unix seconds at which the window frees a slot (now when not limited). */
        RateLimitReset: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listSources: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalog. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "name": "GitHub",
                     *         "description": "GitHub source connector integrates with the GitHub REST API to extract and synchronize data.\n\nConnects to your GitHub repositories.",
                     *         "auth_methods": [
                     *           "direct",
                     *           "auth_provider"
                     *         ],
                     *         "oauth_type": null,
                     *         "requires_byoc": false,
                     *         "auth_config_class": "GitHubAuthConfig",
                     *         "config_class": "GitHubConfig",
                     *         "short_name": "github",
                     *         "class_name": "GitHubSource",
                     *         "output_entity_definitions": [
                     *           "git_hub_code_file_entity",
                     *           "github_content_entity",
                     *           "git_hub_directory_entity",
                     *           "git_hub_file_deletion_entity",
                     *           "git_hub_pr_comment_entity",
                     *           "git_hub_pull_request_entity",
                     *           "github_repo_entity",
                     *           "git_hub_repository_entity"
                     *         ],
                     *         "labels": [
                     *           "Code"
                     *         ],
                     *         "supports_continuous": true,
                     *         "federated_search": false,
                     *         "supports_temporal_relevance": false,
                     *         "supports_access_control": false,
                     *         "rate_limit_level": "org",
                     *         "feature_flag": null,
                     *         "supports_browse_tree": false,
                     *         "auth_fields": {
                     *           "fields": [
                     *             {
                     *               "name": "personal_access_token",
                     *               "title": "Personal Access Token",
                     *               "description": "GitHub PAT with read rights (code, contents, metadata) to the repository",
                     *               "type": "string",
                     *               "required": true,
                     *               "items_type": null,
                     *               "feature_flag": null,
                     *               "is_secret": false,
                     *               "enum_values": null
                     *             }
                     *           ]
                     *         },
                     *         "config_fields": {
                     *           "fields": [
                     *             {
                     *               "name": "repo_name",
                     *               "title": "Repository Name",
                     *               "description": "Repository to sync in owner/repo format (e.g., 'airweave-ai/airweave')",
                     *               "type": "string",
                     *               "required": true,
                     *               "items_type": null,
                     *               "feature_flag": null,
                     *               "is_secret": false,
                     *               "enum_values": null
                     *             },
                     *             {
                     *               "name": "branch",
                     *               "title": "Branch name",
                     *               "description": "Specific branch to sync (e.g., 'main', 'development'). If empty, uses the default branch.",
                     *               "type": "string",
                     *               "required": false,
                     *               "items_type": null,
                     *               "feature_flag": null,
                     *               "is_secret": false,
                     *               "enum_values": null
                     *             },
                     *             {
                     *               "name": "sync_pull_requests",
                     *               "title": "Sync Pull Requests",
                     *               "description": "Also sync pull requests and their review comments.",
                     *               "type": "boolean",
                     *               "required": false,
                     *               "items_type": null,
                     *               "feature_flag": null,
                     *               "is_secret": false,
                     *               "enum_values": null
                     *             }
                     *           ]
                     *         },
                     *         "supported_auth_providers": [
                     *           "composio",
                     *           "pipedream"
                     *         ]
                     *       },
                     *       {
                     *         "name": "Slack",
                     *         "description": "Slack source connector integrates with the Slack Web API to search messages.\n\nConnects to your Slack workspace. Uses federated search: messages are queried live at search time instead of being synced.",
                     *         "auth_methods": [
                     *           "oauth_browser",
                     *           "oauth_token",
                     *           "auth_provider"
                     *         ],
                     *         "oauth_type": "access_only",
                     *         "requires_byoc": false,
                     *         "auth_config_class": "SlackAuthConfig",
                     *         "config_class": "SlackConfig",
                     *         "short_name": "slack",
                     *         "class_name": "SlackSource",
                     *         "output_entity_definitions": [
                     *           "slack_message_entity"
                     *         ],
                     *         "labels": [
                     *           "Communication",
                     *           "Messaging"
                     *         ],
                     *         "supports_continuous": false,
                     *         "federated_search": true,
                     *         "supports_temporal_relevance": true,
                     *         "supports_access_control": false,
                     *         "rate_limit_level": "org",
                     *         "feature_flag": null,
                     *         "supports_browse_tree": false,
                     *         "auth_fields": {
                     *           "fields": [
                     *             {
                     *               "name": "access_token",
                     *               "title": "Access Token",
                     *               "description": "The access token for the OAuth2 app. This is obtained through the OAuth flow.",
                     *               "type": "string",
                     *               "required": true,
                     *               "items_type": null,
                     *               "feature_flag": null,
                     *               "is_secret": false,
                     *               "enum_values": null
                     *             }
                     *           ]
                     *         },
                     *         "config_fields": {
                     *           "fields": []
                     *         },
                     *         "supported_auth_providers": [
                     *           "composio",
                     *           "pipedream"
                     *         ]
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["Source"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getSource: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description Connector identifier, e.g. `github`.
                 * @example github
                 */
                short_name: components["parameters"]["ShortName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connector. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "Stripe",
                     *       "description": "Stripe source connector integrates with the Stripe API to extract payment and financial data.\n\nConnects to your Stripe account.",
                     *       "auth_methods": [
                     *         "direct",
                     *         "auth_provider"
                     *       ],
                     *       "oauth_type": null,
                     *       "requires_byoc": false,
                     *       "auth_config_class": "StripeAuthConfig",
                     *       "config_class": "StripeConfig",
                     *       "short_name": "stripe",
                     *       "class_name": "StripeSource",
                     *       "output_entity_definitions": [
                     *         "stripe_balance_entity",
                     *         "stripe_balance_transaction_entity",
                     *         "stripe_charge_entity",
                     *         "stripe_customer_entity",
                     *         "stripe_event_entity",
                     *         "stripe_invoice_entity",
                     *         "stripe_payment_intent_entity",
                     *         "stripe_payment_method_entity",
                     *         "stripe_payout_entity",
                     *         "stripe_refund_entity",
                     *         "stripe_subscription_entity"
                     *       ],
                     *       "labels": [
                     *         "Payment"
                     *       ],
                     *       "supports_continuous": false,
                     *       "federated_search": false,
                     *       "supports_temporal_relevance": true,
                     *       "supports_access_control": false,
                     *       "rate_limit_level": "org",
                     *       "feature_flag": null,
                     *       "supports_browse_tree": false,
                     *       "auth_fields": {
                     *         "fields": [
                     *           {
                     *             "name": "api_key",
                     *             "title": "API Key",
                     *             "description": "The API key for the Stripe account. Should start with 'sk_test_' for test mode or 'sk_live_' for live mode.",
                     *             "type": "string",
                     *             "required": true,
                     *             "items_type": null,
                     *             "feature_flag": null,
                     *             "is_secret": false,
                     *             "enum_values": null
                     *           }
                     *         ]
                     *       },
                     *       "config_fields": {
                     *         "fields": []
                     *       },
                     *       "supported_auth_providers": [
                     *         "composio",
                     *         "pipedream"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Source"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listCollections: {
        parameters: {
            query?: {
                /**
                 * @description Items to skip. Negative → 422.
                 * @example 0
                 */
                skip?: components["parameters"]["Skip"];
                /**
                 * @description Maximum items to return, 1..1000. Out of range → 422 (not clamped).
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Case-insensitive substring of `name` or `readable_id`; empty means no filter.
                 * @example finance
                 */
                search?: components["parameters"]["Search"];
            };
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of collections (shorter than `limit` on the last page, `[]` past the end). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "name": "Finance Data",
                     *         "readable_id": "finance-data-x7k9m2",
                     *         "id": "7d0c2f3e-5b4a-4c1e-9a8b-1f2e3d4c5b6a",
                     *         "sync_config": null,
                     *         "created_at": "2026-04-23T10:15:30.123456",
                     *         "modified_at": "2026-04-23T10:15:30.123456",
                     *         "organization_id": "3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                     *         "created_by_email": null,
                     *         "modified_by_email": null,
                     *         "status": "ACTIVE",
                     *         "vector_size": 3072,
                     *         "embedding_model_name": "text-embedding-3-large",
                     *         "source_connection_summaries": [
                     *           {
                     *             "short_name": "github",
                     *             "name": "GitHub Connection"
                     *           },
                     *           {
                     *             "short_name": "slack",
                     *             "name": "Team Slack"
                     *           }
                     *         ]
                     *       },
                     *       {
                     *         "name": "Support Tickets",
                     *         "readable_id": "support-tickets-q3w8e1",
                     *         "id": "1c9e7a5b-3d2f-4e6a-8b0c-9d8e7f6a5b4c",
                     *         "sync_config": null,
                     *         "created_at": "2026-04-22T08:02:11",
                     *         "modified_at": "2026-04-22T08:02:11",
                     *         "organization_id": "3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                     *         "created_by_email": null,
                     *         "modified_by_email": null,
                     *         "status": "NEEDS SOURCE",
                     *         "vector_size": 3072,
                     *         "embedding_model_name": "text-embedding-3-large",
                     *         "source_connection_summaries": []
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["Collection"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createCollection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectionCreate"];
            };
        };
        responses: {
            /** @description The new collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getCollection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description The collection's `readable_id`. Not format-checked; unknown values give 404 `Collection not found`.
                 * @example finance-data-x7k9m2
                 */
                readable_id: components["parameters"]["ReadableId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "Finance Data",
                     *       "readable_id": "finance-data-x7k9m2",
                     *       "id": "7d0c2f3e-5b4a-4c1e-9a8b-1f2e3d4c5b6a",
                     *       "sync_config": null,
                     *       "created_at": "2026-04-23T10:15:30.123456",
                     *       "modified_at": "2026-04-23T10:15:30.123456",
                     *       "organization_id": "3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                     *       "created_by_email": null,
                     *       "modified_by_email": null,
                     *       "status": "ACTIVE",
                     *       "vector_size": 3072,
                     *       "embedding_model_name": "text-embedding-3-large",
                     *       "source_connection_summaries": []
                     *     }
                     */
                    "application/json": components["schemas"]["Collection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteCollection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description The collection's `readable_id`. Not format-checked; unknown values give 404 `Collection not found`.
                 * @example finance-data-x7k9m2
                 */
                readable_id: components["parameters"]["ReadableId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A snapshot of the deleted collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "Finance Data",
                     *       "readable_id": "finance-data-x7k9m2",
                     *       "id": "7d0c2f3e-5b4a-4c1e-9a8b-1f2e3d4c5b6a",
                     *       "sync_config": null,
                     *       "created_at": "2026-04-23T10:15:30.123456",
                     *       "modified_at": "2026-04-23T10:15:30.123456",
                     *       "organization_id": "3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                     *       "created_by_email": null,
                     *       "modified_by_email": null,
                     *       "status": "ACTIVE",
                     *       "vector_size": 3072,
                     *       "embedding_model_name": "text-embedding-3-large",
                     *       "source_connection_summaries": []
                     *     }
                     */
                    "application/json": components["schemas"]["Collection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateCollection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description The collection's `readable_id`. Not format-checked; unknown values give 404 `Collection not found`.
                 * @example finance-data-x7k9m2
                 */
                readable_id: components["parameters"]["ReadableId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectionUpdate"];
            };
        };
        responses: {
            /** @description The collection after the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "Finance Data 2026",
                     *       "readable_id": "finance-data-x7k9m2",
                     *       "id": "7d0c2f3e-5b4a-4c1e-9a8b-1f2e3d4c5b6a",
                     *       "sync_config": null,
                     *       "created_at": "2026-04-23T10:15:30.123456",
                     *       "modified_at": "2026-04-23T12:40:02.551870",
                     *       "organization_id": "3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                     *       "created_by_email": null,
                     *       "modified_by_email": null,
                     *       "status": "ACTIVE",
                     *       "vector_size": 3072,
                     *       "embedding_model_name": "text-embedding-3-large",
                     *       "source_connection_summaries": []
                     *     }
                     */
                    "application/json": components["schemas"]["Collection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    refreshAllSourceConnections: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description The collection's `readable_id`. Not format-checked; unknown values give 404 `Collection not found`.
                 * @example finance-data-x7k9m2
                 */
                readable_id: components["parameters"]["ReadableId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The jobs started, each `pending`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
                     *         "source_connection_id": "9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d",
                     *         "status": "pending",
                     *         "started_at": null,
                     *         "completed_at": null,
                     *         "duration_seconds": null,
                     *         "entities_inserted": 0,
                     *         "entities_updated": 0,
                     *         "entities_deleted": 0,
                     *         "entities_failed": 0,
                     *         "error": null,
                     *         "error_category": null,
                     *         "error_details": null
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["SourceConnectionJob"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    searchCollectionLegacy: {
        parameters: {
            query: {
                /**
                 * @description The search query text.
                 * @example deployment checklist
                 */
                query: string;
                /**
                 * @description `raw` (results only) or `completion` (results and an answer).
                 * @example raw
                 */
                response_type?: components["schemas"]["ResponseType"];
                /**
                 * @description Results to return, 1–1000.
                 * @example 10
                 */
                limit?: number;
                /**
                 * @description Results to skip.
                 * @example 0
                 */
                offset?: number;
                /**
                 * @description 0 ranks by relevance only, 1 by recency only.
                 * @example 0.3
                 */
                recency_bias?: number;
            };
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description The collection's `readable_id`. Not format-checked; unknown values give 404 `Collection not found`.
                 * @example finance-data-x7k9m2
                 */
                readable_id: components["parameters"]["ReadableId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The results, in the legacy shape. */
            200: {
                headers: {
                    "X-API-Deprecation": components["headers"]["ApiDeprecation"];
                    "X-API-Deprecation-Message": components["headers"]["ApiDeprecationMessage"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegacySearchResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["SearchNotFoundLegacy"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    searchCollection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description The collection's `readable_id`. Not format-checked; unknown values give 404 `Collection not found`.
                 * @example finance-data-x7k9m2
                 */
                readable_id: components["parameters"]["ReadableId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SearchCollectionRequest"];
            };
        };
        responses: {
            /** @description `SearchResponse` for a `SearchRequest`; `LegacySearchResponse`, with the deprecation headers, for a `LegacySearchRequest`. */
            200: {
                headers: {
                    "X-API-Deprecation": components["headers"]["ApiDeprecation"];
                    "X-API-Deprecation-Message": components["headers"]["ApiDeprecationMessage"];
                    /** @description `temporal_relevance`, when a `SearchRequest` set it above 0. */
                    "X-Feature-Removed"?: string;
                    /** @description `temporal_relevance has been removed and was ignored`. */
                    "X-Feature-Removed-Message"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResponse"] | components["schemas"]["LegacySearchResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["SearchNotFoundLegacy"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    instantSearch: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description The collection's `readable_id`. Not format-checked; unknown values give 404 `Collection not found`.
                 * @example finance-data-x7k9m2
                 */
                readable_id: components["parameters"]["ReadableId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstantSearchRequest"];
            };
        };
        responses: {
            200: components["responses"]["SearchV2"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["SearchNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    classicSearch: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description The collection's `readable_id`. Not format-checked; unknown values give 404 `Collection not found`.
                 * @example finance-data-x7k9m2
                 */
                readable_id: components["parameters"]["ReadableId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "query": "what caused the checkout outage",
                 *       "limit": 5
                 *     }
                 */
                "application/json": components["schemas"]["ClassicSearchRequest"];
            };
        };
        responses: {
            200: components["responses"]["SearchV2"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["SearchNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    agenticSearch: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description The collection's `readable_id`. Not format-checked; unknown values give 404 `Collection not found`.
                 * @example finance-data-x7k9m2
                 */
                readable_id: components["parameters"]["ReadableId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "query": "which security issues are still open",
                 *       "thinking": true,
                 *       "limit": 3
                 *     }
                 */
                "application/json": components["schemas"]["AgenticSearchRequest"];
            };
        };
        responses: {
            200: components["responses"]["SearchV2"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["SearchNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    streamAgenticSearch: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description The collection's `readable_id`. Not format-checked; unknown values give 404 `Collection not found`.
                 * @example finance-data-x7k9m2
                 */
                readable_id: components["parameters"]["ReadableId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "query": "which security issues are still open"
                 *     }
                 */
                "application/json": components["schemas"]["AgenticSearchRequest"];
            };
        };
        responses: {
            /** @description The events of the search, as they happen. */
            200: {
                headers: {
                    /** @description `no-cache`. */
                    "Cache-Control"?: string;
                    /** @description `no`: proxies must not buffer the stream. */
                    "X-Accel-Buffering"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example data: {"type":"started","request_id":"6f1c0e2a-4b7d-4c1e-9f3a-2d8e7b6a5c41","tier":"agentic","collection_readable_id":"engineering-k3j9x2"}
                     *
                     *     data: {"type":"thinking","thinking":null,"text":"Searching the collection for \"open security issues\".","duration_ms":250,"diagnostics":{"iteration":0,"prompt_tokens":412,"completion_tokens":38}}
                     *
                     *     data: {"type":"done","results":[],"duration_ms":1000,"diagnostics":{"total_iterations":2,"all_seen_entity_ids":[],"all_read_entity_ids":[],"all_collected_entity_ids":[],"max_iterations_hit":false,"total_llm_retries":0,"stagnation_nudges_sent":0,"prompt_tokens":1210,"completion_tokens":96,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}
                     */
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listSourceConnections: {
        parameters: {
            query?: {
                /**
                 * @description Only connections of the collection with this `readable_id`.
                 * @example finance-data-x7k9m2
                 */
                collection?: components["parameters"]["CollectionFilter"];
                /**
                 * @description Items to skip. Negative → 422.
                 * @example 0
                 */
                skip?: components["parameters"]["Skip"];
                /**
                 * @description Maximum items to return, 1..1000. Out of range → 422 (not clamped).
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of connections. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "6e5d4c3b-2a19-4087-b6a5-94837261f0e1",
                     *         "name": "Notion Connection",
                     *         "short_name": "notion",
                     *         "readable_collection_id": "finance-data-x7k9m2",
                     *         "created_at": "2026-04-23T10:25:05.412907",
                     *         "modified_at": "2026-04-23T10:25:05.412907",
                     *         "is_authenticated": false,
                     *         "entity_count": 0,
                     *         "federated_search": false,
                     *         "auth_method": "oauth_browser",
                     *         "status": "pending_auth"
                     *       },
                     *       {
                     *         "id": "2a7f9c1e-3b5d-4e8a-9f6c-7d1e2b3a4c5d",
                     *         "name": "Team Slack",
                     *         "short_name": "slack",
                     *         "readable_collection_id": "finance-data-x7k9m2",
                     *         "created_at": "2026-04-23T10:22:41.007315",
                     *         "modified_at": "2026-04-23T10:22:41.007315",
                     *         "is_authenticated": true,
                     *         "entity_count": 0,
                     *         "federated_search": true,
                     *         "auth_method": "oauth_token",
                     *         "status": "active"
                     *       },
                     *       {
                     *         "id": "9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d",
                     *         "name": "GitHub Connection",
                     *         "short_name": "github",
                     *         "readable_collection_id": "finance-data-x7k9m2",
                     *         "created_at": "2026-04-23T10:20:05.412907",
                     *         "modified_at": "2026-04-23T10:20:05.412907",
                     *         "is_authenticated": true,
                     *         "entity_count": 42,
                     *         "federated_search": false,
                     *         "auth_method": "direct",
                     *         "status": "active"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["SourceConnectionListItem"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createSourceConnection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceConnectionCreate"];
            };
        };
        responses: {
            /** @description The new connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceConnection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    authorizeSourceConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The code at the end of `auth.auth_url`.
                 * @example k2v9x7m4q1w8e5r3t6y0u2i9o4p7a1s3
                 */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Authorized; the connection has no redirect_url. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "2c4e6a8b-0d1f-4a3b-9c5d-7e9f1a3b5c7d",
                     *       "organization_id": "3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                     *       "name": "Notion Connection",
                     *       "description": null,
                     *       "short_name": "notion",
                     *       "readable_collection_id": "finance-data-x7k9m2",
                     *       "status": "active",
                     *       "created_at": "2026-04-23T10:20:00.000001",
                     *       "modified_at": "2026-04-23T10:21:00.000001",
                     *       "auth": {
                     *         "method": "oauth_browser",
                     *         "authenticated": true,
                     *         "authenticated_at": "2026-04-23T10:21:00.000001",
                     *         "expires_at": null,
                     *         "auth_url": null,
                     *         "auth_url_expires": null,
                     *         "redirect_url": null,
                     *         "provider_readable_id": null,
                     *         "provider_id": null,
                     *         "claim_token": null
                     *       },
                     *       "config": {},
                     *       "schedule": {
                     *         "cron": "21 10 * * *",
                     *         "next_run": "2026-04-24T10:21:00Z",
                     *         "continuous": false,
                     *         "cursor_field": null,
                     *         "cursor_value": null
                     *       },
                     *       "sync": {
                     *         "total_runs": 1,
                     *         "successful_runs": 0,
                     *         "failed_runs": 0,
                     *         "last_job": {
                     *           "id": "5d7f9b1c-3e5a-4c7e-8a0b-2d4f6a8c0e1b",
                     *           "status": "pending",
                     *           "started_at": null,
                     *           "completed_at": null,
                     *           "duration_seconds": null,
                     *           "entities_inserted": 0,
                     *           "entities_updated": 0,
                     *           "entities_deleted": 0,
                     *           "entities_failed": 0,
                     *           "error": null,
                     *           "error_category": null
                     *         }
                     *       },
                     *       "sync_id": "8a0c2e4f-6b8d-4f1a-9c3e-5b7d9f1a3c5e",
                     *       "entities": null,
                     *       "error_category": null,
                     *       "error_message": null,
                     *       "provider_settings_url": null,
                     *       "provider_short_name": null,
                     *       "federated_search": false
                     *     }
                     */
                    "application/json": components["schemas"]["SourceConnection"];
                };
            };
            /** @description Authorized; redirected to the connection's redirect_url. */
            303: {
                headers: {
                    /**
                     * @description `<redirect_url>?status=success&source_connection_id=<id>`
                     * @example https://app.example.com/connected?status=success&source_connection_id=2c4e6a8b-0d1f-4a3b-9c5d-7e9f1a3b5c7d
                     */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No pending authorization has this code (unknown, or already used). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": "Authorization code not found or already used"
                     *     }
                     */
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            500: components["responses"]["InternalServerError"];
        };
    };
    getSourceConnection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description A connection id. Not a UUID → 422; unknown → 404 `Source connection not found`.
                 * @example 9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d
                 */
                source_connection_id: components["parameters"]["SourceConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceConnection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteSourceConnection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description A connection id. Not a UUID → 422; unknown → 404 `Source connection not found`.
                 * @example 9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d
                 */
                source_connection_id: components["parameters"]["SourceConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A snapshot of the deleted connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "2a7f9c1e-3b5d-4e8a-9f6c-7d1e2b3a4c5d",
                     *       "organization_id": "3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                     *       "name": "Team Slack",
                     *       "description": null,
                     *       "short_name": "slack",
                     *       "readable_collection_id": "finance-data-x7k9m2",
                     *       "status": "active",
                     *       "created_at": "2026-04-23T10:22:41.007315",
                     *       "modified_at": "2026-04-23T10:22:41.007315",
                     *       "auth": {
                     *         "method": "oauth_token",
                     *         "authenticated": true,
                     *         "authenticated_at": "2026-04-23T10:22:41.007315",
                     *         "expires_at": null,
                     *         "auth_url": null,
                     *         "auth_url_expires": null,
                     *         "redirect_url": null,
                     *         "claim_token": null,
                     *         "provider_readable_id": null,
                     *         "provider_id": null
                     *       },
                     *       "config": {},
                     *       "schedule": null,
                     *       "sync": null,
                     *       "sync_id": null,
                     *       "entities": null,
                     *       "error_category": null,
                     *       "error_message": null,
                     *       "provider_settings_url": null,
                     *       "provider_short_name": null,
                     *       "federated_search": true
                     *     }
                     */
                    "application/json": components["schemas"]["SourceConnection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateSourceConnection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description A connection id. Not a UUID → 422; unknown → 404 `Source connection not found`.
                 * @example 9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d
                 */
                source_connection_id: components["parameters"]["SourceConnectionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceConnectionUpdate"];
            };
        };
        responses: {
            /** @description The connection after the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d",
                     *       "organization_id": "3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                     *       "name": "Finance Reports Repo",
                     *       "description": "Quarterly reports repository",
                     *       "short_name": "github",
                     *       "readable_collection_id": "finance-data-x7k9m2",
                     *       "status": "active",
                     *       "created_at": "2026-04-23T10:20:05.412907",
                     *       "modified_at": "2026-04-23T12:03:44.091375",
                     *       "auth": {
                     *         "method": "direct",
                     *         "authenticated": true,
                     *         "authenticated_at": "2026-04-23T10:20:05.412907",
                     *         "expires_at": null,
                     *         "auth_url": null,
                     *         "auth_url_expires": null,
                     *         "redirect_url": null,
                     *         "claim_token": null,
                     *         "provider_readable_id": null,
                     *         "provider_id": null
                     *       },
                     *       "config": {
                     *         "repo_name": "acme/finance-reports",
                     *         "branch": "",
                     *         "sync_pull_requests": false
                     *       },
                     *       "schedule": {
                     *         "cron": "0 *\/6 * * *",
                     *         "next_run": "2026-04-23T18:00:00Z",
                     *         "continuous": false,
                     *         "cursor_field": null,
                     *         "cursor_value": null
                     *       },
                     *       "sync": {
                     *         "total_runs": 1,
                     *         "successful_runs": 1,
                     *         "failed_runs": 0,
                     *         "last_job": {
                     *           "id": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
                     *           "status": "completed",
                     *           "started_at": "2026-04-23T10:20:06.102331",
                     *           "completed_at": "2026-04-23T10:21:12.34812",
                     *           "duration_seconds": 66.245789,
                     *           "entities_inserted": 42,
                     *           "entities_updated": 0,
                     *           "entities_deleted": 0,
                     *           "entities_failed": 0,
                     *           "error": null,
                     *           "error_category": null
                     *         }
                     *       },
                     *       "sync_id": "5c4b3a29-1807-4f6e-9d5c-4b3a29180716",
                     *       "entities": {
                     *         "total_entities": 42,
                     *         "by_type": {
                     *           "GitHubCodeFileEntity": {
                     *             "count": 42,
                     *             "last_updated": "2026-04-23T10:21:12.34812"
                     *           }
                     *         }
                     *       },
                     *       "error_category": null,
                     *       "error_message": null,
                     *       "provider_settings_url": null,
                     *       "provider_short_name": null,
                     *       "federated_search": false
                     *     }
                     */
                    "application/json": components["schemas"]["SourceConnection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    runSourceConnection: {
        parameters: {
            query?: {
                /**
                 * @description Ignore the incremental cursor. Accepted; no visible effect in the mock.
                 * @example false
                 */
                force_full_sync?: components["parameters"]["ForceFullSync"];
            };
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description A connection id. Not a UUID → 422; unknown → 404 `Source connection not found`.
                 * @example 9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d
                 */
                source_connection_id: components["parameters"]["SourceConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
                     *       "source_connection_id": "9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d",
                     *       "status": "pending",
                     *       "started_at": null,
                     *       "completed_at": null,
                     *       "duration_seconds": null,
                     *       "entities_inserted": 0,
                     *       "entities_updated": 0,
                     *       "entities_deleted": 0,
                     *       "entities_failed": 0,
                     *       "error": null,
                     *       "error_category": null,
                     *       "error_details": null
                     *     }
                     */
                    "application/json": components["schemas"]["SourceConnectionJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getSourceConnectionJobs: {
        parameters: {
            query?: {
                /**
                 * @description Maximum items to return, 1..1000. Out of range → 422 (not clamped).
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description A connection id. Not a UUID → 422; unknown → 404 `Source connection not found`.
                 * @example 9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d
                 */
                source_connection_id: components["parameters"]["SourceConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The jobs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
                     *         "source_connection_id": "9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d",
                     *         "status": "running",
                     *         "started_at": "2026-04-23T11:30:00.204618",
                     *         "completed_at": null,
                     *         "duration_seconds": null,
                     *         "entities_inserted": 0,
                     *         "entities_updated": 0,
                     *         "entities_deleted": 0,
                     *         "entities_failed": 0,
                     *         "error": null,
                     *         "error_category": null,
                     *         "error_details": null
                     *       },
                     *       {
                     *         "id": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
                     *         "source_connection_id": "9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d",
                     *         "status": "completed",
                     *         "started_at": "2026-04-23T10:20:06.102331",
                     *         "completed_at": "2026-04-23T10:21:12.34812",
                     *         "duration_seconds": 66.245789,
                     *         "entities_inserted": 42,
                     *         "entities_updated": 0,
                     *         "entities_deleted": 0,
                     *         "entities_failed": 0,
                     *         "error": null,
                     *         "error_category": null,
                     *         "error_details": null
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["SourceConnectionJob"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    cancelSourceConnectionJob: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Organization to act as; defaults to the key's. A well-formed UUID that names no
                 *     organization gives 404 `Organization <id> not found`; another organization's id gives
                 *     403 `API key does not have access to organization <id>`. Assumption: a value that is
                 *     not a UUID also gives that 403 (the vendor answers 500), so the schema does not check
                 *     the format.
                 * @example 3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                "X-Organization-ID"?: components["parameters"]["OrganizationId"];
            };
            path: {
                /**
                 * @description A connection id. Not a UUID → 422; unknown → 404 `Source connection not found`.
                 * @example 9b2e4c6a-1d3f-4a5b-8c7d-2e1f0a9b8c7d
                 */
                source_connection_id: components["parameters"]["SourceConnectionId"];
                /**
                 * @description A sync job id. Not a UUID → 422; unknown → 404 `Sync job not found`.
                 * @example f47ac10b-58cc-4372-a567-0e02b2c3d479
                 */
                job_id: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job after the cancel request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceConnectionJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
