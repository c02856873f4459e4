import { describe, expect, it } from 'vitest';
import { Router, type Operation } from '../src/core/spec.js';

const op = (id: string, method: string, path: string): Operation => ({ id, method, path, tags: [], parameters: [], responses: {}, raw: {} });

const ops = [
  op('list', 'GET', '/v1/collections'),
  op('create', 'POST', '/v1/collections'),
  op('get', 'GET', '/v1/collections/{collection_id}'),
  op('docs', 'GET', '/v1/collections/{collection_id}/documents'),
  op('doc', 'GET', '/v1/collections/{collection_id}/documents/{file_id}'),
  op('batchGet', 'GET', '/v1/collections/{collection_id}/documents:batchGet'),
  op('cancel', 'POST', '/v1/jobs/{job_id}:cancel'),
];
const router = new Router(ops);

describe('Router', () => {
  it('matches templates and decodes parameters', () => {
    expect(router.match('GET', '/v1/collections/abc%20d/documents/f1')).toEqual({
      kind: 'match',
      op: ops[4],
      params: { collection_id: 'abc d', file_id: 'f1' },
    });
  });

  it('prefers a literal segment over a parameter (custom verbs are not ids)', () => {
    const m = router.match('GET', '/v1/collections/c1/documents:batchGet');
    expect(m.kind === 'match' && m.op.id).toBe('batchGet');
    const d = router.match('GET', '/v1/collections/c1/documents');
    expect(d.kind === 'match' && d.op.id).toBe('docs');
  });

  it('matches a parameter followed by a literal suffix inside one segment', () => {
    expect(router.match('POST', '/v1/jobs/j-1:cancel')).toMatchObject({ kind: 'match', params: { job_id: 'j-1' } });
    expect(router.match('POST', '/v1/jobs/j-1').kind).toBe('not_found');
  });

  it('matches a path without parameters by its method, and falls back to templates for any other method', () => {
    const exact = new Router([op('stages', 'GET', '/v1/items/stages'), op('item', 'DELETE', '/v1/items/{id}'), op('put', 'PUT', '/v1/items/{id}')]);
    expect(exact.match('GET', '/v1/items/stages')).toEqual({ kind: 'match', op: expect.objectContaining({ id: 'stages' }), params: {} });
    // Another method on the literal path reaches the template that has it.
    expect(exact.match('DELETE', '/v1/items/stages')).toEqual({ kind: 'match', op: expect.objectContaining({ id: 'item' }), params: { id: 'stages' } });
    // HEAD is answered by GET.
    expect(exact.match('HEAD', '/v1/items/stages')).toMatchObject({ kind: 'match', op: { id: 'stages' } });
    expect(exact.match('POST', '/v1/items/stages')).toEqual({ kind: 'method_not_allowed', allowed: ['DELETE', 'GET', 'PUT'] });
    // Two matches in a row do not share their parameters.
    const a = exact.match('GET', '/v1/items/stages');
    const b = exact.match('GET', '/v1/items/stages');
    expect(a.kind === 'match' && b.kind === 'match' && a.params !== b.params).toBe(true);
  });

  it('answers 405 with the allowed methods for a known path', () => {
    expect(router.match('DELETE', '/v1/collections')).toEqual({ kind: 'method_not_allowed', allowed: ['GET', 'POST'] });
    expect(router.match('POST', '/v1/collections/c1/documents:batchGet')).toEqual({ kind: 'method_not_allowed', allowed: ['GET'] });
  });

  it('treats HEAD as GET', () => {
    expect(router.match('HEAD', '/v1/collections')).toMatchObject({ kind: 'match', op: ops[0] });
  });

  it('does not match empty segments, unknown paths or malformed escapes', () => {
    expect(router.match('GET', '/v1/collections//documents').kind).toBe('not_found');
    expect(router.match('GET', '/v1/nope').kind).toBe('not_found');
    expect(router.match('GET', '/v1/collections/%E0%A4%A').kind).toBe('not_found');
    expect(router.match('GET', '').kind).toBe('not_found');
  });

  it('is strict about trailing slashes unless told otherwise', () => {
    expect(router.match('GET', '/v1/collections/').kind).toBe('not_found');
    expect(router.withTrailingSlashIgnored().match('GET', '/v1/collections/')).toMatchObject({ kind: 'match', op: ops[0] });
  });
});
