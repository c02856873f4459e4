/**
 * Mixpeek fidelity against the vendor's PUBLISHED contract (Mixpeek's OpenAPI
 * 3.1 document, v0.81, 318 paths; what this test needs of it is in
 * vendor/mixpeek/contract.json, with where it was published), not against our
 * own specs/mixpeek.yaml (the server's strict self-check covers that one).
 *
 * A flow of plain fetch calls exercises every operation the vendor document
 * describes and the mock serves, with success and error statuses. The
 * harness (test/support/fidelity.ts) records every reply through a wrapper
 * around globalThis.fetch. Each reply whose (method, path template, status)
 * the vendor document describes is validated with Ajv 2020 against the
 * vendor's own schema for it. The contract's component schemas are
 * registered once; validators are compiled lazily, one per distinct schema.
 *
 * Where the published document and the real service disagree, the mock
 * follows the service as its live replies and the vendor's docs show it:
 * nulls omitted, naive timestamps, the error envelope for 422 too. It also
 * still serves the legacy create form: `POST /v1/collections/create` and the
 * request and response fields of Mixpeek's earlier (2025) API reference page
 * for it, which the current API replaced. Those deviations from the document
 * are allowed here explicitly, each with its reason. Any other mismatch fails
 * and prints operation, status, instance path and message.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { closeObjects, contractOperation, label, matchOp, naiveDatetime, shape, useFidelity, type Captured, type OperationRef } from './support/fidelity.js';
import { useServer } from './support/server.js';

type Json = any;

// ---------------------------------------------------------------- the deviations

/**
 * Resource timestamps on the wire: naive ISO 8601, no zone, fractional digits
 * up to six. Replies of the live service captured in October 2025
 * (github.com/mixpeek/mcp-server, bucket.json and nslist.json) show six digits
 * holding milliseconds, `2025-10-13T13:58:06.664000`.
 *
 * DEVIATION: the document says `format: date-time` (RFC 3339, zone required) for created_at,
 * updated_at, last_upload_at…; the live service sends this naive form and the mock follows the
 * wire. So the harness's date-time also accepts the naive form; everything else about the format
 * still applies.
 */
const NAIVE_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;
const isNaiveDatetime = naiveDatetime(NAIVE_DATETIME);

/**
 * Ajv's options for this document: `type: [..]` lists need allowUnionTypes. Ajv's `discriminator`
 * option is NOT turned on: no schema of the served operations uses the keyword (a test below pins
 * that; the document has it on taxonomy, connector and mapping schemas only), so every union is
 * validated as the plain anyOf/oneOf it is.
 */
const AJV_OPTIONS = { allowUnionTypes: true };

/**
 * Statuses the vendor document does not list for an operation, each produced
 * on purpose by the flow. Keyed "<vendor operationId> <status>". The document
 * lists 400/401/403/404/422/500 on every operation the mock serves, never 409.
 */
const UNDOCUMENTED_STATUSES: Record<string, string> = {
  // Duplicate names → 409 AlreadyExistsError, on create and on rename: the vendor's error table
  // (troubleshoot/errors.mdx in github.com/mixpeek/docs, "Duplicate name within namespace"), and its
  // quickstart treats a 409 on create as "already exists".
  'create_namespace_v1_namespaces_post 409': 'duplicate namespace_name → 409 AlreadyExistsError',
  'patch_namespace_v1_namespaces__namespace_identifier__patch 409': 'rename onto an existing namespace_name → 409',
  'create_bucket_v1_buckets_post 409': 'duplicate bucket_name → 409',
  'patch_bucket_v1_buckets__bucket_identifier__patch 409': 'rename onto an existing bucket_name → 409',
  'create_collection_v1_collections_post 409': 'duplicate collection_name → 409',
  'update_collection_v1_collections__collection_identifier__patch 409': 'rename onto an existing collection_name → 409',
  // The document's own text for the `policy` parameter: `insert` on an existing unique key conflicts.
  'create_object_v1_buckets__bucket_identifier__objects_post 409': 'unique key exists and policy=insert → 409',
  // Retriever names are unique in a namespace (the document: "Unique retriever name"; clones "must be unique").
  'create_retriever_v1_retrievers_post 409': 'duplicate retriever_name → 409',
  'clone_retriever_v1_retrievers__retriever_id__clone_post 409': 'clone onto an existing retriever_name → 409',
};

/**
 * Routes the mock serves that the vendor document does not describe: recorded,
 * and not counted as coverage of any vendor operation. `POST
 * /v1/collections/create` is the legacy create path: Mixpeek's 2025 API
 * reference documents it, the document has not had it since September 2025,
 * and the live v0.81 API has no such route.
 */
const MOCK_ONLY_OPERATIONS = ['POST /v1/collections/create'];

/**
 * The legacy path is the current create operation's handler with an identical
 * reply, so its replies are validated as that operation's (the status check
 * below still counts the route as mock-only).
 */
const VALIDATE_AS: Record<string, { method: string; path: string }> = {
  'POST /v1/collections/create': { method: 'POST', path: '/v1/collections' },
};

/**
 * DEVIATION where the document FORBIDS extra keys (additionalProperties:
 * false): `TaxonomyApplicationConfig-Output` (what CollectionResponse's
 * `taxonomy_applications[]` references) is closed, yet the legacy form's
 * taxonomy application is `{taxonomy_id, output_collection}`, so the mock
 * accepts `output_collection` as an alias of `target_collection_id` and emits
 * BOTH keys, for clients written against the legacy form. This one property
 * is allowed on this one schema (the request side,
 * `TaxonomyApplicationConfig-Input`, is closed the same way: the live API
 * would answer 422 extra_forbidden, so the alias is mock-only). Nothing else
 * may appear on a closed schema.
 */
const ALLOWED_CLOSED_EXTRAS: { schema: string; property: string; patch: Json; why: string }[] = [
  {
    schema: 'TaxonomyApplicationConfig-Output',
    property: 'output_collection',
    patch: { type: 'string' },
    why: 'legacy alias of target_collection_id, echoed beside it',
  },
];

/**
 * Fields on the wire that the document does not declare, where the schema
 * allows extra properties (none of the response schemas says
 * additionalProperties:false, so additive fields are legal). They validate;
 * this list pins exactly which ones the mock sends. Most are the legacy
 * form's, echoed beside the current ones so that clients of either form read
 * what they expect; where a legacy and a current value cannot coexist the
 * current one wins.
 */
const WIRE_ONLY_FIELDS = [
  // The legacy response's `status: "DONE"` on every collection (no current field of that name to collide with).
  'CollectionResponse.status',
  // The legacy extractor list, echoed beside the current `feature_extractor`.
  'CollectionResponse.feature_extractors',
  // The legacy cache_config, echoed when supplied.
  'CollectionResponse.cache_config',
  // `lifecycle_state`: newer than the v0.81 document (Mixpeek's Python SDK 0.81.1 CollectionResponse has it).
  'CollectionResponse.lifecycle_state',
  // The legacy `source.bucket_id` (= bucket_ids[0]) and `source.prefix_key`.
  'SourceConfig-Output.bucket_id',
  'SourceConfig-Output.prefix_key',
  // The legacy lineage keys, emitted beside the current ones in every source_lineage entry.
  'SingleLineageEntry.source_type',
  'SingleLineageEntry.collection_id',
  'SingleLineageEntry.bucket_id',
  'SingleLineageEntry.bucket_config',
  'SingleLineageEntry.collection_config',
  'SingleLineageEntry.feature_extractors',
  // The legacy `input_mapping` (echoed with `input_mappings`) and the legacy-only extractor fields.
  'shared__collection__features__extractors__models__FeatureExtractorConfig-Output.input_mapping',
  'shared__collection__features__extractors__models__FeatureExtractorConfig-Output.output_mapping',
  'shared__collection__features__extractors__models__FeatureExtractorConfig-Output.document_output_type',
  'shared__collection__features__extractors__models__FeatureExtractorConfig-Output.document_input_handling',
  'shared__collection__features__extractors__models__FeatureExtractorConfig-Output.document_output_handling',
  // The list operations of retrievers and executions take a `cursor` query parameter, yet their
  // response models have no place for the next page's cursor: the mock adds it (the list
  // endpoints' pagination object for retrievers, `next_cursor` in the executions' metadata).
  'ListRetrieversResponse.pagination',
  'PaginationMetadata.next_cursor',
];

/** Resource timestamps (naive, see NAIVE_DATETIME) vs document `_internal` timestamps (`…Z`, as in the document's DocumentResponse examples). */
const NAIVE_TIMESTAMPS = new Set(['created_at', 'updated_at', 'last_upload_at', 'stats_updated_at', 'last_schema_sync']);

// ---------------------------------------------------------------- the test

describe('Mixpeek fidelity against the vendor OpenAPI document', () => {
  const ctx = useServer({ providers: ['mixpeek'] });
  const fx = useFidelity({ vendor: 'mixpeek', server: ctx, flow: runFlow, naiveDatetime: NAIVE_DATETIME, ajv: AJV_OPTIONS });
  const { captured, vendorOpOf, vendorResponses, vendorResponse, documentedSchema } = fx;
  const SCHEMA_REF = (name: string) => `${fx.id}#/components/schemas/${name}`;

  const KEY = `sk_test_fidelity_${Math.random().toString(36).slice(2, 10)}`;
  const tag = Math.random().toString(36).slice(2, 8);

  interface CallInit {
    method?: string;
    json?: unknown;
    /** X-Namespace value; undefined = none (the mock's implicit `default` namespace). */
    ns?: string;
    /** The bearer token; null = no Authorization header; a string starting with "raw:" = that header verbatim. */
    key?: string | null;
  }

  /** One request; the status must be the expected one (the flow is the coverage, so it must go as planned). */
  async function call(expected: number, p: string, init: CallInit = {}): Promise<Json> {
    const headers = new Headers();
    const key = init.key === undefined ? KEY : init.key;
    if (key !== null) headers.set('authorization', key.startsWith('raw:') ? key.slice(4) : `Bearer ${key}`);
    if (init.ns !== undefined) headers.set('x-namespace', init.ns);
    let body: string | null = null;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const method = init.method ?? 'GET';
    const res = await fetch(`${ctx.url}/mixpeek${p}`, { method, headers, body });
    const text = await res.text();
    if (res.status !== expected) throw new Error(`${method} ${p}: expected ${expected}, got ${res.status} ${text}`);
    if (text === '') return undefined;
    // A stream (stream: true) is Server-Sent Events, not JSON: its events are checked by test/mixpeek-retriever-stream.test.ts.
    return res.headers.get('content-type')?.startsWith('text/event-stream') ? text : JSON.parse(text);
  }

  async function runFlow(): Promise<void> {
    const advance = (ms: number) => ctx.server.clock.advance(ms);
    const POST = 'POST';
    const PATCH = 'PATCH';
    const DELETE = 'DELETE';

    // ---- the extractor catalog (public: the document declares no auth header on these two operations)
    await call(200, '/v1/collections/features/extractors', { key: null });
    await call(200, '/v1/collections/features/extractors/text_extractor_v1', { key: null });
    await call(404, '/v1/collections/features/extractors/no_such_extractor_v9', { key: null });

    // ---- namespaces (org-scoped, no X-Namespace)
    const nsName = `fidelity-${tag}`;
    const ns = await call(200, '/v1/namespaces', {
      method: POST,
      json: {
        namespace_name: nsName,
        description: 'Fidelity namespace',
        feature_extractors: [
          { feature_extractor_name: 'text_extractor', version: 'v1' },
          { feature_extractor_name: 'multimodal_extractor', version: 'v1' },
        ],
        payload_indexes: [{ field_name: 'metadata.category', type: 'keyword' }],
      },
    });
    const doomedNs = await call(200, '/v1/namespaces', {
      method: POST,
      json: { namespace_name: `doomed-${tag}`, feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }] },
    });
    await call(409, '/v1/namespaces', {
      method: POST,
      json: { namespace_name: nsName, feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }] },
    });
    await call(422, '/v1/namespaces', { method: POST, json: { namespace_name: `no-extractors-${tag}` } });
    await call(404, '/v1/namespaces', {
      method: POST,
      json: { namespace_name: `bad-extractor-${tag}`, feature_extractors: [{ feature_extractor_name: 'text', version: '1.0.0' }] },
    });
    await call(200, '/v1/namespaces/list', { method: POST, json: {} });
    await call(200, '/v1/namespaces/list?limit=1&include_total=true', { method: POST, json: { search: 'fidelity', case_sensitive: false } });
    await call(422, '/v1/namespaces/list?limit=0', { method: POST, json: {} });
    await call(200, `/v1/namespaces/${ns.namespace_id}`);
    await call(200, `/v1/namespaces/${nsName}`);
    await call(404, '/v1/namespaces/ns_0000000000');
    await call(200, `/v1/namespaces/${ns.namespace_id}`, { method: PATCH, json: { description: 'Renamed description', auto_create_indexes: true } });
    await call(409, `/v1/namespaces/${ns.namespace_id}`, { method: PATCH, json: { namespace_name: doomedNs.namespace_name } });
    await call(422, `/v1/namespaces/${ns.namespace_id}`, { method: PATCH, json: { namespace_name: 12 } });
    await call(404, '/v1/namespaces/ns_0000000000', { method: PATCH, json: { description: 'x' } });
    const nsTask = await call(200, `/v1/namespaces/${doomedNs.namespace_id}`, { method: DELETE });
    await call(404, `/v1/namespaces/${doomedNs.namespace_id}`, { method: DELETE });
    await call(200, `/v1/tasks/${nsTask.task_id}`);
    await call(404, '/v1/tasks/task_000000000000000000000000');

    const NS = ns.namespace_id as string;

    // ---- buckets
    const bucketSchema = {
      properties: {
        title: { type: 'string', description: 'Product title' },
        product_text: { type: 'text' },
        category: { type: 'string', enum: ['shoes', 'hats'] },
        image: { type: 'image' },
      },
    };
    const bucket = await call(200, '/v1/buckets', {
      method: POST,
      ns: NS,
      json: { bucket_name: 'products', description: 'Catalog', bucket_schema: bucketSchema, metadata: { team: 'catalog' } },
    });
    const keyed = await call(200, '/v1/buckets', {
      method: POST,
      ns: NS,
      json: { bucket_name: 'keyed', bucket_schema: { properties: { sku: { type: 'string', required: true } } }, unique_key: { fields: ['sku'] } },
    });
    const doomedBucket = await call(200, '/v1/buckets', {
      method: POST,
      ns: NS,
      json: { bucket_name: 'doomed', bucket_schema: { properties: { note: { type: 'text' } } } },
    });
    await call(409, '/v1/buckets', { method: POST, ns: NS, json: { bucket_name: 'products', bucket_schema: bucketSchema } });
    await call(422, '/v1/buckets', { method: POST, ns: NS, json: { bucket_name: 'bad-type', bucket_schema: { properties: { x: { type: 'json' } } } } });
    await call(404, '/v1/buckets', { method: POST, ns: 'no-such-namespace', json: { bucket_name: 'lost', bucket_schema: bucketSchema } });
    await call(200, '/v1/buckets/list', { method: POST, ns: NS, json: { limit: 2, offset: 0 } });
    await call(200, '/v1/buckets/list', { method: POST, ns: NS, json: { search: 'prod', sort: { field: 'bucket_name', direction: 'desc' } } });
    await call(422, '/v1/buckets/list', { method: POST, ns: NS, json: { limit: 5000 } });
    await call(200, `/v1/buckets/${bucket.bucket_id}`, { ns: NS });
    await call(200, '/v1/buckets/products', { ns: NS });
    await call(404, '/v1/buckets/bkt_00000000', { ns: NS });
    await call(200, `/v1/buckets/${bucket.bucket_id}`, {
      method: PATCH,
      ns: NS,
      json: { description: 'The catalog', metadata: { team: 'catalog', tier: 'gold' } },
    });
    await call(409, `/v1/buckets/${bucket.bucket_id}`, { method: PATCH, ns: NS, json: { bucket_name: 'keyed' } });
    await call(404, '/v1/buckets/bkt_00000000', { method: PATCH, ns: NS, json: { description: 'x' } });
    const bucketTask = await call(200, `/v1/buckets/${doomedBucket.bucket_id}`, { method: DELETE, ns: NS });
    await call(200, `/v1/buckets/${doomedBucket.bucket_id}`, { ns: NS }); // status IN_PROGRESS while the task runs
    await call(200, `/v1/tasks/${bucketTask.task_id}`);

    // ---- collections: the current form, the legacy form on /v1/collections, the legacy path, a collection-sourced one
    const current = await call(200, '/v1/collections', {
      method: POST,
      ns: NS,
      json: {
        collection_name: 'product-text',
        description: 'Product descriptions embedded',
        source: {
          type: 'bucket',
          bucket_ids: [bucket.bucket_id],
          source_filters: { filters: { AND: [{ field: 'category', operator: 'in', value: ['shoes', 'hats'] }] } },
        },
        feature_extractor: {
          feature_extractor_name: 'text_extractor',
          version: 'v1',
          input_mappings: { text: 'product_text' },
          field_passthrough: [{ source_path: 'title' }, { source_path: 'category', target_path: 'kind' }],
          parameters: { extractor_type: 'text_extractor', split_by: 'none' },
        },
        metadata: { owner: 'fidelity' },
        taxonomy_applications: [{ taxonomy_id: 'tax_current' }],
      },
    });
    const legacyBody = {
      collection_name: 'legacy-form',
      description: 'The legacy request shape',
      source: {
        type: 'bucket',
        bucket_id: bucket.bucket_id,
        prefix_key: 'catalog/',
        collection_id: null,
        filters: { AND: [{ field: 'category', operator: 'eq', value: 'shoes' }], OR: [], NOT: [], case_sensitive: true },
      },
      feature_extractors: [
        {
          feature_extractor_name: 'text_extractor',
          version: 'v1',
          parameters: {},
          input_mapping: { text: 'product_text' },
          output_mapping: {},
          document_output_type: 'single',
          document_input_handling: 'individual',
          document_output_handling: 'create_new',
        },
      ],
      taxonomy_applications: [{ taxonomy_id: 'tax_legacy', output_collection: current.collection_id }],
      enabled: true,
      metadata: {},
      document_handling: { output_type: 'single' },
      cache_config: {
        enabled: true,
        ttl_seconds: 604800,
        invalidation_strategy: 'replace_if_better',
        max_entries_per_key: 5,
        score_threshold: 0.8,
        invalidation_events: [{ collection: 'legacy-form', action: 'update', recompute_strategy: 'background', retriever_id: 'ret_1' }],
        retriever_configs: {},
      },
    };
    const legacy = await call(200, '/v1/collections', { method: POST, ns: NS, json: legacyBody });
    // Mock-only: the legacy path, same handler.
    const legacyPath = await call(200, '/v1/collections/create', { method: POST, ns: NS, json: { ...legacyBody, collection_name: 'legacy-path' } });
    const downstream = await call(200, '/v1/collections', {
      method: POST,
      ns: NS,
      json: {
        collection_name: 'downstream',
        source: { type: 'collection', collection_id: current.collection_id },
        feature_extractor: { feature_extractor_name: 'passthrough_extractor', version: 'v1', include_all_source_fields: true },
      },
    });
    await call(409, '/v1/collections', { method: POST, ns: NS, json: { ...legacyBody } });
    await call(409, '/v1/collections/create', { method: POST, ns: NS, json: { ...legacyBody } });
    await call(422, '/v1/collections', {
      method: POST,
      ns: NS,
      json: { source: { type: 'bucket', bucket_ids: [bucket.bucket_id] }, feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' } },
    });
    await call(422, '/v1/collections', {
      method: POST,
      ns: NS,
      json: { collection_name: 'no-extractor', source: { type: 'bucket', bucket_ids: [bucket.bucket_id] } },
    });
    await call(404, '/v1/collections', {
      method: POST,
      ns: NS,
      json: {
        collection_name: 'lost-source',
        source: { type: 'bucket', bucket_ids: ['bkt_00000000'] },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
      },
    });
    await call(400, '/v1/collections', {
      method: POST,
      ns: NS,
      json: {
        collection_name: 'bad-mapping',
        source: { type: 'bucket', bucket_ids: [bucket.bucket_id] },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1', input_mappings: { text: 'no_such_field' } },
      },
    });
    await call(200, '/v1/collections/list', { method: POST, ns: NS, json: {} });
    await call(200, '/v1/collections/list?limit=2&include_total=true', { method: POST, ns: NS, json: { search: 'legacy' } });
    await call(200, '/v1/collections/list', {
      method: POST,
      ns: NS,
      json: {
        filters: { AND: [{ field: 'taxonomy_applications.taxonomy_id', operator: 'eq', value: 'tax_legacy' }] },
        sort: { field: 'collection_name', direction: 'asc' },
      },
    });
    await call(422, '/v1/collections/list?offset=-1', { method: POST, ns: NS, json: {} });
    await call(200, `/v1/collections/${current.collection_id}`, { ns: NS });
    await call(200, '/v1/collections/legacy-form', { ns: NS });
    await call(404, '/v1/collections/create', { ns: NS }); // GET of the legacy path = "the collection named create"
    await call(200, `/v1/collections/${legacy.collection_id}`, {
      method: PATCH,
      ns: NS,
      json: {
        description: 'Patched',
        enabled: true,
        metadata: { patched: true },
        taxonomy_applications: [{ taxonomy_id: 'tax_legacy', output_collection: current.collection_id }],
      },
    });
    await call(400, `/v1/collections/${legacy.collection_id}`, { method: PATCH, ns: NS, json: { source: { type: 'bucket', bucket_ids: [keyed.bucket_id] } } });
    await call(409, `/v1/collections/${legacyPath.collection_id}`, { method: PATCH, ns: NS, json: { collection_name: 'legacy-form' } });
    await call(422, `/v1/collections/${legacyPath.collection_id}`, { method: PATCH, ns: NS, json: { collection_name: 'ab' } });
    await call(404, '/v1/collections/col_0000000000', { method: PATCH, ns: NS, json: { description: 'x' } });

    // ---- objects: auto_process runs DRAFT → PENDING → PROCESSING → COMPLETED on the clock, then documents exist
    const shoe = await call(200, `/v1/buckets/${bucket.bucket_id}/objects?auto_process=true`, {
      method: POST,
      ns: NS,
      json: {
        key_prefix: 'catalog/shoes',
        blobs: [
          { property: 'title', type: 'string', data: 'Trail runner' },
          { property: 'product_text', type: 'text', data: 'A light trail running shoe' },
          { property: 'category', type: 'string', data: 'shoes' },
          { property: 'image', type: 'image', data: 'https://example.com/images/shoe.jpg' },
        ],
        metadata: { sku: 'SH-1' },
      },
    });
    await call(200, `/v1/buckets/${bucket.bucket_id}/objects?auto_process=true`, {
      method: POST,
      ns: NS,
      json: {
        key_prefix: 'catalog/hats',
        blobs: [
          { property: 'title', type: 'string', data: 'Sun hat' },
          { property: 'product_text', type: 'text', data: 'Wide brim' },
          { property: 'category', type: 'string', data: 'hats' },
        ],
      },
    });
    const draft = await call(200, `/v1/buckets/${bucket.bucket_id}/objects`, {
      method: POST,
      ns: NS,
      json: { blobs: [{ property: 'title', type: 'string', data: 'Draft only' }] },
    });
    await call(400, `/v1/buckets/${bucket.bucket_id}/objects`, { method: POST, ns: NS, json: { blobs: [{ property: 'nope', type: 'string', data: 'x' }] } });
    await call(422, `/v1/buckets/${bucket.bucket_id}/objects`, { method: POST, ns: NS, json: { blobs: [{ type: 'string', data: 'x' }] } });
    await call(404, '/v1/buckets/bkt_00000000/objects', { method: POST, ns: NS, json: { blobs: [] } });
    await call(200, `/v1/buckets/${keyed.bucket_id}/objects?policy=insert`, {
      method: POST,
      ns: NS,
      json: { blobs: [{ property: 'sku', type: 'string', data: 'K-1' }] },
    });
    await call(409, `/v1/buckets/${keyed.bucket_id}/objects?policy=insert`, {
      method: POST,
      ns: NS,
      json: { blobs: [{ property: 'sku', type: 'string', data: 'K-1' }] },
    });
    await call(200, `/v1/buckets/${keyed.bucket_id}/objects?policy=upsert`, {
      method: POST,
      ns: NS,
      json: { blobs: [{ property: 'sku', type: 'string', data: 'K-1' }] },
    });
    await call(200, `/v1/buckets/${bucket.bucket_id}/objects/${shoe.object_id}`, { ns: NS }); // PENDING
    advance(1000);
    await call(200, `/v1/buckets/${bucket.bucket_id}/objects/${shoe.object_id}`, { ns: NS }); // PROCESSING
    await call(200, `/v1/tasks/${bucketTask.task_id}`); // IN_PROGRESS
    await call(200, `/v1/tasks/${nsTask.task_id}`);
    advance(1000);
    await call(200, `/v1/buckets/${bucket.bucket_id}/objects/${shoe.object_id}?return_presigned_urls=false`, { ns: NS }); // COMPLETED
    await call(200, `/v1/tasks/${bucketTask.task_id}`); // COMPLETED
    await call(404, `/v1/buckets/${doomedBucket.bucket_id}`, { ns: NS });
    await call(404, `/v1/buckets/${bucket.bucket_id}/objects/obj_000000000000`, { ns: NS });
    await call(200, `/v1/buckets/${bucket.bucket_id}/objects/list`, { method: POST, ns: NS, json: {} });
    await call(200, `/v1/buckets/${bucket.bucket_id}/objects/list?limit=1&include_total=true`, {
      method: POST,
      ns: NS,
      json: { filters: { AND: [{ field: 'status', operator: 'eq', value: 'COMPLETED' }] }, sort: { field: 'created_at', direction: 'desc' } },
    });
    await call(404, '/v1/buckets/bkt_00000000/objects/list', { method: POST, ns: NS, json: {} });
    await call(422, `/v1/buckets/${bucket.bucket_id}/objects/list?limit=abc`, { method: POST, ns: NS, json: {} });

    // ---- documents
    const docs = await call(200, `/v1/collections/${current.collection_id}/documents/list`, { method: POST, ns: NS, json: {} });
    if (!docs.results?.length) throw new Error(`no documents after processing: ${JSON.stringify(docs)}`);
    const legacyDocs = await call(200, `/v1/collections/${legacy.collection_id}/documents/list?include_total=true`, {
      method: POST,
      ns: NS,
      json: { return_vectors: true },
    });
    if (legacyDocs.results?.length !== 1) throw new Error(`the legacy collection's filter should keep one document: ${JSON.stringify(legacyDocs)}`);
    await call(200, `/v1/collections/${current.collection_id}/documents/list?limit=1`, {
      method: POST,
      ns: NS,
      json: { filters: { AND: [{ field: 'kind', operator: 'eq', value: 'shoes' }] } },
    });
    await call(404, '/v1/collections/col_0000000000/documents/list', { method: POST, ns: NS, json: {} });
    const docId = docs.results[0].document_id as string;
    await call(200, `/v1/collections/${current.collection_id}/documents/${docId}`, { ns: NS });
    await call(200, `/v1/collections/${current.collection_id}/documents/${docId}?return_vectors=true&return_presigned_urls=false`, { ns: NS });
    await call(422, `/v1/collections/${current.collection_id}/documents/${docId}?return_vectors=maybe`, { ns: NS });
    await call(404, `/v1/collections/${current.collection_id}/documents/doc_000000000000000000000000`, { ns: NS });
    await call(200, `/v1/collections/${current.collection_id}`, { ns: NS }); // document_count > 0
    await call(200, `/v1/namespaces/${NS}`); // counts
    await call(200, `/v1/collections/${current.collection_id}/documents/${docId}/lineage`, { ns: NS });
    await call(404, `/v1/collections/${current.collection_id}/documents/doc_000000000000000000000000/lineage`, { ns: NS });
    await call(200, `/v1/objects/${shoe.object_id}/documents`, { ns: NS });
    await call(200, `/v1/objects/${shoe.object_id}/documents?collection_ids=${current.collection_id}&return_vectors=true`, { ns: NS });
    await call(404, '/v1/objects/obj_000000000000/documents', { ns: NS });
    await call(200, `/v1/collections/${current.collection_id}/documents/${docId}`, { method: DELETE, ns: NS });
    await call(404, `/v1/collections/${current.collection_id}/documents/${docId}`, { method: DELETE, ns: NS });

    // ---- writing documents: create, PUT, PATCH, bulk, batch update and delete
    const written = await call(200, `/v1/collections/${current.collection_id}/documents`, {
      method: POST,
      ns: NS,
      json: {
        collection_id: current.collection_id,
        text: 'Waterproof hiking boots',
        title: 'Hiker',
        metadata: { status: 'pending' },
        features: [{ feature_extractor_id: 'text_extractor_v1', payload: { kind: 'shoes' } }],
      },
    });
    const second = await call(200, `/v1/collections/${current.collection_id}/documents`, {
      method: POST,
      ns: NS,
      json: { collection_id: current.collection_id, text: 'Wool beanie', metadata: { status: 'pending' } },
    });
    await call(400, `/v1/collections/${current.collection_id}/documents`, { method: POST, ns: NS, json: { collection_id: legacy.collection_id } });
    await call(422, `/v1/collections/${current.collection_id}/documents`, { method: POST, ns: NS, json: { text: 'no collection id' } });
    await call(404, '/v1/collections/col_0000000000/documents', { method: POST, ns: NS, json: { collection_id: 'col_0000000000' } });
    const writtenPath = `/v1/collections/${current.collection_id}/documents/${written.document_id}`;
    await call(200, writtenPath, {
      method: 'PUT',
      ns: NS,
      json: { text: 'Waterproof hiking boots, resoled', title: 'Hiker', metadata: { status: 'pending' } },
    });
    await call(400, writtenPath, { method: 'PUT', ns: NS, json: { document_id: 'doc_x' } });
    await call(404, `/v1/collections/${current.collection_id}/documents/doc_000000000000000000000000`, { method: 'PUT', ns: NS, json: {} });
    await call(422, writtenPath, { method: 'PUT', ns: NS, json: ['not', 'an', 'object'] });
    await call(200, writtenPath, { method: PATCH, ns: NS, json: { 'metadata.status': 'reviewed' } });
    await call(400, writtenPath, { method: PATCH, ns: NS, json: { text_extractor_v1_embedding: [0] } });
    await call(404, `/v1/collections/${current.collection_id}/documents/doc_000000000000000000000000`, { method: PATCH, ns: NS, json: {} });
    await call(422, writtenPath, { method: PATCH, ns: NS, json: 'text' });
    await call(200, `/v1/collections/${current.collection_id}/documents/bulk`, {
      method: PATCH,
      ns: NS,
      json: { filters: { must: [{ key: 'metadata.status', value: 'pending' }] }, update_data: { 'metadata.status': 'processed' } },
    });
    await call(400, `/v1/collections/${current.collection_id}/documents/bulk`, { method: PATCH, ns: NS, json: { update_data: { _internal: {} } } });
    await call(404, '/v1/collections/col_0000000000/documents/bulk', { method: PATCH, ns: NS, json: { update_data: {} } });
    await call(422, `/v1/collections/${current.collection_id}/documents/bulk`, { method: PATCH, ns: NS, json: {} });
    await call(200, `/v1/collections/${current.collection_id}/documents/batch`, {
      method: POST,
      ns: NS,
      json: {
        updates: [
          { document_id: written.document_id, update_data: { metadata: { status: 'done' } } },
          { document_id: 'doc_000000000000000000000000', update_data: {} },
        ],
      },
    });
    await call(200, `/v1/collections/${current.collection_id}/documents/batch`, {
      method: POST,
      ns: NS,
      json: { filters: { AND: [{ field: 'metadata.status', operator: 'eq', value: 'processed' }] }, update_data: { 'metadata.status': 'batched' } },
    });
    await call(400, `/v1/collections/${current.collection_id}/documents/batch`, { method: POST, ns: NS, json: {} });
    await call(404, '/v1/collections/col_0000000000/documents/batch', { method: POST, ns: NS, json: {} });
    await call(422, `/v1/collections/${current.collection_id}/documents/batch`, { method: POST, ns: NS, json: { updates: [] } });
    await call(200, `/v1/collections/${current.collection_id}/documents/batch`, {
      method: DELETE,
      ns: NS,
      json: { document_ids: [second.document_id, 'doc_000000000000000000000000'] },
    });
    await call(200, `/v1/collections/${current.collection_id}/documents/batch`, {
      method: DELETE,
      ns: NS,
      json: { filters: { AND: [{ field: 'title', operator: 'eq', value: 'nothing matches this' }] } },
    });
    await call(400, `/v1/collections/${current.collection_id}/documents/batch`, { method: DELETE, ns: NS, json: {} });
    await call(404, '/v1/collections/col_0000000000/documents/batch', { method: DELETE, ns: NS, json: { document_ids: ['doc_x'] } });
    await call(422, `/v1/collections/${current.collection_id}/documents/batch`, { method: DELETE, ns: NS, json: { document_ids: 'doc_x' } });

    // ---- retrievers: the stage registry, CRUD, execute (JSON and SSE), explain, executions, ad hoc
    await call(200, '/v1/retrievers/stages', { key: null });
    const DENSE = 'mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1';
    const retrieverBody = {
      retriever_name: 'products-search',
      description: 'Products by meaning and words',
      collection_identifiers: [current.collection_id],
      input_schema: { query: { type: 'text', required: true, description: 'Search text', examples: ['boots'] }, min_rank: { type: 'integer', default: 0 } },
      stages: [
        {
          stage_name: 'search',
          stage_type: 'filter',
          config: {
            stage_id: 'feature_search',
            parameters: {
              searches: [
                { feature_uri: DENSE, query: { input_mode: 'text', value: '{{INPUT.query}}' }, top_k: 50 },
                { feature_uri: 'mixpeek://text_extractor@v1/bm25_sparse', query: '{{INPUT.query}}' },
              ],
              final_top_k: 10,
            },
          },
        },
        { stage_name: 'by-kind', config: { stage_id: 'sort_attribute', parameters: { sort_field: 'kind', order: 'asc' } } },
      ],
      budget_limits: { max_credits: 100, max_time_ms: 60000 },
      tags: ['catalog'],
    };
    const ret = (await call(200, '/v1/retrievers', { method: POST, ns: NS, json: retrieverBody })).retriever;
    await call(409, '/v1/retrievers', { method: POST, ns: NS, json: retrieverBody });
    await call(400, '/v1/retrievers', {
      method: POST,
      ns: NS,
      json: { ...retrieverBody, retriever_name: 'bad-stage', stages: [{ stage_name: 'x', config: { stage_id: 'llm_filter' } }] },
    });
    await call(404, '/v1/retrievers', { method: POST, ns: NS, json: { ...retrieverBody, retriever_name: 'lost', collection_identifiers: ['col_0000000000'] } });
    await call(422, '/v1/retrievers', { method: POST, ns: NS, json: { retriever_name: 'no-stages', stages: [] } });
    await call(200, '/v1/retrievers/list', { method: POST, ns: NS, json: {} });
    await call(200, '/v1/retrievers/list?limit=1&include_total=true', {
      method: POST,
      ns: NS,
      json: { search: 'products', sorts: [{ field: 'retriever_name', direction: 'asc' }] },
    });
    await call(422, '/v1/retrievers/list?limit=0', { method: POST, ns: NS, json: {} });
    await call(200, `/v1/retrievers/${ret.retriever_id}`, { ns: NS });
    await call(200, '/v1/retrievers/products-search', { ns: NS });
    await call(404, '/v1/retrievers/ret_0000000000000000', { ns: NS });
    await call(200, `/v1/retrievers/${ret.retriever_id}`, { method: PATCH, ns: NS, json: { description: 'Products, patched', tags: ['catalog', 'v2'] } });
    await call(400, `/v1/retrievers/${ret.retriever_id}`, { method: PATCH, ns: NS, json: { stages: [] } });
    await call(404, '/v1/retrievers/ret_0000000000000000', { method: PATCH, ns: NS, json: { description: 'x' } });
    await call(422, `/v1/retrievers/${ret.retriever_id}`, { method: PATCH, ns: NS, json: { retriever_name: '' } });
    const clone = (
      await call(201, `/v1/retrievers/${ret.retriever_id}/clone`, { method: POST, ns: NS, json: { retriever_name: 'products-search-copy', tags: ['copy'] } })
    ).retriever;
    await call(409, `/v1/retrievers/${ret.retriever_id}/clone`, { method: POST, ns: NS, json: { retriever_name: 'products-search' } });
    await call(400, `/v1/retrievers/${ret.retriever_id}/clone`, {
      method: POST,
      ns: NS,
      json: { retriever_name: 'bad-clone', stages: [{ stage_name: 's', config: { stage_id: 'nope' } }] },
    });
    await call(404, '/v1/retrievers/ret_0000000000000000/clone', { method: POST, ns: NS, json: { retriever_name: 'x' } });
    await call(422, `/v1/retrievers/${ret.retriever_id}/clone`, { method: POST, ns: NS, json: {} });
    const executed = await call(200, `/v1/retrievers/${ret.retriever_id}/execute`, {
      method: POST,
      ns: NS,
      json: { inputs: { query: 'hiking boots' }, pagination: { method: 'cursor', limit: 1 } },
    });
    await call(200, `/v1/retrievers/${ret.retriever_id}/execute?return_vectors=true&return_presigned_urls=true`, {
      method: POST,
      ns: NS,
      json: { inputs: { query: 'hiking boots' }, stream: true },
    });
    await call(200, '/v1/retrievers/products-search/execute', {
      method: POST,
      ns: NS,
      json: { inputs: { query: 'beanie' }, pagination: { method: 'offset', page_size: 5, page_number: 1 } },
    });
    await call(400, `/v1/retrievers/${ret.retriever_id}/execute`, { method: POST, ns: NS, json: { inputs: { query: 'x' }, pagination: { cursor: 'bogus' } } });
    await call(404, '/v1/retrievers/ret_0000000000000000/execute', { method: POST, ns: NS, json: { inputs: {} } });
    await call(422, `/v1/retrievers/${ret.retriever_id}/execute`, { method: POST, ns: NS, json: { inputs: {} } });
    await call(200, `/v1/retrievers/${ret.retriever_id}/execute/explain`, { method: POST, ns: NS, json: { inputs: { query: 'boots' } } });
    await call(200, `/v1/retrievers/${ret.retriever_id}/execute/explain`, { method: POST, ns: NS, json: {} });
    await call(404, '/v1/retrievers/ret_0000000000000000/execute/explain', { method: POST, ns: NS, json: {} });
    await call(422, `/v1/retrievers/${ret.retriever_id}/execute/explain`, { method: POST, ns: NS, json: { inputs: { query: 7 } } });
    await call(200, `/v1/retrievers/${ret.retriever_id}/executions/list`, { method: POST, ns: NS, json: {} });
    await call(200, `/v1/retrievers/${ret.retriever_id}/executions/list?limit=1`, {
      method: POST,
      ns: NS,
      json: { status: 'completed', sorts: [{ field: 'created_at', direction: 'desc' }] },
    });
    await call(404, '/v1/retrievers/ret_0000000000000000/executions/list', { method: POST, ns: NS, json: {} });
    await call(422, `/v1/retrievers/${ret.retriever_id}/executions/list?offset=-1`, { method: POST, ns: NS, json: {} });
    await call(200, `/v1/retrievers/${ret.retriever_id}/executions/${executed.execution_id}`, { ns: NS });
    await call(404, `/v1/retrievers/${ret.retriever_id}/executions/exec_0000000000000000`, { ns: NS });
    const adhocBody = {
      collection_identifiers: [current.collection_id],
      input_schema: { query: { type: 'text', required: true } },
      stages: [{ stage_name: 'search', config: { stage_id: 'feature_search', parameters: { searches: [{ feature_uri: DENSE, query: '{{INPUT.query}}' }] } } }],
      inputs: { query: 'boots' },
    };
    const adhoc = await call(200, '/v1/retrievers/execute', { method: POST, ns: NS, json: adhocBody });
    await call(200, '/v1/retrievers/execute', { method: POST, ns: NS, json: { ...adhocBody, stream: true } });
    await call(400, '/v1/retrievers/execute', { method: POST, ns: NS, json: { ...adhocBody, stages: [{ stage_name: 'x', config: { stage_id: 'rerank' } }] } });
    await call(404, '/v1/retrievers/execute', { method: POST, ns: NS, json: { ...adhocBody, collection_identifiers: ['col_0000000000'] } });
    await call(422, '/v1/retrievers/execute', { method: POST, ns: NS, json: { stages: adhocBody.stages } });
    await call(200, '/v1/retrievers/executions/list', { method: POST, ns: NS, json: {} });
    await call(200, '/v1/retrievers/executions/list?limit=1', { method: POST, ns: NS, json: { status: 'completed', start_time: '2000-01-01T00:00:00' } });
    await call(400, '/v1/retrievers/executions/list', { method: POST, ns: NS, json: { start_time: 'not a time' } });
    await call(422, '/v1/retrievers/executions/list?limit=x', { method: POST, ns: NS, json: {} });
    await call(200, `/v1/retrievers/executions/${adhoc.execution_id}`, { ns: NS });
    await call(404, '/v1/retrievers/executions/exec_0000000000000000', { ns: NS });
    await call(200, `/v1/retrievers/${clone.retriever_id}`, { method: DELETE, ns: NS });
    await call(404, `/v1/retrievers/${clone.retriever_id}`, { method: DELETE, ns: NS });

    // ---- auth failures on documented routes (401 UnauthorizedError, the vendor's error table)
    await call(401, '/v1/collections/list', { method: POST, ns: NS, key: null, json: {} });
    await call(401, `/v1/buckets/${bucket.bucket_id}`, { ns: NS, key: 'raw:Token abc' });
    await call(401, '/v1/namespaces/list', { method: POST, key: 'raw:Bearer', json: {} });

    // ---- deletes
    await call(204, `/v1/buckets/${bucket.bucket_id}/objects/${draft.object_id}`, { method: DELETE, ns: NS });
    await call(404, `/v1/buckets/${bucket.bucket_id}/objects/${draft.object_id}`, { method: DELETE, ns: NS });
    await call(200, `/v1/collections/${downstream.collection_id}`, { method: DELETE, ns: NS });
    await call(404, `/v1/collections/${downstream.collection_id}`, { method: DELETE, ns: NS });
    await call(404, `/v1/collections/${downstream.collection_id}`, { ns: NS });
    await call(200, `/v1/collections/${legacyPath.collection_id}`, { method: DELETE, ns: NS });
  }

  // ------------------------------------------------------------ helpers over the capture

  /** The vendor operation whose schemas a reply is validated against (VALIDATE_AS for the legacy path). */
  const validationOpOf = (c: Captured) => {
    const alias = VALIDATE_AS[`${c.method} ${c.path}`];
    return vendorOpOf(c) ?? (alias ? matchOp(fx.vendorOps, alias.method, alias.path) : undefined);
  };

  /** Schemas with the one allowed extra on a closed schema (ALLOWED_CLOSED_EXTRAS) added as a declared property. */
  const patchedSchemas = (): Json => {
    const schemas = { ...fx.contract.components.schemas };
    for (const d of ALLOWED_CLOSED_EXTRAS) schemas[d.schema] = { ...schemas[d.schema], properties: { ...schemas[d.schema].properties, [d.property]: d.patch } };
    return { schemas };
  };

  /**
   * Each Ajv instance registers `components.schemas` once, on first use: the document as
   * published, the document with the allowed closed-schema extra, and the closed copy that
   * lists undeclared fields. Validators are compiled per distinct schema on first use.
   */
  const memo = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const published = memo(() => {
    const ajv = fx.ajv(fx.contract.components);
    return {
      ajv,
      validatorFor: fx.validators(ajv),
      errorResponse: ajv.compile<Json>({ $ref: SCHEMA_REF('ErrorResponse') }),
      taskStatus: ajv.compile({ $ref: SCHEMA_REF('TaskStatusEnum') }),
    };
  });
  const withAllowedExtras = memo(() => fx.validators(fx.ajv(patchedSchemas())));
  const closed = memo(() => fx.validators(fx.ajv(closeObjects(patchedSchemas()))));

  it('recorded the flow through the fetch wrapper', () => {
    expect(captured.length).toBeGreaterThan(100);
    expect(captured.some((c) => c.method === 'POST' && c.path === '/v1/collections/create' && c.status === 200)).toBe(true);
  });

  it('covers, with a success status, every operation the vendor document describes and the mock serves', () => {
    const served = fx.served();
    // The vendor's operation ids of what this test must reach at the very least; if the
    // mock stopped serving one, that is a failure here.
    expect(served.map((o) => o.id).sort()).toEqual(
      [
        'create_collection_v1_collections_post',
        'list_collections_v1_collections_list_post',
        'get_collection_v1_collections__collection_identifier__get',
        'update_collection_v1_collections__collection_identifier__patch',
        'delete_collection_v1_collections__collection_identifier__delete',
        'list_feature_extractors_v1_collections_features_extractors_get',
        'get_feature_extractor_by_id_v1_collections_features_extractors__feature_extractor_id__get',
        'list_documents_v1_collections__collection_identifier__documents_list_post',
        'get_document_v1_collections__collection_identifier__documents__document_id__get',
        'delete_document_v1_collections__collection_identifier__documents__document_id__delete',
        'create_document_v1_collections__collection_identifier__documents_post',
        'update_document_v1_collections__collection_identifier__documents__document_id__put',
        'patch_document_v1_collections__collection_identifier__documents__document_id__patch',
        'bulk_update_documents_v1_collections__collection_identifier__documents_bulk_patch',
        'batch_update_documents_v1_collections__collection_identifier__documents_batch_post',
        'batch_delete_documents_v1_collections__collection_identifier__documents_batch_delete',
        'get_document_lineage_v1_collections__collection_id__documents__document_id__lineage_get',
        'get_documents_by_object_v1_objects__object_id__documents_get',
        'list_stages_v1_retrievers_stages_get',
        'create_retriever_v1_retrievers_post',
        'list_retrievers_v1_retrievers_list_post',
        'get_retriever_v1_retrievers__retriever_id__get',
        'patch_retriever_v1_retrievers__retriever_id__patch',
        'delete_retriever_v1_retrievers__retriever_id__delete',
        'clone_retriever_v1_retrievers__retriever_id__clone_post',
        'execute_retriever_v1_retrievers__retriever_id__execute_post',
        'execute_adhoc_retriever_v1_retrievers_execute_post',
        'explain_retriever_execution_v1_retrievers__retriever_id__execute_explain_post',
        'list_executions_v1_retrievers__retriever_id__executions_list_post',
        'get_execution_v1_retrievers__retriever_id__executions__execution_id__get',
        'list_adhoc_executions_v1_retrievers_executions_list_post',
        'get_adhoc_execution_v1_retrievers_executions__execution_id__get',
        'create_namespace_v1_namespaces_post',
        'list_namespaces_v1_namespaces_list_post',
        'get_namespace_v1_namespaces__namespace_identifier__get',
        'patch_namespace_v1_namespaces__namespace_identifier__patch',
        'delete_namespace_v1_namespaces__namespace_identifier__delete',
        'create_bucket_v1_buckets_post',
        'list_buckets_v1_buckets_list_post',
        'get_bucket_v1_buckets__bucket_identifier__get',
        'patch_bucket_v1_buckets__bucket_identifier__patch',
        'delete_bucket_v1_buckets__bucket_identifier__delete',
        'create_object_v1_buckets__bucket_identifier__objects_post',
        'list_objects_v1_buckets__bucket_identifier__objects_list_post',
        'get_object_v1_buckets__bucket_identifier__objects__object_identifier__get',
        'delete_object_v1_buckets__bucket_identifier__objects__object_identifier__delete',
        'get_task_v1_tasks__task_id__get',
      ].sort(),
    );
    const missed = fx.missed();
    expect(missed.map(label), 'operations never exercised with a success status').toEqual([]);
    // Every operation of the mock is either one of those or listed as mock-only.
    const mockOnly = fx.mockOnly();
    expect(mockOnly.map((m) => `${m.method} ${shape(m.template)}`).sort()).toEqual([...MOCK_ONLY_OPERATIONS].sort());
  });

  it('pins the vendor document facts the deviations below rely on', () => {
    const s = fx.contract.components.schemas!;
    // Timestamps are declared as RFC 3339 date-time (the wire is naive).
    expect(s.CollectionResponse.properties.created_at.anyOf[0]).toEqual({ type: 'string', format: 'date-time' });
    expect(s.BucketResponse.properties.created_at.anyOf[0]).toEqual({ type: 'string', format: 'date-time' });
    // 422 is documented as FastAPI's HTTPValidationError, never as the envelope.
    expect(documentedSchema(matchOp(fx.vendorOps, 'POST', '/v1/collections')!, 422)).toEqual({ $ref: '#/components/schemas/HTTPValidationError' });
    expect(s.HTTPValidationError.properties.detail.type).toBe('array');
    expect(s.ErrorResponse.required).toEqual(['status', 'error']);
    // Delete bodies of collections, namespaces and buckets are typed `{}`; objects are a bare 204.
    for (const p of ['/v1/collections/{collection_identifier}', '/v1/namespaces/{namespace_identifier}', '/v1/buckets/{bucket_identifier}']) {
      expect(contractOperation(fx.contract, 'DELETE', p).responses['200'].content['application/json'].schema, p).toEqual({});
    }
    expect(contractOperation(fx.contract, 'DELETE', '/v1/buckets/{bucket_identifier}/objects/{object_identifier}').responses['204'].content).toBeUndefined();
    // No 409 on any operation the mock serves: the name conflicts come from the vendor's error table
    // instead (UNDOCUMENTED_STATUSES).
    const served = fx.served();
    const statusesOf = (ops: OperationRef[]) => new Set(ops.flatMap((o) => Object.keys(vendorResponses(o))));
    // 201: the clone of a retriever.
    expect([...statusesOf(served)].sort()).toEqual(['200', '201', '204', '400', '401', '403', '404', '422', '500']);
    // The only closed (additionalProperties:false) schemas the served operations reach.
    expect(
      Object.entries<Json>(s)
        .filter(([, x]) => x.additionalProperties === false)
        .map(([n]) => n)
        .sort(),
    ).toEqual(['AlertApplicationConfig-Input', 'AlertApplicationConfig-Output', 'TaxonomyApplicationConfig-Input', 'TaxonomyApplicationConfig-Output']);
    expect(s['TaxonomyApplicationConfig-Output'].properties.output_collection).toBeUndefined();
    // `DONE` is not a current task status (the collection `status: "DONE"` is a legacy-only field).
    expect(s.TaskStatusEnum.enum).not.toContain('DONE');
    expect(s.CollectionResponse.properties.status).toBeUndefined();
    // No `discriminator` is reachable from the response schemas of the served operations, nor from
    // any other schema in the contract (so Ajv's discriminator option is not needed); the document
    // uses the keyword only on schemas of operations the mock does not serve.
    const reachable = new Set<string>();
    const visit = (node: Json): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries<Json>(node)) {
        if (k === '$ref' && typeof v === 'string') {
          const name = v.replace('#/components/schemas/', '');
          if (!reachable.has(name)) {
            reachable.add(name);
            visit(s[name]);
          }
        } else visit(v);
      }
    };
    for (const o of served) for (const r of Object.values<Json>(vendorResponses(o))) visit(r);
    expect(reachable.has('CollectionResponse') && reachable.has('DocumentResponse')).toBe(true);
    expect([...reachable].filter((n) => JSON.stringify(s[n]).includes('"discriminator"'))).toEqual([]);
    expect(Object.keys(s).filter((n) => JSON.stringify(s[n]).includes('"discriminator"'))).toEqual([]);
    // Responses reference the `-Output` variants.
    expect(s.CollectionResponse.properties.taxonomy_applications.anyOf[0].items.$ref).toBe('#/components/schemas/TaxonomyApplicationConfig-Output');
  });

  it('every reply the vendor document describes validates against the vendor schema (apart from the listed deviations)', () => {
    const validatorFor = withAllowedExtras();
    const problems: string[] = [];
    let validated = 0;
    const validatedPaths = new Set<string>();
    for (const c of captured) {
      const op = validationOpOf(c);
      if (!op || c.status === 422) continue; // 422s: see the envelope test
      if (!vendorResponse(op, c.status)) continue; // undocumented statuses: see below
      const schema = documentedSchema(op, c.status);
      if (schema === undefined) {
        // A documented status without content: only the object delete's 204.
        if (c.body !== undefined) problems.push(`${op.id} (${c.method} ${c.path}) ${c.status}: body ${JSON.stringify(c.body)} where the document has none`);
        continue;
      }
      const validate = validatorFor(schema);
      validated++;
      validatedPaths.add(`${c.method} ${c.path}`);
      if (validate(c.body)) continue;
      for (const e of validate.errors as ErrorObject[]) {
        problems.push(
          `${op.id} (${c.method} ${c.path}) ${c.status} ${e.instancePath || '/'}: ${e.message}${e.keyword === 'enum' || e.keyword === 'format' ? ` (got ${JSON.stringify(e.data)})` : ''}`,
        );
      }
    }
    expect(validated).toBeGreaterThan(80);
    expect(validatedPaths.has('POST /v1/collections/create'), 'the legacy path was validated as the create operation').toBe(true);
    expect(problems).toEqual([]);
  });

  it('on the closed schemas, the only extra key is the allowed legacy alias, and the flow needed it', () => {
    // Validate successes against the UNPATCHED document and collect every additionalProperties
    // failure: it must be exactly ALLOWED_CLOSED_EXTRAS (no more, and no dead exception).
    const { validatorFor } = published();
    const seen = fx.successErrors(validatorFor, validationOpOf, (e) => {
      if (e.keyword !== 'additionalProperties') return undefined;
      // parentSchema is the registered object itself (components are passed to Ajv as they are).
      const owner =
        Object.entries<Json>(fx.contract.components.schemas!).find(([, s]) => s === e.parentSchema)?.[0] ??
        `(inline ${JSON.stringify((e.parentSchema as Json).title)})`;
      return `${owner}.${(e.params as { additionalProperty: string }).additionalProperty}`;
    });
    expect([...seen].sort()).toEqual(ALLOWED_CLOSED_EXTRAS.map((d) => `${d.schema}.${d.property}`).sort());
  });

  it('422 replies are the envelope, not the document\'s HTTPValidationError {"detail":[…]}', () => {
    // DEVIATION: the document lists FastAPI's auto-generated HTTPValidationError for 422, which
    // FastAPI writes into every generated document whatever handlers the service installs. The
    // vendor's error reference (troubleshoot/errors.mdx in github.com/mixpeek/docs) and its notes on
    // the backend (.cursor/rules/server.mdc there: validation errors "normalized with explicit
    // handlers") describe the ErrorResponse envelope instead, so the mock sends the envelope; the
    // vendor's generated Python SDK reads a 422 body with every field optional, so that does not
    // break it. So 422 bodies are NOT validated against HTTPValidationError; they are validated
    // against the document's own ErrorResponse, plus the envelope's documented details (type
    // ValidationError, validation_errors[] of {type, location, message}).
    const { ajv, errorResponse } = published();
    const replies = captured.filter((c) => c.status === 422);
    expect(replies.length).toBeGreaterThanOrEqual(10);
    const bad: string[] = [];
    for (const c of replies) {
      const b = c.body;
      if (!errorResponse(b)) bad.push(`${c.method} ${c.path}: not an ErrorResponse: ${ajv.errorsText(errorResponse.errors)}`);
      if ('detail' in (b ?? {})) bad.push(`${c.method} ${c.path}: has FastAPI's "detail"`);
      if (b?.success !== false || b?.status !== 422 || b?.error?.type !== 'ValidationError' || b?.error?.message !== 'Validation error')
        bad.push(`${c.method} ${c.path}: envelope head ${JSON.stringify(b)}`);
      const items = b?.error?.details?.validation_errors;
      if (!Array.isArray(items) || items.length === 0) {
        bad.push(`${c.method} ${c.path}: no validation_errors`);
        continue;
      }
      for (const item of items) {
        const ok =
          item &&
          typeof item.type === 'string' &&
          typeof item.message === 'string' &&
          Array.isArray(item.location) &&
          ['body', 'query', 'path', 'header'].includes(item.location[0]) &&
          item.location.slice(1).every((x: unknown) => typeof x === 'string' || Number.isInteger(x)) &&
          Object.keys(item).every((k) => ['type', 'location', 'message', 'input', 'ctx'].includes(k));
        if (!ok) bad.push(`${c.method} ${c.path}: validation_errors item ${JSON.stringify(item)}`);
      }
    }
    expect(bad).toEqual([]);
    // The exact texts for a few cases (pydantic v2's words, as the vendor's error reference shows them).
    const itemsOf = (method: string, p: RegExp, i = 0) =>
      captured.filter((c) => c.status === 422 && c.method === method && p.test(c.path))[i]?.body.error.details.validation_errors;
    expect(itemsOf('POST', /^\/v1\/namespaces$/)).toEqual([{ type: 'missing', location: ['body', 'feature_extractors'], message: 'Field required' }]);
    expect(itemsOf('POST', /^\/v1\/collections$/)).toEqual([{ type: 'missing', location: ['body', 'collection_name'], message: 'Field required' }]);
    expect(itemsOf('POST', /^\/v1\/collections$/, 1)).toEqual([{ type: 'missing', location: ['body', 'feature_extractor'], message: 'Field required' }]);
    expect(itemsOf('POST', /^\/v1\/namespaces\/list$/)).toEqual([
      { type: 'greater_than_equal', location: ['query', 'limit'], message: 'Input should be greater than or equal to 1' },
    ]);
  });

  it('statuses the document does not describe are exactly the documented deviations, and every error is the envelope', () => {
    const { ajv, errorResponse } = published();
    const undocumented = fx.undocumentedStatuses();
    const unknownRoutes = fx.unknownRoutes();
    const bad: string[] = [];
    for (const c of captured) {
      // Every error, documented status or not (409 included), is the document's ErrorResponse
      // envelope with nulls omitted: success false, the HTTP status repeated, error {message, type, details?}.
      if (c.status >= 400) {
        if (!errorResponse(c.body)) bad.push(`${c.method} ${c.path} ${c.status}: ${ajv.errorsText(errorResponse.errors)}`);
        else if (c.body.success !== false || c.body.status !== c.status || ('details' in c.body.error && c.body.error.details === null))
          bad.push(`${c.method} ${c.path} ${c.status}: ${JSON.stringify(c.body)}`);
      }
    }
    expect(bad).toEqual([]);
    expect([...undocumented].sort()).toEqual(Object.keys(UNDOCUMENTED_STATUSES).sort());
    expect([...unknownRoutes].sort()).toEqual([...MOCK_ONLY_OPERATIONS].sort());
    // The error types of the vendor's error reference, per status.
    const types = new Map<number, Set<string>>();
    for (const c of captured) if (c.status >= 400) types.set(c.status, (types.get(c.status) ?? new Set()).add(c.body.error.type));
    expect(Object.fromEntries([...types].map(([s, t]) => [s, [...t].sort()]))).toEqual({
      400: ['BadRequestError'],
      401: ['UnauthorizedError'],
      404: ['NotFoundError'],
      409: ['AlreadyExistsError'],
      422: ['ValidationError'],
    });
  });

  it("the delete replies the document types as `{}` carry the mock's chosen bodies", () => {
    // The document's schema `{}` accepts anything, so the validation above says nothing about these
    // bodies. The bucket delete's is the one the document's description of the operation lists (an
    // asynchronous task: task_id, status, bucket_id, bucket_name, object_count); the namespace delete,
    // described as asynchronous with a task_id to poll, gets the same kind of receipt; the collection
    // delete, synchronous, a plain confirmation. task_id/status use the document's TaskResponse
    // property schemas, so a poller that reads them as a task receipt is served.
    const { taskStatus } = published();
    const bodies = (p: RegExp) => captured.filter((c) => c.method === 'DELETE' && c.status === 200 && p.test(c.path)).map((c) => c.body);
    const collections = bodies(/^\/v1\/collections\/[^/]+$/);
    expect(collections.length).toBeGreaterThanOrEqual(2);
    for (const b of collections)
      expect(b).toEqual({ success: true, message: 'Successfully deleted', collection_id: expect.stringMatching(/^col_[a-z0-9]{10}$/) });
    const buckets = bodies(/^\/v1\/buckets\/[^/]+$/);
    expect(buckets).toEqual([
      {
        task_id: expect.stringMatching(/^task_[0-9a-f]{24}$/),
        status: 'PENDING',
        bucket_id: expect.stringMatching(/^bkt_[0-9a-f]{8}$/),
        bucket_name: 'doomed',
        object_count: 0,
      },
    ]);
    const namespaces = bodies(/^\/v1\/namespaces\/[^/]+$/);
    expect(namespaces).toEqual([
      {
        task_id: expect.stringMatching(/^task_[0-9a-f]{24}$/),
        status: 'PENDING',
        namespace_id: expect.stringMatching(/^ns_[0-9a-f]{10}$/),
        namespace_name: expect.stringMatching(/^doomed-/),
      },
    ]);
    for (const b of [...buckets, ...namespaces]) expect(taskStatus(b.status)).toBe(true);
    // The receipts' tasks are pollable and run PENDING → IN_PROGRESS → COMPLETED on the clock.
    const polled = captured.filter((c) => c.method === 'GET' && c.path === `/v1/tasks/${buckets[0].task_id}`).map((c) => c.body.status);
    expect(polled).toEqual(['PENDING', 'IN_PROGRESS', 'COMPLETED']);
    // Object delete: 204 and no body, as documented.
    const objectDeletes = captured.filter((c) => c.method === 'DELETE' && /\/objects\//.test(c.path) && c.status < 300);
    expect(objectDeletes.map((c) => [c.status, c.body])).toEqual([[204, undefined]]);
  });

  it('fields on the wire that the document does not declare are exactly the listed legacy/newer ones', () => {
    // Where the document allows additional properties (every response schema but the closed
    // application configs), these fields do not fail validation above. This test pins them against
    // a closed copy of the document, so a new undeclared field is noticed. The allowed extra on a
    // closed schema is added as a declared property first (it is checked separately above).
    const extra = fx.undeclaredFields(closed(), validationOpOf);
    expect([...extra].sort()).toEqual([...WIRE_ONLY_FIELDS].sort());
  });

  it('null is never on the wire (the live service omits null fields, as its captured replies show)', () => {
    const nulls: string[] = [];
    const walk = (node: Json, where: string): void => {
      if (node === null) nulls.push(where);
      else if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}/${i}`));
      else if (typeof node === 'object') for (const [k, v] of Object.entries<Json>(node)) walk(v, `${where}/${k}`);
    };
    for (const c of captured) walk(c.body, `${c.method} ${c.path} ${c.status}`);
    expect(nulls).toEqual([]);
  });

  it("timestamps and ids have the live service's forms", () => {
    const wrong: string[] = [];
    const seen = { naive: 0, internal: 0 };
    const walk = (node: Json, where: string, inInternal: boolean): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`, inInternal));
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries<Json>(node)) {
        if (typeof v === 'string' && inInternal && (k === 'created_at' || k === 'updated_at')) {
          // Document `_internal` timestamps: plain strings in `…Z` form (the document's examples).
          if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v)) seen.internal++;
          else wrong.push(`${where}/${k} = ${v} (expected …Z)`);
        } else if (typeof v === 'string' && NAIVE_TIMESTAMPS.has(k)) {
          // Resource timestamps: naive, six fractional digits holding milliseconds.
          if (isNaiveDatetime(v) && /\.\d{3}000$/.test(v)) seen.naive++;
          else wrong.push(`${where}/${k} = ${v} (expected naive, 6 digits)`);
        } else walk(v, `${where}/${k}`, inInternal || k === '_internal');
      }
    };
    for (const c of captured) if (c.status < 300) walk(c.body, `${c.method} ${c.path}`, false);
    expect(wrong).toEqual([]);
    expect(seen.naive).toBeGreaterThan(60);
    expect(seen.internal).toBeGreaterThan(0);

    // ns_ and bkt_ as in the live captures; col_ as the document's CollectionResponse.collection_id
    // describes it; obj_, doc_ and blob_ with the lengths of the document's examples; task_ + 24 hex
    // is the mock's choice (the document says only "task_ prefix followed by secure token").
    const ids: Record<string, RegExp> = {
      namespace_id: /^ns_[0-9a-f]{10}$/,
      bucket_id: /^bkt_[0-9a-f]{8}$/,
      collection_id: /^col_[a-z0-9]{10}$/,
      object_id: /^obj_[0-9a-f]{12}$/,
      document_id: /^doc_[0-9a-f]{24}$/,
      blob_id: /^blob_[0-9a-f]{12}$/,
      task_id: /^task_[0-9a-f]{24}$/,
      // ret_ and exec_ with 16 hex: the mock's choice (the document's examples are ret_abc123 and exec_abc123def456).
      retriever_id: /^ret_[0-9a-f]{16}$/,
      source_retriever_id: /^ret_[0-9a-f]{16}$/,
      execution_id: /^exec_[0-9a-f]{16}$/,
      feature_extractor_id: /^[a-z_]+_v\d+$/,
    };
    const badIds: string[] = [];
    const counts: Record<string, number> = {};
    const walkIds = (node: Json, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walkIds(n, `${where}/${i}`));
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries<Json>(node)) {
        // taxonomy targets and lineage `collection_id`s in the legacy configs are ids too; ignore user data under metadata and the legacy cache_config.
        if (typeof v === 'string' && ids[k]) {
          counts[k] = (counts[k] ?? 0) + 1;
          if (!ids[k].test(v)) badIds.push(`${where}/${k} = ${v}`);
        } else if (k !== 'metadata' && k !== 'cache_config') walkIds(v, `${where}/${k}`); // both echo what the client sent
      }
    };
    for (const c of captured) if (c.status < 300) walkIds(c.body, `${c.method} ${c.path}`);
    expect(badIds).toEqual([]);
    expect(Object.keys(counts).sort()).toEqual(Object.keys(ids).sort());
  });
});
