/**
 * Mixpeek auth and request errors: the Bearer header, the rate-limit window,
 * the public extractor catalog, unknown routes and methods, bodies that are
 * not JSON, and a key file's organisations.
 */
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { ok } from './support/client.js';
import { TEXT_V1, expectError, expectValidation, freshKey, mixpeekApi, mp } from './support/mixpeek.js';

const SCHEMA = { properties: { title: { type: 'string' }, description: { type: 'text' }, image: { type: 'image' } } };

describe('Mixpeek auth and request errors', () => {
  const ctx = useServer({ providers: ['mixpeek'] });

  const api = (key: string, ns?: string) => mixpeekApi(ctx.url, key, ns);

  it('no Authorization → 401; a non-Bearer header → 401; auth is checked before the namespace', async () => {
    const none = await mp(ctx.url, '/v1/buckets/list', { method: 'POST', key: null, json: {} });
    expectError(none, 401, 'UnauthorizedError', 'Authorization header is required');
    const basic = await mp(ctx.url, '/v1/buckets/list', { method: 'POST', headers: { authorization: 'Basic dXNlcjpwYXNz' }, json: {} });
    expectError(basic, 401, 'UnauthorizedError', 'Invalid authorization header format');
    const bare = await mp(ctx.url, '/v1/namespaces/list', { method: 'POST', headers: { authorization: 'sk_live_nobearer' }, json: {} });
    expectError(bare, 401, 'UnauthorizedError', 'Invalid authorization header format');
    const withNs = await mp(ctx.url, '/v1/collections/list', { method: 'POST', key: null, ns: 'nowhere', json: {} });
    expectError(withNs, 401, 'UnauthorizedError', 'Authorization header is required');
    // Any non-empty bearer token is a key (no prefix check) when no key list is configured.
    expect((await mp(ctx.url, '/v1/namespaces/list', { method: 'POST', key: 'anything-goes', json: {} })).status).toBe(200);
  });

  it('authenticated replies, errors included, report a rate-limit window; refused ones do not', async () => {
    for (const res of [
      await mp(ctx.url, '/v1/namespaces/list', { method: 'POST', key: 'rl-key', json: {} }),
      await mp(ctx.url, '/v1/buckets/nope', { key: 'rl-key' }),
    ]) {
      expect(res.headers.get('x-ratelimit-limit')).toBe('600');
      expect(res.headers.get('x-ratelimit-remaining')).toBe('600');
      expect(res.headers.get('x-ratelimit-window')).toBe('60');
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    }
    expect((await mp(ctx.url, '/v1/buckets/list', { method: 'POST', key: null, json: {} })).headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('the extractor catalog needs no key', async () => {
    const list = await mp(ctx.url, '/v1/collections/features/extractors', { key: null });
    expect(list.status, list.text).toBe(200);
    expect(list.json.map((e: any) => e.feature_extractor_id)).toEqual(
      expect.arrayContaining(['text_extractor_v1', 'image_extractor_v1', 'multimodal_extractor_v1', 'passthrough_extractor_v1']),
    );
    const one = await mp(ctx.url, '/v1/collections/features/extractors/text_extractor_v1', { key: null });
    expect(one.status, one.text).toBe(200);
    expect(one.json).toMatchObject({ feature_extractor_name: 'text_extractor', version: 'v1', feature_extractor_id: 'text_extractor_v1' });
    expect(one.json.required_vector_indexes[0].index).toMatchObject({ name: 'text_extractor_v1_embedding', dimensions: 1024 });
    const missing = await mp(ctx.url, '/v1/collections/features/extractors/nope_v1', { key: null });
    expect(expectError(missing, 404, 'NotFoundError').details).toEqual({ resource: 'feature_extractor', id: 'nope_v1' });
  });

  it('an unknown route → 404 Not Found; a wrong method → 405', async () => {
    expectError(await mp(ctx.url, '/v1/taxonomies'), 404, 'NotFoundError', 'Not Found');
    expectError(await mp(ctx.url, '/v1/retrievers'), 405, 'MethodNotAllowedError');
    expectError(await mp(ctx.url, '/v2/collections/list', { method: 'POST', json: {} }), 404, 'NotFoundError', 'Not Found');
    expectError(await mp(ctx.url, '/v1/collections/list', { method: 'PUT', json: {} }), 405, 'MethodNotAllowedError');
    expectError(await mp(ctx.url, '/v1/buckets', { method: 'PUT', json: {} }), 405, 'MethodNotAllowedError');
    expectError(await mp(ctx.url, '/v1/tasks/task_x', { method: 'DELETE' }), 405, 'MethodNotAllowedError');
    // GET on a static list path is a lookup by name under the identifier route.
    expect(expectError(await mp(ctx.url, '/v1/buckets/list'), 404, 'NotFoundError').details).toEqual({ resource: 'bucket', id: 'list' });
    // Mixpeek's 2025 bucket routes (POST /v1/buckets/create created, POST /v1/buckets listed) are not
    // served, since that meaning of POST /v1/buckets would break current clients: /v1/buckets/create
    // is a bucket named "create".
    expectError(await mp(ctx.url, '/v1/buckets/create', { method: 'POST', json: { bucket_name: 'x', bucket_schema: SCHEMA } }), 405, 'MethodNotAllowedError');
  });

  it('malformed JSON → 422 json_invalid at [body, offset]; a non-JSON body → 422 model_attributes_type at [body]', async () => {
    const key = freshKey('json');
    const broken = await mp(ctx.url, '/v1/buckets', { method: 'POST', key, headers: { 'content-type': 'application/json' }, body: '{"bucket_name": "x",' });
    // The offset is the character where Python's json parser gives up.
    const errors = expectValidation(broken, 'json_invalid', ['body', 20]);
    expect(errors).toEqual([{ type: 'json_invalid', location: ['body', 20], message: 'JSON decode error' }]);
    const trailing = await mp(ctx.url, '/v1/namespaces', { method: 'POST', key, headers: { 'content-type': 'application/json' }, body: '{"a": 1,}' });
    expectValidation(trailing, 'json_invalid', ['body', 8]);
    const text = await mp(ctx.url, '/v1/buckets', { method: 'POST', key, headers: { 'content-type': 'text/plain' }, body: 'bucket_name=x' });
    expectValidation(text, 'model_attributes_type', ['body']);
    const missing = await mp(ctx.url, '/v1/buckets', { method: 'POST', key });
    expect(missing.status, missing.text).toBe(422);
    expect(missing.json.status).toBe(422);
    const array = await mp(ctx.url, '/v1/buckets', { method: 'POST', key, json: [] });
    expectValidation(array, 'model_attributes_type', ['body']);
    expect((await ok(api(key).post('/v1/buckets/list', {}))).total_count).toBe(0);
  });
});

describe('Mixpeek with a key file', () => {
  const ctx = useServer({
    providers: ['mixpeek'],
    apiKeys: { mixpeek: [{ key: 'sk_live_a', organization: 'org_1' }, { key: 'sk_live_b', organization: 'org_1' }, { key: 'sk_live_c' }] },
  });

  it('an unlisted key → 401 Invalid API key', async () => {
    expectError(await mp(ctx.url, '/v1/namespaces/list', { method: 'POST', key: 'sk_live_z', json: {} }), 401, 'UnauthorizedError', 'Invalid API key');
    expectError(
      await mp(ctx.url, '/v1/namespaces/list', { method: 'POST', key: null, json: {} }),
      401,
      'UnauthorizedError',
      'Authorization header is required',
    );
  });

  it('two keys of one organization share its data; a key of another organization does not', async () => {
    const created = await mp(ctx.url, '/v1/namespaces', {
      method: 'POST',
      key: 'sk_live_a',
      json: { namespace_name: 'shared', feature_extractors: [TEXT_V1] },
    });
    expect(created.status, created.text).toBe(200);
    const bucket = await mp(ctx.url, '/v1/buckets', { method: 'POST', key: 'sk_live_a', ns: 'shared', json: { bucket_name: 'b', bucket_schema: SCHEMA } });
    expect(bucket.status, bucket.text).toBe(200);
    const seen = await mp(ctx.url, `/v1/buckets/${bucket.json.bucket_id}`, { key: 'sk_live_b', ns: created.json.namespace_id });
    expect(seen.status, seen.text).toBe(200);
    expect(seen.json).toEqual(bucket.json);
    const dup = await mp(ctx.url, '/v1/namespaces', { method: 'POST', key: 'sk_live_b', json: { namespace_name: 'shared', feature_extractors: [TEXT_V1] } });
    expectError(dup, 409, 'AlreadyExistsError');
    const other = await mp(ctx.url, '/v1/namespaces/list', { method: 'POST', key: 'sk_live_c', json: {} });
    expect(other.json.total_count).toBe(0);
    expectError(await mp(ctx.url, `/v1/buckets/${bucket.json.bucket_id}`, { key: 'sk_live_c', ns: created.json.namespace_id }), 404, 'NotFoundError');
  });

  it('the extractor catalog still needs no key', async () => {
    const res = await mp(ctx.url, '/v1/collections/features/extractors', { key: null });
    expect(res.status, res.text).toBe(200);
    expect(res.json.length).toBeGreaterThan(0);
  });
});
