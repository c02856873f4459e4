/**
 * Every JSON example we hold of the four vendors' APIs that belongs to an
 * operation we serve validates against our spec, or the spec says why not.
 *
 * The examples live in test/vendor-examples/*.json (see load.ts there): the
 * ones copied from vendor reference pages (Ctxfy's "Create collection" and
 * "Create source", Mixpeek's earlier page for its legacy create path, and the
 * Airweave and xAI pages, which hold none), and per vendor the ones gathered
 * from its docs, OpenAPI document, SDK, backend code and captured replies.
 * Each names its provenance.
 *
 * How it works:
 * - RULES below says what each example is: which operation, request body or
 *   response status; or why it is skipped. Every example must match exactly
 *   one rule, and every rule must match exactly the number of examples it
 *   declares, so an edited or lost example cannot pass quietly;
 * - each mapped example is validated with our validators
 *   (`SpecValidators.of(spec).for(op)`: `.body()` for requests, `.response()`
 *   for responses), as written: placeholders such as `"<string>"`,
 *   `example_string` or `"…"` are part of the text. A fragment (one property's
 *   value, e.g. a `pagination` object) is validated inside a minimal body of its
 *   operation (`wrap`); a body the vendor refuses must be refused
 *   (`expect: 'reject'`); an error example applies to every operation declaring
 *   its status unless its text ties it to one;
 * - EXCEPTIONS lists what does not validate, issue by issue (JSON pointer,
 *   optionally "only placeholder values"), with the reason and where it is
 *   explained: a phrase in our spec, or, for a shortcut the example itself
 *   takes (shortened values, a field left out for brevity), the example's own
 *   `elided` statement. An issue no exception covers fails; so does an
 *   exception that covers nothing any more, or whose explanation is missing.
 *   There is no "to do" state: an exception our spec does not explain fails.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec, type Operation, type Spec } from '../src/core/spec.js';
import { SpecValidators } from '../src/core/validation.js';
import type { ValidationIssue } from '../src/core/errors.js';
import { EXAMPLE_KINDS, SOURCE_TYPES, examplesDir, loadExampleFiles, type Example, type ExampleKind } from './vendor-examples/load.js';

type Json = any;
type Provider = 'xai' | 'airweave' | 'mixpeek' | 'ctxfy';
const PROVIDERS: Provider[] = ['xai', 'airweave', 'mixpeek', 'ctxfy'];

const repoRoot = path.resolve(import.meta.dirname, '..');
const specs = Object.fromEntries(PROVIDERS.map((p) => [p, loadSpec(path.join(repoRoot, 'specs', `${p}.yaml`), p)])) as Record<Provider, Spec>;

// ------------------------------------------------------------------ sources

const files = loadExampleFiles();

/**
 * How many JSON examples each source holds. Airweave's "Create Collection" page
 * and xAI's "Collection Management" page document fields and paths in prose
 * only: they hold none.
 */
const EXPECTED_PER_SOURCE = {
  'ctxfy:create-collection': 11, // 5 request bodies (curl, Python, fetch, Go, Ruby) + 6 response examples
  'ctxfy:create-source': 10, // 5 request bodies + 5 response examples
  'airweave:create-collection': 0,
  'mixpeek:legacy-create-collection': 2, // the curl body + the 200 response
  'xai:collection-management': 0,
  'xai:reference': 28,
  'airweave:reference': 59,
  'mixpeek:reference': 39,
  'ctxfy:reference': 17,
} as const;
type SourceKey = keyof typeof EXPECTED_PER_SOURCE;
const SOURCE_KEYS = Object.keys(EXPECTED_PER_SOURCE) as SourceKey[];
/** The sources that are one vendor reference page each (the rest gather a vendor's other sources). */
const isPage = (source: string) => !source.endsWith(':reference');

const examplesBySource = new Map<string, Example[]>(files.map((f) => [f.source, f.examples]));

// ------------------------------------------------------------------ rules

/** Operations a check applies to: one id, several, or all the provider's operations that declare the status. */
type OpSelector = string | string[] | ((op: Operation) => boolean);
const ALL = () => true;
const under = (prefix: string) => (op: Operation) => op.path.startsWith(prefix);

interface Check {
  provider: Provider;
  ops: OpSelector;
  /** A JSON request body; otherwise a response with `status`. */
  request?: true;
  status?: string;
  /** `reject`: the vendor refuses this body, so our spec must refuse it too. */
  expect?: 'valid' | 'reject';
}

interface Rule {
  id: string;
  source: SourceKey;
  match: {
    /** A reference page's code sample. */
    sample?: true;
    /** A reference page's response example, by position. */
    position?: number;
    status?: string;
    /** Exact JSON text (whitespace-insensitive). */
    text?: string;
    /** Prefix of the JSON text (whitespace-insensitive). */
    starts?: string;
    /** Tested against the JSON text with whitespace removed. */
    pattern?: RegExp;
    /** Tested against the example's `context`: the sentence or table row it sits in. */
    context?: RegExp;
  };
  /** How many examples the rule must match. */
  count: number;
  about: string;
  checks?: Check[];
  /**
   * A fragment (one property's value) is validated inside a minimal body of
   * its operation; `wrapAbout` says what was added around it and where it comes from.
   */
  wrap?: (value: Json) => Json;
  wrapAbout?: string;
  /**
   * The example leaves something out and says so (`elided` must appear in its
   * `elided` statement): the completed form is validated too, and must pass cleanly.
   */
  completed?: { fill: (value: Json) => Json; elided: string };
  skip?: string;
}

/** `{}`, `[]`, or an array of scalars: the shape of a value mention. */
const SCALARS = /^(\{\}|\[[^[\]{}]*\])$/;

/** Mixpeek's error table leaves `success:false` out of its example bodies, and says so in its header. */
const WITH_SUCCESS_FALSE = { fill: (v: Json) => ({ success: false, ...v }), elided: '`success:false` omitted for brevity — always emit it' };

const VALUE_MENTION =
  'a property value mentioned in prose or a table cell (an empty object or array, or a list of scalar values), not a request or response body';

// Minimal bodies for fragments; the filler values follow the other examples of the same vendor.
// Airweave's Source has every key required: github and notion as Airweave's backend declares
// them (its @source decorators and config classes), descriptions shortened.
const AIRWEAVE_GITHUB = {
  name: 'GitHub',
  description: 'GitHub source connector.',
  auth_methods: ['direct', 'auth_provider'],
  oauth_type: null,
  requires_byoc: false,
  auth_config_class: 'GitHubAuthConfig',
  config_class: 'GitHubConfig',
  short_name: 'github',
  class_name: 'GitHubSource',
  output_entity_definitions: ['git_hub_code_file_entity', 'github_repo_entity'],
  labels: ['Code'],
  supports_continuous: true,
  federated_search: false,
  supports_temporal_relevance: false,
  supports_access_control: false,
  rate_limit_level: 'org',
  feature_flag: null,
  supports_browse_tree: false,
  auth_fields: { fields: [] },
  config_fields: { fields: [] },
  supported_auth_providers: null,
};
const AIRWEAVE_NOTION = {
  ...AIRWEAVE_GITHUB,
  name: 'Notion',
  description: 'Notion source connector.',
  auth_methods: ['oauth_browser', 'oauth_token', 'auth_provider'],
  oauth_type: 'access_only',
  auth_config_class: null,
  config_class: null,
  short_name: 'notion',
  class_name: 'NotionSource',
  output_entity_definitions: ['notion_page_entity'],
  labels: ['Knowledge Base', 'Productivity'],
  supports_continuous: false,
  supports_temporal_relevance: true,
  rate_limit_level: 'connection',
};
const MIXPEEK_COLLECTION = {
  collection_name: 'product-documents',
  input_schema: { properties: {} },
  output_schema: { properties: {} },
  feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1', feature_extractor_id: 'text_extractor_v1' },
  source: { type: 'bucket', bucket_ids: ['bkt_6a3a022d'] },
};
const MIXPEEK_CREATE = {
  collection_name: 'product-documents',
  source: { type: 'bucket', bucket_ids: ['bkt_6a3a022d'] },
  feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
};

const RULES: Rule[] = [
  // ---------------------------------------------------------------- Ctxfy's "Create collection" reference page
  {
    id: 'ctxfy-create-collection-body',
    source: 'ctxfy:create-collection',
    match: { sample: true },
    count: 5,
    about: 'the request body of the five code samples (curl, Python, fetch, Go, Ruby)',
    checks: [{ provider: 'ctxfy', ops: 'createCollection', request: true }],
  },
  {
    id: 'ctxfy-create-collection-201',
    source: 'ctxfy:create-collection',
    match: { position: 0 },
    count: 1,
    about: '"Collection created"',
    checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '201' }],
  },
  {
    id: 'ctxfy-create-collection-400',
    source: 'ctxfy:create-collection',
    match: { position: 1 },
    count: 1,
    about: '"Invalid request"',
    checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '400' }],
  },
  {
    id: 'ctxfy-create-collection-401',
    source: 'ctxfy:create-collection',
    match: { position: 2 },
    count: 1,
    about: '"Unauthorized"',
    checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '401' }],
  },
  {
    id: 'ctxfy-create-collection-404',
    source: 'ctxfy:create-collection',
    match: { position: 3 },
    count: 1,
    about: '"Space or parent collection not found"',
    checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '404' }],
  },
  {
    id: 'ctxfy-create-collection-409',
    source: 'ctxfy:create-collection',
    match: { position: 4 },
    count: 1,
    about: '"Collection already exists"',
    checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '409' }],
  },
  {
    id: 'ctxfy-create-collection-500',
    source: 'ctxfy:create-collection',
    match: { position: 5 },
    count: 1,
    about: '"Internal error"',
    checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '500' }],
  },

  // ---------------------------------------------------------------- Ctxfy's "Create source" reference page
  {
    id: 'ctxfy-create-source-body',
    source: 'ctxfy:create-source',
    match: { sample: true },
    count: 5,
    about: 'the request body of the five code samples (curl, Python, fetch, Go, Ruby)',
    checks: [{ provider: 'ctxfy', ops: 'createSource', request: true }],
  },
  {
    id: 'ctxfy-create-source-201',
    source: 'ctxfy:create-source',
    match: { position: 0 },
    count: 1,
    about: 'the success body',
    checks: [{ provider: 'ctxfy', ops: 'createSource', status: '201' }],
  },
  {
    id: 'ctxfy-create-source-400',
    source: 'ctxfy:create-source',
    match: { position: 1 },
    count: 1,
    about: '400',
    checks: [{ provider: 'ctxfy', ops: 'createSource', status: '400' }],
  },
  {
    id: 'ctxfy-create-source-401',
    source: 'ctxfy:create-source',
    match: { position: 2 },
    count: 1,
    about: '401',
    checks: [{ provider: 'ctxfy', ops: 'createSource', status: '401' }],
  },
  {
    id: 'ctxfy-create-source-404',
    source: 'ctxfy:create-source',
    match: { position: 3 },
    count: 1,
    about: '404',
    checks: [{ provider: 'ctxfy', ops: 'createSource', status: '404' }],
  },
  {
    id: 'ctxfy-create-source-500',
    source: 'ctxfy:create-source',
    match: { position: 4 },
    count: 1,
    about: '500',
    checks: [{ provider: 'ctxfy', ops: 'createSource', status: '500' }],
  },

  // ---------------------------------------------------------------- Mixpeek's earlier reference page for the legacy create path
  {
    id: 'mixpeek-legacy-create-body',
    source: 'mixpeek:legacy-create-collection',
    match: { sample: true },
    count: 1,
    about: 'the curl request body',
    checks: [{ provider: 'mixpeek', ops: 'createCollectionLegacy', request: true }],
  },
  {
    id: 'mixpeek-legacy-create-200',
    source: 'mixpeek:legacy-create-collection',
    match: { position: 0 },
    count: 1,
    about: 'the 200 response',
    checks: [{ provider: 'mixpeek', ops: 'createCollectionLegacy', status: '200' }],
  },

  // ---------------------------------------------------------------- xAI reference examples
  {
    id: 'xai-protobuf-empty',
    source: 'xai:reference',
    match: { text: '{}', context: /google\.protobuf\.Empty/ },
    count: 1,
    about: 'prose: protobuf Empty is `{}` (the per-operation rows are mapped below)',
    skip: VALUE_MENTION,
  },
  {
    id: 'xai-delete-collection-200',
    source: 'xai:reference',
    match: { text: '{}', context: /\| DeleteCollection \|/ },
    count: 1,
    about: 'endpoint table: DeleteCollection answers 200 `{}`',
    checks: [{ provider: 'xai', ops: 'deleteCollection', status: '200' }],
  },
  {
    id: 'xai-add-document-200',
    source: 'xai:reference',
    match: { text: '{}', context: /\| AddDocumentToCollection \(/ },
    count: 1,
    about: 'endpoint table: AddDocumentToCollection answers 200 `{}`',
    checks: [{ provider: 'xai', ops: 'addDocumentToCollection', status: '200' }],
  },
  {
    id: 'xai-reindex-200',
    source: 'xai:reference',
    match: { text: '{}', context: /\| ReIndexDocument \(/ },
    count: 1,
    about: 'endpoint table: ReIndexDocument answers 200 `{}`',
    checks: [{ provider: 'xai', ops: 'reIndexDocument', status: '200' }],
  },
  {
    id: 'xai-remove-document-200',
    source: 'xai:reference',
    match: { text: '{}', context: /\| RemoveDocumentFromCollection \(/ },
    count: 1,
    about: 'endpoint table: RemoveDocumentFromCollection answers 200 `{}`',
    checks: [{ provider: 'xai', ops: 'removeDocumentFromCollection', status: '200' }],
  },
  {
    id: 'xai-empty-responses',
    source: 'xai:reference',
    match: { text: '{}', context: /^Empty responses \(DeleteCollection, AddDocumentToCollection, ReIndexDocument, RemoveDocumentFromCollection\)/ },
    count: 1,
    about: '"Empty responses (…): exactly `{}`"',
    checks: [{ provider: 'xai', ops: ['deleteCollection', 'addDocumentToCollection', 'reIndexDocument', 'removeDocumentFromCollection'], status: '200' }],
  },
  {
    id: 'xai-reindex-page-vs-current',
    source: 'xai:reference',
    match: { text: '{}', context: /^\| 3 \| PATCH document/ },
    count: 1,
    about: 'reference page vs current API: re-index answers `{}`',
    checks: [{ provider: 'xai', ops: 'reIndexDocument', status: '200' }],
  },
  {
    id: 'xai-value-mentions',
    source: 'xai:reference',
    match: {
      pattern: SCALARS,
      context: /repeated → `\[\]`|map → `\{\}`|`field_definitions` \| FieldDefinition\[\]|`fields` \| map string→string|Unpopulated-field emission/,
    },
    count: 6,
    about: 'encoding rules and table cells: `[]` / `{}` as the value of an unset field',
    skip: VALUE_MENTION,
  },
  {
    id: 'xai-document-metadata',
    source: 'xai:reference',
    match: { starts: '{"file_metadata"' },
    count: 1,
    about: 'DocumentMetadata example (GET document)',
    checks: [{ provider: 'xai', ops: 'getDocumentMetadata', status: '200' }],
  },
  {
    id: 'xai-delete-file',
    source: 'xai:reference',
    match: { starts: '{ "id": "file_…"' },
    count: 1,
    about: 'DeleteFileResponse',
    checks: [{ provider: 'xai', ops: 'deleteFile', status: '200' }],
  },
  {
    id: 'xai-add-document-fields',
    source: 'xai:reference',
    match: { text: '{"type":"10-Q"}' },
    count: 1,
    about: 'the docs example `fields` added to a collection without definitions',
    wrap: (v) => ({ fields: v }),
    wrapAbout: 'validated as the `fields` of an AddDocumentToCollection body',
    checks: [{ provider: 'xai', ops: 'addDocumentToCollection', request: true }],
  },
  {
    id: 'xai-error-envelope',
    source: 'xai:reference',
    match: { starts: '{"code": "<gRPC status description>"' },
    count: 1,
    about: 'the error envelope with placeholder texts, for every error status',
    checks: ['400', '401', '403', '404', '409', '413', '415', '429', '500'].map((status) => ({ provider: 'xai' as const, ops: ALL, status })),
  },
  {
    id: 'xai-500-observed',
    source: 'xai:reference',
    match: { text: '{"code":"Internal error","error":"Internal error"}' },
    count: 1,
    about: 'observed 500 body',
    checks: [{ provider: 'xai', ops: ALL, status: '500' }],
  },
  {
    id: 'xai-400-bad-key',
    source: 'xai:reference',
    match: { status: '400', starts: '{"code":"Client specified an invalid argument","error":"Incorrect API key' },
    count: 1,
    about: 'unknown API key (any operation)',
    checks: [{ provider: 'xai', ops: ALL, status: '400' }],
  },
  {
    id: 'xai-400-empty-name',
    source: 'xai:reference',
    match: { status: '400', starts: '{"code":"Client specified an invalid argument","error":"collection_name' },
    count: 1,
    about: 'empty collection_name',
    checks: [{ provider: 'xai', ops: 'createCollection', status: '400' }],
  },
  {
    id: 'xai-401',
    source: 'xai:reference',
    match: { status: '401' },
    count: 1,
    about: 'no credentials (any operation)',
    checks: [{ provider: 'xai', ops: ALL, status: '401' }],
  },
  {
    id: 'xai-403',
    source: 'xai:reference',
    match: { status: '403' },
    count: 1,
    about: 'management key lacks AddFileToCollection',
    checks: [{ provider: 'xai', ops: 'addDocumentToCollection', status: '403' }],
  },
  {
    id: 'xai-404',
    source: 'xai:reference',
    match: { status: '404' },
    count: 1,
    about: 'unknown collection',
    checks: [{ provider: 'xai', ops: under('/v1/collections/{collection_id}'), status: '404' }],
  },
  {
    id: 'xai-409',
    source: 'xai:reference',
    match: { status: '409' },
    count: 1,
    about: 'document already in the collection',
    checks: [{ provider: 'xai', ops: 'addDocumentToCollection', status: '409' }],
  },
  {
    id: 'xai-413',
    source: 'xai:reference',
    match: { status: '413' },
    count: 1,
    about: 'upload over the size limit',
    checks: [{ provider: 'xai', ops: ['uploadFile', 'uploadDocumentToCollection'], status: '413' }],
  },
  {
    id: 'xai-429',
    source: 'xai:reference',
    match: { status: '429' },
    count: 1,
    about: 'rate limit (any operation)',
    checks: [{ provider: 'xai', ops: ALL, status: '429' }],
  },
  {
    id: 'xai-grpc-gateway-envelope',
    source: 'xai:reference',
    match: { starts: '{"code":5' },
    count: 1,
    about: "grpc-gateway's envelope, should a real capture ever show it",
    skip: 'a hypothetical envelope, named only as what a real capture might show; the mock does not use it',
  },
  {
    id: 'xai-default-chunk-configuration',
    source: 'xai:reference',
    match: { starts: '{"tokens_configuration"' },
    count: 1,
    about: "the mock's default chunk_configuration (the docs' example values)",
    wrap: (v) => ({ collection_name: 'SEC filings', chunk_configuration: v }),
    wrapAbout: 'validated as the `chunk_configuration` of a CreateCollection body (`collection_name` added)',
    checks: [{ provider: 'xai', ops: 'createCollection', request: true }],
  },

  // ---------------------------------------------------------------- Airweave reference examples
  {
    id: 'airweave-org-404',
    source: 'airweave:reference',
    match: { status: '404', text: '{"detail":"Organization <id> not found"}' },
    count: 1,
    about: 'unknown X-Organization-ID (any operation)',
    checks: [{ provider: 'airweave', ops: ALL, status: '404' }],
  },
  {
    id: 'airweave-org-403',
    source: 'airweave:reference',
    match: { status: '403', text: '{"detail":"API key does not have access to organization <id>"}' },
    count: 2,
    about: 'key of another organization (any operation)',
    checks: [{ provider: 'airweave', ops: ALL, status: '403' }],
  },
  {
    id: 'airweave-401',
    source: 'airweave:reference',
    match: { text: '{"detail":"No valid authentication provided"}' },
    count: 3,
    about: 'no key (any operation)',
    checks: [{ provider: 'airweave', ops: ALL, status: '401' }],
  },
  {
    id: 'airweave-403-unknown-key',
    source: 'airweave:reference',
    match: { text: '{"detail":"Invalid or expired API key"}' },
    count: 3,
    about: 'unknown key (any operation)',
    checks: [{ provider: 'airweave', ops: ALL, status: '403' }],
  },
  {
    id: 'airweave-403-expired-key',
    source: 'airweave:reference',
    match: { text: '{"detail":"API key has expired"}' },
    count: 2,
    about: 'expired key (any operation)',
    checks: [{ provider: 'airweave', ops: ALL, status: '403' }],
  },
  {
    id: 'airweave-router-replies',
    source: 'airweave:reference',
    match: { context: /^Unknown route: `404/ },
    count: 2,
    about: 'unknown route 404 / wrong method 405 (FastAPI defaults)',
    skip: 'a router-level reply that belongs to no operation',
  },
  {
    id: 'airweave-value-mentions',
    source: 'airweave:reference',
    match: {
      pattern: SCALARS,
      context:
        /Single GET, POST, PATCH and DELETE always return `\[\]`|`output_entity_definitions` \| string\[\]|`supported_auth_providers`|^\| `(github|stripe|slack|notion)` \||Echoed as `\{\}` when the source has no config|`source_connection_summaries` is `\[\]`/,
    },
    count: 10,
    about: 'table cells and prose: empty lists, label lists and the `{}` config echo',
    skip: VALUE_MENTION,
  },
  {
    id: 'airweave-collection',
    source: 'airweave:reference',
    match: { starts: '{"name":"Finance Data"' },
    count: 1,
    about: 'Collection: POST response for an API-key caller',
    checks: [{ provider: 'airweave', ops: 'createCollection', status: '200' }],
  },
  {
    id: 'airweave-update-empty',
    source: 'airweave:reference',
    match: { text: '{}', context: /^`\{\}` is accepted and changes nothing|^`\{\}` leaves `modified_at` unchanged/ },
    count: 2,
    about: 'CollectionUpdate `{}` is accepted',
    checks: [{ provider: 'airweave', ops: 'updateCollection', request: true }],
  },
  {
    id: 'airweave-oauth-only-auth-fields',
    source: 'airweave:reference',
    match: { text: '{"fields":[]}' },
    count: 1,
    about: 'Source.auth_fields of OAuth-only sources',
    wrap: (v) => ({ ...AIRWEAVE_NOTION, auth_fields: v }),
    wrapAbout: 'validated as `auth_fields` of the notion Source (an OAuth-only source)',
    checks: [{ provider: 'airweave', ops: 'getSource', status: '200' }],
  },
  {
    id: 'airweave-config-field',
    source: 'airweave:reference',
    match: { starts: '{"name":"personal_access_token"' },
    count: 1,
    about: "github's auth_fields entry on the wire (a ConfigField)",
    wrap: (v) => ({ ...AIRWEAVE_GITHUB, auth_fields: { fields: [v] } }),
    wrapAbout: 'validated as the one `auth_fields.fields` entry of the github Source (AIRWEAVE_GITHUB)',
    checks: [{ provider: 'airweave', ops: 'getSource', status: '200' }],
  },
  {
    id: 'airweave-config-echo',
    source: 'airweave:reference',
    match: { starts: '{"repo_name":"a/b"' },
    count: 1,
    about: 'a github config with its defaults filled in',
    wrap: (v) => ({ short_name: 'github', readable_collection_id: 'finance-data', config: v }),
    wrapAbout: 'validated as the `config` of a SourceConnectionCreate body (`short_name`, `readable_collection_id` added)',
    checks: [{ provider: 'airweave', ops: 'createSourceConnection', request: true }],
  },
  {
    id: 'airweave-update-connection-empty',
    source: 'airweave:reference',
    match: { text: '{}', context: /an empty body `\{\}` gives 422/ },
    count: 1,
    about: 'SourceConnectionUpdate `{}` is refused with 422',
    checks: [{ provider: 'airweave', ops: 'updateSourceConnection', request: true, expect: 'reject' }],
  },
  {
    id: 'airweave-legacy-search-bodies',
    source: 'airweave:reference',
    match: { starts: '{"query":"x"' },
    count: 2,
    about: 'legacy search request bodies (read as SearchRequest)',
    checks: [{ provider: 'airweave', ops: 'searchCollection', request: true }],
  },
  {
    id: 'airweave-legacy-search-result',
    source: 'airweave:reference',
    match: { starts: '{"id":"f30bf505' },
    count: 1,
    about: 'a legacy search result item',
    wrap: (v) => ({ results: [v], completion: null }),
    wrapAbout: 'validated as the one result of a SearchResponse (`completion` null, as for generate_answer false)',
    checks: [{ provider: 'airweave', ops: 'searchCollection', status: '200' }],
  },
  {
    id: 'airweave-duplicate-readable-id',
    source: 'airweave:reference',
    match: { text: '{"detail":"Collection with readable_id \'<id>\' already exists"}' },
    count: 1,
    about: 'duplicate readable_id',
    checks: [{ provider: 'airweave', ops: 'createCollection', status: '400' }],
  },
  {
    id: 'airweave-duplicate-readable-id-table',
    source: 'airweave:reference',
    match: { text: '{"detail":"Collection with readable_id \'finance-data\' already exists"}' },
    count: 1,
    about: 'error table: 400 duplicate readable_id',
    checks: [{ provider: 'airweave', ops: 'createCollection', status: '400' }],
  },
  {
    id: 'airweave-connections-empty-list',
    source: 'airweave:reference',
    match: { text: '[]', context: /unknown or foreign `collection` value returns `\[\]`/ },
    count: 1,
    about: 'list of connections for an unknown collection',
    checks: [{ provider: 'airweave', ops: 'listSourceConnections', status: '200' }],
  },
  {
    id: 'airweave-past-the-end',
    source: 'airweave:reference',
    match: { text: '[]', context: /^Skipping past the end returns `\[\]`/ },
    count: 1,
    about: 'a page past the end',
    checks: [{ provider: 'airweave', ops: ['listCollections', 'listSourceConnections'], status: '200' }],
  },
  {
    id: 'airweave-refresh-all-empty',
    source: 'airweave:reference',
    match: { text: '[]', context: /Returns the created jobs as an array/ },
    count: 1,
    about: 'refresh_all with nothing to run',
    checks: [{ provider: 'airweave', ops: 'refreshAllSourceConnections', status: '200' }],
  },
  {
    id: 'airweave-invalid-fields-422',
    source: 'airweave:reference',
    match: { pattern: /^\{"detail":"Invalid(auth|config)fields:/ },
    count: 3,
    about: 'auth/config field validation (422 with a `detail` string)',
    checks: [{ provider: 'airweave', ops: 'createSourceConnection', status: '422' }],
  },
  {
    id: 'airweave-schedule-cron-null',
    source: 'airweave:reference',
    match: { text: '{"cron": null}' },
    count: 1,
    about: 'a schedule without cron',
    wrap: (v) => ({ short_name: 'github', readable_collection_id: 'finance-data', schedule: v, sync_immediately: false }),
    wrapAbout: 'validated as the `schedule` of a SourceConnectionCreate body, with the `sync_immediately: false` of the same sentence',
    checks: [{ provider: 'airweave', ops: 'createSourceConnection', request: true }],
  },
  {
    id: 'airweave-refresh-all-404',
    source: 'airweave:reference',
    match: { text: '{"detail":"Collection not found"}', context: /^404 `/ },
    count: 1,
    about: 'refresh_all on a missing collection',
    checks: [{ provider: 'airweave', ops: 'refreshAllSourceConnections', status: '404' }],
  },
  {
    id: 'airweave-webhook-event',
    source: 'airweave:reference',
    match: { starts: '{"event_type":"collection.created"' },
    count: 1,
    about: 'a webhook event payload',
    skip: 'webhooks are not served (no /webhooks routes in specs/airweave.yaml); a payload is not a reply of ours',
  },
  {
    id: 'airweave-search-empty',
    source: 'airweave:reference',
    match: { text: '{"results":[]}' },
    count: 1,
    about: 'v2 search on an empty collection',
    checks: [{ provider: 'airweave', ops: ['instantSearch', 'classicSearch', 'agenticSearch'], status: '200' }],
  },
  {
    id: 'airweave-429',
    source: 'airweave:reference',
    match: { starts: '{"detail":"Rate limit exceeded.' },
    count: 2,
    about: 'rate limit (any operation)',
    checks: [{ provider: 'airweave', ops: ALL, status: '429' }],
  },
  {
    id: 'airweave-detail-envelope',
    source: 'airweave:reference',
    match: { text: '{"detail": "<string>"}', context: /^Every non-422 error is/ },
    count: 1,
    about: '"Every non-422 error is `{"detail": "<string>"}`"',
    checks: ['400', '401', '403', '404', '409', '413', '429', '500'].map((status) => ({ provider: 'airweave' as const, ops: ALL, status })),
  },
  {
    id: 'airweave-detail-422',
    source: 'airweave:reference',
    match: { text: '{"detail":"<string>"}', context: /the second 422 form/ },
    count: 1,
    about: 'the second 422 form',
    checks: [{ provider: 'airweave', ops: ALL, status: '422' }],
  },
  {
    id: 'airweave-collection-404',
    source: 'airweave:reference',
    match: { text: '{"detail":"Collection not found"}', context: /^\| 404 \|/ },
    count: 1,
    about: 'error table: missing collection',
    checks: [
      {
        provider: 'airweave',
        ops: ['getCollection', 'updateCollection', 'deleteCollection', 'refreshAllSourceConnections', 'createSourceConnection'],
        status: '404',
      },
    ],
  },
  {
    id: 'airweave-409',
    source: 'airweave:reference',
    match: { starts: '{"detail":"Cannot trigger sync' },
    count: 1,
    about: 'run on a paused sync',
    checks: [{ provider: 'airweave', ops: 'runSourceConnection', status: '409' }],
  },
  {
    id: 'airweave-500',
    source: 'airweave:reference',
    match: { starts: '{"detail":"Internal Server Error' },
    count: 1,
    about: 'unhandled error (any operation)',
    checks: [{ provider: 'airweave', ops: ALL, status: '500' }],
  },
  {
    id: 'airweave-timeout',
    source: 'airweave:reference',
    match: { starts: '{"detail":"Request timeout' },
    count: 1,
    about: '502/503/504: upstream failure or timeout',
    skip: 'statuses 502/503/504: no operation of specs/airweave.yaml declares them, the mock never sends them',
  },
  {
    id: 'airweave-usage-limit',
    source: 'airweave:reference',
    match: { starts: '{"detail":"Usage limit exceeded' },
    count: 1,
    about: 'usage limit (400, any operation)',
    checks: [{ provider: 'airweave', ops: ALL, status: '400' }],
  },
  {
    id: 'airweave-422-body-name',
    source: 'airweave:reference',
    match: { starts: '{"errors":[{"body.name"' },
    count: 2,
    about: 'name too short / missing',
    checks: [{ provider: 'airweave', ops: 'createCollection', status: '422' }],
  },
  {
    id: 'airweave-422-readable-id',
    source: 'airweave:reference',
    match: { starts: '{"errors":[{"body.readable_id"' },
    count: 1,
    about: 'readable_id pattern',
    checks: [{ provider: 'airweave', ops: 'createCollection', status: '422' }],
  },
  {
    id: 'airweave-422-query-limit',
    source: 'airweave:reference',
    match: { starts: '{"errors":[{"query.limit"' },
    count: 1,
    about: 'limit out of range',
    checks: [{ provider: 'airweave', ops: ['listCollections', 'listSourceConnections', 'getSourceConnectionJobs'], status: '422' }],
  },
  {
    id: 'airweave-422-path-uuid',
    source: 'airweave:reference',
    match: { starts: '{"errors":[{"path.source_connection_id"' },
    count: 1,
    about: 'source_connection_id not a UUID',
    checks: [{ provider: 'airweave', ops: under('/source-connections/{source_connection_id}'), status: '422' }],
  },

  // ---------------------------------------------------------------- Mixpeek reference examples
  {
    id: 'mixpeek-namespace-404-details',
    source: 'mixpeek:reference',
    match: { text: '{"resource":"namespace","id":"<value>"}' },
    count: 1,
    about: '`details` of the unknown-X-Namespace 404',
    wrap: (v) => ({ success: false, status: 404, error: { type: 'NotFoundError', message: 'Namespace not found', details: v } }),
    wrapAbout: 'validated as `error.details` of the envelope, with the type and message of the same sentence',
    checks: [{ provider: 'mixpeek', ops: (op) => op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'x-namespace'), status: '404' }],
  },
  {
    id: 'mixpeek-schema-notation',
    source: 'mixpeek:reference',
    match: { text: '{}', context: /\(schema `\{\}`|typed `\{\}`/ },
    count: 5,
    about: 'the vendor spec types some delete bodies as the schema `{}`',
    skip: 'schema notation (the vendor types the body as `{}`), not a body',
  },
  {
    id: 'mixpeek-list-namespaces-default',
    source: 'mixpeek:reference',
    match: { text: '{"case_sensitive":false}' },
    count: 1,
    about: 'default ListNamespacesRequest',
    checks: [{ provider: 'mixpeek', ops: 'listNamespaces', request: true }],
  },
  {
    id: 'mixpeek-list-namespaces',
    source: 'mixpeek:reference',
    match: { starts: '{"results":[{"namespace_id"' },
    count: 1,
    about: 'live namespace list (trimmed)',
    checks: [{ provider: 'mixpeek', ops: 'listNamespaces', status: '200' }],
  },
  {
    id: 'mixpeek-value-mentions',
    source: 'mixpeek:reference',
    match: {
      pattern: SCALARS,
      context:
        /`metadata` object \(default `\{\}`\)|^\| `payload_indexes` \| array \| `\[\]`|at `\["body"\]`|`\["body","feature_extractor"\]`|free object `\{\}`/,
    },
    count: 7,
    about: 'defaults and error locations mentioned in prose',
    skip: VALUE_MENTION,
  },
  {
    id: 'mixpeek-bucket',
    source: 'mixpeek:reference',
    match: { starts: '{"bucket_id":"bkt_6a3a022d"' },
    count: 1,
    about: 'live BucketResponse',
    checks: [{ provider: 'mixpeek', ops: ['createBucket', 'getBucket'], status: '200' }],
  },
  {
    id: 'mixpeek-input-mappings',
    source: 'mixpeek:reference',
    match: { text: '{"text":"product_text"}' },
    count: 1,
    about: 'FeatureExtractorConfig.input_mappings',
    wrap: (v) => ({ ...MIXPEEK_CREATE, feature_extractor: { ...MIXPEEK_CREATE.feature_extractor, input_mappings: v } }),
    wrapAbout: 'validated as `feature_extractor.input_mappings` of a minimal CreateCollectionRequest',
    checks: [{ provider: 'mixpeek', ops: 'createCollection', request: true }],
  },
  {
    id: 'mixpeek-legacy-form',
    source: 'mixpeek:reference',
    match: { starts: '{"collection_name":"…"' },
    count: 1,
    about: 'the legacy form of the create request (both create paths accept it)',
    checks: [{ provider: 'mixpeek', ops: ['createCollectionLegacy', 'createCollection'], request: true }],
  },
  {
    id: 'mixpeek-empty-input-schema',
    source: 'mixpeek:reference',
    match: { text: '{"properties":{}}' },
    count: 1,
    about: 'CollectionResponse.input_schema when there is none',
    wrap: (v) => ({ ...MIXPEEK_COLLECTION, input_schema: v }),
    wrapAbout: 'validated as `input_schema` of a minimal CollectionResponse',
    checks: [{ provider: 'mixpeek', ops: 'getCollection', status: '200' }],
  },
  {
    id: 'mixpeek-output-schema-fields',
    source: 'mixpeek:reference',
    match: { starts: '{"title":{"type":"string"}' },
    count: 1,
    about: 'CollectionResponse.output_schema fields (the map under `properties`)',
    wrap: (v) => ({ ...MIXPEEK_COLLECTION, output_schema: { properties: v } }),
    wrapAbout: 'validated as `output_schema.properties` of a minimal CollectionResponse',
    checks: [{ provider: 'mixpeek', ops: 'getCollection', status: '200' }],
  },
  {
    id: 'mixpeek-vector-indexes',
    source: 'mixpeek:reference',
    match: { starts: '[{"name":"text_extractor_v1_embedding"' },
    count: 1,
    about: 'CollectionResponse.vector_indexes',
    wrap: (v) => ({ ...MIXPEEK_COLLECTION, vector_indexes: v }),
    wrapAbout: 'validated as `vector_indexes` of a minimal CollectionResponse',
    checks: [{ provider: 'mixpeek', ops: 'getCollection', status: '200' }],
  },
  {
    id: 'mixpeek-filter-shorthand',
    source: 'mixpeek:reference',
    match: { text: '{"metadata.title":"value"}' },
    count: 1,
    about: 'equality shorthand in a LogicalOperator',
    wrap: (v) => ({ filters: v }),
    wrapAbout: 'validated as `filters` of a ListCollectionsRequest',
    checks: [{ provider: 'mixpeek', ops: 'listCollections', request: true }],
  },
  {
    id: 'mixpeek-dynamic-value',
    source: 'mixpeek:reference',
    match: { starts: '{"type":"dynamic"' },
    count: 1,
    about: 'a retriever-only dynamic filter value',
    wrap: (v) => ({
      retriever_name: 'dynamic',
      stages: [
        {
          stage_name: 'filter',
          config: { stage_id: 'attribute_filter', parameters: { conditions: { AND: [{ field: 'category', operator: 'eq', value: v }] } } },
        },
      ],
    }),
    wrapAbout: 'validated as a condition value of an attribute filter in a CreateRetrieverRequest (list filters refuse it with 400)',
    checks: [{ provider: 'mixpeek', ops: ['createRetriever', 'cloneRetriever'], request: true }],
  },
  {
    id: 'mixpeek-list-filter',
    source: 'mixpeek:reference',
    match: { starts: '{"AND":[{"field":"taxonomy_applications.taxonomy_id"' },
    count: 1,
    about: 'ListCollectionsRequest.filters example',
    wrap: (v) => ({ filters: v }),
    wrapAbout: 'validated as `filters` of a ListCollectionsRequest',
    checks: [{ provider: 'mixpeek', ops: 'listCollections', request: true }],
  },
  {
    id: 'mixpeek-generic-delete',
    source: 'mixpeek:reference',
    match: { text: '{"message":"Successfully deleted","success":true}' },
    count: 1,
    about: 'GenericDeleteResponse',
    checks: [{ provider: 'mixpeek', ops: 'deleteDocument', status: '200' }],
  },
  {
    id: 'mixpeek-missing-bucket-details',
    source: 'mixpeek:reference',
    match: { starts: '{"resource":"bucket"' },
    count: 1,
    about: '`details` of the missing-source-bucket 404 on create',
    wrap: (v) => ({ success: false, status: 404, error: { type: 'NotFoundError', message: 'Resource not found', details: v } }),
    wrapAbout: "validated as `error.details` of the 404 envelope (the type and message of the 404 example in Mixpeek's error table)",
    checks: [{ provider: 'mixpeek', ops: ['createCollection', 'createCollectionLegacy'], status: '404' }],
  },
  {
    id: 'mixpeek-pagination',
    source: 'mixpeek:reference',
    match: { starts: '{"page_size":10' },
    count: 2,
    about: 'pagination without include_total (a middle page, the last page)',
    wrap: (v) => ({ results: [], pagination: v }),
    wrapAbout: 'validated as `pagination` of a ListDocumentsResponse (`results: []` added)',
    checks: [{ provider: 'mixpeek', ops: 'listDocuments', status: '200' }],
  },
  {
    id: 'mixpeek-delete-collection',
    source: 'mixpeek:reference',
    match: { starts: '{"success":true,"message":"Successfully deleted","collection_id"' },
    count: 1,
    about: 'collection delete body (Decision)',
    checks: [{ provider: 'mixpeek', ops: 'deleteCollection', status: '200' }],
  },
  {
    id: 'mixpeek-delete-namespace',
    source: 'mixpeek:reference',
    match: { starts: '{"task_id":"task_…"' },
    count: 1,
    about: 'namespace delete task receipt (Decision)',
    checks: [{ provider: 'mixpeek', ops: 'deleteNamespace', status: '200' }],
  },
  {
    id: 'mixpeek-extractor-404',
    source: 'mixpeek:reference',
    match: { starts: '{"success":false,"status":404' },
    count: 1,
    about: 'live 404: extractor not in the registry',
    checks: [{ provider: 'mixpeek', ops: ['createNamespace', 'createCollection', 'createCollectionLegacy'], status: '404' }],
  },
  {
    id: 'mixpeek-400',
    source: 'mixpeek:reference',
    match: { starts: '{"status":400' },
    count: 1,
    about: 'error table: immutable PATCH field',
    completed: WITH_SUCCESS_FALSE,
    checks: [{ provider: 'mixpeek', ops: 'updateCollection', status: '400' }],
  },
  {
    id: 'mixpeek-401',
    source: 'mixpeek:reference',
    match: { starts: '{"status":401' },
    count: 1,
    about: 'error table: invalid key',
    completed: WITH_SUCCESS_FALSE,
    checks: [{ provider: 'mixpeek', ops: ALL, status: '401' }],
  },
  {
    id: 'mixpeek-403',
    source: 'mixpeek:reference',
    match: { starts: '{"status":403' },
    count: 1,
    about: 'error table: collection quota',
    completed: WITH_SUCCESS_FALSE,
    checks: [{ provider: 'mixpeek', ops: ['createCollection', 'createCollectionLegacy'], status: '403' }],
  },
  {
    id: 'mixpeek-404',
    source: 'mixpeek:reference',
    match: { starts: '{"status":404' },
    count: 1,
    about: 'error table: missing collection',
    completed: WITH_SUCCESS_FALSE,
    checks: [{ provider: 'mixpeek', ops: ['getCollection', 'updateCollection', 'deleteCollection'], status: '404' }],
  },
  {
    id: 'mixpeek-409',
    source: 'mixpeek:reference',
    match: { starts: '{"status":409' },
    count: 1,
    about: 'error table: duplicate collection name',
    completed: WITH_SUCCESS_FALSE,
    checks: [{ provider: 'mixpeek', ops: ['createCollection', 'createCollectionLegacy', 'updateCollection'], status: '409' }],
  },
  {
    id: 'mixpeek-429',
    source: 'mixpeek:reference',
    match: { starts: '{"status":429' },
    count: 1,
    about: 'error table: rate limit',
    completed: WITH_SUCCESS_FALSE,
    checks: [{ provider: 'mixpeek', ops: ALL, status: '429' }],
  },
  {
    id: 'mixpeek-500',
    source: 'mixpeek:reference',
    match: { starts: '{"status":500' },
    count: 1,
    about: 'error table: internal error',
    completed: WITH_SUCCESS_FALSE,
    checks: [{ provider: 'mixpeek', ops: ALL, status: '500' }],
  },
  {
    id: 'mixpeek-422',
    source: 'mixpeek:reference',
    match: { starts: '{"success":false,"status":422' },
    count: 1,
    about: '422 envelope: collection_name missing',
    checks: [{ provider: 'mixpeek', ops: ['createCollection', 'createCollectionLegacy'], status: '422' }],
  },

  // ---------------------------------------------------------------- Ctxfy reference examples
  {
    id: 'ctxfy-instructions-empty',
    source: 'ctxfy:reference',
    match: { text: '{}', context: /`instructions`/ },
    count: 3,
    about: '`instructions` may be `{}`',
    skip: VALUE_MENTION,
  },
  {
    id: 'ctxfy-upload',
    source: 'ctxfy:reference',
    match: { starts: '{ "uploadUrl"' },
    count: 1,
    about: 'UploadS3Response',
    checks: [{ provider: 'ctxfy', ops: 'createUploadS3', status: '200' }],
  },
  {
    id: 'ctxfy-api-key',
    source: 'ctxfy:reference',
    match: { starts: '{ "id": "9a7c1e52-..."' },
    count: 1,
    about: 'ApiKey (create response, with `api_key`)',
    checks: [{ provider: 'ctxfy', ops: 'createApiKey', status: '201' }],
  },
  {
    id: 'ctxfy-space',
    source: 'ctxfy:reference',
    match: { starts: '{ "id": "0d3b8c6e-..."' },
    count: 1,
    about: 'Space',
    checks: [
      { provider: 'ctxfy', ops: 'createSpace', status: '201' },
      { provider: 'ctxfy', ops: 'getSpace', status: '200' },
    ],
  },
  {
    id: 'ctxfy-collection-node',
    source: 'ctxfy:reference',
    match: { starts: '{ "id": "c1..."' },
    count: 1,
    about: 'a collection tree node with one child',
    checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '201' }],
  },
  {
    id: 'ctxfy-source',
    source: 'ctxfy:reference',
    match: { starts: '{ "id": "7f9e2c1a-..."' },
    count: 1,
    about: 'Source',
    checks: [{ provider: 'ctxfy', ops: 'getSource', status: '200' }],
  },
  {
    id: 'ctxfy-health',
    source: 'ctxfy:reference',
    match: { status: '200', starts: '{"status":"ok"' },
    count: 1,
    about: 'health',
    checks: [{ provider: 'ctxfy', ops: 'getHealth', status: '200' }],
  },
  {
    id: 'ctxfy-400',
    source: 'ctxfy:reference',
    match: { starts: '{"error":"Bad Request"' },
    count: 1,
    about: 'error table: 400 on initial_data.url',
    checks: [{ provider: 'ctxfy', ops: 'createSource', status: '400' }],
  },
  {
    id: 'ctxfy-401',
    source: 'ctxfy:reference',
    match: { starts: '{"error":"Unauthorized"' },
    count: 1,
    about: 'error table: 401 (any /v1 operation)',
    checks: [{ provider: 'ctxfy', ops: ALL, status: '401' }],
  },
  {
    id: 'ctxfy-404',
    source: 'ctxfy:reference',
    match: { starts: '{"error":"Not Found"' },
    count: 1,
    about: 'error table: 404',
    checks: [{ provider: 'ctxfy', ops: ALL, status: '404' }],
  },
  {
    id: 'ctxfy-409',
    source: 'ctxfy:reference',
    match: { starts: '{"error":"Conflict"' },
    count: 1,
    about: 'error table: 409',
    checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '409' }],
  },
  {
    id: 'ctxfy-429',
    source: 'ctxfy:reference',
    match: { starts: '{"error":"Too Many Requests"' },
    count: 1,
    about: 'error table: 429',
    checks: [{ provider: 'ctxfy', ops: ALL, status: '429' }],
  },
  {
    id: 'ctxfy-500',
    source: 'ctxfy:reference',
    match: { starts: '{"error":"Internal Server Error"' },
    count: 1,
    about: 'error table: 500',
    checks: [{ provider: 'ctxfy', ops: ALL, status: '500' }],
  },
  {
    id: 'ctxfy-pages-create-responses',
    source: 'ctxfy:reference',
    match: { text: '{}', context: /^\| 5 \| create responses/ },
    count: 2,
    about: 'reference pages vs current API: both pages show `{}` as the create response',
    checks: [{ provider: 'ctxfy', ops: ['createCollection', 'createSource'], status: '201' }],
  },
];

// ------------------------------------------------------------------ exceptions

/** A place in our spec whose text must contain `phrase` (whitespace- and case-insensitive). */
interface SpecPlace {
  provider: Provider;
  /** An operation: its summary and description; with `status`, that response's description. */
  op?: string;
  status?: string;
  /** A component schema: its description. */
  schema?: string;
  phrase: string;
}

interface Exception {
  id: string;
  rules: string[];
  /** Limits the exception to these operations (default: every operation the rules check). */
  ops?: string[];
  /** The validation issues it covers, by JSON pointer (default: all). */
  pointers?: RegExp;
  /** Covers only issues whose failing value is a placeholder or a shortened value (`"<string>"`, `"…"`, `"c1..."`). */
  placeholdersOnly?: true;
  /** On a `reject` check: our spec accepts the body the vendor refuses. */
  accepts?: true;
  reason: string;
  /**
   * Where the deviation is explained: our spec states it; or, for a shortcut an
   * example takes itself (shortened values, a field left out for brevity),
   * every example of the rules says so in its `elided` statement.
   */
  explained: { spec: SpecPlace } | { elided: string };
}

const EXCEPTIONS: Exception[] = [
  {
    id: 'ctxfy-page-empty-create-collection',
    rules: ['ctxfy-create-collection-201', 'ctxfy-pages-create-responses'],
    ops: ['createCollection'],
    reason: 'Ctxfy\'s "Create collection" page shows `{}` as the "Collection created" body (with no status); we answer the full CollectionNode',
    explained: { spec: { provider: 'ctxfy', op: 'createCollection', phrase: '(which itself does not validate against `CollectionNode`)' } },
  },
  {
    id: 'ctxfy-page-empty-create-source',
    rules: ['ctxfy-create-source-201', 'ctxfy-pages-create-responses'],
    ops: ['createSource'],
    reason: 'Ctxfy\'s "Create source" page shows `{}` as its first response (an undocumented success body); we answer the full Source',
    explained: { spec: { provider: 'ctxfy', op: 'createSource', phrase: 'response as `{}`; assumed: 201 with the full `Source`' } },
  },
  {
    id: 'mixpeek-legacy-reply-lacks-current-fields',
    rules: ['mixpeek-legacy-create-200'],
    pointers: /^\/(input_schema|feature_extractor|source)$/,
    reason: "the legacy page's reply predates fields the current API requires; our CollectionResponse always carries them beside the legacy ones",
    explained: { spec: { provider: 'mixpeek', schema: 'CollectionResponse', phrase: "Always carries the fields the vendor's SDK requires" } },
  },
  {
    id: 'mixpeek-legacy-reply-lacks-extractor-id',
    rules: ['mixpeek-legacy-create-200'],
    pointers: /\/feature_extractors\/\d+\/feature_extractor_id$/,
    reason: "the legacy page's extractors carry no `feature_extractor_id`; ours always do",
    explained: { spec: { provider: 'mixpeek', schema: 'FeatureExtractorConfigResponse', phrase: 'The stored extractor configuration plus its id' } },
  },
  {
    id: 'mixpeek-legacy-reply-lineage',
    rules: ['mixpeek-legacy-create-200'],
    pointers: /^\/source_lineage\/\d+\/(source_config|feature_extractor)$/,
    reason: "the legacy page's lineage entries have only the legacy keys; ours carry the current keys beside them",
    explained: {
      spec: {
        provider: 'mixpeek',
        schema: 'SourceLineageEntry',
        phrase: '(`source_type`, `collection_id`, `bucket_id`, `bucket_config`, `collection_config`, `feature_extractors`) side by side',
      },
    },
  },
  {
    id: 'mixpeek-legacy-reply-placeholder-id',
    rules: ['mixpeek-legacy-create-200'],
    pointers: /^\/collection_id$/,
    placeholdersOnly: true,
    reason: 'the legacy page\'s `collection_id` is the docs placeholder `"<string>"`, not an id of the documented form',
    explained: { spec: { provider: 'mixpeek', schema: 'CollectionId', phrase: '`col_` + 10 alphanumerics' } },
  },
  {
    id: 'airweave-empty-connection-update',
    rules: ['airweave-update-connection-empty'],
    accepts: true,
    reason: 'the vendor refuses `{}` with 422, but in its handler, not its schema; our schema accepts it and the handler refuses it',
    explained: { spec: { provider: 'airweave', op: 'updateSourceConnection', phrase: 'the handler enforces it; the schema allows `{}`' } },
  },
  {
    id: 'mixpeek-error-table-abbreviated',
    rules: ['mixpeek-400', 'mixpeek-401', 'mixpeek-403', 'mixpeek-404', 'mixpeek-409', 'mixpeek-429', 'mixpeek-500'],
    pointers: /^\/success$/,
    reason: 'Mixpeek\'s error table leaves out `success:false` "for brevity"; completed as it says, every row validates',
    explained: { elided: '`success:false` omitted for brevity' },
  },
  {
    id: 'examples-shorten-values',
    rules: [
      'mixpeek-legacy-form',
      'mixpeek-delete-collection',
      'mixpeek-delete-namespace',
      'ctxfy-api-key',
      'ctxfy-space',
      'ctxfy-collection-node',
      'ctxfy-source',
      'ctxfy-health',
    ],
    placeholdersOnly: true,
    reason: 'these examples shorten values (`"…"`, `"col_…"`, `"0d3b..."`), which then fail our length, pattern, uuid and date-time rules',
    // Only shortened values may fail (placeholdersOnly): the shortening, which each example declares, is the reason.
    explained: { elided: 'shortened with' },
  },
];

// ------------------------------------------------------------------ machinery

const norm = (s: string) => s.replace(/\s+/g, '');

function matches(rule: Rule, e: Example): boolean {
  const m = rule.match;
  if (m.sample !== undefined && !e.sample) return false;
  if (m.position !== undefined && e.position !== m.position) return false;
  if (m.status !== undefined && e.status !== m.status) return false;
  if (m.text !== undefined && norm(e.text) !== norm(m.text)) return false;
  if (m.starts !== undefined && !norm(e.text).startsWith(norm(m.starts))) return false;
  if (m.pattern !== undefined && !m.pattern.test(norm(e.text))) return false;
  if (m.context !== undefined && !m.context.test(e.context ?? '')) return false;
  return true;
}

const JSON_MEDIA = 'application/json';

/** The operations a check names, each of which must declare what the check validates against. */
function resolveOps(check: Check): Operation[] {
  const spec = specs[check.provider];
  const declares = (op: Operation) =>
    check.request ? Boolean(op.requestBody?.content[JSON_MEDIA]) : Boolean(op.responses[check.status!]?.content[JSON_MEDIA]);
  if (typeof check.ops === 'function') {
    const picked = [...spec.operations.values()].filter((op) => (check.ops as (op: Operation) => boolean)(op) && declares(op));
    if (!picked.length) throw new Error(`no ${check.provider} operation matches the selector and declares ${check.request ? 'a JSON body' : check.status}`);
    return picked;
  }
  return (Array.isArray(check.ops) ? check.ops : [check.ops]).map((id) => {
    const op = spec.operations.get(id);
    if (!op) throw new Error(`specs/${check.provider}.yaml has no operation ${id}`);
    if (!declares(op)) throw new Error(`${check.provider} ${id} declares no ${check.request ? 'JSON request body' : `JSON response ${check.status}`}`);
    return op;
  });
}

function validate(check: Check, op: Operation, value: Json): ValidationIssue[] {
  const v = SpecValidators.of(specs[check.provider]).for(op);
  // The body validators fill defaults in place: validate a copy.
  const copy = structuredClone(value);
  const fn = check.request ? v.body(JSON_MEDIA) : v.response(check.status!, JSON_MEDIA);
  if (!fn) throw new Error(`${op.id}: no validator`);
  return fn(copy);
}

function specText(place: SpecPlace): string {
  const spec = specs[place.provider];
  if (place.schema) {
    const schema = spec.doc.components?.schemas?.[place.schema];
    if (!schema) throw new Error(`specs/${place.provider}.yaml has no schema ${place.schema}`);
    return typeof schema.description === 'string' ? schema.description : '';
  }
  const op = spec.operations.get(place.op ?? '');
  if (!op) throw new Error(`specs/${place.provider}.yaml has no operation ${place.op}`);
  if (place.status) return op.responses[place.status]?.description ?? '';
  return [op.raw.summary, op.raw.description].filter((s): s is string => typeof s === 'string').join('\n');
}

const show = (issues: ValidationIssue[]) => issues.map((i) => `${i.pointer || '/'} ${i.message}`).join('; ');
const where = (e: Example) => `${e.source} #${e.index}`;
const describeException = (x: Exception) => `${x.id} (${x.rules.join(', ')}${x.ops ? `; ${x.ops.join(', ')}` : ''}): ${x.reason}`;

/** A vendor's placeholder (`"<string>"`, `example_string`) or a shortened value (`"…"`, `"0d3b..."`). */
const isPlaceholder = (v: unknown) => typeof v === 'string' && (v.includes('…') || v.includes('...') || /^<[^>]*>$/.test(v) || v === 'example_string');
/** Whether a text shortens a value (`…` or `...` inside a string). */
const shortens = (text: string) => /"[^"]*(…|\.\.\.)[^"]*"/.test(text);

interface Outcome {
  rule: Rule;
  example: Example;
  check: Check;
  op: Operation;
  issues: ValidationIssue[];
  /** `completed`: the example as it says to read it (`Rule.completed`), held to a clean pass. */
  variant: 'as written' | 'completed';
}

function covers(x: Exception, o: Outcome, issue: ValidationIssue): boolean {
  if (o.variant !== 'as written' || x.accepts || !x.rules.includes(o.rule.id)) return false;
  if (x.ops && !x.ops.includes(o.op.id)) return false;
  if (x.pointers && !x.pointers.test(issue.pointer)) return false;
  if (x.placeholdersOnly && !isPlaceholder(issue.value)) return false;
  return true;
}

const acceptsException = (o: Outcome) =>
  o.variant === 'as written' ? EXCEPTIONS.find((x) => x.accepts && x.rules.includes(o.rule.id) && (!x.ops || x.ops.includes(o.op.id))) : undefined;

// ------------------------------------------------------------------ the fixtures

const ALLOWED_FILE_KEYS = new Set(['source', 'vendor', 'title', 'url', 'about', 'examples']);
const ALLOWED_EXAMPLE_KEYS = new Set(['kind', 'status', 'sample', 'position', 'label', 'section', 'context', 'elided', 'text', 'provenance']);
const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

describe('vendor examples: the fixture files', () => {
  it('hold exactly the pinned sources, each in one file', () => {
    expect(files.map((f) => f.source).sort()).toEqual([...SOURCE_KEYS].sort());
  });

  it.each(files.map((f) => [f.file, f] as const))('%s is well-formed and stored as formatted JSON', (_file, f) => {
    const problems: string[] = [];
    for (const key of Object.keys(f.raw)) if (!ALLOWED_FILE_KEYS.has(key)) problems.push(`unknown key ${key}`);
    if (!PROVIDERS.includes(f.vendor as Provider)) problems.push(`vendor ${f.vendor} is not one of ${PROVIDERS.join(', ')}`);
    if (!f.source.startsWith(`${f.vendor}:`)) problems.push(`source ${f.source} does not name its vendor ${f.vendor}`);
    if (!nonEmpty(f.title) || !nonEmpty(f.about)) problems.push('title and about must say what the file holds');
    if (!Array.isArray(f.raw.examples)) problems.push('examples is not an array');
    for (const e of f.examples) {
      const at = where(e);
      for (const key of Object.keys(e.raw)) if (!ALLOWED_EXAMPLE_KEYS.has(key)) problems.push(`${at}: unknown key ${key}`);
      if (!EXAMPLE_KINDS.includes(e.kind as ExampleKind)) problems.push(`${at}: kind ${String(e.kind)}`);
      if (e.status !== undefined && !/^\d{3}$/.test(e.status)) problems.push(`${at}: status ${e.status}`);
      if (isPage(f.source)) {
        // A page example is either a code sample's request body or a response example at its position.
        if (Boolean(e.sample) === (e.position !== undefined)) problems.push(`${at}: a page example has either a sample or a position`);
        if (e.sample && (e.kind !== 'request' || !nonEmpty(e.sample.method) || !nonEmpty(e.sample.url) || !nonEmpty(e.sample.language)))
          problems.push(`${at}: a code sample is a request with language, method and URL`);
        if (e.position !== undefined && e.kind !== 'response') problems.push(`${at}: a response example has kind response`);
      } else if (!nonEmpty(e.section) || !nonEmpty(e.context)) problems.push(`${at}: a reference example says where it sits (section, context)`);
    }
    const positions = f.examples.flatMap((e) => (e.position === undefined ? [] : [e.position]));
    if (positions.some((p, i) => p !== i)) problems.push(`response positions are not 0, 1, 2, …: ${positions.join(', ')}`);
    expect(problems).toEqual([]);
    // One formatting keeps the files diffable and reviewable.
    expect(f.bytes).toBe(JSON.stringify(f.raw, null, 2) + '\n');
  });

  it.each(files.map((f) => [f.file, f] as const))('%s names its provenance for every example', (_file, f) => {
    const problems: string[] = [];
    for (const e of f.examples) {
      const at = where(e);
      const p = e.provenance as unknown;
      if (!p || typeof p !== 'object' || !Array.isArray((p as { sources?: unknown }).sources)) {
        problems.push(`${at}: no provenance { sources: [...] }`);
        continue;
      }
      for (const key of Object.keys(p)) if (key !== 'sources' && key !== 'decision') problems.push(`${at}: unknown provenance key ${key}`);
      const { sources, decision } = e.provenance;
      if (decision !== undefined && !nonEmpty(decision)) problems.push(`${at}: an empty decision`);
      // Without a vendor source, the example must say it is the mock's own decision.
      if (!sources.length && !nonEmpty(decision)) problems.push(`${at}: neither a vendor source nor a decision`);
      for (const s of sources) {
        for (const key of Object.keys(s)) if (!['type', 'ref', 'about'].includes(key)) problems.push(`${at}: unknown source key ${key}`);
        if (!(SOURCE_TYPES as readonly string[]).includes(s.type))
          problems.push(`${at}: source type ${String(s.type)} is not one of ${SOURCE_TYPES.join(', ')}`);
        if (!nonEmpty(s.ref)) problems.push(`${at}: a source without ref`);
        if (s.about !== undefined && !nonEmpty(s.about)) problems.push(`${at}: an empty about`);
      }
      // A page's examples come from that page.
      if (isPage(f.source) && !(sources.length === 1 && sources[0]!.type === 'reference page' && (!f.url || sources[0]!.ref.includes(f.url)))) {
        problems.push(`${at}: a page example names its page as its one source`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every example that shortens a value says so', () => {
    const silent = files.flatMap((f) => f.examples).filter((e) => shortens(e.text) && !nonEmpty(e.elided));
    expect(silent.map(where)).toEqual([]);
  });

  it('the files live in the repository', () => {
    expect(path.relative(repoRoot, examplesDir)).toBe(path.join('test', 'vendor-examples'));
  });
});

// ------------------------------------------------------------------ the mapping

const assigned = new Map<Rule, Example[]>(RULES.map((r) => [r, []]));
const unmatched: Example[] = [];
const ambiguous: { example: Example; rules: string[] }[] = [];
for (const [source, examples] of examplesBySource) {
  for (const e of examples) {
    const hits = RULES.filter((r) => r.source === source && matches(r, e));
    if (hits.length === 1) assigned.get(hits[0]!)!.push(e);
    else if (hits.length === 0) unmatched.push(e);
    else ambiguous.push({ example: e, rules: hits.map((r) => r.id) });
  }
}

describe('vendor examples: mapping', () => {
  it('rule ids are unique and every exception names a rule', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(EXCEPTIONS.flatMap((x) => x.rules).filter((id) => !ids.includes(id))).toEqual([]);
    const xids = EXCEPTIONS.map((x) => x.id);
    expect(xids.filter((id, i) => xids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(SOURCE_KEYS)('%s: holds the expected number of JSON examples', (source) => {
    expect(examplesBySource.get(source)?.length).toBe(EXPECTED_PER_SOURCE[source]);
  });

  it('every example is mapped by exactly one rule', () => {
    expect(unmatched.map((e) => `${where(e)} ${e.text.slice(0, 80)}`)).toEqual([]);
    expect(ambiguous.map((a) => `${where(a.example)} matched by ${a.rules.join(', ')}`)).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s matches the number of examples it declares', (_id, rule) => {
    const got = assigned.get(rule)!;
    expect(got.length, `${rule.source} ${rule.id}: ${got.map(where).join(', ')}`).toBe(rule.count);
  });

  it('every mapped rule either validates or says why it is skipped, and says what a wrap adds', () => {
    for (const r of RULES) {
      expect(Boolean(r.checks?.length) !== Boolean(r.skip), r.id).toBe(true);
      expect(Boolean(r.wrap), `${r.id}: a wrap needs a wrapAbout`).toBe(Boolean(r.wrapAbout));
    }
  });

  it('an example is validated as what its file says it is: a fragment wrapped, a request as a body, a response as a response', () => {
    const wrong: string[] = [];
    for (const [rule, examples] of assigned) {
      if (!rule.checks) continue;
      const want: ExampleKind = rule.wrap ? 'fragment' : rule.checks.every((c) => c.request) ? 'request' : 'response';
      if (!rule.wrap && rule.checks.some((c) => Boolean(c.request) !== (want === 'request'))) wrong.push(`${rule.id}: mixes request and response checks`);
      for (const e of examples) if (e.kind !== want) wrong.push(`${where(e)} (${rule.id}): kind ${e.kind}, validated as ${want}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('vendor examples: the reference pages route to the operations they are mapped to', () => {
  const requests = [...assigned].flatMap(([rule, examples]) =>
    isPage(rule.source) && rule.checks?.some((c) => c.request) ? examples.map((e) => [rule, e] as const) : [],
  );
  it.each(requests.map(([rule, e]) => [`${where(e)} ${e.sample?.language}`, rule, e] as const))('%s', (_name, rule, e) => {
    expect(e.sample, 'a code sample names its method and URL').toBeDefined();
    // `//v1/...`: Ctxfy's pages had no server URL configured, so their samples carry no host.
    const pathname = e.sample!.url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/\/+/, '/');
    for (const check of rule.checks!) {
      const match = specs[check.provider].router.match(e.sample!.method, pathname);
      expect(match.kind === 'match' ? match.op.id : match.kind).toBe(check.ops);
    }
  });

  it('a response example whose body carries its status code is validated against that status', () => {
    for (const [rule, examples] of assigned) {
      if (!isPage(rule.source)) continue;
      for (const e of examples) {
        const code = (e.value as { code?: unknown } | null)?.code;
        if (e.kind === 'response' && typeof code === 'number') expect(String(code), `${where(e)} ${rule.id}`).toBe(rule.checks![0]!.status);
      }
    }
  });

  it('a status written beside an example is the status it is validated against', () => {
    for (const [rule, examples] of assigned) {
      for (const e of examples) if (e.status && rule.checks) for (const c of rule.checks) expect(c.status, `${where(e)} ${rule.id}`).toBe(e.status);
    }
  });
});

// ------------------------------------------------------------------ the validation

const outcomes: Outcome[] = [];
for (const [rule, examples] of assigned) {
  if (!rule.checks) continue;
  for (const example of examples) {
    const value = rule.wrap ? rule.wrap(example.value) : example.value;
    const variants: [Outcome['variant'], Json][] = [['as written', value]];
    if (rule.completed) variants.push(['completed', rule.completed.fill(value)]);
    for (const [variant, body] of variants) {
      for (const check of rule.checks) {
        for (const op of resolveOps(check)) outcomes.push({ rule, example, check, op, issues: validate(check, op, body), variant });
      }
    }
  }
}

/** What is wrong with one outcome, given the exceptions; records the exceptions it used. */
function problemsOf(o: Outcome, used: Set<Exception>): string[] {
  const label = `${where(o.example)}${o.variant === 'completed' ? ' (completed as it says)' : ''} → ${o.check.provider} ${o.op.id} ${o.check.request ? 'request' : o.check.status}`;
  if (o.check.expect === 'reject') {
    const accepted = acceptsException(o);
    if (accepted) {
      used.add(accepted);
      return o.issues.length ? [`${label}: listed as accepted (${accepted.id}) but our spec refuses it; remove the exception`] : [];
    }
    return o.issues.length ? [] : [`${label}: the vendor refuses this body but our spec accepts it`];
  }
  const uncovered = o.issues.filter((issue) => {
    const x = EXCEPTIONS.find((x) => covers(x, o, issue));
    if (x) used.add(x);
    return !x;
  });
  return uncovered.length ? [`${label}: ${show(uncovered)}`] : [];
}

// Judged once, at collection time, so that the exception bookkeeping does not depend on test order or filters.
const usedExceptions = new Set<Exception>();
const judged = outcomes.map((o) => ({ o, problems: problemsOf(o, usedExceptions) }));

describe('vendor examples: validate against our specs', () => {
  const byRule = new Map<Rule, string[]>();
  for (const { o, problems } of judged) byRule.set(o.rule, [...(byRule.get(o.rule) ?? []), ...problems]);
  it.each([...byRule].map(([rule, problems]) => [`${rule.source} ${rule.id}: ${rule.about}`, problems] as const))('%s', (_name, problems) => {
    expect(problems).toEqual([]);
  });

  it('every exception is still needed', () => {
    expect(EXCEPTIONS.filter((x) => !usedExceptions.has(x)).map(describeException)).toEqual([]);
  });

  it.each(RULES.filter((r) => r.completed).map((r) => [r.id, r] as const))('%s: the example says how to complete it', (_id, rule) => {
    const examples = assigned.get(rule)!;
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) expect(norm(e.elided ?? ''), where(e)).toContain(norm(rule.completed!.elided));
  });
});

describe('vendor examples: every exception is explained', () => {
  const bySpec = EXCEPTIONS.filter((x): x is Exception & { explained: { spec: SpecPlace } } => 'spec' in x.explained);
  it.each(bySpec.map((x) => [describeException(x), x] as const))('%s (by our spec)', (_name, x) => {
    expect(norm(specText(x.explained.spec)).toLowerCase()).toContain(norm(x.explained.spec.phrase).toLowerCase());
  });
  const byExample = EXCEPTIONS.filter((x): x is Exception & { explained: { elided: string } } => 'elided' in x.explained);
  it.each(byExample.map((x) => [describeException(x), x] as const))('%s (by the examples themselves)', (_name, x) => {
    const examples = RULES.filter((r) => x.rules.includes(r.id)).flatMap((r) => assigned.get(r)!);
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) expect(norm(e.elided ?? '').toLowerCase(), where(e)).toContain(norm(x.explained.elided).toLowerCase());
  });
});

describe('vendor examples: summary', () => {
  it('reports what was found, validated, excluded and excepted', () => {
    const lines: string[] = [];
    for (const source of SOURCE_KEYS) {
      const found = examplesBySource.get(source)?.length ?? 0;
      const skipped = RULES.filter((r) => r.source === source && r.skip).reduce((n, r) => n + assigned.get(r)!.length, 0);
      const mine = outcomes.filter((o) => o.rule.source === source && o.variant === 'as written');
      const deviating = (o: Outcome) => (o.check.expect === 'reject' ? o.issues.length === 0 : o.issues.length > 0);
      const excepted = new Set(mine.filter(deviating).map((o) => o.example)).size;
      lines.push(
        `${source}: ${found} found; ${found - skipped} validated (${mine.length} example×operation checks), ${excepted} of them through exceptions; ${skipped} not bodies of ours (excluded with a reason)`,
      );
    }
    for (const r of RULES.filter((r) => r.skip)) lines.push(`excluded ${r.source} ${r.id} ×${assigned.get(r)!.length}: ${r.skip}`);
    for (const x of EXCEPTIONS) {
      const why = 'spec' in x.explained ? `spec: "${x.explained.spec.phrase}"` : `each example: "${x.explained.elided}"`;
      lines.push(`exception ${describeException(x)} — ${why}`);
    }
    console.log(`vendor examples\n  ${lines.join('\n  ')}`);
    expect(outcomes.length).toBeGreaterThan(0);
  });
});
