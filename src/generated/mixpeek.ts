// Generated from specs/mixpeek.yaml by scripts/gen.mjs (openapi-typescript). Do not edit: run `npm run gen`.

export interface paths {
    "/v1/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a collection
         * @description Creates a collection synchronously; `output_schema` is known at once. Same handler and
         *     reply as `POST /v1/collections/create` (the legacy path). Accepts the current form
         *     (`feature_extractor`) and the legacy form (`feature_extractors[]`); see
         *     `CreateCollectionRequest`. Checks after schema validation (the handler's): neither
         *     `feature_extractor` nor a non-empty `feature_extractors` → 422 `missing` at
         *     `["body","feature_extractor"]`; `type: bucket` without a bucket, or `type: collection`
         *     without exactly one of `collection_id`/`collection_ids` → 422 `value_error`; name taken
         *     in the namespace → 409; a source bucket or upstream collection missing → 404
         *     (Decision); extractor not in the catalog → 404 `Feature extractor <name> version
         *     <version> not found in registry.`; source buckets with different schemas → 400
         *     (Assumption); a current-form `input_mappings` value that is not a field of the input
         *     schema → 400 `The source field '<x>' does not exist in the source schema.` (not
         *     checked for the legacy `input_mapping`).
         */
        post: operations["createCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a collection (legacy path)
         * @description The legacy create path, from Mixpeek's earlier (2025) API reference page (gone from
         *     the vendor's current API, still served by the mock): the
         *     same handler, body and reply as `POST /v1/collections`. `GET /v1/collections/create`
         *     is a lookup of a collection named `create` (404 unless one exists).
         */
        post: operations["createCollectionLegacy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List collections
         * @description The namespace's collections, oldest first unless `sort` says otherwise (Assumption).
         *     `search` is a substring match over `collection_id`, `collection_name` and
         *     `description` (case-insensitive unless `case_sensitive`); `filters` use the filter
         *     grammar of `LogicalOperator` over the collection as returned. Paging comes from the
         *     query (`limit`, `offset`, `cursor`); the body is optional.
         */
        post: operations["listCollections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{collection_identifier}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a collection
         * @description By id or name (id first). `document_count` is live.
         */
        get: operations["getCollection"];
        put?: never;
        post?: never;
        /**
         * Delete a collection
         * @description Synchronous: the collection and its documents are gone at once. Collections that use
         *     it as a source are left alone (Assumption). Decision: the body (typed `{}` by the
         *     vendor) is `{"success": true, "message": "Successfully deleted", "collection_id"}`.
         */
        delete: operations["deleteCollection"];
        options?: never;
        head?: never;
        /**
         * Update a collection
         * @description Free-form body (the vendor's spec types it as any object). Mutable: `collection_name`
         *     (3–100 characters, unique in the namespace → 409), `description`, `enabled`,
         *     `metadata`, `taxonomy_applications` (defaults filled, `output_collection` alias as on
         *     create) and (Decision) `cluster_applications`, `alert_applications`,
         *     `retriever_enrichments`, `schedule`. Any other field of `CollectionResponse`
         *     (`source`, `feature_extractor`, `collection_id`, the schemas…) → 400 `Fields cannot
         *     be updated: <fields>`; unknown keys are ignored. Bumps `updated_at`.
         */
        patch: operations["updateCollection"];
        trace?: never;
    };
    "/v1/collections/features/extractors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the extractor catalog
         * @description Every built-in extractor, in catalog order (the mock's `fixtures/mixpeek/extractors.json`).
         *     Public: no `Authorization` needed. Never paginated.
         */
        get: operations["listFeatureExtractors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/features/extractors/{feature_extractor_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one extractor
         * @description Public. An unknown id gives 404 (`details: {"resource": "feature_extractor", "id": …}`).
         */
        get: operations["getFeatureExtractor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{collection_identifier}/documents/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List documents
         * @description The collection's documents, oldest first unless `sort` says otherwise. `filters` and
         *     `search` apply to the document's root fields; `select` keeps only the named root
         *     fields (plus `document_id`, `collection_id`); `group_by` returns `groups` instead of
         *     `results`. Vectors are left out unless `return_vectors` is true. A `cursor` in the
         *     body is honoured like the query one. No `total_count` (the vendor's model has none).
         */
        post: operations["listDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{collection_identifier}/documents/{document_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a document
         * @description The collection must exist (404 `collection`) and hold the document (else 404
         *     `document`). Extractor vectors are included only with `return_vectors=true`;
         *     `return_presigned_urls=true` adds `presigned_url` to each blob reference.
         */
        get: operations["getDocument"];
        /**
         * Replace a document's fields
         * @description The body becomes the document's root fields (those it had and the body lacks are
         *     dropped); `document_id`, `collection_id`, `_internal`, the blobs and the vectors stay.
         *     A dotted key sets a nested field. Vector fields, `document_id`, `collection_id` and
         *     `_internal` cannot be written (400 naming them). A changed `text` is embedded again, so
         *     retrievers rank by the new text at once; other changes reach filters at once.
         */
        put: operations["updateDocument"];
        post?: never;
        /**
         * Delete a document
         * @description Same lookups as get; `document_count` drops by one.
         */
        delete: operations["deleteDocument"];
        options?: never;
        head?: never;
        /**
         * Update some of a document's fields
         * @description The body is merged into the document's root fields (a nested object replaces the
         *     field it names; a dotted key, `metadata.status`, sets one nested field). Same rules as
         *     the PUT otherwise.
         */
        patch: operations["patchDocument"];
        trace?: never;
    };
    "/v1/collections/{collection_identifier}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a document
         * @description A document written directly into the collection (no object, no extractor run). Keys
         *     beyond the documented ones become root fields, as `metadata` does; each of
         *     `features[]` adds its `payload` fields at the root and its named dense vectors under
         *     their names. The document's `text` field (a text extractor's output) and the vector
         *     under the collection's text index make it searchable by retrievers: a vector of the
         *     embedder's dimension given under that index's name is used as it is; otherwise the
         *     text is embedded by the mock's embedder. `collection_id` in the body must name the
         *     collection of the path (400 otherwise, Assumption). Lineage fields are stored under
         *     `_internal.lineage`.
         */
        post: operations["createDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{collection_identifier}/documents/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update every document a filter matches
         * @description `update_data` is merged into every document `filters` matches (every document of the
         *     collection without `filters`); a dotted key (`metadata.status`) sets that nested field.
         *     Vectors cannot be updated (400, naming them); nor can `document_id`, `collection_id` or
         *     `_internal`. A changed `text` is embedded again, so retrievers rank by the new text at
         *     once. Filters take the list filters' grammar, and the Qdrant-style form the vendor's
         *     examples show (`{"must": [{"key": "metadata.status", "value": "pending"}]}`).
         */
        patch: operations["bulkUpdateDocuments"];
        trace?: never;
    };
    "/v1/collections/{collection_identifier}/documents/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update documents by id, or by filter
         * @description Either `updates` (each `document_id` with its own `update_data`; per-document results,
         *     a missing document is a failed result, not an error) or `filters` with `update_data`
         *     (every match gets the same update; `results` empty). Both modes, or neither, → 400
         *     (Assumption). Updates follow the bulk update's rules.
         */
        post: operations["batchUpdateDocuments"];
        /**
         * Delete documents by id, or by filter
         * @description Either `document_ids` (per-document results; a missing one is a failed result) or
         *     `filters` (every match is deleted; `results` empty). Both, or neither, → 400
         *     (Assumption). Deleted documents leave the collection's index at once.
         */
        delete: operations["batchDeleteDocuments"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{collection_identifier}/documents/{document_id}/lineage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A document's lineage
         * @description Where the document comes from, root first: the bucket object it was made from (with
         *     whether that object still exists) and the document itself with the collection and
         *     extractor that made it. The vendor types the reply as a free object; this shape is
         *     the mock's (Assumption).
         */
        get: operations["getDocumentLineage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objects/{object_id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every document made from an object
         * @description The documents of every collection of the namespace whose lineage starts at the
         *     object, oldest first; `collection_ids` (ids or names, repeated) keeps those
         *     collections only. 404 when the namespace neither holds the object nor any document
         *     made from it (documents outlive their object). The vendor types the reply as a free
         *     object; this shape is the mock's (Assumption).
         */
        get: operations["getObjectDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retrievers/stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stages a retriever can run
         * @description The stage registry: the stages the mock runs, each with its category, icon and the
         *     JSON Schema of its `parameters`. Public, as the vendor's document declares no
         *     credential for it. A retriever naming a stage not listed here is refused (400).
         */
        get: operations["listRetrieverStages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retrievers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a retriever
         * @description A named pipeline of stages over collections of the namespace. Names are unique in the
         *     namespace (409). `collection_identifiers` take ids or names (404 for an unknown one);
         *     every stage's `config.stage_id` must be in the registry (400 naming the stages there
         *     are), its `stage_type`, when given, must be that stage's category (400), stage names
         *     are unique within the retriever (400, Assumption: statistics are keyed by them), and
         *     templates may only look inputs up (`{{INPUT.query}}`; 400 for any other expression).
         *     Stage parameters are checked when the retriever runs, once templates are filled in.
         */
        post: operations["createRetriever"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retrievers/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List retrievers
         * @description The namespace's retrievers, oldest first unless `sorts` says otherwise (the first sort
         *     applies). `search` looks in the id, name, description and tags; `filters` take the list
         *     filters' grammar over the retriever as a get returns it. `total` counts every match;
         *     `pagination` (not in the vendor's response model, which has no place for the next
         *     cursor the `cursor` parameter needs) is the list endpoints' pagination object.
         */
        post: operations["listRetrievers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retrievers/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a pipeline without saving it
         * @description The same checks and the same run as a saved retriever's execute, for stages given in
         *     the request; nothing is saved but the execution, listed by the ad-hoc executions
         *     endpoints. Replies carry `X-Execution-Mode: adhoc` and
         *     `execution_metadata.retriever_persisted: false`. With `stream: true`, Server-Sent
         *     Events as the execute of a saved retriever.
         */
        post: operations["executeAdhocRetriever"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retrievers/executions/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List ad-hoc executions
         * @description The namespace's ad-hoc executions, newest first; `status` keeps one status,
         *     `start_time`/`end_time` (ISO 8601, inclusive) a time window. Default page size 20
         *     (the vendor's description).
         */
        post: operations["listAdhocExecutions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retrievers/executions/{execution_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One ad-hoc execution
         * @description An ad-hoc execution of the namespace (404 for an unknown one, or a saved retriever's).
         */
        get: operations["getAdhocExecution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retrievers/{retriever_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a retriever
         * @description By id or name.
         */
        get: operations["getRetriever"];
        put?: never;
        post?: never;
        /**
         * Delete a retriever
         * @description Synchronous; its execution history goes with it. The vendor types the reply as `{}`;
         *     this body is the mock's (Assumption).
         */
        delete: operations["deleteRetriever"];
        options?: never;
        head?: never;
        /**
         * Update a retriever's metadata
         * @description Name (409 when another retriever has it), description, tags, display configuration,
         *     visibility and marketplace fields; `version` goes up by one. Core logic is immutable:
         *     `stages`, `input_schema`, `collection_identifiers` or `collection_ids` in the body are
         *     refused with 400 (clone the retriever instead).
         */
        patch: operations["patchRetriever"];
        trace?: never;
    };
    "/v1/retrievers/{retriever_id}/clone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clone a retriever
         * @description A new retriever (new id, version 1) with the source's configuration; every field of
         *     the body but `retriever_name` overrides the source's. The name must be free in the
         *     namespace (409); the new configuration gets the create checks.
         */
        post: operations["cloneRetriever"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retrievers/{retriever_id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a retriever
         * @description Binds `inputs` to the retriever's `input_schema` (defaults filled in; a missing
         *     required input or a value of the wrong type is a 422 at `["body", "inputs", …]`),
         *     fills the stage templates, runs the stages in order over the shared search engine,
         *     then pages the final documents (`pagination`: `cursor` by default, 20 a page;
         *     `offset`, `keyset` and `scroll` too). Documents carry `score`. Statistics per stage
         *     are modelled, not measured (so the same data gives the same figures); the execution
         *     is recorded. With `stream: true` the reply is Server-Sent Events, `data: {json}` lines,
         *     each a `RetrieverStreamEvent`: `stage_start` and `stage_complete` per stage, then
         *     `execution_complete` with the page; a stage that fails at run time sends `stage_error`
         *     and `execution_error` and ends the stream. Checks that fail before the first stage
         *     runs (404, 422, 400) are answered as JSON errors whatever `stream` says.
         */
        post: operations["executeRetriever"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retrievers/{retriever_id}/execute/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A retriever's execution plan
         * @description The stages as they would run (the mock applies no optimization: the plan is the
         *     retriever's stages, in order), with document counts from a dry run on the current
         *     data and the same modelled costs an execution reports. `inputs` are optional:
         *     missing ones take the field's `default`, then its first `examples` entry, then a
         *     representative value of its type. Nothing is recorded.
         */
        post: operations["explainRetriever"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retrievers/{retriever_id}/executions/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A retriever's executions
         * @description Newest first (a `sorts` entry, `{field, direction}`, overrides); `status` keeps one
         *     status; `filters` take the list filters' grammar over the summaries. Default page
         *     size 20.
         */
        post: operations["listRetrieverExecutions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retrievers/{retriever_id}/executions/{execution_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One execution of a retriever
         * @description The execution with the documents it returned, its pagination and its statistics.
         */
        get: operations["getRetrieverExecution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/namespaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a namespace
         * @description Organization-scoped (no `X-Namespace`). `namespace_name` must be unique in the
         *     organization (409, Assumption). Every `feature_extractors` entry must name a catalog
         *     extractor, else 404 `Feature extractor <name> version <version> not found in
         *     registry.`; each gets `feature_extractor_id`. The mock adds the five protected payload
         *     indexes the vendor creates (`internal_id`, `namespace_id`, `collection_id` as tenant
         *     keywords; `document_id`, `bucket_id`) before any given ones.
         */
        post: operations["createNamespace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/namespaces/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List namespaces
         * @description The organization's namespaces (the implicit `default` one included once it exists),
         *     oldest first. `search` matches `namespace_id`, `namespace_name` and `description`.
         *     Paging from the query; the body is optional.
         */
        post: operations["listNamespaces"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/namespaces/{namespace_identifier}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a namespace
         * @description By id or name. A namespace being deleted no longer resolves (404).
         */
        get: operations["getNamespace"];
        put?: never;
        post?: never;
        /**
         * Delete a namespace
         * @description Asynchronous: returns a task receipt (Decision: the vendor types the body `{}`). The
         *     namespace stops resolving at once (404); its buckets, objects, collections and
         *     documents are removed when the task completes (`PENDING → IN_PROGRESS → COMPLETED`,
         *     poll `GET /v1/tasks/{task_id}`, task type `api_namespaces_delete`).
         */
        delete: operations["deleteNamespace"];
        options?: never;
        head?: never;
        /**
         * Update a namespace
         * @description Partial update of `namespace_name` (unique in the organization → 409),
         *     `description`, `payload_indexes` (Assumption: replaces the caller-given indexes; the
         *     five protected ones stay), `auto_create_indexes`, `infrastructure`. Bumps `updated_at`.
         */
        patch: operations["updateNamespace"];
        trace?: never;
    };
    "/v1/buckets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a bucket
         * @description `bucket_name` must be unique in the namespace (409). `bucket_schema` and `unique_key`
         *     are immutable afterwards. Status starts `ACTIVE`.
         */
        post: operations["createBucket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/buckets/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List buckets
         * @description The vendor pages this list in the body (`limit` 1–1000, default 10; `offset` ≥ 0,
         *     default 0). Decision: the query parameters of the other lists are accepted too, and
         *     win over the body. Buckets being deleted are listed with status `IN_PROGRESS` until
         *     their task completes.
         */
        post: operations["listBuckets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/buckets/{bucket_identifier}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a bucket
         * @description By id or name; counts and sizes are live.
         */
        get: operations["getBucket"];
        put?: never;
        post?: never;
        /**
         * Delete a bucket
         * @description Asynchronous: returns a task receipt (fields from the vendor's description). The
         *     bucket shows `status: IN_PROGRESS` until the task (`api_buckets_delete`) completes,
         *     then 404; its objects go with it. A deleting bucket cannot become a collection's source
         *     (404). Collections that source from it keep their `source` (Assumption).
         */
        delete: operations["deleteBucket"];
        options?: never;
        head?: never;
        /**
         * Update a bucket
         * @description Partial update of `bucket_name` (unique in the namespace → 409), `description`,
         *     `metadata`. The schema and unique key are immutable (unknown fields are ignored).
         *     Bumps `updated_at`.
         */
        patch: operations["updateBucket"];
        trace?: never;
    };
    "/v1/buckets/{bucket_identifier}/objects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register an object
         * @description Registers an object (status `DRAFT`). Each blob's `property` must be a field of the
         *     bucket schema and its `type` must match that field (400, Assumption); each blob needs
         *     exactly one of `data` and `upload_id` (422 `value_error`). Extra top-level fields (e.g.
         *     `metadata`) are kept and echoed. With `?auto_process=true` the object runs
         *     `PENDING → PROCESSING → COMPLETED` on the mock's clock and then feeds every enabled
         *     collection of the namespace whose source includes the bucket (and whose
         *     `prefix_key`/filters match): one document each.
         *
         *     Unique keys (only when the bucket has `unique_key`): `policy` (or the bucket's
         *     `default_policy`) `insert` on an existing key → 409, `update` on a missing key → 404,
         *     `upsert` creates or replaces; neither given → 400.
         */
        post: operations["createObject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/buckets/{bucket_identifier}/objects/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List objects
         * @description The bucket's objects, oldest first unless `sort` says otherwise. `filters` see the
         *     object's fields and metadata; `search` matches `object_id` and `key_prefix`; `select`
         *     keeps only the named fields (always `object_id` and `bucket_id`). No `total_count`.
         */
        post: operations["listObjects"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/buckets/{bucket_identifier}/objects/{object_identifier}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an object
         * @description By object id, inside the bucket (else 404 `object`).
         */
        get: operations["getObject"];
        put?: never;
        post?: never;
        /**
         * Delete an object
         * @description 204 with no body. Documents derived from it are kept (Assumption).
         */
        delete: operations["deleteObject"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task
         * @description Polls the tasks of asynchronous deletes (buckets, namespaces) of the caller's
         *     organization. Statuses run `PENDING → IN_PROGRESS → COMPLETED` on the mock's clock.
         *     Unknown → 404.
         */
        get: operations["getTask"];
        put?: never;
        post?: never;
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
        /** @description The envelope of every non-2xx reply, 422 included (Decision). `null` members are left out. */
        ErrorResponse: {
            /** @description Always `false`. */
            success: boolean;
            /** @description The HTTP status, repeated. */
            status: number;
            error: components["schemas"]["ErrorDetail"];
        };
        ErrorDetail: {
            message: string;
            /** @description `BadRequestError`, `UnauthorizedError`, `ForbiddenError`, `QuotaExceededError`, `NotFoundError`, `MethodNotAllowedError`, `AlreadyExistsError`, `PayloadTooLargeError`, `ValidationError`, `TooManyRequestsError`, `InternalServerError`. */
            type: string;
            /** @description Structured facts (`resource` and `id`/`name`, `validation_errors`…); absent when there are none. */
            details?: {
                validation_errors?: components["schemas"]["ValidationErrorEntry"][];
            } & {
                [key: string]: unknown;
            };
        };
        /** @description One request-validation problem, in pydantic v2's words. */
        ValidationErrorEntry: {
            /** @description pydantic error type, e.g. `missing`, `string_too_short`, `extra_forbidden`, `value_error`. */
            type: string;
            /** @description `body`/`query`/`path`/`header`, then the field path; array indexes are integers. */
            location: (string | number)[];
            /** @description e.g. `Field required`, `String should have at least 3 characters`. */
            message: string;
        };
        /**
         * @description ISO 8601. Resources use naive UTC with six fractional digits
         *     (`2025-10-13T13:58:06.664000`); document `_internal` uses `2025-10-31T10:00:00Z`. A
         *     pattern rather than `format: date-time`, which would demand a zone.
         */
        Timestamp: string;
        /** @description `ns_` + 10 lowercase hex. */
        NamespaceId: string;
        /** @description `bkt_` + 8 lowercase hex. */
        BucketId: string;
        /** @description `col_` + 10 alphanumerics. */
        CollectionId: string;
        /** @description `obj_` + 12 lowercase hex (length an Assumption). */
        ObjectId: string;
        /** @description `doc_` + 24 lowercase hex. */
        DocumentIdValue: string;
        /** @description `blob_` + 12 lowercase hex (length an Assumption). */
        BlobId: string;
        /** @description `task_` + 24 lowercase hex (Assumption). */
        TaskId: string;
        /**
         * @description The vendor's shared status enum. Terminal: `COMPLETED`, `COMPLETED_WITH_ERRORS`,
         *     `FAILED`, `CANCELED`; `ACTIVE`/`ARCHIVED`/`SUSPENDED` are entity lifecycle values.
         * @enum {string}
         */
        TaskStatusEnum: "PENDING" | "IN_PROGRESS" | "PROCESSING" | "COMPLETED" | "COMPLETED_WITH_ERRORS" | "FAILED" | "CANCELED" | "UNKNOWN" | "SKIPPED" | "DRAFT" | "ACTIVE" | "ARCHIVED" | "SUSPENDED";
        /** @enum {string} */
        SourceType: "bucket" | "collection" | "taxonomy" | "cluster";
        /**
         * @description Field types of a bucket schema (`json`/`document`, seen in some docs, are not accepted → 422).
         * @enum {string}
         */
        BucketSchemaFieldType: "string" | "number" | "integer" | "float" | "boolean" | "object" | "array" | "date" | "datetime" | "text" | "image" | "audio" | "video" | "pdf" | "excel";
        /** @description One field of a bucket schema (or of a collection's input/output schema). Extra keys are kept. */
        BucketSchemaField: {
            type: components["schemas"]["BucketSchemaFieldType"];
            /** @description Default value (any JSON). */
            default?: unknown;
            items?: components["schemas"]["BucketSchemaField"];
            properties?: {
                [key: string]: components["schemas"]["BucketSchemaField"];
            };
            examples?: unknown[];
            description?: string;
            enum?: unknown[];
            /** @description Whether objects must carry this field (the vendor's default is false; the mock echoes only what was sent). */
            required?: boolean;
        } & {
            [key: string]: unknown;
        };
        /** @description `{"properties": {<field>: BucketSchemaField}}`. Extra keys are kept. */
        BucketSchema: {
            properties: {
                [key: string]: components["schemas"]["BucketSchemaField"];
            };
        } & {
            [key: string]: unknown;
        };
        /** @enum {string} */
        FilterOperator: "eq" | "ne" | "gt" | "lt" | "gte" | "lte" | "in" | "nin" | "contains" | "starts_with" | "ends_with" | "regex" | "exists" | "is_null" | "text";
        /**
         * @description One condition. `in`/`nin` take an array; `exists`/`is_null` a boolean; `text` is a
         *     case-insensitive token match. A `{"type": "dynamic", "field": …}` value is
         *     retriever-only: 400 in list and source filters (Decision).
         */
        FilterCondition: {
            /** @description Dot path, e.g. `metadata.title`; through arrays it matches if any element does. */
            field: string;
            /** @description Default `eq` (applied by the handler, not by request validation, which must not add keys to filter groups). */
            operator?: components["schemas"]["FilterOperator"];
            /** @description Any JSON value. */
            value: unknown;
            /** @description Overrides the enclosing operator's `case_sensitive` for this condition. */
            case_sensitive?: boolean;
        };
        /** @description A condition or a nested group. */
        FilterNode: components["schemas"]["FilterCondition"] | components["schemas"]["LogicalOperator"];
        /**
         * @description The filter grammar of list bodies, `source.source_filters.filters`, the legacy
         *     `source.filters` and `scroll_filters`. `AND`: all hold; `OR`: at least one; `NOT`: none
         *     of the listed holds (an array, or a single node). Other keys are shorthand equality
         *     (`{"metadata.title": "x"}`), and a bare condition at the top is one condition. Strings
         *     compare case-insensitively unless `case_sensitive` (default false). `null` members
         *     mean absent; the mock never sends them. Structural checks beyond this schema (unknown
         *     operator shapes, depth) are the handler's (400).
         */
        LogicalOperator: {
            AND?: components["schemas"]["FilterNode"][] | null;
            OR?: components["schemas"]["FilterNode"][] | null;
            NOT?: components["schemas"]["FilterNode"][] | components["schemas"]["FilterNode"] | null;
            /** @description Default false (applied by the handler; a schema default would be copied into every nested condition). */
            case_sensitive?: boolean | null;
        } & {
            [key: string]: unknown;
        };
        SortOption: {
            /** @description Dot path, e.g. `created_at`. */
            field: string;
            /**
             * @default asc
             * @enum {string}
             */
            direction: "asc" | "desc";
        };
        /**
         * @description Without `include_total`: `page_size`, and `next_cursor` unless this is the last page.
         *     With it: also `total`, `page` (offset / limit + 1) and `total_pages`. `next_page` and
         *     `previous_page` are never sent by the mock.
         */
        PaginationResponse: {
            total?: number;
            page?: number;
            page_size?: number;
            total_pages?: number;
            next_page?: string;
            previous_page?: string;
            next_cursor?: string;
        };
        /** @description A source field copied into every document (renamed by `target_path`). */
        FieldPassthrough: {
            source_path: string;
            target_path?: string;
            /** @description Value when the source field is missing (any JSON). */
            default?: unknown;
            /** @default false */
            required: boolean;
        };
        InputMapping: {
            input_key: string;
            /** @enum {string} */
            source_type?: "payload" | "literal" | "vector";
            path?: string;
            /** @description Any JSON value. */
            override?: unknown;
        };
        /**
         * @description The extractor of a collection, in the current form and the legacy one (legacy fields
         *     are marked). The id is `{feature_extractor_name}_{version}`; it must be in the catalog
         *     (404 otherwise).
         */
        FeatureExtractorConfig: {
            /** @example text_extractor */
            feature_extractor_name: string;
            /** @example v1 */
            version: string;
            params?: {
                [key: string]: unknown;
            } | null;
            /** @description Extractor parameters. Decision: any object is accepted and echoed (the vendor discriminates by `extractor_type`). */
            parameters?: {
                [key: string]: unknown;
            } | null;
            /**
             * @description Extractor input → source field, e.g. `{"text": "description"}`, or an array of
             *     `InputMapping`. Each map value must be a field of the input schema (400).
             */
            input_mappings?: {
                [key: string]: string;
            } | components["schemas"]["InputMapping"][];
            /** @description Legacy alias of `input_mappings` (not checked against the input schema); both are echoed. */
            input_mapping?: {
                [key: string]: unknown;
            };
            /** @description Legacy field; stored and echoed. */
            output_mapping?: {
                [key: string]: unknown;
            };
            /** @description Legacy field (`single`, `multiple`); any string accepted. */
            document_output_type?: string;
            /** @description Legacy field (`individual`, `grouped`); any string accepted. */
            document_input_handling?: string;
            /** @description Legacy field (`create_new`…); any string accepted. */
            document_output_handling?: string;
            field_passthrough?: components["schemas"]["FieldPassthrough"][];
            /** @default false */
            include_all_source_fields: boolean;
        };
        SourceFilters: {
            /** @description The filter applied to source objects (or upstream documents); `null` means none. */
            filters?: components["schemas"]["LogicalOperator"] | null;
        };
        /**
         * @description Where documents come from. `type: bucket` needs at least one bucket (`bucket_ids`, or
         *     the legacy `bucket_id`; both → their union) and allows no collection fields;
         *     `type: collection` needs exactly one of `collection_id` and `collection_ids`
         *     (422 `value_error`, checked by the handler). Every source must exist (404).
         */
        SourceConfig: {
            type: components["schemas"]["SourceType"];
            /** @description Bucket ids or names. */
            bucket_ids?: string[] | null;
            /** @description Legacy alias for a single bucket. */
            bucket_id?: string | null;
            /** @description Upstream collection (id or name) for `type: collection`. */
            collection_id?: string | null;
            collection_ids?: string[] | null;
            inherited_bucket_ids?: string[] | null;
            source_filters?: components["schemas"]["SourceFilters"] | null;
            /** @description Legacy alias of `source_filters.filters`. */
            filters?: components["schemas"]["LogicalOperator"] | null;
            /** @description Legacy field; only objects whose `key_prefix` starts with it feed the collection. */
            prefix_key?: string | null;
            /** @description Read buckets from another namespace of the organization (bucket sources only). */
            source_namespace_id?: string | null;
        };
        /** @description Stored and echoed; the mock sets a `trigger_id` but never runs the schedule. */
        CollectionScheduleConfig: {
            /** @description `cron` or `interval`. */
            trigger_type: string;
            schedule_config: {
                [key: string]: unknown;
            };
            description?: string;
        };
        /**
         * @description Extra keys are refused (422 `extra_forbidden`), except the legacy `output_collection`,
         *     an alias of `target_collection_id`; replies carry both keys. Taxonomies are not
         *     checked to exist (out of scope).
         */
        TaxonomyApplicationConfig: {
            taxonomy_id: string;
            /**
             * @default materialize
             * @enum {string}
             */
            execution_mode: "materialize";
            target_collection_id?: string;
            /** @description Legacy alias of `target_collection_id`. */
            output_collection?: string;
            scroll_filters?: components["schemas"]["LogicalOperator"];
            /** @default 1 */
            execution_phase: number;
            /** @default 0 */
            priority: number;
            /**
             * @default combined
             * @enum {string}
             */
            hierarchical_enrichment_style: "full_chain" | "best_match" | "combined";
        };
        ClusterApplicationConfig: {
            cluster_id: string;
            /** @default true */
            auto_execute_on_batch: boolean;
            min_document_threshold?: number;
            /** @default 3600 */
            cooldown_seconds: number;
            /** @default 2 */
            execution_phase: number;
            /** @default 0 */
            priority: number;
        };
        InputMappingSource: {
            /** @enum {string} */
            source_type: "document_field" | "constant";
            path?: string;
            /** @description Any JSON value. */
            value?: unknown;
        };
        EnrichmentInputMapping: {
            input_key: string;
            source: components["schemas"]["InputMappingSource"];
        };
        /** @description Extra keys are refused (422 `extra_forbidden`). Alerts are not checked to exist. */
        AlertApplicationConfig: {
            alert_id: string;
            /**
             * @default on_ingest
             * @enum {string}
             */
            execution_mode: "on_ingest" | "scheduled" | "on_demand";
            input_mappings: components["schemas"]["EnrichmentInputMapping"][];
            /**
             * @default 3
             * @enum {integer}
             */
            execution_phase: 1 | 2 | 3 | 4;
            /** @default 0 */
            priority: number;
        };
        WriteBackFieldMapping: {
            source_field: string;
            target_field: string;
            /**
             * @default first
             * @enum {string}
             */
            mode: "first" | "all_as_array" | "concat";
        };
        /** @description Retrievers are not checked to exist. */
        RetrieverEnrichmentConfig: {
            retriever_id: string;
            input_mappings: components["schemas"]["EnrichmentInputMapping"][];
            write_back_fields: components["schemas"]["WriteBackFieldMapping"][];
            /**
             * @default 4
             * @enum {integer}
             */
            execution_phase: 1 | 2 | 3 | 4;
            /** @default 0 */
            priority: number;
            scroll_filters?: components["schemas"]["LogicalOperator"];
            /** @default true */
            enabled: boolean;
        };
        /** @description Legacy (part of `cache_config`). */
        CacheInvalidationEvent: {
            collection?: string;
            action?: string;
            /** @description `immediate`, `background`, `lazy` in the legacy API; any string accepted. */
            recompute_strategy?: string;
            retriever_id?: string;
        };
        /**
         * @description Legacy (absent from the current API). Accepted, stored and echoed only when sent,
         *     with the defaults filled in. No caching behaviour.
         */
        CacheConfig: {
            /** @default true */
            enabled: boolean;
            /** @default 604800 */
            ttl_seconds: number;
            /**
             * @description `replace_if_better`, `replace_always`, `keep_existing` in the legacy API; any string accepted.
             * @default replace_if_better
             */
            invalidation_strategy: string;
            /** @default 5 */
            max_entries_per_key: number;
            score_threshold?: number;
            invalidation_events?: components["schemas"]["CacheInvalidationEvent"][];
            retriever_configs?: {
                [key: string]: unknown;
            };
        };
        /** @description Legacy field; accepted and stored, never echoed (the legacy reply lacks it too). */
        DocumentHandling: {
            output_type?: string;
        };
        /**
         * @description Current form (`feature_extractor`, `source.bucket_ids`, `source.source_filters`) and
         *     legacy form (`feature_extractors[]`, `input_mapping`, `source.bucket_id`,
         *     `source.filters`, `source.prefix_key`, `document_handling`, `cache_config`,
         *     `taxonomy_applications[].output_collection`) in one schema; unknown fields are
         *     ignored. One of `feature_extractor` and a non-empty `feature_extractors` is needed:
         *     the handler answers 422 `missing` at `["body","feature_extractor"]` when both are
         *     absent (not expressed here, to keep that one error). With both, `feature_extractor`
         *     wins; with only the legacy array, its first entry is the collection's extractor and
         *     every entry's outputs join `output_schema`.
         */
        CreateCollectionRequest: {
            /** @description Unique in the namespace (409). No pattern is enforced. */
            collection_name: string;
            description?: string | null;
            source: components["schemas"]["SourceConfig"];
            /** @description Defaults to the source bucket's schema (the first bucket's), or the upstream collection's `output_schema`. */
            input_schema?: components["schemas"]["BucketSchema"] | null;
            feature_extractor?: components["schemas"]["FeatureExtractorConfig"];
            /** @description Legacy form; may hold several extractors. */
            feature_extractors?: components["schemas"]["FeatureExtractorConfig"][];
            /** @default true */
            enabled: boolean;
            metadata?: {
                [key: string]: unknown;
            } | null;
            schedule?: components["schemas"]["CollectionScheduleConfig"] | null;
            taxonomy_applications?: components["schemas"]["TaxonomyApplicationConfig"][] | null;
            cluster_applications?: components["schemas"]["ClusterApplicationConfig"][] | null;
            alert_applications?: components["schemas"]["AlertApplicationConfig"][] | null;
            retriever_enrichments?: components["schemas"]["RetrieverEnrichmentConfig"][] | null;
            document_handling?: components["schemas"]["DocumentHandling"];
            cache_config?: components["schemas"]["CacheConfig"];
        };
        /**
         * @description Free-form (the vendor's spec types the body as any object); the handler applies the
         *     mutable fields and refuses immutable ones (see the operation). Mutable fields:
         *     `collection_name` (3–100), `description`, `enabled`, `metadata`,
         *     `taxonomy_applications`, `cluster_applications`, `alert_applications`,
         *     `retriever_enrichments`, `schedule`. The mutable fields are typed as on create
         *     (422 otherwise), so a stored collection always matches `CollectionResponse`.
         */
        UpdateCollectionRequest: {
            collection_name?: string;
            description?: string | null;
            enabled?: boolean;
            metadata?: {
                [key: string]: unknown;
            } | null;
            schedule?: components["schemas"]["CollectionScheduleConfig"] | null;
            taxonomy_applications?: components["schemas"]["TaxonomyApplicationConfig"][] | null;
            cluster_applications?: components["schemas"]["ClusterApplicationConfig"][] | null;
            alert_applications?: components["schemas"]["AlertApplicationConfig"][] | null;
            retriever_enrichments?: components["schemas"]["RetrieverEnrichmentConfig"][] | null;
        } & {
            [key: string]: unknown;
        };
        /** @description The stored extractor configuration plus its id; legacy fields are echoed when they were sent. */
        FeatureExtractorConfigResponse: {
            feature_extractor_name: string;
            version: string;
            /** @description `{feature_extractor_name}_{version}`. */
            feature_extractor_id: string;
            params?: {
                [key: string]: unknown;
            };
            parameters?: {
                [key: string]: unknown;
            };
            input_mappings?: {
                [key: string]: string;
            } | components["schemas"]["InputMapping"][];
            /** @description Legacy field; same value as `input_mappings`. */
            input_mapping?: {
                [key: string]: unknown;
            };
            /** @description Legacy field. */
            output_mapping?: {
                [key: string]: unknown;
            };
            /** @description Legacy field. */
            document_output_type?: string;
            /** @description Legacy field. */
            document_input_handling?: string;
            /** @description Legacy field. */
            document_output_handling?: string;
            field_passthrough?: components["schemas"]["FieldPassthrough"][];
            include_all_source_fields?: boolean;
        };
        /**
         * @description The normalised source: `bucket_ids` as resolved ids, plus `bucket_id` (the first, for
         *     legacy clients); `source_filters` whichever spelling was sent; `prefix_key` when
         *     given.
         */
        SourceConfigResponse: {
            type: components["schemas"]["SourceType"];
            bucket_ids?: string[];
            /** @description Legacy key; the first of `bucket_ids`. */
            bucket_id?: string;
            collection_id?: string;
            collection_ids?: string[];
            inherited_bucket_ids?: string[];
            source_filters?: components["schemas"]["SourceFilters"];
            /** @description Legacy field. */
            prefix_key?: string;
            source_namespace_id?: string;
        };
        /** @description Legacy shape of a lineage entry's `bucket_config` / `collection_config`. */
        LegacySourceConfig: {
            type?: components["schemas"]["SourceType"];
            bucket_id?: string;
            prefix_key?: string;
            collection_id?: string;
            filters?: components["schemas"]["LogicalOperator"];
        };
        /**
         * @description One processing tier (upstream tiers first, this collection's last). Current keys
         *     (`source_config`, `feature_extractor`, `output_schema`) and the legacy ones (`source_type`,
         *     `collection_id`, `bucket_id`, `bucket_config`, `collection_config`,
         *     `feature_extractors`) side by side.
         */
        SourceLineageEntry: {
            source_config: components["schemas"]["SourceConfigResponse"];
            feature_extractor: components["schemas"]["FeatureExtractorConfigResponse"];
            output_schema: components["schemas"]["BucketSchema"];
            source_type?: components["schemas"]["SourceType"];
            /** @description Legacy key; the collection this tier produced. */
            collection_id?: string;
            /** @description Legacy field. */
            bucket_id?: string;
            bucket_config?: components["schemas"]["LegacySourceConfig"];
            collection_config?: components["schemas"]["LegacySourceConfig"];
            /** @description Legacy field. */
            feature_extractors?: components["schemas"]["FeatureExtractorConfigResponse"][];
        };
        /**
         * @description A vector index of the collection, from the catalog entry's `required_vector_indexes`:
         *     `name` = `index.name` (the document field, e.g. `text_extractor_v1_embedding`),
         *     `size` = `index.dimensions`, `distance` = `index.distance`.
         */
        CollectionVectorIndex: {
            name: string;
            size?: number;
            distance?: string;
            /** @description `mixpeek://{extractor}@{version}/{output name}`. */
            feature_uri?: string;
        };
        /**
         * @description A collection as stored. Always carries the fields the vendor's SDK requires
         *     (`collection_name`, `input_schema`, `output_schema`, `feature_extractor`, `source`).
         *     Legacy fields: `status` (always `DONE`), `feature_extractors`, `cache_config` (when
         *     sent), and the legacy keys of `source_lineage` entries. `null`s are left out.
         */
        CollectionResponse: {
            collection_id?: components["schemas"]["CollectionId"];
            collection_name: string;
            description?: string;
            input_schema: components["schemas"]["BucketSchema"];
            /** @description Passed-through fields (typed from the input schema) plus the extractor's output fields. */
            output_schema: components["schemas"]["BucketSchema"];
            feature_extractor: components["schemas"]["FeatureExtractorConfigResponse"];
            /** @description Legacy field; every extractor of the collection (`[feature_extractor]` for the current form). */
            feature_extractors?: components["schemas"]["FeatureExtractorConfigResponse"][];
            source: components["schemas"]["SourceConfigResponse"];
            /** @description Bucket id → schema snapshot; only for multi-bucket sources. */
            source_bucket_schemas?: {
                [key: string]: components["schemas"]["BucketSchema"];
            };
            source_lineage?: components["schemas"]["SourceLineageEntry"][];
            vector_indexes?: components["schemas"]["CollectionVectorIndex"][];
            payload_indexes?: components["schemas"]["PayloadIndexConfig"][];
            /** @description Disabled collections receive no new documents. */
            enabled?: boolean;
            metadata?: {
                [key: string]: unknown;
            };
            schedule?: components["schemas"]["CollectionScheduleConfig"];
            /** @description Set when a schedule is configured (`trg_…`, Assumption). */
            trigger_id?: string;
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
            document_count?: number;
            schema_version?: number;
            last_schema_sync?: components["schemas"]["Timestamp"];
            schema_sync_enabled?: boolean;
            taxonomy_applications?: components["schemas"]["TaxonomyApplicationConfig"][];
            cluster_applications?: components["schemas"]["ClusterApplicationConfig"][];
            alert_applications?: components["schemas"]["AlertApplicationConfig"][];
            retriever_enrichments?: components["schemas"]["RetrieverEnrichmentConfig"][];
            taxonomy_count?: number;
            retriever_count?: number;
            /**
             * @description Always `active` in the mock (storage tiering is out of scope).
             * @enum {string}
             */
            lifecycle_state?: "active" | "cold" | "archived";
            /**
             * @description Legacy field; collections are created synchronously, so always `DONE`.
             * @enum {string}
             */
            status?: "DONE";
            cache_config?: components["schemas"]["CacheConfig"];
        };
        ListCollectionsRequest: {
            filters?: components["schemas"]["LogicalOperator"] | null;
            sort?: components["schemas"]["SortOption"] | null;
            search?: string | null;
            /** @default false */
            case_sensitive: boolean;
        };
        CollectionListStats: {
            total_documents?: number;
            avg_documents_per_collection?: number;
            collections_with_taxonomies?: number;
            total_feature_extractors?: number;
            total_taxonomies?: number;
            total_retrievers?: number;
        };
        ListCollectionsResponse: {
            results: components["schemas"]["CollectionResponse"][];
            pagination: components["schemas"]["PaginationResponse"];
            /** @description Every match, whatever the page. */
            total_count: number;
            stats?: components["schemas"]["CollectionListStats"];
        };
        /** @description Decision (the vendor types the body `{}`). */
        CollectionDeleteResponse: {
            success: boolean;
            message: string;
            collection_id: components["schemas"]["CollectionId"];
        };
        /** @description Storage of one vector output. The mock uses `name` (the document field), `dimensions` and `distance`. */
        VectorIndex: {
            /** @description Full storage name, e.g. `text_extractor_v1_embedding`; also the document field holding the vector. */
            name?: string;
            description: string;
            dimensions?: number;
            /** @enum {string} */
            type: "dense" | "sparse" | "multi_dense";
            /** @default cosine */
            distance: string;
            /**
             * @default float32
             * @enum {string}
             */
            datatype: "float32" | "uint8";
            supported_inputs?: string[];
            inference_name?: string;
        };
        /** @description A vector output of an extractor (the vendor's `VectorIndexDefinition`; `type` is always `single` in the mock's catalog). */
        VectorIndexDefinition: {
            /** @description Short output name used in feature URIs, e.g. `embedding`. */
            name: string;
            description: string;
            /** @enum {string} */
            type: "single" | "multi";
            index: components["schemas"]["VectorIndex"];
            feature_uri?: string;
        };
        /** @enum {string} */
        PayloadSchemaType: "keyword" | "integer" | "float" | "bool" | "geo" | "datetime" | "text" | "uuid";
        PayloadIndexConfig: {
            field_name: string;
            type: components["schemas"]["PayloadSchemaType"];
            /** @description Index parameters, e.g. `{"type": "keyword", "is_tenant": true}`. */
            field_schema?: {
                [key: string]: unknown;
            };
            /** @default false */
            is_protected: boolean;
        };
        CostRate: {
            /** @enum {string} */
            unit: "minute" | "image" | "1k_tokens" | "page" | "face" | "extraction";
            credits_per_unit: number;
            description?: string;
        };
        CostsInfo: {
            tier: number;
            tier_label: string;
            rates: components["schemas"]["CostRate"][];
        };
        /**
         * @description A catalog entry (the vendor's `FeatureExtractorResponseModel`). `output_schema` is
         *     bucket-schema shaped: its `properties` join a collection's `output_schema`.
         *     `required_vector_indexes` give the collection's `vector_indexes` and the embedding
         *     fields of its documents. `parameter_schema` is left out when the extractor has none.
         */
        FeatureExtractor: {
            feature_extractor_name: string;
            version: string;
            /** @description `{feature_extractor_name}_{version}`. */
            feature_extractor_id: string;
            description: string;
            icon: string;
            /**
             * @default builtin
             * @enum {string}
             */
            source: "builtin" | "custom" | "community";
            /** @description JSON Schema of the extractor's inputs (the keys of `input_mappings`). */
            input_schema: {
                [key: string]: unknown;
            };
            output_schema: components["schemas"]["BucketSchema"];
            /** @description JSON Schema of `parameters`. */
            parameter_schema?: {
                [key: string]: unknown;
            };
            supported_input_types: string[];
            max_inputs: {
                [key: string]: number;
            };
            default_parameters: {
                [key: string]: unknown;
            };
            costs?: components["schemas"]["CostsInfo"];
            required_vector_indexes: components["schemas"]["VectorIndexDefinition"][];
            required_payload_indexes: components["schemas"]["PayloadIndexConfig"][];
            /** @description Output fields that identify a document within its source object; empty for one document per object. */
            position_fields?: string[];
        };
        BlobURLRef: {
            field: string;
            url: string;
            /**
             * @default source
             * @enum {string}
             */
            role: "source" | "processed" | "thumbnail" | "artifact" | "aux";
            /**
             * @default other
             * @enum {string}
             */
            type: "video" | "image" | "audio" | "text" | "pdf" | "other";
            filename?: string;
            size_bytes?: number;
            content_type?: string;
            checksum?: string;
            created_at?: components["schemas"]["Timestamp"];
            source_blob_id?: string;
            /** @description Only with `return_presigned_urls=true`. */
            presigned_url?: string;
        };
        InternalLineage: {
            root_object_id?: string;
            root_bucket_id?: string;
            /** @enum {string} */
            source_type?: "bucket" | "collection";
            source_object_id?: string;
            source_document_id?: string;
            source_collection_id?: string;
            /** @description e.g. `bkt_6a3a022d/col_6ca83499cd`. */
            path?: string;
            chain?: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        /** @description System fields of a document. */
        InternalPayload: {
            /** @description The organization's internal id. */
            internal_id?: string;
            namespace_id?: string;
            document_id?: string;
            collection_id?: string;
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
            lineage?: components["schemas"]["InternalLineage"];
            processing?: {
                [key: string]: unknown;
            };
            source_blobs?: {
                [key: string]: unknown;
            }[];
            document_blobs?: {
                [key: string]: unknown;
            }[];
            source_details?: {
                [key: string]: unknown;
            }[];
            modality?: string;
            /** @description e.g. `{"ingestion_status": "COMPLETED"}`. */
            metadata?: {
                [key: string]: unknown;
            };
            mime_type?: string;
            size_bytes?: number;
            content_hash?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description A document. User fields sit at the root: passed-through source fields and extractor
         *     outputs (embedding fields only with `return_vectors`).
         */
        DocumentResponse: {
            document_id: components["schemas"]["DocumentIdValue"];
            collection_id: components["schemas"]["CollectionId"];
            document_blobs?: components["schemas"]["BlobURLRef"][];
            _internal?: components["schemas"]["InternalPayload"];
        } & {
            [key: string]: unknown;
        };
        ListDocumentsRequest: {
            filters?: components["schemas"]["LogicalOperator"] | null;
            sort?: components["schemas"]["SortOption"] | null;
            search?: string | null;
            /** @description Same as the query `cursor` (the query one wins). */
            cursor?: string | null;
            /**
             * @description Adds `presigned_url` to blob references.
             * @default false
             */
            return_url: boolean | null;
            /** @default false */
            return_vectors: boolean | null;
            /** @description Dot path to group on; the reply then has `groups` instead of `results`. */
            group_by?: string | null;
            select?: string[] | null;
        };
        DocumentGroup: {
            /** @description The grouped value (any JSON). */
            group_key: unknown;
            documents: components["schemas"]["DocumentResponse"][];
            count: number;
        };
        DocumentListStats: {
            total_documents?: number;
            avg_blobs_per_document?: number;
            total_groups?: number;
            avg_documents_per_group?: number;
        };
        ListDocumentsResponse: {
            results?: components["schemas"]["DocumentResponse"][];
            groups?: components["schemas"]["DocumentGroup"][];
            pagination: components["schemas"]["PaginationResponse"];
            stats?: components["schemas"]["DocumentListStats"];
            group_by_field?: string;
        };
        GenericDeleteResponse: {
            /** @default Successfully deleted */
            message: string;
            /** @default true */
            success: boolean;
        };
        LineageStep: {
            collection_id: string;
            feature_extractor_id: string;
            document_id?: string | null;
            timestamp?: string;
        };
        /** @description One extractor's output for a created document. */
        FeatureModel: {
            feature_extractor_id: string;
            /** @description Fields added at the document's root. */
            payload?: {
                [key: string]: unknown;
            };
            /**
             * @description Named dense vectors (`{"<name>": [floats]}`), stored under their names. Sparse and
             *     multi-vectors are accepted and stored the same way, but never ranked by.
             */
            vectors?: {
                [key: string]: unknown;
            } | null;
        } & {
            [key: string]: unknown;
        };
        DocumentCreateRequest: {
            /** @description The collection of the path (its id or name). */
            collection_id: string;
            root_object_id?: string | null;
            root_bucket_id?: string | null;
            source_type?: ("bucket" | "collection") | null;
            source_collection_id?: string | null;
            source_document_id?: string | null;
            source_object_id?: string | null;
            lineage_path?: string | null;
            lineage_chain?: components["schemas"]["LineageStep"][];
            document_schema_version?: string | null;
            metadata?: {
                [key: string]: unknown;
            };
            features?: components["schemas"]["FeatureModel"][];
            /** @description Blob references of the document. */
            document_blobs?: components["schemas"]["BlobURLRef"][];
        } & {
            [key: string]: unknown;
        };
        /** @description The document's new root fields (any keys). */
        DocumentUpdateRequest: {
            [key: string]: unknown;
        };
        /** @description Root fields to set (any keys; dotted keys set nested fields). */
        PatchDocumentRequest: {
            [key: string]: unknown;
        };
        BulkUpdateDocumentsRequest: {
            filters?: components["schemas"]["LogicalOperator"] | null;
            update_data: {
                [key: string]: unknown;
            };
        };
        BulkUpdateDocumentsResponse: {
            updated_count: number;
            /** @default Documents updated successfully */
            message: string;
        };
        BatchDocumentUpdate: {
            document_id: string;
            update_data: {
                [key: string]: unknown;
            };
        };
        BatchUpdateDocumentsRequest: {
            updates?: components["schemas"]["BatchDocumentUpdate"][] | null;
            filters?: components["schemas"]["LogicalOperator"] | null;
            update_data?: {
                [key: string]: unknown;
            } | null;
        };
        BatchDocumentResult: {
            document_id: string;
            success: boolean;
            error?: string;
        };
        BatchUpdateDocumentsResponse: {
            updated_count: number;
            /** @default 0 */
            failed_count: number;
            results?: components["schemas"]["BatchDocumentResult"][];
            message?: string;
        };
        BatchDeleteDocumentsRequest: {
            document_ids?: string[] | null;
            filters?: components["schemas"]["LogicalOperator"] | null;
        };
        BatchDeleteDocumentsResponse: {
            deleted_count: number;
            /** @default 0 */
            failed_count: number;
            results?: components["schemas"]["BatchDocumentResult"][];
            message?: string;
        };
        /** @description One hop of a document's lineage. */
        LineageHop: {
            /** @enum {string} */
            type: "object" | "document";
            bucket_id?: string;
            object_id?: string;
            /** @description Whether the object is still in its bucket. */
            exists?: boolean;
            collection_id?: string;
            collection_name?: string;
            document_id?: string;
            feature_extractor_id?: string;
        };
        DocumentLineageResponse: {
            document_id: components["schemas"]["DocumentIdValue"];
            collection_id: components["schemas"]["CollectionId"];
            root_object_id?: string;
            root_bucket_id?: string;
            source_type?: string;
            path?: string;
            /** @description Processing steps from the root object to this document. */
            depth: number;
            steps: components["schemas"]["LineageHop"][];
        };
        ObjectDocumentsResponse: {
            object_id: string;
            total_documents: number;
            /** @description The collections holding at least one of the documents. */
            collection_ids: string[];
            documents: components["schemas"]["DocumentResponse"][];
        };
        /** @enum {string} */
        RetrieverInputSchemaFieldType: "string" | "number" | "integer" | "float" | "boolean" | "object" | "array" | "date" | "datetime" | "text" | "image" | "audio" | "video" | "pdf" | "excel" | "document_reference";
        /**
         * @description One input. A value is checked against `type` (text-like and file types take strings;
         *     `integer`, `number`/`float`, `boolean`, `array`, `object` their JSON types;
         *     `document_reference` a string or an object) and `enum`; a missing one takes `default`,
         *     and a missing one without a default is an error when `required`.
         */
        RetrieverInputSchemaField: {
            type: components["schemas"]["RetrieverInputSchemaFieldType"];
            default?: unknown;
            items?: components["schemas"]["RetrieverInputSchemaField"] | null;
            properties?: {
                [key: string]: components["schemas"]["RetrieverInputSchemaField"];
            } | null;
            examples?: unknown[] | null;
            description?: string | null;
            enum?: unknown[] | null;
            /** @default false */
            required: boolean | null;
        } & {
            [key: string]: unknown;
        };
        /** @description Input fields by name. */
        RetrieverInputSchema: {
            [key: string]: components["schemas"]["RetrieverInputSchemaField"];
        };
        /** @enum {string} */
        StageType: "filter" | "sort" | "reduce" | "apply" | "enrich";
        /**
         * @description One stage of a pipeline. `config.stage_id` names a registered stage (the legacy
         *     `config.stage_name` is read when `stage_id` is absent); `config.parameters` are the
         *     stage's, and `config.pre_filters` / `config.post_filters` (siblings of `parameters`,
         *     the list filters' grammar) filter the documents before and after the stage. Strings
         *     of the form `{{INPUT.field}}` (also `inputs.` and `input.`, any case) are replaced by
         *     the input's value when the retriever runs (a whole-string template keeps the value's
         *     type; a missing input leaves the parameter out); other template namespaces and
         *     expressions are refused with 400. A filter value `{"type": "dynamic", "field":
         *     "inputs.x"}` is the input's value too.
         */
        StageConfig: {
            stage_name: string;
            /** @description The stage's category; filled in from the registry when absent. */
            stage_type?: components["schemas"]["StageType"] | null;
            config: {
                [key: string]: unknown;
            };
            batch_size?: string | null;
            description?: string | null;
        };
        /**
         * @description Limits on one execution's modelled credits and milliseconds (see the execute
         *     operation); an execution that goes over stops with 400 `Budget exceeded` and is
         *     recorded as failed.
         */
        BudgetLimits: {
            max_credits?: number | null;
            max_time_ms?: number | null;
        };
        /** @enum {string} */
        RetrieverVisibility: "private" | "public" | "marketplace";
        CreateRetrieverRequest: {
            retriever_name: string;
            description?: string | null;
            visibility?: components["schemas"]["RetrieverVisibility"];
            marketplace_listing_id?: string | null;
            /** @default false */
            requires_subscription: boolean;
            collection_identifiers?: string[];
            stages: components["schemas"]["StageConfig"][];
            input_schema?: components["schemas"]["RetrieverInputSchema"];
            budget_limits?: components["schemas"]["BudgetLimits"];
            tags?: string[];
            display_config?: {
                [key: string]: unknown;
            } | null;
        };
        FeatureAddress: {
            /** @default mixpeek */
            scheme: string;
            extractor: string;
            version: string;
            output?: string;
        };
        /**
         * @description A retriever as create, patch and clone answer it. `feature_dependencies` lists the
         *     feature URIs its `feature_search` stages name (templated ones left out).
         */
        RetrieverConfig: {
            retriever_id: components["schemas"]["RetrieverIdValue"];
            retriever_name: string;
            description?: string;
            collection_ids: components["schemas"]["CollectionId"][];
            stages: components["schemas"]["StageConfig"][];
            input_schema: components["schemas"]["RetrieverInputSchema"];
            budget_limits?: components["schemas"]["BudgetLimits"];
            feature_dependencies?: components["schemas"]["FeatureAddress"][];
            tags: string[];
            display_config?: {
                [key: string]: unknown;
            };
            version: number;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            created_by?: string;
            updated_by?: string;
        };
        /** @description A retriever as get and list answer it. */
        RetrieverModel: components["schemas"]["RetrieverConfig"] & {
            /** @description Always false (publishing is not served). */
            is_published: boolean;
            marketplace_listing_id?: string;
        };
        /** @example ret_7f3a9c2e1b4d6a8c */
        RetrieverIdValue: string;
        /** @example exec_3c5e7a9b1d2f4e6a */
        ExecutionIdValue: string;
        CreateRetrieverResponse: {
            retriever: components["schemas"]["RetrieverConfig"];
        };
        PatchRetrieverRequest: {
            retriever_name?: string | null;
            description?: string | null;
            visibility?: components["schemas"]["RetrieverVisibility"] | null;
            marketplace_listing_id?: string | null;
            requires_subscription?: boolean | null;
            tags?: string[] | null;
            display_config?: {
                [key: string]: unknown;
            } | null;
        };
        PatchRetrieverResponse: {
            retriever: components["schemas"]["RetrieverConfig"];
        };
        CloneRetrieverRequest: {
            retriever_name: string;
            description?: string | null;
            collection_identifiers?: string[] | null;
            stages?: components["schemas"]["StageConfig"][] | null;
            input_schema?: components["schemas"]["RetrieverInputSchema"] | null;
            budget_limits?: components["schemas"]["BudgetLimits"] | null;
            tags?: string[] | null;
            display_config?: {
                [key: string]: unknown;
            } | null;
        };
        CloneRetrieverResponse: {
            retriever: components["schemas"]["RetrieverConfig"];
            source_retriever_id: components["schemas"]["RetrieverIdValue"];
        };
        RetrieverDeleteResponse: {
            success: boolean;
            message: string;
            retriever_id: components["schemas"]["RetrieverIdValue"];
        };
        ListRetrieversRequest: {
            search?: string | null;
            filters?: components["schemas"]["LogicalOperator"] | null;
            sorts?: components["schemas"]["SortOption"][] | null;
            /** @default false */
            case_sensitive: boolean;
        };
        ListRetrieversResponse: {
            results: components["schemas"]["RetrieverModel"][];
            total: number;
            pagination: components["schemas"]["PaginationResponse"];
        };
        /** @enum {string} */
        StageCategory: "filter" | "sort" | "reduce" | "apply" | "enrich";
        RetrieverStageDefinition: {
            stage_id: string;
            description: string;
            category: components["schemas"]["StageCategory"];
            icon: string;
            parameter_schema?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description How the final documents are paged. `method` defaults to `cursor`; without a
         *     `pagination` the page size is 20 (the vendor's description), with one, 10 (its
         *     models' default). `cursor` and `keyset` take `limit` (1–500), `offset` `page_size`
         *     (1–500) and `page_number`, `scroll` `limit` (1–1000) and `scroll_ttl` (60–3600 s).
         *     A cursor is the `pagination.cursor` of the previous page; keyset's `after` is the
         *     previous page's `next_cursor`; a scroll keeps the first page's documents (a
         *     snapshot) for `scroll_ttl` seconds of the mock's clock.
         */
        ExecutionPagination: {
            /** @enum {string} */
            method?: "offset" | "cursor" | "scroll" | "keyset";
            limit?: number;
            cursor?: string | null;
            page_size?: number;
            page_number?: number;
            after?: {
                [key: string]: unknown;
            } | null;
            scroll_id?: string | null;
            scroll_ttl?: number;
        };
        ExecuteRetrieverRequest: {
            inputs?: {
                [key: string]: unknown;
            };
            pagination?: components["schemas"]["ExecutionPagination"];
            /** @default false */
            stream: boolean;
        };
        AdhocExecuteRequest: {
            collection_identifiers?: string[];
            input_schema: components["schemas"]["RetrieverInputSchema"];
            stages: components["schemas"]["StageConfig"][];
            inputs: {
                [key: string]: unknown;
            };
            budget_limits?: components["schemas"]["BudgetLimits"] | null;
            /** @default false */
            stream: boolean;
        };
        /**
         * @description One stage's figures. `duration_ms` is modelled from the work the stage did (documents
         *     scanned, searches run), not timed, so the same data gives the same figures; `metadata`
         *     names the stage and what it did.
         */
        StageStatistics: {
            input_count: number;
            output_count: number;
            duration_ms: number;
            efficiency: number;
            cache_hit?: boolean;
            error?: string;
            llm_calls?: number;
            tokens_used?: number;
            metadata?: {
                [key: string]: unknown;
            };
        };
        RetrieverExecutionStatistics: {
            /** @description By stage name. */
            stages: {
                [key: string]: components["schemas"]["StageStatistics"];
            };
            total_time_ms: number;
            credits_used: number;
        };
        /** @description A document as an execution returns it, with its score. */
        RetrievedDocument: components["schemas"]["DocumentResponse"] & {
            /**
             * @description The last scoring stage's: a cosine for dense feature search, BM25 for a
             *     `bm25_sparse` one, reciprocal rank fusion for both; 0 for documents an
             *     attribute filter fetched.
             */
            score: number;
        };
        ExecutionBudget: {
            credits_used: number;
            time_used_ms: number;
            credits_remaining?: number;
            max_credits?: number;
            max_time_ms?: number;
        };
        /**
         * @description `cursor`: `method`, `page_size`, `has_next` and, while more remain, `cursor` (the next
         *     page's). `offset`: `method`, `total`, `limit`, `offset`, `has_next`, `has_previous`.
         *     `keyset`: `method`, `has_next` and `next_cursor` (`{score, id}` of the page's last
         *     document, the next request's `after`). `scroll`: `method`, `scroll_id`, `has_next`.
         */
        ExecutionPage: {
            /** @enum {string} */
            method?: "offset" | "cursor" | "scroll" | "keyset";
            cursor?: string;
            page_size?: number;
            has_next: boolean;
            has_previous?: boolean;
            total?: number;
            limit?: number;
            offset?: number;
            next_cursor?: {
                score?: number;
                id?: string;
            };
            scroll_id?: string;
        };
        ExecutionGroup: {
            /** @description The grouped value (any JSON; null for documents without it). */
            group_key: unknown;
            /** @description Documents with this value, before any per-group limit. */
            count: number;
            documents: components["schemas"]["RetrievedDocument"][];
        };
        /**
         * @description An execution. `documents` is the page; `groups` appears when a grouping stage ran
         *     (the page's documents by group), `facets` when a feature search asked for them
         *     (value counts over that stage's results). The vendor types this reply as a free
         *     object; the fields are its execution detail's, plus `execution_metadata`.
         */
        ExecuteRetrieverResponse: {
            execution_id: components["schemas"]["ExecutionIdValue"];
            /** @enum {string} */
            status: "completed";
            documents: components["schemas"]["RetrievedDocument"][];
            pagination: components["schemas"]["ExecutionPage"];
            stage_statistics: components["schemas"]["RetrieverExecutionStatistics"];
            budget: components["schemas"]["ExecutionBudget"];
            /** @description Always false (the mock runs the stages as written). */
            optimization_applied: boolean;
            created_at: components["schemas"]["Timestamp"];
            completed_at: components["schemas"]["Timestamp"];
            stages_completed: number;
            total_stages: number;
            groups?: components["schemas"]["ExecutionGroup"][];
            facets?: {
                [key: string]: {
                    value: unknown;
                    count: number;
                }[];
            };
            execution_metadata: {
                /** @enum {string} */
                execution_mode: "saved" | "adhoc";
                retriever_persisted: boolean;
                retriever_id?: components["schemas"]["RetrieverIdValue"];
            };
        };
        /**
         * @description One Server-Sent Event's `data` (a `data: {json}` line, no `event:` field, as the
         *     vendor describes them). Every event has `event_type` and `execution_id`; stage events
         *     add `stage_name`, `stage_index` and `total_stages`; `stage_complete` adds the stage's
         *     output `documents`, its `statistics` and `budget_used` so far; `execution_complete`
         *     has the page (`documents`, `pagination`), `stage_statistics` and `budget`;
         *     `stage_error` and `execution_error` carry `error`.
         */
        RetrieverStreamEvent: {
            /** @enum {string} */
            event_type: "stage_start" | "stage_complete" | "stage_error" | "execution_complete" | "execution_error";
            execution_id: components["schemas"]["ExecutionIdValue"];
            stage_name?: string;
            stage_index?: number;
            total_stages?: number;
            documents?: components["schemas"]["RetrievedDocument"][];
            statistics?: components["schemas"]["StageStatistics"];
            budget_used?: {
                credits_used: number;
                time_elapsed_ms: number;
                tokens_used: number;
            };
            pagination?: components["schemas"]["ExecutionPage"];
            stage_statistics?: components["schemas"]["RetrieverExecutionStatistics"];
            budget?: components["schemas"]["ExecutionBudget"];
            groups?: components["schemas"]["ExecutionGroup"][];
            /** @enum {string} */
            status?: "completed" | "failed";
            error?: string;
        };
        ExplainRetrieverRequest: {
            inputs?: {
                [key: string]: unknown;
            };
        };
        ExplainStagePlan: {
            stage_index: number;
            stage_name: string;
            stage_type: string;
            estimated_input: number;
            estimated_output: number;
            estimated_efficiency: number;
            estimated_cost_credits: number;
            estimated_duration_ms: number;
            cache_likely: boolean;
            optimization_notes?: string[];
            warnings?: string[];
        };
        ExplainRetrieverResponse: {
            retriever_id: components["schemas"]["RetrieverIdValue"];
            retriever_name: string;
            estimated_cost: {
                total_credits: number;
                total_duration_ms: number;
            } & {
                [key: string]: number;
            };
            execution_plan: components["schemas"]["ExplainStagePlan"][];
            optimization_suggestions: {
                type: string;
                stage: string;
                message: string;
            }[];
            total_estimated_stages: number;
            /** @description Stages whose modelled duration is at least 80% of the slowest's. */
            bottleneck_stages: string[];
            /** @enum {string} */
            optimization_level: "none";
            optimization_applied: boolean;
        };
        PaginationMetadata: {
            total: number;
            limit: number;
            offset: number;
            has_next: boolean;
            /** @description The next page's `cursor` (not in the vendor's model). */
            next_cursor?: string;
        };
        ListExecutionsRequest: {
            filters?: components["schemas"]["LogicalOperator"] | null;
            sorts?: components["schemas"]["SortOption"][] | null;
            status?: string | null;
        };
        RetrieverExecutionSummary: {
            execution_id: components["schemas"]["ExecutionIdValue"];
            /** @enum {string} */
            status: "completed" | "failed";
            created_at: components["schemas"]["Timestamp"];
            completed_at?: components["schemas"]["Timestamp"];
            duration_ms: number;
            credits_used: number;
            /** @description Documents the stages took in, summed over the stages. */
            total_processed: number;
            total_returned: number;
            cache_hit_rate?: number;
            /** @description SHA-1 of the inputs as JSON with sorted keys. */
            inputs_hash?: string;
            /** @description The `query` input, else the first text input, cut at 100 characters. */
            query_summary?: string;
        };
        ListExecutionsResponse: {
            results: components["schemas"]["RetrieverExecutionSummary"][];
            pagination: components["schemas"]["PaginationMetadata"];
        };
        ExecutionDetail: {
            execution_id: components["schemas"]["ExecutionIdValue"];
            /** @enum {string} */
            status: "completed" | "failed";
            documents: {
                [key: string]: unknown;
            }[];
            pagination: {
                [key: string]: unknown;
            };
            stage_statistics: components["schemas"]["RetrieverExecutionStatistics"];
            budget: components["schemas"]["ExecutionBudget"];
            error?: string;
            optimization_applied: boolean;
            created_at: components["schemas"]["Timestamp"];
            completed_at?: components["schemas"]["Timestamp"];
            current_stage?: string;
            stages_completed: number;
            total_stages: number;
        };
        ListAdhocExecutionsRequest: {
            status?: string | null;
            /** @description ISO 8601 (a zone-less time is UTC); inclusive. */
            start_time?: string | null;
            /** @description ISO 8601 (a zone-less time is UTC); inclusive. */
            end_time?: string | null;
        };
        AdhocExecutionSummary: {
            execution_id: components["schemas"]["ExecutionIdValue"];
            /** @enum {string} */
            execution_mode: "adhoc";
            /** @enum {string} */
            status: "completed" | "failed";
            timestamp: components["schemas"]["Timestamp"];
            duration_ms: number;
            credits_used: number;
            total_processed: number;
            total_returned: number;
            cache_hit_rate?: number;
            query_summary?: string;
            stages_completed: number;
            total_stages: number;
            collection_ids?: string[];
        };
        AdhocExecutionDetail: components["schemas"]["AdhocExecutionSummary"] & {
            /** @description The inputs, as JSON. */
            inputs?: string;
            inputs_hash?: string;
        };
        ListAdhocExecutionsResponse: {
            results: components["schemas"]["AdhocExecutionSummary"][];
            total: number;
            pagination: components["schemas"]["PaginationMetadata"];
        };
        /** @description An extractor enabled in a namespace; must be in the catalog (404). */
        NamespaceExtractorRef: {
            feature_extractor_name: string;
            version: string;
            params?: {
                [key: string]: unknown;
            } | null;
        };
        NamespaceExtractor: {
            feature_extractor_name: string;
            version: string;
            params?: {
                [key: string]: unknown;
            };
            feature_extractor_id: string;
        };
        CreateNamespaceRequest: {
            /** @description Unique in the organization (409, Assumption). No pattern enforced. */
            namespace_name: string;
            /**
             * @default standard
             * @enum {string|null}
             */
            namespace_type: "standard" | "marketplace" | null;
            description?: string | null;
            feature_extractors: components["schemas"]["NamespaceExtractorRef"][];
            payload_indexes?: components["schemas"]["PayloadIndexConfig"][] | null;
            /** @default false */
            auto_create_indexes: boolean | null;
            /** @description Enterprise settings; stored and echoed, no behaviour. */
            infrastructure?: {
                [key: string]: unknown;
            } | null;
        };
        PatchNamespaceRequest: {
            namespace_name?: string | null;
            description?: string | null;
            payload_indexes?: components["schemas"]["PayloadIndexConfig"][] | null;
            auto_create_indexes?: boolean | null;
            infrastructure?: {
                [key: string]: unknown;
            } | null;
        };
        NamespaceModel: {
            namespace_id?: components["schemas"]["NamespaceId"];
            namespace_name: string;
            /** @enum {string} */
            namespace_type?: "standard" | "marketplace";
            infrastructure?: {
                [key: string]: unknown;
            };
            cluster_id?: string;
            description?: string;
            feature_extractors?: components["schemas"]["NamespaceExtractor"][];
            payload_indexes?: components["schemas"]["PayloadIndexConfig"][];
            document_count?: number;
            bucket_count?: number;
            collection_count?: number;
            object_count?: number;
            auto_create_indexes?: boolean;
            vector_inference_map?: {
                [key: string]: string;
            };
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
        };
        ListNamespacesRequest: {
            filters?: components["schemas"]["LogicalOperator"] | null;
            /** @description `{"field": …, "direction": "asc"|"desc"}`. */
            sort?: {
                [key: string]: unknown;
            } | null;
            search?: string | null;
            /** @default false */
            case_sensitive: boolean;
        };
        NamespaceListStats: {
            total_feature_extractors?: number;
            total_payload_indexes?: number;
            total_documents?: number;
            total_buckets?: number;
            total_collections?: number;
            total_objects?: number;
            avg_feature_extractors_per_namespace?: number;
            avg_payload_indexes_per_namespace?: number;
            avg_documents_per_namespace?: number;
            avg_buckets_per_namespace?: number;
            avg_collections_per_namespace?: number;
            avg_objects_per_namespace?: number;
        };
        ListNamespacesResponse: {
            results: components["schemas"]["NamespaceModel"][];
            pagination: components["schemas"]["PaginationResponse"];
            total_count: number;
            stats?: components["schemas"]["NamespaceListStats"];
        };
        /** @description Task receipt (Decision; the vendor types the body `{}`). */
        NamespaceDeleteResponse: {
            task_id: components["schemas"]["TaskId"];
            status: components["schemas"]["TaskStatusEnum"];
            namespace_id: components["schemas"]["NamespaceId"];
            namespace_name: string;
        };
        /** @description Immutable after create. */
        UniqueKeyConfig: {
            fields: string[];
            /** @enum {string} */
            default_policy?: "insert" | "update" | "upsert";
        };
        BucketCreateRequest: {
            /** @description Unique in the namespace (409). */
            bucket_name: string;
            description?: string | null;
            bucket_schema: components["schemas"]["BucketSchema"];
            unique_key?: components["schemas"]["UniqueKeyConfig"] | null;
            /** @default {} */
            metadata: {
                [key: string]: unknown;
            };
        };
        BucketPatchRequest: {
            bucket_name?: string | null;
            description?: string | null;
            metadata?: {
                [key: string]: unknown;
            } | null;
        };
        BatchStatistics: {
            total?: number;
            active?: number;
            completed?: number;
            failed?: number;
        };
        StorageStatistics: {
            total_size_bytes?: number;
            avg_size_bytes?: number;
            max_size_bytes?: number;
            min_size_bytes?: number;
        };
        BucketResponse: {
            bucket_id?: components["schemas"]["BucketId"];
            bucket_name: string;
            description?: string;
            bucket_schema?: components["schemas"]["BucketSchema"];
            unique_key?: components["schemas"]["UniqueKeyConfig"];
            metadata?: {
                [key: string]: unknown;
            };
            object_count: number;
            total_size_bytes: number;
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
            last_upload_at?: components["schemas"]["Timestamp"];
            stats_updated_at?: components["schemas"]["Timestamp"];
            /** @description `ACTIVE`; `IN_PROGRESS` while a delete task runs. */
            status?: components["schemas"]["TaskStatusEnum"];
            is_locked?: boolean;
            batch_stats?: components["schemas"]["BatchStatistics"];
            storage_stats?: components["schemas"]["StorageStatistics"];
        };
        ListBucketsRequest: {
            search?: string | null;
            filters?: components["schemas"]["LogicalOperator"] | null;
            /** @description `{"field": …, "direction": "asc"|"desc"}`. */
            sort?: {
                [key: string]: unknown;
            } | null;
            /** @default false */
            case_sensitive: boolean;
            /** @default 10 */
            limit: number;
            /** @default 0 */
            offset: number;
        };
        BucketListStats: {
            total_objects?: number;
            total_size_bytes?: number;
            avg_objects_per_bucket?: number;
            avg_size_per_bucket?: number;
        };
        ListBucketsResponse: {
            results: components["schemas"]["BucketResponse"][];
            total_count: number;
            pagination: components["schemas"]["PaginationResponse"];
            stats?: components["schemas"]["BucketListStats"];
        };
        /** @description Task receipt (fields from the vendor's description). */
        BucketDeleteResponse: {
            task_id: components["schemas"]["TaskId"];
            status: components["schemas"]["TaskStatusEnum"];
            bucket_id: components["schemas"]["BucketId"];
            bucket_name: string;
            object_count: number;
        };
        /**
         * @description One blob. Exactly one of `data` and `upload_id` (422 `value_error`, the handler's
         *     check). `property` must be a bucket-schema field and `type` must match it (400).
         */
        CreateBlobRequest: {
            property: string;
            type: components["schemas"]["BucketSchemaFieldType"];
            key_prefix?: string | null;
            /** @description A URL (≤ 2083 characters), a data URI, or any JSON value. */
            data?: unknown;
            upload_id?: string | null;
            metadata?: {
                [key: string]: unknown;
            } | null;
            canonicalize_source?: boolean | null;
            force_remirror?: boolean | null;
        };
        /** @description Extra top-level fields (e.g. `metadata`) are kept and echoed on the object. */
        CreateObjectRequest: {
            key_prefix?: string | null;
            blobs?: components["schemas"]["CreateBlobRequest"][];
            metadata?: {
                [key: string]: unknown;
            };
            /** @default false */
            skip_duplicates: boolean;
            /** @default true */
            canonicalize_source: boolean;
            /** @default false */
            force_remirror: boolean;
        } & {
            [key: string]: unknown;
        };
        BlobDetails: {
            filename?: string;
            size_bytes?: number;
            mime_type?: string;
            hash?: string;
        };
        BlobModel: {
            blob_id?: components["schemas"]["BlobId"];
            property: string;
            key_prefix?: string;
            type: components["schemas"]["BucketSchemaFieldType"];
            properties?: {
                [key: string]: unknown;
            };
            details?: components["schemas"]["BlobDetails"];
        };
        SourceDetails: {
            type: components["schemas"]["SourceType"];
            source_id: string;
        };
        /** @description An object; extra fields sent on create (e.g. `metadata`) are echoed at the top level. */
        ObjectResponse: {
            object_id?: components["schemas"]["ObjectId"];
            bucket_id: components["schemas"]["BucketId"];
            key_prefix?: string;
            metadata?: {
                [key: string]: unknown;
            };
            blobs?: components["schemas"]["BlobModel"][];
            source_details?: components["schemas"]["SourceDetails"][];
            /** @description `DRAFT` on create; with `auto_process`, `PENDING` → `PROCESSING` → `COMPLETED`. */
            status?: components["schemas"]["TaskStatusEnum"];
            error?: string;
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
        } & {
            [key: string]: unknown;
        };
        ListObjectsRequest: {
            filters?: components["schemas"]["LogicalOperator"] | null;
            sort?: components["schemas"]["SortOption"] | null;
            search?: string | null;
            select?: string[] | null;
        };
        ObjectListStats: {
            total_objects?: number;
            total_blobs?: number;
            avg_blobs_per_object?: number;
            objects_by_status?: {
                [key: string]: number;
            };
        };
        /** @description No `total_count` (the vendor's model has none). */
        ListObjectsResponse: {
            results: components["schemas"]["ObjectResponse"][];
            pagination: components["schemas"]["PaginationResponse"];
            stats?: components["schemas"]["ObjectListStats"];
        };
        /**
         * @description The mock creates `api_buckets_delete` and `api_namespaces_delete` tasks only.
         * @enum {string}
         */
        TaskType: "api_namespaces_create" | "api_namespaces_delete" | "api_namespaces_migrations_run" | "api_buckets_objects_create" | "api_buckets_delete" | "api_buckets_batches_process" | "api_buckets_batches_submit" | "api_buckets_uploads_create" | "api_buckets_uploads_confirm" | "api_buckets_uploads_batch_confirm" | "api_collections_documents_create" | "api_collections_extraction_artifacts" | "api_taxonomies_create" | "api_taxonomies_execute" | "api_taxonomies_materialize" | "api_evaluations_run" | "api_evaluations_dataset_create" | "api_retrievers_publish" | "api_collections_export" | "api_collections_trigger" | "engine_feature_extractor_run" | "engine_inference_run" | "engine_object_processing" | "engine_cluster_build" | "thumbnail" | "video_segment" | "audio_segment" | "materialize" | "plugin_custom" | "model_custom";
        TaskResponse: {
            task_id: components["schemas"]["TaskId"];
            task_type: components["schemas"]["TaskType"];
            status: components["schemas"]["TaskStatusEnum"];
            /** @description What the task acts on, e.g. `[{"bucket_id": "bkt_…"}]`. */
            inputs?: (string | {
                [key: string]: unknown;
            })[];
            outputs?: (string | {
                [key: string]: unknown;
            })[];
            additional_data?: {
                [key: string]: unknown;
            };
            error?: string;
        };
    };
    responses: {
        /**
         * @description The execution: JSON, or with `stream: true` Server-Sent Events (`text/event-stream`,
         *     `Cache-Control: no-cache`), one `data: {json}` line per `RetrieverStreamEvent`.
         */
        ExecutionResult: {
            headers: {
                /** @description `adhoc` on the ad-hoc execute's replies (the vendor's description of it); absent on a saved retriever's. */
                "X-Execution-Mode"?: "adhoc";
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "execution_id": "exec_3c5e7a9b1d2f4e6a",
                 *       "status": "completed",
                 *       "documents": [
                 *         {
                 *           "document_id": "doc_f8966ff29c18e20c6b45e053",
                 *           "collection_id": "col_6ca83499cd",
                 *           "text": "Kelp forests shelter otters.",
                 *           "document_blobs": [],
                 *           "score": 0.84
                 *         }
                 *       ],
                 *       "pagination": {
                 *         "method": "cursor",
                 *         "page_size": 20,
                 *         "has_next": false
                 *       },
                 *       "stage_statistics": {
                 *         "stages": {
                 *           "search": {
                 *             "input_count": 3,
                 *             "output_count": 1,
                 *             "duration_ms": 7.206,
                 *             "efficiency": 0.3333,
                 *             "cache_hit": false,
                 *             "metadata": {
                 *               "stage_id": "feature_search"
                 *             }
                 *           }
                 *         },
                 *         "total_time_ms": 7.206,
                 *         "credits_used": 0.01
                 *       },
                 *       "budget": {
                 *         "credits_used": 0.01,
                 *         "time_used_ms": 7.206
                 *       },
                 *       "optimization_applied": false,
                 *       "created_at": "2025-10-13T14:05:00.000000",
                 *       "completed_at": "2025-10-13T14:05:00.000000",
                 *       "stages_completed": 1,
                 *       "total_stages": 1,
                 *       "execution_metadata": {
                 *         "execution_mode": "saved",
                 *         "retriever_persisted": true,
                 *         "retriever_id": "ret_7f3a9c2e1b4d6a8c"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ExecuteRetrieverResponse"];
                /**
                 * @example data: {"event_type":"stage_start","execution_id":"exec_3c5e7a9b1d2f4e6a","stage_name":"search","stage_index":0,"total_stages":1}
                 *
                 *     data: {"event_type":"execution_complete","execution_id":"exec_3c5e7a9b1d2f4e6a","total_stages":1,"status":"completed","documents":[],"pagination":{"method":"cursor","page_size":20,"has_next":false}}
                 */
                "text/event-stream": string;
            };
        };
        /** @description A business rule failed (`BadRequestError`). Messages are Assumptions modelled on the vendor's. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Missing, malformed or unknown API key (`UnauthorizedError`); checked before the namespace. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Quota or permission refusal (scenario-driven only). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "status": 403,
                 *       "error": {
                 *         "type": "QuotaExceededError",
                 *         "message": "Collection quota exceeded",
                 *         "details": {
                 *           "resource": "collections",
                 *           "current": 5,
                 *           "limit": 5,
                 *           "tier": "free"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description Unknown namespace, bucket, collection, object, document, extractor or task (lookups
         *     are scoped to the key's organization and the request's namespace), or an unknown
         *     route. `details` names the resource and the identifier asked for.
         */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description A name already taken in its scope (create or rename), or a unique key `insert` clash (`AlreadyExistsError`). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The body is over the mock's JSON size limit (1 MiB by default; Assumption, the vendor publishes none). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "status": 413,
                 *       "error": {
                 *         "type": "PayloadTooLargeError",
                 *         "message": "Request body exceeds the limit of 1048576 bytes."
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description Request validation failed (`ValidationError`), in the envelope (Decision). Each
         *     `details.validation_errors` entry has the pydantic v2 error `type` (`missing`,
         *     `string_too_short`, `enum`, `extra_forbidden`, `value_error`, `json_invalid`…), the
         *     `location` (`body`/`query`/`path`/`header`, then the field path, array indexes as
         *     integers) and the pydantic `message`.
         */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Rate limited (scenario-driven only). */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                "X-RateLimit-Window": components["headers"]["RateLimitWindow"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "status": 429,
                 *       "error": {
                 *         "type": "TooManyRequestsError",
                 *         "message": "Rate limit exceeded",
                 *         "details": {
                 *           "api_name": "collections.create",
                 *           "limit": 600,
                 *           "window": "1m",
                 *           "retry_after": 15
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Unhandled error (scenario-driven only). */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "status": 500,
                 *       "error": {
                 *         "type": "InternalServerError",
                 *         "message": "Internal server error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
         *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
         *     with `details: {"resource": "namespace", "id": <value>}`.
         * @example ns_640658775e
         */
        Namespace: string;
        /**
         * @description Collection id or name (id tried first).
         * @example col_6ca83499cd
         */
        CollectionIdentifier: string;
        /**
         * @description Bucket id or name (id tried first).
         * @example bkt_6a3a022d
         */
        BucketIdentifier: string;
        /**
         * @description Namespace id or name (id tried first).
         * @example ns_640658775e
         */
        NamespaceIdentifier: string;
        /**
         * @description Object id.
         * @example obj_a1b2c3d4e5f6
         */
        ObjectIdentifier: string;
        /**
         * @description Document id.
         * @example doc_f8966ff29c18e20c6b45e053
         */
        DocumentId: string;
        /**
         * @description `{name}_{version}`, e.g. `text_extractor_v1`.
         * @example text_extractor_v1
         */
        FeatureExtractorId: string;
        /**
         * @description Task id from a delete receipt.
         * @example task_3f9a1c7e5b2d4a6c8e0f1b3d
         */
        TaskId: string;
        /**
         * @description Retriever id or name (id first, then exact name).
         * @example ret_7f3a9c2e1b4d6a8c
         */
        RetrieverId: string;
        /**
         * @description Execution id, from an execute reply or an executions list.
         * @example exec_3c5e7a9b1d2f4e6a
         */
        ExecutionId: string;
        /**
         * @description Page size, 1–1000 (422 outside). Default 10 when neither query nor body sets it.
         * @example 10
         */
        Limit: number;
        /**
         * @description Items to skip, 0–10000 (422 outside). Ignored when `cursor` is given.
         * @example 0
         */
        Offset: number;
        /**
         * @description Opaque `pagination.next_cursor` of the previous page. Malformed → 400 (Assumption).
         * @example eyJsYXN0X2lkIjoiY29sXzZjYTgzNDk5Y2QifQ
         */
        Cursor: string;
        /**
         * @description Adds `total`, `page` and `total_pages` to `pagination`.
         * @example true
         */
        IncludeTotal: boolean;
        /**
         * @description Adds a fresh `presigned_url` to every blob reference (mock URLs).
         * @example false
         */
        ReturnPresignedUrls: boolean;
        /**
         * @description Includes the extractor's embedding fields in the document.
         * @example false
         */
        ReturnVectors: boolean;
        /**
         * @description Unique-key policy; overrides the bucket's `default_policy`. Only meaningful when the
         *     bucket has a `unique_key` (ignored otherwise).
         * @example upsert
         */
        Policy: "insert" | "update" | "upsert";
        /**
         * @description Submit the object for processing at once (the mock's processing simulation).
         * @example true
         */
        AutoProcess: boolean;
    };
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before retrying. */
        RetryAfter: number;
        /** @description Requests allowed per window. */
        RateLimitLimit: number;
        /** @description Requests left in the current window. */
        RateLimitRemaining: number;
        /** @description Unix seconds at which the window resets. */
        RateLimitReset: number;
        /** @description Window length in seconds. */
        RateLimitWindow: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createCollection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCollectionRequest"];
            };
        };
        responses: {
            /** @description The new collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createCollectionLegacy: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCollectionRequest"];
            };
        };
        responses: {
            /** @description The new collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listCollections: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–1000 (422 outside). Default 10 when neither query nor body sets it.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Items to skip, 0–10000 (422 outside). Ignored when `cursor` is given.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
                /**
                 * @description Opaque `pagination.next_cursor` of the previous page. Malformed → 400 (Assumption).
                 * @example eyJsYXN0X2lkIjoiY29sXzZjYTgzNDk5Y2QifQ
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Adds `total`, `page` and `total_pages` to `pagination`.
                 * @example true
                 */
                include_total?: components["parameters"]["IncludeTotal"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ListCollectionsRequest"];
            };
        };
        responses: {
            /** @description One page of collections. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListCollectionsResponse"];
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
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
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
                    "application/json": components["schemas"]["CollectionResponse"];
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
    deleteCollection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "message": "Successfully deleted",
                     *       "collection_id": "col_6ca83499cd"
                     *     }
                     */
                    "application/json": components["schemas"]["CollectionDeleteResponse"];
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
    updateCollection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCollectionRequest"];
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
                     *       "collection_id": "col_6ca83499cd",
                     *       "collection_name": "product-embeddings-v2",
                     *       "description": "Product descriptions embedded for semantic search",
                     *       "input_schema": {
                     *         "properties": {
                     *           "title": {
                     *             "type": "string"
                     *           },
                     *           "description": {
                     *             "type": "text"
                     *           }
                     *         }
                     *       },
                     *       "output_schema": {
                     *         "properties": {
                     *           "title": {
                     *             "type": "string"
                     *           },
                     *           "text_extractor_v1_embedding": {
                     *             "type": "array",
                     *             "items": {
                     *               "type": "number"
                     *             },
                     *             "description": "Dense text embedding (1024 dimensions, L2 normalized)."
                     *           }
                     *         }
                     *       },
                     *       "feature_extractor": {
                     *         "feature_extractor_name": "text_extractor",
                     *         "version": "v1",
                     *         "feature_extractor_id": "text_extractor_v1",
                     *         "input_mappings": {
                     *           "text": "description"
                     *         },
                     *         "field_passthrough": [
                     *           {
                     *             "source_path": "title",
                     *             "required": false
                     *           }
                     *         ],
                     *         "include_all_source_fields": false
                     *       },
                     *       "feature_extractors": [
                     *         {
                     *           "feature_extractor_name": "text_extractor",
                     *           "version": "v1",
                     *           "feature_extractor_id": "text_extractor_v1",
                     *           "input_mappings": {
                     *             "text": "description"
                     *           },
                     *           "field_passthrough": [
                     *             {
                     *               "source_path": "title",
                     *               "required": false
                     *             }
                     *           ],
                     *           "include_all_source_fields": false
                     *         }
                     *       ],
                     *       "source": {
                     *         "type": "bucket",
                     *         "bucket_ids": [
                     *           "bkt_6a3a022d"
                     *         ],
                     *         "bucket_id": "bkt_6a3a022d"
                     *       },
                     *       "vector_indexes": [
                     *         {
                     *           "name": "text_extractor_v1_embedding",
                     *           "size": 1024,
                     *           "distance": "cosine"
                     *         }
                     *       ],
                     *       "payload_indexes": [],
                     *       "enabled": false,
                     *       "metadata": {},
                     *       "created_at": "2025-10-13T14:02:11.208000",
                     *       "updated_at": "2025-10-13T15:30:45.017000",
                     *       "document_count": 12,
                     *       "schema_version": 1,
                     *       "schema_sync_enabled": true,
                     *       "taxonomy_applications": [],
                     *       "cluster_applications": [],
                     *       "alert_applications": [],
                     *       "retriever_enrichments": [],
                     *       "taxonomy_count": 0,
                     *       "retriever_count": 0,
                     *       "lifecycle_state": "active",
                     *       "status": "DONE"
                     *     }
                     */
                    "application/json": components["schemas"]["CollectionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listFeatureExtractors: {
        parameters: {
            query?: never;
            header?: never;
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
                    "application/json": components["schemas"]["FeatureExtractor"][];
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
    getFeatureExtractor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description `{name}_{version}`, e.g. `text_extractor_v1`.
                 * @example text_extractor_v1
                 */
                feature_extractor_id: components["parameters"]["FeatureExtractorId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The extractor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeatureExtractor"];
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
    listDocuments: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–1000 (422 outside). Default 10 when neither query nor body sets it.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Items to skip, 0–10000 (422 outside). Ignored when `cursor` is given.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
                /**
                 * @description Opaque `pagination.next_cursor` of the previous page. Malformed → 400 (Assumption).
                 * @example eyJsYXN0X2lkIjoiY29sXzZjYTgzNDk5Y2QifQ
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Adds `total`, `page` and `total_pages` to `pagination`.
                 * @example true
                 */
                include_total?: components["parameters"]["IncludeTotal"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ListDocumentsRequest"];
            };
        };
        responses: {
            /** @description One page of documents (or groups). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListDocumentsResponse"];
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
    getDocument: {
        parameters: {
            query?: {
                /**
                 * @description Adds a fresh `presigned_url` to every blob reference (mock URLs).
                 * @example false
                 */
                return_presigned_urls?: components["parameters"]["ReturnPresignedUrls"];
                /**
                 * @description Includes the extractor's embedding fields in the document.
                 * @example false
                 */
                return_vectors?: components["parameters"]["ReturnVectors"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
                /**
                 * @description Document id.
                 * @example doc_f8966ff29c18e20c6b45e053
                 */
                document_id: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
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
    updateDocument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
                /**
                 * @description Document id.
                 * @example doc_f8966ff29c18e20c6b45e053
                 */
                document_id: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "text": "Over-ear headphones with a 30-hour battery.",
                 *       "metadata": {
                 *         "category": "audio"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DocumentUpdateRequest"];
            };
        };
        responses: {
            /** @description The document after the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "document_id": "doc_f8966ff29c18e20c6b45e053",
                     *       "collection_id": "col_6ca83499cd",
                     *       "text": "Over-ear headphones with a 30-hour battery.",
                     *       "metadata": {
                     *         "category": "audio"
                     *       },
                     *       "document_blobs": []
                     *     }
                     */
                    "application/json": components["schemas"]["DocumentResponse"];
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
    deleteDocument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
                /**
                 * @description Document id.
                 * @example doc_f8966ff29c18e20c6b45e053
                 */
                document_id: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "Successfully deleted",
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["GenericDeleteResponse"];
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
    patchDocument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
                /**
                 * @description Document id.
                 * @example doc_f8966ff29c18e20c6b45e053
                 */
                document_id: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "metadata.status": "reviewed"
                 *     }
                 */
                "application/json": components["schemas"]["PatchDocumentRequest"];
            };
        };
        responses: {
            /** @description The document after the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "document_id": "doc_f8966ff29c18e20c6b45e053",
                     *       "collection_id": "col_6ca83499cd",
                     *       "text": "Wireless headphones with active noise cancellation.",
                     *       "metadata": {
                     *         "category": "audio",
                     *         "status": "reviewed"
                     *       },
                     *       "document_blobs": []
                     *     }
                     */
                    "application/json": components["schemas"]["DocumentResponse"];
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
    createDocument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DocumentCreateRequest"];
            };
        };
        responses: {
            /** @description The document, as a get returns it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "document_id": "doc_f8966ff29c18e20c6b45e053",
                     *       "collection_id": "col_6ca83499cd",
                     *       "text": "Wireless headphones with active noise cancellation.",
                     *       "metadata": {
                     *         "category": "audio",
                     *         "price": 199
                     *       },
                     *       "document_blobs": [],
                     *       "_internal": {
                     *         "internal_id": "org_7c2e9a41",
                     *         "namespace_id": "ns_640658775e",
                     *         "document_id": "doc_f8966ff29c18e20c6b45e053",
                     *         "collection_id": "col_6ca83499cd",
                     *         "created_at": "2025-10-13T14:05:00Z",
                     *         "updated_at": "2025-10-13T14:05:00Z",
                     *         "lineage": {
                     *           "path": "col_6ca83499cd",
                     *           "chain": []
                     *         },
                     *         "metadata": {
                     *           "ingestion_status": "COMPLETED"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DocumentResponse"];
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
    bulkUpdateDocuments: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "filters": {
                 *         "AND": [
                 *           {
                 *             "field": "metadata.status",
                 *             "operator": "eq",
                 *             "value": "pending"
                 *           }
                 *         ]
                 *       },
                 *       "update_data": {
                 *         "metadata.status": "processed"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["BulkUpdateDocumentsRequest"];
            };
        };
        responses: {
            /** @description How many documents were updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "updated_count": 2,
                     *       "message": "Documents updated successfully"
                     *     }
                     */
                    "application/json": components["schemas"]["BulkUpdateDocumentsResponse"];
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
    batchUpdateDocuments: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "updates": [
                 *         {
                 *           "document_id": "doc_f8966ff29c18e20c6b45e053",
                 *           "update_data": {
                 *             "metadata": {
                 *               "status": "processed"
                 *             }
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["BatchUpdateDocumentsRequest"];
            };
        };
        responses: {
            /** @description Counts and per-document results. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "updated_count": 1,
                     *       "failed_count": 1,
                     *       "results": [
                     *         {
                     *           "document_id": "doc_f8966ff29c18e20c6b45e053",
                     *           "success": true
                     *         },
                     *         {
                     *           "document_id": "doc_000000000000000000000000",
                     *           "success": false,
                     *           "error": "Document not found"
                     *         }
                     *       ],
                     *       "message": "Updated 1 document(s), 1 failed"
                     *     }
                     */
                    "application/json": components["schemas"]["BatchUpdateDocumentsResponse"];
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
    batchDeleteDocuments: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "document_ids": [
                 *         "doc_f8966ff29c18e20c6b45e053"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["BatchDeleteDocumentsRequest"];
            };
        };
        responses: {
            /** @description Counts and per-document results. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deleted_count": 1,
                     *       "failed_count": 0,
                     *       "results": [
                     *         {
                     *           "document_id": "doc_f8966ff29c18e20c6b45e053",
                     *           "success": true
                     *         }
                     *       ],
                     *       "message": "Deleted 1 document(s)"
                     *     }
                     */
                    "application/json": components["schemas"]["BatchDeleteDocumentsResponse"];
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
    getDocumentLineage: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Collection id or name (id tried first).
                 * @example col_6ca83499cd
                 */
                collection_identifier: components["parameters"]["CollectionIdentifier"];
                /**
                 * @description Document id.
                 * @example doc_f8966ff29c18e20c6b45e053
                 */
                document_id: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lineage. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "document_id": "doc_f8966ff29c18e20c6b45e053",
                     *       "collection_id": "col_6ca83499cd",
                     *       "root_object_id": "obj_a1b2c3d4e5f6",
                     *       "root_bucket_id": "bkt_6a3a022d",
                     *       "source_type": "bucket",
                     *       "path": "bkt_6a3a022d/col_6ca83499cd",
                     *       "depth": 1,
                     *       "steps": [
                     *         {
                     *           "type": "object",
                     *           "bucket_id": "bkt_6a3a022d",
                     *           "object_id": "obj_a1b2c3d4e5f6",
                     *           "exists": true
                     *         },
                     *         {
                     *           "type": "document",
                     *           "collection_id": "col_6ca83499cd",
                     *           "collection_name": "product-text",
                     *           "document_id": "doc_f8966ff29c18e20c6b45e053",
                     *           "feature_extractor_id": "text_extractor_v1"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DocumentLineageResponse"];
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
    getObjectDocuments: {
        parameters: {
            query?: {
                /** @description Only these collections (ids or names). */
                collection_ids?: string[];
                /**
                 * @description Includes the extractor's embedding fields in the document.
                 * @example false
                 */
                return_vectors?: components["parameters"]["ReturnVectors"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description The root object's id.
                 * @example obj_a1b2c3d4e5f6
                 */
                object_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The object's documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object_id": "obj_a1b2c3d4e5f6",
                     *       "total_documents": 1,
                     *       "collection_ids": [
                     *         "col_6ca83499cd"
                     *       ],
                     *       "documents": [
                     *         {
                     *           "document_id": "doc_f8966ff29c18e20c6b45e053",
                     *           "collection_id": "col_6ca83499cd",
                     *           "text": "Wireless headphones",
                     *           "document_blobs": []
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ObjectDocumentsResponse"];
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
    listRetrieverStages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "stage_id": "attribute_filter",
                     *         "description": "Filter documents by attribute conditions with boolean logic (AND/OR/NOT).",
                     *         "category": "filter",
                     *         "icon": "filter",
                     *         "parameter_schema": {
                     *           "type": "object",
                     *           "properties": {
                     *             "field": {
                     *               "type": "string"
                     *             },
                     *             "operator": {
                     *               "type": "string"
                     *             },
                     *             "value": {}
                     *           }
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["RetrieverStageDefinition"][];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createRetriever: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "retriever_name": "notes-search",
                 *       "collection_identifiers": [
                 *         "notes-text"
                 *       ],
                 *       "input_schema": {
                 *         "query": {
                 *           "type": "text",
                 *           "required": true
                 *         }
                 *       },
                 *       "stages": [
                 *         {
                 *           "stage_name": "search",
                 *           "stage_type": "filter",
                 *           "config": {
                 *             "stage_id": "feature_search",
                 *             "parameters": {
                 *               "searches": [
                 *                 {
                 *                   "feature_uri": "mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1",
                 *                   "query": {
                 *                     "input_mode": "text",
                 *                     "value": "{{INPUT.query}}"
                 *                   },
                 *                   "top_k": 50
                 *                 }
                 *               ],
                 *               "final_top_k": 10
                 *             }
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateRetrieverRequest"];
            };
        };
        responses: {
            /** @description The retriever. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "retriever": {
                     *         "retriever_id": "ret_7f3a9c2e1b4d6a8c",
                     *         "retriever_name": "notes-search",
                     *         "collection_ids": [
                     *           "col_6ca83499cd"
                     *         ],
                     *         "stages": [
                     *           {
                     *             "stage_name": "search",
                     *             "stage_type": "filter",
                     *             "config": {
                     *               "stage_id": "feature_search",
                     *               "parameters": {
                     *                 "searches": [
                     *                   {
                     *                     "feature_uri": "mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1",
                     *                     "query": {
                     *                       "input_mode": "text",
                     *                       "value": "{{INPUT.query}}"
                     *                     },
                     *                     "top_k": 50
                     *                   }
                     *                 ],
                     *                 "final_top_k": 10
                     *               }
                     *             }
                     *           }
                     *         ],
                     *         "input_schema": {
                     *           "query": {
                     *             "type": "text",
                     *             "required": true
                     *           }
                     *         },
                     *         "budget_limits": {},
                     *         "feature_dependencies": [
                     *           {
                     *             "scheme": "mixpeek",
                     *             "extractor": "text_extractor",
                     *             "version": "v1",
                     *             "output": "multilingual_e5_large_instruct_v1"
                     *           }
                     *         ],
                     *         "tags": [],
                     *         "version": 1,
                     *         "created_at": "2025-10-13T14:05:00.000000",
                     *         "updated_at": "2025-10-13T14:05:00.000000"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreateRetrieverResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listRetrievers: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–1000 (422 outside). Default 10 when neither query nor body sets it.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Items to skip, 0–10000 (422 outside). Ignored when `cursor` is given.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
                /**
                 * @description Opaque `pagination.next_cursor` of the previous page. Malformed → 400 (Assumption).
                 * @example eyJsYXN0X2lkIjoiY29sXzZjYTgzNDk5Y2QifQ
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Adds `total`, `page` and `total_pages` to `pagination`.
                 * @example true
                 */
                include_total?: components["parameters"]["IncludeTotal"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "search": "notes"
                 *     }
                 */
                "application/json": components["schemas"]["ListRetrieversRequest"];
            };
        };
        responses: {
            /** @description One page of retrievers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "retriever_id": "ret_7f3a9c2e1b4d6a8c",
                     *           "retriever_name": "notes-search",
                     *           "collection_ids": [
                     *             "col_6ca83499cd"
                     *           ],
                     *           "stages": [
                     *             {
                     *               "stage_name": "search",
                     *               "stage_type": "filter",
                     *               "config": {
                     *                 "stage_id": "feature_search",
                     *                 "parameters": {
                     *                   "searches": [
                     *                     {
                     *                       "feature_uri": "mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1",
                     *                       "query": "{{INPUT.query}}"
                     *                     }
                     *                   ]
                     *                 }
                     *               }
                     *             }
                     *           ],
                     *           "input_schema": {
                     *             "query": {
                     *               "type": "text",
                     *               "required": true
                     *             }
                     *           },
                     *           "tags": [],
                     *           "version": 1,
                     *           "is_published": false,
                     *           "created_at": "2025-10-13T14:05:00.000000",
                     *           "updated_at": "2025-10-13T14:05:00.000000"
                     *         }
                     *       ],
                     *       "total": 1,
                     *       "pagination": {
                     *         "page_size": 10
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ListRetrieversResponse"];
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
    executeAdhocRetriever: {
        parameters: {
            query?: {
                /**
                 * @description Adds a fresh `presigned_url` to every blob reference (mock URLs).
                 * @example false
                 */
                return_presigned_urls?: components["parameters"]["ReturnPresignedUrls"];
                /**
                 * @description Includes the extractor's embedding fields in the document.
                 * @example false
                 */
                return_vectors?: components["parameters"]["ReturnVectors"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "collection_identifiers": [
                 *         "notes-text"
                 *       ],
                 *       "input_schema": {
                 *         "query": {
                 *           "type": "text",
                 *           "required": true
                 *         }
                 *       },
                 *       "stages": [
                 *         {
                 *           "stage_name": "search",
                 *           "config": {
                 *             "stage_id": "feature_search",
                 *             "parameters": {
                 *               "searches": [
                 *                 {
                 *                   "feature_uri": "mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1",
                 *                   "query": "{{INPUT.query}}"
                 *                 }
                 *               ]
                 *             }
                 *           }
                 *         }
                 *       ],
                 *       "inputs": {
                 *         "query": "kelp forests"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["AdhocExecuteRequest"];
            };
        };
        responses: {
            200: components["responses"]["ExecutionResult"];
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
    listAdhocExecutions: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–1000 (422 outside). Default 10 when neither query nor body sets it.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Items to skip, 0–10000 (422 outside). Ignored when `cursor` is given.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
                /**
                 * @description Opaque `pagination.next_cursor` of the previous page. Malformed → 400 (Assumption).
                 * @example eyJsYXN0X2lkIjoiY29sXzZjYTgzNDk5Y2QifQ
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Adds `total`, `page` and `total_pages` to `pagination`.
                 * @example true
                 */
                include_total?: components["parameters"]["IncludeTotal"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "status": "completed"
                 *     }
                 */
                "application/json": components["schemas"]["ListAdhocExecutionsRequest"];
            };
        };
        responses: {
            /** @description One page of executions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "execution_id": "exec_3c5e7a9b1d2f4e6a",
                     *           "execution_mode": "adhoc",
                     *           "status": "completed",
                     *           "timestamp": "2025-10-13T14:05:00.000000",
                     *           "duration_ms": 7.2,
                     *           "credits_used": 0.01,
                     *           "total_processed": 3,
                     *           "total_returned": 2,
                     *           "cache_hit_rate": 0,
                     *           "query_summary": "kelp forests",
                     *           "stages_completed": 1,
                     *           "total_stages": 1,
                     *           "collection_ids": [
                     *             "col_6ca83499cd"
                     *           ]
                     *         }
                     *       ],
                     *       "total": 1,
                     *       "pagination": {
                     *         "total": 1,
                     *         "limit": 20,
                     *         "offset": 0,
                     *         "has_next": false
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ListAdhocExecutionsResponse"];
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
    getAdhocExecution: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Execution id, from an execute reply or an executions list.
                 * @example exec_3c5e7a9b1d2f4e6a
                 */
                execution_id: components["parameters"]["ExecutionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The execution. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "execution_id": "exec_3c5e7a9b1d2f4e6a",
                     *       "execution_mode": "adhoc",
                     *       "status": "completed",
                     *       "timestamp": "2025-10-13T14:05:00.000000",
                     *       "duration_ms": 7.2,
                     *       "credits_used": 0.01,
                     *       "total_processed": 3,
                     *       "total_returned": 2,
                     *       "cache_hit_rate": 0,
                     *       "query_summary": "kelp forests",
                     *       "stages_completed": 1,
                     *       "total_stages": 1,
                     *       "collection_ids": [
                     *         "col_6ca83499cd"
                     *       ],
                     *       "inputs": "{\"query\":\"kelp forests\"}",
                     *       "inputs_hash": "2f1d3c8a9b7e6f5d4c3b2a1908f7e6d5c4b3a291"
                     *     }
                     */
                    "application/json": components["schemas"]["AdhocExecutionDetail"];
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
    getRetriever: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Retriever id or name (id first, then exact name).
                 * @example ret_7f3a9c2e1b4d6a8c
                 */
                retriever_id: components["parameters"]["RetrieverId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The retriever. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "retriever_id": "ret_7f3a9c2e1b4d6a8c",
                     *       "retriever_name": "notes-search",
                     *       "collection_ids": [
                     *         "col_6ca83499cd"
                     *       ],
                     *       "stages": [
                     *         {
                     *           "stage_name": "search",
                     *           "stage_type": "filter",
                     *           "config": {
                     *             "stage_id": "feature_search",
                     *             "parameters": {
                     *               "searches": [
                     *                 {
                     *                   "feature_uri": "mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1",
                     *                   "query": "{{INPUT.query}}"
                     *                 }
                     *               ]
                     *             }
                     *           }
                     *         }
                     *       ],
                     *       "input_schema": {
                     *         "query": {
                     *           "type": "text",
                     *           "required": true
                     *         }
                     *       },
                     *       "tags": [],
                     *       "version": 1,
                     *       "is_published": false,
                     *       "created_at": "2025-10-13T14:05:00.000000",
                     *       "updated_at": "2025-10-13T14:05:00.000000"
                     *     }
                     */
                    "application/json": components["schemas"]["RetrieverModel"];
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
    deleteRetriever: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Retriever id or name (id first, then exact name).
                 * @example ret_7f3a9c2e1b4d6a8c
                 */
                retriever_id: components["parameters"]["RetrieverId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "message": "Retriever deleted successfully",
                     *       "retriever_id": "ret_7f3a9c2e1b4d6a8c"
                     *     }
                     */
                    "application/json": components["schemas"]["RetrieverDeleteResponse"];
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
    patchRetriever: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Retriever id or name (id first, then exact name).
                 * @example ret_7f3a9c2e1b4d6a8c
                 */
                retriever_id: components["parameters"]["RetrieverId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "Notes, ranked by meaning",
                 *       "tags": [
                 *         "notes"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PatchRetrieverRequest"];
            };
        };
        responses: {
            /** @description The retriever after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "retriever": {
                     *         "retriever_id": "ret_7f3a9c2e1b4d6a8c",
                     *         "retriever_name": "notes-search",
                     *         "description": "Notes, ranked by meaning",
                     *         "collection_ids": [
                     *           "col_6ca83499cd"
                     *         ],
                     *         "stages": [
                     *           {
                     *             "stage_name": "search",
                     *             "stage_type": "filter",
                     *             "config": {
                     *               "stage_id": "feature_search",
                     *               "parameters": {
                     *                 "searches": [
                     *                   {
                     *                     "feature_uri": "mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1",
                     *                     "query": "{{INPUT.query}}"
                     *                   }
                     *                 ]
                     *               }
                     *             }
                     *           }
                     *         ],
                     *         "input_schema": {
                     *           "query": {
                     *             "type": "text"
                     *           }
                     *         },
                     *         "tags": [
                     *           "notes"
                     *         ],
                     *         "version": 2,
                     *         "created_at": "2025-10-13T14:05:00.000000",
                     *         "updated_at": "2025-10-13T14:06:00.000000"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PatchRetrieverResponse"];
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
    cloneRetriever: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Retriever id or name (id first, then exact name).
                 * @example ret_7f3a9c2e1b4d6a8c
                 */
                retriever_id: components["parameters"]["RetrieverId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "retriever_name": "notes-search-strict",
                 *       "tags": [
                 *         "strict"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CloneRetrieverRequest"];
            };
        };
        responses: {
            /** @description The clone. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "source_retriever_id": "ret_7f3a9c2e1b4d6a8c",
                     *       "retriever": {
                     *         "retriever_id": "ret_0b1c2d3e4f5a6b7c",
                     *         "retriever_name": "notes-search-strict",
                     *         "collection_ids": [
                     *           "col_6ca83499cd"
                     *         ],
                     *         "stages": [
                     *           {
                     *             "stage_name": "search",
                     *             "stage_type": "filter",
                     *             "config": {
                     *               "stage_id": "feature_search",
                     *               "parameters": {
                     *                 "searches": [
                     *                   {
                     *                     "feature_uri": "mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1",
                     *                     "query": "{{INPUT.query}}"
                     *                   }
                     *                 ]
                     *               }
                     *             }
                     *           }
                     *         ],
                     *         "input_schema": {
                     *           "query": {
                     *             "type": "text"
                     *           }
                     *         },
                     *         "tags": [
                     *           "strict"
                     *         ],
                     *         "version": 1,
                     *         "created_at": "2025-10-13T14:07:00.000000",
                     *         "updated_at": "2025-10-13T14:07:00.000000"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CloneRetrieverResponse"];
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
    executeRetriever: {
        parameters: {
            query?: {
                /**
                 * @description Adds a fresh `presigned_url` to every blob reference (mock URLs).
                 * @example false
                 */
                return_presigned_urls?: components["parameters"]["ReturnPresignedUrls"];
                /**
                 * @description Includes the extractor's embedding fields in the document.
                 * @example false
                 */
                return_vectors?: components["parameters"]["ReturnVectors"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Retriever id or name (id first, then exact name).
                 * @example ret_7f3a9c2e1b4d6a8c
                 */
                retriever_id: components["parameters"]["RetrieverId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "inputs": {
                 *         "query": "kelp forests"
                 *       },
                 *       "pagination": {
                 *         "method": "cursor",
                 *         "limit": 10
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ExecuteRetrieverRequest"];
            };
        };
        responses: {
            200: components["responses"]["ExecutionResult"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    explainRetriever: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Retriever id or name (id first, then exact name).
                 * @example ret_7f3a9c2e1b4d6a8c
                 */
                retriever_id: components["parameters"]["RetrieverId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "inputs": {
                 *         "query": "kelp forests"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ExplainRetrieverRequest"];
            };
        };
        responses: {
            /** @description The plan. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "retriever_id": "ret_7f3a9c2e1b4d6a8c",
                     *       "retriever_name": "notes-search",
                     *       "estimated_cost": {
                     *         "total_credits": 0.01,
                     *         "total_duration_ms": 7.2
                     *       },
                     *       "execution_plan": [
                     *         {
                     *           "stage_index": 0,
                     *           "stage_name": "search",
                     *           "stage_type": "filter",
                     *           "estimated_input": 3,
                     *           "estimated_output": 3,
                     *           "estimated_efficiency": 1,
                     *           "estimated_cost_credits": 0.01,
                     *           "estimated_duration_ms": 7.2,
                     *           "cache_likely": false,
                     *           "optimization_notes": [],
                     *           "warnings": []
                     *         }
                     *       ],
                     *       "optimization_suggestions": [],
                     *       "total_estimated_stages": 1,
                     *       "bottleneck_stages": [
                     *         "search"
                     *       ],
                     *       "optimization_level": "none",
                     *       "optimization_applied": false
                     *     }
                     */
                    "application/json": components["schemas"]["ExplainRetrieverResponse"];
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
    listRetrieverExecutions: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–1000 (422 outside). Default 10 when neither query nor body sets it.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Items to skip, 0–10000 (422 outside). Ignored when `cursor` is given.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
                /**
                 * @description Opaque `pagination.next_cursor` of the previous page. Malformed → 400 (Assumption).
                 * @example eyJsYXN0X2lkIjoiY29sXzZjYTgzNDk5Y2QifQ
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Adds `total`, `page` and `total_pages` to `pagination`.
                 * @example true
                 */
                include_total?: components["parameters"]["IncludeTotal"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Retriever id or name (id first, then exact name).
                 * @example ret_7f3a9c2e1b4d6a8c
                 */
                retriever_id: components["parameters"]["RetrieverId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "status": "completed"
                 *     }
                 */
                "application/json": components["schemas"]["ListExecutionsRequest"];
            };
        };
        responses: {
            /** @description One page of execution summaries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "execution_id": "exec_3c5e7a9b1d2f4e6a",
                     *           "status": "completed",
                     *           "created_at": "2025-10-13T14:05:00.000000",
                     *           "completed_at": "2025-10-13T14:05:00.000000",
                     *           "duration_ms": 7.2,
                     *           "credits_used": 0.01,
                     *           "total_processed": 3,
                     *           "total_returned": 2,
                     *           "cache_hit_rate": 0,
                     *           "inputs_hash": "2f1d3c8a9b7e6f5d4c3b2a1908f7e6d5c4b3a291",
                     *           "query_summary": "kelp forests"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "total": 1,
                     *         "limit": 20,
                     *         "offset": 0,
                     *         "has_next": false
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ListExecutionsResponse"];
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
    getRetrieverExecution: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Retriever id or name (id first, then exact name).
                 * @example ret_7f3a9c2e1b4d6a8c
                 */
                retriever_id: components["parameters"]["RetrieverId"];
                /**
                 * @description Execution id, from an execute reply or an executions list.
                 * @example exec_3c5e7a9b1d2f4e6a
                 */
                execution_id: components["parameters"]["ExecutionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The execution. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "execution_id": "exec_3c5e7a9b1d2f4e6a",
                     *       "status": "completed",
                     *       "documents": [
                     *         {
                     *           "document_id": "doc_f8966ff29c18e20c6b45e053",
                     *           "collection_id": "col_6ca83499cd",
                     *           "text": "Kelp forests shelter otters.",
                     *           "score": 0.84
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "method": "cursor",
                     *         "page_size": 20,
                     *         "has_next": false
                     *       },
                     *       "stage_statistics": {
                     *         "stages": {
                     *           "search": {
                     *             "input_count": 3,
                     *             "output_count": 3,
                     *             "duration_ms": 7.2,
                     *             "efficiency": 1,
                     *             "cache_hit": false
                     *           }
                     *         },
                     *         "total_time_ms": 7.2,
                     *         "credits_used": 0.01
                     *       },
                     *       "budget": {
                     *         "credits_used": 0.01,
                     *         "time_used_ms": 7.2
                     *       },
                     *       "optimization_applied": false,
                     *       "created_at": "2025-10-13T14:05:00.000000",
                     *       "completed_at": "2025-10-13T14:05:00.000000",
                     *       "stages_completed": 1,
                     *       "total_stages": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ExecutionDetail"];
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
    createNamespace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateNamespaceRequest"];
            };
        };
        responses: {
            /** @description The new namespace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "namespace_id": "ns_640658775e",
                     *       "namespace_name": "production",
                     *       "namespace_type": "standard",
                     *       "feature_extractors": [
                     *         {
                     *           "feature_extractor_name": "text_extractor",
                     *           "version": "v1",
                     *           "feature_extractor_id": "text_extractor_v1"
                     *         }
                     *       ],
                     *       "payload_indexes": [
                     *         {
                     *           "field_name": "internal_id",
                     *           "type": "keyword",
                     *           "field_schema": {
                     *             "type": "keyword",
                     *             "is_tenant": true
                     *           },
                     *           "is_protected": true
                     *         },
                     *         {
                     *           "field_name": "namespace_id",
                     *           "type": "keyword",
                     *           "field_schema": {
                     *             "type": "keyword",
                     *             "is_tenant": true
                     *           },
                     *           "is_protected": true
                     *         },
                     *         {
                     *           "field_name": "collection_id",
                     *           "type": "keyword",
                     *           "field_schema": {
                     *             "type": "keyword",
                     *             "is_tenant": true
                     *           },
                     *           "is_protected": true
                     *         },
                     *         {
                     *           "field_name": "document_id",
                     *           "type": "keyword",
                     *           "field_schema": {
                     *             "type": "keyword",
                     *             "is_tenant": false
                     *           },
                     *           "is_protected": true
                     *         },
                     *         {
                     *           "field_name": "bucket_id",
                     *           "type": "keyword",
                     *           "field_schema": {
                     *             "type": "keyword",
                     *             "is_tenant": false
                     *           },
                     *           "is_protected": true
                     *         }
                     *       ],
                     *       "auto_create_indexes": false,
                     *       "document_count": 0,
                     *       "bucket_count": 0,
                     *       "collection_count": 0,
                     *       "object_count": 0,
                     *       "created_at": "2025-10-10T14:53:50.351000",
                     *       "updated_at": "2025-10-10T14:53:50.351000"
                     *     }
                     */
                    "application/json": components["schemas"]["NamespaceModel"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listNamespaces: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–1000 (422 outside). Default 10 when neither query nor body sets it.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Items to skip, 0–10000 (422 outside). Ignored when `cursor` is given.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
                /**
                 * @description Opaque `pagination.next_cursor` of the previous page. Malformed → 400 (Assumption).
                 * @example eyJsYXN0X2lkIjoiY29sXzZjYTgzNDk5Y2QifQ
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Adds `total`, `page` and `total_pages` to `pagination`.
                 * @example true
                 */
                include_total?: components["parameters"]["IncludeTotal"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ListNamespacesRequest"];
            };
        };
        responses: {
            /** @description One page of namespaces. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "namespace_id": "ns_640658775e",
                     *           "namespace_name": "df",
                     *           "namespace_type": "standard",
                     *           "feature_extractors": [
                     *             {
                     *               "feature_extractor_name": "text_extractor",
                     *               "version": "v1",
                     *               "feature_extractor_id": "text_extractor_v1"
                     *             }
                     *           ],
                     *           "payload_indexes": [
                     *             {
                     *               "field_name": "internal_id",
                     *               "type": "keyword",
                     *               "field_schema": {
                     *                 "type": "keyword",
                     *                 "is_tenant": true
                     *               },
                     *               "is_protected": true
                     *             }
                     *           ],
                     *           "auto_create_indexes": false,
                     *           "document_count": 0,
                     *           "bucket_count": 1,
                     *           "collection_count": 0,
                     *           "object_count": 0,
                     *           "created_at": "2025-10-10T14:53:50.351000",
                     *           "updated_at": "2025-10-10T14:53:50.351000"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "total": 1,
                     *         "page": 1,
                     *         "page_size": 10,
                     *         "total_pages": 1
                     *       },
                     *       "total_count": 1,
                     *       "stats": {
                     *         "total_feature_extractors": 1,
                     *         "total_payload_indexes": 1,
                     *         "total_buckets": 1,
                     *         "avg_feature_extractors_per_namespace": 1,
                     *         "avg_payload_indexes_per_namespace": 1
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ListNamespacesResponse"];
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
    getNamespace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Namespace id or name (id tried first).
                 * @example ns_640658775e
                 */
                namespace_identifier: components["parameters"]["NamespaceIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The namespace, with live counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "namespace_id": "ns_640658775e",
                     *       "namespace_name": "production",
                     *       "namespace_type": "standard",
                     *       "description": "Production data",
                     *       "feature_extractors": [
                     *         {
                     *           "feature_extractor_name": "text_extractor",
                     *           "version": "v1",
                     *           "feature_extractor_id": "text_extractor_v1"
                     *         }
                     *       ],
                     *       "payload_indexes": [
                     *         {
                     *           "field_name": "internal_id",
                     *           "type": "keyword",
                     *           "field_schema": {
                     *             "type": "keyword",
                     *             "is_tenant": true
                     *           },
                     *           "is_protected": true
                     *         }
                     *       ],
                     *       "auto_create_indexes": false,
                     *       "document_count": 12,
                     *       "bucket_count": 1,
                     *       "collection_count": 1,
                     *       "object_count": 12,
                     *       "created_at": "2025-10-10T14:53:50.351000",
                     *       "updated_at": "2025-10-10T14:53:50.351000"
                     *     }
                     */
                    "application/json": components["schemas"]["NamespaceModel"];
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
    deleteNamespace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Namespace id or name (id tried first).
                 * @example ns_640658775e
                 */
                namespace_identifier: components["parameters"]["NamespaceIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deletion started. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "task_id": "task_3f9a1c7e5b2d4a6c8e0f1b3d",
                     *       "status": "PENDING",
                     *       "namespace_id": "ns_640658775e",
                     *       "namespace_name": "production"
                     *     }
                     */
                    "application/json": components["schemas"]["NamespaceDeleteResponse"];
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
    updateNamespace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Namespace id or name (id tried first).
                 * @example ns_640658775e
                 */
                namespace_identifier: components["parameters"]["NamespaceIdentifier"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchNamespaceRequest"];
            };
        };
        responses: {
            /** @description The namespace after the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "namespace_id": "ns_640658775e",
                     *       "namespace_name": "production-eu",
                     *       "namespace_type": "standard",
                     *       "description": "Production data (EU)",
                     *       "feature_extractors": [
                     *         {
                     *           "feature_extractor_name": "text_extractor",
                     *           "version": "v1",
                     *           "feature_extractor_id": "text_extractor_v1"
                     *         }
                     *       ],
                     *       "payload_indexes": [
                     *         {
                     *           "field_name": "internal_id",
                     *           "type": "keyword",
                     *           "field_schema": {
                     *             "type": "keyword",
                     *             "is_tenant": true
                     *           },
                     *           "is_protected": true
                     *         }
                     *       ],
                     *       "auto_create_indexes": false,
                     *       "document_count": 12,
                     *       "bucket_count": 1,
                     *       "collection_count": 1,
                     *       "object_count": 12,
                     *       "created_at": "2025-10-10T14:53:50.351000",
                     *       "updated_at": "2025-10-14T09:12:03.440000"
                     *     }
                     */
                    "application/json": components["schemas"]["NamespaceModel"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createBucket: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BucketCreateRequest"];
            };
        };
        responses: {
            /** @description The new bucket. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "bucket_id": "bkt_6a3a022d",
                     *       "bucket_name": "product-catalog",
                     *       "description": "Product texts and images",
                     *       "bucket_schema": {
                     *         "properties": {
                     *           "title": {
                     *             "type": "string"
                     *           },
                     *           "description": {
                     *             "type": "text"
                     *           },
                     *           "image": {
                     *             "type": "image"
                     *           }
                     *         }
                     *       },
                     *       "metadata": {
                     *         "team": "search"
                     *       },
                     *       "object_count": 0,
                     *       "total_size_bytes": 0,
                     *       "created_at": "2025-10-13T13:58:06.664000",
                     *       "updated_at": "2025-10-13T13:58:06.664000",
                     *       "status": "ACTIVE",
                     *       "is_locked": false
                     *     }
                     */
                    "application/json": components["schemas"]["BucketResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listBuckets: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–1000 (422 outside). Default 10 when neither query nor body sets it.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Items to skip, 0–10000 (422 outside). Ignored when `cursor` is given.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
                /**
                 * @description Opaque `pagination.next_cursor` of the previous page. Malformed → 400 (Assumption).
                 * @example eyJsYXN0X2lkIjoiY29sXzZjYTgzNDk5Y2QifQ
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Adds `total`, `page` and `total_pages` to `pagination`.
                 * @example true
                 */
                include_total?: components["parameters"]["IncludeTotal"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ListBucketsRequest"];
            };
        };
        responses: {
            /** @description One page of buckets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "bucket_id": "bkt_6a3a022d",
                     *           "bucket_name": "product-catalog",
                     *           "metadata": {},
                     *           "object_count": 12,
                     *           "total_size_bytes": 48213,
                     *           "created_at": "2025-10-13T13:58:06.664000",
                     *           "updated_at": "2025-10-13T13:58:06.664000",
                     *           "last_upload_at": "2025-10-13T14:03:41.902000",
                     *           "status": "ACTIVE",
                     *           "is_locked": false
                     *         }
                     *       ],
                     *       "total_count": 1,
                     *       "pagination": {
                     *         "page_size": 10
                     *       },
                     *       "stats": {
                     *         "total_objects": 12,
                     *         "total_size_bytes": 48213,
                     *         "avg_objects_per_bucket": 12,
                     *         "avg_size_per_bucket": 48213
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ListBucketsResponse"];
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
    getBucket: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Bucket id or name (id tried first).
                 * @example bkt_6a3a022d
                 */
                bucket_identifier: components["parameters"]["BucketIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bucket. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "bucket_id": "bkt_6a3a022d",
                     *       "bucket_name": "cli-bkt-1760363884",
                     *       "metadata": {},
                     *       "object_count": 0,
                     *       "total_size_bytes": 0,
                     *       "created_at": "2025-10-13T13:58:06.664000",
                     *       "updated_at": "2025-10-13T13:58:06.664000",
                     *       "status": "ACTIVE",
                     *       "is_locked": false
                     *     }
                     */
                    "application/json": components["schemas"]["BucketResponse"];
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
    deleteBucket: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Bucket id or name (id tried first).
                 * @example bkt_6a3a022d
                 */
                bucket_identifier: components["parameters"]["BucketIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deletion started. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "task_id": "task_7b1e3d5f9a2c4e6b8d0f2a4c",
                     *       "status": "PENDING",
                     *       "bucket_id": "bkt_6a3a022d",
                     *       "bucket_name": "product-catalog",
                     *       "object_count": 12
                     *     }
                     */
                    "application/json": components["schemas"]["BucketDeleteResponse"];
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
    updateBucket: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Bucket id or name (id tried first).
                 * @example bkt_6a3a022d
                 */
                bucket_identifier: components["parameters"]["BucketIdentifier"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BucketPatchRequest"];
            };
        };
        responses: {
            /** @description The bucket after the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "bucket_id": "bkt_6a3a022d",
                     *       "bucket_name": "product-catalog-2025",
                     *       "description": "Product texts and images",
                     *       "bucket_schema": {
                     *         "properties": {
                     *           "title": {
                     *             "type": "string"
                     *           },
                     *           "description": {
                     *             "type": "text"
                     *           },
                     *           "image": {
                     *             "type": "image"
                     *           }
                     *         }
                     *       },
                     *       "metadata": {
                     *         "team": "search"
                     *       },
                     *       "object_count": 12,
                     *       "total_size_bytes": 48213,
                     *       "created_at": "2025-10-13T13:58:06.664000",
                     *       "updated_at": "2025-10-14T08:00:12.031000",
                     *       "last_upload_at": "2025-10-13T14:03:41.902000",
                     *       "status": "ACTIVE",
                     *       "is_locked": false
                     *     }
                     */
                    "application/json": components["schemas"]["BucketResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createObject: {
        parameters: {
            query?: {
                /**
                 * @description Unique-key policy; overrides the bucket's `default_policy`. Only meaningful when the
                 *     bucket has a `unique_key` (ignored otherwise).
                 * @example upsert
                 */
                policy?: components["parameters"]["Policy"];
                /**
                 * @description Submit the object for processing at once (the mock's processing simulation).
                 * @example true
                 */
                auto_process?: components["parameters"]["AutoProcess"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Bucket id or name (id tried first).
                 * @example bkt_6a3a022d
                 */
                bucket_identifier: components["parameters"]["BucketIdentifier"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateObjectRequest"];
            };
        };
        responses: {
            /** @description The registered object. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object_id": "obj_a1b2c3d4e5f6",
                     *       "bucket_id": "bkt_6a3a022d",
                     *       "key_prefix": "/products/headphones",
                     *       "metadata": {
                     *         "category": "audio",
                     *         "year": 2025
                     *       },
                     *       "blobs": [
                     *         {
                     *           "blob_id": "blob_0f1e2d3c4b5a",
                     *           "property": "title",
                     *           "type": "string",
                     *           "properties": {},
                     *           "details": {
                     *             "size_bytes": 19,
                     *             "mime_type": "text/plain"
                     *           }
                     *         },
                     *         {
                     *           "blob_id": "blob_1a2b3c4d5e6f",
                     *           "property": "description",
                     *           "type": "text",
                     *           "properties": {},
                     *           "details": {
                     *             "size_bytes": 71,
                     *             "mime_type": "text/plain"
                     *           }
                     *         },
                     *         {
                     *           "blob_id": "blob_9e8d7c6b5a40",
                     *           "property": "image",
                     *           "type": "image",
                     *           "properties": {},
                     *           "details": {
                     *             "filename": "headphones.jpg",
                     *             "mime_type": "image/jpeg"
                     *           }
                     *         }
                     *       ],
                     *       "source_details": [
                     *         {
                     *           "type": "bucket",
                     *           "source_id": "bkt_6a3a022d"
                     *         }
                     *       ],
                     *       "status": "DRAFT",
                     *       "created_at": "2025-10-13T14:03:41.902000",
                     *       "updated_at": "2025-10-13T14:03:41.902000"
                     *     }
                     */
                    "application/json": components["schemas"]["ObjectResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listObjects: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–1000 (422 outside). Default 10 when neither query nor body sets it.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Items to skip, 0–10000 (422 outside). Ignored when `cursor` is given.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
                /**
                 * @description Opaque `pagination.next_cursor` of the previous page. Malformed → 400 (Assumption).
                 * @example eyJsYXN0X2lkIjoiY29sXzZjYTgzNDk5Y2QifQ
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Adds `total`, `page` and `total_pages` to `pagination`.
                 * @example true
                 */
                include_total?: components["parameters"]["IncludeTotal"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Bucket id or name (id tried first).
                 * @example bkt_6a3a022d
                 */
                bucket_identifier: components["parameters"]["BucketIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ListObjectsRequest"];
            };
        };
        responses: {
            /** @description One page of objects. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "object_id": "obj_a1b2c3d4e5f6",
                     *           "bucket_id": "bkt_6a3a022d",
                     *           "key_prefix": "/products/headphones",
                     *           "blobs": [
                     *             {
                     *               "blob_id": "blob_1a2b3c4d5e6f",
                     *               "property": "description",
                     *               "type": "text",
                     *               "properties": {},
                     *               "details": {
                     *                 "size_bytes": 71,
                     *                 "mime_type": "text/plain"
                     *               }
                     *             }
                     *           ],
                     *           "source_details": [
                     *             {
                     *               "type": "bucket",
                     *               "source_id": "bkt_6a3a022d"
                     *             }
                     *           ],
                     *           "status": "COMPLETED",
                     *           "created_at": "2025-10-13T14:03:41.902000",
                     *           "updated_at": "2025-10-13T14:03:43.902000"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "total": 1,
                     *         "page": 1,
                     *         "page_size": 10,
                     *         "total_pages": 1
                     *       },
                     *       "stats": {
                     *         "total_objects": 1,
                     *         "total_blobs": 1,
                     *         "avg_blobs_per_object": 1,
                     *         "objects_by_status": {
                     *           "COMPLETED": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ListObjectsResponse"];
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
    getObject: {
        parameters: {
            query?: {
                /**
                 * @description Adds a fresh `presigned_url` to every blob reference (mock URLs).
                 * @example false
                 */
                return_presigned_urls?: components["parameters"]["ReturnPresignedUrls"];
            };
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Bucket id or name (id tried first).
                 * @example bkt_6a3a022d
                 */
                bucket_identifier: components["parameters"]["BucketIdentifier"];
                /**
                 * @description Object id.
                 * @example obj_a1b2c3d4e5f6
                 */
                object_identifier: components["parameters"]["ObjectIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The object. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object_id": "obj_a1b2c3d4e5f6",
                     *       "bucket_id": "bkt_6a3a022d",
                     *       "key_prefix": "/products/headphones",
                     *       "metadata": {
                     *         "category": "audio"
                     *       },
                     *       "blobs": [
                     *         {
                     *           "blob_id": "blob_1a2b3c4d5e6f",
                     *           "property": "description",
                     *           "type": "text",
                     *           "properties": {},
                     *           "details": {
                     *             "size_bytes": 71,
                     *             "mime_type": "text/plain"
                     *           }
                     *         }
                     *       ],
                     *       "source_details": [
                     *         {
                     *           "type": "bucket",
                     *           "source_id": "bkt_6a3a022d"
                     *         }
                     *       ],
                     *       "status": "PROCESSING",
                     *       "created_at": "2025-10-13T14:03:41.902000",
                     *       "updated_at": "2025-10-13T14:03:42.902000"
                     *     }
                     */
                    "application/json": components["schemas"]["ObjectResponse"];
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
    deleteObject: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Namespace id or name. Decision: absent (or empty) means the key's implicit `default`
                 *     namespace (400 in the mock's strict mode); unknown gives 404 `Namespace not found`
                 *     with `details: {"resource": "namespace", "id": <value>}`.
                 * @example ns_640658775e
                 */
                "X-Namespace"?: components["parameters"]["Namespace"];
            };
            path: {
                /**
                 * @description Bucket id or name (id tried first).
                 * @example bkt_6a3a022d
                 */
                bucket_identifier: components["parameters"]["BucketIdentifier"];
                /**
                 * @description Object id.
                 * @example obj_a1b2c3d4e5f6
                 */
                object_identifier: components["parameters"]["ObjectIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Task id from a delete receipt.
                 * @example task_3f9a1c7e5b2d4a6c8e0f1b3d
                 */
                task_id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskResponse"];
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
