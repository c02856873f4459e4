/**
 * Ctxfy collections: the request of the Create collection reference page, the
 * collection tree (nesting, parents, siblings in creation order), and name
 * clashes under one parent.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { ok } from './support/client.js';
import {
  CONFLICT_BODY,
  NOT_FOUND_BODY,
  REFERENCE_COLLECTION,
  UUID,
  createCollection,
  createSpace,
  ctxfyApi,
  cx,
  expectCtxfyError,
  expectFieldError,
  expectNotFound,
  freshKey,
  rate,
} from './support/ctxfy.js';

describe('Ctxfy collections (the Create collection reference page)', () => {
  const ctx = useServer({ providers: ['ctxfy'] });
  const api = (key: string | null) => ctxfyApi(ctx.url, key);
  const nowIso = () => new Date(ctx.server.clock.nowMs()).toISOString();

  it("the reference page's request verbatim (space example_string) → 404 with exactly the documented envelope", async () => {
    const res = await cx(ctx.url, '/v1/spaces/example_string/collections', { method: 'POST', key: freshKey('reference'), json: REFERENCE_COLLECTION });
    expectNotFound(res);
    expect(res.text).toBe(JSON.stringify(NOT_FOUND_BODY));
    rate(res);
  });

  it("the reference page's body in a real space is 404 too: parentId example_string is no collection of the space", async () => {
    const a = api(freshKey('reference-real'));
    const space = await createSpace(a);
    expectNotFound(await a.post(`/v1/spaces/${space.id}/collections`, REFERENCE_COLLECTION));
    expect((await ok(a.get(`/v1/spaces/${space.id}/collections`))).collections).toEqual([]);
  });

  it('a root collection → 201 with parentId null and no children; nesting works three levels deep', async () => {
    const a = api(freshKey('col'));
    const space = await createSpace(a);
    const res = await a.post(`/v1/spaces/${space.id}/collections`, { name: 'Research' });
    expect(res.status, res.text).toBe(201);
    rate(res);
    expect(res.json).toEqual({
      id: expect.stringMatching(UUID),
      spaceId: space.id,
      parentId: null,
      name: 'Research',
      createdAt: nowIso(),
      updatedAt: nowIso(),
      children: [],
    });
    const nullParent = await createCollection(a, space.id, 'Explicit Root', null);
    expect(nullParent.parentId).toBeNull();
    const papers = await createCollection(a, space.id, 'Papers', res.json.id);
    expect(papers).toMatchObject({ parentId: res.json.id, spaceId: space.id, children: [] });
    const y2024 = await createCollection(a, space.id, '2024', papers.id);
    expect(y2024.parentId).toBe(papers.id);

    const tree = await ok(a.get(`/v1/spaces/${space.id}/collections`));
    expect(tree).toEqual({
      collections: [{ ...res.json, children: [{ ...papers, children: [y2024] }] }, nullParent],
    });
  });

  it('an unknown parentId or a parent from another space is 404, and nothing is created', async () => {
    const a = api(freshKey('col-parent'));
    const one = await createSpace(a, 'One');
    const two = await createSpace(a, 'Two');
    const inTwo = await createCollection(a, two.id, 'In Two');
    expectNotFound(await a.post(`/v1/spaces/${one.id}/collections`, { name: 'Lost', parentId: randomUUID() }));
    expectNotFound(await a.post(`/v1/spaces/${one.id}/collections`, { name: 'Cross', parentId: inTwo.id }));
    expect((await ok(a.get(`/v1/spaces/${one.id}/collections`))).collections).toEqual([]);
    // Another user's collection is no parent either.
    const b = api(freshKey('col-parent-b'));
    const bSpace = await createSpace(b);
    expectNotFound(await b.post(`/v1/spaces/${bSpace.id}/collections`, { name: 'Cross User', parentId: inTwo.id }));
  });

  it('the same name under the same parent → 409 with exactly the documented body; trimmed names clash, other case or another parent do not', async () => {
    const a = api(freshKey('col-dup'));
    const space = await createSpace(a);
    const research = await createCollection(a, space.id, 'Research');
    const archive = await createCollection(a, space.id, 'Archive');
    await createCollection(a, space.id, 'Papers', research.id);

    const dup = await a.post(`/v1/spaces/${space.id}/collections`, { name: 'Research' });
    expectCtxfyError(dup, 409);
    expect(dup.json).toEqual(CONFLICT_BODY);
    rate(dup);
    expect((await a.post(`/v1/spaces/${space.id}/collections`, { name: ' Research ' })).json).toEqual(CONFLICT_BODY);
    expect((await a.post(`/v1/spaces/${space.id}/collections`, { name: 'Papers', parentId: research.id })).json).toEqual(CONFLICT_BODY);
    expect((await a.post(`/v1/spaces/${space.id}/collections`, { name: 'Research', parentId: null })).status).toBe(409);

    const lower = await createCollection(a, space.id, 'research');
    expect(lower.name).toBe('research');
    const underArchive = await createCollection(a, space.id, 'Research', archive.id);
    expect(underArchive.parentId).toBe(archive.id);
    const trimmed = await createCollection(a, space.id, '  Notes  ');
    expect(trimmed.name).toBe('Notes');
    // Another space may reuse every name.
    const other = await createSpace(a, 'Other');
    await createCollection(a, other.id, 'Research');
  });

  it('a blank or missing name is 400 on name', async () => {
    const a = api(freshKey('col-bad'));
    const space = await createSpace(a);
    expectFieldError(await a.post(`/v1/spaces/${space.id}/collections`, { name: '   ' }), 'name');
    expectFieldError(await a.post(`/v1/spaces/${space.id}/collections`, { parentId: null }), 'name', 'name is required');
    expect((await ok(a.get(`/v1/spaces/${space.id}/collections`))).collections).toEqual([]);
  });

  it('the tree holds root nodes with children nested, siblings in creation order (not by name)', async () => {
    const a = api(freshKey('col-tree'));
    const space = await createSpace(a);
    const zeta = await createCollection(a, space.id, 'Zeta');
    ctx.server.clock.advance(1000);
    const alpha = await createCollection(a, space.id, 'Alpha');
    const z2 = await createCollection(a, space.id, 'Zulu', zeta.id);
    ctx.server.clock.advance(1000);
    const z1 = await createCollection(a, space.id, 'Bravo', zeta.id);
    const deep = await createCollection(a, space.id, 'Deep', z1.id);
    const res = await a.get(`/v1/spaces/${space.id}/collections`);
    expect(res.status).toBe(200);
    rate(res);
    expect(res.json).toEqual({
      collections: [{ ...zeta, children: [z2, { ...z1, children: [deep] }] }, alpha],
    });
  });

  it('the tree of an unknown space is 404; an empty space has an empty tree', async () => {
    const a = api(freshKey('col-empty'));
    expectNotFound(await a.get(`/v1/spaces/${randomUUID()}/collections`));
    expectNotFound(await a.get('/v1/spaces/example_string/collections'));
    const space = await createSpace(a);
    expect(await ok(a.get(`/v1/spaces/${space.id}/collections`))).toEqual({ collections: [] });
  });
});
