/**
 * Shared by the Mixpeek tests: a raw request with the vendor's headers, the
 * vendor's error envelope and its validation errors, the legacy create
 * request, and fresh keys.
 */
import { expect } from 'vitest';
import { keyMaker, send, withHeader, type Res } from './client.js';

/** A raw Mixpeek request: Bearer key, optional X-Namespace, JSON body. */
export async function mp(
  baseUrl: string,
  path: string,
  init: { method?: string; key?: string | null; ns?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<Res> {
  const { key = 'sk_test_default', ns, ...rest } = init;
  const headers = withHeader(init.headers, 'authorization', key === null ? null : `Bearer ${key}`);
  if (ns !== undefined) headers.set('x-namespace', ns);
  return send(`${baseUrl}/mixpeek${path}`, { ...rest, headers });
}

/** Calls bound to one key (and optionally one namespace). */
export function mixpeekApi(baseUrl: string, key: string, ns?: string) {
  const call = (method: string, path: string, json?: unknown) =>
    mp(baseUrl, path, { method, key, ...(ns !== undefined ? { ns } : {}), ...(json !== undefined ? { json } : {}) });
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, json?: unknown) => call('POST', path, json),
    patch: (path: string, json: unknown) => call('PATCH', path, json),
    put: (path: string, json: unknown) => call('PUT', path, json),
    del: (path: string, json?: unknown) => call('DELETE', path, json),
  };
}
export type MixpeekApi = ReturnType<typeof mixpeekApi>;

/** The vendor's error envelope, nothing else at the top level. */
export function expectError(res: Res, status: number, type: string, message?: string | RegExp): any {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(Object.keys(res.json).sort()).toEqual(['error', 'status', 'success']);
  expect(res.json.success).toBe(false);
  expect(res.json.status).toBe(status);
  expect(res.json.error.type).toBe(type);
  expect(typeof res.json.error.message).toBe('string');
  if (typeof message === 'string') expect(res.json.error.message).toBe(message);
  else if (message) expect(res.json.error.message).toMatch(message);
  return res.json.error;
}

/** A 422 with one entry of the given pydantic type at the given location; returns all the entries. */
export function expectValidation(res: Res, type: string, location: Array<string | number>): any {
  const error = expectError(res, 422, 'ValidationError', 'Validation error');
  expect(error.details.validation_errors).toContainEqual(expect.objectContaining({ type, location }));
  return error.details.validation_errors;
}

/** Every path in a JSON value whose value is null. */
export function nullPaths(value: unknown, at = '$'): string[] {
  if (value === null) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullPaths(v, `${at}[${i}]`));
  if (typeof value === 'object') return Object.entries(value as object).flatMap(([k, v]) => nullPaths(v, `${at}.${k}`));
  return [];
}

/** Resource timestamps: naive, six fractional digits. */
export const NAIVE6 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

/** The text extractor, as a namespace lists it. */
export const TEXT_V1 = { feature_extractor_name: 'text_extractor', version: 'v1' };

/** A key of its own, so tests sharing a server do not share an organisation. */
export const freshKey = keyMaker('sk_test_', '_');

/** The fields the legacy request's filter looks at, plus a text field to embed. */
export const PEOPLE_SCHEMA = {
  properties: {
    name: { type: 'string' },
    age: { type: 'integer' },
    status: { type: 'string' },
    role: { type: 'string' },
    department: { type: 'string' },
    location: { type: 'string' },
    bio: { type: 'text' },
  },
};

/** The legacy request's `source.filters`, verbatim. */
export const LEGACY_FILTERS = {
  AND: [
    { field: 'name', operator: 'eq', value: 'John' },
    { field: 'age', operator: 'gte', value: 30 },
  ],
  OR: [
    { field: 'status', operator: 'eq', value: 'active' },
    { field: 'role', operator: 'eq', value: 'admin' },
  ],
  NOT: [
    { field: 'department', operator: 'eq', value: 'HR' },
    { field: 'location', operator: 'eq', value: 'remote' },
  ],
  case_sensitive: true,
};

/**
 * The request shown on Mixpeek's earlier (2025) API reference page for the
 * legacy `POST /v1/collections/create`, copied verbatim; only the
 * placeholders that need a real value are filled: the bucket id and the
 * extractor's name and version.
 */
export function legacyRequest(bucketId: string) {
  return {
    collection_name: '<string>',
    description: '<string>',
    source: {
      type: 'bucket',
      bucket_id: bucketId,
      prefix_key: '<string>',
      collection_id: '<string>',
      filters: structuredClone(LEGACY_FILTERS),
    },
    feature_extractors: [
      {
        feature_extractor_name: 'text_extractor',
        version: 'v1',
        parameters: {},
        input_mapping: {},
        output_mapping: {},
        document_output_type: 'single',
        document_input_handling: 'individual',
        document_output_handling: 'create_new',
      },
    ],
    taxonomy_applications: [{ taxonomy_id: '<string>', output_collection: '<string>' }],
    enabled: true,
    metadata: {},
    document_handling: { output_type: 'single' },
    cache_config: {
      enabled: true,
      ttl_seconds: 604800,
      invalidation_strategy: 'replace_if_better',
      max_entries_per_key: 5,
      score_threshold: 123,
      invalidation_events: [{ collection: '<string>', action: '<string>', recompute_strategy: 'background', retriever_id: '<string>' }],
      retriever_configs: {},
    },
  };
}
