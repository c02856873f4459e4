/**
 * Issue 7, item 9: every JSON example in the seed documents (shared/seeds/) and
 * in the vendor notes (shared/vendors/*.md) that belongs to an operation we
 * serve validates against our spec, or the spec says why not.
 *
 * How it works:
 * - test/vendor-examples-extract.ts pulls every JSON value out of the texts
 *   (curl/Python/fetch/Go/Ruby request bodies and response blocks in the seeds,
 *   ```json fences and inline code spans in the notes);
 * - RULES below says what each one is: which operation, request body or
 *   response status; or why it is skipped. Every extracted example must match
 *   exactly one rule, and every rule must match exactly the number of examples
 *   it declares, so a broken extractor (or an edited note) cannot pass quietly;
 * - each mapped example is validated with our validators
 *   (`SpecValidators.of(spec).for(op)`: `.body()` for requests, `.response()`
 *   for responses), as written: placeholders such as `"<string>"`,
 *   `example_string` or `"…"` are part of the text. A fragment (one property's
 *   value, e.g. a `pagination` object) is validated inside a minimal body of its
 *   operation (`wrap`); a body the note says the vendor refuses must be refused
 *   (`expect: 'reject'`); an error example applies to every operation declaring
 *   its status unless the text ties it to one;
 * - EXCEPTIONS lists what does not validate, issue by issue (JSON pointer,
 *   optionally "only placeholder values"), with the reason and the phrase in our
 *   spec that states it. An issue no exception covers fails; so does an
 *   exception that covers nothing any more, or whose phrase is not in the spec.
 *   Exceptions the spec does not explain yet have `spec: null` and show up as
 *   todo tests, for the spec owners to decide.
 *
 * The shared/ folder sits beside the repository clone, or SHARED_DIR names it
 * (see vendor-examples-extract.ts); without it the suite fails, it never skips.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec, type Operation, type Spec } from '../src/core/spec.js';
import { SpecValidators } from '../src/core/validation.js';
import type { ValidationIssue } from '../src/core/errors.js';
import { extractNote, extractSeed, readShared, seedFile, type Example, type ExampleKind } from './vendor-examples-extract.js';

type Json = any;
type Provider = 'xai' | 'airweave' | 'mixpeek' | 'ctxfy';
const PROVIDERS: Provider[] = ['xai', 'airweave', 'mixpeek', 'ctxfy'];

const repoRoot = path.resolve(import.meta.dirname, '..');
const specs = Object.fromEntries(PROVIDERS.map((p) => [p, loadSpec(path.join(repoRoot, 'specs', `${p}.yaml`), p)])) as Record<Provider, Spec>;

// ------------------------------------------------------------------ sources

/** Source keys used in the rules: the seeds by number, the notes by vendor. */
const SEEDS = { 'seed 000': '000_', 'seed 001': '001_', 'seed 002': '002_', 'seed 003': '003_', 'seed 004': '004_' } as const;
const NOTES = { 'xai.md': 'vendors/xai.md', 'airweave.md': 'vendors/airweave.md', 'mixpeek.md': 'vendors/mixpeek.md', 'ctxfy.md': 'vendors/ctxfy.md' } as const;
type SourceKey = keyof typeof SEEDS | keyof typeof NOTES;

const examplesBySource = new Map<SourceKey, Example[]>();
for (const [key, prefix] of Object.entries(SEEDS) as [SourceKey, string][]) {
  const file = seedFile(prefix);
  examplesBySource.set(key, extractSeed(file, readShared(file)));
}
for (const [key, file] of Object.entries(NOTES) as [SourceKey, string][]) examplesBySource.set(key, extractNote(file, readShared(file)));

/**
 * How many JSON examples each source holds. Seeds 002 (Airweave "Create
 * Collection") and 004 (xAI endpoint list) document fields and paths in prose
 * only: they hold none.
 */
const EXPECTED_PER_SOURCE: Record<SourceKey, number> = {
  'seed 000': 11, // 5 request bodies (curl, Python, fetch, Go, Ruby) + 6 response blocks
  'seed 001': 10, // 5 request bodies + 5 response blocks
  'seed 002': 0,
  'seed 003': 2, // the curl body + the 200 response
  'seed 004': 0,
  'xai.md': 28,
  'airweave.md': 59,
  'mixpeek.md': 39,
  'ctxfy.md': 17,
};

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
  /** `reject`: the note documents the vendor refusing this body, so our spec must refuse it too. */
  expect?: 'valid' | 'reject';
}

interface Rule {
  id: string;
  source: SourceKey;
  match: {
    kind?: ExampleKind | ExampleKind[];
    /** Exact JSON text (whitespace-insensitive). */
    text?: string;
    /** Prefix of the JSON text (whitespace-insensitive). */
    starts?: string;
    /** On the source line the example starts on. */
    line?: RegExp;
    status?: string;
    ordinal?: number;
    /** Tested against the JSON text with whitespace removed. */
    pattern?: RegExp;
  };
  /** How many extracted examples the rule must match. */
  count: number;
  about: string;
  checks?: Check[];
  /**
   * A fragment (one property's value) is validated inside a minimal body of
   * its operation; `wrapNote` says what was added around it and where it comes from.
   */
  wrap?: (value: Json) => Json;
  wrapNote?: string;
  /**
   * The note abbreviates this example and says how (`notePhrase` must appear in
   * the note): the completed form is validated too, and must pass cleanly.
   */
  completed?: { fill: (value: Json) => Json; notePhrase: string };
  skip?: string;
}

/** `{}`, `[]`, or an array of scalars: the shape of a value mention. */
const SCALARS = /^(\{\}|\[[^[\]{}]*\])$/;

/** The mixpeek note's error table leaves `success:false` out, and says so in its header. */
const ABBREVIATED_ERROR = { fill: (v: Json) => ({ success: false, ...v }), notePhrase: '(`success:false` omitted for brevity — always emit it)' };

const VALUE_MENTION =
  'a property value mentioned in prose or a table cell (an empty object or array, or a list of scalar values), not a request or response body';

// Minimal bodies for fragments; the filler values follow the rows and examples of the same note.
// Airweave's Source has every key required: the github and notion rows of the note's fixture catalog (§3.2).
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
  // ---------------------------------------------------------------- seed 000: Ctxfy "Create collection"
  {
    id: 'ctxfy-create-collection-body',
    source: 'seed 000',
    match: { kind: ['curl-data', 'python-json', 'fetch-body', 'go-bytes', 'ruby-body'] },
    count: 5,
    about: 'the request body of the five code samples (curl, Python, fetch, Go, Ruby)',
    checks: [{ provider: 'ctxfy', ops: 'createCollection', request: true }],
  },
  { id: 'ctxfy-create-collection-201', source: 'seed 000', match: { kind: 'response-block', ordinal: 0 }, count: 1, about: '"Collection created"', checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '201' }] },
  { id: 'ctxfy-create-collection-400', source: 'seed 000', match: { kind: 'response-block', ordinal: 1 }, count: 1, about: '"Invalid request"', checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '400' }] },
  { id: 'ctxfy-create-collection-401', source: 'seed 000', match: { kind: 'response-block', ordinal: 2 }, count: 1, about: '"Unauthorized"', checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '401' }] },
  { id: 'ctxfy-create-collection-404', source: 'seed 000', match: { kind: 'response-block', ordinal: 3 }, count: 1, about: '"Space or parent collection not found"', checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '404' }] },
  { id: 'ctxfy-create-collection-409', source: 'seed 000', match: { kind: 'response-block', ordinal: 4 }, count: 1, about: '"Collection already exists"', checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '409' }] },
  { id: 'ctxfy-create-collection-500', source: 'seed 000', match: { kind: 'response-block', ordinal: 5 }, count: 1, about: '"Internal error"', checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '500' }] },

  // ---------------------------------------------------------------- seed 001: Ctxfy "Create source"
  {
    id: 'ctxfy-create-source-body',
    source: 'seed 001',
    match: { kind: ['curl-data', 'python-json', 'fetch-body', 'go-bytes', 'ruby-body'] },
    count: 5,
    about: 'the request body of the five code samples (curl, Python, fetch, Go, Ruby)',
    checks: [{ provider: 'ctxfy', ops: 'createSource', request: true }],
  },
  { id: 'ctxfy-create-source-201', source: 'seed 001', match: { kind: 'response-block', ordinal: 0 }, count: 1, about: 'the success body', checks: [{ provider: 'ctxfy', ops: 'createSource', status: '201' }] },
  { id: 'ctxfy-create-source-400', source: 'seed 001', match: { kind: 'response-block', ordinal: 1 }, count: 1, about: '400', checks: [{ provider: 'ctxfy', ops: 'createSource', status: '400' }] },
  { id: 'ctxfy-create-source-401', source: 'seed 001', match: { kind: 'response-block', ordinal: 2 }, count: 1, about: '401', checks: [{ provider: 'ctxfy', ops: 'createSource', status: '401' }] },
  { id: 'ctxfy-create-source-404', source: 'seed 001', match: { kind: 'response-block', ordinal: 3 }, count: 1, about: '404', checks: [{ provider: 'ctxfy', ops: 'createSource', status: '404' }] },
  { id: 'ctxfy-create-source-500', source: 'seed 001', match: { kind: 'response-block', ordinal: 4 }, count: 1, about: '500', checks: [{ provider: 'ctxfy', ops: 'createSource', status: '500' }] },

  // ---------------------------------------------------------------- seed 003: Mixpeek "POST /v1/collections/create"
  { id: 'mixpeek-seed-create-body', source: 'seed 003', match: { kind: 'curl-data' }, count: 1, about: 'the curl request body', checks: [{ provider: 'mixpeek', ops: 'createCollectionSeed', request: true }] },
  { id: 'mixpeek-seed-create-200', source: 'seed 003', match: { kind: 'response-block', ordinal: 0 }, count: 1, about: 'the 200 response', checks: [{ provider: 'mixpeek', ops: 'createCollectionSeed', status: '200' }] },

  // ---------------------------------------------------------------- xai.md
  { id: 'xai-protobuf-empty', source: 'xai.md', match: { text: '{}', line: /google\.protobuf\.Empty/ }, count: 1, about: 'prose: protobuf Empty is `{}` (the per-operation rows are mapped below)', skip: VALUE_MENTION },
  { id: 'xai-delete-collection-200', source: 'xai.md', match: { text: '{}', line: /^\| 4 \| yes \| `DELETE/ }, count: 1, about: 'endpoint table: DeleteCollection answers 200 `{}`', checks: [{ provider: 'xai', ops: 'deleteCollection', status: '200' }] },
  { id: 'xai-add-document-200', source: 'xai.md', match: { text: '{}', line: /^\| 6 \| yes \| `POST/ }, count: 1, about: 'endpoint table: AddDocumentToCollection answers 200 `{}`', checks: [{ provider: 'xai', ops: 'addDocumentToCollection', status: '200' }] },
  { id: 'xai-reindex-200', source: 'xai.md', match: { text: '{}', line: /^\| 9 \| yes \| `PATCH/ }, count: 1, about: 'endpoint table: ReIndexDocument answers 200 `{}`', checks: [{ provider: 'xai', ops: 'reIndexDocument', status: '200' }] },
  { id: 'xai-remove-document-200', source: 'xai.md', match: { text: '{}', line: /^\| 10 \| yes \| `DELETE/ }, count: 1, about: 'endpoint table: RemoveDocumentFromCollection answers 200 `{}`', checks: [{ provider: 'xai', ops: 'removeDocumentFromCollection', status: '200' }] },
  {
    id: 'xai-empty-responses',
    source: 'xai.md',
    match: { text: '{}', line: /^Empty responses \(#4, #6, #9, #10\)/ },
    count: 1,
    about: '"Empty responses (#4, #6, #9, #10): exactly `{}`"',
    checks: [{ provider: 'xai', ops: ['deleteCollection', 'addDocumentToCollection', 'reIndexDocument', 'removeDocumentFromCollection'], status: '200' }],
  },
  { id: 'xai-reindex-seed-table', source: 'xai.md', match: { text: '{}', line: /^\| 3 \| PATCH document/ }, count: 1, about: 'seed table: re-index answers `{}`', checks: [{ provider: 'xai', ops: 'reIndexDocument', status: '200' }] },
  {
    id: 'xai-value-mentions',
    source: 'xai.md',
    match: {
      pattern: SCALARS, line: /repeated → `\[\]`|map → `\{\}`|`field_definitions` \| FieldDefinition\[\]|`fields` \| map string→string|Unpopulated-field emission/ },
    count: 6,
    about: 'encoding rules and table cells: `[]` / `{}` as the value of an unset field',
    skip: VALUE_MENTION,
  },
  { id: 'xai-document-metadata', source: 'xai.md', match: { kind: 'fence', starts: '{"file_metadata"' }, count: 1, about: 'DocumentMetadata example (GET document)', checks: [{ provider: 'xai', ops: 'getDocumentMetadata', status: '200' }] },
  { id: 'xai-delete-file', source: 'xai.md', match: { starts: '{ "id": "file_…"' }, count: 1, about: 'DeleteFileResponse', checks: [{ provider: 'xai', ops: 'deleteFile', status: '200' }] },
  {
    id: 'xai-add-document-fields',
    source: 'xai.md',
    match: { text: '{"type":"10-Q"}' },
    count: 1,
    about: 'the docs example `fields` added to a collection without definitions',
    wrap: (v) => ({ fields: v }),
    wrapNote: 'validated as the `fields` of an AddDocumentToCollection body',
    checks: [{ provider: 'xai', ops: 'addDocumentToCollection', request: true }],
  },
  {
    id: 'xai-error-envelope',
    source: 'xai.md',
    match: { kind: 'fence', starts: '{"code": "<gRPC status description>"' },
    count: 1,
    about: 'the error envelope with placeholder texts, for every error status',
    checks: ['400', '401', '403', '404', '409', '413', '415', '429', '500'].map((status) => ({ provider: 'xai' as const, ops: ALL, status })),
  },
  { id: 'xai-500-observed', source: 'xai.md', match: { text: '{"code":"Internal error","error":"Internal error"}' }, count: 1, about: 'observed 500 body', checks: [{ provider: 'xai', ops: ALL, status: '500' }] },
  { id: 'xai-400-bad-key', source: 'xai.md', match: { status: '400', starts: '{"code":"Client specified an invalid argument","error":"Incorrect API key' }, count: 1, about: 'unknown API key (any operation)', checks: [{ provider: 'xai', ops: ALL, status: '400' }] },
  { id: 'xai-400-empty-name', source: 'xai.md', match: { status: '400', starts: '{"code":"Client specified an invalid argument","error":"collection_name' }, count: 1, about: 'empty collection_name', checks: [{ provider: 'xai', ops: 'createCollection', status: '400' }] },
  { id: 'xai-401', source: 'xai.md', match: { status: '401' }, count: 1, about: 'no credentials (any operation)', checks: [{ provider: 'xai', ops: ALL, status: '401' }] },
  { id: 'xai-403', source: 'xai.md', match: { status: '403' }, count: 1, about: 'management key lacks AddFileToCollection', checks: [{ provider: 'xai', ops: 'addDocumentToCollection', status: '403' }] },
  { id: 'xai-404', source: 'xai.md', match: { status: '404' }, count: 1, about: 'unknown collection', checks: [{ provider: 'xai', ops: under('/v1/collections/{collection_id}'), status: '404' }] },
  { id: 'xai-409', source: 'xai.md', match: { status: '409' }, count: 1, about: 'document already in the collection', checks: [{ provider: 'xai', ops: 'addDocumentToCollection', status: '409' }] },
  { id: 'xai-413', source: 'xai.md', match: { status: '413' }, count: 1, about: 'upload over the size limit', checks: [{ provider: 'xai', ops: ['uploadFile', 'uploadDocumentToCollection'], status: '413' }] },
  { id: 'xai-429', source: 'xai.md', match: { status: '429' }, count: 1, about: 'rate limit (any operation)', checks: [{ provider: 'xai', ops: ALL, status: '429' }] },
  {
    id: 'xai-grpc-gateway-envelope',
    source: 'xai.md',
    match: { starts: '{"code":5' },
    count: 1,
    about: "open question 1: grpc-gateway's envelope, should a real capture ever show it",
    skip: 'a hypothetical alternative envelope named in an open question; the note says the mock does not use it',
  },
  {
    id: 'xai-default-chunk-configuration',
    source: 'xai.md',
    match: { starts: '{"tokens_configuration"' },
    count: 1,
    about: "open question 3: the mock's default chunk_configuration",
    wrap: (v) => ({ collection_name: 'SEC filings', chunk_configuration: v }),
    wrapNote: 'validated as the `chunk_configuration` of a CreateCollection body (`collection_name` added)',
    checks: [{ provider: 'xai', ops: 'createCollection', request: true }],
  },

  // ---------------------------------------------------------------- airweave.md
  { id: 'airweave-org-404', source: 'airweave.md', match: { status: '404', text: '{"detail":"Organization <id> not found"}' }, count: 1, about: 'unknown X-Organization-ID (any operation)', checks: [{ provider: 'airweave', ops: ALL, status: '404' }] },
  {
    id: 'airweave-org-403',
    source: 'airweave.md',
    match: { status: '403', text: '{"detail":"API key does not have access to organization <id>"}' },
    count: 2,
    about: 'key of another organization (any operation)',
    checks: [{ provider: 'airweave', ops: ALL, status: '403' }],
  },
  { id: 'airweave-401', source: 'airweave.md', match: { text: '{"detail":"No valid authentication provided"}' }, count: 3, about: 'no key (any operation)', checks: [{ provider: 'airweave', ops: ALL, status: '401' }] },
  { id: 'airweave-403-unknown-key', source: 'airweave.md', match: { text: '{"detail":"Invalid or expired API key"}' }, count: 3, about: 'unknown key (any operation)', checks: [{ provider: 'airweave', ops: ALL, status: '403' }] },
  { id: 'airweave-403-expired-key', source: 'airweave.md', match: { text: '{"detail":"API key has expired"}' }, count: 2, about: 'expired key (any operation)', checks: [{ provider: 'airweave', ops: ALL, status: '403' }] },
  {
    id: 'airweave-router-replies',
    source: 'airweave.md',
    match: { line: /^Unknown route: `404/ },
    count: 2,
    about: 'unknown route 404 / wrong method 405 (FastAPI defaults)',
    skip: 'a router-level reply that belongs to no operation',
  },
  {
    id: 'airweave-value-mentions',
    source: 'airweave.md',
    match: {
      pattern: SCALARS,
      line: /Single GET, POST, PATCH and DELETE always return `\[\]`|`output_entity_definitions` \| string\[\]|`supported_auth_providers`|^\| `(github|stripe|slack|notion)` \||Echoed as `\{\}` when the source has no config|`source_connection_summaries` is `\[\]`/,
    },
    count: 10,
    about: 'table cells and prose: empty lists, label lists and the `{}` config echo',
    skip: VALUE_MENTION,
  },
  { id: 'airweave-collection', source: 'airweave.md', match: { kind: 'fence', starts: '{"name":"Finance Data"' }, count: 1, about: 'Collection: POST response for an API-key caller', checks: [{ provider: 'airweave', ops: 'createCollection', status: '200' }] },
  {
    id: 'airweave-update-empty',
    source: 'airweave.md',
    match: { text: '{}', line: /^- `\{\}` is accepted and changes nothing|^- `\{\}` leaves `modified_at` unchanged/ },
    count: 2,
    about: 'CollectionUpdate `{}` is accepted',
    checks: [{ provider: 'airweave', ops: 'updateCollection', request: true }],
  },
  {
    id: 'airweave-oauth-only-auth-fields',
    source: 'airweave.md',
    match: { text: '{"fields":[]}' },
    count: 1,
    about: 'Source.auth_fields of OAuth-only sources',
    wrap: (v) => ({ ...AIRWEAVE_NOTION, auth_fields: v }),
    wrapNote: 'validated as `auth_fields` of the notion Source (an OAuth-only row of the same section)',
    checks: [{ provider: 'airweave', ops: 'getSource', status: '200' }],
  },
  {
    id: 'airweave-config-field',
    source: 'airweave.md',
    match: { kind: 'fence', starts: '{"name":"personal_access_token"' },
    count: 1,
    about: "github's auth_fields entry on the wire (a ConfigField)",
    wrap: (v) => ({ ...AIRWEAVE_GITHUB, auth_fields: { fields: [v] } }),
    wrapNote: 'validated as the one `auth_fields.fields` entry of the github Source (fixture row of the same section)',
    checks: [{ provider: 'airweave', ops: 'getSource', status: '200' }],
  },
  {
    id: 'airweave-config-echo',
    source: 'airweave.md',
    match: { starts: '{"repo_name":"a/b"' },
    count: 1,
    about: 'a github config with its defaults filled in',
    wrap: (v) => ({ short_name: 'github', readable_collection_id: 'finance-data', config: v }),
    wrapNote: 'validated as the `config` of a SourceConnectionCreate body (`short_name`, `readable_collection_id` added)',
    checks: [{ provider: 'airweave', ops: 'createSourceConnection', request: true }],
  },
  {
    id: 'airweave-update-connection-empty',
    source: 'airweave.md',
    match: { text: '{}', line: /an empty body `\{\}` gives 422/ },
    count: 1,
    about: 'SourceConnectionUpdate `{}` is refused with 422',
    checks: [{ provider: 'airweave', ops: 'updateSourceConnection', request: true, expect: 'reject' }],
  },
  { id: 'airweave-legacy-search-bodies', source: 'airweave.md', match: { starts: '{"query":"x"' }, count: 2, about: 'legacy search request bodies', skip: 'POST /collections/{readable_id}/search is not served (not in specs/airweave.yaml)' },
  { id: 'airweave-legacy-search-result', source: 'airweave.md', match: { kind: 'fence', starts: '{"id":"f30bf505' }, count: 1, about: 'a legacy search result item', skip: 'the legacy search routes are not served' },
  {
    id: 'airweave-duplicate-readable-id',
    source: 'airweave.md',
    match: { text: "{\"detail\":\"Collection with readable_id '<id>' already exists\"}" },
    count: 1,
    about: 'duplicate readable_id',
    checks: [{ provider: 'airweave', ops: 'createCollection', status: '400' }],
  },
  {
    id: 'airweave-duplicate-readable-id-table',
    source: 'airweave.md',
    match: { text: "{\"detail\":\"Collection with readable_id 'finance-data' already exists\"}" },
    count: 1,
    about: 'error table: 400 duplicate readable_id',
    checks: [{ provider: 'airweave', ops: 'createCollection', status: '400' }],
  },
  { id: 'airweave-connections-empty-list', source: 'airweave.md', match: { text: '[]', line: /unknown or foreign `collection` value returns `\[\]`/ }, count: 1, about: 'list of connections for an unknown collection', checks: [{ provider: 'airweave', ops: 'listSourceConnections', status: '200' }] },
  {
    id: 'airweave-past-the-end',
    source: 'airweave.md',
    match: { text: '[]', line: /^- Skipping past the end returns `\[\]`/ },
    count: 1,
    about: 'a page past the end',
    checks: [{ provider: 'airweave', ops: ['listCollections', 'listSourceConnections'], status: '200' }],
  },
  { id: 'airweave-refresh-all-empty', source: 'airweave.md', match: { text: '[]', line: /Returns the created jobs as an array/ }, count: 1, about: 'refresh_all with nothing to run', checks: [{ provider: 'airweave', ops: 'refreshAllSourceConnections', status: '200' }] },
  {
    id: 'airweave-invalid-fields-422',
    source: 'airweave.md',
    match: { pattern: /^\{"detail":"Invalid(auth|config)fields:/ },
    count: 3,
    about: 'auth/config field validation (422 with a `detail` string)',
    checks: [{ provider: 'airweave', ops: 'createSourceConnection', status: '422' }],
  },
  {
    id: 'airweave-schedule-cron-null',
    source: 'airweave.md',
    match: { text: '{"cron": null}' },
    count: 1,
    about: 'a schedule without cron',
    wrap: (v) => ({ short_name: 'github', readable_collection_id: 'finance-data', schedule: v, sync_immediately: false }),
    wrapNote: 'validated as the `schedule` of a SourceConnectionCreate body, with the `sync_immediately: false` of the same sentence',
    checks: [{ provider: 'airweave', ops: 'createSourceConnection', request: true }],
  },
  { id: 'airweave-refresh-all-404', source: 'airweave.md', match: { text: '{"detail":"Collection not found"}', line: /^- 404 `/ }, count: 1, about: 'refresh_all on a missing collection', checks: [{ provider: 'airweave', ops: 'refreshAllSourceConnections', status: '404' }] },
  { id: 'airweave-webhook-event', source: 'airweave.md', match: { starts: '{"event_type":"collection.created"' }, count: 1, about: 'a webhook event payload', skip: 'webhooks are not served (no /webhooks routes in specs/airweave.yaml); a payload is not a reply of ours' },
  { id: 'airweave-search-empty', source: 'airweave.md', match: { text: '{"results":[]}' }, count: 1, about: 'search on an empty collection', skip: 'the search routes are not served' },
  {
    id: 'airweave-429',
    source: 'airweave.md',
    match: { starts: '{"detail":"Rate limit exceeded.' },
    count: 2,
    about: 'rate limit (any operation)',
    checks: [{ provider: 'airweave', ops: ALL, status: '429' }],
  },
  {
    id: 'airweave-detail-envelope',
    source: 'airweave.md',
    match: { text: '{"detail": "<string>"}', line: /^Every non-422 error is/ },
    count: 1,
    about: '"Every non-422 error is `{"detail": "<string>"}`"',
    checks: ['400', '401', '403', '404', '409', '413', '429', '500'].map((status) => ({ provider: 'airweave' as const, ops: ALL, status })),
  },
  {
    id: 'airweave-detail-422',
    source: 'airweave.md',
    match: { text: '{"detail":"<string>"}', line: /the second 422 form/ },
    count: 1,
    about: 'the second 422 form',
    checks: [{ provider: 'airweave', ops: ALL, status: '422' }],
  },
  {
    id: 'airweave-collection-404',
    source: 'airweave.md',
    match: { text: '{"detail":"Collection not found"}', line: /^\| 404 \|/ },
    count: 1,
    about: 'error table: missing collection',
    checks: [{ provider: 'airweave', ops: ['getCollection', 'updateCollection', 'deleteCollection', 'refreshAllSourceConnections', 'createSourceConnection'], status: '404' }],
  },
  { id: 'airweave-409', source: 'airweave.md', match: { starts: '{"detail":"Cannot trigger sync' }, count: 1, about: 'run on a paused sync', checks: [{ provider: 'airweave', ops: 'runSourceConnection', status: '409' }] },
  { id: 'airweave-500', source: 'airweave.md', match: { starts: '{"detail":"Internal Server Error' }, count: 1, about: 'unhandled error (any operation)', checks: [{ provider: 'airweave', ops: ALL, status: '500' }] },
  {
    id: 'airweave-timeout',
    source: 'airweave.md',
    match: { starts: '{"detail":"Request timeout' },
    count: 1,
    about: '502/503/504: upstream failure or timeout',
    skip: 'statuses 502/503/504: no operation of specs/airweave.yaml declares them, the mock never sends them',
  },
  { id: 'airweave-usage-limit', source: 'airweave.md', match: { starts: '{"detail":"Usage limit exceeded' }, count: 1, about: 'usage limit (400, any operation)', checks: [{ provider: 'airweave', ops: ALL, status: '400' }] },
  {
    id: 'airweave-422-body-name',
    source: 'airweave.md',
    match: { kind: 'fence', starts: '{"errors":[{"body.name"' },
    count: 2,
    about: 'name too short / missing',
    checks: [{ provider: 'airweave', ops: 'createCollection', status: '422' }],
  },
  { id: 'airweave-422-readable-id', source: 'airweave.md', match: { kind: 'fence', starts: '{"errors":[{"body.readable_id"' }, count: 1, about: 'readable_id pattern', checks: [{ provider: 'airweave', ops: 'createCollection', status: '422' }] },
  {
    id: 'airweave-422-query-limit',
    source: 'airweave.md',
    match: { kind: 'fence', starts: '{"errors":[{"query.limit"' },
    count: 1,
    about: 'limit out of range',
    checks: [{ provider: 'airweave', ops: ['listCollections', 'listSourceConnections', 'getSourceConnectionJobs'], status: '422' }],
  },
  {
    id: 'airweave-422-path-uuid',
    source: 'airweave.md',
    match: { kind: 'fence', starts: '{"errors":[{"path.source_connection_id"' },
    count: 1,
    about: 'source_connection_id not a UUID',
    checks: [{ provider: 'airweave', ops: under('/source-connections/{source_connection_id}'), status: '422' }],
  },

  // ---------------------------------------------------------------- mixpeek.md
  {
    id: 'mixpeek-namespace-404-details',
    source: 'mixpeek.md',
    match: { text: '{"resource":"namespace","id":"<value>"}' },
    count: 1,
    about: '`details` of the unknown-X-Namespace 404',
    wrap: (v) => ({ success: false, status: 404, error: { type: 'NotFoundError', message: 'Namespace not found', details: v } }),
    wrapNote: 'validated as `error.details` of the envelope, with the type and message of the same sentence',
    checks: [{ provider: 'mixpeek', ops: (op) => op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'x-namespace'), status: '404' }],
  },
  {
    id: 'mixpeek-schema-notation',
    source: 'mixpeek.md',
    match: { text: '{}', line: /\(schema `\{\}`|typed `\{\}`/ },
    count: 5,
    about: 'the vendor spec types some delete bodies as the schema `{}`',
    skip: 'schema notation (the vendor types the body as `{}`), not a body',
  },
  { id: 'mixpeek-list-namespaces-default', source: 'mixpeek.md', match: { text: '{"case_sensitive":false}' }, count: 1, about: 'default ListNamespacesRequest', checks: [{ provider: 'mixpeek', ops: 'listNamespaces', request: true }] },
  { id: 'mixpeek-list-namespaces', source: 'mixpeek.md', match: { kind: 'fence', starts: '{"results":[{"namespace_id"' }, count: 1, about: 'live namespace list (trimmed)', checks: [{ provider: 'mixpeek', ops: 'listNamespaces', status: '200' }] },
  {
    id: 'mixpeek-value-mentions',
    source: 'mixpeek.md',
    match: {
      pattern: SCALARS, line: /`metadata` object \(default `\{\}`\)|^\| `payload_indexes` \| array \| `\[\]`|`location` \(array:|`\["body","feature_extractor"\]`|free object `\{\}`/ },
    count: 7,
    about: 'defaults and error locations mentioned in prose',
    skip: VALUE_MENTION,
  },
  { id: 'mixpeek-bucket', source: 'mixpeek.md', match: { kind: 'fence', starts: '{"bucket_id":"bkt_6a3a022d"' }, count: 1, about: 'live BucketResponse', checks: [{ provider: 'mixpeek', ops: ['createBucket', 'getBucket'], status: '200' }] },
  {
    id: 'mixpeek-input-mappings',
    source: 'mixpeek.md',
    match: { text: '{"text":"product_text"}' },
    count: 1,
    about: 'FeatureExtractorConfig.input_mappings',
    wrap: (v) => ({ ...MIXPEEK_CREATE, feature_extractor: { ...MIXPEEK_CREATE.feature_extractor, input_mappings: v } }),
    wrapNote: 'validated as `feature_extractor.input_mappings` of a minimal CreateCollectionRequest',
    checks: [{ provider: 'mixpeek', ops: 'createCollection', request: true }],
  },
  {
    id: 'mixpeek-seed-form',
    source: 'mixpeek.md',
    match: { kind: 'fence', starts: '{"collection_name":"…"' },
    count: 1,
    about: 'the seed form of the create request (both create paths accept it, §6 #1)',
    checks: [{ provider: 'mixpeek', ops: ['createCollectionSeed', 'createCollection'], request: true }],
  },
  {
    id: 'mixpeek-empty-input-schema',
    source: 'mixpeek.md',
    match: { text: '{"properties":{}}' },
    count: 1,
    about: 'CollectionResponse.input_schema when there is none',
    wrap: (v) => ({ ...MIXPEEK_COLLECTION, input_schema: v }),
    wrapNote: 'validated as `input_schema` of a minimal CollectionResponse',
    checks: [{ provider: 'mixpeek', ops: 'getCollection', status: '200' }],
  },
  {
    id: 'mixpeek-output-schema-fields',
    source: 'mixpeek.md',
    match: { starts: '{"title":{"type":"string"}' },
    count: 1,
    about: 'CollectionResponse.output_schema fields (the map under `properties`)',
    wrap: (v) => ({ ...MIXPEEK_COLLECTION, output_schema: { properties: v } }),
    wrapNote: 'validated as `output_schema.properties` of a minimal CollectionResponse',
    checks: [{ provider: 'mixpeek', ops: 'getCollection', status: '200' }],
  },
  {
    id: 'mixpeek-vector-indexes',
    source: 'mixpeek.md',
    match: { starts: '[{"name":"text_extractor_v1_embedding"' },
    count: 1,
    about: 'CollectionResponse.vector_indexes',
    wrap: (v) => ({ ...MIXPEEK_COLLECTION, vector_indexes: v }),
    wrapNote: 'validated as `vector_indexes` of a minimal CollectionResponse',
    checks: [{ provider: 'mixpeek', ops: 'getCollection', status: '200' }],
  },
  {
    id: 'mixpeek-filter-shorthand',
    source: 'mixpeek.md',
    match: { text: '{"metadata.title":"value"}' },
    count: 1,
    about: 'equality shorthand in a LogicalOperator',
    wrap: (v) => ({ filters: v }),
    wrapNote: 'validated as `filters` of a ListCollectionsRequest',
    checks: [{ provider: 'mixpeek', ops: 'listCollections', request: true }],
  },
  { id: 'mixpeek-dynamic-value', source: 'mixpeek.md', match: { starts: '{"type":"dynamic"' }, count: 1, about: 'a retriever-only dynamic filter value', skip: 'retrievers are not served (the note: retriever-only; 400 in list filters)' },
  {
    id: 'mixpeek-list-filter',
    source: 'mixpeek.md',
    match: { starts: '{"AND":[{"field":"taxonomy_applications.taxonomy_id"' },
    count: 1,
    about: 'ListCollectionsRequest.filters example',
    wrap: (v) => ({ filters: v }),
    wrapNote: 'validated as `filters` of a ListCollectionsRequest',
    checks: [{ provider: 'mixpeek', ops: 'listCollections', request: true }],
  },
  { id: 'mixpeek-generic-delete', source: 'mixpeek.md', match: { text: '{"message":"Successfully deleted","success":true}' }, count: 1, about: 'GenericDeleteResponse', checks: [{ provider: 'mixpeek', ops: 'deleteDocument', status: '200' }] },
  {
    id: 'mixpeek-missing-bucket-details',
    source: 'mixpeek.md',
    match: { starts: '{"resource":"bucket"' },
    count: 1,
    about: '`details` of the missing-source-bucket 404 on create',
    wrap: (v) => ({ success: false, status: 404, error: { type: 'NotFoundError', message: 'Resource not found', details: v } }),
    wrapNote: 'validated as `error.details` of the 404 envelope (type and message of the §5 404 row)',
    checks: [{ provider: 'mixpeek', ops: ['createCollection', 'createCollectionSeed'], status: '404' }],
  },
  {
    id: 'mixpeek-pagination',
    source: 'mixpeek.md',
    match: { starts: '{"page_size":10' },
    count: 2,
    about: 'pagination without include_total (a middle page, the last page)',
    wrap: (v) => ({ results: [], pagination: v }),
    wrapNote: 'validated as `pagination` of a ListDocumentsResponse (`results: []` added)',
    checks: [{ provider: 'mixpeek', ops: 'listDocuments', status: '200' }],
  },
  { id: 'mixpeek-delete-collection', source: 'mixpeek.md', match: { starts: '{"success":true,"message":"Successfully deleted","collection_id"' }, count: 1, about: 'collection delete body (Decision)', checks: [{ provider: 'mixpeek', ops: 'deleteCollection', status: '200' }] },
  { id: 'mixpeek-delete-namespace', source: 'mixpeek.md', match: { starts: '{"task_id":"task_…"' }, count: 1, about: 'namespace delete task receipt (Decision)', checks: [{ provider: 'mixpeek', ops: 'deleteNamespace', status: '200' }] },
  {
    id: 'mixpeek-extractor-404',
    source: 'mixpeek.md',
    match: { kind: 'fence', starts: '{"success":false,"status":404' },
    count: 1,
    about: 'live 404: extractor not in the registry',
    checks: [{ provider: 'mixpeek', ops: ['createNamespace', 'createCollection', 'createCollectionSeed'], status: '404' }],
  },
  { id: 'mixpeek-400', source: 'mixpeek.md', match: { starts: '{"status":400' }, count: 1, about: 'error table: immutable PATCH field', completed: ABBREVIATED_ERROR, checks: [{ provider: 'mixpeek', ops: 'updateCollection', status: '400' }] },
  { id: 'mixpeek-401', source: 'mixpeek.md', match: { starts: '{"status":401' }, count: 1, about: 'error table: invalid key', completed: ABBREVIATED_ERROR, checks: [{ provider: 'mixpeek', ops: ALL, status: '401' }] },
  { id: 'mixpeek-403', source: 'mixpeek.md', match: { starts: '{"status":403' }, count: 1, about: 'error table: collection quota', completed: ABBREVIATED_ERROR, checks: [{ provider: 'mixpeek', ops: ['createCollection', 'createCollectionSeed'], status: '403' }] },
  { id: 'mixpeek-404', source: 'mixpeek.md', match: { starts: '{"status":404' }, count: 1, about: 'error table: missing collection', completed: ABBREVIATED_ERROR, checks: [{ provider: 'mixpeek', ops: ['getCollection', 'updateCollection', 'deleteCollection'], status: '404' }] },
  { id: 'mixpeek-409', source: 'mixpeek.md', match: { starts: '{"status":409' }, count: 1, about: 'error table: duplicate collection name', completed: ABBREVIATED_ERROR, checks: [{ provider: 'mixpeek', ops: ['createCollection', 'createCollectionSeed', 'updateCollection'], status: '409' }] },
  { id: 'mixpeek-429', source: 'mixpeek.md', match: { starts: '{"status":429' }, count: 1, about: 'error table: rate limit', completed: ABBREVIATED_ERROR, checks: [{ provider: 'mixpeek', ops: ALL, status: '429' }] },
  { id: 'mixpeek-500', source: 'mixpeek.md', match: { starts: '{"status":500' }, count: 1, about: 'error table: internal error', completed: ABBREVIATED_ERROR, checks: [{ provider: 'mixpeek', ops: ALL, status: '500' }] },
  {
    id: 'mixpeek-422',
    source: 'mixpeek.md',
    match: { kind: 'fence', starts: '{"success":false,"status":422' },
    count: 1,
    about: '422 envelope: collection_name missing',
    checks: [{ provider: 'mixpeek', ops: ['createCollection', 'createCollectionSeed'], status: '422' }],
  },

  // ---------------------------------------------------------------- ctxfy.md
  { id: 'ctxfy-instructions-empty', source: 'ctxfy.md', match: { text: '{}', line: /`instructions`/ }, count: 3, about: '`instructions` may be `{}`', skip: VALUE_MENTION },
  { id: 'ctxfy-upload', source: 'ctxfy.md', match: { kind: 'fence', starts: '{ "uploadUrl"' }, count: 1, about: 'UploadS3Response', checks: [{ provider: 'ctxfy', ops: 'createUploadS3', status: '200' }] },
  { id: 'ctxfy-api-key', source: 'ctxfy.md', match: { kind: 'fence', starts: '{ "id": "9a7c1e52-..."' }, count: 1, about: 'ApiKey (create response, with `api_key`)', checks: [{ provider: 'ctxfy', ops: 'createApiKey', status: '201' }] },
  { id: 'ctxfy-space', source: 'ctxfy.md', match: { kind: 'fence', starts: '{ "id": "0d3b8c6e-..."' }, count: 1, about: 'Space', checks: [{ provider: 'ctxfy', ops: 'createSpace', status: '201' }, { provider: 'ctxfy', ops: 'getSpace', status: '200' }] },
  { id: 'ctxfy-collection-node', source: 'ctxfy.md', match: { kind: 'fence', starts: '{ "id": "c1..."' }, count: 1, about: 'a collection tree node with one child', checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '201' }] },
  { id: 'ctxfy-source', source: 'ctxfy.md', match: { kind: 'fence', starts: '{ "id": "7f9e2c1a-..."' }, count: 1, about: 'Source', checks: [{ provider: 'ctxfy', ops: 'getSource', status: '200' }] },
  { id: 'ctxfy-health', source: 'ctxfy.md', match: { status: '200', starts: '{"status":"ok"' }, count: 1, about: 'health', checks: [{ provider: 'ctxfy', ops: 'getHealth', status: '200' }] },
  { id: 'ctxfy-400', source: 'ctxfy.md', match: { starts: '{"error":"Bad Request"' }, count: 1, about: 'error table: 400 on initial_data.url', checks: [{ provider: 'ctxfy', ops: 'createSource', status: '400' }] },
  { id: 'ctxfy-401', source: 'ctxfy.md', match: { starts: '{"error":"Unauthorized"' }, count: 1, about: 'error table: 401 (any /v1 operation)', checks: [{ provider: 'ctxfy', ops: ALL, status: '401' }] },
  { id: 'ctxfy-404', source: 'ctxfy.md', match: { starts: '{"error":"Not Found"' }, count: 1, about: 'error table: 404', checks: [{ provider: 'ctxfy', ops: ALL, status: '404' }] },
  { id: 'ctxfy-409', source: 'ctxfy.md', match: { starts: '{"error":"Conflict"' }, count: 1, about: 'error table: 409', checks: [{ provider: 'ctxfy', ops: 'createCollection', status: '409' }] },
  { id: 'ctxfy-429', source: 'ctxfy.md', match: { starts: '{"error":"Too Many Requests"' }, count: 1, about: 'error table: 429', checks: [{ provider: 'ctxfy', ops: ALL, status: '429' }] },
  { id: 'ctxfy-500', source: 'ctxfy.md', match: { starts: '{"error":"Internal Server Error"' }, count: 1, about: 'error table: 500', checks: [{ provider: 'ctxfy', ops: ALL, status: '500' }] },
  {
    id: 'ctxfy-seed-create-responses',
    source: 'ctxfy.md',
    match: { text: '{}', line: /^\| 5 \| create responses/ },
    count: 2,
    about: 'seed table: the seeds show `{}` as the create response',
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
  /** Covers only issues whose failing value is a placeholder or an elision (`"<string>"`, `"…"`, `"c1..."`). */
  placeholdersOnly?: true;
  /** On a `reject` check: our spec accepts the body the vendor refuses. */
  accepts?: true;
  reason: string;
  /**
   * Where our spec states the deviation; or, for a shortcut the note itself
   * takes (an elided value, a field it says it leaves out), the note's own words.
   */
  spec: SpecPlace | { note: keyof typeof NOTES; phrase: string };
}

const EXCEPTIONS: Exception[] = [
  {
    id: 'ctxfy-seed-empty-create-collection',
    rules: ['ctxfy-create-collection-201', 'ctxfy-seed-create-responses'],
    ops: ['createCollection'],
    reason: 'the seed shows `{}` as the "Collection created" body (an undocumented response); we answer the full CollectionNode',
    spec: { provider: 'ctxfy', op: 'createCollection', status: '201', phrase: 'the seed shows `{}`' },
  },
  {
    id: 'ctxfy-seed-empty-create-source',
    rules: ['ctxfy-create-source-201', 'ctxfy-seed-create-responses'],
    ops: ['createSource'],
    reason: 'the seed shows `{}` as the create-source body (an undocumented response); we answer the full Source',
    spec: { provider: 'ctxfy', op: 'createSource', status: '201', phrase: 'the seed shows `{}`' },
  },
  {
    id: 'mixpeek-seed-reply-lacks-current-fields',
    rules: ['mixpeek-seed-create-200'],
    pointers: /^\/(input_schema|feature_extractor|source)$/,
    reason: "the seed's reply predates fields the current API requires; our CollectionResponse always carries them beside the seed-only ones",
    spec: { provider: 'mixpeek', schema: 'CollectionResponse', phrase: "Always carries the fields the vendor's SDK requires" },
  },
  {
    id: 'mixpeek-seed-reply-lacks-extractor-id',
    rules: ['mixpeek-seed-create-200'],
    pointers: /\/feature_extractors\/\d+\/feature_extractor_id$/,
    reason: "the seed's extractors carry no `feature_extractor_id`; ours always do",
    spec: { provider: 'mixpeek', schema: 'FeatureExtractorConfigResponse', phrase: 'The stored extractor configuration plus its id' },
  },
  {
    id: 'mixpeek-seed-reply-lineage',
    rules: ['mixpeek-seed-create-200'],
    pointers: /^\/source_lineage\/\d+\/(source_config|feature_extractor)$/,
    reason: "the seed's lineage entries have only the seed keys; ours carry the current keys side by side with them",
    spec: { provider: 'mixpeek', schema: 'SourceLineageEntry', phrase: 'Current keys (`source_config`, `feature_extractor`, `output_schema`) and the seed\'s' },
  },
  {
    id: 'mixpeek-seed-reply-placeholder-id',
    rules: ['mixpeek-seed-create-200'],
    pointers: /^\/collection_id$/,
    placeholdersOnly: true,
    reason: 'the seed\'s `collection_id` is the docs placeholder `"<string>"`, not an id of the documented form',
    spec: { provider: 'mixpeek', schema: 'CollectionId', phrase: '`col_` + 10 alphanumerics' },
  },
  {
    id: 'airweave-empty-connection-update',
    rules: ['airweave-update-connection-empty'],
    accepts: true,
    reason: 'the vendor refuses `{}` with 422, but in its handler, not its schema; our schema accepts it and the handler refuses it',
    spec: { provider: 'airweave', op: 'updateSourceConnection', phrase: 'the handler enforces it; the schema allows `{}`' },
  },
  {
    id: 'mixpeek-error-table-abbreviated',
    rules: ['mixpeek-400', 'mixpeek-401', 'mixpeek-403', 'mixpeek-404', 'mixpeek-409', 'mixpeek-429', 'mixpeek-500'],
    pointers: /^\/success$/,
    reason: 'the note\'s error table leaves out `success:false` "for brevity"; completed as the note says, every row validates',
    spec: { note: 'mixpeek.md', phrase: '`success:false` omitted for brevity — always emit it' },
  },
  {
    id: 'notes-elide-values',
    rules: ['mixpeek-seed-form', 'mixpeek-delete-collection', 'mixpeek-delete-namespace', 'ctxfy-api-key', 'ctxfy-space', 'ctxfy-collection-node', 'ctxfy-source', 'ctxfy-health'],
    placeholdersOnly: true,
    reason: 'the note elides values (`"…"`, `"col_…"`, `"0d3b..."`), which then fail our length, pattern, uuid and date-time rules',
    // Only elided values may fail (placeholdersOnly): the elision in the note's text is the reason.
    spec: { note: 'ctxfy.md', phrase: '"0d3b..."' },
  },
];

// ------------------------------------------------------------------ machinery

const norm = (s: string) => s.replace(/\s+/g, '');

function matches(rule: Rule, e: Example): boolean {
  const m = rule.match;
  if (m.kind !== undefined && !(Array.isArray(m.kind) ? m.kind : [m.kind]).includes(e.kind)) return false;
  if (m.text !== undefined && norm(e.text) !== norm(m.text)) return false;
  if (m.starts !== undefined && !norm(e.text).startsWith(norm(m.starts))) return false;
  if (m.line !== undefined && !m.line.test(e.lineText)) return false;
  if (m.status !== undefined && e.status !== m.status) return false;
  if (m.ordinal !== undefined && e.ordinal !== m.ordinal) return false;
  if (m.pattern !== undefined && !m.pattern.test(norm(e.text))) return false;
  return true;
}

const JSON_MEDIA = 'application/json';

/** The operations a check names, each of which must declare what the check validates against. */
function resolveOps(check: Check): Operation[] {
  const spec = specs[check.provider];
  const declares = (op: Operation) => (check.request ? Boolean(op.requestBody?.content[JSON_MEDIA]) : Boolean(op.responses[check.status!]?.content[JSON_MEDIA]));
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
const where = (e: Example) => `${e.source}:${e.line}`;
const describeException = (x: Exception) => `${x.id} (${x.rules.join(', ')}${x.ops ? `; ${x.ops.join(', ')}` : ''}): ${x.reason}`;

/** A vendor's placeholder (`"<string>"`, `example_string`) or a note's elision (`"…"`, `"0d3b..."`). */
const isPlaceholder = (v: unknown) => typeof v === 'string' && (v.includes('…') || v.includes('...') || /^<[^>]*>$/.test(v) || v === 'example_string');

interface Outcome {
  rule: Rule;
  example: Example;
  check: Check;
  op: Operation;
  issues: ValidationIssue[];
  /** `completed`: the example as its note says to read it (`Rule.completed`), held to a clean pass. */
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

// ------------------------------------------------------------------ the extraction

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

describe('vendor examples: extraction', () => {
  it('rule ids are unique and every exception names a rule', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(EXCEPTIONS.flatMap((x) => x.rules).filter((id) => !ids.includes(id))).toEqual([]);
    const xids = EXCEPTIONS.map((x) => x.id);
    expect(xids.filter((id, i) => xids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(Object.keys(EXPECTED_PER_SOURCE) as SourceKey[])('%s: finds the expected number of JSON examples', (source) => {
    expect(examplesBySource.get(source)!.length).toBe(EXPECTED_PER_SOURCE[source]);
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
      expect(Boolean(r.wrap), `${r.id}: a wrap needs a wrapNote`).toBe(Boolean(r.wrapNote));
    }
  });
});

describe('vendor examples: the seeds route to the operations they are mapped to', () => {
  const requests = [...assigned].flatMap(([rule, examples]) => (rule.source.startsWith('seed') && rule.checks?.some((c) => c.request) ? examples.map((e) => [rule, e] as const) : []));
  it.each(requests.map(([rule, e]) => [`${where(e)} ${e.kind}`, rule, e] as const))('%s', (_name, rule, e) => {
    expect(e.method, 'the code sample names its method').toBeDefined();
    expect(e.url, 'the code sample names its URL').toBeDefined();
    // `//v1/...`: the docs page had no server URL configured (a rendering artefact, per the notes).
    const pathname = e.url!.replace(/^https?:\/\/[^/]+/, '').replace(/^\/\/+/, '/');
    for (const check of rule.checks!) {
      const match = specs[check.provider].router.match(e.method!, pathname);
      expect(match.kind === 'match' ? match.op.id : match.kind).toBe(check.ops);
    }
  });

  it('the seed response blocks carry the status they are mapped to', () => {
    for (const [rule, examples] of assigned) {
      if (!rule.source.startsWith('seed')) continue;
      for (const e of examples) {
        const code = (e.value as { code?: unknown } | null)?.code;
        if (e.kind === 'response-block' && typeof code === 'number') expect(String(code), `${where(e)} ${rule.id}`).toBe(rule.checks![0]!.status);
      }
    }
  });

  it('a status written beside a note example is the status it is validated against', () => {
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
  const label = `${where(o.example)}${o.variant === 'completed' ? ' (completed as the note says)' : ''} → ${o.check.provider} ${o.op.id} ${o.check.request ? 'request' : o.check.status}`;
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

  it.each(RULES.filter((r) => r.completed).map((r) => [r.id, r] as const))('%s: the note says how to complete it', (_id, rule) => {
    const file = (NOTES as Record<string, string>)[rule.source];
    expect(file, 'completion applies to note examples').toBeDefined();
    expect(norm(readShared(file!))).toContain(norm(rule.completed!.notePhrase));
  });
});

describe('vendor examples: every exception is explained by our spec', () => {
  const bySpec = EXCEPTIONS.filter((x): x is Exception & { spec: SpecPlace } => !('note' in x.spec));
  it.each(bySpec.map((x) => [describeException(x), x] as const))('%s', (_name, x) => {
    expect(norm(specText(x.spec)).toLowerCase()).toContain(norm(x.spec.phrase).toLowerCase());
  });
  const byNote = EXCEPTIONS.filter((x): x is Exception & { spec: { note: keyof typeof NOTES; phrase: string } } => 'note' in x.spec);
  it.each(byNote.map((x) => [describeException(x), x] as const))('%s (the note says so itself)', (_name, x) => {
    expect(norm(readShared(NOTES[x.spec.note])).toLowerCase()).toContain(norm(x.spec.phrase).toLowerCase());
  });
});

describe('vendor examples: summary', () => {
  it('reports what was found, validated, skipped and excepted', () => {
    const lines: string[] = [];
    for (const source of examplesBySource.keys()) {
      const found = examplesBySource.get(source)!.length;
      const skipped = RULES.filter((r) => r.source === source && r.skip).reduce((n, r) => n + assigned.get(r)!.length, 0);
      const mine = outcomes.filter((o) => o.rule.source === source && o.variant === 'as written');
      const deviating = (o: Outcome) => (o.check.expect === 'reject' ? o.issues.length === 0 : o.issues.length > 0);
      const excepted = new Set(mine.filter(deviating).map((o) => o.example)).size;
      lines.push(`${source}: ${found} found; ${found - skipped} validated (${mine.length} example×operation checks), ${excepted} of them through exceptions; ${skipped} skipped`);
    }
    for (const r of RULES.filter((r) => r.skip)) lines.push(`skipped ${r.source} ${r.id} ×${assigned.get(r)!.length}: ${r.skip}`);
    for (const x of EXCEPTIONS) lines.push(`exception ${describeException(x)} — ${x.spec ? `spec: "${x.spec.phrase}"` : 'NOT in our spec'}`);
    console.log(`vendor examples\n  ${lines.join('\n  ')}`);
    expect(outcomes.length).toBeGreaterThan(0);
  });
});
