/**
 * Ctxfy spaces: create, list with its pages, partial update, get and delete,
 * and the delete's cascade through the space's collections and sources.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { ok } from './support/client.js';
import { CONTENT_SOURCE, INVALID, UUID, createCollection, createSpace, ctxfyApi, expectFieldError, expectNotFound, freshKey, rate } from './support/ctxfy.js';

describe('Ctxfy spaces', () => {
  const ctx = useServer({ providers: ['ctxfy'] });
  const api = (key: string | null) => ctxfyApi(ctx.url, key);
  const nowIso = () => new Date(ctx.server.clock.nowMs()).toISOString();

  it('create: 201 with the name trimmed, description null by default, the caller\u2019s userId and equal timestamps', async () => {
    const a = api(freshKey('sp-create'));
    const res = await a.post('/v1/spaces', { name: '  Project Atlas  ' });
    expect(res.status, res.text).toBe(201);
    rate(res);
    expect(Object.keys(res.json).sort()).toEqual(['createdAt', 'description', 'id', 'name', 'updatedAt', 'userId']);
    expect(res.json).toMatchObject({ name: 'Project Atlas', description: null, createdAt: nowIso(), updatedAt: nowIso() });
    expect(res.json.id).toMatch(UUID);
    expect(res.json.userId).toMatch(UUID);
    const withDescription = await createSpace(a, 'Described', { description: 'Design docs' });
    expect(withDescription.description).toBe('Design docs');
    const nullDescription = await createSpace(a, 'Null Described', { description: null });
    expect(nullDescription.description).toBeNull();
    expect(await ok(a.get(`/v1/spaces/${res.json.id}`))).toEqual(res.json);
  });

  it('create: a missing name is 400 "name is required"; a blank one is 400 on name; nothing is stored', async () => {
    const a = api(freshKey('sp-bad'));
    const missing = await a.post('/v1/spaces', { description: 'no name' });
    expectFieldError(missing, 'name', 'name is required');
    expect(missing.json.message).toBe(INVALID);
    expectFieldError(await a.post('/v1/spaces', { name: '   ' }), 'name');
    expectFieldError(await a.post('/v1/spaces', { name: '' }), 'name');
    expectFieldError(await a.post('/v1/spaces', { name: 42 }), 'name');
    expectFieldError(await a.post('/v1/spaces', { name: 'x'.repeat(256) }), 'name');
    expect((await ok(a.get('/v1/spaces'))).pagination.total).toBe(0);
  });

  it('list: newest first, page/per_page default to 1/20, later pages and a page past the end keep the real total', async () => {
    const a = api(freshKey('sp-list'));
    for (const name of ['Alpha', 'Beta', 'Gamma']) {
      await createSpace(a, name);
      ctx.server.clock.advance(1000);
    }
    const all = await ok(a.get('/v1/spaces'));
    expect(all.spaces.map((s: any) => s.name)).toEqual(['Gamma', 'Beta', 'Alpha']);
    expect(all.pagination).toEqual({ page: 1, per_page: 20, total: 3, pages: 1 });
    const first = await ok(a.get('/v1/spaces?per_page=2'));
    expect(first.spaces.map((s: any) => s.name)).toEqual(['Gamma', 'Beta']);
    expect(first.pagination).toEqual({ page: 1, per_page: 2, total: 3, pages: 2 });
    const second = await ok(a.get('/v1/spaces?per_page=2&page=2'));
    expect(second.spaces.map((s: any) => s.name)).toEqual(['Alpha']);
    expect(second.pagination).toEqual({ page: 2, per_page: 2, total: 3, pages: 2 });
    const past = await ok(a.get('/v1/spaces?per_page=2&page=5'));
    expect(past).toEqual({ spaces: [], pagination: { page: 5, per_page: 2, total: 3, pages: 2 } });
    const max = await ok(a.get('/v1/spaces?per_page=100'));
    expect(max.pagination).toEqual({ page: 1, per_page: 100, total: 3, pages: 1 });
  });

  it.each([
    ['per_page=0', 'per_page'],
    ['per_page=101', 'per_page'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=abc', 'page'],
  ])('list with %s → 400 naming %s', async (query, field) => {
    const res = await api(freshKey('sp-q')).get(`/v1/spaces?${query}`);
    expectFieldError(res, field);
    rate(res);
  });

  it('PUT is a partial update: description alone keeps the name, a name is trimmed, null clears the description, {} is 400', async () => {
    const a = api(freshKey('sp-put'));
    const space = await createSpace(a, 'Original', { description: 'first' });
    ctx.server.clock.advance(2000);
    const described = await ok(a.put(`/v1/spaces/${space.id}`, { description: 'second' }));
    expect(described).toEqual({ ...space, description: 'second', updatedAt: nowIso() });
    expect(described.updatedAt).not.toBe(space.updatedAt);
    const renamed = await ok(a.put(`/v1/spaces/${space.id}`, { name: '  Renamed  ' }));
    expect(renamed).toMatchObject({ name: 'Renamed', description: 'second', createdAt: space.createdAt });
    const cleared = await ok(a.put(`/v1/spaces/${space.id}`, { description: null }));
    expect(cleared).toMatchObject({ name: 'Renamed', description: null });

    expectFieldError(await a.put(`/v1/spaces/${space.id}`, {}), 'body');
    expectFieldError(await a.put(`/v1/spaces/${space.id}`, { name: '   ' }), 'name');
    expectNotFound(await a.put(`/v1/spaces/${randomUUID()}`, { name: 'Ghost' }));
    expect(await ok(a.get(`/v1/spaces/${space.id}`))).toEqual(cleared);
  });

  it('GET and DELETE of an unknown or malformed id are 404', async () => {
    const a = api(freshKey('sp-404'));
    for (const id of [randomUUID(), 'example_string']) {
      expectNotFound(await a.get(`/v1/spaces/${id}`));
      expectNotFound(await a.del(`/v1/spaces/${id}`));
    }
  });

  it('DELETE returns the space and cascades: its collection tree and sources are 404 afterwards, other spaces are untouched', async () => {
    const a = api(freshKey('sp-del'));
    const doomed = await createSpace(a, 'Doomed');
    const kept = await createSpace(a, 'Kept');
    const root = await createCollection(a, doomed.id, 'Root');
    await createCollection(a, doomed.id, 'Child', root.id);
    const source = await ok(a.post(`/v1/spaces/${doomed.id}/sources`, { ...CONTENT_SOURCE, collectionId: root.id }), 201);
    const keptCollection = await createCollection(a, kept.id, 'Root');
    const keptSource = await ok(a.post(`/v1/spaces/${kept.id}/sources`, CONTENT_SOURCE), 201);

    const res = await a.del(`/v1/spaces/${doomed.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual(doomed);

    expectNotFound(await a.get(`/v1/spaces/${doomed.id}`));
    expectNotFound(await a.get(`/v1/spaces/${doomed.id}/collections`));
    expectNotFound(await a.post(`/v1/spaces/${doomed.id}/collections`, { name: 'Late' }));
    expectNotFound(await a.get(`/v1/sources/${source.id}`));
    expectNotFound(await a.del(`/v1/spaces/${doomed.id}`));
    // Its collection id cannot be borrowed by another space either.
    expectNotFound(await a.post(`/v1/spaces/${kept.id}/collections`, { name: 'Orphan', parentId: root.id }));

    expect((await ok(a.get('/v1/spaces'))).spaces.map((s: any) => s.id)).toEqual([kept.id]);
    expect((await ok(a.get(`/v1/spaces/${kept.id}/collections`))).collections).toEqual([keptCollection]);
    expect((await ok(a.get(`/v1/sources/${keptSource.id}`))).id).toBe(keptSource.id);
    // Nothing of the deleted space finishes later.
    ctx.server.clock.advance(10_000);
    expectNotFound(await a.get(`/v1/sources/${source.id}`));
  });
});
