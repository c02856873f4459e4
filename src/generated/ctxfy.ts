// Generated from specs/ctxfy.yaml by scripts/gen.mjs (openapi-typescript). Do not edit: run `npm run gen`.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness and dependency checks
         * @description Liveness plus the state of the service's dependencies (docs). Needs no auth and carries
         *     no rate-limit headers. Assumed: the vendor documents no body; the mock always answers
         *     200 with a small fixed `Health` object. 429 and 500 come from scenarios only.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Prometheus text exposition (docs). Needs no auth and carries no rate-limit headers.
         *     Assumed: status 200 and `Content-Type: text/plain; version=0.0.4` (the media type is
         *     declared here without its parameter); the mock's metric names are its own. 429 and 500
         *     come from scenarios only.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/spaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List spaces
         * @description The caller's spaces, newest first (`createdAt` descending, ties in creation order). Assumed:
         *     the vendor documents the route only; the envelope copies the documented
         *     `GET /v1/api-keys` one. A page past the end is an empty array with the real `total`
         *     and `pages`; `page` < 1 or `per_page` outside 1–100 is 400.
         */
        get: operations["listSpaces"];
        put?: never;
        /**
         * Create a space
         * @description Creates a space owned by the caller's user (docs: concepts). Assumed: the vendor
         *     documents neither body nor response; `name` is required (1–255 characters after
         *     trimming; a blank name is 400 on `name`), `description` optional (≤5000, null allowed).
         *     Space names need not be unique.
         */
        post: operations["createSpace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/spaces/{spaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Space id (opaque; unknown or malformed → 404).
                 * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
                 */
                spaceId: components["parameters"]["SpaceId"];
            };
            cookie?: never;
        };
        /**
         * Get a space
         * @description One of the caller's spaces. Assumed body (the vendor documents the route only).
         */
        get: operations["getSpace"];
        /**
         * Update a space
         * @description The vendor calls the update `PUT`. Assumed: it is a partial update — `name` and/or
         *     `description` (null clears it); a body with neither is 400; unknown keys are ignored.
         *     Bumps `updatedAt`.
         */
        put: operations["updateSpace"];
        post?: never;
        /**
         * Delete a space
         * @description Assumed: a hard delete that cascades — the space, all its collections and all its
         *     sources (soft-deleted ones too) are removed, their scheduled transitions dropped, no
         *     postbacks sent. Answers 200 with the deleted space; later lookups of any of them
         *     are 404. (The vendor might instead refuse a non-empty space; unknown.)
         */
        delete: operations["deleteSpace"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/spaces/{spaceId}/collections": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Space id (opaque; unknown or malformed → 404).
                 * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
                 */
                spaceId: components["parameters"]["SpaceId"];
            };
            cookie?: never;
        };
        /**
         * Get the collection tree
         * @description The space's collections as a tree (docs). Assumed body: `{"collections": [...]}`
         *     holding the root nodes, each with its `children`, siblings in creation order
         *     (`createdAt` ascending); no depth limit. The tree holds collections only, not sources.
         */
        get: operations["getCollectionTree"];
        put?: never;
        /**
         * Create a collection
         * @description Ctxfy's "Create collection" reference page
         *     (https://docs.ctxfy.com/post-v1-spaces-spaceid-collections). Creates a collection in
         *     the space, at the root (`parentId` absent or null) or under `parentId`, which must be a
         *     collection of the same space. Errors (from the page): 400 invalid request; 404 "Space
         *     or parent collection not found"; 409 "Collection already exists" — assumed rule: a
         *     sibling (same space, same `parentId`) already has the same name, compared after
         *     trimming, case-sensitive. The page documents the response as "Collection created"
         *     with body `{}`. Assumed: 201 with the new `CollectionNode` (`children: []`), a superset
         *     of the page's `{}` (which itself does not validate against `CollectionNode`).
         *     `parentId` cannot be changed later (no move endpoint), so the tree has no cycles.
         */
        post: operations["createCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/spaces/{spaceId}/sources": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Space id (opaque; unknown or malformed → 404).
                 * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
                 */
                spaceId: components["parameters"]["SpaceId"];
            };
            cookie?: never;
        };
        /**
         * List a space's sources (mock extension)
         * @description **Mock-only** (assumed; the vendor documents no way to list sources, a frontend needs
         *     one). Newest first (`createdAt` descending, ties in creation order; assumed). Filters combine
         *     with AND: `status`, `collectionId` (exact match; an unknown id simply matches nothing,
         *     no 404; sources at the space root cannot be selected this way), `pinned`, and
         *     `include_deleted` (soft-deleted sources are left out unless true). Same pagination as
         *     `listSpaces`.
         */
        get: operations["listSpaceSources"];
        put?: never;
        /**
         * Create a source
         * @description Ctxfy's "Create source" reference page
         *     (https://docs.ctxfy.com/post-v1-spaces-spaceid-sources), which also gives the field
         *     requirements. Creates a source in the space and starts its processing in the background:
         *     the reply is the source in `CREATED`; it then goes `PENDING` → `PROCESSING` →
         *     `COMPLETED` (or `FAILED`) on the mock's clock, and a `PostbackNotification` is POSTed
         *     to `instructions.postback_url` when it reaches a terminal status.
         *
         *     The schema checks types and required top-level fields (`type`, `initial_data`,
         *     `instructions`). The per-type rules are the handler's, each a 400 with a `details`
         *     entry on the field:
         *     - `URI`: `initial_data.url` or `initial_data.uri` required (aliases; `url` wins when
         *       both are sent). Any non-empty string is accepted (the reference page's request sends `example_string`);
         *       assumed: one that is not an absolute http(s) URL cannot be fetched, so the source ends
         *       `FAILED` (below).
         *     - `COMPOSITION`: `initial_data.source_ids` required, non-empty; assumed: every id a
         *       live (not soft-deleted) source of the same space, else 400.
         *     - `FILE`: `initial_data.data` required, the `fileKey` from `POST /v1/upload/s3`.
         *     - `CONTENT`: `initial_data.data` required, inline text; assumed non-empty.
         *     - `instructions.postback_url`: HTTPS (docs); assumed: `http://` also allowed on
         *       loopback hosts (127.0.0.0/8, `::1`, `localhost`); anything else is 400.
         *
         *     Sub-fields that do not apply to `type` are accepted, ignored and echoed (the reference
         *     page's request sends all four with `type: URI`). `collectionId`, when given and not
         *     null, must be a collection of the same space, else 404 (assumed, by analogy with the
         *     documented 404 of `createCollection` for an unknown parent). Assumed:
         *     `name` defaults to the URL (URI), the file name (FILE) or `"Untitled source"`.
         *     Assumed deterministic failures: a URI that is not an absolute http(s) URL, or whose
         *     host ends in `.invalid` (RFC 2606) → FAILED "Failed to fetch URL"; a FILE whose `data` is not a `fileKey` issued to the user →
         *     FAILED "File not found". Sources never answer 409. The reference page documents the
         *     response as `{}`; assumed: 201 with the full `Source`.
         */
        post: operations["createSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/{sourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        /**
         * Get a source
         * @description One of the caller's sources, with its current `status`. Source routes are flat (no
         *     space in the path). A soft-deleted source is 404 here. Assumed body.
         */
        get: operations["getSource"];
        put?: never;
        post?: never;
        /**
         * Soft-delete a source
         * @description Soft delete (docs): sets `deletedAt` and returns the source (assumed: 200 with the
         *     body). Afterwards GET, PATCH, toggle-pin, the actions and a second DELETE answer 404;
         *     only `restore` still sees it. Assumed: a running lifecycle keeps going while the
         *     source is deleted, and its postback still fires.
         */
        delete: operations["deleteSource"];
        options?: never;
        head?: never;
        /**
         * Update a source's metadata
         * @description "Patch metadata" (docs). Assumed: any of `name`, `description` (null clears it) and
         *     `collectionId` (null moves the source to the space root; otherwise a collection of
         *     the same space, else 404); a body with none of them is 400 (as for spaces); other keys
         *     (`type`, `initial_data`, `status`…) are ignored and cannot be changed. Allowed in any
         *     status; bumps `updatedAt`. A soft-deleted source is 404.
         */
        patch: operations["updateSource"];
        trace?: never;
    };
    "/v1/sources/{sourceId}/toggle-pin": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Toggle a source's pin
         * @description Flips `pinned` (docs). No body. Assumed: allowed on any non-deleted source, in any
         *     status; bumps `updatedAt`; answers 200 with the source.
         */
        patch: operations["toggleSourcePin"];
        trace?: never;
    };
    "/v1/sources/{sourceId}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a soft-deleted source
         * @description Clears `deletedAt` (docs) and keeps `status`. No body. Assumed: a source that is not
         *     deleted is 400 (`details[0].field` = `deletedAt`); 200 with the source.
         */
        post: operations["restoreSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/{sourceId}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reprocess a source
         * @description Re-runs the pipeline (docs). Precondition (docs): the source is `COMPLETED` or
         *     `FAILED` and has content; assumed: a FAILED source that failed on a fetch ("Failed to
         *     fetch URL", "File not found") has no content. A broken precondition is 400 on field
         *     `status`. Effect: `PENDING` → `PROCESSING` → `COMPLETED`, `message` cleared, postback
         *     to the source's `postback_url`. The docs call the reply "Reprocess initiated";
         *     assumed: 200 with the source (now `PENDING`). The body is optional (assumed); the
         *     options are accepted and have no visible effect.
         */
        post: operations["reprocessSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/{sourceId}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh a source
         * @description Re-fetches the content (docs). Only URI ("URL" in the docs) and FILE sources (docs);
         *     other types are 400 on field `type`. Assumed: allowed from `COMPLETED`, `FAILED` or
         *     `CANCELED`, else 400 on field `status`. Same run as reprocess; postback to the
         *     source's `postback_url`. Assumed: 200 with the source (now `PENDING`); the body is
         *     optional and its options have no visible effect.
         */
        post: operations["refreshSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/{sourceId}/fast-forward": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fast-forward a source
         * @description Updates the target source with data from a temporary source (docs). Precondition
         *     (docs): the target is `COMPLETED` or `FAILED`, else 400 on field `status`. `type` is
         *     required and may not be `COMPOSITION` (docs; the schema's enum refuses it);
         *     `initial_data` is required and follows the same per-type rules as `createSource` (the
         *     handler's, 400); `instructions` is optional here. Assumed: the temporary source stays
         *     internal and never shows in lists; the target keeps its own `type` and `initial_data`
         *     and goes `PENDING` → `PROCESSING` → `COMPLETED`; the postback goes to this request's
         *     `instructions.postback_url` when given, else to the source's. 200 with the source.
         */
        post: operations["fastForwardSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/{sourceId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a source's processing
         * @description Cancels processing (docs: concepts; the path's `/cancel` suffix is inferred from a
         *     truncated line). No body. Assumed: allowed from `CREATED`, `PENDING` or `PROCESSING`,
         *     else 400 on field `status`; the source becomes `CANCELED` at once, its scheduled
         *     transitions are dropped and the CANCELED postback is sent. 200 with the source.
         */
        post: operations["cancelSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/upload/s3": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a presigned upload URL
         * @description Returns a presigned URL for uploading a file (docs); needs the API key. Upload the
         *     bytes with `PUT uploadUrl`, then create a FILE source with `initial_data.data` =
         *     `fileKey`. Assumed: status 200 (the docs give the body only); all three request
         *     fields required; `size` from 1 byte up to the mock's upload limit (50 MiB = 52 428 800
         *     bytes by default, configurable, checked by the handler: 400 on `size`); `filename`
         *     ≤255; any `contentType`. `fileKey` = `uploads/{userId}/{uuid}/{filename}`; in the mock
         *     `uploadUrl` and `publicUrl` point at the mock's own `/__uploads/{fileKey}` (the key
         *     percent-encoded as one path segment) and the URL is valid for 15 minutes
         *     (`X-Amz-Expires=900`). The mock records the key for the user as not yet uploaded.
         */
        post: operations["createUploadS3"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__uploads/{fileKey}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A `fileKey` from `POST /v1/upload/s3`, percent-encoded as a single path segment
                 *     (its `/` as `%2F`), exactly as it appears in `uploadUrl` and `publicUrl`.
                 * @example uploads%2F5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45%2F3f0e9d8c-7b6a-4f5e-8d4c-3b2a1f0e9d8c%2Fnotes.pdf
                 */
                fileKey: components["parameters"]["FileKey"];
            };
            cookie?: never;
        };
        /**
         * Download an uploaded file (mock's public URL)
         * @description **Mock-only** (assumed): serves the bytes stored by `putUpload`; this is `publicUrl`.
         *     Needs no API key. The reply's `Content-Type` is the one the PUT carried, as S3 keeps
         *     it (the presign's `contentType` when the PUT had none). A key never
         *     issued, or issued but not uploaded yet, is 404.
         */
        get: operations["getUpload"];
        /**
         * Upload a file's bytes (mock's upload target)
         * @description **Mock-only** (assumed): stands in for the S3 bucket behind `uploadUrl`. Takes the raw
         *     bytes, S3 style, and answers 200 with an empty body. Needs no API key (a presigned
         *     URL carries none): the user is the one the `fileKey` was issued to. Assumed: a key
         *     never issued by `POST /v1/upload/s3` is 404; a PUT more than 900 s after the key was
         *     issued is 403 (the issue time decides, not the URL's `X-Amz-Expires`, which the
         *     vendor's signature would protect); a second PUT replaces the bytes; the body is taken
         *     as sent, whatever its `Content-Type` (JSON too), up to the mock's upload limit (its
         *     size is not checked against the presign's `size`); without a `Content-Type` it is
         *     `application/octet-stream`. A malformed `X-Amz-Expires` (not a whole number, or
         *     negative) is 400, as S3 refuses one (assumed; in the mock's error envelope). A FILE
         *     source does not need this PUT to complete (the vendor's clients may upload
         *     elsewhere): issuing the key is enough.
         */
        put: operations["putUpload"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description The user's keys, revoked ones included, without secrets (docs: the docs' example item
         *     shows `api_key`, but the authentication page says no secrets are listed; the mock
         *     leaves it out). Envelope `{api_keys, pagination}` (docs). Assumed: query names
         *     `page`/`per_page` (the docs give only the response fields), newest first, out-of-range
         *     values 400.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description Creates a key for the caller's user (docs; accepts API-key auth). The raw key is in
         *     `api_key` of this reply only, never again. Both fields optional; assumed: the body
         *     may be empty or absent; a past `expiration_date` is 400; `name` and
         *     `expiration_date` are null when not given. Assumed format: `ctx_` + 40 base62
         *     characters, `key_prefix` its first 12 characters. A minted key is accepted as a
         *     Bearer token from then on, for the same user. Assumed status 201.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description API key id (the key's `id`, not its secret; unknown → 404).
                 * @example 9a7c1e52-6d3f-4b8a-9e1c-2f4d6b8a0c13
                 */
                keyId: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Revokes a key (docs): sets `revoked_at`; the key stays in the list and gets 401 from
         *     then on. Assumed: 200 with the key (no secret); revoking an already-revoked key
         *     returns it unchanged with 200; revoking the key used for this very call is allowed.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    sourceStatusNotification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Postback sent when a source reaches a terminal status
         * @description Sent **by** the mock (not received): an HTTP POST with a JSON `PostbackNotification`
         *     to the source's `instructions.postback_url` when the source enters `COMPLETED`,
         *     `FAILED` or `CANCELED` (docs). The vendor "may retry on non-2xx or timeout", so
         *     receivers must tolerate duplicates and dedupe on `sourceId` + `status` (docs).
         *     Assumed: `Content-Type: application/json` and no signature header (the docs hint at
         *     one but never name it); 10 s timeout; up to 3 retries after 1 s, 5 s and 25 s; every
         *     attempt is recorded in the mock's journal. A fast-forward run posts to its own
         *     `instructions.postback_url` when given; reprocess and refresh runs reuse the source's.
         */
        post: operations["sourceStatusNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description The one error envelope (as shown on the Create collection and Create source reference
         *     pages), for every status. `details` is present on
         *     400 (array) and 409 (string); `requestId` on 500. No other keys.
         */
        Error: {
            /**
             * @description The HTTP reason phrase (`Bad Request`, `Unauthorized`, `Not Found`…).
             * @example Not Found
             */
            error: string;
            /** @description Human-readable explanation; the documented wording where one exists. */
            message: string;
            /** @description The HTTP status, repeated. */
            code: number;
            /** @description Field errors (400) or a short reason (409). */
            details?: components["schemas"]["FieldError"][] | string;
            /** @description Id of the failed request (500 only); `req_` + 10 uppercase alphanumerics (assumed). */
            requestId?: string;
        };
        /** @description One failing field of a 400. */
        FieldError: {
            /** @description Dotted path into the body (`initial_data.source_ids`), a query parameter's name, or `body`. */
            field: string;
            message: string;
        };
        /** @description A 400 envelope; `details` is required and lists the failing fields. */
        BadRequestError: components["schemas"]["Error"] & {
            /** @constant */
            code?: 400;
            details: components["schemas"]["FieldError"][];
        };
        /** @description A 409 envelope; `details` is a short string (`Resource already exists`). */
        ConflictError: components["schemas"]["Error"] & {
            /** @constant */
            code?: 409;
            details: string;
        };
        /** @description A 500 envelope; `requestId` is required. */
        InternalError: components["schemas"]["Error"] & {
            /** @constant */
            code?: 500;
        };
        /**
         * Format: date-time
         * @description ISO 8601 UTC with milliseconds and `Z` (the mock writes `Date.toISOString()`).
         * @example 2026-02-19T10:00:00.000Z
         */
        Timestamp: string;
        /**
         * Format: uuid
         * @description Lowercase UUID v4 (documented for sources; assumed for the rest).
         * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
         */
        Uuid: string;
        /**
         * @description Page metadata (docs, from `GET /v1/api-keys`; reused by every paged list). `pages`
         *     = ceil(total / per_page), 0 when empty.
         */
        Pagination: {
            page: number;
            per_page: number;
            /** @description Items across all pages. */
            total: number;
            pages: number;
        };
        /** @description Assumed body (the vendor documents only the route's purpose). */
        Health: {
            /** @enum {string} */
            status: "ok";
            /** @description One entry per dependency. */
            checks: {
                [key: string]: "ok";
            };
            timestamp: components["schemas"]["Timestamp"];
        };
        /** @description Assumed (the vendor documents no body). Unknown keys are ignored. */
        CreateSpaceRequest: {
            /** @description 1–255 characters after trimming (blank → 400, checked by the handler). */
            name: string;
            description?: string | null;
        };
        /** @description Assumed partial update; at least one of `name` and `description`. Unknown keys are ignored. */
        UpdateSpaceRequest: {
            /** @description 1–255 characters after trimming (blank → 400, checked by the handler). */
            name?: string;
            /** @description null clears it. */
            description?: string | null;
        } | unknown | unknown;
        /** @description Assumed shape (the vendor documents none). A container inside the user's tenant. */
        Space: {
            id: components["schemas"]["Uuid"];
            name: string;
            description: string | null;
            userId: components["schemas"]["Uuid"];
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        /** @description Assumed envelope, copying the documented `{api_keys, pagination}`. */
        SpaceList: {
            spaces: components["schemas"]["Space"][];
            pagination: components["schemas"]["Pagination"];
        };
        /** @description The body documented on Ctxfy's Create collection reference page. Unknown keys are ignored. */
        CreateCollectionRequest: {
            /**
             * @description Required (assumed; the reference page's request always sends it). 1–255 characters after trimming
             *     (blank → 400, checked by the handler). Unique among siblings (409).
             */
            name: string;
            /** @description A collection of the same space (else 404); absent or null means the space root. */
            parentId?: string | null;
        };
        /**
         * @description Assumed shape (the vendor documents none): a collection with its sub-collections,
         *     siblings in creation order. `createCollection` returns the new node with `children: []`.
         */
        CollectionNode: {
            id: components["schemas"]["Uuid"];
            spaceId: components["schemas"]["Uuid"];
            /** @description The parent collection; null at the root. */
            parentId: components["schemas"]["Uuid"] | null;
            name: string;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            children: components["schemas"]["CollectionNode"][];
        };
        /** @description Assumed envelope; `collections` holds the root nodes. Collections only, no sources. */
        CollectionTree: {
            collections: components["schemas"]["CollectionNode"][];
        };
        /**
         * @description `URI` (a URL to fetch; "URL" in some docs text), `FILE` (an uploaded file's
         *     `fileKey`), `CONTENT` (inline text), `COMPOSITION` (built from other sources).
         * @enum {string}
         */
        SourceType: "URI" | "FILE" | "CONTENT" | "COMPOSITION";
        /**
         * @description `CREATED → PENDING → PROCESSING → COMPLETED | FAILED | CANCELED` (docs). Assumed mock
         *     timings: each transition takes one step of the mock's `--processing-ms` (default 1000 ms),
         *     so a new source is PENDING after one step, PROCESSING after two and done after three;
         *     reprocess, refresh and fast-forward start at PENDING.
         * @enum {string}
         */
        SourceStatus: "CREATED" | "PENDING" | "PROCESSING" | "COMPLETED" | "FAILED" | "CANCELED";
        /**
         * @description What the source is made of; which key is required depends on `type` (docs), checked
         *     by the handler: URI → `url` or `uri`; COMPOSITION → `source_ids`; FILE and CONTENT →
         *     `data`. Keys that do not apply are accepted, ignored and echoed.
         */
        SourceInitialData: {
            /** @description URI sources; alias of `uri` (`url` wins when both are sent). Assumed - a value that is not an absolute http(s) URL makes the run FAILED. */
            url?: string;
            /** @description URI sources; alias of `url`. */
            uri?: string;
            /** @description COMPOSITION sources; assumed non-empty, each a live source of the same space. */
            source_ids?: string[];
            /** @description FILE - the `fileKey` from `POST /v1/upload/s3`. CONTENT - the inline text (assumed non-empty). */
            data?: string;
        };
        /** @description Processing options (docs). May be `{}`; extra keys are ignored (assumed). */
        SourceInstructions: {
            /**
             * @description Where to POST a `PostbackNotification` when the source reaches COMPLETED, FAILED or
             *     CANCELED. HTTPS (docs); assumed: `http://` also allowed on loopback hosts; else 400.
             */
            postback_url?: string;
        };
        /**
         * @description The body documented on Ctxfy's Create source reference page, with the field
         *     requirements it gives. The per-type rules on `initial_data` and
         *     the URL rules are the handler's (400), not this schema's. Unknown keys are ignored.
         */
        CreateSourceRequest: {
            type: components["schemas"]["SourceType"];
            /** @description Optional (assumed ≤255). Defaults to the URL, the file name or `Untitled source` (assumed). */
            name?: string;
            initial_data: components["schemas"]["SourceInitialData"];
            /** @description A collection of the same space (else 404, assumed); absent or null means the space root. */
            collectionId?: string | null;
            instructions: components["schemas"]["SourceInstructions"];
            /** @description Optional (assumed ≤5000). */
            description?: string | null;
        };
        /**
         * @description Assumed metadata patch; at least one of the three fields. Other keys (`type`,
         *     `initial_data`, `status`…) are ignored.
         */
        UpdateSourceRequest: {
            name?: string;
            /** @description null clears it. */
            description?: string | null;
            /** @description A collection of the same space (else 404); null moves the source to the space root. */
            collectionId?: string | null;
        } | unknown | unknown | unknown;
        /** @description Reprocess options (docs). The body may be empty or absent (assumed); no option has a visible effect in the mock. */
        ReprocessRequest: {
            /**
             * @description Default assumed.
             * @default true
             */
            run_context_extraction: boolean;
            /**
             * @description Default assumed.
             * @default true
             */
            run_artifact_extraction: boolean;
            /**
             * @description true updates in place (docs default); false means "create new and enrich".
             * @default true
             */
            update_existing: boolean;
        };
        /** @description Refresh options (docs). The body may be empty or absent (assumed); no option has a visible effect in the mock. */
        RefreshRequest: {
            /**
             * @description Default assumed.
             * @default true
             */
            run_context_extraction: boolean;
            /**
             * @description Default assumed.
             * @default true
             */
            run_artifact_extraction: boolean;
        };
        /**
         * @description Fast-forward (docs): the temporary source's `type` (not COMPOSITION) and
         *     `initial_data` (same per-type rules as create, checked by the handler); optional
         *     `instructions`.
         */
        FastForwardRequest: {
            /** @enum {string} */
            type: "URI" | "FILE" | "CONTENT";
            initial_data: components["schemas"]["SourceInitialData"];
            instructions?: components["schemas"]["SourceInstructions"];
        };
        /**
         * @description Assumed shape (the vendor documents none): camelCase resource fields, with the
         *     snake_case request sub-objects (`initial_data`, `instructions`) echoed as sent.
         */
        Source: {
            id: components["schemas"]["Uuid"];
            spaceId: components["schemas"]["Uuid"];
            /** @description The collection holding the source; null at the space root. */
            collectionId: components["schemas"]["Uuid"] | null;
            userId: components["schemas"]["Uuid"];
            type: components["schemas"]["SourceType"];
            name: string;
            description: string | null;
            status: components["schemas"]["SourceStatus"];
            /** @description Failure detail when FAILED (mirrors the postback's `message`; name assumed); null otherwise. */
            message: string | null;
            pinned: boolean;
            initial_data: components["schemas"]["SourceInitialData"];
            instructions: components["schemas"]["SourceInstructions"];
            /** @description Set by the soft delete, cleared by restore; null when live. */
            deletedAt: components["schemas"]["Timestamp"] | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        /** @description Mock extension's envelope (assumed). */
        SourceList: {
            sources: components["schemas"]["Source"][];
            pagination: components["schemas"]["Pagination"];
        };
        /**
         * @description Body of the postback the mock **sends** to `instructions.postback_url` (docs). Not a
         *     request the mock receives; see `webhooks.sourceStatusNotification`.
         */
        PostbackNotification: {
            /** @constant */
            event: "SourceStatusNotification";
            sourceId: components["schemas"]["Uuid"];
            userId: components["schemas"]["Uuid"];
            spaceId: components["schemas"]["Uuid"];
            /** @enum {string} */
            status: "COMPLETED" | "FAILED" | "CANCELED";
            /** @description Error details, present for FAILED; left out otherwise (assumed). */
            message?: string;
        };
        /** @description Presign request (docs). All three required (assumed). */
        CreateUploadS3Request: {
            filename: string;
            /** @description Any media type (assumed); the uploaded bytes are served back with it. */
            contentType: string;
            /** @description Bytes; at most the mock's upload limit (52 428 800 by default, the server's `limits.upload`; the handler checks it, 400). */
            size: number;
        };
        /** @description Presign response (docs; value formats assumed). */
        UploadS3Response: {
            /** @description PUT the bytes here (in the mock, `/__uploads/{fileKey}` with expiry and signature query parameters). */
            uploadUrl: string;
            /** @description Where the file can be read once uploaded. */
            publicUrl: string;
            /** @description `uploads/{userId}/{uuid}/{filename}` (assumed); the `initial_data.data` of a FILE source. */
            fileKey: string;
        };
        /** @description Both optional (docs). Unknown keys are ignored. */
        CreateApiKeyRequest: {
            /** @description A label (≤255 assumed). */
            name?: string;
            /**
             * Format: date-time
             * @description When the key stops working (a past date is 400, checked by the handler; assumed).
             */
            expiration_date?: string;
        };
        /**
         * @description An API key without its secret (docs; snake_case). `expiration_date`, `revoked_at`
         *     and `name` are null when unset (assumed).
         */
        ApiKey: {
            id: components["schemas"]["Uuid"];
            /** @description The secret's first 12 characters (assumed), e.g. `ctx_8fK2qLmZ`. */
            key_prefix: string;
            name: string | null;
            expiration_date: components["schemas"]["Timestamp"] | null;
            created_at: components["schemas"]["Timestamp"];
            revoked_at: components["schemas"]["Timestamp"] | null;
            api_key?: never;
        };
        /** @description The create reply - an `ApiKey` plus the raw secret, shown this once. */
        CreatedApiKey: {
            id: components["schemas"]["Uuid"];
            /** @description The secret's first 12 characters (assumed). */
            key_prefix: string;
            name: string | null;
            expiration_date: components["schemas"]["Timestamp"] | null;
            created_at: components["schemas"]["Timestamp"];
            revoked_at: components["schemas"]["Timestamp"] | null;
            /** @description The raw key, `ctx_` + 40 base62 characters (assumed format). Never returned again. */
            api_key: string;
        };
        /** @description List envelope (docs; both keys required). Items never carry `api_key`. */
        ApiKeyList: {
            api_keys: components["schemas"]["ApiKey"][];
            pagination: components["schemas"]["Pagination"];
        };
    };
    responses: {
        /**
         * @description Invalid request (the envelope of Ctxfy's reference pages). `details` lists every failing field as
         *     `{field, message}`: `field` is a dotted path into the body, or a query parameter's
         *     name; a malformed JSON body or a non-JSON `Content-Type` is field `body`. Messages
         *     in `details` are the mock's own (assumed).
         */
        BadRequest: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BadRequestError"];
            };
        };
        /**
         * @description Invalid request, or the source's state does not allow the action (docs show 400 on
         *     every action page; bodies assumed). A broken precondition has one `details` entry on
         *     field `status` (or `type` for refresh, `deletedAt` for restore).
         */
        SourceActionRejected: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BadRequestError"];
            };
        };
        /**
         * @description Missing `Authorization`, wrong scheme, empty token, unknown, revoked or expired key:
         *     all the same body (the 401 shown on the reference pages), which does not tell them apart. No rate-limit headers.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Unauthorized",
                 *       "message": "Authentication required. Please provide a valid API token",
                 *       "code": 401
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Unknown, malformed or another user's id (never 403), a soft-deleted source on any
         *     route but restore, or an unknown route under `/ctxfy` (body as shown on the reference pages).
         */
        NotFound: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Not Found",
                 *       "message": "The requested resource was not found",
                 *       "code": 404
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is over the mock's size limit (assumed; the vendor publishes none). */
        PayloadTooLarge: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Payload Too Large",
                 *       "message": "Request body exceeds the limit of 1048576 bytes",
                 *       "code": 413
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Over the plan's per-minute limit (docs: status and `Retry-After`); body assumed.
         *     Off in the mock unless enabled by config or scenario.
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Too Many Requests",
                 *       "message": "Rate limit exceeded. Retry after 37 seconds",
                 *       "code": 429
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Unexpected error (body as shown on the reference pages; scenario-driven only).
         *     `requestId` is `req_` + 10 uppercase alphanumerics (assumed format; the pages show
         *     `req_1234567890`).
         */
        InternalServerError: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Internal Server Error",
                 *       "message": "An unexpected error occurred on the server",
                 *       "code": 500,
                 *       "requestId": "req_8KQ2Z7M1XA"
                 *     }
                 */
                "application/json": components["schemas"]["InternalError"];
            };
        };
    };
    parameters: {
        /**
         * @description Space id (opaque; unknown or malformed → 404).
         * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
         */
        SpaceId: string;
        /**
         * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
         * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
         */
        SourceId: string;
        /**
         * @description API key id (the key's `id`, not its secret; unknown → 404).
         * @example 9a7c1e52-6d3f-4b8a-9e1c-2f4d6b8a0c13
         */
        KeyId: string;
        /**
         * @description A `fileKey` from `POST /v1/upload/s3`, percent-encoded as a single path segment
         *     (its `/` as `%2F`), exactly as it appears in `uploadUrl` and `publicUrl`.
         * @example uploads%2F5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45%2F3f0e9d8c-7b6a-4f5e-8d4c-3b2a1f0e9d8c%2Fnotes.pdf
         */
        FileKey: string;
        /**
         * @description 1-based page number (assumed name and default; below 1 → 400).
         * @example 1
         */
        Page: number;
        /**
         * @description Items per page, 1–100 (assumed name, range and default; outside → 400).
         * @example 20
         */
        PerPage: number;
        /**
         * @description Seconds the presigned URL stays valid after issue (the mock writes 900).
         * @example 900
         */
        AmzExpires: number;
        /**
         * @description Signature of the presigned URL (the mock writes `mock` and does not check it).
         * @example mock
         */
        AmzSignature: string;
    };
    requestBodies: never;
    headers: {
        /** @description Whole seconds until the rate-limit window ends. */
        RetryAfter: number;
        /** @description Requests allowed per 60-second window for the user's plan (Free 10, Pro 100). */
        RateLimitLimit: number;
        /** @description Requests left in the current window. */
        RateLimitRemaining: number;
        /** @description Unix epoch seconds at which the current window ends (assumed format). */
        RateLimitReset: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service is up. Assumed body. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "checks": {
                     *         "database": "ok",
                     *         "queue": "ok"
                     *       },
                     *       "timestamp": "2026-02-19T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example # HELP ctxfy_http_requests_total Requests received, by operation.
                     *     # TYPE ctxfy_http_requests_total counter
                     *     ctxfy_http_requests_total{operation="createSource"} 3
                     *     ctxfy_http_requests_total{operation="createSpace"} 1
                     *     # HELP ctxfy_spaces Spaces stored.
                     *     # TYPE ctxfy_spaces gauge
                     *     ctxfy_spaces 1
                     *     # HELP ctxfy_sources Live sources, by status.
                     *     # TYPE ctxfy_sources gauge
                     *     ctxfy_sources{status="CREATED"} 0
                     *     ctxfy_sources{status="PENDING"} 0
                     *     ctxfy_sources{status="PROCESSING"} 1
                     *     ctxfy_sources{status="COMPLETED"} 2
                     *     ctxfy_sources{status="FAILED"} 0
                     *     ctxfy_sources{status="CANCELED"} 0
                     */
                    "text/plain": string;
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listSpaces: {
        parameters: {
            query?: {
                /**
                 * @description 1-based page number (assumed name and default; below 1 → 400).
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page, 1–100 (assumed name, range and default; outside → 400).
                 * @example 20
                 */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of spaces. Assumed body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpaceList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createSpace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Project Atlas",
                 *       "description": "Design docs and code for Atlas"
                 *     }
                 */
                "application/json": components["schemas"]["CreateSpaceRequest"];
            };
        };
        responses: {
            /** @description The new space. Assumed status and body. */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getSpace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Space id (opaque; unknown or malformed → 404).
                 * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
                 */
                spaceId: components["parameters"]["SpaceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The space. Assumed body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateSpace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Space id (opaque; unknown or malformed → 404).
                 * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
                 */
                spaceId: components["parameters"]["SpaceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSpaceRequest"];
            };
        };
        responses: {
            /** @description The updated space. Assumed status and body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21",
                     *       "name": "Project Atlas v2",
                     *       "description": "Design docs and code for Atlas",
                     *       "userId": "5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45",
                     *       "createdAt": "2026-02-19T10:00:00.000Z",
                     *       "updatedAt": "2026-02-19T10:05:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Space"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteSpace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Space id (opaque; unknown or malformed → 404).
                 * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
                 */
                spaceId: components["parameters"]["SpaceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted space. Assumed status and body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getCollectionTree: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Space id (opaque; unknown or malformed → 404).
                 * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
                 */
                spaceId: components["parameters"]["SpaceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tree. Assumed body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionTree"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Space id (opaque; unknown or malformed → 404).
                 * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
                 */
                spaceId: components["parameters"]["SpaceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCollectionRequest"];
            };
        };
        responses: {
            /** @description Collection created. Assumed status and body (the reference page shows `{}`). */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionNode"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description Space or parent collection not found (as documented on the reference page). */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "Not Found",
                     *       "message": "The requested resource was not found",
                     *       "code": 404
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Collection already exists (as documented on the reference page) — a sibling has the same name. */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "Conflict",
                     *       "message": "The request conflicts with the current state of the resource",
                     *       "code": 409,
                     *       "details": "Resource already exists"
                     *     }
                     */
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listSpaceSources: {
        parameters: {
            query?: {
                /**
                 * @description 1-based page number (assumed name and default; below 1 → 400).
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page, 1–100 (assumed name, range and default; outside → 400).
                 * @example 20
                 */
                per_page?: components["parameters"]["PerPage"];
                /**
                 * @description Only sources in this status.
                 * @example COMPLETED
                 */
                status?: components["schemas"]["SourceStatus"];
                /**
                 * @description Only sources in this collection.
                 * @example c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601
                 */
                collectionId?: string;
                /**
                 * @description Only pinned (true) or unpinned (false) sources.
                 * @example true
                 */
                pinned?: boolean;
                /**
                 * @description Include soft-deleted sources.
                 * @example false
                 */
                include_deleted?: boolean;
            };
            header?: never;
            path: {
                /**
                 * @description Space id (opaque; unknown or malformed → 404).
                 * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
                 */
                spaceId: components["parameters"]["SpaceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of sources. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sources": [
                     *         {
                     *           "id": "8a0f3d2b-4c5e-4f60-9b7c-0d1e2f3a4b5c",
                     *           "spaceId": "0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21",
                     *           "collectionId": null,
                     *           "userId": "5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45",
                     *           "type": "CONTENT",
                     *           "name": "My Source",
                     *           "description": null,
                     *           "status": "COMPLETED",
                     *           "message": null,
                     *           "pinned": true,
                     *           "initial_data": {
                     *             "data": "Your content here..."
                     *           },
                     *           "instructions": {
                     *             "postback_url": "http://127.0.0.1:9999/postbacks"
                     *           },
                     *           "deletedAt": null,
                     *           "createdAt": "2026-02-19T10:04:00.000Z",
                     *           "updatedAt": "2026-02-19T10:04:02.500Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "page": 1,
                     *         "per_page": 20,
                     *         "total": 1,
                     *         "pages": 1
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SourceList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Space id (opaque; unknown or malformed → 404).
                 * @example 0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21
                 */
                spaceId: components["parameters"]["SpaceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSourceRequest"];
            };
        };
        responses: {
            /** @description The new source, in `CREATED`. Assumed status and body (the reference page shows `{}`). */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /**
             * @description Invalid request (documented on the reference page): schema violations and the handler's per-type rules, one
             *     `details` entry per failing field (dotted path into the body).
             */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The space, or the `collectionId` (assumed), is not found. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "Not Found",
                     *       "message": "The requested resource was not found",
                     *       "code": 404
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The source. Assumed body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The source, with `deletedAt` set. Assumed status and body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSourceRequest"];
            };
        };
        responses: {
            /** @description The updated source. Assumed status and body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b",
                     *       "spaceId": "0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21",
                     *       "collectionId": "c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601",
                     *       "userId": "5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45",
                     *       "type": "URI",
                     *       "name": "Atlas README (main)",
                     *       "description": "The top-level README",
                     *       "status": "COMPLETED",
                     *       "message": null,
                     *       "pinned": false,
                     *       "initial_data": {
                     *         "url": "https://example.com/atlas/README.md"
                     *       },
                     *       "instructions": {
                     *         "postback_url": "https://your-server.com/webhooks/ctxfy"
                     *       },
                     *       "deletedAt": null,
                     *       "createdAt": "2026-02-19T10:03:00.000Z",
                     *       "updatedAt": "2026-02-19T10:10:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Source"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    toggleSourcePin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The source with `pinned` flipped. Assumed status and body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    restoreSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The restored source. Assumed status and body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "8a0f3d2b-4c5e-4f60-9b7c-0d1e2f3a4b5c",
                     *       "spaceId": "0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21",
                     *       "collectionId": null,
                     *       "userId": "5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45",
                     *       "type": "CONTENT",
                     *       "name": "My Source",
                     *       "description": null,
                     *       "status": "COMPLETED",
                     *       "message": null,
                     *       "pinned": false,
                     *       "initial_data": {
                     *         "data": "Your content here..."
                     *       },
                     *       "instructions": {
                     *         "postback_url": "http://127.0.0.1:9999/postbacks"
                     *       },
                     *       "deletedAt": null,
                     *       "createdAt": "2026-02-19T10:04:00.000Z",
                     *       "updatedAt": "2026-02-19T10:21:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Source"];
                };
            };
            400: components["responses"]["SourceActionRejected"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    reprocessSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReprocessRequest"];
            };
        };
        responses: {
            /** @description Reprocess initiated; the source, now `PENDING`. Assumed status and body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            400: components["responses"]["SourceActionRejected"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    refreshSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "run_context_extraction": true,
                 *       "run_artifact_extraction": false
                 *     }
                 */
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description The source, now `PENDING`. Assumed status and body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b",
                     *       "spaceId": "0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21",
                     *       "collectionId": "c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601",
                     *       "userId": "5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45",
                     *       "type": "URI",
                     *       "name": "Atlas README",
                     *       "description": null,
                     *       "status": "PENDING",
                     *       "message": null,
                     *       "pinned": false,
                     *       "initial_data": {
                     *         "url": "https://example.com/atlas/README.md"
                     *       },
                     *       "instructions": {
                     *         "postback_url": "https://your-server.com/webhooks/ctxfy"
                     *       },
                     *       "deletedAt": null,
                     *       "createdAt": "2026-02-19T10:03:00.000Z",
                     *       "updatedAt": "2026-02-19T10:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Source"];
                };
            };
            400: components["responses"]["SourceActionRejected"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    fastForwardSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FastForwardRequest"];
            };
        };
        responses: {
            /** @description The target source, now `PENDING`. Assumed status and body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            400: components["responses"]["SourceActionRejected"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    cancelSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Source id (opaque; unknown, malformed or soft-deleted → 404).
                 * @example 7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b
                 */
                sourceId: components["parameters"]["SourceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The source, now `CANCELED`. Assumed status and body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b",
                     *       "spaceId": "0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21",
                     *       "collectionId": "c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601",
                     *       "userId": "5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45",
                     *       "type": "URI",
                     *       "name": "Atlas README",
                     *       "description": null,
                     *       "status": "CANCELED",
                     *       "message": null,
                     *       "pinned": false,
                     *       "initial_data": {
                     *         "url": "https://example.com/atlas/README.md"
                     *       },
                     *       "instructions": {
                     *         "postback_url": "https://your-server.com/webhooks/ctxfy"
                     *       },
                     *       "deletedAt": null,
                     *       "createdAt": "2026-02-19T10:03:00.000Z",
                     *       "updatedAt": "2026-02-19T10:03:01.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Source"];
                };
            };
            400: components["responses"]["SourceActionRejected"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createUploadS3: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "filename": "notes.pdf",
                 *       "contentType": "application/pdf",
                 *       "size": 482133
                 *     }
                 */
                "application/json": components["schemas"]["CreateUploadS3Request"];
            };
        };
        responses: {
            /** @description Where to upload, and the key to use. Assumed status. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "uploadUrl": "http://127.0.0.1:4010/ctxfy/__uploads/uploads%2F5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45%2F3f0e9d8c-7b6a-4f5e-8d4c-3b2a1f0e9d8c%2Fnotes.pdf?X-Amz-Expires=900&X-Amz-Signature=mock",
                     *       "publicUrl": "http://127.0.0.1:4010/ctxfy/__uploads/uploads%2F5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45%2F3f0e9d8c-7b6a-4f5e-8d4c-3b2a1f0e9d8c%2Fnotes.pdf",
                     *       "fileKey": "uploads/5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45/3f0e9d8c-7b6a-4f5e-8d4c-3b2a1f0e9d8c/notes.pdf"
                     *     }
                     */
                    "application/json": components["schemas"]["UploadS3Response"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A `fileKey` from `POST /v1/upload/s3`, percent-encoded as a single path segment
                 *     (its `/` as `%2F`), exactly as it appears in `uploadUrl` and `publicUrl`.
                 * @example uploads%2F5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45%2F3f0e9d8c-7b6a-4f5e-8d4c-3b2a1f0e9d8c%2Fnotes.pdf
                 */
                fileKey: components["parameters"]["FileKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stored bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example %PDF-1.7 … */
                    "application/octet-stream": unknown;
                    /** @example %PDF-1.7 … */
                    "*/*": unknown;
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    putUpload: {
        parameters: {
            query?: {
                /**
                 * @description Seconds the presigned URL stays valid after issue (the mock writes 900).
                 * @example 900
                 */
                "X-Amz-Expires"?: components["parameters"]["AmzExpires"];
                /**
                 * @description Signature of the presigned URL (the mock writes `mock` and does not check it).
                 * @example mock
                 */
                "X-Amz-Signature"?: components["parameters"]["AmzSignature"];
            };
            header?: never;
            path: {
                /**
                 * @description A `fileKey` from `POST /v1/upload/s3`, percent-encoded as a single path segment
                 *     (its `/` as `%2F`), exactly as it appears in `uploadUrl` and `publicUrl`.
                 * @example uploads%2F5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45%2F3f0e9d8c-7b6a-4f5e-8d4c-3b2a1f0e9d8c%2Fnotes.pdf
                 */
                fileKey: components["parameters"]["FileKey"];
            };
            cookie?: never;
        };
        /** @description The file's bytes; an empty body stores an empty file, as S3 does. */
        requestBody?: {
            content: {
                /** @example %PDF-1.7 … */
                "application/octet-stream": unknown;
                /** @example %PDF-1.7 … */
                "*/*": unknown;
            };
        };
        responses: {
            /** @description Stored. Empty body, as S3 answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            /** @description The presigned URL has expired. Assumed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "Forbidden",
                     *       "message": "Request has expired",
                     *       "code": 403
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /**
                 * @description 1-based page number (assumed name and default; below 1 → 400).
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page, 1–100 (assumed name, range and default; outside → 400).
                 * @example 20
                 */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of keys. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "api_keys": [
                     *         {
                     *           "id": "9a7c1e52-6d3f-4b8a-9e1c-2f4d6b8a0c13",
                     *           "key_prefix": "ctx_8fK2qLmZ",
                     *           "name": "CI key",
                     *           "expiration_date": "2026-12-31T00:00:00.000Z",
                     *           "created_at": "2026-02-19T10:00:00.000Z",
                     *           "revoked_at": null
                     *         },
                     *         {
                     *           "id": "1b3d5f70-8a9c-4e1f-b2d4-6f8a0c2e4b61",
                     *           "key_prefix": "ctx_Q7wE2rT9",
                     *           "name": null,
                     *           "expiration_date": null,
                     *           "created_at": "2026-02-18T09:00:00.000Z",
                     *           "revoked_at": "2026-02-19T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "page": 1,
                     *         "per_page": 20,
                     *         "total": 2,
                     *         "pages": 1
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyRequest"];
            };
        };
        responses: {
            /** @description The new key, with its secret. Assumed status. */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9a7c1e52-6d3f-4b8a-9e1c-2f4d6b8a0c13",
                     *       "key_prefix": "ctx_8fK2qLmZ",
                     *       "name": "CI key",
                     *       "expiration_date": "2026-12-31T00:00:00.000Z",
                     *       "created_at": "2026-02-19T10:00:00.000Z",
                     *       "revoked_at": null,
                     *       "api_key": "ctx_8fK2qLmZ4tWb9XcR1nVd7HjP3sQe6uYa0kGi5oLf"
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description API key id (the key's `id`, not its secret; unknown → 404).
                 * @example 9a7c1e52-6d3f-4b8a-9e1c-2f4d6b8a0c13
                 */
                keyId: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key. Assumed status and body. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9a7c1e52-6d3f-4b8a-9e1c-2f4d6b8a0c13",
                     *       "key_prefix": "ctx_8fK2qLmZ",
                     *       "name": "CI key",
                     *       "expiration_date": "2026-12-31T00:00:00.000Z",
                     *       "created_at": "2026-02-19T10:00:00.000Z",
                     *       "revoked_at": "2026-02-19T11:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    sourceStatusNotification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostbackNotification"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any non-2xx (or a timeout) makes the sender retry. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
